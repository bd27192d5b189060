"""The :class:`Headers` data structure and :class:`EnvironHeaders`, its
read-only view of a WSGI environ (pure twin of ``wrappers/_headers.pyx``).

Behaviour is Werkzeug 3.1's ``werkzeug.datastructures.Headers``, with one
deliberate difference: header *names* are checked too. A name must be a
:class:`str` (else :exc:`TypeError`) and must not contain CR, LF, NUL or any
other C0 control character or DEL (else :exc:`ValueError`), because such a name
would split or smuggle a header on the wire. Values are checked as Werkzeug
checks them: ``\\r`` or ``\\n`` raise :exc:`ValueError`.

NOTE: the compiled twin follows this module line for line; a change here is a
change there, and ``tests/`` runs every behaviour on both.
"""

from __future__ import annotations

import collections.abc as cabc
import copyreg
import typing as t

from wrappers_pure._internal import MULTI_VALUE
from wrappers_pure._internal import WSGIEnvironment
from wrappers_pure._internal import NEWLINE_IN_VALUE
from wrappers_pure._internal import _missing
from wrappers_pure._internal import check_name
from wrappers_pure._internal import iter_items
from wrappers_pure._syntax.quoting import with_options
from wrappers_pure.datastructures.mixins import ImmutableHeadersMixin
from wrappers_pure.exceptions import BadRequestKeyError
from wrappers_pure.exceptions import werkzeug_aware

if t.TYPE_CHECKING:  # pragma: no cover
    import typing_extensions as te

T = t.TypeVar("T")


def _str_value(value: t.Any) -> str:
    """Convert a header value to ``str`` and refuse CR and LF in it (Werkzeug's rule)."""
    if not isinstance(value, str):
        value = str(value)

    if "\n" in value or "\r" in value:
        raise ValueError(NEWLINE_IN_VALUE)

    return value  # type: ignore[no-any-return]


def _checked_value(key: t.Any, value: t.Any, options: dict[str, t.Any]) -> str:
    """The value to store for ``key``: options rendered, converted, both checked.

    PERF: the checks are inlined for plain strings; the helpers raise.
    """
    if options:
        value = with_options(value, options)

    if value.__class__ is not str or "\n" in value or "\r" in value:
        value = _str_value(value)

    if key.__class__ is not str or not key.isprintable():
        check_name(key)

    return value  # type: ignore[no-any-return]


