"""Differential tests: ``{twin}.sansio.utils`` against ``werkzeug.sansio.utils``.

``host_is_trusted``, ``get_host`` and ``get_current_url`` get the same inputs on
each twin and on Werkzeug 3.1.9 and must give the same value, or raise the same
exception (class name, nearest built-in class and message). The inputs are
hostile on purpose: ports out of range or with signs and leading zeros, IPv6 in
and out of brackets, IDNA and Unicode names, trailing dots, ``.``-prefixed
wildcards and ports in the trusted list, the default ports of http/https/ws/wss,
Unix-socket servers, control characters, ``@``/``/``/``\\`` in a host, and
non-ASCII, percent-encoded and surrogate text in paths and (bytes or str) query
strings; ``None`` parts end the URL.

An untrusted host raises the twin's own ``exceptions.SecurityError`` (a
``BadRequest``, code 400) where Werkzeug raises its own, and the two render the
same error (status, headers, body).
"""

from __future__ import annotations

import importlib
import inspect
import sys
import types
import typing as t

import pytest
import werkzeug.exceptions
import werkzeug.sansio.utils
from hypothesis import example, given, settings
from hypothesis import strategies as st

from support import exc_kind
from support import is_ours_aware

WU = werkzeug.sansio.utils
WSecurityError = werkzeug.exceptions.SecurityError

#: Sizes this file's runs; the rest comes from conftest's hypothesis profile.
SETTINGS = settings(max_examples=300)

FUNCTIONS = ("host_is_trusted", "get_host", "get_current_url", "get_content_length")


def utils_of(twin: types.ModuleType) -> types.ModuleType:
    return importlib.import_module(f"{twin.__name__}.sansio.utils")


def run(func: t.Callable[[], t.Any]) -> tuple[t.Any, ...]:
    """``("ok", value)`` or ``("raise", class name, built-in kind, message)``."""
    try:
        return ("ok", func())
    except Exception as exc:
        return ("raise", type(exc).__name__, exc_kind(exc), str(exc))


def compare(
    twin: types.ModuleType, name: str, *args: t.Any
) -> tuple[t.Any, ...]:
    """Call ``name(*args)`` on the twin and on Werkzeug; the outcomes must be
    equal, and a SecurityError must be the twin's own class."""
    ours_func = getattr(utils_of(twin), name)
    caught: list[BaseException] = []

    def ours() -> t.Any:
        try:
            return ours_func(*args)
        except Exception as exc:
            caught.append(exc)
            raise

    mine = run(ours)
    theirs = run(lambda: getattr(WU, name)(*args))
    assert mine == theirs

    if mine[0] == "raise" and mine[1] == "SecurityError":
        assert is_ours_aware(caught[0], twin.exceptions.SecurityError, werkzeug.exceptions.SecurityError)

    return mine


# --- hosts ------------------------------------------------------------------------

LABEL_CHARS = st.sampled_from(
    list("abcxyzABZ0129-_")
    + ["\u00fc", "\u00df", "\u2603", "\u0130", "\u0131", "\uff21", "\u200d"]
)
label = st.one_of(
    st.text(LABEL_CHARS, max_size=8),
    st.sampled_from(
        ["xn--bcher-kva", "xn--n3h", "xn--zz", "xn--", "localhost", "127", "a" * 63, "a" * 64]
    ),
)
#: A dotted name: ``.``, the ideographic and fullwidth full stops (IDNA dots).
name = st.builds(
    lambda labels, dot, end: dot.join(labels) + end,
    st.lists(label, min_size=1, max_size=4),
    st.sampled_from([".", ".", ".", "\u3002", "\uff0e"]),
    st.sampled_from(["", "", "", "."]),
)
ipv4 = st.tuples(*[st.integers(0, 300)] * 4).map(lambda p: ".".join(map(str, p)))
ipv6 = st.sampled_from(
    [
        "[::1]", "[::]", "[2001:db8::1]", "[::ffff:1.2.3.4]", "[1:2:3:4:5:6:7:8]",
        "[FE80::1]", "[fe80::1%25eth0]", "[:1]", "[g::1]", "[]", "[::1", "::1]", "::1",
    ]
)
port = st.one_of(
    st.sampled_from(
        ["", "", ":", ":0", ":80", ":443", ":8080", ":65535", ":65536", ":99999",
         ":080", ":+1", ": 1", ":1:2", ":\u0661", ":-1", ":123456"]
    ),
    st.integers(0, 10**6).map(lambda n: f":{n}"),
)
junk = st.sampled_from(
    ["", "", "", " ", "\t", "\n", "\r\n", "\x00", "\x7f", "@", "user@", "/", "\\", "#", "?", "%"]
)
#: Well-formed hosts, so that trusted-list matching is reached often.
ascii_name = st.lists(
    st.text(st.sampled_from("abcxyzAB019-"), min_size=1, max_size=5), min_size=1, max_size=4
).map(".".join)
valid_port = st.sampled_from(["", "", ":80", ":443", ":8080", ":1", ":65535"])
hosts = st.one_of(
    st.builds(lambda h, p: h + p, st.one_of(ascii_name, ipv4, ipv6), valid_port),
    st.builds(lambda a, h, p, b: a + h + p + b, junk, st.one_of(name, ipv4, ipv6), port, junk),
    st.builds(lambda h, p: h + p, st.one_of(name, ipv4, ipv6), port),
    st.text(max_size=12),
)


