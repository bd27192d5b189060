"""ETags, ``make_conditional`` and byte ranges, on both twins and on a subclass.

Every scenario runs on our ``Response`` and on ``werkzeug.wrappers.Response``
with the same inputs: the expected values written here are Werkzeug 3.1.9's,
and most tests also assert that Werkzeug itself gives them, so that a wrong
expectation shows up as a failure on Werkzeug's side too. Outcomes are compared
on the wire (status line, header list in order, body bytes), with the ``Date``
value that both sides read from the clock checked for shape and then masked.

Werkzeug's rules, pinned here (RFC deviations included, on purpose):

- only GET and HEAD are touched; other methods get no ``Date`` either;
- ``Accept-Ranges`` is set whenever ``accept_ranges`` is truthy, even without a
  ``Range`` header;
- a processable ``Range`` wins over ``If-None-Match`` (206, not 304);
- 412 is only reached through the not-modified path: ``If-Match`` is looked at
  only after the other headers found the resource unmodified, and
  ``If-Unmodified-Since`` is ignored;
- a multi-range request, a malformed header and a range past the end raise
  ``RequestedRangeNotSatisfiable`` (416 with ``Content-Range: bytes */N``).

The one place where we are stricter (a date with a 20-digit year in
``If-Modified-Since`` or ``If-Range``, which makes Werkzeug raise
``OverflowError``) is pinned by the ``test_stricter_*`` tests.
"""

from __future__ import annotations

import datetime
import hashlib
import inspect
import io
import sys
import types
import typing as t
import wsgiref.util

import pytest
import werkzeug.datastructures
import werkzeug.exceptions
import werkzeug.http
import werkzeug.test
import werkzeug.wrappers
import werkzeug.wsgi

from support import Wire, call_wsgi

WR = werkzeug.wrappers.Response
WRNS = werkzeug.exceptions.RequestedRangeNotSatisfiable
UTC = datetime.timezone.utc

DATA = b"0123456789"
#: SHA-1 of DATA, the ETag ``add_etag`` gives it.
SHA = "87acec17cd9dcd20a716cc2cf67417b71c8a7016"
ETAG = f'"{SHA}"'
TEXT_PLAIN = ("Content-Type", "text/plain; charset=utf-8")

#: A fixed Date, for responses that already carry one.
FIXED_DATE = "Wed, 01 Jan 2020 00:00:00 GMT"
#: Last-Modified used by the date tests, and dates around it.
LM = "Sat, 01 Feb 2020 12:00:00 GMT"
BEFORE_LM = "Fri, 31 Jan 2020 12:00:00 GMT"
AFTER_LM = "Sun, 02 Feb 2020 12:00:00 GMT"

#: A longer body, with line breaks so that file-like bodies iterate in
#: uneven chunks.
LONG = b"0123\n56789\nabcdefghij\nklm\nnopqrstuvwxyz\n!"

#: The 416 body Werkzeug's ``RequestedRangeNotSatisfiable`` serves.
BODY_416 = (
    b"<!doctype html>\n<html lang=en>\n"
    b"<title>416 Requested Range Not Satisfiable</title>\n"
    b"<h1>Requested Range Not Satisfiable</h1>\n"
    b"<p>The server cannot provide the requested range.</p>\n"
)


# --- helpers ------------------------------------------------------------------


def environ(
    method: str = "GET", headers: dict[str, str] | None = None
) -> dict[str, t.Any]:
    """A WSGI environ from Werkzeug's builder, with request ``headers``."""
    return werkzeug.test.create_environ(
        "/", "http://localhost/", method=method, headers=headers or {}
    )


def call(app: t.Any, env: dict[str, t.Any], mask_date: bool = True) -> Wire:
    """Call ``app`` with a copy of ``env`` as a WSGI server would
    (:func:`support.call_wsgi`).

    With ``mask_date``, a ``Date`` header must parse and be within a day of
    now, and its value is replaced by ``"<now>"`` so that two sides compare.
    """
    return call_wsgi(app, dict(env), mask if mask_date else None)


def mask(key: str, value: str) -> str:
    """``"<now>"`` for a Date made from the clock; other values unchanged."""
    if key.lower() != "date" or value == FIXED_DATE:
        return value
    parsed = werkzeug.http.parse_date(value)
    assert parsed is not None, value
    now = datetime.datetime.now(UTC)
    assert abs((parsed - now).total_seconds()) < 86400, value
    return "<now>"


def state(r: t.Any) -> tuple[t.Any, ...]:
    """Status and header list of a response, Date masked."""
    return (
        r.status,
        r.status_code,
        [(k, mask(k, v)) for k, v in r.headers.to_wsgi_list()],
    )


Outcome = tuple[str, t.Any, t.Any]


def conditional(
    cls: type,
    body: t.Any = DATA,
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    etag: str | None = "add",
    last_modified: str | None = None,
    date: str | None = None,
    **kwargs: t.Any,
) -> tuple[t.Any, Outcome]:
    """Build ``cls(body)``, give it an ETag and dates, make it conditional.

    ``etag``: ``"add"`` calls ``add_etag()``, ``"weak"`` calls
    ``add_etag(weak=True)``, None leaves it without, anything else is passed to
    ``set_etag``. Returns the response and ``("ok", Wire, state)`` or
    ``("raises", exception, state)``.
    """
    r = cls(body)
    if etag == "add":
        r.add_etag()
    elif etag == "weak":
        r.add_etag(weak=True)
    elif etag is not None:
        r.set_etag(etag)
    if last_modified is not None:
        r.headers["Last-Modified"] = last_modified
    if date is not None:
        r.headers["Date"] = date
    env = environ(method, headers)
    try:
        rv = r.make_conditional(env, **kwargs)
    except Exception as exc:
        return r, ("raises", exc, state(r))
    assert rv is r
    after = state(r)
    return r, ("ok", call(r, env), after)


def both(
    Response: type,  # noqa: N803
    body: t.Callable[[], t.Any] | bytes | str = DATA,
    **kwargs: t.Any,
) -> Outcome:
    """Run :func:`conditional` on ours and on Werkzeug's; assert they agree.

    ``body`` is a value or a factory (for single-use bodies). Returns our
    outcome. For a 416, the exceptions' ``length`` and their responses on
    the wire are compared.
    """
    make = body if callable(body) else (lambda: body)
    _, ours = conditional(Response, make(), **kwargs)
    _, theirs = conditional(WR, make(), **kwargs)
    assert ours[0] == theirs[0], (ours, theirs)
    assert ours[2] == theirs[2]
    if ours[0] == "ok":
        assert ours[1] == theirs[1]
    else:
        assert type(theirs[1]) is WRNS, theirs[1]
        assert_same_416(ours[1], theirs[1])
    return ours


def assert_same_416(ours: t.Any, theirs: t.Any) -> None:
    assert ours.length == theirs.length
    assert ours.code == theirs.code == 416
    env = environ()
    assert call(ours.get_response(env), env) == call(theirs.get_response(env), env)


def wire_416(length: int) -> Wire:
    """The 416 response on the wire, as Werkzeug serves it."""
    return Wire(
        "416 REQUESTED RANGE NOT SATISFIABLE",
        [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Range", f"bytes */{length}"),
            ("Content-Length", str(len(BODY_416))),
        ],
        BODY_416,
    )


def shape(func: t.Any) -> list[tuple[str, t.Any, t.Any]]:
    """A signature without annotations: names, kinds and defaults."""
    return [
        (p.name, p.kind, p.default) for p in inspect.signature(func).parameters.values()
    ]


