"""The ``Accept`` header family (pure twin): Werkzeug 3.1's
``werkzeug.datastructures.accept``.

:class:`Accept` is an immutable list of ``(value, quality)`` pairs, sorted by
specificity and quality (most preferred first); :class:`MIMEAccept`,
:class:`LanguageAccept` and :class:`CharsetAccept` match values by the rules of
their headers. :func:`wrappers_pure.http.parse_accept_header` builds them.

PERF: :meth:`Accept.best_match` looks each candidate up with
:meth:`Accept._single_matcher`, which normalises every client item once per
call (Werkzeug normalises both sides again for every comparison). It is used
only while the class keeps the stock ``_value_matches``,
``_best_single_match`` and ``__iter__``: a subclass that overrides one of them
gets exactly Werkzeug's generic loop. The compiled twin
(``wrappers/_accept.pyx``) subclasses these classes and does the same matching
in C, with the same guards.
"""

from __future__ import annotations

import codecs
import collections.abc as cabc
import re
import typing as t

from wrappers_pure.datastructures.structures import ImmutableList

_Pair = tuple[str, float]
_Single = t.Callable[[str], "_Pair | None"]


class Accept(ImmutableList[tuple[str, float]]):
    """An immutable list of ``(value, quality)`` pairs, sorted by specificity
    and then quality, most preferred first (pairs that tie keep their order).

    Lookups by a string follow the header's matching rules:
    ``accept["utf-8"]`` (or :meth:`quality`) is the quality of the first item
    that matches (``0`` if none does), ``"x" in accept`` whether any does.

    >>> a = CharsetAccept([("ISO-8859-1", 1), ("utf-8", 0.7)])
    >>> a.best
    'ISO-8859-1'
    >>> "UTF8" in a, a["utf-8"], a["utf7"]
    (True, 0.7, 0)

    :param values: ``(value, quality)`` pairs; None for a header that was not
        sent (:attr:`provided` is then false); another :class:`Accept` is
        copied as it is.
    """

    #: Whether the header was sent (False for ``Accept(None)``).
    provided: bool

    def __init__(
        self, values: Accept | cabc.Iterable[tuple[str, float]] | None = ()
    ) -> None:
        if values is None:
            super().__init__()
            self.provided = False
        elif isinstance(values, Accept):
            self.provided = values.provided
            super().__init__(values)
        else:
            self.provided = True
            values = sorted(
                values, key=lambda x: (self._specificity(x[0]), x[1]), reverse=True
            )
            super().__init__(values)

    def _specificity(self, value: str) -> tuple[bool, ...]:
        """A tuple describing how specific ``value`` is (larger is more)."""
        return (value != "*",)

    def _value_matches(self, value: str, item: str) -> bool:
        """Whether the server's ``value`` matches the client's ``item``."""
        return item == "*" or item.lower() == value.lower()

    @t.overload
    def __getitem__(self, key: str) -> float: ...
    @t.overload
    def __getitem__(self, key: t.SupportsIndex) -> tuple[str, float]: ...
    @t.overload
    def __getitem__(self, key: slice) -> list[tuple[str, float]]: ...
    def __getitem__(
        self, key: str | t.SupportsIndex | slice
    ) -> float | tuple[str, float] | list[tuple[str, float]]:
        """An item by index (or a slice); by a string, its :meth:`quality`."""
        if isinstance(key, str):
            return self.quality(key)
        return list.__getitem__(self, key)

    def quality(self, key: str) -> float:
        """The quality of the first item matching ``key``, or ``0``."""
        for item, quality in self:
            if self._value_matches(key, item):
                return quality
        return 0

    def __contains__(self, value: str) -> bool:  # type: ignore[override]
        for item, _quality in self:
            if self._value_matches(value, item):
                return True
        return False

    def __repr__(self) -> str:
        pairs_str = ", ".join(f"({x!r}, {y})" for x, y in self)
        return f"{type(self).__name__}([{pairs_str}])"

    def index(self, key: str | tuple[str, float]) -> int:  # type: ignore[override]
        """The position of the first item matching ``key`` (a string), or of
        the pair ``key``; :exc:`ValueError` if there is none.
        """
        if isinstance(key, str):
            for idx, (item, _quality) in enumerate(self):
                if self._value_matches(key, item):
                    return idx
            raise ValueError(key)
        return list.index(self, key)

    def find(self, key: str | tuple[str, float]) -> int:
        """Like :meth:`index`, but ``-1`` instead of :exc:`ValueError`."""
        try:
            return self.index(key)
        except ValueError:
            return -1

    def values(self) -> cabc.Iterator[str]:
        """Iterate over the values, without their qualities."""
        for item in self:
            yield item[0]

    def to_header(self) -> str:
        """The header value: items joined by ``,``, ``;q=`` unless the quality is 1."""
        result = []
        for value, quality in self:
            if quality != 1:
                value = f"{value};q={quality}"
            result.append(value)
        return ",".join(result)

    def __str__(self) -> str:
        return self.to_header()

    def _best_single_match(self, match: str) -> tuple[str, float] | None:
        for client_item, quality in self:
            if self._value_matches(match, client_item):
                # sorted by specificity, most specific first: the first wins
                return client_item, quality
        return None

    def _single_matcher(self) -> _Single:
        """:meth:`_best_single_match`, or a function that gives the same
        answers with each client item normalised once (see the module)."""
        if (
            _stock(self, "_value_matches", _STOCK_MATCHES.get(type(self)._kind))
            and _stock(self, "_best_single_match", Accept._best_single_match)
            and _stock(self, "__iter__", list.__iter__)
        ):
            prepared = _prepare(self)

            if prepared is not None:
                return prepared

        return self._best_single_match

    #: Which stock ``_value_matches`` the class is made for.
    _kind: t.ClassVar[str] = "plain"

    @t.overload
    def best_match(self, matches: cabc.Iterable[str]) -> str | None: ...
    @t.overload
    def best_match(self, matches: cabc.Iterable[str], default: str = ...) -> str: ...
    def best_match(
        self, matches: cabc.Iterable[str], default: str | None = None
    ) -> str | None:
        """The server value of ``matches`` the client prefers: the highest
        quality, then the most specific client item; the first of ``matches``
        wins a tie. ``default`` if none is acceptable (quality above 0).

        :param matches: The values the server can offer.
        :param default: What to return when none matches.
        """
        single = self._single_matcher()
        result = default
        best_quality: float = -1
        best_specificity: tuple[float, ...] = (-1,)
        for server_item in matches:
            match = single(server_item)
            if not match:
                continue
            client_item, quality = match
            specificity = self._specificity(client_item)
            if quality <= 0 or quality < best_quality:
                continue
            # a better quality, or as good and more specific
            if quality > best_quality or specificity > best_specificity:
                result = server_item
                best_quality = quality
                best_specificity = specificity
        return result

    @property
    def best(self) -> str | None:
        """The most preferred value, or None if there is none."""
        if self:
            return self[0][0]

        return None