@st.composite
def trusted_lists(draw: st.DrawFn, host: str) -> t.Any:
    """A trusted list, often made from ``host`` (the same name, a parent with a
    leading dot, another case, the Unicode or the IDNA form, with a port)."""
    bare = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    parts = bare.split(".")
    variants = [
        bare,
        bare.upper(),
        "." + bare,
        "." + ".".join(parts[1:]),
        ".".join(parts[1:]),
        bare + ":80",
        "." + bare + ":443",
    ]
    try:
        variants.append(bare.encode("ascii").decode("idna"))  # xn-- to Unicode
    except UnicodeError:
        pass
    entry = st.one_of(
        st.sampled_from(variants), st.sampled_from(variants), name, st.sampled_from(["", "."])
    )
    return draw(
        st.one_of(
            st.none(),
            st.just([]),
            entry,  # a str is taken as a list of one
            st.lists(entry, min_size=1, max_size=3),
            st.lists(entry, min_size=1, max_size=3).map(tuple),
            st.lists(entry, min_size=1, max_size=3).map(frozenset),
        )
    )


schemes = st.sampled_from(["http", "https", "ws", "wss", "HTTP", "ftp", ""])
servers = st.one_of(
    st.none(),
    st.tuples(
        st.one_of(name, ipv4, ipv6, st.sampled_from(["::1", "fe80::1", "/tmp/app.sock", ""])),
        st.one_of(st.none(), st.sampled_from([80, 443, 8080, 0, 65535, 65536, -1])),
    ),
)


@SETTINGS
@given(data=st.data(), host=st.one_of(st.none(), hosts))
@example(data=None, host="example.com:8080")
@example(data=None, host="[::1]:65535")
@example(data=None, host="b\u00fccher.de")
def test_host_is_trusted(twin: types.ModuleType, data: t.Any, host: str | None) -> None:
    compare(twin, "host_is_trusted", host)
    compare(twin, "host_is_trusted", host, None)

    if data is not None:
        trusted = data.draw(trusted_lists(host or ""), label="trusted")
        compare(twin, "host_is_trusted", host, trusted)


@SETTINGS
@given(
    data=st.data(),
    scheme=schemes,
    host=st.one_of(st.none(), hosts),
    server=servers,
)
def test_get_host(
    twin: types.ModuleType,
    data: t.Any,
    scheme: str,
    host: str | None,
    server: tuple[str, int | None] | None,
) -> None:
    compare(twin, "get_host", scheme, host)
    compare(twin, "get_host", scheme, host, server)
    basis = host if host is not None else (server[0] if server else "")
    trusted = data.draw(trusted_lists(basis), label="trusted")
    compare(twin, "get_host", scheme, host, server, trusted)


