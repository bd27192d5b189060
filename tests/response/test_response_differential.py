"""Differential tests: random responses, built the same way in a twin and in Werkzeug.

Hypothesis draws constructor arguments (body kinds, statuses including 1xx,
204, 304 and 302, headers, mimetypes, class-level settings) and a list of
mutations (``set_data``, status changes, cookies, header ``add``/``set``,
``location`` with non-ASCII, backslashes, spaces and ``%``, ``content_length``,
``date``/``expires``), applies them to both, and calls both as WSGI apps with a
random GET/HEAD environ. The outcome of every step (value or exception type,
and the warnings it emitted) must agree, and so must the status line, the
header list (order included) and the body bytes on the wire.

The inputs stay inside what Werkzeug and the twins treat alike: no TAB in a
``Location`` and no control characters in a status string, where the twins
are deliberately stricter (pinned in ``test_response.py``).
"""

from __future__ import annotations

import datetime
import types
import typing as t
import warnings
from http import HTTPStatus

import pytest
import werkzeug.test
import werkzeug.wrappers
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from support import call_wsgi, exc_kind

WR = werkzeug.wrappers.Response
UTC = datetime.timezone.utc

#: Sizes this file's runs; the rest comes from conftest's hypothesis profile.
SETTINGS = settings(max_examples=120)

# --- strategies -------------------------------------------------------------------

#: Characters for bodies, header values and cookie values: ASCII, Latin-1,
#: beyond, NUL and other controls that are not line breaks.
VALUE_CHARS = st.characters(
    codec="utf-8",
    exclude_characters="\r\n",
    exclude_categories=("Cs",),
)
SAFE_VALUE_CHARS = st.sampled_from(
    list("abcXYZ019 -_.,;:=/\"'()[]{}?!@#$%&*+~^`|<>\\")
    + ["ü", "é", "☃", "\x00", "\x0b", "\x7f"]
)
LOCATION_CHARS = st.sampled_from(
    list("/abc.:?#&=-_~%@!$'()*+,;")
    + [" ", "\\", "%", "%2F", "ü", "ä", "☃", "//", "\x00"]
)

statuses = st.one_of(
    st.sampled_from(
        [100, 101, 200, 201, 204, 206, 301, 302, 303, 304, 307, 404, 500, 799]
    ),
    st.sampled_from(
        [
            HTTPStatus.OK,
            HTTPStatus.FOUND,
            HTTPStatus.NO_CONTENT,
            HTTPStatus.NOT_MODIFIED,
        ]
    ),
    st.sampled_from(
        ["200", "404 Not Found", "302 Found", "299 Custom", "304", "abc", " 201 "]
    ),
    st.integers(min_value=100, max_value=999),
)

header_names = st.one_of(
    st.from_regex(r"\AX-[A-Za-z0-9][A-Za-z0-9-]{0,8}\Z"),
    st.sampled_from(
        [
            "Content-Type",
            "Content-Length",
            "Content-Encoding",
            "Content-Language",
            "Content-Location",
            "Location",
            "ETag",
            "Expires",
            "Last-Modified",
            "Cache-Control",
            "Vary",
            "x-a",
            "X-A",
        ]
    ),
)
header_values = st.one_of(
    st.text(SAFE_VALUE_CHARS, max_size=12),
    st.integers(min_value=0, max_value=10**6).map(str),
)
headers_arg = st.one_of(
    st.none(),
    st.lists(st.tuples(header_names, header_values), max_size=4),
    st.dictionaries(header_names, header_values, max_size=3),
)

texts = st.text(VALUE_CHARS, max_size=12)
binaries = st.binary(max_size=12)
chunks = st.lists(st.one_of(texts, binaries), max_size=4)

#: A body, as (kind, payload); built fresh for each side.
bodies = st.one_of(
    st.tuples(st.just("none"), st.none()),
    st.tuples(st.just("str"), texts),
    st.tuples(st.just("bytes"), binaries),
    st.tuples(st.just("list"), chunks),
    st.tuples(st.just("tuple"), chunks),
    st.tuples(st.just("generator"), chunks),
)

mimetypes = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "text/html",
            "text/plain",
            "application/json",
            "application/problem+json",
            "application/xml",
            "application/octet-stream",
            "image/png",
            "text/csv; header=present",
        ]
    ),
)
content_types = st.one_of(
    st.none(), st.sampled_from(["text/html; charset=latin1", "application/x-custom"])
)

class_settings = st.fixed_dictionaries(
    {},
    optional={
        "autocorrect_location_header": st.booleans(),
        "automatically_set_content_length": st.booleans(),
        "default_mimetype": st.sampled_from([None, "text/html", "application/json"]),
        "default_status": st.sampled_from([200, 404, "299 Custom"]),
    },
)

