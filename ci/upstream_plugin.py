"""pytest plugin of ``ci/upstream.py``: run Werkzeug's or Flask's own tests on one twin.

``ci/upstream.py`` loads it with ``-p upstream_plugin`` (``ci/`` on ``PYTHONPATH``)
in a temporary copy of the upstream sdist, and tells it what to do through the
environment:

- ``WRAPPERS_UPSTREAM_TWIN``: ``compiled`` (the :mod:`wrappers` package, which
  must really be compiled: the session is refused otherwise) or ``pure``
  (:mod:`wrappers_pure`).
- ``WRAPPERS_UPSTREAM_SUITE``: ``werkzeug`` or ``flask``.
- ``WRAPPERS_UPSTREAM_EXCLUSIONS``: the exclusions file (``ci/upstream-exclusions.txt``).
- ``WRAPPERS_UPSTREAM_SCOPE``: the scope rules of ``ci/upstream.py`` (JSON).
- ``WRAPPERS_UPSTREAM_REPORT``: where to write the JSON summary the driver prints.
- ``WRAPPERS_UPSTREAM_PARTIAL``: set when extra pytest arguments may select
  fewer tests (``-k``): stale rules and exclusions are then only reported.

Everything below happens in ``pytest_load_initial_conftests``, before the
upstream ``conftest.py`` and the test modules are imported.

How the twin is put under test
------------------------------
*Werkzeug suite*: every module of the installed Werkzeug is imported first, so
that Werkzeug's own ``from .x import y`` bindings are all to Werkzeug's objects.
Then each public Werkzeug module that has a twin here (``WERKZEUG_FACES``:
``werkzeug``, ``werkzeug.wrappers``, ``werkzeug.wrappers.response`` and
``.request``, ``werkzeug.sansio.response``, ``.request`` and ``.utils``,
``werkzeug.datastructures``, ``werkzeug.http``, ``werkzeug.exceptions``,
``werkzeug.urls``, ``werkzeug.utils``, ``werkzeug.wsgi``, ``werkzeug.user_agent``
and, for the names listed below, ``werkzeug.test``) gets the twin's object for
every name of the twin module's ``__all__`` that the Werkzeug module also has
(checked with ``is`` afterwards; the names are in the report header and the
JSON summary). The test modules, imported afterwards, bind ours: ``from
werkzeug.datastructures import Headers`` is the twin's ``Headers``,
``http.dump_cookie(...)`` calls the twin's, ``Request.from_values(...)`` builds
the twin's Request.

Werkzeug code that reads a replaced name at call time gets ours too: functions
of those modules read their module's globals (``werkzeug.utils.redirect`` and
``send_file`` import ``werkzeug.wrappers.Response`` when called, so they build
our Response; ``werkzeug.http`` reads ``datastructures.X``; Werkzeug's
``Headers`` calls ``http.dump_options_header``). That puts more of our code
under Werkzeug's tests; the tests of the Werkzeug functions themselves that
are not built here are deselected, not counted as ours.

*werkzeug.test and its Client*: the module's ``EnvironBuilder``,
``create_environ``, ``run_wsgi_app``, ``encode_multipart`` and
``stream_encode_multipart`` are the twin's, and so is its global ``Request``
(the class ``Client.open`` accepts as an already built request). ``Client``,
``TestResponse``, ``Cookie`` and ``ClientRedirectError`` stay Werkzeug's: the
twin has no test client (Flask's is Werkzeug's too). Since ``Client`` reads
those globals when called, a request made through it is the twin's end to end
up to the response: ``Client.open`` builds the environ with the twin's
``EnvironBuilder`` (``EnvironBuilder.from_environ`` for redirects and environ
dicts), takes the request from its ``get_request()`` (the session is refused
unless the twin's ``EnvironBuilder.request_class`` is the twin's ``Request``),
runs the application with the twin's ``run_wsgi_app`` (the headers it
gives back are the twin's ``Headers``; ``Client`` reads their ``Set-Cookie``
for its cookie jar) and wraps the answer in Werkzeug's ``TestResponse``, whose
``request`` is then the twin's Request (and whose ``headers``, unless the
wrapper is built on the twin's Response, are Werkzeug's copy of ours). ``TestResponse``
was made a subclass of Werkzeug's ``Response`` when Werkzeug was imported, and
``werkzeug.test.Response`` stays Werkzeug's on purpose: ``Client(app)`` and
``Client(app, werkzeug's Response)`` answer with Werkzeug's ``TestResponse``,
while ``Client(app, Response)`` in a test module (the twin's Response)
answers with ``type("WrapperTestResponse", (TestResponse, Response), {})``,
the twin's Response methods behind ``TestResponse``'s. Flask's
``FlaskClient`` and ``flask.testing.EnvironBuilder`` subclass Werkzeug's
classes; the Flask suite patches nothing of Werkzeug (below).

*Flask suite*: ``flask.Flask.response_class`` (a class attribute, read by every
app and subclass) is set to the twin's ``flask.Response``;
``pytest_sessionstart`` checks on a real app and its test client that it took
effect. Nothing of Werkzeug or Flask is patched. (Flask 3.1.3's conftest uses
``_pytest.monkeypatch.notset``, which pytest 9 calls ``NOTSET``: the old name is
given back.)

Selection
---------
The Werkzeug suite runs only what exists here: ``SCOPE`` in ``ci/upstream.py``
lists the files run and, inside them, the tests deselected because the thing
they test is not built yet (form parsing, abort, ...), each rule with
its reason; this plugin deselects them (``pytest_deselected``, so pytest
counts them) and refuses the session if a rule matches no test (a stale rule).
The Flask suite runs whole.

Exclusions (tests that cannot pass by design) are marked
``xfail(strict=True)`` with their reason: they still run, a pass is a failure
("stale exclusion"), and an exclusion that matches no collected test refuses
the session.
"""

