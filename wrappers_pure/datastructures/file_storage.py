"""Uploaded files (pure; both twins use these classes): Werkzeug 3.1's
:class:`FileStorage` and :class:`FileMultiDict`.

A :class:`FileStorage` wraps the stream of one file with the name of its form
field, its file name and the headers of its part; the request's ``files`` holds
them, and :class:`~wrappers_pure.test.EnvironBuilder` encodes them into a
multipart body.
"""

from __future__ import annotations

import mimetypes
import os
import re
import shutil
import typing as t
from io import BytesIO

from wrappers_pure._syntax.quoting import parse_options_header
from wrappers_pure.datastructures.headers import Headers
from wrappers_pure.datastructures.structures import MultiDict

#: A ``Content-Length`` that :attr:`FileStorage.content_length` reads: ASCII
#: digits with an optional ``-`` (surrounding whitespace is stripped first).
_PLAIN_INT: t.Final = re.compile(r"-?[0-9]+")


class FileStorage:
    """A file in a request's ``files``: a thin wrapper over its stream.

    Attributes the wrapper does not have are looked up on the stream, so that
    ``storage.read()`` reads ``storage.stream``.

    :param stream: The file's contents; an empty :class:`~io.BytesIO` when
        None (or otherwise false).
    :param filename: The file's name as the client sent it. When None, the
        stream's ``name`` (decoded with :func:`os.fsdecode`), unless that is
        a pseudo-name in angle brackets such as ``<stdin>``.
    :param name: The name of the form field.
    :param content_type: Sets the ``Content-Type`` of ``headers``.
    :param content_length: Sets the ``Content-Length`` of ``headers``.
    :param headers: The part's headers; a new :class:`Headers` when None.
    """

    def __init__(
        self,
        stream: t.IO[bytes] | None = None,
        filename: str | None = None,
        name: str | None = None,
        content_type: str | None = None,
        content_length: int | None = None,
        headers: Headers | None = None,
    ) -> None:
        #: The name of the form field.
        self.name = name
        #: The file's contents.
        self.stream: t.IO[bytes] = stream or BytesIO()

        if filename is not None:
            filename = os.fsdecode(filename)
        else:
            from_stream = getattr(stream, "name", None)

            if from_stream is not None:
                # A file opened by descriptor has an int name; fsdecode
                # refuses it with TypeError, as Werkzeug does.
                filename = os.fsdecode(from_stream)

                if filename.startswith("<") and filename.endswith(">"):
                    filename = None

        #: The file's name as the client sent it (never sanitised here).
        self.filename: str | None = filename

        if headers is None:
            headers = Headers()

        #: The part's headers.
        self.headers = headers

        if content_type is not None:
            headers["Content-Type"] = content_type

        if content_length is not None:
            headers["Content-Length"] = str(content_length)

    def _parse_content_type(self) -> None:
        if not hasattr(self, "_parsed_content_type"):
            self._parsed_content_type = parse_options_header(self.content_type)

    @property
    def content_type(self) -> str | None:
        """The ``Content-Type`` header of the part, if it has one."""
        return self.headers.get("content-type")

    @property
    def content_length(self) -> int:
        """The ``Content-Length`` header of the part as an int; 0 when it is
        missing or not a plain integer."""
        value = self.headers.get("content-length")

        if value is not None:
            value = value.strip()

            if value.isascii() and _PLAIN_INT.fullmatch(value) is not None:
                try:
                    return int(value)
                except ValueError:  # more digits than int() reads
                    pass

        return 0

    @property
    def mimetype(self) -> str:
        """:attr:`content_type` without its parameters, lower-cased:
        ``"text/html"`` for ``text/HTML; charset=utf-8``. Read once: later
        changes of the header are not seen."""
        self._parse_content_type()
        return self._parsed_content_type[0].lower()

    @property
    def mimetype_params(self) -> dict[str, str]:
        """The parameters of :attr:`content_type` as a dict:
        ``{"charset": "utf-8"}`` for ``text/html; charset=utf-8``."""
        self._parse_content_type()
        return self._parsed_content_type[1]

    def save(
        self, dst: str | os.PathLike[str] | t.IO[bytes], buffer_size: int = 16384
    ) -> None:
        """Copy the stream, from where it stands, to a file.

        :param dst: A path (``str`` or :class:`os.PathLike`), opened for
            writing and closed again; or an open binary file, which the caller
            closes.
        :param buffer_size: How many bytes are copied at a time (the
            ``length`` of :func:`shutil.copyfileobj`).
        """
        if hasattr(dst, "__fspath__"):
            dst = os.fspath(dst)

        if isinstance(dst, str):
            with open(dst, "wb") as out:
                shutil.copyfileobj(self.stream, out, buffer_size)
        else:
            shutil.copyfileobj(self.stream, dst, buffer_size)

    def close(self) -> None:
        """Close the stream; an error doing so is ignored."""
        try:
            self.stream.close()
        except Exception:
            pass

    def __bool__(self) -> bool:
        return bool(self.filename)

    def __getattr__(self, name: str) -> t.Any:
        # Only for names the wrapper itself lacks: the stream's attributes.
        if name == "stream":  # not set yet (half-made or unpickled object)
            raise AttributeError(name)

        try:
            return getattr(self.stream, name)
        except AttributeError:
            # A SpooledTemporaryFile before Python 3.11 is no IOBase: its
            # backing file has the rest.
            if hasattr(self.stream, "_file"):
                return getattr(self.stream._file, name)
            raise

    def __iter__(self) -> t.Iterator[bytes]:
        return iter(self.stream)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {self.filename!r} ({self.content_type!r})>"


class FileMultiDict(MultiDict[str, FileStorage]):
    """A :class:`MultiDict` of :class:`FileStorage` objects, with
    :meth:`add_file` to add one (the ``files`` of
    :class:`~wrappers_pure.test.EnvironBuilder`)."""

    def add_file(
        self,
        name: str,
        file: str | os.PathLike[str] | t.IO[bytes] | FileStorage,
        filename: str | None = None,
        content_type: str | None = None,
    ) -> None:
        """Add a file under the field ``name``.

        :param name: The name of the form field.
        :param file: A :class:`FileStorage` (added as it is: the other
            arguments are ignored), a path (opened for reading; its text is
            the default ``filename``) or a binary file object.
        :param filename: The file's name; for a file object, the stream's
            name is used when None (see :class:`FileStorage`).
        :param content_type: The file's type; guessed from ``filename`` when
            None (``application/octet-stream`` when it cannot be guessed).
        """
        if isinstance(file, FileStorage):
            self.add(name, file)
            return

        if isinstance(file, (str, os.PathLike)):
            if filename is None:
                filename = os.fspath(file)

            stream: t.IO[bytes] = open(file, "rb")
        else:
            stream = t.cast(t.IO[bytes], file)

        if filename and content_type is None:
            content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"

        self.add(name, FileStorage(stream, filename, name, content_type))


__all__ = ["FileMultiDict", "FileStorage"]
