"""The WSGI :class:`Response` and its :class:`ResponseStream` (pure twin of
``wrappers/_response.pyx``).

Behaviour is Werkzeug 3.1's ``werkzeug.wrappers.Response``: this class adds
the body, the WSGI call, ETags made from the body and conditional responses
to the I/O-free :class:`wrappers_pure.sansio.response.Response`. Deliberate
differences (besides the sansio class's):

- a TAB in ``Location`` or ``Content-Location`` is sent as ``%09`` (Werkzeug
  drops it, which turns ``/\\t/evil`` into the open redirect ``//evil``);
- :meth:`Response.force_type` also takes over a response object of another
  implementation (such as Werkzeug's) without an environ;
- :meth:`Response.from_app` with ``buffered=True`` keeps what the application
  passed to ``write`` (Werkzeug drops it);
- a conditional date with a year too large for a datetime is ignored
  (:func:`~wrappers_pure.http.parse_date`), where Werkzeug raises
  :exc:`OverflowError`; and after a 206, closing the response closes the body
  as well as its iterator (:class:`wrappers_pure._internal.RangeBody`).

``make_conditional`` keeps Werkzeug's departures from RFC 9110 (a ``Range``
request is answered with 206 before ``If-None-Match`` is looked at;
``If-Match`` only turns what would be a 304 into a 412; ``If-Unmodified-Since``
is not looked at).

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
import typing as t
from http import HTTPStatus
from urllib.parse import urljoin

from wrappers_pure._internal import ClosingIterable
from wrappers_pure._internal import RangeBody
from wrappers_pure._internal import StartResponse
from wrappers_pure._internal import WSGIApplication
from wrappers_pure._internal import WSGIEnvironment
from wrappers_pure._internal import environ_of
from wrappers_pure._internal import is_foreign_response
from wrappers_pure._internal import run_app
from wrappers_pure.datastructures import Headers
from wrappers_pure.datastructures.headers import _remove_pairs
from wrappers_pure.datastructures.headers import _set_pair
from wrappers_pure.exceptions import RequestedRangeNotSatisfiable
from wrappers_pure.exceptions import werkzeug_aware
from wrappers_pure.http import _quick_unmodified
from wrappers_pure.http import generate_etag
from wrappers_pure.http import http_date
from wrappers_pure.http import is_resource_modified
from wrappers_pure.http import parse_etags
from wrappers_pure.http import parse_range_header
from wrappers_pure.http import remove_entity_headers
from wrappers_pure.sansio.response import Response as _SansIOResponse
from wrappers_pure.urls import iri_to_uri
from wrappers_pure.wsgi import get_current_url

if t.TYPE_CHECKING:  # pragma: no cover
    import typing_extensions as te


def _url_for_wire(value: str) -> str:
    """``Location`` / ``Content-Location`` as sent: :func:`iri_to_uri`, with a
    TAB sent as ``%09`` (stricter: URL parsing would drop it)."""
    if "\t" in value:
        value = value.replace("\t", "%09")

    return iri_to_uri(value)


def _request_url(environ: WSGIEnvironment) -> str:
    """The request's URL without the query string, as a URI (what an
    autocorrected ``Location`` is joined to)."""
    return iri_to_uri(get_current_url(environ, strip_querystring=True))


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


# -- the response -----------------------------------------------------------------


class Response(_SansIOResponse):
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
    :param headers: A :class:`~wrappers_pure.datastructures.Headers` object (used as
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

    #: The body: a list or tuple of bytes or strings, or another iterable.
    response: t.Any
    #: See the ``direct_passthrough`` parameter.
    direct_passthrough: bool

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
        super().__init__(status, headers, mimetype, content_type)
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
            return ClosingIterable(_NO_BODY, self.close)

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

        return ClosingIterable(iterator, self.close)

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
        body, status, pairs = run_app(app, environ, buffered)
        return cls(body, status, Headers(pairs))

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
            if is_foreign_response(response):
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
                body, status, pairs = run_app(response, environ, False)
                response = Response(body, status, Headers(pairs))

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

    # -- JSON --------------------------------------------------------------------

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

    # -- ETags and conditional requests ------------------------------------------

    def add_etag(self, overwrite: bool = False, weak: bool = False) -> None:
        """Set an ``ETag`` made from the body (its SHA-1 in hex), unless the
        response already has one.

        This reads the whole body (see :meth:`get_data`).

        :param overwrite: Replace an existing ``ETag``.
        :param weak: Send it as a weak tag.
        """
        if overwrite or "etag" not in self.headers:
            self.set_etag(generate_etag(self.get_data()), weak)

    def make_conditional(
        self,
        request_or_environ: WSGIEnvironment | t.Any,
        accept_ranges: bool | str = False,
        complete_length: int | None = None,
    ) -> te.Self:
        """Answer the request's conditional headers, changing this response in
        place, and return it.

        Only for a GET or HEAD request: set ``Date`` when missing; with
        ``accept_ranges``, send ``Accept-Ranges`` and, for a satisfiable single
        ``Range`` (still wanted per ``If-Range``), make this a 206 response
        holding that part of the body; else make it a 304 when ``If-None-Match``
        or ``If-Modified-Since`` says the client's copy is current, or when an
        ``If-Match`` does not hold the ETag; a request with ``If-Match`` never
        gets 304: where it would, it gets 412. ``Content-Length`` is set when the
        body's length is known. The body itself is dropped on the way out (see
        :meth:`get_app_iter`). Give the response an ``ETag`` (:meth:`add_etag`)
        or ``Last-Modified`` first, or only ``Date`` is set.

        A body that is seekable (``seekable()``, ``seek`` and ``tell``, such as a
        file) is seeked to the range; any other body is read up to it.

        :param request_or_environ: A WSGI environ, or a request object with an
            ``environ`` attribute.
        :param accept_ranges: The ``Accept-Ranges`` value: True for ``bytes``, a
            string for that unit, False to ignore ``Range``.
        :param complete_length: The whole body's length in bytes, needed to answer
            a ``Range``; ranges are not processed when it is None or 0.
        :raises wrappers_pure.exceptions.RequestedRangeNotSatisfiable: The
            ``Range`` header cannot be parsed or satisfied; its response is a 416
            with ``Content-Range: bytes */complete_length``.
        """
        environ = environ_of(request_or_environ)

        if environ["REQUEST_METHOD"] in ("GET", "HEAD"):
            if "date" not in self.headers:
                self.headers["Date"] = http_date()

            if not _process_range(self, environ, complete_length, accept_ranges):
                etag = self.headers.get("ETag")
                unmodified = _quick_unmodified(environ, etag)

                if unmodified is None:
                    unmodified = not is_resource_modified(
                        environ, etag, last_modified=self.headers.get("Last-Modified")
                    )

                    if unmodified and parse_etags(environ.get("HTTP_IF_MATCH")):
                        self.status_code = 412
                        unmodified = False

                if unmodified:
                    self.status_code = 304

            if self.automatically_set_content_length and "content-length" not in self.headers:
                length = self.calculate_content_length()

                if length is not None:
                    self.headers["Content-Length"] = str(length)

        return self


#: Response's own methods: while a class has them, the WSGI path skips the
#: public steps (same results, fewer objects).
_OWN_ITER_ENCODED: t.Final = Response.iter_encoded
_OWN_GET_WSGI_HEADERS: t.Final = Response.get_wsgi_headers
_OWN_GET_WSGI_RESPONSE: t.Final = Response.get_wsgi_response

#: The instance attributes the pickle state holds under names of its own.
_STATE_ATTRS: t.Final = frozenset(
    {"headers", "_status", "_status_code", "response", "direct_passthrough", "_on_close"}
)


# -- conditional requests ------------------------------------------------------------

def _range_wanted(self: Response, environ: WSGIEnvironment) -> bool:
    """Whether the request has a ``Range`` and, if it has an ``If-Range``,
    that the representation it names is still this one."""
    return "HTTP_RANGE" in environ and (
        "HTTP_IF_RANGE" not in environ
        or not is_resource_modified(
            environ,
            self.headers.get("ETag"),
            last_modified=self.headers.get("Last-Modified"),
            ignore_if_range=False,
        )
    )


def _process_range(
    self: Response,
    environ: WSGIEnvironment,
    complete_length: int | None,
    accept_ranges: bool | str,
) -> bool:
    """Set ``Accept-Ranges`` and answer a ``Range`` request with 206; return
    whether it did (see :func:`make_conditional`)."""
    if not accept_ranges:
        return False

    self.accept_ranges = "bytes" if accept_ranges is True else accept_ranges
    return _answer_range(self, environ, complete_length)


def _answer_range(self: Response, environ: WSGIEnvironment, complete_length: int | None) -> bool:
    """The second half of :func:`_process_range`, after ``Accept-Ranges``: make
    the response a 206 for a wanted, satisfiable ``Range`` and return True;
    return False when there is none to answer.

    :raises wrappers_pure.exceptions.RequestedRangeNotSatisfiable: The range
        cannot be parsed or satisfied.
    """
    if not (complete_length and _range_wanted(self, environ)):
        return False

    ranges = parse_range_header(environ.get("HTTP_RANGE"))
    span = content_range = None

    if ranges is not None:
        span = ranges.range_for_length(complete_length)
        content_range = ranges.to_content_range_header(complete_length)

    if span is None or content_range is None:
        raise werkzeug_aware(RequestedRangeNotSatisfiable)(complete_length)

    start, stop = span
    self.content_length = stop - start
    self.content_range = content_range
    self.status_code = 206

    if self.status_code == 206:
        self.response = RangeBody(self.response, start, stop - start)

    return True


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
