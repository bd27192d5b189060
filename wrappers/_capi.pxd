# NOTE: C-level declarations and tiny helpers shared by the compiled modules.
# It is cimported (``from wrappers._capi cimport ...``) and has no module of its
# own: everything here is an extern declaration (C code emitted into each
# module that cimports it, as static functions) or an inline function.

from cpython.object cimport PyObject
from cpython.object cimport PyTypeObject


cdef extern from "Python.h":
    # PERF: O(1) reads of the string header. ``PyUnicode_IS_ASCII`` is false for
    # a (pre-3.12) string that is not ready, which then takes the slow path.
    bint PyUnicode_IS_ASCII(object o)
    Py_ssize_t PyUnicode_GET_LENGTH(object o)
    unsigned char* PyUnicode_1BYTE_DATA(object o)
    Py_ssize_t PyUnicode_FindChar(object s, Py_UCS4 ch, Py_ssize_t start,
                                  Py_ssize_t end, int direction) except -2
    int PyUnicode_KIND(object o)
    void* PyUnicode_DATA(object o)
    Py_UCS4 PyUnicode_READ(int kind, void* data, Py_ssize_t index)
    object PyUnicode_Substring(object s, Py_ssize_t start, Py_ssize_t end)
    object PyUnicode_DecodeASCII(const char* s, Py_ssize_t size, const char* errors)
    long long PyLong_AsLongLongAndOverflow(object o, int* overflow) except? -1
    double PyFloat_AS_DOUBLE(object o)
    char* PyBytes_AS_STRING(object o)
    Py_ssize_t PyBytes_GET_SIZE(object o)
    object PyUnicode_AsUTF8String(object o)
    # PERF: a class attribute without the descriptor call (uses the type cache).
    PyObject* _PyType_Lookup(PyTypeObject* type, PyObject* name)
    PyTypeObject* Py_TYPE(object o)


cdef extern from *:
    """
    /* PERF: whether obj's class still iterates with base's tp_iter. */
    static CYTHON_INLINE int __wrappers_same_iter(PyObject *obj, PyTypeObject *base) {
        return Py_TYPE(obj)->tp_iter == base->tp_iter;
    }
    """
    bint __wrappers_same_iter(object obj, type base) noexcept


cdef inline bint _has_own(object obj, str name, object own) noexcept:
    """Whether ``type(obj).<name>`` is still ``own`` (not overridden or patched)."""
    return _PyType_Lookup(Py_TYPE(obj), <PyObject*>name) == <PyObject*>own


# -- lists and iterators ---------------------------------------------------------

cdef extern from *:
    """
    /* An empty list with room for n items: appending up to n items allocates
       nothing (list_resize keeps an allocation between n/2 and n). */
    static PyObject *__wrappers_list_with_room(Py_ssize_t n) {
        PyObject *lst = PyList_New(n);
        if (lst != NULL) {
            Py_SET_SIZE(lst, 0);
        }
        return lst;
    }
    """
    list __wrappers_list_with_room(Py_ssize_t n)


cdef extern from *:
    """
    /* PERF: the next item of an iterator, or ``exhausted`` (a new reference)
       when it has none, without making a StopIteration; NULL on error. */
    static PyObject *__wrappers_next(PyObject *it, PyObject *exhausted) {
        PyObject *item = (*Py_TYPE(it)->tp_iternext)(it);
        if (item != NULL) {
            return item;
        }
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_StopIteration)) {
                return NULL;
            }
            PyErr_Clear();
        }
        Py_INCREF(exhausted);
        return exhausted;
    }
    """
    object __wrappers_next(object it, object exhausted)


# -- type versions: "does this class still have our hooks?" answered once ----------


cdef extern from *:
    """
    /* The version tag of an object's type, 0 when it has no valid one. CPython
       gives a type a new tag (never reused) whenever it or a base changes. */
    static CYTHON_INLINE unsigned int __wrappers_type_version(PyTypeObject *tp) {
        return PyType_HasFeature(tp, Py_TPFLAGS_VALID_VERSION_TAG) ? tp->tp_version_tag : 0;
    }
    """
    unsigned int __wrappers_type_version(PyTypeObject* tp) noexcept


cdef struct _TypeCache:
    PyTypeObject* tp
    unsigned int version
    bint plain


cdef inline bint _cached_plain(_TypeCache* cache, PyTypeObject* tp, bint* found) noexcept:
    """The cached answer for ``tp``, if the cache holds ``tp`` at its current version."""
    cdef unsigned int v = __wrappers_type_version(tp)

    found[0] = v != 0 and cache.tp == tp and cache.version == v
    return cache.plain


cdef inline void _cache_plain(_TypeCache* cache, PyTypeObject* tp, bint plain) noexcept:
    cdef unsigned int v = __wrappers_type_version(tp)

    if v != 0:
        cache.tp = tp
        cache.version = v
        cache.plain = plain


# -- header names ------------------------------------------------------------------


