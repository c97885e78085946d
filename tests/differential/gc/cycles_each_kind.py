# Every container kind can carry a reference cycle; gc.collect() frees each
# (the weakref to a member dies). Output must match CPython exactly.
import gc
import sys
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


def via_list():
    o = Obj(); l = [o]; o.l = l; return o

def via_tuple():
    o = Obj(); o.t = (o, 1); return o

def via_dict():
    o = Obj(); o.d = {"me": o}; return o

def via_dict_key():
    o = Obj(); o.d = {o: 1}; return o

def via_set():
    o = Obj(); o.s = {o}; return o

def via_frozenset():
    o = Obj(); o.s = frozenset([o]); return o

def via_attributes():
    a = Obj(); b = Obj(); a.b = b; b.a = a; return a

def via_slots():
    class S:
        __slots__ = ("other",)
    s = S(); o = Obj(); s.other = o; o.s = s; return o

def via_class():
    class C:
        pass
    C.me = C
    return C

def via_class_attr_instance():
    class C:
        pass
    C.inst = C()
    return C.inst

def via_function_closure():
    def outer():
        def inner():
            return inner
        return inner
    return outer()

def via_function_defaults():
    o = Obj()
    def f(x=o):
        return x
    o.f = f
    return o

def via_function_globals():
    ns = {}
    exec("def f(): return f", ns)
    return ns["f"]

def via_function_dict():
    def f():
        pass
    f.me = f
    return f

def via_bound_method():
    class C:
        def m(self):
            pass
    c = C(); c.bm = c.m; return c

def via_cell():
    o = Obj()
    def g():
        return o
    o.g = g
    return o

def via_generator():
    o = Obj()
    def gen(x):
        yield x
    g = gen(o); o.g = g; return o

def via_suspended_generator():
    o = Obj()
    def gen(x):
        while True:
            yield x
    g = gen(o); next(g); o.g = g; return o

def via_exception_traceback():
    o = Obj()
    try:
        raise ValueError(o)
    except ValueError as e:
        o.e = e
    return o

def via_exception_context():
    class E(Exception):
        pass
    e = E(); f = E(); e.__context__ = f; f.__context__ = e; return e

def via_exception_frame():
    def f():
        try:
            1 / 0
        except ZeroDivisionError as e:
            return e
    o = Obj(); o.e = f(); o.e.o = o
    return o

def via_weakref_callback():
    o = Obj()
    target = Obj()
    o.keep = target
    o.wr = weakref.ref(target, lambda r, o=o: None)
    return o

def via_property():
    o = Obj()
    p = property(lambda self: o)
    o.p = p
    return o

def via_staticmethod():
    o = Obj(); o.s = staticmethod(lambda: o); return o

def via_classmethod():
    o = Obj(); o.c = classmethod(lambda cls: o); return o

def via_module():
    import types
    m = types.ModuleType("m"); m.me = m; return m

def via_iterator():
    o = Obj(); l = [o]; o.it = iter(l); return o

def via_frame():
    def f():
        return sys._getframe()
    o = Obj(); fr = f(); o.fr = fr; fr.f_locals; return o

def via_bytearray_free():
    o = Obj(); o.me = [o, bytearray(b"x")]; return o

def via_deque():
    import collections
    o = Obj(); o.d = collections.deque([o]); return o

def via_defaultdict():
    import collections
    o = Obj(); o.d = collections.defaultdict(list); o.d["k"].append(o); return o

def via_ordered_dict():
    import collections
    o = Obj(); o.d = collections.OrderedDict(me=o); return o

def via_partial():
    import functools
    o = Obj(); o.p = functools.partial(print, o); return o

def via_super_and_mro():
    class A:
        pass
    class B(A):
        def m(self):
            return super().m
    return B


for name, build in list(globals().items()):
    if name.startswith("via_"):
        check(name[4:], build)
