"""The Accept family and ``parse_accept_header``, on both twins: list behaviour
and immutability, lookups, matching rules of each class, subclass hooks (the
compiled fast paths must give way to overrides), pickle and copy (across
twins too), and huge headers.
"""

from __future__ import annotations

import copy
import os
import pickle
import subprocess
import sys
import types
import typing as t

import pytest

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
CLASSES = ("Accept", "MIMEAccept", "CharsetAccept", "LanguageAccept")


def parse(twin: types.ModuleType, value: t.Any, name: str = "MIMEAccept") -> t.Any:
    return twin.http.parse_accept_header(value, getattr(twin.datastructures, name))


# --- the list -------------------------------------------------------------------


def test_sorted_by_specificity_then_quality(twin: types.ModuleType) -> None:
    a = parse(twin, BROWSER)
    assert list(a) == [
        ("text/html", 1),
        ("application/xhtml+xml", 1),
        ("image/avif", 1),
        ("image/webp", 1),
        ("application/xml", 0.9),
        ("*/*", 0.8),
    ]
    assert type(a[0][1]) is int and type(a[4][1]) is float
    assert a.provided is True
    assert a.best == "text/html"
    assert a.to_header() == str(a) == (
        "text/html,application/xhtml+xml,image/avif,image/webp,application/xml;q=0.9,*/*;q=0.8"
    )
    assert repr(a).startswith("MIMEAccept([('text/html', 1), ")
    assert list(a.values())[-1] == "*/*"


def test_parameters_and_bad_qualities(twin: types.ModuleType) -> None:
    a = parse(twin, "a;level=1;q=0.5, b;q=2, c;q=abc, d;q=-0, e;Q=1.0000, f;q=1., ;q=0.3, g;", "Accept")
    assert list(a) == [("e", 1.0), ("", 1), ("g", 1), ("a; level=1", 0.5), ("d", -0.0)]


@pytest.mark.parametrize("value", [None, ""])
def test_missing_header(twin: types.ModuleType, value: str | None) -> None:
    for name in CLASSES:
        a = parse(twin, value, name)
        assert type(a) is getattr(twin.datastructures, name)
        assert a.provided is False and list(a) == [] and a.best is None
        assert a.best_match(["x/y"], default="z") == "z"


def test_default_class(twin: types.ModuleType) -> None:
    a = twin.http.parse_accept_header("x;q=0.5,y")
    assert type(a) is twin.datastructures.Accept
    assert list(a) == [("y", 1), ("x", 0.5)]


def test_classes_are_related(twin: types.ModuleType) -> None:
    ds = twin.datastructures
    for name in CLASSES[1:]:
        assert issubclass(getattr(ds, name), ds.Accept)
    a = ds.MIMEAccept([("a/b", 1)])
    assert isinstance(a, list) and a == [("a/b", 1)] and a != [("a/b", 0.5)]
    assert ds.Accept(a).provided is True and ds.Accept(ds.Accept(None)).provided is False


@pytest.mark.parametrize(
    ("method", "args"),
    [
        ("append", (("x", 1),)),
        ("extend", ([],)),
        ("insert", (0, ("x", 1))),
        ("remove", (("a", 1),)),
        ("pop", ()),
        ("reverse", ()),
        ("sort", ()),
        ("__setitem__", (0, ("x", 1))),
        ("__delitem__", (0,)),
        ("__iadd__", ([],)),
        ("__imul__", (2,)),
    ],
)
def test_immutable(twin: types.ModuleType, method: str, args: tuple[t.Any, ...]) -> None:
    a = twin.datastructures.LanguageAccept([("a", 1)])
    with pytest.raises(TypeError, match="'LanguageAccept' objects are immutable"):
        getattr(a, method)(*args)
    assert list(a) == [("a", 1)]


def test_hashable(twin: types.ModuleType) -> None:
    a = twin.datastructures.Accept([("a", 1), ("b", 0.5)])
    assert hash(a) == hash((("a", 1), ("b", 0.5))) == hash(a)


# --- lookups ----------------------------------------------------------------------


