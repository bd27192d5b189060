"""Differential tests: random conditional and range requests, on a twin and on Werkzeug.

Hypothesis draws a body (bytes or str, as a value, a list, a generator or an
``io.BytesIO``, 0 to 300 long), how the response gets its ETag (``add_etag``
strong or weak, ``set_etag``, a raw header, none), a Last-Modified, a request
method (mostly GET and HEAD) and the conditional request headers
``If-None-Match``, ``If-Match``, ``If-Modified-Since``, ``If-Unmodified-Since``,
``Range`` and ``If-Range``, each from a mix of well-formed values (the
response's ETag, others, ``*``, lists, weak tags, dates before, at and after
Last-Modified; single, suffix, open, multiple, overlapping, reversed and huge
ranges) and garbage; plus ``accept_ranges`` and ``complete_length`` (usually
the true length, sometimes 0, None or another number).

The same inputs go to ``twin.Response`` and ``werkzeug.wrappers.Response``; the
outcome of ``make_conditional`` (the response itself, or the exception type;
for ``RequestedRangeNotSatisfiable`` its ``length`` and its 416 response on the
wire), the response's status and headers, and then the WSGI call (status line,
header list in order, body bytes) must agree. ``Date`` is read from the clock
on both sides, so the comparison runs under ``one_clock_second``.

Excluded, because the twins are deliberately stricter there (pinned in
``test_conditional.py``): dates with a 20-digit year in ``If-Modified-Since``
and ``If-Range`` (Werkzeug raises ``OverflowError``).
"""

from __future__ import annotations

import datetime
import hashlib
import io
import types
import typing as t

import werkzeug.exceptions
import werkzeug.http
import werkzeug.test
import werkzeug.wrappers
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from support import Wire, call_wsgi, exc_kind

WR = werkzeug.wrappers.Response
WRNS = werkzeug.exceptions.RequestedRangeNotSatisfiable
UTC = datetime.timezone.utc

#: Sizes this file's runs; the rest comes from conftest's hypothesis profile.
SETTINGS = settings(max_examples=150)

#: Last-Modified values are drawn around this moment, so that request dates
#: land before, at and after it.
BASE = datetime.datetime(2020, 2, 1, 12, 0, 0, tzinfo=UTC)

# --- strategies -------------------------------------------------------------------

BODY_CHARS = st.sampled_from(list("abc019 \n-") + ["ü", "☃", "\x00"])

#: (kind, payload): kind is bytes/str/list/generator/bytesio, payload the data
#: as bytes or str, split into chunks for list and generator bodies.
bodies = st.one_of(
    st.tuples(st.just("bytes"), st.binary(max_size=300)),
    st.tuples(st.just("str"), st.text(BODY_CHARS, max_size=300)),
    st.tuples(
        st.just("list"),
        st.lists(st.one_of(st.binary(max_size=60), st.text(BODY_CHARS, max_size=60)), max_size=6),
    ),
    st.tuples(
        st.just("generator"),
        st.lists(st.one_of(st.binary(max_size=60), st.text(BODY_CHARS, max_size=60)), max_size=6),
    ),
    st.tuples(st.just("bytesio"), st.binary(max_size=300)),
)

#: How the response gets its ETag.
etag_setups = st.one_of(
    st.tuples(st.just("none"), st.none()),
    st.tuples(st.just("add"), st.booleans()),
    st.tuples(st.just("set"), st.tuples(st.sampled_from(["abc", "x", "", "a b", "ü"]), st.booleans())),
    st.tuples(st.just("raw"), st.sampled_from(['"abc"', "abc", 'W/"abc"', "w/x", '"', ""])),
)


def http_dates(offsets: st.SearchStrategy[int]) -> st.SearchStrategy[str]:
    return offsets.map(
        lambda s: werkzeug.http.http_date(BASE + datetime.timedelta(seconds=s))
    )


offsets = st.one_of(
    st.sampled_from([0, -1, 1, -86400, 86400, 0]),
    st.integers(min_value=-(10**8), max_value=10**8),
)

last_modifieds = st.one_of(
    st.none(),
    http_dates(offsets),
    st.sampled_from(["junk", "", "Sat, 01 Feb 2020 12:00:00 +0100"]),
    st.integers(min_value=0, max_value=999_999).map(
        lambda us: BASE.replace(microsecond=us)
    ),
)

GARBAGE = ["", " ", ",", "junk", "\x00", "ü", "W/", '"', "*,*", "null", "0", "-"]

