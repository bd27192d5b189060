"""The WSGI :class:`Response` and its :class:`ResponseStream` (pure twin of
``wrappers/_response.pyx``).

Behaviour is Werkzeug 3.1's ``werkzeug.wrappers.Response`` (with its sans-IO
base), with these deliberate differences:

- a status string holding CR, LF or any other C0 control character or DEL
  raises :exc:`ValueError` where it is given (Werkzeug stores it as given);
- a TAB in ``Location`` or ``Content-Location`` is sent as ``%09`` (Werkzeug
  drops it, which turns ``/\\t/evil`` into the open redirect ``//evil``);
- :meth:`Response.force_type` also takes over a response object of another
  implementation (such as Werkzeug's) without an environ;
- :meth:`Response.from_app` with ``buffered=True`` keeps what the application
  passed to ``write`` (Werkzeug drops it);
- the ``access_control_allow_headers``, ``..._methods`` and
  ``access_control_expose_headers`` sets are live, like ``vary``
  (``wrappers_pure/_live.py``); after a 206, closing the response closes the
  body as well as its iterator (``wrappers_pure/_conditional.py``).

Instances keep Werkzeug's attribute names (``headers``, ``response``,
``direct_passthrough``, ``_status``, ``_status_code``, ``_on_close``), so that
Werkzeug's test client, which builds a class deriving from Werkzeug's
``TestResponse`` and this class, works on them.

Pickle state (both twins produce and accept exactly this, so that a pickle made
by one loads with the other)::

    (copyreg.__newobj__, (cls,), {
        "status": str,            # the status line, as ``status`` gives it
        "status_code": int,       # as ``status_code`` gives it
        "headers": [(name, value), ...],  # tuples of str, in order
        "response": body,         # the body attribute as it is (after
                                  # ``freeze()`` a list of bytes); it must
                                  # pickle by itself, a generator does not
        "direct_passthrough": bool,
        "on_close": [callable, ...],
        "attrs": {name: value},   # every other instance attribute
    })

The compiled twin names its own public class through
``wrappers._restore.new_public("Response")`` instead of ``cls`` when ``cls`` is
that class. :meth:`Response.__copy__` is shallow like Werkzeug's (the copy
shares headers, body and close callbacks); ``copy.deepcopy`` goes through the
pickle state.

NOTE: the compiled twin follows this module line for line; a change here is a
change there, and ``tests/`` runs every behaviour on both.
"""

from __future__ import annotations

import collections.abc as cabc
import copyreg
import functools
import json
import re
import typing as t
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from http import HTTPStatus
from itertools import chain
from urllib.parse import SplitResult
from urllib.parse import quote
from urllib.parse import unquote
from urllib.parse import urljoin
from urllib.parse import urlsplit
from urllib.parse import urlunsplit

from wrappers_pure import _conditional
from wrappers_pure import _live
from wrappers_pure._conditional import environ_of
from wrappers_pure._structures import CallbackDict
from wrappers_pure.headers import Headers
from wrappers_pure.headers import _control_re
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
from wrappers_pure.http import remove_entity_headers

if t.TYPE_CHECKING:  # pragma: no cover
    import typing_extensions as te

#: A WSGI environ.
WSGIEnvironment = t.Dict[str, t.Any]
#: The ``start_response`` callable of a WSGI server.
StartResponse = t.Callable[..., t.Any]
#: A WSGI application.
WSGIApplication = t.Callable[[WSGIEnvironment, StartResponse], t.Iterable[bytes]]

# -- status --------------------------------------------------------------------

#: The message of the :exc:`ValueError` for a control character in a status.
CONTROL_IN_STATUS: t.Final = (
    "The status must not contain newline, NUL or other control characters."
)



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
            if not value.isprintable() and _control_re.search(value):
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

#: ``mimetype -> content type``, for the mimetypes seen so far (bounded).
_content_types: dict[str, str] = {}
_CONTENT_TYPES_MAX: t.Final = 256


def _content_type(mimetype: str) -> str:
    """The content type for ``mimetype``: ``; charset=utf-8`` added to ``text/*``,
    ``*+xml`` and the types of :data:`_CHARSET_MIMETYPES`."""
    if mimetype.__class__ is str:
        rv = _content_types.get(mimetype)

        if rv is not None:
            return rv

    if (
        mimetype.startswith("text/")
        or mimetype in _CHARSET_MIMETYPES
        or mimetype.endswith("+xml")
    ):
        rv = mimetype + "; charset=utf-8"
    else:
        rv = mimetype

    if mimetype.__class__ is str and len(_content_types) < _CONTENT_TYPES_MAX:
        _content_types[mimetype] = rv

    return rv


# -- URLs for the wire -------------------------------------------------------------

