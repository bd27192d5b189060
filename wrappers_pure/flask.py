"""The Flask flavour: Flask 3.1's ``flask.Response`` on the pure twin's
:class:`~wrappers_pure.response.Response`.

Set ``app.response_class = wrappers.flask.Response`` (the shim's twin) or
``wrappers_pure.flask.Response`` and Flask builds every response with it:

- ``default_mimetype`` is ``"text/html"``;
- ``json_module`` is Flask's :mod:`flask.json`, so :meth:`get_json` and
  :attr:`json` parse with the current app's JSON provider;
- ``autocorrect_location_header`` is False (relative redirects are sent as
  they are);
- ``max_cookie_size`` reads the current app's ``MAX_COOKIE_SIZE``, and is the
  class's own default (4093) outside an app context.

The class also has Werkzeug's sansio ``Response`` as its LAST base, so that
``isinstance(response, werkzeug.sansio.response.Response)`` holds and
``flask.abort(response)`` / ``werkzeug.exceptions.abort(response)`` raise an
``HTTPException`` carrying it. Every attribute resolves to this package's
classes first: nothing of Werkzeug's class is used (the tests pin it).

This module imports Flask (which brings Werkzeug); ``import wrappers_pure``
never imports it. Without Flask the import raises :exc:`ImportError` naming
the ``[flask]`` extra.
"""

from __future__ import annotations

import typing as t

#: What the ImportError says when Flask cannot be imported.
MISSING_FLASK: t.Final = (
    "the Flask flavour of wrappers needs Flask 3.1: pip install cywrappers[flask]"
)

try:
    from flask import json as _flask_json
    from flask.globals import _cv_app
    from werkzeug.sansio.response import Response as _WerkzeugSansioResponse
except ImportError as exc:
    raise ImportError(f"{MISSING_FLASK} ({exc})", name=exc.name) from exc

from wrappers_pure.response import Response as _Response

__all__ = ["Response"]


class Response(_Response, _WerkzeugSansioResponse):  # type: ignore[misc]
    """Flask's ``flask.Response``: an HTML response by default, JSON from the
    current app, cookie size limit from its config.

    Takes the arguments of :class:`wrappers_pure.response.Response`.
    """

    #: Flask's default: an HTML page.
    default_mimetype: str | None = "text/html"

    #: Flask's :mod:`flask.json`: the current app's JSON provider in an app
    #: context, the standard library's :mod:`json` outside one.
    json_module: t.Any = _flask_json

    #: Relative ``Location`` headers are sent as they are.
    autocorrect_location_header = False

    @property
    def max_cookie_size(self) -> int:  # type: ignore[override]
        """The current app's ``MAX_COOKIE_SIZE`` (read-only); outside an app
        context the class's own default (4093)."""
        # PERF: the context variable behind flask.current_app, read directly:
        # the same answer as `if current_app: current_app.config[...]`, without
        # two trips through the proxy.
        ctx = _cv_app.get(None)

        if ctx is not None:
            return ctx.app.config["MAX_COOKIE_SIZE"]  # type: ignore[no-any-return]

        return super().max_cookie_size
