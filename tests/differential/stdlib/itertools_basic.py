# itertools: the infinite and terminating iterators, reprs and errors.
import itertools as it
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


def take(n, i):
    return list(islice(i, n))


# count
print(take(5, count()), take(3, count(10)), take(3, count(2.5, 0.5)), take(3, count(-1, -2)))
print(take(3, count(start=3, step=2)), take(3, count(2**65, 2**64)), take(3, count(1j, 1)))
print(repr(count()), repr(count(5)), repr(count(1.5)), repr(count(5, 2)), repr(count(5, 1.0)), repr(count(True)))
c = count(7); next(c); print(repr(c), c.__reduce__())
print(count(1.0).__reduce__(), count(1, 3).__reduce__())
import sys
c = count(sys.maxsize - 1); print(next(c), next(c), next(c), repr(c))
class MyCount(count):
    pass
print(repr(MyCount(3)), repr(MyCount(3, 2)), MyCount(3).__reduce__()[1])
err(count, 'a'); err(count, 1, 'a'); err(count, 1, 2, 3); err(count, x=1)

# cycle
print(take(7, cycle('abc')), take(3, cycle([])), list(cycle([])))
c = cycle([1, 2]); print(take(5, c), c.__reduce__()[2])
err(cycle); err(cycle, 1); err(cycle, [], []); err(cycle, a=1)

# repeat
print(list(repeat('x', 3)), list(repeat(1, 0)), list(repeat(1, -5)), take(3, repeat(None)))
print(repr(repeat(1)), repr(repeat('a', 3)), repr(repeat('a', -3)), repr(repeat(object=2, times=1)))
r = repeat(1, 2); print(r.__length_hint__()); next(r); print(r.__length_hint__(), repr(r), r.__reduce__()[1])
print(operator.length_hint(repeat(1, 4)))
err(repeat(1).__length_hint__); err(repeat); err(repeat, 1, 2, 3); err(repeat, 1, 'a'); err(repeat, 1, x=2)
print(list(map(pow, range(5), repeat(2))))

# accumulate
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(accumulate([1, 2, 3], initial=100)), list(accumulate([], initial=7)), list(accumulate([])))
print(list(accumulate('abc')), list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2], func=None)))
print(list(accumulate(iterable=[1, 2], func=operator.sub, initial=10)))
err(accumulate); err(accumulate, 1); err(accumulate, [1], None, 1); err(accumulate, [1], x=2)
err(accumulate, [1, 'a'])
a = accumulate([1, 2, 3]); next(a); print(a.__reduce__()[2])

# chain
print(list(chain('ab', [1, 2], (), range(2))), list(chain()), list(chain.from_iterable(['ab', 'cd'])))
print(take(4, chain.from_iterable(repeat([1, 2]))))
err(chain, a=1); err(chain.from_iterable); err(chain.from_iterable, 1, 2); err(chain, 1); err(chain.from_iterable, [1])
c = chain([1], [2]); next(c); print(len(c.__reduce__()[2]))
class MyChain(chain):
    pass
print(type(MyChain.from_iterable([[1]])).__name__, list(MyChain([1], [2])))

# compress / dropwhile / takewhile / filterfalse / starmap
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress(data=range(5), selectors=cycle([0, 1]))))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', None])))
print(list(filterfalse(bool, [0, 1, 2])), list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(operator.add, ['ab', 'cd'])))
err(compress); err(compress, 1, 2); err(compress, [1], 2)
err(dropwhile); err(dropwhile, 1); err(dropwhile, None, 1); err(dropwhile, a=1)
err(takewhile); err(filterfalse); err(filterfalse, None, 1); err(filterfalse, a=1)
err(starmap); err(starmap, 1); err(starmap, 1, 2); err(starmap, pow, [1])
t = takewhile(bool, [1, 0, 2]); print(list(t), list(t))
d = dropwhile(bool, [1, 0, 2]); print(d.__reduce__()[2]); print(list(d), d.__reduce__()[2])

# pairwise
print(list(pairwise('abcd')), list(pairwise([1])), list(pairwise([])))
err(pairwise); err(pairwise, 1); err(pairwise, [], []); err(pairwise, iterable=[])

# islice
print(list(islice('abcdefg', 2)), list(islice('abcdefg', 2, 4)), list(islice('abcdefg', 2, None)))
print(list(islice('abcdefg', 0, None, 2)), list(islice(count(), 3, 10, 3)), list(islice('ab', None)))
print(list(islice('abcdef', None, None, None)), list(islice('abc', 10)), list(islice('abc', 5, 10)))
err(islice, range(10), 2**100)
for args in [(), ([],), ([], 1, 2, 3, 4), ([], 'a'), ([], -1), ([], -5), ([], 1, -1), ([], 1, -5),
             ([], -1, 2), ([], 'a', 2), ([], 1, 2, 0), ([], 1, 2, -1), ([], 1, 2, 'a'), ([], 2**100, 5),
             (1, 2)]:
    err(islice, *args)
err(islice, [], x=1)
it1 = iter(range(10)); print(list(islice(it1, 3)), next(it1))
s = islice(range(10), 1, 8, 3); next(s); print(s.__reduce__()[1][1:], s.__reduce__()[2])

# zip_longest
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest()), list(zip_longest([1, 2])))
print(list(zip_longest([1], [], [2, 3])))
err(zip_longest, 1); err(zip_longest, x=1); err(zip_longest, [], fillvalue=1, x=2)

# iterators are their own iterators; exhausted stay exhausted
for x in [count(), cycle('a'), repeat(1), accumulate([1]), chain(), compress([], []),
          dropwhile(None, []), takewhile(None, []), filterfalse(None, []), starmap(None, []),
          pairwise([]), islice([], 1), zip_longest()]:
    assert iter(x) is x
    print(type(x).__name__, type(x).__module__, repr(type(x)), hasattr(x, '__next__'))
print(chain.__class_getitem__ is not None)
print(it.__name__, sorted(n for n in dir(it) if not n.startswith('__')))
