"""The response-side data structures (pure; both twins use these classes).

Behaviour is Werkzeug 3.1's ``werkzeug.datastructures``: the multi-dicts
(:class:`MultiDict`, :class:`ImmutableMultiDict`), the dicts and sets that
report every change through an ``on_update`` callback (:class:`CallbackDict`,
:class:`HeaderSet`, the cache-control and CSP dicts, :class:`ContentRange`,
:class:`WWWAuthenticate`) and the parsed forms of conditional and range headers
(:class:`ETags`, :class:`Range`, :class:`IfRange`).

Import rule (no cycles): this module imports only the standard library and
:mod:`wrappers_pure.exceptions` at the top. The header-value functions of
:mod:`wrappers_pure._values` and :mod:`wrappers_pure.http`, which import this
module, are imported inside the methods that need them.

NOTE: there is no compiled twin of this module; ``wrappers.datastructures``
re-exports these classes, so both twins share them (and their pickles).
"""

from __future__ import annotations

import collections.abc as cabc
import typing as t
from copy import deepcopy as _deepcopy
from itertools import repeat

from wrappers_pure.exceptions import BadRequestKeyError

if t.TYPE_CHECKING:  # pragma: no cover
    from datetime import datetime

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


class _Missing:
    """The type of :data:`_missing`, the "no default given" marker of ``pop``."""

    def __repr__(self) -> str:
        return "no value"

    def __reduce__(self) -> str:
        return "_missing"


#: Marks "no default given" in ``pop``.
_missing: t.Any = _Missing()


def _immutable_error(obj: object) -> t.NoReturn:
    """Raise the :exc:`TypeError` of an attempt to change an immutable object."""
    raise TypeError(f"{type(obj).__name__!r} objects are immutable")


def is_byte_range_valid(
    start: int | None, stop: int | None, length: int | None
) -> bool:
    """Whether ``start``, ``stop`` and ``length`` make a valid byte range.

    ``start`` and ``stop`` are both None (a range of unknown position, valid
    when ``length`` is None or not negative) or both integers with
    ``0 <= start < stop``; with a ``length``, ``start`` must also be below it.

    :param start: The first byte, or None.
    :param stop: One past the last byte, or None.
    :param length: The length of the whole representation, or None.
    """
    if start is None or stop is None:
        if start is not stop:
            return False

        return length is None or length >= 0

    if length is None:
        return 0 <= start < stop

    if start >= stop:
        return False

    return 0 <= start < length


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


# -- mixins ------------------------------------------------------------------


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


# -- multi-dicts -------------------------------------------------------------


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
            for key, values in _dict_items(mapping):
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

        raise BadRequestKeyError(key)

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

            raise BadRequestKeyError(key) from None

        if not values:
            # NOTE: a key emptied by ``setlist(key, [])`` is removed and
            # counts as missing, as in Werkzeug.
            if default is not _missing:
                return default

            raise BadRequestKeyError(key)

        return values[0]

    def popitem(self) -> tuple[K, V]:
        """Remove the last key and return it with its first value.

        :raise BadRequestKeyError: The dict is empty.
        """
        try:
            key, values = _dict_popitem(self)
        except KeyError as exc:
            raise BadRequestKeyError(exc.args[0]) from None

        if not values:
            raise BadRequestKeyError(key)

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
            raise BadRequestKeyError(exc.args[0]) from None

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


# -- callback structures -----------------------------------------------------


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
        from wrappers_pure._values import quote_header_value

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


# -- conditional and range headers -------------------------------------------


