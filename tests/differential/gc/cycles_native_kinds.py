# A cycle through each native-module payload (whose traversal is derived
# from its fields) and through the fields a frame or function owns besides
# its globals; gc.collect() frees each. Output must match CPython exactly.
import gc
import weakref

gc.disable()


class Obj:
    pass


def check(name, build):
    probe = build()
    w = weakref.ref(probe)
    del probe
    alive_before = w() is not None
    gc.collect()
    print(f"{name:28} held={alive_before} freed={w() is None}")


def via_custom_builtins():
    b = {}
    ns = {"__builtins__": b}
    exec("def f():\n    return 1\n", ns)
    o = Obj(); o.f = ns["f"]; b["o"] = o; del ns["__builtins__"]
    return o

def via_suspended_frame_builtins():
    b = {}
    ns = {"__builtins__": b}
    exec("def gen():\n    yield 1\n    yield 2\n", ns)
    g = ns["gen"](); next(g)
    o = Obj(); o.g = g; b["o"] = o; ns.clear()
    return o

def via_generator_locals():
    def gen():
        o = Obj()
        o.g = yield o
        yield
    g = gen(); o = next(g); g.send(g)
    return o

def via_lru_cache():
    import functools
    o = Obj()
    @functools.lru_cache(maxsize=4)
    def f(x):
        return o
    f(1); o.f = f
    return o

def via_lru_cache_unbounded():
    import functools
    o = Obj()
    @functools.lru_cache(maxsize=None)
    def f(x):
        return o
    f(1); o.f = f
    return o

def via_count():
    import itertools
    o = Obj(); o.it = itertools.repeat(o); return o

def via_chain():
    import itertools
    o = Obj(); o.it = itertools.chain([o], [1]); next(o.it); return o

def via_tee():
    import itertools
    o = Obj(); a, b = itertools.tee([o, 1]); next(a); o.t = (a, b); return o

def via_groupby():
    import itertools
    o = Obj(); o.g = itertools.groupby([o, o]); next(o.g); return o

def via_product():
    import itertools
    o = Obj(); o.p = itertools.product([o], [1]); next(o.p); return o

def via_zip_longest():
    import itertools
    o = Obj(); o.z = itertools.zip_longest([1], [], fillvalue=o); return o

def via_itemgetter():
    import operator
    o = Obj(); o.g = operator.itemgetter(o); return o

def via_methodcaller():
    import operator
    o = Obj(); o.m = operator.methodcaller("x", key=o); return o

def via_cmp_to_key():
    import functools
    o = Obj(); o.k = functools.cmp_to_key(lambda a, b: 0)(o); return o

def via_context_var_default():
    import contextvars
    o = Obj(); o.v = contextvars.ContextVar("v", default=o); return o

def via_context_value():
    import contextvars
    o = Obj(); v = contextvars.ContextVar("v")
    ctx = contextvars.Context()
    ctx.run(v.set, o)
    o.ctx = ctx
    return o

def via_token():
    import contextvars
    o = Obj(); v = contextvars.ContextVar("v")
    ctx = contextvars.copy_context()
    o.tok = ctx.run(v.set, o)
    return o

def via_deque_iterator():
    import collections
    o = Obj(); d = collections.deque([o]); o.it = iter(d); return o

def via_abc_registry():
    import abc
    class A(abc.ABC):
        pass
    class B:
        pass
    A.register(B)
    B.a = A
    return A

def via_csv_reader():
    import csv
    o = Obj()
    class It:
        def __iter__(self):
            return self
        def __next__(self):
            raise StopIteration
    it = It(); it.o = o; o.r = csv.reader(it); return o

def via_bytesio_dict():
    import io
    o = Obj(); b = io.BytesIO(); b.o = o; o.b = b; return o

def via_text_wrapper_buffer():
    import io
    o = Obj(); t = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    t.buffer.o = o; o.t = t
    return o

def via_match_string():
    import re
    class S(str):
        pass
    s = S("aaa"); m = re.match("a", s); s.m = m
    return s

def via_array_iterator():
    import array
    class A(array.array):
        pass
    a = A("i", [1]); a.it = iter(a); return a

def via_weakref_callback_self():
    o = Obj(); t = Obj()
    o.t = t
    o.r = weakref.ref(t, lambda r: o)
    return o

def via_memoryview_subclass():
    class B(bytearray):
        pass
    b = B(b"ab"); b.m = memoryview(b); return b


for name, build in list(globals().items()):
    if name.startswith("via_"):
        check(name[4:], build)
