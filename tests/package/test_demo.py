"""The main job: ``python -m wrappers`` (self-check) and its ``--serve`` demo,
served as a plain WSGI app and (``--flask``) through Flask with the flavour."""

from __future__ import annotations

import http.client
import importlib
import json
import os
import subprocess
import sys
import types
import typing as t

import pytest
from werkzeug.test import Client

from wrappers import _demo


@pytest.fixture(params=["wsgi", "flask"])
def client(request: pytest.FixtureRequest, twin: types.ModuleType) -> Client:
    kind = "compiled" if twin.COMPILED else "pure"
    if request.param == "wsgi":
        return Client(_demo.make_app(twin, kind))
    flavour = importlib.import_module(f"{twin.__name__}.flask")
    return Client(_demo.make_flask_app(twin, flavour, kind))


def test_flask_demo_uses_the_flavour(twin: types.ModuleType) -> None:
    flavour = importlib.import_module(f"{twin.__name__}.flask")
    app = _demo.make_flask_app(twin, flavour, "x")
    assert app.response_class is flavour.Response
    seen: list[type] = []
    app.after_request(lambda r: (seen.append(type(r)), r)[1])
    client = app.test_client()
    for path in [p for p, _ in _demo.ENDPOINTS] + ["/nope"]:
        with client.get(path) as got:
            assert isinstance(got, flavour.Response)
            assert "through Flask" in got.get_data(as_text=True) or path == "/json"
        with client.get(path, headers={"Range": "bytes=900-"}):
            pass
    assert set(seen) == {flavour.Response}


def test_index_lists_endpoints(twin: types.ModuleType, client: Client) -> None:
    resp = client.get("/")
    assert resp.status_code == 200
    assert resp.headers["Content-Type"] == "text/plain; charset=utf-8"
    text = resp.get_data(as_text=True)
    kind = "compiled" if twin.COMPILED else "pure"
    assert f"({kind} twin)" in text
    for path, _ in _demo.ENDPOINTS:
        assert path in text
    assert resp.headers["Content-Length"] == str(len(resp.get_data()))


def test_json(client: Client) -> None:
    resp = client.get("/json")
    assert resp.headers["Content-Type"] == "application/json"
    assert json.loads(resp.get_data())["message"] == "Hello, World!"


def test_cookies_round_trip(client: Client) -> None:
    first = client.get("/cookies")
    cookies = first.headers.getlist("Set-Cookie")
    assert any(c.startswith("demo_visit=1;") and "HttpOnly" in c for c in cookies)
    assert "(none yet" in first.get_data(as_text=True)
    second = client.get("/cookies")
    assert "demo_visit = '1'" in second.get_data(as_text=True)


def test_stream_has_no_content_length(client: Client) -> None:
    resp = client.get("/stream")
    assert "Content-Length" not in resp.headers
    assert resp.get_data(as_text=True).count("chunk") == 5


def test_redirect_and_not_found(client: Client) -> None:
    resp = client.get("/redirect")
    assert resp.status_code == 302
    assert resp.headers["Location"] == "/"
    missing = client.get("/nope")
    assert missing.status_code == 404
    assert missing.get_data(as_text=True).startswith("Not Found (served by wrappers (")


def test_report_is_conditional(client: Client) -> None:
    first = client.get("/report")
    assert first.status_code == 200
    assert first.headers["Cache-Control"] == "public, max-age=60"
    assert first.headers["Accept-Ranges"] == "bytes"
    etag = first.headers["ETag"]
    body = first.get_data()

    cached = client.get("/report", headers={"If-None-Match": etag})
    assert cached.status_code == 304
    assert cached.get_data() == b""
    assert cached.headers["ETag"] == etag

    part = client.get("/report", headers={"Range": "bytes=10-19"})
    assert part.status_code == 206
    assert part.get_data() == body[10:20]
    assert part.headers["Content-Range"] == f"bytes 10-19/{len(body)}"

    beyond = client.get("/report", headers={"Range": f"bytes={len(body)}-"})
    assert beyond.status_code == 416
    assert beyond.headers["Content-Range"] == f"bytes */{len(body)}"


def _serve(args: list[str], cwd: str) -> subprocess.Popen[str]:
    env = dict(os.environ)
    env.pop("WRAPPERS_NO_EXTENSIONS", None)
    import wrappers

    parent = os.path.dirname(os.path.dirname(os.path.abspath(wrappers.__file__)))
    env["PYTHONPATH"] = parent
    return subprocess.Popen(
        [sys.executable, "-m", "wrappers", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=cwd,
    )


@pytest.mark.parametrize("through", [[], ["--flask"]], ids=["wsgi", "flask"])
def test_serve_command_serves_every_endpoint(tmp_path: t.Any, through: list[str]) -> None:
    """The README's demo: self-check, then real HTTP over a socket (the
    installed twin: compiled in the suite's runs)."""
    proc = _serve(["--serve", "--port", "0", "--max-requests", "7", *through], str(tmp_path))
    assert proc.stdout is not None
    lines: list[str] = []

    try:
        port = None
        for line in proc.stdout:
            lines.append(line)
            if line.startswith("serving on http://127.0.0.1:"):
                port = int(line.split(":")[2].split("/")[0])
                break
        assert port is not None, "".join(lines)
        text = "".join(lines)
        assert "self-check: all" in text
        import wrappers

        assert ("compiled (Cython)" if wrappers.COMPILED else "pure Python") in text

        seen: dict[str, tuple[int, str]] = {}
        if through:
            assert "demo app through Flask" in text and ".Response" in text
        for path in ("/", "/json", "/cookies", "/stream", "/redirect", "/report", "/nope"):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", path)
            r = conn.getresponse()
            seen[path] = (r.status, r.read().decode())
            conn.close()
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()

    assert seen["/"][0] == 200 and "Endpoints:" in seen["/"][1]
    assert json.loads(seen["/json"][1])["path"] == "/json"
    assert seen["/cookies"][0] == 200
    assert seen["/stream"][1].count("chunk") == 5
    assert seen["/redirect"][0] == 302
    assert seen["/report"][0] == 200 and "Quarterly report" in seen["/report"][1]
    assert seen["/nope"][0] == 404
    for status, body in seen.values():
        if body:
            assert ("through Flask" in body) == bool(through) or body.startswith("{")


@pytest.mark.parametrize("args", [["--serve", "--flask"], ["--flask"]])
def test_flask_demo_without_flask_exits_2(tmp_path: t.Any, args: list[str]) -> None:
    """No Flask: a clear message and exit status 2 (argparse's status for a
    usage error, which --flask without --serve is too)."""
    import wrappers

    env = dict(os.environ)
    env.pop("WRAPPERS_NO_EXTENSIONS", None)
    env["PYTHONPATH"] = os.path.dirname(os.path.dirname(os.path.abspath(wrappers.__file__)))
    code = (
        "import sys; sys.modules['flask'] = None\n"
        "from wrappers.__main__ import main\n"
        f"sys.exit(main({args!r}))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env,
        cwd=str(tmp_path), timeout=120,
    )  # fmt: skip
    assert proc.returncode == 2, proc.stdout + proc.stderr
    if "--serve" in args:
        assert "pip install cywrappers[flask]" in proc.stderr
        assert "self-check" not in proc.stdout
    else:
        assert "use it with --serve" in proc.stderr


def test_self_check_passes(run_python: t.Callable[..., subprocess.CompletedProcess[str]]) -> None:
    proc = run_python("import sys; from wrappers.__main__ import main; sys.exit(main([]))")
    assert "self-check: all" in proc.stdout
    assert "FAIL" not in proc.stdout
