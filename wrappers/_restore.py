"""Unpickling support that does not depend on which twin made the pickle.

A pickle of a compiled twin's public class names :func:`new_public` here and the
public name, never the compiled module, so it loads on any interpreter: into the
compiled twin where the shim picked it, into the pure twin elsewhere.
"""

from __future__ import annotations

import typing as t


def new_public(name: str) -> t.Any:
    """Return an uninitialised instance of the shim's public class ``name``.

    :param name: A public name of :mod:`wrappers`, such as ``"Headers"``, or a
        dotted path below it, such as ``"sansio.response.Response"`` or
        ``"flask.Response"`` (a submodule the package does not import, such
        as :mod:`wrappers.flask`, is imported).
    """
    cls = _public(name)
    return cls.__new__(cls)


def call_public(name: str, *args: t.Any) -> t.Any:
    """Return the shim's public class ``name`` (as for :func:`new_public`)
    called with ``args``: for classes that pickle as ``cls(items)``, such as
    ``datastructures.MIMEAccept``.
    """
    return _public(name)(*args)


def _public(name: str) -> t.Any:
    """The shim's public object at the dotted ``name`` below :mod:`wrappers`."""
    # NOTE: upward, by design: the shim decides which class the name means (the
    # layer table in tests/package/layers.py names this import).
    import wrappers

    obj: t.Any = wrappers

    for part in name.split("."):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            import importlib

            obj = importlib.import_module(f"{obj.__name__}.{part}")

    return obj
