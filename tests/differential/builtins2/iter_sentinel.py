# iter(callable, sentinel), next with default, iterator protocol
vals = [1, 2, 3, 0, 4]
pos = [0]
def reader():
    v = vals[pos[0]]
    pos[0] += 1
    return v
print(list(iter(reader, 0)), pos)
it = iter(reader, 99)
print(next(it))
class CountDown:
    def __init__(self, n): self.n = n
    def __call__(self):
        self.n -= 1
        return self.n
print(list(iter(CountDown(5), 1)))
try:
    iter(5, 1)
except TypeError as e:
    print("TypeError:", e)
def raising():
    raise StopIteration
print(list(iter(raising, None)))
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
print(list(It()), sum(It()), [x for x in It()], next(It()))
i2 = iter([1])
print(next(i2), next(i2, "dflt"), next(i2, None))
try:
    next(i2)
except StopIteration as e:
    print("StopIteration", e.args)
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
class NoNext:
    def __iter__(self): return self
try:
    for _ in NoNext(): pass
except TypeError as e:
    print("TypeError:", e)
try:
    next(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
class GetItem:
    def __getitem__(self, i):
        if i > 2: raise IndexError(i)
        return chr(97 + i)
print(list(GetItem()), list(iter(GetItem())), "b" in GetItem())
it3 = iter(range(3))
print(iter(it3) is it3, list(it3), type(iter([])).__name__, type(iter("")).__name__)
print(type(iter(())).__name__, type(iter(range(1))).__name__, type(iter({})).__name__)
sen = iter([3, 2, 1, 0, -1].pop, 1)
print(list(sen))
