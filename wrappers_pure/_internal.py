"""Small pieces every layer shares (pure; the compiled twin imports them too).

The bottom of the house: this module imports the standard library only. It
holds what would otherwise be written in several places:

- the "no value given" sentinel :data:`_missing`;
- the control-character rules and their messages (header names and values,
  status strings, cookie attributes);
- the WSGI type aliases;
- :func:`environ_of`, the environ of a request object or of an environ;
- the WSGI iterables a response hands to the server: :class:`ClosingIterable`
  and :class:`RangeBody` (Werkzeug's ``ClosingIterator`` and
  ``wsgi._RangeWrapper``), and :func:`run_app`, which calls an application
  as a server would (Werkzeug's ``test.run_wsgi_app``).

It is one of the two places the compiled twin may take helpers from by name
(the other is :mod:`wrappers_pure._syntax`): names here without a leading
underscore are meant for sharing, and renaming one is a change to both twins.
"""

from __future__ import annotations

import collections.abc as cabc
import re
import typing as t
from itertools import chain

#: A WSGI environ.
WSGIEnvironment = t.Dict[str, t.Any]
#: The ``start_response`` callable of a WSGI server.
StartResponse = t.Callable[..., t.Any]
#: A WSGI application.
WSGIApplication = t.Callable[[WSGIEnvironment, StartResponse], t.Iterable[bytes]]


# -- the sentinel ----------------------------------------------------------------


class _Missing:
    """The type of :data:`_missing`."""

    def __repr__(self) -> str:
        return "no value"

    def __reduce__(self) -> str:
        return "_missing"


#: Marks "no value given" (the default of ``pop``) and "nothing found" (what a
#: lookup gives for a missing header). One object for the whole package and
#: both twins; it pickles as itself.
_missing: t.Any = _Missing()


# -- control characters ------------------------------------------------------------

#: The message of the :exc:`ValueError` for a CR or LF in a header value
#: (Werkzeug's wording).
NEWLINE_IN_VALUE: t.Final = "Header values must not contain newline characters."

#: The message of the :exc:`ValueError` for a control character in a header name.
CONTROL_IN_NAME: t.Final = (
    "Header names must not contain newline, NUL or other control characters."
)

#: The message of the :exc:`ValueError` for a control character in a status.
CONTROL_IN_STATUS: t.Final = (
    "The status must not contain newline, NUL or other control characters."
)

#: C0 controls (CR, LF, NUL, TAB, ...) and DEL: refused in a header name, a
#: status string and cookie attribute text.
control_re: t.Final = re.compile(r"[\x00-\x1f\x7f]")


def name_error(key: t.Any) -> Exception:
    """Return the exception for a header name that :func:`check_name` refused."""
    if not isinstance(key, str):
        return TypeError(f"Header names must be str, not {type(key).__name__}.")

    return ValueError(CONTROL_IN_NAME)


def check_name(key: t.Any) -> None:
    """Raise unless ``key`` is a ``str`` free of control characters.

    PERF: ``str.isprintable`` is false for every control character, so the
    regular expression only runs for names that are unusual anyway.
    """
    if key.__class__ is not str and not isinstance(key, str):
        raise name_error(key)

    if not key.isprintable() and control_re.search(key) is not None:
        raise name_error(key)


# -- input of several headers ------------------------------------------------------

#: The value types of a mapping that stand for several headers of one name.
MULTI_VALUE: t.Final = (list, tuple, set)


def iter_items(arg: t.Any) -> t.Iterator[tuple[t.Any, t.Any]]:
    """Yield ``(key, value)`` pairs from a mapping, a multi-dict or an iterable of pairs.

    A mapping's list, tuple or set values give one pair each. A multi-dict (a
    mapping with ``getlist``, like Werkzeug's ``MultiDict``) gives every value of
    every key. Anything else is iterated for pairs, Headers objects included.
    """
    if isinstance(arg, cabc.Mapping):
        getlist = getattr(arg, "getlist", None)

        for key, value in arg.items():
            if getlist is not None:
                for item in getlist(key):
                    yield key, item
            elif isinstance(value, MULTI_VALUE):
                for item in value:
                    yield key, item
            else:
                yield key, value
    else:
        yield from arg


# -- environs --------------------------------------------------------------------


def environ_of(obj: t.Any) -> WSGIEnvironment:
    """The environ of a request object (anything with an ``environ``
    attribute), or ``obj`` itself.

    :raises AssertionError: It is not a dict.
    """
    # PERF: a dict has no attributes; skip the failing lookup (slow on PyPy).
    environ = obj if type(obj) is dict else getattr(obj, "environ", obj)

    if not isinstance(environ, dict):
        raise AssertionError(
            f"{type(obj).__name__!r} is not a WSGI environment (has to be a dict)"
        )

    return environ


# -- WSGI iterables --------------------------------------------------------------


class ClosingIterable:
    """The WSGI iterable of a response: iterating it iterates the body (no
    wrapper per item), and :meth:`close` calls ``close``.

    It does what Werkzeug's ``ClosingIterator`` does for a response, cheaper.
    """

    __slots__ = ("_close", "_iterator")

    def __init__(self, iterator: t.Iterator[bytes], close: t.Callable[[], t.Any]):
        self._iterator = iterator
        self._close = close

    def __iter__(self) -> t.Iterator[bytes]:
        return self._iterator

    def __next__(self) -> bytes:
        return next(self._iterator)

    def close(self) -> None:
        """Close the response (and with it its body)."""
        self._close()


def _close_both(body: t.Any, close: t.Callable[[], t.Any]) -> t.Callable[[], t.Any]:
    """``close``, preceded by ``body``'s own ``close`` if it has one."""
    body_close = getattr(body, "close", None)

    if body_close is None:
        return close

    def close_both() -> None:
        body_close()
        close()

    return close_both


