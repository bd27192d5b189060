"""Mixins that make a dict read-only or report its changes (pure; both twins
use these classes). Werkzeug 3.1's ``werkzeug.datastructures.mixins``.
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


__all__ = ["ImmutableDictMixin", "ImmutableMultiDictMixin", "UpdateDictMixin"]
