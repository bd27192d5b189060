"""Request facts shared by the request and the response, without I/O: the
host, the URL and the body's length (pure; both twins use these functions).
Werkzeug 3.1's ``werkzeug.sansio.utils`` for :func:`host_is_trusted`,
:func:`get_host`, :func:`get_current_url` and :func:`get_content_length`;
:mod:`wrappers_pure.wsgi` reads their arguments from a WSGI environ.
"""

from __future__ import annotations

import re
import typing as t
from urllib.parse import quote

from wrappers_pure._syntax.ranges import plain_int
from wrappers_pure.exceptions import SecurityError
from wrappers_pure.http import parse_set_header
from wrappers_pure.exceptions import werkzeug_aware
from wrappers_pure.urls import uri_to_iri

#: A ``Host`` value: a name or IPv4 address, or a bracketed IPv6 address, and
#: an optional port.
_host_re: t.Final = re.compile(
    r"([a-z0-9.-]+|\[[a-f0-9]*:[a-f0-9.:]+\])(?::([1-9][0-9]{0,4}))?",
    re.ASCII | re.IGNORECASE,
)

#: What :func:`get_current_url` leaves unquoted in the root path and the path
#: (a URL path segment's characters, and ``%`` for what is quoted already).
_PATH_SAFE: t.Final = "!$&'()*+,/:;=@%"

#: The same for the query string, with ``?``.
_QUERY_SAFE: t.Final = "!$&'()*+,/:;=?@%"

# PERF: text that ``quote`` gives back as it is (ASCII letters, digits,
# ``_.-~`` and the safe characters above): matched, it skips the encode and
# the byte-by-byte pass.
_PATH_AS_IS: t.Final = re.compile(r"[A-Za-z0-9_.\-~!$&'()*+,/:;=@%]*")
_QUERY_AS_IS: t.Final = re.compile(rb"[A-Za-z0-9_.\-~!$&'()*+,/:;=?@%]*")


def _quote_path(text: str) -> str:
    return text if _PATH_AS_IS.fullmatch(text) else quote(text, safe=_PATH_SAFE)


# PERF: a URL that ``uri_to_iri`` gives back as it is: a lower-case
# http(s)/ws(s) scheme, a lower-case ASCII host name or IPv4 address (no
# ``xn--``, checked apart), an optional port of 1-4 digits without a leading
# zero, and a path and query without ``%`` (nothing to decode) or ``#``.
_IRI_AS_IS: t.Final = re.compile(
    r"(?:https?|wss?)://[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::[1-9][0-9]{0,3})?"
    r"/[A-Za-z0-9_.\-~!$&'()*+,/:;=@]*(?:\?[A-Za-z0-9_.\-~!$&'()*+,/:;=?@]+)?"
)


def _as_iri(uri: str) -> str:
    if "xn--" not in uri and _IRI_AS_IS.fullmatch(uri):
        return uri

    return uri_to_iri(uri)


def _quote_query(query: bytes) -> str:
    if query.__class__ is bytes and _QUERY_AS_IS.fullmatch(query):
        return query.decode("ascii")

    return quote(query, safe=_QUERY_SAFE)


def host_is_trusted(
    hostname: str | None, trusted_list: t.Collection[str] | None = None
) -> bool:
    """Whether a ``host[:port]`` value is made of the characters a host may
    have (a port, if any, from 1 to 65535) and, when ``trusted_list`` is given,
    names one of its domains.

    :param hostname: The ``Host`` value to check.
    :param trusted_list: Trusted domains (IDNA-encoded where needed); a name
        starting with ``.`` also matches its subdomains. The port is not
        compared. Empty or None trusts every well-formed host.
    """
    if not hostname:
        return False

    m = _host_re.fullmatch(hostname)

    if m is None:
        return False

    hostname, port = m.groups()

    if port and not 1 <= int(port) <= 65535:
        return False

    if not trusted_list:
        return True

    if isinstance(trusted_list, str):
        trusted_list = [trusted_list]

    for ref in trusted_list:
        suffix_match = ref.startswith(".")

        if suffix_match:
            ref = ref[1:]

        try:
            ref = ref.partition(":")[0].encode("idna").decode("ascii")
        except UnicodeEncodeError:
            return False

        if ref == hostname or (suffix_match and hostname.endswith(f".{ref}")):
            return True

    return False


