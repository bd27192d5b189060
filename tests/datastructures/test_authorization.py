"""``Authorization``, on both twins, against Werkzeug's.

The hypothesis differential draws ``Authorization`` header values (Basic with
good and bad base64 of ASCII, UTF-8 and Latin-1 credentials; Digest-like
parameter lists; tokens with trailing ``=``; odd schemes and whitespace) and
compares the parsed object and its header with Werkzeug's. One difference is
deliberate (HOSTILE-INPUT R11): Basic credentials with a character that is not
ASCII give None, where Werkzeug raises ``ValueError``.
"""

from __future__ import annotations

import base64
import copy
import pickle
import types
import typing as t

import pytest
import werkzeug.datastructures
from hypothesis import given, settings
from hypothesis import strategies as st

from support import exc_kind

WA = werkzeug.datastructures.Authorization


def parsed(cls: t.Any, value: t.Any) -> t.Any:
    """What ``cls.from_header(value)`` gives, as plain values."""
    try:
        auth = cls.from_header(value)
    except Exception as exc:
        return ("raise", exc_kind(exc))

    if auth is None:
        return None

    return (auth.type, dict(auth.parameters), auth.token, auth.to_header(), str(auth), repr(auth))


def test_basic(twin: types.ModuleType) -> None:
    cls = twin.datastructures.Authorization
    auth = cls.from_header("Basic " + base64.b64encode(b"alice:s3:cret").decode())
    assert auth is not None
    assert auth.type == "basic"
    assert auth.username == "alice" and auth["password"] == "s3:cret"
    assert auth.parameters == {"username": "alice", "password": "s3:cret"}
    assert auth.token is None
    assert auth.to_header() == "Basic YWxpY2U6czM6Y3JldA=="
    assert str(auth) == auth.to_header()
    assert repr(auth) == "<Authorization Basic YWxpY2U6czM6Y3JldA==>"
    assert "username" in auth and "realm" not in auth
    assert auth.get("realm", "none") == "none" and auth.realm is None


def test_digest_and_bearer(twin: types.ModuleType) -> None:
    cls = twin.datastructures.Authorization
    digest = cls.from_header('Digest username="bob", realm="x y", nc=00000001, qop=auth')
    assert digest is not None
    assert digest.type == "digest"
    assert digest.parameters == {"username": "bob", "realm": "x y", "nc": "00000001", "qop": "auth"}
    assert digest.token is None
    assert digest.to_header() == 'Digest username=bob, realm="x y", nc=00000001, qop=auth'
    bearer = cls.from_header("Bearer abc.def==")
    assert bearer is not None
    assert (bearer.type, bearer.token, bearer.parameters) == ("bearer", "abc.def==", {})
    assert bearer.to_header() == "Bearer abc.def=="


def test_constructor_and_equality(twin: types.ModuleType) -> None:
    cls = twin.datastructures.Authorization
    a = cls("basic", {"username": "u", "password": "p"})
    assert a == cls.from_header("Basic dTpw")
    assert a != cls("basic", {"username": "u"})
    assert a != cls("basic", {"username": "u", "password": "p"}, token="t")
    assert a != "Basic dTpw"
    assert cls("bearer").parameters == {}
    assert cls("bearer").to_header() == "Bearer "
    assert cls("basic").to_header() == "Basic " + base64.b64encode(b"None:None").decode()
    assert a.__eq__(object()) is NotImplemented

    with pytest.raises(TypeError):
        hash(a)


@pytest.mark.parametrize("value", [None, "", "Basic !!!!", "Basic dTp",
                                   "Basic " + base64.b64encode(b"\xff:x").decode()])  # fmt: skip
def test_none_for_empty_or_bad_values(twin: types.ModuleType, value: str | None) -> None:
    assert twin.datastructures.Authorization.from_header(value) is None
    assert WA.from_header(value) is None


def test_basic_padding_only_as_werkzeug(twin: types.ModuleType) -> None:
    """``Basic =``: ``base64.b64decode("=", validate=True)`` raises from Python
    3.11 on and gives ``b""`` before it, so Werkzeug gives None or empty
    credentials depending on the interpreter; ours does the same on each."""
    assert parsed(twin.datastructures.Authorization, "basic =") == parsed(WA, "basic =")


@pytest.mark.parametrize("value", ["Basic", "Basic ", "Basic dTpw=", "Basic \t dTpw \t"])
def test_lenient_basic_values_as_in_werkzeug(twin: types.ModuleType, value: str) -> None:
    """What Werkzeug accepts; ``Basic dTpw=`` (padding after the data) is
    accepted by ``base64.b64decode(validate=True)`` before Python 3.13 and
    refused from 3.13 on, in Werkzeug's and ours alike."""
    assert parsed(twin.datastructures.Authorization, value) == parsed(WA, value)

    if WA.from_header(value) is not None:
        auth = twin.datastructures.Authorization.from_header(value)
        assert auth is not None and auth.type == "basic"


