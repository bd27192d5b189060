"""Helpers the test files share (``tests/`` is on ``sys.path`` through the
``pythonpath`` setting in ``pyproject.toml``).

- :func:`exc_kind`: the comparable kind of an exception.
- :func:`normalise` and :func:`outcome`: a call's result as plain values, or
  the kind of exception it raised, with the warnings it issued; so that our
  twins and Werkzeug compare.
- :class:`Wire` and :func:`call_wsgi`: what a WSGI server sees from one call.
- :func:`items`: a Headers object's pairs as a plain list.
"""

from __future__ import annotations

import datetime as dt
import typing as t
import warnings


def exc_kind(exc: BaseException) -> str:
    """The nearest built-in class of an exception (Werkzeug's
    ``BadRequestKeyError`` and ours are both "KeyError")."""
    for cls in type(exc).__mro__:
        if cls.__module__ == "builtins":
            return cls.__name__

    raise AssertionError(f"no built-in base: {exc!r}")  # pragma: no cover


def normalise(value: t.Any) -> t.Any:
    """Turn a result into plain values that compare equal across
    implementations: data structures by their public state (matched by class
    name, so that ours and Werkzeug's compare), datetimes with their UTC
    offset; containers element by element."""
    names = {cls.__name__ for cls in type(value).__mro__}

    if "MultiDict" in names:
        return ("MultiDict", list(value.items(multi=True)))
    if "HeaderSet" in names:
        return ("HeaderSet", list(value), value.to_header())
    if "ETags" in names:
        return (
            "ETags",
            sorted(value.as_set(), key=repr),
            sorted(value.as_set(include_weak=True), key=repr),
            value.star_tag,
            sorted(value.to_header().split(", ")),
        )
    if "ContentRange" in names:
        return (
            "ContentRange",
            value.units,
            value.start,
            value.stop,
            value.length,
            value.to_header(),
        )
    if "Range" in names:
        return ("Range", value.units, [tuple(r) for r in value.ranges], value.to_header())
    if "IfRange" in names:
        return ("IfRange", value.etag, normalise(value.date), value.to_header())
    if "_CacheControl" in names or "ContentSecurityPolicy" in names:
        kind = "CSP" if "ContentSecurityPolicy" in names else type(value).__name__
        return (kind, sorted(value.items()), value.to_header())
    if "WWWAuthenticate" in names:
        return ("WWWAuthenticate", value.type, dict(value.parameters), value.token)
    if "Headers" in names:
        return ("Headers", list(value.items()))
    if isinstance(value, dt.datetime):
        return ("datetime", value, value.utcoffset(), type(value).__name__)
    if isinstance(value, tuple):
        return tuple(normalise(v) for v in value)
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}

    return value


def outcome(func: t.Callable[[], t.Any]) -> tuple[t.Any, ...]:
    """Call ``func``; return ``("ok", normalised result, warning kinds)`` or
    ``("raise", exception kind, warning kinds)``."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")

        try:
            result = func()
        except Exception as exc:
            return ("raise", exc_kind(exc), [w.category.__name__ for w in caught])

    return ("ok", normalise(result), [w.category.__name__ for w in caught])


class Wire(t.NamedTuple):
    """What a WSGI server would see from one call."""

    status: str
    headers: list[tuple[str, str]]
    body: bytes


def call_wsgi(
    app: t.Any,
    environ: dict[str, t.Any],
    mask: t.Callable[[str, str], str] | None = None,
) -> Wire:
    """Call ``app`` as a WSGI server would and always close the app iterator.

    ``start_response`` must be called once, with a ``str`` status and a list
    of ``(str, str)`` tuples. The body is what was passed to ``write`` followed
    by the iterated chunks (a chunk that is not bytes-like raises TypeError, as
    in a server's write). ``mask(name, value)``, when given, replaces each
    header value (for values made from the clock).
    """
    seen: list[tuple[str, list[tuple[str, str]]]] = []
    written: list[bytes] = []

    def start_response(
        status: str, headers: list[tuple[str, str]], exc_info: t.Any = None
    ) -> t.Callable[[bytes], None]:
        seen.append((status, headers))
        return written.append

    app_iter = app(environ, start_response)

    try:
        chunks = list(app_iter)
    finally:
        close = getattr(app_iter, "close", None)
        if close is not None:
            close()

    assert len(seen) == 1
    status, headers = seen[0]
    assert type(status) is str
    assert type(headers) is list
    for item in headers:
        assert type(item) is tuple and len(item) == 2
        assert type(item[0]) is str and type(item[1]) is str
    if mask is not None:
        headers = [(k, mask(k, v)) for k, v in headers]
    return Wire(status, list(headers), b"".join(written) + b"".join(chunks))


def items(headers: t.Any) -> list[tuple[str, str]]:
    """The pairs of a Headers object (ours or Werkzeug's), as a list."""
    return list(headers.to_wsgi_list())


def is_ours_aware(exc: BaseException, ours: type, theirs: type) -> bool:
    """Whether ``exc`` is of our class ``ours`` exactly, or of the class
    ``werkzeug_aware(ours)`` makes while Werkzeug is loaded: ours first, then
    Werkzeug's class of the same name (``theirs``)."""
    cls = type(exc)
    return cls is ours or cls.__bases__ == (ours, theirs)
