"""The flavour class itself, on both twins: Flask 3.1's ``flask.Response``
settings, nothing inherited from Werkzeug's code, ``max_cookie_size`` read
through the property, JSON through Flask's provider, Werkzeug's ``abort``,
pickling, and the import rules (Flask stays optional)."""

from __future__ import annotations

import copy
import pickle
import types
import typing as t
import warnings

import flask
import flask.json.provider
import pytest
import werkzeug.exceptions
import werkzeug.sansio.response
import werkzeug.wrappers

WS = werkzeug.sansio.response.Response
WR = werkzeug.wrappers.Response

#: Names of Werkzeug's WSGI Response that ours does not have: its private
#: range hooks (README, "Other differences": a subclass overriding them is not
#: called). Werkzeug's WSGI class is not a base of the flavour, so they are not
#: inherited either.
ABSENT = {"_is_range_request_processable", "_process_range_request", "_wrap_range_response"}

OUR_PACKAGES = ("wrappers", "wrappers_pure", "_wrappers_tests_flask_subclasses")


def defining_class(cls: type, name: str) -> type | None:
    """The class of ``cls.__mro__`` whose ``__dict__`` holds ``name``."""
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return klass
    return None


# --- the settings -------------------------------------------------------------------


def test_settings_are_flasks(Flavour: type, twin: types.ModuleType) -> None:  # noqa: N803
    r = Flavour("x")
    ref = flask.Response("x")
    assert Flavour.default_mimetype == flask.Response.default_mimetype == "text/html"
    assert Flavour.json_module is flask.Response.json_module is flask.json
    assert Flavour.autocorrect_location_header is False
    assert r.autocorrect_location_header is ref.autocorrect_location_header
    assert r.max_cookie_size == ref.max_cookie_size == 4093
    assert r.headers["Content-Type"] == ref.headers["Content-Type"]
    assert isinstance(r, twin.Response)
    home = defining_class(Flavour, "max_cookie_size")
    assert home is not None and isinstance(home.__dict__["max_cookie_size"], property)


def test_max_cookie_size_reads_the_current_app(Flavour: type) -> None:  # noqa: N803
    app = flask.Flask(__name__)
    app.config["MAX_COOKIE_SIZE"] = 123
    r = Flavour()
    ref = flask.Response()
    with app.app_context():
        assert r.max_cookie_size == ref.max_cookie_size == 123
        app.config["MAX_COOKIE_SIZE"] = 0
        assert r.max_cookie_size == ref.max_cookie_size == 0
    assert r.max_cookie_size == 4093
    with pytest.raises(AttributeError):
        r.max_cookie_size = 1


def test_max_cookie_size_outside_an_app_follows_the_base(
    Flavour: type, twin: types.ModuleType  # noqa: N803
) -> None:
    """As Flask's ``super().max_cookie_size``: a subclass that sets a plain
    value before the flavour in its MRO is seen outside an app."""

    class Small:
        max_cookie_size = 7

    mixed = type("Mixed", (Flavour, Small), {})
    flask_mixed = type("Mixed", (flask.Response, Small), {})
    assert mixed().max_cookie_size == flask_mixed().max_cookie_size == 4093
    base = type("Base", (twin.Response,), {"max_cookie_size": 9})
    flask_base = type("Base", (WR,), {"max_cookie_size": 9})
    sub = type("Sub", (Flavour, base), {})
    flask_sub = type("Sub", (flask.Response, flask_base), {})
    assert sub().max_cookie_size == flask_sub().max_cookie_size == 9


def test_set_cookie_reads_max_cookie_size_through_the_property(
    Flavour: type,  # noqa: N803
) -> None:
    """The compiled set_cookie looks ``max_cookie_size`` up as an attribute:
    the flavour's property, and a subclass's override of it, are called."""
    calls: list[int] = []

    class Counting(Flavour):  # type: ignore[misc,valid-type]
        @property
        def max_cookie_size(self) -> int:  # type: ignore[override]
            calls.append(1)
            return 10

    r = Counting()
    with pytest.warns(UserWarning, match="too large"):
        r.set_cookie("k", "v" * 20)
    assert calls == [1]

    app = flask.Flask(__name__)
    app.config["MAX_COOKIE_SIZE"] = 10
    plain = Flavour()
    with app.app_context():
        with pytest.warns(UserWarning, match="too large"):
            plain.set_cookie("k", "v" * 20)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plain.set_cookie("k", "v" * 20)
    assert len(plain.headers.getlist("Set-Cookie")) == 2


