"""Write ``pickles-0.1.0.json``: real pickles made by wrappers 0.1.0.

``tests/package/test_legacy_pickles.py`` loads every pickle in that file with
the code under test and checks that it gives the object 0.1.0 pickled. 0.1.0
is the release at commit 76d785637172e4fda32ac368328015ffac969322; its modules
had other paths (``wrappers_pure._structures``, ``wrappers_pure._values``,
``wrappers_pure.headers``), which its pickles name.

What it makes: for each twin (``compiled``: :mod:`wrappers` with the compiled
modules; ``pure``: :mod:`wrappers_pure`), a few meaningful states of every
picklable public kind (each class of ``datastructures.__all__``, the ``COEP``
and ``COOP`` enums, the exceptions, ``Response`` and ``ResponseStream``), each
class and function of those modules by reference, and the ``_missing``
sentinels, each pickled with protocols 0, 2, 4 (the default) and 5. An entry
is one object: its key (``twin-Name.state``), the public path of its class
below the twin's package, the modules its pickles import, :func:`describe` of
it (its state as plain JSON data; the test has its own copy of
:func:`describe` and compares), and ``pickles``: protocol -> the pickle in
base64. A compiled-twin entry whose pickles are byte for byte the pure twin's
(the classes both twins share) holds ``same_as``, that pure entry's key,
instead, to keep the file small.

Rerun it only with 0.1.0 installed (it refuses anything else), from any
directory; the output does not depend on the clock or on hash randomization
(it runs itself again with ``PYTHONHASHSEED=0``)::

    git worktree add /tmp/base 76d7856
    python3.11 -m venv /tmp/base-venv
    /tmp/base-venv/bin/pip install /tmp/base werkzeug==3.1.9
    /tmp/base-venv/bin/python tests/package/data/make_legacy_pickles.py

Standard library and the installed 0.1.0 only (Werkzeug for the one
exception class that derives from Werkzeug's).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import pickle
import pickletools
import sys
import types
import typing as t
from pathlib import Path

COMMIT = "76d785637172e4fda32ac368328015ffac969322"
VERSION = "0.1.0"
PROTOCOLS = (0, 2, pickle.DEFAULT_PROTOCOL, 5)
OUTPUT = Path(__file__).resolve().parent / f"pickles-{VERSION}.json"
HASH_SEED = "0"

# The state descriptions, shared with the test (this folder is sys.path[0]).
from legacy_state import describe  # noqa: E402


# --- what a pickle imports ---------------------------------------------------------


def imported_globals(data: bytes) -> list[list[str]]:
    """The ``[module, name]`` pairs the pickle ``data`` imports when it loads."""
    found = set()
    memo: dict[int, t.Any] = {}
    pushed: list[t.Any] = []

    for opcode, arg, _ in pickletools.genops(data):
        name = opcode.name
        if name == "GLOBAL":
            module, _, attr = arg.partition(" ")
            found.add((module, attr))
            pushed.append(None)
        elif name == "STACK_GLOBAL":
            found.add((pushed[-2], pushed[-1]))
            pushed.append(None)
        elif name == "MEMOIZE":
            memo[len(memo)] = pushed[-1]
        elif name in ("PUT", "BINPUT", "LONG_BINPUT"):
            memo[arg] = pushed[-1]
        elif name in ("GET", "BINGET", "LONG_BINGET"):
            pushed.append(memo[arg])
        elif name in ("PROTO", "FRAME"):
            pass
        else:
            pushed.append(arg if isinstance(arg, str) else None)

    return sorted([list(pair) for pair in found])


# --- the objects ---------------------------------------------------------------------

#: (name, state, public path below the twin's package, kind, make(twin)):
#: kind is "instance", "class" (pickled by reference), "member" (of an enum)
#: or "sentinel".
Spec = tuple[str, str, str, str, t.Callable[[types.ModuleType], t.Any]]

EXPIRES = dt.datetime(2030, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
HEADER_ITEMS = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Set-Cookie", "a=1"),
    ("set-cookie", "b=2"),
    ("X-Uni", "\u00fc\u2603"),
    ("X-Empty", ""),
]


def _ds(twin: types.ModuleType, name: str) -> t.Any:
    return getattr(twin.datastructures, name)


def _headers_with_attr(twin: types.ModuleType) -> t.Any:
    h = twin.Headers(HEADER_ITEMS)
    h.note = {"k": [1, "two"]}
    return h


def _response_cookie(twin: types.ModuleType) -> t.Any:
    r = twin.Response(
        b"hello", status=201, headers=[("X-A", "1")], mimetype="text/plain"
    )
    r.set_cookie(
        "sid", "abc", max_age=60, expires=EXPIRES, httponly=True, samesite="Lax"
    )
    return r


def _response_passthrough(twin: types.ModuleType) -> t.Any:
    r = twin.Response("caf\u00e9", status="299 CUSTOM", direct_passthrough=True)
    r.note = ("extra", 1)
    return r


def _response_streamed(twin: types.ModuleType) -> t.Any:
    r = twin.Response(mimetype="application/octet-stream")
    r.stream.write(b"ab")
    r.stream.writelines([b"\x00\xff", b"c"])
    return r


def _cache_control(twin: types.ModuleType) -> t.Any:
    cc = _ds(twin, "ResponseCacheControl")()
    cc.max_age = 60
    cc.public = True
    cc.no_cache = True
    cc.s_maxage = 3600
    return cc


def _csp(twin: types.ModuleType) -> t.Any:
    csp = _ds(twin, "ContentSecurityPolicy")()
    csp.default_src = "'self'"
    csp.img_src = "* data:"
    csp.report_uri = "/csp"
    return csp


def _key_error_shown(twin: types.ModuleType) -> t.Any:
    exc = twin.exceptions.BadRequestKeyError("missing")
    exc.show_exception = True
    return exc


def _werkzeug_aware(twin: types.ModuleType) -> t.Any:
    import werkzeug.exceptions  # noqa: F401 (werkzeug_aware makes the class while it is loaded)

    from wrappers_pure.exceptions import werkzeug_aware

    return werkzeug_aware(twin.exceptions.RequestedRangeNotSatisfiable)(length=10)


def _member_specs(enum_name: str, members: t.Iterable[str]) -> list[Spec]:
    def member(name: str) -> t.Callable[[types.ModuleType], t.Any]:
        return lambda w: getattr(getattr(w.http, enum_name), name)

    return [
        (enum_name, name, "http." + enum_name, "member", member(name))
        for name in members
    ]


def instance_specs() -> list[Spec]:
    """The objects both twins pickle (each made with the twin's own classes)."""
    ds = "datastructures."
    return [
        (
            "MultiDict",
            "repeated",
            ds + "MultiDict",
            "instance",
            lambda w: _ds(w, "MultiDict")([("a", "1"), ("b", "2"), ("a", "3")]),
        ),
        (
            "MultiDict",
            "values",
            ds + "MultiDict",
            "instance",
            lambda w: _ds(w, "MultiDict")({"n": [1, 2, 3], "x": [None], "s": "one"}),
        ),
        (
            "ImmutableMultiDict",
            "repeated",
            ds + "ImmutableMultiDict",
            "instance",
            lambda w: _ds(w, "ImmutableMultiDict")(
                [("a", "1"), ("b", "2"), ("a", "3")]
            ),
        ),
        (
            "TypeConversionDict",
            "items",
            ds + "TypeConversionDict",
            "instance",
            lambda w: _ds(w, "TypeConversionDict")({"n": "42", "s": "x"}),
        ),
        (
            "CallbackDict",
            "items",
            ds + "CallbackDict",
            "instance",
            lambda w: _ds(w, "CallbackDict")({"a": 1, "b": [1, 2]}),
        ),
        (
            "HeaderSet",
            "items",
            ds + "HeaderSet",
            "instance",
            lambda w: _ds(w, "HeaderSet")(["gzip", "Deflate", "br"]),
        ),
        (
            "Headers",
            "items",
            ds + "Headers",
            "instance",
            lambda w: _ds(w, "Headers")(HEADER_ITEMS),
        ),
        ("Headers", "attr", ds + "Headers", "instance", _headers_with_attr),
        (
            "ETags",
            "strong",
            ds + "ETags",
            "instance",
            lambda w: _ds(w, "ETags")(["a", "b"]),
        ),
        (
            "ETags",
            "weak",
            ds + "ETags",
            "instance",
            lambda w: _ds(w, "ETags")(["s"], ["w1", "w2"]),
        ),
        (
            "ETags",
            "star",
            ds + "ETags",
            "instance",
            lambda w: _ds(w, "ETags")(star_tag=True),
        ),
        (
            "Range",
            "two",
            ds + "Range",
            "instance",
            lambda w: _ds(w, "Range")("bytes", [(0, 100), (200, None)]),
        ),
        (
            "Range",
            "suffix",
            ds + "Range",
            "instance",
            lambda w: _ds(w, "Range")("bytes", [(-500, None)]),
        ),
        (
            "ContentRange",
            "span",
            ds + "ContentRange",
            "instance",
            lambda w: _ds(w, "ContentRange")("bytes", 0, 100, 1000),
        ),
        (
            "ContentRange",
            "unsatisfied",
            ds + "ContentRange",
            "instance",
            lambda w: _ds(w, "ContentRange")("bytes", None, None, 1000),
        ),
        (
            "IfRange",
            "etag",
            ds + "IfRange",
            "instance",
            lambda w: _ds(w, "IfRange")(etag="abc"),
        ),
        (
            "IfRange",
            "date",
            ds + "IfRange",
            "instance",
            lambda w: _ds(w, "IfRange")(date=EXPIRES),
        ),
        (
            "ResponseCacheControl",
            "directives",
            ds + "ResponseCacheControl",
            "instance",
            _cache_control,
        ),
        (
            "RequestCacheControl",
            "directives",
            ds + "RequestCacheControl",
            "instance",
            lambda w: _ds(w, "RequestCacheControl")(
                [("max-age", "0"), ("no-cache", None), ("only-if-cached", None)]
            ),
        ),
        (
            "ContentSecurityPolicy",
            "directives",
            ds + "ContentSecurityPolicy",
            "instance",
            _csp,
        ),
        (
            "WWWAuthenticate",
            "basic",
            ds + "WWWAuthenticate",
            "instance",
            lambda w: _ds(w, "WWWAuthenticate")("Basic", {"realm": "site"}),
        ),
        (
            "WWWAuthenticate",
            "digest",
            ds + "WWWAuthenticate",
            "instance",
            lambda w: _ds(w, "WWWAuthenticate")(
                "digest", {"realm": "r", "nonce": "n1", "qop": "auth"}
            ),
        ),
        (
            "WWWAuthenticate",
            "token",
            ds + "WWWAuthenticate",
            "instance",
            lambda w: _ds(w, "WWWAuthenticate")("bearer", None, "tok123"),
        ),
        *_member_specs("COEP", ("UNSAFE_NONE", "REQUIRE_CORP")),
        *_member_specs(
            "COOP", ("UNSAFE_NONE", "SAME_ORIGIN_ALLOW_POPUPS", "SAME_ORIGIN")
        ),
        (
            "HTTPException",
            "description",
            "exceptions.HTTPException",
            "instance",
            lambda w: w.exceptions.HTTPException("custom text"),
        ),
        (
            "BadRequest",
            "default",
            "exceptions.BadRequest",
            "instance",
            lambda w: w.exceptions.BadRequest(),
        ),
        (
            "BadRequest",
            "description",
            "exceptions.BadRequest",
            "instance",
            lambda w: w.exceptions.BadRequest("bad <thing>\nline two"),
        ),
        (
            "BadRequestKeyError",
            "key",
            "exceptions.BadRequestKeyError",
            "instance",
            lambda w: w.exceptions.BadRequestKeyError("missing"),
        ),
        (
            "BadRequestKeyError",
            "shown",
            "exceptions.BadRequestKeyError",
            "instance",
            _key_error_shown,
        ),
        (
            "RequestedRangeNotSatisfiable",
            "length",
            "exceptions.RequestedRangeNotSatisfiable",
            "instance",
            lambda w: w.exceptions.RequestedRangeNotSatisfiable(1000, "bytes", "nope"),
        ),
        (
            "RequestedRangeNotSatisfiable",
            "response",
            "exceptions.RequestedRangeNotSatisfiable",
            "instance",
            lambda w: w.exceptions.RequestedRangeNotSatisfiable(
                response=w.Response(b"range", 416, [("Content-Range", "bytes */9")])
            ),
        ),
        ("Response", "cookie", "Response", "instance", _response_cookie),
        ("Response", "passthrough", "Response", "instance", _response_passthrough),
        ("Response", "streamed", "Response", "instance", _response_streamed),
        (
            "ResponseStream",
            "written",
            "ResponseStream",
            "instance",
            lambda w: _response_streamed(w).stream,
        ),
    ]


def pure_only_specs() -> list[Spec]:
    """Objects only :mod:`wrappers_pure` holds (both twins share them)."""
    return [
        (
            "_WerkzeugAwareRequestedRangeNotSatisfiable",
            "length",
            "exceptions._WerkzeugAwareRequestedRangeNotSatisfiable",
            "instance",
            _werkzeug_aware,
        ),
        (
            "_missing",
            "structures",
            "_structures._missing",
            "sentinel",
            lambda w: sys.modules["wrappers_pure._structures"]._missing,
        ),
        (
            "_missing",
            "headers",
            "headers._missing",
            "sentinel",
            lambda w: sys.modules["wrappers_pure.headers"]._missing,
        ),
    ]


def reference_specs(twin: types.ModuleType) -> list[Spec]:
    """Every class and function of the public modules, pickled by reference."""
    specs: list[Spec] = []

    def ref(path: str) -> Spec:
        name = path.rpartition(".")[2]

        def make(w: types.ModuleType) -> t.Any:
            obj = w
            for part in path.split("."):
                obj = getattr(obj, part)
            return obj

        return (name, "ref", path, "class", make)

    for name in twin.datastructures.__all__:
        specs.append(ref("datastructures." + name))
    for name in twin.exceptions.__all__:
        specs.append(ref("exceptions." + name))
    # (the top-level Headers is datastructures.Headers: the same pickle)
    specs += [
        ref("http.COEP"),
        ref("http.COOP"),
        ref("Response"),
        ref("ResponseStream"),
    ]
    return specs


# --- the file -------------------------------------------------------------------------


def _check_installation() -> tuple[types.ModuleType, types.ModuleType]:
    import wrappers
    import wrappers_pure

    old_module = sys.modules.get("wrappers_pure._structures")
    if old_module is None:
        import wrappers_pure._structures as old_module

    problems = []
    if wrappers.__version__ != VERSION:
        problems.append(f"wrappers.__version__ is {wrappers.__version__!r}")
    if getattr(old_module, "__file__", None) is None:
        problems.append(
            "wrappers_pure._structures is not a real module (a later version)"
        )
    if wrappers.COMPILED is not True:
        problems.append(f"the compiled twin is off ({wrappers._REASON})")
    if problems:
        sys.exit(
            f"{__file__} needs wrappers {VERSION} (commit {COMMIT}): "
            + "; ".join(problems)
        )
    return wrappers, wrappers_pure


def make_objects() -> list[dict[str, t.Any]]:
    """One entry per pickled object: its pickles by protocol, or, for a
    compiled-twin object whose pickles are byte for byte the pure twin's (a
    class both twins share), ``same_as``: that pure entry's key."""
    wrappers, wrappers_pure = _check_installation()
    objects: dict[str, dict[str, t.Any]] = {}

    for twin_id, twin in (("pure", wrappers_pure), ("compiled", wrappers)):
        specs = instance_specs() + reference_specs(twin)
        if twin_id == "pure":
            specs += pure_only_specs()

        for name, state, public, kind, make in specs:
            key = f"{twin_id}-{name}.{state}"
            assert key not in objects, f"duplicate key {key}"
            pickles = {}
            modules: set[str] = set()

            for protocol in PROTOCOLS:
                data = pickle.dumps(make(twin), protocol)
                pickles[str(protocol)] = base64.b64encode(data).decode("ascii")
                modules.update(module for module, _ in imported_globals(data))

            entry = {
                "key": key,
                "twin": twin_id,
                "name": name,
                "state": state,
                "public": public,
                "kind": kind,
                "modules": sorted(modules),
                "describe": describe(make(twin)),
            }
            twin_of_pure = objects.get(f"pure-{name}.{state}")
            if (
                twin_id == "compiled"
                and twin_of_pure
                and twin_of_pure["pickles"] == pickles
            ):
                entry["same_as"] = twin_of_pure["key"]
            else:
                entry["pickles"] = pickles
            objects[key] = entry

    return [objects[key] for key in sorted(objects)]


def main() -> None:
    if os.environ.get("PYTHONHASHSEED") != HASH_SEED:
        # Sets (HeaderSet, ETags) pickle in hash order: fix it.
        env = dict(os.environ, PYTHONHASHSEED=HASH_SEED)
        os.execve(sys.executable, [sys.executable, os.path.abspath(__file__)], env)

    entries = make_objects()
    import wrappers
    import wrappers_pure.datastructures

    document = {
        "about": "pickles made by wrappers 0.1.0; see make_legacy_pickles.py",
        "commit": COMMIT,
        "version": wrappers.__version__,
        "python": ".".join(map(str, sys.version_info[:3])),
        "protocols": list(PROTOCOLS),
        "default_protocol": pickle.DEFAULT_PROTOCOL,
        "compiled_modules": list(wrappers.COMPILED_MODULES),
        "datastructures_all": {
            "wrappers": sorted(wrappers.datastructures.__all__),
            "wrappers_pure": sorted(wrappers_pure.datastructures.__all__),
        },
        "entries": entries,
    }
    # One entry a line: small, and a regenerated file diffs line by line.
    lines = [json.dumps(e, sort_keys=True, ensure_ascii=True) for e in entries]
    head = json.dumps(
        {k: v for k, v in document.items() if k != "entries"},
        sort_keys=True,
        indent=1,
        ensure_ascii=True,
    )
    text = head[:-2] + ',\n "entries": [\n' + ",\n".join(lines) + "\n ]\n}\n"
    assert json.loads(text) == document
    OUTPUT.write_text(text, encoding="ascii")
    print(f"wrote {len(entries)} objects to {OUTPUT} ({len(text)} bytes)")


if __name__ == "__main__":
    main()