request_dates = st.one_of(
    http_dates(offsets),
    st.sampled_from(
        [
            "Saturday, 01-Feb-20 12:00:00 GMT",
            "Sat Feb  1 12:00:00 2020",
            "Sat, 01 Feb 2020 13:00:00 +0100",
            "Sat, 01 Feb 2020 12:00:00",
            "01 Feb 2020 12:00:00 GMT",
            "Sun, 31 Feb 2020 12:00:00 GMT",
            "Sat, 01 Feb 10000 12:00:00 GMT",
            "Thu, 01 Jan 1970 00:00:00 GMT",
        ]
    ),
    st.sampled_from(GARBAGE),
)


def etag_lists(own: str) -> st.SearchStrategy[str]:
    """If-None-Match / If-Match / If-Range values around the response's tag."""
    single = st.one_of(
        st.just(f'"{own}"'),
        st.just(f'W/"{own}"'),
        st.just(own),
        st.sampled_from(['"abc"', 'W/"abc"', '"x"', '""', '"other"', "abc"]),
    )
    return st.one_of(
        single,
        st.just("*"),
        st.lists(single, min_size=2, max_size=4).map(", ".join),
        st.lists(single, min_size=1, max_size=3).map(lambda x: ",".join(x + ["*"])),
        st.sampled_from(GARBAGE),
    )


def one_range(length: int) -> st.SearchStrategy[str]:
    near = st.integers(min_value=0, max_value=max(length + 3, 3))
    return st.one_of(
        st.tuples(near, near).map(lambda p: f"{p[0]}-{p[1]}"),  # incl. reversed
        near.map(lambda a: f"{a}-"),  # open
        near.map(lambda a: f"-{a}"),  # suffix, incl. -0
        st.sampled_from(
            [
                "0-0",
                "0-",
                "-1",
                "1-" + "9" * 25,
                "9" * 25 + "-",
                "-" + "9" * 25,
                "abc",
                "1",
                "+1-2",
                " 1 - 2 ",
                "1-2;",
                "--1",
                "",
            ]
        ),
    )


def ranges(length: int) -> st.SearchStrategy[str]:
    return st.one_of(
        one_range(length).map(lambda r: f"bytes={r}"),
        one_range(length).map(lambda r: f"bytes={r}"),
        st.lists(one_range(length), min_size=2, max_size=4).map(
            lambda rs: "bytes=" + ",".join(rs)
        ),
        st.tuples(st.sampled_from(["items", "BYTES", " bytes ", "bits"]), one_range(length)).map(
            lambda p: f"{p[0]}={p[1]}"
        ),
        st.sampled_from(["", "bytes", "bytes=", "=0-1", "bytes=0-1,,2-3"]),
        st.just("bytes=" + ",".join(f"{i}-{i}" for i in range(0, 600, 2))),
    )


#: Mostly GET and HEAD (the only methods make_conditional looks at).
methods = st.sampled_from(["GET"] * 8 + ["HEAD"] * 4 + ["POST", "PUT", "OPTIONS", "get"])
accept_ranges_values = st.sampled_from([True, True, "bytes", "items", False, "", None])


# --- running one side ---------------------------------------------------------------


def data_of(kind: str, payload: t.Any) -> bytes:
    if kind in ("list", "generator"):
        return b"".join(c.encode() if isinstance(c, str) else c for c in payload)
    if isinstance(payload, str):
        return payload.encode()
    return bytes(payload)


def make_body(kind: str, payload: t.Any) -> t.Any:
    if kind == "list":
        return list(payload)
    if kind == "generator":
        return (c for c in list(payload))
    if kind == "bytesio":
        return io.BytesIO(payload)
    return payload


def mask(key: str, value: str) -> str:
    if key.lower() != "date":
        return value
    assert werkzeug.http.parse_date(value) is not None, value
    return "<date>"


def wire(app: t.Any, env: dict[str, t.Any]) -> Wire:
    """Call ``app`` with a copy of ``env``; ``Date`` masked."""
    return call_wsgi(app, dict(env), mask)


