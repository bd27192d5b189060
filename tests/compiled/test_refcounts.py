"""The compiled twin holds no stray references: every path, errors included,
gives back what it took.

``sys.getrefcount`` counts the references to one object exactly, so a missing
DECREF anywhere in the extension shows as a count that grows with the number
of calls. These tests run on the compiled twin only (CPython); the pure twin
cannot leak this way.
"""

from __future__ import annotations

import copy
import datetime
import gc
import pickle
import sys
import time
import types
import typing as t
import warnings
import weakref
from http import HTTPStatus

import pytest

ROUNDS = 200


def _exercise(H: t.Any, name: str, value: str) -> None:  # noqa: N803
    """Every public path of Headers once, with ``name`` and ``value`` in play."""
    h = H({name: value, "Other": [value, value]})
    h.add(name, value)
    h.add(name, value, option=value)
    h.set(name, value)
    h.setlist(name, [value, value])
    h.setdefault(name, value)
    h.setlistdefault(name, [value])
    h.extend([(name, value)], Extra=value)
    h.update({name: [value]}, Extra=value)
    h[name] = value
    h[0] = (name, value)
    h[0:1] = [(name, value)]
    h.get(name)
    h.get(name, type=int)
    h.getlist(name, type=int)
    list(h.items(lower=True))
    list(h.keys())
    list(h.values())
    assert name in h
    h.to_wsgi_list()
    str(h)
    repr(h)
    h == h.copy()  # noqa: B015
    h | {name: value}
    h |= [(name, value)]
    h[0:2]
    copy.deepcopy(h)
    pickle.loads(pickle.dumps(h))
    h.pop(name)
    h.pop(name, value)
    h.pop(0)
    h.popitem()
    del h[name]
    h.remove(name)
    h.clear()

    for call in (
        lambda: h[name],
        lambda: h.pop(name),
        lambda: h.add(name, value + "\r\n"),
        lambda: h.set(name + "\n", value),
        lambda: h.add(1, value),
        lambda: h.extend({name: value + "\n"}),
        lambda: h.__setitem__(0, (name, value)),
        lambda: h.get(1),
    ):
        try:
            call()
        except (KeyError, ValueError, TypeError, IndexError, AttributeError):
            pass
        else:  # pragma: no cover - each call above must fail
            raise AssertionError("expected an error")


@pytest.mark.skipif(
    not hasattr(sys, "getrefcount"), reason="no reference counts on this interpreter"
)
def test_no_reference_leaks(compiled_twin: types.ModuleType) -> None:
    # Fresh objects (not interned), so only this test references them.
    name = "".join(["X-", "Leak", "-Name"])
    value = "".join(["leak ", "value"])
    _exercise(compiled_twin.Headers, name, value)  # warm caches
    before = (sys.getrefcount(name), sys.getrefcount(value))

    for _ in range(ROUNDS):
        _exercise(compiled_twin.Headers, name, value)

    assert (sys.getrefcount(name), sys.getrefcount(value)) == before


# --- the harness for everything else ---------------------------------------------
#
# Three detectors, each after a warm-up that fills the extension's bounded
# caches (the last date formatted, recent cookie strings, status lines, ...):
#
# - ``sys.getrefcount`` of every input object the scenario hands to the
#   extension: exact, catches a missing DECREF on a borrowed input;
# - ``len(gc.get_objects())``: catches a leaked container (a Response, a
#   Headers, a list, a tuple, a generator, a frame, ...) that the scenario
#   made, however it was made (this interpreter has no ``sys.gettotalrefcount``);
# - ``sys.getallocatedblocks()``: catches a leaked object that the collector
#   does not track (a str, bytes or int result, a datetime);
#
# plus weak references to the objects a scenario says must die with it
# (responses, app iterators, generators), checked after the measured rounds.

#: Warm-up calls before measuring (caches fill, free lists settle).
WARMUP = 30

#: Measured calls of each scenario. A leak of one object per call shows as a
#: growth of ``ROUNDS`` (or one reference per call, exactly).
SCENARIO_ROUNDS = 150

#: Growth of the object and block counts tolerated over each measured run
#: (a leak grows them by at least ``SCENARIO_ROUNDS``). Noise is mostly 0 to 2,
#: but ``datetime.astimezone`` grows the blocks by up to ~50, now and then.
SLACK = SCENARIO_ROUNDS // 2

#: Measured runs at most: a count is reported when it grew by more than
#: ``SLACK`` in every one. The interpreter's caches fill and stop (Python 3.13,
#: pickling responses after the whole suite was collected: +435, +102, +23, +6
#: blocks over successive runs of 150 calls); a leak grows every run alike.
MEASURED_RUNS = 3

#: Where the leaking stand-ins of the self-tests put what they leak.
_LEAKED: list[t.Any] = []

Run = t.Callable[[], t.Any]


def _refcounts(watched: t.Sequence[t.Any]) -> list[int]:
    return [sys.getrefcount(o) for o in watched]


def _counts() -> tuple[int, int]:
    gc.collect()
    return len(gc.get_objects()), sys.getallocatedblocks()


