"""pytest plugin used by ``ci/test.sh``: test the installed build, nothing else.

Loaded with ``-p pytest_installed`` (``ci/`` on ``PYTHONPATH``). At start-up
it refuses the session (exit code 4) unless:

- :mod:`wrappers` and :mod:`wrappers_pure` were imported from this
  interpreter's site-packages (not from the source tree, whatever it holds);
- :data:`wrappers.COMPILED` is what ``WRAPPERS_CI_EXPECT_COMPILED`` says
  (``1``: the compiled twin, ``0``: the pure one), when that variable is set.

It adds what it checked to the report header. Standard library and pytest only.
"""

from __future__ import annotations

import os
import sysconfig
from pathlib import Path

import pytest

EXPECT_COMPILED = "WRAPPERS_CI_EXPECT_COMPILED"

_header: list[str] = []


def _site_dirs() -> set[Path]:
    paths = sysconfig.get_paths()
    return {Path(paths[key]).resolve() for key in ("purelib", "platlib")}


def pytest_configure(config: pytest.Config) -> None:
    import wrappers
    import wrappers_pure

    site = _site_dirs()
    problems = []

    for module in (wrappers, wrappers_pure):
        where = Path(module.__file__).resolve().parent  # type: ignore[arg-type]

        if where.parent not in site:
            problems.append(
                f"{module.__name__} was imported from {where}, not from the installed "
                f"build in {' or '.join(sorted(map(str, site)))}"
            )

    expected = os.environ.get(EXPECT_COMPILED)

    if expected is not None and wrappers.COMPILED != (expected == "1"):
        problems.append(
            f"wrappers.COMPILED is {wrappers.COMPILED} but {EXPECT_COMPILED}={expected}; "
            f"the shim says: {wrappers._REASON}"
        )

    if problems:
        raise pytest.UsageError(
            "ci/test.sh: refusing to test the wrong build:\n  - "
            + "\n  - ".join(problems)
        )

    _header[:] = [
        f"ci: testing the installed build in {Path(wrappers.__file__).resolve().parent.parent}",
        f"ci: wrappers.COMPILED = {wrappers.COMPILED} ({wrappers._REASON})",
    ]


def pytest_report_header(config: pytest.Config) -> list[str]:
    return list(_header)