from __future__ import annotations

import fnmatch
import importlib
import json
import os
import pkgutil
import sys
import types
import typing as t
from pathlib import Path

import pytest

TWIN = os.environ.get("WRAPPERS_UPSTREAM_TWIN", "")
SUITE = os.environ.get("WRAPPERS_UPSTREAM_SUITE", "")

#: Werkzeug module -> the twin's module (relative to the twin package) whose
#: objects replace Werkzeug's: the names of its ``__all__`` that the Werkzeug
#: module also has, or, when a tuple of names is given, exactly those (each must
#: exist on both sides). A Werkzeug module may take names from several of ours.
WERKZEUG_FACES: tuple[tuple[str, str, tuple[str, ...] | None], ...] = (
    ("werkzeug", "", None),
    ("werkzeug.wrappers", "response", None),
    ("werkzeug.wrappers", "request", None),
    ("werkzeug.wrappers.response", "response", None),
    ("werkzeug.wrappers.request", "request", None),
    ("werkzeug.sansio.response", "sansio.response", None),
    ("werkzeug.sansio.request", "sansio.request", None),
    ("werkzeug.datastructures", "datastructures", None),
    ("werkzeug.http", "http", None),
    ("werkzeug.exceptions", "exceptions", None),
    ("werkzeug.urls", "urls", None),
    ("werkzeug.utils", "utils", None),
    ("werkzeug.wsgi", "wsgi", None),
    ("werkzeug.sansio.utils", "sansio.utils", None),
    ("werkzeug.user_agent", "user_agent", None),
    # The test client stays Werkzeug's (see the module docstring): only these.
    (
        "werkzeug.test",
        "test",
        (
            "EnvironBuilder", "create_environ", "run_wsgi_app", "encode_multipart",
            "stream_encode_multipart",
        ),
    ),  # fmt: skip
    ("werkzeug.test", "request", ("Request",)),
)

_state: dict[str, t.Any] = {"header": [], "patched": {}, "deselected": {}}


# --- the twin -------------------------------------------------------------------


