"""WSGI helpers (pure; both twins use these): Werkzeug 3.1's ``werkzeug.wsgi``.

- the request's host and URL from an environ: :func:`get_host` and
  :func:`get_current_url` read the arguments of
  :mod:`wrappers_pure.sansio.utils`'s functions from a WSGI environ;
  :func:`get_path_info`;
- the request body: :func:`get_content_length`, :func:`get_input_stream` and
  :class:`LimitedStream`, which never reads past ``Content-Length`` or
  ``max_content_length``;
- response bodies: :class:`ClosingIterator`, :class:`FileWrapper`,
  :func:`wrap_file`, and the :func:`responder` decorator.
"""

from __future__ import annotations

import io
import operator
import typing as t
from functools import update_wrapper

from wrappers_pure._internal import WSGIApplication
from wrappers_pure._internal import WSGIEnvironment
from wrappers_pure.exceptions import ClientDisconnected
from wrappers_pure.exceptions import RequestEntityTooLarge
from wrappers_pure.exceptions import werkzeug_aware
from wrappers_pure.sansio import utils as _sansio_utils
from wrappers_pure.sansio.utils import host_is_trusted

#: How much :meth:`LimitedStream.readall` (and a large ``read(size)``) asks
#: the wrapped stream for at a time: memory follows the bytes that arrive,
#: never the limit or the size asked for.
_CHUNK: t.Final = 64 * 1024


def responder(f: t.Callable[..., WSGIApplication]) -> WSGIApplication:
    """Decorate a function that returns a WSGI application (such as a
    response object) so that it is itself a WSGI application: the returned
    application is called with the last two arguments (``environ``,
    ``start_response``).

    :param f: The function; it gets every argument the application gets
        (``self`` too, when it is a method).
    """

    def application(*args: t.Any) -> t.Iterable[bytes]:
        return f(*args)(*args[-2:])

    return update_wrapper(application, f)


def _get_server(environ: WSGIEnvironment) -> tuple[str, int | None] | None:
    """The server's ``(SERVER_NAME, SERVER_PORT)``, the port None when it is
    not a number (a Unix socket); None without a ``SERVER_NAME``."""
    name = environ.get("SERVER_NAME")

    if name is None:
        return None

    try:
        port: int | None = int(environ.get("SERVER_PORT", None))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        port = None

    return name, port


def get_host(
    environ: WSGIEnvironment, trusted_hosts: t.Collection[str] | None = None
) -> str:
    """Return the request's ``host[:port]`` from a WSGI environ: the ``Host``
    header, else ``SERVER_NAME`` and ``SERVER_PORT`` (see
    :func:`wrappers_pure.sansio.utils.get_host`).

    :param environ: The WSGI environ.
    :param trusted_hosts: See :func:`wrappers_pure.sansio.utils.host_is_trusted`.
    :raises wrappers_pure.exceptions.SecurityError: The host is not trusted.
    """
    return _sansio_utils.get_host(
        environ["wsgi.url_scheme"],
        environ.get("HTTP_HOST"),
        _get_server(environ),
        trusted_hosts,
    )


def get_current_url(
    environ: WSGIEnvironment,
    root_only: bool = False,
    strip_querystring: bool = False,
    host_only: bool = False,
    trusted_hosts: t.Collection[str] | None = None,
) -> str:
    """Rebuild the URL of the request a WSGI environ describes, as an IRI
    (see :func:`wrappers_pure.sansio.utils.get_current_url`).

    :param environ: The WSGI environ.
    :param root_only: Stop after the application's root path.
    :param strip_querystring: Leave out the query string.
    :param host_only: Stop after the scheme and the host.
    :param trusted_hosts: See :func:`wrappers_pure.sansio.utils.host_is_trusted`.
    :raises wrappers_pure.exceptions.SecurityError: The host is not trusted.
    """
    scheme = environ["wsgi.url_scheme"]
    host = get_host(environ, trusted_hosts)

    if host_only:
        return _sansio_utils.get_current_url(scheme, host)

    root_path = environ.get("SCRIPT_NAME", "")

    if root_only:
        return _sansio_utils.get_current_url(scheme, host, root_path)

    path = environ.get("PATH_INFO", "")

    if strip_querystring:
        return _sansio_utils.get_current_url(scheme, host, root_path, path)

    query = environ.get("QUERY_STRING", "").encode("latin1")
    return _sansio_utils.get_current_url(scheme, host, root_path, path, query)