def run(
    cls: type,
    exc_cls: type,
    inputs: dict[str, t.Any],
) -> tuple[t.Any, ...]:
    """Build, tag and make one response conditional; serve it. Comparable."""
    kind, payload = inputs["body"]
    r = cls(make_body(kind, payload))
    how, arg = inputs["etag"]
    if how == "add":
        r.add_etag(weak=arg)
    elif how == "set":
        r.set_etag(arg[0], arg[1])
    elif how == "raw":
        r.headers["ETag"] = arg
    last_modified = inputs["last_modified"]
    if isinstance(last_modified, str):
        r.headers["Last-Modified"] = last_modified
    elif last_modified is not None:
        r.last_modified = last_modified
    env = werkzeug.test.create_environ(
        "/", method=inputs["method"], headers=inputs["headers"]
    )
    try:
        rv = r.make_conditional(
            env,
            accept_ranges=inputs["accept_ranges"],
            complete_length=inputs["complete_length"],
        )
    except Exception as exc:
        if isinstance(exc, exc_cls):
            err: t.Any = exc
            assert err.code == 416
            err_env = werkzeug.test.create_environ("/")
            result: tuple[t.Any, ...] = (
                "416",
                err.length,
                wire(err.get_response(err_env), err_env),
            )
        else:
            result = ("raises", exc_kind(exc))
        r.close()
    else:
        assert rv is r
        result = ("returns", None)
    state = (
        r.status,
        [(k, mask(k, v)) for k, v in r.headers.to_wsgi_list()],
    )
    if result[0] != "returns":
        return result + (state,)
    return result + (state, wire(r, env))


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, t.Any]:
    body = draw(bodies)
    length = len(data_of(*body))
    etag: tuple[str, t.Any] = draw(etag_setups)
    # The tag the request headers refer to when they mean "this response".
    own = "abc"
    if etag[0] == "add":
        own = hashlib.sha1(data_of(*body)).hexdigest()
    elif etag[0] == "set":
        own = etag[1][0]
    headers: dict[str, str] = {}
    optional = {
        "If-None-Match": etag_lists(own),
        "If-Match": etag_lists(own),
        "If-Modified-Since": request_dates,
        "If-Unmodified-Since": request_dates,
        "Range": ranges(length),
        "If-Range": st.one_of(etag_lists(own), request_dates),
    }
    for name, strategy in optional.items():
        # Range more often than not; the others half of the time or less.
        if draw(st.integers(0, 5)) < CHANCE[name]:
            headers[name] = draw(strategy)
    complete_length = draw(
        st.one_of(
            st.just(length),
            st.just(length),
            st.sampled_from([0, None, 1, length + 1, max(length - 1, 0), 10**20]),
            st.integers(min_value=0, max_value=400),
        )
    )
    return {
        "body": body,
        "etag": etag,
        "last_modified": draw(last_modifieds),
        "method": draw(methods),
        "headers": headers,
        "accept_ranges": draw(accept_ranges_values),
        "complete_length": complete_length,
    }


#: Out of 6: how often each request header is sent.
CHANCE = {
    "If-None-Match": 2,
    "If-Match": 2,
    "If-Modified-Since": 2,
    "If-Unmodified-Since": 1,
    "Range": 4,
    "If-Range": 2,
}


# --- the tests ------------------------------------------------------------------------


def check(twin: types.ModuleType, inputs: dict[str, t.Any]) -> None:
    ours = run(twin.Response, twin.exceptions.RequestedRangeNotSatisfiable, inputs)
    theirs = run(WR, WRNS, inputs)
    assert ours == theirs, inputs


@SETTINGS
@given(inputs=scenarios())
def test_random_conditional_request_matches_werkzeug(
    twin: types.ModuleType,
    one_clock_second: t.Callable[[t.Callable[[], None]], None],
    inputs: dict[str, t.Any],
) -> None:
    one_clock_second(lambda: check(twin, inputs))


@SETTINGS
@given(
    body=bodies,
    header=st.data(),
    method=st.sampled_from(["GET", "HEAD"]),
)
def test_random_range_matches_werkzeug(
    twin: types.ModuleType,
    one_clock_second: t.Callable[[t.Callable[[], None]], None],
    body: tuple[str, t.Any],
    header: st.DataObject,
    method: str,
) -> None:
    """Ranges alone, always processed: the body slice must be Werkzeug's."""
    data = data_of(*body)
    rng = header.draw(ranges(len(data)))
    inputs = {
        "body": body,
        "etag": ("none", None),
        "last_modified": None,
        "method": method,
        "headers": {"Range": rng},
        "accept_ranges": True,
        "complete_length": len(data),
    }
    one_clock_second(lambda: check(twin, inputs))
    # For a bytes-only body the slice is the exact bytes asked for.
    ours = run(twin.Response, twin.exceptions.RequestedRangeNotSatisfiable, inputs)
    if ours[0] == "returns" and method == "GET" and ours[2][0].startswith("206"):
        served = ours[3][2]
        content_range = dict(ours[3][1])["Content-Range"]
        start, stop = content_range.split(" ")[1].split("/")[0].split("-")
        assert 0 <= int(start) <= int(stop) < len(data)
        if body[0] in ("bytes", "bytesio"):
            assert served == data[int(start) : int(stop) + 1]