# --- signatures -----------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["add_etag", "set_etag", "get_etag", "make_conditional", "freeze"]
)
def test_signatures_are_werkzeugs(twin: types.ModuleType, name: str) -> None:
    ours = getattr(twin.Response, name)
    assert shape(ours) == shape(getattr(WR, name))
    assert inspect.getdoc(ours), f"{name} has no docstring"


def test_exception_class(twin: types.ModuleType) -> None:
    cls = twin.exceptions.RequestedRangeNotSatisfiable
    assert issubclass(cls, twin.exceptions.HTTPException)
    assert issubclass(cls, Exception)
    assert cls.code == 416
    exc = cls(10)
    assert exc.length == 10
    assert exc.units == "bytes"
    assert exc.get_response().status_code == 416
    assert cls().length is None
    env = environ()
    assert call(cls(10).get_response(env), env) == wire_416(10)
    assert call(cls(10, units="items").get_response(env), env) == Wire(
        "416 REQUESTED RANGE NOT SATISFIABLE",
        [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Range", "items */10"),
            ("Content-Length", str(len(BODY_416))),
        ],
        BODY_416,
    )
    # Without a length there is no Content-Range.
    assert call(cls().get_response(env), env).headers == [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Length", str(len(BODY_416))),
    ]
    # Werkzeug agrees on all three.
    assert call(WRNS(10).get_response(env), env) == wire_416(10)


# --- set_etag / get_etag / add_etag -------------------------------------------------


def test_get_etag_without_one(Response: type) -> None:  # noqa: N803
    assert Response(DATA).get_etag() == (None, None) == WR(DATA).get_etag()


@pytest.mark.parametrize(
    ("etag", "weak", "header", "parsed"),
    [
        ("abc", False, '"abc"', ("abc", False)),
        ("abc", True, 'W/"abc"', ("abc", True)),
        ("", False, '""', ("", False)),
        ("", True, 'W/""', ("", True)),
        ("a b,c", False, '"a b,c"', ("a b,c", False)),
        ("ü", False, '"ü"', ("ü", False)),
        ("W/x", False, '"W/x"', ("W/x", False)),
    ],
)
def test_set_etag(
    Response: type,  # noqa: N803
    etag: str,
    weak: bool,
    header: str,
    parsed: tuple[str, bool],
) -> None:
    for cls in (Response, WR):
        r = cls(DATA)
        assert r.set_etag(etag, weak) is None
        assert r.headers["ETag"] == header
        assert r.get_etag() == parsed
        # Keyword form, and set_etag replaces (never adds a second ETag).
        r.set_etag(etag="other", weak=False)
        assert r.headers.getlist("ETag") == ['"other"']
        assert r.get_etag() == ("other", False)


@pytest.mark.parametrize("etag", ['a"b', '"', '"abc"', 'W/"abc"'])
@pytest.mark.parametrize("weak", [False, True])
def test_set_etag_with_a_quote_is_a_value_error(
    Response: type,  # noqa: N803
    etag: str,
    weak: bool,
) -> None:
    for cls in (Response, WR):
        r = cls(DATA)
        r.set_etag("keep")
        with pytest.raises(ValueError):
            r.set_etag(etag, weak)
        assert r.headers.getlist("ETag") == ['"keep"']


@pytest.mark.parametrize("etag", ["a\nb", "a\rb"])
def test_set_etag_with_a_newline_is_a_value_error(
    Response: type, etag: str  # noqa: N803
) -> None:
    for cls in (Response, WR):
        with pytest.raises(ValueError):
            cls(DATA).set_etag(etag)


@pytest.mark.parametrize(
    ("header", "parsed"),
    [
        ('"abc"', ("abc", False)),
        ('W/"abc"', ("abc", True)),
        ('w/"abc"', ("abc", True)),
        ("abc", ("abc", False)),
        ("W/abc", ("abc", True)),
        ('"abc', ('"abc', False)),
        ('""', ("", False)),
        ('"', ("", False)),
        ("", (None, None)),
    ],
)
def test_get_etag_reads_the_header(
    Response: type,  # noqa: N803
    header: str,
    parsed: tuple[t.Any, t.Any],
) -> None:
    for cls in (Response, WR):
        r = cls(DATA)
        r.headers["ETag"] = header
        assert r.get_etag() == parsed


def test_add_etag_is_the_sha1_of_the_body(Response: type) -> None:  # noqa: N803
    assert hashlib.sha1(DATA).hexdigest() == SHA
    for cls in (Response, WR):
        r = cls(DATA)
        assert r.add_etag() is None
        assert r.headers["ETag"] == ETAG
        assert r.get_etag() == (SHA, False)
        assert r.headers.to_wsgi_list() == [
            TEXT_PLAIN,
            ("Content-Length", "10"),
            ("ETag", ETAG),
        ]


@pytest.mark.parametrize(
    "body",
    [
        "str",
        "list",
        "generator",
        "empty",
    ],
)
def test_add_etag_body_kinds(Response: type, body: str) -> None:  # noqa: N803
    def make() -> t.Any:
        if body == "str":
            return "héllo ☃"
        if body == "list":
            return [b"ab", "cé", b""]
        if body == "generator":
            return (c for c in [b"ab", "cé", b"d"])
        return b""

    expected = {
        "str": "héllo ☃".encode(),
        "list": "abcé".encode(),
        "generator": "abcéd".encode(),
        "empty": b"",
    }[body]
    results = []
    for cls in (Response, WR):
        r = cls(make())
        r.add_etag()
        assert r.get_etag() == (hashlib.sha1(expected).hexdigest(), False)
        # Reading the body for the hash does not lose it.
        results.append(call(r, environ()))
        assert results[-1].body == expected
    assert results[0] == results[1]


def test_add_etag_weak(Response: type) -> None:  # noqa: N803
    for cls in (Response, WR):
        r = cls(DATA)
        r.add_etag(weak=True)
        assert r.headers["ETag"] == f'W/"{SHA}"'
        assert r.get_etag() == (SHA, True)


def test_add_etag_keeps_an_existing_etag(Response: type) -> None:  # noqa: N803
    for cls in (Response, WR):
        r = cls(DATA)
        r.set_etag("mine")
        r.add_etag()
        assert r.headers.getlist("ETag") == ['"mine"']
        r.add_etag(weak=True)
        assert r.headers.getlist("ETag") == ['"mine"']
        # Any ETag counts, whatever its case or value.
        r = cls(DATA, headers=[("etag", "junk")])
        r.add_etag()
        assert r.headers.getlist("ETag") == ["junk"]


def test_add_etag_overwrite(Response: type) -> None:  # noqa: N803
    for cls in (Response, WR):
        r = cls(DATA)
        r.set_etag("mine")
        r.add_etag(overwrite=True)
        assert r.headers.getlist("ETag") == [ETAG]
        r.add_etag(True, True)
        assert r.headers.getlist("ETag") == [f'W/"{SHA}"']
        r.set_data(b"other")
        r.add_etag()
        assert r.get_etag() == (SHA, True)
        r.add_etag(overwrite=True)
        assert r.get_etag() == (hashlib.sha1(b"other").hexdigest(), False)


def test_freeze_adds_an_etag(Response: type) -> None:  # noqa: N803
    for cls in (Response, WR):
        r = cls(c for c in [b"01234", "56789"])
        assert r.freeze() is None
        assert r.headers.to_wsgi_list() == [
            TEXT_PLAIN,
            ("Content-Length", "10"),
            ("ETag", ETAG),
        ]
        # An existing ETag is kept.
        r = cls(DATA)
        r.set_etag("mine", weak=True)
        r.freeze()
        assert r.headers.getlist("ETag") == ['W/"mine"']


