"""The syntax of HTTP header values (pure; both twins use it).

Text in, plain values out: ``str``, ``int``, ``datetime``, ``list``, ``dict``.
Nothing here builds a data structure, so that the data structures can use these
functions, and :mod:`wrappers_pure.http`, above them, builds structures from
their results and re-exports the public names (each module's ``__all__``).

- :mod:`~wrappers_pure._syntax.tables`: status codes, header name groups, COEP/COOP;
- :mod:`~wrappers_pure._syntax.quoting`: tokens, quoted strings, parameters, lists, dicts;
- :mod:`~wrappers_pure._syntax.etags`: entity tags;
- :mod:`~wrappers_pure._syntax.ranges`: byte ranges;
- :mod:`~wrappers_pure._syntax.dates`: HTTP dates and ages;
- :mod:`~wrappers_pure._syntax.cookies`: ``Set-Cookie`` values and ``Cookie`` pieces.

With :mod:`wrappers_pure._internal`, this package is where the compiled twin
may take helpers and constants from by name.
"""
