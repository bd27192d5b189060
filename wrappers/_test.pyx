# cython: language_level=3, embedsignature=True, binding=True
"""The compiled twin's :class:`EnvironBuilder` (twin of ``wrappers_pure/test.py``).

The pure builder in all but one attribute: :attr:`~EnvironBuilder.request_class`,
the class :meth:`~EnvironBuilder.get_request` builds by default, is the compiled
twin's Request. Everything else of :mod:`wrappers.test` is the pure module's.
"""

from wrappers._request import Request
from wrappers_pure.test import EnvironBuilder as _PureEnvironBuilder


class EnvironBuilder(_PureEnvironBuilder):
    __doc__ = _PureEnvironBuilder.__doc__

    #: The class :meth:`get_request` makes by default.
    request_class = Request


__all__ = ["EnvironBuilder"]
