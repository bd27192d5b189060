"""The ``User-Agent`` request header as an object (pure; both twins use this
class). Werkzeug 3.1's ``werkzeug.user_agent``.
"""

from __future__ import annotations


class UserAgent:
    """A ``User-Agent`` header value.

    This class parses nothing: it keeps the value as :attr:`string` and leaves
    :attr:`platform`, :attr:`browser`, :attr:`version` and :attr:`language`
    None, as Werkzeug's does. A subclass may parse the string and set them;
    a Request's ``user_agent_class`` names the class to use.

    :param string: The header value.
    """

    #: The operating system's name, when a subclass parsed it.
    platform: str | None = None
    #: The browser's name, when a subclass parsed it.
    browser: str | None = None
    #: The browser's version, when a subclass parsed it.
    version: str | None = None
    #: The browser's language, when a subclass parsed it.
    language: str | None = None

    def __init__(self, string: str) -> None:
        #: The header value, as given.
        self.string: str = string

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.browser}/{self.version}>"

    def __str__(self) -> str:
        """The header value, :attr:`string`."""
        return self.string

    def __bool__(self) -> bool:
        """Whether a browser was recognised (never, unless a subclass parses)."""
        return bool(self.browser)

    def to_header(self) -> str:
        """Return the header value, :attr:`string`."""
        return self.string


__all__ = ["UserAgent"]
