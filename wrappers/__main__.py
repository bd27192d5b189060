"""``python -m wrappers``: say which twin is active and why, then check it works.

The self-check drives the active twin's public objects through a short, real
workload, compares every result with the pure twin's (the two must agree), and
exits with status 1 if anything differs or fails.
"""

from __future__ import annotations

import argparse
import pickle
import platform
import sys
import typing as t

import wrappers
import wrappers_pure


def _exercise(ns: t.Any) -> list[tuple[str, object]]:
    """Run a Headers workload on the twin ``ns``; return ``(step, result)`` pairs."""
    out: list[tuple[str, object]] = []
    h = ns.Headers({"Content-Type": "text/html; charset=utf-8", "X-Request-Id": "abc123"})
    h.add("Set-Cookie", "session=1; Path=/; HttpOnly")
    h.add("Set-Cookie", "theme=dark; Path=/")
    h.set("Cache-Control", "no-cache")
    h.add("Content-Disposition", "attachment", filename="report 2026.pdf")
    out.append(("get, any case", h.get("content-type")))
    out.append(("membership", "x-request-id" in h))
    out.append(("getlist", h.getlist("set-cookie")))
    out.append(("get with type", ns.Headers([("Content-Length", "42")]).get("content-length", type=int)))
    out.append(("to_wsgi_list", h.to_wsgi_list()))
    out.append(("header block", str(h)))

    for label, call in [
        ("newline in a value", lambda: h.add("X-Evil", "a\r\nSet-Cookie: x=1")),
        ("newline in a name", lambda: h.add("X-Evil\r\nSet-Cookie", "x=1")),
        ("missing key", lambda: h["X-Missing"]),
    ]:
        try:
            call()
        except (ValueError, KeyError) as exc:
            out.append((label, f"refused: {type(exc).__name__}"))
        else:
            out.append((label, "ACCEPTED"))

    out.append(("unchanged after refusals", len(h)))
    out.append(("pickle round trip", list(pickle.loads(pickle.dumps(h)))))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m wrappers",
        description="Show which twin of wrappers is active and run a self-check.",
    )
    parser.parse_args(argv)

    twin = "compiled (Cython)" if wrappers.COMPILED else "pure Python"
    print(f"wrappers {wrappers.__version__} on {platform.python_implementation()} {platform.python_version()}")
    print(f"active twin: {twin}, because {wrappers._REASON}")
    print(f"Headers class: {wrappers.Headers.__module__}.{wrappers.Headers.__qualname__}")
    print()

    active = _exercise(wrappers)
    reference = _exercise(wrappers_pure)
    failures = 0

    for (step, got), (_, want) in zip(active, reference):
        ok = got == want and got != "ACCEPTED"
        failures += not ok
        shown = repr(got)
        shown = shown if len(shown) <= 70 else shown[:67] + "..."
        print(f"  [{'ok' if ok else 'FAIL'}] {step}: {shown}")

    print()

    if failures:
        print(f"self-check: {failures} of {len(active)} checks FAILED")
        return 1

    print(f"self-check: all {len(active)} checks passed (the active twin agrees with the pure twin)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
