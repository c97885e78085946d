# range objects API
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], r[::2], 5 in r, 6 in r)
print(r.start, r.stop, r.step, r.index(8), r.count(8), r.count(9))
print(range(5) == range(0, 5), range(0) == range(5, 2), range(1, 2, 5) == range(1, 3, 5), range(3) == [0, 1, 2])
print(list(range(10, 0, -3)), list(range(-5)), list(range(0, -5, -1)))
print(range(10 ** 20)[10 ** 19], 10 ** 19 in range(10 ** 20), range(10 ** 20)[-1])
print(reversed(range(3)).__class__.__name__, list(reversed(range(1, 10, 4))), sum(range(101)))
print(hash(range(3)) == hash(range(0, 3)), bool(range(0)), bool(range(1)), max(range(5)), min(range(3, 9)))
for bad in [lambda: range(0, 10, 0), lambda: range(1.5), lambda: range(), lambda: range(1, 2, 3, 4),
            lambda: range(5)[10], lambda: range(5).index(7), lambda: range("a"), lambda: range(5)["x"]]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    len(range(10 ** 20))
except OverflowError as e:
    print("OverflowError:", e)
print(range(0, 10, 2)[1:4], range(10)[::-2], range(5)[10:], range(1, 4)[-10:10])
class I:
    def __index__(self): return 4
print(range(I()), list(range(I(), 7)), range(True))
print(1.0 in range(3), 2.5 in range(3), "a" in range(3), None in range(2))
it = iter(range(3))
print(next(it), type(it).__name__, list(it))
print([i for i in range(3) for _ in range(i)], tuple(range(-2, 2)))
print(range(5).__reversed__().__next__(), list(range(3)) * 2, list(range(2, -2, -1)))
print(repr(range(0)), str(range(1, 2)), range(-3, 3, 2)[1], range(7)[-3:])