class Headers:
    """An ordered multi-dict of HTTP headers with case-insensitive names.

    It behaves like a dict for lookups, but keeps the order headers were added
    in, can hold the same name several times (``Set-Cookie``), and iterating it
    yields ``(name, value)`` pairs, which is what a WSGI server wants.

    ``headers[name]`` raises a :exc:`KeyError` subclass for a missing name
    (:mod:`wsgiref`'s Headers would return None); ``get`` returns a default.

    :param defaults: Initial headers: a Headers object, a mapping (a list, tuple
        or set value gives one header per item), a multi-dict, or an iterable
        of ``(name, value)`` pairs. They are checked like headers added later.

    Values that are not strings are converted with :class:`str`. A value with
    ``\\r`` or ``\\n`` raises :exc:`ValueError`, as in Werkzeug. Stricter than
    Werkzeug: a name that is not a ``str`` raises :exc:`TypeError`, and a name
    with a control character (CR, LF, NUL, TAB, ... or DEL) raises
    :exc:`ValueError`.
    """

    #: The ``(name, value)`` pairs, in order.
    _list: list[tuple[str, str]]

    def __init__(
        self,
        defaults: (
            Headers
            | cabc.Mapping[str, t.Any | list[t.Any] | tuple[t.Any, ...] | set[t.Any]]
            | cabc.Iterable[tuple[str, t.Any]]
            | None
        ) = None,
    ) -> None:
        self._list = []

        if defaults is not None:
            # NOTE: as in Werkzeug, the items go through ``extend`` and ``add``
            # when a subclass (or a patch) overrides them; else straight in.
            cls = self.__class__

            if cls.extend is _OWN_EXTEND and cls.add is _OWN_ADD:
                self._extend(defaults)
            else:
                self.extend(defaults)

    # -- lookups -------------------------------------------------------------

    def _find(self, key: t.Any) -> t.Any:
        """Return the first value stored under ``key`` (any case), or :data:`_missing`.

        A ``key`` without ``lower()`` raises :exc:`AttributeError`, as in Werkzeug.
        """
        ikey = key.lower()

        for k, v in self._list:
            if k.lower() == ikey:
                return v

        return _missing

    @t.overload
    def __getitem__(self, key: str) -> str: ...
    @t.overload
    def __getitem__(self, key: int) -> tuple[str, str]: ...
    @t.overload
    def __getitem__(self, key: slice) -> te.Self: ...
    def __getitem__(self, key: str | int | slice) -> str | tuple[str, str] | te.Self:
        """Return the first value for a name, the pair at an index, or a new
        Headers object of the same class for a slice."""
        if isinstance(key, str):
            rv = self._find(key)

            if rv is _missing:
                raise werkzeug_aware(BadRequestKeyError)(key)

            return rv  # type: ignore[no-any-return]

        if isinstance(key, int):
            return self._list[key]

        return self.__class__(self._list[key])

    def __eq__(self, other: object) -> bool:
        """Equal to a Headers object of the same class with the same set of
        ``(name, value)`` pairs, names compared without case; order and
        repetition do not count (as in Werkzeug)."""
        if other.__class__ is not self.__class__:
            return NotImplemented

        return {(k.lower(), v) for k, v in other._list} == {
            (k.lower(), v) for k, v in self._list
        }

    __hash__ = None  # type: ignore[assignment]

    @t.overload
    def get(self, key: str) -> str | None: ...
    @t.overload
    def get(self, key: str, default: str) -> str: ...
    @t.overload
    def get(self, key: str, default: T) -> str | T: ...
    @t.overload
    def get(self, key: str, type: cabc.Callable[[str], T]) -> T | None: ...
    @t.overload
    def get(self, key: str, default: T, type: cabc.Callable[[str], T]) -> T: ...
    def get(  # type: ignore[misc]
        self,
        key: str,
        default: str | T | None = None,
        type: cabc.Callable[[str], T] | None = None,
    ) -> str | T | None:
        """Return the first value for ``key`` (any case), or ``default``.

        :param key: The header name.
        :param default: What to return when the header is missing, or when
            ``type`` raises :exc:`ValueError`.
        :param type: A callable that converts the value, such as :class:`int`.
            A :exc:`ValueError` from it gives ``default``; other exceptions
            propagate.
        """
        # PERF: _find, inlined.
        ikey = key.lower()

        for k, rv in self._list:
            if k.lower() == ikey:
                break
        else:
            return default

        if type is None:
            return rv

        try:
            return type(rv)
        except ValueError:
            return default

    @t.overload
    def getlist(self, key: str) -> list[str]: ...
    @t.overload
    def getlist(self, key: str, type: cabc.Callable[[str], T]) -> list[T]: ...
    def getlist(
        self, key: str, type: cabc.Callable[[str], T] | None = None
    ) -> list[str] | list[T]:
        """Return every value for ``key`` (any case), in order; ``[]`` if none.

        :param key: The header name.
        :param type: A callable that converts each value; values for which it
            raises :exc:`ValueError` are left out.
        """
        ikey = key.lower()
        result: list[t.Any] = []

        # PERF: plain loops; a comprehension costs a frame of its own before 3.12.
        if type is None:
            for k, v in self:
                if k.lower() == ikey:
                    result.append(v)
        else:
            for k, v in self:
                if k.lower() == ikey:
                    try:
                        result.append(type(v))
                    except ValueError:
                        continue

        return result

    def get_all(self, name: str) -> list[str]:
        """Return every value for ``name``; :mod:`wsgiref`'s name for :meth:`getlist`."""
        return self.getlist(name)

    def items(self, lower: bool = False) -> t.Iterable[tuple[str, str]]:
        """Iterate over the ``(name, value)`` pairs.

        :param lower: Give the names in lower case.
        """
        for key, value in self:
            yield (key.lower() if lower else key), value

    def keys(self, lower: bool = False) -> t.Iterable[str]:
        """Iterate over the names, once per header (repeated names repeat).

        :param lower: Give the names in lower case.
        """
        for key, _ in self.items(lower):
            yield key

    def values(self) -> t.Iterable[str]:
        """Iterate over the values."""
        for _, value in self.items():
            yield value

    def __contains__(self, key: str) -> bool:
        """Whether a header named ``key`` (any case) is present."""
        # PERF: _find, inlined.
        ikey = key.lower()

        for k, _ in self._list:
            if k.lower() == ikey:
                return True

        return False

    def __iter__(self) -> t.Iterator[tuple[str, str]]:
        """Iterate over the ``(name, value)`` pairs."""
        return iter(self._list)

    def __len__(self) -> int:
        """The number of headers (a repeated name counts each time)."""
        return len(self._list)

    # -- additions -----------------------------------------------------------

    def _extend(self, arg: t.Any) -> None:
        """Append every pair of ``arg`` (see :func:`_iter_items`), checking each.

        Pairs are appended one by one, so when one is refused the earlier ones
        stay, as in Werkzeug.
        """
        append = self._list.append
        # PERF: a plain dict or list, the common cases, skip the generator;
        # the checks are inlined and fall back to the helpers, which raise.
        items: cabc.Iterable[tuple[t.Any, t.Any]]

        if arg.__class__ is dict:
            items = arg.items()
        elif arg.__class__ is list:
            items = arg
        else:
            items = iter_items(arg)

        for key, value in items:
            if value.__class__ is not str or "\n" in value or "\r" in value:
                if arg.__class__ is dict and isinstance(value, MULTI_VALUE):
                    self._extend([(key, v) for v in value])
                    continue

                value = _str_value(value)

            if key.__class__ is not str or not key.isprintable():
                check_name(key)

            append((key, value))

    def extend(
        self,
        arg: (
            Headers
            | cabc.Mapping[str, t.Any | list[t.Any] | tuple[t.Any, ...] | set[t.Any]]
            | cabc.Iterable[tuple[str, t.Any]]
            | None
        ) = None,
        /,
        **kwargs: t.Any,
    ) -> None:
        """Add the headers of ``arg`` and of the keyword arguments, keeping those
        already present (:meth:`update` replaces them instead).

        :param arg: A Headers object, a mapping (a list, tuple or set value gives
            one header per item), a multi-dict, or an iterable of pairs.
        :param kwargs: More headers, as names and values.
        """
        if self.__class__.add is _OWN_ADD:
            if arg is not None:
                self._extend(arg)

            if kwargs:
                self._extend(kwargs)

            return

        # NOTE: an overridden ``add`` sees every header, as in Werkzeug.
        if arg is not None:
            for key, value in iter_items(arg):
                self.add(key, value)

        for key, value in iter_items(kwargs):
            self.add(key, value)

    def add(self, key: str, value: t.Any, /, **kwargs: t.Any) -> None:
        """Append a header, keeping any others of the same name.

        Keyword arguments become header parameters, with ``_`` in their names
        turned into ``-`` (``filename_star`` gives ``filename*``), rendered as
        :func:`~wrappers_pure.http.dump_options_header` renders them::

            h.add("Content-Disposition", "attachment", filename="foo.png")

        :param key: The header name; trusted application input.
        :param value: The value; converted with :class:`str`. A CR or LF raises
            :exc:`ValueError`.
        """
        self._list.append((key, _checked_value(key, value, kwargs)))

    def add_header(self, key: str, value: t.Any, /, **kwargs: t.Any) -> None:
        """Append a header; :mod:`wsgiref`'s name for :meth:`add`."""
        self.add(key, value, **kwargs)

    def set(self, key: str, value: t.Any, /, **kwargs: t.Any) -> None:
        """Replace every header named ``key`` (any case) with one header.

        The new header takes the place of the first old one, or goes at the
        end when there was none. Keyword arguments work as for :meth:`add`.

        :param key: The header name; trusted application input.
        :param value: The value; converted with :class:`str`. A CR or LF raises
            :exc:`ValueError`.
        """
        _set_pair(self._list, key, _checked_value(key, value, kwargs))

    def setlist(self, key: str, values: cabc.Iterable[t.Any]) -> None:
        """Replace every header named ``key`` with one header per value.

        An empty ``values`` removes the header.

        :param key: The header name.
        :param values: The values; each checked like a value given to :meth:`add`.
        """
        if values:
            it = iter(values)
            self.set(key, next(it))

            for value in it:
                self.add(key, value)
        else:
            self.remove(key)

    def setdefault(self, key: str, default: t.Any) -> str:
        """Return the first value for ``key``; if there is none, set the header
        to ``default`` first and return the value stored.

        :param key: The header name.
        :param default: The value to set when the header is missing.
        """
        # NOTE: a name that could never be stored is refused before the lookup
        # (TypeError or ValueError, not the lookup's AttributeError).
        check_name(key)
        rv = self._find(key)

        if rv is _missing:
            self.set(key, default)
            rv = self._find(key)

        return rv  # type: ignore[no-any-return]

    def setlistdefault(self, key: str, default: cabc.Iterable[t.Any]) -> list[str]:
        """Return every value for ``key``; if there is none, set the header to
        the values of ``default`` first.

        The list returned is new: changing it does not change the headers.

        :param key: The header name.
        :param default: The values to set when the header is missing.
        """
        check_name(key)

        if key not in self:
            self.setlist(key, default)

        return self.getlist(key)

    @t.overload
    def __setitem__(self, key: str, value: t.Any) -> None: ...
    @t.overload
    def __setitem__(self, key: int, value: tuple[str, t.Any]) -> None: ...
    @t.overload
    def __setitem__(
        self, key: slice, value: cabc.Iterable[tuple[str, t.Any]]
    ) -> None: ...
    def __setitem__(
        self,
        key: str | int | slice,
        value: t.Any | tuple[str, t.Any] | cabc.Iterable[tuple[str, t.Any]],
    ) -> None:
        """Set a header by name (like :meth:`set`), a pair by index, or pairs
        by slice."""
        if isinstance(key, str):
            self.set(key, value)
        elif isinstance(key, int):
            name = value[0]  # type: ignore[index]
            pair = (name, _str_value(value[1]))  # type: ignore[index]
            check_name(name)
            self._list[key] = pair
        else:
            pairs = []

            for k, v in value:  # type: ignore[str-unpack]
                v = _str_value(v)
                check_name(k)
                pairs.append((k, v))

            self._list[key] = pairs

    def update(
        self,
        arg: (
            Headers
            | cabc.Mapping[str, t.Any | list[t.Any] | tuple[t.Any, ...] | cabc.Set[t.Any]]
            | cabc.Iterable[tuple[str, t.Any]]
            | None
        ) = None,
        /,
        **kwargs: t.Any | list[t.Any] | tuple[t.Any, ...] | cabc.Set[t.Any],
    ) -> None:
        """Replace headers with those of ``arg`` and of the keyword arguments
        (:meth:`extend` keeps the old ones instead).

        For a Headers object or a multi-dict (anything with ``getlist`` and
        ``keys``) every name gets all its values (:meth:`setlist`); for a
        mapping a list, tuple or set value sets several headers and any other
        value one; for an iterable of pairs each pair is :meth:`set` in turn.
        """
        if arg is not None:
            if hasattr(arg, "getlist") and hasattr(arg, "keys"):
                for key in arg.keys():
                    self.setlist(key, arg.getlist(key))
            elif isinstance(arg, cabc.Mapping):
                for key, value in arg.items():
                    if isinstance(value, (list, tuple, set)):
                        self.setlist(key, value)
                    else:
                        self.set(key, value)
            else:
                for key, value in arg:
                    self.set(key, value)

        for key, value in kwargs.items():
            if isinstance(value, (list, tuple, set)):
                self.setlist(key, value)
            else:
                self.set(key, value)

    def __or__(
        self,
        other: cabc.Mapping[
            str, t.Any | list[t.Any] | tuple[t.Any, ...] | cabc.Set[t.Any]
        ],
    ) -> te.Self:
        """A copy updated with the mapping ``other`` (see :meth:`update`)."""
        if not isinstance(other, cabc.Mapping):
            return NotImplemented

        rv = self.copy()
        rv.update(other)
        return rv

    def __ior__(
        self,
        other: (
            cabc.Mapping[str, t.Any | list[t.Any] | tuple[t.Any, ...] | cabc.Set[t.Any]]
            | cabc.Iterable[tuple[str, t.Any]]
        ),
    ) -> te.Self:
        """Update in place from a mapping or an iterable of pairs (see :meth:`update`)."""
        if not isinstance(other, (cabc.Mapping, cabc.Iterable)):
            return NotImplemented

        self.update(other)
        return self

    # -- removals ------------------------------------------------------------

    def __delitem__(self, key: str | int | slice) -> None:
        """Remove every header of a name (no error if there is none), or the
        pairs at an index or slice."""
        if isinstance(key, str):
            self._remove(key)
        else:
            del self._list[key]

    def remove(self, key: str) -> None:
        """Remove every header named ``key`` (any case); no error if there is none.

        :param key: The header name.
        """
        self._remove(key)

    def _remove(self, key: str) -> None:
        """Remove every header named ``key``, without going through a subclass."""
        ikey = key.lower()
        self._list[:] = [p for p in self._list if p[0].lower() != ikey]

    @t.overload
    def pop(self) -> tuple[str, str]: ...
    @t.overload
    def pop(self, key: str) -> str: ...
    @t.overload
    def pop(self, key: int | None = ...) -> tuple[str, str]: ...
    @t.overload
    def pop(self, key: str, default: str) -> str: ...
    @t.overload
    def pop(self, key: str, default: T) -> str | T: ...
    def pop(
        self,
        key: str | int | None = None,
        default: str | T = _missing,
    ) -> str | tuple[str, str] | T:
        """Remove and return a header.

        :param key: A name: remove every header of that name and return the
            first value. An index: remove and return that pair. None (the
            default): remove and return the last pair.
        :param default: Returned for a missing name; without it a missing name
            raises a :exc:`KeyError` subclass. (Missing indexes always raise
            :exc:`IndexError`.)
        """
        if key is None:
            return self._list.pop()

        if isinstance(key, int):
            return self._list.pop(key)

        rv = self._find(key)

        if rv is _missing:
            if default is not _missing:
                return default

            raise werkzeug_aware(BadRequestKeyError)(key)

        self.remove(key)
        return rv  # type: ignore[no-any-return]

    def popitem(self) -> tuple[str, str]:
        """Remove and return the last ``(name, value)`` pair."""
        return self._list.pop()

    def clear(self) -> None:
        """Remove every header."""
        self._list.clear()

    # -- output and copies ---------------------------------------------------

    def to_wsgi_list(self) -> list[tuple[str, str]]:
        """Return the headers as a new list of ``(name, value)`` pairs, the form
        WSGI's ``start_response`` takes."""
        # PERF: copy the list unless a subclass iterates differently.
        if self.__class__.__iter__ is Headers.__iter__:
            return self._list[:]

        return list(self)

    def copy(self) -> te.Self:
        """Return a new object of the same class with the same headers."""
        return self.__class__(self._list)

    def __copy__(self) -> te.Self:
        """The same as :meth:`copy`."""
        return self.copy()

    def __reduce__(self) -> tuple[t.Any, ...]:
        """Pickle support: ``cls.__new__(cls)`` plus ``(pairs, attributes)``."""
        # NOTE: both twins pickle as ``cls.__new__(cls)`` plus the state
        # ``(pairs, other instance attributes or None)``, so that the pickle of
        # a subclass loads on either twin. The compiled twin names its own base
        # class through the shim instead of its implementation module.
        attrs = {k: v for k, v in self.__dict__.items() if k != "_list"}
        return (
            copyreg.__newobj__,  # type: ignore[attr-defined]
            (self.__class__,),
            (list(self._list), attrs or None),
        )

    def __setstate__(
        self, state: tuple[list[tuple[str, str]], dict[str, t.Any] | None]
    ) -> None:
        """Restore the state :meth:`__reduce__` gave."""
        pairs, attrs = state

        if attrs:
            self.__dict__.update(attrs)

        self._list = [(k, v) for k, v in pairs]

    def __str__(self) -> str:
        """The header block as sent on the wire: ``Name: value`` lines, each
        ended by CRLF, then an empty line."""
        return "".join([f"{k}: {v}\r\n" for k, v in self.to_wsgi_list()]) + "\r\n"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self)!r})"


