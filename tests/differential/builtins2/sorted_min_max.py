# sorted/min/max with key/default and errors
data = [("b", 3), ("a", 3), ("c", 1), ("d", 2)]
print(sorted(data), sorted(data, key=lambda p: p[1]), sorted(data, key=lambda p: p[1], reverse=True))
print(sorted("hello"), sorted({3: 0, 1: 0}), sorted((x for x in [3, 1, 2])), sorted([]))
print(sorted([3, 1, 2], key=None), sorted(["B", "a", "C"], key=str.lower))
print(sorted([-3, 2, -1], key=abs), sorted([1.5, 1, True, 0]))
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("abc"), min("b", "a", key=ord))
print(max(data, key=lambda p: p[1]), min(data, key=lambda p: p[1]))
print(max([], default="empty"), min([], default=None), max([1], default=9))
print(max([1, 3, 3.0], key=int), max([3.0, 3]), min([1, True]), max([0, False]))
print(max(["aa", "b", "cc"], key=len), min(["aa", "b", "cc", "d"], key=len))
for bad in [lambda: max([]), lambda: min(), lambda: max(1), lambda: max(1, 2, default=0),
            lambda: min([1, "a"]), lambda: sorted([1, None]), lambda: sorted(5),
            lambda: sorted([1], key=5), lambda: max([1], key=len), lambda: sorted([], foo=1),
            lambda: sorted([1], None)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
class Item:
    def __init__(self, n):
        self.n = n
    def __lt__(self, o):
        return self.n < o.n
    def __repr__(self):
        return "I%d" % self.n
items = [Item(3), Item(1), Item(2)]
print(sorted(items), max(items), min(items))
class OnlyGt:
    def __init__(self, n): self.n = n
    def __gt__(self, o): return self.n > o.n
    def __repr__(self): return "G%d" % self.n
print(sorted([OnlyGt(2), OnlyGt(1)]))
stable = sorted([(1, "x"), (0, "y"), (1, "a"), (0, "b")], key=lambda t: t[0])
print(stable)
lst = [5, 2, 9]
print(sorted(lst) is not lst, lst)
calls = []
sorted([3, 1, 2], key=lambda x: calls.append(x) or x)
print(calls)
print(sorted(range(10), key=lambda x: (x % 3, -x)))
print(max(range(5), key=lambda x: -x), min(iter([7, 8])), max((1, 2), (1, 3)))