class ETags(cabc.Collection[str]):
    """The entity tags of an ``If-Match`` or ``If-None-Match`` header.

    Tags are stored unquoted. ``in``, :func:`len` and iteration see the strong
    tags only; :meth:`contains_weak` sees the weak ones too. The star tag
    (``*``) matches every tag.

    :param strong_etags: The strong tags (ignored with ``star_tag``).
    :param weak_etags: The weak tags.
    :param star_tag: Whether the header was ``*``.
    """

    def __init__(
        self,
        strong_etags: cabc.Iterable[str] | None = None,
        weak_etags: cabc.Iterable[str] | None = None,
        star_tag: bool = False,
    ):
        if not star_tag and strong_etags:
            self._strong = frozenset(strong_etags)
        else:
            self._strong = frozenset()

        self._weak = frozenset(weak_etags or ())
        self.star_tag = star_tag

    def as_set(self, include_weak: bool = False) -> set[str]:
        """Return the strong tags as a new :class:`set`.

        :param include_weak: Include the weak tags too.
        """
        rv = set(self._strong)

        if include_weak:
            rv.update(self._weak)

        return rv

    def is_weak(self, etag: str) -> bool:
        """Whether ``etag`` (unquoted) is one of the weak tags.

        :param etag: The tag.
        """
        return etag in self._weak

    def is_strong(self, etag: str) -> bool:
        """Whether ``etag`` (unquoted) is one of the strong tags.

        :param etag: The tag.
        """
        return etag in self._strong

    def contains_weak(self, etag: str) -> bool:
        """Whether ``etag`` (unquoted) matches a weak tag, a strong tag or the star.

        :param etag: The tag.
        """
        return self.is_weak(etag) or self.contains(etag)

    def contains(self, etag: str) -> bool:
        """Whether ``etag`` (unquoted) matches a strong tag or the star; the
        same as ``etag in tags``.

        :param etag: The tag.
        """
        if self.star_tag:
            return True

        return self.is_strong(etag)

    def contains_raw(self, etag: str) -> bool:
        """Whether a quoted tag matches: a weak one (``W/"..."``) by
        :meth:`contains_weak`, a strong one by :meth:`contains`.

        :param etag: The tag as it appears in a header.
        """
        from wrappers_pure._values import unquote_etag

        tag, weak = unquote_etag(etag)

        if weak:
            return self.contains_weak(tag)

        return self.contains(tag)

    def to_header(self) -> str:
        """Return the header value: ``*``, or the strong tags quoted then the
        weak ones as ``W/"..."``, joined by ``", "``."""
        if self.star_tag:
            return "*"

        parts = [f'"{tag}"' for tag in self._strong]

        for tag in self._weak:
            parts.append(f'W/"{tag}"')

        return ", ".join(parts)

    def __call__(
        self,
        etag: str | None = None,
        data: bytes | None = None,
        include_weak: bool = False,
    ) -> bool:
        """Whether a tag, or the tag of ``data``, is one of the strong tags
        (or weak ones, with ``include_weak``). The star tag is not consulted.

        :param etag: The unquoted tag.
        :param data: The body to compute the tag of when ``etag`` is None;
            :exc:`TypeError` when both are None.
        :param include_weak: Match weak tags too.
        """
        if etag is None:
            if data is None:
                raise TypeError("'data' is required when 'etag' is not given.")

            from wrappers_pure._values import generate_etag

            etag = generate_etag(data)

        if include_weak and etag in self._weak:
            return True

        return etag in self._strong

    def __bool__(self) -> bool:
        """Whether there is a tag or the star."""
        return bool(self.star_tag or self._strong or self._weak)

    def __str__(self) -> str:
        """The same as :meth:`to_header`."""
        return self.to_header()

    def __len__(self) -> int:
        """The number of strong tags."""
        return len(self._strong)

    def __iter__(self) -> cabc.Iterator[str]:
        """Iterate over the strong tags."""
        return iter(self._strong)

    def __contains__(self, etag: str) -> bool:  # type: ignore[override]
        """The same as :meth:`contains`."""
        return self.contains(etag)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {str(self)!r}>"