def _twin() -> types.ModuleType:
    if TWIN == "compiled":
        import wrappers

        if wrappers.COMPILED is not True:
            raise pytest.UsageError(
                "ci/upstream.py: --twin compiled, but wrappers.COMPILED is "
                f"{wrappers.COMPILED!r} ({wrappers._REASON}); build and install the "
                "compiled twin first"
            )
        return wrappers

    if TWIN == "pure":
        import wrappers_pure

        return wrappers_pure

    raise pytest.UsageError(
        f"ci/upstream.py: WRAPPERS_UPSTREAM_TWIN must be compiled or pure, not {TWIN!r}"
    )


def _twin_module(twin: types.ModuleType, rel: str) -> types.ModuleType:
    return importlib.import_module(f"{twin.__name__}.{rel}" if rel else twin.__name__)


# --- Werkzeug: patch the public modules -----------------------------------------------


def _import_all_of_werkzeug() -> list[str]:
    import werkzeug

    failed = []

    for info in pkgutil.walk_packages(werkzeug.__path__, "werkzeug."):
        try:
            importlib.import_module(info.name)
        except ImportError as exc:  # an optional dependency of a module no test here uses
            failed.append(f"{info.name} ({exc})")

    return failed


def _patch_werkzeug(twin: types.ModuleType) -> None:
    not_imported = _import_all_of_werkzeug()
    patched: dict[str, list[str]] = {}
    served: list[tuple[types.ModuleType, str, object]] = []

    for wz_name, rel, only in WERKZEUG_FACES:
        wz_module = importlib.import_module(wz_name)
        ours = _twin_module(twin, rel)
        if only is None:
            names = [n for n in ours.__all__ if hasattr(wz_module, n)]
        else:
            missing = [n for n in only if not (hasattr(ours, n) and hasattr(wz_module, n))]
            if missing:
                raise pytest.UsageError(
                    f"ci/upstream.py: {wz_name} <- {ours.__name__}: no {', '.join(missing)} "
                    "on one side"
                )
            names = list(only)

        for name in names:
            setattr(wz_module, name, getattr(ours, name))
            served.append((wz_module, name, getattr(ours, name)))

        patched.setdefault(wz_name, []).extend(names)

    for wz_module, name, obj in served:
        assert getattr(wz_module, name) is obj, (wz_module.__name__, name)

    import werkzeug
    import werkzeug.test
    from werkzeug.datastructures import Headers
    from werkzeug.wrappers import Request
    from werkzeug.wrappers import Response

    assert Response is twin.Response and werkzeug.Response is twin.Response
    assert Request is twin.Request and werkzeug.Request is twin.Request
    assert Headers is twin.Headers
    builder = werkzeug.test.EnvironBuilder
    assert builder is _twin_module(twin, "test").EnvironBuilder
    if builder.request_class is not twin.Request:
        raise pytest.UsageError(
            f"ci/upstream.py: {builder.__module__}.EnvironBuilder.request_class is "
            f"{builder.request_class!r}, not {twin.__name__}.Request: Werkzeug's test "
            "Client would not be driving the twin's Request"
        )

    _state["patched"] = patched
    _state["header"].append(
        "upstream: Werkzeug's public modules serve the twin's names: "
        + "; ".join(f"{m}: {', '.join(n)}" for m, n in patched.items() if n)
    )
    if not_imported:
        _state["header"].append(
            "upstream: Werkzeug modules not importable here (not under test): "
            + ", ".join(not_imported)
        )


def _stub_ephemeral_port_reserve() -> None:
    """Werkzeug's conftest imports ``ephemeral_port_reserve`` for its dev-server
    fixture, which only the (unselected) serving and debugger tests use."""
    try:
        import ephemeral_port_reserve  # noqa: F401
    except ImportError:
        stub = types.ModuleType("ephemeral_port_reserve")

        def reserve(*args: object, **kwargs: object) -> int:
            raise RuntimeError(
                "ci/upstream.py: ephemeral_port_reserve is a stand-in; the dev-server "
                "tests are not selected"
            )

        stub.reserve = reserve  # type: ignore[attr-defined]
        sys.modules["ephemeral_port_reserve"] = stub


