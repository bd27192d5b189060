"""HTTP exceptions that render themselves as error responses.

Raise one of these from application code; a WSGI server can call it as an
application, or :meth:`HTTPException.get_response` turns it into a
:class:`~wrappers_pure.response.Response`. The classes mirror Werkzeug 3.1's of
the same names (status, reason phrase, HTML error page byte for byte, headers,
``str`` and ``repr``).

Only the pure twin defines them: :mod:`wrappers.exceptions` re-exports these
very classes, so an exception raised by either twin is caught by either
module's names, and pickles load anywhere.
"""

from __future__ import annotations

import sys
import typing as t

from wrappers_pure._internal import StartResponse
from wrappers_pure._internal import WSGIEnvironment
from wrappers_pure._internal import environ_of
from wrappers_pure._syntax.tables import HTTP_STATUS_CODES

if t.TYPE_CHECKING:  # pragma: no cover
    # Upward, for annotations only: see get_response (the layer table names it).
    from wrappers_pure.response import Response

__all__ = [
    "BadRequest",
    "BadRequestKeyError",
    "ClientDisconnected",
    "HTTPException",
    "RequestEntityTooLarge",
    "RequestedRangeNotSatisfiable",
    "SecurityError",
    "UnsupportedMediaType",
]

#: The content type of every error page.
_HTML_HEADER = ("Content-Type", "text/html; charset=utf-8")

#: The reason phrase for a code that is not a known status.
_UNKNOWN = "Unknown Error"

#: A newline in a description becomes a line break on the error page.
_NEWLINE = "\n"
_BR = "<br>"