def leak_report(
    run: Run, watched: t.Sequence[t.Any], rounds: int = SCENARIO_ROUNDS
) -> list[str]:
    """Run ``run`` warm, then ``rounds`` times; return what grew (empty: nothing).

    ``run()`` may return an iterable of objects that must be freed once it has
    returned (they are watched through weak references made during warm-up).
    The interpreter's own caches grow now and then (``datetime.astimezone``
    does, by some 50 blocks once): an object or block count that grew is only
    reported when it grows again over each further run of ``rounds`` calls, up
    to :data:`MEASURED_RUNS` runs, as a leak does on every call.
    """
    mortal: list[weakref.ref[t.Any]] = []

    for _ in range(WARMUP):
        mortal += [weakref.ref(obj) for obj in run() or ()]

    gc.collect()
    refs = _refcounts(watched)
    objects, blocks = _counts()

    for _ in range(rounds):
        run()

    objects_after, blocks_after = _counts()
    problems = []
    after = _refcounts(watched)

    for i, (was, now) in enumerate(zip(refs, after)):
        if was != now:
            problems.append(
                f"refcount of input {i} ({type(watched[i]).__name__} "
                f"{watched[i]!r:.60}) went from {was} to {now} over {rounds} calls"
            )

    grown = [objects_after - objects, blocks_after - blocks]

    for _ in range(MEASURED_RUNS - 1):
        if max(grown) <= SLACK:
            break

        for _ in range(rounds):
            run()

        objects, blocks = objects_after, blocks_after
        objects_after, blocks_after = _counts()
        grown = [
            min(grown[0], objects_after - objects),
            min(grown[1], blocks_after - blocks),
        ]

    if grown[0] > SLACK:
        problems.append(
            f"{grown[0]} more gc-tracked objects after {rounds} calls, "
            f"{MEASURED_RUNS} times"
        )

    if grown[1] > SLACK:
        problems.append(
            f"{grown[1]} more allocated blocks after {rounds} calls, "
            f"{MEASURED_RUNS} times"
        )

    alive = [ref() for ref in mortal if ref() is not None]
    if alive:
        problems.append(f"{len(alive)} objects still alive: {alive[0]!r:.80}")
    del alive

    return problems


def assert_no_leak(run: Run, watched: t.Sequence[t.Any]) -> None:
    problems = leak_report(run, watched)
    assert not problems, "\n".join(problems)


def _fresh(text: str) -> str:
    """A new, non-interned copy of ``text`` (only the test references it)."""
    return "".join(list(text))


def _raises(call: Run, *types_: type[BaseException]) -> None:
    """Call ``call``; it must raise one of ``types_`` (which is swallowed)."""
    try:
        call()
    except types_:
        return

    raise AssertionError(f"{call} did not raise {types_}")  # pragma: no cover


requires_refcounts = pytest.mark.skipif(
    not hasattr(sys, "getrefcount") or not hasattr(sys, "getallocatedblocks"),
    reason="no reference counts on this interpreter",
)


def _http(twin: types.ModuleType) -> types.SimpleNamespace:
    """The compiled functions of ``twin.http``, checked to be the compiled ones."""
    names = (
        "http_date", "parse_date", "dump_age", "parse_age",
        "dump_cookie", "parse_cookie",
    )  # fmt: skip
    funcs = {name: getattr(twin.http, name) for name in names}
    kernels = {"dump_cookie": "wrappers._cookies", "parse_cookie": "wrappers._http"}

    for name, func in funcs.items():
        kernel = kernels.get(name, "wrappers._dates")
        assert func.__module__ == kernel, (name, func.__module__)

    return types.SimpleNamespace(**funcs)


# --- scenarios: _http ----------------------------------------------------------------
#
# Each scenario takes the twin and returns ``(run, watched)``: ``run`` drives
# every path once with the ``watched`` inputs, errors included.


def _scenario_http_date(twin: types.ModuleType) -> tuple[Run, list[t.Any]]:
    http_date = _http(twin).http_date
    stamp = int("1700000000")  # ints above 256 are not shared
    stamp_float = float("1700000000.5")
    half_even = float("1700000000.9999995")
    edge = int("253402300799")
    naive = datetime.datetime(2023, 11, 14, 22, 13, 20)
    aware = datetime.datetime(
        2023, 11, 14, 22, 13, 20, tzinfo=datetime.timezone(datetime.timedelta(hours=-5))
    )
    day = datetime.date(2023, 11, 14)
    local = time.gmtime(1700000000)
    huge = 10**30
    past_9999 = int("253402300800")
    before_1 = -int("62135596801")
    big_float = float("1e20")
    nan = float("nan")
    inf = float("inf")
    text = _fresh("1700000000")
    watched = [
        stamp, stamp_float, half_even, edge, naive, aware, day, local, huge,
        past_9999, before_1, big_float, nan, inf, text,
    ]  # fmt: skip

    def run() -> None:
        http_date()
        http_date(None)
        http_date(stamp)
        http_date(stamp_float)
        http_date(half_even)
        http_date(edge)
        http_date(naive)
        http_date(aware)
        http_date(day)
        http_date(local)
        _raises(lambda: http_date(huge), OverflowError, ValueError, OSError)
        _raises(lambda: http_date(past_9999), ValueError, OverflowError, OSError)
        _raises(lambda: http_date(before_1), ValueError, OverflowError, OSError)
        _raises(lambda: http_date(big_float), ValueError, OverflowError, OSError)
        _raises(lambda: http_date(nan), ValueError)
        _raises(lambda: http_date(inf), ValueError, OverflowError)
        _raises(lambda: http_date(text), TypeError)

    return run, watched


def _scenario_parse_date(twin: types.ModuleType) -> tuple[Run, list[t.Any]]:
    parse_date = _http(twin).parse_date
    inputs = [
        _fresh("Tue, 14 Nov 2023 22:13:20 GMT"),  # the C fast path
        _fresh("Tue, 14 Nov 0099 22:13:20 GMT"),  # fast-path shape, general parser
        _fresh("Mon, 31 Feb 2023 22:13:20 GMT"),  # impossible date, fast path
        _fresh("Tuesday, 14-Nov-23 22:13:20 GMT"),
        _fresh("Tue Nov 14 22:13:20 2023"),
        _fresh("Tue, 14 Nov 2023 22:13:20 +0200"),
        _fresh("Tue, 14 Nov 10000 22:13:20 GMT"),
        _fresh("Tue, 14 Nov 99999999999999999999 22:13:20 GMT"),  # 20-digit year
        _fresh("0"),
        _fresh("junk \u00e9\u2603"),
        _fresh(""),
        b"Tue, 14 Nov 2023 22:13:20 GMT",
        int("12345"),
        float("nan"),
        object(),
    ]

    def run() -> None:
        parse_date(None)

        for value in inputs:
            parse_date(value)

    return run, inputs


