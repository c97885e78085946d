# __setstate__ clipping and argument errors, and __length_hint__ of every
# builtin iterator type (operator.length_hint), including after mutation.
import operator


def tr(f):
    try:
        r = f()
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    return repr(r)


class Seq:
    def __getitem__(self, i):
        if i < 3:
            return i
        raise IndexError(i)

    def __len__(self):
        return 3

    def __repr__(self):
        return "Seq()"


class MyInt(int):
    pass


class Idx:
    def __index__(self):
        return 1

    def __repr__(self):
        return "Idx()"


STATES = [-5, -1, 0, 1, 2, 3, 4, 100, 2**70, -2**70, 1.5, "1", True, None, MyInt(2), Idx()]
MAKERS = [
    ("list", lambda: iter([1, 2, 3])),
    ("list-rev", lambda: reversed([1, 2, 3])),
    ("tuple", lambda: iter((1, 2, 3))),
    ("range", lambda: iter(range(3))),
    ("longrange", lambda: iter(range(2**64, 2**64 + 3))),
    ("str", lambda: iter("abc")),
    ("str-unicode", lambda: iter("aé€")),
    ("bytes", lambda: iter(b"abc")),
    ("bytearray", lambda: iter(bytearray(b"abc"))),
    ("seqiter", lambda: iter(Seq())),
    ("reversed", lambda: reversed(Seq())),
]
for name, mk in MAKERS:
    for s in STATES:
        it = mk()

        def go():
            r = it.__setstate__(s)
            return r, it.__reduce__()[2:], operator.length_hint(it, -7), list(it)

        print(name, repr(s), tr(go))

# zip takes any object as its strict flag.
for s in [0, 1, None, "x", [], 2**70]:
    z = zip([1], [2, 3])
    z.__setstate__(s)
    print("zip", repr(s), z.__reduce__()[2:], tr(lambda: list(z)))

# Exhausted, then set back: only range iterators come back to life.
for name, mk in MAKERS:
    it = mk()
    list(it)
    it.__setstate__(1)
    print("exhausted", name, list(it), it.__reduce__()[1:])

# Mutated containers.
l = [1, 2, 3]
it = iter(l)
next(it)
l.clear()
print(operator.length_hint(it), it.__reduce__()[1:])
l = [1, 2, 3]
it = reversed(l)
next(it)
l.clear()
print(operator.length_hint(it), it.__reduce__()[1:], list(it))
l = [1, 2, 3]
it = reversed(l)
l.append(4)
print(operator.length_hint(it), it.__reduce__()[1:], list(it))
d = {1: 2, 3: 4}
it = iter(d)
d[5] = 6
print(operator.length_hint(it), tr(lambda: it.__reduce__()), tr(lambda: next(it)), tr(lambda: next(it)))
d = {1: 2, 3: 4}
it = iter(d)
next(it)
del d[1]
d[7] = 8
print(operator.length_hint(it), tr(lambda: it.__reduce__()), tr(lambda: list(it)), tr(lambda: list(it)))
d = {1: 2, 3: 4}
it = reversed(d)
next(it)
d[9] = 1
print(operator.length_hint(it), tr(lambda: it.__reduce__()), tr(lambda: next(it)))
s = {1, 2, 3}
it = iter(s)
next(it)
s.add(4)
print(operator.length_hint(it), tr(lambda: it.__reduce__()), tr(lambda: next(it)), tr(lambda: next(it)))
s = {1, 2, 3}
it = iter(s)
s.discard(1)
s.add(1)
print(operator.length_hint(it), sorted(it.__reduce__()[1][0]))


class WeirdLen:
    called = False

    def __len__(self):
        if not self.called:
            self.called = True
            return 10
        raise ZeroDivisionError

    def __getitem__(self, i):
        return i


print(tr(lambda: operator.length_hint(reversed(WeirdLen()))))
for s in ("hello", tuple("hello"), list("hello"), range(5), Seq()):
    r = reversed(s)
    a = operator.length_hint(r)
    list(r)
    print(type(r).__name__, a, operator.length_hint(r))

# Argument checking of the methods.
print(tr(lambda: iter([]).__setstate__()))
print(tr(lambda: iter([]).__setstate__(1, 2)))
print(tr(lambda: iter([]).__reduce__(1)))
print(tr(lambda: iter([]).__length_hint__(1)))
print(tr(lambda: zip().__setstate__()))
print(tr(lambda: iter([]).__next__(1)))
print(tr(lambda: iter([]).__next__(a=1)))
print(tr(lambda: type(iter([])).__reduce__(5)))
print(tr(lambda: type(iter([])).__reduce__()))
print(tr(lambda: type(iter([])).__length_hint__(5)))
print(tr(lambda: type(iter([])).__setstate__(5, 1)))
print(tr(lambda: type(iter([])).__next__(5)))
print(tr(lambda: type(iter([])).__iter__()))
print(tr(lambda: type(iter([])).__reduce__(iter(()))))
print(tr(lambda: enumerate.__reduce__(iter(()))))
print(tr(lambda: type(iter(range(3))).__setstate__(iter(range(3)), 2**63)))
print(tr(lambda: hasattr(map(abs, []), "__length_hint__")))
print(tr(lambda: operator.length_hint(iter(range(2**64)))))
print(tr(lambda: iter(range(2**64)).__length_hint__()))
it = iter(range(2**32 + 2))
it.__setstate__(2**32 + 1)
print(it.__reduce__()[2], next(it), tr(lambda: next(it)))
it = iter(range(2**64, 2**64 + 3))
it.__setstate__(1.5)
print(tr(lambda: operator.length_hint(it)), tr(lambda: next(it)))

# list(), list.extend and bytearray.extend ask for a length hint first.


class BadLen:
    def __iter__(self):
        return iter(range(3))

    def __len__(self):
        raise RuntimeError("len")


class BadHint:
    def __iter__(self):
        return iter(range(3))

    def __length_hint__(self):
        raise RuntimeError("hint")


class TypeErrHint:
    def __iter__(self):
        return iter(range(3))

    def __len__(self):
        raise TypeError("no")

    def __length_hint__(self):
        raise TypeError("no")


class FloatHint:
    def __iter__(self):
        return iter(range(3))

    def __length_hint__(self):
        return 1.5


class NegHint:
    def __iter__(self):
        return iter(range(3))

    def __length_hint__(self):
        return -1


class NIHint:
    def __iter__(self):
        return iter(range(3))

    def __length_hint__(self):
        return NotImplemented


for cls in (BadLen, BadHint, TypeErrHint, FloatHint, NegHint, NIHint):
    print(cls.__name__, tr(lambda: list(cls())), tr(lambda: [9].extend(cls())),
          tr(lambda: bytearray(b"x").extend(cls())), tr(lambda: operator.length_hint(cls())))
print(tr(lambda: bytearray().extend(5)), tr(lambda: list(5)))
