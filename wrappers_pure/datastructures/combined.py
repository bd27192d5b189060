"""The read-only view of several multi-dicts as one (pure; both twins use this
class). Werkzeug 3.1's ``werkzeug.datastructures.CombinedMultiDict``, kept out
of :mod:`~wrappers_pure.datastructures.structures` for that module's size.
"""

from __future__ import annotations

import collections.abc as cabc
import typing as t

from wrappers_pure.datastructures.mixins import ImmutableMultiDictMixin
from wrappers_pure.datastructures.structures import MultiDict
from wrappers_pure.exceptions import BadRequestKeyError
from wrappers_pure.exceptions import werkzeug_aware

K = t.TypeVar("K")
V = t.TypeVar("V")
T = t.TypeVar("T")


class CombinedMultiDict(  # type: ignore[misc]
    ImmutableMultiDictMixin[K, V], MultiDict[K, V]
):
    """A read-only view of several :class:`MultiDict` objects, as one.

    Lookups go through the dicts in order: ``d[key]`` and :meth:`get` give the
    first dict's value that has the key, :meth:`getlist` every dict's values in
    turn. The view follows changes to the dicts; :meth:`copy` takes a mutable
    :class:`MultiDict` snapshot. Every method that would change it raises
    :exc:`TypeError`, and so does :meth:`fromkeys`.

    ``d[key]`` raises :exc:`~wrappers_pure.exceptions.BadRequestKeyError` (a
    :exc:`KeyError`) for a missing key.

    As in Werkzeug, it is a :class:`dict` whose own storage stays empty: plain
    :class:`dict` operations that bypass the methods here (``==``,
    :func:`dict.__repr__`) see an empty dict; :meth:`keys` is a :class:`set`.

    :param dicts: The multi-dicts, in lookup order (kept as a new list, the
        :attr:`dicts` attribute).
    """

    def __reduce_ex__(self, protocol: t.SupportsIndex) -> t.Any:
        """Pickle as a call of the class with the list of dicts."""
        return type(self), (self.dicts,)

    def __init__(self, dicts: cabc.Iterable[MultiDict[K, V]] | None = None) -> None:
        super().__init__()
        #: The multi-dicts, in lookup order.
        self.dicts: list[MultiDict[K, V]] = list(dicts or ())

    @classmethod
    def fromkeys(cls, keys: t.Any, value: t.Any = None) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        raise TypeError(f"cannot create {cls.__name__!r} instances by fromkeys")

    def __getitem__(self, key: K) -> V:
        """Return the first value of ``key`` in the first dict that has it.

        :raise BadRequestKeyError: No dict has the key.
        """
        for d in self.dicts:
            if key in d:
                return d[key]

        raise werkzeug_aware(BadRequestKeyError)(key)

    @t.overload  # type: ignore[override]
    def get(self, key: K) -> V | None: ...
    @t.overload
    def get(self, key: K, default: V) -> V: ...
    @t.overload
    def get(self, key: K, default: T) -> V | T: ...
    @t.overload
    def get(self, key: str, type: cabc.Callable[[V], T]) -> T | None: ...
    @t.overload
    def get(self, key: str, default: T, type: cabc.Callable[[V], T]) -> T: ...
    def get(  # type: ignore[misc]
        self,
        key: K,
        default: V | T | None = None,
        type: cabc.Callable[[V], T] | None = None,
    ) -> V | T | None:
        """Return the value of ``key`` in the first dict that has it, or ``default``.

        :param key: The key.
        :param default: Returned when no dict has the key (or none converts).
        :param type: A callable that converts the value, such as :class:`int`;
            when it raises :exc:`ValueError` or :exc:`TypeError`, the next
            dict that has the key is tried.
        """
        for d in self.dicts:
            if key in d:
                if type is None:
                    return d[key]

                try:
                    return type(d[key])
                except (ValueError, TypeError):
                    continue

        return default

    @t.overload
    def getlist(self, key: K) -> list[V]: ...
    @t.overload
    def getlist(self, key: K, type: cabc.Callable[[V], T]) -> list[T]: ...
    def getlist(
        self, key: K, type: cabc.Callable[[V], T] | None = None
    ) -> list[V] | list[T]:
        """Return a new list of the values of ``key`` in every dict, in order.

        :param key: The key.
        :param type: A callable that converts each value; values for which it
            raises :exc:`ValueError` or :exc:`TypeError` are left out.
        """
        rv: list[t.Any] = []

        for d in self.dicts:
            rv.extend(d.getlist(key, type))  # type: ignore[arg-type]

        return rv

    def _keys_impl(self) -> set[K]:
        """The set of the keys of every dict."""
        return {k for d in self.dicts for k in d}

    def keys(self) -> cabc.Iterable[K]:  # type: ignore[override]
        """Return the :class:`set` of the keys of every dict."""
        return self._keys_impl()

    def __iter__(self) -> cabc.Iterator[K]:
        """Iterate over the keys (in the order of the set :meth:`keys` gives)."""
        return iter(self._keys_impl())

    @t.overload  # type: ignore[override]
    def items(self) -> cabc.Iterable[tuple[K, V]]: ...
    @t.overload
    def items(self, multi: t.Literal[True]) -> cabc.Iterable[tuple[K, list[V]]]: ...
    def items(
        self, multi: bool = False
    ) -> cabc.Iterable[tuple[K, V]] | cabc.Iterable[tuple[K, list[V]]]:
        """Iterate over ``(key, value)`` pairs, dict by dict.

        :param multi: Give a pair for every value in every dict, instead of one
            pair per key with the first value that :meth:`get` would give.
        """
        found = set()

        for d in self.dicts:
            for key, value in d.items(multi):
                if multi:
                    yield key, value
                elif key not in found:
                    found.add(key)
                    yield key, value

    def values(self) -> cabc.Iterable[V]:  # type: ignore[override]
        """Iterate over the first value of each key (see :meth:`items`)."""
        for _, value in self.items():
            yield value

    def lists(self) -> cabc.Iterable[tuple[K, list[V]]]:
        """Return the ``(key, values)`` pairs, each key's values from every
        dict joined in one new list (a :class:`dict` items view)."""
        rv: dict[K, list[V]] = {}

        for d in self.dicts:
            for key, values in d.lists():
                rv.setdefault(key, []).extend(values)

        return rv.items()

    def listvalues(self) -> cabc.Iterable[list[V]]:
        """Iterate over the lists of values of :meth:`lists`."""
        return (x[1] for x in self.lists())

    def copy(self) -> MultiDict[K, V]:  # type: ignore[override]
        """Return a mutable :class:`MultiDict` of the content now (it does not
        follow later changes to the dicts)."""
        return MultiDict(self)

    def __len__(self) -> int:
        """The number of distinct keys in all the dicts."""
        return len(self._keys_impl())

    def __contains__(self, key: K) -> bool:  # type: ignore[override]
        """Whether any of the dicts has ``key``."""
        for d in self.dicts:
            if key in d:
                return True

        return False

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.dicts!r})"


__all__ = ["CombinedMultiDict"]