# --- make_conditional: the request argument ------------------------------------------


class HasEnviron:
    def __init__(self, environ: t.Any) -> None:
        self.environ = environ


@pytest.mark.parametrize("kind", ["dict", "object", "werkzeug-request", "dict-subclass"])
def test_request_or_environ(Response: type, kind: str) -> None:  # noqa: N803
    class DictSub(dict):  # type: ignore[type-arg]
        pass

    for cls in (Response, WR):
        env = environ(headers={"If-None-Match": ETAG})
        arg: t.Any = {
            "dict": env,
            "object": HasEnviron(env),
            "werkzeug-request": werkzeug.wrappers.Request(env),
            "dict-subclass": DictSub(env),
        }[kind]
        r = cls(DATA)
        r.add_etag()
        assert r.make_conditional(arg) is r
        assert r.status_code == 304


@pytest.mark.parametrize(
    "arg",
    [
        None,
        [("REQUEST_METHOD", "GET")],
        "GET",
        HasEnviron(None),
        HasEnviron([("REQUEST_METHOD", "GET")]),
        werkzeug.datastructures.Headers({"REQUEST_METHOD": "GET"}),
    ],
    ids=repr,
)
def test_not_a_dict_is_an_assertion_error(
    Response: type, arg: t.Any  # noqa: N803
) -> None:
    for cls in (Response, WR):
        r = cls(DATA)
        with pytest.raises(AssertionError):
            r.make_conditional(arg)
        assert r.headers.to_wsgi_list() == [TEXT_PLAIN, ("Content-Length", "10")]


def test_keyword_arguments(Response: type) -> None:  # noqa: N803
    for cls in (Response, WR):
        r = cls(DATA)
        env = environ(headers={"Range": "bytes=1-2"})
        assert (
            r.make_conditional(
                request_or_environ=env, accept_ranges=True, complete_length=10
            )
            is r
        )
        assert r.status_code == 206


# --- make_conditional: methods and Date ---------------------------------------------


@pytest.mark.parametrize("method", ["POST", "PUT", "OPTIONS", "DELETE", "PATCH", "get"])
def test_other_methods_are_untouched(Response: type, method: str) -> None:  # noqa: N803
    headers = {
        "If-None-Match": ETAG,
        "If-Match": '"nope"',
        "Range": "bytes=0-3",
        "If-Modified-Since": AFTER_LM,
    }
    for cls in (Response, WR):
        r, out = conditional(
            cls,
            method=method,
            headers=headers,
            last_modified=LM,
            accept_ranges=True,
            complete_length=10,
        )
        assert out[0] == "ok"
        # No Date, no Accept-Ranges, status unchanged.
        assert out[2] == (
            "200 OK",
            200,
            [TEXT_PLAIN, ("Content-Length", "10"), ("ETag", ETAG), ("Last-Modified", LM)],
        )


def test_other_methods_do_not_add_content_length(Response: type) -> None:  # noqa: N803
    for cls in (Response, WR):
        r = cls([b"ab", b"c"])
        r.make_conditional(environ("POST"))
        assert r.headers.to_wsgi_list() == [TEXT_PLAIN]


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_date_is_added_when_missing(Response: type, method: str) -> None:  # noqa: N803
    for cls in (Response, WR):
        r, out = conditional(cls, method=method, etag=None)
        assert out[2] == (
            "200 OK",
            200,
            [TEXT_PLAIN, ("Content-Length", "10"), ("Date", "<now>")],
        )
        date = r.headers["Date"]
        assert date.endswith(" GMT")
        assert werkzeug.http.http_date(werkzeug.http.parse_date(date)) == date


@pytest.mark.parametrize("existing", [FIXED_DATE, "junk", ""])
def test_date_is_kept_when_present(Response: type, existing: str) -> None:  # noqa: N803
    for cls in (Response, WR):
        r = cls(DATA, headers={"date": existing})
        r.make_conditional(environ())
        assert r.headers.to_wsgi_list() == [
            ("date", existing),
            TEXT_PLAIN,
            ("Content-Length", "10"),
        ]


def test_content_length_added_for_a_sequence(Response: type) -> None:  # noqa: N803
    for cls in (Response, WR):
        r = cls([b"ab", "cé"])
        r.make_conditional(environ())
        assert [k for k, _ in r.headers.to_wsgi_list()] == [
            "Content-Type",
            "Date",
            "Content-Length",
        ]
        assert r.headers["Content-Length"] == "5"
        # A stream is buffered to count it (implicit sequence conversion) ...
        r = cls(c for c in [b"ab", "c"])
        r.make_conditional(environ())
        assert r.headers["Content-Length"] == "3"
        assert r.is_sequence
        assert call(r, environ()).body == b"abc"
        # ... unless it cannot be: then there is no Content-Length.
        r = cls((c for c in [b"ab"]), direct_passthrough=True)
        r.make_conditional(environ())
        assert "Content-Length" not in r.headers
        assert not r.is_sequence
        sub = type("NoSeq", (cls,), {"implicit_sequence_conversion": False})
        r = sub(c for c in [b"ab"])
        r.make_conditional(environ())
        assert "Content-Length" not in r.headers
        sub = type("NoLength", (cls,), {"automatically_set_content_length": False})
        r = sub([b"ab"])
        r.make_conditional(environ())
        assert "Content-Length" not in r.headers


# --- make_conditional: If-None-Match / If-Modified-Since / If-Match ------------------

