"""WSGI helpers for response bodies and paths: ``twin.wsgi.ClosingIterator``,
``FileWrapper``, ``wrap_file``, ``responder`` and ``get_path_info``, each
against ``werkzeug.wsgi`` 3.1.9 on the same inputs (the same items, the same
callback calls in the same order, the same exceptions).
"""

from __future__ import annotations

import io
import types
import typing as t

import pytest
import werkzeug.test
import werkzeug.wsgi
from hypothesis import given, settings
from hypothesis import strategies as st

WW = werkzeug.wsgi

#: Sizes this file's runs; the rest comes from conftest's hypothesis profile.
SETTINGS = settings(max_examples=150)


# --- ClosingIterator --------------------------------------------------------------


class Body:
    """A WSGI iterable with a ``close`` that logs."""

    def __init__(self, items: list[bytes], log: list[str]) -> None:
        self.items = items
        self.log = log

    def __iter__(self) -> t.Iterator[bytes]:
        return iter(self.items)

    def close(self) -> None:
        self.log.append("body")


def closing_run(
    module: t.Any,
    make_body: t.Callable[[list[str]], t.Any],
    make_callbacks: t.Callable[[list[str]], t.Any],
    closes: int,
) -> tuple[t.Any, ...]:
    """Items, the outcome of each ``close()`` and the log of calls."""
    log: list[str] = []
    try:
        it = module.ClosingIterator(make_body(log), make_callbacks(log))
    except Exception as exc:
        return ("raise at init", type(exc).__name__, log)
    items = list(it)
    outcome = []
    for _ in range(closes):
        try:
            it.close()
            outcome.append("closed")
        except Exception as exc:
            outcome.append(type(exc).__name__)
    return (items, outcome, log)


def logger(name: str) -> t.Callable[[list[str]], t.Callable[[], None]]:
    def bind(log: list[str]) -> t.Callable[[], None]:
        return lambda: log.append(name)

    return bind


def failing(log: list[str]) -> t.Callable[[], None]:
    def fail() -> None:
        log.append("fail")
        raise RuntimeError("callback failed")

    return fail


CALLBACK_CASES = {
    "none": lambda log: None,
    "one": lambda log: logger("a")(log),
    "list": lambda log: [logger("a")(log), logger("b")(log), logger("c")(log)],
    "tuple": lambda log: (logger("a")(log), logger("b")(log)),
    "generator": lambda log: (logger(n)(log) for n in "xy"),
    "empty": lambda log: [],
    "failing in the middle": lambda log: [logger("a")(log), failing(log), logger("c")(log)],
}

BODY_CASES = {
    "list": lambda log: [b"a", b"bc"],
    "closable": lambda log: Body([b"x", b"", b"yz"], log),
    "generator": lambda log: (bytes([c]) for c in b"gen"),
    "empty": lambda log: [],
}


@pytest.mark.parametrize("callbacks", list(CALLBACK_CASES))
@pytest.mark.parametrize("body", list(BODY_CASES))
@pytest.mark.parametrize("closes", [0, 1, 2])
def test_closing_iterator_matches_werkzeug(
    twin: types.ModuleType, callbacks: str, body: str, closes: int
) -> None:
    ours = closing_run(twin.wsgi, BODY_CASES[body], CALLBACK_CASES[callbacks], closes)
    theirs = closing_run(WW, BODY_CASES[body], CALLBACK_CASES[callbacks], closes)
    assert ours == theirs


def test_closing_iterator_calls_in_order_once_per_close(twin: types.ModuleType) -> None:
    log: list[str] = []
    it = twin.wsgi.ClosingIterator(
        Body([b"1", b"2"], log), [lambda: log.append("a"), lambda: log.append("b")]
    )
    assert iter(it) is it
    assert next(it) == b"1"
    assert log == []  # nothing runs before close
    it.close()
    assert log == ["body", "a", "b"]
    assert list(it) == [b"2"]


def test_closing_iterator_without_close(twin: types.ModuleType) -> None:
    log: list[str] = []
    it = twin.wsgi.ClosingIterator(iter([b"a"]), lambda: log.append("only"))
    assert list(it) == [b"a"]
    it.close()
    assert log == ["only"]


