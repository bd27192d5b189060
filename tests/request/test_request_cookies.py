"""``Request.cookies`` (WSGI and sansio) against Werkzeug's, both twins.

Regressions found by running Werkzeug's own suite on the twins (ci/upstream.py):

- ``tests/sansio/test_request.py::test_cookies`` and
  ``tests/test_test.py::test_multiple_cookies`` found every cookie value split
  into its characters (``a=bcd`` gave ``a`` -> ``b``, ``c``, ``d``): the parsed
  MultiDict was copied into the ImmutableMultiDict through the mapping
  protocol, one value per key, instead of taking its value lists (fixed on
  main in 35cda24; pinned here, base class and subclass, both storage classes).
- Werkzeug's ``Request.cookies`` parses the header's text as it is: the Latin-1
  characters of a WSGI string stay as they are (``k=\xc3\xa9`` is ``"Ã©"``,
  ``x=\xff`` is ``"ÿ"``, no error), and a sansio request's text headers keep
  their characters. Ours decoded the WSGI string's bytes as UTF-8 (U+FFFD for
  what is not), which also turned a sansio request's ``ü`` into U+FFFD and
  raised UnicodeEncodeError for a sansio ``Cookie`` text beyond Latin-1
  (``k=☃``).
"""

from __future__ import annotations

import types

import pytest
import werkzeug.datastructures
import werkzeug.sansio.request
import werkzeug.test
import werkzeug.wrappers
from hypothesis import given, settings
from hypothesis import strategies as st

HEADERS = [
    "a=bcd",
    "test1=foo; test2=bar",
    "a=b; a=c; b=xyz",
    'a="quoted value"; b=plain',
    'q="a\\"b"; q=second',
    "",
    "=orphan; ok=yes",
    "  spaced = out ;x=1",
    "ünïcode=välue; a=b",
    'k="☃ snow"; j=☃',
]

#: WSGI strings as a server gives them (the request's bytes as Latin-1).
RAW_ENVIRON_HEADERS = ["x=\xff", "k=\xc3\xa9; x=\xff\xfe", 'q="\xe9\\"\xff"']


def _lists(d: object) -> list[tuple[str, list[str]]]:
    return list(d.lists())  # type: ignore[attr-defined]


def _environ(header: str) -> dict[str, object]:
    environ = werkzeug.test.create_environ("/")
    if header:
        environ["HTTP_COOKIE"] = header.encode().decode("latin1")
    return environ


@pytest.mark.parametrize("header", HEADERS)
def test_wsgi_request_cookies_match_werkzeug(Request: type, header: str) -> None:  # noqa: N803
    ours = Request(_environ(header)).cookies
    theirs = werkzeug.wrappers.Request(_environ(header)).cookies

    assert _lists(ours) == _lists(theirs)
    assert list(ours.items(multi=True)) == list(theirs.items(multi=True))
    assert type(ours).__name__ == "ImmutableMultiDict"
    for key in theirs:
        assert ours[key] == theirs[key]
        assert ours.getlist(key) == theirs.getlist(key)


@pytest.mark.parametrize("raw", RAW_ENVIRON_HEADERS)
def test_wsgi_request_cookies_keep_latin1_text(Request: type, raw: str) -> None:  # noqa: N803
    def environ() -> dict[str, object]:
        return {**werkzeug.test.create_environ("/"), "HTTP_COOKIE": raw}

    ours = Request(environ()).cookies
    theirs = werkzeug.wrappers.Request(environ()).cookies

    assert _lists(ours) == _lists(theirs)


@pytest.mark.parametrize("header", HEADERS)
def test_sansio_request_cookies_match_werkzeug(twin: types.ModuleType, header: str) -> None:
    def make(module: types.ModuleType, headers_cls: type) -> object:
        headers = headers_cls([("Cookie", header)] if header else [])
        return module.Request("GET", "http", None, "", "", b"", headers, None)

    ours = make(twin.sansio.request, twin.datastructures.Headers).cookies  # type: ignore[attr-defined]
    theirs = make(werkzeug.sansio.request, werkzeug.datastructures.Headers).cookies  # type: ignore[attr-defined]

    assert _lists(ours) == _lists(theirs)


def test_several_cookie_headers_join(twin: types.ModuleType) -> None:
    # Werkzeug's test_cookies: two Cookie headers, the first value wins.
    headers = twin.datastructures.Headers(
        [("Cookie", "a=b"), ("Content-Type", "text"), ("Cookie", "a=c")]
    )
    request = twin.sansio.request.Request("GET", "http", None, "", "", b"", headers, None)

    assert request.cookies.get("a") == "b"
    assert request.cookies.getlist("a") == ["b", "c"]


@pytest.mark.parametrize("kind", ["MultiDict", "ImmutableMultiDict"])
def test_dict_storage_class_keeps_value_lists(
    twin: types.ModuleType, Request: type, kind: str  # noqa: N803
) -> None:
    class Custom(Request):  # type: ignore[misc, valid-type]
        dict_storage_class = getattr(twin.datastructures, kind)

    cookies = Custom(_environ("a=b; a=c; d=efg")).cookies

    assert type(cookies) is getattr(twin.datastructures, kind)
    assert cookies.getlist("a") == ["b", "c"]
    assert cookies.getlist("d") == ["efg"]


COOKIE_TEXT = st.text(
    alphabet=st.sampled_from(list("abcxyz019_-=; \t\"\\,é\xff☃")), max_size=40
)


@settings(max_examples=150)
@given(header=COOKIE_TEXT)
def test_random_cookie_headers_match_werkzeug(Request: type, header: str) -> None:  # noqa: N803
    ours = Request(_environ(header)).cookies
    theirs = werkzeug.wrappers.Request(_environ(header)).cookies

    assert _lists(ours) == _lists(theirs)


@settings(max_examples=150)
@given(header=COOKIE_TEXT)
def test_random_sansio_cookie_headers_match_werkzeug(twin: types.ModuleType, header: str) -> None:
    ours = twin.sansio.request.Request(
        "GET", "http", None, "", "", b"", twin.datastructures.Headers([("Cookie", header)]), None
    )
    theirs = werkzeug.sansio.request.Request(
        "GET", "http", None, "", "", b"", werkzeug.datastructures.Headers([("Cookie", header)]), None
    )

    assert _lists(ours.cookies) == _lists(theirs.cookies)


@pytest.mark.parametrize(
    "extra",
    [{}, {"HTTP_Cookie": "b=2"}, {"HTTP_cookie": "c=3", "HTTP_COOKIE_": "x=y"}],
)
def test_every_environ_key_naming_the_cookie_header_counts(Request: type, extra: dict) -> None:
    """``cookies`` joins the header's values as ``headers.getlist("Cookie")``
    gives them: every environ key that names the header (``HTTP_Cookie`` too),
    whether or not ``headers`` was read before."""
    environ = {"REQUEST_METHOD": "GET", "HTTP_COOKIE": "a=1", **extra}
    theirs = werkzeug.wrappers.Request(dict(environ)).cookies

    assert list(Request(dict(environ)).cookies.items(multi=True)) == list(theirs.items(multi=True))
    read_first = Request(dict(environ))
    read_first.headers.get("Cookie")
    assert list(read_first.cookies.items(multi=True)) == list(theirs.items(multi=True))
