"""Run Werkzeug's and Flask's own test suites against our twins.

    python ci/upstream.py [--twin compiled|pure|both] [--suite werkzeug|flask|all]
                          [--cache DIR] [--keep] [-- PYTEST_ARGS...]

Uses the wrappers installed in the running interpreter (``--twin compiled``
refuses to run unless ``wrappers.COMPILED`` is true) and the Werkzeug and Flask
installed there, which must be the pinned versions below. The sdists of those
versions (for their tests/) are downloaded from PyPI once, checked against the
pinned sha256 and cached in ``build/upstream/``; each run unpacks their
``tests/`` and ``pyproject.toml`` (its pytest settings) into a temporary folder
and runs pytest there, one process per suite and twin, with the plugin
``ci/upstream_plugin.py`` (which says how the twin is put under test).

- Werkzeug: the files in ``WERKZEUG_FILES``, minus the tests ``SCOPE`` deselects
  because what they test is not built here yet (form parsing, abort, ...).
  Every test file of the sdist is either run or listed in
  ``WERKZEUG_FILES_NOT_RUN`` with its reason.
- Flask: the whole suite, with ``flask.Flask.response_class`` set to the twin's
  ``flask.Response``.

Tests that cannot pass by design are in ``ci/upstream-exclusions.txt``, each with
its reason; they still run, as strict xfails. The run fails on any other
failure or error, on an excluded test that passes (a stale exclusion), and on
an exclusion or a scope rule that matches no test. Counts are printed per
suite and twin. Arguments after ``--`` go to every pytest run (``-x``, ``-v``;
with ``-k`` the staleness checks only warn).

Needs network access to PyPI on the first run only. Standard library only
(pytest, Werkzeug and Flask are what it runs).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import typing as t
import urllib.request
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXCLUSIONS = HERE / "upstream-exclusions.txt"
INDEX = os.environ.get("WRAPPERS_UPSTREAM_INDEX", "https://pypi.org/simple")


class Sdist(t.NamedTuple):
    project: str
    version: str
    sha256: str

    @property
    def filename(self) -> str:
        return f"{self.project}-{self.version}.tar.gz"


SDISTS = {
    "werkzeug": Sdist(
        "werkzeug", "3.1.9", "55ca7c70a75689be937aa27f8ff4b018f06ff4838fc73045560bf0f5a1291060"
    ),
    "flask": Sdist(
        "flask", "3.1.3", "0ef0e52b8a9cd932855379197dd8f94047b359ca0a78695144304cb45f87c9eb"
    ),
}

# --- what runs of Werkzeug's suite ---------------------------------------------------

#: The test files of Werkzeug's sdist that are run, and why they concern us.
WERKZEUG_FILES: dict[str, str] = {
    "tests/test_wrappers.py": "Request and Response (the form-parsing tests are deselected "
    "below)",
    "tests/test_datastructures.py": "Headers, EnvironHeaders, MultiDict, CombinedMultiDict, "
    "the Immutable* structures, Accept, FileStorage and the other structures",
    "tests/test_http.py": "werkzeug.http: dates, cookies, ETags, ranges, Accept and "
    "Authorization headers, header values",
    "tests/test_exceptions.py": "HTTPException (the classes not built are deselected)",
    "tests/test_urls.py": "iri_to_uri, uri_to_iri",
    "tests/test_wsgi.py": "get_host, get_current_url, get_path_info, LimitedStream, "
    "ClosingIterator, wrap_file, responder",
    "tests/test_utils.py": "redirect() and append_slash_redirect() build our Response "
    "(werkzeug.utils imports werkzeug.wrappers.Response when called); Headers; "
    "cached_property, environ_property",
    "tests/test_send_file.py": "send_file() builds our Response (as above) and calls its "
    "make_conditional: what Flask's send_file does with app.response_class",
    "tests/test_test.py": "our EnvironBuilder, create_environ, run_wsgi_app and "
    "stream_encode_multipart, and Werkzeug's test Client driving them, our Request and "
    "our Response (see ci/upstream_plugin.py)",
    "tests/sansio/test_request.py": "the sansio Request: content_length and cookies",
    "tests/sansio/test_utils.py": "sansio.utils.get_host, get_content_length",
}

#: The other test files of the sdist: not run, and why.
WERKZEUG_FILES_NOT_RUN: dict[str, str] = {
    "tests/test_debug.py": "the debugger: not built here (not part of the project)",
    "tests/test_formparser.py": "formparser: not built yet (form parsing, issue 15)",
    "tests/test_internal.py": "Werkzeug's private internals",
    "tests/test_local.py": "werkzeug.local: not part of the project",
    "tests/test_routing.py": "routing: not part of the project",
    "tests/test_security.py": "werkzeug.security: not part of the project",
    "tests/test_serving.py": "the development server: not part of the project",
    "tests/sansio/test_multipart.py": "sansio.multipart: not built yet (form parsing, "
    "issue 15)",
    "tests/middleware/test_dispatcher.py": "middleware: not part of the project",
    "tests/middleware/test_http_proxy.py": "middleware: not part of the project",
    "tests/middleware/test_lint.py": "middleware: not part of the project",
    "tests/middleware/test_profiler.py": "middleware: not part of the project",
    "tests/middleware/test_proxy_fix.py": "middleware: not part of the project",
    "tests/middleware/test_shared_data.py": "middleware: not part of the project",
}

NOT_BUILT_FORMS = (
    "form parsing (Request.form, files, values, get_data(parse_form_data=True), "
    "multipart bodies): not built yet (issue 15); each test reads the parsed form of "
    "a request"
)

#: Tests inside the files run that are deselected because what they test is not
#: built here yet (or is not ours at all): (reason, node ids). An id covers its
#: parametrizations, a class or file id every test in it; ``*`` globs. A rule
#: that matches no test fails the run.
SCOPE: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        NOT_BUILT_FORMS,
        (
            *(
                f"tests/test_wrappers.py::{name}"
                for name in (
                    "test_base_request", "test_stream_wrapping",
                    "test_data_descriptor_triggers_parsing",
                    "test_get_data_method_parsing_caching_behavior", "test_shallow_mode",
                    "test_form_parsing_failed", "test_file_closing", "test_file_closing_with",
                    "test_form_data_ordering", "test_values", "test_storage_classes",
                )
            ),
            *(
                f"tests/test_test.py::{name}"
                for name in (
                    "test_environ_builder_basics", "test_environ_builder_content_type",
                    "test_follow_redirect_body", "test_multi_value_submit",
                    "test_delete_requests_with_form",
                )
            ),
        ),
    ),  # fmt: skip
    (
        "OrderedMultiDict: not built (deprecated in Werkzeug 3.1, removed in 3.2)",
        (
            "tests/test_datastructures.py::TestOrderedMultiDict",
            "tests/test_datastructures.py::TestImmutableOrderedMultiDict",
        ),
    ),
    (
        "tests a class defined in the test itself: nothing of Werkzeug's or ours",
        ("tests/test_datastructures.py::TestNativeItermethods",),
    ),
    (
        "abort, Aborter and the HTTP exception classes other than HTTPException, "
        "BadRequest, BadRequestKeyError, ClientDisconnected, SecurityError, "
        "RequestEntityTooLarge, UnsupportedMediaType and RequestedRangeNotSatisfiable: "
        "not built yet (test_passing_response and test_response_body are parametrized "
        "over Werkzeug's default_exceptions, which are Werkzeug's classes)",
        tuple(
            f"tests/test_exceptions.py::{name}"
            for name in (
                "test_proxy_exception", "test_aborter_general", "test_abort_description_markup",
                "test_aborter_custom", "test_exception_repr", "test_method_not_allowed_methods",
                "test_unauthorized_www_authenticate", "test_retry_after_mixin",
                "test_passing_response", "test_response_body",
            )
        ),  # fmt: skip
    ),
    (
        "werkzeug.utils' import_string, find_modules and secure_filename: not part of "
        "the project",
        tuple(
            f"tests/test_utils.py::{name}"
            for name in (
                "test_import_string", "test_import_string_provides_traceback",
                "test_import_string_attribute_error", "test_find_modules",
                "test_secure_filename",
            )
        ),  # fmt: skip
    ),
)

SUITES = ("werkzeug", "flask")
TWINS = ("compiled", "pure")


class Fail(Exception):
    """A problem that stops the run (printed without a traceback)."""


# --- the sdists --------------------------------------------------------------------


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def _download_from_index(sdist: Sdist, dest: Path) -> None:
    """The file of the PyPI simple index's JSON form (PEP 691) named ``sdist.filename``."""
    request = urllib.request.Request(
        f"{INDEX}/{sdist.project}/",
        headers={"Accept": "application/vnd.pypi.simple.v1+json"},
    )
    with urllib.request.urlopen(request, timeout=60) as answer:
        files = json.load(answer)["files"]

    entry = next((f for f in files if f["filename"] == sdist.filename), None)
    if entry is None:
        raise Fail(f"{sdist.filename} is not on {INDEX}/{sdist.project}/")
    if entry.get("hashes", {}).get("sha256", sdist.sha256) != sdist.sha256:
        raise Fail(
            f"{INDEX} lists {sdist.filename} with sha256 {entry['hashes']['sha256']}, "
            f"not the pinned {sdist.sha256}"
        )

    with urllib.request.urlopen(entry["url"], timeout=120) as answer, dest.open("wb") as out:
        shutil.copyfileobj(answer, out)


