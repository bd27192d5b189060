"""The live header objects of :class:`~wrappers_pure.sansio.response.Response`
(pure; both twins inherit these properties).

Reading one of these attributes parses its header into an object
(:class:`~wrappers_pure.datastructures.HeaderSet`,
:class:`~wrappers_pure.datastructures.ResponseCacheControl`, ...) whose edits
are written back to ``response.headers`` at once: an edit that leaves the
object empty removes the header. Each read gives a new object. Behaviour is
Werkzeug 3.1's, with one deliberate difference: ``access_control_allow_headers``,
``access_control_allow_methods`` and ``access_control_expose_headers`` are live
sets like ``vary`` (an empty set when the header is missing; a string is stored
as it is, None or an empty value removes the header), where Werkzeug returns
None for a missing header and a detached set otherwise.

The properties read ``self.headers`` when they write, so an object read before
``response.headers`` was replaced writes to the new headers.
"""

from __future__ import annotations

import typing as t

from wrappers_pure.datastructures import ContentRange
from wrappers_pure.datastructures import ContentSecurityPolicy
from wrappers_pure.datastructures import Headers
from wrappers_pure.datastructures import HeaderSet
from wrappers_pure.datastructures import ResponseCacheControl
from wrappers_pure.datastructures import WWWAuthenticate
from wrappers_pure.http import dump_header
from wrappers_pure.http import parse_cache_control_header
from wrappers_pure.http import parse_content_range_header
from wrappers_pure.http import parse_csp_header
from wrappers_pure.http import parse_set_header




class _HasHeaders(t.Protocol):
    """What these properties need of the object they live on (the sansio
    Response; annotations only)."""

    headers: Headers
    www_authenticate: WWWAuthenticate


__all__ = [
    "header_set_property",
    "cache_control",
    "content_range",
    "www_authenticate",
    "csp_property",
]


def _writer(response: _HasHeaders, name: str) -> t.Callable[[t.Any], None]:
    """An ``on_update`` callback that stores ``obj.to_header()`` under ``name``,
    or removes the header when ``obj`` is empty (false)."""

    def on_update(obj: t.Any) -> None:
        headers = response.headers

        if obj:
            headers[name] = obj.to_header()
        elif name in headers:
            del headers[name]

    return on_update


def header_set_property(name: str, doc: str, deletable: bool = False) -> property:
    """A property for a header holding a set of tokens, read as a live
    :class:`~wrappers_pure.datastructures.HeaderSet`.

    Assigning a string stores it as it is; an iterable of strings is joined
    with ``", "`` (quoted where needed); None or an empty value removes the
    header.

    :param name: The header name, as it is sent.
    :param doc: The property's docstring.
    :param deletable: Whether ``del`` removes the header (Werkzeug's
        ``Access-Control-*`` properties allow it, ``vary`` and the like do
        not).
    """

    def fget(self: _HasHeaders) -> HeaderSet:
        return parse_set_header(self.headers.get(name), _writer(self, name))

    def fset(self: _HasHeaders, value: str | t.Iterable[str] | None) -> None:
        if not value:
            del self.headers[name]
        elif isinstance(value, str):
            self.headers[name] = value
        else:
            self.headers[name] = dump_header(value)

    def fdel(self: _HasHeaders) -> None:
        self.headers.pop(name, None)

    return property(fget, fset, fdel if deletable else None, doc=doc)


def _get_cache_control(self: _HasHeaders) -> ResponseCacheControl:
    """The ``Cache-Control`` header as a live
    :class:`~wrappers_pure.datastructures.ResponseCacheControl`: how caches
    (browsers, proxies, CDNs) may store and reuse the response.

    Every RFC 9111 response directive is an attribute (``max_age``,
    ``no_cache``, ``public``, ``immutable``, ...); setting one rewrites the
    header, and removing the last directive removes it. It is there (empty)
    when the header is missing.
    """
    return parse_cache_control_header(
        self.headers.get("cache-control"),
        _writer(self, "Cache-Control"),
        ResponseCacheControl,
    )


