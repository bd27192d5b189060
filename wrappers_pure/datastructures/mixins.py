"""Mixins that make a list, a dict or a Headers object read-only, or make a
dict report its changes (pure; both twins use these classes). Werkzeug 3.1's
``werkzeug.datastructures.mixins``.
"""

from __future__ import annotations

import collections.abc as cabc
import typing as t
from itertools import repeat

from wrappers_pure._internal import _missing

if t.TYPE_CHECKING:  # pragma: no cover
    import typing_extensions as te

K = t.TypeVar("K")
V = t.TypeVar("V")


def _immutable_error(obj: object) -> t.NoReturn:
    """Raise the :exc:`TypeError` of an attempt to change an immutable object."""
    raise TypeError(f"{type(obj).__name__!r} objects are immutable")


class ImmutableListMixin:
    """Turns a :class:`list` subclass read-only and hashable.

    Every method that would change the list raises :exc:`TypeError`. The hash
    is that of the tuple of the items, computed once. It pickles as a call of
    the class with a plain list of the items.
    """

    _hash_cache: int | None = None

    def __hash__(self) -> int:
        """The hash of the items (computed once; the list cannot change)."""
        rv = self._hash_cache

        if rv is None:
            rv = self._hash_cache = hash(tuple(self))  # type: ignore[arg-type]

        return rv

    def __reduce_ex__(self, protocol: t.SupportsIndex) -> t.Any:
        """Pickle as a call of the class with a plain list of the items."""
        return type(self), (list(self),)  # type: ignore[call-overload]

    def __delitem__(self, key: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def __iadd__(self, other: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def __imul__(self, other: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def __setitem__(self, key: t.Any, value: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def append(self, item: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def remove(self, item: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def extend(self, iterable: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def insert(self, pos: t.Any, value: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def pop(self, index: t.Any = -1) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def reverse(self: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def sort(self, key: t.Any = None, reverse: t.Any = False) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)


class ImmutableDictMixin(t.Generic[K, V]):
    """Turns a :class:`dict` subclass read-only and hashable.

    Every method that would change the dict raises :exc:`TypeError`. The hash
    is that of the frozenset of the items, computed once.
    """

    _hash_cache: int | None = None

    @classmethod
    def fromkeys(
        cls, keys: cabc.Iterable[K], value: V | None = None
    ) -> ImmutableDictMixin[K, t.Any]:
        """Return a new object of this class, every key of ``keys`` set to ``value``.

        :param keys: The keys.
        :param value: The value of every key.
        """
        instance = super().__new__(cls)
        instance.__init__(zip(keys, repeat(value)))  # type: ignore[misc]
        return instance

    def __reduce_ex__(self, protocol: t.SupportsIndex) -> t.Any:
        """Pickle as a call of the class with a plain dict of the items."""
        return type(self), (dict(self),)  # type: ignore[call-overload]

    def _iter_hashitems(self) -> cabc.Iterable[t.Any]:
        """The items the hash is computed from."""
        return self.items()  # type: ignore[attr-defined,no-any-return]

    def __hash__(self) -> int:
        """The hash of the items (computed once; the object cannot change)."""
        rv = self._hash_cache

        if rv is None:
            rv = self._hash_cache = hash(frozenset(self._iter_hashitems()))

        return rv

    def setdefault(self, key: t.Any, default: t.Any = None) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def update(self, arg: t.Any, /, **kwargs: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def __ior__(self, other: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def pop(self, key: t.Any, default: t.Any = None) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def popitem(self) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def __setitem__(self, key: t.Any, value: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def __delitem__(self, key: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def clear(self) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)


class ImmutableMultiDictMixin(ImmutableDictMixin[K, V]):
    """Turns a :class:`MultiDict` subclass read-only and hashable."""

    def __reduce_ex__(self, protocol: t.SupportsIndex) -> t.Any:
        """Pickle as a call of the class with the list of every pair."""
        return type(self), (list(self.items(multi=True)),)  # type: ignore[attr-defined]

    def _iter_hashitems(self) -> cabc.Iterable[t.Any]:
        """The items the hash is computed from: every pair."""
        return self.items(multi=True)  # type: ignore[attr-defined,no-any-return]

    def add(self, key: t.Any, value: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def popitemlist(self) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def poplist(self, key: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def setlist(self, key: t.Any, new_list: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def setlistdefault(self, key: t.Any, default_list: t.Any = None) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)


class ImmutableHeadersMixin:
    """Turns a :class:`~wrappers_pure.datastructures.Headers` subclass read-only.

    Every method that would change the headers raises :exc:`TypeError`
    (``clear`` is not among them, as in Werkzeug). Unlike the other immutable
    mixins it does not make the object hashable: it is meant for views of
    something that can change, such as
    :class:`~wrappers_pure.datastructures.EnvironHeaders`.
    """

    def __delitem__(self, key: t.Any, **kwargs: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def __setitem__(self, key: t.Any, value: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def set(self, key: t.Any, value: t.Any, /, **kwargs: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def setlist(self, key: t.Any, values: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def add(self, key: t.Any, value: t.Any, /, **kwargs: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def add_header(self, key: t.Any, value: t.Any, /, **kwargs: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def remove(self, key: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def extend(self, arg: t.Any, /, **kwargs: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def update(self, arg: t.Any, /, **kwargs: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def __ior__(self, other: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def insert(self, pos: t.Any, value: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def pop(self, key: t.Any = None, default: t.Any = _missing) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def popitem(self) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def setdefault(self, key: t.Any, default: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)

    def setlistdefault(self, key: t.Any, default: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError`."""
        _immutable_error(self)


class UpdateDictMixin(dict[K, V]):
    """Makes a :class:`dict` subclass call ``self.on_update(self)`` after each change.

    ``__setitem__``, ``__delitem__``, ``clear``, ``popitem``, ``update`` and
    ``|=`` call it every time they succeed; ``setdefault`` and ``pop`` only
    when the key was added or removed. An operation that raises calls nothing.
    """

    #: Called with the dict after a change; None calls nothing.
    on_update: cabc.Callable[[te.Self], None] | None = None

    def _changed(self) -> None:
        """Call :attr:`on_update`, if set."""
        on_update = self.on_update

        if on_update is not None:
            on_update(self)  # type: ignore[arg-type]

    def setdefault(self, key: K, default: V | None = None) -> V:
        """Return the value of ``key``, setting it to ``default`` first when missing.

        :param key: The key.
        :param default: The value to set when the key is missing.
        """
        added = key not in self
        rv = super().setdefault(key, default)  # type: ignore[arg-type]

        if added:
            self._changed()

        return rv

    def pop(self, key: K, default: t.Any = _missing) -> t.Any:
        """Remove ``key`` and return its value, or ``default`` when it is missing.

        :param key: The key.
        :param default: Returned for a missing key; without it a missing key
            raises :exc:`KeyError`.
        """
        removed = key in self

        if default is _missing:
            rv = super().pop(key)
        else:
            rv = super().pop(key, default)

        if removed:
            self._changed()

        return rv

    def __setitem__(self, key: K, value: V) -> None:
        """Set ``key`` to ``value``, then report the change."""
        super().__setitem__(key, value)
        self._changed()

    def __delitem__(self, key: K) -> None:
        """Remove ``key`` (:exc:`KeyError` if missing), then report the change."""
        super().__delitem__(key)
        self._changed()

    def clear(self) -> None:
        """Remove every key, then report the change."""
        super().clear()
        self._changed()

    def popitem(self) -> tuple[K, V]:
        """Remove and return the last ``(key, value)`` pair, then report the change."""
        rv = super().popitem()
        self._changed()
        return rv

    def update(  # type: ignore[override]
        self,
        arg: cabc.Mapping[K, V] | cabc.Iterable[tuple[K, V]] | None = None,
        /,
        **kwargs: V,
    ) -> None:
        """Update like :meth:`dict.update`, then report the change.

        :param arg: A mapping or an iterable of pairs.
        :param kwargs: More keys and values.
        """
        if arg is None:
            super().update(**kwargs)  # type: ignore[call-overload]
        else:
            super().update(arg, **kwargs)

        self._changed()

    def __ior__(  # type: ignore[override,misc]
        self, other: cabc.Mapping[K, V] | cabc.Iterable[tuple[K, V]]
    ) -> te.Self:
        """Update in place with ``|=``, then report the change."""
        rv = super().__ior__(other)
        self._changed()
        return rv


__all__ = [
    "ImmutableDictMixin",
    "ImmutableHeadersMixin",
    "ImmutableListMixin",
    "ImmutableMultiDictMixin",
    "UpdateDictMixin",
]
