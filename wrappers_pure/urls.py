"""IRIs and URIs: Werkzeug 3.1's ``werkzeug.urls.iri_to_uri`` and
``uri_to_iri`` (pure; both twins use these functions).

The response sends ``Location`` and ``Content-Location`` through
:func:`iri_to_uri`; :func:`~wrappers_pure.sansio.utils.get_current_url` builds
the request's URL with :func:`uri_to_iri`. Results are Werkzeug's byte for
byte: the same split, the same safe characters per part, IDNA for the host.
"""

from __future__ import annotations

import re
import typing as t
import urllib.parse
from urllib.parse import SplitResult
from urllib.parse import quote
from urllib.parse import unquote
from urllib.parse import urlsplit
from urllib.parse import urlunsplit

# NOTE: as Werkzeug does on import: Python before 3.12 drops the ``//`` of an
# ``itms-services://`` URL when it splits and joins it.
if "itms-services" not in urllib.parse.uses_netloc:
    urllib.parse.uses_netloc.append("itms-services")

_PATH_SAFE: t.Final = "%!$&'()*+,/:;=@"
_QUERY_SAFE: t.Final = "%!$&'()*+,/:;=?@"
_FRAGMENT_SAFE: t.Final = "%!#$&'()*+,/:;=?@"
_USER_SAFE: t.Final = "%!$&'()*+,;="

#: The characters ``quote`` leaves alone in a path.
_P = r"A-Za-z0-9_.~%!$&'()*+,/:;=@\-"

#: URLs that ``iri_to_uri`` returns unchanged: a path (not ``//``) or a plain
#: lower-case ``http(s)`` URL with a short port, each with an optional
#: non-empty query and fragment made of characters that need no quoting.
_plain_url_re = re.compile(
    rf"(?:/(?!/)[{_P}]*|https?://[a-z0-9-]{{1,63}}(?:\.[a-z0-9-]{{1,63}})*\.?"
    rf"(?::[1-9][0-9]{{0,3}})?(?:/[{_P}]*)?)"
    rf"(?:\?[{_P}?]+)?(?:#[{_P}?#]+)?"
)


def iri_to_uri(iri: str) -> str:
    """Convert an IRI to a URI: quote what a URI may not hold, part by part
    (non-ASCII characters as UTF-8 escapes), and encode the host with IDNA.

    ``iri_to_uri("http://\\u2603.net/p\\xe5th")`` gives
    ``'http://xn--n3h.net/p%C3%A5th'``. :func:`uri_to_iri` does the reverse.

    :param iri: The IRI to convert.
    """
    if _plain_url_re.fullmatch(iri) is not None:
        return iri

    parts = urlsplit(iri)
    path = quote(parts.path, safe=_PATH_SAFE)
    query = quote(parts.query, safe=_QUERY_SAFE)
    fragment = quote(parts.fragment, safe=_FRAGMENT_SAFE)
    host = parts.hostname
    host = host.encode("idna").decode("ascii") if host else ""
    return _join_url(parts, host, path, query, fragment, _quote_user_part)


def _quote_user_part(text: str) -> str:
    """A user name or password quoted for a URI."""
    return quote(text, safe=_USER_SAFE)


def _join_url(
    parts: SplitResult,
    host: str,
    path: str,
    query: str,
    fragment: str,
    user_part: t.Callable[[str], str],
) -> str:
    """Put the URL ``parts`` back together around its converted ``host``,
    ``path``, ``query`` and ``fragment``; ``user_part`` converts the user name
    and the password. An IPv6 host gets its brackets back."""
    netloc = f"[{host}]" if ":" in host else host
    port = parts.port

    if port is not None:
        netloc = f"{netloc}:{port}"

    user = parts.username

    if user is not None:
        auth = user_part(user)
        password = parts.password

        if password is not None:
            auth = f"{auth}:{user_part(password)}"

        netloc = f"{auth}@{netloc}"

    return urlunsplit((parts.scheme, netloc, path, query, fragment))


