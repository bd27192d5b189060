"""The body through ``get_data``, ``get_json`` and ``stream``: every twin
against Werkzeug's Request on the same environs, and the stream a request is
left with after reading (the compiled twin reads a plain body without making
the stream first, and must leave the same stream behind)."""

from __future__ import annotations

import io
import types
import typing as t

import pytest
import werkzeug.wrappers

from support import exc_kind

WRequest = werkzeug.wrappers.Request


class Short(io.BytesIO):
    """An input whose first read gives less than asked."""

    def read(self, size: int | None = -1) -> bytes:
        if size is not None and size > 3:
            size = 3
        return super().read(size)


class Failing(io.BytesIO):
    def read(self, size: int | None = -1) -> bytes:
        raise OSError("connection reset")

    def readinto(self, b: t.Any) -> int:
        raise OSError("connection reset")


class Mutable(io.BytesIO):
    """An input that reads into a bytearray."""

    def read(self, size: int | None = -1) -> bytes:
        return bytearray(super().read(size))  # type: ignore[return-value]


BODY = b'{"a": [1, 2, 3], "b": "caf\xc3\xa9"}'


def environ(body: bytes = BODY, stream: type = io.BytesIO, **extra: t.Any) -> dict[str, t.Any]:
    env = {
        "REQUEST_METHOD": "POST",
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": stream(body),
        "wsgi.url_scheme": "http",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
    }
    env.update(extra)
    return env


def reading(request: t.Any, steps: list[str]) -> list[t.Any]:
    out: list[t.Any] = []
    for step in steps:
        try:
            if step == "data":
                out.append(request.get_data())
            elif step == "data-nocache":
                out.append(request.get_data(cache=False))
            elif step == "text":
                out.append(request.get_data(as_text=True))
            elif step == "json":
                out.append(request.get_json())
            elif step == "stream":
                s = request.stream
                out.append((s.read(), s.tell(), getattr(s, "limit", None), getattr(s, "is_exhausted", None)))
        except Exception as exc:
            out.append(("raised", exc_kind(exc), getattr(exc, "code", None)))
    return out


CASES = [
    ({}, io.BytesIO),
    ({"CONTENT_LENGTH": "0012"}, io.BytesIO),
    ({"CONTENT_LENGTH": " 12 "}, io.BytesIO),
    ({"CONTENT_LENGTH": "abc"}, io.BytesIO),
    ({"CONTENT_LENGTH": "-5"}, io.BytesIO),
    ({"CONTENT_LENGTH": "100"}, io.BytesIO),  # longer than the body: ClientDisconnected
    ({}, Short),
    ({}, Failing),
    ({}, Mutable),
    ({"HTTP_TRANSFER_ENCODING": "chunked"}, io.BytesIO),
    ({"wsgi.input_terminated": True}, io.BytesIO),
]


@pytest.mark.parametrize(("extra", "stream"), CASES)
@pytest.mark.parametrize(
    "steps",
    [["data", "data", "stream"], ["json", "stream", "data"], ["stream", "data"],
     ["data-nocache", "data-nocache", "stream"], ["text", "json"]],
)
def test_body_like_werkzeug(Request: type, extra: dict, stream: type, steps: list[str]) -> None:
    ours = reading(Request(environ(stream=stream, **extra)), steps)
    theirs = reading(WRequest(environ(stream=stream, **extra)), steps)
    assert ours == theirs


@pytest.mark.parametrize("limit", [None, 0, len(BODY) - 1, len(BODY), 10**6])
def test_body_within_and_over_max_content_length(Request: type, limit: int | None) -> None:
    class Limited(Request):  # type: ignore[misc,valid-type]
        max_content_length = limit

    class WLimited(WRequest):
        max_content_length = limit

    steps = ["data", "stream", "json"]
    assert reading(Limited(environ()), steps) == reading(WLimited(environ()), steps)


def test_large_body_in_chunks(Request: type) -> None:
    body = bytes(range(256)) * 1000  # over 64 KiB
    steps = ["data", "stream"]
    assert reading(Request(environ(body)), steps) == reading(WRequest(environ(body)), steps)


def test_compiled_and_pure_leave_the_same_stream(
    compiled_twin: types.ModuleType, pure_twin: types.ModuleType
) -> None:
    for extra, stream in CASES:
        for steps in (["data", "stream"], ["json", "stream"]):
            a = reading(compiled_twin.Request(environ(stream=stream, **extra)), steps)
            b = reading(pure_twin.Request(environ(stream=stream, **extra)), steps)
            assert a == b, (extra, stream, steps)