def _stock(obj: object, name: str, function: object) -> bool:
    """Whether ``type(obj)`` has ``function`` itself as ``name``."""
    return getattr(type(obj), name, None) is function


_mime_split_re = re.compile(r"/|(?:[ \t]*;[ \t]*)")


def _normalize_mime(value: str) -> list[str]:
    return _mime_split_re.split(value.lower())


def _mime_parts(value: str) -> tuple[str, str, list[str]]:
    """``(type, subtype, sorted parameters)`` of a lower-cased split (the
    value has a ``/``)."""
    # PERF: without ";" the split is at "/" alone
    if ";" not in value:
        parts = value.lower().split("/")
        if len(parts) == 2:
            return parts[0], parts[1], []
    else:
        parts = _normalize_mime(value)
    return parts[0], parts[1], sorted(parts[2:])


class MIMEAccept(Accept):
    """:class:`Accept` for media types (``Accept``): ``type/subtype`` with
    parameters, ``type/*`` and ``*/*``; a value without ``/`` never matches.
    """

    _kind = "mime"

    def _specificity(self, value: str) -> tuple[bool, ...]:
        # PERF: without ";" the split is at "/" alone
        if type(value) is str and ";" not in value:
            return tuple([x != "*" for x in value.split("/")])
        return tuple(x != "*" for x in _mime_split_re.split(value))

    def _value_matches(self, value: str, item: str) -> bool:
        # the client's item may be anything: an invalid one does not match
        if "/" not in item:
            return False

        # the server's value is the application's: an invalid one is an error
        if "/" not in value:
            raise ValueError(f"invalid mimetype {value!r}")

        value_type, value_subtype, value_params = _mime_parts(value)

        # only "*/*" may start with "*"
        if value_type == "*" and value_subtype != "*":
            raise ValueError(f"invalid mimetype {value!r}")

        item_type, item_subtype, item_params = _mime_parts(item)

        if item_type == "*" and item_subtype != "*":
            return False

        return _mime_match(
            value_type, value_subtype, value_params, item_type, item_subtype, item_params
        )

    @property
    def accept_html(self) -> bool:
        """True if this object accepts HTML."""
        return "text/html" in self or self.accept_xhtml  # type: ignore[comparison-overlap]

    @property
    def accept_xhtml(self) -> bool:
        """True if this object accepts XHTML."""
        return "application/xhtml+xml" in self or "application/xml" in self  # type: ignore[comparison-overlap]

    @property
    def accept_json(self) -> bool:
        """True if this object accepts JSON."""
        return "application/json" in self  # type: ignore[comparison-overlap]


def _mime_match(
    vt: str, vs: str, vp: list[str], it: str, is_: str, ip: list[str]
) -> bool:
    """Whether a valid value's parts match a valid item's parts."""
    return (
        (it == "*" and is_ == "*")
        or (vt == "*" and vs == "*")
        or (it == vt and (is_ == "*" or vs == "*" or (is_ == vs and ip == vp)))
    )