class IfRange:
    """The ``If-Range`` header: an entity tag, a date, or neither (never both).

    :param etag: The unquoted tag.
    :param date: The date.
    """

    def __init__(self, etag: str | None = None, date: datetime | None = None):
        #: The unquoted entity tag, or None.
        self.etag = etag
        #: The date, or None.
        self.date = date

    def to_header(self) -> str:
        """Return the header value: the HTTP date, else the quoted tag, else ``""``."""
        if self.date is not None:
            from wrappers_pure.http import http_date

            return http_date(self.date)

        if self.etag is not None:
            from wrappers_pure._values import quote_etag

            return quote_etag(self.etag)

        return ""

    def __str__(self) -> str:
        """The same as :meth:`to_header`."""
        return self.to_header()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {str(self)!r}>"


class Range:
    """The ``Range`` header: a unit and a list of ranges.

    Each range is a ``(start, stop)`` pair with ``stop`` exclusive; ``stop`` is
    None for an open range (``start-``) or a suffix (negative ``start``). The
    methods that compute the part to send work only for one ``bytes`` range.

    :param units: The unit, normally ``"bytes"``.
    :param ranges: The ``(start, stop)`` pairs.
    :raise ValueError: A range has no start, or a stop with a negative start or
        a start not below it.
    """

    def __init__(
        self, units: str, ranges: cabc.Sequence[tuple[int, int | None]]
    ) -> None:
        #: The unit, normally ``"bytes"``.
        self.units = units
        #: The ``(start, stop)`` pairs, ``stop`` exclusive or None.
        self.ranges = ranges

        for start, stop in ranges:
            if start is None or (stop is not None and (start < 0 or start >= stop)):
                raise ValueError(f"{(start, stop)} is not a valid range.")

    def range_for_length(self, length: int | None) -> tuple[int, int] | None:
        """Return the ``(start, stop)`` to send out of ``length`` bytes, or None
        when the unit is not bytes, the length is unknown, there is not exactly
        one range, or it cannot be satisfied.

        :param length: The length of the full body.
        """
        if self.units != "bytes" or length is None or len(self.ranges) != 1:
            return None

        start, stop = self.ranges[0]

        if stop is None:
            stop = length

            if start < 0:
                start += length

        if is_byte_range_valid(start, stop, length):
            return start, min(stop, length)

        return None

    def make_content_range(self, length: int | None) -> ContentRange | None:
        """Return the :class:`ContentRange` that answers this range for
        ``length`` bytes, or None (see :meth:`range_for_length`).

        :param length: The length of the full body.
        """
        rng = self.range_for_length(length)

        if rng is None:
            return None

        return ContentRange(self.units, rng[0], rng[1], length)

    def to_header(self) -> str:
        """Return the header value, such as ``bytes=0-499,-500``."""
        parts = []

        for start, stop in self.ranges:
            if stop is not None:
                parts.append(f"{start}-{stop - 1}")
            elif start >= 0:
                parts.append(f"{start}-")
            else:
                parts.append(str(start))

        return f"{self.units}={','.join(parts)}"

    def to_content_range_header(self, length: int | None) -> str | None:
        """Return the ``Content-Range`` value that answers this range for
        ``length`` bytes, or None (see :meth:`range_for_length`).

        :param length: The length of the full body.
        """
        rng = self.range_for_length(length)

        if rng is None:
            return None

        return f"{self.units} {rng[0]}-{rng[1] - 1}/{length}"

    def __str__(self) -> str:
        """The same as :meth:`to_header`."""
        return self.to_header()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {str(self)!r}>"


class _CallbackProperty(t.Generic[T]):
    """A :class:`ContentRange` field: stored as ``_name``; setting it calls
    the object's ``on_update``."""

    def __set_name__(self, owner: type[ContentRange], name: str) -> None:
        self.attr = f"_{name}"

    @t.overload
    def __get__(self, instance: None, owner: None) -> te.Self: ...
    @t.overload
    def __get__(self, instance: ContentRange, owner: type[ContentRange]) -> T: ...
    def __get__(
        self, instance: ContentRange | None, owner: type[ContentRange] | None
    ) -> te.Self | T:
        if instance is None:
            return self

        return instance.__dict__[self.attr]  # type: ignore[no-any-return]

    def __set__(self, instance: ContentRange, value: T) -> None:
        instance.__dict__[self.attr] = value

        if instance.on_update is not None:
            instance.on_update(instance)


