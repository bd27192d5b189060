"""Differential tests: ``Accept``-style headers parsed by ``twin.http`` and by
``werkzeug.http`` with each Accept class, then compared.

Headers are built from fragments (media types, language tags, charsets and
codings, ``q`` values valid and invalid, other parameters, quoted strings,
escapes, empty items, garbage characters), so that most examples are near
valid and reach both the compiled scanner's grammar and the pure fallback.
Compared: the pairs with the type of each quality, ``provided``,
``to_header()``, ``str``/``repr``, ``best``, ``best_match`` over random
candidate lists (with and without a default), ``quality``/``in``/``find`` of
each candidate, ``accept_html``/``accept_xhtml``/``accept_json``; exception
kinds included.
"""

from __future__ import annotations

import types
import typing as t

import werkzeug.datastructures
import werkzeug.http
from hypothesis import example, given, settings
from hypothesis import strategies as st

from support import outcome

WERKZEUG = types.SimpleNamespace(http=werkzeug.http, datastructures=werkzeug.datastructures)

SETTINGS = settings(max_examples=150)

CLASSES = ("Accept", "MIMEAccept", "CharsetAccept", "LanguageAccept")

VALUES = [
    "text/html", "TEXT/HTML", "application/json", "application/xml",
    "application/xhtml+xml", "*/*", "text/*", "*/html", "image/webp", "a/b/c",
    "text/html;level=1", "text/html; level=2", "*", "en-US", "en", "en_us", "de",
    "de-CH", "fr", "zh-Hant-TW", "utf-8", "UTF8", "iso-8859-1", "latin1", "utf7",
    "gzip", "br", "identity", "", "x", "é", "text/é", "K/k", "a b", "text /html",
]

PARAM_KEYS = ["q", "Q", "level", "charset", "a*", "a*0", "x", "format", ""]
PARAM_VALUES = [
    "1", "0", "0.5", "0.9", "1.0000", "1.0", "0001", "-1", "-0", "-0.0", "abc",
    "2", "0.333", "1.", ".5", "1e0", "0.1x", '"quoted"', '"0.5"', '"a;b,c"',
    "%22", "a%22b", "", "=", "1" * 70, "0." + "0" * 70 + "1",
]
SPACES = ["", " ", "\t", "  "]

WEIRD = st.sampled_from(['"', "\\", "\x00", "\x7f", "é", "☃", "\r", "(", ":", "@", "?", "\udcff"])


@st.composite
def items(draw: st.DrawFn) -> str:
    value = draw(st.sampled_from(VALUES) | st.text("abc/*-_+.;= \t", max_size=8))
    parts = [value]

    for _ in range(draw(st.integers(0, 3))):
        key = draw(st.sampled_from(PARAM_KEYS))
        val = draw(st.sampled_from(PARAM_VALUES))
        sep = draw(st.sampled_from(SPACES)) + ";" + draw(st.sampled_from(SPACES))
        parts.append(sep + key + "=" + val)

    item = "".join(parts)

    if draw(st.booleans()) and draw(st.integers(0, 9)) == 0:
        pos = draw(st.integers(0, len(item)))
        item = item[:pos] + draw(WEIRD) + item[pos:]

    return draw(st.sampled_from(SPACES)) + item + draw(st.sampled_from(SPACES))


@st.composite
def headers(draw: st.DrawFn) -> str:
    joined = draw(st.lists(items(), max_size=8))
    seps = [draw(st.sampled_from([",", ", ", " ,", ",,", ", ,"])) for _ in joined]
    return "".join(s + i for s, i in zip(seps, joined))[len(seps[0]) if seps else 0 :]


HEADERS = headers() | st.text(max_size=30) | st.sampled_from(["", " ", ",", ";", ";q=0.5", "a;", "a;;q=1"])
CANDIDATES = st.lists(st.sampled_from(VALUES) | st.text("abcen/*-_", max_size=6), max_size=5)


def describe(accept: t.Any) -> tuple[t.Any, ...]:
    return (
        [(v, q, type(q).__name__) for v, q in accept],
        accept.provided,
        accept.to_header(),
        str(accept),
        repr(accept).partition("(")[2],
        accept.best,
        list(accept.values()),
    )


