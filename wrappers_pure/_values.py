"""Header values: quoting, option and list headers, ETags, ranges and tables (pure).

Behaviour is Werkzeug 3.1's ``werkzeug.http`` for these functions, result for
result and exception type for exception type. :mod:`wrappers_pure.http`
re-exports everything listed in ``__all__``.

One deliberate limit: :func:`parse_range_header` gives up (returns None) on a
``Range`` header with more than 200 ranges. Werkzeug parses all
of them, but a response only ever serves a single range, so the HTTP answer is
the same (416) either way.

PERF: :func:`parse_options_header`, :func:`dump_options_header`,
:func:`quote_header_value`, :func:`quote_etag`, :func:`unquote_etag` and
:func:`parse_etags` run on every ``mimetype`` or ``etag`` access of a response:
they take plain string-method paths for the common shapes and fall back to the
general scanner only when a value needs it.
"""

from __future__ import annotations

import re
import typing as t
from enum import Enum
from hashlib import sha1
from urllib.parse import unquote

from wrappers_pure._structures import ContentRange
from wrappers_pure._structures import ContentSecurityPolicy
from wrappers_pure._structures import ETags
from wrappers_pure._structures import HeaderSet
from wrappers_pure._structures import Range
from wrappers_pure._structures import RequestCacheControl
from wrappers_pure._structures import is_byte_range_valid

if t.TYPE_CHECKING:  # pragma: no cover
    from wrappers_pure._structures import _CacheControl
    from wrappers_pure.headers import Headers

#: The characters of an RFC 9110 ``token``; a value made only of these needs no quotes.
_TOKEN_CHARS: t.Final = frozenset(
    "!#$%&'*+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz|~"
)

#: The same set as a regex character class body (``-`` escaped).
_TOKEN_CLASS: t.Final = r"0-9A-Za-z_!#$%&'*+\-.^`|~"

#: ``key=`` at the scan position of :func:`parse_options_header`'s general scanner.
_option_key_re: t.Final = re.compile(f"([{_TOKEN_CLASS}]+)=", re.ASCII)

#: The longest run of token characters at a position.
_token_run_re: t.Final = re.compile(f"[{_TOKEN_CLASS}]+", re.ASCII)

#: An unquoted ETag: anything up to a quote, space, tab or comma.
_etag_run_re: t.Final = re.compile(r'[^" \t,]+')

#: RFC 2231 ``charset'language'percent-encoded`` values. The charset and the
#: language exclude ``'``; the value allows it. ``$`` (not ``\\Z``) on purpose:
#: Werkzeug's pattern also accepts a single trailing newline.
_charset_value_re: t.Final = re.compile(
    "([0-9A-Za-z_!#$%&*+\\-.^`|~]*)'[0-9A-Za-z_!#$%&*+\\-.^`|~]*'"
    f"([{_TOKEN_CLASS}]+)$",
    re.ASCII,
)

#: The charsets an RFC 2231 value may name; any other leaves the value as it is.
_SAFE_CHARSETS: t.Final = frozenset(("ascii", "us-ascii", "utf-8", "iso-8859-1"))

#: Headers that describe the entity rather than the message (lower case).
_ENTITY_HEADERS: t.Final = frozenset(
    (
        "allow",
        "content-encoding",
        "content-language",
        "content-length",
        "content-location",
        "content-md5",
        "content-range",
        "content-type",
        "expires",
        "last-modified",
    )
)

#: HTTP/1.1 hop-by-hop headers (lower case).
_HOP_BY_HOP_HEADERS: t.Final = frozenset(
    (
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
    )
)

#: :func:`parse_range_header` returns None for a header with more ranges than
#: this (HOSTILE-INPUT 20). Werkzeug would return a :class:`Range` holding all
#: of them, but ``Range.range_for_length`` serves exactly one range and gives
#: None for several, so ``make_conditional`` answers 416 in both cases. 200 is
#: Apache httpd's default ``MaxRanges``.
_MAX_RANGES: t.Final = 200