class ContentRange:
    """The ``Content-Range`` header.

    Setting a field, :meth:`set` or :meth:`unset` (and the constructor) call
    ``on_update(self)``.

    :param units: The unit, normally ``"bytes"``; None means "no header".
    :param start: The first byte, or None (``*``, with ``stop`` None too).
    :param stop: One past the last byte, or None.
    :param length: The full length, or None (``*``).
    :param on_update: Called with the object after each change.
    :raise AssertionError: The range is not valid (see :func:`is_byte_range_valid`).
    """

    def __init__(
        self,
        units: str | None,
        start: int | None,
        stop: int | None,
        length: int | None = None,
        on_update: cabc.Callable[[ContentRange], None] | None = None,
    ) -> None:
        self.on_update = on_update
        self.set(start, stop, length, units)

    #: The unit, normally ``"bytes"``; None when the header is unset.
    units: str | None = _CallbackProperty()  # type: ignore[assignment]
    #: The first byte, or None.
    start: int | None = _CallbackProperty()  # type: ignore[assignment]
    #: One past the last byte, or None (only when ``start`` is None too).
    stop: int | None = _CallbackProperty()  # type: ignore[assignment]
    #: The full length, or None.
    length: int | None = _CallbackProperty()  # type: ignore[assignment]

    def set(
        self,
        start: int | None,
        stop: int | None,
        length: int | None = None,
        units: str | None = "bytes",
    ) -> None:
        """Set every field at once, then call ``on_update``.

        :param start: The first byte, or None.
        :param stop: One past the last byte, or None.
        :param length: The full length, or None.
        :param units: The unit.
        :raise AssertionError: The range is not valid.
        """
        # NOTE: Werkzeug checks with ``assert`` (so not under ``python -O``);
        # this check runs always and raises the same type.
        if not is_byte_range_valid(start, stop, length):
            raise AssertionError("Bad range provided")

        self._units: str | None = units
        self._start: int | None = start
        self._stop: int | None = stop
        self._length: int | None = length

        if self.on_update is not None:
            self.on_update(self)

    def unset(self) -> None:
        """Clear every field, the unit included: the header is to be removed."""
        self.set(None, None, units=None)

    def to_header(self) -> str:
        """Return the header value, such as ``bytes 0-499/1234``; ``""`` when
        the unit is None."""
        if self._units is None:
            return ""

        length = "*" if self._length is None else self._length

        if self._start is None:
            return f"{self._units} */{length}"

        stop = self._stop - 1  # type: ignore[operator]
        return f"{self._units} {self._start}-{stop}/{length}"

    def __bool__(self) -> bool:
        """Whether the unit is set."""
        return self._units is not None

    def __str__(self) -> str:
        """The same as :meth:`to_header`."""
        return self.to_header()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {str(self)!r}>"


# -- Cache-Control -----------------------------------------------------------


def cache_control_property(
    key: str, empty: t.Any, type: type[t.Any] | None, *, doc: str | None = None
) -> t.Any:
    """Return a property for the cache-control directive ``key``, for use in
    a :class:`_CacheControl` subclass.

    :param key: The directive, as in the header (``"max-age"``).
    :param empty: What the property gives when the directive has no value.
    :param type: :class:`bool` for a directive that is present or not; a
        callable such as :class:`int` that converts the value (a
        :exc:`ValueError` from it gives None); None for a string.
    :param doc: The property's docstring; made from the other arguments when
        not given.
    """
    if doc is None:
        if type is bool:
            doc = f"The ``{key}`` directive: ``True`` if present, else ``False``."
        else:
            kind = "str" if type is None else type.__name__
            doc = f"The ``{key}`` directive: a ``{kind}``"

            if empty is not None:
                doc += f", ``{empty!r}`` when present without a value"

            doc += ", or ``None`` when absent."
    else:
        from inspect import cleandoc

        doc = cleandoc(doc)

    def fget(self: _CacheControl) -> t.Any:
        return self._get_cache_value(key, empty, type)

    def fset(self: _CacheControl, value: t.Any) -> None:
        self._set_cache_value(key, value, type)

    def fdel(self: _CacheControl) -> None:
        self._del_cache_value(key)

    return property(fget, fset, fdel, doc=doc)