def _scenario_ages(twin: types.ModuleType) -> tuple[Run, list[t.Any]]:
    f = _http(twin)
    seconds = int("3600")
    delta = datetime.timedelta(seconds=90.5)
    fraction = float("12.7")
    text = _fresh("120")
    huge = 10**30
    negative = -int("5")
    negative_delta = datetime.timedelta(seconds=-5)
    junk = _fresh("abc")
    thing = object()
    age_texts = [
        _fresh("12"),
        _fresh("  7 "),
        _fresh("abc"),
        _fresh("-1"),
        _fresh("9" * 30),  # too large for a timedelta
        _fresh("1.5"),
        b"42",
    ]
    watched = [
        seconds, delta, fraction, text, huge, negative, negative_delta, junk, thing
    ]  # fmt: skip
    watched += age_texts

    def run() -> None:
        f.dump_age()
        f.dump_age(None)
        f.dump_age(seconds)
        f.dump_age(delta)
        f.dump_age(fraction)
        f.dump_age(text)
        f.dump_age(huge)
        _raises(lambda: f.dump_age(negative), ValueError)
        _raises(lambda: f.dump_age(negative_delta), ValueError)
        _raises(lambda: f.dump_age(junk), ValueError)
        _raises(lambda: f.dump_age(thing), TypeError)
        f.parse_age()
        f.parse_age(None)
        f.parse_age("")

        for value in age_texts:
            f.parse_age(value)

        _raises(lambda: f.parse_age(thing), TypeError)

    return run, watched


def _scenario_dump_cookie(twin: types.ModuleType) -> tuple[Run, list[t.Any]]:
    dump_cookie = _http(twin).dump_cookie
    key = _fresh("session-id")
    plain = _fresh("abc123")
    spaced = _fresh("a b c")
    quoted = _fresh('caf\u00e9; "x",\\y\x01')
    wide = _fresh("\u2603" * 5)
    path = _fresh("/a b/\u00e9")
    plain_path = _fresh("/app/")
    domain = _fresh(".Example.COM:8080")
    idna = _fresh("b\u00fccher.example")
    expires_text = _fresh("Tue, 14 Nov 2023 22:13:20 GMT")
    expires_dt = datetime.datetime(2030, 1, 1, tzinfo=datetime.timezone.utc)
    expires_int = int("1700000000")
    max_age = int("86400")
    age_delta = datetime.timedelta(days=2, seconds=5)
    big_age = int("1000000000000")  # 10**12: year out of range
    bigger_age = 10**20  # beyond a C long long
    nan = float("nan")
    flag = _fresh("yes")
    bad_flag = _fresh("a;b")
    samesite = _fresh("lax")
    bad_samesite = _fresh("bogus")
    bad_keys = [_fresh(k) for k in ("a;b", "a b", "k\u00e9y;", "a=b", "", "a\x00")]
    raw_keys = [_fresh(k) for k in ("k\u00e9y", "a:b[0]", "\U0001f600")]
    surrogate_key = _fresh("a\udc80")
    not_str = int("4242")
    bad_domain = _fresh("evil.com; Path=/")
    bad_expires = _fresh("Tue\r\nX: y")
    big_value = _fresh("v" * 5000)
    max_size = int("100")
    max_size_float = float("10.5")
    max_size_big = 10**30
    max_size_neg = -(10**30)
    watched = [
        key, plain, spaced, quoted, wide, path, plain_path, domain, idna,
        expires_text, expires_dt, expires_int, max_age, age_delta, big_age,
        bigger_age, nan, flag, bad_flag, samesite, bad_samesite, not_str,
        bad_domain, bad_expires, big_value, max_size, max_size_float,
        max_size_big, max_size_neg, *bad_keys, *raw_keys, surrogate_key,
    ]  # fmt: skip

    def run() -> None:
        dump_cookie(key)
        dump_cookie(key, plain)
        dump_cookie(key, spaced, path=None)
        dump_cookie(key, quoted, path=path, domain=domain)
        dump_cookie(key, wide, domain=idna, secure=True, httponly=True)
        dump_cookie(key, plain, max_age=max_age, path=plain_path)
        dump_cookie(key, plain, max_age=max_age, sync_expires=False)
        dump_cookie(key, plain, max_age=age_delta, samesite=samesite)
        dump_cookie(key, plain, expires=expires_text, samesite="Strict")
        dump_cookie(key, plain, expires=expires_dt, partitioned=True)
        dump_cookie(key, plain, expires=expires_int, secure=flag, httponly=flag)
        dump_cookie(key, plain, partitioned=flag)
        dump_cookie(key, big_value, max_size=0)
        dump_cookie(key, plain, max_size=max_size_big)
        dump_cookie(key, plain, max_size=None)
        _raises(lambda: dump_cookie(key, plain, max_age=big_age), ValueError)
        _raises(lambda: dump_cookie(key, plain, max_age=bigger_age), OverflowError)
        _raises(lambda: dump_cookie(key, plain, expires=nan), ValueError)
        _raises(lambda: dump_cookie(key, plain, samesite=bad_samesite), ValueError)
        _raises(lambda: dump_cookie(key, plain, samesite=not_str), AttributeError)
        _raises(lambda: dump_cookie(key, not_str), TypeError)
        _raises(lambda: dump_cookie(not_str, plain), AttributeError)
        _raises(lambda: dump_cookie(key, plain, domain=bad_domain), ValueError)
        _raises(lambda: dump_cookie(key, plain, expires=bad_expires), ValueError)
        _raises(lambda: dump_cookie(key, plain, secure=bad_flag), ValueError)
        _raises(lambda: dump_cookie(key, plain, domain=not_str), AttributeError)

        for bad in bad_keys:
            _raises(lambda: dump_cookie(bad, plain), ValueError)

        for raw in raw_keys:
            dump_cookie(raw, plain)
            dump_cookie(raw, quoted, max_age=max_age)

        _raises(lambda: dump_cookie(surrogate_key, plain), UnicodeEncodeError)

        # The max_size warning, as an error, on every kind of limit.
        with warnings.catch_warnings():
            warnings.simplefilter("error")

            for limit in (max_size, max_size_float, max_size_neg):
                _raises(
                    lambda: dump_cookie(key, big_value, max_size=limit), UserWarning
                )

            _raises(lambda: dump_cookie(key, big_value + quoted), UserWarning)

        # And as a warning that is recorded, then dropped.
        with warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            dump_cookie(key, big_value, max_size=max_size)

    return run, watched


