"""The request-side general structures of ``twin.datastructures``:
``ImmutableList``, ``ImmutableDict``, ``ImmutableTypeConversionDict`` and
``CombinedMultiDict``, against Werkzeug's.

Scenarios run the same steps on the twin's classes and on Werkzeug's and
compare the logs (results normalised by ``support.outcome``, or the kind of
exception); a few literal assertions pin values too, so that a test does not
depend on the oracle alone. Both twins share these classes (they are pure), so
the pickle tests also check that a pickle names a ``wrappers_pure`` path.
"""

from __future__ import annotations

import copy
import pickle
import types
import typing as t

import pytest
import werkzeug.datastructures
from hypothesis import given, settings
from hypothesis import strategies as st

from support import outcome

WZ = werkzeug.datastructures
PROTOCOLS = list(range(pickle.HIGHEST_PROTOCOL + 1))


def run(ds: t.Any, steps: t.Callable[[t.Any], list[t.Callable[[], t.Any]]]) -> list[t.Any]:
    """The outcome of each step ``steps(ds)`` makes, in order."""
    return [outcome(step) for step in steps(ds)]


def same_as_werkzeug(
    twin: types.ModuleType, steps: t.Callable[[t.Any], list[t.Callable[[], t.Any]]]
) -> list[t.Any]:
    ours = run(twin.datastructures, steps)
    assert ours == run(WZ, steps)
    return ours


# --- ImmutableList -----------------------------------------------------------------


def list_steps(ds: t.Any) -> list[t.Callable[[], t.Any]]:
    lst = ds.ImmutableList([1, 2, 3])
    return [
        lambda: repr(lst),
        lambda: list(lst),
        lambda: lst[1],
        lambda: lst[1:],
        lambda: hash(lst) == hash((1, 2, 3)),
        lambda: lst == [1, 2, 3],
        lambda: lst + [4],
        lambda: lst * 2,
        lambda: lst.index(2),
        lambda: lst.count(3),
        lambda: lst.append(4),
        lambda: lst.extend([4]),
        lambda: lst.insert(0, 0),
        lambda: lst.remove(1),
        lambda: lst.pop(),
        lambda: lst.reverse(),
        lambda: lst.sort(),
        lambda: lst.__setitem__(0, 9),
        lambda: lst.__delitem__(0),
        lambda: lst.__iadd__([1]),
        lambda: lst.__imul__(2),
        lambda: lst.clear(),
        lambda: list(lst),
        lambda: {lst: 1}[ds.ImmutableList([1, 2, 3])],
        lambda: hash(ds.ImmutableList([[1]])),
        lambda: repr(copy.copy(lst)),
        lambda: repr(copy.deepcopy(lst)),
    ]


def test_immutable_list(twin: types.ModuleType) -> None:
    log = same_as_werkzeug(twin, list_steps)
    assert log[0] == ("ok", "ImmutableList([1, 2, 3])", [])
    assert log[10] == ("raise", "TypeError", [])


def test_immutable_list_refuses_with_its_class_name(twin: types.ModuleType) -> None:
    lst = twin.datastructures.ImmutableList("ab")

    with pytest.raises(TypeError, match="'ImmutableList' objects are immutable"):
        lst.append("c")

    sub = type("Frozen", (twin.datastructures.ImmutableList,), {})

    with pytest.raises(TypeError, match="'Frozen' objects are immutable"):
        sub([1])[0] = 2


def test_immutable_list_operators_that_mutate_in_place(twin: types.ModuleType) -> None:
    lst = twin.datastructures.ImmutableList([1])
    alias = lst

    with pytest.raises(TypeError):
        lst += [2]

    with pytest.raises(TypeError):
        lst *= 2

    assert alias is lst and list(lst) == [1]


# --- ImmutableDict and ImmutableTypeConversionDict ------------------------------------


def dict_steps(name: str) -> t.Callable[[t.Any], list[t.Callable[[], t.Any]]]:
    def steps(ds: t.Any) -> list[t.Callable[[], t.Any]]:
        cls = getattr(ds, name)
        d = cls({"a": "1", "b": "x"})
        return [
            lambda: sorted(d.items()),
            lambda: d["a"],
            lambda: d["missing"],
            lambda: d.get("a", type=int),
            lambda: d.get("b", -1, type=int),
            lambda: d.get("missing", "dflt"),
            lambda: hash(d) == hash(cls([("b", "x"), ("a", "1")])),
            lambda: d == {"a": "1", "b": "x"},
            lambda: (type(d.copy()).__name__, d.copy()),
            lambda: copy.copy(d) is d,
            lambda: (type(copy.deepcopy(d)).__name__, dict(copy.deepcopy(d))),
            lambda: d.__setitem__("a", "2"),
            lambda: d.__delitem__("a"),
            lambda: d.setdefault("c", "3"),
            lambda: d.update({"c": "3"}),
            lambda: d.__ior__({"c": "3"}),
            lambda: d.pop("a"),
            lambda: d.popitem(),
            lambda: d.clear(),
            lambda: sorted(d.items()),
            lambda: d | {"c": "3"},
            lambda: (type(cls.fromkeys("ab", "v")).__name__, dict(cls.fromkeys("ab", "v"))),
            lambda: hash(cls({"a": []})),
        ]

    return steps