class _CacheControl(CallbackDict[str, t.Optional[str]]):
    """A dict of ``Cache-Control`` directives, with a property per directive.

    Keys are directive names as in the header (``"max-age"``); values are
    strings, or None for a directive without a value. The properties use
    ``_`` for ``-`` (``max_age``). Setting a property converts the value: a
    boolean directive is added for a true value and removed for a false one;
    another directive is removed for None or False, set without a value for
    True, and else set to ``str(type(value))`` (so ``max_age = "abc"`` raises
    :exc:`ValueError`). Every change calls ``on_update``.

    :param values: Initial directives; None marks the header as not provided.
    :param on_update: Called with the object after each change.
    """

    no_store: bool = cache_control_property("no-store", None, bool)
    max_age: int | None = cache_control_property("max-age", None, int)
    no_transform: bool = cache_control_property("no-transform", None, bool)
    stale_if_error: int | None = cache_control_property("stale-if-error", None, int)

    def __init__(
        self,
        values: cabc.Mapping[str, t.Any] | cabc.Iterable[tuple[str, t.Any]] | None = (),
        on_update: cabc.Callable[[_CacheControl], None] | None = None,
    ):
        super().__init__(values, on_update)
        #: Whether the header was there (False when ``values`` was None).
        self.provided = values is not None

    def _get_cache_value(self, key: str, empty: t.Any, type: t.Any) -> t.Any:
        """The value of a directive for its property (see
        :func:`cache_control_property`)."""
        if type is bool:
            return key in self

        if key not in self:
            return None

        value = self[key]

        if value is None:
            return empty

        if type is not None:
            try:
                return type(value)
            except ValueError:
                return None

        return value

    def _set_cache_value(self, key: str, value: t.Any, type: t.Any) -> None:
        """Store a directive set through its property (see the class docstring)."""
        if type is bool:
            if value:
                self[key] = None
            else:
                self.pop(key, None)
        elif value is None or value is False:
            self.pop(key, None)
        elif value is True:
            self[key] = None
        else:
            if type is not None:
                value = type(value)

            self[key] = str(value)

    def _del_cache_value(self, key: str) -> None:
        """Remove a directive deleted through its property (no error if absent)."""
        if key in self:
            del self[key]

    def to_header(self) -> str:
        """Return the header value: the directives joined by ``", "``, values
        quoted where needed."""
        from wrappers_pure._values import dump_header

        return dump_header(self)

    def __str__(self) -> str:
        """The same as :meth:`to_header`."""
        return self.to_header()

    def __repr__(self) -> str:
        kv_str = " ".join([f"{k}={v!r}" for k, v in sorted(self.items())])
        return f"<{type(self).__name__} {kv_str}>"

    #: :func:`cache_control_property`, for subclasses that add directives.
    cache_property = staticmethod(cache_control_property)


class RequestCacheControl(  # type: ignore[misc]
    ImmutableDictMixin[str, t.Optional[str]], _CacheControl
):
    """The ``Cache-Control`` directives of a request: read-only.

    It has the request directives' properties; setting one raises
    :exc:`TypeError` (after converting the value, so ``max_age = "abc"``
    raises :exc:`ValueError` first).
    """

    no_cache: bool = cache_control_property("no-cache", None, bool)
    max_stale: int | t.Literal[True] | None = cache_control_property(
        "max-stale", True, int
    )
    min_fresh: int | None = cache_control_property("min-fresh", None, int)
    only_if_cached: bool = cache_control_property("only-if-cached", None, bool)


