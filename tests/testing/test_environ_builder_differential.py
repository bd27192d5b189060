"""Differential tests: ``twin.test`` against ``werkzeug.test``.

The same random arguments (paths with non-ASCII characters, ``%`` escapes and
``?``; query strings as str, dict and MultiDict; headers with repeats;
``data`` as str, bytes, a file, or a dict with lists and files; ``json``;
``base_url`` with schemes, ports and script roots; content types and
mimetypes; Basic credentials; environ bases and overrides) go to our
``EnvironBuilder`` and to Werkzeug's, each given its own data structures and
fresh streams. ``get_environ()`` must match key by key: ``wsgi.input`` by its
bytes, ``wsgi.errors`` by type, a multipart body after its random boundary is
replaced by one placeholder (and its ``CONTENT_LENGTH`` is its own length). The
builders' properties, exceptions included, must match too.
"""

from __future__ import annotations

import io
import re
import types
import typing as t

import pytest
import werkzeug.datastructures
import werkzeug.test
from hypothesis import example, given, settings
from hypothesis import strategies as st

from support import exc_kind, normalise

WT = werkzeug.test

#: Sizes this file's runs; the rest comes from conftest's hypothesis profile.
SETTINGS = settings(max_examples=150)

_BOUNDARY_RE = re.compile(r'boundary="([^"]+)"')

# --- the arguments, as plain data ------------------------------------------------

PATH_CHARS = st.sampled_from(list("/abz09-_.~%25é☃ +&=;:@!$'()*,?#") + ["%2F", "%41", "%zz", "%"])
paths = st.lists(PATH_CHARS, max_size=12).map(lambda parts: "/" + "".join(parts))

words = st.text(alphabet=st.sampled_from(list("ab Zé☃&=+%/?#;")), max_size=6)
pairs = st.lists(st.tuples(st.sampled_from(["a", "b", "é", "x y"]), words), max_size=4)

query_specs = st.one_of(
    st.none(),
    st.tuples(st.just("str"), words),
    st.tuples(st.just("dict"), st.dictionaries(st.sampled_from(["a", "b", "é"]), words, max_size=3)),
    st.tuples(st.just("multidict"), pairs),
)

_built_urls = st.builds(
        lambda scheme, host, port, root: f"{scheme}://{host}{port}{root}",
        st.sampled_from(["http", "https"]),
        st.sampled_from(["localhost", "example.com", "☃.net", "127.0.0.1", "[::1]"]),
        st.sampled_from(["", ":80", ":443", ":8080", ":x"]),
    st.sampled_from(["", "/", "/app", "/app/", "/ap p/é", "/a%20b/"]),
)
base_urls = st.one_of(st.none(), _built_urls)

header_pairs = st.lists(
    st.tuples(
        st.sampled_from(["X-Foo", "x-foo", "Accept", "Cookie", "Content-Type", "Content-Length", "Host"]),
        st.sampled_from(["1", "a, b", "text/plain", "5", "é", ""]),
    ),
    max_size=4,
)

file_specs = st.tuples(
    st.binary(max_size=40),
    st.sampled_from([None, "a.txt", "b.png", "noext", "ü.html", ""]),
    st.sampled_from([None, "text/x-test", "application/octet-stream"]),
    st.sampled_from(["tuple3", "tuple2", "tuple1", "stream"]),
)
single_values = st.one_of(words, st.integers(-5, 5), file_specs)
#: A list is several values in a dict (not in a MultiDict, where it is one).
form_values = st.one_of(single_values, st.lists(st.one_of(words, file_specs), max_size=3))
data_specs = st.one_of(
    st.none(),
    st.tuples(st.just("str"), words),
    st.tuples(st.just("bytes"), st.binary(max_size=30)),
    st.tuples(st.just("file"), st.binary(max_size=30)),
    st.tuples(
        st.just("form"), st.dictionaries(st.sampled_from(["f", "g", "é", "h i"]), form_values, max_size=3)
    ),
    st.tuples(st.just("multidict"), st.lists(st.tuples(st.sampled_from(["f", "g"]), single_values), max_size=3)),
)