def _scenario_parse_cookie(twin: types.ModuleType) -> tuple[Run, list[t.Any]]:
    parse_cookie = _http(twin).parse_cookie
    header = _fresh('a=1; b="x\\073y"; a=2; c = "q\\"uote" ; d=; =e; f')
    ascii_junk = _fresh('; ; ==a=b; =__Host-x=bad; g="unterminated\\')
    latin = "a=caf\u00c3\u00a9; b=\u00ff"  # UTF-8 bytes as WSGI Latin-1, and a bad byte
    wide = _fresh("a=\u2603; b=\U0001f600")
    long_key = _fresh("k" * 100 + "=v")
    environ = {"HTTP_COOKIE": _fresh("x=1; y=2; x=3")}
    empty_environ: dict[str, str] = {}
    not_str = b"a=b"
    number = int("12345")

    class Raising:
        def __init__(self, *args: t.Any) -> None:
            raise RuntimeError("no")

    watched = [
        header, ascii_junk, latin, wide, long_key, environ, empty_environ,
        not_str, number, dict, Raising, environ["HTTP_COOKIE"],
    ]  # fmt: skip

    def run() -> None:
        parse_cookie(None)
        parse_cookie("")
        parse_cookie(header)
        parse_cookie(header, dict)
        parse_cookie(header, list)
        parse_cookie(ascii_junk)
        parse_cookie(latin)
        _raises(lambda: parse_cookie(wide, dict), UnicodeEncodeError)
        parse_cookie(long_key)
        parse_cookie(environ)
        parse_cookie(environ, dict)
        parse_cookie(empty_environ)
        parse_cookie(empty_environ, dict)
        _raises(lambda: parse_cookie(not_str), AttributeError)
        _raises(lambda: parse_cookie(number), AttributeError)
        _raises(lambda: parse_cookie(header, Raising), RuntimeError)
        _raises(lambda: parse_cookie(None, Raising), RuntimeError)

    return run, watched


# --- scenarios: Response ------------------------------------------------------------


def _environ(method: str = "GET") -> dict[str, t.Any]:
    return {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": "/here",
        "QUERY_STRING": "",
        "SERVER_NAME": "example.com",
        "SERVER_PORT": "80",
        "HTTP_HOST": "example.com",
        "wsgi.url_scheme": "http",
    }


class _Sink:
    """A ``start_response`` that keeps nothing."""

    def __call__(
        self, status: str, headers: list[t.Any], exc_info: t.Any = None
    ) -> None:
        pass


class _Boom(Exception):
    pass


def _raising_body(items: list[t.Any]) -> t.Iterator[t.Any]:
    yield items[0]
    yield items[1]
    raise _Boom("mid-stream")


class _ClosingBody:
    """A streamed body with a ``close`` that counts."""

    def __init__(self, items: list[t.Any]) -> None:
        self.items = items
        self.closed = 0

    def __iter__(self) -> t.Iterator[t.Any]:
        return iter(self.items)

    def close(self) -> None:
        self.closed += 1


def _response_classes(twin: types.ModuleType) -> tuple[type, type]:
    """The compiled Response, and a subclass that takes the C code's slow paths
    (an overridden ``iter_encoded``, ``close`` and ``status``)."""
    Response = twin.Response  # noqa: N806
    assert Response.__module__ == "wrappers._response", Response.__module__
    cls = _SLOW_SUBCLASSES.get(Response)

    if cls is None:

        class Slow(Response):  # type: ignore[misc, valid-type]
            def iter_encoded(self) -> t.Any:
                yield from super().iter_encoded()

            def close(self) -> None:
                super().close()

            @property
            def status(self) -> t.Any:
                return Response.status.__get__(self)

            @status.setter
            def status(self, value: t.Any) -> None:
                Response.status.__set__(self, value)

        # Module-level, so that it pickles by reference.
        Slow.__qualname__ = Slow.__name__ = "_SlowResponse"
        globals()["_SlowResponse"] = Slow
        cls = _SLOW_SUBCLASSES[Response] = Slow

    return Response, cls


_SLOW_SUBCLASSES: dict[type, type] = {}


def _iter_headers_class(twin: types.ModuleType) -> type:
    """A Headers subclass with its own ``__iter__`` (and ``add``): the
    Response code may not take its shortcuts through the pair list."""
    cls = _SLOW_SUBCLASSES.get(twin.Headers)

    if cls is None:
        base = twin.Headers

        def __iter__(self: t.Any) -> t.Any:  # noqa: N807
            return iter(list(base.__iter__(self)))

        def add(self: t.Any, key: t.Any, value: t.Any, **kw: t.Any) -> None:
            base.add(self, key, value, **kw)

        cls = type("_IterHeaders", (base,), {"__iter__": __iter__, "add": add})
        _SLOW_SUBCLASSES[twin.Headers] = cls

    return cls