#: Headers' own ``extend`` and ``add``: while a class has them, the constructor
#: and ``extend`` check and store items directly instead of calling them.
_OWN_EXTEND: t.Final = Headers.extend
_OWN_ADD: t.Final = Headers.add


# -- pair lists --------------------------------------------------------------------
# The response (sansio and WSGI) edits the pair list of its own Headers class
# directly on its hot paths; these are Headers' ``set`` and ``remove`` on it.


def _set_pair(pairs: list[tuple[str, str]], key: str, value: str) -> None:
    """``Headers.set`` on a list of pairs: replace the first header named
    ``key`` (any case), drop the others, or append."""
    ikey = key.lower()

    for idx, (k, _) in enumerate(pairs):
        if k.lower() == ikey:
            pairs[idx] = (key, value)
            rest = pairs[idx + 1 :]

            # PERF: rebuild the tail only when it has another header of this name.
            for k, _ in rest:
                if k.lower() == ikey:
                    pairs[idx + 1 :] = [p for p in rest if p[0].lower() != ikey]
                    break

            return

    pairs.append((key, value))


def _remove_pairs(pairs: list[tuple[str, str]], ikey: str) -> None:
    """Remove every header named ``ikey`` (lower case) from a list of pairs."""
    pairs[:] = [p for p in pairs if p[0].lower() != ikey]