specs = st.fixed_dictionaries(
    {
        "path": paths,
        "query": query_specs,
        "base_url": base_urls,
        "method": st.sampled_from(["GET", "POST", "PUT"]),
        "headers": st.one_of(st.none(), header_pairs),
        "headers_kind": st.sampled_from(["list", "Headers"]),
        "data": data_specs,
        "json": st.one_of(st.none(), st.none(), st.none(), st.dictionaries(st.sampled_from(["k", "é"]), st.integers(), max_size=2)),
        "content_type": st.sampled_from([None, "text/plain", "application/json; charset=latin-1"]),
        "content_length": st.sampled_from([None, 3]),
        "mimetype": st.sampled_from([None, "text/html", "application/x-www-form-urlencoded", "multipart/form-data"]),
        "auth": st.one_of(st.none(), st.tuples(st.sampled_from(["user", "é", ""]), st.sampled_from(["pw", "p:w", "☃"]))),
        "environ_base": st.sampled_from([None, {}, {"X_BASE": "1", "REQUEST_METHOD": "BASE"}]),
        "environ_overrides": st.sampled_from([None, {"X_OVER": "2", "SERVER_NAME": "over"}]),
        "flags": st.tuples(st.booleans(), st.booleans(), st.booleans()),
    }
)


class _Impl(t.NamedTuple):
    """What an implementation's arguments are made of."""

    EnvironBuilder: t.Any
    MultiDict: t.Any
    Headers: t.Any


def impls(twin: types.ModuleType) -> tuple[_Impl, _Impl]:
    ours = _Impl(twin.test.EnvironBuilder, twin.datastructures.MultiDict, twin.datastructures.Headers)
    wd = werkzeug.datastructures
    return ours, _Impl(WT.EnvironBuilder, wd.MultiDict, wd.Headers)


def _file(spec: tuple[bytes, str | None, str | None, str]) -> t.Any:
    content, filename, content_type, kind = spec
    stream = io.BytesIO(content)
    if kind == "stream":
        return stream
    if kind == "tuple1":
        return (stream,)
    if kind == "tuple2":
        return (stream, filename)
    return (stream, filename, content_type)


def _value(value: t.Any) -> t.Any:
    if isinstance(value, tuple):
        return _file(value)
    if isinstance(value, list):
        return [_value(v) for v in value]
    return value


def make_kwargs(spec: dict[str, t.Any], impl: _Impl) -> dict[str, t.Any]:
    """The constructor's arguments for one implementation, with fresh streams."""
    kw: dict[str, t.Any] = {
        "path": spec["path"],
        "base_url": spec["base_url"],
        "method": spec["method"],
        "content_type": spec["content_type"],
        "content_length": spec["content_length"],
        "mimetype": spec["mimetype"],
        "auth": spec["auth"],
        "environ_base": spec["environ_base"],
        "environ_overrides": spec["environ_overrides"],
        "multithread": spec["flags"][0],
        "multiprocess": spec["flags"][1],
        "run_once": spec["flags"][2],
        "errors_stream": io.StringIO() if spec["flags"][0] else None,
    }
    if spec["json"] is not None:
        kw["json"] = spec["json"]

    query = spec["query"]
    if query is not None:
        kind, value = query
        kw["query_string"] = impl.MultiDict(value) if kind == "multidict" else value

    if spec["headers"] is not None:
        kw["headers"] = (
            impl.Headers(spec["headers"]) if spec["headers_kind"] == "Headers" else list(spec["headers"])
        )

    data = spec["data"]
    if data is not None:
        kind, value = data
        if kind in ("str", "bytes"):
            kw["data"] = value
        elif kind == "file":
            kw["data"] = io.BytesIO(value)
        elif kind == "form":
            kw["data"] = {k: _value(v) for k, v in value.items()}
        else:
            kw["data"] = impl.MultiDict([(k, _value(v)) for k, v in value])

    return kw


def _run(func: t.Callable[[], t.Any]) -> tuple[t.Any, ...]:
    try:
        return ("ok", func())
    except Exception as exc:
        return ("raise", exc_kind(exc), type(exc).__name__)