def get_content_length(environ: WSGIEnvironment) -> int | None:
    """Return the request body's length from a WSGI environ's
    ``CONTENT_LENGTH`` (see
    :func:`wrappers_pure.sansio.utils.get_content_length`): None for a
    streamed body (no length, or ``Transfer-Encoding: chunked``), 0 for a
    value that is not a plain integer or is negative.

    :param environ: The WSGI environ.
    """
    return _sansio_utils.get_content_length(
        http_content_length=environ.get("CONTENT_LENGTH"),
        http_transfer_encoding=environ.get("HTTP_TRANSFER_ENCODING"),
    )


def get_input_stream(
    environ: WSGIEnvironment,
    safe_fallback: bool = True,
    max_content_length: int | None = None,
) -> t.IO[bytes]:
    """Return ``wsgi.input`` wrapped so that reading it stops at the end of
    the body: at ``Content-Length``, or at ``max_content_length``. Hand this
    stream, not ``wsgi.input``, to code that does not enforce limits itself.

    - ``Content-Length`` over ``max_content_length``: :exc:`RequestEntityTooLarge`
      at once, before a byte is read.
    - The server sets ``wsgi.input_terminated`` (it ends the stream itself,
      as with a chunked body): the stream as it is, or, with
      ``max_content_length``, a :class:`LimitedStream` with ``is_max`` that
      raises :exc:`RequestEntityTooLarge` when the body is longer.
    - No ``Content-Length`` otherwise: an empty stream, since reading an
      unterminated stream may never end; ``safe_fallback=False`` returns
      ``wsgi.input`` itself instead.
    - Else a :class:`LimitedStream` of ``Content-Length`` bytes: a body that
      ends sooner raises :exc:`ClientDisconnected`.

    :param environ: The WSGI environ.
    :param safe_fallback: Give an empty stream for a body of unknown length
        that the server does not terminate.
    :param max_content_length: The largest body accepted, in bytes.
    :raises wrappers_pure.exceptions.RequestEntityTooLarge: ``Content-Length``
        is over ``max_content_length``.
    """
    stream = t.cast("t.IO[bytes]", environ["wsgi.input"])
    content_length = get_content_length(environ)

    if (
        content_length is not None
        and max_content_length is not None
        and content_length > max_content_length
    ):
        raise werkzeug_aware(RequestEntityTooLarge)()

    if "wsgi.input_terminated" in environ:
        # NOTE: only a terminated stream may be read to its end to find out
        # whether it is over the maximum (LimitedStream.readall does): an
        # unterminated one could block forever on that read.
        if max_content_length is None:
            return stream

        return t.cast("t.IO[bytes]", LimitedStream(stream, max_content_length, is_max=True))

    if content_length is None:
        return stream if not safe_fallback else io.BytesIO()

    return t.cast("t.IO[bytes]", LimitedStream(stream, content_length))


def get_path_info(environ: WSGIEnvironment) -> str:
    """Return a WSGI environ's ``PATH_INFO`` as text: the server's latin-1
    string turned back into its bytes and decoded as UTF-8, a bad byte
    replaced by U+FFFD.

    :param environ: The WSGI environ.
    """
    raw: bytes = environ.get("PATH_INFO", "").encode("latin1")
    return raw.decode("utf-8", "replace")


# -- response bodies ----------------------------------------------------------------