def test_closing_iterator_bad_arguments_match_werkzeug(twin: types.ModuleType) -> None:
    for args in ((5,), ([b"a"], 5), (None,)):
        with pytest.raises(TypeError):
            WW.ClosingIterator(*args)
        with pytest.raises(TypeError):
            twin.wsgi.ClosingIterator(*args)


def test_closing_iterator_is_a_wsgi_body(twin: types.ModuleType) -> None:
    """A server closes it: the app's body and the cleanup both run."""
    log: list[str] = []

    def app(environ: t.Any, start_response: t.Any) -> t.Any:
        start_response("200 OK", [("Content-Type", "text/plain")])
        return Body([b"hello"], log)

    def wrapped(environ: t.Any, start_response: t.Any) -> t.Any:
        return twin.wsgi.ClosingIterator(
            app(environ, start_response), lambda: log.append("cleanup")
        )

    response = werkzeug.test.Client(wrapped).get("/")
    assert response.get_data() == b"hello"
    response.close()
    assert log == ["body", "cleanup"]


# --- FileWrapper and wrap_file ------------------------------------------------------


class Plain:
    """A file with ``read`` only."""

    def __init__(self, data: bytes) -> None:
        self._io = io.BytesIO(data)

    def read(self, size: int = -1) -> bytes:
        return self._io.read(size)


class SeekOnly(Plain):
    """``seek`` and ``tell`` but no ``seekable``; ``close`` too."""

    closed = False

    def seek(self, *args: t.Any) -> int:
        return self._io.seek(*args)

    def tell(self) -> int:
        return self._io.tell()

    def close(self) -> None:
        self.closed = True


def wrapper_run(module: t.Any, make: t.Callable[[], t.Any], size: int) -> tuple[t.Any, ...]:
    file = make()
    w = module.FileWrapper(file, size)
    state: list[t.Any] = [w.seekable(), w.tell(), w.buffer_size, w.file is file]
    first = next(w, None)
    state.append((first, w.tell()))
    w.seek(0)
    state.append(w.tell())
    state.append(list(w))
    state.append(list(w))  # stays exhausted
    w.close()
    state.append(getattr(file, "closed", "no close"))
    return tuple(state)


FILES = {
    "bytesio": lambda: io.BytesIO(b"0123456789abcdef"),
    "plain": lambda: Plain(b"0123456789abcdef"),
    "seek only": lambda: SeekOnly(b"0123456789abcdef"),
    "empty": lambda: io.BytesIO(b""),
}


@pytest.mark.parametrize("file", list(FILES))
@pytest.mark.parametrize("size", [1, 5, 16, 8192])
def test_file_wrapper_matches_werkzeug(twin: types.ModuleType, file: str, size: int) -> None:
    assert wrapper_run(twin.wsgi, FILES[file], size) == wrapper_run(WW, FILES[file], size)


@given(data=st.binary(max_size=200), size=st.integers(1, 64))
@SETTINGS
def test_file_wrapper_blocks(twin: types.ModuleType, data: bytes, size: int) -> None:
    blocks = list(twin.wsgi.FileWrapper(io.BytesIO(data), size))
    assert blocks == list(WW.FileWrapper(io.BytesIO(data), size))
    assert b"".join(blocks) == data
    assert all(len(b) == size for b in blocks[:-1])


def test_file_wrapper_seek_and_tell_pass_through(twin: types.ModuleType) -> None:
    w = twin.wsgi.FileWrapper(io.BytesIO(b"abcdef"), 2)
    assert w.seekable() is True
    w.seek(4)
    assert w.tell() == 4
    assert list(w) == [b"ef"]
    w.seek(-3, io.SEEK_END)
    assert next(w) == b"de"
    plain = twin.wsgi.FileWrapper(Plain(b"abc"), 2)
    assert plain.seekable() is False and plain.tell() is None
    plain.seek(1)  # ignored without a seek
    assert list(plain) == [b"ab", b"c"]
    plain.close()  # nothing to close