def environ_view(environ: dict[str, t.Any]) -> dict[str, t.Any]:
    """An environ as plain values: the input as bytes (a multipart boundary
    replaced), ``wsgi.errors`` as its type."""
    view = dict(environ)
    body = view.pop("wsgi.input").read()
    view["wsgi.errors"] = type(view["wsgi.errors"]).__name__
    match = _BOUNDARY_RE.search(view.get("CONTENT_TYPE", ""))

    if match is not None and view.get("CONTENT_TYPE", "").startswith("multipart/form-data;"):
        boundary = match.group(1)
        assert view["CONTENT_LENGTH"] == str(len(body))
        body = body.replace(boundary.encode(), b"BOUNDARY")
        view["CONTENT_TYPE"] = view["CONTENT_TYPE"].replace(boundary, "BOUNDARY")
        view["CONTENT_LENGTH"] = "<own length>"

    view["wsgi.input"] = body
    return view


PROPERTIES = (
    "base_url",
    "content_type",
    "mimetype",
    "mimetype_params",
    "content_length",
    "server_name",
    "server_port",
    "query_string",
    "args",
    "form",
    "path",
    "request_uri",
    "script_root",
    "host",
    "url_scheme",
    "method",
)


def builder_view(builder: t.Any) -> dict[str, t.Any]:
    view = {
        name: _run(lambda name=name: normalise(getattr(builder, name))) for name in PROPERTIES
    }
    view["mimetype_params"] = _run(lambda: dict(builder.mimetype_params))
    view["headers"] = list(builder.headers.items())
    view["files"] = _run(
        lambda: [
            (k, f.filename, f.name, f.content_type, f.mimetype, list(f.headers.items()))
            for k, f in builder.files.items(multi=True)
        ]
    )
    view["environ"] = _run(lambda: environ_view(builder.get_environ()))
    return view


def build(spec: dict[str, t.Any], impl: _Impl) -> tuple[t.Any, ...]:
    kw = make_kwargs(spec, impl)
    try:
        builder = impl.EnvironBuilder(**kw)
    except Exception as exc:
        return ("raise", exc_kind(exc), type(exc).__name__)

    try:
        return ("ok", builder_view(builder))
    finally:
        builder.close()


@SETTINGS
@given(spec=specs)
@example(
    spec={
        "path": "/a%20b/é?x=1&y=%zz",
        "query": None,
        "base_url": "https://☃.net:8443/ap p/é/",
        "method": "POST",
        "headers": [("X-Foo", "1"), ("x-foo", "2"), ("Content-Type", "text/plain")],
        "headers_kind": "list",
        "data": ("form", {"f": ["1", (b"abc", "a.txt", None, "tuple3")], "g": 3}),
        "json": None,
        "content_type": None,
        "content_length": None,
        "mimetype": None,
        "auth": ("é", "p:w"),
        "environ_base": None,
        "environ_overrides": None,
        "flags": (True, False, True),
    }
)
def test_builder_matches_werkzeug(twin: types.ModuleType, spec: dict[str, t.Any]) -> None:
    ours, theirs = impls(twin)
    assert build(spec, ours) == build(spec, theirs)


@SETTINGS
@given(spec=specs)
def test_create_environ_matches_werkzeug(twin: types.ModuleType, spec: dict[str, t.Any]) -> None:
    ours, theirs = impls(twin)

    def environ(create: t.Any, impl: _Impl) -> tuple[t.Any, ...]:
        return _run(lambda: environ_view(create(**make_kwargs(spec, impl))))

    assert environ(twin.test.create_environ, ours) == environ(WT.create_environ, theirs)


@SETTINGS
@given(spec=specs)
def test_from_environ_matches_werkzeug(twin: types.ModuleType, spec: dict[str, t.Any]) -> None:
    """A builder made back from Werkzeug's environ builds the same environ."""
    _, theirs = impls(twin)

    def back(cls: t.Any) -> tuple[t.Any, ...]:
        try:
            environ = WT.create_environ(**make_kwargs(spec, theirs))
        except Exception:
            return ("no environ",)
        return _run(lambda: environ_view(cls.from_environ(environ).get_environ()))

    assert back(twin.test.EnvironBuilder) == back(WT.EnvironBuilder)


