"""The compiled twin holds no stray references: every path, errors included,
gives back what it took.

``sys.getrefcount`` counts the references to one object exactly, so a missing
DECREF anywhere in the extension shows as a count that grows with the number
of calls. These tests run on the compiled twin only (CPython); the pure twin
cannot leak this way.
"""

from __future__ import annotations

import copy
import pickle
import sys
import types
import typing as t

import pytest

ROUNDS = 200


def _exercise(H: t.Any, name: str, value: str) -> None:  # noqa: N803
    """Every public path of Headers once, with ``name`` and ``value`` in play."""
    h = H({name: value, "Other": [value, value]})
    h.add(name, value)
    h.add(name, value, option=value)
    h.set(name, value)
    h.setlist(name, [value, value])
    h.setdefault(name, value)
    h.setlistdefault(name, [value])
    h.extend([(name, value)], Extra=value)
    h.update({name: [value]}, Extra=value)
    h[name] = value
    h[0] = (name, value)
    h[0:1] = [(name, value)]
    h.get(name)
    h.get(name, type=int)
    h.getlist(name, type=int)
    list(h.items(lower=True))
    list(h.keys())
    list(h.values())
    assert name in h
    h.to_wsgi_list()
    str(h)
    repr(h)
    h == h.copy()  # noqa: B015
    h | {name: value}
    h |= [(name, value)]
    h[0:2]
    copy.deepcopy(h)
    pickle.loads(pickle.dumps(h))
    h.pop(name)
    h.pop(name, value)
    h.pop(0)
    h.popitem()
    del h[name]
    h.remove(name)
    h.clear()

    for call in (
        lambda: h[name],
        lambda: h.pop(name),
        lambda: h.add(name, value + "\r\n"),
        lambda: h.set(name + "\n", value),
        lambda: h.add(1, value),
        lambda: h.extend({name: value + "\n"}),
        lambda: h.__setitem__(0, (name, value)),
        lambda: h.get(1),
    ):
        try:
            call()
        except (KeyError, ValueError, TypeError, IndexError, AttributeError):
            pass
        else:  # pragma: no cover - each call above must fail
            raise AssertionError("expected an error")


@pytest.mark.skipif(
    not hasattr(sys, "getrefcount"), reason="no reference counts on this interpreter"
)
def test_no_reference_leaks(compiled_twin: types.ModuleType) -> None:
    # Fresh objects (not interned), so only this test references them.
    name = "".join(["X-", "Leak", "-Name"])
    value = "".join(["leak ", "value"])
    _exercise(compiled_twin.Headers, name, value)  # warm caches
    before = (sys.getrefcount(name), sys.getrefcount(value))

    for _ in range(ROUNDS):
        _exercise(compiled_twin.Headers, name, value)

    assert (sys.getrefcount(name), sys.getrefcount(value)) == before