#: (id, response ETag, response Last-Modified, request headers, status).
CONDITIONS: list[tuple[str, str | None, str | None, dict[str, str], int]] = [
    ("no-headers", "add", None, {}, 200),
    ("inm-match", "add", None, {"If-None-Match": ETAG}, 304),
    ("inm-mismatch", "add", None, {"If-None-Match": '"nope"'}, 200),
    ("inm-star", "add", None, {"If-None-Match": "*"}, 304),
    ("inm-star-no-etag", None, None, {"If-None-Match": "*"}, 200),
    ("inm-weak-request", "add", None, {"If-None-Match": f'W/"{SHA}"'}, 304),
    ("inm-weak-response", "weak", None, {"If-None-Match": ETAG}, 304),
    ("inm-weak-both", "weak", None, {"If-None-Match": f'W/"{SHA}"'}, 304),
    ("inm-list-hit", "add", None, {"If-None-Match": f'"a", W/"b", {ETAG}'}, 304),
    ("inm-list-miss", "add", None, {"If-None-Match": '"a", W/"b", "c"'}, 200),
    ("inm-list-star", "add", None, {"If-None-Match": '"a", *'}, 200),
    ("inm-unquoted", "add", None, {"If-None-Match": SHA}, 304),
    ("inm-garbage", "add", None, {"If-None-Match": "@@@, ,,"}, 200),
    ("inm-empty", "add", None, {"If-None-Match": ""}, 200),
    ("inm-custom-etag", "mine", None, {"If-None-Match": '"mine"'}, 304),
    ("inm-case", "add", None, {"If-None-Match": ETAG.upper()}, 200),
    ("ims-equal", None, LM, {"If-Modified-Since": LM}, 304),
    ("ims-after-lm", None, LM, {"If-Modified-Since": AFTER_LM}, 304),
    ("ims-before-lm", None, LM, {"If-Modified-Since": BEFORE_LM}, 200),
    ("ims-garbage", None, LM, {"If-Modified-Since": "yesterday"}, 200),
    ("ims-empty", None, LM, {"If-Modified-Since": ""}, 200),
    ("ims-no-lm", None, None, {"If-Modified-Since": AFTER_LM}, 200),
    ("ims-lm-garbage", None, "junk", {"If-Modified-Since": AFTER_LM}, 200),
    ("ims-rfc850", None, LM, {"If-Modified-Since": "Saturday, 01-Feb-20 12:00:00 GMT"}, 304),
    ("ims-asctime", None, LM, {"If-Modified-Since": "Sat Feb  1 12:00:00 2020"}, 304),
    ("ims-offset", None, LM, {"If-Modified-Since": "Sat, 01 Feb 2020 13:00:00 +0100"}, 304),
    ("ims-1s-before", None, LM, {"If-Modified-Since": "Sat, 01 Feb 2020 11:59:59 GMT"}, 200),
    # If-None-Match decides when both are there and the response has an ETag.
    ("ims-hit-inm-miss", "add", LM, {"If-Modified-Since": LM, "If-None-Match": '"x"'}, 200),
    ("ims-miss-inm-hit", "add", LM, {"If-Modified-Since": BEFORE_LM, "If-None-Match": ETAG}, 304),
    ("ims-hit-inm-no-etag", None, LM, {"If-Modified-Since": LM, "If-None-Match": '"x"'}, 304),
    # If-Match only matters once the resource counts as unmodified ...
    ("im-mismatch", "add", None, {"If-Match": '"nope"'}, 412),
    ("im-match", "add", None, {"If-Match": ETAG}, 200),
    # Werkzeug's strong check ignores the star: "*" never matches.
    ("im-star", "add", None, {"If-Match": "*"}, 412),
    ("im-weak-request", "add", None, {"If-Match": f'W/"{SHA}"'}, 412),
    ("im-weak-response", "weak", None, {"If-Match": ETAG}, 200),
    ("im-list-hit", "add", None, {"If-Match": f'"a", {ETAG}'}, 200),
    ("im-no-etag", None, None, {"If-Match": '"nope"'}, 200),
    ("im-empty", "add", None, {"If-Match": ""}, 200),
    ("im-garbage", "add", None, {"If-Match": ",,"}, 200),
    # ... which a date or If-None-Match can make it, and then If-Match gives 412.
    ("im-ims-no-etag", None, LM, {"If-Match": ETAG, "If-Modified-Since": LM}, 412),
    ("im-match-inm-hit", "add", None, {"If-Match": ETAG, "If-None-Match": ETAG}, 200),
    ("im-miss-inm-miss", "add", None, {"If-Match": '"a"', "If-None-Match": '"b"'}, 412),
    ("im-miss-inm-hit", "add", None, {"If-Match": '"a"', "If-None-Match": ETAG}, 412),
    # If-Unmodified-Since is not looked at.
    ("ius-before", "add", LM, {"If-Unmodified-Since": BEFORE_LM}, 200),
    ("ius-after", "add", LM, {"If-Unmodified-Since": AFTER_LM}, 200),
    ("ius-before-no-etag", None, LM, {"If-Unmodified-Since": BEFORE_LM}, 200),
    ("ius-ims", None, LM, {"If-Unmodified-Since": BEFORE_LM, "If-Modified-Since": LM}, 304),
    # If-Range without Range is ignored.
    ("if-range-alone", "add", None, {"If-Range": '"nope"'}, 200),
]


@pytest.mark.parametrize(
    ("etag", "last_modified", "headers", "status"),
    [case[1:] for case in CONDITIONS],
    ids=[case[0] for case in CONDITIONS],
)
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_conditions(
    Response: type,  # noqa: N803
    etag: str | None,
    last_modified: str | None,
    headers: dict[str, str],
    status: int,
    method: str,
) -> None:
    out = both(
        Response,
        etag=etag,
        last_modified=last_modified,
        headers=headers,
        method=method,
    )
    assert out[0] == "ok"
    wire = out[1]
    assert int(wire.status[:3]) == status
    names = [k for k, _ in wire.headers]
    if status == 304:
        # The body and the entity headers go; ETag and Date stay.
        assert wire.status == "304 NOT MODIFIED"
        assert wire.body == b""
        assert "Content-Length" not in names and "Content-Type" not in names
        assert "Date" in names
    elif status == 412:
        assert wire.status == "412 PRECONDITION FAILED"
        assert wire.body == (DATA if method == "GET" else b"")
        assert "Content-Length" in names
    else:
        assert wire.status == "200 OK"
        assert wire.body == (DATA if method == "GET" else b"")
    assert "Accept-Ranges" not in names


def test_not_modified_full_wire(Response: type) -> None:  # noqa: N803
    out = both(Response, headers={"If-None-Match": ETAG}, last_modified=LM)
    assert out[1] == Wire(
        "304 NOT MODIFIED",
        # Last-Modified is an entity header: Werkzeug drops it from a 304.
        [("ETag", ETAG), ("Date", "<now>")],
        b"",
    )
    # The status is set on the response object itself.
    assert out[2][:2] == ("304 NOT MODIFIED", 304)


def test_last_modified_with_microseconds(Response: type) -> None:  # noqa: N803
    when = datetime.datetime(2020, 2, 1, 12, 0, 0, 999999, tzinfo=UTC)
    for cls in (Response, WR):
        for ims, status in [(LM, 304), ("Sat, 01 Feb 2020 11:59:59 GMT", 200)]:
            r = cls(DATA)
            r.last_modified = when
            assert r.headers["Last-Modified"] == LM
            r.make_conditional(environ(headers={"If-Modified-Since": ims}))
            assert r.status_code == status


def test_naive_last_modified(Response: type) -> None:  # noqa: N803
    for cls in (Response, WR):
        r = cls(DATA)
        r.last_modified = datetime.datetime(2020, 2, 1, 12, 0, 0, 1)
        r.make_conditional(environ(headers={"If-Modified-Since": LM}))
        assert r.status_code == 304


def test_existing_status_is_replaced(Response: type) -> None:  # noqa: N803
    for cls in (Response, WR):
        r = cls(DATA, status=201)
        r.add_etag()
        r.make_conditional(environ(headers={"If-None-Match": ETAG}))
        assert r.status == "304 NOT MODIFIED"
        # A 200 decision leaves a custom status as it was.
        r = cls(DATA, status="299 Custom")
        r.make_conditional(environ())
        assert r.status == "299 Custom"


def test_make_conditional_twice(Response: type) -> None:  # noqa: N803
    # NOTE: a second call on a 206 is not tested: Werkzeug wraps its range
    # wrapper in another one and fails with TypeError ('bool' object is not
    # callable) inside make_conditional.
    env = environ(headers={"If-None-Match": ETAG})
    for cls in (Response, WR):
        r = cls(DATA)
        r.add_etag()
        r.make_conditional(env, accept_ranges=True)
        date = r.headers["Date"]
        assert r.make_conditional(env, accept_ranges="items") is r
        assert r.status_code == 304
        assert r.headers.getlist("Date") == [date]
        assert r.headers.getlist("Accept-Ranges") == ["items"]


# --- make_conditional: Accept-Ranges ------------------------------------------------


@pytest.mark.parametrize(
    ("accept_ranges", "header"),
    [
        (True, "bytes"),
        ("bytes", "bytes"),
        ("items", "items"),
        ("none", "none"),
        (1, "1"),
        (False, None),
        ("", None),
        (None, None),
        (0, None),
    ],
    ids=repr,
)
@pytest.mark.parametrize("complete_length", [None, 0, 10])
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_accept_ranges_without_a_range(
    Response: type,  # noqa: N803
    accept_ranges: t.Any,
    header: str | None,
    complete_length: int | None,
    method: str,
) -> None:
    out = both(
        Response,
        method=method,
        accept_ranges=accept_ranges,
        complete_length=complete_length,
    )
    expected = [TEXT_PLAIN, ("Content-Length", "10"), ("ETag", ETAG), ("Date", "<now>")]
    if header is not None:
        expected.append(("Accept-Ranges", header))
    assert out[1] == Wire("200 OK", expected, DATA if method == "GET" else b"")