# --- nothing comes from Werkzeug's classes ---------------------------------------


def test_every_attribute_resolves_to_our_classes(Flavour: type) -> None:  # noqa: N803
    """Werkzeug's sansio Response is a base (for ``isinstance``), last: every
    name of Werkzeug's sansio and WSGI Response that the flavour has comes
    from a class of ours (or ``object``), none from Werkzeug's code."""
    assert Flavour.__mro__[-2:] == (WS, object)
    from_werkzeug = {}
    missing = set()
    # NOTE: copyreg caches ``__slotnames__`` on a class once one of its instances
    # is copied or pickled: Werkzeug's classes have it after other tests did so.
    for name in sorted((set(dir(WS)) | set(dir(WR))) - {"__slotnames__"}):
        home = defining_class(Flavour, name)
        if home is None:
            missing.add(name)
        elif home is not object and not home.__module__.startswith(OUR_PACKAGES):
            from_werkzeug[name] = f"{home.__module__}.{home.__qualname__}"
    assert from_werkzeug == {}
    assert missing == ABSENT
    # Every name Werkzeug's sansio class defines itself is defined by ours.
    for name in WS.__dict__:
        home = defining_class(Flavour, name)
        assert home is not None and home.__module__.startswith(OUR_PACKAGES), name


def test_mro_puts_werkzeug_last_and_layout_holds(
    Flavour: type, twin: types.ModuleType  # noqa: N803
) -> None:
    mro = Flavour.__mro__
    assert mro.index(twin.Response) < mro.index(WS)
    assert all(not c.__module__.startswith("werkzeug") for c in mro[: mro.index(WS)])
    r = Flavour("x")
    r.extra = 1
    assert r.__dict__["extra"] == 1
    assert isinstance(r, WS) and not isinstance(r, WR)
    assert issubclass(Flavour, WS)


def test_clean_status_is_ours_and_like_werkzeugs(Flavour: type) -> None:  # noqa: N803
    ours, ref = Flavour(), WR()
    for value in (200, 404, 299, "201", "299 Custom", " 404 Not here ", "teapot"):
        assert ours._clean_status(value) == ref._clean_status(value), value
    for bad in ("", "  "):
        with pytest.raises(ValueError):
            ours._clean_status(bad)
        with pytest.raises(ValueError):
            ref._clean_status(bad)


# --- JSON ----------------------------------------------------------------------


class MarkingProvider(flask.json.provider.DefaultJSONProvider):
    def loads(self, s: str | bytes, **kwargs: t.Any) -> t.Any:
        rv = super().loads(s, **kwargs)
        return {"provider": True, **rv} if isinstance(rv, dict) else rv


def test_get_json_uses_the_apps_provider(Flavour: type) -> None:  # noqa: N803
    app = flask.Flask(__name__)
    app.json = MarkingProvider(app)
    body = '{"a": 1}'
    ours = Flavour(body, mimetype="application/json")
    ref = flask.Response(body, mimetype="application/json")
    with app.app_context():
        assert ours.get_json() == ref.get_json() == {"provider": True, "a": 1}
        assert ours.json == ref.json == {"provider": True, "a": 1}
        assert Flavour("[1]").get_json(force=True) == [1]
        assert Flavour("nope").get_json(force=True, silent=True) is None
    assert ours.get_json() == ref.get_json() == {"a": 1}
    with pytest.raises(ValueError):
        Flavour("{", mimetype="application/json").get_json()
    assert Flavour(body).get_json() is None  # text/html: not JSON


# --- abort ------------------------------------------------------------------------


@pytest.mark.parametrize("abort", [flask.abort, werkzeug.exceptions.abort])
def test_abort_with_our_response_outside_an_app(
    Flavour: type, abort: t.Callable[..., t.NoReturn]  # noqa: N803
) -> None:
    r = Flavour("gone", 410)
    with pytest.raises(werkzeug.exceptions.HTTPException) as info:
        abort(r)
    assert info.value.response is r
    assert info.value.get_response() is r
    with pytest.raises(LookupError):  # a code Werkzeug does not know
        abort(799)