@pytest.mark.parametrize("name", ["ImmutableDict", "ImmutableTypeConversionDict"])
def test_immutable_dicts(twin: types.ModuleType, name: str) -> None:
    log = same_as_werkzeug(twin, dict_steps(name))

    if name == "ImmutableTypeConversionDict":
        assert log[3] == ("ok", 1, [])
        assert log[4] == ("ok", -1, [])
    else:  # a plain dict's get: no type
        assert log[3] == ("raise", "TypeError", [])

    assert log[11] == ("raise", "TypeError", [])


def test_immutable_dict_repr_and_copy_types(twin: types.ModuleType) -> None:
    ds = twin.datastructures
    d = ds.ImmutableDict({"a": 1})
    assert repr(d) == "ImmutableDict({'a': 1})"
    assert type(d.copy()) is dict
    c = ds.ImmutableTypeConversionDict({"a": 1})
    assert type(c.copy()) is ds.TypeConversionDict
    assert isinstance(c, ds.TypeConversionDict)
    assert isinstance(c, ds.ImmutableDictMixin)


# --- CombinedMultiDict ---------------------------------------------------------------


def combined_steps(ds: t.Any) -> list[t.Callable[[], t.Any]]:
    first = ds.MultiDict([("a", "1"), ("a", "2"), ("b", "x"), ("n", "5")])
    second = ds.MultiDict([("a", "3"), ("c", "y"), ("n", "no"), ("n", "7")])
    d = ds.CombinedMultiDict([first, second])

    return [
        lambda: d["a"],
        lambda: d["c"],
        lambda: d["missing"],
        lambda: d.get("a"),
        lambda: d.get("missing", "dflt"),
        lambda: d.get("b", -1, type=int),
        lambda: d.get("n", type=int),
        lambda: d.getlist("a"),
        lambda: d.getlist("n", type=int),
        lambda: d.getlist("missing"),
        lambda: "c" in d,
        lambda: "z" in d,
        lambda: len(d),
        lambda: bool(d),
        lambda: sorted(d.keys()),
        lambda: type(d.keys()).__name__,
        lambda: sorted(d),
        lambda: list(d.items()),
        lambda: list(d.items(multi=True)),
        lambda: list(d.items(True)),
        lambda: list(d.values()),
        lambda: list(d.lists()),
        lambda: list(d.listvalues()),
        lambda: d.to_dict(),
        lambda: d.to_dict(flat=False),
        lambda: (type(d.copy()).__name__, d.copy()),
        lambda: (type(copy.copy(d)).__name__, copy.copy(d)),
        lambda: d | {"z": "1"},
        lambda: repr(d),
        lambda: hash(d) == hash(ds.CombinedMultiDict([first, second])),
        lambda: d == {},
        lambda: ds.CombinedMultiDict.fromkeys(["a"]),
        lambda: d.__setitem__("a", "1"),
        lambda: d.__delitem__("a"),
        lambda: d.add("a", "1"),
        lambda: d.setlist("a", ["1"]),
        lambda: d.setdefault("a", "1"),
        lambda: d.setlistdefault("a", ["1"]),
        lambda: d.update({"a": "1"}),
        lambda: d.__ior__({"a": "1"}),
        lambda: d.pop("a"),
        lambda: d.popitem(),
        lambda: d.poplist("a"),
        lambda: d.popitemlist(),
        lambda: d.clear(),
        # The view follows the dicts it combines.
        lambda: first.add("c", "first"),
        lambda: d["c"],
        lambda: d.getlist("c"),
        lambda: len(ds.CombinedMultiDict()),
        lambda: repr(ds.CombinedMultiDict()),
        lambda: ds.CombinedMultiDict([first]).dicts[0] is first,
    ]


def test_combined_multi_dict(twin: types.ModuleType) -> None:
    log = same_as_werkzeug(twin, combined_steps)
    assert log[0] == ("ok", "1", [])
    assert log[2] == ("raise", "KeyError", [])
    assert log[6] == ("ok", 5, [])
    assert log[7] == ("ok", ["1", "2", "3"], [])
    assert log[8] == ("ok", [5, 7], [])
    assert log[18][1] == [("a", "1"), ("a", "2"), ("b", "x"), ("n", "5"),
                          ("a", "3"), ("c", "y"), ("n", "no"), ("n", "7")]  # fmt: skip
    assert log[31] == ("raise", "TypeError", [])


