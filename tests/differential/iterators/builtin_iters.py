# iter(), next(), iter(callable, sentinel), enumerate, zip, map, filter, reversed.
it = iter([1, 2, 3])
print(next(it), list(it), list(it))
n = [0]
def tick():
    n[0] += 1
    return n[0]
print(list(iter(tick, 4)))
print(list(enumerate('abc')), list(enumerate('ab', start=10)), list(zip('abc', [1, 2])), list(zip()))
try:
    list(zip('ab', 'abc', strict=True))
except ValueError as e:
    print('ValueError:', e)
try:
    list(zip('abc', 'ab', strict=True))
except ValueError as e:
    print('ValueError:', e)
print(list(map(pow, [2, 3], [3, 2])), list(filter(None, [0, 1, '', 'a'])), list(filter(str.isdigit, 'a1b2')))
print(list(reversed('abc')), list(reversed([1, 2])), list(reversed((1, 2))))
e = enumerate([5])
print(type(e).__name__, iter(e) is e, next(e), next(e, None))
z = zip([1], [2])
print(type(z).__name__, type(map(len, [])).__name__, type(filter(None, [])).__name__, type(reversed([])).__name__)
print(type(iter([])).__name__, type(iter(())).__name__, type(iter('')).__name__, type(iter({})).__name__, type(iter(range(1))).__name__)
try:
    next([1])
except TypeError as e:
    print('TypeError:', e)
lst = [1, 2, 3]
for x in lst:
    if x == 1:
        lst.remove(x)
print(lst)
ri = reversed([1, 2, 3])
print(ri.__length_hint__(), list(ri))