#: Status code -> reason phrase, the same table as Werkzeug's.
HTTP_STATUS_CODES: dict[int, str] = {
    100: "Continue",
    101: "Switching Protocols",
    102: "Processing",
    103: "Early Hints",
    200: "OK",
    201: "Created",
    202: "Accepted",
    203: "Non Authoritative Information",
    204: "No Content",
    205: "Reset Content",
    206: "Partial Content",
    207: "Multi Status",
    208: "Already Reported",
    226: "IM Used",
    300: "Multiple Choices",
    301: "Moved Permanently",
    302: "Found",
    303: "See Other",
    304: "Not Modified",
    305: "Use Proxy",
    306: "Switch Proxy",
    307: "Temporary Redirect",
    308: "Permanent Redirect",
    400: "Bad Request",
    401: "Unauthorized",
    402: "Payment Required",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    407: "Proxy Authentication Required",
    408: "Request Timeout",
    409: "Conflict",
    410: "Gone",
    411: "Length Required",
    412: "Precondition Failed",
    413: "Request Entity Too Large",
    414: "Request URI Too Long",
    415: "Unsupported Media Type",
    416: "Requested Range Not Satisfiable",
    417: "Expectation Failed",
    418: "I'm a teapot",
    421: "Misdirected Request",
    422: "Unprocessable Entity",
    423: "Locked",
    424: "Failed Dependency",
    425: "Too Early",
    426: "Upgrade Required",
    428: "Precondition Required",
    429: "Too Many Requests",
    431: "Request Header Fields Too Large",
    449: "Retry With",
    451: "Unavailable For Legal Reasons",
    500: "Internal Server Error",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
    505: "HTTP Version Not Supported",
    506: "Variant Also Negotiates",
    507: "Insufficient Storage",
    508: "Loop Detected",
    510: "Not Extended",
    511: "Network Authentication Failed",
}


class COEP(Enum):
    """The values of the ``Cross-Origin-Embedder-Policy`` header.

    A plain :class:`~enum.Enum`, as in Werkzeug: a member is not equal to its
    string; ``COEP("require-corp")`` looks one up and ``.value`` gives the text.
    """

    UNSAFE_NONE = "unsafe-none"
    REQUIRE_CORP = "require-corp"


class COOP(Enum):
    """The values of the ``Cross-Origin-Opener-Policy`` header.

    A plain :class:`~enum.Enum`, as in Werkzeug: a member is not equal to its
    string; ``COOP("same-origin")`` looks one up and ``.value`` gives the text.
    """

    UNSAFE_NONE = "unsafe-none"
    SAME_ORIGIN_ALLOW_POPUPS = "same-origin-allow-popups"
    SAME_ORIGIN = "same-origin"


# --- quoting -------------------------------------------------------------------


def quote_header_value(value: t.Any, allow_token: bool = True) -> str:
    """Quote a header value with double quotes unless it is a token.

    The value is converted with :class:`str` first. The empty string gives
    ``""``; ``"`` and ``\\`` are escaped with a backslash inside the quotes.
    :func:`unquote_header_value` undoes this.

    :param value: The value to quote.
    :param allow_token: When False, quote even a value that is a token.
    """
    text = str(value)

    if not text:
        return '""'

    if allow_token and _TOKEN_CHARS.issuperset(text):
        return text

    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _unescape(text: str) -> str:
    """Drop each backslash that precedes a character other than a newline.

    The escaped character is kept literally (an escaped backslash gives one
    backslash); a backslash before a newline, or at the very end, stays.

    :param text: The inside of a quoted string.
    """
    parts = []
    start = 0
    pos = 0
    last = len(text) - 1

    while True:
        slash = text.find("\\", pos)

        if slash < 0 or slash >= last:
            break

        if text[slash + 1] != "\n":
            # Cut out the backslash; the escaped character starts the next piece.
            parts.append(text[start:slash])
            start = slash + 1

        pos = slash + 2

    parts.append(text[start:])
    return "".join(parts)


def unquote_header_value(value: str) -> str:
    """Remove the double quotes around a header value and its backslash escapes.

    A value that is not wrapped in double quotes is returned unchanged. Inside
    the quotes, a backslash followed by any character except a newline is
    replaced by that character. :func:`quote_header_value` does the reverse.

    :param value: The header value to unquote.
    """
    if len(value) >= 2 and value.startswith('"') and value.endswith('"'):
        inner = value[1:-1]

        if "\\" in inner:
            return _unescape(inner)

        return inner

    return value


