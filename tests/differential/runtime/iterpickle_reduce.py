# __reduce__ of every builtin iterator type, fresh, part consumed and
# exhausted, compared with CPython 3.11 (objects with addresses are shown
# by type name).
import operator


def show(x):
    if isinstance(x, tuple):
        inner = ", ".join(show(i) for i in x)
        return "(" + inner + ("," if len(x) == 1 else "") + ")"
    if isinstance(x, list):
        return "[" + ", ".join(show(i) for i in x) + "]"
    if isinstance(x, (int, str, bytes, bytearray, range, type(None), float)):
        return repr(x)
    if isinstance(x, type) or type(x).__name__ == "builtin_function_or_method":
        return repr(x)
    return "<" + type(x).__name__ + ">"


def walk(name, it, n=1):
    print(name, type(it).__name__, show(it.__reduce__()), operator.length_hint(it, -7))
    for _ in range(n):
        next(it, None)
    print("  after", n, show(it.__reduce__()), operator.length_hint(it, -7))
    for _ in it:
        pass
    print("  done", show(it.__reduce__()), operator.length_hint(it, -7))


class Seq:
    def __getitem__(self, i):
        if i < 3:
            return i * 10
        raise IndexError(i)

    def __len__(self):
        return 3


class NoLen:
    def __getitem__(self, i):
        if i < 2:
            return i
        raise IndexError(i)


walk("list", iter([1, 2, 3]))
walk("list-rev", reversed([1, 2, 3]))
walk("list-rev-empty", reversed([]))
walk("tuple", iter((1, 2, 3)))
walk("tuple-empty", iter(()))
walk("range", iter(range(1, 10, 2)))
walk("range-neg", iter(range(10, -10, -3)))
walk("range-empty", iter(range(0)))
walk("longrange", iter(range(2**64, 2**64 + 5)))
walk("longrange-step", iter(range(-2**70, 2**70, 2**69)))
walk("range-rev", reversed(range(3)))
walk("range-rev-empty", reversed(range(5, 5, 3)))
walk("range-rev-long", reversed(range(2**64, 2**64 + 7, 3)))
walk("str", iter("abc"))
walk("str-unicode", iter("aé€😀"), 2)
walk("str-empty", iter(""))
walk("bytes", iter(b"abc"))
walk("bytearray", iter(bytearray(b"abc")))
d = {1: "a", 3: "b", 5: "c"}
walk("dict", iter(d))
walk("dict-keys", iter(d.keys()))
walk("dict-values", iter(d.values()))
walk("dict-items", iter(d.items()))
walk("dict-rev", reversed(d))
walk("dict-rev-keys", reversed(d.keys()))
walk("dict-rev-values", reversed(d.values()))
walk("dict-rev-items", reversed(d.items()))
walk("set", iter({1, 2, 3}))
walk("frozenset", iter(frozenset({4, 5})))
walk("enumerate", enumerate("ab", 5))
walk("enumerate-big", enumerate("ab", 2**70))
walk("zip", zip([1, 2], "abc"))
walk("zip-strict", zip([1, 2], "ab", strict=True))
walk("zip-empty", zip())
walk("map", map(abs, [-1, -2]))
walk("map2", map(pow, [1, 2], [3, 4]))
walk("filter", filter(None, [0, 1, 2]))
walk("filter-fn", filter(bool, [0, 1]))
walk("seqiter", iter(Seq()))
walk("seqiter-nolen", iter(NoLen()))
walk("reversed", reversed(Seq()))
walk("reversed-tuple", reversed((1, 2, 3)))
walk("reversed-str", reversed("abc"))
counter = iter(range(10))
walk("callable", iter(lambda: next(counter), 4))

# Type names of the iterators.
for x in ([], (), "", "é", b"", bytearray(), range(0), range(2**64), {}, {}.values(),
          {}.items(), set(), frozenset()):
    print(type(iter(x)).__name__, end=" ")
print()
for x in ([], (), "é", range(3), {}, {}.keys(), {}.values(), {}.items()):
    print(type(reversed(x)).__name__, end=" ")
print()
for T in (type(iter([])), type(reversed([])), type(iter(range(0))),
          type(iter(range(2**64))), type(iter("")), type(iter("é")), type(iter(b"")),
          type(iter(bytearray())), enumerate, zip, map, filter, reversed, type(iter({})),
          type(reversed({})), type(iter(set())), type(iter(lambda: 0, 1)), type(iter(Seq()))):
    names = ("__reduce__", "__setstate__", "__length_hint__", "__iter__", "__next__")
    print(T.__name__, [k for k in names if k in T.__dict__])

# Subclasses reduce to their own class.
class E(enumerate):
    pass


class Z(zip):
    pass


class M(map):
    pass


class F(filter):
    pass


class R(reversed):
    pass


print(show(E("ab").__reduce__()), show(Z("a").__reduce__()))
print(show(M(abs, []).__reduce__()), show(F(None, []).__reduce__()))
print(show(R(Seq()).__reduce__()), show(R([1]).__reduce__()))

# Range iterators: when CPython uses the long type.
for args in [(2**63 - 2,), (-2**63, 2**63 - 1), (-2**63, 2**63 - 1, 2), (2**63 - 1,),
             (0, 2**63 - 1, 2**62), (1, 2**62 + 1, 2**61)]:
    print(args, type(iter(range(*args))).__name__, iter(range(*args)).__length_hint__())
for args in [(-2**63, 10), (-2**63 + 1, 10), (10, -2**63, -1), (2**63 - 2, -2**63, -1),
             (0, 10), (-2**63 + 1, -2**63 + 3), (2**63 - 1, 2**63 - 3, -1)]:
    it = reversed(range(*args))
    print(args, type(it).__name__, show(it.__reduce__()))
