"""Helpers for testing WSGI applications (pure; both twins use these):
Werkzeug 3.1's ``werkzeug.test`` for :class:`EnvironBuilder`,
:func:`create_environ`, :func:`run_wsgi_app`, :func:`encode_multipart` and
:func:`stream_encode_multipart`. (Werkzeug's test ``Client`` is not here.)

A multipart body is Werkzeug's byte for byte for the same boundary. Like
Werkzeug's, this encoder is for tests: it quotes nothing in field names and
file names, so it must never build a body from untrusted names.

:func:`run_wsgi_app` keeps what an application passed to the ``write``
callable also when ``buffered`` (Werkzeug 3.1.9 drops it then), as
:meth:`Response.from_app <wrappers_pure.response.Response.from_app>` does: the
two share one runner.
"""

from __future__ import annotations

import json
import mimetypes
import sys
import typing as t
from collections import defaultdict
from io import BytesIO
from itertools import chain
from urllib.parse import unquote
from urllib.parse import urlencode
from urllib.parse import urlsplit
from urllib.parse import urlunsplit

from wrappers_pure._internal import WSGIApplication
from wrappers_pure._internal import WSGIEnvironment
from wrappers_pure._internal import run_app
from wrappers_pure._syntax.quoting import dump_options_header
from wrappers_pure._syntax.quoting import parse_options_header
from wrappers_pure.datastructures import CallbackDict
from wrappers_pure.datastructures import FileMultiDict
from wrappers_pure.datastructures import Headers
from wrappers_pure.datastructures import MultiDict
from wrappers_pure.datastructures import iter_multi_items
from wrappers_pure.request import Request
from wrappers_pure.urls import iri_to_uri
from wrappers_pure.utils import get_content_type

_TAnyMultiDict = t.TypeVar("_TAnyMultiDict", bound="MultiDict[t.Any, t.Any]")

#: What a form or query string leaves unquoted (the WHATWG URL standard's
#: percent-encode set), as Werkzeug does.
_URLENCODE_SAFE: t.Final = "!$'()*,/:;?@"


def _urlencode(query: t.Any) -> str:
    """A query string or urlencoded form from a mapping, a MultiDict or pairs
    (None values left out)."""
    items = [item for item in iter_multi_items(query) if item[1] is not None]
    return urlencode(items, safe=_URLENCODE_SAFE)


def _wsgi_encode(text: str) -> str:
    """``text`` as a WSGI environ holds it: its UTF-8 bytes read as Latin-1."""
    return text.encode().decode("latin1")


def _wsgi_decode(text: str) -> str:
    """The reverse of :func:`_wsgi_encode` (bad UTF-8 becomes U+FFFD)."""
    return text.encode("latin1").decode(errors="replace")


# --- multipart ---------------------------------------------------------------------


def _part_head(boundary: bytes, name: str, filename: str | None, headers: t.Any) -> bytes:
    """The delimiter and the headers of one part: ``Content-Disposition``
    first, then ``headers`` (but any ``Content-Disposition`` of theirs)."""
    # NOTE: Werkzeug's MultipartEncoder, byte for byte: names are written as
    # they are, unquoted, and each header as "name: value" in UTF-8.
    head = [b"\r\n--", boundary, b'\r\nContent-Disposition: form-data; name="', name.encode()]

    if filename is not None:
        head += [b'"; filename="', filename.encode()]

    head.append(b'"\r\n')

    for key, value in headers:
        if key.lower() != "content-disposition":
            head.append(f"{key}: {value}\r\n".encode())

    return b"".join(head)


class _Spool:
    """Where an encoded body goes: memory, moved to a temporary file as soon as
    it would grow past ``threshold`` (when ``use_tempfile``)."""

    def __init__(self, use_tempfile: bool, threshold: int) -> None:
        self.stream: t.IO[bytes] = BytesIO()
        self.limit = threshold if use_tempfile else None
        self.length = 0

    def write(self, data: bytes) -> None:
        if self.limit is not None and self.length + len(data) > self.limit:
            from tempfile import TemporaryFile

            spooled = t.cast(t.IO[bytes], TemporaryFile("wb+"))
            spooled.write(t.cast(BytesIO, self.stream).getvalue())
            self.stream = spooled
            self.limit = None

        self.stream.write(data)
        self.length += len(data)


