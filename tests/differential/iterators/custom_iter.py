# Iterator classes, iterables returning fresh iterators, StopIteration in for.
class Range3:
    def __iter__(self):
        return Range3Iter()
class Range3Iter:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i == 3:
            raise StopIteration
        self.i += 1
        return self.i
r = Range3()
print(list(r), list(r), [a + b for a in r for b in r])
a, b, c = r
print(a, b, c)
try:
    x, y = r
except ValueError as e:
    print('ValueError:', e)
try:
    w, x, y, z = r
except ValueError as e:
    print('ValueError:', e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print('TypeError:', e)
class GenIter:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        yield from self.data
print(list(GenIter('xy')), 'x' in GenIter('xy'), sorted(GenIter([3, 1, 2])))
it = iter(Range3())
for v in it:
    if v == 1:
        break
print(list(it))