locations = st.one_of(
    st.lists(LOCATION_CHARS, max_size=8).map("".join),
    st.sampled_from(
        [
            "http://ü.example/ä b",
            "https://ex.com:8443/a?b=c d",
            "\\\\evil",
            "//evil",
            "../up",
            "?q=%zz",
        ]
    ),
)
dates = st.one_of(
    st.datetimes(
        min_value=datetime.datetime(1900, 1, 1),
        max_value=datetime.datetime(2200, 1, 1),
        timezones=st.sampled_from(
            [UTC, datetime.timezone(datetime.timedelta(hours=5))]
        ),
    ),
    st.datetimes(
        min_value=datetime.datetime(1970, 1, 2), max_value=datetime.datetime(2100, 1, 1)
    ),
    st.integers(min_value=0, max_value=2**32),
    st.none(),
)
cookie_names = st.from_regex(r"\A[A-Za-z][A-Za-z0-9_]{0,6}\Z")
cookie_kwargs = st.fixed_dictionaries(
    {},
    optional={
        "max_age": st.one_of(st.none(), st.integers(min_value=-10, max_value=10**8)),
        "expires": st.one_of(st.none(), st.integers(min_value=0, max_value=2**31)),
        "path": st.one_of(st.none(), st.sampled_from(["/", "/p", "/a b"])),
        "domain": st.one_of(
            st.none(), st.sampled_from(["example.com", ".Example.COM", "localhost"])
        ),
        "secure": st.booleans(),
        "httponly": st.booleans(),
        "samesite": st.one_of(
            st.none(), st.sampled_from(["Lax", "strict", "none", "bogus"])
        ),
        "partitioned": st.booleans(),
    },
)

mutations = st.one_of(
    st.tuples(st.just("set_data"), st.one_of(texts, binaries)),
    st.tuples(st.just("status"), statuses),
    st.tuples(st.just("status_code"), st.integers(min_value=100, max_value=599)),
    st.tuples(st.just("set_cookie"), cookie_names, texts, cookie_kwargs),
    st.tuples(st.just("delete_cookie"), cookie_names),
    st.tuples(st.just("add"), header_names, header_values),
    st.tuples(st.just("set"), header_names, header_values),
    st.tuples(st.just("remove"), header_names),
    st.tuples(st.just("location"), locations),
    st.tuples(
        st.just("content_length"),
        st.one_of(st.none(), st.integers(min_value=0, max_value=10**6)),
    ),
    st.tuples(st.just("date"), dates),
    st.tuples(st.just("expires"), dates),
    st.tuples(
        st.just("mimetype"),
        st.sampled_from(["text/html", "application/json", "image/gif"]),
    ),
    st.tuples(st.just("stream_write"), binaries),
    st.tuples(st.just("make_sequence")),
)

environs = st.fixed_dictionaries(
    {
        "method": st.sampled_from(["GET", "HEAD"]),
        "path": st.sampled_from(["/", "/a/b", "/ä/b c", "/x/"]),
        "base_url": st.sampled_from(["http://localhost/", "https://ex.com:8443/root/"]),
    }
)


# --- running both -------------------------------------------------------------------


def make_body(kind: str, payload: t.Any) -> t.Any:
    if kind == "list":
        return list(payload)
    if kind == "tuple":
        return tuple(payload)
    if kind == "generator":
        return (chunk for chunk in list(payload))
    return payload


