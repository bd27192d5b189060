"""``user_agent.UserAgent`` on both twins, against Werkzeug's: it keeps the
header value and parses nothing; a subclass may parse."""

from __future__ import annotations

import copy
import pickle
import types

import pytest
import werkzeug.user_agent

WUA = werkzeug.user_agent.UserAgent

STRINGS = ["", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", "curl/8.5.0", "\xe9\u2028"]


def state(ua: object) -> tuple[object, ...]:
    return (
        ua.string,  # type: ignore[attr-defined]
        ua.platform,  # type: ignore[attr-defined]
        ua.browser,  # type: ignore[attr-defined]
        ua.version,  # type: ignore[attr-defined]
        ua.language,  # type: ignore[attr-defined]
        ua.to_header(),  # type: ignore[attr-defined]
        str(ua),
        bool(ua),
        repr(ua),
    )


@pytest.mark.parametrize("string", STRINGS)
def test_same_as_werkzeug(twin: types.ModuleType, string: str) -> None:
    ua = twin.user_agent.UserAgent(string)
    assert state(ua) == state(WUA(string))
    assert ua.string == ua.to_header() == str(ua) == string
    assert (ua.platform, ua.browser, ua.version, ua.language) == (None, None, None, None)
    assert not ua
    assert repr(ua) == "<UserAgent None/None>"


def test_a_subclass_parses(twin: types.ModuleType) -> None:
    class Parsed(twin.user_agent.UserAgent):  # type: ignore[name-defined,misc]
        def __init__(self, string: str) -> None:
            super().__init__(string)
            self.browser, _, self.version = string.partition("/")

    ua = Parsed("curl/8.5.0")
    assert ua and repr(ua) == "<Parsed curl/8.5.0>"
    assert ua.to_header() == "curl/8.5.0"


def test_copies_and_pickles(twin: types.ModuleType) -> None:
    ua = twin.user_agent.UserAgent("curl/8.5.0")

    for clone in (copy.copy(ua), copy.deepcopy(ua), pickle.loads(pickle.dumps(ua))):
        assert type(clone) is type(ua) and state(clone) == state(ua)

    assert type(ua).__module__ == "wrappers_pure.user_agent"


def test_the_face_serves_the_shared_class(twin: types.ModuleType) -> None:
    import wrappers.user_agent
    import wrappers_pure.user_agent

    assert wrappers.user_agent.UserAgent is wrappers_pure.user_agent.UserAgent
    assert twin.user_agent.__all__ == ["UserAgent"]