# NOTE: the result must be Werkzeug's ``iri_to_uri`` byte for byte (except for
# TAB, see _url_for_wire): the same split, the same safe characters per part,
# IDNA for the host.
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


def _iri_to_uri(iri: str) -> str:
    """Quote what is not allowed in a URI, part by part, and encode the host
    with IDNA; the result of Werkzeug's ``iri_to_uri``."""
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


def _url_for_wire(value: str) -> str:
    """``Location`` / ``Content-Location`` as sent: :func:`_iri_to_uri`, with a
    TAB sent as ``%09`` (stricter: URL parsing would drop it)."""
    if "\t" in value:
        value = value.replace("\t", "%09")

    return _iri_to_uri(value)


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


def _unquote_text(text: str) -> str:
    """Decode the ``%XX`` escapes of ``text`` as UTF-8, leaving invalid bytes
    escaped (upper case)."""
    if "%" not in text:
        return text

    return unquote(text, "utf-8", "surrogateescape").translate(
        _surrogates_to_escapes
    )


def _unquote_part(value: str, keep: re.Pattern[str]) -> str:
    """Decode the escapes of ``value`` except the runs ``keep`` matches."""
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


def _uri_to_iri(uri: str) -> str:
    """Decode what a URI may show unescaped and the IDNA host; the result of
    Werkzeug's ``uri_to_iri``."""
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


#: A ``Host`` value: a name or IPv4 address, or a bracketed IPv6 address, and
#: an optional port.
_host_re = re.compile(
    r"([a-z0-9.-]+|\[[a-f0-9]*:[a-f0-9.:]+\])(?::([1-9][0-9]{0,4}))?",
    re.ASCII | re.IGNORECASE,
)

#: The characters left alone in the request's path when it is rebuilt.
_REQUEST_PATH_SAFE: t.Final = "!$&'()*+,/:;=@%"


def _request_host(environ: WSGIEnvironment) -> str:
    """The request's ``host[:port]`` (the ``Host`` header, else the server's
    name and port), the scheme's default port left out; ``""`` when there is
    none or it has characters a host cannot have."""
    scheme = environ["wsgi.url_scheme"]
    host = environ.get("HTTP_HOST")

    if host is None:
        name = environ.get("SERVER_NAME")

        if name is None:
            return ""

        try:
            port = int(environ.get("SERVER_PORT", None))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return ""  # a Unix socket

        if ":" in name and name[0] != "[":
            name = f"[{name}]"

        host = f"{name}:{port}"

    if scheme in ("http", "ws"):
        host = host.removesuffix(":80")
    elif scheme in ("https", "wss"):
        host = host.removesuffix(":443")

    if not host:
        return ""

    m = _host_re.fullmatch(host)

    if m is None:
        return ""

    port_str = m.group(2)

    if port_str and not 1 <= int(port_str) <= 65535:
        return ""

    return host


def _request_url(environ: WSGIEnvironment) -> str:
    """The request's URL without the query string, as a URI (what an
    autocorrected ``Location`` is joined to)."""
    scheme = environ["wsgi.url_scheme"]
    host = _request_host(environ)
    root = quote(environ.get("SCRIPT_NAME", "").rstrip("/"), safe=_REQUEST_PATH_SAFE)
    path = quote(environ.get("PATH_INFO", "").lstrip("/"), safe=_REQUEST_PATH_SAFE)
    return _iri_to_uri(_uri_to_iri(f"{scheme}://{host}{root}/{path}"))


# -- header lists ------------------------------------------------------------------


def _set_pair(pairs: list[tuple[str, str]], key: str, value: str) -> None:
    """``Headers.set`` on a list of pairs: replace the first header named
    ``key`` (any case), drop the others, or append."""
    ikey = key.lower()

    for idx, (k, _) in enumerate(pairs):
        if k.lower() == ikey:
            pairs[idx] = (key, value)
            rest = pairs[idx + 1 :]

            for k, _ in rest:
                if k.lower() == ikey:
                    pairs[idx + 1 :] = [p for p in rest if p[0].lower() != ikey]
                    break

            return

    pairs.append((key, value))


def _remove_pairs(pairs: list[tuple[str, str]], ikey: str) -> None:
    """Remove every header named ``ikey`` (lower case) from a list of pairs."""
    pairs[:] = [p for p in pairs if p[0].lower() != ikey]


# -- bodies ----------------------------------------------------------------------


def _iter_encoded(iterable: t.Iterable[str | bytes]) -> t.Iterator[bytes]:
    """Yield the items of ``iterable``, strings encoded as UTF-8, others as they are."""
    for item in iterable:
        if isinstance(item, str):
            yield item.encode()
        else:
            yield item


def _encoded_length(seq: t.Iterable[t.Any]) -> int:
    """The length of ``seq``'s items once encoded (see :func:`_iter_encoded`)."""
    total = 0

    for item in seq:
        if item.__class__ is bytes:
            total += len(item)
        elif isinstance(item, str):
            total += len(item.encode())
        else:
            total += len(item)

    return total