#: A trusted name the IDNA codec refuses: before Python 3.13 the codec raises a
#: plain UnicodeError, which escapes Werkzeug's ``except UnicodeEncodeError`` (and
#: ours); 3.13 raises UnicodeEncodeError, so the name is not trusted.
IDNA_REFUSED = (
    UnicodeError if sys.version_info < (3, 13) else werkzeug.exceptions.SecurityError
)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("http", "example.com:80"), "example.com"),
        (("ws", "example.com:80"), "example.com"),
        (("https", "example.com:443"), "example.com"),
        (("wss", "example.com:443"), "example.com"),
        (("https", "example.com:80"), "example.com:80"),
        (("http", "example.com:443"), "example.com:443"),
        (("HTTP", "example.com:80"), "example.com:80"),
        (("http", "[::1]:80"), "[::1]"),
        (("http", None, ("::1", 8080)), "[::1]:8080"),
        (("https", None, ("10.0.0.1", 443)), "10.0.0.1"),
        (("http", None, ("/run/app.sock", None)), ""),
        (("http", None), ""),
        (("http", "bad host"), ""),
        (("http", "host:0"), ""),
        (("http", "host:65536"), ""),
        (("http", "b\u00fccher.de"), ""),
        (("http", "xn--bcher-kva.de", None, ["b\u00fccher.de"]), "xn--bcher-kva.de"),
        (("http", "a.example.com", None, [".example.com"]), "a.example.com"),
        (("http", "example.com:8080", None, ["example.com:1"]), "example.com:8080"),
        (("http", "example.com", None, "example.com"), "example.com"),
        # A trusted name the IDNA codec refuses (see IDNA_REFUSED).
        (("http", "x.com", None, ["\u00e9" * 70]), IDNA_REFUSED),
        (("http", "x.com", None, ["a..b"]), IDNA_REFUSED),
    ],
)
def test_get_host_cases(
    twin: types.ModuleType, args: tuple[t.Any, ...], expected: t.Any
) -> None:
    result = compare(twin, "get_host", *args)

    if isinstance(expected, str):
        assert result == ("ok", expected)
    else:  # compare() checked the rest against Werkzeug
        assert result[:2] == ("raise", expected.__name__)


# --- SecurityError ------------------------------------------------------------------

UNTRUSTED = [
    ("http", "evil.com", None, ["example.com"]),
    ("http", "a.example.com", None, ["example.com"]),
    ("http", "a.example.com.", None, [".example.com"]),
    ("http", "xample.com", None, [".example.com"]),
    ("https", "EXAMPLE.com", None, ["example.com"]),
    ("http", "", None, ["example.com"]),
    ("http", "bad host", None, ["bad host"]),
    ("http", "example.com:65536", None, ["example.com"]),
    ("http", None, ("evil.com", 8080), ["example.com"]),
    ("http", "b\u00fccher.de", None, ["b\u00fccher.de"]),
]


def test_security_error_class(twin: types.ModuleType) -> None:
    ours = twin.exceptions.SecurityError
    assert ours is not WSecurityError
    assert issubclass(ours, twin.exceptions.BadRequest)
    assert issubclass(ours, twin.exceptions.HTTPException)
    assert [c.__name__ for c in ours.__mro__] == [c.__name__ for c in WSecurityError.__mro__]
    assert (ours.code, ours.description) == (WSecurityError.code, WSecurityError.description)
    assert ours.code == 400


@pytest.mark.parametrize("args", UNTRUSTED)
def test_untrusted_host_raises_security_error(
    twin: types.ModuleType, args: tuple[t.Any, ...]
) -> None:
    with pytest.raises(WSecurityError) as theirs_info:
        WU.get_host(*args)
    with pytest.raises(twin.exceptions.SecurityError) as ours_info:
        utils_of(twin).get_host(*args)

    ours, theirs = ours_info.value, theirs_info.value
    assert is_ours_aware(ours, twin.exceptions.SecurityError, werkzeug.exceptions.SecurityError)
    assert isinstance(ours, twin.exceptions.BadRequest)
    assert (ours.code, ours.name, ours.description) == (400, theirs.name, theirs.description)
    assert (str(ours), repr(ours)) == (str(theirs), repr(theirs))
    assert ours.get_body() == theirs.get_body()
    assert ours.get_headers() == theirs.get_headers()
    ours_r, theirs_r = ours.get_response(), theirs.get_response()
    assert ours_r.status == theirs_r.status == "400 BAD REQUEST"
    assert list(ours_r.headers.items()) == list(theirs_r.headers.items())
    assert ours_r.get_data() == theirs_r.get_data()