def _quoted_end(text: str, start: int) -> int:
    """The index just past the closing quote of the quoted string at ``start``.

    A backslash inside the string makes the next character ordinary. Returns
    -1 when the string is not closed.

    :param text: The text to scan.
    :param start: The index of the opening ``"``.
    """
    pos = start + 1
    quote = -1

    while True:
        # PERF: both searches only move forward, so the scan stays linear.
        if quote < pos:
            quote = text.find('"', pos)

            if quote < 0:
                return -1

        slash = text.find("\\", pos, quote)

        if slash < 0:
            return quote + 1

        pos = slash + 2


# --- options headers -----------------------------------------------------------


def dump_options_header(header: str | None, options: t.Mapping[str, t.Any]) -> str:
    """Join a header value and ``key=value`` parameters with ``"; "``.

    ``dump_options_header("text/html", {"charset": "utf-8"})`` gives
    ``'text/html; charset=utf-8'``. Values that are not tokens are quoted; a
    ``None`` value skips its parameter; a key ending in ``*`` is taken to hold an
    already encoded RFC 2231 value and is not quoted. :func:`parse_options_header`
    does the reverse.

    :param header: The main value, or None for parameters alone.
    :param options: The parameters, in order.
    """
    parts = [] if header is None else [header]

    for key, value in options.items():
        if value is None:
            continue

        if key.endswith("*"):
            parts.append(f"{key}={value}")
        else:
            parts.append(f"{key}={quote_header_value(value)}")

    return "; ".join(parts)


def _scan_options(rest: str) -> list[tuple[str, str]]:
    """Collect the raw ``(key, value)`` parameters of an options header.

    ``rest`` is everything after the first ``;``, stripped. A parameter is a
    token key (lower-cased), ``=`` and a token or a quoted string (kept with its
    quotes). Parts that are not parameters are skipped up to the next ``;``; an
    unclosed quoted value ends the scan.

    :param rest: The parameter part of the header value.
    """
    parts: list[tuple[str, str]] = []

    if '"' not in rest:
        # Fast path: without quotes, every ";" separates parameters.
        token_chars = _TOKEN_CHARS

        for segment in rest.split(";"):
            key, eq, value = segment.lstrip(" \t").partition("=")

            if not eq or not key or not token_chars.issuperset(key):
                continue

            if not value:
                continue

            if not token_chars.issuperset(value):
                match = _token_run_re.match(value)

                if match is None:
                    continue

                value = match.group()

            parts.append((key.lower(), value))

        return parts

    pos = 0
    length = len(rest)

    while pos < length:
        key_match = _option_key_re.match(rest, pos)

        if key_match is not None:
            key = key_match.group(1).lower()
            pos = key_match.end()
            value_match = _token_run_re.match(rest, pos)

            if value_match is not None:
                parts.append((key, value_match.group()))
            elif rest.startswith('"', pos):
                end = _quoted_end(rest, pos)

                if end < 0:
                    break

                parts.append((key, rest[pos:end]))
                pos = end

        semicolon = rest.find(";", pos)

        if semicolon < 0:
            break

        pos = semicolon + 1

        while pos < length and rest[pos] in " \t":
            pos += 1

    return parts


def _split_marks(key: str) -> tuple[str, bool, bool]:
    """Split RFC 2231 marks off a parameter name.

    ``name*`` marks a charset-encoded value, ``name*N`` a continuation and
    ``name*N*`` both.

    :param key: The parameter name.
    :return: ``(name, has_continuation, has_charset)``.
    """
    has_charset = key.endswith("*")
    name = key[:-1] if has_charset else key
    star = name.rfind("*")

    if star >= 0:
        digits = name[star + 1 :]

        if digits and digits.isascii() and digits.isdigit():
            return name[:star], True, has_charset

    return name, False, has_charset


