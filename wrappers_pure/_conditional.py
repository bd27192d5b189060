"""ETags and conditional responses: the methods :class:`Response` gets for
them, and the body that serves one byte range (pure only; the pure twin's
:class:`~wrappers_pure.response.Response` uses these functions as its
methods, and the compiled twin uses them too).

Behaviour is Werkzeug 3.1's ``Response.make_conditional`` and its helpers,
including where Werkzeug departs from RFC 9110 (a ``Range`` request is
answered with 206 before ``If-None-Match`` is looked at; ``If-Match`` only
turns what would be a 304 into a 412; ``If-Unmodified-Since`` is not looked
at). Deliberate differences: a conditional date with a year too large for a
datetime is ignored (:func:`~wrappers_pure.http.parse_date`), where Werkzeug
raises :exc:`OverflowError`; and :meth:`RangeBody.close` closes the body as
well as its iterator.
"""

from __future__ import annotations

import re
import typing as t

from wrappers_pure._values import generate_etag
from wrappers_pure._values import parse_etags
from wrappers_pure._values import parse_range_header
from wrappers_pure._values import quote_etag
from wrappers_pure._values import unquote_etag
from wrappers_pure.http import http_date
from wrappers_pure.http import is_resource_modified

if t.TYPE_CHECKING:  # pragma: no cover
    from wrappers_pure.response import Response
    from wrappers_pure.response import WSGIEnvironment

__all__ = ["add_etag", "set_etag", "get_etag", "make_conditional", "answer_range", "RangeBody"]


def set_etag(self: Response, etag: str, weak: bool = False) -> None:
    """Set the ``ETag`` header, replacing any.

    :param etag: The entity tag, without quotes (a ``"`` in it raises
        :exc:`ValueError`).
    :param weak: Send it as a weak tag (``W/"..."``).
    """
    self.headers["ETag"] = quote_etag(etag, weak)


def get_etag(self: Response) -> tuple[str, bool] | tuple[None, None]:
    """Return the ``ETag`` header as ``(etag, is_weak)``, the tag without its
    quotes; ``(None, None)`` when there is none."""
    return unquote_etag(self.headers.get("ETag"))


def add_etag(self: Response, overwrite: bool = False, weak: bool = False) -> None:
    """Set an ``ETag`` made from the body (its SHA-1 in hex), unless the
    response already has one.

    This reads the whole body (see :meth:`get_data`).

    :param overwrite: Replace an existing ``ETag``.
    :param weak: Send it as a weak tag.
    """
    if overwrite or "etag" not in self.headers:
        self.set_etag(generate_etag(self.get_data()), weak)


def environ_of(obj: t.Any) -> WSGIEnvironment:
    """The environ of a request object (anything with an ``environ``
    attribute), or ``obj`` itself.

    :raises AssertionError: It is not a dict.
    """
    # PERF: a dict has no attributes; skip the failing lookup (slow on PyPy).
    environ = obj if type(obj) is dict else getattr(obj, "environ", obj)

    if not isinstance(environ, dict):
        raise AssertionError(
            f"{type(obj).__name__!r} is not a WSGI environment (has to be a dict)"
        )

    return environ


def make_conditional(
    self: Response,
    request_or_environ: WSGIEnvironment | t.Any,
    accept_ranges: bool | str = False,
    complete_length: int | None = None,
) -> Response:
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


#: An entity tag's text that :func:`_quick_unmodified` takes as it is: visible
#: ASCII other than ``"`` and ``,``.
_plain_tag = re.compile(r"[!#-+\--~]+\Z").match


def _single_tag(value: t.Any) -> str | None:
    """The tag of an ``If-None-Match`` value that is one quoted entity tag of
    plain characters (``"x"`` or ``W/"x"``), else None (then
    :func:`~wrappers_pure.http.parse_etags` decides)."""
    if type(value) is not str:
        return None

    start = 2 if value.startswith(("W/", "w/")) else 0

    if len(value) - start < 3 or value[start] != '"' or value[-1] != '"':
        return None

    tag = value[start + 1 : -1]
    return tag if _plain_tag(tag) else None


