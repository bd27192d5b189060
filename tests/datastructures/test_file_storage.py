"""``FileStorage`` and ``FileMultiDict`` on both twins, and against Werkzeug's."""

from __future__ import annotations

import io
import pathlib
import tempfile
import types
import typing as t

import pytest
import werkzeug.datastructures

WD = werkzeug.datastructures


def test_defaults(twin: types.ModuleType) -> None:
    fs = twin.datastructures.FileStorage()
    assert isinstance(fs.stream, io.BytesIO)
    assert (fs.filename, fs.name, fs.content_type, fs.content_length) == (None, None, None, 0)
    assert not fs
    assert list(fs.headers.items()) == []
    assert repr(fs) == "<FileStorage: None (None)>"


def test_headers_from_arguments(twin: types.ModuleType) -> None:
    headers = twin.datastructures.Headers([("X-A", "1")])
    fs = twin.datastructures.FileStorage(
        io.BytesIO(b"x"), "a.txt", "field", "text/plain", 12, headers
    )
    assert fs.headers is headers
    assert list(headers.items()) == [
        ("X-A", "1"),
        ("Content-Type", "text/plain"),
        ("Content-Length", "12"),
    ]
    assert (fs.filename, fs.name, fs.content_length, bool(fs)) == ("a.txt", "field", 12, True)
    assert repr(fs) == "<FileStorage: 'a.txt' ('text/plain')>"


@pytest.mark.parametrize(
    "value", ["12", " 12\t", " 7 ", "-3", "+3", "1_0", "abc", "١٢", "", "9" * 5000]
)
def test_content_length_reads_as_werkzeug(twin: types.ModuleType, value: str) -> None:
    def length(module: t.Any) -> int:
        headers = module.Headers([("Content-Length", value)])
        return module.FileStorage(headers=headers).content_length  # type: ignore[no-any-return]

    assert length(twin.datastructures) == length(WD)


@pytest.mark.parametrize(
    "content_type",
    [
        "text/HTML; charset=UTF-8",
        'multipart/mixed; boundary="a;b"',
        "application/json",
        "",
        "weird",
        "text/plain; a=1; b*=UTF-8''%C3%A9",
    ],
)
def test_mimetype_parsing(twin: types.ModuleType, content_type: str) -> None:
    ours = twin.datastructures.FileStorage(content_type=content_type)
    theirs = WD.FileStorage(content_type=content_type)
    assert (ours.mimetype, ours.mimetype_params) == (theirs.mimetype, theirs.mimetype_params)
    assert ours.content_type == content_type


def test_mimetype_is_parsed_once(twin: types.ModuleType) -> None:
    fs = twin.datastructures.FileStorage(content_type="text/plain")
    assert fs.mimetype == "text/plain"
    fs.headers["Content-Type"] = "image/png"
    assert fs.mimetype == "text/plain"  # as Werkzeug: cached
    assert fs.content_type == "image/png"


def test_filename_from_the_stream_name(twin: types.ModuleType, tmp_path: pathlib.Path) -> None:
    path = tmp_path / "dätä.bin"
    path.write_bytes(b"abc")

    with open(path, "rb") as f:
        fs = twin.datastructures.FileStorage(f)
        assert fs.filename == str(path) and fs

    with open(str(path).encode(), "rb") as f:
        assert twin.datastructures.FileStorage(f).filename == str(path)

    with open(path, "rb") as f:
        assert twin.datastructures.FileStorage(f, filename="given").filename == "given"

    named = io.BytesIO()
    named.name = "<stdin>"  # type: ignore[attr-defined]
    assert twin.datastructures.FileStorage(named).filename is None
    named.name = b"b.txt"  # type: ignore[attr-defined]
    assert twin.datastructures.FileStorage(named).filename == "b.txt"
    assert twin.datastructures.FileStorage(filename=b"c.txt").filename == "c.txt"  # type: ignore[arg-type]
    assert twin.datastructures.FileStorage(filename=pathlib.Path("d")).filename == "d"  # type: ignore[arg-type]


def test_filename_of_a_descriptor_stream_raises_as_werkzeug(
    twin: types.ModuleType, tmp_path: pathlib.Path
) -> None:
    path = tmp_path / "x"
    path.write_bytes(b"")

    with open(path, "rb") as f, open(f.fileno(), "rb", closefd=False) as by_fd:
        with pytest.raises(TypeError):
            WD.FileStorage(by_fd)
        with pytest.raises(TypeError):
            twin.datastructures.FileStorage(by_fd)