class ClosingIterator:
    """Wrap a WSGI iterable to run more callbacks when the server closes it.

    Iterating gives the iterable's items; :meth:`close` calls the iterable's
    own ``close`` (if it has one) and then each callback, in order::

        return ClosingIterator(app(environ, start_response), [cleanup, release])

    :param iterable: The WSGI iterable.
    :param callbacks: A callable, or an iterable of them, each called with no
        arguments.
    """

    def __init__(
        self,
        iterable: t.Iterable[bytes],
        callbacks: None
        | (t.Callable[[], None] | t.Iterable[t.Callable[[], None]]) = None,
    ) -> None:
        self._iterator = iter(iterable)

        if callbacks is None:
            funcs: list[t.Callable[[], t.Any]] = []
        elif callable(callbacks):
            funcs = [callbacks]
        else:
            funcs = list(callbacks)

        own_close = getattr(iterable, "close", None)

        if own_close:
            funcs.insert(0, own_close)

        self._callbacks = funcs

    def __iter__(self) -> ClosingIterator:
        return self

    def __next__(self) -> bytes:
        return next(self._iterator)

    def close(self) -> None:
        """Call the iterable's ``close`` and the callbacks, in order (each
        time this is called; an exception stops the rest)."""
        for callback in self._callbacks:
            callback()


def wrap_file(
    environ: WSGIEnvironment, file: t.IO[bytes], buffer_size: int = 8192
) -> t.Iterable[bytes]:
    """Return an iterable over a file's blocks: the server's
    ``wsgi.file_wrapper`` when the environ has one (it may send the file
    faster), else a :class:`FileWrapper`.

    Return the result unchanged to the server; in a response, use
    ``direct_passthrough``.

    :param environ: The WSGI environ.
    :param file: A binary file-like object with a ``read`` method.
    :param buffer_size: The size of each block.
    """
    wrapper = environ.get("wsgi.file_wrapper", FileWrapper)
    return wrapper(file, buffer_size)  # type: ignore[no-any-return]


class FileWrapper:
    """Iterate over a file-like object in blocks of ``buffer_size`` bytes,
    until a read gives nothing; ``close``, ``seekable``, ``seek`` and ``tell``
    reach the file when it has them. Prefer :func:`wrap_file`, which uses the
    server's wrapper where there is one.

    :param file: A binary file-like object with a ``read`` method.
    :param buffer_size: The size of each block.
    """

    def __init__(self, file: t.IO[bytes], buffer_size: int = 8192) -> None:
        self.file = file
        self.buffer_size = buffer_size

    def close(self) -> None:
        """Close the file, if it can be closed."""
        close = getattr(self.file, "close", None)

        if close is not None:
            close()

    def seekable(self) -> bool:
        """Whether the file is seekable: its own ``seekable()``, else whether
        it has a ``seek`` method."""
        if hasattr(self.file, "seekable"):
            return self.file.seekable()

        return hasattr(self.file, "seek")

    def seek(self, *args: t.Any) -> None:
        """Seek the file (nothing happens when it has no ``seek``).

        :param args: Passed on to the file's ``seek``.
        """
        if hasattr(self.file, "seek"):
            self.file.seek(*args)

    def tell(self) -> int | None:
        """The file's position, or None when it has no ``tell``."""
        if hasattr(self.file, "tell"):
            return self.file.tell()

        return None

    def __iter__(self) -> FileWrapper:
        return self

    def __next__(self) -> bytes:
        block = self.file.read(self.buffer_size)

        if not block:
            raise StopIteration()

        return block


# -- the request body ----------------------------------------------------------------


