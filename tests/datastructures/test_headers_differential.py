"""Differential tests: random sequences of operations, applied in lockstep.

1. Ours (each twin, base class and subclass) against Werkzeug's Headers. Names
   are drawn without the characters we refuse (we are stricter there), so
   every outcome must match Werkzeug's.
2. The compiled twin against the pure twin, with any names at all, including
   the refused ones and names that are not strings: the twins must agree
   exactly, exception classes included.

After every step the return values (Headers normalised to their items), the
kinds of exception and the items held must be equal.
"""

from __future__ import annotations

import collections.abc as cabc
import copy
import types
import typing as t

import pytest
import werkzeug.datastructures
from hypothesis import given, settings
from hypothesis import strategies as st

WH = werkzeug.datastructures.Headers
MultiDict = werkzeug.datastructures.MultiDict

#: Sizes this file's runs; the rest comes from conftest's hypothesis profile.
SETTINGS = settings(max_examples=300)
LONG_SETTINGS = settings(SETTINGS, max_examples=1500)

# --- what to draw -------------------------------------------------------------

#: Names that collide case-insensitively, plus a few where str.lower() and
#: other foldings disagree (a casefold() or ASCII-only lower() would differ).
NAMES = [
    "X-A",
    "x-a",
    "X-a",
    "Content-Type",
    "content-type",
    "CONTENT-TYPE",
    "Set-Cookie",
    "set-cookie",
    "A",
    "a",
    "b",
    "",
    " ",
    "X Y",
    "a:b",
    "Ü",
    "ü",
    "ß",
    "SS",
    "ss",
    "\u212a",  # KELVIN SIGN, lower() is "k"
    "k",
    "K",
    "\u0130",  # I WITH DOT ABOVE, lower() is two code points
    "i\u0307",
    "\x85",
    "\u2028",
    "\udcff",
]

#: Name characters we refuse (Werkzeug accepts them): C0 controls and DEL.
REFUSED = [chr(c) for c in range(0x20)] + ["\x7f"]

ok_name_text = st.text(alphabet=st.characters(exclude_characters=REFUSED), max_size=6)
#: A few names drawn most often, so that lookups find what was stored.
HOT_NAMES = ["X-A", "x-a", "Content-Type", "content-type", "A", "a"]

ok_names = st.one_of(
    st.sampled_from(HOT_NAMES),
    st.sampled_from(HOT_NAMES),
    st.sampled_from(HOT_NAMES),
    st.sampled_from(NAMES),
    ok_name_text,
)

bad_names = st.one_of(
    st.sampled_from(
        ["\r", "\n", "X\r\nY: z", "\x00", "a\x00", "\t", "X\tY", "\x1f", "\x7f", "\x0b"]
    ),
    st.builds(
        lambda a, c, b: a + c + b,
        st.sampled_from(["", "X", "x-a"]),
        st.sampled_from(REFUSED),
        st.sampled_from(["", "Y"]),
    ),
    st.sampled_from([5, 0, None, b"X-A", ("x-a",), 1.5, True]),
)
any_names = st.one_of(ok_names, ok_names, bad_names)

VALUES = [
    "",
    "v",
    "1",
    "42",
    "-3",
    "0x1f",
    "abc",
    "text/html",
    "a b",
    "x\r",
    "a\nb",
    "\r\n",
    "\x00",
    "a\x0bb",
    "\x0c",
    "\x85",
    "\u2028",
    "ü",
    "☃",
    "\udcff",
    'q"q',
]
values = st.one_of(
    st.sampled_from(VALUES),
    st.sampled_from(VALUES),
    st.integers(-5, 100),
    st.none(),
    st.booleans(),
    st.text(max_size=6),
    st.binary(max_size=3),
)
value_lists = st.one_of(
    st.lists(values, max_size=3),
    st.lists(values, max_size=3).map(tuple),
    st.sets(st.sampled_from(["s1", "s2", 3]), max_size=2),
)

OPTION_KEYS = [
    "filename",
    "filename_star",
    "charset",
    "a_b",
    "f*",
    "max_age",
    "key",
    "value",
]
options = st.dictionaries(
    st.sampled_from(OPTION_KEYS),
    st.one_of(
        st.none(),
        st.sampled_from(["x", "a b", 'q"', "", "x\ny", "ü"]),
        st.integers(0, 9),
    ),
    max_size=3,
)


def _raise_key(value: str) -> t.Any:
    raise KeyError(value)


