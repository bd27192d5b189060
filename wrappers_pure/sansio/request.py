"""The I/O-free Request (pure): Werkzeug 3.1's ``werkzeug.sansio.request``.

:class:`Request` holds what a server knows about a request before the body:
the method, the URL's parts, the headers and the client's address. Everything
else is read from those on first use and kept (``args``, ``cookies``, the
URLs, the Accept headers, the conditional headers, ``authorization``, ...).
A server that is not WSGI builds one from its own parsed request line and
headers; :class:`wrappers_pure.request.Request` reads the same values from a
WSGI environ, lazily.
"""

from __future__ import annotations

import typing as t
from datetime import datetime

from wrappers_pure._internal import lazy
from wrappers_pure._syntax.query import parse_query_lists
from wrappers_pure._syntax.query import parse_query_pairs
from wrappers_pure._syntax.query import query_text
from wrappers_pure.datastructures import Accept
from wrappers_pure.datastructures import Authorization
from wrappers_pure.datastructures import CharsetAccept
from wrappers_pure.datastructures import ETags
from wrappers_pure.datastructures import Headers
from wrappers_pure.datastructures import HeaderSet
from wrappers_pure.datastructures import IfRange
from wrappers_pure.datastructures import ImmutableList
from wrappers_pure.datastructures import ImmutableMultiDict
from wrappers_pure.datastructures import LanguageAccept
from wrappers_pure.datastructures import MIMEAccept
from wrappers_pure.datastructures import MultiDict
from wrappers_pure.datastructures import Range
from wrappers_pure.datastructures import RequestCacheControl
from wrappers_pure.http import parse_accept_header
from wrappers_pure.http import parse_cache_control_header
from wrappers_pure.http import parse_cookie
from wrappers_pure.http import parse_date
from wrappers_pure.http import parse_etags
from wrappers_pure.http import parse_if_range_header
from wrappers_pure.http import parse_list_header
from wrappers_pure.http import parse_options_header
from wrappers_pure.http import parse_range_header
from wrappers_pure.http import parse_set_header
from wrappers_pure.sansio.utils import get_content_length
from wrappers_pure.sansio.utils import get_current_url
from wrappers_pure.sansio.utils import get_host
from wrappers_pure.user_agent import UserAgent
from wrappers_pure.utils import header_property

__all__ = ["Request"]

_M = t.TypeVar("_M", bound=MultiDict)  # type: ignore[type-arg]

#: The classes a dict of value lists can be given to as it is.
_PLAIN_MULTIDICTS: t.Final = (MultiDict, ImmutableMultiDict)


def _multidict(cls: type[_M], lists: dict[str, list[str]]) -> _M:
    """``cls`` holding ``lists`` (key -> values) as they are: a MultiDict is a
    dict of value lists, and for the plain classes nothing else is needed."""
    result = cls.__new__(cls)
    dict.update(result, lists)
    return result


