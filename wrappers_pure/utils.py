"""Helpers for request and response classes (pure; both twins use these):
Werkzeug 3.1's ``werkzeug.utils`` for :class:`header_property`,
:class:`environ_property`, :class:`cached_property` and
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


class environ_property(header_property[_T]):  # noqa: N801 (Werkzeug's name)
    """An attribute of a request that reads one key of its WSGI ``environ``
    (Werkzeug's ``environ_property``): read-only unless ``read_only=False``
    is given; otherwise as :class:`header_property`."""

    read_only = True

    def lookup(self, obj: t.Any) -> t.Any:
        """The mapping the attribute reads: ``obj.environ``."""
        return obj.environ


class cached_property(property, t.Generic[_T]):  # noqa: N801 (Werkzeug's name)
    """A :class:`property` computed once per object, on first access, and
    then kept in the object's ``__dict__`` (Werkzeug's ``cached_property``).

    Assigning stores a value in its place; ``del`` forgets it, so that the
    next access computes it again. An object without ``__dict__`` keeps the
    value in the slot named ``_cache_<name>``.

    :param fget: Computes the value from the object.
    :param name: The attribute's name; ``fget``'s by default.
    :param doc: The docstring; ``fget``'s by default.
    """

    def __init__(
        self,
        fget: t.Callable[[t.Any], _T],
        name: str | None = None,
        doc: str | None = None,
    ) -> None:
        super().__init__(fget, doc=doc)
        self.__name__ = name or fget.__name__
        self.slot_name = f"_cache_{self.__name__}"
        self.__module__ = fget.__module__

    def __set__(self, obj: object, value: _T) -> None:
        if hasattr(obj, "__dict__"):
            obj.__dict__[self.__name__] = value
        else:
            setattr(obj, self.slot_name, value)

    def __delete__(self, obj: object) -> None:
        if hasattr(obj, "__dict__"):
            del obj.__dict__[self.__name__]
        else:
            setattr(obj, self.slot_name, _missing)

    @t.overload
    def __get__(self, obj: None, type: type | None = None) -> cached_property[_T]: ...
    @t.overload
    def __get__(self, obj: object, type: type | None = None) -> _T: ...
    def __get__(self, obj: object | None, type: type | None = None) -> t.Any:
        if obj is None:
            return self

        obj_dict = getattr(obj, "__dict__", None)

        if obj_dict is not None:
            value = obj_dict.get(self.__name__, _missing)
        else:
            value = getattr(obj, self.slot_name, _missing)

        if value is _missing:
            assert self.fget is not None
            value = self.fget(obj)

            if obj_dict is not None:
                obj_dict[self.__name__] = value
            else:
                setattr(obj, self.slot_name, value)

        return value


__all__ = ["cached_property", "environ_property", "get_content_type", "header_property"]
