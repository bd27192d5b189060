"""The WSGI Request (pure): Werkzeug 3.1's ``werkzeug.wrappers.request``.

:class:`Request` wraps a WSGI environ. Building one stores the environ and
nothing else: the method, the path, the headers and every other attribute of
the :mod:`sansio <wrappers_pure.sansio.request>` base are read from the
environ on first use and kept. The body is read through :attr:`stream`
(:func:`~wrappers_pure.wsgi.get_input_stream`, with the
:attr:`max_content_length` limit), as bytes (:meth:`get_data`) or JSON
(:meth:`get_json`).

Form parsing (``form``, ``files``, ``values`` and multipart bodies) is the
second part of the Request.
"""

from __future__ import annotations

import functools
import json
import typing as t

from wrappers_pure._internal import StartResponse
from wrappers_pure._internal import WSGIApplication
from wrappers_pure._internal import WSGIEnvironment
from wrappers_pure._internal import lazy
from wrappers_pure.datastructures import EnvironHeaders
from wrappers_pure.exceptions import BadRequest
from wrappers_pure.exceptions import HTTPException
from wrappers_pure.exceptions import UnsupportedMediaType
from wrappers_pure.exceptions import werkzeug_aware
from wrappers_pure.sansio.request import Request as _SansIORequest
from wrappers_pure.utils import environ_property
from wrappers_pure.wsgi import _get_server
from wrappers_pure.wsgi import get_input_stream

__all__ = ["Request"]


def _decode_path(value: str) -> str:
    """A WSGI path (the request's bytes as Latin-1 text) as UTF-8 text,
    U+FFFD for bytes that are not UTF-8."""
    if value.isascii():
        return value

    return value.encode("latin1").decode(errors="replace")


def _utf8_json(data: bytes) -> bool:
    """Whether :func:`json.detect_encoding` gives ``utf-8`` for ``data``: no
    BOM (its first byte is not 0xEF, 0xFE or 0xFF) and no NUL in its first
    four bytes (empty data is left to json)."""
    return bool(data) and data[0] not in (0xEF, 0xFE, 0xFF) and 0 not in data[:4]