class ResponseCacheControl(_CacheControl):
    """The ``Cache-Control`` directives of a response: mutable, with the
    response directives' properties.

    ``no_cache`` and ``private`` are True when present without a value and
    may hold field names (``no_cache = "Set-Cookie"``).
    """

    no_cache: str | t.Literal[True] | None = cache_control_property(
        "no-cache", True, None
    )
    public: bool = cache_control_property("public", None, bool)
    private: str | t.Literal[True] | None = cache_control_property(
        "private", True, None
    )
    must_revalidate: bool = cache_control_property("must-revalidate", None, bool)
    proxy_revalidate: bool = cache_control_property("proxy-revalidate", None, bool)
    s_maxage: int | None = cache_control_property("s-maxage", None, int)
    immutable: bool = cache_control_property("immutable", None, bool)
    must_understand: bool = cache_control_property("must-understand", None, bool)
    stale_while_revalidate: int | None = cache_control_property(
        "stale-while-revalidate", None, int
    )


# -- Content-Security-Policy -------------------------------------------------


def csp_property(key: str) -> t.Any:
    """Return a property for the CSP directive ``key``, for use in a
    :class:`ContentSecurityPolicy` subclass.

    :param key: The directive, as in the header (``"script-src"``).
    """

    def fget(self: ContentSecurityPolicy) -> str | None:
        return self._get_value(key)

    def fset(self: ContentSecurityPolicy, value: str | None) -> None:
        self._set_value(key, value)

    def fdel(self: ContentSecurityPolicy) -> None:
        self._del_value(key)

    return property(fget, fset, fdel, f"The {key!r} directive, or ``None``.")


class ContentSecurityPolicy(CallbackDict[str, str]):
    """A dict of ``Content-Security-Policy`` directives, with a property per
    CSP level 3 directive (``_`` for ``-``: ``script_src``).

    Setting a property to None removes the directive; every change calls
    ``on_update``.

    :param values: Initial directives; None marks the header as not provided.
    :param on_update: Called with the object after each change.
    """

    base_uri: str | None = csp_property("base-uri")
    child_src: str | None = csp_property("child-src")
    connect_src: str | None = csp_property("connect-src")
    default_src: str | None = csp_property("default-src")
    font_src: str | None = csp_property("font-src")
    form_action: str | None = csp_property("form-action")
    frame_ancestors: str | None = csp_property("frame-ancestors")
    frame_src: str | None = csp_property("frame-src")
    img_src: str | None = csp_property("img-src")
    manifest_src: str | None = csp_property("manifest-src")
    media_src: str | None = csp_property("media-src")
    navigate_to: str | None = csp_property("navigate-to")
    object_src: str | None = csp_property("object-src")
    prefetch_src: str | None = csp_property("prefetch-src")
    plugin_types: str | None = csp_property("plugin-types")
    report_to: str | None = csp_property("report-to")
    report_uri: str | None = csp_property("report-uri")
    sandbox: str | None = csp_property("sandbox")
    script_src: str | None = csp_property("script-src")
    script_src_attr: str | None = csp_property("script-src-attr")
    script_src_elem: str | None = csp_property("script-src-elem")
    style_src: str | None = csp_property("style-src")
    style_src_attr: str | None = csp_property("style-src-attr")
    style_src_elem: str | None = csp_property("style-src-elem")
    worker_src: str | None = csp_property("worker-src")

    def __init__(
        self,
        values: cabc.Mapping[str, str] | cabc.Iterable[tuple[str, str]] | None = (),
        on_update: cabc.Callable[[ContentSecurityPolicy], None] | None = None,
    ) -> None:
        super().__init__(values, on_update)
        #: Whether the header was there (False when ``values`` was None).
        self.provided = values is not None

    def _get_value(self, key: str) -> str | None:
        """The value of a directive for its property."""
        return self.get(key)

    def _set_value(self, key: str, value: str | None) -> None:
        """Store a directive set through its property (None removes it)."""
        if value is None:
            self.pop(key, None)
        else:
            self[key] = value

    def _del_value(self, key: str) -> None:
        """Remove a directive deleted through its property (no error if absent)."""
        if key in self:
            del self[key]

    def to_header(self) -> str:
        """Return the header value: ``directive value`` parts joined by ``"; "``."""
        from wrappers_pure._values import dump_csp_header

        return dump_csp_header(self)

    def __str__(self) -> str:
        """The same as :meth:`to_header`."""
        return self.to_header()

    def __repr__(self) -> str:
        kv_str = " ".join([f"{k}={v!r}" for k, v in sorted(self.items())])
        return f"<{type(self).__name__} {kv_str}>"


