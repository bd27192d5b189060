"""Response-side data structures, from the twin the shim picked.

:class:`Headers` is the compiled class when :data:`wrappers.COMPILED` is true;
every other class has one implementation, in :mod:`wrappers_pure`, which both
twins share.
"""

from __future__ import annotations

import typing as t

from wrappers import COMPILED
from wrappers_pure.datastructures import CallbackDict as CallbackDict
from wrappers_pure.datastructures import ContentRange as ContentRange
from wrappers_pure.datastructures import ContentSecurityPolicy as ContentSecurityPolicy
from wrappers_pure.datastructures import ETags as ETags
from wrappers_pure.datastructures import HeaderSet as HeaderSet
from wrappers_pure.datastructures import IfRange as IfRange
from wrappers_pure.datastructures import ImmutableDictMixin as ImmutableDictMixin
from wrappers_pure.datastructures import ImmutableMultiDict as ImmutableMultiDict
from wrappers_pure.datastructures import (
    ImmutableMultiDictMixin as ImmutableMultiDictMixin,
)
from wrappers_pure.datastructures import iter_multi_items as iter_multi_items
from wrappers_pure.datastructures import MultiDict as MultiDict
from wrappers_pure.datastructures import Range as Range
from wrappers_pure.datastructures import RequestCacheControl as RequestCacheControl
from wrappers_pure.datastructures import ResponseCacheControl as ResponseCacheControl
from wrappers_pure.datastructures import TypeConversionDict as TypeConversionDict
from wrappers_pure.datastructures import UpdateDictMixin as UpdateDictMixin
from wrappers_pure.datastructures import WWWAuthenticate as WWWAuthenticate

if t.TYPE_CHECKING or not COMPILED:
    from wrappers_pure.datastructures import Headers as Headers
else:
    from wrappers._headers import Headers

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
