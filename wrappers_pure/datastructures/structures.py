"""The general data structures: immutable lists and dicts, multi-dicts, the
callback dict and the header set (pure; both twins use these classes).
Werkzeug 3.1's ``werkzeug.datastructures.structures`` (its
``CombinedMultiDict`` is in :mod:`~wrappers_pure.datastructures.combined`).

:class:`MultiDict` is what :func:`~wrappers_pure.http.parse_cookie` returns;
:class:`CallbackDict` and :class:`HeaderSet` report every change through an
``on_update`` callback, which the response's live header objects use to write
themselves back.
"""

from __future__ import annotations

import collections.abc as cabc
import typing as t
from copy import deepcopy as _deepcopy

from wrappers_pure._internal import _missing
from wrappers_pure._syntax.quoting import quote_header_value
from wrappers_pure.datastructures.mixins import ImmutableDictMixin
from wrappers_pure.datastructures.mixins import ImmutableListMixin
from wrappers_pure.datastructures.mixins import ImmutableMultiDictMixin
from wrappers_pure.datastructures.mixins import UpdateDictMixin
from wrappers_pure.exceptions import BadRequestKeyError
from wrappers_pure.exceptions import werkzeug_aware

if t.TYPE_CHECKING:  # pragma: no cover
    import typing_extensions as te

K = t.TypeVar("K")
V = t.TypeVar("V")
T = t.TypeVar("T")

# PERF: the plain dict operations MultiDict uses on its value lists, looked up
# once (and typed loosely: the lists do not match MultiDict's declared types).
_dict_getitem: t.Any = dict.__getitem__
_dict_setitem: t.Any = dict.__setitem__
_dict_setdefault: t.Any = dict.setdefault
_dict_items: t.Any = dict.items
_dict_values: t.Any = dict.values
_dict_pop: t.Any = dict.pop
_dict_popitem: t.Any = dict.popitem


def iter_multi_items(
    mapping: (
        MultiDict[K, V]
        | cabc.Mapping[K, V | list[V] | tuple[V, ...] | set[V]]
        | cabc.Iterable[tuple[K, V]]
    ),
) -> cabc.Iterator[tuple[K, V]]:
    """Yield every ``(key, value)`` pair of a mapping, a multi-dict or an
    iterable of pairs.

    A :class:`MultiDict` gives every value of every key; a mapping whose value
    is a list, tuple or set gives one pair per item; an iterable is taken to
    hold pairs already.

    :param mapping: The source of the pairs.
    """
    if isinstance(mapping, MultiDict):
        yield from mapping.items(multi=True)
    elif isinstance(mapping, cabc.Mapping):
        for key, value in mapping.items():
            if isinstance(value, (list, tuple, set)):
                for item in value:
                    yield key, item
            else:
                yield key, value
    else:
        yield from mapping


class ImmutableList(ImmutableListMixin, list[V]):  # type: ignore[misc]
    """A read-only, hashable :class:`list`.

    Every method that would change it raises :exc:`TypeError`.
    """

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list.__repr__(self)})"


class TypeConversionDict(dict[K, V]):
    """A :class:`dict` whose :meth:`get` can convert the value it returns."""

    @t.overload  # type: ignore[override]
    def get(self, key: K) -> V | None: ...
    @t.overload
    def get(self, key: K, default: V) -> V: ...
    @t.overload
    def get(self, key: K, default: T) -> V | T: ...
    @t.overload
    def get(self, key: K, type: cabc.Callable[[V], T]) -> T | None: ...
    @t.overload
    def get(self, key: K, default: T, type: cabc.Callable[[V], T]) -> T: ...
    def get(  # type: ignore[misc]
        self,
        key: K,
        default: V | T | None = None,
        type: cabc.Callable[[V], T] | None = None,
    ) -> V | T | None:
        """Return the value of ``key``, or ``default`` when it is missing.

        :param key: The key.
        :param default: Returned for a missing key, and when ``type`` raises
            :exc:`ValueError` or :exc:`TypeError`.
        :param type: A callable that converts the value, such as :class:`int`.
        """
        try:
            rv = self[key]
        except KeyError:
            return default

        if type is None:
            return rv

        try:
            return type(rv)
        except (ValueError, TypeError):
            return default