def _encode_items(
    items: t.Iterable[tuple[str, t.Any]], spool: _Spool, boundary: bytes
) -> None:
    """Write the multipart body of ``items`` (form values and files) to ``spool``."""
    for key, value in items:
        reader = getattr(value, "read", None)

        if reader is None:
            if not isinstance(value, str):
                value = str(value)

            spool.write(_part_head(boundary, key, None, ()))
            spool.write(b"\r\n" + value.encode() if value else b"")
            continue

        filename = getattr(value, "filename", getattr(value, "name", None))
        content_type = getattr(value, "content_type", None)

        if content_type is None:
            content_type = (
                filename and mimetypes.guess_type(filename)[0] or "application/octet-stream"
            )

        # As Werkzeug: the part's own headers (a FileStorage's, changed in
        # place) with the Content-Type set.
        headers = value.headers
        headers.update([("Content-Type", content_type)])
        spool.write(_part_head(boundary, key, filename, headers))
        first = True

        while True:
            chunk = reader(16384)

            if not chunk:
                break

            spool.write(b"\r\n" + chunk if first else chunk)
            first = False

    spool.write(b"\r\n--" + boundary + b"--\r\n")


def _new_boundary() -> str:
    from random import random
    from time import time

    return f"---------------WerkzeugFormPart_{time()}{random()}"


def _iter_data(data: t.Mapping[str, t.Any]) -> t.Iterator[tuple[str, t.Any]]:
    """The ``(key, value)`` pairs of a mapping whose values may be lists of
    values (only lists: a tuple is one value, the arguments of a file)."""
    if isinstance(data, MultiDict):
        yield from data.items(multi=True)
    else:
        for key, value in data.items():
            if isinstance(value, list):
                for item in value:
                    yield key, item
            else:
                yield key, value


def _stream_encode(
    items: t.Iterable[tuple[str, t.Any]],
    use_tempfile: bool,
    threshold: int,
    boundary: str | None,
) -> tuple[t.IO[bytes], int, str]:
    if boundary is None:
        boundary = _new_boundary()

    spool = _Spool(use_tempfile, threshold)
    _encode_items(items, spool, boundary.encode())
    length = spool.stream.tell()
    spool.stream.seek(0)
    return spool.stream, length, boundary


def stream_encode_multipart(
    data: t.Mapping[str, t.Any],
    use_tempfile: bool = True,
    threshold: int = 1024 * 500,
    boundary: str | None = None,
) -> tuple[t.IO[bytes], int, str]:
    """Encode form values and files as a ``multipart/form-data`` body, in a
    stream; for tests only (see the module's docstring).

    A value with a ``read`` method is a file: its ``filename`` (else its
    ``name``) is the part's file name, its ``content_type`` (else the type
    guessed from the file name, else ``application/octet-stream``) is set in
    its ``headers``, which the part carries. Any other value is written as
    ``str(value)`` in UTF-8.

    :param data: The fields: a mapping (a list value is several values) or a
        :class:`MultiDict`.
    :param use_tempfile: Move the body to a temporary file once it grows past
        ``threshold`` bytes.
    :param threshold: See ``use_tempfile``.
    :param boundary: The boundary; a new random one when None.
    :return: ``(stream, length, boundary)``, the stream at position 0.
    """
    return _stream_encode(_iter_data(data), use_tempfile, threshold, boundary)


def encode_multipart(
    values: t.Mapping[str, t.Any], boundary: str | None = None
) -> tuple[str, bytes]:
    """Like :func:`stream_encode_multipart`, in memory.

    :return: ``(boundary, body)``.
    """
    stream, _, boundary = stream_encode_multipart(values, use_tempfile=False, boundary=boundary)
    return boundary, stream.read()