cdef inline bint _is_name(object k, str lname) except -1:
    """Whether the header name ``k`` equals the lower-case ASCII ``lname`` in any
    case, exactly as ``k.lower() == lname``."""
    cdef Py_ssize_t n, i
    cdef unsigned char c
    cdef unsigned char* p
    cdef unsigned char* q

    if type(k) is str and PyUnicode_IS_ASCII(k):
        n = PyUnicode_GET_LENGTH(k)

        if n != PyUnicode_GET_LENGTH(lname):
            return False

        p = PyUnicode_1BYTE_DATA(k)
        q = PyUnicode_1BYTE_DATA(lname)

        for i in range(n):
            c = p[i]

            if <unsigned char>(c - 65) < 26:
                c += 32

            if c != q[i]:
                return False

        return True

    # NOTE: a non-ASCII name can lower to ASCII (KELVIN SIGN -> "k").
    return k.lower() == lname


# -- calling and making objects without argument tuples ------------------------------


cdef extern from *:
    """
    /* PERF: ``base.__new__(cls)`` for a ``cls`` whose tp_new is ``base``'s own
       (what tp_new_wrapper would call, without its argument tuple); None
       when the shortcut does not apply. */
    static PyObject *__wrappers_base_new(PyObject *base, PyObject *cls, PyObject *empty) {
        if (!PyType_Check(cls)
            || ((PyTypeObject *)cls)->tp_new != ((PyTypeObject *)base)->tp_new
            || !PyType_IsSubtype((PyTypeObject *)cls, (PyTypeObject *)base)) {
            Py_INCREF(Py_None);
            return Py_None;
        }
        return ((PyTypeObject *)cls)->tp_new((PyTypeObject *)cls, empty, NULL);
    }

    /* A vectorcall function as Cython declares one (PyObject ** for the
       arguments, not CPython's PyObject *const *); __wrappers_set_vectorcall
       casts it. Passing a Cython function where the const type is expected is
       -Wincompatible-pointer-types, an error by default from GCC 14 on. */
    typedef PyObject *(*__wrappers_vectorcallfunc)(PyObject *, PyObject **, size_t, PyObject *);

    /* What calling the type object does when it has no vectorcall of its own:
       the metatype's tp_call (type_call) with a tuple and a dict. */
    static PyObject *__wrappers_type_call(PyObject *tp, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
        Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
        Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
        Py_ssize_t i;
        PyObject *argtuple, *kwdict = NULL, *result;
        ternaryfunc call = Py_TYPE(tp)->tp_call;

        if (call == NULL) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object is not callable", Py_TYPE(tp)->tp_name);
            return NULL;
        }
        argtuple = PyTuple_New(nargs);
        if (argtuple == NULL) {
            return NULL;
        }
        for (i = 0; i < nargs; i++) {
            Py_INCREF(args[i]);
            PyTuple_SET_ITEM(argtuple, i, args[i]);
        }
        if (nkw) {
            kwdict = PyDict_New();
            if (kwdict == NULL) {
                Py_DECREF(argtuple);
                return NULL;
            }
            for (i = 0; i < nkw; i++) {
                if (PyDict_SetItem(kwdict, PyTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0) {
                    Py_DECREF(argtuple);
                    Py_DECREF(kwdict);
                    return NULL;
                }
            }
        }
        if (Py_EnterRecursiveCall(" while calling a Python object")) {
            result = NULL;
        } else {
            result = call(tp, argtuple, kwdict);
            Py_LeaveRecursiveCall();
        }
        Py_DECREF(argtuple);
        Py_XDECREF(kwdict);
        return result;
    }

    static CYTHON_INLINE newfunc __wrappers_tp_new_of(PyObject *tp) { return ((PyTypeObject *)tp)->tp_new; }
    /* A new instance of ``tp`` from its own tp_new (no arguments). */
    static CYTHON_INLINE PyObject *__wrappers_call_tp_new(PyObject *tp, PyObject *empty) {
        return ((PyTypeObject *)tp)->tp_new((PyTypeObject *)tp, empty, NULL);
    }
    static CYTHON_INLINE initproc __wrappers_tp_init_of(PyObject *tp) { return ((PyTypeObject *)tp)->tp_init; }
    static CYTHON_INLINE void __wrappers_set_vectorcall(PyObject *tp, __wrappers_vectorcallfunc f) {
        ((PyTypeObject *)tp)->tp_vectorcall = (vectorcallfunc)f;
    }
    """
    ctypedef void* newfunc
    ctypedef void* initproc
    ctypedef object (*__wrappers_vectorcallfunc)(object, PyObject**, size_t, PyObject*)
    object __wrappers_base_new(object base, object cls, object empty)
    object __wrappers_type_call(object tp, PyObject** args, size_t nargsf, PyObject* kwnames)
    newfunc __wrappers_tp_new_of(object tp) noexcept
    object __wrappers_call_tp_new(object tp, object empty)
    initproc __wrappers_tp_init_of(object tp) noexcept
    void __wrappers_set_vectorcall(object tp, __wrappers_vectorcallfunc f) noexcept
    Py_ssize_t PyVectorcall_NARGS(size_t nargsf) noexcept
    Py_ssize_t PyTuple_GET_SIZE(PyObject* o) noexcept
    PyObject* PyTuple_GET_ITEM(PyObject* o, Py_ssize_t i) noexcept


cdef inline int _no_deleter(object obj, str name) except -1:
    """``del`` of a property without a deleter: Python's AttributeError (a
    Cython property without ``__del__`` would raise NotImplementedError)."""
    raise AttributeError(f"property {name!r} of {type(obj).__name__!r} object has no deleter")
