"""Differential tests: ``twin.urls.iri_to_uri`` and ``uri_to_iri`` against
``werkzeug.urls``.

URLs are put together from parts (schemes with and without ``//``, user names
and passwords with reserved characters and escapes, ASCII, IDNA, Unicode and
IPv6 hosts, ports in and out of range, paths, queries and fragments of reserved
characters, valid and broken ``%`` escapes, UTF-8 escapes cut short, non-ASCII
text and lone surrogates), and also drawn as any text. Each twin must give
Werkzeug 3.1.9's string, or raise the same exception (class name, nearest
built-in class, message). URLs shaped like the ones ``iri_to_uri`` returns
unchanged without parsing (plain lower-case ``http(s)`` URLs and paths) get
their own strategy with near misses, so that the shortcut is checked against
the full conversion.

Werkzeug adds ``itms-services`` to ``urllib.parse.uses_netloc`` when imported.
In this process both sides see that; a child process that never imports
Werkzeug checks that the twins give Werkzeug's answer without it.
"""

from __future__ import annotations

import json
import sys
import types
import typing as t

import pytest
import werkzeug.sansio.utils
import werkzeug.urls
from hypothesis import example, given, settings
from hypothesis import strategies as st

from support import exc_kind

WURLS = werkzeug.urls
FUNCTIONS = ("iri_to_uri", "uri_to_iri")

#: Sizes this file's runs; the rest comes from conftest's hypothesis profile.
SETTINGS = settings(max_examples=400)


def run(func: t.Callable[[], t.Any]) -> tuple[t.Any, ...]:
    try:
        return ("ok", func())
    except Exception as exc:
        return ("raise", type(exc).__name__, exc_kind(exc), str(exc))


def compare(twin: types.ModuleType, url: str) -> None:
    for name in FUNCTIONS:
        ours = run(lambda: getattr(twin.urls, name)(url))
        theirs = run(lambda: getattr(WURLS, name)(url))
        assert (name, ours) == (name, theirs)


# --- URLs from parts ------------------------------------------------------------

ESCAPES = st.one_of(
    st.sampled_from(
        ["%20", "%25", "%2F", "%2f", "%3F", "%23", "%26", "%3D", "%2B", "%40", "%3A",
         "%00", "%0A", "%7F", "%41", "%7E", "%C3%A9", "%c3%a9", "%E2%98%83", "%F0%9F%98%80",
         "%C3", "%E2%98", "%FF", "%80", "%C0%AF", "%ED%A0%80", "%", "%z", "%zz", "%%"]
    ),
    st.integers(0, 255).map(lambda b: f"%{b:02X}"),
)
RESERVED = st.sampled_from(list(":/?#[]@!$&'()*+,;=") + list(" \"<>\\^`{|}~%"))
TEXT = st.one_of(
    st.sampled_from(["\u00e9", "\u2603", "\U0001f600", "\u00a0", "\u3000", "\u200b", "\ufeff"]),
    st.sampled_from(["\x00", "\t", "\n", "\r", "\x7f", "\x85", "\u2028"]),
    st.sampled_from(["\udc80", "\udcff", "\ud800"]),  # lone surrogates
    st.characters(),
)
ASCII = st.sampled_from(list("abcXYZ019-._~"))


def part(*extra: st.SearchStrategy[str], size: int = 8) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(ASCII, ASCII, ESCAPES, RESERVED, TEXT, *extra), max_size=size).map(
        "".join
    )


LABELS = st.one_of(
    st.text(st.sampled_from("abcxyzABZ019-"), min_size=1, max_size=6),
    st.sampled_from(
        ["xn--n3h", "xn--bcher-kva", "XN--N3H", "xn--zz", "xn--", "b\u00fccher", "\u2603",
         "\u0130", "\u00df", "a" * 63, "a" * 64, "", "\uff21"]
    ),
)
HOSTS = st.one_of(
    st.lists(LABELS, min_size=1, max_size=3).map(".".join),
    st.lists(LABELS, min_size=1, max_size=3).map(lambda ls: ".".join(ls) + "."),
    st.sampled_from(
        ["[::1]", "[2001:db8::1]", "[::ffff:1.2.3.4]", "[FE80::1%25eth0]", "[v1.x]", "[::1",
         "127.0.0.1", "", "h\u3002com", "h%41", "h%2Fx"]
    ),
)
PORTS = st.one_of(
    st.sampled_from(["", "", ":", ":0", ":80", ":443", ":08080", ":65535", ":65536", ":-1",
                     ":+1", ":abc", ":\u0661", ": 1", ":1 "]),
    st.integers(0, 99999).map(lambda n: f":{n}"),
)
USERINFO = st.one_of(
    st.just(""),
    st.builds(lambda u: u + "@", part(st.just(":"), size=5)),
    st.builds(lambda u, p: f"{u}:{p}@", part(size=4), part(st.just(":"), size=4)),
    st.sampled_from(["@", ":@", "u:@", ":p@", "a@b@"]),
)
SCHEMES = st.sampled_from(
    ["http://", "https://", "HTTPS://", "ftp://", "ws://", "file://", "mailto:", "itms-services://",
     "x-y+z.1://", "//", "", "urn:", "data:", "javascript:"]
)
OPTIONAL_PART = st.one_of(st.just(""), st.just("?"), st.just("#"))