@pytest.mark.parametrize("kind", ["str", "pathlike"])
def test_save_to_a_path(twin: types.ModuleType, tmp_path: pathlib.Path, kind: str) -> None:
    data = bytes(range(256)) * 200
    fs = twin.datastructures.FileStorage(io.BytesIO(data))
    target = tmp_path / "out.bin"
    fs.save(str(target) if kind == "str" else target, buffer_size=1000)
    assert target.read_bytes() == data


def test_save_to_a_file_object_leaves_it_open(twin: types.ModuleType) -> None:
    stream = io.BytesIO(b"0123456789")
    stream.seek(3)
    fs = twin.datastructures.FileStorage(stream)
    out = io.BytesIO()
    fs.save(out)
    assert not out.closed
    assert out.getvalue() == b"3456789"  # from where the stream stands


def test_save_to_a_spooled_file(twin: types.ModuleType) -> None:
    with tempfile.SpooledTemporaryFile(max_size=10) as spool:
        spool.write(b"x" * 100)
        spool.seek(0)
        fs = twin.datastructures.FileStorage(spool, filename="s")  # its name is an fd
        out = io.BytesIO()
        fs.save(out)
        assert out.getvalue() == b"x" * 100
        assert fs.fileno() == spool.fileno()  # delegated


def test_close_and_delegation(twin: types.ModuleType) -> None:
    stream = io.BytesIO(b"line1\nline2\n")
    fs = twin.datastructures.FileStorage(stream)
    assert fs.read(3) == b"lin"  # __getattr__ reaches the stream
    assert fs.tell() == 3
    assert list(fs) == [b"e1\n", b"line2\n"]
    with pytest.raises(AttributeError):
        fs.no_such_attribute
    fs.close()
    assert stream.closed
    fs.close()  # a second close is fine

    class Stubborn(io.BytesIO):
        refuse = True

        def close(self) -> None:
            if self.refuse:
                raise OSError("no")
            super().close()

    stubborn = Stubborn()
    twin.datastructures.FileStorage(stubborn).close()  # errors are ignored
    # Closable again, so that its finalizer (which closes it) raises nothing
    # into whatever test runs when it is collected.
    stubborn.refuse = False
    stubborn.close()


def test_getattr_without_a_stream_is_an_attribute_error(twin: types.ModuleType) -> None:
    fs = twin.datastructures.FileStorage.__new__(twin.datastructures.FileStorage)
    with pytest.raises(AttributeError):
        fs.read


def test_file_multi_dict(twin: types.ModuleType, tmp_path: pathlib.Path) -> None:
    path = tmp_path / "pic.png"
    path.write_bytes(b"png")
    files = twin.datastructures.FileMultiDict()
    assert isinstance(files, twin.datastructures.MultiDict)

    files.add_file("a", str(path))
    files.add_file("a", io.BytesIO(b"x"), "notes.weird-ext")
    files.add_file("b", io.BytesIO(b"y"))
    files.add_file("c", io.BytesIO(b"z"), "z.txt", "text/x-given")
    existing = twin.datastructures.FileStorage(io.BytesIO(), "keep")
    files.add_file("d", existing, "ignored", "ignored/too")

    first, second = files.getlist("a")
    assert (first.filename, first.content_type, first.name) == (str(path), "image/png", "a")
    assert first.read() == b"png"
    first.close()
    assert second.content_type == "application/octet-stream"
    assert (files["b"].filename, files["b"].content_type) == (None, None)
    assert files["c"].content_type == "text/x-given"
    assert files["d"] is existing and existing.filename == "keep"

    files.add_file("e", path)  # a PathLike
    assert files["e"].filename == str(path)
    files["e"].close()


def test_file_multi_dict_matches_werkzeug(twin: types.ModuleType) -> None:
    def view(module: t.Any) -> list[tuple[t.Any, ...]]:
        files = module.FileMultiDict()
        for name, filename, ctype in [
            ("a", "x.html", None),
            ("a", "", None),
            ("b", None, "text/y"),
            ("c", "x.tar.gz", None),
        ]:
            files.add_file(name, io.BytesIO(b"1"), filename, ctype)
        return [
            (k, f.filename, f.name, f.content_type, list(f.headers.items()))
            for k, f in files.items(multi=True)
        ]

    assert view(twin.datastructures) == view(WD)
