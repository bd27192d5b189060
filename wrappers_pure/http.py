"""Functions for HTTP header values (pure twin): Werkzeug 3.1's
``werkzeug.http``, response side.

The text syntax lives below the data structures, in :mod:`wrappers_pure._syntax`
(quoting and parameters, ETags, ranges, dates, cookies, tables); this module
re-exports its public names (each module's ``__all__``) and defines the parsers
that build data structures: :func:`parse_set_header`, :func:`parse_accept_header`,
:func:`parse_cache_control_header`, :func:`parse_csp_header`,
:func:`parse_etags`, :func:`parse_range_header`,
:func:`parse_content_range_header`, :func:`parse_if_range_header`,
:func:`parse_cookie`, and :func:`is_resource_modified`.

Behaviour is Werkzeug 3.1's, with these deliberate differences:

- :func:`dump_cookie` refuses keys and attributes that would smuggle a cookie
  attribute or split a header (see :mod:`wrappers_pure._syntax.cookies`);
- :func:`parse_date` never raises (see :mod:`wrappers_pure._syntax.dates`);
- :func:`parse_cookie` decodes a header that is not valid UTF-8 with U+FFFD
  replacement characters, as Werkzeug's own ``Request.cookies`` does, where
  ``werkzeug.http.parse_cookie`` raises :exc:`UnicodeDecodeError`;
- :func:`parse_range_header` gives up (returns None) on a ``Range`` header with
  more than 200 ranges. Werkzeug parses all of them, but a response only ever
  serves a single range, so the HTTP answer is the same (416) either way.

NOTE: the compiled twin ``wrappers/_http.pyx`` follows :func:`parse_cookie`
line for line; a change here is a change there.
"""

from __future__ import annotations

import re
import typing as t
from datetime import datetime

from wrappers_pure._internal import WSGIEnvironment
from wrappers_pure._syntax import cookies
from wrappers_pure._syntax import dates
from wrappers_pure._syntax import etags
from wrappers_pure._syntax import quoting
from wrappers_pure._syntax import ranges
from wrappers_pure._syntax import tables
from wrappers_pure._syntax.cookies import *  # noqa: F403
from wrappers_pure._syntax.cookies import parse_cookie_at
from wrappers_pure._syntax.cookies import unslash
from wrappers_pure._syntax.dates import *  # noqa: F403
from wrappers_pure._syntax.dates import as_utc
from wrappers_pure._syntax.dates import parse_date
from wrappers_pure._syntax.etags import *  # noqa: F403
from wrappers_pure._syntax.etags import generate_etag
from wrappers_pure._syntax.etags import next_etag
from wrappers_pure._syntax.etags import unquote_etag
from wrappers_pure._syntax.quoting import *  # noqa: F403
from wrappers_pure._syntax.quoting import parse_dict_header
from wrappers_pure._syntax.quoting import parse_list_header
from wrappers_pure._syntax.ranges import *  # noqa: F403
from wrappers_pure._syntax.ranges import MAX_RANGES
from wrappers_pure._syntax.ranges import is_byte_range_valid
from wrappers_pure._syntax.ranges import plain_int
from wrappers_pure._syntax.tables import *  # noqa: F403
from wrappers_pure._syntax.qvalues import parse_qvalue_items
from wrappers_pure.datastructures import Accept
from wrappers_pure.datastructures import ContentRange
from wrappers_pure.datastructures import ContentSecurityPolicy
from wrappers_pure.datastructures import ETags
from wrappers_pure.datastructures import HeaderSet
from wrappers_pure.datastructures import IfRange
from wrappers_pure.datastructures import ImmutableMultiDict
from wrappers_pure.datastructures import MultiDict
from wrappers_pure.datastructures import Range
from wrappers_pure.datastructures import RequestCacheControl

if t.TYPE_CHECKING:  # pragma: no cover
    from wrappers_pure.datastructures.cache_control import _CacheControl


# --- set, cache-control and CSP headers ----------------------------------------


def parse_set_header(
    value: str | None,
    on_update: t.Callable[[HeaderSet], None] | None = None,
) -> HeaderSet:
    """Parse a comma-separated header into a case-insensitive, ordered
    :class:`~wrappers_pure.datastructures.HeaderSet`.

    Items are split as :func:`parse_list_header` splits them; None or ``""``
    gives an empty set. :func:`dump_header` does the reverse.

    :param value: The header value to parse.
    :param on_update: Called with the set whenever it changes.
    """
    if not value:
        return HeaderSet(None, on_update)

    return HeaderSet(parse_list_header(value), on_update)


