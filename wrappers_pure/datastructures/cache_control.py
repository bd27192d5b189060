"""The ``Cache-Control`` directives of requests and responses (pure; both twins
use these classes). Werkzeug 3.1's ``werkzeug.datastructures.cache_control``.
"""

from __future__ import annotations

import collections.abc as cabc
import typing as t
from inspect import cleandoc

from wrappers_pure._syntax.quoting import dump_header
from wrappers_pure.datastructures.mixins import ImmutableDictMixin
from wrappers_pure.datastructures.structures import CallbackDict



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


__all__ = ["RequestCacheControl", "ResponseCacheControl"]