def _scenario_response_construct(twin: types.ModuleType) -> tuple[Run, list[t.Any]]:
    Response, Slow = _response_classes(twin)  # noqa: N806
    text = _fresh("h\u00e9llo w\u00f6rld")
    data = _fresh("bytes body").encode()
    buf = bytearray(b"buffer")
    parts = [_fresh("one"), b"two", _fresh("thr\u00e9e")]
    tup = (b"a", _fresh("b"))
    header_dict = {_fresh("X-One"): _fresh("1"), "X-Many": [_fresh("a"), _fresh("b")]}
    header_list = [(_fresh("X-Two"), _fresh("2")), ("Content-Type", _fresh("text/csv"))]
    headers_obj = twin.Headers([(_fresh("X-Three"), _fresh("3"))])
    mimetype = _fresh("application/vnd.test+json")
    content_type = _fresh("text/plain; charset=latin-1")
    statuses = [
        int("201"), int("299"), int("1000"), -int("1"), HTTPStatus.NOT_FOUND, True,
        _fresh("202 Accepted"), _fresh("299"), _fresh("abc"), _fresh(" 404 Custom "),
        10**30,
    ]  # fmt: skip
    bad_statuses = [_fresh(""), _fresh("   "), _fresh("200\r\nX: y"), _fresh("2\x000")]
    weird_statuses = [object(), 1.5, b"200 OK"]
    bad_header_dict = {_fresh("X-Bad"): _fresh("a\r\nb")}
    bad_content_type = _fresh("text/html\r\nX: y")
    watched = [
        text, data, buf, parts, tup, header_dict, header_list, headers_obj,
        mimetype, content_type, bad_header_dict, bad_content_type,
        *parts, *statuses, *bad_statuses, *weird_statuses,
    ]  # fmt: skip

    def run() -> list[t.Any]:
        made = []

        for cls in (Response, Slow):
            made += [
                cls(),
                cls(None),
                cls(text),
                cls(data),
                cls(buf),
                cls(parts),
                cls(tup),
                cls(iter(parts)),
                cls(x for x in parts),
                cls(text, headers=header_dict),
                cls(text, headers=header_list),
                cls(text, headers=headers_obj),
                cls(text, headers=headers_obj, content_type=content_type),
                cls(text, mimetype=mimetype),
                cls(text, content_type=content_type),
                cls(text, direct_passthrough=True),
            ]

            for status in statuses:
                made.append(cls(data, status))

            for status in bad_statuses:
                _raises(lambda: cls(text, status), ValueError)

            for status in weird_statuses:
                _raises(lambda: cls(text, status), AttributeError, TypeError)

            _raises(lambda: cls(text, headers=bad_header_dict), ValueError)
            _raises(lambda: cls(text, content_type=bad_content_type), ValueError)

        headers_obj.clear()
        headers_obj.add("X-Three", "3")
        return made

    return run, watched


def _scenario_response_body_and_status(
    twin: types.ModuleType,
) -> tuple[Run, list[t.Any]]:
    Response, Slow = _response_classes(twin)  # noqa: N806
    text = _fresh("n\u00e9w body")
    data = _fresh("new bytes").encode()
    parts = [_fresh("p1"), b"p2"]
    code = int("418")
    big_code = 10**30
    line = _fresh("299 Whatever")
    bad_line = _fresh("200\nX: y")
    empty = _fresh("")
    thing = object()
    watched = [text, data, parts, code, big_code, line, bad_line, empty, thing, *parts]

    def run() -> list[t.Any]:
        made = []

        for cls in (Response, Slow):
            r = cls(parts)
            r.get_data()
            r.get_data(as_text=True)
            r.data
            r.set_data(text)
            r.set_data(data)
            r.data = text
            r.get_data()
            r.calculate_content_length()
            repr(r)
            r.status = code
            r.status = line
            r.status = HTTPStatus.CREATED
            r.status_code = code
            r.status_code = big_code
            r.status
            r.status_code
            _raises(lambda: setattr(r, "status", bad_line), ValueError)
            _raises(lambda: setattr(r, "status", empty), ValueError)
            _raises(lambda: setattr(r, "status", thing), AttributeError)
            _raises(lambda: setattr(r, "status_code", bad_line), ValueError)
            _raises(lambda: r.set_data(thing), TypeError)
            _raises(lambda: r.set_data(code), TypeError)

            streamed = cls(x for x in parts)
            streamed.is_streamed
            streamed.get_data()  # implicit sequence conversion
            streamed.make_sequence()
            streamed.calculate_content_length()

            mixed = cls(x for x in (b"a", code))
            _raises(mixed.get_data, TypeError)

            passthrough = cls(iter(parts), direct_passthrough=True)
            _raises(passthrough.get_data, RuntimeError)
            assert passthrough.calculate_content_length() is None

            r.location = text
            r.content_location = text
            del r.location
            made += [r, streamed, mixed, passthrough]

        return made

    return run, watched