def parse_options_header(value: str | None) -> tuple[str, dict[str, str]]:
    """Split a header such as ``Content-Type`` into its value and parameters.

    ``parse_options_header("text/html; charset=utf-8")`` gives
    ``('text/html', {'charset': 'utf-8'})``; None and ``""`` give
    ``('', {})``. Parameter names are lower-cased. Parts that are not valid
    RFC 9110 parameters are skipped, and an unclosed quoted value ends the
    parameters. Quoted values are unquoted, and both ``\\"`` and ``%22`` become
    ``"``. RFC 2231 continuations (``name*0``, ``name*1``) are joined in the
    order they appear, and ``name*=charset'lang'value`` values are
    percent-decoded when the charset is ASCII, UTF-8 or ISO-8859-1 (else they
    are kept as they are). :func:`dump_options_header` does the reverse.

    :param value: The header value to parse.
    :return: ``(value, options)``.
    """
    if value is None:
        return "", {}

    value, _, rest = value.partition(";")
    value = value.strip(" \t")
    rest = rest.strip(" \t")

    if not value or not rest:
        return value, {}

    options: dict[str, str] = {}
    continuations: dict[str, list[str]] = {}
    continuation_charsets: dict[str, str] = {}

    for key, raw in _scan_options(rest):
        if "*" not in key:
            # PERF: the usual parameter, without RFC 2231 marks.
            text = unquote_header_value(raw)

            if "%22" in text:
                text = text.replace("%22", '"')

            if continuations and key in continuations:
                del continuations[key]
                continuation_charsets.pop(key, None)

            options[key] = text
            continue

        name, has_continuation, has_charset = _split_marks(key)
        charset: str | None = None

        if has_charset:
            match = _charset_value_re.match(raw)

            if match is not None:
                charset = match.group(1).lower()
                raw = match.group(2)

            if not charset and has_continuation:
                charset = continuation_charsets.get(name)

            if charset is not None and charset in _SAFE_CHARSETS:
                raw = unquote(raw, encoding=charset)
        else:
            raw = unquote_header_value(raw).replace("%22", '"')

        if has_continuation:
            options.pop(name, None)

            if name in continuations:
                continuations[name].append(raw)
            else:
                continuations[name] = [raw]

            if charset:
                continuation_charsets[name] = charset
        else:
            if name in continuations:
                del continuations[name]
                continuation_charsets.pop(name, None)

            options[name] = raw

    for name, pieces in continuations.items():
        options[name] = "".join(pieces)

    return value, options


# --- list, dict and set headers ------------------------------------------------


def dump_header(iterable: dict[str, t.Any] | t.Iterable[t.Any]) -> str:
    """Join items, or the ``key=value`` pairs of a dict, with ``", "``.

    ``dump_header(["a", "b c"])`` gives ``'a, "b c"'`` and
    ``dump_header({"a": "b c"})`` gives ``'a="b c"'``. Values that are not tokens
    are quoted. In a dict, a ``None`` value writes the key alone and a key ending
    in ``*`` is taken to hold an already encoded RFC 2231 value (not quoted).
    :func:`parse_list_header`, :func:`parse_dict_header` and
    :func:`parse_set_header` do the reverse.

    :param iterable: The items, or a dict of pairs.
    """
    parts: list[str] = []

    if isinstance(iterable, dict):
        for key, value in iterable.items():
            if value is None:
                parts.append(key)
            elif key.endswith("*"):
                parts.append(f"{key}={value}")
            else:
                parts.append(f"{key}={quote_header_value(value)}")
    else:
        for item in iterable:
            parts.append(quote_header_value(item))

    return ", ".join(parts)


def parse_list_header(value: str) -> list[str]:
    """Split a comma-separated header value (RFC 9110 lists) into its items.

    ``parse_list_header('a, "b, c"')`` gives ``['a', 'b, c']``. Commas inside a
    quoted string do not split; items are stripped of spaces and tabs, empty
    items are dropped, and an item that is a single quoted string is unquoted
    (one that is only partly quoted keeps its quotes and escapes). A value with
    an unclosed quoted string gives ``[]``. :func:`dump_header` does the
    reverse.

    :param value: The header value to parse.
    """
    pieces: list[str]

    if '"' not in value:
        pieces = value.split(",")
    else:
        pieces = []
        start = 0
        pos = 0
        comma = value.find(",")
        quote = value.find('"')

        while True:
            # PERF: ``comma`` and ``quote`` are only searched again once the
            # scan has passed them, so the whole value is scanned once.
            if 0 <= comma < pos:
                comma = value.find(",", pos)

            if 0 <= quote < pos:
                quote = value.find('"', pos)

            if quote >= 0 and (comma < 0 or quote < comma):
                pos = _quoted_end(value, quote)

                if pos < 0:
                    return []

                continue

            if comma < 0:
                pieces.append(value[start:])
                break

            pieces.append(value[start:comma])
            start = pos = comma + 1

    items = []

    for piece in pieces:
        piece = piece.strip(" \t")

        if piece:
            items.append(unquote_header_value(piece))

    return items