def _pytest_notset_alias() -> None:
    """Flask 3.1.3's conftest and test_cli use ``_pytest.monkeypatch.notset``, a
    private name pytest 9 renamed ``NOTSET``: the old name is given back (the
    same object), so that the suite runs on the pytest installed here."""
    import _pytest.monkeypatch

    if not hasattr(_pytest.monkeypatch, "notset") and hasattr(_pytest.monkeypatch, "NOTSET"):
        _pytest.monkeypatch.notset = _pytest.monkeypatch.NOTSET  # type: ignore[attr-defined]
        _state["header"].append("upstream: _pytest.monkeypatch.notset = NOTSET (pytest 9)")


# --- Flask: the response class ------------------------------------------------------


def _set_flask_response_class(twin: types.ModuleType) -> None:
    import flask

    ours = _twin_module(twin, "flask").Response
    flask.Flask.response_class = ours
    assert flask.Flask.response_class is ours
    _state["flask_response"] = ours
    _state["header"].append(
        f"upstream: flask.Flask.response_class = {ours.__module__}.{ours.__qualname__}"
    )


def _check_flask_response_class() -> None:
    import flask

    ours = _state["flask_response"]
    app = flask.Flask("upstream_check")

    @app.route("/")
    def index() -> str:
        return "ok"

    with app.test_request_context():
        rv = app.make_response("ok")
    assert type(rv) is ours, type(rv)
    served = app.test_client().get("/")
    assert isinstance(served, ours) and served.data == b"ok", type(served).__mro__


# --- exclusions ------------------------------------------------------------------


class Exclusion(t.NamedTuple):
    suite: str
    twin: str
    test_id: str
    reason: str
    line: int


def read_exclusions(path: Path) -> list[Exclusion]:
    """Parse the exclusions file: ``<suite> <twin> <test id> -- <reason>``, with
    the reason continued on following lines indented by whitespace; ``#`` starts
    a comment line."""
    entries: list[Exclusion] = []

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue

        if raw[0].isspace():
            if not entries:
                raise ValueError(f"{path}:{number}: a continuation line before any entry")
            last = entries[-1]
            entries[-1] = last._replace(reason=f"{last.reason} {raw.strip()}")
            continue

        head, sep, reason = raw.partition(" -- ")
        fields = head.split()
        if not sep or len(fields) != 3 or not reason.strip():
            raise ValueError(
                f"{path}:{number}: expected '<suite> <twin> <test id> -- <reason>': {raw!r}"
            )
        suite, twin, test_id = fields
        if suite not in ("werkzeug", "flask") or twin not in ("both", "compiled", "pure"):
            raise ValueError(f"{path}:{number}: unknown suite or twin: {raw!r}")
        entries.append(Exclusion(suite, twin, test_id, reason.strip(), number))

    return entries


def _matches(pattern: str, nodeid: str) -> bool:
    """A pattern names a test, every parametrization of a test (no ``[...]``),
    or every test of a class or file (a prefix up to ``::``); one with ``*`` is
    a glob over the whole node id."""
    if "*" in pattern:
        return fnmatch.fnmatchcase(nodeid, pattern)
    return nodeid == pattern or nodeid.startswith((f"{pattern}[", f"{pattern}::"))


# --- hooks ----------------------------------------------------------------------


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: pytest.Config) -> None:
    # Before the upstream conftest.py and any test module is imported.
    if SUITE not in ("werkzeug", "flask"):
        raise pytest.UsageError(
            f"ci/upstream.py: WRAPPERS_UPSTREAM_SUITE must be werkzeug or flask, not {SUITE!r}"
        )

    twin = _twin()
    where = Path(twin.__file__).resolve().parent  # type: ignore[arg-type]
    _state["header"].append(
        f"upstream: suite {SUITE}, twin {TWIN}: {twin.__name__} from {where}"
        + (f" (COMPILED={twin.COMPILED})" if TWIN == "compiled" else "")
    )

    if SUITE == "werkzeug":
        _stub_ephemeral_port_reserve()
        _patch_werkzeug(twin)
    else:
        _pytest_notset_alias()
        _set_flask_response_class(twin)


