# itertools: groupby, tee and the combinatoric iterators.
from itertools import *
import operator


def err(f, *a, **k):
    try:
        r = f(*a, **k)
        if hasattr(r, '__next__'):
            r = list(r)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


# groupby
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')], [(k, len(list(g))) for k, g in groupby([1, 1, 2, 3, 3, 3])])
print([(k, list(g)) for k, g in groupby(range(10), key=lambda x: x // 3)])
print([(k, list(g)) for k, g in groupby(iterable=['a', 'B', 'b', 'c'], key=str.lower)])
g = groupby('aabbc')
k1, g1 = next(g); k2, g2 = next(g)
print(k1, list(g1), k2, list(g2))
g = groupby('aaab'); k, grp = next(g); print(next(grp)); k2, grp2 = next(g); print(list(grp), list(grp2))
print(list(groupby([])))
err(groupby); err(groupby, 1); err(groupby, [], key=1, x=1); err(groupby, [], 1, 2)
err(lambda: list(groupby([1, 2], key=1)))
g = groupby([1, 1, 2]); print(g.__reduce__()[1][1]); next(g); print(g.__reduce__()[2])
g = groupby([1, 1, 2]); k, gr = next(g); print(gr.__reduce__()[1][1]); next(g); print(gr.__reduce__())
# a key function that raises
def bad(x):
    if x == 3:
        raise ValueError("bad key")
    return x
err(lambda: [(k, list(v)) for k, v in groupby([1, 2, 3], bad)])
# equality that raises
class E:
    def __eq__(self, o):
        raise RuntimeError("no eq")
err(lambda: list(groupby([E(), E()])))

# tee
a, b = tee(range(5))
print(list(a), list(b))
a, b, c = tee('abc', 3); print(next(a), list(b), list(a), list(c))
print(tee([1], 0), len(tee([1], 1)), type(tee([1])[0]).__name__)
a, b = tee(range(200)); print(sum(a), sum(b))
a, b = tee(iter([1, 2, 3])); next(a); c = a.__copy__(); print(list(c), list(a), list(b))
a, b = tee(range(3)); a2, b2 = tee(a); print(a2 is not a, type(a2).__name__, list(a2), list(b2))
err(tee); err(tee, 1); err(tee, [], -1); err(tee, [], 'a'); err(tee, [], 1, 2); err(tee, [], n=2)
a, = tee([1, 2], 1); next(a); r = a.__reduce__(); print(r[1], r[2][1], type(r[2][0]).__name__)
print(r[2][0].__reduce__()[1][1:])
import itertools
err(itertools._tee); err(itertools._tee, 1); err(itertools._tee_dataobject)
print(list(itertools._tee([5, 6])))
# re-entrant tee
def gen():
    yield 1
    yield next(t)
t, = tee(gen(), 1)
err(lambda: list(t))
# a long tee chain is freed without recursion
a, b = tee(range(100000)); print(sum(a)); del a, b

# product
print(list(product('ab', range(2))), list(product(range(2), repeat=2)), list(product()))
print(list(product([1, 2], [])), list(product(1, repeat=0)), list(product('ab', repeat=0)))
print(len(list(product(range(3), range(4), range(5)))), list(product(*[[1, 2]] * 2)))
err(product, 1); err(product, [], repeat=-1); err(product, [], x=1); err(product, [], repeat='a')
err(product, [1], repeat=2**62); err(product, [1], repeat=1, x=1)

# combinations & co.
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations([1], 2)))
print(list(combinations([], 0)), list(combinations('ab', 0)), list(combinations(iterable='abc', r=2)))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement([], 0)),
      list(combinations_with_replacement([], 1)), list(combinations_with_replacement('a', 3)))
print(list(permutations('ABC', 2)), list(permutations(range(3))), list(permutations([], 0)),
      list(permutations([1], 2)), list(permutations('ab', None)), list(permutations([1, 2], r=0)))
print(len(list(permutations(range(6)))), len(list(combinations(range(10), 4))),
      len(list(combinations_with_replacement(range(6), 3))))
err(permutations); err(permutations, 1); err(permutations, [], -1); err(permutations, [], 'a')
err(permutations, [], 1, 2); err(permutations, [1], 1.0)
err(combinations); err(combinations, []); err(combinations, [], -1); err(combinations, [], 'a')
err(combinations_with_replacement, []); err(combinations_with_replacement, [], -1)

for o in [product('ab', 'c'), combinations('abc', 2), combinations_with_replacement('abc', 2),
          permutations('abc', 2)]:
    print(type(o).__name__, o.__reduce__()[1:], o.__sizeof__())
    next(o)
    print(o.__reduce__()[1:])
    list(o)
    print(o.__reduce__()[1:])
p = permutations([1, 2, 3]); next(p); p.__setstate__(((2, 1, 0), (1, 1, 1))); print(list(p))
p = permutations([1, 2, 3]); next(p); p.__setstate__(((0, 1, 2), (3, 2, 1))); print(list(p))
c = combinations(range(5), 3); next(c); c.__setstate__((0, 3, 4)); print(list(c))
c = combinations_with_replacement(range(3), 2); next(c); c.__setstate__((1, 9)); print(list(c))
p = product('ab', 'xyz'); next(p); p.__setstate__((0, 1)); print(list(p))
p = product('ab', 'xyz'); next(p); p.__setstate__((-5, 50)); print(list(p))
err(product('ab').__setstate__, (1, 2)); err(combinations('ab', 1).__setstate__, 5)
err(permutations('ab').__setstate__, ((0, 1), (1, 2, 3)))
