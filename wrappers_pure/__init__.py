"""The pure-Python twin of :mod:`wrappers`.

It has the same public names and behaves the same as the compiled twin; it is
what :mod:`wrappers` serves on PyPy, where no compiler was available, or when
``WRAPPERS_NO_EXTENSIONS`` is set. It imports nothing from :mod:`wrappers`.

The public modules are Werkzeug's: :mod:`~wrappers_pure.datastructures`,
:mod:`~wrappers_pure.exceptions`, :mod:`~wrappers_pure.http`,
:mod:`~wrappers_pure.urls`, :mod:`~wrappers_pure.user_agent`, :mod:`~wrappers_pure.utils`,
:mod:`~wrappers_pure.wsgi`, :mod:`~wrappers_pure.sansio.response`,
:mod:`~wrappers_pure.sansio.request`, :mod:`~wrappers_pure.sansio.utils`,
:mod:`~wrappers_pure.response`, :mod:`~wrappers_pure.request` (Werkzeug's
``wrappers.response`` and ``wrappers.request``) and :mod:`~wrappers_pure.test`;
``docs/architecture.md`` says which layer each one is on.
"""

from __future__ import annotations

from wrappers_pure import _pickle_paths
from wrappers_pure import datastructures as datastructures
from wrappers_pure import exceptions as exceptions
from wrappers_pure import http as http
from wrappers_pure import request as request
from wrappers_pure import response as response
from wrappers_pure import sansio as sansio
from wrappers_pure import test as test
from wrappers_pure import urls as urls
from wrappers_pure import user_agent as user_agent
from wrappers_pure import utils as utils
from wrappers_pure import wsgi as wsgi
from wrappers_pure.datastructures import Headers as Headers
from wrappers_pure.request import Request as Request
from wrappers_pure.response import Response as Response
from wrappers_pure.response import ResponseStream as ResponseStream
from wrappers_pure.sansio import request as _sansio_request  # noqa: F401
from wrappers_pure.sansio import response as _sansio_response  # noqa: F401
from wrappers_pure.sansio import utils as _sansio_utils  # noqa: F401

__version__ = "0.2.0"

#: Always False here; :data:`wrappers.COMPILED` says which twin the shim picked.
COMPILED = False

_pickle_paths.register()

__all__ = ["COMPILED", "Headers", "Request", "Response", "ResponseStream", "__version__"]
