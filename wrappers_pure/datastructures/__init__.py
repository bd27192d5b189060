"""The data structures (pure twin): Werkzeug 3.1's
``werkzeug.datastructures``, one topic per module, every public name listed
once here (each module's ``__all__``).

- :mod:`~wrappers_pure.datastructures.mixins`: read-only lists, dicts and headers; change-reporting dicts;
- :mod:`~wrappers_pure.datastructures.structures`: immutable lists and dicts, multi-dicts, the
  callback dict, the header set;
- :mod:`~wrappers_pure.datastructures.combined`: :class:`CombinedMultiDict`;
- :mod:`~wrappers_pure.datastructures.headers`: :class:`Headers`, :class:`EnvironHeaders`;
- :mod:`~wrappers_pure.datastructures.etag`: :class:`ETags`;
- :mod:`~wrappers_pure.datastructures.range`: :class:`Range`, :class:`ContentRange`, :class:`IfRange`;
- :mod:`~wrappers_pure.datastructures.cache_control`: the cache-control dicts;
- :mod:`~wrappers_pure.datastructures.csp`: :class:`ContentSecurityPolicy`;
- :mod:`~wrappers_pure.datastructures.auth`: :class:`Authorization`, :class:`WWWAuthenticate`;
- :mod:`~wrappers_pure.datastructures.accept`: :class:`Accept` and its subclasses;
- :mod:`~wrappers_pure.datastructures.file_storage`: :class:`FileStorage`, :class:`FileMultiDict`.

Everything here except :class:`Headers`, :class:`EnvironHeaders` and the
:class:`Accept` family has one implementation, which both twins share (and so
do their pickles); ``wrappers.datastructures`` swaps in the compiled
:class:`Headers`, :class:`EnvironHeaders` and Accept classes.
"""

from __future__ import annotations

from wrappers_pure.datastructures import accept
from wrappers_pure.datastructures import auth
from wrappers_pure.datastructures import cache_control
from wrappers_pure.datastructures import combined
from wrappers_pure.datastructures import csp
from wrappers_pure.datastructures import etag
from wrappers_pure.datastructures import file_storage
from wrappers_pure.datastructures import headers
from wrappers_pure.datastructures import mixins
from wrappers_pure.datastructures import range
from wrappers_pure.datastructures import structures
from wrappers_pure.datastructures.accept import *  # noqa: F403
from wrappers_pure.datastructures.auth import *  # noqa: F403
from wrappers_pure.datastructures.cache_control import *  # noqa: F403
from wrappers_pure.datastructures.combined import *  # noqa: F403
from wrappers_pure.datastructures.csp import *  # noqa: F403
from wrappers_pure.datastructures.etag import *  # noqa: F403
from wrappers_pure.datastructures.file_storage import *  # noqa: F403
from wrappers_pure.datastructures.headers import *  # noqa: F403
from wrappers_pure.datastructures.mixins import *  # noqa: F403
from wrappers_pure.datastructures.range import *  # noqa: F403
from wrappers_pure.datastructures.structures import *  # noqa: F403

__all__: list[str] = []
__all__ += mixins.__all__
__all__ += structures.__all__
__all__ += combined.__all__
__all__ += headers.__all__
__all__ += etag.__all__
__all__ += range.__all__
__all__ += cache_control.__all__
__all__ += csp.__all__
__all__ += auth.__all__
__all__ += accept.__all__
__all__ += file_storage.__all__