def _all_bytes(seq: t.Sequence[t.Any]) -> bool:
    """Whether every item of ``seq`` is exactly :class:`bytes`."""
    for item in seq:
        if item.__class__ is not bytes:
            return False

    return True


#: What :meth:`Response.get_app_iter` iterates for a response without a body
#: (always exhausted, so it can be shared).
_NO_BODY: t.Final[t.Iterator[bytes]] = iter(())


class _ClosingIterable:
    """The WSGI iterable of a response: iterating it iterates the body (no
    wrapper per item), and :meth:`close` closes the response.

    It does what Werkzeug's ``ClosingIterator`` does for a response, cheaper.
    """

    __slots__ = ("_close", "_iterator")

    def __init__(self, iterator: t.Iterator[bytes], close: t.Callable[[], t.Any]):
        self._iterator = iterator
        self._close = close

    def __iter__(self) -> t.Iterator[bytes]:
        return self._iterator

    def __next__(self) -> bytes:
        return next(self._iterator)

    def close(self) -> None:
        """Close the response (and with it its body)."""
        self._close()


def _run_app(
    app: WSGIApplication, environ: WSGIEnvironment, buffered: bool
) -> tuple[t.Iterable[bytes], str, Headers]:
    """Call a WSGI application; return ``(body, status, headers)``.

    Data the application passes to ``write`` comes first in the body, also
    when ``buffered`` (Werkzeug 3.1 drops it then). Unless ``buffered``, the application's
    iterable is read only until ``start_response`` has been called, and its
    ``close`` is kept for the body's.
    """
    environ = environ_of(environ).copy()
    started: tuple[str, list[tuple[str, str]]] | None = None
    written: list[bytes] = []

    def start_response(
        status: str, headers: list[tuple[str, str]], exc_info: t.Any = None
    ) -> t.Callable[[bytes], None]:
        nonlocal started

        if exc_info:
            try:
                raise exc_info[1].with_traceback(exc_info[2])
            finally:
                exc_info = None

        started = (status, headers)
        return written.append

    app_rv = app(environ, start_response)
    close = getattr(app_rv, "close", None)
    body: t.Iterable[bytes] = iter(app_rv)

    if buffered:
        try:
            body = written + list(body)
        finally:
            if close is not None:
                close()
    else:
        for item in body:
            written.append(item)

            if started is not None:
                break

        if written:
            body = chain(written, body)

        if close is not None and body is not app_rv:
            body = _ClosingIterable(iter(body), _close_both(body, close))

    status, headers = started  # type: ignore[misc]
    return body, status, Headers(headers)


def _close_both(
    body: t.Any, close: t.Callable[[], t.Any]
) -> t.Callable[[], t.Any]:
    """``close``, preceded by ``body``'s own ``close`` if it has one."""
    body_close = getattr(body, "close", None)

    if body_close is None:
        return close

    def close_both() -> None:
        body_close()
        close()

    return close_both


# -- header properties -------------------------------------------------------------


