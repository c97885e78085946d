# zip (incl. strict), enumerate, map, filter, reversed
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip(*[(1, 2), (3, 4)])))
print(list(zip([1, 2], [3, 4], strict=True)))
for args in [([1, 2], [3]), ([1], [2, 3]), ([1, 2], [3, 4], [5]), ([], [1])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
print(list(enumerate("abc")), list(enumerate("ab", 10)), list(enumerate([], start=-1)))
e = enumerate(["x", "y"], start=5)
print(next(e), type(e).__name__, list(e))
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2])), list(map(str.upper, "ab")))
print(list(map(lambda a, b, c: a + b + c, "ab", "cd", "efg")))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(lambda x: x % 2, range(7))))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(reversed(Seq())), list(Seq()), 20 in Seq())
class Rev:
    def __reversed__(self): return iter("custom")
print(list(reversed(Rev())))
for bad in [lambda: reversed(5), lambda: reversed({1: 2}.items()), lambda: zip(1),
            lambda: map(5, [1]).__next__(), lambda: enumerate(3), lambda: filter(None, 3),
            lambda: reversed({1, 2}), lambda: list(map(abs)), lambda: enumerate([], "x")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
z = zip([1, 2], [3, 4])
print(next(z), list(z), list(z))
m = map(int, ["1", "x", "3"])
print(next(m))
try:
    next(m)
except ValueError as e:
    print("ValueError:", e)
print(next(m))
print(dict(zip("abc", range(3))), dict(enumerate("xy")))
keys, values = zip(*{"k": 1, "j": 2}.items())
print(keys, values)
print(list(zip(range(3), reversed(range(3)), map(str, range(3)))))
gen_count = []
def g():
    for i in range(5):
        gen_count.append(i)
        yield i
list(zip(g(), [1, 2]))
print(gen_count)
print(type(zip()).__name__, type(map(abs, [])).__name__, type(filter(None, [])).__name__, type(reversed([])).__name__)
