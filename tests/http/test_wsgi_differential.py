"""Differential tests: ``twin.wsgi`` against ``werkzeug.wsgi``.

``get_host(environ, trusted_hosts)`` and ``get_current_url(environ, root_only,
strip_querystring, host_only, trusted_hosts)`` get the same WSGI environ on each
twin and on Werkzeug 3.1.9 and must return the same string or raise the same
exception (class name, nearest built-in class, message; an untrusted host is the
twin's own ``SecurityError``). Environs are drawn with and without
``HTTP_HOST``, ``SERVER_NAME`` and ``SERVER_PORT`` (numbers, default ports, junk,
an int, a Unix socket's empty port), each ``wsgi.url_scheme``, ``SCRIPT_NAME``
and ``PATH_INFO`` holding UTF-8 decoded as latin-1 (as a WSGI server passes
them), reserved characters and escapes, any ``QUERY_STRING`` (including text
that is not latin-1), and every flag combination. The signatures are Werkzeug's.
"""

from __future__ import annotations

import inspect
import itertools
import types
import typing as t

import pytest
import werkzeug.exceptions
import werkzeug.wsgi
from hypothesis import example, given, settings
from hypothesis import strategies as st

from support import exc_kind
from support import is_ours_aware

WW = werkzeug.wsgi

#: Sizes this file's runs; the rest comes from conftest's hypothesis profile.
SETTINGS = settings(max_examples=250)

FLAGS = list(itertools.product([False, True], repeat=3))


def run(func: t.Callable[[], t.Any]) -> tuple[t.Any, ...]:
    """``("ok", value)`` or ``("raise", class name, built-in kind, message)``,
    with the exception itself last (left out of comparisons)."""
    try:
        return ("ok", func())
    except Exception as exc:
        return ("raise", type(exc).__name__, exc_kind(exc), str(exc), exc)


def compare(
    twin: types.ModuleType, name: str, environ: dict[str, t.Any], *args: t.Any, **kw: t.Any
) -> t.Any:
    ours = run(lambda: getattr(twin.wsgi, name)(dict(environ), *args, **kw))
    theirs = run(lambda: getattr(WW, name)(dict(environ), *args, **kw))
    assert ours[:4] == theirs[:4]

    if ours[0] == "raise" and ours[1] == "SecurityError":
        assert is_ours_aware(ours[4], twin.exceptions.SecurityError, werkzeug.exceptions.SecurityError)
        assert type(theirs[4]) is werkzeug.exceptions.SecurityError

    return ours[:4]


# --- environs ---------------------------------------------------------------------


def wsgi_str(text: str) -> str:
    """``text`` as a WSGI server passes it: its UTF-8 bytes decoded as latin-1."""
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


HOSTS = st.one_of(
    st.sampled_from(
        [
            "example.com", "example.com:80", "example.com:443", "example.com:8080",
            "EXAMPLE.com", "a.example.com", "[::1]", "[::1]:80", "[::1]:443",
            "127.0.0.1:5000", "xn--n3h.net", "b\u00fccher.de", wsgi_str("b\u00fccher.de"),
            "", " ", "host:0", "host:65536", "bad host", "h\r\nX: y", "user@host", "h/p",
        ]
    ),
    st.text(st.sampled_from("abc.-:[]0189@ \u00e9"), max_size=12),
)
SERVER_NAMES = st.sampled_from(
    ["example.com", "localhost", "::1", "fe80::1", "[::1]", "10.0.0.1", "/tmp/app.sock", "", "bad name"]
)
SERVER_PORTS = st.sampled_from(["80", "443", "8080", "0", "65536", "", "abc", " 80", "+80", "\u0668\u0660", 80, 8443])
SCHEMES = st.sampled_from(["http", "https", "ws", "wss", "HTTP", "ftp"])
PATH_CHARS = st.one_of(
    st.sampled_from(
        list("/abc019.-_~!$&'()*+,;=:@?#[] %\\\"<>")
        + ["%2F", "%25", "%zz", "%C3%A9", "%FF", "//", "\x00", "\x7f", "\t"]
    ),
    st.sampled_from(["\u00e9", "\u2603", "\U0001f600", "\u00ff"]).map(wsgi_str),
    st.characters(max_codepoint=0xFF),
)
PATHS = st.lists(PATH_CHARS, max_size=8).map("".join)
QUERY_STRINGS = st.one_of(
    st.lists(
        st.one_of(
            st.sampled_from(["a=1", "&", "=", "+", "%20", "%26", "%zz", "%C3%A9", "#", "?", " ", ";"]),
            st.sampled_from(["\u00e9", "\u2603"]).map(wsgi_str),
        ),
        max_size=6,
    ).map("".join),
    st.text(st.characters(max_codepoint=0xFF), max_size=8),
    st.just("\u2603"),  # not latin-1: UnicodeEncodeError on both sides
)
#: Each key may be missing; ``wsgi.url_scheme`` only rarely (a KeyError).
OPTIONAL = {
    "HTTP_HOST": HOSTS,
    "SERVER_NAME": SERVER_NAMES,
    "SERVER_PORT": SERVER_PORTS,
    "SCRIPT_NAME": PATHS,
    "PATH_INFO": PATHS,
    "QUERY_STRING": QUERY_STRINGS,
}


