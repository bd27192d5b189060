"""The ``Content-Security-Policy`` directives (pure; both twins use this class).
Werkzeug 3.1's ``werkzeug.datastructures.csp``.
"""

from __future__ import annotations

import collections.abc as cabc
import typing as t

from wrappers_pure._syntax.quoting import dump_csp_header
from wrappers_pure.datastructures.structures import CallbackDict



def csp_property(key: str) -> t.Any:
    """Return a property for the CSP directive ``key``, for use in a
    :class:`ContentSecurityPolicy` subclass.

    :param key: The directive, as in the header (``"script-src"``).
    """

    def fget(self: ContentSecurityPolicy) -> str | None:
        return self._get_value(key)

    def fset(self: ContentSecurityPolicy, value: str | None) -> None:
        self._set_value(key, value)

    def fdel(self: ContentSecurityPolicy) -> None:
        self._del_value(key)

    return property(fget, fset, fdel, f"The {key!r} directive, or ``None``.")


class ContentSecurityPolicy(CallbackDict[str, str]):
    """A dict of ``Content-Security-Policy`` directives, with a property per
    CSP level 3 directive (``_`` for ``-``: ``script_src``).

    Setting a property to None removes the directive; every change calls
    ``on_update``.

    :param values: Initial directives; None marks the header as not provided.
    :param on_update: Called with the object after each change.
    """

    base_uri: str | None = csp_property("base-uri")
    child_src: str | None = csp_property("child-src")
    connect_src: str | None = csp_property("connect-src")
    default_src: str | None = csp_property("default-src")
    font_src: str | None = csp_property("font-src")
    form_action: str | None = csp_property("form-action")
    frame_ancestors: str | None = csp_property("frame-ancestors")
    frame_src: str | None = csp_property("frame-src")
    img_src: str | None = csp_property("img-src")
    manifest_src: str | None = csp_property("manifest-src")
    media_src: str | None = csp_property("media-src")
    navigate_to: str | None = csp_property("navigate-to")
    object_src: str | None = csp_property("object-src")
    prefetch_src: str | None = csp_property("prefetch-src")
    plugin_types: str | None = csp_property("plugin-types")
    report_to: str | None = csp_property("report-to")
    report_uri: str | None = csp_property("report-uri")
    sandbox: str | None = csp_property("sandbox")
    script_src: str | None = csp_property("script-src")
    script_src_attr: str | None = csp_property("script-src-attr")
    script_src_elem: str | None = csp_property("script-src-elem")
    style_src: str | None = csp_property("style-src")
    style_src_attr: str | None = csp_property("style-src-attr")
    style_src_elem: str | None = csp_property("style-src-elem")
    worker_src: str | None = csp_property("worker-src")

    def __init__(
        self,
        values: cabc.Mapping[str, str] | cabc.Iterable[tuple[str, str]] | None = (),
        on_update: cabc.Callable[[ContentSecurityPolicy], None] | None = None,
    ) -> None:
        super().__init__(values, on_update)
        #: Whether the header was there (False when ``values`` was None).
        self.provided = values is not None

    def _get_value(self, key: str) -> str | None:
        """The value of a directive for its property."""
        return self.get(key)

    def _set_value(self, key: str, value: str | None) -> None:
        """Store a directive set through its property (None removes it)."""
        if value is None:
            self.pop(key, None)
        else:
            self[key] = value

    def _del_value(self, key: str) -> None:
        """Remove a directive deleted through its property (no error if absent)."""
        if key in self:
            del self[key]

    def to_header(self) -> str:
        """Return the header value: ``directive value`` parts joined by ``"; "``."""

        return dump_csp_header(self)

    def __str__(self) -> str:
        """The same as :meth:`to_header`."""
        return self.to_header()

    def __repr__(self) -> str:
        kv_str = " ".join([f"{k}={v!r}" for k, v in sorted(self.items())])
        return f"<{type(self).__name__} {kv_str}>"


__all__ = ["ContentSecurityPolicy"]
