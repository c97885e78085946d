# Set algebra on str, int and mixed keys, with sets built by copying
# (which places keys without comparisons) and by adding: every result is
# checked element by element and printed sorted.
import random

random.seed(1234)


def key(x):
    return (type(x).__name__, x)


def canon(s):
    return sorted(s, key=key)


def check(name, got, want):
    ok = set(want)
    bad = [x for x in got if x not in ok]
    dup = len(got) != len(list(got))
    members = all(x in got for x in want)
    print(name, len(got), len(got) == len(ok) and not bad and members and not dup)


def words(n, seed):
    r = random.Random(seed)
    return ["".join(r.choice("abcdefghij") for _ in range(r.randint(1, 6))) for _ in range(n)]


def cases():
    seq = list(range(10)) + list("abcdefg") + ["apple"]
    yield "dictkey", seq, list(reversed(seq))
    yield "ints-collide", [i * 64 for i in range(40)], [i * 64 for i in range(20, 60)]
    yield "ints-collide8", [i * 8 for i in range(30)], [i * 8 + 8 for i in range(30)]
    yield "ints-neg", list(range(-50, 50, 3)), list(range(-40, 60, 4))
    yield "bigints", [2**64 + i * 2**20 for i in range(30)], [2**64 + i * 2**21 for i in range(30)]
    for n in (5, 17, 50, 120, 300):
        w = words(n, n)
        yield "words%d" % n, w, words(n, n + 1) + w[: n // 2]
    yield "mixed", [1, "1", 1.5, (1, 2), b"1", None, True, 2**70], ["1", 2, (1, 2), False, b"2", 2**70]
    yield "floats", [i / 4 for i in range(40)], [i / 2 for i in range(40)]
    yield "empty", [], list("abc")
    yield "same", list("hello world"), list("hello world")


for name, a_items, b_items in cases():
    for frozen in (False, True):
        T = frozenset if frozen else set
        a = T(a_items)
        b = T(b_items)
        ca = a.copy() if not frozen else frozenset(set(a_items))
        sa, sb = set(a_items), set(b_items)
        want_x = [x for x in sa if x not in sb] + [x for x in sb if x not in sa]
        want_s = [x for x in sa if x not in sb]
        want_i = [x for x in sa if x in sb]
        want_u = list(sa) + [x for x in sb if x not in sa]
        tag = name + ("-frozen" if frozen else "")
        check(tag + " ^", a ^ b, want_x)
        check(tag + " rev^", b ^ a, want_x)
        check(tag + " copy^", ca ^ b, want_x)
        check(tag + " -", a - b, want_s)
        check(tag + " &", a & b, want_i)
        check(tag + " |", a | b, want_u)
        check(tag + " sym()", a.symmetric_difference(b_items), want_x)
        check(tag + " diff()", a.difference(b_items), want_s)
        check(tag + " inter()", a.intersection(b_items), want_i)
        check(tag + " union()", a.union(b_items), want_u)
        m = set(a_items)
        m ^= b
        check(tag + " ^=", m, want_x)
        m = set(a_items)
        m.symmetric_difference_update(b_items)
        check(tag + " sym_update", m, want_x)
        m = set(a_items)
        m -= b
        check(tag + " -=", m, want_s)
        m = set(a_items)
        m &= b
        check(tag + " &=", m, want_i)
        m = set(a_items)
        m |= b
        check(tag + " |=", m, want_u)
        print(tag, (a ^ b) == T(want_x), a == T(list(reversed(a_items))), a <= (a | b),
              (a - b).isdisjoint(b), hash(frozenset(a_items)) == hash(frozenset(reversed(a_items))))
    if len(a_items) < 40:
        print(name, canon(set(a_items) ^ set(b_items)))
        print(name, canon(set(a_items) - set(b_items)))
        print(name, canon(set(a_items) & set(b_items)))

# Frozensets as dict keys, built in different orders.
seq = list(range(10)) + list("abcdefg") + ["apple"]
d = {frozenset(seq): 42}
print(d[frozenset(reversed(seq))], frozenset(seq) ^ frozenset(reversed(seq)))

# Many adds and removals through the same probe sequences.
s = set()
for i in range(2000):
    s.add(i * 8)
    if i % 3 == 0:
        s.discard((i // 2) * 8)
t = set(s)
u = s.copy()
print(len(s), len(t ^ u), len(t - u), t == u, sum(s) == sum(t))
w = words(400, 99)
s = set(w)
for x in w[::2]:
    s.discard(x)
for x in w[::3]:
    s.add(x)
c = s.copy()
print(len(s), len(c ^ s), c == s, all(x in c for x in s))
