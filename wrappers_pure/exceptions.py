"""HTTP exceptions (pure only; both twins use these classes)."""

from __future__ import annotations


class BadRequestKeyError(KeyError):
    """Raised for a key that is not there, like Werkzeug's exception of this name.

    It is a :exc:`KeyError`, so ``except KeyError`` catches it. Werkzeug's class
    is also a ``BadRequest`` HTTP exception; the HTTP exception classes arrive
    with the Response work, and this class will gain that base then.
    """
