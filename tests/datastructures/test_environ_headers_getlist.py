"""``EnvironHeaders.getlist`` against Werkzeug's on environs whose keys map to
a name by case folding that changes lengths or leaves ASCII (the pure twin
skips ASCII keys of the wrong length without naming them), and on a subclass
whose ``__iter__`` is its own (``getlist`` must follow it, as Werkzeug's does).
"""

from __future__ import annotations

import types

import pytest
import werkzeug.datastructures

from support import outcome

WEH = werkzeug.datastructures.EnvironHeaders

ENVIRON = {
    "HTTP_COOKIE": "upper",
    "HTTP_Cookie": "mixed",
    "HTTP_cookie": "lower",
    "HTTP_\u212a": "kelvin sign",  # title-cases and lowers to ASCII "k"
    "HTTP_K": "ascii k",
    "HTTP_STRA\xdfE": "sharp s",  # "Stra\xdfe" when named: 6 letters, not "strasse"
    "HTTP_STRASSE": "double s",
    "HTTP_\u0130D": "dotted I",  # lower() of U+0130 is two code points
    "HTTP_CONTENT_TYPE": "never yielded",
    "CONTENT_TYPE": "text/plain",
    "CONTENT_LENGTH": "12",
    "HTTP_X_N": "7",
    "wsgi.url_scheme": "http",
}

NAMES = ["Cookie", "COOKIE", "cookie", "k", "K", "\u212a", "Stra\xdfe", "strasse",
         "STRASSE", "i\u0307d", "\u0130d", "id", "Content-Type", "content_type",
         "Content-Length", "x-n", "X_N", "", "HTTP_COOKIE", "wsgi.url_scheme"]  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
def test_getlist_matches_werkzeug(twin: types.ModuleType, name: str) -> None:
    ours, theirs = twin.datastructures.EnvironHeaders(ENVIRON), WEH(ENVIRON)
    assert outcome(lambda: ours.getlist(name)) == outcome(lambda: theirs.getlist(name))
    assert outcome(lambda: ours.getlist(name, int)) == outcome(
        lambda: theirs.getlist(name, int)
    )


def test_getlist_follows_an_overridden_iter(twin: types.ModuleType) -> None:
    base = twin.datastructures.EnvironHeaders

    class Listed(base):  # type: ignore[misc, valid-type]
        def __iter__(self):  # type: ignore[no-untyped-def]
            yield ("Cookie", "from iter")
            yield ("Cookie", "again")

    assert Listed(ENVIRON).getlist("cookie") == ["from iter", "again"]