def _download_with_pip(sdist: Sdist, folder: Path) -> Path:
    subprocess.run(
        [
            sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
            "--no-binary", ":all:", "--dest", str(folder), f"{sdist.project}=={sdist.version}",
        ],
        check=True,
    )  # fmt: skip
    found = [p for p in folder.iterdir() if p.name.lower() == sdist.filename]
    if not found:
        raise Fail(f"pip download gave no {sdist.filename} in {folder}")
    return found[0]


def fetch(sdist: Sdist, cache: Path) -> Path:
    """The cached sdist, downloaded first if needed; its sha256 must be the pinned one."""
    path = cache / sdist.filename

    if path.exists() and _sha256(path) == sdist.sha256:
        return path

    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        part = Path(tmp) / sdist.filename
        try:
            _download_from_index(sdist, part)
        except Fail:
            raise
        except Exception as exc:  # no JSON index here: let pip find it
            print(f"upstream: {INDEX} failed ({exc}); trying pip download", flush=True)
            part = _download_with_pip(sdist, Path(tmp))

        got = _sha256(part)
        if got != sdist.sha256:
            raise Fail(f"{sdist.filename}: sha256 {got}, expected the pinned {sdist.sha256}")
        os.replace(part, path)

    print(f"upstream: downloaded {path} (sha256 {sdist.sha256[:16]}... verified)", flush=True)
    return path


