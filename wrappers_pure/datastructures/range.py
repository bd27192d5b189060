"""The ``Range``, ``Content-Range`` and ``If-Range`` headers (pure; both twins
use these classes). Werkzeug 3.1's ``werkzeug.datastructures.range``.
"""

from __future__ import annotations

import collections.abc as cabc
import typing as t

from wrappers_pure._syntax.dates import http_date
from wrappers_pure._syntax.etags import quote_etag
from wrappers_pure._syntax.ranges import is_byte_range_valid

if t.TYPE_CHECKING:  # pragma: no cover
    from datetime import datetime

    import typing_extensions as te

T = t.TypeVar("T")



class IfRange:
    """The ``If-Range`` header: an entity tag, a date, or neither (never both).

    :param etag: The unquoted tag.
    :param date: The date.
    """

    def __init__(self, etag: str | None = None, date: datetime | None = None):
        #: The unquoted entity tag, or None.
        self.etag = etag
        #: The date, or None.
        self.date = date

    def to_header(self) -> str:
        """Return the header value: the HTTP date, else the quoted tag, else ``""``."""
        if self.date is not None:
            return http_date(self.date)

        if self.etag is not None:
            return quote_etag(self.etag)

        return ""

    def __str__(self) -> str:
        """The same as :meth:`to_header`."""
        return self.to_header()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {str(self)!r}>"


class Range:
    """The ``Range`` header: a unit and a list of ranges.

    Each range is a ``(start, stop)`` pair with ``stop`` exclusive; ``stop`` is
    None for an open range (``start-``) or a suffix (negative ``start``). The
    methods that compute the part to send work only for one ``bytes`` range.

    :param units: The unit, normally ``"bytes"``.
    :param ranges: The ``(start, stop)`` pairs.
    :raise ValueError: A range has no start, or a stop with a negative start or
        a start not below it.
    """

    def __init__(
        self, units: str, ranges: cabc.Sequence[tuple[int, int | None]]
    ) -> None:
        #: The unit, normally ``"bytes"``.
        self.units = units
        #: The ``(start, stop)`` pairs, ``stop`` exclusive or None.
        self.ranges = ranges

        for start, stop in ranges:
            if start is None or (stop is not None and (start < 0 or start >= stop)):
                raise ValueError(f"{(start, stop)} is not a valid range.")

    def range_for_length(self, length: int | None) -> tuple[int, int] | None:
        """Return the ``(start, stop)`` to send out of ``length`` bytes, or None
        when the unit is not bytes, the length is unknown, there is not exactly
        one range, or it cannot be satisfied.

        :param length: The length of the full body.
        """
        if self.units != "bytes" or length is None or len(self.ranges) != 1:
            return None

        start, stop = self.ranges[0]

        if stop is None:
            stop = length

            if start < 0:
                start += length

        if is_byte_range_valid(start, stop, length):
            return start, min(stop, length)

        return None

    def make_content_range(self, length: int | None) -> ContentRange | None:
        """Return the :class:`ContentRange` that answers this range for
        ``length`` bytes, or None (see :meth:`range_for_length`).

        :param length: The length of the full body.
        """
        rng = self.range_for_length(length)

        if rng is None:
            return None

        return ContentRange(self.units, rng[0], rng[1], length)

    def to_header(self) -> str:
        """Return the header value, such as ``bytes=0-499,-500``."""
        parts = []

        for start, stop in self.ranges:
            if stop is not None:
                parts.append(f"{start}-{stop - 1}")
            elif start >= 0:
                parts.append(f"{start}-")
            else:
                parts.append(str(start))

        return f"{self.units}={','.join(parts)}"

    def to_content_range_header(self, length: int | None) -> str | None:
        """Return the ``Content-Range`` value that answers this range for
        ``length`` bytes, or None (see :meth:`range_for_length`).

        :param length: The length of the full body.
        """
        rng = self.range_for_length(length)

        if rng is None:
            return None

        return f"{self.units} {rng[0]}-{rng[1] - 1}/{length}"

    def __str__(self) -> str:
        """The same as :meth:`to_header`."""
        return self.to_header()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {str(self)!r}>"