def pytest_sessionstart(session: pytest.Session) -> None:
    if SUITE == "flask":
        _check_flask_response_class()


def pytest_report_header(config: pytest.Config) -> list[str]:
    return list(_state["header"])


@pytest.hookimpl(trylast=True)  # after -k and -m have deselected theirs
def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    problems: list[str] = []
    _state["collected"] = len(items)

    # Scope: what is not built yet (Werkzeug suite only).
    rules = json.loads(os.environ.get("WRAPPERS_UPSTREAM_SCOPE", "[]"))
    keep: list[pytest.Item] = []
    drop: list[pytest.Item] = []
    hits = {rule["pattern"]: 0 for rule in rules}

    for item in items:
        rule = next((r for r in rules if _matches(r["pattern"], item.nodeid)), None)
        if rule is None:
            keep.append(item)
        else:
            hits[rule["pattern"]] += 1
            drop.append(item)

    problems += [f"scope rule matches no test: {p}" for p, n in hits.items() if n == 0]
    _state["deselected"] = hits
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep

    # Exclusions: by design, for this suite and twin.
    path = os.environ.get("WRAPPERS_UPSTREAM_EXCLUSIONS")
    entries = [
        e
        for e in (read_exclusions(Path(path)) if path else [])
        if e.suite == SUITE and e.twin in ("both", TWIN)
    ]
    used: dict[str, list[str]] = {e.test_id: [] for e in entries}

    for item in items:
        for entry in entries:
            if _matches(entry.test_id, item.nodeid):
                used[entry.test_id].append(item.nodeid)
                item.add_marker(
                    pytest.mark.xfail(strict=True, reason=f"excluded: {entry.reason}")
                )
                break

    problems += [
        f"exclusion (line {e.line}) matches no selected test: {e.suite} {e.twin} {e.test_id}"
        for e in entries
        if not used[e.test_id]
    ]
    _state["excluded"] = {e.test_id: used[e.test_id] for e in entries}
    _state["problems"] = problems

    if problems and os.environ.get("WRAPPERS_UPSTREAM_PARTIAL"):
        # Extra pytest arguments (-k, a node id) select fewer tests: only warn.
        _state["problems"] = []
        for problem in problems:
            print(f"\nci/upstream.py: (partial run) {problem}", file=sys.stderr)
    elif problems:
        raise pytest.UsageError(
            "ci/upstream.py: stale selection:\n  - " + "\n  - ".join(problems)
        )


_outcomes: dict[str, list[str]] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    outcome: str | None = None

    if report.when == "call" or (report.when == "setup" and not report.passed):
        if report.failed and str(report.longrepr).startswith("[XPASS(strict)]"):
            outcome = "xpassed"
        elif hasattr(report, "wasxfail"):
            outcome = "xpassed" if report.passed else "xfailed"
        elif report.failed:
            outcome = "failed" if report.when == "call" else "error"
        elif report.skipped:
            outcome = "skipped"
        else:
            outcome = "passed"
    elif report.when == "teardown" and report.failed:
        outcome = "error"

    if outcome is not None:
        _outcomes.setdefault(outcome, []).append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    path = os.environ.get("WRAPPERS_UPSTREAM_REPORT")
    if not path:
        return
    Path(path).write_text(
        json.dumps(
            {
                "suite": SUITE,
                "twin": TWIN,
                "exitstatus": int(exitstatus),
                "outcomes": _outcomes,
                "deselected": _state.get("deselected", {}),
                "excluded": _state.get("excluded", {}),
                "patched": _state.get("patched", {}),
                "problems": _state.get("problems", []),
                "collected": _state.get("collected", 0),
                "run": session.testscollected,
            },
            indent=1,
        ),
        encoding="utf-8",
    )