def _raise_type(value: str) -> t.Any:
    raise TypeError(value)


TYPES: list[t.Any] = [
    None,
    int,
    float,
    len,
    str.upper,
    bytes.fromhex,
    _raise_key,
    _raise_type,
]
types_ = st.sampled_from(TYPES)

indices = st.one_of(st.integers(-7, 7), st.booleans())
slices = st.builds(
    slice,
    st.one_of(st.none(), st.integers(-6, 6)),
    st.one_of(st.none(), st.integers(-6, 6)),
    st.one_of(st.none(), st.sampled_from([1, 2, -1, -2, 3]), st.just(0)),
)
odd_keys = st.sampled_from([None, 1.5, b"X-A", ("x-a",)])


#: Ways to derive a second object from the items of the first one, for ``==``.
EQ_VARIANTS = [
    "reversed",
    "upper",
    "lower",
    "swapcase",
    "dup_first",
    "drop_last",
    "value_upper",
]


def eq_variant(items: list[tuple[str, str]], variant: str) -> list[tuple[str, str]]:
    if variant == "reversed":
        return items[::-1]
    if variant == "upper":
        return [(k.upper(), v) for k, v in items]
    if variant == "lower":
        return [(k.lower(), v) for k, v in items]
    if variant == "swapcase":
        return [(k.swapcase(), v) for k, v in items]
    if variant == "dup_first":
        return items[:1] + items
    if variant == "drop_last":
        return items[:-1]
    if variant == "value_upper":
        return [(k, v.upper()) for k, v in items]
    raise AssertionError(variant)  # pragma: no cover


def build_ops(names: st.SearchStrategy[t.Any]) -> st.SearchStrategy[tuple[t.Any, ...]]:
    pairs = st.lists(st.tuples(names, values), max_size=4)
    mapping = st.dictionaries(names, st.one_of(values, value_lists), max_size=3)
    str_kwargs = st.dictionaries(
        names.filter(lambda n: isinstance(n, str)),
        st.one_of(values, value_lists),
        max_size=2,
    )
    multidict = st.lists(st.tuples(names, values), max_size=4)
    lookup_keys = st.one_of(names, names, odd_keys)
    arg = st.one_of(
        st.none(),
        st.tuples(st.just("pairs"), pairs),
        st.tuples(st.just("dict"), mapping),
        st.tuples(st.just("headers"), pairs),
        st.tuples(st.just("multidict"), multidict),
        st.tuples(st.just("generator"), pairs),
    )
    return st.one_of(
        st.tuples(
            st.sampled_from(["add", "add_header", "set"]), names, values, options
        ),
        st.tuples(st.just("setlist"), names, value_lists, st.booleans()),
        st.tuples(st.just("setdefault"), names, values),
        st.tuples(st.just("setlistdefault"), names, value_lists),
        st.tuples(st.sampled_from(["extend", "update"]), arg, str_kwargs),
        st.tuples(
            st.just("setitem"), st.one_of(names, indices, slices), values, names, pairs
        ),
        st.tuples(st.just("delitem"), st.one_of(lookup_keys, indices, slices)),
        st.tuples(
            st.just("pop"),
            st.one_of(st.just("<none>"), st.none(), lookup_keys, indices),
            st.one_of(st.just("<none>"), values),
        ),
        st.tuples(st.just("popitem")),
        st.tuples(st.just("remove"), lookup_keys),
        st.tuples(st.just("clear")),
        st.tuples(
            st.just("get"), lookup_keys, st.one_of(st.just("<none>"), values), types_
        ),
        st.tuples(st.sampled_from(["getlist", "get_all"]), lookup_keys, types_),
        st.tuples(st.just("contains"), lookup_keys),
        st.tuples(st.just("getitem"), st.one_of(lookup_keys, indices, slices)),
        st.tuples(st.just("or"), arg),
        st.tuples(st.just("ior"), arg),
        st.tuples(
            st.sampled_from(
                [
                    "copy",
                    "copy.copy",
                    "to_wsgi_list",
                    "str",
                    "repr",
                    "len",
                    "iter",
                    "bool",
                    "values",
                ]
            )
        ),
        st.tuples(st.sampled_from(["items", "keys"]), st.booleans()),
        st.tuples(st.just("eq"), pairs),
        st.tuples(st.just("eq_copy")),
        st.tuples(st.just("eq_variant"), st.sampled_from(EQ_VARIANTS)),
    )


