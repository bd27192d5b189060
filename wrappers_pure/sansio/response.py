"""The I/O-free :class:`Response`: status, headers and cookies, the header
attributes and the live header objects (pure; the compiled twin's classes
inherit it). Werkzeug 3.1's ``werkzeug.sansio.response.Response``.

:class:`wrappers_pure.response.Response` adds the body and the WSGI call; a
server that does not speak WSGI can use this class as it is. Deliberate
differences from Werkzeug:

- a status string holding CR, LF or any other C0 control character or DEL
  raises :exc:`ValueError` where it is given (Werkzeug stores it as given);
- the ``access_control_allow_headers``, ``..._methods`` and
  ``access_control_expose_headers`` sets are live, like ``vary``
  (``wrappers_pure/sansio/_live_headers.py``).

Instances keep Werkzeug's attribute names (``headers``, ``_status``,
``_status_code``).

NOTE: the compiled twin ``wrappers/_sansio_response.pyx`` has the hot paths of
this class (construction, ``status``, ``set_cookie``, ``location``) and
inherits the rest; a change here is a change there.
"""

from __future__ import annotations

import collections.abc as cabc
import typing as t
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from http import HTTPStatus

from wrappers_pure._internal import CONTROL_IN_STATUS
from wrappers_pure._internal import control_re
from wrappers_pure.datastructures import CallbackDict
from wrappers_pure.datastructures import Headers
from wrappers_pure.datastructures.headers import _set_pair
from wrappers_pure.http import COEP
from wrappers_pure.http import COOP
from wrappers_pure.http import HTTP_STATUS_CODES
from wrappers_pure.http import dump_age
from wrappers_pure.http import dump_cookie
from wrappers_pure.http import dump_options_header
from wrappers_pure.http import http_date
from wrappers_pure.http import parse_age
from wrappers_pure.http import parse_date
from wrappers_pure.http import parse_options_header
from wrappers_pure.http import quote_etag
from wrappers_pure.http import unquote_etag
from wrappers_pure.sansio import _live_headers as _live
from wrappers_pure.utils import get_content_type
from wrappers_pure.utils import header_property

# -- status --------------------------------------------------------------------

#: The message of the :exc:`ValueError` for a control character in a status.


def _clean_status(value: t.Any) -> tuple[str, int]:
    """Return ``(status line, status code)`` for a status given as an int, an
    :class:`~http.HTTPStatus` or a string (Werkzeug's rules).

    An int gets the standard reason phrase in upper case, or ``UNKNOWN``. A
    string starting with a number and a space is kept as given (stripped); a
    number alone gets a phrase; a string without a number gets the code 0.
    Stricter than Werkzeug: a string with a control character raises
    :exc:`ValueError`.
    """
    if value.__class__ is int:
        code = value
    elif isinstance(value, int):
        code = int(value)
    else:
        # NOTE: anything else goes through str's methods, so a wrong type raises
        # what Werkzeug raises (AttributeError, TypeError).
        if value.__class__ is str or isinstance(value, str):
            if not value.isprintable() and control_re.search(value):
                raise ValueError(CONTROL_IN_STATUS)

        value = value.strip()

        if not value:
            raise ValueError("Empty status argument")

        code_str, sep, _ = value.partition(" ")

        try:
            code = int(code_str)
        except ValueError:
            return f"0 {value}", 0

        if sep:
            return value, code

    phrase = HTTP_STATUS_CODES.get(code)

    if phrase is None:
        return f"{code} UNKNOWN", code

    # PERF: the line is cached per code, checked against the table's phrase
    # (the table may be changed at run time).
    cached = _status_lines.get(code)

    if cached is not None and cached[0] is phrase:
        return cached[1], code

    line = f"{code} {phrase.upper()}"
    _status_lines[code] = (phrase, line)
    return line, code


#: ``code -> (phrase, status line)`` for the codes of ``HTTP_STATUS_CODES``.
_status_lines: dict[int, tuple[str, str]] = {}


# -- content type ----------------------------------------------------------------

#: ``mimetype -> content type``, for the mimetypes seen so far (bounded).
_content_types: dict[str, str] = {}
_CONTENT_TYPES_MAX: t.Final = 256


