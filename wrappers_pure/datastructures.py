"""Response-side data structures (pure twin).

:class:`Headers` and Werkzeug 3.1's response-side data structures, with
Werkzeug's names. Everything here except :class:`Headers` is shared by both
twins: ``wrappers.datastructures`` re-exports these same classes.
"""

from __future__ import annotations

from wrappers_pure._structures import CallbackDict as CallbackDict
from wrappers_pure._structures import ContentRange as ContentRange
from wrappers_pure._structures import ContentSecurityPolicy as ContentSecurityPolicy
from wrappers_pure._structures import ETags as ETags
from wrappers_pure._structures import HeaderSet as HeaderSet
from wrappers_pure._structures import IfRange as IfRange
from wrappers_pure._structures import ImmutableDictMixin as ImmutableDictMixin
from wrappers_pure._structures import ImmutableMultiDict as ImmutableMultiDict
from wrappers_pure._structures import ImmutableMultiDictMixin as ImmutableMultiDictMixin
from wrappers_pure._structures import iter_multi_items as iter_multi_items
from wrappers_pure._structures import MultiDict as MultiDict
from wrappers_pure._structures import Range as Range
from wrappers_pure._structures import RequestCacheControl as RequestCacheControl
from wrappers_pure._structures import ResponseCacheControl as ResponseCacheControl
from wrappers_pure._structures import TypeConversionDict as TypeConversionDict
from wrappers_pure._structures import UpdateDictMixin as UpdateDictMixin
from wrappers_pure._structures import WWWAuthenticate as WWWAuthenticate
from wrappers_pure.headers import Headers as Headers

__all__ = [
    "CallbackDict",
    "ContentRange",
    "ContentSecurityPolicy",
    "ETags",
    "HeaderSet",
    "Headers",
    "IfRange",
    "ImmutableDictMixin",
    "ImmutableMultiDict",
    "ImmutableMultiDictMixin",
    "MultiDict",
    "Range",
    "RequestCacheControl",
    "ResponseCacheControl",
    "TypeConversionDict",
    "UpdateDictMixin",
    "WWWAuthenticate",
    "iter_multi_items",
]
