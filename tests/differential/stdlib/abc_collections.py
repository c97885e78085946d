# abc through the stdlib: collections.abc, numbers, io and the containers
# built on them, with the native _abc underneath.
import abc
import collections
import collections.abc as cabc
import io
import numbers
from collections import Counter, OrderedDict, defaultdict, deque

print(abc.ABCMeta.__module__, abc._abc_init.__module__, type(abc._abc_init).__name__)
print(abc._abc_init.__name__, abc.get_cache_token.__name__)

values = [{}, [], (), "", b"", set(), frozenset(), range(3), 1, 1.5, 2j, True, None,
          iter([]), (x for x in ()), {}.keys(), {}.items(), {}.values(), memoryview(b""),
          bytearray(), deque(), OrderedDict(), Counter(), defaultdict(int)]
abcs = ["Hashable", "Iterable", "Iterator", "Generator", "Reversible", "Sized",
        "Container", "Collection", "Callable", "Set", "MutableSet", "Mapping",
        "MutableMapping", "MappingView", "KeysView", "ItemsView", "ValuesView",
        "Sequence", "MutableSequence", "ByteString", "Awaitable", "AsyncIterable"]
for v in values:
    print(type(v).__name__, "".join("1" if isinstance(v, getattr(cabc, n)) else "." for n in abcs))
for t in (dict, list, tuple, str, bytes, set, frozenset, int, float, bool, type(None), deque):
    print(t.__name__, "".join("1" if issubclass(t, getattr(cabc, n)) else "." for n in abcs))

print(isinstance({}, cabc.Mapping), issubclass(dict, cabc.MutableMapping), isinstance(lambda: 0, cabc.Callable))
print(issubclass(int, numbers.Integral), issubclass(bool, numbers.Number), issubclass(float, numbers.Real),
      issubclass(float, numbers.Integral), issubclass(complex, numbers.Complex), issubclass(complex, numbers.Real))
print(isinstance(3, numbers.Rational), isinstance(3.0, numbers.Rational), isinstance(1j, numbers.Number))

# io's ABCs are ABCMeta classes with registered implementations.
print(type(io.IOBase).__name__, isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase))
print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.StringIO, io.RawIOBase), isinstance(io.BytesIO(), io.IOBase))


# User classes by structure (__subclasshook__) and by registration.
class Sz:
    def __len__(self):
        return 0


class It:
    def __iter__(self):
        return iter(())


class Nope:
    __iter__ = None


print(isinstance(Sz(), cabc.Sized), isinstance(It(), cabc.Iterable), isinstance(Nope(), cabc.Iterable))
print(issubclass(Sz, cabc.Collection), issubclass(It, cabc.Reversible))


class MySeq:
    def __init__(self, *items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


print(isinstance(MySeq(), cabc.Sequence))
cabc.Sequence.register(MySeq)
print(isinstance(MySeq(), cabc.Sequence), issubclass(MySeq, cabc.Reversible), issubclass(MySeq, cabc.Mapping))


def describe(x):
    match x:
        case {"k": v}:
            return f"mapping k={v}"
        case [a, b]:
            return f"seq2 {a} {b}"
        case [*rest]:
            return f"seq {len(rest)}"
        case _:
            return "other"


print(describe(MySeq(1, 2)), describe(MySeq()), describe({"k": 3}), describe("ab"), describe(deque([1, 2])))


class MyMap:
    def __init__(self, d):
        self.d = d

    def __getitem__(self, k):
        return self.d[k]

    def __len__(self):
        return len(self.d)

    def __iter__(self):
        return iter(self.d)

    def get(self, k, default=None):
        return self.d.get(k, default)

    def keys(self):
        return self.d.keys()


print(describe(MyMap({"k": 1})))
cabc.Mapping.register(MyMap)
print(describe(MyMap({"k": 1})), isinstance(MyMap({}), cabc.Mapping))


class SubMap(MyMap):
    pass


print(describe(SubMap({"k": 2})))


# Subclassing the ABCs: mixin methods and abstract errors.
class Bag(cabc.MutableSet):
    def __init__(self, it=()):
        self.s = list(dict.fromkeys(it))

    def __contains__(self, x):
        return x in self.s

    def __iter__(self):
        return iter(self.s)

    def __len__(self):
        return len(self.s)

    def add(self, x):
        if x not in self.s:
            self.s.append(x)

    def discard(self, x):
        if x in self.s:
            self.s.remove(x)


bag = Bag([1, 2, 3])
bag |= {4}
bag -= {1}
print(sorted(bag), bag <= Bag([2, 3, 4, 5]), isinstance(bag, cabc.Set), (bag & {2, 9}).s)


class Incomplete(cabc.Mapping):
    def __getitem__(self, k):
        raise KeyError(k)


try:
    Incomplete()
except TypeError as e:
    print("TypeError", e)
print(sorted(cabc.MutableMapping.__abstractmethods__), sorted(cabc.Sequence.__abstractmethods__))
print(sorted(numbers.Integral.__abstractmethods__)[:6])

# Counter and OrderedDict behave as before.
c = Counter("abracadabra")
print(c.most_common(3), sorted(c.elements())[:5], c["z"], isinstance(c, cabc.MutableMapping))
c.update({"a": -5})
print(+c, -c)
od = OrderedDict.fromkeys("xyz")
od.move_to_end("x")
print(list(od), od.popitem(last=False), isinstance(od, cabc.Mapping), od == {"y": None, "x": None})
nt = collections.namedtuple("nt", "a b")
print(isinstance(nt(1, 2), cabc.Sequence), issubclass(nt, cabc.Hashable))
cm = collections.ChainMap({"a": 1}, {"b": 2})
print(dict(cm), isinstance(cm, cabc.MutableMapping))
ud = collections.UserDict(a=1)
print(isinstance(ud, cabc.MutableMapping), isinstance(collections.UserList(), cabc.MutableSequence))
print(isinstance(collections.UserString("x"), cabc.Sequence))
