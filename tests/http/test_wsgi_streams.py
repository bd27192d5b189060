"""The request body: ``twin.wsgi.LimitedStream``, ``get_input_stream`` and
``get_content_length`` (and ``twin.sansio.utils.get_content_length``), against
``werkzeug.wsgi`` 3.1.9.

The differential tests give our stream and Werkzeug's the same body, the same
kind of wrapped stream (a ``BytesIO``; one with ``read`` only; one that hands
out a few bytes per read; one that fails after some bytes) and the same
sequence of calls (``read`` of every size, ``readinto``, ``readline`` with and
without a size, ``readlines``, ``readall``, ``exhaust``, iteration), and
compare each call's result or exception (class name and status code), the
position, ``is_exhausted`` and how far the wrapped stream was read.

One difference is deliberate (HOSTILE-INPUT row R8a, "stricter than
Werkzeug"): with ``is_max`` (``max_content_length`` on a terminated input),
``readall()``/``read()``/``exhaust()`` that reach the maximum look one byte
further, and a body that goes on raises ``RequestEntityTooLarge`` where
Werkzeug returns the body cut short at the maximum. The differential models
exactly that case and nothing else.
"""

from __future__ import annotations

import io
import types
import typing as t

import pytest
import werkzeug.exceptions
import werkzeug.sansio.utils
import werkzeug.wsgi
from hypothesis import example, given, settings
from hypothesis import strategies as st

WW = werkzeug.wsgi

#: Sizes this file's runs; the rest comes from conftest's hypothesis profile.
SETTINGS = settings(max_examples=150)

#: What LimitedStream asks the wrapped stream for at most, at a time, when
#: reading everything (ours; Werkzeug's readall uses the same size).
CHUNK = 64 * 1024


# --- wrapped streams ------------------------------------------------------------


class ReadOnly:
    """A stream with ``read`` only (WSGI's minimum), over bytes."""

    def __init__(self, data: bytes) -> None:
        self._io = io.BytesIO(data)
        self.asked: list[int] = []

    def read(self, size: int = -1) -> bytes:
        self.asked.append(size)
        return self._io.read(size)

    def tell(self) -> int:
        return self._io.tell()


class Trickle(io.RawIOBase):
    """A raw stream that gives at most ``step`` bytes per read (a socket)."""

    def __init__(self, data: bytes, step: int) -> None:
        self._io = io.BytesIO(data)
        self.step = step
        self.asked: list[int] = []

    def readable(self) -> bool:
        return True

    def readinto(self, b: t.Any) -> int:
        self.asked.append(len(b))
        data = self._io.read(min(len(b), self.step))
        b[: len(data)] = data
        return len(data)

    def tell(self) -> int:
        return self._io.tell()


class Failing(ReadOnly):
    """Gives its bytes, then fails every read (a reset connection)."""

    def __init__(self, data: bytes, error: type[Exception] = OSError) -> None:
        super().__init__(data)
        self.error = error

    def read(self, size: int = -1) -> bytes:
        self.asked.append(size)
        if self._io.tell() >= len(self._io.getvalue()):
            raise self.error("connection reset")
        return self._io.read(size)


class Recorder(io.BytesIO):
    """A ``BytesIO`` that records the buffer sizes it is asked to fill."""

    def __init__(self, data: bytes = b"") -> None:
        super().__init__(data)
        self.asked: list[int] = []

    def readinto(self, b: t.Any) -> int:
        self.asked.append(len(b))
        return super().readinto(b)

    def read(self, size: int | None = -1) -> bytes:
        self.asked.append(-1 if size is None else size)
        return super().read(size)


class Untouchable:
    """A stream that must not be read."""

    def read(self, size: int = -1) -> bytes:
        raise AssertionError("read before the limit was checked")

    readline = readinto = read


def make_stream(kind: str, body: bytes) -> t.Any:
    if kind == "bytesio":
        return io.BytesIO(body)
    if kind == "readonly":
        return ReadOnly(body)
    if kind.startswith("trickle"):
        return Trickle(body, int(kind[len("trickle") :]))
    if kind == "failing":
        return Failing(body)
    if kind == "failing-value":
        return Failing(body, ValueError)
    raise AssertionError(kind)


STREAM_KINDS = ["bytesio", "readonly", "trickle3", "trickle1", "failing", "failing-value"]