def parse_dict_header(value: str) -> dict[str, str | None]:
    """Parse a comma-separated list of ``key=value`` items into a dict.

    ``parse_dict_header('a=b, c="d, e", f')`` gives
    ``{'a': 'b', 'c': 'd, e', 'f': None}``. Items are split as
    :func:`parse_list_header` splits them; a key without ``=`` maps to None,
    items with an empty key are skipped, and a later key wins. A value given as
    ``key*=charset'lang'value`` is percent-decoded when the charset is ASCII,
    UTF-8 or ISO-8859-1 and stored under ``key``. A value with an unclosed quoted
    string gives ``{}``. :func:`dump_header` does the reverse.

    :param value: The header value to parse.
    """
    result: dict[str, str | None] = {}

    for item in parse_list_header(value):
        key, eq, text = item.partition("=")
        key = key.strip(" \t")

        if not key:
            continue

        if not eq:
            result[key] = None
            continue

        text = text.strip(" \t")

        if key.endswith("*"):
            key = key[:-1]
            charset: str | None = None
            match = _charset_value_re.match(text)

            if match is not None:
                charset = match.group(1).lower()
                text = match.group(2)

            if charset is not None and charset in _SAFE_CHARSETS:
                text = unquote(text, encoding=charset)

        result[key] = unquote_header_value(text)

    return result


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


def dump_csp_header(header: ContentSecurityPolicy) -> str:
    """Write a policy object as a ``Content-Security-Policy`` header value.

    Each directive becomes ``"name value"``, joined with ``"; "``.

    :param header: The policy (any mapping of directive names to values).
    """
    parts = []

    for key, value in header.items():
        parts.append(f"{key} {value}")

    return "; ".join(parts)


# --- ETags ---------------------------------------------------------------------


def quote_etag(etag: str, weak: bool = False) -> str:
    """Wrap an ETag in double quotes, with a ``W/`` prefix when it is weak.

    :param etag: The ETag, which must not contain ``"`` (:exc:`ValueError`).
    :param weak: Mark the ETag as weak.
    """
    if '"' in etag:
        raise ValueError("invalid etag")

    if weak:
        return f'W/"{etag}"'

    return f'"{etag}"'


@t.overload
def unquote_etag(etag: str) -> tuple[str, bool]: ...


@t.overload
def unquote_etag(etag: None) -> tuple[None, None]: ...


def unquote_etag(etag: str | None) -> tuple[str, bool] | tuple[None, None]:
    """Split an ETag into its text and weakness.

    ``unquote_etag('W/"x"')`` gives ``('x', True)`` and ``unquote_etag('"x"')``
    gives ``('x', False)``. A ``W/`` or ``w/`` prefix marks it weak; the quotes
    are removed when there are quotes at both ends, and an unquoted ETag is
    returned as it is. None or ``""`` give ``(None, None)``.

    :param etag: The ETag to unquote.
    """
    if not etag:
        return None, None

    if etag.startswith(("W/", "w/")):
        body = etag[2:]

        if body.startswith('"') and body.endswith('"'):
            return body[1:-1], True

        return body, True

    if etag.startswith('"') and etag.endswith('"'):
        return etag[1:-1], False

    return etag, False


def _next_etag(value: str, pos: int) -> tuple[int, bool, str | None] | None:
    """Read one ETag of a comma-separated list, starting at ``pos``.

    An ETag is an optional ``W/`` or ``w/``, then a quoted string or a run of
    characters other than ``"``, space, tab and comma, surrounded by optional
    spaces or tabs and followed by a comma or the end. An empty quoted string
    reads as None.

    :param value: The header value.
    :param pos: Where to start.
    :return: ``(end, weak, tag)``, with ``end`` just past the comma, or None
        when there is no valid ETag at ``pos``.
    """
    length = len(value)

    while pos < length and value[pos] in " \t":
        pos += 1

    weak = False

    if value.startswith(("W/", "w/"), pos):
        # A bare "W/" (followed by nothing, a space, a tab or a comma) is an
        # unquoted tag of its own rather than a weak marker.
        if pos + 2 < length and value[pos + 2] not in " \t,":
            weak = True
            pos += 2

    tag: str | None

    if pos < length and value[pos] == '"':
        close = value.find('"', pos + 1)

        if close < 0:
            return None

        tag = value[pos + 1 : close] or None
        end = close + 1
    else:
        run = _etag_run_re.match(value, pos)

        if run is None:
            return None

        tag = run.group()
        end = run.end()

    while end < length and value[end] in " \t":
        end += 1

    if end == length:
        return end, weak, tag

    if value[end] == ",":
        return end + 1, weak, tag

    return None


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
        found = _next_etag(value, pos)

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