# -- WWW-Authenticate --------------------------------------------------------

#: The instance attributes of :class:`WWWAuthenticate`; every other attribute
#: name is a parameter.
_WWW_AUTH_SLOTS: t.Final = frozenset(("_type", "_parameters", "_token", "_on_update"))

#: Digest parameters that are always quoted, even when they are tokens.
_DIGEST_QUOTED: t.Final = frozenset(("realm", "domain", "nonce", "opaque", "qop"))


class WWWAuthenticate:
    """The parts of a ``WWW-Authenticate`` header: a scheme and either
    parameters or a token.

    ``auth["key"]`` and ``auth.key`` get (None when missing), set (None
    removes) and delete parameters; ``auth.get("key")`` and ``"key" in auth``
    too. As in Werkzeug, *every* attribute assignment other than the private
    fields sets a parameter (``auth.type = "x"`` sets the parameter ``type``),
    and a missing attribute reads as None. Changes call the ``on_update``
    hook a response attaches.

    :param auth_type: The scheme (stored lower-cased), such as ``"basic"``.
    :param values: The parameters.
    :param token: The token, for schemes such as ``Bearer``.
    """

    def __init__(
        self,
        auth_type: str,
        values: dict[str, str | None] | None = None,
        token: str | None = None,
    ):
        self._type = auth_type.lower()
        self._parameters: dict[str, str | None] = CallbackDict(
            values, self._parameters_changed
        )
        self._token = token
        self._on_update: cabc.Callable[[WWWAuthenticate], None] | None = None

    def _trigger_on_update(self) -> None:
        """Call the ``on_update`` hook, if set."""
        if self._on_update is not None:
            self._on_update(self)

    def _parameters_changed(self, parameters: t.Any) -> None:
        """The ``on_update`` of the parameters dict."""
        self._trigger_on_update()

    @property
    def type(self) -> str:
        """The scheme, lower-cased: ``basic``, ``digest``, ``bearer``, ..."""
        return self._type

    @type.setter
    def type(self, value: str) -> None:
        self._type = value
        self._trigger_on_update()

    @property
    def parameters(self) -> dict[str, str | None]:
        """The parameters (a dict whose changes update the header). Set either
        these or :attr:`token`."""
        return self._parameters

    @parameters.setter
    def parameters(self, value: dict[str, str]) -> None:
        self._parameters = CallbackDict(value, self._parameters_changed)
        self._trigger_on_update()

    @property
    def token(self) -> str | None:
        """The token, for schemes that send one instead of parameters."""
        return self._token

    @token.setter
    def token(self, value: str | None) -> None:
        self._token = value
        self._trigger_on_update()

    def __getitem__(self, key: str) -> str | None:
        """Return a parameter, or None."""
        return self.parameters.get(key)

    def __setitem__(self, key: str, value: str | None) -> None:
        """Set a parameter; None removes it."""
        if value is None:
            if key in self.parameters:
                del self.parameters[key]
        else:
            self.parameters[key] = value

        self._trigger_on_update()

    def __delitem__(self, key: str) -> None:
        """Remove a parameter (no error if absent)."""
        if key in self.parameters:
            del self.parameters[key]
            self._trigger_on_update()

    def __getattr__(self, name: str) -> str | None:
        """Return a parameter, or None."""
        # NOTE: an instance whose fields are not set yet (during unpickling or
        # copying) has no parameters; looking them up would recurse.
        if name in _WWW_AUTH_SLOTS:
            raise AttributeError(name)

        return self[name]

    def __setattr__(self, name: str, value: str | None) -> None:
        """Set a private field, or else a parameter (see the class docstring)."""
        if name in _WWW_AUTH_SLOTS:
            object.__setattr__(self, name, value)
        else:
            self[name] = value

    def __delattr__(self, name: str) -> None:
        """Remove a parameter (no error if absent)."""
        del self[name]

    def __contains__(self, key: str) -> bool:
        """Whether a parameter is set."""
        return key in self.parameters

    def __eq__(self, other: object) -> bool:
        """Equal to another WWWAuthenticate with the same scheme, token and
        parameters."""
        if not isinstance(other, WWWAuthenticate):
            return NotImplemented

        return (
            other.type == self.type
            and other.token == self.token
            and other.parameters == self.parameters
        )

    __hash__ = None  # type: ignore[assignment]

    def get(self, key: str, default: str | None = None) -> str | None:
        """Return a parameter, or ``default``.

        :param key: The parameter.
        :param default: Returned when it is not set.
        """
        return self.parameters.get(key, default)

    @classmethod
    def from_header(cls, value: str | None) -> te.Self | None:
        """Parse a ``WWW-Authenticate`` value; None for an empty or missing one.

        After the scheme comes a token, or parameters when there is an ``=``
        that is not trailing.

        :param value: The header value.
        """
        if not value:
            return None

        scheme, _, rest = value.partition(" ")
        rest = rest.strip(" \t")

        if "=" in rest.rstrip("="):
            from wrappers_pure._values import parse_dict_header

            return cls(scheme.lower(), parse_dict_header(rest), None)

        return cls(scheme.lower(), None, rest)

    def to_header(self) -> str:
        """Return the header value: the title-cased scheme and the token or
        the parameters. Digest's ``realm``, ``domain``, ``nonce``, ``opaque``
        and ``qop`` are always quoted."""
        from wrappers_pure._values import dump_header
        from wrappers_pure._values import quote_header_value

        if self.token is not None:
            return f"{self.type.title()} {self.token}"

        if not self.parameters:
            return self.type.title()

        if self.type == "digest":
            parts = []

            for key, value in self.parameters.items():
                allow_token = key not in _DIGEST_QUOTED
                quoted = quote_header_value(value, allow_token=allow_token)
                parts.append(f"{key}={quoted}")

            return f"Digest {', '.join(parts)}"

        return f"{self.type.title()} {dump_header(self.parameters)}"

    def __reduce__(self) -> tuple[t.Any, ...]:
        """Pickle and copy support: the scheme, the parameters and the token.

        (Werkzeug's objects can be neither pickled nor copied; the ``on_update``
        hook is not carried over.)
        """
        # NOTE: the scheme is also passed as state: the constructor lower-cases
        # it, the ``type`` property's setter does not.
        return (
            self.__class__,
            (self._type, dict(self._parameters), self._token),
            self._type,
        )

    def __setstate__(self, state: str) -> None:
        """Restore the scheme exactly as it was (see :meth:`__reduce__`)."""
        object.__setattr__(self, "_type", state)

    def __str__(self) -> str:
        """The same as :meth:`to_header`."""
        return self.to_header()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.to_header()}>"


__all__ = [
    "CallbackDict",
    "ContentRange",
    "ContentSecurityPolicy",
    "ETags",
    "HeaderSet",
    "IfRange",
    "ImmutableDictMixin",
    "ImmutableMultiDict",
    "ImmutableMultiDictMixin",
    "MultiDict",
    "Range",
    "RequestCacheControl",
    "ResponseCacheControl",
    "TypeConversionDict",
    "UpdateDictMixin",
    "WWWAuthenticate",
    "cache_control_property",
    "csp_property",
    "is_byte_range_valid",
    "iter_multi_items",
]