# --- running calls on both ------------------------------------------------------


def call(stream: t.Any, op: tuple[t.Any, ...]) -> t.Any:
    name, arg = op
    if name == "read":
        return stream.read(arg)
    if name == "read()":
        return stream.read()
    if name == "readinto":
        buffer = bytearray(b"\xaa" * arg)
        got = stream.readinto(buffer)
        return (got, bytes(buffer))
    if name == "readline":
        return stream.readline(arg)
    if name == "readline()":
        return stream.readline()
    if name == "readlines":
        return stream.readlines(arg)
    if name == "readall":
        return stream.readall()
    if name == "exhaust":
        return stream.exhaust()
    if name == "next":
        return next(stream, "<stop>")
    raise AssertionError(name)


def result(stream: t.Any, op: tuple[t.Any, ...]) -> tuple[t.Any, ...]:
    """The call's outcome: ``("ok", value)`` or ``("raise", class name, code)``."""
    try:
        return ("ok", call(stream, op))
    except Exception as exc:
        return ("raise", type(exc).__name__, getattr(exc, "code", None))


def wrapped_pos(stream: t.Any) -> int:
    return stream.tell()


ops = st.one_of(
    st.tuples(st.just("read"), st.integers(-1, 12)),
    st.tuples(st.just("read"), st.sampled_from([CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK])),
    st.tuples(st.just("read()"), st.none()),
    st.tuples(st.just("readinto"), st.integers(0, 12)),
    st.tuples(st.just("readline"), st.integers(-1, 8)),
    st.tuples(st.just("readline()"), st.none()),
    st.tuples(st.just("readlines"), st.integers(-1, 8)),
    st.tuples(st.just("readall"), st.none()),
    st.tuples(st.just("exhaust"), st.none()),
    st.tuples(st.just("next"), st.none()),
)

