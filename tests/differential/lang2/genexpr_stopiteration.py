# generator expressions and StopIteration -> RuntimeError (PEP 479)
def leaky():
    yield 1
    raise StopIteration("inside")
try:
    list(leaky())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

def next_in_gen():
    it = iter([])
    yield next(it)
try:
    list(next_in_gen())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)

def ok():
    return
    yield
print(list(ok()))

g = (x * x for x in range(4))
print(sum(g), sum(g))
print(list(x for x in "abc" if x != "b"))
print(max((len(w), w) for w in ["aa", "b", "ccc"]))
print(dict((k, k * 2) for k in range(3)))
print(tuple(a + b for a in "xy" for b in "12"))

try:
    gen = (1 / x for x in [1, 0])
    print(next(gen))
    next(gen)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

try:
    (x for x in 5)
except TypeError as e:
    print("TypeError:", e)

def lazy_outer():
    print("evaluating iterable")
    return [1, 2]
ge = (y for y in lazy_outer())
print("created")
print(list(ge))

ge2 = (x for x in range(3))
print(next(ge2), list(ge2), list(ge2))
sq = (i * i for i in range(5))
print(3 in sq, list(sq))
print(any(x > 2 for x in range(5)), all(x < 2 for x in range(5)))
print(sorted((x % 3 for x in range(7)), reverse=True))
print(" ".join(str(n) for n in range(5)))
def stop_after(n):
    for i in range(10):
        if i == n:
            return i
        yield i
print(list(stop_after(3)))