def test_lookups(twin: types.ModuleType) -> None:
    a = parse(twin, BROWSER)
    assert a["application/xml"] == a.quality("APPLICATION/XML") == 0.9
    assert a["foo/bar"] == 0.8 and a[0] == ("text/html", 1) and a[1:2] == [("application/xhtml+xml", 1)]
    assert "image/png" in a and a.index("image/png") == 5 and a.find("text/html") == 0
    assert a.index(("image/avif", 1)) == 2 and a.find(("nope", 1)) == -1
    b = parse(twin, "text/html", "MIMEAccept")
    assert b["text/plain"] == 0 and "text/plain" not in b and b.find("text/plain") == -1
    with pytest.raises(ValueError):
        b.index("text/plain")
    assert b.accept_html and not b.accept_json and not b.accept_xhtml


def test_mime_rules(twin: types.ModuleType) -> None:
    a = parse(twin, "text/*;q=0.5, text/html;level=1, */x, bogus")
    assert a["text/plain"] == 0.5 and a["text/html;level=1"] == 1 and a["TEXT/HTML; LEVEL=1"] == 1
    assert a["text/html"] == 0.5 and a["*/*"] == 1
    for bad in ("text", "*/x"):
        with pytest.raises(ValueError, match="invalid mimetype"):
            a.quality(bad)
        with pytest.raises(ValueError, match="invalid mimetype"):
            a.best_match([bad])
    # a client item without "/" never matches, and then nothing is invalid
    assert parse(twin, "bogus")["text"] == 0
    assert parse(twin, "application/json").accept_json


def test_best_match(twin: types.ModuleType) -> None:
    a = parse(twin, BROWSER)
    assert a.best_match(["application/json", "text/html", "application/xml"]) == "text/html"
    assert a.best_match(["application/json", "application/xml"]) == "application/xml"
    assert a.best_match(["application/json"]) == "application/json"
    b = parse(twin, "text/*;q=0.5, text/plain;q=0.5, */*;q=0")
    assert b.best_match(["image/png", "text/html", "text/plain"]) == "text/plain"
    assert b.best_match(["image/png"], default="d") == "d"
    assert parse(twin, "a/b;q=0").best_match(["a/b"]) is None


def test_language_rules(twin: types.ModuleType) -> None:
    a = parse(twin, "en-US, de_CH;q=0.5, *;q=0.1", "LanguageAccept")
    assert a["EN_us"] == 1 and a["de-ch"] == 0.5 and a["fr"] == 0.1
    b = parse(twin, "en-US;q=0.8, de", "LanguageAccept")
    assert b.best_match(["fr", "en"]) == "en"  # the client's primary tag
    c = parse(twin, "en;q=0.8", "LanguageAccept")
    assert c.best_match(["fr", "en-GB", "en-US"]) == "en-GB"  # the server's primary tag
    assert c.best_match(["fr"], default="x") == "x"


def test_charset_rules(twin: types.ModuleType) -> None:
    a = parse(twin, "ISO-8859-1, utf-8;q=0.7", "CharsetAccept")
    assert a.best == "ISO-8859-1" and "latin1" in a and "UTF8" in a and "utf7" not in a
    assert a["utf_8"] == 0.7 and a["unknown-x"] == 0
    assert a.best_match(["utf8", "latin-1"]) == "latin-1"