def test_combined_get_tries_the_next_dict_when_type_fails(twin: types.ModuleType) -> None:
    ds = twin.datastructures
    d = ds.CombinedMultiDict([ds.MultiDict({"n": "x"}), ds.MultiDict({"n": "4"})])
    assert d.get("n", type=int) == 4
    assert d.get("n") == "x"


def test_combined_missing_key_is_bad_request(twin: types.ModuleType) -> None:
    ds = twin.datastructures
    d = ds.CombinedMultiDict([ds.MultiDict()])

    with pytest.raises(twin.exceptions.BadRequestKeyError) as info:
        d["nope"]

    assert isinstance(info.value, KeyError)
    assert info.value.code == 400


def test_combined_copy_is_a_snapshot(twin: types.ModuleType) -> None:
    ds = twin.datastructures
    inner = ds.MultiDict([("a", "1"), ("a", "2")])
    d = ds.CombinedMultiDict([inner, ds.MultiDict([("a", "3")])])
    snapshot = d.copy()
    inner.add("a", "late")
    assert type(snapshot) is ds.MultiDict
    assert snapshot.getlist("a") == ["1", "2", "3"]
    assert d.getlist("a") == ["1", "2", "late", "3"]
    # MultiDict(combined) reads the combined values, not the empty dict storage.
    assert ds.MultiDict(d).getlist("a") == ["1", "2", "late", "3"]
    assert ds.ImmutableMultiDict(d).getlist("a") == ["1", "2", "late", "3"]


@given(
    st.lists(
        st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from(["1", "2", "x"])), max_size=5),
        max_size=4,
    ),
    st.sampled_from("abcde"),
)
@settings(max_examples=150)
def test_combined_differential(
    twin: types.ModuleType, dicts: list[list[tuple[str, str]]], key: str
) -> None:
    def steps(ds: t.Any) -> list[t.Callable[[], t.Any]]:
        d = ds.CombinedMultiDict([ds.MultiDict(pairs) for pairs in dicts])
        return [
            lambda: d[key],
            lambda: d.get(key, type=int),
            lambda: d.getlist(key),
            lambda: d.getlist(key, type=int),
            lambda: key in d,
            lambda: len(d),
            lambda: sorted(d),
            lambda: list(d.items()),
            lambda: list(d.items(multi=True)),
            lambda: list(d.lists()),
            lambda: d.to_dict(),
            lambda: d.to_dict(flat=False),
            lambda: d.copy(),
            lambda: repr(d),
        ]

    same_as_werkzeug(twin, steps)


# --- pickle and copy ---------------------------------------------------------------


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_pickles(twin: types.ModuleType, protocol: int) -> None:
    ds = twin.datastructures
    inner = ds.MultiDict([("a", "1"), ("a", "2")])
    objects = [
        ds.ImmutableList([1, (2,)]),
        ds.ImmutableDict({"a": 1}),
        ds.ImmutableTypeConversionDict({"a": "1"}),
        ds.CombinedMultiDict([inner, ds.MultiDict({"b": "3"})]),
    ]

    for obj in objects:
        data = pickle.dumps(obj, protocol)
        loaded = pickle.loads(data)
        assert type(loaded) is type(obj)
        assert repr(loaded) == repr(obj)
        # Shared by both twins: the pickle names the pure twin's module.
        assert type(obj).__module__.startswith("wrappers_pure.datastructures")

    combined = pickle.loads(pickle.dumps(objects[3], protocol))
    assert combined.getlist("a") == ["1", "2"]
    assert type(combined.dicts[0]) is ds.MultiDict
    assert hash(pickle.loads(pickle.dumps(objects[0], protocol))) == hash(objects[0])


def test_pickle_steps_match_werkzeug(twin: types.ModuleType) -> None:
    def steps(ds: t.Any) -> list[t.Callable[[], t.Any]]:
        objects = [
            ds.ImmutableList([1, 2]),
            ds.ImmutableDict({"a": 1}),
            ds.ImmutableTypeConversionDict({"a": "1"}),
            ds.CombinedMultiDict([ds.MultiDict([("a", "1"), ("a", "2")])]),
        ]
        out: list[t.Callable[[], t.Any]] = []
        for obj in objects:
            out += [
                lambda obj=obj: repr(pickle.loads(pickle.dumps(obj))),
                lambda obj=obj: copy.copy(obj) is obj,
                lambda obj=obj: type(copy.copy(obj)).__name__,
                lambda obj=obj: type(copy.deepcopy(obj)).__name__,
                lambda obj=obj: repr(copy.deepcopy(obj)),
                lambda obj=obj: obj.__reduce_ex__(2)[1],
            ]
        return out

    same_as_werkzeug(twin, steps)