def _scenario_response_cookies(twin: types.ModuleType) -> tuple[Run, list[t.Any]]:
    Response, Slow = _response_classes(twin)  # noqa: N806
    key = _fresh("sid")
    value = _fresh("v\u00e9 l;ue")
    domain = _fresh("example.com")
    age = int("3600")
    delta = datetime.timedelta(hours=1)
    bad_key = _fresh("a;b")
    bad_samesite = _fresh("sometimes")
    huge_age = int("1000000000000")
    bigger_age = 10**20
    big_value = _fresh("x" * 5000)
    not_str = int("777")
    watched = [
        key, value, domain, age, delta, bad_key, bad_samesite, huge_age,
        bigger_age, big_value, not_str,
    ]  # fmt: skip

    def run() -> list[t.Any]:
        made = []

        for cls in (Response, Slow):
            r = cls()
            r.set_cookie(key)
            r.set_cookie(key, value, max_age=age, domain=domain, secure=True,
                         httponly=True, samesite="Lax", partitioned=True)  # fmt: skip
            r.set_cookie(key, value, max_age=delta, path=None)
            r.set_cookie(key, value, expires=age)
            r.delete_cookie(key)
            r.delete_cookie(key, path=None, domain=domain, samesite="strict")
            _raises(lambda: r.set_cookie(bad_key, value), ValueError)
            _raises(lambda: r.set_cookie(not_str, value), AttributeError)
            _raises(lambda: r.set_cookie(key, not_str), TypeError)
            _raises(lambda: r.set_cookie(key, value, samesite=bad_samesite), ValueError)
            _raises(lambda: r.set_cookie(key, value, max_age=huge_age), ValueError)
            _raises(lambda: r.set_cookie(key, value, max_age=bigger_age), OverflowError)
            _raises(lambda: r.delete_cookie(bad_key), ValueError)

            with warnings.catch_warnings():
                warnings.simplefilter("error")
                _raises(lambda: r.set_cookie(key, big_value), UserWarning)

            plain = twin.Headers()
            r.headers = plain
            r.set_cookie(key, value)
            made += [r, plain]

        return made

    return run, watched


def _scenario_response_wsgi(twin: types.ModuleType) -> tuple[Run, list[t.Any]]:
    Response, Slow = _response_classes(twin)  # noqa: N806
    IterHeaders = _iter_headers_class(twin)  # noqa: N806
    get = _environ("GET")
    head = _environ("HEAD")
    start_response = _Sink()
    text = _fresh("b\u00f6dy")
    parts = [_fresh("chunk1"), b"chunk2"]
    location = _fresh("/p\u00e4th/\t/evil?q=\u00e9")
    plain_location = _fresh("/plain/path?x=1")
    content_location = _fresh("http://b\u00fccher.example/x y")
    bad_items = [b"ok", None]
    closing_items = [_fresh("c1"), b"c2"]
    calls: list[int] = []

    def callback() -> None:
        calls.append(1)
        calls.clear()

    def raising_callback() -> None:
        raise _Boom("in close")

    dated = {"Content-Length": "12", "Expires": _fresh("Thu, 01 Jan 1970 00:00:00 GMT")}

    watched = [
        get, head, start_response, text, parts, location, plain_location,
        content_location, bad_items, closing_items, callback, raising_callback,
        calls, dated, *parts, *closing_items,
    ]  # fmt: skip

    def drain(app_iter: t.Any) -> None:
        try:
            for _ in app_iter:
                pass
        finally:
            close = getattr(app_iter, "close", None)
            if close is not None:
                close()

    def run() -> list[t.Any]:
        made = []

        for cls in (Response, Slow):
            for environ in (get, head):
                for body in (text, parts, tuple(parts), None):
                    r = cls(body)
                    r.call_on_close(callback)
                    app_iter = r(environ, start_response)
                    drain(app_iter)
                    made.append(r)  # (the app iterator takes no weak references)

                # A generator, a body with close(), a generator raising mid-stream.
                gen = (x for x in parts)
                r = cls(gen)
                drain(r(environ, start_response))
                made += [r, gen]

                body = _ClosingBody(closing_items)
                r = cls(body)
                drain(r(environ, start_response))
                assert body.closed == 1
                made += [r, body]

                gen = _raising_body(parts)
                r = cls(gen)
                app_iter = r(environ, start_response)
                if environ is get:
                    _raises(lambda: drain(app_iter), _Boom)
                else:  # HEAD: the body is not read, but closed
                    drain(app_iter)
                made += [r, gen]

                # An item that is neither str nor bytes (passed on as it is).
                r = cls(iter(bad_items))
                drain(r(environ, start_response))
                made += [r]

                # A close callback that raises.
                r = cls(parts)
                r.call_on_close(raising_callback)
                app_iter = r(environ, start_response)
                _raises(lambda: drain(app_iter), _Boom)

                # Statuses without a body; direct passthrough.
                for status in (204, 304, 101):
                    r = cls(parts, status, headers=dated)
                    drain(r(environ, start_response))
                r = cls(iter(parts), direct_passthrough=True)
                drain(r(environ, start_response))

                # Locations, relative and absolute, on the wire.
                r = cls(text, 302)
                r.headers["Location"] = location
                r.headers["Content-Location"] = content_location
                r.get_wsgi_headers(environ)
                r.autocorrect_location_header = True
                r.get_wsgi_headers(environ)
                r.headers["Location"] = plain_location
                r.get_wsgi_headers(environ)
                app_iter, status, headers = r.get_wsgi_response(environ)
                drain(app_iter)
                drain(r.get_app_iter(environ))
                drain(r(environ, start_response))
                r.close()
                made.append(r)

            # iter_encoded without the WSGI call; with a ResponseStream (which
            # appends to the body list: a copy, or ``parts`` would grow).
            r = cls(list(parts))
            list(r.iter_encoded())
            with r:
                stream = r.stream
                stream.write(text)
                stream.writelines([b"x"])
            made.append(r)

            _raises(lambda: cls(text)({}, start_response), KeyError)

            # Headers that are not a compiled Headers object: a list of pairs,
            # a Headers subclass with its own __iter__ (the C code's slow paths).
            for headers in ([("X-Pair", text)], IterHeaders([("X-Sub", text)])):
                r = cls(text)
                r.headers = headers
                if type(headers) is not list:
                    r.set_cookie("k", text)
                drain(r(get, start_response))
                made.append(r)

        return made

    return run, watched