def test_accept_ranges_on_a_not_modified_response(Response: type) -> None:  # noqa: N803
    out = both(
        Response,
        headers={"If-None-Match": ETAG},
        accept_ranges=True,
        complete_length=10,
    )
    assert out[1] == Wire(
        "304 NOT MODIFIED",
        [("ETag", ETAG), ("Date", "<now>"), ("Accept-Ranges", "bytes")],
        b"",
    )


# --- make_conditional: ranges ----------------------------------------------------------

#: (Range header, (start, stop) or None for 416) on DATA with complete_length 10.
RANGES: list[tuple[str, tuple[int, int] | None]] = [
    ("bytes=0-3", (0, 4)),
    ("bytes=0-0", (0, 1)),
    ("bytes=9-9", (9, 10)),
    ("bytes=3-", (3, 10)),
    ("bytes=0-", (0, 10)),
    ("bytes=-3", (7, 10)),
    ("bytes=-10", (0, 10)),
    ("bytes=5-100", (5, 10)),
    ("bytes=0-9", (0, 10)),
    ("bytes=2-" + "9" * 25, (2, 10)),
    ("bytes = 1-2", (1, 3)),
    ("BYTES=1-2", (1, 3)),
    ("bytes=\t1 - 2\t", (1, 3)),
    ("bytes=1-2 ", (1, 3)),
    ("bytes=10-", None),
    ("bytes=10-20", None),
    ("bytes=-11", None),
    ("bytes=-" + "9" * 25, None),
    ("bytes=" + "9" * 25 + "-", None),
    ("bytes=" + "9" * 25 + "-" + "9" * 26, None),
    ("bytes=0-1,3-4", None),
    ("bytes=0-1,0-1", None),
    ("bytes=0-1,-2", None),
    ("bytes=abc", None),
    ("bytes=5-1", None),
    ("bytes=3-3,", None),
    ("items=0-3", None),
    ("bytes=-0", None),
    ("bytes=0-3;", None),
    ("bytes=+1-2", None),
    ("bytes=1_0-20", None),
    ("bytes=١-٢", None),
    ("bytes=", None),
    ("bytes", None),
    ("", None),
    ("=0-3", None),
    ("bytes=--1", None),
    ("bytes=0--1", None),
    ("bytes=" + ",".join(f"{i}-{i}" for i in range(0, 2000, 2)), None),
    ("bytes=" + ",".join(["0-0"] * 5000), None),
]


@pytest.mark.parametrize(
    ("header", "span"), RANGES, ids=[repr(h[:40]) for h, _ in RANGES]
)
@pytest.mark.parametrize("method", ["GET", "HEAD"])
@pytest.mark.parametrize("accept_ranges", [True, "bytes", "items"])
def test_range(
    Response: type,  # noqa: N803
    twin: types.ModuleType,
    header: str,
    span: tuple[int, int] | None,
    method: str,
    accept_ranges: t.Any,
) -> None:
    out = both(
        Response,
        method=method,
        headers={"Range": header},
        accept_ranges=accept_ranges,
        complete_length=10,
    )
    accept = "bytes" if accept_ranges is True else accept_ranges
    if span is None:
        assert out[0] == "raises"
        exc = out[1]
        assert isinstance(exc, twin.exceptions.RequestedRangeNotSatisfiable)
        assert isinstance(exc, twin.exceptions.HTTPException)
        assert exc.length == 10
        env = environ(method)
        assert call(exc.get_response(env), environ()) == wire_416(10)
        # The response got its Date and Accept-Ranges before the raise.
        assert out[2] == (
            "200 OK",
            200,
            [
                TEXT_PLAIN,
                ("Content-Length", "10"),
                ("ETag", ETAG),
                ("Date", "<now>"),
                ("Accept-Ranges", accept),
            ],
        )
        return
    start, stop = span
    assert out[0] == "ok"
    assert out[1] == Wire(
        "206 PARTIAL CONTENT",
        [
            TEXT_PLAIN,
            ("Content-Length", str(stop - start)),
            ("ETag", ETAG),
            ("Date", "<now>"),
            ("Accept-Ranges", accept),
            ("Content-Range", f"bytes {start}-{stop - 1}/10"),
        ],
        DATA[start:stop] if method == "GET" else b"",
    )


@pytest.mark.parametrize("header", ["bytes=0-3", "bytes=abc", "bytes=0-1,3-4"])
@pytest.mark.parametrize("complete_length", [None, 0])
@pytest.mark.parametrize("accept_ranges", [True, "items"])
def test_range_skipped_without_a_length(
    Response: type,  # noqa: N803
    header: str,
    complete_length: int | None,
    accept_ranges: t.Any,
) -> None:
    out = both(
        Response,
        headers={"Range": header},
        accept_ranges=accept_ranges,
        complete_length=complete_length,
    )
    assert out[1] == Wire(
        "200 OK",
        [
            TEXT_PLAIN,
            ("Content-Length", "10"),
            ("ETag", ETAG),
            ("Date", "<now>"),
            ("Accept-Ranges", "bytes" if accept_ranges is True else accept_ranges),
        ],
        DATA,
    )


@pytest.mark.parametrize("header", ["bytes=0-3", "bytes=abc", "items=0-1"])
@pytest.mark.parametrize("accept_ranges", [False, None, ""])
def test_range_skipped_without_accept_ranges(
    Response: type,  # noqa: N803
    header: str,
    accept_ranges: t.Any,
) -> None:
    out = both(
        Response,
        headers={"Range": header},
        accept_ranges=accept_ranges,
        complete_length=10,
    )
    assert out[1] == Wire(
        "200 OK",
        [TEXT_PLAIN, ("Content-Length", "10"), ("ETag", ETAG), ("Date", "<now>")],
        DATA,
    )


@pytest.mark.parametrize(
    ("complete_length", "header", "content_range", "length", "body"),
    [
        # complete_length is trusted: it need not be the body's length.
        (5, "bytes=0-3", "bytes 0-3/5", "4", b"0123"),
        (5, "bytes=2-", "bytes 2-4/5", "3", b"234"),
        (5, "bytes=-2", "bytes 3-4/5", "2", b"34"),
        (20, "bytes=0-3", "bytes 0-3/20", "4", b"0123"),
        # Past the body's end the body is short of Content-Length.
        (20, "bytes=5-15", "bytes 5-15/20", "11", b"56789"),
        (20, "bytes=12-15", "bytes 12-15/20", "4", b""),
        (20, "bytes=-3", "bytes 17-19/20", "3", b""),
        (1, "bytes=0-", "bytes 0-0/1", "1", b"0"),
    ],
)
def test_complete_length_other_than_the_body(
    Response: type,  # noqa: N803
    complete_length: int,
    header: str,
    content_range: str,
    length: str,
    body: bytes,
) -> None:
    out = both(
        Response,
        headers={"Range": header},
        accept_ranges=True,
        complete_length=complete_length,
    )
    assert out[1].status == "206 PARTIAL CONTENT"
    assert ("Content-Range", content_range) in out[1].headers
    assert ("Content-Length", length) in out[1].headers
    assert out[1].body == body


@pytest.mark.parametrize("header", ["bytes=5-", "bytes=-6", "bytes=9-9", "bytes=5-5"])
def test_range_beyond_a_short_complete_length(
    Response: type, header: str  # noqa: N803
) -> None:
    out = both(
        Response, headers={"Range": header}, accept_ranges=True, complete_length=5
    )
    assert out[0] == "raises"
    assert out[1].length == 5