_TCacheControl = t.TypeVar("_TCacheControl", bound="_CacheControl")


@t.overload
def parse_cache_control_header(
    value: str | None,
    on_update: t.Callable[[_CacheControl], None] | None = None,
) -> RequestCacheControl: ...


@t.overload
def parse_cache_control_header(
    value: str | None,
    on_update: t.Callable[[_CacheControl], None] | None = None,
    cls: type[_TCacheControl] = ...,
) -> _TCacheControl: ...


def parse_cache_control_header(
    value: str | None,
    on_update: t.Callable[[_CacheControl], None] | None = None,
    cls: type[_TCacheControl] | None = None,
) -> _TCacheControl | RequestCacheControl:
    """Parse a ``Cache-Control`` header into a cache-control object.

    The directives are read as :func:`parse_dict_header` reads them. Request and
    response directives are not told apart: pick the class that fits.

    :param value: The header value to parse; None or ``""`` gives an empty object.
    :param on_update: Called with the object whenever it changes.
    :param cls: The class to build, by default
        :class:`~wrappers_pure.datastructures.RequestCacheControl` (immutable).
    """
    factory: t.Callable[..., _TCacheControl | RequestCacheControl]
    factory = RequestCacheControl if cls is None else cls

    if not value:
        return factory((), on_update)

    return factory(parse_dict_header(value), on_update)


# --- Content-Security-Policy ---------------------------------------------------


_TPolicy = t.TypeVar("_TPolicy", bound=ContentSecurityPolicy)


@t.overload
def parse_csp_header(
    value: str | None,
    on_update: t.Callable[[ContentSecurityPolicy], None] | None = None,
) -> ContentSecurityPolicy: ...


@t.overload
def parse_csp_header(
    value: str | None,
    on_update: t.Callable[[ContentSecurityPolicy], None] | None = None,
    cls: type[_TPolicy] = ...,
) -> _TPolicy: ...


def parse_csp_header(
    value: str | None,
    on_update: t.Callable[[ContentSecurityPolicy], None] | None = None,
    cls: type[_TPolicy] | None = None,
) -> _TPolicy | ContentSecurityPolicy:
    """Parse a ``Content-Security-Policy`` header into a policy object.

    Directives are separated by ``;``; each is a name, a space and its value.
    A directive without a space is skipped.

    :param value: The header value to parse; None gives an empty policy.
    :param on_update: Called with the policy whenever it changes.
    :param cls: The class to build, by default
        :class:`~wrappers_pure.datastructures.ContentSecurityPolicy`.
    """
    factory: type[_TPolicy] | type[ContentSecurityPolicy]
    factory = ContentSecurityPolicy if cls is None else cls

    if value is None:
        return factory((), on_update)

    items = []

    for policy in value.split(";"):
        policy = policy.strip(" \t")

        if " " in policy:
            directive, _, text = policy.partition(" ")
            items.append((directive.strip(" \t"), text.strip(" \t")))

    return factory(items, on_update)


# --- ETags ---------------------------------------------------------------------


def parse_etags(value: str | None) -> ETags:
    """Parse an ``If-Match`` or ``If-None-Match`` header into
    :class:`~wrappers_pure.datastructures.ETags`.

    ``*`` gives the star tag; otherwise each comma-separated item that is a
    quoted ETag, optionally ``W/``-prefixed, goes to the strong or weak list.
    Unquoted items are accepted as ETags too; items that are neither are
    skipped up to the next comma. None or ``""`` give an empty object.

    :param value: The header value to parse.
    """
    if not value:
        return ETags()

    if value == "*":
        return ETags(star_tag=True)

    if not isinstance(value, str):
        # NOTE: Werkzeug's regex raises TypeError here; keep the type.
        raise TypeError(f"expected a str, got {type(value).__name__}")

    strong: list[t.Any] = []
    weak: list[t.Any] = []

    # PERF: the usual value is a list of quoted ETags, each maybe "W/"-prefixed,
    # none with a comma inside. Then splitting at commas gives the same items
    # as the general scan; at the first piece of any other shape, scan instead.
    # NOTE: an empty quoted ETag ("") is stored as None, as Werkzeug does.
    for piece in value.split(","):
        piece = piece.strip(" \t")

        if piece.startswith('"'):
            target = strong
        elif piece.startswith(("W/", "w/")):
            piece = piece[2:]
            target = weak
        else:
            break

        if len(piece) < 2 or piece.count('"') != 2 or not (
            piece.startswith('"') and piece.endswith('"')
        ):
            break

        target.append(piece[1:-1] or None)
    else:
        return ETags(strong, weak)

    strong.clear()
    weak.clear()
    pos = 0

    while True:
        found = next_etag(value, pos)

        if found is None:
            pos = value.find(",", pos) + 1

            if pos == 0:
                break

            continue

        pos, is_weak, tag = found

        if is_weak:
            weak.append(tag)
        else:
            strong.append(tag)

    return ETags(strong, weak)


