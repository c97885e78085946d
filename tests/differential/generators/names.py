# Generator names: taken from the function (not the code object) at creation,
# settable afterwards, and shown by repr.
def gen():
    yield 1
g = gen()
print(g.__name__, g.__qualname__)
g.__name__ = 'x'
print(g.__name__, g.__qualname__)
g.__qualname__ = 'y.z'
print(g.__name__, g.__qualname__, repr(g).split(" at ")[0])
def f():
    yield
f.__qualname__ = 'Q'
print(f().__qualname__, f().__name__)
class C:
    def m(self):
        yield
print(C().m().__qualname__)
async def co(): pass
c = co(); print(c.__name__, c.__qualname__); c.close()
try:
    g.__name__ = 3
except TypeError as e: print(e)
def deep():
    x = 1
    yield x
    yield from range(3)
d = deep()
next(d)
print(d.gi_frame.f_locals, d.gi_frame.f_lineno)
print(list(d))
import functools
@functools.wraps(deep)
def wrapped():
    yield 5
print(wrapped().__name__, wrapped().__qualname__)
