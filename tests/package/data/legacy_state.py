"""The state of a pickled object as plain JSON data: what
``make_legacy_pickles.py`` records for each 0.1.0 pickle and what
``tests/package/test_legacy_pickles.py`` compares a loaded object with. One
copy for both: it must run on 0.1.0 and on the current code alike, so it
uses only public names and matches classes by name, never by module.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing as t

#: The Response attributes its pickle state carries by name; every other
#: instance attribute is described under "attrs".
RESPONSE_STATE = frozenset(
    {
        "headers",
        "_status",
        "_status_code",
        "response",
        "direct_passthrough",
        "_on_close",
    }
)


def _mro_names(obj: t.Any) -> set[str]:
    return {cls.__name__ for cls in type(obj).__mro__}


def _instance_attrs(
    obj: t.Any, skip: t.Collection[str], owner: t.Any
) -> dict[str, t.Any]:
    attrs = getattr(obj, "__dict__", None) or {}
    return {k: describe(attrs[k], owner) for k in sorted(attrs) if k not in skip}


def _sorted_items(mapping: t.Any) -> list[list[t.Any]]:
    return [[k, describe(mapping[k])] for k in sorted(mapping)]


#: The request a response (or an exception) answers in describe(): a GET.
ENVIRON = {
    "REQUEST_METHOD": "GET",
    "SCRIPT_NAME": "",
    "PATH_INFO": "/",
    "QUERY_STRING": "",
    "SERVER_NAME": "localhost",
    "SERVER_PORT": "80",
    "SERVER_PROTOCOL": "HTTP/1.1",
    "HTTP_HOST": "localhost",
    "wsgi.url_scheme": "http",
}

#: The properties describe() reads from a cache-control or CSP object.
PROPERTIES = {
    "ResponseCacheControl": (
        "max_age",
        "public",
        "private",
        "no_cache",
        "no_store",
        "s_maxage",
    ),
    "RequestCacheControl": (
        "max_age",
        "no_cache",
        "no_store",
        "only_if_cached",
        "max_stale",
    ),
    "ContentSecurityPolicy": ("default_src", "img_src", "script_src", "report_uri"),
}


def _wire(app: t.Any) -> list[t.Any]:
    """What a WSGI server sends for ``app``: status, header pairs, body."""
    seen = []

    def start_response(status: str, headers: t.Any, exc_info: t.Any = None) -> t.Any:
        seen.append((status, [[k, v] for k, v in headers]))
        return lambda data: None

    app_iter = app(dict(ENVIRON), start_response)
    try:
        body = b"".join(app_iter)
    finally:
        if hasattr(app_iter, "close"):
            app_iter.close()

    return [seen[0][0], seen[0][1], body.decode("latin-1")]


def describe(obj: t.Any, owner: t.Any = None) -> t.Any:
    """The state of ``obj`` as plain JSON data, the same for an object of 0.1.0
    and the same object loaded by a later version (classes are matched by
    name, never by module). ``owner`` is the response whose attributes are
    being described (its stream points back to it)."""
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    if isinstance(obj, bytes):
        return {"bytes": obj.decode("latin-1")}
    if isinstance(obj, (list, tuple)):
        return [describe(v, owner) for v in obj]
    if isinstance(obj, dt.datetime):
        return {"datetime": obj.isoformat()}
    if isinstance(obj, (type, types.FunctionType)):
        return {"ref": obj.__qualname__}
    if isinstance(obj, enum.Enum):
        return {"enum": type(obj).__qualname__, "name": obj.name, "value": obj.value}

    names = _mro_names(obj)
    kind = type(obj).__qualname__

    if "_Missing" in names:
        return {"type": kind, "repr": repr(obj)}
    if isinstance(obj, BaseException):
        return {
            "type": kind,
            "mro": [
                f"{c.__module__.partition('.')[0]}:{c.__qualname__}"
                for c in type(obj).__mro__
            ],
            "code": obj.code,
            "name": obj.name,
            "description": obj.description,
            "args": describe(list(obj.args)),
            "str": str(obj),
            "vars": _instance_attrs(obj, (), owner),
            "wire": _wire(obj),
        }
    if "ResponseStream" in names:
        return {
            "type": kind,
            "closed": obj.closed,
            "mode": obj.mode,
            "response": "owner" if obj.response is owner else describe(obj.response),
        }
    if "Response" in names:
        return {
            "type": kind,
            "status": obj.status,
            "status_code": obj.status_code,
            "headers_type": type(obj.headers).__qualname__,
            "headers": [[k, v] for k, v in obj.headers],
            "response": describe(obj.response),
            "body": obj.get_data().decode("latin-1"),
            "direct_passthrough": obj.direct_passthrough,
            "attrs": _instance_attrs(obj, RESPONSE_STATE, obj),
            "mimetype": obj.mimetype,
            "wire": _wire(obj),
        }
    if "Headers" in names:
        return {
            "type": kind,
            "items": [[k, v] for k, v in obj],
            "attrs": _instance_attrs(obj, ("_list",), owner),
            "lookups": [
                obj.get("content-type"),
                obj.getlist("SET-COOKIE"),
                "x-uni" in obj,
                len(obj),
            ],
        }
    if "MultiDict" in names:
        return {
            "type": kind,
            "items": describe(list(obj.items(multi=True))),
            "lookups": [
                [k, describe(obj[k]), describe(obj.getlist(k))] for k in sorted(obj)
            ],
        }
    if names & {"RequestCacheControl", "ResponseCacheControl", "ContentSecurityPolicy"}:
        return {
            "type": kind,
            "items": _sorted_items(obj),
            "header": obj.to_header(),
            "on_update": obj.on_update is not None,
            "properties": [
                [p, describe(getattr(obj, p))]
                for n in names & set(PROPERTIES)
                for p in PROPERTIES[n]
            ],
        }
    if "CallbackDict" in names:
        return {
            "type": kind,
            "items": _sorted_items(obj),
            "on_update": obj.on_update is not None,
        }
    if "HeaderSet" in names:
        return {
            "type": kind,
            "items": list(obj),
            "header": obj.to_header(),
            "on_update": obj.on_update is not None,
            "lookups": [[v.upper() in obj, obj.find(v.upper())] for v in obj]
            + ["nope" in obj],
        }
    if "ETags" in names:
        strong = obj.as_set()
        return {
            "type": kind,
            "strong": sorted(strong),
            "weak": sorted(obj.as_set(include_weak=True) - strong),
            "star": obj.star_tag,
            "header": sorted(obj.to_header().split(", ")),
            "lookups": [
                [v, v in obj, obj.contains_weak(v), obj.is_weak(v), obj.is_strong(v)]
                for v in ("a", "s", "w1", "zz")
            ],
        }
    if "ContentRange" in names:
        return {
            "type": kind,
            "units": obj.units,
            "start": obj.start,
            "stop": obj.stop,
            "length": obj.length,
            "header": obj.to_header(),
            "on_update": obj.on_update is not None,
        }
    if "IfRange" in names:
        return {
            "type": kind,
            "etag": obj.etag,
            "date": describe(obj.date),
            "header": obj.to_header(),
        }
    if "Range" in names:
        return {
            "type": kind,
            "units": obj.units,
            "ranges": describe(obj.ranges),
            "header": obj.to_header(),
            "for_length": describe(obj.range_for_length(1000)),
            "content_range": obj.to_content_range_header(1000),
        }
    if "WWWAuthenticate" in names:
        return {
            "type": kind,
            "auth_type": obj.type,
            "parameters": _sorted_items(obj.parameters),
            "token": obj.token,
            "header": obj.to_header(),
            "realm": obj.get("realm"),
        }
    if isinstance(obj, dict):
        return {"type": kind, "items": _sorted_items(obj)}

    raise TypeError(f"describe() does not know {kind}")


# --- what a pickle imports ---------------------------------------------------------