def _escape_run_re(chars: str) -> re.Pattern[str]:
    """A pattern for a run of ``%XX`` escapes of the characters ``chars``."""
    codes = "|".join(sorted(f"{ord(c):02X}" for c in chars))
    return re.compile(f"(?:%(?:{codes}))+", re.IGNORECASE)


#: Escapes that stay escaped when a URI becomes an IRI: controls, space, ``%``,
#: DEL, and per part the delimiters whose meaning would change.
_UNSAFE: t.Final = bytes((*range(0x21), 0x25, 0x7F)).decode()
_keep_in_path = _escape_run_re(_UNSAFE + "/?#")
_keep_in_query = _escape_run_re(_UNSAFE + "&=+#")
_keep_in_fragment = _escape_run_re(_UNSAFE)
_keep_in_user = _escape_run_re(_UNSAFE + ":@/?#")

#: Surrogate escapes of undecodable bytes back to ``%XX``.
_surrogates_to_escapes: t.Final = {0xDC00 + b: f"%{b:02X}" for b in range(0x80, 0x100)}


#: A run of ``%XX`` escapes.
_escapes_re = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


def _unquote_run(m: re.Match[str]) -> str:
    # Bytes that are not UTF-8 come back from surrogateescape as U+DC80-U+DCFF.
    return unquote(m.group(), "utf-8", "surrogateescape").translate(
        _surrogates_to_escapes
    )


def _unquote_text(text: str) -> str:
    """Decode the ``%XX`` escapes of ``text`` as UTF-8, leaving invalid bytes
    escaped (upper case) and the rest of the text, lone surrogates included,
    as it is."""
    if "%" not in text:
        return text

    return _escapes_re.sub(_unquote_run, text)


def _unquote_part(value: str, keep: re.Pattern[str]) -> str:
    """Decode the escapes of ``value`` except the runs ``keep`` matches."""
    if "%" not in value:  # nothing to decode (the common case): skip the scan
        return value

    out = []
    pos = 0

    for m in keep.finditer(value):
        out.append(_unquote_text(value[pos : m.start()]))
        out.append(m.group())
        pos = m.end()

    out.append(_unquote_text(value[pos:]))
    return "".join(out)


def _decode_host(host: str) -> str:
    """Decode an IDNA (punycode) host name, label by label where it must."""
    if "xn--" not in host:
        # What the idna codec's own fast path gives (ASCII) or what the
        # non-ASCII branch below gives: the host as it is, without the codec
        # lookup.
        return host

    try:
        data = host.encode("ascii")
    except UnicodeEncodeError:
        return host

    try:
        return data.decode("idna")
    except UnicodeDecodeError:
        pass

    labels = []

    for label in data.split(b"."):
        try:
            labels.append(label.decode("idna"))
        except UnicodeDecodeError:
            labels.append(label.decode("ascii"))

    return ".".join(labels)


def uri_to_iri(uri: str) -> str:
    """Convert a URI to an IRI: decode the escapes of valid UTF-8 that an IRI
    may show as characters (reserved and invalid ones stay escaped), and the
    IDNA (punycode) host.

    ``uri_to_iri("http://xn--n3h.net/p%C3%A5th")`` gives
    ``'http://\\u2603.net/p\\xe5th'``. :func:`iri_to_uri` does the reverse.

    :param uri: The URI to convert.
    """
    parts = urlsplit(uri)
    path = _unquote_part(parts.path, _keep_in_path)
    query = _unquote_part(parts.query, _keep_in_query)
    fragment = _unquote_part(parts.fragment, _keep_in_fragment)
    host = parts.hostname
    host = _decode_host(host) if host else ""
    return _join_url(parts, host, path, query, fragment, _unquote_user_part)


def _unquote_user_part(text: str) -> str:
    """A user name or password with what an IRI may show unescaped decoded."""
    return _unquote_part(text, _keep_in_user)


__all__ = ["iri_to_uri", "uri_to_iri"]
