# __call__, __len__/__bool__, __contains__, __iter__/__next__, __getitem__ fallback, __index__, __reversed__.
class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *, times=1): return x + self.n * times
a = Adder(5)
print(a(1), a(1, times=3), callable(a), callable(Adder), callable(5))
class Sized:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
print(len(Sized(3)), bool(Sized(0)), bool(Sized(2)))
for bad in [-1, 2 ** 70, 'x']:
    class BL:
        def __len__(self, v=bad): return v
    try:
        print(len(BL()))
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
class Seq:
    def __getitem__(self, i):
        if i >= 4: raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq(), 25 in Seq(), [x for x in Seq()], sorted(Seq(), reverse=True))
class Cont:
    def __contains__(self, x): return x == 'yes'
print('yes' in Cont(), 'no' in Cont(), 'no' not in Cont())
class Count:
    def __init__(self, n): self.i, self.n = 0, n
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n: raise StopIteration
        self.i += 1
        return self.i
print(list(Count(3)), sum(Count(10)), max(Count(4)), dict(zip(Count(2), 'ab')))
class Idx:
    def __index__(self): return 2
print([10, 20, 30][Idx()], 'abcd'[Idx():], bin(Idx()), hex(Idx()), range(Idx()), (5).__pow__(Idx()), [1] * Idx())
class Rev:
    def __reversed__(self): return iter('cba')
    def __len__(self): return 3
print(list(reversed(Rev())), list(reversed(Seq2 := [1, 2])))
for thing in [5, None, Idx()]:
    try:
        iter(thing)
    except TypeError as e:
        print('TypeError:', e)
try:
    len(5)
except TypeError as e:
    print('TypeError:', e)
try:
    5()
except TypeError as e:
    print('TypeError:', e)
try:
    [1][Count(1)]
except TypeError as e:
    print('TypeError:', e)
