"""Find the implementations to compare and say exactly what was imported.

The compiled column is only ever filled by the compiled twin: when
``wrappers.COMPILED`` is not True (PyPy, ``WRAPPERS_NO_EXTENSIONS``, a failed
build, a source tree without built extensions on ``sys.path``), the column is
n/a with ``wrappers._REASON`` and the runner prints a loud warning, rather than
timing the pure twin a second time under the wrong name.
"""

from __future__ import annotations

import importlib
import os
import platform
import sys
import typing as t
from dataclasses import dataclass
from dataclasses import field

from workloads.base import COMPILED
from workloads.base import PURE
from workloads.base import WERKZEUG
from workloads.base import Impl

#: The Werkzeug version the project is specified against.
SPEC_WERKZEUG: t.Final = "3.1.9"

#: File name endings of compiled extension modules.
_EXTENSION_SUFFIXES: t.Final = (".so", ".pyd")


@dataclass
class Slot:
    """One column of the table: an implementation, or why it is missing."""

    key: str
    impl: Impl | None = None
    #: Why the column is n/a; empty when :attr:`impl` is set.
    reason: str = ""


@dataclass
class Discovery:
    """What :func:`discover` found."""

    slots: dict[str, Slot]
    #: Facts for the report header and the JSON file.
    info: dict[str, t.Any] = field(default_factory=dict)
    #: Loud warnings to print before the table.
    warnings: list[str] = field(default_factory=list)


def _module_file(name: str) -> str | None:
    module = sys.modules.get(name)
    return getattr(module, "__file__", None)


def _python_info() -> dict[str, t.Any]:
    return {
        "implementation": sys.implementation.name,
        "version": platform.python_version(),
        "full_version": sys.version.replace("\n", " "),
        "executable": sys.executable,
        "platform": platform.platform(),
        "machine": platform.machine(),
    }


