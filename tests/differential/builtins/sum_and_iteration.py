# sum() over small ints (past the inline range into big ints), floats,
# mixes, bools and int subclasses; consumers of list/tuple/range iterators.
print(sum(range(10)), sum([2**46, 2**46, 2**46]), sum([2**47 - 1, 1]), sum([-2**47, -1]))
print(sum([0.1] * 10), sum([1, 0.5, 2]), sum([0.5, 1, 2**70]), sum([-0.0, -0.0]), sum([-0.0], -0.0))
print(sum([float('inf'), 1.0]), sum([float('nan'), 1.0]), sum([True, True, 3]), sum([], 7))
class I(int):
    def __add__(self, o):
        return 'I+'
print(sum([I(1), 2]), sum([1, I(2)]))
print(sum(x * x for x in range(1000)), sum((x / 3 for x in range(10)), 0.0))
print(sum([[1], [2]], []), sum(((1,), (2,)), ()))
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print(e)
try:
    sum([1, 'x'])
except TypeError as e:
    print(e)
print(list(range(5, -5, -3)), tuple(range(2**50, 2**50 + 3)), sorted(range(3, 0, -1)))
print(list(range(2**62, 2**62 + 2)), max(range(7)), min(iter([4, 2, 9])))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, 'done'))
l = [1, 2, 3]
it = iter(l)
next(it)
l.append(4)
print(list(it), list(zip(range(3), 'abc')), dict(enumerate('xy')))