def test_non_str_candidates(twin: types.ModuleType) -> None:
    a = parse(twin, "*", "Accept")
    assert a.best_match([None, "x"]) is None  # "*" matches before None.lower() is reached
    with pytest.raises(AttributeError):
        parse(twin, "a/b, *", "Accept").best_match([None])
    with pytest.raises(AttributeError):
        parse(twin, "a/b", "Accept").quality(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse(twin, "a/b").quality(None)  # type: ignore[arg-type]


# --- subclasses -------------------------------------------------------------------


def test_subclass_value_matches_is_used(twin: types.ModuleType) -> None:
    class Exact(twin.datastructures.MIMEAccept):
        def _value_matches(self, value: str, item: str) -> bool:
            return value == item

    a = twin.http.parse_accept_header("*/*, text/html;q=0.5", Exact)
    assert type(a) is Exact and list(a) == [("text/html", 0.5), ("*/*", 1)]
    assert a["text/plain"] == 0 and a["text/html"] == 0.5 and "TEXT/HTML" not in a
    assert a.best_match(["text/plain", "text/html"]) == "text/html"
    assert a.index("*/*") == 1


def test_subclass_specificity_is_used(twin: types.ModuleType) -> None:
    class Backwards(twin.datastructures.Accept):
        def _specificity(self, value: str) -> tuple[bool, ...]:
            return (value == "*",)

    a = twin.http.parse_accept_header("a, *;q=0.5", Backwards)
    assert list(a) == [("*", 0.5), ("a", 1)]
    # "a" first meets "*" (0.5), which is no better than "b"'s
    assert a.best_match(["b", "a"]) == "b"


def test_subclass_quality_serves_getitem(twin: types.ModuleType) -> None:
    class Fixed(twin.datastructures.Accept):
        def quality(self, key: str) -> float:
            return 0.25

    assert Fixed([("a", 1)])["zzz"] == 0.25


def test_patched_class_is_used(twin: types.ModuleType) -> None:
    cls = type("Patched", (twin.datastructures.LanguageAccept,), {})
    a = cls([("en", 1)])
    assert a["EN"] == 1
    cls._value_matches = lambda self, value, item: value == item  # type: ignore[method-assign]
    assert a["EN"] == 0 and a["en"] == 1
    # the primary-tag fallback matches with a plain Accept, as in Werkzeug
    assert a.best_match(["EN"]) == "EN"


def test_odd_items(twin: types.ModuleType) -> None:
    ds = twin.datastructures
    a = ds.MIMEAccept([["a/b", 1], ("c/d", 0.5)])  # a list item, not a tuple
    assert a["A/B"] == 1 and a.best_match(["c/d", "a/b"]) == "a/b"
    b = ds.Accept([("a", True), ("b", 1 << 60)])
    assert b.best_match(["a", "b"]) == "b"


# --- pickle and copy ---------------------------------------------------------------


@pytest.mark.parametrize("name", CLASSES)
@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_round_trip(twin: types.ModuleType, name: str, protocol: int) -> None:
    a = parse(twin, "en, a/b;q=0.5, utf-8;q=0.2", name)
    b = pickle.loads(pickle.dumps(a, protocol))
    assert type(b) is type(a) and b == a and b.provided
    for c in (copy.copy(a), copy.deepcopy(a)):
        assert type(c) is type(a) and c == a and c is not a
    if twin.COMPILED:
        assert b"wrappers._accept" not in pickle.dumps(a, protocol)


def test_not_provided_pickles_as_werkzeug(twin: types.ModuleType) -> None:
    # Werkzeug pickles cls(list(self)): an Accept(None) comes back provided
    a = pickle.loads(pickle.dumps(twin.datastructures.Accept(None)))
    assert a == [] and a.provided is True


def test_pickle_loads_on_the_pure_twin(compiled_twin: types.ModuleType) -> None:
    a = parse(compiled_twin, BROWSER)
    data = pickle.dumps([a, compiled_twin.datastructures.LanguageAccept([("en", 1)])])
    code = (
        "import pickle, sys, wrappers; assert not wrappers.COMPILED; "
        "a, b = pickle.loads(sys.stdin.buffer.read()); "
        "print(type(a).__module__, type(a).__name__, a.best_match(['text/html']), type(b).__name__)"
    )
    env = dict(os.environ, WRAPPERS_NO_EXTENSIONS="1")
    out = subprocess.run(
        [sys.executable, "-I", "-c", code], input=data, env=env, capture_output=True, check=True
    )
    assert out.stdout.decode().split() == [
        "wrappers_pure.datastructures.accept", "MIMEAccept", "text/html", "LanguageAccept"
    ]


# --- size -------------------------------------------------------------------------


@pytest.mark.parametrize("quoted", [False, True])
def test_ten_thousand_items(twin: types.ModuleType, quoted: bool) -> None:
    item = 'x/y;a="b";q=0.5' if quoted else "x/y;q=0.5"
    header = ",".join(f"t{i}/{item}" for i in range(10_000))
    a = parse(twin, header)
    assert len(a) == 10_000 and a[0] == (f"t0/{item.split(';')[0]}" + ("; a=b" if quoted else ""), 0.5)
    assert a.best_match(["t9999/x/y" if not quoted else "zz/top"]) in (None, "t9999/x/y")


def test_long_values(twin: types.ModuleType) -> None:
    long_q = "0." + "0" * 100 + "1"
    a = parse(twin, f"a/b;q={long_q}, c/d;q=1{'0' * 400}, e/f;q=0.{'9' * 100}", "Accept")
    assert list(a) == [("e/f", float("0." + "9" * 100)), ("a/b", float(long_q))]