@pytest.mark.parametrize(
    "value",
    ["Basic d\xe9pw", "Basic dTpw\xa0", "basic \u2028", "Basic " + "\xe9" * (1 << 20), "Basic \udcff"],
)
def test_r11_non_ascii_basic_credentials_give_none(twin: types.ModuleType, value: str) -> None:
    """Stricter than Werkzeug (R11): Werkzeug's base64 raises ValueError, a 500."""
    assert twin.datastructures.Authorization.from_header(value) is None

    with pytest.raises(ValueError):
        WA.from_header(value)


def test_utf8_credentials_are_decoded_as_in_werkzeug(twin: types.ModuleType) -> None:
    value = "Basic " + base64.b64encode("j\xfcrgen:p\xe4ss".encode()).decode()
    auth = twin.datastructures.Authorization.from_header(value)
    assert auth is not None and (auth.username, auth.password) == ("j\xfcrgen", "p\xe4ss")
    assert parsed(twin.datastructures.Authorization, value) == parsed(WA, value)


def test_a_megabyte_header_is_handled(twin: types.ModuleType) -> None:
    cls = twin.datastructures.Authorization
    big = 1 << 20
    token = cls.from_header("Bearer " + "=" * big)
    assert token is not None and token.token == "=" * big
    params = cls.from_header("Digest " + "a=b, " * (big // 5))
    assert params is not None and params.parameters == {"a": "b"}
    assert cls.from_header('Digest a="' + "x" * big) is not None
    basic = cls.from_header("Basic " + base64.b64encode(b"u:" + b"p" * big).decode())
    assert basic is not None and len(basic.password) == big
    assert cls.from_header("Basic " + "!" * big) is None


def test_copies_and_pickles(twin: types.ModuleType) -> None:
    """Werkzeug's recurses through ``__getattr__`` here (RecursionError); ours copies."""
    cls = twin.datastructures.Authorization
    auth = cls.from_header('Digest username="bob", nc=1')

    for clone in (
        copy.copy(auth),
        copy.deepcopy(auth),
        *(pickle.loads(pickle.dumps(auth, p)) for p in range(pickle.HIGHEST_PROTOCOL + 1)),
    ):
        assert type(clone) is cls
        assert clone == auth and clone is not auth
        assert clone.username == "bob"

    # Werkzeug's __getattr__ answers every name: from Python 3.11 on copying
    # recurses through it; before, the None it gives for __getstate__ is called.
    with pytest.raises((RecursionError, TypeError)):
        copy.copy(WA.from_header("Bearer x"))


def test_attribute_lookup_of_a_bare_instance(twin: types.ModuleType) -> None:
    cls = twin.datastructures.Authorization
    bare = cls.__new__(cls)

    with pytest.raises(AttributeError):
        bare.parameters

    with pytest.raises(AttributeError):
        bare.username


# --- differential ---------------------------------------------------------------------

SCHEMES = st.sampled_from(["Basic", "basic", "BASIC", "Digest", "digest", "Bearer", "Token", "",
                           "b\xe4sic", "Negotiate"])  # fmt: skip
CREDENTIAL_TEXT = st.text(st.sampled_from(list("ab:1 \xe9\xfc\u20ac=")), max_size=8)


@st.composite
def basic_rest(draw: st.DrawFn) -> str:
    raw = draw(
        st.one_of(
            CREDENTIAL_TEXT.map(lambda s: s.encode()),
            CREDENTIAL_TEXT.map(lambda s: s.encode("latin-1", "replace")),
            st.binary(max_size=8),
        )
    )
    text = base64.b64encode(raw).decode()
    mangle = draw(st.sampled_from(["", "strip", "extra", "space", "nonascii", "tab"]))
    if mangle == "strip":
        text = text.rstrip("=")
    elif mangle == "extra":
        text += "="
    elif mangle == "space":
        text = text[:2] + " " + text[2:]
    elif mangle == "nonascii":
        text += "\xe9"
    elif mangle == "tab":
        text = "\t" + text + " \t"
    return text


PARAM_REST = st.lists(
    st.tuples(
        st.sampled_from(["username", "realm", "nc", "a", "b*", ""]),
        st.sampled_from(["x", '"y z"', '"a,b"', "", '"unclosed', "UTF-8''%C3%A9"]),
    ),
    max_size=4,
).map(lambda pairs: ", ".join(f"{k}={v}" for k, v in pairs))
TOKEN_REST = st.text(st.sampled_from(list("abc.=_-~+/ ")), max_size=10)


@given(SCHEMES, st.sampled_from([" ", "  ", "\t", " \t"]),
       st.one_of(basic_rest(), PARAM_REST, TOKEN_REST))  # fmt: skip
@settings(max_examples=150)
def test_differential(twin: types.ModuleType, scheme: str, sep: str, rest: str) -> None:
    value = scheme + sep + rest
    ours = parsed(twin.datastructures.Authorization, value)
    theirs = parsed(WA, value)

    if theirs == ("raise", "ValueError"):
        # R11: only non-ASCII Basic credentials make Werkzeug raise.
        assert scheme.lower() == "basic" and not value.partition(" ")[2].isascii()
        assert ours is None
    else:
        assert ours == theirs