def unpack(archive: Path, dest: Path) -> Path:
    """Extract ``tests/`` and ``pyproject.toml`` of the sdist (not its source: the
    installed Werkzeug and Flask are what the tests import) into ``dest``."""
    top = archive.name[: -len(".tar.gz")]
    keep = (f"{top}/tests/", f"{top}/pyproject.toml")

    with tarfile.open(archive) as tar:
        members = [
            m
            for m in tar.getmembers()
            if (m.isfile() or m.isdir()) and m.name.startswith(keep) and ".." not in m.name
        ]
        if hasattr(tarfile, "data_filter"):
            tar.extractall(dest, members=members, filter="data")
        else:  # Python < 3.8.17 / 3.9.17 / 3.10.12 / 3.11.4
            tar.extractall(dest, members=members)  # noqa: S202 (members checked above)

    return dest / top


# --- checks before running ------------------------------------------------------------


def check_environment(twins: list[str], suites: list[str]) -> list[str]:
    """What the run uses, as lines to print; raises Fail if it is not usable."""
    lines = [f"python:   {sys.executable} ({sys.version.split()[0]})"]

    for suite in suites:
        sdist = SDISTS[suite]
        try:
            installed = metadata.version(sdist.project)
        except metadata.PackageNotFoundError:
            raise Fail(f"{sdist.project} is not installed (pip install .[test])") from None
        if installed != sdist.version:
            raise Fail(
                f"{sdist.project} {installed} is installed; its tests here are "
                f"{sdist.version}'s (pip install {sdist.project}=={sdist.version})"
            )
        lines.append(f"{sdist.project + ':':9} {installed}")

    import wrappers
    import wrappers_pure

    where = Path(wrappers.__file__).resolve().parent
    lines.append(f"wrappers: {where} (COMPILED={wrappers.COMPILED}: {wrappers._REASON})")
    lines.append(f"wrappers_pure: {Path(wrappers_pure.__file__).resolve().parent}")

    if "compiled" in twins and wrappers.COMPILED is not True:
        raise Fail(
            f"--twin compiled, but wrappers.COMPILED is {wrappers.COMPILED}: "
            f"{wrappers._REASON}. Install a compiled build, or use --twin pure."
        )

    if "flask" in suites:
        for twin in twins:
            package = "wrappers" if twin == "compiled" else "wrappers_pure"
            try:
                __import__(f"{package}.flask")
            except ImportError as exc:
                raise Fail(f"the Flask suite needs {package}.flask: {exc}") from None

    return lines