class ImmutableTypeConversionDict(  # type: ignore[misc]
    ImmutableDictMixin[K, V], TypeConversionDict[K, V]
):
    """A read-only, hashable :class:`TypeConversionDict`.

    Every method that would change it raises :exc:`TypeError`.
    """

    def copy(self) -> TypeConversionDict[K, V]:
        """Return a mutable :class:`TypeConversionDict` with the same content.

        (:func:`copy.copy` returns the object itself, as for any immutable.)
        """
        return TypeConversionDict(self)

    def __copy__(self) -> te.Self:
        """Return the object itself: it cannot change."""
        return self


class MultiDict(TypeConversionDict[K, V]):
    """A :class:`dict` that can hold several values per key.

    Each key stores a list of values. Plain dict access (``d[key]``,
    :meth:`get`, :meth:`values`, :meth:`items`) sees the first value of each
    key; :meth:`getlist`, :meth:`lists` and ``items(multi=True)`` see them all.
    It is what :func:`~wrappers_pure.http.parse_cookie` returns.

    ``d[key]`` raises :exc:`~wrappers_pure.exceptions.BadRequestKeyError` (a
    :exc:`KeyError`) for a missing key.

    Equality is :class:`dict` equality of the stored lists: a MultiDict equals
    another with the same values in the same order per key, and a plain dict
    only when the dict's values are those lists.

    :param mapping: Initial content: a MultiDict (every value is kept), a
        mapping (a list, tuple or set value gives several values, an empty one
        none), or an iterable of ``(key, value)`` pairs.
    """

    def __init__(
        self,
        mapping: (
            MultiDict[K, V]
            | cabc.Mapping[K, V | list[V] | tuple[V, ...] | set[V]]
            | cabc.Iterable[tuple[K, V]]
            | None
        ) = None,
    ) -> None:
        if mapping is None:
            super().__init__()
            return

        lists: dict[t.Any, list[t.Any]] = {}

        if isinstance(mapping, MultiDict):
            # NOTE: Werkzeug reads ``mapping.lists()``; a class that keeps its
            # values elsewhere (CombinedMultiDict) is read through it, the
            # others straight from the stored lists (the same pairs).
            if mapping.__class__.lists is MultiDict.lists:
                for key, values in _dict_items(mapping):
                    lists[key] = values[:]
            else:
                for key, values in mapping.lists():
                    lists[key] = values[:]
        elif isinstance(mapping, cabc.Mapping):
            for key, value in mapping.items():
                if isinstance(value, (list, tuple, set)):
                    if value:
                        lists[key] = list(value)
                else:
                    lists[key] = [value]
        else:
            for key, value in mapping:
                values = lists.get(key)

                if values is None:
                    lists[key] = [value]
                else:
                    values.append(value)

        super().__init__(lists)

    def __getstate__(self) -> t.Any:
        """The state to pickle: a plain dict of the value lists."""
        return dict(self.lists())

    def __setstate__(self, value: t.Any) -> None:
        """Replace the content with the state :meth:`__getstate__` gave."""
        dict.clear(self)
        dict.update(self, value)

    def __iter__(self) -> cabc.Iterator[K]:
        """Iterate over the keys."""
        # NOTE: defined so that ``dict(md)`` goes through ``keys`` and
        # ``__getitem__`` (first values) instead of copying the lists.
        return dict.__iter__(self)

    def __getitem__(self, key: K) -> V:
        """Return the first value of ``key``.

        :raise BadRequestKeyError: The key is missing.
        """
        if key in self:
            values = _dict_getitem(self, key)

            if values:
                return values[0]  # type: ignore[no-any-return]

        raise werkzeug_aware(BadRequestKeyError)(key)

    def __setitem__(self, key: K, value: V) -> None:
        """Make ``value`` the only value of ``key``."""
        _dict_setitem(self, key, [value])

    def add(self, key: K, value: V) -> None:
        """Append ``value`` to the values of ``key``.

        :param key: The key.
        :param value: The value to add.
        """
        _dict_setdefault(self, key, []).append(value)

    @t.overload
    def getlist(self, key: K) -> list[V]: ...
    @t.overload
    def getlist(self, key: K, type: cabc.Callable[[V], T]) -> list[T]: ...
    def getlist(
        self, key: K, type: cabc.Callable[[V], T] | None = None
    ) -> list[V] | list[T]:
        """Return a new list of every value of ``key``; ``[]`` when it is missing.

        :param key: The key.
        :param type: A callable that converts each value; values for which it
            raises :exc:`ValueError` or :exc:`TypeError` are left out.
        """
        try:
            values: list[V] = _dict_getitem(self, key)
        except KeyError:
            return []

        if type is None:
            return list(values)

        result: list[T] = []

        for value in values:
            try:
                result.append(type(value))
            except (ValueError, TypeError):
                pass

        return result

    def setlist(self, key: K, new_list: cabc.Iterable[V]) -> None:
        """Replace the values of ``key`` with those of ``new_list`` (copied).

        :param key: The key.
        :param new_list: The new values; an empty iterable leaves the key with
            no values.
        """
        _dict_setitem(self, key, list(new_list))

    @t.overload
    def setdefault(self, key: K) -> None: ...
    @t.overload
    def setdefault(self, key: K, default: V) -> V: ...
    def setdefault(self, key: K, default: V | None = None) -> V | None:
        """Return the first value of ``key``, setting it to ``default`` first
        when the key is missing.

        :param key: The key.
        :param default: The value to set when the key is missing.
        """
        if key not in self:
            self[key] = default  # type: ignore[assignment]

        return self[key]

    def setlistdefault(
        self, key: K, default_list: cabc.Iterable[V] | None = None
    ) -> list[V]:
        """Return the list of values of ``key``, setting it to the values of
        ``default_list`` first when the key is missing.

        The list returned is the one stored: appending to it adds values.

        :param key: The key.
        :param default_list: The values to set when the key is missing.
        """
        if key not in self:
            _dict_setitem(self, key, list(default_list or ()))

        return _dict_getitem(self, key)  # type: ignore[no-any-return]

    def items(  # type: ignore[override]
        self, multi: bool = False
    ) -> cabc.Iterable[tuple[K, V]]:
        """Iterate over ``(key, value)`` pairs.

        :param multi: Give a pair for every value of every key, instead of one
            pair with the first value per key.
        """
        values: list[V]

        for key, values in _dict_items(self):
            if multi:
                for value in values:
                    yield key, value
            else:
                yield key, values[0]

    def lists(self) -> cabc.Iterable[tuple[K, list[V]]]:
        """Iterate over ``(key, values)`` pairs, each ``values`` a new list."""
        values: list[V]

        for key, values in _dict_items(self):
            yield key, list(values)

    def values(self) -> cabc.Iterable[V]:  # type: ignore[override]
        """Iterate over the first value of each key."""
        values: list[V]

        for values in _dict_values(self):
            yield values[0]

    def listvalues(self) -> cabc.Iterable[list[V]]:
        """Return the lists of values, in key order (the stored lists)."""
        return _dict_values(self)  # type: ignore[no-any-return]

    def copy(self) -> te.Self:
        """Return a shallow copy (new value lists, same values)."""
        return self.__class__(self)

    def deepcopy(self, memo: t.Any = None) -> te.Self:
        """Return a deep copy.

        :param memo: The memo dict of :func:`copy.deepcopy`.
        """
        return self.__class__(_deepcopy(self.to_dict(flat=False), memo))

    @t.overload
    def to_dict(self, flat: t.Literal[True] = ...) -> dict[K, V]: ...
    @t.overload
    def to_dict(self, flat: t.Literal[False]) -> dict[K, list[V]]: ...
    def to_dict(self, flat: bool = True) -> dict[K, V] | dict[K, list[V]]:
        """Return a plain dict of the content.

        :param flat: Map each key to its first value; when False, to a new list
            of all its values.
        """
        if flat:
            return dict(self.items())

        return dict(self.lists())

    def update(  # type: ignore[override]
        self,
        mapping: (
            MultiDict[K, V]
            | cabc.Mapping[K, V | list[V] | tuple[V, ...] | set[V]]
            | cabc.Iterable[tuple[K, V]]
        ),
    ) -> None:
        """Add the values of ``mapping`` to those already there (:meth:`add`
        each pair of :func:`iter_multi_items`); no value is replaced.

        :param mapping: A MultiDict, a mapping or an iterable of pairs.
        """
        for key, value in iter_multi_items(mapping):
            self.add(key, value)

    def __or__(  # type: ignore[override]
        self, other: cabc.Mapping[K, V | list[V] | tuple[V, ...] | set[V]]
    ) -> MultiDict[K, V]:
        """A copy with the values of the mapping ``other`` added (:meth:`update`)."""
        if not isinstance(other, cabc.Mapping):
            return NotImplemented

        rv = self.copy()
        rv.update(other)
        return rv

    def __ior__(  # type: ignore[override]
        self,
        other: (
            cabc.Mapping[K, V | list[V] | tuple[V, ...] | set[V]]
            | cabc.Iterable[tuple[K, V]]
        ),
    ) -> te.Self:
        """Add the values of a mapping or an iterable of pairs (see :meth:`update`)."""
        if not isinstance(other, (cabc.Mapping, cabc.Iterable)):
            return NotImplemented

        self.update(other)
        return self

    @t.overload
    def pop(self, key: K) -> V: ...
    @t.overload
    def pop(self, key: K, default: V) -> V: ...
    @t.overload
    def pop(self, key: K, default: T) -> V | T: ...
    def pop(self, key: K, default: V | T = _missing) -> V | T:
        """Remove ``key`` and return its first value (the others are dropped).

        :param key: The key.
        :param default: Returned for a missing key; without it a missing key
            raises :exc:`~wrappers_pure.exceptions.BadRequestKeyError`.
        """
        try:
            values: list[V] = _dict_pop(self, key)
        except KeyError:
            if default is not _missing:
                return default

            raise werkzeug_aware(BadRequestKeyError)(key) from None

        if not values:
            # NOTE: a key emptied by ``setlist(key, [])`` is removed and
            # counts as missing, as in Werkzeug.
            if default is not _missing:
                return default

            raise werkzeug_aware(BadRequestKeyError)(key)

        return values[0]

    def popitem(self) -> tuple[K, V]:
        """Remove the last key and return it with its first value.

        :raise BadRequestKeyError: The dict is empty.
        """
        try:
            key, values = _dict_popitem(self)
        except KeyError as exc:
            raise werkzeug_aware(BadRequestKeyError)(exc.args[0]) from None

        if not values:
            raise werkzeug_aware(BadRequestKeyError)(key)

        return key, values[0]

    def poplist(self, key: K) -> list[V]:
        """Remove ``key`` and return its list of values; ``[]`` when it is missing.

        :param key: The key.
        """
        return _dict_pop(self, key, [])  # type: ignore[no-any-return]

    def popitemlist(self) -> tuple[K, list[V]]:
        """Remove the last key and return it with its list of values.

        :raise BadRequestKeyError: The dict is empty.
        """
        try:
            return _dict_popitem(self)  # type: ignore[no-any-return]
        except KeyError as exc:
            raise werkzeug_aware(BadRequestKeyError)(exc.args[0]) from None

    def __copy__(self) -> te.Self:
        """The same as :meth:`copy`."""
        return self.copy()

    def __deepcopy__(self, memo: t.Any) -> te.Self:
        """The same as :meth:`deepcopy`."""
        return self.deepcopy(memo=memo)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self.items(multi=True))!r})"