class Request(_SansIORequest):
    """A WSGI request: Werkzeug's ``Request``.

    :param environ: The WSGI environ.
    :param populate_request: Store this object in the environ as
        ``environ["werkzeug.request"]`` (not when ``shallow``).
    :param shallow: Refuse to read the body (:attr:`stream` raises
        :exc:`RuntimeError`); for middleware that must not consume it.
    """

    #: The most bytes :attr:`stream` gives (and :meth:`get_data` reads); more
    #: raises :exc:`~wrappers_pure.exceptions.RequestEntityTooLarge` (413).
    #: None: no limit beyond ``Content-Length``.
    max_content_length: int | None = None
    #: The most bytes of non-file form fields (used by form parsing, the
    #: Request's second part).
    max_form_memory_size: int | None = 500_000
    #: The most multipart parts (used by form parsing, the Request's second part).
    max_form_parts = 1000
    #: The module :meth:`get_json` parses with: its ``loads`` is called.
    json_module: t.Any = json

    environ: WSGIEnvironment
    shallow: bool

    def __init__(
        self,
        environ: WSGIEnvironment,
        populate_request: bool = True,
        shallow: bool = False,
    ) -> None:
        # NOTE: nothing is read from the environ here; the sansio attributes
        # below are computed on first use (Werkzeug computes all of them now).
        self.environ = environ
        self.shallow = shallow

        if populate_request and not shallow:
            environ["werkzeug.request"] = self

    # -- the sansio attributes, from the environ ------------------------------------

    @lazy
    def method(self) -> str:
        """The request method, upper-cased (``GET`` when the environ has none)."""
        return self.environ.get("REQUEST_METHOD", "GET").upper()  # type: ignore[no-any-return]

    @lazy
    def scheme(self) -> str:
        """The URL scheme, ``wsgi.url_scheme`` (``http`` when missing)."""
        return self.environ.get("wsgi.url_scheme", "http")  # type: ignore[no-any-return]

    @lazy
    def server(self) -> tuple[str, int | None] | None:
        """``(SERVER_NAME, SERVER_PORT)``; the port None when not a number."""
        return _get_server(self.environ)

    @lazy
    def root_path(self) -> str:
        """``SCRIPT_NAME`` as text, without a trailing ``/``."""
        return _decode_path(self.environ.get("SCRIPT_NAME") or "").rstrip("/")

    @lazy
    def path(self) -> str:
        """``PATH_INFO`` as text, with exactly one leading ``/``."""
        return "/" + _decode_path(self.environ.get("PATH_INFO") or "").lstrip("/")

    @lazy
    def query_string(self) -> bytes:
        """``QUERY_STRING`` as the request's bytes."""
        return self.environ.get("QUERY_STRING", "").encode("latin1")  # type: ignore[no-any-return]

    @lazy
    def headers(self) -> EnvironHeaders:  # type: ignore[override]
        """The request headers, an :class:`EnvironHeaders` over the environ."""
        return EnvironHeaders(self.environ)

    @lazy
    def remote_addr(self) -> str | None:
        """``REMOTE_ADDR``: the client's address."""
        return self.environ.get("REMOTE_ADDR")

    # -- building and serving -------------------------------------------------------------

    @classmethod
    def from_values(cls, *args: t.Any, **kwargs: t.Any) -> Request:
        """A request for an environ that
        :class:`~wrappers_pure.test.EnvironBuilder` builds from the arguments
        (for tests and scripts)."""
        # Upward, as in Werkzeug: the test module builds requests (the layer
        # table names this import).
        from wrappers_pure.test import EnvironBuilder

        builder = EnvironBuilder(*args, **kwargs)

        try:
            return builder.get_request(cls)  # type: ignore[no-any-return]
        finally:
            builder.close()

    @classmethod
    def application(cls, f: t.Callable[[Request], WSGIApplication]) -> WSGIApplication:
        """Make a WSGI application of ``f(request) -> response``: the request is
        built from the environ (and closed after); an :exc:`HTTPException` the
        function raises becomes its error response. Works on methods too (the
        request is the last argument)."""

        @functools.wraps(f)
        def application(*args: t.Any) -> t.Iterable[bytes]:
            environ: WSGIEnvironment = args[-2]
            start_response: StartResponse = args[-1]
            request = cls(environ)

            with request:
                try:
                    resp = f(*args[:-2] + (request,))
                except HTTPException as e:
                    resp = e.get_response(environ)

                return resp(environ, start_response)

        return t.cast("WSGIApplication", application)

    def close(self) -> None:
        """Close what the request opened (the uploaded files, once form parsing exists)."""
        files = self.__dict__.get("files")

        if files:
            for values in dict.values(files):
                for value in values:
                    value.close()

    def __enter__(self) -> Request:
        return self

    def __exit__(self, exc_type: t.Any, exc_value: t.Any, tb: t.Any) -> None:
        self.close()

    # -- the body ---------------------------------------------------------------------

    @lazy
    def stream(self) -> t.IO[bytes]:
        """The body as a stream that gives no more than ``Content-Length``
        bytes and no more than :attr:`max_content_length` (a larger body
        raises a 413); see :func:`~wrappers_pure.wsgi.get_input_stream`.

        :raises RuntimeError: The request is ``shallow``.
        """
        if self.shallow:
            raise RuntimeError(
                "This request was created with 'shallow=True', reading"
                " from the input stream is disabled."
            )

        return get_input_stream(self.environ, max_content_length=self.max_content_length)

    input_stream = environ_property[t.IO[bytes]](
        "wsgi.input",
        doc="The raw WSGI input stream, ``wsgi.input``: unlimited; use :attr:`stream`.",
    )

    @lazy
    def data(self) -> bytes:
        """The body (:meth:`get_data` with ``parse_form_data=True``)."""
        return self.get_data(parse_form_data=True)

    @t.overload
    def get_data(
        self,
        cache: bool = True,
        as_text: t.Literal[False] = False,
        parse_form_data: bool = False,
    ) -> bytes: ...
    @t.overload
    def get_data(
        self,
        cache: bool = True,
        as_text: t.Literal[True] = ...,
        parse_form_data: bool = False,
    ) -> str: ...
    def get_data(
        self, cache: bool = True, as_text: bool = False, parse_form_data: bool = False
    ) -> bytes | str:
        """Read the body from :attr:`stream`.

        :param cache: Keep the bytes, so that later calls (and
            :meth:`get_json`) give them again.
        :param as_text: Decode them as UTF-8 (U+FFFD for what is not).
        :param parse_form_data: Parse a form body first (form parsing comes with
            the Request's second part; until then the body is read as it is).
        """
        # PERF: the instance dict, not getattr with a default (which raises and
        # catches an AttributeError until the body is cached).
        rv = self.__dict__.get("_cached_data")

        if rv is None:
            # NOTE: parse_form_data has nothing to parse before it: form
            # parsing (form, files) arrives with the Request's second part.
            rv = self.stream.read()

            if cache:
                self._cached_data = rv

        if as_text:
            return rv.decode(errors="replace")

        return rv

    # -- environ facts ----------------------------------------------------------------

    @property
    def script_root(self) -> str:
        """:attr:`root_path` (Werkzeug's older name)."""
        return self.root_path

    @lazy
    def url_root(self) -> str:
        """:attr:`root_url` (Werkzeug's older name)."""
        return self.root_url

    remote_user = environ_property[str](
        "REMOTE_USER",
        doc="``REMOTE_USER``: the user the server authenticated, if any.",
    )
    is_multithread = environ_property[bool](
        "wsgi.multithread",
        doc="``wsgi.multithread``: whether other threads may serve requests too.",
    )
    is_multiprocess = environ_property[bool](
        "wsgi.multiprocess",
        doc="``wsgi.multiprocess``: whether other processes may serve requests too.",
    )
    is_run_once = environ_property[bool](
        "wsgi.run_once",
        doc="``wsgi.run_once``: whether this process serves only this request (CGI).",
    )

    # -- JSON -----------------------------------------------------------------------------

    @property
    def json(self) -> t.Any:
        """The body parsed as JSON: :meth:`get_json` with its defaults (a 415
        for another content type, a 400 for invalid JSON)."""
        return self.get_json()

    #: What :meth:`get_json` parsed: ``(normal, silent)``, Ellipsis for "not yet".
    _cached_json: tuple[t.Any, t.Any] = (Ellipsis, Ellipsis)

    @t.overload
    def get_json(
        self, force: bool = ..., silent: t.Literal[False] = ..., cache: bool = ...
    ) -> t.Any: ...
    @t.overload
    def get_json(
        self, force: bool = ..., silent: bool = ..., cache: bool = ...
    ) -> t.Any | None: ...
    def get_json(
        self, force: bool = False, silent: bool = False, cache: bool = True
    ) -> t.Any | None:
        """Parse the body as JSON with :attr:`json_module`.

        :param force: Parse whatever the content type (else it must be JSON,
            see :attr:`is_json`).
        :param silent: Give None instead of calling
            :meth:`on_json_loading_failed` (wrong content type, invalid JSON).
        :param cache: Keep the result for the next call.

        JSON nested past the interpreter's recursion limit is invalid JSON here
        (a 400), where Werkzeug lets the :exc:`RecursionError` through (a 500).
        """
        if cache and self._cached_json[silent] is not Ellipsis:
            return self._cached_json[silent]

        if not (force or self.is_json):
            if not silent:
                return self.on_json_loading_failed(None)

            return None

        data: bytes | str = self.get_data(cache=cache)
        module = self.json_module

        try:
            try:
                if module is json and isinstance(data, bytes) and _utf8_json(data):
                    # PERF: what json.loads does with these bytes (its
                    # detect_encoding gives UTF-8), without that Python step;
                    # a UnicodeDecodeError is the one json.loads would raise.
                    data = data.decode("utf-8", "surrogatepass")

                rv = module.loads(data)
            except RecursionError:
                raise ValueError("JSON nested too deeply") from None
        except ValueError as e:
            if silent:
                rv = None

                if cache:
                    normal_rv, _ = self._cached_json
                    self._cached_json = (normal_rv, rv)
            else:
                rv = self.on_json_loading_failed(e)

                if cache:
                    _, silent_rv = self._cached_json
                    self._cached_json = (rv, silent_rv)
        else:
            if cache:
                self._cached_json = (rv, rv)

        return rv

    def on_json_loading_failed(self, e: ValueError | None) -> t.Any:
        """Called by :meth:`get_json` when it cannot parse: raise a 400 for
        invalid JSON (``e``), a 415 for another content type (``e`` is None).
        Override it to answer differently; what it returns is the result."""
        if e is not None:
            raise werkzeug_aware(BadRequest)(f"Failed to decode JSON object: {e}")

        raise werkzeug_aware(UnsupportedMediaType)(
            "Did not attempt to load JSON data because the request"
            " Content-Type was not 'application/json'."
        )
