# NOTE: C-level declarations and tiny helpers shared by the compiled modules.
# It is cimported (``from wrappers._capi cimport ...``) and has no module of its
# own: everything here is an extern declaration or an inline function.

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