def _content_type(mimetype: str) -> str:
    """:func:`~wrappers_pure.utils.get_content_type` with ``utf-8``, remembered
    for up to :data:`_CONTENT_TYPES_MAX` mimetypes."""
    if mimetype.__class__ is str:
        rv = _content_types.get(mimetype)

        if rv is not None:
            return rv

    rv = get_content_type(mimetype, "utf-8")

    if mimetype.__class__ is str and len(_content_types) < _CONTENT_TYPES_MAX:
        _content_types[mimetype] = rv

    return rv


# -- header attributes -------------------------------------------------------------


def _load_coop(value: str) -> COOP:
    """A ``Cross-Origin-Opener-Policy`` value as a :class:`COOP` member."""
    return COOP(value)


def _load_coep(value: str) -> COEP:
    """A ``Cross-Origin-Embedder-Policy`` value as a :class:`COEP` member."""
    return COEP(value)


def _dump_policy(value: t.Any) -> str:
    """A :class:`COOP` or :class:`COEP` member as a header value."""
    return value.value  # type: ignore[no-any-return]


# -- the response -----------------------------------------------------------------


class Response:
    """The status, headers and cookies of an HTTP response, without a body or
    a way to send it; :class:`wrappers_pure.response.Response` adds those.

    :param status: An int (the reason phrase is added), an
        :class:`~http.HTTPStatus`, or a string such as ``"404 Not Found"``.
        :attr:`default_status` when None. Stricter than Werkzeug: a string
        with a control character (CR, LF, ...) raises :exc:`ValueError`.
    :param headers: A :class:`~wrappers_pure.datastructures.Headers` object
        (used as it is), or anything ``Headers`` accepts (a mapping, pairs,
        another Headers object), copied into a new one.
    :param mimetype: The media type without parameters; ``text/*``, ``*+xml``
        and a few other text types get ``; charset=utf-8``.
        :attr:`default_mimetype` when neither this, ``content_type`` nor a
        ``Content-Type`` header is given.
    :param content_type: The whole ``Content-Type`` value; wins over
        ``mimetype``.
    """

    #: The status used when none is given.
    default_status = 200

    #: The mimetype used when neither a mimetype nor a content type is given.
    default_mimetype: str | None = "text/plain"

    #: :meth:`set_cookie` warns when a ``Set-Cookie`` value gets longer than
    #: this (the cookie is still set); 0 turns the check off.
    max_cookie_size = 4093

    #: The response headers.
    headers: Headers

    _status: str
    _status_code: int

    def __init__(
        self,
        status: int | str | HTTPStatus | None = None,
        headers: (
            cabc.Mapping[str, str | t.Iterable[str]]
            | t.Iterable[tuple[str, str]]
            | None
        ) = None,
        mimetype: str | None = None,
        content_type: str | None = None,
    ) -> None:
        own = False

        if isinstance(headers, Headers):
            h = headers
        elif not headers:
            h = Headers()
            own = True
        else:
            h = Headers(headers)

        self.headers = h

        if content_type is None:
            if mimetype is None and (own or "content-type" not in h):
                mimetype = self.default_mimetype

            if mimetype is not None:
                mimetype = _content_type(mimetype)

            content_type = mimetype

        if content_type is not None:
            # PERF: Headers.set inlined for our own Headers class and a clean str
            # (a new empty one just appends); anything else goes through it.
            if (
                content_type.__class__ is str
                and h.__class__ is Headers
                and "\n" not in content_type
                and "\r" not in content_type
            ):
                if own:
                    h._list.append(("Content-Type", content_type))
                else:
                    _set_pair(h._list, "Content-Type", content_type)
            else:
                h["Content-Type"] = content_type

        if status is None:
            status = self.default_status

        # PERF: the status setter inlined unless a subclass overrides it.
        if self.__class__.status is _OWN_STATUS:
            self._status, self._status_code = _clean_status(status)
        else:
            self.status = status

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status}]>"

    # -- status --------------------------------------------------------------

    @property
    def status(self) -> str:
        """The status line, such as ``"200 OK"``.

        Set it to an int, an :class:`~http.HTTPStatus` or a string, as for the
        ``status`` parameter; :attr:`status_code` follows.
        """
        return self._status

    @status.setter
    def status(self, value: str | int | HTTPStatus) -> None:
        self._status, self._status_code = _clean_status(value)

    def _clean_status(self, value: str | int | HTTPStatus) -> tuple[str, int]:
        """``(status line, status code)`` for ``value``, as the setter makes
        them (Werkzeug's method of this name; stricter the same way). Not a
        hook: the setter does not call it."""
        return _clean_status(value)

    @property
    def status_code(self) -> int:
        """The status code, such as ``200``; setting it sets :attr:`status` too."""
        return self._status_code

    @status_code.setter
    def status_code(self, code: int) -> None:
        self.status = code

    # -- cookies -----------------------------------------------------------------

    def set_cookie(
        self,
        key: str,
        value: str = "",
        max_age: timedelta | int | None = None,
        expires: str | datetime | int | float | None = None,
        path: str | None = "/",
        domain: str | None = None,
        secure: bool = False,
        httponly: bool = False,
        samesite: str | None = None,
        partitioned: bool = False,
    ) -> None:
        """Add a ``Set-Cookie`` header (see
        :func:`~wrappers_pure.http.dump_cookie`). A warning is issued when it
        is longer than :attr:`max_cookie_size`; it is set anyway.

        :param key: The cookie's name.
        :param value: The cookie's value.
        :param max_age: Seconds (or a :class:`~datetime.timedelta`) until the
            cookie expires; None for a cookie that ends with the browser
            session.
        :param expires: When the cookie expires: a datetime, a UNIX timestamp
            or a date string.
        :param path: The path the cookie is sent for; None for the path of the
            request that set it.
        :param domain: The domain the cookie is sent to (and its subdomains);
            None for the host that set it only.
        :param secure: Send the cookie over HTTPS only.
        :param httponly: Hide the cookie from JavaScript.
        :param samesite: ``"Strict"``, ``"Lax"`` or ``"None"``: when the cookie
            is sent with cross-site requests.
        :param partitioned: Keep the cookie in storage partitioned by the
            top-level site.
        """
        self.headers.add(
            "Set-Cookie",
            dump_cookie(
                key,
                value=value,
                max_age=max_age,
                expires=expires,
                path=path,
                domain=domain,
                secure=secure,
                httponly=httponly,
                max_size=self.max_cookie_size,
                samesite=samesite,
                partitioned=partitioned,
            ),
        )

    def delete_cookie(
        self,
        key: str,
        path: str | None = "/",
        domain: str | None = None,
        secure: bool = False,
        httponly: bool = False,
        samesite: str | None = None,
        partitioned: bool = False,
    ) -> None:
        """Tell the client to delete a cookie: set it empty and expired. The
        other parameters must match those the cookie was set with.

        :param key: The cookie's name.
        :param path: The path it was set for.
        :param domain: The domain it was set for.
        :param secure: Send the deletion over HTTPS only.
        :param httponly: Hide it from JavaScript.
        :param samesite: As for :meth:`set_cookie`.
        :param partitioned: As for :meth:`set_cookie`.
        """
        self.set_cookie(
            key,
            expires=0,
            max_age=0,
            path=path,
            domain=domain,
            secure=secure,
            httponly=httponly,
            samesite=samesite,
            partitioned=partitioned,
        )

    @property
    def is_json(self) -> bool:
        """Whether the mimetype is ``application/json`` or
        ``application/*+json``."""
        mt = self.mimetype
        return mt is not None and (
            mt == "application/json"
            or (mt.startswith("application/") and mt.endswith("+json"))
        )

    # -- header attributes -------------------------------------------------------

    @property
    def mimetype(self) -> str | None:
        """The ``Content-Type`` without its parameters, or None.

        Setting it adds ``; charset=utf-8`` for text types, as the
        ``mimetype`` parameter does.
        """
        ct = self.headers.get("content-type")

        if ct:
            return ct.partition(";")[0].strip()

        return None

    @mimetype.setter
    def mimetype(self, value: str) -> None:
        self.headers["Content-Type"] = _content_type(value)

    @property
    def mimetype_params(self) -> dict[str, str]:
        """The ``Content-Type`` parameters as a dict, such as
        ``{"charset": "utf-8"}``; changing the dict rewrites the header."""

        def on_update(d: t.Any) -> None:
            self.headers["Content-Type"] = dump_options_header(self.mimetype, d)

        d = parse_options_header(self.headers.get("content-type", ""))[1]
        return CallbackDict(d, on_update)

    location = header_property[str](
        "Location",
        doc="""The ``Location`` header: where a redirect points (or where a
        created resource is). It is sent as a URI (see :meth:`get_wsgi_headers`).""",
    )
    age = header_property(
        "Age",
        None,
        parse_age,
        dump_age,  # type: ignore[arg-type]  # it also takes an int, as Werkzeug's does
        doc="""The ``Age`` header as a :class:`~datetime.timedelta`: how long ago
        the response was generated or revalidated (seconds on the wire).""",
    )
    content_type = header_property[str](
        "Content-Type",
        doc="""The ``Content-Type`` header: the media type of the body, with its
        parameters.""",
    )
    content_length = header_property(
        "Content-Length",
        None,
        int,
        str,
        doc="""The ``Content-Length`` header as an int: the body's size in bytes
        (None when missing or not a number).""",
    )
    content_location = header_property[str](
        "Content-Location",
        doc="""The ``Content-Location`` header: a URL of the representation in the
        body. It is sent as a URI (see :meth:`get_wsgi_headers`).""",
    )
    content_encoding = header_property[str](
        "Content-Encoding",
        doc="""The ``Content-Encoding`` header: the codings (such as ``gzip``)
        applied to the body.""",
    )
    content_md5 = header_property[str](
        "Content-MD5",
        doc="""The ``Content-MD5`` header (RFC 1864): an MD5 digest of the body,
        to detect accidental changes in transit.""",
    )
    date = header_property(
        "Date",
        None,
        parse_date,
        http_date,
        doc="""The ``Date`` header as a timezone-aware datetime: when the message
        was generated.""",
    )
    expires = header_property(
        "Expires",
        None,
        parse_date,
        http_date,
        doc="""The ``Expires`` header as a timezone-aware datetime: when the
        response becomes stale.""",
    )
    last_modified = header_property(
        "Last-Modified",
        None,
        parse_date,
        http_date,
        doc="""The ``Last-Modified`` header as a timezone-aware datetime: when the
        resource last changed.""",
    )

    @property
    def retry_after(self) -> datetime | None:
        """The ``Retry-After`` header as a timezone-aware datetime: when to try
        again (after a 503, for instance).

        The header may hold seconds (counted from now when read) or a date.
        Set a datetime, a number of seconds or a string; None removes it.
        """
        value = self.headers.get("retry-after")

        if value is None:
            return None

        try:
            seconds = int(value)
        except ValueError:
            return parse_date(value)

        return datetime.now(timezone.utc) + timedelta(seconds=seconds)

    @retry_after.setter
    def retry_after(self, value: datetime | int | str | None) -> None:
        if value is None:
            if "retry-after" in self.headers:
                del self.headers["retry-after"]

            return

        if isinstance(value, datetime):
            value = http_date(value)
        else:
            value = str(value)

        self.headers["Retry-After"] = value

    accept_ranges = header_property[str](
        "Accept-Ranges",
        doc="""The ``Accept-Ranges`` header: the range unit the server accepts
        (one token, usually ``bytes`` or ``none``).""",
    )

    # -- live header objects (wrappers_pure/sansio/_live_headers.py) -----------

    cache_control = _live.cache_control
    vary = _live.header_set_property(
        "Vary",
        """The ``Vary`` header as a live
        :class:`~wrappers_pure.datastructures.HeaderSet`: the request headers
        (such as ``Cookie`` or ``Accept-Encoding``) that chose this response,
        so that caches keep one copy per value.""",
    )
    content_language = _live.header_set_property(
        "Content-Language",
        """The ``Content-Language`` header as a live
        :class:`~wrappers_pure.datastructures.HeaderSet`: the languages of the
        body's intended audience.""",
    )
    allow = _live.header_set_property(
        "Allow",
        """The ``Allow`` header as a live
        :class:`~wrappers_pure.datastructures.HeaderSet`: the methods the
        resource supports (a 405 response must send it).""",
    )
    content_range = _live.content_range
    www_authenticate = _live.www_authenticate
    content_security_policy = _live.csp_property(
        "Content-Security-Policy",
        """The ``Content-Security-Policy`` header as a live
        :class:`~wrappers_pure.datastructures.ContentSecurityPolicy`: where the
        page may load scripts, styles, frames and other resources from. It is
        there (empty) when the header is missing.""",
    )
    # NOTE: the name's spelling is Werkzeug's, so that the bytes on the wire
    # are the same (header names are case-insensitive).
    content_security_policy_report_only = _live.csp_property(
        "Content-Security-policy-report-only",
        """The ``Content-Security-Policy-Report-Only`` header as a live
        :class:`~wrappers_pure.datastructures.ContentSecurityPolicy`: a policy
        the browser does not enforce but reports violations of. It is there
        (empty) when the header is missing.""",
    )
    access_control_allow_headers = _live.header_set_property(
        "Access-Control-Allow-Headers",
        """The ``Access-Control-Allow-Headers`` header as a live
        :class:`~wrappers_pure.datastructures.HeaderSet`: the request headers a
        cross-origin request may send.""",
        deletable=True,
    )
    access_control_allow_methods = _live.header_set_property(
        "Access-Control-Allow-Methods",
        """The ``Access-Control-Allow-Methods`` header as a live
        :class:`~wrappers_pure.datastructures.HeaderSet`: the methods a
        cross-origin request may use.""",
        deletable=True,
    )
    access_control_expose_headers = _live.header_set_property(
        "Access-Control-Expose-Headers",
        """The ``Access-Control-Expose-Headers`` header as a live
        :class:`~wrappers_pure.datastructures.HeaderSet`: the response headers
        the browser may show to a cross-origin script.""",
        deletable=True,
    )

    # -- ETags -------------------------------------------------------------------

    def set_etag(self, etag: str, weak: bool = False) -> None:
        """Set the ``ETag`` header, replacing any.

        :param etag: The entity tag, without quotes (a ``"`` in it raises
            :exc:`ValueError`).
        :param weak: Send it as a weak tag (``W/"..."``).
        """
        self.headers["ETag"] = quote_etag(etag, weak)

    def get_etag(self) -> tuple[str, bool] | tuple[None, None]:
        """Return the ``ETag`` header as ``(etag, is_weak)``, the tag without its
        quotes; ``(None, None)`` when there is none."""
        return unquote_etag(self.headers.get("ETag"))

    @property
    def access_control_allow_credentials(self) -> bool:
        """Whether the ``Access-Control-Allow-Credentials`` header is present:
        whether the browser may expose a credentialed cross-origin response.
        Set True to send ``true``; anything else removes the header."""
        return "Access-Control-Allow-Credentials" in self.headers

    @access_control_allow_credentials.setter
    def access_control_allow_credentials(self, value: bool | None) -> None:
        if value is True:
            self.headers["Access-Control-Allow-Credentials"] = "true"
        else:
            self.headers.pop("Access-Control-Allow-Credentials", None)

    access_control_allow_origin = header_property[str](
        "Access-Control-Allow-Origin",
        doc="""The ``Access-Control-Allow-Origin`` header: the origin allowed to
        read the response, or ``*`` for any.""",
    )
    access_control_max_age = header_property(
        "Access-Control-Max-Age",
        None,
        int,
        str,
        doc="""The ``Access-Control-Max-Age`` header as an int: how many seconds a
        preflight result may be cached.""",
    )
    cross_origin_opener_policy = header_property(
        "Cross-Origin-Opener-Policy",
        COOP.UNSAFE_NONE,
        _load_coop,
        _dump_policy,
        doc="""The ``Cross-Origin-Opener-Policy`` header as a
        :class:`~wrappers_pure.http.COOP` member (``UNSAFE_NONE`` when missing
        or unknown): whether cross-origin documents share the browsing
        context group.""",
    )
    cross_origin_embedder_policy = header_property(
        "Cross-Origin-Embedder-Policy",
        COEP.UNSAFE_NONE,
        _load_coep,
        _dump_policy,
        doc="""The ``Cross-Origin-Embedder-Policy`` header as a
        :class:`~wrappers_pure.http.COEP` member (``UNSAFE_NONE`` when missing
        or unknown): whether cross-origin resources must grant permission to
        be loaded.""",
    )


#: Response's own ``status``: while a class has it, the constructor sets the
#: status without the property.
_OWN_STATUS: t.Final = Response.status


__all__ = ["Response"]