def test_range_wins_over_if_none_match(Response: type) -> None:  # noqa: N803
    out = both(
        Response,
        headers={"Range": "bytes=0-3", "If-None-Match": ETAG},
        accept_ranges=True,
        complete_length=10,
    )
    assert out[1].status == "206 PARTIAL CONTENT"
    assert out[1].body == b"0123"
    # Without a usable range, If-None-Match gives its 304.
    out = both(
        Response,
        headers={"Range": "bytes=0-3", "If-None-Match": ETAG},
        accept_ranges=False,
        complete_length=10,
    )
    assert out[1].status == "304 NOT MODIFIED"


def test_range_wins_over_if_match(Response: type) -> None:  # noqa: N803
    out = both(
        Response,
        headers={"Range": "bytes=0-3", "If-Match": '"nope"'},
        accept_ranges=True,
        complete_length=10,
    )
    assert out[1].status == "206 PARTIAL CONTENT"


def test_unsatisfiable_range_beats_a_304(
    Response: type, twin: types.ModuleType  # noqa: N803
) -> None:
    for cls in (Response, WR):
        r = cls(DATA)
        r.add_etag()
        env = environ(headers={"Range": "bytes=50-", "If-None-Match": ETAG})
        with pytest.raises(
            twin.exceptions.RequestedRangeNotSatisfiable if cls is Response else WRNS
        ):
            r.make_conditional(env, accept_ranges=True, complete_length=10)


@pytest.mark.parametrize(
    ("etag", "last_modified", "if_range", "partial"),
    [
        ("add", None, ETAG, True),
        ("add", None, f'W/"{SHA}"', True),
        ("weak", None, ETAG, True),
        ("add", None, SHA, True),
        ("add", None, '"nope"', False),
        ("add", None, "*", False),
        (None, None, ETAG, False),
        ("add", LM, LM, True),
        ("add", LM, AFTER_LM, True),
        ("add", LM, BEFORE_LM, False),
        (None, LM, LM, True),
        (None, LM, BEFORE_LM, False),
        (None, None, LM, False),
        ("add", "junk", LM, False),
        (None, "junk", LM, False),
        ("add", None, "", False),
        ("add", LM, "garbage date", False),
    ],
)
def test_if_range(
    Response: type,  # noqa: N803
    etag: str | None,
    last_modified: str | None,
    if_range: str,
    partial: bool,
) -> None:
    out = both(
        Response,
        etag=etag,
        last_modified=last_modified,
        headers={"Range": "bytes=2-4", "If-Range": if_range},
        accept_ranges=True,
        complete_length=10,
    )
    if partial:
        assert out[1].status == "206 PARTIAL CONTENT"
        assert out[1].body == b"234"
        assert ("Content-Range", "bytes 2-4/10") in out[1].headers
    else:
        # A failed If-Range serves the whole body, even for a bad Range.
        assert out[1].status == "200 OK"
        assert out[1].body == DATA
        assert ("Accept-Ranges", "bytes") in out[1].headers


def test_failed_if_range_skips_a_bad_range(Response: type) -> None:  # noqa: N803
    out = both(
        Response,
        headers={"Range": "bytes=abc", "If-Range": '"nope"'},
        accept_ranges=True,
        complete_length=10,
    )
    assert out[1].status == "200 OK"
    out = both(
        Response,
        headers={"Range": "bytes=abc", "If-Range": ETAG},
        accept_ranges=True,
        complete_length=10,
    )
    assert out[0] == "raises"


def test_if_range_date_overrides_if_modified_since(Response: type) -> None:  # noqa: N803
    # If-Range's date stands in for If-Modified-Since when deciding the range.
    out = both(
        Response,
        etag=None,
        last_modified=LM,
        headers={
            "Range": "bytes=0-0",
            "If-Range": LM,
            "If-Modified-Since": BEFORE_LM,
        },
        accept_ranges=True,
        complete_length=10,
    )
    assert out[1].status == "206 PARTIAL CONTENT"


# --- body kinds served in ranges ----------------------------------------------------

BODY_KINDS = [
    "bytes",
    "str",
    "list",
    "list-small-chunks",
    "generator-bytes",
    "generator-str",
    "bytesio",
    "file",
    "wrap_file",
    "wrap_file-passthrough",
    "wsgiref",
]

#: (start, stop) spans of LONG, served as Range "bytes=start-(stop-1)".
SPANS = [(0, 1), (0, 5), (3, 12), (4, 5), (5, 11), (10, 30), (22, len(LONG)), (0, len(LONG))]


def make_body(kind: str, path: t.Any, env: dict[str, t.Any]) -> tuple[t.Any, dict[str, t.Any]]:
    """A fresh body of LONG of ``kind``, and extra constructor arguments."""
    text = LONG.decode()
    if kind == "bytes":
        return LONG, {}
    if kind == "str":
        return text, {}
    if kind == "list":
        return [LONG[:7], text[7:20], LONG[20:21], LONG[21:]], {}
    if kind == "list-small-chunks":
        return [LONG[i : i + 3] for i in range(0, len(LONG), 3)], {}
    if kind == "generator-bytes":
        return (LONG[i : i + 4] for i in range(0, len(LONG), 4)), {}
    if kind == "generator-str":
        return (text[i : i + 6] for i in range(0, len(text), 6)), {}
    if kind == "bytesio":
        return io.BytesIO(LONG), {}
    f = open(path, "rb")  # noqa: SIM115 (closed by the response)
    if kind == "file":
        return f, {}
    if kind == "wrap_file":
        return werkzeug.wsgi.wrap_file(env, f, buffer_size=5), {}
    if kind == "wrap_file-passthrough":
        return werkzeug.wsgi.wrap_file(env, f, buffer_size=5), {"direct_passthrough": True}
    if kind == "wsgiref":
        return wsgiref.util.FileWrapper(f, 7), {}
    raise AssertionError(kind)


@pytest.fixture()
def long_file(tmp_path: t.Any) -> t.Any:
    path = tmp_path / "body.bin"
    path.write_bytes(LONG)
    return path


@pytest.mark.parametrize("kind", BODY_KINDS)
@pytest.mark.parametrize("span", SPANS, ids=repr)
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_body_kinds_in_ranges(
    Response: type,  # noqa: N803
    long_file: t.Any,
    kind: str,
    span: tuple[int, int],
    method: str,
) -> None:
    start, stop = span
    n = len(LONG)
    env = environ(method, {"Range": f"bytes={start}-{stop - 1}"})
    wires = []
    for cls in (Response, WR):
        body, kwargs = make_body(kind, long_file, env)
        r = cls(body, **kwargs)
        assert r.make_conditional(env, accept_ranges=True, complete_length=n) is r
        assert r.status_code == 206
        wires.append(call(r, env))
        if hasattr(body, "closed"):
            assert body.closed
    ours, theirs = wires
    assert ours == theirs
    assert ours.status == "206 PARTIAL CONTENT"
    assert ours.body == (LONG[start:stop] if method == "GET" else b"")
    assert ("Content-Range", f"bytes {start}-{stop - 1}/{n}") in ours.headers
    assert ("Content-Length", str(stop - start)) in ours.headers
    assert ("Accept-Ranges", "bytes") in ours.headers


