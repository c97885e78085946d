# itertools: __reduce__/__setstate__ round trips (the pickling protocol,
# driven by hand so no pickler is involved).
from itertools import *
import operator


def roundtrip(it, take=2):
    """Consume `take` items, rebuild from __reduce__, compare the rest."""
    first = [next(it) for _ in range(take)]
    r = it.__reduce__()
    func, args = r[0], r[1]
    new = func(*args)
    if len(r) > 2 and r[2] is not None:
        new.__setstate__(r[2])
    return first, list(islice(new, 20)), list(islice(it, 20))


def show(name, it, take=2):
    try:
        a, b, c = roundtrip(it, take)
        print(name, a, b, b == c)
    except Exception as e:
        print(name, type(e).__name__, e)


show('count', count(3, 2))
show('count float', count(1.5))
show('cycle', cycle('abc'), 4)
show('cycle short', cycle('ab'), 1)
show('repeat', repeat('x', 5))
show('accumulate', accumulate([1, 2, 3, 4, 5]))
show('accumulate initial', accumulate([1, 2, 3], operator.mul, initial=10), 1)
show('accumulate none total', accumulate([None, 1, 2], lambda a, b: None), 1)
show('chain', chain('ab', 'cd', 'ef'), 3)
show('chain.from_iterable', chain.from_iterable(['xy', 'z']), 1)
show('compress', compress('abcdef', [1, 0, 1, 1, 0, 1]))
show('dropwhile', dropwhile(lambda x: x < 3, [1, 2, 3, 4, 1, 2]))
show('takewhile', takewhile(lambda x: x < 5, [1, 2, 3, 6, 1]))
show('filterfalse', filterfalse(None, [0, 1, 0, 2, 3, 0]), 1)
show('starmap', starmap(pow, [(2, 3), (3, 2), (4, 2)]), 1)
show('islice', islice(range(20), 2, 15, 3))
show('islice nostop', islice(range(10), 1, None, 2))
show('zip_longest', zip_longest('ab', 'xyz', fillvalue='-'))
show('product', product('ab', 'xy'), 1)
show('combinations', combinations('abcd', 2), 3)
show('cwr', combinations_with_replacement('abc', 2), 2)
show('permutations', permutations('abc', 2), 2)
a, b, c = roundtrip(groupby('aabbbc'), 1)
print('groupby', [k for k, g in a], [k for k, g in b], [k for k, g in c])
a, b = tee(range(10))
show('tee', a, 3)
print(list(b))
# exhausted iterators reduce to something empty
for it in [islice('ab', 1), zip_longest('a'), chain('a'), product('a'), combinations('ab', 1)]:
    list(it)
    r = it.__reduce__()
    n = r[0](*r[1])
    if len(r) > 2 and r[2] is not None:
        n.__setstate__(r[2])
    print(type(it).__name__, list(n))
# stale grouper reduces to iter(())
g = groupby('aab'); k, grp = next(g); next(g); r = grp.__reduce__(); print(r[0] is iter, r[1])
# setstate errors
for it, st in [(cycle('ab'), 5), (cycle('ab'), ([1],)), (chain('a'), ()), (chain('a'), (1,)), (groupby('a'), (1, 2)),
               (tee('a')[0], (1, 2)), (product('ab'), (1, 2)), (permutations('ab'), 5), (islice('ab', 1), 'x')]:
    try:
        it.__setstate__(st)
        print('ok')
    except Exception as e:
        print(type(e).__name__, e)