@st.composite
def urls(draw: st.DrawFn) -> str:
    url = draw(SCHEMES) + draw(USERINFO) + draw(HOSTS) + draw(PORTS)
    path = draw(part(st.just("/"), st.just("/"), size=10))

    if path and not path.startswith("/") and draw(st.booleans()):
        path = "/" + path

    url += path

    if draw(st.booleans()):
        url += "?" + draw(part(st.just("="), st.just("&"), st.just("+")))

    if draw(st.booleans()):
        url += "#" + draw(part(st.just("#"), st.just("?")))

    return url + draw(OPTIONAL_PART)


#: URLs the shortcut in ``iri_to_uri`` accepts, and near misses: upper case,
#: port 0 or with 5 digits or a leading zero, ``//`` paths, empty query and
#: fragment, long labels, spaces and non-ASCII.
PLAIN_CHARS = st.sampled_from(list("abz09_.~%!$&'()*+,/:;=@-") + [" ", "\u00e9", "?", "#", "A"])


@st.composite
def plain_urls(draw: st.DrawFn) -> str:
    path = draw(st.text(PLAIN_CHARS, max_size=8))

    if draw(st.booleans()):
        url = "/" + path
    else:
        labels = draw(st.lists(st.text(st.sampled_from("abz09-"), min_size=1, max_size=4), min_size=1, max_size=3))
        host = ".".join(labels) + draw(st.sampled_from(["", "", "."]))
        url = draw(st.sampled_from(["http://", "https://", "HTTP://"])) + host
        url += draw(st.sampled_from(["", "", ":1", ":80", ":9999", ":0", ":10000", ":080"]))
        url += draw(st.sampled_from(["", "/", "/" + path, path]))

    if draw(st.booleans()):
        url += "?" + draw(st.text(PLAIN_CHARS, max_size=5))

    if draw(st.booleans()):
        url += "#" + draw(st.text(PLAIN_CHARS, max_size=5))

    return url


@SETTINGS
@given(url=urls())
@example(url="http://\u2603.net/p\u00e5th?q=\u00e8ry%DF")
@example(url="http://xn--n3h.net/p%C3%A5th?q=%C3%A8ry%DF")
@example(url="http://u%41:p%40w@[::1]:0/a%2Fb?x=%26&y=%3D#f%23")
@example(url="http://:@h:/")
@example(url="/%41\udcff")
@example(url="http://h/?q=%C3%A9\udc80#%41\udcff")
def test_urls_from_parts(twin: types.ModuleType, url: str) -> None:
    compare(twin, url)


@SETTINGS
@given(url=plain_urls())
@example(url="http://a.b./x?y#z")
@example(url="http://a" + "b" * 63 + ".com/")
@example(url="//evil.com/x")
def test_plain_urls(twin: types.ModuleType, url: str) -> None:
    compare(twin, url)


@SETTINGS
@given(url=st.text(max_size=30))
def test_any_text(twin: types.ModuleType, url: str) -> None:
    compare(twin, url)


@SETTINGS
@given(url=urls())
def test_round_trip_agrees(twin: types.ModuleType, url: str) -> None:
    """Each direction applied to the other's output, as a redirect does."""
    for first, second in (("iri_to_uri", "uri_to_iri"), ("uri_to_iri", "iri_to_uri")):
        ours = run(lambda: getattr(twin.urls, second)(getattr(twin.urls, first)(url)))
        theirs = run(lambda: getattr(WURLS, second)(getattr(WURLS, first)(url)))
        assert ours == theirs