def test_untrusted_host_in_the_server_address(twin: types.ModuleType) -> None:
    """The server address is checked too, once the Host header is missing."""
    with pytest.raises(twin.exceptions.SecurityError, match="evil.com:8080"):
        utils_of(twin).get_host("http", None, ("evil.com", 8080), ["example.com"])


# --- URLs ---------------------------------------------------------------------------

PATH_PIECES = st.one_of(
    st.sampled_from(
        list("/abc019.-_~!$&'()*+,;=:@?#[]{}|^`\"<> \t\\")
        + ["%", "%2F", "%2f", "%25", "%zz", "%C3%A9", "%C3", "%E2%98%83", "%FF", "//"]
        + ["\u00e9", "\u2603", "\U0001f600", "\x00", "\x7f", "\n", "\u00c3\u00a9", "\udcff"]
    ),
    st.characters(),
)
paths = st.one_of(st.none(), st.lists(PATH_PIECES, max_size=10).map("".join))
QUERY_PIECES = st.sampled_from(
    [b"a=1", b"&", b"=", b"+", b"%20", b"%2B", b"%26", b"%zz", b"%C3%A9", b"\xc3\xa9",
     b"\xff", b"\x00", b" ", b"#", b"?", b"/", b";", b"\n", b"\x7f", b"\xe2\x98\x83"]
)
queries = st.one_of(
    st.none(),
    st.just(b""),
    st.lists(QUERY_PIECES, max_size=8).map(b"".join),
    st.binary(max_size=12),
    st.lists(PATH_PIECES, max_size=6).map("".join),  # quote takes str as well
)
url_hosts = st.one_of(hosts, st.just(""), st.just("xn--n3h.net:8080"))


@SETTINGS
@given(
    scheme=schemes,
    host=url_hosts,
    root_path=paths,
    path=paths,
    query=queries,
)
@example(scheme="http", host="xn--n3h.net", root_path="/r\u00e9", path="/p\u00e5th", query=b"q=%C3%A8ry%DF")
@example(scheme="https", host="h", root_path="/a/", path="//b/", query=b"\xff")
@example(scheme="http", host="h", root_path=None, path="/x", query=b"a=1")
@example(scheme="http", host="h", root_path="", path=None, query=b"a=1")
def test_get_current_url(
    twin: types.ModuleType,
    scheme: str,
    host: str,
    root_path: str | None,
    path: str | None,
    query: bytes | str | None,
) -> None:
    compare(twin, "get_current_url", scheme, host)
    compare(twin, "get_current_url", scheme, host, root_path)
    compare(twin, "get_current_url", scheme, host, root_path, path)
    compare(twin, "get_current_url", scheme, host, root_path, path, query)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("http", "h"), "http://h/"),
        (("http", "h", "/app/"), "http://h/app/"),
        (("http", "h", "/app", "/p q"), "http://h/app/p%20q"),
        (("http", "h", "", "a%2Fb", b"x=%26&y"), "http://h/a%2Fb?x=%26&y"),
        (("http", "h", "", "\u2603", "\u00e9".encode()), "http://h/\u2603?\u00e9"),
        (("http", "h", "", "x", b"\xff"), "http://h/x?%FF"),
        (("http", "h", "", "x", b""), "http://h/x"),
        (("http", "xn--n3h.net", None), "http://\u2603.net/"),
    ],
)
def test_get_current_url_cases(
    twin: types.ModuleType, args: tuple[t.Any, ...], expected: str
) -> None:
    assert compare(twin, "get_current_url", *args) == ("ok", expected)


# --- the module ----------------------------------------------------------------------


def _params(func: t.Any) -> list[tuple[str, t.Any, t.Any]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(func).parameters.values()]


@pytest.mark.parametrize("name", FUNCTIONS)
def test_signatures_match_werkzeug(twin: types.ModuleType, name: str) -> None:
    assert _params(getattr(utils_of(twin), name)) == _params(getattr(WU, name))


def test_all(twin: types.ModuleType) -> None:
    assert sorted(utils_of(twin).__all__) == sorted(FUNCTIONS)
