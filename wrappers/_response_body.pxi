# The body: the compiled twin of the body half of ``wrappers_pure/response.py``
# (``iter_encoded``, ``get_data``/``set_data``, ``calculate_content_length``,
# ``close``) and of the closing iterator it gives the server, included into
# ``_response.pyx`` (it works on the C fields of _ResponseBase).
#
# NOTE: a file of the ``_response`` kernel, not a module of its own: the
# helpers here take ``_ResponseBase`` and are inlined into its methods, which a
# call across modules (through a .pxd) could not be.


#: ``("Content-Length", str(n))`` for small ``n``, made once and shared: tuples
#: and strings are immutable, so every response may hold the same objects.
cdef list _LENGTH_PAIRS = [None] * 2048


cdef inline tuple _length_pair(Py_ssize_t n):
    cdef object pair

    if 0 <= n < 2048:
        pair = _LENGTH_PAIRS[n]

        if pair is None:
            pair = ("Content-Length", str(n))
            _LENGTH_PAIRS[n] = pair

        return <tuple>pair

    return ("Content-Length", str(n))


cdef inline object _encode(object item):
    """An item of the body as the WSGI server gets it: ``str`` encoded as UTF-8,
    anything else as it is (as Werkzeug's ``iter_encoded``)."""
    if type(item) is bytes:
        return item

    if type(item) is str:
        return PyUnicode_AsUTF8String(item)

    if isinstance(item, str):
        return item.encode()

    return item


cdef inline Py_ssize_t _encoded_len(object item) except -1:
    """``len(_encode(item))``, without encoding ASCII text."""
    if type(item) is bytes:
        return len(<bytes>item)

    if type(item) is str and PyUnicode_IS_ASCII(item):
        return PyUnicode_GET_LENGTH(item)

    return len(_encode(item))


# -- the body iterator -----------------------------------------------------------

cdef enum:
    _DONE = 0      # exhausted, closed, or the empty body
    _SEQ = 1       # encoding the items of a list or tuple, by index
    _LAZY = 2      # encoding the items of any iterable (iter() on the first next)
    _RAW = 3       # passing through an iterator (a subclass's iter_encoded())


@cython.final
@cython.auto_pickle(False)
cdef class _BodyIterator:
    """The WSGI iterable of a response, and what :meth:`Response.iter_encoded` gives.

    It replaces Werkzeug's ``ClosingIterator`` over the ``iter_encoded()``
    generator with one object of the same observable behaviour: ``str`` items
    are encoded as UTF-8 while iterating, an error ends the encoding as it ends
    a generator, and :meth:`close` ends the iteration, then calls the
    iterable's ``close`` (for a subclass's ``iter_encoded()`` result) and the
    response's :meth:`~Response.close`, on every call.
    """

    cdef object _resp          # the response whose close() to call, or None
    cdef object _seq           # _SEQ: the list or tuple
    cdef Py_ssize_t _pos       # _SEQ: the next index
    cdef object _src           # _LAZY: the iterable, until the first next()
    cdef object _it            # _LAZY after the first next(), _RAW: the iterator
    cdef object _inner_close   # _RAW: the close of the iterable, or None
    cdef int _mode

    def __iter__(self):
        return self

    def __next__(self):
        cdef object item
        cdef object seq

        if self._mode == _SEQ:
            seq = self._seq

            # NOTE: by index, like a list iterator: items appended meanwhile count.
            if type(seq) is list:
                if self._pos < len(<list>seq):
                    item = (<list>seq)[self._pos]
                    self._pos += 1
                else:
                    self._finish()
                    raise StopIteration
            elif self._pos < len(<tuple>seq):
                item = (<tuple>seq)[self._pos]
                self._pos += 1
            else:
                self._finish()
                raise StopIteration

            if type(item) is bytes:
                return item

            try:
                return _encode(item)
            except BaseException:
                self._finish()
                raise

        if self._mode == _LAZY:
            try:
                if self._it is None:
                    self._it = iter(self._src)
                    self._src = None

                item = __wrappers_next(self._it, _EXHAUSTED)

                if item is not _EXHAUSTED:
                    return _encode(item)
            except BaseException:
                # NOTE: as a generator, the iteration ends with any error.
                self._finish()
                raise

            self._finish()
            raise StopIteration

        if self._mode == _RAW:
            return next(self._it)

        raise StopIteration

    cdef inline void _finish(self) noexcept:
        if self._mode != _RAW:
            self._mode = _DONE
            self._seq = None
            self._src = None
            self._it = None

    def close(self):
        """End the iteration and release the body, then call the response's
        :meth:`~Response.close` (each time this is called)."""
        cdef object resp

        if self._mode == _RAW:
            if self._inner_close is not None:
                self._inner_close()
        else:
            self._finish()

        resp = self._resp

        if resp is not None:
            if _own(resp, "close", _OWN_CLOSE):
                _close(<_ResponseBase>resp)
            else:
                resp.close()