# --- the builder ------------------------------------------------------------------------


class EnvironBuilder:
    """Build a WSGI environ for a test request, from the arguments of the
    constructor (also those of :func:`create_environ`), then
    :meth:`get_environ` or :meth:`get_request`.

    ``data`` is one of:

    - ``str`` or ``bytes``: the body (``str`` in UTF-8), which sets
      :attr:`content_length`; give a ``content_type`` too;
    - a file object: its contents, read at once, are the body;
    - a mapping or :class:`MultiDict` of form fields. A value (or each item of
      a list value) that is a file object, a ``tuple`` (the arguments of
      :meth:`FileMultiDict.add_file` after the name) or a ``dict`` goes to
      :attr:`files`; anything else to :attr:`form`. The body is then
      urlencoded, or ``multipart/form-data`` when there are files.

    :param path: The request's path (``PATH_INFO``), an IRI; what follows a
        ``?`` is the query string when ``query_string`` is None.
    :param base_url: The scheme, host (with port) and root path
        (``SCRIPT_NAME``), an IRI; ``http://localhost/`` when None.
    :param query_string: A string, or a mapping or :class:`MultiDict` of
        arguments (:attr:`args`). Raises :exc:`ValueError` with a ``?`` in
        ``path``.
    :param method: The request method.
    :param input_stream: The body; do not give ``data`` too (:exc:`TypeError`).
    :param content_type: The ``Content-Type``; found from the form when None.
    :param content_length: The ``Content-Length``; found from the body when None.
    :param errors_stream: ``wsgi.errors``; :data:`sys.stderr` when None.
    :param multithread: ``wsgi.multithread``.
    :param multiprocess: ``wsgi.multiprocess``.
    :param run_once: ``wsgi.run_once``.
    :param headers: The headers: a :class:`Headers` (used as it is) or pairs.
    :param data: The body or form; see above.
    :param environ_base: Environ keys the built ones override.
    :param environ_overrides: Environ keys that override the built ones.
    :param mimetype: Sets :attr:`mimetype` (after ``data``).
    :param json: An object serialised with :meth:`json_dumps` as the body;
        the ``Content-Type`` is ``application/json`` unless given. Not with
        ``data`` (:exc:`TypeError`).
    :param auth: The ``Authorization`` header: a ``(username, password)``
        tuple for Basic credentials, or an object with a ``to_header()``
        method (such as an ``Authorization``).
    """

    #: The ``SERVER_PROTOCOL``.
    server_protocol = "HTTP/1.1"

    #: The ``wsgi.version``.
    wsgi_version = (1, 0)

    #: The class :meth:`get_request` makes by default.
    request_class: type[Request] = Request

    #: Serialises the ``json`` argument.
    json_dumps = staticmethod(json.dumps)

    _args: MultiDict[str, str] | None
    _query_string: str | None
    _input_stream: t.IO[bytes] | None
    _form: MultiDict[str, str] | None
    _files: FileMultiDict | None

    def __init__(
        self,
        path: str = "/",
        base_url: str | None = None,
        query_string: t.Mapping[str, str] | str | None = None,
        method: str = "GET",
        input_stream: t.IO[bytes] | None = None,
        content_type: str | None = None,
        content_length: int | None = None,
        errors_stream: t.IO[str] | None = None,
        multithread: bool = False,
        multiprocess: bool = False,
        run_once: bool = False,
        headers: Headers | t.Iterable[tuple[str, str]] | None = None,
        data: None | (t.IO[bytes] | str | bytes | t.Mapping[str, t.Any]) = None,
        environ_base: t.Mapping[str, t.Any] | None = None,
        environ_overrides: t.Mapping[str, t.Any] | None = None,
        mimetype: str | None = None,
        json: t.Mapping[str, t.Any] | None = None,
        auth: t.Any = None,
    ) -> None:
        if query_string is not None and "?" in path:
            raise ValueError("Query string is defined in the path and as an argument")

        split = urlsplit(path)

        if query_string is None and "?" in path:
            query_string = split.query

        #: The path (``PATH_INFO`` once percent-decoded), as a URI.
        self.path = iri_to_uri(split.path)
        #: The path as given, query string included (``REQUEST_URI``, ``RAW_URI``).
        self.request_uri = path

        if base_url is not None:
            base_url = iri_to_uri(base_url)

        self.base_url = base_url

        if isinstance(query_string, str):
            self.query_string = query_string
        else:
            if query_string is None:
                query_string = MultiDict()
            elif not isinstance(query_string, MultiDict):
                query_string = MultiDict(query_string)

            self.args = query_string

        self.method = method

        if headers is None:
            headers = Headers()
        elif not isinstance(headers, Headers):
            headers = Headers(headers)

        self.headers = headers

        if content_type is not None:
            self.content_type = content_type

        self.errors_stream = sys.stderr if errors_stream is None else errors_stream
        self.multithread = multithread
        self.multiprocess = multiprocess
        self.run_once = run_once
        self.environ_base = environ_base
        self.environ_overrides = environ_overrides
        self.input_stream = input_stream
        self.content_length = content_length
        self.closed = False

        if auth is not None:
            if isinstance(auth, tuple):
                value = _basic_auth(auth[0], auth[1])
            else:
                value = auth.to_header()

            self.headers.set("Authorization", value)

        if json is not None:
            if data is not None:
                raise TypeError("can't provide both json and data")

            data = self.json_dumps(json)

            if self.content_type is None:
                self.content_type = "application/json"

        if data:
            if input_stream is not None:
                raise TypeError("can't provide input stream and data")

            if hasattr(data, "read"):
                data = data.read()

            if isinstance(data, str):
                data = data.encode()

            if isinstance(data, bytes):
                self.input_stream = BytesIO(data)

                if self.content_length is None:
                    self.content_length = len(data)
            else:
                for key, value in _iter_data(data):
                    if isinstance(value, (tuple, dict)) or hasattr(value, "read"):
                        self._add_file_from_data(key, value)
                    else:
                        self.form.setlistdefault(key).append(value)

        if mimetype is not None:
            self.mimetype = mimetype

    @classmethod
    def from_environ(cls, environ: WSGIEnvironment, **kwargs: t.Any) -> EnvironBuilder:
        """A builder for the request an environ describes; keyword arguments
        override what is read from it.

        :param environ: The WSGI environ.
        :param kwargs: Arguments of the constructor.
        """
        headers = Headers(_environ_headers(environ))
        arguments = {
            "path": _wsgi_decode(environ["PATH_INFO"]),
            "base_url": cls._make_base_url(
                environ["wsgi.url_scheme"],
                headers.pop("Host"),
                _wsgi_decode(environ["SCRIPT_NAME"]),
            ),
            "query_string": _wsgi_decode(environ["QUERY_STRING"]),
            "method": environ["REQUEST_METHOD"],
            "input_stream": environ["wsgi.input"],
            "content_type": headers.pop("Content-Type", None),
            "content_length": headers.pop("Content-Length", None),
            "errors_stream": environ["wsgi.errors"],
            "multithread": environ["wsgi.multithread"],
            "multiprocess": environ["wsgi.multiprocess"],
            "run_once": environ["wsgi.run_once"],
            "headers": headers,
        }
        arguments.update(kwargs)
        return cls(**arguments)

    def _add_file_from_data(self, key: str, value: t.Any) -> None:
        """Add a file of ``data`` to :attr:`files`: a tuple is the arguments
        of :meth:`FileMultiDict.add_file` after the name."""
        if isinstance(value, tuple):
            self.files.add_file(key, *value)
        else:
            self.files.add_file(key, value)

    @staticmethod
    def _make_base_url(scheme: str, host: str, script_root: str) -> str:
        return urlunsplit((scheme, host, script_root, "", "")).rstrip("/") + "/"

    @property
    def base_url(self) -> str:
        """The scheme, host and root path as a URL ending in ``/``. Setting it
        (None for ``http://localhost/``) sets :attr:`url_scheme`,
        :attr:`host` and :attr:`script_root`; a query string or fragment in
        it raises :exc:`ValueError`."""
        return self._make_base_url(self.url_scheme, self.host, self.script_root)

    @base_url.setter
    def base_url(self, value: str | None) -> None:
        if value is None:
            scheme, netloc, script_root = "http", "localhost", ""
        else:
            scheme, netloc, script_root, query, fragment = urlsplit(value)

            if query or fragment:
                raise ValueError("base url must not contain a query string or fragment")

        self.script_root = script_root.rstrip("/")
        self.host = netloc
        self.url_scheme = scheme

    @property
    def content_type(self) -> str | None:
        """The ``Content-Type`` of :attr:`headers`. Without one (and without
        an input stream), ``multipart/form-data`` when there are
        :attr:`files`, ``application/x-www-form-urlencoded`` when there is a
        :attr:`form`, else None. Setting None removes the header."""
        value = self.headers.get("Content-Type")

        if value is None and not self._input_stream:
            if self._files:
                return "multipart/form-data"

            if self._form:
                return "application/x-www-form-urlencoded"

            return None

        return value

    @content_type.setter
    def content_type(self, value: str | None) -> None:
        if value is None:
            self.headers.pop("Content-Type", None)
        else:
            self.headers["Content-Type"] = value

    @property
    def mimetype(self) -> str | None:
        """:attr:`content_type` without its parameters. Setting it sets the
        ``Content-Type``, with ``charset=utf-8`` for a text type."""
        value = self.content_type
        return value.partition(";")[0].strip() if value else None

    @mimetype.setter
    def mimetype(self, value: str) -> None:
        self.content_type = get_content_type(value, "utf-8")

    @property
    def mimetype_params(self) -> t.Mapping[str, str]:
        """The parameters of the ``Content-Type`` header as a dict; changing
        the dict rewrites the header."""

        def on_update(params: CallbackDict[str, str]) -> None:
            self.headers["Content-Type"] = dump_options_header(self.mimetype, params)

        params = parse_options_header(self.headers.get("content-type", ""))[1]
        return CallbackDict(params, on_update)

    @property
    def content_length(self) -> int | None:
        """The ``Content-Length`` of :attr:`headers` as an int (None when
        missing or not a number). Setting None removes the header."""
        return self.headers.get("Content-Length", type=int)

    @content_length.setter
    def content_length(self, value: int | None) -> None:
        if value is None:
            self.headers.pop("Content-Length", None)
        else:
            self.headers["Content-Length"] = str(value)

    def _get_form(self, name: str, storage: type[_TAnyMultiDict]) -> _TAnyMultiDict:
        """The :attr:`form` or :attr:`files` (attribute ``name``), made
        empty on first use; :exc:`AttributeError` with an input stream."""
        if self.input_stream is not None:
            raise AttributeError("an input stream is defined")

        value = getattr(self, name)

        if value is None:
            value = storage()
            setattr(self, name, value)

        return value  # type: ignore[no-any-return]

    def _set_form(self, name: str, value: MultiDict[str, t.Any]) -> None:
        """Set the :attr:`form` or :attr:`files`, dropping the input stream."""
        self._input_stream = None
        setattr(self, name, value)

    @property
    def form(self) -> MultiDict[str, str]:
        """The form values, a :class:`MultiDict`."""
        return self._get_form("_form", MultiDict)

    @form.setter
    def form(self, value: MultiDict[str, str]) -> None:
        self._set_form("_form", value)

    @property
    def files(self) -> FileMultiDict:
        """The files, a :class:`FileMultiDict` (see
        :meth:`~FileMultiDict.add_file`)."""
        return self._get_form("_files", FileMultiDict)

    @files.setter
    def files(self, value: FileMultiDict) -> None:
        self._set_form("_files", value)

    @property
    def input_stream(self) -> t.IO[bytes] | None:
        """The body as a stream, or None. Setting it drops :attr:`form` and
        :attr:`files`; while it is set, reading them raises
        :exc:`AttributeError`."""
        return self._input_stream

    @input_stream.setter
    def input_stream(self, value: t.IO[bytes] | None) -> None:
        self._input_stream = value
        self._form = None
        self._files = None

    @property
    def query_string(self) -> str:
        """The query string: the one set, else :attr:`args` encoded. Setting
        a string makes :attr:`args` unavailable."""
        if self._query_string is None:
            if self._args is not None:
                return _urlencode(self._args)

            return ""

        return self._query_string

    @query_string.setter
    def query_string(self, value: str | None) -> None:
        self._query_string = value
        self._args = None

    @property
    def args(self) -> MultiDict[str, str]:
        """The query arguments, a :class:`MultiDict`; :exc:`AttributeError`
        while a query string is set."""
        if self._query_string is not None:
            raise AttributeError("a query string is defined")

        if self._args is None:
            self._args = MultiDict()

        return self._args

    @args.setter
    def args(self, value: MultiDict[str, str] | None) -> None:
        self._query_string = None
        self._args = value

    @property
    def server_name(self) -> str:
        """The host without its port (read-only: set :attr:`host`)."""
        return self.host.partition(":")[0]

    @property
    def server_port(self) -> int:
        """The port of :attr:`host`, else the scheme's (443 for ``https``, 80
        otherwise); read-only."""
        _, sep, port = self.host.partition(":")

        if sep:
            try:
                return int(port)
            except ValueError:
                pass

        return 443 if self.url_scheme == "https" else 80

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    def close(self) -> None:
        """Close every file of :attr:`files` (errors ignored); once."""
        if self.closed:
            return

        # PERF: the files given, if any; reading ``files`` would make an
        # empty FileMultiDict to find none (no files with an input stream).
        files = list(self._files.values()) if self._files else []

        for file in files:
            try:
                file.close()
            except Exception:
                pass

        self.closed = True

    def get_environ(self) -> WSGIEnvironment:
        """Build the environ: a new dict each time.

        ``CONTENT_TYPE`` and ``CONTENT_LENGTH`` come from the body: the input
        stream's remaining length, the encoded form or files (with the
        multipart boundary in the type); they are not repeated as ``HTTP_``
        keys. Headers of the same name are joined with ``", "``.
        """
        input_stream = self.input_stream
        content_length = self.content_length
        mimetype = self.mimetype
        content_type = self.content_type

        if input_stream is not None:
            start = input_stream.tell()
            input_stream.seek(0, 2)
            content_length = input_stream.tell() - start
            input_stream.seek(start)
        elif mimetype == "multipart/form-data":
            items = chain(self.form.items(multi=True), self.files.items(multi=True))
            input_stream, content_length, boundary = _stream_encode(
                items, True, 1024 * 500, None
            )
            content_type = f'{mimetype}; boundary="{boundary}"'
        elif mimetype == "application/x-www-form-urlencoded":
            encoded = _urlencode(self.form).encode("ascii")
            content_length = len(encoded)
            input_stream = BytesIO(encoded)
        else:
            input_stream = BytesIO()

        environ: WSGIEnvironment = {}

        if self.environ_base:
            environ.update(self.environ_base)

        raw_uri = _wsgi_encode(self.request_uri)
        environ.update(
            {
                "REQUEST_METHOD": self.method,
                "SCRIPT_NAME": _wsgi_encode(unquote(self.script_root)),
                "PATH_INFO": _wsgi_encode(unquote(self.path)),
                "QUERY_STRING": _wsgi_encode(self.query_string),
                # Not in the WSGI spec: mod_wsgi and uWSGI set REQUEST_URI,
                # gunicorn RAW_URI.
                "REQUEST_URI": raw_uri,
                "RAW_URI": raw_uri,
                "SERVER_NAME": self.server_name,
                "SERVER_PORT": str(self.server_port),
                "HTTP_HOST": self.host,
                "SERVER_PROTOCOL": self.server_protocol,
                "wsgi.version": self.wsgi_version,
                "wsgi.url_scheme": self.url_scheme,
                "wsgi.input": input_stream,
                "wsgi.errors": self.errors_stream,
                "wsgi.multithread": self.multithread,
                "wsgi.multiprocess": self.multiprocess,
                "wsgi.run_once": self.run_once,
            }
        )

        if content_type is not None:
            environ["CONTENT_TYPE"] = content_type

        if content_length is not None:
            environ["CONTENT_LENGTH"] = str(content_length)

        joined: defaultdict[str, list[str]] = defaultdict(list)

        for key, value in self.headers.to_wsgi_list():
            if key.lower() not in ("content-type", "content-length"):
                joined[f"HTTP_{key.upper().replace('-', '_')}"].append(value)

        for key, values in joined.items():
            environ[key] = ", ".join(values)

        if self.environ_overrides:
            environ.update(self.environ_overrides)

        return environ

    def get_request(self, cls: t.Any = None) -> t.Any:
        """A request object for the environ: ``cls(self.get_environ())``.

        :param cls: The request class; :attr:`request_class` when None.
        """
        if cls is None:
            cls = self.request_class

        return cls(self.get_environ())


