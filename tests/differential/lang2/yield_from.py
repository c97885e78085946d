# yield from: delegation, return values, send/throw passthrough
def inner():
    x = yield "i1"
    y = yield "i2:" + str(x)
    return ("inner-ret", x, y)

def outer():
    r = yield from inner()
    yield "outer got " + repr(r)
    return "outer-done"

g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    next(g)
except StopIteration as e:
    print("stop:", e.value)

def from_iterables():
    yield from [1, 2]
    yield from "ab"
    yield from range(3, 5)
    yield from {"k": 1}
print(list(from_iterables()))

def catcher():
    try:
        yield 1
    except KeyError:
        yield "caught in inner"
    return "inner finished"
def delegator():
    res = yield from catcher()
    yield res
d = delegator()
next(d)
print(d.throw(KeyError))
print(next(d))

def closing_inner():
    try:
        yield 1
    finally:
        print("inner finally")
def closing_outer():
    try:
        yield from closing_inner()
    finally:
        print("outer finally")
c = closing_outer(); next(c); c.close()

def chain(*its):
    for it in its:
        yield from it
print(list(chain([1], (2, 3), iter([4]))))

def depth(n):
    if n == 0:
        return 0
    v = yield n
    sub = yield from depth(n - 1)
    return sub + 1
gd = depth(3)
print(list(gd))
def gen_ret_value():
    return (yield from depth(2))
gg = gen_ret_value()
print(next(gg), next(gg))
try:
    next(gg)
except StopIteration as e:
    print("final", e.value)
def stop_value_tuple():
    return (1, 2)
    yield
try:
    next(stop_value_tuple())
except StopIteration as e:
    print(e.value, e.args)
def yf_none():
    yield from None
try:
    list(yf_none())
except TypeError as e:
    print("TypeError:", e)