def get_host(
    scheme: str,
    host_header: str | None,
    server: tuple[str, int | None] | None = None,
    trusted_hosts: t.Collection[str] | None = None,
) -> str:
    """Return the request's ``host[:port]``: the ``Host`` header, else the
    server's address (not a Unix socket: a port of None), without the
    scheme's default port (80 for ``http``/``ws``, 443 for
    ``https``/``wss``).

    ``""`` when there is neither, or when the value has characters a host
    cannot have (see :func:`host_is_trusted`).

    :param scheme: The request's scheme.
    :param host_header: The ``Host`` header's value, or None.
    :param server: The server's ``(host, port)``; an IPv6 host gets brackets.
    :param trusted_hosts: See :func:`host_is_trusted`.
    :raises wrappers_pure.exceptions.SecurityError: ``trusted_hosts`` is given
        and the host is not one of them.
    """
    if host_header is not None:
        host = host_header
    elif server is not None and server[1] is not None:
        host = server[0]

        if ":" in host and host[0] != "[":
            host = f"[{host}]"

        host = f"{host}:{server[1]}"
    else:
        return ""

    if scheme in ("http", "ws"):
        host = host.removesuffix(":80")
    elif scheme in ("https", "wss"):
        host = host.removesuffix(":443")

    if not host_is_trusted(host, trusted_hosts):
        if trusted_hosts:
            # Inside an app built on Werkzeug (Flask) this is a 400, not a 500.
            raise werkzeug_aware(SecurityError)(f"Host {host!r} is not trusted.")

        return ""

    return host


def get_current_url(
    scheme: str,
    host: str,
    root_path: str | None = None,
    path: str | None = None,
    query_string: bytes | None = None,
) -> str:
    """Rebuild the URL of a request, as an IRI (see
    :func:`~wrappers_pure.urls.iri_to_uri` for a URI). A part left out (None)
    ends the URL there, with the parts after it.

    :param scheme: The request's scheme, such as ``"https"``.
    :param host: The request's host (see :func:`get_host`).
    :param root_path: The path the application is mounted at.
    :param path: The path below ``root_path``.
    :param query_string: The query string (the bytes after ``?``).
    """
    url = [scheme, "://", host]

    if root_path is None:
        url.append("/")
        return _as_iri("".join(url))

    url.append(_quote_path(root_path.rstrip("/")))
    url.append("/")

    if path is None:
        return _as_iri("".join(url))

    url.append(_quote_path(path.lstrip("/")))

    if query_string:
        url.append("?")
        url.append(_quote_query(query_string))

    return _as_iri("".join(url))


def get_content_length(
    http_content_length: str | None = None,
    http_transfer_encoding: str | None = None,
) -> int | None:
    """Return the body's length from the ``Content-Length`` header, as an int.

    None means a streamed body of unknown length: there is no
    ``Content-Length``, or ``Transfer-Encoding`` lists ``chunked`` (which then
    wins over any ``Content-Length``). A value that is not a plain integer
    (ASCII digits with an optional ``-``, spaces and tabs around it; more
    digits than :func:`int` accepts count as not an integer), or that is
    negative, gives 0.

    :param http_content_length: The ``Content-Length`` header's value.
    :param http_transfer_encoding: The ``Transfer-Encoding`` header's value.
    """
    if http_transfer_encoding is not None and "chunked" in parse_set_header(
        http_transfer_encoding
    ):
        return None

    if http_content_length is None:
        return None

    if len(http_content_length) < 19 and http_content_length.isdigit() and http_content_length.isascii():
        # PERF: the usual value, plain digits.
        return int(http_content_length)

    try:
        length = plain_int(http_content_length)
    except ValueError:
        return 0

    return length if length > 0 else 0


__all__ = ["get_content_length", "get_current_url", "get_host", "host_is_trusted"]