ops_ok = build_ops(ok_names)
ops_any = build_ops(any_names)
initial_ok = st.lists(
    st.tuples(ok_names, st.sampled_from(["1", "v", "", "ü", "\x00", "42", "abc"])),
    max_size=8,
)


# --- applying an operation ----------------------------------------------------


def make_arg(arg: t.Any, cls: type) -> t.Any:
    """Build the argument of extend/update/|/|= fresh for one side."""
    if arg is None:
        return None

    kind, data = arg

    if kind == "pairs":
        return list(data)
    if kind == "dict":
        return {k: (list(v) if isinstance(v, list) else v) for k, v in data.items()}
    if kind == "headers":
        # Our update() recognises only its own class, Werkzeug's only its own.
        return cls(data)
    if kind == "multidict":
        return MultiDict(data)
    if kind == "generator":
        return (pair for pair in list(data))

    raise AssertionError(kind)  # pragma: no cover


def apply(h: t.Any, op: tuple[t.Any, ...]) -> t.Any:
    cls = type(h)
    name = op[0]

    if name in {"add", "add_header", "set"}:
        _, key, value, opts = op
        return getattr(h, name)(key, value, **opts)
    if name == "setlist":
        _, key, vals, as_iter = op
        return h.setlist(key, iter(vals) if as_iter else vals)
    if name == "setdefault":
        return h.setdefault(op[1], op[2])
    if name == "setlistdefault":
        return h.setlistdefault(op[1], op[2])
    if name in {"extend", "update"}:
        _, arg, kwargs = op
        built = make_arg(arg, cls)
        if built is None:
            return getattr(h, name)(**kwargs)
        return getattr(h, name)(built, **kwargs)
    if name == "setitem":
        _, key, value, item_name, pairs = op
        if isinstance(key, str):
            h[key] = value
        elif isinstance(key, int):
            h[key] = (item_name, value)
        else:
            h[key] = list(pairs)
        return None
    if name == "delitem":
        del h[op[1]]
        return None
    if name == "pop":
        _, key, default = op
        if key == "<none>":
            return h.pop()
        if default == "<none>":
            return h.pop(key)
        return h.pop(key, default)
    if name == "popitem":
        return h.popitem()
    if name == "remove":
        return h.remove(op[1])
    if name == "clear":
        return h.clear()
    if name == "get":
        _, key, default, conv = op
        if default == "<none>":
            return h.get(key, type=conv)
        return h.get(key, default, conv)
    if name in {"getlist", "get_all"}:
        _, key, conv = op
        if name == "get_all":
            return h.get_all(key)
        return h.getlist(key) if conv is None else h.getlist(key, type=conv)
    if name == "contains":
        return op[1] in h
    if name == "getitem":
        return h[op[1]]
    if name == "or":
        return h | make_arg(op[1], cls)
    if name == "ior":
        before = h
        h |= make_arg(op[1], cls)
        assert h is before, "|= must return the same object"
        return None
    if name == "copy":
        return h.copy()
    if name == "copy.copy":
        return copy.copy(h)
    if name == "to_wsgi_list":
        out = h.to_wsgi_list()
        result = list(out)
        out.append(("Appended", "to the returned list"))  # must not reach h
        return result
    if name == "str":
        return str(h)
    if name == "repr":
        text = repr(h)
        assert text.startswith(cls.__name__ + "(")
        return "Headers" + text[len(cls.__name__) :]
    if name == "len":
        return len(h)
    if name == "bool":
        return bool(h)
    if name == "iter":
        return list(iter(h))
    if name == "values":
        return list(h.values())
    if name in {"items", "keys"}:
        return list(getattr(h, name)(lower=op[1]))
    if name == "eq":
        other = cls(op[1])
        return (h == other, other == h, h != other)
    if name == "eq_variant":
        other = cls(eq_variant(list(h), op[1]))
        return (h == other, other == h, h != other)
    if name == "eq_copy":
        return (h == h.copy(), h != h.copy())

    raise AssertionError(name)  # pragma: no cover


def exc_kind(exc: BaseException, exact: bool) -> str:
    if exact:
        return f"{type(exc).__module__}.{type(exc).__qualname__}"

    if isinstance(exc, KeyError):
        return "KeyError"

    for cls in type(exc).__mro__:
        if cls.__module__ == "builtins":
            return cls.__name__

    raise AssertionError(f"no built-in base: {exc!r}")  # pragma: no cover