def _scenario_response_copies(twin: types.ModuleType) -> tuple[Run, list[t.Any]]:
    Response, Slow = _response_classes(twin)  # noqa: N806
    text = _fresh("fr\u00f6zen")
    parts = [_fresh("s1"), b"s2"]
    header_value = _fresh("kept")
    callback = _Sink()
    watched = [text, parts, header_value, callback, *parts]

    def run() -> list[t.Any]:
        made = []

        for cls in (Response, Slow):
            r = cls(text, 201, headers={"X-Kept": header_value})
            r.extra = parts
            r.call_on_close(callback)
            made += [r, copy.copy(r), copy.deepcopy(r)]

            for protocol in (2, pickle.HIGHEST_PROTOCOL):
                made.append(pickle.loads(pickle.dumps(r, protocol)))

            streamed = cls(x for x in parts)
            _raises(lambda: pickle.dumps(streamed), TypeError)
            streamed.freeze()
            made += [streamed, pickle.loads(pickle.dumps(streamed))]

            passthrough = cls(iter(parts), direct_passthrough=True)
            passthrough.freeze()
            made.append(passthrough)

        return made

    return run, watched


def _scenario_response_conditional(
    twin: types.ModuleType,
) -> tuple[Run, list[t.Any]]:
    """add_etag and make_conditional: the C shortcuts (plain dict environ,
    matching or not matching If-None-Match, weak tags, ``*``, POST), the pure
    fallbacks (ranges, If-Match, dates, a request object) and the 416 raised,
    then the 304/412/206 WSGI calls."""
    Response, Slow = _response_classes(twin)  # noqa: N806
    text = _fresh("conditional body")
    tag = _fresh("abc")
    quoted = _fresh('"abc"')
    lm = _fresh("Sun, 06 Nov 1994 08:49:37 GMT")
    rng = _fresh("bytes=2-5")
    watched = [text, tag, quoted, lm, rng]
    requests = [
        {"HTTP_IF_NONE_MATCH": quoted},
        {"HTTP_IF_NONE_MATCH": 'W/"abc"'},
        {"HTTP_IF_NONE_MATCH": '"other"'},
        {"HTTP_IF_NONE_MATCH": "*"},
        {"HTTP_IF_NONE_MATCH": '"a", "abc"'},
        {"HTTP_IF_NONE_MATCH": ""},
        {"HTTP_IF_MATCH": '"zzz"', "HTTP_IF_NONE_MATCH": quoted},
        {"HTTP_IF_MODIFIED_SINCE": lm},
        {"HTTP_RANGE": rng},
        {"HTTP_RANGE": rng, "HTTP_IF_RANGE": quoted},
        {"HTTP_RANGE": "bytes=99-"},
        {},
    ]

    class Request:
        def __init__(self, environ: dict[str, t.Any]) -> None:
            self.environ = environ

    def run() -> list[t.Any]:
        made = []

        for cls in (Response, Slow):
            for extra in requests:
                for method in ("GET", "HEAD", "POST"):
                    for etag in ("add", "set", "weak", None):
                        environ = {**_environ(method), **extra}

                        for request in (environ, Request(environ)):
                            r = cls(text)
                            r.headers["Last-Modified"] = lm

                            if etag == "add":
                                r.add_etag()
                                r.add_etag(overwrite=True)
                            elif etag is not None:
                                r.set_etag(tag, weak=etag == "weak")

                            try:
                                r.make_conditional(
                                    request, accept_ranges=True, complete_length=16
                                )
                            except twin.exceptions.RequestedRangeNotSatisfiable as exc:
                                made.append(exc.get_response())
                                continue

                            _ = b"".join(r(environ, _Sink()))
                            r.close()
                            made.append(r)

            _raises(lambda: cls(text).make_conditional(None), AssertionError)
            _raises(lambda: cls(text).make_conditional({}), KeyError)
            _raises(lambda: cls(text).set_etag('a"b'), ValueError)

        return made

    return run, watched