class ImmutableMultiDict(  # type: ignore[misc]
    ImmutableMultiDictMixin[K, V], MultiDict[K, V]
):
    """A read-only, hashable :class:`MultiDict`.

    Every method that would change it raises :exc:`TypeError`.
    """

    def copy(self) -> MultiDict[K, V]:  # type: ignore[override]
        """Return a mutable :class:`MultiDict` with the same content.

        (:func:`copy.copy` returns the object itself, as for any immutable.)
        """
        return MultiDict(self)

    def __copy__(self) -> te.Self:
        """Return the object itself: it cannot change."""
        return self


class ImmutableDict(ImmutableDictMixin[K, V], dict[K, V]):  # type: ignore[misc]
    """A read-only, hashable :class:`dict`.

    Every method that would change it raises :exc:`TypeError`.
    """

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict.__repr__(self)})"

    def copy(self) -> dict[K, V]:
        """Return a plain, mutable :class:`dict` with the same content.

        (:func:`copy.copy` returns the object itself, as for any immutable.)
        """
        return dict(self)

    def __copy__(self) -> te.Self:
        """Return the object itself: it cannot change."""
        return self


class CallbackDict(UpdateDictMixin[K, V], dict[K, V]):
    """A :class:`dict` that calls ``on_update(self)`` after every change.

    :param initial: Initial content: a mapping or an iterable of pairs. Setting
        it calls nothing.
    :param on_update: Called with the dict after each change.
    """

    def __init__(
        self,
        initial: cabc.Mapping[K, V] | cabc.Iterable[tuple[K, V]] | None = None,
        on_update: cabc.Callable[[te.Self], None] | None = None,
    ) -> None:
        if initial is None:
            super().__init__()
        else:
            super().__init__(initial)

        self.on_update = on_update

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {dict.__repr__(self)}>"