# --- ranges --------------------------------------------------------------------


def parse_range_header(
    value: str | None, make_inclusive: bool = True
) -> Range | None:
    """Parse a ``Range`` header into a :class:`~wrappers_pure.datastructures.Range`.

    ``bytes=0-499`` gives the range ``(0, 500)`` (stops are exclusive),
    ``bytes=500-`` gives ``(500, None)`` and ``bytes=-500`` the suffix
    ``(-500, None)``. The unit is lower-cased but not checked. A missing or
    malformed header gives None: a bad number, an empty or reversed range, a
    ``-0`` suffix, ranges out of order or overlapping, anything after an open
    range. A header with more than 200 ranges also gives None
    (Werkzeug would parse them all; a response serves one range only, so the
    answer to the client is the same 416).

    :param value: The header value to parse.
    :param make_inclusive: Unused; kept for Werkzeug's signature.
    """
    if not value or "=" not in value:
        return None

    unit, _, spec = value.partition("=")

    if spec.count(",") >= MAX_RANGES:
        return None

    unit = unit.strip(" \t").lower()
    ranges: list[tuple[int, int | None]] = []
    last_stop = 0
    start: int
    stop: int | None

    for item in spec.split(","):
        item = item.strip(" \t")

        if "-" not in item:
            return None

        if item.startswith("-"):
            # A suffix: the last N bytes; nothing may follow an open range.
            if last_stop < 0:
                return None

            try:
                start = plain_int(item)
            except ValueError:
                return None

            if start == 0:
                return None

            stop = None
            last_stop = -1
        else:
            first, _, last = item.partition("-")

            try:
                start = plain_int(first)
            except ValueError:
                return None

            if last_stop < 0 or start < last_stop:
                return None

            last = last.strip(" \t")

            if last:
                try:
                    stop = plain_int(last) + 1
                except ValueError:
                    return None

                if start >= stop:
                    return None

                last_stop = stop
            else:
                stop = None
                last_stop = -1

        ranges.append((start, stop))

    return Range(unit, ranges)


def parse_content_range_header(
    value: str | None,
    on_update: t.Callable[[ContentRange], None] | None = None,
) -> ContentRange | None:
    """Parse a ``Content-Range`` header into a
    :class:`~wrappers_pure.datastructures.ContentRange`.

    ``bytes 0-499/1234`` gives start 0, stop 500 (exclusive) and length 1234;
    ``*`` stands for an unknown length or an unsatisfied range. None or a
    malformed or invalid range gives None.

    :param value: The header value to parse.
    :param on_update: Called with the object whenever it changes.
    """
    if value is None:
        return None

    unit, _, spec = (value or "").strip(" \t").partition(" ")

    if "/" not in spec:
        return None

    span, _, length_text = spec.partition("/")
    length: int | None

    if length_text == "*":
        length = None
    else:
        try:
            length = plain_int(length_text)
        except ValueError:
            return None

    if span == "*":
        if not is_byte_range_valid(None, None, length):
            return None

        return ContentRange(unit, None, None, length, on_update=on_update)

    if "-" not in span:
        return None

    first, _, last = span.partition("-")

    try:
        start = plain_int(first)
        stop = plain_int(last) + 1
    except ValueError:
        return None

    if is_byte_range_valid(start, stop, length):
        return ContentRange(unit, start, stop, length, on_update=on_update)

    return None


# --- conditional requests -------------------------------------------------------


def parse_if_range_header(value: str | None) -> IfRange:
    """Parse an ``If-Range`` header, a date or an entity tag, into an :class:`IfRange`.

    A weak tag loses its weakness (ranges compare tags strongly).

    :param value: The header value.
    """
    if not value:
        return IfRange()

    parsed = parse_date(value)

    if parsed is not None:
        return IfRange(date=parsed)

    return IfRange(unquote_etag(value)[0])


