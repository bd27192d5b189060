"""Helpers for WSGI workloads: a minimal environ, ``start_response``, one call.

A WSGI workload's op typically is::

    template = make_environ()

    def op():
        return call_wsgi(app, dict(template))

``dict(template)`` gives each call a fresh environ, as a server would, without
paying for building one from scratch; the bare-WSGI floor does the same, so the
copy costs every implementation alike. :func:`call_wsgi` returns
``(status, headers, body)`` so that results can be compared across
implementations before timing.
"""

from __future__ import annotations

import io
import sys
import typing as t

#: The headers a WSGI app passes to ``start_response``.
WSGIHeaders = list[tuple[str, str]]
#: What :func:`call_wsgi` returns: ``(status, headers, body)``.
WSGIResult = tuple[str, WSGIHeaders, bytes]
#: A WSGI application.
WSGIApp = t.Callable[[dict[str, t.Any], t.Callable[..., t.Any]], t.Iterable[bytes]]


def make_environ(
    path: str = "/",
    method: str = "GET",
    query: str = "",
    headers: t.Mapping[str, str] | None = None,
    body: bytes = b"",
) -> dict[str, t.Any]:
    """Return a minimal, valid WSGI environ for one request to ``localhost``.

    :param path: ``PATH_INFO``, already decoded (WSGI's latin-1 string).
    :param method: ``REQUEST_METHOD``.
    :param query: ``QUERY_STRING``, without ``?``.
    :param headers: Request headers by HTTP name (``"If-None-Match"``); they
        become ``HTTP_*`` keys, except ``Content-Type`` and ``Content-Length``.
    :param body: The request body, served by ``wsgi.input``.
    """
    environ: dict[str, t.Any] = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "localhost",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }

    if body:
        environ["CONTENT_LENGTH"] = str(len(body))

    for name, value in (headers or {}).items():
        key = name.upper().replace("-", "_")

        if key not in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            key = f"HTTP_{key}"

        environ[key] = value

    return environ


class StartResponse:
    """A ``start_response`` callable that records what the app sent.

    One instance can serve many calls; each call overwrites :attr:`status` and
    :attr:`headers`.
    """

    __slots__ = ("headers", "status", "written")

    def __init__(self) -> None:
        self.status: str = ""
        self.headers: WSGIHeaders = []
        #: Chunks passed to the legacy ``write`` callable.
        self.written: list[bytes] = []

    def __call__(
        self, status: str, headers: WSGIHeaders, exc_info: t.Any = None
    ) -> t.Callable[[bytes], None]:
        self.status = status
        self.headers = headers
        self.written = []
        return self.written.append


def call_wsgi(app: WSGIApp, environ: dict[str, t.Any]) -> WSGIResult:
    """Call ``app`` as a server would; return ``(status, headers, body)``.

    Iterates the whole body, then calls its ``close`` if it has one, which
    is where a Response releases its resources.
    """
    start_response = StartResponse()
    app_iter = app(environ, start_response)

    try:
        body = b"".join(app_iter)
    finally:
        close = getattr(app_iter, "close", None)

        if close is not None:
            close()

    if start_response.written:
        body = b"".join(start_response.written) + body

    return start_response.status, start_response.headers, body


__all__ = [
    "StartResponse",
    "WSGIApp",
    "WSGIHeaders",
    "WSGIResult",
    "call_wsgi",
    "make_environ",
]