def generate_etag(data: bytes) -> str:
    """Make an ETag for some data: the hex SHA-1 digest of the bytes.

    :param data: The data to hash.
    """
    # PERF: digest().hex() gives hexdigest()'s text; on PyPy it is about
    # 0.7 us faster per call (about the same on CPython).
    return sha1(data).digest().hex()


# --- ranges --------------------------------------------------------------------


def _plain_int(text: str) -> int:
    """Read an integer made only of ASCII digits with an optional leading ``-``.

    Spaces and tabs around it are ignored. Anything else (``+``, ``_``, other
    whitespace, non-ASCII digits, or more digits than :func:`int` accepts) raises
    :exc:`ValueError`.

    :param text: The text to read.
    """
    text = text.strip(" \t")
    digits = text[1:] if text.startswith("-") else text

    if not digits or not digits.isascii() or not digits.isdigit():
        raise ValueError(f"invalid integer: {text!r}")

    return int(text)


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

    if spec.count(",") >= _MAX_RANGES:
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
                start = _plain_int(item)
            except ValueError:
                return None

            if start == 0:
                return None

            stop = None
            last_stop = -1
        else:
            first, _, last = item.partition("-")

            try:
                start = _plain_int(first)
            except ValueError:
                return None

            if last_stop < 0 or start < last_stop:
                return None

            last = last.strip(" \t")

            if last:
                try:
                    stop = _plain_int(last) + 1
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
            length = _plain_int(length_text)
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
        start = _plain_int(first)
        stop = _plain_int(last) + 1
    except ValueError:
        return None

    if is_byte_range_valid(start, stop, length):
        return ContentRange(unit, start, stop, length, on_update=on_update)

    return None


# --- entity and hop-by-hop headers ---------------------------------------------


def is_entity_header(header: str) -> bool:
    """Tell whether a header name is an entity header (``Content-Type``,
    ``Content-Length``, ``Expires``, ...), ignoring case.

    :param header: The header name.
    """
    return header.lower() in _ENTITY_HEADERS


def is_hop_by_hop_header(header: str) -> bool:
    """Tell whether a header name is an HTTP/1.1 hop-by-hop header
    (``Connection``, ``Keep-Alive``, ``Transfer-Encoding``, ...), ignoring case.

    :param header: The header name.
    """
    return header.lower() in _HOP_BY_HOP_HEADERS


def remove_entity_headers(
    headers: Headers | list[tuple[str, str]],
    allowed: t.Iterable[str] = ("expires", "content-location"),
) -> None:
    """Remove the entity headers from a list of pairs or a
    :class:`~wrappers_pure.headers.Headers`, in place.

    By default ``Expires`` and ``Content-Location`` are kept, since a 304
    response should still send them (RFC 2616, 10.3.5).

    :param headers: The headers to edit.
    :param allowed: Names (any case) of entity headers to keep.
    """
    keep = set()

    for name in allowed:
        keep.add(name.lower())

    kept = []

    for key, value in headers:
        if not is_entity_header(key) or key.lower() in keep:
            kept.append((key, value))

    headers[:] = kept


def remove_hop_by_hop_headers(headers: Headers | list[tuple[str, str]]) -> None:
    """Remove the HTTP/1.1 hop-by-hop headers from a list of pairs or a
    :class:`~wrappers_pure.headers.Headers`, in place.

    :param headers: The headers to edit.
    """
    kept = []

    for key, value in headers:
        if not is_hop_by_hop_header(key):
            kept.append((key, value))

    headers[:] = kept


__all__ = [
    "COEP",
    "COOP",
    "HTTP_STATUS_CODES",
    "dump_csp_header",
    "dump_header",
    "dump_options_header",
    "generate_etag",
    "is_byte_range_valid",
    "is_entity_header",
    "is_hop_by_hop_header",
    "parse_cache_control_header",
    "parse_content_range_header",
    "parse_csp_header",
    "parse_dict_header",
    "parse_etags",
    "parse_list_header",
    "parse_options_header",
    "parse_range_header",
    "parse_set_header",
    "quote_etag",
    "quote_header_value",
    "remove_entity_headers",
    "remove_hop_by_hop_headers",
    "unquote_etag",
    "unquote_header_value",
]
