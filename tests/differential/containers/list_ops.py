# list operators, comparison, slicing, aliasing.
a = [1, 2, 3]
b = a
b += [4]
print(a, a is b)
c = a + [5]
print(c, a, [1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9])
print(a[-1], a[1:], a[::-1], a[10:], 3 in a, 9 not in a, len(a), min(a), max(a), sum(a))
try:
    a[10]
except IndexError as e:
    print('IndexError:', e)
try:
    a[10] = 1
except IndexError as e:
    print('IndexError:', e)
try:
    a['x']
except TypeError as e:
    print('TypeError:', e)
try:
    [1] + (2,)
except TypeError as e:
    print('TypeError:', e)
try:
    [1] < ['a']
except TypeError as e:
    print('TypeError:', e)
m = [[0] * 3 for _ in range(3)]
m[1][1] = 5
print(m)
n = [[0] * 3] * 3
n[1][1] = 5
print(n)
x = [1, 2, 3, 4, 5, 6]
del x[::2]
print(x, x.__len__(), x.__getitem__(0), list.__name__, [].__class__ is list)
x *= 2
print(x)
print([i for i in reversed([1, 2, 3])], list(reversed([])), a.__contains__(2), a.__iadd__([9]))
