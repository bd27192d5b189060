"""The types a workload family is written with: :class:`Impl` and :class:`Workload`.

A workload is written once and run against every implementation. The runner
hands its ``build`` function an :class:`Impl`, a small namespace holding that
implementation's classes and modules (``Headers``, ``Response``, ``http``,
``FlaskResponse``, ``Request``), and
times the zero-argument callable ``build`` returns. The same body therefore runs
against Werkzeug's classes and against each twin's.
"""

from __future__ import annotations

import typing as t
from dataclasses import dataclass
from dataclasses import field

#: The implementation keys, in the order the runner shows them.
FLOOR: t.Final = "floor"
WERKZEUG: t.Final = "werkzeug"
COMPILED: t.Final = "compiled"
PURE: t.Final = "pure"
IMPL_KEYS: t.Final = (FLOOR, WERKZEUG, COMPILED, PURE)

#: A timed operation: called with no arguments, once per op. What it returns is
#: compared across implementations once, before timing, to catch a workload
#: that is fast because it is wrong.
Op = t.Callable[[], object]


@dataclass(frozen=True)
class Impl:
    """One implementation as a workload sees it.

    Attributes are ``None`` when the implementation does not provide them (yet);
    the runner skips a workload whose :attr:`Workload.requires` names one.
    """

    #: ``"werkzeug"``, ``"compiled"`` or ``"pure"``.
    key: str
    #: ``werkzeug.datastructures.Headers`` or the twin's ``Headers``.
    Headers: t.Any = None
    #: ``werkzeug.wrappers.Response`` or the twin's ``Response``.
    Response: t.Any = None
    #: ``werkzeug.http`` or the twin's ``http`` module.
    http: t.Any = None
    #: The class a Flask app's ``response_class`` is set to: ``flask.Response``
    #: (Flask's own, on Werkzeug's) or the twin's ``flask.Response`` flavour.
    FlaskResponse: t.Any = None
    #: ``werkzeug.wrappers.Request`` or the twin's ``Request``.
    Request: t.Any = None
    #: Why an attribute is ``None``, by attribute name, where there is more to
    #: say than "missing" (the report shows it).
    why_missing: t.Mapping[str, str] = field(default_factory=dict)

    def missing(self, names: t.Iterable[str]) -> list[str]:
        """Return those of ``names`` this implementation does not provide."""
        return [name for name in names if getattr(self, name, None) is None]

    def missing_reason(self, names: t.Iterable[str]) -> str:
        """Why this implementation cannot run a workload that needs ``names``."""
        return "; ".join(
            self.why_missing.get(name) or f"{self.key} has no {name}"
            for name in self.missing(names)
        )


@dataclass(frozen=True)
class Workload:
    """One timed job, written once for every implementation.

    :param name: Short unique name, used by ``--workload`` and in the table.
    :param description: One line saying what one op does.
    :param build: Called once per implementation with its :class:`Impl`;
        returns the op to time. Do the set-up here, not in the op.
    :param floor: ``None``, or a factory returning the op of the hand-written
        floor: the same job done with plain lists, tuples and bytes (for WSGI
        workloads, a bare WSGI app), only where one applies. Its result must
        equal the others'. The table shows the compiled twin's ratio to it.
    :param requires: The :class:`Impl` attributes ``build`` uses; an
        implementation lacking one is shown as n/a for this workload.
    :param goals: Minimum speedup over Werkzeug per implementation key, e.g.
        ``{"compiled": 5.0, "pure": 1.5}``; shown in the table and checked by
        ``--check-goals``.
    :param normalize: Maps an op's result to something comparable across
        implementations (for example a returned ``Headers`` to its items);
        ``None`` compares results as they are.
    :param default: False for an opt-in workload, run only when ``--workload``
        names it (or a pattern matches it) or with ``--all``.
    """

    name: str
    description: str
    build: t.Callable[[Impl], Op]
    floor: t.Callable[[], Op] | None = None
    requires: tuple[str, ...] = ("Headers",)
    goals: t.Mapping[str, float] = field(default_factory=dict)
    normalize: t.Callable[[t.Any], object] | None = None
    default: bool = True
