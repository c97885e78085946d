# gi_frame/cr_frame are frame objects (f_back None while suspended),
# gi_code survives the end, gi_yieldfrom names the delegate, __name__
# must be a str, a resumed generator's f_back is the resumer.
import sys


def f():
    yield


gi = f()
print(type(gi.gi_frame).__name__, gi.gi_frame.f_back, gi.gi_frame.f_code is f.__code__)
list(gi)
print(gi.gi_frame, gi.gi_code is f.__code__)


async def c():
    pass


cr = c()
print(type(cr.cr_frame).__name__, cr.cr_frame.f_back)
cr.close()

for attr in ("__name__", "__qualname__"):
    try:
        setattr(gi, attr, 123)
    except TypeError as e:
        print("TypeError:", e)
    try:
        delattr(gi, attr)
    except TypeError as e:
        print("TypeError:", e)


def a():
    yield 1


def b():
    yield from a()
    yield 2


g = b()
print(g.gi_yieldfrom)
next(g)
print(g.gi_yieldfrom.gi_code.co_name)
next(g)
print(g.gi_yieldfrom)


def names(frame):
    out = []
    while frame and not frame.f_code.co_name.startswith("call_"):
        out.append(frame.f_code.co_name)
        frame = frame.f_back
    return out


def inner():
    print(names(sys._getframe()))
    try:
        yield
    except Exception:
        pass
    print(names(sys._getframe()))


def outer():
    print(names(sys._getframe()))
    yield from inner()


def call_send(gen):
    gen.send(None)


def call_throw(gen):
    gen.throw(RuntimeError)


for call in (call_send, call_throw):
    gen = outer()
    gen.send(None)
    try:
        call(gen)
    except StopIteration:
        pass

lam = lambda: (yield 1)
gen = lam()
next(gen)
try:
    gen.send(2)
except StopIteration as e:
    print("returned", e.value)
try:
    f().throw(ValueError, "foo", 23)
except TypeError as e:
    print("TypeError:", e)


class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls


gen = f()
try:
    gen.throw(E)
except TypeError as e:
    print("TypeError:", e)


def h():
    try:
        yield
    except:
        raise


try:
    1 / 0
except ZeroDivisionError as v:
    try:
        h().throw(v)
    except Exception as w:
        tb = w.__traceback__
n = 0
while tb:
    n += 1
    tb = tb.tb_next
print("levels", n)