def test_wrap_file_without_server_wrapper(twin: types.ModuleType) -> None:
    file = io.BytesIO(b"x" * 10)
    w = twin.wsgi.wrap_file({}, file, buffer_size=4)
    assert type(w) is twin.wsgi.FileWrapper
    assert w.file is file and w.buffer_size == 4
    assert list(w) == [b"xxxx", b"xxxx", b"xx"]
    assert twin.wsgi.wrap_file({}, io.BytesIO()).buffer_size == 8192


def test_wrap_file_with_server_wrapper(twin: types.ModuleType) -> None:
    calls: list[t.Any] = []

    def server_wrapper(file: t.Any, size: int) -> t.Any:
        calls.append((file, size))
        return ["from the server"]

    file = io.BytesIO(b"data")
    environ = {"wsgi.file_wrapper": server_wrapper}
    assert twin.wsgi.wrap_file(environ, file) == ["from the server"]
    assert twin.wsgi.wrap_file(environ, file, 10) == ["from the server"]
    assert calls == [(file, 8192), (file, 10)]
    assert WW.wrap_file(environ, file) == ["from the server"]


# --- responder ------------------------------------------------------------------------


def test_responder_calls_the_returned_app(twin: types.ModuleType) -> None:
    @twin.wsgi.responder
    def application(environ: t.Any, start_response: t.Any) -> t.Any:
        """The docstring."""
        return twin.Response(f"path {environ['PATH_INFO']}", mimetype="text/plain")

    assert application.__name__ == "application"
    assert application.__doc__ == "The docstring."
    response = werkzeug.test.Client(application).get("/here")
    assert response.get_data() == b"path /here"
    assert response.mimetype == "text/plain"


def test_responder_on_a_method_matches_werkzeug(twin: types.ModuleType) -> None:
    seen: dict[str, t.Any] = {}

    def make(module: t.Any) -> t.Any:
        class App:
            @module.responder
            def __call__(self, environ: t.Any, start_response: t.Any) -> t.Any:
                seen["self"] = self

                def inner(environ: t.Any, start_response: t.Any) -> list[bytes]:
                    start_response("201 CREATED", [("X", "y")])
                    return [b"made"]

                return inner

        return App()

    for module in (twin.wsgi, WW):
        app = make(module)
        response = werkzeug.test.Client(app).get("/")
        assert (response.status, response.get_data(), response.headers["X"]) == (
            "201 CREATED",
            b"made",
            "y",
        )
        assert seen["self"] is app


# --- get_path_info ------------------------------------------------------------------


PATHS = [
    "",
    "/",
    "/plain/path",
    "/caf\xc3\xa9",  # UTF-8 bytes as a server passes them (latin-1)
    "/bad\xff\xfe",
    "/half\xe2\x82",
    "/\x00nul",
    "/%C3%A9 stays quoted",
]


@pytest.mark.parametrize("path", PATHS, ids=repr)
def test_get_path_info_matches_werkzeug(twin: types.ModuleType, path: str) -> None:
    environ = {"PATH_INFO": path}
    assert twin.wsgi.get_path_info(environ) == WW.get_path_info(environ)


def test_get_path_info_decodes_utf8_with_replacement(twin: types.ModuleType) -> None:
    assert twin.wsgi.get_path_info({"PATH_INFO": "/caf\xc3\xa9"}) == "/café"
    assert twin.wsgi.get_path_info({"PATH_INFO": "/x\xff"}) == "/x\ufffd"
    assert twin.wsgi.get_path_info({}) == ""


def test_get_path_info_not_latin1_like_werkzeug(twin: types.ModuleType) -> None:
    environ = {"PATH_INFO": "/snow☃"}
    with pytest.raises(UnicodeEncodeError):
        WW.get_path_info(environ)
    with pytest.raises(UnicodeEncodeError):
        twin.wsgi.get_path_info(environ)


@given(raw=st.binary(max_size=40))
@SETTINGS
def test_random_path_bytes_match_werkzeug(twin: types.ModuleType, raw: bytes) -> None:
    environ = {"PATH_INFO": raw.decode("latin1")}
    assert twin.wsgi.get_path_info(environ) == WW.get_path_info(environ)


def test_host_is_trusted_is_reexported(twin: types.ModuleType) -> None:
    assert twin.wsgi.host_is_trusted is twin.sansio.utils.host_is_trusted
    assert twin.wsgi.host_is_trusted("example.com", [".example.com"]) is True