def werkzeug_files(tree: Path) -> list[str]:
    """The files to run; every test file of the sdist must be accounted for."""
    found = {
        p.relative_to(tree).as_posix() for p in (tree / "tests").rglob("test_*.py")
    }
    listed = set(WERKZEUG_FILES) | set(WERKZEUG_FILES_NOT_RUN)
    problems = [f"{f}: neither run nor listed as not run" for f in sorted(found - listed)]
    problems += [f"{f}: listed, but not in the sdist" for f in sorted(listed - found)]
    if problems:
        raise Fail("Werkzeug's test files changed:\n  " + "\n  ".join(problems))
    return sorted(WERKZEUG_FILES)


# --- running -----------------------------------------------------------------------------


class Result(t.NamedTuple):
    suite: str
    twin: str
    returncode: int
    seconds: float
    report: dict[str, t.Any]


def run_suite(suite: str, twin: str, tree: Path, extra: list[str], work: Path) -> Result:
    report_path = work / f"report-{suite}-{twin}.json"
    report_path.unlink(missing_ok=True)
    scope = (
        [{"pattern": p, "reason": reason} for reason, patterns in SCOPE for p in patterns]
        if suite == "werkzeug"
        else []
    )
    env = dict(os.environ)
    env.update(
        PYTHONPATH=os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH")])),
        PYTHONDONTWRITEBYTECODE="1",
        WRAPPERS_UPSTREAM_TWIN=twin,
        WRAPPERS_UPSTREAM_SUITE=suite,
        WRAPPERS_UPSTREAM_EXCLUSIONS=str(EXCLUSIONS),
        WRAPPERS_UPSTREAM_SCOPE=json.dumps(scope),
        WRAPPERS_UPSTREAM_REPORT=str(report_path),
        WRAPPERS_UPSTREAM_PARTIAL="1" if extra else "",
    )
    files = werkzeug_files(tree) if suite == "werkzeug" else ["tests"]
    command = [
        sys.executable, "-m", "pytest", "-p", "upstream_plugin", "-p", "no:cacheprovider",
        "-p", "no:randomly", "-c", str(tree / "pyproject.toml"), "--rootdir", str(tree),
        "-q", "-rfEX", "--tb=short", *extra, *files,
    ]  # fmt: skip
    print(f"\n---- {suite} suite, {twin} twin: {' '.join(command[1:])}", flush=True)
    start = time.monotonic()
    returncode = subprocess.run(command, cwd=tree, env=env).returncode
    seconds = time.monotonic() - start
    report = json.loads(report_path.read_text()) if report_path.exists() else {}
    patched = report.get("patched", {})
    if patched:
        names = sum(map(len, patched.values()))
        print(f"upstream: the twin served {names} names of {len(patched)} Werkzeug modules")
    return Result(suite, twin, returncode, seconds, report)