#: Bodies: short random ones, dense in newlines; or long ones around the chunk size.
short_bodies = st.binary(max_size=40).map(lambda b: b.replace(b"\x00", b"\n"))
long_bodies = st.tuples(
    st.sampled_from([CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 7]),
    st.binary(max_size=8),
).map(lambda p: (bytes(range(256)) * (p[0] // 256 + 1))[: p[0]] + p[1])
bodies = st.one_of(short_bodies, short_bodies, long_bodies)


def differential(
    twin: types.ModuleType,
    kind: str,
    body: bytes,
    limit: int,
    is_max: bool,
    sequence: list[tuple[t.Any, ...]],
) -> None:
    our_inner, their_inner = make_stream(kind, body), make_stream(kind, body)
    ours = twin.wsgi.LimitedStream(our_inner, limit, is_max=is_max)
    theirs = WW.LimitedStream(their_inner, limit, is_max=is_max)
    probed = 0  # bytes our stream read past the maximum to find a longer body

    for op in sequence:
        before = theirs.tell()
        their_inner_before = wrapped_pos(their_inner)
        expected = result(theirs, op)
        got = result(ours, op)

        reads_all = op[0] in ("readall", "exhaust", "read()") or (
            op[0] == "read" and op[1] == -1
        )
        if (
            is_max
            and reads_all
            and expected[0] == "ok"
            and expected[1]
            and theirs.is_exhausted
            and not (before >= limit)
            and wrapped_pos(their_inner) < len(body)
            and kind not in ("failing", "failing-value")
        ):
            # R8a: the body goes on past the maximum: ours refuses it.
            assert got == ("raise", "RequestEntityTooLarge", 413), (op, expected)
            probed = 1
        elif (
            is_max
            and reads_all
            and expected[0] == "ok"
            and expected[1]
            and theirs.is_exhausted
            and before < limit
            and kind in ("failing", "failing-value")
        ):
            # The look past the maximum fails: a disconnect (or, when the body
            # did go on, a 413).
            assert got[0] == "raise" and got[1] in (
                "ClientDisconnected",
                "RequestEntityTooLarge",
            ), (op, expected, got)
            probed = int(wrapped_pos(their_inner) < len(body))
        else:
            assert got == expected, (op, their_inner_before)

        assert ours.tell() == theirs.tell()
        assert ours.is_exhausted == theirs.is_exhausted
        assert wrapped_pos(our_inner) == wrapped_pos(their_inner) + probed
        assert ours.tell() <= max(limit, 0)


@given(
    kind=st.sampled_from(STREAM_KINDS),
    body=bodies,
    limit=st.integers(-2, 50) | st.sampled_from([CHUNK, CHUNK + 3, 3 * CHUNK, 10**12]),
    is_max=st.booleans(),
    sequence=st.lists(ops, min_size=1, max_size=8),
)
@example(kind="bytesio", body=b"abc", limit=3, is_max=False, sequence=[("read", 0)])
@example(kind="bytesio", body=b"abcdef", limit=3, is_max=True, sequence=[("readall", None)])
@example(kind="bytesio", body=b"abc", limit=3, is_max=True, sequence=[("read", 3), ("read", 1)])
@example(kind="bytesio", body=b"ab\ncd", limit=9, is_max=False, sequence=[("readlines", -1)])
@example(kind="failing", body=b"ab", limit=9, is_max=True, sequence=[("read()", None)])
@example(
    kind="bytesio", body=b"x" * CHUNK, limit=10**12, is_max=False,
    sequence=[("read", 3 * CHUNK), ("read", 3 * CHUNK)],
)
@SETTINGS
def test_limited_stream_matches_werkzeug(
    twin: types.ModuleType,
    kind: str,
    body: bytes,
    limit: int,
    is_max: bool,
    sequence: list[tuple[t.Any, ...]],
) -> None:
    differential(twin, kind, body, limit, is_max, sequence)


# --- LimitedStream, call by call ----------------------------------------------------


def test_read_stops_at_the_limit(twin: types.ModuleType) -> None:
    inner = io.BytesIO(b"0123456789")
    s = twin.wsgi.LimitedStream(inner, 4)
    assert s.read(3) == b"012"
    assert s.read(3) == b"3"
    assert s.is_exhausted and s.tell() == 4
    assert s.read(3) == b"" and s.read() == b"" and s.readline() == b""
    assert inner.tell() == 4  # the next request's bytes stay unread


def test_readall_read_and_exhaust(twin: types.ModuleType) -> None:
    assert twin.wsgi.LimitedStream(io.BytesIO(b"abcdef"), 4).read() == b"abcd"
    assert twin.wsgi.LimitedStream(io.BytesIO(b"abcdef"), 4).read(-1) == b"abcd"
    assert twin.wsgi.LimitedStream(io.BytesIO(b"abcdef"), 4).readall() == b"abcd"
    s = twin.wsgi.LimitedStream(io.BytesIO(b"abcdef"), 4)
    assert s.read(1) == b"a"
    assert s.exhaust() == b"bcd"
    assert s.exhaust() == b""


def test_readinto(twin: types.ModuleType) -> None:
    s = twin.wsgi.LimitedStream(io.BytesIO(b"abcdef"), 4)
    buffer = bytearray(6)
    assert s.readinto(buffer) == 4
    assert buffer == b"abcd\x00\x00"
    assert s.readinto(buffer) == 0
    s = twin.wsgi.LimitedStream(ReadOnly(b"abcdef"), 3)
    buffer = bytearray(2)
    assert s.readinto(buffer) == 2 and buffer == b"ab"
    assert s.readinto(buffer) == 1 and buffer == b"cb"


def test_readline_with_sizes(twin: types.ModuleType) -> None:
    s = twin.wsgi.LimitedStream(io.BytesIO(b"one\ntwo\nthree\nfour"), 16)
    assert s.readline() == b"one\n"
    assert s.readline(2) == b"tw"
    assert s.readline(10) == b"o\n"
    assert s.readline(-1) == b"three\n"
    assert s.readline() == b"fo"  # the limit ends the line
    assert s.readline() == b""


def test_iteration_and_readlines(twin: types.ModuleType) -> None:
    assert list(twin.wsgi.LimitedStream(io.BytesIO(b"a\nb\nc\nd"), 6)) == [
        b"a\n",
        b"b\n",
        b"c\n",
    ]
    s = twin.wsgi.LimitedStream(io.BytesIO(b"a\nbb\nc\n"), 7)
    assert s.readlines(1) == [b"a\n"]
    assert s.readlines() == [b"bb\n", b"c\n"]
    s.close()
    with pytest.raises(ValueError):
        iter(s)


def test_short_body_is_a_client_disconnect(twin: types.ModuleType) -> None:
    """Content-Length promised more than arrived: 400, never a hang or a
    silent short body."""
    ex = twin.exceptions
    for read in (
        lambda s: s.read(),
        lambda s: [s.read(100), s.read(100)],
        lambda s: s.readall(),
        lambda s: s.exhaust(),
        lambda s: s.readline(),
        lambda s: s.readlines(),
        lambda s: list(s),
    ):
        s = twin.wsgi.LimitedStream(io.BytesIO(b"abc"), 10)
        with pytest.raises(ex.ClientDisconnected) as info:
            read(s)
        assert info.value.code == 400
        assert isinstance(info.value, ex.BadRequest)

    s = twin.wsgi.LimitedStream(io.BytesIO(b"abc"), 10)
    assert s.read(2) == b"ab"
    assert s.read(5) == b"c"  # what there is, first
    with pytest.raises(ex.ClientDisconnected):
        s.read(5)


@pytest.mark.parametrize("error", [OSError, ValueError, ConnectionResetError])
def test_a_failing_read_is_a_client_disconnect(
    twin: types.ModuleType, error: type[Exception]
) -> None:
    for is_max in (False, True):
        s = twin.wsgi.LimitedStream(Failing(b"ab", error), 10, is_max=is_max)
        assert s.read(2) == b"ab"
        with pytest.raises(twin.exceptions.ClientDisconnected):
            s.read(2)


def test_is_max_ends_quietly_before_the_maximum(twin: types.ModuleType) -> None:
    s = twin.wsgi.LimitedStream(io.BytesIO(b"abc"), 10, is_max=True)
    assert s.read() == b"abc"
    assert s.read(4) == b""
    assert not s.is_exhausted


def test_is_max_refuses_a_longer_body(twin: types.ModuleType) -> None:
    """R8a: a terminated (chunked) body over the maximum is a 413 from every
    read that would have to go past it, never a body cut short."""
    ex = twin.exceptions
    for read in (
        lambda s: s.read(),
        lambda s: s.readall(),
        lambda s: s.exhaust(),
        lambda s: [s.read(4), s.read(4)],
        lambda s: s.readlines(),
        lambda s: list(s),
    ):
        s = twin.wsgi.LimitedStream(io.BytesIO(b"abcdefgh"), 4, is_max=True)
        with pytest.raises(ex.RequestEntityTooLarge) as info:
            read(s)
        assert info.value.code == 413


def test_is_max_body_of_exactly_the_maximum(twin: types.ModuleType) -> None:
    s = twin.wsgi.LimitedStream(io.BytesIO(b"abcd"), 4, is_max=True)
    assert s.read() == b"abcd"
    # At the maximum, a further read is Werkzeug's 413 (it cannot know).
    with pytest.raises(twin.exceptions.RequestEntityTooLarge):
        s.read(1)
    theirs = WW.LimitedStream(io.BytesIO(b"abcd"), 4, is_max=True)
    assert theirs.read() == b"abcd"
    with pytest.raises(werkzeug.exceptions.RequestEntityTooLarge):
        theirs.read(1)


def hook_calls(module: t.Any) -> list[t.Any]:
    """The hook calls of a LimitedStream subclass whose hooks only record."""
    seen: list[t.Any] = []

    class Quiet(module.LimitedStream):  # type: ignore[misc,name-defined]
        def on_exhausted(self) -> None:
            seen.append("exhausted")

        def on_disconnect(self, error: Exception | None = None) -> None:
            seen.append(("disconnect", type(error).__name__))

    s = Quiet(io.BytesIO(b"ab"), 4, is_max=True)
    seen.append(s.read())
    seen.append(s.read(1))
    s = Quiet(Failing(b""), 4)
    seen.append(s.read(1))
    s = Quiet(io.BytesIO(b"abcdef"), 4, is_max=True)
    seen.append(s.read())  # the hook decides: no 413 here
    seen.append(s.read(1))
    return seen


def test_hooks_can_be_overridden(twin: types.ModuleType) -> None:
    ours = hook_calls(twin.wsgi)
    assert ours == [
        ("disconnect", "NoneType"),  # read(): the body ends before the maximum
        b"ab",
        ("disconnect", "NoneType"),
        b"",
        ("disconnect", "OSError"),
        b"",
        "exhausted",  # R8a: read() saw the body go on past the maximum
        b"abcd",
        "exhausted",
        b"",
    ]
    theirs = hook_calls(WW)
    assert ours[:6] + ours[7:] == theirs


def test_read_size_types_match_werkzeug(twin: types.ModuleType) -> None:
    for size in (1.5, "1", b"1"):
        with pytest.raises(TypeError):
            WW.LimitedStream(io.BytesIO(b"abc"), 3).read(size)
        with pytest.raises(TypeError):
            twin.wsgi.LimitedStream(io.BytesIO(b"abc"), 3).read(size)
    # None is what the interpreter's RawIOBase.read makes of it (CPython: a
    # TypeError; PyPy: everything).
    for is_max in (False, True):
        assert result(twin.wsgi.LimitedStream(io.BytesIO(b"abc"), 3, is_max), ("read", None)) == (
            result(WW.LimitedStream(io.BytesIO(b"abc"), 3, is_max), ("read", None))
        )

    class Two:
        def __index__(self) -> int:
            return 2

    assert twin.wsgi.LimitedStream(io.BytesIO(b"abc"), 3).read(Two()) == b"ab"


def test_the_io_surface(twin: types.ModuleType) -> None:
    s = twin.wsgi.LimitedStream(io.BytesIO(b"abc"), 3)
    assert isinstance(s, io.RawIOBase)
    assert s.readable() and not s.seekable() and not s.writable()
    assert s.limit == 3 and s.tell() == 0 and not s.is_exhausted
    assert not s.closed
    with s:
        assert s.read() == b"abc"
    assert s.closed
    with pytest.raises(OSError):
        s.seek(0)


@pytest.mark.parametrize("size", [-1, 10**12])
def test_memory_follows_the_body_not_the_limit(twin: types.ModuleType, size: int) -> None:
    """A huge limit (a hostile Content-Length) and a read of everything, or of
    a huge size: the wrapped stream is asked for bounded blocks, and the
    answer is what arrived."""
    body = b"z" * (3 * CHUNK + 5)
    inner = Recorder(body)
    s = twin.wsgi.LimitedStream(inner, 10**15, is_max=True)
    assert s.read(size) == body
    assert inner.asked and max(inner.asked) <= CHUNK

    inner = Recorder(body)
    s = twin.wsgi.LimitedStream(inner, 10**15)
    got = s.read(size) if size != -1 else s.read(10**12)
    assert got == body
    assert max(inner.asked) <= CHUNK


def test_read_of_a_huge_size_under_a_small_limit(twin: types.ModuleType) -> None:
    inner = Recorder(b"0123456789")
    assert twin.wsgi.LimitedStream(inner, 4).read(10**13) == b"0123"
    assert inner.asked == [4]


# --- get_content_length ------------------------------------------------------------

CONTENT_LENGTHS = [
    None, "", "0", "5", " 7 ", "\t8\t", "-1", "-0", "+5", "1_0", "0x10", "1e3", "5.0",
    "abc", "٣", "²", "5 5", "5\n", "007", "9" * 4300, "9" * 4301, "0" * 5000,
    "-" + "9" * 4000, "1" * 20,
]
TRANSFER_ENCODINGS = [
    None, "", "chunked", "CHUNKED", "gzip, chunked", "chunked, gzip", '"chunked"',
    "chunkedx", "gzip", "identity", ",,chunked,,", "x;chunked",
]


@pytest.mark.parametrize("length", CONTENT_LENGTHS, ids=repr)
@pytest.mark.parametrize("encoding", TRANSFER_ENCODINGS, ids=repr)
def test_get_content_length_matches_werkzeug(
    twin: types.ModuleType, length: str | None, encoding: str | None
) -> None:
    want = werkzeug.sansio.utils.get_content_length(length, encoding)
    assert twin.sansio.utils.get_content_length(length, encoding) == want
    assert twin.sansio.utils.get_content_length(
        http_content_length=length, http_transfer_encoding=encoding
    ) == want
    environ: dict[str, t.Any] = {}
    if length is not None:
        environ["CONTENT_LENGTH"] = length
    if encoding is not None:
        environ["HTTP_TRANSFER_ENCODING"] = encoding
    assert twin.wsgi.get_content_length(environ) == WW.get_content_length(environ) == want


content_length_text = st.one_of(
    st.none(),
    st.text(alphabet=st.sampled_from("0123456789-+ \t_.xe٣"), max_size=12),
    st.text(max_size=8),
)


@given(length=content_length_text, encoding=st.none() | st.text(max_size=20))
@SETTINGS
def test_random_content_lengths_match_werkzeug(
    twin: types.ModuleType, length: str | None, encoding: str | None
) -> None:
    want = werkzeug.sansio.utils.get_content_length(length, encoding)
    assert twin.sansio.utils.get_content_length(length, encoding) == want


def test_get_content_length_defaults(twin: types.ModuleType) -> None:
    assert twin.sansio.utils.get_content_length() is None
    assert twin.wsgi.get_content_length({}) is None


# --- get_input_stream -----------------------------------------------------------------


def environ_for(
    body: t.Any,
    length: str | None,
    encoding: str | None = None,
    terminated: bool = False,
) -> dict[str, t.Any]:
    environ: dict[str, t.Any] = {"wsgi.input": body}
    if length is not None:
        environ["CONTENT_LENGTH"] = length
    if encoding is not None:
        environ["HTTP_TRANSFER_ENCODING"] = encoding
    if terminated:
        environ["wsgi.input_terminated"] = True
    return environ


def stream_kind(stream: t.Any, inner: t.Any) -> str:
    if stream is inner:
        return "input"
    names = {c.__name__ for c in type(stream).__mro__}
    if "LimitedStream" in names:
        return f"limited {stream.limit}"
    if type(stream) is io.BytesIO:
        return f"empty {stream.getvalue()!r}"
    raise AssertionError(type(stream))


def read_outcome(func: t.Callable[[], t.Any], inner: t.Any) -> tuple[t.Any, ...]:
    try:
        stream = func()
    except Exception as exc:
        return ("raise at once", type(exc).__name__, getattr(exc, "code", None))
    kind = stream_kind(stream, inner)
    try:
        data = stream.read()
    except Exception as exc:
        return (kind, "raise", type(exc).__name__, getattr(exc, "code", None))
    return (kind, "ok", data)


@given(
    body=st.binary(max_size=30),
    length=st.one_of(
        st.none(),
        st.integers(-3, 40).map(str),
        st.sampled_from(["", "abc", "+3", " 4", "9" * 30, "9" * 5000]),
    ),
    encoding=st.sampled_from([None, "chunked", "gzip", "gzip, Chunked"]),
    terminated=st.booleans(),
    safe_fallback=st.booleans(),
    max_length=st.none() | st.integers(0, 40),
)
@example(body=b"abcdef", length=None, encoding="chunked", terminated=True,
         safe_fallback=True, max_length=3)
@example(body=b"abc", length="3", encoding=None, terminated=False,
         safe_fallback=True, max_length=2)
@example(body=b"abc", length="10", encoding=None, terminated=False,
         safe_fallback=True, max_length=None)
@SETTINGS
def test_get_input_stream_matches_werkzeug(
    twin: types.ModuleType,
    body: bytes,
    length: str | None,
    encoding: str | None,
    terminated: bool,
    safe_fallback: bool,
    max_length: int | None,
) -> None:
    ours_inner, theirs_inner = io.BytesIO(body), io.BytesIO(body)
    ours = read_outcome(
        lambda: twin.wsgi.get_input_stream(
            environ_for(ours_inner, length, encoding, terminated),
            safe_fallback=safe_fallback,
            max_content_length=max_length,
        ),
        ours_inner,
    )
    theirs = read_outcome(
        lambda: WW.get_input_stream(
            environ_for(theirs_inner, length, encoding, terminated),
            safe_fallback,
            max_length,
        ),
        theirs_inner,
    )
    if terminated and max_length is not None and theirs[1:2] == ("ok",) and len(body) > max_length:
        # R8a: Werkzeug returns the first max_length bytes; ours refuses.
        assert theirs[2] == body[:max_length]
        assert ours == (theirs[0], "raise", "RequestEntityTooLarge", 413)
    else:
        assert ours == theirs


def test_content_length_over_the_maximum_before_any_read(twin: types.ModuleType) -> None:
    """R8: 413 before a byte is read, whatever the server."""
    for terminated in (False, True):
        environ = environ_for(Untouchable(), "11", terminated=terminated)
        with pytest.raises(twin.exceptions.RequestEntityTooLarge) as info:
            twin.wsgi.get_input_stream(environ, max_content_length=10)
        assert info.value.code == 413
    environ = environ_for(Untouchable(), "9" * 4000)
    with pytest.raises(twin.exceptions.RequestEntityTooLarge):
        twin.wsgi.get_input_stream(environ, max_content_length=10**9)


def test_get_input_stream_cases(twin: types.ModuleType) -> None:
    inner = io.BytesIO(b"hello world")
    stream = twin.wsgi.get_input_stream(environ_for(inner, "5"))
    assert isinstance(stream, twin.wsgi.LimitedStream)
    assert stream.read() == b"hello"

    # No Content-Length, not terminated: an empty stream, or the input itself.
    empty = twin.wsgi.get_input_stream(environ_for(io.BytesIO(b"x"), None))
    assert type(empty) is io.BytesIO and empty.read() == b""
    inner = io.BytesIO(b"x")
    assert twin.wsgi.get_input_stream(environ_for(inner, None), safe_fallback=False) is inner
    chunked = environ_for(io.BytesIO(b"x"), "1", encoding="chunked")
    assert twin.wsgi.get_input_stream(chunked).read() == b""

    # Terminated: the input itself, or limited by the maximum.
    inner = io.BytesIO(b"abc")
    assert twin.wsgi.get_input_stream(environ_for(inner, None, terminated=True)) is inner
    limited = twin.wsgi.get_input_stream(
        environ_for(io.BytesIO(b"abc"), None, terminated=True), max_content_length=5
    )
    assert isinstance(limited, twin.wsgi.LimitedStream) and limited.limit == 5
    assert limited.read() == b"abc"
    # A terminated input's Content-Length is not a limit (the server ends it).
    inner = io.BytesIO(b"abcdef")
    terminated = twin.wsgi.get_input_stream(environ_for(inner, "2", terminated=True))
    assert terminated is inner

    # A negative or junk Content-Length reads nothing.
    for junk in ("-5", "abc", "9" * 5000):
        stream = twin.wsgi.get_input_stream(environ_for(io.BytesIO(b"abc"), junk))
        assert stream.read() == b""

    with pytest.raises(KeyError):
        twin.wsgi.get_input_stream({"CONTENT_LENGTH": "3"})


def test_chunked_body_over_the_maximum(twin: types.ModuleType) -> None:
    """R8a: never a silent truncation of a terminated body."""
    big = b"a" * (3 * CHUNK)
    environ = environ_for(io.BytesIO(big), None, "chunked", terminated=True)
    stream = twin.wsgi.get_input_stream(environ, max_content_length=CHUNK)
    with pytest.raises(twin.exceptions.RequestEntityTooLarge):
        stream.read()
    environ = environ_for(io.BytesIO(big), None, "chunked", terminated=True)
    stream = twin.wsgi.get_input_stream(environ, max_content_length=len(big))
    assert stream.read() == big


def test_errors_are_werkzeug_aware(twin: types.ModuleType) -> None:
    """Inside a Werkzeug app (Flask) only Werkzeug's HTTPException becomes an
    error response: the stream's errors are ours and Werkzeug's at once."""
    wz = werkzeug.exceptions
    raisers = [
        (
            "RequestEntityTooLarge",
            lambda: twin.wsgi.get_input_stream(
                environ_for(Untouchable(), "5"), max_content_length=4
            ),
        ),
        (
            "RequestEntityTooLarge",
            lambda: twin.wsgi.LimitedStream(io.BytesIO(b"abcdef"), 4, is_max=True).read(),
        ),
        (
            "RequestEntityTooLarge",
            lambda: [twin.wsgi.LimitedStream(io.BytesIO(b"ab"), 2, is_max=True).read(2)]
            + [twin.wsgi.LimitedStream(io.BytesIO(b""), 0, is_max=True).read(1)],
        ),
        ("ClientDisconnected", lambda: twin.wsgi.LimitedStream(io.BytesIO(b"a"), 4).read()),
        ("ClientDisconnected", lambda: twin.wsgi.LimitedStream(Failing(b""), 4, True).read(1)),
    ]
    for name, raiser in raisers:
        with pytest.raises(getattr(twin.exceptions, name)) as info:
            raiser()
        assert isinstance(info.value, getattr(wz, name)), name
        assert isinstance(info.value, wz.HTTPException)
        assert type(info.value).__name__ == name