def _escape(value: t.Any) -> str:
    """HTML-escape ``value`` the way MarkupSafe's ``escape`` does.

    ``&``, ``<``, ``>``, ``'`` and ``"`` become ``&amp;``, ``&lt;``, ``&gt;``,
    ``&#39;`` and ``&#34;``. An object with an ``__html__`` method (such as a
    ``Markup`` string) is trusted: its ``__html__()`` result is used unescaped.
    Anything else is converted with :class:`str` first.

    :param value: The text (or object) to escape.
    """
    # NOTE: the same order and entities as MarkupSafe, so error pages are
    # byte-identical to Werkzeug's.
    text: str

    if type(value) is str:
        text = value
    elif hasattr(value, "__html__"):
        html = value.__html__()
        # Markup(x) calls x.__html__() once more when x has one.
        if hasattr(html, "__html__"):
            html = html.__html__()
        return str(html)
    else:
        text = str(value)

    return (
        text.replace("&", "&amp;")
        .replace(">", "&gt;")
        .replace("<", "&lt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


class HTTPException(Exception):
    """Base class of the HTTP errors.

    An instance is a WSGI application that answers with an HTML error page
    for its :attr:`code`; :meth:`get_response` gives the same page as a
    response object. Subclasses set :attr:`code` and :attr:`description`.

    :param description: Replaces the class's :attr:`description` for this
        instance (when not None).
    :param response: A ready response to answer with instead of the error
        page; :meth:`get_response` returns it as it is.
    """

    #: The HTTP status code, or None for an error without a status.
    code: int | None = None
    #: The text shown on the error page (HTML-escaped there; newlines become
    #: ``<br>``).
    description: str | None = None

    def __init__(
        self,
        description: str | None = None,
        response: Response | None = None,
    ) -> None:
        # NOTE: not super().__init__(): in a class made by werkzeug_aware()
        # the next class in the MRO is Werkzeug's, whose __init__ would reset
        # the attributes.
        Exception.__init__(self)

        if description is not None:
            self.description = description

        self.response = response

    @property
    def name(self) -> str:
        """The reason phrase of :attr:`code` (``"Unknown Error"`` when the code
        is not a known status)."""
        return HTTP_STATUS_CODES.get(self.code, _UNKNOWN)  # type: ignore[arg-type]

    def get_description(
        self,
        environ: WSGIEnvironment | None = None,
        scope: dict[str, t.Any] | None = None,
    ) -> str:
        """Return the description as an HTML paragraph.

        The text is HTML-escaped and each newline becomes ``<br>``; no
        description gives an empty paragraph.

        :param environ: The WSGI environ of the request (unused here; for
            subclasses).
        :param scope: An ASGI scope (unused here; for subclasses).
        """
        description = self.description

        if description is None:
            return "<p></p>"

        return f"<p>{_escape(description).replace(_NEWLINE, _BR)}</p>"

    def get_body(
        self,
        environ: WSGIEnvironment | None = None,
        scope: dict[str, t.Any] | None = None,
    ) -> str:
        """Return the HTML error page.

        :param environ: The WSGI environ of the request, passed on to
            :meth:`get_description`.
        :param scope: An ASGI scope (unused here; for subclasses).
        """
        name = _escape(self.name)
        return (
            "<!doctype html>\n"
            "<html lang=en>\n"
            f"<title>{self.code} {name}</title>\n"
            f"<h1>{name}</h1>\n"
            f"{self.get_description(environ)}\n"
        )

    def get_headers(
        self,
        environ: WSGIEnvironment | None = None,
        scope: dict[str, t.Any] | None = None,
    ) -> list[tuple[str, str]]:
        """Return the headers of the error response as a list of pairs.

        :param environ: The WSGI environ of the request (unused here; for
            subclasses).
        :param scope: An ASGI scope (unused here; for subclasses).
        """
        return [_HTML_HEADER]

    def get_response(
        self,
        environ: WSGIEnvironment | t.Any | None = None,
        scope: dict[str, t.Any] | None = None,
    ) -> Response:
        """Return the response for this error.

        That is the ``response`` given to the constructor when there was one,
        else a new :class:`~wrappers_pure.response.Response` with
        :meth:`get_body` as its body, :attr:`code` as its status and
        :meth:`get_headers` as its headers.

        :param environ: A WSGI environ dict, or a request object whose
            ``environ`` attribute is one; passed on to the ``get_*`` methods.
        :param scope: An ASGI scope, passed on to the ``get_*`` methods.
        :raise AssertionError: ``environ`` is neither a dict nor has a dict
            as its ``environ``.
        """
        # NOTE: upward, as in Werkzeug: the response module is far above this
        # one (the layer table in tests/package/layers.py names this import).
        from wrappers_pure.response import Response

        if self.response is not None:
            return self.response

        if environ is not None:
            environ = environ_of(environ)

        headers = self.get_headers(environ, scope)
        return Response(self.get_body(environ, scope), self.code, headers)

    def __call__(
        self, environ: WSGIEnvironment, start_response: StartResponse
    ) -> t.Iterable[bytes]:
        """Answer a WSGI request with :meth:`get_response`.

        :param environ: The WSGI environ.
        :param start_response: The server's ``start_response`` callable.
        """
        response = self.get_response(environ)
        return response(environ, start_response)

    def __str__(self) -> str:
        """``"{code} {name}: {description}"``, with ``???`` for no code."""
        code = "???" if self.code is None else self.code
        return f"{code} {self.name}: {self.description}"

    def __repr__(self) -> str:
        """``<ClassName '{code}: {name}'>``, with ``???`` for no code."""
        code = "???" if self.code is None else self.code
        return f"<{type(self).__name__} '{code}: {self.name}'>"


class BadRequest(HTTPException):
    """*400 Bad Request*: the request could not be understood or handled."""

    code = 400
    description = (
        "The browser (or proxy) sent a request that this server could not understand."
    )


class BadRequestKeyError(BadRequest, KeyError):
    """A missing key that is also a *400 Bad Request*.

    The data structures raise it for a key they do not hold; it is a
    :exc:`KeyError` (``except KeyError`` catches it, ``args`` holds the key)
    and an :class:`HTTPException` that renders as a 400 error page.

    :param arg: The missing key (none when None).
    :param args: Passed on to :class:`HTTPException` (``description``,
        ``response``).
    :param kwargs: Passed on to :class:`HTTPException`.
    """

    _description = BadRequest.description
    #: Add the key error (``KeyError: 'name'``) to :attr:`description`, and so
    #: to the error page. Useful while debugging; leave it off in production.
    show_exception = False

    def __init__(
        self, arg: object | None = None, *args: t.Any, **kwargs: t.Any
    ) -> None:
        super().__init__(*args, **kwargs)

        if arg is None:
            KeyError.__init__(self)
        else:
            KeyError.__init__(self, arg)

    @property
    def description(self) -> str:
        """The description; with :attr:`show_exception` on, followed by a line
        naming the missing key. Assigning sets the text before that line."""
        if self.show_exception:
            return f"{self._description}\nKeyError: {KeyError.__str__(self)}"

        return self._description

    @description.setter
    def description(self, value: str) -> None:
        self._description = value


class ClientDisconnected(BadRequest):
    """A *400 Bad Request* raised when the client went away before sending the
    whole request body (a read of the input stream gave no bytes, or failed,
    before ``Content-Length`` was reached).

    The client is gone by then, so the error page will most likely reach no
    one; the class exists so that servers and apps can tell this case apart
    (and keep it quiet). Disconnects are not reliably detectable under WSGI:
    it may or may not be raised when a client leaves.
    """


class SecurityError(BadRequest):
    """A *400 Bad Request* raised when something triggers a security check,
    such as a ``Host`` that is not among the trusted hosts."""


class RequestEntityTooLarge(HTTPException):
    """*413 Request Entity Too Large*: the request body is larger than the server
    accepts (``Content-Length`` or the streamed body over
    ``max_content_length``, or a form over its limits)."""

    code = 413
    description = "The data value transmitted exceeds the capacity limit."


class UnsupportedMediaType(HTTPException):
    """*415 Unsupported Media Type*: the server cannot handle the media type
    of the request body (JSON expected, another ``Content-Type`` sent)."""

    code = 415
    description = (
        "The server does not support the media type transmitted in the request."
    )


class RequestedRangeNotSatisfiable(HTTPException):
    """*416 Range Not Satisfiable*: the requested range lies outside the
    resource.

    :param length: The complete length of the resource; when given, the
        response carries ``Content-Range: {units} */{length}``.
    :param units: The range unit for that header.
    :param description: Replaces the class's description (when not None).
    :param response: A ready response to answer with instead of the error
        page.
    """

    code = 416
    description = "The server cannot provide the requested range."

    def __init__(
        self,
        length: int | None = None,
        units: str = "bytes",
        description: str | None = None,
        response: Response | None = None,
    ) -> None:
        super().__init__(description=description, response=response)
        self.length = length
        self.units = units

    def get_headers(
        self,
        environ: WSGIEnvironment | None = None,
        scope: dict[str, t.Any] | None = None,
    ) -> list[tuple[str, str]]:
        """Return the headers of the error response: the content type, and
        ``Content-Range`` when :attr:`length` is known.

        :param environ: The WSGI environ of the request.
        :param scope: An ASGI scope.
        """
        headers = super().get_headers(environ, scope)

        if self.length is not None:
            headers.append(("Content-Range", f"{self.units} */{self.length}"))

        return headers


# -- raising inside apps built on Werkzeug ---------------------------------------

_E = t.TypeVar("_E", bound=HTTPException)

#: The prefix of the classes :func:`werkzeug_aware` makes (module attributes,
#: so that their instances pickle).
_AWARE_PREFIX = "_WerkzeugAware"


def werkzeug_aware(cls: type[_E]) -> type[_E]:
    """The class to raise for ``cls`` from code that an app built on Werkzeug
    (such as Flask) may call: ``cls`` itself, or, while ``werkzeug.exceptions``
    is loaded, a subclass of ``cls`` and of Werkzeug's class of the same name.

    Flask answers only Werkzeug's ``HTTPException`` with its error response
    (anything else becomes a 500), so :meth:`Response.make_conditional` raises
    its ``RequestedRangeNotSatisfiable`` through this: ``except`` clauses for
    this module's class and for Werkzeug's both catch it, and it behaves as
    this module's class (its methods come first).

    :param cls: A class of this module.
    """
    if "werkzeug.exceptions" not in sys.modules:
        return cls

    return _aware_class(cls.__name__)  # type: ignore[return-value]


def _aware_class(name: str) -> type[HTTPException]:
    """The class :func:`werkzeug_aware` gives for this module's class ``name``
    (made once; it is a module attribute named with :data:`_AWARE_PREFIX`)."""
    attr = _AWARE_PREFIX + name
    made = globals().get(attr)

    if made is None:
        import werkzeug.exceptions

        ours: type[HTTPException] = globals()[name]
        theirs = getattr(werkzeug.exceptions, name)

        if isinstance(theirs, type) and issubclass(ours, theirs):
            # Werkzeug's name already is this class (or a base of it): an app or
            # a test harness put ours there. Nothing to mix in; not remembered,
            # so that Werkzeug's own class is used again once it is back.
            return ours

        new = type(name, (ours, theirs), {"__module__": __name__, "__qualname__": attr})
        new.__doc__ = ours.__doc__
        # Two threads may get here at once: both return the class stored first.
        made = globals().setdefault(attr, new)

    return t.cast("type[HTTPException]", made)


def __getattr__(attr: str) -> t.Any:
    """Make a :func:`werkzeug_aware` class on first use by name (unpickling)."""
    name = attr[len(_AWARE_PREFIX) :]

    if attr.startswith(_AWARE_PREFIX) and name in __all__:
        return _aware_class(name)

    raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")