def outcome(func: t.Callable[[], t.Any]) -> tuple[t.Any, ...]:
    """(kind, value or exception type, warning categories) of calling ``func``."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result: tuple[str, t.Any] = ("returns", func())
        except Exception as exc:
            result = ("raises", exc_kind(exc))
    return (*result, [w.category.__name__ for w in caught])


def apply(r: t.Any, mutation: tuple[t.Any, ...]) -> t.Callable[[], t.Any]:
    op, *args = mutation

    def run() -> t.Any:
        if op == "set_data":
            r.set_data(args[0])
        elif op == "status":
            r.status = args[0]
        elif op == "status_code":
            r.status_code = args[0]
        elif op == "set_cookie":
            r.set_cookie(args[0], args[1], **args[2])
        elif op == "delete_cookie":
            r.delete_cookie(args[0])
        elif op == "add":
            r.headers.add(args[0], args[1])
        elif op == "set":
            r.headers.set(args[0], args[1])
        elif op == "remove":
            r.headers.remove(args[0])
        elif op == "stream_write":
            return r.stream.write(args[0])
        elif op == "make_sequence":
            r.make_sequence()
        else:
            setattr(r, op, args[0])
        return None

    return run


def state(r: t.Any) -> tuple[t.Any, ...]:
    return (
        r.status,
        r.status_code,
        list(r.headers.to_wsgi_list()),
        r.is_sequence,
        r.is_streamed,
    )


# --- the tests ------------------------------------------------------------------------


@SETTINGS
@given(
    attrs=class_settings,
    body=bodies,
    status=st.one_of(st.none(), statuses),
    headers=headers_arg,
    mimetype=mimetypes,
    content_type=content_types,
    steps=st.lists(mutations, max_size=6),
    env_args=environs,
)
def test_random_response_matches_werkzeug(
    twin: types.ModuleType,
    one_clock_second: t.Callable[[t.Callable[[], None]], None],
    attrs: dict[str, t.Any],
    body: tuple[str, t.Any],
    status: t.Any,
    headers: t.Any,
    mimetype: str | None,
    content_type: str | None,
    steps: list[tuple[t.Any, ...]],
    env_args: dict[str, str],
) -> None:
    # Cookies with max_age and Date/Expires set to None read the clock.
    one_clock_second(
        lambda: _check_random_response(
            twin, attrs, body, status, headers, mimetype, content_type, steps, env_args
        )
    )


def _check_random_response(
    twin: types.ModuleType,
    attrs: dict[str, t.Any],
    body: tuple[str, t.Any],
    status: t.Any,
    headers: t.Any,
    mimetype: str | None,
    content_type: str | None,
    steps: list[tuple[t.Any, ...]],
    env_args: dict[str, str],
) -> None:
    ours_cls = type("Ours", (twin.Response,), dict(attrs)) if attrs else twin.Response
    theirs_cls = type("Theirs", (WR,), dict(attrs)) if attrs else WR

    def build(cls: type) -> t.Callable[[], t.Any]:
        return lambda: cls(
            make_body(*body),
            status,
            headers,
            mimetype=mimetype,
            content_type=content_type,
        )

    built_ours = outcome(build(ours_cls))
    built_theirs = outcome(build(theirs_cls))
    assert built_ours[0] == built_theirs[0], (built_ours, built_theirs)
    if built_theirs[0] == "raises":
        assert built_ours[1] == built_theirs[1]
        return
    ours, theirs = built_ours[1], built_theirs[1]
    assert state(ours) == state(theirs)

    for step in steps:
        assert outcome(apply(ours, step)) == outcome(apply(theirs, step)), step
        assert state(ours) == state(theirs), step

    env = werkzeug.test.create_environ(
        env_args["path"], env_args["base_url"], method=env_args["method"]
    )
    first = call_wsgi(ours, dict(env))
    assert first == call_wsgi(theirs, dict(env))
    # A sequence body gives the same bytes again on the next call.
    if theirs.is_sequence:
        assert call_wsgi(ours, dict(env)) == first


@SETTINGS
@given(body=bodies, status=statuses, headers=headers_arg, mimetype=mimetypes)
def test_random_construction_and_reads_match_werkzeug(
    twin: types.ModuleType,
    body: tuple[str, t.Any],
    status: t.Any,
    headers: t.Any,
    mimetype: str | None,
) -> None:
    ours = twin.Response(make_body(*body), status, headers, mimetype=mimetype)
    theirs = WR(make_body(*body), status, headers, mimetype=mimetype)
    assert state(ours) == state(theirs)
    assert repr(ours).split(" ", 1)[1] == repr(theirs).split(" ", 1)[1]
    for name in (
        "mimetype",
        "content_type",
        "content_length",
        "content_encoding",
        "location",
        "expires",
        "last_modified",
        "is_json",
    ):
        assert outcome(lambda: getattr(ours, name)) == outcome(
            lambda: getattr(theirs, name)
        ), name
    assert outcome(ours.calculate_content_length) == outcome(
        theirs.calculate_content_length
    )
    assert outcome(ours.get_data) == outcome(theirs.get_data)
    env = werkzeug.test.create_environ()
    assert (
        ours.get_wsgi_headers(env).to_wsgi_list()
        == theirs.get_wsgi_headers(dict(env)).to_wsgi_list()
    )


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_differential_smoke(
    twin: types.ModuleType,
    method: str,
    one_clock_second: t.Callable[[t.Callable[[], None]], None],
) -> None:
    """A fixed example of the random test, so that a failure here is readable."""
    env = werkzeug.test.create_environ("/a/b", method=method)

    def check() -> None:
        results = []
        for cls in (twin.Response, WR):
            r = cls(["a", b"b"], 302, [("X-A", "1")], mimetype="text/html")
            r.location = "/ä b\\c%41"
            r.set_cookie("k", "v w", max_age=60, samesite="lax")
            r.date = datetime.datetime(2020, 1, 2, tzinfo=UTC)
            results.append(call_wsgi(r, dict(env)))
        assert results[0] == results[1]

    one_clock_second(check)
