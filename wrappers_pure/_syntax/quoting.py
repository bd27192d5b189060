"""Header value syntax: tokens and quoted strings, parameters, lists and
dicts (pure; both twins use these).

Text in, plain values out (``str``, ``list``, ``dict``): nothing here builds a
data structure, so the data structures can use these functions and
:mod:`wrappers_pure.http`, above them, can build structures from their
results. Behaviour is Werkzeug 3.1's ``werkzeug.http`` for the public names;
:mod:`wrappers_pure.http` re-exports every name of ``__all__``.

PERF: :func:`parse_options_header`, :func:`dump_options_header` and
:func:`quote_header_value` run on every ``mimetype`` access of a response:
they take plain string-method paths for the common shapes and fall back to the
general scanner only when a value needs it.
"""

from __future__ import annotations

import re
import typing as t
from urllib.parse import unquote

#: The characters of an RFC 9110 ``token``; a value made only of these needs no quotes.
TOKEN_CHARS: t.Final = frozenset(
    "!#$%&'*+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz|~"
)

#: The same set as a regex character class body (``-`` escaped).
TOKEN_CLASS: t.Final = r"0-9A-Za-z_!#$%&'*+\-.^`|~"

#: ``key=`` at the scan position of :func:`parse_options_header`'s general scanner.
_option_key_re: t.Final = re.compile(f"([{TOKEN_CLASS}]+)=", re.ASCII)

#: The longest run of token characters at a position.
_token_run_re: t.Final = re.compile(f"[{TOKEN_CLASS}]+", re.ASCII)


#: RFC 2231 ``charset'language'percent-encoded`` values. The charset and the
#: language exclude ``'``; the value allows it. ``$`` (not ``\\Z``) on purpose:
#: Werkzeug's pattern also accepts a single trailing newline.
charset_value_re: t.Final = re.compile(
    "([0-9A-Za-z_!#$%&*+\\-.^`|~]*)'[0-9A-Za-z_!#$%&*+\\-.^`|~]*'"
    f"([{TOKEN_CLASS}]+)$",
    re.ASCII,
)

#: The charsets an RFC 2231 value may name; any other leaves the value as it is.
SAFE_CHARSETS: t.Final = frozenset(("ascii", "us-ascii", "utf-8", "iso-8859-1"))


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

    if allow_token and TOKEN_CHARS.issuperset(text):
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
        token_chars = TOKEN_CHARS

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
            match = charset_value_re.match(raw)

            if match is not None:
                charset = match.group(1).lower()
                raw = match.group(2)

            if not charset and has_continuation:
                charset = continuation_charsets.get(name)

            if charset is not None and charset in SAFE_CHARSETS:
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
            match = charset_value_re.match(text)

            if match is not None:
                charset = match.group(1).lower()
                text = match.group(2)

            if charset is not None and charset in SAFE_CHARSETS:
                text = unquote(text, encoding=charset)

        result[key] = unquote_header_value(text)

    return result



def dump_csp_header(header: t.Mapping[str, str]) -> str:
    """Write a policy object as a ``Content-Security-Policy`` header value.

    Each directive becomes ``"name value"``, joined with ``"; "``.

    :param header: The policy (any mapping of directive names to values).
    """
    parts = []

    for key, value in header.items():
        parts.append(f"{key} {value}")

    return "; ".join(parts)


def with_options(value: t.Any, options: dict[str, t.Any]) -> str:
    """Render keyword options as header parameters after ``value``, ``_`` in
    their names becoming ``-`` (what ``Headers.add(key, value, **options)``
    stores)."""
    return dump_options_header(
        value, {k.replace("_", "-"): v for k, v in options.items()}
    )


__all__ = [
    "dump_csp_header",
    "dump_header",
    "dump_options_header",
    "parse_dict_header",
    "parse_list_header",
    "parse_options_header",
    "quote_header_value",
    "unquote_header_value",
]