# -- the environ's headers ---------------------------------------------------------

#: The two headers a WSGI environ holds without the ``HTTP_`` prefix.
_CONTENT_KEYS: t.Final = frozenset(("CONTENT_TYPE", "CONTENT_LENGTH"))
#: Their prefixed spellings, which :class:`EnvironHeaders` never yields.
_PREFIXED_CONTENT_KEYS: t.Final = frozenset(("HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH"))


def _environ_key(key: str) -> str:
    """The environ key of the header named ``key``: upper case, ``-`` as
    ``_``, prefixed with ``HTTP_`` but for ``CONTENT_TYPE`` and ``CONTENT_LENGTH``.

    NOTE: the compiled twin builds it in C for ASCII names and falls back to
    exactly this computation for the others (``"ß".upper()`` is ``"SS"``).
    """
    name = key.upper().replace("-", "_")

    if name in _CONTENT_KEYS:
        return name

    return f"HTTP_{name}"


class EnvironHeaders(ImmutableHeadersMixin, Headers):  # type: ignore[misc]
    """A read-only :class:`Headers` view of the request headers in a WSGI
    environ: the ``HTTP_*`` keys, and ``CONTENT_TYPE`` and ``CONTENT_LENGTH``.

    Lookups read the environ each time, so the view follows changes to it.
    ``headers[name]`` and :meth:`get` look up the key the name maps to
    (``"User-Agent"`` -> ``HTTP_USER_AGENT``, any case, ``-`` or ``_``);
    iterating yields ``(Title-Case-Name, value)`` pairs in the environ's order,
    leaving out an empty ``CONTENT_TYPE`` or ``CONTENT_LENGTH`` and the
    ``HTTP_CONTENT_TYPE``/``HTTP_CONTENT_LENGTH`` keys some servers add. Only
    ``str`` names are looked up: an index or a slice is a missing key.

    Every method that would change the headers raises :exc:`TypeError`, and so
    do :meth:`copy` and ``|``. Two views are equal when they read the same
    environ object.

    A missing name raises :exc:`~wrappers_pure.exceptions.BadRequestKeyError`
    (a :exc:`KeyError`, and a 400 when unhandled). Werkzeug 3.1 documents that
    too, but lets the environ's plain :exc:`KeyError` for the prefixed key
    (``'HTTP_X_NAME'``) escape; ``except KeyError`` catches both.

    :param environ: The WSGI environ.
    """

    def __init__(self, environ: WSGIEnvironment) -> None:
        # PERF: what Headers.__init__ does without defaults, without the call.
        self._list = []
        #: The WSGI environ the headers are read from.
        self.environ = environ

    def __eq__(self, other: object) -> bool:
        """Equal to another view of the same environ object."""
        if not isinstance(other, EnvironHeaders):
            return NotImplemented

        return self.environ is other.environ

    __hash__ = None

    def _find(self, key: t.Any) -> t.Any:
        """Return the environ's value for the header named ``key``, or
        :data:`_missing` (also for a ``key`` that is not a ``str``)."""
        if not isinstance(key, str):
            return _missing

        try:
            return self.environ[_environ_key(key)]
        except KeyError:
            return _missing

    def __getitem__(self, key: str) -> str:  # type: ignore[override]
        """Return the value of the header named ``key``.

        :raise BadRequestKeyError: The header is missing, or ``key`` is not a
            ``str``.
        """
        rv = self._find(key)

        if rv is _missing:
            raise werkzeug_aware(BadRequestKeyError)(key)

        return rv  # type: ignore[no-any-return]

    @t.overload
    def get(self, key: str) -> str | None: ...
    @t.overload
    def get(self, key: str, default: str) -> str: ...
    @t.overload
    def get(self, key: str, default: T) -> str | T: ...
    @t.overload
    def get(self, key: str, type: cabc.Callable[[str], T]) -> T | None: ...
    @t.overload
    def get(self, key: str, default: T, type: cabc.Callable[[str], T]) -> T: ...
    def get(  # type: ignore[misc]
        self,
        key: str,
        default: str | T | None = None,
        type: cabc.Callable[[str], T] | None = None,
    ) -> str | T | None:
        """Return the value of the header named ``key``, or ``default``.

        :param key: The header name.
        :param default: What to return when the header is missing, or when
            ``type`` raises :exc:`ValueError`.
        :param type: A callable that converts the value, such as :class:`int`.
            A :exc:`ValueError` from it gives ``default``; other exceptions
            propagate.
        """
        rv = self._find(key)

        if rv is _missing:
            return default

        if type is None:
            return rv  # type: ignore[no-any-return]

        try:
            return type(rv)
        except ValueError:
            return default

    def __contains__(self, key: str) -> bool:
        """Whether the header named ``key`` is in the environ."""
        return self._find(key) is not _missing

    def __len__(self) -> int:
        """The number of headers iterating yields."""
        return sum(1 for _ in self)

    @t.overload
    def getlist(self, key: str) -> list[str]: ...
    @t.overload
    def getlist(self, key: str, type: cabc.Callable[[str], T]) -> list[T]: ...
    def getlist(
        self, key: str, type: cabc.Callable[[str], T] | None = None
    ) -> list[str] | list[T]:
        """Return every value for ``key`` (any case), in order; ``[]`` if none.

        :param key: The header name.
        :param type: A callable that converts each value; values for which it
            raises :exc:`ValueError` are left out.
        """
        if self.__class__.__iter__ is not EnvironHeaders.__iter__:
            return super().getlist(key, type)  # type: ignore[arg-type]

        # PERF: what matching the pairs of ``__iter__`` gives, without naming
        # every header: an ASCII environ key whose length differs from the
        # wanted name's (plus ``HTTP_``) cannot match (ASCII case mapping
        # keeps lengths), so only the others are title-cased and compared.
        ikey = key.lower()
        size = len(ikey) + 5
        plain = len(ikey)
        ascii_key = ikey.isascii()
        result: list[t.Any] = []

        for name, value in self.environ.items():
            length = len(name)

            # PERF: the usual key, neither HTTP_<name> nor <name> long, first.
            if length != size and length != plain and ascii_key and name.isascii():
                continue

            if name.startswith("HTTP_"):
                if (
                    len(name) != size and ascii_key and name.isascii()
                ) or name in _PREFIXED_CONTENT_KEYS:
                    continue

                header = name[5:]
            elif name in _CONTENT_KEYS and value:
                header = name
            else:
                continue

            if header.replace("_", "-").title().lower() != ikey:
                continue

            if type is None:
                result.append(value)
            else:
                try:
                    result.append(type(value))
                except ValueError:
                    continue

        return result

    def __iter__(self) -> cabc.Iterator[tuple[str, str]]:
        """Iterate over the ``(Title-Case-Name, value)`` pairs, in environ order."""
        for key, value in self.environ.items():
            if key.startswith("HTTP_") and key not in _PREFIXED_CONTENT_KEYS:
                yield key[5:].replace("_", "-").title(), value
            elif key in _CONTENT_KEYS and value:
                yield key.replace("_", "-").title(), value

    def copy(self) -> t.NoReturn:
        """Refused: raises :exc:`TypeError` (the view has no copies)."""
        raise TypeError(f"cannot create {type(self).__name__!r} copies")

    def __or__(self, other: t.Any) -> t.NoReturn:
        """Refused: raises :exc:`TypeError` (the view has no copies)."""
        raise TypeError(f"cannot create {type(self).__name__!r} copies")


__all__ = ["EnvironHeaders", "Headers"]
