"""The benchmark workloads, one module per family.

Each family module (``headers.py``, ``responses.py``, ``dates.py``,
``cookies.py``, ``flaskapp.py``, ``requests.py``) defines a module-level ``WORKLOADS: list[Workload]``. To add
a family, write the module and add its name to :data:`FAMILIES`; to add a
workload to a family, append a :class:`~workloads.base.Workload` to its list.
"""

from __future__ import annotations

import importlib

from workloads.base import Impl
from workloads.base import Op
from workloads.base import Workload

#: The family modules, in the order their workloads are shown.
FAMILIES: tuple[str, ...] = (
    "headers",
    "responses",
    "dates",
    "cookies",
    "flaskapp",
    "requests",
)


def load_workloads() -> list[Workload]:
    """Import every family and return all workloads, in table order.

    :raises ValueError: Two workloads share a name.
    """
    workloads: list[Workload] = []
    seen: set[str] = set()

    for family in FAMILIES:
        module = importlib.import_module(f"{__name__}.{family}")

        for workload in module.WORKLOADS:
            if workload.name in seen:
                raise ValueError(f"duplicate workload name {workload.name!r}")

            seen.add(workload.name)
            workloads.append(workload)

    return workloads


__all__ = ["FAMILIES", "Impl", "Op", "Workload", "load_workloads"]