def _quick_unmodified(environ: WSGIEnvironment, etag: t.Any) -> bool | None:
    """What ``not is_resource_modified(environ, etag, ...)`` gives, when the
    request makes that plain, else None.

    PERF: the common requests (none of the conditional headers, or an
    ``If-None-Match`` that is ``*`` or one simple tag, without ``If-Match``)
    are answered without parsing; a non-empty ``If-None-Match`` decides alone
    then (the dates do not count). The compiled twin has the same shortcut.
    """
    if "HTTP_IF_MATCH" in environ:
        return None

    inm = environ.get("HTTP_IF_NONE_MATCH")

    if inm is None:
        return None if "HTTP_IF_MODIFIED_SINCE" in environ else False

    if type(etag) is not str or not etag:
        return None

    if inm == "*" and type(inm) is str:
        return True

    tag = _single_tag(inm)

    if tag is None:
        return None

    return tag == unquote_etag(etag)[0]


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
    return answer_range(self, environ, complete_length)


def answer_range(self: Response, environ: WSGIEnvironment, complete_length: int | None) -> bool:
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
        from wrappers_pure.exceptions import RequestedRangeNotSatisfiable
        from wrappers_pure.exceptions import werkzeug_aware

        raise werkzeug_aware(RequestedRangeNotSatisfiable)(complete_length)

    start, stop = span
    self.content_length = stop - start
    self.content_range = content_range
    self.status_code = 206

    if self.status_code == 206:
        self.response = RangeBody(self.response, start, stop - start)

    return True


class RangeBody:
    """The iterable a 206 response sends: the part ``[start, start + length)``
    of another body, counted in the items' lengths (bytes, or characters for a
    body of strings).

    A seekable body (``seekable()`` true) is seeked to ``start``; any other is
    read and dropped up to it. Iteration stops at the end of the range, at the
    end of the body, or at the first empty chunk. :meth:`close` closes the
    wrapped body's iterator and the body (Werkzeug closes only the iterator,
    which leaves open a body whose ``__iter__`` returns another object).

    :param body: The response body.
    :param start: The first position sent.
    :param length: How many to send; None for up to the end.
    """

    def __init__(self, body: t.Iterable[t.Any], start: int = 0, length: int | None = None):
        self.body = body
        self.iterator = iter(body)
        self.start = start
        self.stop = None if length is None else start + length
        #: How much of the body has been read (or skipped by seeking).
        self.position = 0
        self.seekable = hasattr(body, "seekable") and body.seekable()
        self.finished = False

    def __iter__(self) -> RangeBody:
        return self

    def _read(self) -> t.Any:
        """The next chunk of the body, counted."""
        try:
            chunk = next(self.iterator)
        except StopIteration:
            self.finished = True
            raise

        self.position += len(chunk)
        return chunk

    def _first(self) -> tuple[t.Any, int]:
        """Go to ``start``: the chunk holding it cut to begin there (None after
        seeking), and the body position that chunk begins at."""
        if self.seekable:
            it: t.Any = self.iterator
            it.seek(self.start)
            self.position = it.tell()
            return None, self.position

        chunk = None

        while self.position <= self.start:
            chunk = self._read()

        if chunk is not None:
            chunk = chunk[self.start - self.position :]

        return chunk, self.start

    def __next__(self) -> t.Any:
        if self.finished:
            raise StopIteration()

        chunk = None
        begins = self.position

        if self.position == 0:
            chunk, begins = self._first()

        if chunk is None:
            chunk = self._read()

        if self.stop is not None and self.position >= self.stop:
            self.finished = True
            chunk = chunk[: self.stop - begins]

        if not chunk:
            self.finished = True
            raise StopIteration()

        return chunk

    def close(self) -> None:
        """Close the wrapped body's iterator and then the body, each if it can
        be closed (the body once when it is its own iterator)."""
        close = getattr(self.iterator, "close", None)

        try:
            if close is not None:
                close()
        finally:
            if self.body is not self.iterator:
                close = getattr(self.body, "close", None)

                if close is not None:
                    close()