cdef _BodyIterator _encoding_iterator(object body, object resp):
    """A :class:`_BodyIterator` encoding the items of ``body``."""
    cdef _BodyIterator it = _BodyIterator.__new__(_BodyIterator)

    it._resp = resp

    if type(body) is list or type(body) is tuple:
        it._seq = body
        it._mode = _SEQ
    else:
        it._src = body
        it._mode = _LAZY

    return it


cdef _BodyIterator _raw_iterator(object iterable, object resp):
    """A :class:`_BodyIterator` over what a subclass's ``iter_encoded`` gave,
    taking its ``close`` as Werkzeug's ``ClosingIterator`` does."""
    cdef _BodyIterator it = _BodyIterator.__new__(_BodyIterator)

    it._resp = resp
    it._it = iter(iterable)
    it._inner_close = getattr(iterable, "close", None)
    it._mode = _RAW
    return it


cdef _BodyIterator _empty_iterator(object resp):
    """A :class:`_BodyIterator` with no items (HEAD, 1xx, 204, 304)."""
    cdef _BodyIterator it = _BodyIterator.__new__(_BodyIterator)

    it._resp = resp
    it._mode = _DONE
    return it


cdef object _get_data(_ResponseBase self, object as_text):
    cdef object body

    self._ensure_sequence()

    if _own(self, "iter_encoded", _OWN_ITER_ENCODED):
        body = self.response

        if type(body) is list and len(<list>body) == 1 and type((<list>body)[0]) is bytes:
            rv = (<list>body)[0]
        else:
            rv = b"".join(_encoding_iterator(body, None))
    else:
        rv = b"".join(self.iter_encoded())

    if as_text:
        return rv.decode()

    return rv


cdef int _set_data(_ResponseBase self, object value) except -1:
    if type(value) is str:
        value = PyUnicode_AsUTF8String(value)
    elif isinstance(value, str):
        value = value.encode()

    self.response = [value]

    if self.automatically_set_content_length:
        _set_header(
            self.headers,
            "content-length",
            "Content-Length",
            None,
            _length_pair(len(value)),
        )

    return 0


cdef Py_ssize_t _encoded_length(_ResponseBase self) except -1:
    """``sum(len(x) for x in self.iter_encoded())``."""
    cdef Py_ssize_t total = 0
    cdef object body

    if _own(self, "iter_encoded", _OWN_ITER_ENCODED):
        body = self.response

        if type(body) is list:
            for item in <list>body:
                total += _encoded_len(item)

            return total

        if type(body) is tuple:
            for item in <tuple>body:
                total += _encoded_len(item)

            return total

        for x in _encoding_iterator(body, None):
            total += len(x)

        return total

    for x in self.iter_encoded():
        total += len(x)

    return total


cdef bint _is_sequence(_ResponseBase self) except -1:
    if _own(self, "is_sequence", _OWN_IS_SEQUENCE):
        body = self.response
        return type(body) is list or type(body) is tuple or isinstance(body, (tuple, list))

    return bool(self.is_sequence)


cdef int _close(_ResponseBase self) except -1:
    body = self.response

    if type(body) is not list and type(body) is not tuple and hasattr(body, "close"):
        body.close()

    funcs = self._on_close_list if _own(self, "_on_close", _OWN_ON_CLOSE) else self._on_close

    if funcs is not None:
        for func in funcs:
            func()

    return 0