@st.composite
def environs(draw: st.DrawFn) -> dict[str, t.Any]:
    env: dict[str, t.Any] = {}

    if draw(st.integers(0, 30)):
        env["wsgi.url_scheme"] = draw(SCHEMES)

    for key, values in OPTIONAL.items():
        if draw(st.booleans()):
            env[key] = draw(values)

    return env


trusted: st.SearchStrategy[list[str] | None] = st.one_of(
    st.none(),
    st.just([]),
    st.lists(
        st.sampled_from(
            ["example.com", ".example.com", "localhost", "::1", "[::1]", "10.0.0.1",
             "b\u00fccher.de", "xn--n3h.net", "example.com:8080"]
        ),
        min_size=1,
        max_size=3,
    ),
)


# --- get_host ---------------------------------------------------------------------


@SETTINGS
@given(environ=environs(), trusted_hosts=trusted)
@example(environ={"wsgi.url_scheme": "http", "SERVER_NAME": "::1", "SERVER_PORT": "80"}, trusted_hosts=None)
@example(environ={"wsgi.url_scheme": "http", "SERVER_NAME": "/s", "SERVER_PORT": ""}, trusted_hosts=None)
def test_get_host(
    twin: types.ModuleType, environ: dict[str, t.Any], trusted_hosts: list[str] | None
) -> None:
    compare(twin, "get_host", environ)
    compare(twin, "get_host", environ, trusted_hosts=trusted_hosts)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"wsgi.url_scheme": "http", "HTTP_HOST": "h:80"}, "h"),
        ({"wsgi.url_scheme": "https", "HTTP_HOST": "h:443"}, "h"),
        ({"wsgi.url_scheme": "https", "HTTP_HOST": "h:80"}, "h:80"),
        ({"wsgi.url_scheme": "http", "HTTP_HOST": "h", "SERVER_NAME": "s", "SERVER_PORT": "1"}, "h"),
        ({"wsgi.url_scheme": "http", "SERVER_NAME": "s", "SERVER_PORT": "8080"}, "s:8080"),
        ({"wsgi.url_scheme": "wss", "SERVER_NAME": "s", "SERVER_PORT": "443"}, "s"),
        ({"wsgi.url_scheme": "http", "SERVER_NAME": "::1", "SERVER_PORT": "8080"}, "[::1]:8080"),
        ({"wsgi.url_scheme": "http", "SERVER_NAME": "/tmp/app.sock", "SERVER_PORT": ""}, ""),
        ({"wsgi.url_scheme": "http", "SERVER_NAME": "s"}, ""),
        ({"wsgi.url_scheme": "http"}, ""),
    ],
)
def test_get_host_cases(
    twin: types.ModuleType, environ: dict[str, t.Any], expected: str
) -> None:
    assert compare(twin, "get_host", environ) == ("ok", expected)


