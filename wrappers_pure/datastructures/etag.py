"""The entity tags of ``If-Match`` / ``If-None-Match`` (pure; both twins use
this class). Werkzeug 3.1's ``werkzeug.datastructures.etag``.
"""

from __future__ import annotations

import collections.abc as cabc

from wrappers_pure._syntax.etags import generate_etag
from wrappers_pure._syntax.etags import unquote_etag



class ETags(cabc.Collection[str]):
    """The entity tags of an ``If-Match`` or ``If-None-Match`` header.

    Tags are stored unquoted. ``in``, :func:`len` and iteration see the strong
    tags only; :meth:`contains_weak` sees the weak ones too. The star tag
    (``*``) matches every tag.

    :param strong_etags: The strong tags (ignored with ``star_tag``).
    :param weak_etags: The weak tags.
    :param star_tag: Whether the header was ``*``.
    """

    def __init__(
        self,
        strong_etags: cabc.Iterable[str] | None = None,
        weak_etags: cabc.Iterable[str] | None = None,
        star_tag: bool = False,
    ):
        if not star_tag and strong_etags:
            self._strong = frozenset(strong_etags)
        else:
            self._strong = frozenset()

        self._weak = frozenset(weak_etags or ())
        self.star_tag = star_tag

    def as_set(self, include_weak: bool = False) -> set[str]:
        """Return the strong tags as a new :class:`set`.

        :param include_weak: Include the weak tags too.
        """
        rv = set(self._strong)

        if include_weak:
            rv.update(self._weak)

        return rv

    def is_weak(self, etag: str) -> bool:
        """Whether ``etag`` (unquoted) is one of the weak tags.

        :param etag: The tag.
        """
        return etag in self._weak

    def is_strong(self, etag: str) -> bool:
        """Whether ``etag`` (unquoted) is one of the strong tags.

        :param etag: The tag.
        """
        return etag in self._strong

    def contains_weak(self, etag: str) -> bool:
        """Whether ``etag`` (unquoted) matches a weak tag, a strong tag or the star.

        :param etag: The tag.
        """
        return self.is_weak(etag) or self.contains(etag)

    def contains(self, etag: str) -> bool:
        """Whether ``etag`` (unquoted) matches a strong tag or the star; the
        same as ``etag in tags``.

        :param etag: The tag.
        """
        if self.star_tag:
            return True

        return self.is_strong(etag)

    def contains_raw(self, etag: str) -> bool:
        """Whether a quoted tag matches: a weak one (``W/"..."``) by
        :meth:`contains_weak`, a strong one by :meth:`contains`.

        :param etag: The tag as it appears in a header.
        """

        tag, weak = unquote_etag(etag)

        if weak:
            return self.contains_weak(tag)

        return self.contains(tag)

    def to_header(self) -> str:
        """Return the header value: ``*``, or the strong tags quoted then the
        weak ones as ``W/"..."``, joined by ``", "``."""
        if self.star_tag:
            return "*"

        parts = [f'"{tag}"' for tag in self._strong]

        for tag in self._weak:
            parts.append(f'W/"{tag}"')

        return ", ".join(parts)

    def __call__(
        self,
        etag: str | None = None,
        data: bytes | None = None,
        include_weak: bool = False,
    ) -> bool:
        """Whether a tag, or the tag of ``data``, is one of the strong tags
        (or weak ones, with ``include_weak``). The star tag is not consulted.

        :param etag: The unquoted tag.
        :param data: The body to compute the tag of when ``etag`` is None;
            :exc:`TypeError` when both are None.
        :param include_weak: Match weak tags too.
        """
        if etag is None:
            if data is None:
                raise TypeError("'data' is required when 'etag' is not given.")


            etag = generate_etag(data)

        if include_weak and etag in self._weak:
            return True

        return etag in self._strong

    def __bool__(self) -> bool:
        """Whether there is a tag or the star."""
        return bool(self.star_tag or self._strong or self._weak)

    def __str__(self) -> str:
        """The same as :meth:`to_header`."""
        return self.to_header()

    def __len__(self) -> int:
        """The number of strong tags."""
        return len(self._strong)

    def __iter__(self) -> cabc.Iterator[str]:
        """Iterate over the strong tags."""
        return iter(self._strong)

    def __contains__(self, etag: str) -> bool:  # type: ignore[override]
        """The same as :meth:`contains`."""
        return self.contains(etag)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {str(self)!r}>"


__all__ = ["ETags"]
