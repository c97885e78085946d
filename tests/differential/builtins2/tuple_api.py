# tuple API and errors
t = (1, 2, 3, 2)
print(t.count(2), t.index(2), t.index(2, 2), t[1:], t[::-1], t + (4,), t * 2, 0 * t)
print((1,), (), tuple(), tuple("ab"), tuple([1, [2]]), (1, 2) < (1, 2, 0), (2,) > (1, 9))
print(len(t), 3 in t, max(t), min(t), sum(t), sorted(t), hash((1, 2)) == hash((1, 2)))
for bad in [lambda: t[10], lambda: t.index(9), lambda: t + [1], lambda: t.__setitem__(0, 1),
            lambda: tuple(1), lambda: t * "x", lambda: (1, 2) < (1, "a"), lambda: t.append(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
nested = (1, [2, 3])
nested[1].append(4)
print(nested)
try:
    nested[1] += [5]
except TypeError as e:
    print("TypeError:", e)
print(nested)
a = b = (1, 2)
a += (3,)
print(a, b, a is b)
print(repr((1,)), repr(((),)), str((None, "s")), ((1, 2),))
x, y = y, x = 1, 2
print(x, y)
print(tuple(range(3)) == (0, 1, 2), (1, 2) == [1, 2], type((1, 2)[:1]).__name__)
class P(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
p = P(4, 5)
print(p, p.first, type(p).__name__, p + (6,), type(p + (6,)).__name__, isinstance(p, tuple))
print(tuple(x * x for x in range(4)), (*"ab", *[1]), tuple({1: 2}))
print(t.__getitem__(0), t[-1], t[-4], t[1:-1], t[5:1], t[::2])
print(((1, 2), (3, 4))[1][0], (1, 2, 3)[True], divmod(7, 3) == (2, 1))