class _CallbackProperty(t.Generic[T]):
    """A :class:`ContentRange` field: stored as ``_name``; setting it calls
    the object's ``on_update``."""

    def __set_name__(self, owner: type[ContentRange], name: str) -> None:
        self.attr = f"_{name}"

    @t.overload
    def __get__(self, instance: None, owner: None) -> te.Self: ...
    @t.overload
    def __get__(self, instance: ContentRange, owner: type[ContentRange]) -> T: ...
    def __get__(
        self, instance: ContentRange | None, owner: type[ContentRange] | None
    ) -> te.Self | T:
        if instance is None:
            return self

        return instance.__dict__[self.attr]  # type: ignore[no-any-return]

    def __set__(self, instance: ContentRange, value: T) -> None:
        instance.__dict__[self.attr] = value

        if instance.on_update is not None:
            instance.on_update(instance)


class ContentRange:
    """The ``Content-Range`` header.

    Setting a field, :meth:`set` or :meth:`unset` (and the constructor) call
    ``on_update(self)``.

    :param units: The unit, normally ``"bytes"``; None means "no header".
    :param start: The first byte, or None (``*``, with ``stop`` None too).
    :param stop: One past the last byte, or None.
    :param length: The full length, or None (``*``).
    :param on_update: Called with the object after each change.
    :raise AssertionError: The range is not valid (see :func:`is_byte_range_valid`).
    """

    def __init__(
        self,
        units: str | None,
        start: int | None,
        stop: int | None,
        length: int | None = None,
        on_update: cabc.Callable[[ContentRange], None] | None = None,
    ) -> None:
        self.on_update = on_update
        self.set(start, stop, length, units)

    #: The unit, normally ``"bytes"``; None when the header is unset.
    units: str | None = _CallbackProperty()  # type: ignore[assignment]
    #: The first byte, or None.
    start: int | None = _CallbackProperty()  # type: ignore[assignment]
    #: One past the last byte, or None (only when ``start`` is None too).
    stop: int | None = _CallbackProperty()  # type: ignore[assignment]
    #: The full length, or None.
    length: int | None = _CallbackProperty()  # type: ignore[assignment]

    def set(
        self,
        start: int | None,
        stop: int | None,
        length: int | None = None,
        units: str | None = "bytes",
    ) -> None:
        """Set every field at once, then call ``on_update``.

        :param start: The first byte, or None.
        :param stop: One past the last byte, or None.
        :param length: The full length, or None.
        :param units: The unit.
        :raise AssertionError: The range is not valid.
        """
        # NOTE: Werkzeug checks with ``assert`` (so not under ``python -O``);
        # this check runs always and raises the same type.
        if not is_byte_range_valid(start, stop, length):
            raise AssertionError("Bad range provided")

        self._units: str | None = units
        self._start: int | None = start
        self._stop: int | None = stop
        self._length: int | None = length

        if self.on_update is not None:
            self.on_update(self)

    def unset(self) -> None:
        """Clear every field, the unit included: the header is to be removed."""
        self.set(None, None, units=None)

    def to_header(self) -> str:
        """Return the header value, such as ``bytes 0-499/1234``; ``""`` when
        the unit is None."""
        if self._units is None:
            return ""

        length = "*" if self._length is None else self._length

        if self._start is None:
            return f"{self._units} */{length}"

        stop = self._stop - 1  # type: ignore[operator]
        return f"{self._units} {self._start}-{stop}/{length}"

    def __bool__(self) -> bool:
        """Whether the unit is set."""
        return self._units is not None

    def __str__(self) -> str:
        """The same as :meth:`to_header`."""
        return self.to_header()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {str(self)!r}>"


__all__ = ["ContentRange", "IfRange", "Range"]
