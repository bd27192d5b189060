"""The ``Authorization`` credentials and the ``WWW-Authenticate`` challenge
(pure; both twins use these classes). Werkzeug 3.1's
``werkzeug.datastructures.auth``.
"""

from __future__ import annotations

import base64
import binascii
import collections.abc as cabc
import typing as t

from wrappers_pure._syntax.quoting import dump_header
from wrappers_pure._syntax.quoting import parse_dict_header
from wrappers_pure._syntax.quoting import quote_header_value
from wrappers_pure.datastructures.structures import CallbackDict

if t.TYPE_CHECKING:  # pragma: no cover
    import typing_extensions as te


class Authorization:
    """The parts of an ``Authorization`` request header: a scheme and either
    parameters or a token.

    The ``Basic`` scheme's token is decoded into the ``username`` and
    ``password`` parameters; ``Digest`` and other schemes whose value has a
    ``=`` that is not trailing have parameters; ``Bearer`` and the others have
    a token. ``auth["key"]``, ``auth.key`` and ``auth.get("key")`` read a
    parameter (None when missing), ``"key" in auth`` tests for one.

    Unlike Werkzeug's (where ``copy.copy``, ``copy.deepcopy`` and pickling
    end in a :exc:`RecursionError` through ``__getattr__``), an instance
    copies and pickles.

    :param auth_type: The scheme, such as ``"basic"``, ``"digest"`` or ``"bearer"``.
    :param data: The parameters (a new empty dict when None).
    :param token: The token, for schemes such as ``Bearer``.
    """

    def __init__(
        self,
        auth_type: str,
        data: dict[str, str | None] | None = None,
        token: str | None = None,
    ) -> None:
        #: The scheme, such as ``basic``, ``digest`` or ``bearer``.
        self.type = auth_type

        if data is None:
            data = {}

        #: The parameters parsed from the header (empty for a token scheme).
        self.parameters = data
        #: The token parsed from the header (None for a parameter scheme).
        self.token = token

    def __getattr__(self, name: str) -> str | None:
        """Return the parameter ``name``, or None when it is missing."""
        # NOTE: an instance made without __init__ (by copy or pickle) has no
        # parameters yet; Werkzeug recurses here until RecursionError. Special
        # names are never parameters: before Python 3.11, copy and pickle look
        # ``__getstate__`` up on the instance, and None would be called.
        if name == "parameters" or (name[:2] == "__" and name[-2:] == "__"):
            raise AttributeError(name)

        return self.parameters.get(name)

    def __getitem__(self, name: str) -> str | None:
        """Return the parameter ``name``, or None when it is missing."""
        return self.parameters.get(name)

    def get(self, key: str, default: str | None = None) -> str | None:
        """Return the parameter ``key``, or ``default`` when it is missing.

        :param key: The parameter name.
        :param default: The value for a missing parameter.
        """
        return self.parameters.get(key, default)

    def __contains__(self, key: str) -> bool:
        """Whether the parameter ``key`` is set."""
        return key in self.parameters

    def __eq__(self, other: object) -> bool:
        """Equal to an Authorization with the same type, token and parameters."""
        if not isinstance(other, Authorization):
            return NotImplemented

        return (
            other.type == self.type
            and other.token == self.token
            and other.parameters == self.parameters
        )

    __hash__ = None  # type: ignore[assignment]

    @classmethod
    def from_header(cls, value: str | None) -> te.Self | None:
        """Parse an ``Authorization`` header value; None when it is empty.

        The scheme is lower-cased. ``Basic`` credentials are base64 of
        ``username:password`` in UTF-8; credentials that are not valid base64
        or do not decode as UTF-8 give None, as in Werkzeug. Stricter than
        Werkzeug: ``Basic`` credentials with a character that is not ASCII give
        None too (Werkzeug raises :exc:`ValueError` from :mod:`base64`, a 500
        any client can cause). The work is linear in the value's length.

        :param value: The header value to parse.
        """
        if not value:
            return None

        scheme, _, rest = value.partition(" ")
        scheme = scheme.lower()
        rest = rest.strip(" \t")

        if scheme == "basic":
            if not rest.isascii():
                return None

            try:
                decoded = base64.b64decode(rest, validate=True).decode()
            except (binascii.Error, UnicodeError):
                return None

            username, _, password = decoded.partition(":")
            return cls(scheme, {"username": username, "password": password})

        if "=" in rest.rstrip("="):
            # A "=" that is not trailing: parameters.
            return cls(scheme, parse_dict_header(rest), None)

        # No "=", or only trailing ones (base64 padding): a token.
        return cls(scheme, None, rest)

    def to_header(self) -> str:
        """Return the ``Authorization`` header value for the scheme and its
        credentials (``Basic`` re-encodes ``username:password``)."""
        if self.type == "basic":
            credentials = f"{self.username}:{self.password}".encode()
            return f"Basic {base64.b64encode(credentials).decode('ascii')}"

        if self.token is not None:
            return f"{self.type.title()} {self.token}"

        return f"{self.type.title()} {dump_header(self.parameters)}"

    def __str__(self) -> str:
        """The same as :meth:`to_header`."""
        return self.to_header()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.to_header()}>"