def compare(twin: types.ModuleType, case: t.Callable[[t.Any], t.Any]) -> t.Any:
    ours = outcome(lambda: case(twin))
    theirs = outcome(lambda: case(WERKZEUG))
    assert ours == theirs
    return ours


def parsed(ns: t.Any, header: t.Any, name: str) -> t.Any:
    return ns.http.parse_accept_header(header, getattr(ns.datastructures, name))


@SETTINGS
@given(header=HEADERS, name=st.sampled_from(CLASSES))
@example(header="text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8", name="MIMEAccept")
@example(header='text/html;q="0.5", a;level="x,y";q=1', name="MIMEAccept")
@example(header="a;q=1.0000, b;q=-1, c;q=abc, d;q=-0, e;Q=0.5;q=0.7", name="Accept")
@example(header="text/html;a*=utf-8''x;q=0.2, b;c=%22", name="MIMEAccept")
def test_parse(twin: types.ModuleType, header: str, name: str) -> None:
    compare(twin, lambda ns: describe(parsed(ns, header, name)))


@SETTINGS
@given(header=HEADERS, name=st.sampled_from(CLASSES), candidates=CANDIDATES)
@example(header="text/html;q=0.9,*/*;q=0.9", name="MIMEAccept", candidates=["application/json", "text/html"])
@example(header="en-US;q=0.8,de", name="LanguageAccept", candidates=["en", "fr"])
@example(header="en;q=0.8", name="LanguageAccept", candidates=["en-GB", "en-US"])
@example(header="text/html", name="MIMEAccept", candidates=["bad"])
@example(header="text/html", name="MIMEAccept", candidates=["*/x"])
@example(header="utf8;q=0.5,*;q=0.2", name="CharsetAccept", candidates=["UTF-8", "latin1"])
def test_matching(twin: types.ModuleType, header: str, name: str, candidates: list[str]) -> None:
    def case(ns: t.Any) -> t.Any:
        accept = parsed(ns, header, name)
        out: list[t.Any] = [
            outcome(lambda: accept.best_match(candidates)),
            outcome(lambda: accept.best_match(iter(candidates), default="dflt")),
        ]
        for c in candidates:
            out.append(outcome(lambda: (accept.quality(c), accept[c], c in accept, accept.find(c))))
        if name == "MIMEAccept":
            out.append(outcome(lambda: (accept.accept_html, accept.accept_xhtml, accept.accept_json)))
        return out

    compare(twin, case)


@SETTINGS
@given(
    pairs=st.lists(
        st.tuples(
            st.sampled_from(VALUES),
            st.sampled_from([1, 0, 0.5, 1.0, 0.9, -1, 2, 0.0, 1 << 60, float("nan"), True]),
        ),
        max_size=6,
    ),
    name=st.sampled_from(CLASSES),
    candidates=CANDIDATES,
)
def test_constructed(twin: types.ModuleType, pairs: list[tuple[str, float]], name: str, candidates: list[str]) -> None:
    """Objects built from pairs (odd qualities included), not parsed."""

    def case(ns: t.Any) -> t.Any:
        accept = getattr(ns.datastructures, name)(pairs)
        return (
            [(v, repr(q)) for v, q in accept],
            accept.to_header(),
            outcome(lambda: accept.best_match(candidates)),
            [outcome(lambda: (accept[c], c in accept, accept.find(c))) for c in candidates],
        )

    compare(twin, case)


@SETTINGS
@given(value=st.one_of(st.none(), st.just(""), st.binary(max_size=5), st.integers(), st.text(max_size=5)))
def test_odd_values(twin: types.ModuleType, value: t.Any) -> None:
    compare(twin, lambda ns: describe(ns.http.parse_accept_header(value)))


def test_huge_header(twin: types.ModuleType) -> None:
    items = [f"type{i}/sub{i % 7};q=0.{i % 10}" for i in range(10_000)]
    header = ",".join(items)
    for name in CLASSES:
        ours = parsed(twin, header, name)
        theirs = parsed(WERKZEUG, header, name)
        assert describe(ours) == describe(theirs)
        assert ours.best_match(["type5/sub5", "type9999/sub3"]) == theirs.best_match(
            ["type5/sub5", "type9999/sub3"]
        )