cache_control = property(_get_cache_control, doc=_get_cache_control.__doc__)


def _get_content_range(self: _HasHeaders) -> ContentRange:
    """The ``Content-Range`` header as a live
    :class:`~wrappers_pure.datastructures.ContentRange`: which part of the
    whole representation a 206 response carries.

    It is there even when the header is missing (its fields are None then);
    :meth:`~wrappers_pure.datastructures.ContentRange.set` writes the header,
    :meth:`~wrappers_pure.datastructures.ContentRange.unset` removes it.
    Assign a ContentRange or a string; None removes the header.
    """
    on_update = _writer(self, "Content-Range")
    value = parse_content_range_header(self.headers.get("content-range"), on_update)

    if value is None:
        value = ContentRange(None, None, None, on_update=on_update)

    return value


def _set_content_range(self: _HasHeaders, value: ContentRange | str | None) -> None:
    if not value:
        del self.headers["content-range"]
    elif isinstance(value, str):
        self.headers["Content-Range"] = value
    else:
        self.headers["Content-Range"] = value.to_header()


content_range = property(
    _get_content_range, _set_content_range, doc=_get_content_range.__doc__
)


def _follow(response: _HasHeaders) -> t.Callable[[WWWAuthenticate], None]:
    """The ``on_update`` of a single ``WWW-Authenticate`` challenge: assign it
    again, which rewrites the header."""

    def on_update(value: WWWAuthenticate) -> None:
        response.www_authenticate = value

    return on_update


def _get_www_authenticate(self: _HasHeaders) -> WWWAuthenticate:
    """The ``WWW-Authenticate`` header as a live
    :class:`~wrappers_pure.datastructures.WWWAuthenticate`: the challenge a 401
    response sends (scheme and parameters, or a token).

    When the header is missing this is a ``basic`` challenge that is not sent
    until it is edited. Assign a WWWAuthenticate to send it (editing that object
    afterwards rewrites the header), or a list of them to send several
    challenges, one header line each (editing the list's items does not);
    None, an empty list or ``del`` removes the header. With several header
    lines, reading gives the first.
    """
    value = WWWAuthenticate.from_header(self.headers.get("WWW-Authenticate"))

    if value is None:
        value = WWWAuthenticate("basic")

    value._on_update = _follow(self)
    return value


def _set_www_authenticate(
    self: _HasHeaders, value: WWWAuthenticate | list[WWWAuthenticate] | None
) -> None:
    if not value:
        del self.www_authenticate
    elif isinstance(value, list):
        headers = self.headers
        headers.set("WWW-Authenticate", value[0].to_header())

        for item in value[1:]:
            headers.add("WWW-Authenticate", item.to_header())
    else:
        self.headers.set("WWW-Authenticate", value.to_header())
        value._on_update = _follow(self)


def _del_www_authenticate(self: _HasHeaders) -> None:
    if "WWW-Authenticate" in self.headers:
        del self.headers["WWW-Authenticate"]


www_authenticate = property(
    _get_www_authenticate,
    _set_www_authenticate,
    _del_www_authenticate,
    doc=_get_www_authenticate.__doc__,
)


def csp_property(name: str, doc: str) -> property:
    """A property for a Content Security Policy header, read as a live
    :class:`~wrappers_pure.datastructures.ContentSecurityPolicy` (there, empty,
    when the header is missing). Assign a policy object or a string; None or
    an empty value removes the header.

    :param name: The header name, as it is sent.
    :param doc: The property's docstring.
    """

    def fget(self: _HasHeaders) -> ContentSecurityPolicy:
        return parse_csp_header(self.headers.get(name), _writer(self, name))

    def fset(self: _HasHeaders, value: ContentSecurityPolicy | str | None) -> None:
        if not value:
            del self.headers[name]
        elif isinstance(value, str):
            self.headers[name] = value
        else:
            self.headers[name] = value.to_header()

    return property(fget, fset, doc=doc)