_WWW_AUTH_SLOTS: t.Final = frozenset(("_type", "_parameters", "_token", "_on_update"))

#: Digest parameters that are always quoted, even when they are tokens.
_DIGEST_QUOTED: t.Final = frozenset(("realm", "domain", "nonce", "opaque", "qop"))


class WWWAuthenticate:
    """The parts of a ``WWW-Authenticate`` header: a scheme and either
    parameters or a token.

    ``auth["key"]`` and ``auth.key`` get (None when missing), set (None
    removes) and delete parameters; ``auth.get("key")`` and ``"key" in auth``
    too. As in Werkzeug, *every* attribute assignment other than the private
    fields sets a parameter (``auth.type = "x"`` sets the parameter ``type``),
    and a missing attribute reads as None. Changes call the ``on_update``
    hook a response attaches.

    :param auth_type: The scheme (stored lower-cased), such as ``"basic"``.
    :param values: The parameters.
    :param token: The token, for schemes such as ``Bearer``.
    """

    def __init__(
        self,
        auth_type: str,
        values: dict[str, str | None] | None = None,
        token: str | None = None,
    ):
        self._type = auth_type.lower()
        self._parameters: dict[str, str | None] = CallbackDict(
            values, self._parameters_changed
        )
        self._token = token
        self._on_update: cabc.Callable[[WWWAuthenticate], None] | None = None

    def _trigger_on_update(self) -> None:
        """Call the ``on_update`` hook, if set."""
        if self._on_update is not None:
            self._on_update(self)

    def _parameters_changed(self, parameters: t.Any) -> None:
        """The ``on_update`` of the parameters dict."""
        self._trigger_on_update()

    @property
    def type(self) -> str:
        """The scheme, lower-cased: ``basic``, ``digest``, ``bearer``, ..."""
        return self._type

    @type.setter
    def type(self, value: str) -> None:
        self._type = value
        self._trigger_on_update()

    @property
    def parameters(self) -> dict[str, str | None]:
        """The parameters (a dict whose changes update the header). Set either
        these or :attr:`token`."""
        return self._parameters

    @parameters.setter
    def parameters(self, value: dict[str, str]) -> None:
        self._parameters = CallbackDict(value, self._parameters_changed)
        self._trigger_on_update()

    @property
    def token(self) -> str | None:
        """The token, for schemes that send one instead of parameters."""
        return self._token

    @token.setter
    def token(self, value: str | None) -> None:
        self._token = value
        self._trigger_on_update()

    def __getitem__(self, key: str) -> str | None:
        """Return a parameter, or None."""
        return self.parameters.get(key)

    def __setitem__(self, key: str, value: str | None) -> None:
        """Set a parameter; None removes it."""
        if value is None:
            if key in self.parameters:
                del self.parameters[key]
        else:
            self.parameters[key] = value

        self._trigger_on_update()

    def __delitem__(self, key: str) -> None:
        """Remove a parameter (no error if absent)."""
        if key in self.parameters:
            del self.parameters[key]
            self._trigger_on_update()

    def __getattr__(self, name: str) -> str | None:
        """Return a parameter, or None."""
        # NOTE: an instance whose fields are not set yet (during unpickling or
        # copying) has no parameters; looking them up would recurse.
        if name in _WWW_AUTH_SLOTS:
            raise AttributeError(name)

        return self[name]

    def __setattr__(self, name: str, value: str | None) -> None:
        """Set a private field, or else a parameter (see the class docstring)."""
        if name in _WWW_AUTH_SLOTS:
            object.__setattr__(self, name, value)
        else:
            self[name] = value

    def __delattr__(self, name: str) -> None:
        """Remove a parameter (no error if absent)."""
        del self[name]

    def __contains__(self, key: str) -> bool:
        """Whether a parameter is set."""
        return key in self.parameters

    def __eq__(self, other: object) -> bool:
        """Equal to another WWWAuthenticate with the same scheme, token and
        parameters."""
        if not isinstance(other, WWWAuthenticate):
            return NotImplemented

        return (
            other.type == self.type
            and other.token == self.token
            and other.parameters == self.parameters
        )

    __hash__ = None  # type: ignore[assignment]

    def get(self, key: str, default: str | None = None) -> str | None:
        """Return a parameter, or ``default``.

        :param key: The parameter.
        :param default: Returned when it is not set.
        """
        return self.parameters.get(key, default)

    @classmethod
    def from_header(cls, value: str | None) -> te.Self | None:
        """Parse a ``WWW-Authenticate`` value; None for an empty or missing one.

        After the scheme comes a token, or parameters when there is an ``=``
        that is not trailing.

        :param value: The header value.
        """
        if not value:
            return None

        scheme, _, rest = value.partition(" ")
        rest = rest.strip(" \t")

        if "=" in rest.rstrip("="):
            return cls(scheme.lower(), parse_dict_header(rest), None)

        return cls(scheme.lower(), None, rest)

    def to_header(self) -> str:
        """Return the header value: the title-cased scheme and the token or
        the parameters. Digest's ``realm``, ``domain``, ``nonce``, ``opaque``
        and ``qop`` are always quoted."""

        if self.token is not None:
            return f"{self.type.title()} {self.token}"

        if not self.parameters:
            return self.type.title()

        if self.type == "digest":
            parts = []

            for key, value in self.parameters.items():
                allow_token = key not in _DIGEST_QUOTED
                quoted = quote_header_value(value, allow_token=allow_token)
                parts.append(f"{key}={quoted}")

            return f"Digest {', '.join(parts)}"

        return f"{self.type.title()} {dump_header(self.parameters)}"

    def __reduce__(self) -> tuple[t.Any, ...]:
        """Pickle and copy support: the scheme, the parameters and the token.

        (Werkzeug's objects can be neither pickled nor copied; the ``on_update``
        hook is not carried over.)
        """
        # NOTE: the scheme is also passed as state: the constructor lower-cases
        # it, the ``type`` property's setter does not.
        return (
            self.__class__,
            (self._type, dict(self._parameters), self._token),
            self._type,
        )

    def __setstate__(self, state: str) -> None:
        """Restore the scheme exactly as it was (see :meth:`__reduce__`)."""
        object.__setattr__(self, "_type", state)

    def __str__(self) -> str:
        """The same as :meth:`to_header`."""
        return self.to_header()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.to_header()}>"


__all__ = ["Authorization", "WWWAuthenticate"]