@pytest.mark.parametrize(
    "base_url", ["http://localhost/?q=1", "http://localhost/#frag", "http://h:x/", "http://h:99999/"]
)
def test_bad_base_url_raises_as_werkzeug(twin: types.ModuleType, base_url: str) -> None:
    ours = _run(lambda: twin.test.EnvironBuilder(base_url=base_url).get_environ())
    assert ours[0] == "raise"
    assert ours == _run(lambda: WT.EnvironBuilder(base_url=base_url).get_environ())


def test_from_environ_takes_overrides(twin: types.ModuleType) -> None:
    environ = twin.test.create_environ("/p", "http://h:8/r/", headers=[("X-A", "1")])
    builder = twin.test.EnvironBuilder.from_environ(environ, method="PATCH", query_string="q=1")
    out = builder.get_environ()
    assert (out["REQUEST_METHOD"], out["QUERY_STRING"], out["HTTP_X_A"]) == ("PATCH", "q=1", "1")
    assert (out["SCRIPT_NAME"], out["PATH_INFO"], out["HTTP_HOST"]) == ("/r", "/p", "h:8")

    del environ["HTTP_HOST"]
    with pytest.raises(KeyError):
        twin.test.EnvironBuilder.from_environ(environ)


# --- multipart bodies byte for byte ---------------------------------------------------

multipart_values = st.dictionaries(
    st.sampled_from(["a", "é", "b c"]),
    st.one_of(
        words,
        st.integers(),
        st.lists(words, max_size=3),
        st.tuples(st.binary(max_size=50), st.sampled_from([None, "f.txt", "x.png", "ü"]),
                  st.sampled_from([None, "text/x-a"])),
    ),
    max_size=4,
)


def _multipart_data(values: dict[str, t.Any], FileStorage: t.Any) -> dict[str, t.Any]:
    return {
        k: FileStorage(io.BytesIO(v[0]), v[1], k, v[2]) if isinstance(v, tuple) else v
        for k, v in values.items()
    }


@SETTINGS
@given(values=multipart_values, boundary=st.sampled_from(["b", "---xyz", "☃"]))
def test_encode_multipart_is_werkzeugs_bytes(
    twin: types.ModuleType, values: dict[str, t.Any], boundary: str
) -> None:
    ours = twin.test.encode_multipart(_multipart_data(values, twin.datastructures.FileStorage), boundary)
    theirs = WT.encode_multipart(
        _multipart_data(values, werkzeug.datastructures.FileStorage), boundary
    )
    assert ours == theirs


@pytest.mark.parametrize("use_tempfile", [False, True])
@pytest.mark.parametrize("threshold", [0, 10, 1024 * 500])
def test_stream_encode_multipart_is_werkzeugs(
    twin: types.ModuleType, use_tempfile: bool, threshold: int
) -> None:
    def run(module: t.Any, FileStorage: t.Any, MultiDict: t.Any) -> t.Any:
        data = MultiDict(
            [
                ("f", FileStorage(io.BytesIO(b"x" * 40000), "big.bin", "f")),
                ("f", "text"),
                ("g", FileStorage(io.BytesIO(b""), None, "g")),
            ]
        )
        stream, length, boundary = module.stream_encode_multipart(
            data, use_tempfile=use_tempfile, threshold=threshold, boundary="B"
        )
        on_disk = not isinstance(stream, io.BytesIO)
        body = stream.read()
        stream.close()
        return body, length, boundary, on_disk

    ours = run(twin.test, twin.datastructures.FileStorage, twin.datastructures.MultiDict)
    wd = werkzeug.datastructures
    assert ours == run(WT, wd.FileStorage, wd.MultiDict)
    assert ours[1] == len(ours[0]) > 40000


def test_random_boundaries_differ(twin: types.ModuleType) -> None:
    first, _ = twin.test.encode_multipart({"a": "1"})
    second, _ = twin.test.encode_multipart({"a": "1"})
    assert first != second
    assert first.startswith("---------------WerkzeugFormPart_")