def summarise(results: list[Result]) -> bool:
    """Print the counts; return whether everything passed."""
    ok = True
    print("\n==== upstream suites: counts per suite and twin")
    header = (
        f"{'suite':9} {'twin':9} {'collected':>9} {'not built':>9} {'run':>5} "
        f"{'passed':>6} {'failed':>6} {'errors':>6} {'excluded':>8} {'stale':>5} "
        f"{'skipped':>7} {'time':>6}"
    )
    print(header)
    problems: list[str] = []

    for r in results:
        outcomes = r.report.get("outcomes", {})
        count = {k: len(v) for k, v in outcomes.items()}
        deselected = sum(r.report.get("deselected", {}).values())
        collected = r.report.get("collected", 0)
        print(
            f"{r.suite:9} {r.twin:9} {collected:>9} {deselected:>9} "
            f"{r.report.get('run', 0):>5} {count.get('passed', 0):>6} "
            f"{count.get('failed', 0):>6} {count.get('error', 0):>6} "
            f"{count.get('xfailed', 0):>8} {count.get('xpassed', 0):>5} "
            f"{count.get('skipped', 0):>7} {r.seconds:>5.1f}s"
        )
        label = f"{r.suite}/{r.twin}"
        if not r.report:
            problems.append(f"{label}: pytest exited {r.returncode} before reporting")
            continue
        for kind in ("failed", "error"):
            problems += [f"{label}: {kind}: {node}" for node in outcomes.get(kind, [])]
        problems += [
            f"{label}: stale exclusion (the test passes now): {node}"
            for node in outcomes.get("xpassed", [])
        ]
        problems += [f"{label}: {p}" for p in r.report.get("problems", [])]
        if r.returncode not in (0,) and not problems:
            problems.append(f"{label}: pytest exited {r.returncode}")

    _print_selection(results)

    if problems:
        ok = False
        print("\nupstream: FAILED:\n  " + "\n  ".join(problems))

    return ok


def _print_selection(results: list[Result]) -> None:
    """What was left out, and why: the scope rules (with how many tests each
    deselected) and the exclusions (with the tests each covered)."""
    reasons = {p: reason for reason, patterns in SCOPE for p in patterns}
    per_reason: dict[tuple[str, str], dict[str, int]] = {}
    excluded: dict[tuple[str, str], set[str]] = {}

    for r in results:
        for pattern, hits in r.report.get("deselected", {}).items():
            if not hits:
                continue
            key = (r.suite, reasons.get(pattern, pattern))
            per_reason.setdefault(key, {})[r.twin] = (
                per_reason.setdefault(key, {}).get(r.twin, 0) + hits
            )
        for test_id, nodes in r.report.get("excluded", {}).items():
            if not nodes:
                continue
            excluded.setdefault((r.suite, test_id), set()).add(r.twin)

    if per_reason:
        print("\nnot built here, deselected (tests per twin):")
        for (suite, reason), hits in per_reason.items():
            counts = ", ".join(f"{twin} {n}" for twin, n in hits.items())
            print(f"  {suite}: {reason} [{counts}]")
    if excluded:
        print(f"\nexcluded ({EXCLUSIONS.relative_to(ROOT)} gives the reasons):")
        for (suite, test_id), twins in excluded.items():
            print(f"  {suite}: {test_id} [{', '.join(sorted(twins))}]")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="ci/upstream.py",
        description="Run Werkzeug's and Flask's test suites against the installed twins.",
        epilog="Arguments after -- go to pytest.",
    )
    parser.add_argument("--twin", choices=(*TWINS, "both"), default="both")
    parser.add_argument("--suite", choices=(*SUITES, "all"), default="all")
    parser.add_argument(
        "--cache", type=Path, default=ROOT / "build" / "upstream",
        help="where the sdists are kept (default: build/upstream/)",
    )  # fmt: skip
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary folder (its path is printed)"
    )
    args, extra = parser.parse_known_args(argv)
    if extra and extra[0] == "--":
        extra = extra[1:]
    elif extra:
        parser.error(f"unknown arguments {extra} (pytest arguments go after --)")

    twins = list(TWINS) if args.twin == "both" else [args.twin]
    suites = list(SUITES) if args.suite == "all" else [args.suite]
    start = time.monotonic()

    try:
        for line in check_environment(twins, suites):
            print(f"upstream: {line}")
        archives = {suite: fetch(SDISTS[suite], args.cache) for suite in suites}
        work = Path(tempfile.mkdtemp(prefix="wrappers-upstream-"))
        try:
            trees = {suite: unpack(archives[suite], work) for suite in suites}
            results = [
                run_suite(suite, twin, trees[suite], extra, work)
                for suite in suites
                for twin in twins
            ]
        finally:
            if args.keep:
                print(f"upstream: kept {work}")
            else:
                shutil.rmtree(work, ignore_errors=True)
    except Fail as exc:
        print(f"upstream: FAILED: {exc}", file=sys.stderr)
        return 1

    ok = summarise(results)
    print(
        f"upstream: {'all passed' if ok else 'FAILED'} "
        f"({time.monotonic() - start:.1f}s in all)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