def is_resource_modified(
    environ: WSGIEnvironment,
    etag: str | None = None,
    data: bytes | None = None,
    last_modified: datetime | str | None = None,
    ignore_if_range: bool = True,
) -> bool:
    """Whether a resource changed, judged by a request's conditional headers.

    ``If-Modified-Since`` is compared with ``last_modified`` (to the second),
    ``If-None-Match`` weakly and ``If-Match`` strongly with ``etag``; with
    ``ignore_if_range`` False and a ``Range`` header, ``If-Range`` takes the
    place of the first two. Unreadable dates are ignored.

    :param environ: The WSGI environment of the request.
    :param etag: The response's entity tag.
    :param data: The response body, to make the tag with :func:`generate_etag`
        instead of giving ``etag``.
    :param last_modified: When the resource last changed: a datetime (naive
        means UTC) or an HTTP date.
    :param ignore_if_range: Whether to ignore the ``If-Range`` header.
    :raises TypeError: Both ``etag`` and ``data`` are given.
    """
    if etag is None and data is not None:
        etag = f'"{generate_etag(data)}"'
    elif data is not None:
        raise TypeError("both data and etag given")

    unmodified = False

    if isinstance(last_modified, str):
        last_modified = parse_date(last_modified)

    # HTTP dates have no fraction of a second: drop it before comparing.
    if last_modified is not None:
        last_modified = as_utc(last_modified.replace(microsecond=0))

    if_range = None

    # An If-Range without a Range is ignored (RFC 9110, section 13.1.5).
    if not ignore_if_range and environ.get("HTTP_RANGE") is not None:
        if_range = parse_if_range_header(environ.get("HTTP_IF_RANGE"))

    if if_range is not None and if_range.date is not None:
        modified_since: datetime | None = if_range.date
    else:
        modified_since = parse_date(environ.get("HTTP_IF_MODIFIED_SINCE"))

    if modified_since and last_modified and last_modified <= modified_since:
        unmodified = True

    if etag:
        etag = unquote_etag(etag)[0]

        if if_range is not None and if_range.etag is not None:
            unmodified = if_range.etag == etag
        else:
            if_none_match = parse_etags(environ.get("HTTP_IF_NONE_MATCH"))

            if if_none_match:
                unmodified = if_none_match.contains_weak(etag)

            if_match = parse_etags(environ.get("HTTP_IF_MATCH"))

            if if_match:
                unmodified = not if_match.is_strong(etag)

    return not unmodified


#: An entity tag's text that :func:`_quick_unmodified` takes as it is: visible
#: ASCII other than ``"`` and ``,``.
_plain_tag = re.compile(r"[!#-+\--~]+\Z").match


def _single_tag(value: t.Any) -> str | None:
    """The tag of an ``If-None-Match`` value that is one quoted entity tag of
    plain characters (``"x"`` or ``W/"x"``), else None (then
    :func:`~wrappers_pure.http.parse_etags` decides)."""
    if type(value) is not str:
        return None

    start = 2 if value.startswith(("W/", "w/")) else 0

    if len(value) - start < 3 or value[start] != '"' or value[-1] != '"':
        return None

    tag = value[start + 1 : -1]
    return tag if _plain_tag(tag) else None


def _quick_unmodified(environ: WSGIEnvironment, etag: t.Any) -> bool | None:
    """What ``not is_resource_modified(environ, etag, ...)`` gives, when the
    request makes that plain, else None.

    It is ``Response.make_conditional``'s shortcut. PERF: the common requests (none of the conditional headers, or an
    ``If-None-Match`` that is ``*`` or one simple tag, without ``If-Match``)
    are answered without parsing; a non-empty ``If-None-Match`` decides alone
    then (the dates do not count). The compiled twin has the same shortcut.
    """
    if "HTTP_IF_MATCH" in environ:
        return None

    inm = environ.get("HTTP_IF_NONE_MATCH")

    if inm is None:
        return None if "HTTP_IF_MODIFIED_SINCE" in environ else False

    if type(etag) is not str or not etag:
        return None

    if inm == "*" and type(inm) is str:
        return True

    tag = _single_tag(inm)

    if tag is None:
        return None

    return tag == unquote_etag(etag)[0]


# --- cookies --------------------------------------------------------------------


def _new_multidict(
    lists: dict[str, list[str]], cls: type[MultiDict[str, str]] = MultiDict
) -> MultiDict[str, str]:
    """A ``cls`` (MultiDict or ImmutableMultiDict) holding ``lists`` (key to
    list of values), as is."""
    result: MultiDict[str, str] = cls.__new__(cls)
    dict.update(result, lists)
    return result