class HeaderSet(cabc.MutableSet[str]):
    """An ordered set of header tokens whose membership ignores case.

    It holds the items of ``Vary``, ``Allow``, ``Content-Language`` and similar
    headers. Items keep the case and order they were added with; ``in`` and
    :meth:`add` compare lower-cased. Every change calls ``on_update(self)``.

    :param headers: Initial items, added as given (duplicates included).
    :param on_update: Called with the set after each change.
    """

    def __init__(
        self,
        headers: cabc.Iterable[str] | None = None,
        on_update: cabc.Callable[[te.Self], None] | None = None,
    ) -> None:
        self._headers = list(headers or ())
        self._set = {item.lower() for item in self._headers}
        self.on_update = on_update

    def _changed(self) -> None:
        """Call :attr:`on_update`, if set."""
        if self.on_update is not None:
            self.on_update(self)  # type: ignore[arg-type]

    def add(self, header: str) -> None:
        """Add an item unless an item equal to it ignoring case is there.

        :param header: The item.
        """
        self.update((header,))

    def remove(self, header: str) -> None:
        """Remove an item; :exc:`KeyError` when there is none equal to it
        ignoring case.

        :param header: The item.
        """
        key = header.lower()

        if key not in self._set:
            raise KeyError(header)

        self._set.remove(key)

        # NOTE: as in Werkzeug 3.1, the stored items are compared lower-cased
        # with ``header`` as given, so an item given with capitals leaves its
        # entry in the ordered list (Werkzeug's known bug; kept for parity).
        for idx, item in enumerate(self._headers):
            if item.lower() == header:
                del self._headers[idx]
                break

        self._changed()

    def update(self, iterable: cabc.Iterable[str]) -> None:
        """Add every item of ``iterable`` that is not there yet (ignoring case).

        ``on_update`` is called once, and only when an item was added.

        :param iterable: The items.
        """
        added = False

        for header in iterable:
            key = header.lower()

            if key not in self._set:
                self._headers.append(header)
                self._set.add(key)
                added = True

        if added:
            self._changed()

    def discard(self, header: str) -> None:
        """Remove an item if it is there (see :meth:`remove`); no error otherwise.

        :param header: The item.
        """
        try:
            self.remove(header)
        except KeyError:
            pass

    def find(self, header: str) -> int:
        """Return the position of an item (ignoring case), or ``-1``.

        :param header: The item.
        """
        key = header.lower()

        for idx, item in enumerate(self._headers):
            if item.lower() == key:
                return idx

        return -1

    def index(self, header: str) -> int:
        """Return the position of an item (ignoring case); :exc:`IndexError`
        when it is not there.

        :param header: The item.
        """
        rv = self.find(header)

        if rv < 0:
            raise IndexError(header)

        return rv

    def clear(self) -> None:
        """Remove every item (``on_update`` is called even when it was empty)."""
        self._set.clear()
        self._headers.clear()
        self._changed()

    def as_set(self, preserve_casing: bool = False) -> set[str]:
        """Return the items as a new, unordered :class:`set`.

        :param preserve_casing: Keep the items' case; else they are lower-cased.
        """
        if preserve_casing:
            return set(self._headers)

        return set(self._set)

    def to_header(self) -> str:
        """Return the header value: the items, quoted where needed, joined
        by ``", "``."""

        return ", ".join([quote_header_value(item) for item in self._headers])

    def __getitem__(self, idx: t.SupportsIndex) -> str:
        """Return the item at a position."""
        return self._headers[idx]

    def __delitem__(self, idx: t.SupportsIndex) -> None:
        """Remove the item at a position."""
        item = self._headers.pop(idx)
        self._set.remove(item.lower())
        self._changed()

    def __setitem__(self, idx: t.SupportsIndex, value: str) -> None:
        """Replace the item at a position (no check for duplicates, as in Werkzeug)."""
        old = self._headers[idx]
        self._set.remove(old.lower())
        self._headers[idx] = value
        self._set.add(value.lower())
        self._changed()

    def __contains__(self, header: str) -> bool:  # type: ignore[override]
        """Whether an item equal to ``header`` ignoring case is there."""
        return header.lower() in self._set

    def __len__(self) -> int:
        """The number of distinct items (ignoring case)."""
        return len(self._set)

    def __iter__(self) -> cabc.Iterator[str]:
        """Iterate over the items in order, with their case."""
        return iter(self._headers)

    def __bool__(self) -> bool:
        """Whether there is an item."""
        return bool(self._set)

    def __str__(self) -> str:
        """The same as :meth:`to_header`."""
        return self.to_header()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._headers!r})"


__all__ = [
    "CallbackDict",
    "HeaderSet",
    "ImmutableDict",
    "ImmutableList",
    "ImmutableMultiDict",
    "ImmutableTypeConversionDict",
    "MultiDict",
    "TypeConversionDict",
    "iter_multi_items",
]