@pytest.mark.parametrize("kind", BODY_KINDS)
def test_body_kinds_without_a_range(
    Response: type, long_file: t.Any, kind: str  # noqa: N803
) -> None:
    env = environ(headers={"If-Range": '"x"'})
    wires = []
    for cls in (Response, WR):
        body, kwargs = make_body(kind, long_file, env)
        r = cls(body, **kwargs)
        r.make_conditional(env, accept_ranges="bytes", complete_length=len(LONG))
        wires.append(call(r, env))
    assert wires[0] == wires[1]
    assert wires[0].status == "200 OK"
    assert wires[0].body == LONG


def test_seekable_body_is_seeked(Response: type) -> None:  # noqa: N803
    class Seekable(io.BytesIO):
        def __init__(self, data: bytes) -> None:
            super().__init__(data)
            self.seeks: list[tuple[int, int]] = []

        def seek(self, pos: int, whence: int = 0) -> int:
            self.seeks.append((pos, whence))
            return super().seek(pos, whence)

    env = environ(headers={"Range": "bytes=22-25"})
    seen = []
    for cls in (Response, WR):
        body = Seekable(LONG)
        r = cls(body)
        r.make_conditional(env, accept_ranges=True, complete_length=len(LONG))
        assert body.seeks == []
        wire = call(r, env)
        assert wire.body == LONG[22:26]
        assert body.closed
        seen.append(body.seeks)
    assert seen[0] == seen[1] == [(22, 0)]


def test_unseekable_body_is_read_from_the_start(Response: type) -> None:  # noqa: N803
    class NotSeekable(io.BytesIO):
        def seekable(self) -> bool:
            return False

        def seek(self, pos: int, whence: int = 0) -> int:
            raise AssertionError("seek on an unseekable body")

    env = environ(headers={"Range": "bytes=22-25"})
    for cls in (Response, WR):
        body = NotSeekable(LONG)
        r = cls(body)
        r.make_conditional(env, accept_ranges=True, complete_length=len(LONG))
        assert call(r, env).body == LONG[22:26]


@pytest.mark.parametrize(
    "chunks",
    [
        [b"ab", b"", b"cd", b"ef"],
        [b"", b"abcdef"],
        [b"abc", b"def", b""],
        ["ä", "bc", "d", "é", "f"],
    ],
    ids=repr,
)
@pytest.mark.parametrize("header", ["bytes=0-3", "bytes=1-4", "bytes=3-"])
def test_odd_chunks_match_werkzeug(
    Response: type, chunks: list[t.Any], header: str  # noqa: N803
) -> None:
    # Werkzeug's range wrapper stops at an empty chunk and counts str chunks
    # in characters; the twins serve the same bytes.
    out = both(
        Response,
        body=lambda: iter(list(chunks)),
        headers={"Range": header},
        accept_ranges=True,
        complete_length=6,
        etag=None,
    )
    assert out[0] == "ok"
    assert out[1].status == "206 PARTIAL CONTENT"


# --- closing ------------------------------------------------------------------------


class ClosingGen:
    """A generator body that records when it was closed."""

    def __init__(self, chunks: list[bytes]) -> None:
        self.closed = False
        self.gen = self._run(chunks)

    def _run(self, chunks: list[bytes]) -> t.Iterator[bytes]:
        try:
            yield from chunks
        finally:
            self.closed = True


@pytest.mark.parametrize("header", ["bytes=0-1", "bytes=4-", "bytes=-2"])
def test_body_closed_after_the_response(Response: type, header: str) -> None:  # noqa: N803
    # (Without a range, make_conditional buffers a generator to count it, and
    # that closes it at once.)
    env = environ(headers={"Range": header})
    for cls in (Response, WR):
        tracker = ClosingGen([b"ab", b"cd", b"ef"])
        r = cls(tracker.gen)
        r.make_conditional(env, accept_ranges=True, complete_length=6)
        assert not tracker.closed
        seen: list[str] = []
        app_iter = r(env, lambda status, headers, exc_info=None: seen.append(status))
        first = next(iter(app_iter))
        assert first
        assert not tracker.closed
        app_iter.close()
        assert tracker.closed


@pytest.mark.parametrize("kind", ["bytesio", "file", "wrap_file", "wsgiref"])
def test_file_closed_by_response_close(
    Response: type, long_file: t.Any, kind: str  # noqa: N803
) -> None:
    env = environ(headers={"Range": "bytes=3-9"})
    for cls in (Response, WR):
        body, kwargs = make_body(kind, long_file, env)
        r = cls(body, **kwargs)
        r.make_conditional(env, accept_ranges=True, complete_length=len(LONG))
        r.close()
        # werkzeug.wsgi.FileWrapper keeps it in .file, wsgiref's in .filelike.
        inner = getattr(body, "file", getattr(body, "filelike", body))
        assert inner.closed


def test_call_on_close_runs_with_a_range(Response: type) -> None:  # noqa: N803
    env = environ(headers={"Range": "bytes=3-9"})
    for cls in (Response, WR):
        ran: list[int] = []
        r = cls(DATA)
        r.call_on_close(lambda: ran.append(1))
        r.make_conditional(env, accept_ranges=True, complete_length=10)
        call(r, env)
        assert ran == [1]


def test_difference_a_206_closes_the_body_not_only_its_iterator(
    Response: type,  # noqa: N803
) -> None:
    """Deliberate difference: Werkzeug's range wrapper closes ``iter(body)``,
    not the body, so an iterable whose ``__iter__`` returns a new iterator is
    never closed after a 206 (it is after a 200). Ours closes both."""

    class Iterable:
        def __init__(self) -> None:
            self.closed = 0

        def __iter__(self) -> t.Iterator[bytes]:
            return iter([b"abc", b"def"])

        def close(self) -> None:
            self.closed += 1

    results = []
    for header in ("bytes=1-2", None):
        env = environ(headers={"Range": header} if header else {})
        for side, cls in (("ours", Response), ("werkzeug", WR)):
            body = Iterable()
            r = cls(body)
            r.make_conditional(env, accept_ranges=True, complete_length=6)
            call(r, env)
            results.append((header, side, body.closed))
    assert results == [
        ("bytes=1-2", "ours", 1),
        ("bytes=1-2", "werkzeug", 0),
        (None, "ours", 1),
        (None, "werkzeug", 1),
    ]


def test_a_206_closes_a_body_that_is_its_own_iterator_once(
    Response: type,  # noqa: N803
) -> None:
    """A file-like body (its own iterator) is closed once after a 206."""

    class Body(io.BytesIO):
        closes = 0

        def close(self) -> None:
            type(self).closes += 1
            super().close()

    r = Response(Body(b"abcdef"))
    env = environ(headers={"Range": "bytes=1-2"})
    r.make_conditional(env, accept_ranges=True, complete_length=6)
    assert call(r, env)[2] == b"bc"
    assert Body.closes == 1


# --- stricter than Werkzeug ---------------------------------------------------------

HUGE_YEAR = "Sat, 01 Feb 99999999999999999999 12:00:00 GMT"


@pytest.mark.skipif(
    sys.implementation.name != "cpython",
    reason="the OverflowError comes from CPython's C datetime; on PyPy Werkzeug ignores the date",
)
def test_werkzeug_overflows_on_a_huge_year() -> None:
    """The reason for the stricter rule below (pins Werkzeug's behaviour on
    CPython)."""
    r = WR(DATA)
    r.headers["Last-Modified"] = LM
    with pytest.raises(OverflowError):
        r.make_conditional(environ(headers={"If-Modified-Since": HUGE_YEAR}))


def test_stricter_huge_year_in_if_modified_since_is_ignored(
    Response: type,  # noqa: N803
) -> None:
    r = Response(DATA)
    r.headers["Last-Modified"] = LM
    assert r.make_conditional(environ(headers={"If-Modified-Since": HUGE_YEAR})) is r
    assert r.status_code == 200
    assert call(r, environ()).body == DATA