def test_get_host_untrusted_raises_security_error(twin: types.ModuleType) -> None:
    environ = {"wsgi.url_scheme": "http", "HTTP_HOST": "evil.com"}
    result = compare(twin, "get_host", environ, trusted_hosts=["example.com"])
    assert result[:2] == ("raise", "SecurityError")
    with pytest.raises(twin.exceptions.SecurityError) as info:
        twin.wsgi.get_current_url(environ, trusted_hosts=["example.com"])
    assert info.value.code == 400


# --- get_current_url ---------------------------------------------------------------


@SETTINGS
@given(environ=environs(), trusted_hosts=trusted)
@example(
    environ={
        "wsgi.url_scheme": "https",
        "HTTP_HOST": "xn--n3h.net:443",
        "SCRIPT_NAME": wsgi_str("/r\u00e9/"),
        "PATH_INFO": wsgi_str("/p\u00e5th q"),
        "QUERY_STRING": "a=%C3%A8&b=" + wsgi_str("\u2603"),
    },
    trusted_hosts=None,
)
@example(environ={"wsgi.url_scheme": "http", "HTTP_HOST": "h", "QUERY_STRING": "\u2603"}, trusted_hosts=None)
def test_get_current_url(
    twin: types.ModuleType, environ: dict[str, t.Any], trusted_hosts: list[str] | None
) -> None:
    compare(twin, "get_current_url", environ)

    for root_only, strip_querystring, host_only in FLAGS:
        compare(
            twin,
            "get_current_url",
            environ,
            root_only=root_only,
            strip_querystring=strip_querystring,
            host_only=host_only,
            trusted_hosts=trusted_hosts,
        )


@pytest.mark.parametrize("flags", FLAGS, ids=lambda f: "-".join(str(int(x)) for x in f))
def test_get_current_url_flags(twin: types.ModuleType, flags: tuple[bool, bool, bool]) -> None:
    environ = {
        "wsgi.url_scheme": "http",
        "HTTP_HOST": "example.com:80",
        "SCRIPT_NAME": "/app",
        "PATH_INFO": wsgi_str("/\u2603"),
        "QUERY_STRING": "q=1",
    }
    root_only, strip_querystring, host_only = flags
    # The latin-1 text of PATH_INFO is quoted as UTF-8, as in Werkzeug: the
    # snowman's three bytes come back as three characters.
    path = "/app/" + wsgi_str("\u2603")
    expected = (
        "http://example.com/"
        if host_only
        else "http://example.com/app/"
        if root_only
        else f"http://example.com{path}"
        if strip_querystring
        else f"http://example.com{path}?q=1"
    )
    result = compare(twin, "get_current_url", environ, *flags)
    assert result == ("ok", expected)


def test_positional_flags_match_keywords(twin: types.ModuleType) -> None:
    environ = {"wsgi.url_scheme": "http", "HTTP_HOST": "h", "PATH_INFO": "/p", "QUERY_STRING": "q"}
    assert twin.wsgi.get_current_url(environ, False, True, False, ["h"]) == "http://h/p"
    assert WW.get_current_url(environ, False, True, False, ["h"]) == "http://h/p"


# --- the module -------------------------------------------------------------------


def _params(func: t.Any) -> list[tuple[str, t.Any, t.Any]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(func).parameters.values()]


@pytest.mark.parametrize("name", ["get_host", "get_current_url"])
def test_signatures_match_werkzeug(twin: types.ModuleType, name: str) -> None:
    ours = inspect.signature(getattr(twin.wsgi, name))
    theirs = inspect.signature(getattr(WW, name))
    assert _params(getattr(twin.wsgi, name)) == _params(getattr(WW, name))
    assert str(ours) == str(theirs)


def test_all(twin: types.ModuleType) -> None:
    assert sorted(twin.wsgi.__all__) == [
        "ClosingIterator",
        "FileWrapper",
        "LimitedStream",
        "get_content_length",
        "get_current_url",
        "get_host",
        "get_input_stream",
        "get_path_info",
        "host_is_trusted",
        "responder",
        "wrap_file",
    ]
    for name in twin.wsgi.__all__:
        assert hasattr(WW, name), name
