"""``flask.send_file`` and ``flask.send_from_directory`` through the flavour:
the same answers as Flask's own class for plain, conditional (304 by ETag and
by date, 412), range (206, 416) and HEAD requests, with ETag, Last-Modified,
Cache-Control and Expires, on both twins."""

from __future__ import annotations

import io
import typing as t
from pathlib import Path

import flask
import pytest

DATA = bytes(range(256)) * 8


def file_app(response_class: type | None, folder: Path) -> flask.Flask:
    app = flask.Flask(__name__)
    if response_class is not None:
        app.response_class = response_class

    @app.route("/file")
    def file_view() -> t.Any:
        return flask.send_file(folder / "data.bin", mimetype="application/octet-stream", max_age=60)

    @app.route("/attachment")
    def attachment() -> t.Any:
        return flask.send_file(
            folder / "data.bin", as_attachment=True, download_name="rapport ü.bin", etag="fixed"
        )

    @app.route("/no-conditional")
    def no_conditional() -> t.Any:
        return flask.send_file(folder / "data.bin", conditional=False, etag=False, last_modified=0)

    @app.route("/memory")
    def memory() -> t.Any:
        return flask.send_file(io.BytesIO(DATA[:100]), mimetype="text/plain", download_name="m.txt")

    @app.route("/files/<path:name>")
    def static_file(name: str) -> t.Any:
        return flask.send_from_directory(folder, name, max_age=30)

    return app


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "data.bin").write_bytes(DATA)
    (tmp_path / "page.html").write_text("<p>hi</p>", encoding="utf-8")
    return tmp_path


def requests(etag: str, last_modified: str) -> list[dict[str, str]]:
    return [
        {},
        {"If-None-Match": etag},
        {"If-None-Match": '"other"'},
        {"If-None-Match": f'"other", {etag}'},
        {"If-Modified-Since": last_modified},
        {"If-Modified-Since": "Thu, 01 Jan 1970 00:00:00 GMT"},
        {"Range": "bytes=0-9"},
        {"Range": "bytes=100-"},
        {"Range": "bytes=-16"},
        {"Range": "bytes=5000-"},
        {"Range": "bytes=10-5"},
        {"Range": "bytes=0-1,4-5"},
        {"Range": "bytes=0-9", "If-Range": etag},
        {"Range": "bytes=0-9", "If-Range": '"other"'},
        {"Range": "bytes=0-9", "If-Range": last_modified},
        {"If-Match": '"other"', "If-None-Match": etag},
    ]


@pytest.mark.parametrize("method", ["GET", "HEAD"])
@pytest.mark.parametrize("path", ["/file", "/files/data.bin"])
def test_conditional_and_range_like_flask_response(
    Flavour: type,  # noqa: N803
    both: t.Callable[..., tuple[t.Any, t.Any]],
    one_clock_second: t.Callable[[t.Callable[[], None]], None],
    folder: Path,
    method: str,
    path: str,
) -> None:
    apps = (file_app(Flavour, folder), file_app(None, folder))
    with apps[1].test_client().get(path) as first:
        etag, last_modified = first.headers["ETag"], first.headers["Last-Modified"]

    statuses = []
    for headers in requests(etag, last_modified):

        def check(headers: dict[str, str] = headers) -> None:
            ours, theirs = both(apps, path, method=method, headers=headers)
            assert ours == theirs, headers
            statuses.append(ours[0][:3])

        # Expires is "now + max_age" on each side.
        one_clock_second(check)

    assert statuses == [
        "200", "304", "200", "304", "304", "200", "206", "206", "206", "416", "416", "416",
        "206", "200", "206", "412",
    ]  # fmt: skip


def test_the_answers_are_right(Flavour: type, folder: Path) -> None:  # noqa: N803
    client = file_app(Flavour, folder).test_client()
    with client.get("/file") as full:
        assert isinstance(full, Flavour)
        assert full.get_data() == DATA
        assert full.headers["Cache-Control"] == "public, max-age=60"
        assert full.headers["Content-Length"] == str(len(DATA))
        etag = full.headers["ETag"]
    with client.get("/file", headers={"Range": "bytes=100-199"}) as part:
        assert part.status_code == 206
        assert part.get_data() == DATA[100:200]
        assert part.headers["Content-Range"] == f"bytes 100-199/{len(DATA)}"
        assert part.headers["Accept-Ranges"] == "bytes"
    with client.get("/file", headers={"If-None-Match": etag}) as cached:
        assert cached.status_code == 304 and cached.get_data() == b""
        assert cached.headers["ETag"] == etag
    with client.get("/file", headers={"Range": "bytes=9999-"}) as unsatisfiable:
        assert unsatisfiable.status_code == 416
        assert unsatisfiable.headers["Content-Range"] == f"bytes */{len(DATA)}"


@pytest.mark.parametrize(
    "path", ["/attachment", "/no-conditional", "/memory", "/files/page.html", "/files/nope.txt",
             "/files/../secret"]
)
@pytest.mark.parametrize("headers", [{}, {"Range": "bytes=0-3"}, {"If-None-Match": '"fixed"'}])
def test_other_files_like_flask_response(
    both: t.Callable[..., tuple[t.Any, t.Any]],
    one_clock_second: t.Callable[[t.Callable[[], None]], None],
    Flavour: type,  # noqa: N803
    folder: Path,
    path: str,
    headers: dict[str, str],
) -> None:
    apps = (file_app(Flavour, folder), file_app(None, folder))

    def check() -> None:
        ours, theirs = both(apps, path, headers=headers)
        assert ours == theirs

    one_clock_second(check)