def test_stricter_huge_year_in_if_range_is_ignored(
    Response: type,  # noqa: N803
) -> None:
    # The value is not a date, so it counts as an ETag that does not match:
    # the whole body is served.
    r = Response(DATA)
    r.headers["Last-Modified"] = LM
    env = environ(headers={"Range": "bytes=0-1", "If-Range": HUGE_YEAR})
    assert r.make_conditional(env, accept_ranges=True, complete_length=10) is r
    assert r.status_code == 200
    assert call(r, env).body == DATA
    assert r.headers["Accept-Ranges"] == "bytes"


# --- overridden hooks: the compiled shortcuts must step aside -------------------------


HOOKS = ("get_data", "set_etag", "status_code", "calculate_content_length", "accept_ranges")


@pytest.mark.parametrize(
    "kept",
    [HOOKS, ("calculate_content_length", "accept_ranges"), ("set_etag",), ()],
    ids=["all", "length+ranges", "set_etag", "none"],
)
def test_overridden_hooks_are_called_like_werkzeug(
    twin: types.ModuleType, kept: tuple[str, ...]
) -> None:
    """A subclass that overrides what add_etag and make_conditional go through
    (``get_data``, ``set_etag``, ``status_code``, ``calculate_content_length``,
    ``accept_ranges``) sees the same calls, with the same results, as the
    same subclass of Werkzeug's Response."""

    def hooks(base: type) -> type:
        class Hooked(base):  # type: ignore[misc, valid-type]
            log: list[t.Any]

            def get_data(self, as_text: bool = False) -> t.Any:
                self.log.append("get_data")
                return base.get_data(self, as_text) + b"!"

            def set_etag(self, etag: str, weak: bool = False) -> None:
                self.log.append(("set_etag", etag, weak))
                base.set_etag(self, etag.upper(), weak)

            @property
            def status_code(self) -> int:
                return base.status_code.__get__(self)

            @status_code.setter
            def status_code(self, code: int) -> None:
                self.log.append(("status_code", code))
                base.status_code.__set__(self, code)

            def calculate_content_length(self) -> int | None:
                self.log.append("calculate_content_length")
                return 99

            @property
            def accept_ranges(self) -> t.Any:
                return self.headers.get("Accept-Ranges")

            @accept_ranges.setter
            def accept_ranges(self, value: str) -> None:
                self.log.append(("accept_ranges", value))
                self.headers["Accept-Ranges"] = value

        for name in HOOKS:
            if name not in kept:
                delattr(Hooked, name)

        return Hooked

    def run(cls: type, headers: dict[str, str]) -> tuple[t.Any, ...]:
        r = cls((x for x in [b"01", b"23"]))
        r.log = []
        r.add_etag(weak=True)
        env = environ(headers=headers)
        r.make_conditional(env, accept_ranges="bytes")
        sent = [(k, v) for k, v in r.headers.items() if k != "Date"]  # clock
        return r.log, r.status, sent, call(r, env)

    ours, theirs = hooks(twin.Response), hooks(WR)
    body = b"0123!" if "get_data" in kept else b"0123"
    etag = hashlib.sha1(body).hexdigest()
    etag = '"' + (etag.upper() if "set_etag" in kept else etag) + '"'
    for headers in ({}, {"If-None-Match": f"W/{etag}"}, {"If-None-Match": '"x"'}):
        got = run(ours, headers)
        assert got == run(theirs, headers)
    assert run(ours, {"If-None-Match": etag})[1] == "304 NOT MODIFIED"


def _loud_headers(base: type, log: list[t.Any]) -> type:
    """A subclass of ``base`` that logs what reads and writes it gets."""

    class Loud(base):  # type: ignore[misc, valid-type]
        def get(self, key: str, *args: t.Any, **kwargs: t.Any) -> t.Any:
            log.append(("get", key))
            return base.get(self, key, *args, **kwargs)

        def __contains__(self, key: object) -> bool:
            log.append(("in", key))
            return base.__contains__(self, key)

        def __setitem__(self, key: t.Any, value: t.Any) -> None:
            log.append(("setitem", key))
            base.__setitem__(self, key, value)

    return Loud


@pytest.mark.parametrize("wrap", ["dict", "request object"])
@pytest.mark.parametrize(
    "headers",
    [{"If-None-Match": "TAG"}, {"If-None-Match": '"x"'}, {}, {"Range": "bytes=1-3"}],
    ids=["match", "no match", "plain", "range"],
)
def test_headers_subclass_and_request_objects(
    twin: types.ModuleType,
    pure_twin: types.ModuleType,
    wrap: str,
    headers: dict[str, str],
) -> None:
    """A Headers subclass that overrides its reads and writes gets the same
    calls, and gives the same answers, on the compiled twin as on the pure one
    (the compiled shortcuts step aside), with a dict or a request object."""
    tag = '"' + hashlib.sha1(DATA).hexdigest() + '"'
    env = environ(headers={k: v.replace("TAG", tag) for k, v in headers.items()})
    request = env if wrap == "dict" else types.SimpleNamespace(environ=env)
    results = []

    for ns in (twin, pure_twin):
        log: list[t.Any] = []
        r = ns.Response(DATA, headers=_loud_headers(ns.Headers, log)())
        r.add_etag()
        r.make_conditional(request, accept_ranges=True, complete_length=len(DATA))
        sent = [(k, v) for k, v in r.headers.items() if k != "Date"]  # clock
        results.append((log, r.status, sent, call(r, env)))

    assert results[0] == results[1]
    assert ("in", "etag") in results[0][0]
    assert ("get", "ETag") in results[0][0] or "Range" in headers


def test_make_conditional_twice_on_a_206_raises_like_werkzeug(
    Response: type,  # noqa: N803
) -> None:
    """Werkzeug's range wrapper has a ``seekable`` attribute that is not
    callable, so a second call on a 206 raises TypeError; so does ours
    (rather than slicing the slice)."""
    env = environ(headers={"Range": "bytes=1-3"})
    for cls in (Response, WR):
        r = cls(DATA)
        r.make_conditional(env, accept_ranges=True, complete_length=len(DATA))
        assert r.status_code == 206
        with pytest.raises(TypeError):
            r.make_conditional(env, accept_ranges=True, complete_length=len(DATA))


def test_a_patched_headers_class_is_called(
    twin: types.ModuleType,
    pure_twin: types.ModuleType,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``get`` and ``__contains__`` patched onto the Headers class itself are
    called by add_etag and make_conditional on the compiled twin as on the
    pure one."""
    tag = '"' + hashlib.sha1(DATA).hexdigest() + '"'
    env = environ(headers={"If-None-Match": tag})
    logs = []

    for ns in (twin, pure_twin):
        log: list[t.Any] = []
        get, contains = ns.Headers.get, ns.Headers.__contains__

        def logged_get(self: t.Any, key: str, *args: t.Any, **kwargs: t.Any) -> t.Any:
            log.append(("get", key))
            return get(self, key, *args, **kwargs)

        def logged_contains(self: t.Any, key: object) -> bool:
            log.append(("in", key))
            return contains(self, key)  # type: ignore[no-any-return]

        monkeypatch.setattr(ns.Headers, "get", logged_get)
        monkeypatch.setattr(ns.Headers, "__contains__", logged_contains)
        r = ns.Response(DATA)
        r.add_etag()
        r.make_conditional(env)
        monkeypatch.undo()
        logs.append((log, r.status))

    assert logs[0] == logs[1]
    assert logs[0][1] == "304 NOT MODIFIED"
    assert ("get", "ETag") in logs[0][0] and ("in", "etag") in logs[0][0]
