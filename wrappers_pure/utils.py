"""Helpers for request and response classes (pure; both twins use these):
Werkzeug 3.1's ``werkzeug.utils`` for :class:`header_property` and
:func:`get_content_type`.
"""

from __future__ import annotations

import typing as t

from wrappers_pure._internal import _missing

_T = t.TypeVar("_T")

#: Types outside ``text/`` that get a charset (they have one in the IANA registry).
_CHARSET_MIMETYPES: t.Final = frozenset(
    {
        "application/ecmascript",
        "application/javascript",
        "application/sql",
        "application/xml",
        "application/xml-dtd",
        "application/xml-external-parsed-entity",
    }
)


def get_content_type(mimetype: str, charset: str) -> str:
    """Return the ``Content-Type`` value for ``mimetype``: with
    ``; charset={charset}`` for ``text/*``, ``*+xml`` and the few other types
    that have a charset in the IANA registry (``application/javascript``,
    ``application/xml``, ...), else ``mimetype`` unchanged.

    :param mimetype: The media type, without parameters.
    :param charset: The charset to add for a text type.
    """
    if (
        mimetype.startswith("text/")
        or mimetype in _CHARSET_MIMETYPES
        or mimetype.endswith("+xml")
    ):
        mimetype += f"; charset={charset}"

    return mimetype


class header_property(t.Generic[_T]):  # noqa: N801 (Werkzeug's name)
    """An attribute of a request or response that reads and writes one header
    of its ``headers``.

    Reading gives ``default`` when the header is missing, or when
    ``load_func`` raises :exc:`ValueError` or :exc:`TypeError`; writing stores
    ``dump_func(value)`` (or the value) with ``headers[name] = ...``; ``del``
    removes the header. With ``read_only``, writing and deleting raise
    :exc:`AttributeError`.

    :param name: The header name, as it is sent.
    :param default: What reading gives for a missing or unreadable header.
    :param load_func: Converts the header's text when reading.
    :param dump_func: Converts a value to the header's text when writing.
    :param read_only: Refuse writing and deleting.
    :param doc: The attribute's docstring.
    """

    #: Whether writing and deleting raise :exc:`AttributeError`.
    read_only = False

    def __init__(
        self,
        name: str,
        default: _T | None = None,
        load_func: t.Callable[[str], _T] | None = None,
        dump_func: t.Callable[[_T], str] | None = None,
        read_only: bool | None = None,
        doc: str | None = None,
    ) -> None:
        self.name = name
        self.default = default
        self.load_func = load_func
        self.dump_func = dump_func

        if read_only is not None:
            self.read_only = read_only

        self.__doc__ = doc

    def lookup(self, obj: t.Any) -> t.Any:
        """The headers the attribute reads and writes: ``obj.headers``."""
        return obj.headers

    @t.overload
    def __get__(self, obj: None, owner: t.Any = None) -> header_property[_T]: ...
    @t.overload
    def __get__(self, obj: t.Any, owner: t.Any = None) -> _T: ...
    def __get__(self, obj: t.Any, owner: t.Any = None) -> t.Any:
        if obj is None:
            return self

        # NOTE: one ``get`` where Werkzeug asks ``in`` then ``[]``: the same
        # result (a None value included, for a plain dict), with one scan of
        # a Headers object's list.
        value = self.lookup(obj).get(self.name, _missing)

        if value is _missing:
            return self.default

        if self.load_func is None:
            return value

        try:
            return self.load_func(value)
        except (ValueError, TypeError):
            return self.default

    def __set__(self, obj: t.Any, value: _T) -> None:
        if self.read_only:
            raise AttributeError("read only property")

        if self.dump_func is not None:
            self.lookup(obj)[self.name] = self.dump_func(value)
        else:
            self.lookup(obj)[self.name] = value

    def __delete__(self, obj: t.Any) -> None:
        if self.read_only:
            raise AttributeError("read only property")

        self.lookup(obj).pop(self.name, None)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"


__all__ = ["get_content_type", "header_property"]
