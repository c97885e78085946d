# sys.unraisablehook receives UnraisableHookArgs for exceptions nobody can
# catch (__del__, weakref callbacks, generator finalisation); the default
# hook prints "Exception ignored in: ..." to stderr.
import sys
import weakref

seen = []


def hook(args):
    seen.append(args)


print(hasattr(sys, "UnraisableHookArgs"))
print(sys.unraisablehook is sys.__unraisablehook__)
sys.unraisablehook = hook


class Broken:
    def __del__(self):
        raise ValueError("del is broken")


Broken()
a = seen.pop()
print(type(a).__name__, a.exc_type.__name__, a.exc_value, a.err_msg)
print(a.object is Broken.__del__, a.exc_traceback is not None)


class Obj:
    pass


def cb(ref):
    raise KeyError("cb")


o = Obj()
r = weakref.ref(o, cb)
del o
a = seen.pop()
print(a.exc_type.__name__, a.object is cb)


def gen():
    try:
        yield 1
    finally:
        yield 2


g = gen()
next(g)
del g
a = seen.pop()
print(a.exc_type.__name__, a.exc_value, a.exc_traceback is not None)


def bad_hook(args):
    raise RuntimeError("hook failed")


sys.unraisablehook = bad_hook
Broken()
sys.unraisablehook = sys.__unraisablehook__
print(len(seen))
# The default hook: the last stderr line is the exception.
Broken()