def parse_cookie(
    header: WSGIEnvironment | str | None,
    cls: type[MultiDict[str, str]] | None = None,
) -> MultiDict[str, str]:
    """Parse a ``Cookie`` header into a :class:`MultiDict`, keys in order.

    Pairs that cannot be parsed are skipped up to the next ``;``; so is a pair
    with an empty key (``=value``), so that it cannot pose as another cookie.
    Quoted values are unquoted and their escapes decoded.

    :param header: The header as a WSGI (Latin-1) string, or a WSGI environ
        whose ``HTTP_COOKIE`` to parse, or None.
    :param cls: The class to build from the list of ``(key, value)`` pairs;
        :class:`MultiDict` by default.
    """
    if isinstance(header, dict):
        cookie = header.get("HTTP_COOKIE")
    else:
        cookie = header

    # NOTE: a MultiDict is a dict of value lists, and its __init__ only fills
    # them in: for the default class the lists are put in place directly.
    multi = cls is None or cls is MultiDict or cls is ImmutableMultiDict
    target = MultiDict if cls is None else cls
    lists: dict[str, list[str]] = {}
    pairs: list[tuple[str, str]] = []

    if not cookie:
        return _new_multidict(lists, target) if multi else cls()  # type: ignore[misc]

    # The WSGI string carries the header's bytes as Latin-1; they are UTF-8.
    if cookie.__class__ is not str or not cookie.isascii():
        cookie = cookie.encode("latin1").decode(errors="replace")

    if '"' not in cookie:
        # PERF: without quotes, a pair never spans a ";": each segment is
        # ``key``, ``key=token`` or junk (skipped).
        for segment in cookie.split(";"):
            # PERF: the usual separator is "; ".
            if segment[:1] == " ":
                segment = segment[1:]

            if " " in segment or "\t" in segment:
                segment = segment.strip(" \t")
                key, _, value = segment.partition("=")
                key = key.rstrip(" \t")
                value = value.lstrip(" \t")

                if " " in key or "\t" in key or " " in value or "\t" in value:
                    continue
            else:
                key, _, value = segment.partition("=")

            if not key:
                continue

            if multi:
                values = lists.get(key)

                if values is None:
                    lists[key] = [value]
                else:
                    values.append(value)
            else:
                pairs.append((key, value))
    else:
        n = len(cookie)
        pos = 0

        while pos < n:
            found = parse_cookie_at(cookie, pos, n)

            if found is None:
                # Skip what cannot be parsed, up to the next ";".
                pos = cookie.find(";", pos) + 1

                if pos == 0:
                    break

                continue

            key, value, pos = found

            if value[:1] == '"':
                inner = value[1:-1]
                value = unslash(inner) if "\\" in inner else inner

            if multi:
                values = lists.get(key)

                if values is None:
                    lists[key] = [value]
                else:
                    values.append(value)
            else:
                pairs.append((key, value))

    if multi:
        return _new_multidict(lists, target)

    return cls(pairs)  # type: ignore[misc]


_TAnyAccept = t.TypeVar("_TAnyAccept", bound=Accept)


@t.overload
def parse_accept_header(value: str | None) -> Accept: ...
@t.overload
def parse_accept_header(value: str | None, cls: type[_TAnyAccept]) -> _TAnyAccept: ...
def parse_accept_header(
    value: str | None, cls: type[_TAnyAccept] | None = None
) -> _TAnyAccept:
    """Parse an ``Accept``-style header (``Accept``, ``Accept-Charset``,
    ``Accept-Encoding``, ``Accept-Language``) into an :class:`Accept` object,
    sorted by specificity and quality.

    Items whose ``q`` is not a number from 0 to 1 are skipped; other
    parameters stay on the value (``text/html; level=1``). An empty or missing
    header gives ``cls(None)``, whose ``provided`` is false.

    :param value: The header value.
    :param cls: The :class:`Accept` class to build (:class:`MIMEAccept` for
        ``Accept``, ...); :class:`Accept` by default.
    """
    # NOTE: the compiled twin (wrappers/_accept.pyx) has its own, which scans
    # common headers in C and gives the same pairs.
    if cls is None:
        cls = t.cast("type[_TAnyAccept]", Accept)

    if not value:
        return cls(None)

    return cls(parse_qvalue_items(value))


__all__ = [
    "is_resource_modified",
    "parse_accept_header",
    "parse_cache_control_header",
    "parse_content_range_header",
    "parse_cookie",
    "parse_csp_header",
    "parse_etags",
    "parse_if_range_header",
    "parse_range_header",
    "parse_set_header",
]
__all__ += cookies.__all__
__all__ += dates.__all__
__all__ += etags.__all__
__all__ += quoting.__all__
__all__ += ranges.__all__
__all__ += tables.__all__
