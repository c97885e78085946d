# list.sort detects any change to the list by a key or comparison function
# (deterministically: the list is empty and without storage during the
# sort), and repeating an immutable sequence by 1 returns it unchanged.
import random
from functools import cmp_to_key


def attempt(mut, key=True):
    L = [3, 1, 2]

    def k(x):
        mut(L)
        return x

    def c(a, b):
        mut(L)
        return (a > b) - (a < b)

    try:
        if key:
            L.sort(key=k)
        else:
            L.sort(key=cmp_to_key(c))
        return "ok %r" % L
    except ValueError as e:
        return "%s: %s %r" % (type(e).__name__, e, L)


MUTATIONS = [
    ("append", lambda L: L.append(1)),
    ("append-pop", lambda L: (L.append(1), L.pop())),
    ("append-clear", lambda L: (L.append(1), L.clear())),
    ("append-del-slice", lambda L: (L.append(1), L.__delitem__(slice(None)))),
    ("append-init", lambda L: (L.append(1), L.__init__())),
    ("append-imul0", lambda L: (L.append(1), L.__imul__(0))),
    ("insert-remove", lambda L: (L.insert(0, 5), L.remove(5))),
    ("extend", lambda L: L.extend([7, 8])),
    ("slice-assign", lambda L: L.__setitem__(slice(None), [1])),
    ("clear", lambda L: L.clear()),
    ("init", lambda L: L.__init__()),
    ("extend-empty", lambda L: L.extend([])),
    ("slice-assign-empty", lambda L: L.__setitem__(slice(None), [])),
    ("reverse", lambda L: L.reverse()),
    ("iadd-empty", lambda L: L.__iadd__([])),
    ("len", lambda L: len(L)),
]
for name, mut in MUTATIONS:
    print(name, attempt(mut), attempt(mut, key=False))

# CPython bug 453523: random pops and appends always end in ValueError.
errors = 0
for seed in range(200):
    random.seed(seed)

    class C:
        def __lt__(self, other):
            if L and random.random() < 0.75:
                L.pop()
            else:
                L.append(3)
            return random.random() < 0.5

    L = [C() for i in range(30)]
    try:
        L.sort()
    except ValueError:
        errors += 1
print("bug453523", errors)

# A key's __del__ that refills the list runs during the sort.
data = list(range(10))


class SortKiller:
    def __init__(self, x):
        pass

    def __del__(self):
        del data[:]
        data[:] = range(20)

    def __lt__(self, other):
        return id(self) < id(other)


try:
    data.sort(key=SortKiller)
    print("no error")
except ValueError as e:
    print("ValueError", e, len(data))

# An exception from the key wins over the modification.
data = list(range(10))


class Raiser:
    def __init__(self, x):
        if x > 2:
            raise RuntimeError("key")

    def __del__(self):
        data.append(99)


try:
    data.sort(key=Raiser)
except Exception as e:
    print(type(e).__name__, e, data[:3])

# Sorting still works as before.
L = [5, 3, 9, 1]
L.sort(reverse=True)
print(L, sorted("hello"), sorted([3, 1, 2], key=lambda x: -x))

# Repetition identity.
t = (1, 2)
s = "ab"
b = b"ab"
print(t * 1 is t, 1 * t is t, s * 1 is s, 1 * s is s, b * 1 is b, 1 * b is b)
print(t.__mul__(1) is t, s.__mul__(1) is s, b.__mul__(1) is b, t.__rmul__(1) is t)
et, eb = (), b""
print(et * 5 is et, "" * 5 == "", eb * 5 is eb, (t * 2), s * 0, b * -1)
ba = bytearray(b"x")
print(ba * 1 is ba, ba * 1)
l = [1, 2]
print(l * 1 is l, (l * 1) == l)


class T(tuple):
    pass


class S(str):
    pass


class B(bytes):
    pass


for v in (T((1,)), S("a"), B(b"a")):
    r = v * 1
    print(type(r).__name__, r == v, r is v)
