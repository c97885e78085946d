# Constructors of the iterator builtins: argument errors (exact class and
# subclasses), keyword arguments in subclasses with their own __init__,
# and what the iterators do once their inputs run dry.


def tr(f):
    try:
        r = f()
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    return repr(r)


class E(enumerate):
    pass


for en in (enumerate, E):
    print(en.__name__)
    print(" ", tr(lambda: en()))
    print(" ", tr(lambda: en(a=1, b=2, c=3)))
    print(" ", tr(lambda: en(start=1)))
    print(" ", tr(lambda: en([], iterable=[])))
    print(" ", tr(lambda: en([], start=1, iterable=[])))
    print(" ", tr(lambda: list(en(start=1, iterable="ab"))))
    print(" ", tr(lambda: list(en(iterable="ab", start=1))))
    print(" ", tr(lambda: list(en(iterable="ab"))))
    print(" ", tr(lambda: en(x=0, y=3)))
    print(" ", tr(lambda: en(start=0, x=3)))
    print(" ", tr(lambda: en(iterable=[], x=3)))
    print(" ", tr(lambda: en([], x=3)))
    print(" ", tr(lambda: en("abc", 2, 3)))
    print(" ", tr(lambda: en(1)))
    print(" ", tr(lambda: en("abc", "a")))
    print(" ", tr(lambda: en(1, "a")))
    print(" ", tr(lambda: list(en("ab", True))))
    print(" ", tr(lambda: list(en("ab", 2**64))))
    print(" ", tr(lambda: list(en("ab", -2**64))))
    print(" ", tr(lambda: list(en("ab", 2**63 - 1))))


class I:
    def __index__(self):
        return 7


print(tr(lambda: list(enumerate("ab", I()))), enumerate("ab", I()).__reduce__()[1][1])
print(tr(lambda: enumerate[int]))

# Keyword arguments: refused unless a subclass overrides __init__.
for cls, args in ((filter, (None, [0, 1])), (map, (str, [1, 2])), (reversed, ((1, 2),))):
    class Sub(cls):
        pass

    class WithInit(cls):
        def __init__(self, *args, newarg=None):
            self.newarg = newarg

    print(cls.__name__, tr(lambda: cls(*args, newarg=3)), tr(lambda: Sub(*args, newarg=3)))
    u = WithInit(*args, newarg=3)
    print(" ", type(u).__name__, u.newarg, list(u))
print(tr(lambda: zip([1], newarg=3)), tr(lambda: zip([1], strict=1, b=2)), tr(lambda: zip(a=1)))
print(tr(lambda: list(zip([1], [2], strict=[]))), tr(lambda: list(zip([1], [], strict=[0]))))
print(tr(lambda: reversed()), tr(lambda: reversed(1, 2)), tr(lambda: reversed(1)))
print(tr(lambda: reversed({1, 2})), tr(lambda: reversed({}.keys().__iter__())))
print(tr(lambda: filter(None)), tr(lambda: map(abs)))


def f():
    pass


f.__reversed__ = object()
print(tr(lambda: reversed(f)))


class NotRev:
    __reversed__ = None

    def __getitem__(self, i):
        return i

    def __len__(self):
        return 1


print(tr(lambda: reversed(NotRev())))


class BadLen:
    def __getitem__(self, i):
        return i

    def __len__(self):
        raise ValueError("no len")


print(tr(lambda: reversed(BadLen())))

# The sentinel is compared on the left, and StopIteration ends the iterator.
log = []


class Sentinel:
    def __eq__(self, other):
        log.append(("sentinel-eq", other))
        return other == 3


vals = iter(range(10))
print(list(iter(lambda: next(vals), Sentinel())), log[:2])


def stopper(state=[0]):
    state[0] += 1
    if state[0] > 3:
        raise StopIteration
    return state[0]


it = iter(stopper, None)
print(list(it), it.__reduce__()[1], tr(lambda: next(it)))

# Builtin iterators over other iterators keep asking them (not sticky).


class Revive:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n % 3 == 0:
            raise StopIteration
        return self.n


for make in (lambda r: enumerate(r), lambda r: zip(r), lambda r: map(str, r),
             lambda r: filter(None, r)):
    it = make(Revive())
    print(list(it), list(it))

# Containers' iterators stay exhausted.
l = [1]
it = iter(l)
print(list(it), l.append(2), list(it))
it = reversed(l)
print(list(it), l.append(3), list(it))
d = {1: 1}
it = iter(d)
print(list(it), list(it))

# Types cannot be instantiated directly (Adder's message differs).
for T in (type(iter([])), type(iter(range(0))), type(iter(range(2**70))), type(iter("é")),
          type(iter(b"")), type(reversed([])), type(reversed({}))):
    try:
        T()
    except TypeError:
        print(T.__name__, "TypeError")