def run(h: t.Any, op: tuple[t.Any, ...], exact: bool) -> tuple[str, t.Any]:
    try:
        result = apply(h, op)
    except AssertionError:
        raise
    except Exception as exc:
        return ("raises", exc_kind(exc, exact))

    if isinstance(result, type(h)):
        return ("returns", ("<Headers>", list(result)))
    if isinstance(result, (WH, cabc.Iterator)) or type(result).__name__ in {
        "Headers",
        "SubHeaders",
    }:
        return ("returns", ("<wrong class>", type(result).__name__))

    return ("returns", result)


def lockstep(
    left: t.Any, right: t.Any, ops: list[tuple[t.Any, ...]], exact: bool
) -> None:
    assert list(left) == list(right)

    for step, op in enumerate(ops):
        got = run(left, op, exact)
        expected = run(right, op, exact)
        assert got == expected, f"step {step}: {op!r}"
        assert list(left) == list(right), f"state after step {step}: {op!r}"
        assert len(left) == len(right)


# --- the tests ----------------------------------------------------------------


@LONG_SETTINGS
@given(initial=initial_ok, ops=st.lists(ops_ok, min_size=1, max_size=30))
def test_against_werkzeug(
    Headers: type,
    initial: list[tuple[str, str]],
    ops: list[tuple[t.Any, ...]],  # noqa: N803
) -> None:
    lockstep(Headers(initial), WH(initial), ops, exact=False)


@SETTINGS
@given(initial=initial_ok, ops=st.lists(ops_ok, max_size=8))
def test_constructor_from_any_argument_against_werkzeug(
    Headers: type,
    initial: list[tuple[str, str]],
    ops: list[tuple[t.Any, ...]],  # noqa: N803
) -> None:
    """Construction from every argument shape, then a few operations."""
    for arg in (
        None,
        ("pairs", initial),
        ("dict", dict(initial)),
        ("multidict", initial),
        ("generator", initial),
        ("headers", initial),
    ):
        ours = run_constructor(Headers, arg)
        theirs = run_constructor(WH, arg)
        assert ours[0] == theirs[0]
        if ours[0] == "returns":
            lockstep(ours[1], theirs[1], ops, exact=False)


def run_constructor(cls: type, arg: t.Any) -> tuple[str, t.Any]:
    try:
        built = make_arg(arg, cls)
        return ("returns", cls() if built is None else cls(built))
    except Exception as exc:
        return ("raises", exc_kind(exc, exact=False))


def _subclass(base: type) -> type:
    return type("SubHeaders", (base,), {})


@pytest.mark.parametrize("kind", ["base", "subclass"])
@LONG_SETTINGS
@given(
    initial=st.lists(st.tuples(any_names, values), max_size=6),
    ops=st.lists(ops_any, min_size=1, max_size=30),
)
def test_compiled_and_pure_agree(
    compiled_twin: types.ModuleType,
    pure_twin: types.ModuleType,
    kind: str,
    initial: list[tuple[t.Any, t.Any]],
    ops: list[tuple[t.Any, ...]],
) -> None:
    compiled_cls = compiled_twin.Headers
    pure_cls = pure_twin.Headers
    if kind == "subclass":
        compiled_cls, pure_cls = _subclass(compiled_cls), _subclass(pure_cls)

    left = run_constructor(compiled_cls, ("pairs", initial))
    right = run_constructor(pure_cls, ("pairs", initial))
    assert (left[0], left[1] if left[0] == "raises" else None) == (
        right[0],
        right[1] if right[0] == "raises" else None,
    )
    if left[0] == "raises":
        left, right = ("returns", compiled_cls()), ("returns", pure_cls())

    lockstep(left[1], right[1], ops, exact=True)


@SETTINGS
@given(initial=st.lists(st.tuples(any_names, values), max_size=6))
def test_refused_names_never_stored(
    Headers: type,
    initial: list[tuple[t.Any, t.Any]],  # noqa: N803
) -> None:
    """Whatever is written, every stored item is a pair of str with a clean name."""
    h = Headers()
    for name, value in initial:
        try:
            h.add(name, value)
        except (TypeError, ValueError):
            pass
        try:
            h.set(name, value)
        except (TypeError, ValueError):
            pass
    try:
        h.extend(initial)
    except (TypeError, ValueError):
        pass

    for key, value in h:
        assert type(key) is str and type(value) is str
        assert not any(c in key for c in REFUSED)
        assert "\r" not in value and "\n" not in value