_locale_delim_re = re.compile(r"[_-]")


def _normalize_lang(value: str) -> list[str]:
    """A language tag for matching: lower case, split at ``-`` and ``_``."""
    return _locale_delim_re.split(value.lower())


class LanguageAccept(Accept):
    """:class:`Accept` for language tags: case-insensitive, ``-`` and ``_``
    alike."""

    _kind = "language"

    def _value_matches(self, value: str, item: str) -> bool:
        return item == "*" or _normalize_lang(value) == _normalize_lang(item)

    @t.overload
    def best_match(self, matches: cabc.Iterable[str]) -> str | None: ...
    @t.overload
    def best_match(self, matches: cabc.Iterable[str], default: str = ...) -> str: ...
    def best_match(
        self, matches: cabc.Iterable[str], default: str | None = None
    ) -> str | None:
        """The best of ``matches`` as :meth:`Accept.best_match` finds it; if
        none, the best by primary tags: first the client's (``en-US`` accepts
        ``en``), then the server's (``en`` accepts ``en-US``, and the first of
        ``matches`` with that primary tag is returned). ``default`` if none.

        :param matches: The language tags the server can offer (returned as given).
        :param default: What to return when none matches.
        """
        result = super().best_match(matches)

        if result is not None:
            return result

        # the client's primary tags ("en-US" accepts "en")
        fallback = Accept(
            [(_locale_delim_re.split(item[0], 1)[0], item[1]) for item in self]
        )
        result = fallback.best_match(matches)

        if result is not None:
            return result

        # the server's primary tags ("en" accepts "en-US")
        fallback_matches = [_locale_delim_re.split(item, 1)[0] for item in matches]
        result = super().best_match(fallback_matches)

        if result is not None:
            return next(item for item in matches if item.startswith(result))

        return default


def _normalize_charset(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name.lower()


class CharsetAccept(Accept):
    """:class:`Accept` for charsets: names are compared as codecs
    (``UTF8`` matches ``utf-8``)."""

    _kind = "charset"

    def _value_matches(self, value: str, item: str) -> bool:
        return item == "*" or _normalize_charset(value) == _normalize_charset(item)


#: Kind -> the stock ``_value_matches`` :meth:`Accept._single_matcher` stands in for.
_STOCK_MATCHES: dict[str, object] = {
    "plain": Accept._value_matches,
    "mime": MIMEAccept._value_matches,
    "language": LanguageAccept._value_matches,
    "charset": CharsetAccept._value_matches,
}


def _prepare(accept: Accept) -> _Single | None:
    """A stand-in for ``accept._best_single_match`` with the client items
    normalised once, or None if an item is not a ``(str, quality)`` pair (or
    the class matches charsets).

    NOTE: each stand-in returns what the stock ``_value_matches`` loop returns
    and raises what it raises; a value that is not a ``str`` takes that loop.
    """
    items: list[tuple[str, float]] = []

    for pair in list.__iter__(accept):
        if type(pair) is not tuple or len(pair) != 2 or type(pair[0]) is not str:
            return None
        items.append(pair)

    generic = accept._best_single_match
    kind = type(accept)._kind

    if kind == "mime":
        return _mime_matcher(items, generic)

    # NOTE: charsets are not prepared: codecs.lookup can raise for an item
    # (NUL, surrogates) that the stock loop never reaches.
    if kind == "charset":
        return None

    normalise: t.Callable[[str], object] = (
        _normalize_lang if kind == "language" else str.lower
    )

    keys = [(item == "*", normalise(item), item, q) for item, q in items]

    def single(value: str) -> _Pair | None:
        if type(value) is not str:
            return generic(value)

        key: object = None

        for star, norm, item, q in keys:
            if star:
                return item, q
            if key is None:
                key = normalise(value)
            if norm == key:
                return item, q

        return None

    return single


def _mime_matcher(items: list[_Pair], generic: _Single) -> _Single:
    """The MIME stand-in (see :func:`_prepare`)."""
    # None: no "/" (never matches); False: "*/x" (never matches)
    keys: list[tuple[tuple[str, str, list[str]] | None, str, float]] = []
    any_slash = False

    for item, q in items:
        if "/" not in item:
            keys.append((None, item, q))
            continue

        any_slash = True
        parts = _mime_parts(item)
        keys.append((None if parts[0] == "*" and parts[1] != "*" else parts, item, q))

    def single(value: str) -> _Pair | None:
        if type(value) is not str:
            return generic(value)

        if not any_slash:
            return None

        if "/" not in value:
            raise ValueError(f"invalid mimetype {value!r}")

        vt, vs, vp = _mime_parts(value)

        if vt == "*" and vs != "*":
            raise ValueError(f"invalid mimetype {value!r}")

        for parts, item, q in keys:
            if parts is not None and _mime_match(vt, vs, vp, *parts):
                return item, q

        return None

    return single


__all__ = ["Accept", "CharsetAccept", "LanguageAccept", "MIMEAccept"]