@pytest.mark.parametrize(
    ("name", "url", "expected"),
    [
        ("iri_to_uri", "http://\u2603.net/p\u00e5th?q=\u00e8ry%DF", "http://xn--n3h.net/p%C3%A5th?q=%C3%A8ry%DF"),
        ("uri_to_iri", "http://xn--n3h.net/p%C3%A5th?q=%C3%A8ry%DF", "http://\u2603.net/p\u00e5th?q=\u00e8ry%DF"),
        ("iri_to_uri", "http://us\u00e9r:p@ss@h/", "http://us%C3%A9r:p%40ss@h/"),
        ("iri_to_uri", "http://:@h:0/", "http://:@h:0/"),
        ("uri_to_iri", "/a%2Fb%3Fc%23d%25e%20f", "/a%2Fb%3Fc%23d%25e%20f"),
        ("uri_to_iri", "/?a=%26%3D%2B%23&b=%2F", "/?a=%26%3D%2B%23&b=/"),
        ("uri_to_iri", "/%C3%A9%C3%FF%E2%98", "/\u00e9%C3%FF%E2%98"),
        ("iri_to_uri", "http://[::1]:8080/\u00e9", "http://[::1]:8080/%C3%A9"),
        ("uri_to_iri", "http://xn--n3h.XN--N3H.com/", "http://\u2603.\u2603.com/"),
    ],
)
def test_cases(twin: types.ModuleType, name: str, url: str, expected: str) -> None:
    assert getattr(WURLS, name)(url) == expected
    assert getattr(twin.urls, name)(url) == expected


#: Bad punycode: before Python 3.13 the idna codec raises a plain UnicodeError,
#: which escapes Werkzeug's ``except UnicodeDecodeError`` (and ours); 3.13 raises
#: UnicodeDecodeError, so the label is left as it is.
BAD_PUNYCODE = "raise" if sys.version_info < (3, 13) else "ok"


@pytest.mark.parametrize(
    ("name", "url", "kind"),
    [
        ("iri_to_uri", "http://h:65536/", "raise"),
        ("iri_to_uri", "http://h:abc/", "raise"),
        ("iri_to_uri", "http://[::1/", "raise"),
        ("iri_to_uri", "http://h" + "a" * 64 + ".b/x\u00e9", "raise"),
        ("iri_to_uri", "http://\udcff/", "raise"),
        ("uri_to_iri", "http://h:65536/", "raise"),
        ("uri_to_iri", "http://xn--zz.com/", BAD_PUNYCODE),
    ],
)
def test_errors_match_werkzeug(
    twin: types.ModuleType, name: str, url: str, kind: str
) -> None:
    ours = run(lambda: getattr(twin.urls, name)(url))
    assert ours[0] == kind
    assert ours == run(lambda: getattr(WURLS, name)(url))


# --- without Werkzeug in the process ------------------------------------------------

WITHOUT_WERKZEUG_URLS = [
    "itms-services://?action=download-manifest&url=https://example.com/m.plist",
    "itms-services:///p\u00e9",
    "itms-services://h/x",
    "http://h/\u00e9",
    "mailto:a@b",
]

WITHOUT_WERKZEUG_CHILD = """
import json, sys
import wrappers, wrappers_pure, wrappers.sansio.utils as su
urls = json.loads({urls!r})
out = {{}}
for twin in (wrappers, wrappers_pure):
    out[twin.__name__] = {{
        "iri_to_uri": [twin.urls.iri_to_uri(u) for u in urls],
        "uri_to_iri": [twin.urls.uri_to_iri(u) for u in urls],
        "get_current_url": su.get_current_url("itms-services", "", "", "x", b"q=1"),
    }}
out["werkzeug_loaded"] = "werkzeug" in sys.modules
print(json.dumps(out))
"""


def test_same_results_without_werkzeug_loaded(run_python: t.Callable[..., t.Any]) -> None:
    code = WITHOUT_WERKZEUG_CHILD.format(urls=json.dumps(WITHOUT_WERKZEUG_URLS))
    out = json.loads(run_python(code).stdout.strip().splitlines()[-1])
    assert out.pop("werkzeug_loaded") is False
    expected = {
        "iri_to_uri": [WURLS.iri_to_uri(u) for u in WITHOUT_WERKZEUG_URLS],
        "uri_to_iri": [WURLS.uri_to_iri(u) for u in WITHOUT_WERKZEUG_URLS],
        "get_current_url": werkzeug.sansio.utils.get_current_url("itms-services", "", "", "x", b"q=1"),
    }
    assert out == {"wrappers": expected, "wrappers_pure": expected}


def test_all(twin: types.ModuleType) -> None:
    assert sorted(twin.urls.__all__) == sorted(FUNCTIONS)