class LimitedStream(io.RawIOBase):
    """A readable stream over another that never reads past ``limit`` bytes:
    ``wsgi.input`` limited to the ``Content-Length`` (so that a read cannot
    block on the next request's bytes) or to ``max_content_length``.

    - Reading once the limit is reached calls :meth:`on_exhausted`: nothing
      happens (an empty read), unless the limit is a maximum (``is_max``),
      then :exc:`RequestEntityTooLarge`.
    - A read of the wrapped stream that gives no bytes, or fails with
      :exc:`OSError` or :exc:`ValueError`, before the limit calls
      :meth:`on_disconnect`: :exc:`ClientDisconnected`; for a maximum, only a
      failure raises (no bytes may be the end of the body).
    - :meth:`readall` (and ``read()``) on a maximum that is reached looks
      one byte further: when the body goes on, :meth:`on_exhausted` is called
      (:exc:`RequestEntityTooLarge`) rather than the body being cut short.
      (Werkzeug 3.1.9 returns the first ``limit`` bytes there.) Use ``is_max``
      only on a stream that ends by itself (``wsgi.input_terminated``).

    Memory follows the bytes that arrive: ``read()`` and a large
    ``read(size)`` ask the wrapped stream for 64 KiB at a time.

    The errors are raised through
    :func:`~wrappers_pure.exceptions.werkzeug_aware` (as those of
    :func:`get_input_stream`): inside an app built on Werkzeug, such as
    Flask, they are also Werkzeug's classes, so they become a 413 or a 400
    there rather than a 500.

    :param stream: The binary stream to read from (``read`` is enough;
        ``readinto`` is used when it has one).
    :param limit: How many bytes may be read: the ``Content-Length`` or
        ``max_content_length``.
    :param is_max: ``limit`` is a maximum (``max_content_length``) rather
        than the body's announced length.
    """

    def __init__(self, stream: t.IO[bytes], limit: int, is_max: bool = False) -> None:
        self._stream = stream
        self._pos = 0
        #: How many bytes may be read in all.
        self.limit = limit
        self._limit_is_max = is_max

    @property
    def is_exhausted(self) -> bool:
        """Whether the position has reached the limit."""
        return self._pos >= self.limit

    def on_exhausted(self) -> None:
        """Called by a read once the limit is reached. Does nothing, unless
        the limit is a maximum: then raises :exc:`RequestEntityTooLarge`. A
        return value is ignored.

        :raises wrappers_pure.exceptions.RequestEntityTooLarge: The limit is
            a maximum.
        """
        if self._limit_is_max:
            raise werkzeug_aware(RequestEntityTooLarge)()

    def on_disconnect(self, error: Exception | None = None) -> None:
        """Called when a read of the wrapped stream gives no bytes, or fails,
        before the limit: the client went away before sending the whole body.
        Raises :exc:`ClientDisconnected`, except for a maximum without an
        ``error`` (the body may simply have ended). A return value is ignored.

        :param error: The exception the wrapped stream raised, if any.
        :raises wrappers_pure.exceptions.ClientDisconnected: See above.
        """
        if error is not None or not self._limit_is_max:
            raise werkzeug_aware(ClientDisconnected)()

    def exhaust(self) -> bytes:
        """Read up to the limit (or until the body ends) and return what was
        read; ``b""`` when the limit is reached already."""
        if self.is_exhausted:
            return b""

        return self.readall()

    def _fill(self, b: t.Any, remaining: int) -> tuple[int, Exception | None]:
        """One read of the wrapped stream into ``b``, at most ``remaining``
        bytes: ``(count read, None)``, or ``(0, error)`` when the read failed
        with :exc:`OSError` or :exc:`ValueError`."""
        stream = self._stream
        size = len(b)

        try:
            if hasattr(stream, "readinto"):
                if size <= remaining:
                    got = stream.readinto(b)
                else:
                    # NOTE: a buffer of its own, so that a stream that assigns
                    # b[:] = data never resizes (or overfills) the caller's.
                    part = bytearray(remaining)
                    got = stream.readinto(part)

                    if got:
                        b[:got] = part[:got]
            else:
                data = stream.read(min(size, remaining))
                got = len(data)
                b[:got] = data
        except (OSError, ValueError) as error:
            return 0, error

        return got or 0, None

    def readinto(self, b: bytearray) -> int | None:  # type: ignore[override]
        """Read into ``b`` with one read of the wrapped stream, no further
        than the limit; return the count read (0 at the limit, or when the
        body ended early, after :meth:`on_exhausted` or :meth:`on_disconnect`).

        :param b: A writable buffer.
        """
        remaining = self.limit - self._pos

        if remaining <= 0:
            self.on_exhausted()
            return 0

        got, error = self._fill(b, remaining)

        if not got:
            self.on_disconnect(error=error)
            return 0

        self._pos += got
        return got

    def read(self, size: int = -1, /) -> bytes:
        """Read up to ``size`` bytes (all of them, as :meth:`readall`, when
        negative), no further than the limit; ``b""`` at the limit or at the
        body's end (see :meth:`on_exhausted` and :meth:`on_disconnect`).

        :param size: How many bytes at most.
        """
        if size is None:
            # NOTE: as the interpreter's RawIOBase.read: CPython raises
            # TypeError, PyPy reads everything (through readall).
            return super().read(size) or b""  # type: ignore[unreachable]

        size = operator.index(size)

        if size < 0:
            return self.readall()

        remaining = self.limit - self._pos

        if remaining <= 0 or size <= _CHUNK or remaining <= _CHUNK:
            # PERF/NOTE: the buffer is no larger than what may be read (the
            # wrapped stream is asked for the same number of bytes as with
            # a buffer of ``size``).
            buffer = bytearray(max(0, min(size, remaining)))
            got = self.readinto(buffer) or 0
            del buffer[got:]
            return bytes(buffer)

        # A large read: in chunks, so that memory follows the bytes that
        # arrive. It ends at a short read, as one read of the stream would;
        # no bytes (or a failure) after some data ends it too, and the next
        # read meets the end (or the failure) again.
        want = min(size, remaining)
        out = bytearray()

        while len(out) < want:
            chunk = bytearray(min(_CHUNK, want - len(out)))
            got, error = self._fill(chunk, self.limit - self._pos)

            if not got:
                if not out:
                    self.on_disconnect(error=error)

                break

            self._pos += got
            out += chunk[:got]

            if got < len(chunk):
                break

        return bytes(out)

    def readall(self) -> bytes:
        """Read up to the limit, or until the body ends, and return it; at
        the limit already, call :meth:`on_exhausted` and return ``b""``.

        For a maximum (``is_max``), a body that goes on past the limit calls
        :meth:`on_exhausted` (:exc:`RequestEntityTooLarge`) instead of being
        returned cut short.
        """
        if self.is_exhausted:
            self.on_exhausted()
            return b""

        remaining = self.limit - self._pos

        if remaining <= _CHUNK and not self._limit_is_max:
            # PERF: the usual body (a Content-Length of up to 64 KiB) in one
            # read of the wrapped stream; a short read goes on as below.
            try:
                data = self._stream.read(remaining)
            except (OSError, ValueError) as error:
                self.on_disconnect(error=error)
                return b""

            if type(data) is bytes and len(data) == remaining:
                self._pos = self.limit
                return data

            if not data:
                self.on_disconnect()
                return b""

            self._pos += len(data)
            out = bytearray(data)
        else:
            out = bytearray()

        while self._pos < self.limit:
            data = self.read(_CHUNK)

            if not data:
                # A maximum's body may end before the limit.
                return bytes(out)

            out += data

        if self._limit_is_max and self._goes_on():
            self.on_exhausted()

        return bytes(out)

    def _goes_on(self) -> bool:
        """Whether the wrapped stream has another byte past the limit (it is
        consumed; a failed read counts as a disconnect)."""
        try:
            more = self._stream.read(1)
        except (OSError, ValueError) as error:
            self.on_disconnect(error=error)
            return False

        return bool(more)

    def tell(self) -> int:
        """The position: how many bytes have been read."""
        return self._pos

    def readable(self) -> bool:
        """Always True."""
        return True


__all__ = [
    "ClosingIterator",
    "FileWrapper",
    "LimitedStream",
    "get_content_length",
    "get_current_url",
    "get_host",
    "get_input_stream",
    "get_path_info",
    "host_is_trusted",
    "responder",
    "wrap_file",
]
