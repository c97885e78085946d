# star-unpacking in assignments, calls, literals
a, *b, c = range(6)
print(a, b, c)
*head, tail = "xyz"
print(head, tail)
first, *rest = [1]
print(first, rest)
(p, q), *r = [(1, 2), 3, 4]
print(p, q, r)
x, (y, *z) = 1, "abc"
print(x, y, z)
[m, n] = {"k1": 1, "k2": 2}
print(m, n)

try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)

def f(*args, **kw):
    return args, kw
print(f(*[1, 2], *"ab", 3))
print(f(**{"a": 1}, b=2, **{"c": 3}))
print(f(*(), **{}))
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    f(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    f(**[1])
except TypeError as e:
    print("TypeError:", e)
try:
    f(**{1: 2})
except TypeError as e:
    print("TypeError:", e)

print([*range(3), *"ab", 9])
print((*[1, 2],))
print({*[1, 2], *[2, 3]} == {1, 2, 3})
print({**{"a": 1}, "b": 2, **{"a": 3}})
print(*[1, 2, 3], sep="-")
for i, *rest in [(1, 2, 3), (4,)]:
    print(i, rest)
d = {}
d["k"], *d["v"] = "hello"
print(d)
class O: pass
o = O()
o.a, o.b = "ab"
print(o.a, o.b)
lst = [0, 0, 0]
lst[0], lst[2] = lst[2] + 1, lst[0] + 2
print(lst)
i = 0
arr = [10, 20]
i, arr[i] = 1, 99
print(i, arr)
