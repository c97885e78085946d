# list API and its error messages
l = [5, 3, 8, 1]
l.sort()
print(l, l.index(8), l.count(3), l.copy() is l, l.copy() == l)
l.insert(0, 0); l.insert(100, 99); l.insert(-1, 50)
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.extend(range(3)); l.extend("ab")
print(l)
l.remove("a")
print(l, len(l))
l.reverse(); print(l)
l.clear(); print(l)
for bad in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1].index(2),
            lambda: [1].index(1, 1), lambda: [1, 2][3], lambda: [1].__setitem__(4, 0),
            lambda: [] + (), lambda: [] * 1.5, lambda: [1, "a"].sort(), lambda: [].insert(),
            lambda: [3, 1].sort(key=lambda x: x, reverse=1, extra=2), lambda: list(5),
            lambda: [1].extend(3), lambda: ["a", 1].index("b")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
m = list(range(10))
print(m[2:8:2], m[::-3], m[-3:], m[:-7], m[100:], m[-100:2])
m[2:5] = ["x"]
print(m)
m[::3] = [0] * len(m[::3])
print(m)
try:
    m[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
del m[1::2]
print(m)
print([1, 2] * 2, 2 * [0], [[]] * 2, [1] * -1, [1, 2] + [3])
a = [1]; a *= 3; print(a)
a += (4, 5); print(a)
a += "xy"; print(a)
print(sorted([3, 1, 2], reverse=True), [3, 1, 2].sort(), list(reversed([1, 2, 3])))
words = ["banana", "Apple", "cherry", "apple"]
words.sort(key=str.lower); print(words)
words.sort(key=len, reverse=True); print(words)
print([1, 2, 3] == [1, 2, 3], [1, 2] != [1, 2, 0], [] < [0], [[1]] > [[0, 5]])
print(max([[1, 2], [1, 3]]), min(["b", "a"]), 2 in [1, 2], [1] in [[1]])
n = [1, 2, 3]; n[1:1] = [9, 9]; print(n)
n[-1:] = []; print(n, n.index(9, 2))
print(list("abc"), list((1, 2)), list({1: 2}), list(range(0)), [*range(2)])