class Request:
    """A request as a server parsed it, without its body: Werkzeug's sansio
    ``Request``.

    :param method: The request method (upper-cased here).
    :param scheme: The URL scheme (``http``, ``https``, ``ws``, ``wss``).
    :param server: The server's ``(host, port)``; the port None for a Unix
        socket; None when unknown.
    :param root_path: The path the application is mounted at (trailing
        ``/`` removed).
    :param path: The path below ``root_path`` (it gets exactly one leading
        ``/``).
    :param query_string: The bytes after ``?``.
    :param headers: The request headers.
    :param remote_addr: The client's address.
    """

    #: The class of :attr:`args` (and of the form data, with the Request's second part).
    parameter_storage_class: type[MultiDict[str, t.Any]] = ImmutableMultiDict
    #: The class of :attr:`cookies`.
    dict_storage_class: type[MultiDict[str, t.Any]] = ImmutableMultiDict
    #: The class of :attr:`access_route`.
    list_storage_class: type[list[t.Any]] = ImmutableList
    #: The class of :attr:`user_agent`.
    user_agent_class: type[UserAgent] = UserAgent
    #: The host names :attr:`host` accepts (see
    #: :func:`~wrappers_pure.sansio.utils.host_is_trusted`); None accepts any
    #: well-formed host. A host not in the list raises
    #: :exc:`~wrappers_pure.exceptions.SecurityError`.
    trusted_hosts: list[str] | None = None

    method: str
    scheme: str
    server: tuple[str, int | None] | None
    root_path: str
    path: str
    query_string: bytes
    headers: Headers
    remote_addr: str | None

    def __init__(
        self,
        method: str,
        scheme: str,
        server: tuple[str, int | None] | None,
        root_path: str,
        path: str,
        query_string: bytes,
        headers: Headers,
        remote_addr: str | None,
    ) -> None:
        self.method = method.upper()
        self.scheme = scheme
        self.server = server
        self.root_path = root_path.rstrip("/")
        self.path = "/" + path.lstrip("/")
        self.query_string = query_string
        self.headers = headers
        self.remote_addr = remote_addr

    def __repr__(self) -> str:
        try:
            url = self.url
        except Exception as e:
            url = f"(invalid URL: {e})"

        return f"<{type(self).__name__} {url!r} [{self.method}]>"

    # -- the URL -----------------------------------------------------------------

    @lazy
    def args(self) -> MultiDict[str, str]:
        """The parsed query string, a :attr:`parameter_storage_class`.

        Keys and values are decoded as UTF-8; escapes of bytes that are not
        UTF-8 stay percent-encoded, as Werkzeug leaves them; raw bytes that are
        not UTF-8 become U+FFFD (where Werkzeug raises a
        :exc:`UnicodeDecodeError`).
        """
        cls = self.parameter_storage_class
        text = query_text(self.query_string)

        if cls in _PLAIN_MULTIDICTS:
            return _multidict(cls, parse_query_lists(text))

        return cls(parse_query_pairs(text))

    @lazy
    def full_path(self) -> str:
        """The path and the query string: ``/a?b=c`` (``/a?`` without one)."""
        return f"{self.path}?{query_text(self.query_string)}"

    @property
    def is_secure(self) -> bool:
        """Whether the scheme is ``https`` or ``wss``."""
        return self.scheme in {"https", "wss"}

    @lazy
    def host(self) -> str:
        """The host (and port, when not the scheme's default) the request was
        sent to, checked against :attr:`trusted_hosts`.

        :raises wrappers_pure.exceptions.SecurityError: The host is not trusted.
        """
        return get_host(
            self.scheme, self.headers.get("host"), self.server, self.trusted_hosts
        )

    @lazy
    def url(self) -> str:
        """The full URL, as an IRI: scheme, host, root path, path, query."""
        return get_current_url(
            self.scheme, self.host, self.root_path, self.path, self.query_string
        )

    @lazy
    def base_url(self) -> str:
        """:attr:`url` without the query string."""
        return get_current_url(self.scheme, self.host, self.root_path, self.path)

    @lazy
    def root_url(self) -> str:
        """The scheme, host and root path, with a trailing ``/``."""
        return get_current_url(self.scheme, self.host, self.root_path)

    @lazy
    def host_url(self) -> str:
        """The scheme and host, with a trailing ``/``."""
        return get_current_url(self.scheme, self.host)

    @lazy
    def access_route(self) -> list[str]:
        """The addresses from the client to the server: the
        ``X-Forwarded-For`` list when there is one, else the remote address."""
        if "X-Forwarded-For" in self.headers:
            return self.list_storage_class(
                parse_list_header(self.headers["X-Forwarded-For"])
            )

        if self.remote_addr is not None:
            return self.list_storage_class([self.remote_addr])

        return self.list_storage_class()

    # -- cookies and the content headers ------------------------------------------

    @lazy
    def cookies(self) -> ImmutableMultiDict[str, str]:
        """The ``Cookie`` header's cookies, a :attr:`dict_storage_class`.

        As Werkzeug's, the header's text is parsed as it is: a WSGI string's
        Latin-1 characters stay what they are (``k=\xc3\xa9`` gives ``"Ã©"``),
        and a sansio request's text keeps its characters (``k=☃``).
        """
        header = ";".join(self.headers.getlist("Cookie"))

        if not header.isascii():
            # parse_cookie decodes a WSGI string's bytes as UTF-8 first: it is
            # given the text's UTF-8 bytes, which decode back to the text.
            header = header.encode("utf-8", "surrogatepass").decode("latin1")

        return parse_cookie(header, cls=self.dict_storage_class)  # type: ignore[return-value]

    content_type = header_property[str](
        "Content-Type",
        doc="The ``Content-Type`` header: the body's media type.",
        read_only=True,
    )

    @lazy
    def content_length(self) -> int | None:
        """The ``Content-Length`` header as an int; None when it is missing,
        invalid, or the body is chunked (``Transfer-Encoding: chunked``)."""
        return get_content_length(
            http_content_length=self.headers.get("Content-Length"),
            http_transfer_encoding=self.headers.get("Transfer-Encoding"),
        )

    content_encoding = header_property[str](
        "Content-Encoding",
        doc="The ``Content-Encoding`` header: the codings applied to the body.",
        read_only=True,
    )
    content_md5 = header_property[str](
        "Content-MD5",
        doc="The ``Content-MD5`` header: the body's MD5 digest (RFC 1864).",
        read_only=True,
    )
    referrer = header_property[str](
        "Referer",
        doc="The ``Referer`` header: the page the request came from.",
        read_only=True,
    )
    date = header_property(
        "Date",
        None,
        parse_date,
        doc="The ``Date`` header as a UTC datetime; None when missing or invalid.",
        read_only=True,
    )
    max_forwards = header_property(
        "Max-Forwards",
        None,
        int,
        doc="The ``Max-Forwards`` header as an int; None when missing or invalid.",
        read_only=True,
    )

    #: ``parse_options_header`` of ``Content-Type``, once read.
    _parsed_content_type: tuple[str, dict[str, str]]

    def _parse_content_type(self) -> None:
        # PERF: the instance dict, not hasattr (which raises and catches an
        # AttributeError on the first call).
        if "_parsed_content_type" not in self.__dict__:
            value = self.headers.get("Content-Type", "")

            if value.__class__ is str and ";" not in value:
                # PERF: what parse_options_header gives for a value without
                # parameters, without the call.
                self._parsed_content_type = (value.strip(" \t"), {})
            else:
                self._parsed_content_type = parse_options_header(value)

    @property
    def mimetype(self) -> str:
        """The media type of ``Content-Type``, lower-cased, without parameters."""
        self._parse_content_type()
        return self._parsed_content_type[0].lower()

    @property
    def mimetype_params(self) -> dict[str, str]:
        """The parameters of ``Content-Type`` (``{"charset": "utf-8"}``)."""
        self._parse_content_type()
        return self._parsed_content_type[1]

    @lazy
    def pragma(self) -> HeaderSet:
        """The ``Pragma`` header as a :class:`HeaderSet`."""
        return parse_set_header(self.headers.get("Pragma", ""))

    # -- content negotiation ---------------------------------------------------------

    @lazy
    def accept_mimetypes(self) -> MIMEAccept:
        """The ``Accept`` header, a :class:`MIMEAccept`."""
        return parse_accept_header(self.headers.get("Accept"), MIMEAccept)

    @lazy
    def accept_charsets(self) -> CharsetAccept:
        """The ``Accept-Charset`` header, a :class:`CharsetAccept`."""
        return parse_accept_header(self.headers.get("Accept-Charset"), CharsetAccept)

    @lazy
    def accept_encodings(self) -> Accept:
        """The ``Accept-Encoding`` header, an :class:`Accept`."""
        return parse_accept_header(self.headers.get("Accept-Encoding"))

    @lazy
    def accept_languages(self) -> LanguageAccept:
        """The ``Accept-Language`` header, a :class:`LanguageAccept`."""
        return parse_accept_header(self.headers.get("Accept-Language"), LanguageAccept)

    # -- caching and conditions -----------------------------------------------------

    @lazy
    def cache_control(self) -> RequestCacheControl:
        """The ``Cache-Control`` header, a :class:`RequestCacheControl`."""
        cache_control = self.headers.get("Cache-Control")
        return parse_cache_control_header(cache_control, None, RequestCacheControl)

    @lazy
    def if_match(self) -> ETags:
        """The ``If-Match`` header's entity tags."""
        return parse_etags(self.headers.get("If-Match"))

    @lazy
    def if_none_match(self) -> ETags:
        """The ``If-None-Match`` header's entity tags."""
        return parse_etags(self.headers.get("If-None-Match"))

    @lazy
    def if_modified_since(self) -> datetime | None:
        """The ``If-Modified-Since`` header as a UTC datetime, or None."""
        return parse_date(self.headers.get("If-Modified-Since"))

    @lazy
    def if_unmodified_since(self) -> datetime | None:
        """The ``If-Unmodified-Since`` header as a UTC datetime, or None."""
        return parse_date(self.headers.get("If-Unmodified-Since"))

    @lazy
    def if_range(self) -> IfRange:
        """The ``If-Range`` header, an :class:`IfRange` (empty when missing)."""
        return parse_if_range_header(self.headers.get("If-Range"))

    @lazy
    def range(self) -> Range | None:
        """The ``Range`` header, a :class:`Range`; None when missing or invalid."""
        return parse_range_header(self.headers.get("Range"))

    # -- the client ---------------------------------------------------------------------

    @lazy
    def user_agent(self) -> UserAgent:
        """The ``User-Agent`` header, a :attr:`user_agent_class`."""
        return self.user_agent_class(self.headers.get("User-Agent", ""))

    @lazy
    def authorization(self) -> Authorization | None:
        """The ``Authorization`` header, an :class:`Authorization`; None when
        missing or not understood."""
        return Authorization.from_header(self.headers.get("Authorization"))

    # -- CORS -----------------------------------------------------------------------------

    origin = header_property[str](
        "Origin",
        doc="The ``Origin`` header: the host the request came from.",
        read_only=True,
    )
    access_control_request_headers = header_property(
        "Access-Control-Request-Headers",
        load_func=parse_set_header,
        doc=(
            "The ``Access-Control-Request-Headers`` header of a preflight request:"
            " the headers the cross-origin request will send."
        ),
        read_only=True,
    )
    access_control_request_method = header_property[str](
        "Access-Control-Request-Method",
        doc=(
            "The ``Access-Control-Request-Method`` header of a preflight request:"
            " the method the cross-origin request will use."
        ),
        read_only=True,
    )

    @property
    def is_json(self) -> bool:
        """Whether :attr:`mimetype` is JSON: ``application/json`` or
        ``application/*+json``."""
        mt = self.mimetype
        return mt == "application/json" or (
            mt.startswith("application/") and mt.endswith("+json")
        )