# --- pickles and copies -------------------------------------------------------------


def test_pickle_round_trip(Flavour: type) -> None:  # noqa: N803
    r = Flavour("body", 201, {"X-A": "1"})
    r.set_cookie("k", "v")
    r.note = "kept"
    pickle.dumps(flask.Response("body"))  # Flask's own class pickles too
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(r, protocol))
        assert type(back) is Flavour
        assert (back.status, list(back.headers.items()), back.get_data()) == (
            r.status,
            list(r.headers.items()),
            r.get_data(),
        )
        assert back.note == "kept"
    for clone in (copy.copy(r), copy.deepcopy(r)):
        assert type(clone) is Flavour
        assert clone.get_data() == b"body"


def test_compiled_flavour_pickle_names_the_public_class(
    compiled_twin: types.ModuleType,
    run_python: t.Callable[..., t.Any],
) -> None:
    """A pickle of the compiled flavour names ``new_public("flask.Response")``,
    never ``wrappers._flask``; it loads in a fresh interpreter, into the pure
    flavour when the shim picks the pure twin."""
    import wrappers.flask

    data = pickle.dumps(wrappers.flask.Response("body", 202))
    assert b"wrappers._flask" not in data
    assert b"new_public" in data
    code = (
        "import pickle, sys\n"
        f"r = pickle.loads({data!r})\n"
        "print(type(r).__module__, r.status, r.get_data())\n"
    )
    compiled = run_python(code).stdout.split()
    pure = run_python(code, env={"WRAPPERS_NO_EXTENSIONS": "1"}).stdout.split()
    assert compiled == ["wrappers._flask", "202", "ACCEPTED", "b'body'"]
    assert pure == ["wrappers_pure.flask", "202", "ACCEPTED", "b'body'"]


def test_twins_pickle_the_same_state(
    compiled_twin: types.ModuleType, pure_twin: types.ModuleType
) -> None:
    import wrappers.flask
    import wrappers_pure.flask

    compiled = wrappers.flask.Response("b", 203, {"X-A": "1"})
    pure = wrappers_pure.flask.Response("b", 203, {"X-A": "1"})
    assert compiled.__reduce_ex__(4)[2] == pure.__reduce_ex__(4)[2]
    # The pure flavour's pickle names wrappers_pure.flask.Response: it loads
    # on every install.
    assert type(pickle.loads(pickle.dumps(pure))) is wrappers_pure.flask.Response


# --- imports: Flask stays optional --------------------------------------------------

IMPORTS_NO_FLASK = """
import sys
import wrappers, wrappers_pure
import wrappers.response, wrappers.sansio.response, wrappers.exceptions
import wrappers_pure.response, wrappers_pure.sansio.response
import wrappers._shim
leaked = sorted(m for m in sys.modules if m.split(".")[0] in ("flask", "werkzeug"))
print(wrappers.COMPILED, leaked)
"""


@pytest.mark.parametrize("no_extensions", ["", "1"])
def test_import_wrappers_does_not_import_flask(
    run_python: t.Callable[..., t.Any], no_extensions: str
) -> None:
    out = run_python(IMPORTS_NO_FLASK, env={"WRAPPERS_NO_EXTENSIONS": no_extensions})
    assert out.stdout.split(" ", 1)[1].strip() == "[]"


FLASK_MISSING = """
import sys
sys.modules["flask"] = None
import wrappers
for name in ("wrappers.flask", "wrappers_pure.flask"):
    try:
        __import__(name)
    except ImportError as exc:
        print(name, type(exc).__name__, "|", exc)
    else:
        print(name, "IMPORTED")
print("still", wrappers.Response("x").status)
"""


@pytest.mark.parametrize("no_extensions", ["", "1"])
def test_flavour_without_flask_says_how_to_get_it(
    run_python: t.Callable[..., t.Any], no_extensions: str
) -> None:
    lines = run_python(FLASK_MISSING, env={"WRAPPERS_NO_EXTENSIONS": no_extensions}).stdout
    lines = lines.splitlines()
    assert len(lines) == 3, lines
    for line, name in zip(lines, ("wrappers.flask", "wrappers_pure.flask")):
        assert line.startswith(f"{name} ImportError | ")
        assert "pip install cywrappers[flask]" in line
    assert lines[2] == "still 200 OK"
