# cython: language_level=3, embedsignature=True, binding=True
"""The Flask flavour on the compiled Response (compiled twin of
``wrappers_pure/flask.py``): Flask 3.1's ``flask.Response``.

NOTE: this module mirrors ``wrappers_pure/flask.py``: the same four settings
over the compiled :class:`wrappers._response.Response`, and Werkzeug's sansio
``Response`` as the last base (``isinstance`` for Werkzeug's ``abort``; no
attribute comes from it). It imports Flask, so it is not one of the shim's
``COMPILED_MODULES``: the face ``wrappers/flask.py`` imports it on demand.

Compiled so that ``max_cookie_size``, which the compiled ``set_cookie`` reads
by ordinary attribute lookup on every call, costs a C function rather than a
Python frame.
"""

from flask import json as _flask_json
from flask.globals import _cv_app
from werkzeug.sansio.response import Response as _WerkzeugSansioResponse

from wrappers._response import Response as _Response
from wrappers._restore import new_public


class Response(_Response, _WerkzeugSansioResponse):
    """Flask's ``flask.Response``: an HTML response by default, JSON from the
    current app, cookie size limit from its config.

    Takes the arguments of :class:`wrappers.Response`.
    """

    #: Flask's default: an HTML page.
    default_mimetype = "text/html"

    #: Flask's :mod:`flask.json`: the current app's JSON provider in an app
    #: context, the standard library's :mod:`json` outside one.
    json_module = _flask_json

    #: Relative ``Location`` headers are sent as they are.
    autocorrect_location_header = False

    @property
    def max_cookie_size(self):
        """The current app's ``MAX_COOKIE_SIZE`` (read-only); outside an app
        context the class's own default (4093)."""
        # PERF: the context variable behind flask.current_app, read directly.
        ctx = _cv_app.get(None)

        if ctx is not None:
            return ctx.app.config["MAX_COOKIE_SIZE"]

        return super().max_cookie_size

    def __reduce_ex__(self, protocol):
        """Pickle support: the compiled Response's state, with this class
        named through the shim (``wrappers.flask.Response``), never as
        ``wrappers._flask``."""
        rv = super().__reduce_ex__(protocol)

        if self.__class__ is Response:
            return (new_public, ("flask.Response",), rv[2])

        return rv


__all__ = ["Response"]