def _basic_auth(username: str, password: str) -> str:
    """A Basic ``Authorization`` value: ``username:password`` in UTF-8 and base64."""
    from base64 import b64encode

    token = b64encode(f"{username}:{password}".encode()).decode("ascii")
    return f"Basic {token}"


def _environ_headers(environ: WSGIEnvironment) -> list[tuple[str, str]]:
    """The request headers of an environ, in its order, as a Headers view of
    it reads them: ``HTTP_*`` keys (but ``HTTP_CONTENT_TYPE`` and
    ``HTTP_CONTENT_LENGTH``), and a non-empty ``CONTENT_TYPE`` and
    ``CONTENT_LENGTH``."""
    pairs = []

    for key, value in environ.items():
        if key.startswith("HTTP_"):
            if key not in ("HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH"):
                pairs.append((key[5:].replace("_", "-").title(), value))
        elif key in ("CONTENT_TYPE", "CONTENT_LENGTH") and value:
            pairs.append((key.replace("_", "-").title(), value))

    return pairs


def create_environ(*args: t.Any, **kwargs: t.Any) -> WSGIEnvironment:
    """A WSGI environ from the arguments of :class:`EnvironBuilder` (its
    files closed again)."""
    builder = EnvironBuilder(*args, **kwargs)

    try:
        return builder.get_environ()
    finally:
        builder.close()


def run_wsgi_app(
    app: WSGIApplication, environ: WSGIEnvironment, buffered: bool = False
) -> tuple[t.Iterable[bytes], str, Headers]:
    """Call a WSGI application as a server would; return ``(app_iter, status,
    headers)``.

    The application gets a copy of ``environ`` (or of a request's). Unless
    ``buffered``, its iterable is read only until ``start_response`` has been
    called, and ``app_iter`` calls its ``close``; with ``buffered`` it is read
    to the end and closed at once. Data passed to the ``write`` callable comes
    first in ``app_iter``, buffered or not (see the module's docstring).

    :param app: The WSGI application.
    :param environ: The environ, or a request object.
    :param buffered: Read the whole body now.
    """
    body, status, headers = run_app(app, environ, buffered)
    return body, status, Headers(headers)


__all__ = [
    "EnvironBuilder",
    "create_environ",
    "encode_multipart",
    "run_wsgi_app",
    "stream_encode_multipart",
]