def _scenario_accept(twin: types.ModuleType) -> tuple[Run, list[t.Any]]:
    """parse_accept_header (C scanner and pure fallback) and the C matching,
    including the paths that ask Python and the ones that raise."""
    texts = [
        _fresh("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
        _fresh("en-US;q=0.7, de_CH;level=1;q=0.5, fr;q=abc, *;q=0.1"),
        _fresh('a/b;x="y";q=0.5, c/d;q=' + "0" * 80),
        _fresh("text/html;level=1, text/*;q=0.3, é/x"),
    ]
    candidates = [_fresh("application/json"), _fresh("text/html"), _fresh("EN"), _fresh("de-ch")]
    watched = [*texts, *candidates]
    ds = twin.datastructures

    def run() -> list[t.Any]:
        made = []
        for text in texts:
            for cls in (ds.Accept, ds.MIMEAccept, ds.LanguageAccept, ds.CharsetAccept):
                a = twin.http.parse_accept_header(text, cls)
                made.append(a)
                if cls is ds.MIMEAccept:
                    try:  # "EN" is not a media type: ValueError if an item has "/"
                        _ = a.best_match(candidates)
                    except ValueError:
                        pass
                    _ = a.best_match(candidates[:2])
                    _ = a.accept_html, a["text/html"], candidates[1] in a, a.find(candidates[0])
                else:
                    _ = a.best_match(candidates, default=candidates[0])
                    _ = a.quality(candidates[2]), candidates[3] in a, a.find(candidates[3])
        return made

    return run, watched


def _scenario_request(twin: types.ModuleType) -> tuple[Run, list[t.Any]]:
    """The compiled Request: every C field and fast path (args, cookies, host,
    url, the content type, get_data's direct read, get_json and its errors,
    the stream made afterwards), a subclass that turns the shortcuts off,
    assignment and deletion, and the error paths."""
    import io

    query = _fresh("q=red+shoes&page=2&x=%C3%A9&bad=%ff&flag")
    cookie = _fresh('session=abc123; theme="dark blue"; junk')
    host = _fresh("example.com:8080")
    body = _fresh('{"a": [1, 2, 3]}').encode()
    watched = [query, cookie, host, body]

    class Sub(twin.Request):
        @property
        def headers(self) -> t.Any:
            return twin.datastructures.EnvironHeaders(self.environ)

    def environ(**extra: t.Any) -> dict[str, t.Any]:
        env = {
            "REQUEST_METHOD": "post",
            "PATH_INFO": "//items/caf\xc3\xa9",
            "SCRIPT_NAME": "/app/",
            "QUERY_STRING": query,
            "HTTP_COOKIE": cookie,
            "HTTP_Cookie": cookie,
            "HTTP_HOST": host,
            "HTTP_ACCEPT": "text/html,*/*;q=0.8",
            "CONTENT_TYPE": "application/json",
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
            "wsgi.url_scheme": "http",
            "SERVER_NAME": "localhost",
            "SERVER_PORT": "80",
        }
        env.update(extra)
        return env

    def run() -> list[t.Any]:
        made = []
        for cls in (twin.Request, Sub):
            r = cls(environ())
            _ = r.method, r.scheme, r.server, r.root_path, r.path, r.query_string
            _ = r.args, r.cookies, r.host, r.url, r.base_url, r.full_path, r.headers
            _ = r.mimetype, r.mimetype_params, r.is_json, r.remote_addr
            _ = r.accept_mimetypes.best_match(["text/html", "application/json"])
            _ = r.get_json(), r.get_data(), r.stream.read(), r.stream.tell()
            r.path = "/other"
            del r.args, r.url
            _ = r.args, r.url, r.path
            made.append(r)

            for extra in (
                {"CONTENT_TYPE": "text/plain"},
                {"CONTENT_LENGTH": "999"},
                {"wsgi.input": io.BytesIO(b"{bad")},
                {"wsgi.input_terminated": True},
            ):
                bad = cls(environ(**extra))
                try:
                    _ = bad.get_json()  # a 415, a 400, or (terminated) the JSON
                except twin.exceptions.HTTPException:
                    pass
                try:
                    _ = bad.get_json(silent=True)
                except twin.exceptions.ClientDisconnected:
                    pass
                made.append(bad)

            untrusted = cls(environ())
            untrusted.trusted_hosts = ["example.org"]
            _raises(lambda: untrusted.host, twin.exceptions.SecurityError)
            made.append(untrusted)
        return made

    return run, watched


SCENARIOS: dict[str, t.Callable[[types.ModuleType], tuple[Run, list[t.Any]]]] = {
    "http_date": _scenario_http_date,
    "parse_date": _scenario_parse_date,
    "ages": _scenario_ages,
    "dump_cookie": _scenario_dump_cookie,
    "parse_cookie": _scenario_parse_cookie,
    "response_construct": _scenario_response_construct,
    "response_body_and_status": _scenario_response_body_and_status,
    "response_cookies": _scenario_response_cookies,
    "response_wsgi": _scenario_response_wsgi,
    "response_copies": _scenario_response_copies,
    "response_conditional": _scenario_response_conditional,
    "accept": _scenario_accept,
    "request": _scenario_request,
}


@requires_refcounts
@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_no_leaks(compiled_twin: types.ModuleType, scenario: str) -> None:
    run, watched = SCENARIOS[scenario](compiled_twin)
    assert_no_leak(run, watched)


# --- the checks can fail ----------------------------------------------------------
#
# Each scenario, with one stand-in that leaks per call, must be reported: a
# reference to an input (refcount), a new list (gc objects), a new str (blocks),
# a response or generator kept alive (weak references).


def _leaking(run: Run, leak: t.Callable[[t.Any], object]) -> Run:
    def leaky() -> t.Any:
        made = run()
        leak(made)
        return made

    return leaky


@requires_refcounts
@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_a_leaked_input_reference_is_caught(
    compiled_twin: types.ModuleType, scenario: str
) -> None:
    run, watched = SCENARIOS[scenario](compiled_twin)
    # One input of each scenario, the last (often an error path's).
    problems = leak_report(
        _leaking(run, lambda _: _LEAKED.append(watched[-1])), watched, rounds=20
    )
    _LEAKED.clear()
    assert any("refcount of input" in p for p in problems), problems


@requires_refcounts
@pytest.mark.parametrize(
    ("leak", "symptom"),
    [
        (lambda _: _LEAKED.append([]), "gc-tracked objects"),
        (lambda _: _LEAKED.append(str(len(_LEAKED)) * 3), "allocated blocks"),
    ],
    ids=["container", "string"],
)
def test_a_leaked_result_is_caught(
    compiled_twin: types.ModuleType, leak: t.Callable[[t.Any], object], symptom: str
) -> None:
    run, watched = SCENARIOS["dump_cookie"](compiled_twin)
    problems = leak_report(_leaking(run, leak), watched)
    _LEAKED.clear()
    assert any(symptom in p for p in problems), problems


@requires_refcounts
def test_a_kept_response_is_caught(compiled_twin: types.ModuleType) -> None:
    run, watched = SCENARIOS["response_wsgi"](compiled_twin)
    problems = leak_report(
        _leaking(run, lambda made: _LEAKED.append(made[0])), watched, rounds=20
    )
    _LEAKED.clear()
    assert any("still alive" in p for p in problems), problems


@requires_refcounts
def test_a_leak_inside_the_extension_path_is_caught(
    compiled_twin: types.ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Response.set_cookie (the compiled sansio base's) calls its module's
    # dump_cookie: a stand-in there that keeps its key is a leak on the real
    # compiled path, and must be reported.
    module = sys.modules[compiled_twin.sansio.response.Response.__module__]
    real = module.dump_cookie

    def dump_cookie(key: t.Any, *args: t.Any) -> t.Any:
        _LEAKED.append(key)
        return real(key, *args)

    monkeypatch.setattr(module, "dump_cookie", dump_cookie)
    run, watched = SCENARIOS["response_cookies"](compiled_twin)
    problems = leak_report(run, watched, rounds=20)
    _LEAKED.clear()
    assert any("refcount of input 0 (str 'sid')" in p for p in problems), problems