class _HeaderProperty:
    """A response attribute that reads and writes one header.

    Reading gives ``default`` when the header is missing, or when ``load``
    raises :exc:`ValueError` or :exc:`TypeError`; writing stores ``dump(value)``
    (or the value) with ``headers[name] = ...``; ``del`` removes the header.
    """

    def __init__(
        self,
        name: str,
        doc: str,
        load: t.Callable[[str], t.Any] | None = None,
        dump: t.Callable[[t.Any], t.Any] | None = None,
        default: t.Any = None,
    ) -> None:
        self.name = name
        self.load = load
        self.dump = dump
        self.default = default
        self.__doc__ = doc

    def __get__(self, obj: t.Any, owner: t.Any = None) -> t.Any:
        if obj is None:
            return self

        value = obj.headers.get(self.name)

        if value is None:
            return self.default

        if self.load is None:
            return value

        try:
            return self.load(value)
        except (ValueError, TypeError):
            return self.default

    def __set__(self, obj: t.Any, value: t.Any) -> None:
        if self.dump is not None:
            value = self.dump(value)

        obj.headers[self.name] = value

    def __delete__(self, obj: t.Any) -> None:
        obj.headers.pop(self.name, None)

    def __repr__(self) -> str:
        return f"<header property {self.name}>"


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
    """An HTTP response: status, headers and body, and a WSGI application
    that sends them.

    The body is a string (encoded as UTF-8) or bytes, a list or tuple of
    strings or bytes (a body of known length), or any other iterable of
    strings or bytes (a streamed body, such as a generator). Calling the
    response with ``environ`` and ``start_response`` starts the WSGI response
    and returns the body iterable; it can be called again and gives the same
    result.

    :param response: The body; None (the default) for an empty one.
    :param status: An int (the reason phrase is added), an
        :class:`~http.HTTPStatus`, or a string such as ``"404 Not Found"``.
        :attr:`default_status` when None. Stricter than Werkzeug: a string
        with a control character (CR, LF, ...) raises :exc:`ValueError`.
    :param headers: A :class:`~wrappers_pure.headers.Headers` object (used as
        it is), or anything ``Headers`` accepts (a mapping, pairs, another
        Headers object), copied into a new one.
    :param mimetype: The media type without parameters; ``text/*``, ``*+xml``
        and a few other text types get ``; charset=utf-8``.
        :attr:`default_mimetype` when neither this, ``content_type`` nor a
        ``Content-Type`` header is given.
    :param content_type: The whole ``Content-Type`` value; wins over
        ``mimetype``.
    :param direct_passthrough: Give the body to the server as it is, without
        encoding strings or wrapping it (for an iterable of bytes such as a
        file wrapper).
    """

    #: The status used when none is given.
    default_status = 200

    #: The mimetype used when neither a mimetype nor a content type is given.
    default_mimetype: str | None = "text/plain"

    #: :meth:`set_cookie` warns when a ``Set-Cookie`` value gets longer than
    #: this (the cookie is still set); 0 turns the check off.
    max_cookie_size = 4093

    #: Make a relative ``Location`` absolute, joined to the request's URL, when
    #: the response is sent. Off by default: relative redirects are sent.
    autocorrect_location_header = False

    #: Set ``Content-Length`` when the body's length is known (a string,
    #: bytes, a list or a tuple).
    automatically_set_content_length = True

    #: When False, what needs the whole body (:meth:`get_data`, ...) raises
    #: :exc:`RuntimeError` for a streamed body instead of reading it into a
    #: list; call :meth:`make_sequence` yourself then.
    implicit_sequence_conversion = True

    #: What :meth:`get_json` parses with: an object with ``loads`` (and
    #: ``dumps``) like the :mod:`json` module.
    json_module: t.Any = json

    #: The response headers.
    headers: Headers
    #: The body: a list or tuple of bytes or strings, or another iterable.
    response: t.Any
    #: See the ``direct_passthrough`` parameter.
    direct_passthrough: bool

    _status: str
    _status_code: int
    _on_close: list[t.Callable[[], t.Any]]

    def __init__(
        self,
        response: t.Iterable[bytes] | bytes | t.Iterable[str] | str | None = None,
        status: int | str | HTTPStatus | None = None,
        headers: (
            cabc.Mapping[str, str | t.Iterable[str]]
            | t.Iterable[tuple[str, str]]
            | None
        ) = None,
        mimetype: str | None = None,
        content_type: str | None = None,
        direct_passthrough: bool = False,
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

        self.direct_passthrough = direct_passthrough
        self._on_close = []

        if response is None:
            self.response = []
        elif isinstance(response, (str, bytes, bytearray)):
            self.set_data(response)
        else:
            self.response = response

    def __repr__(self) -> str:
        if self.is_sequence:
            body = f"{sum(map(len, self.iter_encoded()))} bytes"
        elif self.is_streamed:
            body = "streamed"
        else:
            body = "likely-streamed"

        return f"<{type(self).__name__} {body} [{self.status}]>"

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

    @property
    def status_code(self) -> int:
        """The status code, such as ``200``; setting it sets :attr:`status` too."""
        return self._status_code

    @status_code.setter
    def status_code(self, code: int) -> None:
        self.status = code

    # -- body ----------------------------------------------------------------

    @t.overload
    def get_data(self, as_text: t.Literal[False] = False) -> bytes: ...
    @t.overload
    def get_data(self, as_text: t.Literal[True]) -> str: ...
    def get_data(self, as_text: bool = False) -> bytes | str:
        """Return the whole body as bytes, reading a streamed body into a
        list first (see :attr:`implicit_sequence_conversion`).

        :param as_text: Return it decoded from UTF-8 instead.
        """
        self._ensure_sequence()
        rv = b"".join(self.iter_encoded())

        if as_text:
            return rv.decode()

        return rv

    def set_data(self, value: bytes | str) -> None:
        """Replace the body with ``value`` (a string is encoded as UTF-8) and
        set ``Content-Length`` (see :attr:`automatically_set_content_length`).

        :param value: The new body, a string or bytes.
        """
        if isinstance(value, str):
            value = value.encode()

        self.response = [value]

        if self.automatically_set_content_length:
            length = str(len(value))
            headers = self.headers

            # PERF: Headers.set inlined for our own Headers class.
            if headers.__class__ is Headers:
                _set_pair(headers._list, "Content-Length", length)
            else:
                headers["Content-Length"] = length

    data = property(
        get_data,
        set_data,
        doc="The body as bytes: :meth:`get_data` to read, :meth:`set_data` to write.",
    )

    def calculate_content_length(self) -> int | None:
        """Return the body's length in bytes, or None when it is streamed and
        cannot be read into a list."""
        try:
            self._ensure_sequence()
        except RuntimeError:
            return None

        return self._body_length()

    def _body_length(self) -> int:
        """The length of the (sequence) body once encoded."""
        # PERF: without the generator of iter_encoded unless it is overridden.
        if self.__class__.iter_encoded is _OWN_ITER_ENCODED:
            return _encoded_length(self.response)

        total = 0

        for chunk in self.iter_encoded():
            total += len(chunk)

        return total

    def _ensure_sequence(self, mutable: bool = False) -> None:
        """Make sure the body is a list or tuple, reading a streamed body into
        a list when allowed; raise :exc:`RuntimeError` when it is not.

        :param mutable: Make sure it is a list.
        """
        if self.is_sequence:
            if mutable and not isinstance(self.response, list):
                self.response = list(self.response)

            return

        if self.direct_passthrough:
            raise RuntimeError(
                "Attempted implicit sequence conversion but the"
                " response object is in direct passthrough mode."
            )

        if not self.implicit_sequence_conversion:
            raise RuntimeError(
                "The response object required the iterable to be a"
                " sequence, but the implicit conversion was disabled."
                " Call make_sequence() yourself."
            )

        self.make_sequence()

    def make_sequence(self) -> None:
        """Read a streamed body into a list of bytes; the old iterable's
        ``close`` is then called when the response is closed."""
        if not self.is_sequence:
            close = getattr(self.response, "close", None)
            self.response = list(self.iter_encoded())

            if close is not None:
                self.call_on_close(close)

    def iter_encoded(self) -> t.Iterator[bytes]:
        """Return an iterator over the body, strings encoded as UTF-8.

        Sending the response iterates this unless :attr:`direct_passthrough`
        is set.
        """
        return _iter_encoded(self.response)

    @property
    def is_streamed(self) -> bool:
        """Whether the body has no length (a generator, for instance)."""
        try:
            len(self.response)
        except (TypeError, AttributeError):
            return True

        return False

    @property
    def is_sequence(self) -> bool:
        """Whether the body is a list or tuple (its length is known)."""
        return isinstance(self.response, (tuple, list))

    @functools.cached_property
    def stream(self) -> ResponseStream:
        """A write-only file-like object that appends to the body."""
        return ResponseStream(self)

    def call_on_close(self, func: t.Callable[[], t.Any]) -> t.Callable[[], t.Any]:
        """Have :meth:`close` call ``func``; return ``func`` (so this works as
        a decorator).

        :param func: Called with no arguments.
        """
        self._on_close.append(func)
        return func

    def close(self) -> None:
        """Close the body if it has a ``close`` method, then call the functions
        given to :meth:`call_on_close`. Leaving a ``with`` block calls this."""
        if hasattr(self.response, "close"):
            self.response.close()

        for func in self._on_close:
            func()

    def __enter__(self) -> te.Self:
        """Return the response itself (``with`` closes it at the end)."""
        return self

    def __exit__(self, exc_type: t.Any, exc_value: t.Any, tb: t.Any) -> None:
        """Close the response (see :meth:`close`)."""
        self.close()

    def freeze(self) -> None:
        """Prepare the response for pickling: read the body into a list of
        bytes (even with :attr:`direct_passthrough` or without
        :attr:`implicit_sequence_conversion`), set ``Content-Length``, and add
        an ``ETag`` when there is none."""
        self.response = list(self.iter_encoded())
        self.headers["Content-Length"] = str(sum(map(len, self.response)))
        self.add_etag()

    # -- WSGI ------------------------------------------------------------------

    def get_wsgi_headers(self, environ: WSGIEnvironment) -> Headers:
        """Return a new Headers object with the headers to send for ``environ``.

        ``Location`` and ``Content-Location`` are made valid URIs (non-ASCII
        characters percent-encoded, host names IDNA-encoded; a TAB becomes
        ``%09``), ``Location`` made absolute when
        :attr:`autocorrect_location_header` is set; ``Content-Length`` is
        removed for 1xx and 204, entity headers for 304, and set when the body
        is a list or tuple and no length was given.

        :param environ: The WSGI environ of the request.
        """
        rv = Headers()
        rv._list = self._wsgi_pairs(environ)
        return rv

    def _wsgi_pairs(self, environ: WSGIEnvironment) -> list[tuple[str, str]]:
        """The body of :meth:`get_wsgi_headers`, as a new list of pairs."""
        headers = self.headers

        if headers.__class__ is Headers:
            pairs = headers._list[:]
        else:
            pairs = Headers(headers)._list

        # The last value of each wins, as in Werkzeug.
        location = content_location = content_length = None

        for key, value in pairs:
            ikey = key.lower()

            if ikey == "location":
                location = value
            elif ikey == "content-location":
                content_location = value
            elif ikey == "content-length":
                content_length = value

        if location is not None:
            location = _url_for_wire(location)

            if self.autocorrect_location_header:
                location = urljoin(_request_url(environ), location)

            _set_pair(pairs, "Location", location)

        if content_location is not None:
            _set_pair(pairs, "Content-Location", _url_for_wire(content_location))

        status = self.status_code

        if 100 <= status < 200 or status == 204:
            _remove_pairs(pairs, "content-length")
        elif status == 304:
            remove_entity_headers(pairs)
        elif (
            content_length is None
            and self.automatically_set_content_length
            and self.is_sequence
        ):
            _set_pair(pairs, "Content-Length", str(self._body_length()))

        return pairs

    def get_app_iter(self, environ: WSGIEnvironment) -> t.Iterable[bytes]:
        """Return the iterable to give the server for ``environ``: empty for a
        HEAD request and for 1xx, 204 and 304; the body as it is with
        :attr:`direct_passthrough`; else the encoded body. Except for the
        direct passthrough, its ``close`` closes the response.

        :param environ: The WSGI environ of the request.
        """
        status = self.status_code

        if (
            environ["REQUEST_METHOD"] == "HEAD"
            or 100 <= status < 200
            or status == 204
            or status == 304
        ):
            return _ClosingIterable(_NO_BODY, self.close)

        if self.direct_passthrough:
            return self.response  # type: ignore[no-any-return]

        if self.__class__.iter_encoded is _OWN_ITER_ENCODED:
            body = self.response

            # PERF: a list of bytes is iterated as it is.
            if (body.__class__ is list or body.__class__ is tuple) and _all_bytes(body):
                iterator = iter(body)
            else:
                iterator = _iter_encoded(body)
        else:
            iterator = iter(self.iter_encoded())

        return _ClosingIterable(iterator, self.close)

    def get_wsgi_response(
        self, environ: WSGIEnvironment
    ) -> tuple[t.Iterable[bytes], str, list[tuple[str, str]]]:
        """Return ``(app_iter, status, headers)`` for ``environ``: what
        :meth:`get_app_iter`, :attr:`status` and :meth:`get_wsgi_headers`
        (as a list of pairs) give.

        :param environ: The WSGI environ of the request.
        """
        cls = self.__class__

        if cls.get_wsgi_headers is _OWN_GET_WSGI_HEADERS:
            pairs = self._wsgi_pairs(environ)
        else:
            pairs = self.get_wsgi_headers(environ).to_wsgi_list()

        return self.get_app_iter(environ), self.status, pairs

    def __call__(
        self, environ: WSGIEnvironment, start_response: StartResponse
    ) -> t.Iterable[bytes]:
        """Send the response as a WSGI application: call ``start_response``
        with the status and headers, return the body iterable.

        :param environ: The WSGI environ of the request.
        :param start_response: The server's ``start_response``.
        """
        cls = self.__class__

        # PERF: straight to the helpers unless a subclass overrides a step.
        if (
            cls.get_wsgi_response is _OWN_GET_WSGI_RESPONSE
            and cls.get_wsgi_headers is _OWN_GET_WSGI_HEADERS
        ):
            pairs = self._wsgi_pairs(environ)
            app_iter = self.get_app_iter(environ)
            start_response(self.status, pairs)
            return app_iter

        app_iter, status, pairs = self.get_wsgi_response(environ)
        start_response(status, pairs)
        return app_iter

    @classmethod
    def from_app(
        cls, app: WSGIApplication, environ: WSGIEnvironment, buffered: bool = False
    ) -> te.Self:
        """Call a WSGI application and return its response as an instance of
        this class.

        :param app: The WSGI application.
        :param environ: The WSGI environ (or a request object with one) to
            call it with; a copy is passed.
        :param buffered: Read the whole body into a list (and close the
            application's iterable) right away. Otherwise the body is read as
            it is sent, after what the application passed to ``write``.
        """
        return cls(*_run_app(app, environ, buffered))

    @classmethod
    def force_type(
        cls, response: t.Any, environ: WSGIEnvironment | None = None
    ) -> te.Self:
        """Return ``response`` as an instance of this class.

        A response of this implementation has its class changed in place and
        is returned. A response object of another implementation (such as
        Werkzeug's) is taken over: its status, headers (copied), body, direct
        passthrough and close callbacks. Any other WSGI application is called
        with ``environ`` and its response returned.

        :param response: A response object or a WSGI application.
        :param environ: The WSGI environ to call an application with.
        :raises TypeError: An application without an environ.
        """
        if not isinstance(response, Response):
            if _is_foreign_response(response):
                rv = Response(None, response.status)
                rv.headers = Headers(response.headers)
                rv.response = response.response
                rv.direct_passthrough = bool(
                    getattr(response, "direct_passthrough", False)
                )
                rv._on_close = list(getattr(response, "_on_close", ()))
                response = rv
            elif environ is None:
                raise TypeError(
                    "cannot convert WSGI application into response"
                    " objects without an environ"
                )
            else:
                response = Response(*_run_app(response, environ, False))

        response.__class__ = cls
        return response  # type: ignore[no-any-return]

    # -- copies and pickles ------------------------------------------------------

    def __copy__(self) -> te.Self:
        """A shallow copy: it shares the headers, body and close callbacks."""
        cls = self.__class__
        rv = cls.__new__(cls)
        rv.__dict__.update(self.__dict__)
        return rv

    def __reduce_ex__(self, protocol: t.SupportsIndex) -> tuple[t.Any, ...]:
        """Pickle support: ``cls.__new__(cls)`` plus the state dict described
        in this module's docstring."""
        attrs = {}

        for key, value in self.__dict__.items():
            if key not in _STATE_ATTRS:
                attrs[key] = value

        state = {
            "status": self._status,
            "status_code": self._status_code,
            "headers": list(self.headers),
            "response": self.response,
            "direct_passthrough": self.direct_passthrough,
            "on_close": self._on_close,
            "attrs": attrs,
        }
        return (copyreg.__newobj__, (self.__class__,), state)  # type: ignore[attr-defined]

    def __setstate__(self, state: dict[str, t.Any]) -> None:
        """Restore the state :meth:`__reduce_ex__` gave."""
        attrs = state["attrs"]

        if attrs:
            self.__dict__.update(attrs)

        self.headers = Headers(state["headers"])
        self._status = state["status"]
        self._status_code = state["status_code"]
        self.response = state["response"]
        self.direct_passthrough = state["direct_passthrough"]
        self._on_close = list(state["on_close"])

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

    # -- JSON --------------------------------------------------------------------

    @property
    def is_json(self) -> bool:
        """Whether the mimetype is ``application/json`` or
        ``application/*+json``."""
        mt = self.mimetype
        return mt is not None and (
            mt == "application/json"
            or (mt.startswith("application/") and mt.endswith("+json"))
        )

    @property
    def json(self) -> t.Any | None:
        """The body parsed as JSON when :attr:`is_json`, else None; the same
        as :meth:`get_json` with no arguments."""
        return self.get_json()

    @t.overload
    def get_json(self, force: bool = ..., silent: t.Literal[False] = ...) -> t.Any: ...
    @t.overload
    def get_json(self, force: bool = ..., silent: bool = ...) -> t.Any | None: ...
    def get_json(self, force: bool = False, silent: bool = False) -> t.Any | None:
        """Parse the body with :attr:`json_module` (not cached).

        :param force: Parse even when the mimetype is not JSON (else None is
            returned then).
        :param silent: Return None instead of raising when parsing fails
            with a :exc:`ValueError`.
        """
        if not (force or self.is_json):
            return None

        data = self.get_data()

        try:
            return self.json_module.loads(data)
        except ValueError:
            if not silent:
                raise

            return None

    # -- header properties -------------------------------------------------------

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

    location = _HeaderProperty(
        "Location",
        """The ``Location`` header: where a redirect points (or where a
        created resource is). It is sent as a URI (see :meth:`get_wsgi_headers`).""",
    )
    age = _HeaderProperty(
        "Age",
        """The ``Age`` header as a :class:`~datetime.timedelta`: how long ago
        the response was generated or revalidated (seconds on the wire).""",
        parse_age,
        dump_age,
    )
    content_type = _HeaderProperty(
        "Content-Type",
        """The ``Content-Type`` header: the media type of the body, with its
        parameters.""",
    )
    content_length = _HeaderProperty(
        "Content-Length",
        """The ``Content-Length`` header as an int: the body's size in bytes
        (None when missing or not a number).""",
        int,
        str,
    )
    content_location = _HeaderProperty(
        "Content-Location",
        """The ``Content-Location`` header: a URL of the representation in the
        body. It is sent as a URI (see :meth:`get_wsgi_headers`).""",
    )
    content_encoding = _HeaderProperty(
        "Content-Encoding",
        """The ``Content-Encoding`` header: the codings (such as ``gzip``)
        applied to the body.""",
    )
    content_md5 = _HeaderProperty(
        "Content-MD5",
        """The ``Content-MD5`` header (RFC 1864): an MD5 digest of the body,
        to detect accidental changes in transit.""",
    )
    date = _HeaderProperty(
        "Date",
        """The ``Date`` header as a timezone-aware datetime: when the message
        was generated.""",
        parse_date,
        http_date,
    )
    expires = _HeaderProperty(
        "Expires",
        """The ``Expires`` header as a timezone-aware datetime: when the
        response becomes stale.""",
        parse_date,
        http_date,
    )
    last_modified = _HeaderProperty(
        "Last-Modified",
        """The ``Last-Modified`` header as a timezone-aware datetime: when the
        resource last changed.""",
        parse_date,
        http_date,
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

    accept_ranges = _HeaderProperty(
        "Accept-Ranges",
        """The ``Accept-Ranges`` header: the range unit the server accepts
        (one token, usually ``bytes`` or ``none``).""",
    )

    # -- live header objects (wrappers_pure/_live.py) ----------------------------

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

    # -- ETags and conditional requests (wrappers_pure/_conditional.py) ----------

    set_etag = _conditional.set_etag
    get_etag = _conditional.get_etag
    add_etag = _conditional.add_etag
    make_conditional = _conditional.make_conditional

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

    access_control_allow_origin = _HeaderProperty(
        "Access-Control-Allow-Origin",
        """The ``Access-Control-Allow-Origin`` header: the origin allowed to
        read the response, or ``*`` for any.""",
    )
    access_control_max_age = _HeaderProperty(
        "Access-Control-Max-Age",
        """The ``Access-Control-Max-Age`` header as an int: how many seconds a
        preflight result may be cached.""",
        int,
        str,
    )
    cross_origin_opener_policy = _HeaderProperty(
        "Cross-Origin-Opener-Policy",
        """The ``Cross-Origin-Opener-Policy`` header as a
        :class:`~wrappers_pure.http.COOP` member (``UNSAFE_NONE`` when missing
        or unknown): whether cross-origin documents share the browsing
        context group.""",
        _load_coop,
        _dump_policy,
        COOP.UNSAFE_NONE,
    )
    cross_origin_embedder_policy = _HeaderProperty(
        "Cross-Origin-Embedder-Policy",
        """The ``Cross-Origin-Embedder-Policy`` header as a
        :class:`~wrappers_pure.http.COEP` member (``UNSAFE_NONE`` when missing
        or unknown): whether cross-origin resources must grant permission to
        be loaded.""",
        _load_coep,
        _dump_policy,
        COEP.UNSAFE_NONE,
    )


#: Response's own methods: while a class has them, the WSGI path skips the
#: public steps (same results, fewer objects).
_OWN_STATUS: t.Final = Response.status
_OWN_ITER_ENCODED: t.Final = Response.iter_encoded
_OWN_GET_WSGI_HEADERS: t.Final = Response.get_wsgi_headers
_OWN_GET_WSGI_RESPONSE: t.Final = Response.get_wsgi_response

#: The instance attributes the pickle state holds under names of its own.
_STATE_ATTRS: t.Final = frozenset(
    {"headers", "_status", "_status_code", "response", "direct_passthrough", "_on_close"}
)


def _is_foreign_response(obj: t.Any) -> bool:
    """Whether ``obj`` looks like a response object of another implementation."""
    return (
        hasattr(obj, "get_wsgi_response")
        and hasattr(obj, "headers")
        and hasattr(obj, "status")
        and hasattr(obj, "response")
    )


class ResponseStream:
    """The write-only file-like object of :attr:`Response.stream`: what is
    written is appended to the response's body (which becomes a list) and
    ``Content-Length`` is removed.

    :param response: The response to write to.
    """

    #: The file mode it claims.
    mode = "wb+"

    def __init__(self, response: Response):
        self.response = response
        self.closed = False

    def write(self, value: bytes) -> int:
        """Append ``value`` to the body; return its length.

        :param value: Bytes (a string is encoded when the body is sent).
        """
        if self.closed:
            raise ValueError("I/O operation on closed file")

        self.response._ensure_sequence(mutable=True)
        self.response.response.append(value)
        self.response.headers.pop("Content-Length", None)
        return len(value)

    def writelines(self, seq: t.Iterable[bytes]) -> None:
        """Write every item of ``seq``.

        :param seq: Bytes items.
        """
        for item in seq:
            self.write(item)

    def close(self) -> None:
        """Mark the stream closed (the response stays open)."""
        self.closed = True

    def flush(self) -> None:
        """Do nothing (raise :exc:`ValueError` when closed)."""
        if self.closed:
            raise ValueError("I/O operation on closed file")

    def isatty(self) -> bool:
        """Return False (raise :exc:`ValueError` when closed)."""
        if self.closed:
            raise ValueError("I/O operation on closed file")

        return False

    def tell(self) -> int:
        """Return the body's length so far."""
        self.response._ensure_sequence()
        return sum(map(len, self.response.response))

    @property
    def encoding(self) -> str:
        """``"utf-8"``: the encoding of strings in the body."""
        return "utf-8"


__all__ = ["Response", "ResponseStream"]