def run_app(
    app: WSGIApplication, environ: WSGIEnvironment | t.Any, buffered: bool
) -> tuple[t.Iterable[bytes], str, list[tuple[str, str]]]:
    """Call a WSGI application as a server would; return ``(body, status,
    header pairs)``.

    The application gets a copy of the environ (or of a request object's).
    Data it passes to ``write`` comes first in the body, also when
    ``buffered`` (Werkzeug 3.1 drops it then). Unless ``buffered``, its
    iterable is read only until ``start_response`` has been called, and its
    ``close`` is kept for the body's.
    """
    environ = environ_of(environ).copy()
    started: tuple[str, list[tuple[str, str]]] | None = None
    written: list[bytes] = []

    def start_response(
        status: str, headers: list[tuple[str, str]], exc_info: t.Any = None
    ) -> t.Callable[[bytes], None]:
        nonlocal started

        if exc_info:
            try:
                raise exc_info[1].with_traceback(exc_info[2])
            finally:
                exc_info = None

        started = (status, headers)
        return written.append

    app_rv = app(environ, start_response)
    close = getattr(app_rv, "close", None)
    body: t.Iterable[bytes] = iter(app_rv)

    if buffered:
        try:
            body = written + list(body)
        finally:
            if close is not None:
                close()
    else:
        for item in body:
            written.append(item)

            if started is not None:
                break

        if written:
            body = chain(written, body)

        if close is not None and body is not app_rv:
            body = ClosingIterable(iter(body), _close_both(body, close))

    status, headers = started  # type: ignore[misc]
    return body, status, headers


def is_foreign_response(obj: t.Any) -> bool:
    """Whether ``obj`` looks like a response object of another implementation
    (such as Werkzeug's): what ``Response.force_type`` takes over."""
    return (
        hasattr(obj, "get_wsgi_response")
        and hasattr(obj, "headers")
        and hasattr(obj, "status")
        and hasattr(obj, "response")
    )


class RangeBody:
    """The iterable a 206 response sends: the part ``[start, start + length)``
    of another body, counted in the items' lengths (bytes, or characters for a
    body of strings). Werkzeug's ``wsgi._RangeWrapper``.

    A seekable body (``seekable()`` true) is seeked to ``start``; any other is
    read and dropped up to it. Iteration stops at the end of the range, at the
    end of the body, or at the first empty chunk. :meth:`close` closes the
    wrapped body's iterator and the body (Werkzeug closes only the iterator,
    which leaves open a body whose ``__iter__`` returns another object).

    :param body: The response body.
    :param start: The first position sent.
    :param length: How many to send; None for up to the end.
    """

    def __init__(self, body: t.Iterable[t.Any], start: int = 0, length: int | None = None):
        self.body = body
        self.iterator = iter(body)
        self.start = start
        self.stop = None if length is None else start + length
        #: How much of the body has been read (or skipped by seeking).
        self.position = 0
        self.seekable = hasattr(body, "seekable") and body.seekable()
        self.finished = False

    def __iter__(self) -> RangeBody:
        return self

    def _read(self) -> t.Any:
        """The next chunk of the body, counted."""
        try:
            chunk = next(self.iterator)
        except StopIteration:
            self.finished = True
            raise

        self.position += len(chunk)
        return chunk

    def _first(self) -> tuple[t.Any, int]:
        """Go to ``start``: the chunk holding it cut to begin there (None after
        seeking), and the body position that chunk begins at."""
        if self.seekable:
            it: t.Any = self.iterator
            it.seek(self.start)
            self.position = it.tell()
            return None, self.position

        chunk = None

        while self.position <= self.start:
            chunk = self._read()

        if chunk is not None:
            chunk = chunk[self.start - self.position :]

        return chunk, self.start

    def __next__(self) -> t.Any:
        if self.finished:
            raise StopIteration()

        chunk = None
        begins = self.position

        if self.position == 0:
            chunk, begins = self._first()

        if chunk is None:
            chunk = self._read()

        if self.stop is not None and self.position >= self.stop:
            self.finished = True
            chunk = chunk[: self.stop - begins]

        if not chunk:
            self.finished = True
            raise StopIteration()

        return chunk

    def close(self) -> None:
        """Close the wrapped body's iterator and then the body, each if it can
        be closed (the body once when it is its own iterator)."""
        close = getattr(self.iterator, "close", None)

        try:
            if close is not None:
                close()
        finally:
            if self.body is not self.iterator:
                close = getattr(self.body, "close", None)

                if close is not None:
                    close()


# -- attributes computed once --------------------------------------------------------

_V = t.TypeVar("_V")


class lazy(t.Generic[_V]):  # noqa: N801 (reads as a decorator)
    """An attribute computed by ``func(obj)`` on first access and stored in the
    object's ``__dict__`` under the same name.

    Unlike Werkzeug's ``cached_property`` it is a non-data descriptor: once the
    value is stored, reading the attribute is a plain instance-dict hit (no
    Python call at all), and assigning or deleting it is ordinary attribute
    assignment. The request classes use it for what Werkzeug caches.

    :param func: Computes the value.
    """

    def __init__(self, func: t.Callable[[t.Any], _V]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @t.overload
    def __get__(self, obj: None, owner: type | None = None) -> lazy[_V]: ...
    @t.overload
    def __get__(self, obj: object, owner: type | None = None) -> _V: ...
    def __get__(self, obj: object | None, owner: type | None = None) -> t.Any:
        if obj is None:
            return self

        value = obj.__dict__[self.name] = self.func(obj)
        return value
