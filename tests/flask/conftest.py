"""Fixtures of the Flask flavour tests (``tests/flask/``).

- ``flavour``: the flavour module of the twin under test
  (``wrappers.flask`` or ``wrappers_pure.flask``), parametrized over the twins
  through the suite's ``twin`` fixture;
- ``Flavour``: its ``Response``, and a trivial Python subclass of it (what an
  app that subclasses ``flask.Response`` does), so that every test runs on
  both;
- ``both``: ``both(build, path, **kwargs)`` serves one request with an app
  built for ``Flavour`` and one built for Flask's own ``flask.Response``, and
  gives both answers (status, header pairs, body), ours first.
"""

from __future__ import annotations

import importlib
import sys
import types
import typing as t

import pytest

FLAVOUR_KINDS = ("base", "subclass")

#: Module that holds the per-twin subclasses, so that they pickle by reference.
SUBCLASS_MODULE = "_wrappers_tests_flask_subclasses"


def _subclass(twin_name: str, base: type) -> type:
    module = sys.modules.get(SUBCLASS_MODULE)

    if module is None:
        module = types.ModuleType(SUBCLASS_MODULE)
        sys.modules[SUBCLASS_MODULE] = module

    qualname = f"SubFlavour_{twin_name}"
    cls = getattr(module, qualname, None)

    if cls is None:
        cls = type("SubFlavour", (base,), {"__module__": SUBCLASS_MODULE})
        cls.__qualname__ = qualname
        setattr(module, qualname, cls)

    return cls


@pytest.fixture(scope="session")
def flavour(twin: types.ModuleType) -> types.ModuleType:
    """``wrappers.flask`` on the compiled twin, ``wrappers_pure.flask`` on the pure."""
    return importlib.import_module(f"{twin.__name__}.flask")


@pytest.fixture(scope="session", params=FLAVOUR_KINDS)
def Flavour(request: pytest.FixtureRequest, flavour: types.ModuleType) -> type:  # noqa: N802
    """The twin's flavour ``Response``, or a trivial subclass of it."""
    if request.param == "base":
        return flavour.Response  # type: ignore[no-any-return]

    return _subclass(flavour.__name__.split(".")[0], flavour.Response)


def wire(r: t.Any) -> tuple[str, list[tuple[str, str]], bytes]:
    """What a client got: status, header pairs, body."""
    return (r.status, list(r.headers.items()), r.get_data())


@pytest.fixture()
def both(
    Flavour: type,  # noqa: N803
) -> t.Callable[..., tuple[t.Any, t.Any]]:
    """``both(build, path, **open_kwargs)``: build one app with ``Flavour`` as
    its ``response_class`` and one with Flask's own class (``build(None)``),
    send each the same request with Flask's test client, and return both
    answers as :func:`wire` gives them, ours first. ``build`` may also be a
    pair of apps already built."""

    def run(
        build: t.Any, path: str = "/", **kwargs: t.Any
    ) -> tuple[t.Any, t.Any]:
        apps = build if isinstance(build, tuple) else (build(Flavour), build(None))
        got = []
        for app in apps:
            with app.test_client().open(path, **kwargs) as r:
                got.append(wire(r))
        return got[0], got[1]

    return run
