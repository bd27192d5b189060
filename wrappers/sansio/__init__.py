"""The I/O-free objects and helpers (Werkzeug's ``werkzeug.sansio``), from the
twin the shim picked: :mod:`wrappers.sansio.response`,
:mod:`wrappers.sansio.request` and :mod:`wrappers.sansio.utils`. A face package: it holds no compiled module
(a kernel in here would run this package before the shim had decided).
"""
