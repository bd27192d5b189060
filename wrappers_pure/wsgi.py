"""WSGI helpers (pure; both twins use these functions): Werkzeug 3.1's
``werkzeug.wsgi`` for :func:`get_host` and :func:`get_current_url`, which read
the arguments of :mod:`wrappers_pure.sansio.utils`'s functions from a WSGI
environ.
"""

from __future__ import annotations

import typing as t

from wrappers_pure._internal import WSGIEnvironment
from wrappers_pure.sansio import utils as _sansio_utils


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


__all__ = ["get_current_url", "get_host"]