def _cpu_model() -> str | None:
    """The CPU's model name, from ``/proc/cpuinfo`` where there is one."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as file:
            for line in file:
                name, _, value = line.partition(":")

                if name.strip() in ("model name", "Hardware", "cpu model"):
                    return value.strip()
    except OSError:
        pass

    return platform.processor() or None


def _memory_bytes() -> int | None:
    try:
        with open("/proc/meminfo", encoding="ascii", errors="replace") as file:
            for line in file:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass

    return None


def machine_info() -> dict[str, t.Any]:
    """The machine a run was made on, for the report and the JSON file."""
    try:
        usable: int | None = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        usable = None

    try:
        load: list[float] | None = list(os.getloadavg())
    except (AttributeError, OSError):
        load = None

    return {
        "cpu": _cpu_model(),
        "cpus": os.cpu_count(),
        "cpus_usable": usable,
        "memory_bytes": _memory_bytes(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "loadavg_start": load,
    }


def _werkzeug(discovery: Discovery) -> None:
    try:
        werkzeug = importlib.import_module("werkzeug")
        datastructures = importlib.import_module("werkzeug.datastructures")
        wrappers = importlib.import_module("werkzeug.wrappers")
        http = importlib.import_module("werkzeug.http")
    except ImportError as exc:
        discovery.slots[WERKZEUG] = Slot(
            WERKZEUG, reason=f"import werkzeug failed: {exc}"
        )
        discovery.warnings.append(
            f"Werkzeug is not importable ({exc}); no speedups can be computed. "
            f"Install werkzeug=={SPEC_WERKZEUG}."
        )
        return

    try:
        from importlib.metadata import version

        werkzeug_version = version("werkzeug")
    except Exception:  # metadata may be missing in odd installs
        werkzeug_version = getattr(werkzeug, "__version__", "unknown")

    discovery.info["werkzeug"] = {
        "version": werkzeug_version,
        "file": werkzeug.__file__,
    }

    if werkzeug_version != SPEC_WERKZEUG:
        discovery.warnings.append(
            f"Werkzeug {werkzeug_version} is installed; the goals are set against "
            f"{SPEC_WERKZEUG}."
        )

    flask_response, why = _flask_response(discovery, "flask")
    discovery.slots[WERKZEUG] = Slot(
        WERKZEUG,
        Impl(
            WERKZEUG,
            Headers=datastructures.Headers,
            Response=wrappers.Response,
            http=http,
            FlaskResponse=flask_response,
            Request=wrappers.Request,
            why_missing={"FlaskResponse": why} if why else {},
        ),
    )


def _flask_response(discovery: Discovery, module_name: str) -> tuple[t.Any, str]:
    """``module_name``'s ``Response`` (``flask``, ``wrappers.flask`` or
    ``wrappers_pure.flask``), or ``None`` and why not."""
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == "flask":
            return None, "Flask is not installed (pip install flask)"

        if exc.name == module_name:
            return None, (
                f"{module_name} does not exist in this build: the Flask flavour "
                "is not there yet"
            )

        return None, f"import {module_name} failed: {type(exc).__name__}: {exc}"
    except Exception as exc:  # any failure means "not available"
        return None, f"import {module_name} failed: {type(exc).__name__}: {exc}"

    if module_name == "flask":
        try:
            from importlib.metadata import version

            discovery.info["flask"] = {
                "version": version("flask"),
                "file": module.__file__,
            }
        except Exception:  # metadata may be missing in odd installs
            discovery.info["flask"] = {"version": None, "file": module.__file__}

    response = getattr(module, "Response", None)
    return response, "" if response is not None else f"{module_name} has no Response"


def _twin_impl(key: str, package: t.Any, discovery: Discovery) -> Impl:
    flask_response, why = _flask_response(discovery, f"{package.__name__}.flask")
    return Impl(
        key,
        Headers=getattr(package, "Headers", None),
        Response=getattr(package, "Response", None),
        http=getattr(package, "http", None),
        FlaskResponse=flask_response,
        Request=getattr(package, "Request", None),
        why_missing={"FlaskResponse": why} if why else {},
    )


def _compiled(discovery: Discovery) -> None:
    info: dict[str, t.Any] = {"COMPILED": None, "reason": None, "file": None}
    discovery.info["wrappers"] = info

    try:
        wrappers = importlib.import_module("wrappers")
    except Exception as exc:  # any failure means "not available"
        reason = f"import wrappers failed: {type(exc).__name__}: {exc}"
        info["reason"] = reason
        discovery.slots[COMPILED] = Slot(COMPILED, reason=reason)
        discovery.warnings.append(f"{reason}. The compiled column is n/a.")
        return

    compiled = getattr(wrappers, "COMPILED", None)
    reason = str(getattr(wrappers, "_REASON", "wrappers._REASON is missing"))
    info.update(COMPILED=compiled, reason=reason, file=wrappers.__file__)

    if compiled is not True:
        on_pypy = sys.implementation.name != "cpython"
        discovery.slots[COMPILED] = Slot(
            COMPILED, reason=f"compiled twin not active: {reason}"
        )
        discovery.warnings.append(
            f"wrappers.COMPILED is {compiled!r} ({reason})"
            + (" -- expected on this interpreter." if on_pypy else ".")
            + " The compiled column is n/a: nothing here measures the compiled twin."
        )
        return

    impl = _twin_impl(COMPILED, wrappers, discovery)
    headers_module = getattr(impl.Headers, "__module__", None)
    headers_file = _module_file(headers_module) if headers_module else None
    info["headers_module"] = headers_module
    info["headers_file"] = headers_file

    if headers_file is None or not headers_file.endswith(_EXTENSION_SUFFIXES):
        discovery.warnings.append(
            f"wrappers.COMPILED is True but wrappers.Headers comes from "
            f"{headers_module} ({headers_file}), which is not an extension module."
        )

    discovery.slots[COMPILED] = Slot(COMPILED, impl)


def _pure(discovery: Discovery) -> None:
    try:
        wrappers_pure = importlib.import_module("wrappers_pure")
    except Exception as exc:  # any failure means "not available"
        reason = f"import wrappers_pure failed: {type(exc).__name__}: {exc}"
        discovery.info["wrappers_pure"] = {"file": None, "reason": reason}
        discovery.slots[PURE] = Slot(PURE, reason=reason)
        return

    discovery.info["wrappers_pure"] = {"file": wrappers_pure.__file__}
    discovery.slots[PURE] = Slot(PURE, _twin_impl(PURE, wrappers_pure, discovery))


def discover() -> Discovery:
    """Import Werkzeug and both twins; never raise for a missing one."""
    discovery = Discovery(
        slots={}, info={"python": _python_info(), "machine": machine_info()}
    )
    _werkzeug(discovery)
    _compiled(discovery)
    _pure(discovery)

    compiled = discovery.slots[COMPILED].impl
    pure = discovery.slots[PURE].impl

    if compiled is not None and pure is not None and compiled.Headers is pure.Headers:
        discovery.warnings.append(
            "wrappers.Headers is wrappers_pure.Headers although wrappers.COMPILED "
            "is True."
        )

    if (
        compiled is not None
        and compiled.FlaskResponse is not None
        and not issubclass(compiled.FlaskResponse, compiled.Response)
    ):
        discovery.warnings.append(
            "wrappers.flask.Response is not a subclass of the compiled "
            "wrappers.Response: the compiled Flask column is not the compiled twin."
        )

    return discovery
