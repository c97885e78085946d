# int()/float() accept memoryviews; conversion methods returning subclasses warn; float
# subclasses with their own __init__ take keywords
import warnings


def warned(f, *args):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        r = f(*args)
    return r, type(r).__name__, [str(x.message)[:60] for x in w]


print(int(memoryview(b"123")[1:3]), float(memoryview(b"12.5")[1:4]))
try:
    int(memoryview(b"AAAA"))
except ValueError as e:
    print("ValueError:", e)


class IntBool:
    def __int__(self):
        return True


class IndexBool:
    def __index__(self):
        return True


class JustTrunc:
    def __trunc__(self):
        return 42


class FloatSub(float):
    def __float__(self):
        return self


print(warned(int, IntBool()))
print(warned(int, IndexBool()))
print(warned(int, JustTrunc()))
print(warned(float, FloatSub(2.5)))
print(warned(float, IndexBool()))
print(warned(lambda x: [0, 1, 2][x], IndexBool()))


class WithInit(float):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg


u = WithInit(2.5, newarg=3)
print(u, u.newarg)


class Plain(float):
    pass


try:
    Plain(x=0)
except TypeError as e:
    print("TypeError:", e)
