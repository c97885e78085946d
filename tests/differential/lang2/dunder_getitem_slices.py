# __getitem__/__setitem__/__delitem__ with slices, tuples, ellipsis
class Rec:
    def __init__(self): self.log = []
    def __getitem__(self, k):
        return k
    def __setitem__(self, k, v):
        self.log.append(("set", k, v))
    def __delitem__(self, k):
        self.log.append(("del", k))
r = Rec()
print(r[1], r[1:2], r[::3], r[1, 2], r[1:2, ::3], r[...], r[:, None], r["k"], r[()])
s = r[1:2:3]
print(type(s).__name__, s.start, s.stop, s.step, s)
print(r[:], r[::], r[-1:], r[:-1])
r[0] = "a"; r[1:3] = "b"; r[::2] = "c"; r[1, 2] = "d"
del r[5]; del r[1:]
print(r.log)
print(slice(1, 10, 2).indices(5), slice(None).indices(3), slice(-3, None).indices(10), slice(None, None, -1).indices(4))
print(slice(5) == slice(None, 5), slice(1, 2) == slice(1, 2, None), slice(1, 2, 3))
try:
    slice(0, 1, 0).indices(5)
except ValueError as e:
    print("ValueError:", e)
try:
    hash(slice(1))
except TypeError as e:
    print("TypeError:", e)
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, pos):
        x, y = pos
        return self.cells.get(pos, ".")
    def __setitem__(self, pos, v):
        self.cells[pos] = v
g = Grid()
g[1, 2] = "#"
g[0, 0] = "@"
print("".join(g[x, y] for y in range(3) for x in range(3)))
class Missing(dict):
    def __missing__(self, k):
        self[k] = len(self)
        return self[k]
m = Missing()
print(m["a"], m["b"], m["a"], dict(m))
class NotSub:
    pass
for op in [lambda: NotSub()[0], lambda: NotSub().__setitem__(0, 1)]:
    try:
        op()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
try:
    NotSub()[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del NotSub()[0]
except TypeError as e:
    print("TypeError:", e)
print([1, 2, 3][slice(None, None, -1)], "abcdef"[slice(1, None, 2)])
print(list(range(10))[-3:-1], list(range(10))[8:2:-2], [][5:], "ab"[::-1][::-1])
