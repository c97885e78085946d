# list: constructor, methods, exact error messages, slice assignment, sort.
def err(f):
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)

print(list(), list('abc'), list((1, 2)), list(range(3)), list({'a': 1}))
err(lambda: list(1))
err(lambda: list([], []))
err(lambda: list(x=1))
a = [1, 2, 3]
a.__init__('xy')
print(a)
a.append(4); a.extend((5, 6)); a.extend(a); print(a)
a.insert(0, 'first'); a.insert(-1, 'm'); a.insert(100, 'end'); a.insert(-100, 's'); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
err(lambda: [].pop())
err(lambda: [1].pop(5))
err(lambda: [1].pop('a'))
err(lambda: [1].pop(10 ** 30))
b = [3, 1, 3, 2, 3]
b.remove(3); print(b, b.count(3), b.index(3), b.index(3, 2), b.index(2, -3, 10))
err(lambda: b.remove(9))
err(lambda: b.index(9))
err(lambda: b.index('zz', 1))
err(lambda: b.index(3, 'a'))
err(lambda: [].append())
err(lambda: [].append(x=1))
err(lambda: [].insert(1))
err(lambda: [].clear(1))
err(lambda: [].count())
err(lambda: [].index())
err(lambda: [].pop(1, 2))
err(lambda: list.append(5, 1))
err(lambda: list.append())
b.reverse(); print(b, b.copy(), b.copy() is b)
b.clear(); print(b)
# slice assignment
c = list(range(10))
c[2:5] = 'ab'; print(c)
c[::3] = [0, 0, 0]; print(c)
c[7:2] = [99]; print(c)
c[-2:] = []; print(c)
c[:] = c; print(c)
c[1:3] = (x * 2 for x in range(4)); print(c)
del c[::2]; print(c)
del c[1]; print(c)
err(lambda: c.__setitem__(slice(None, None, 2), [1]))
err(lambda: c.__setitem__(slice(0, 1), 1))
err(lambda: c.__setitem__(slice(None, None, 2), 5))
err(lambda: c.__setitem__(10, 1))
err(lambda: c.__delitem__(10))
err(lambda: c.__getitem__('a'))
err(lambda: c[10 ** 30])
d = [1, 2, 3, 4]
d[::-1] = 'abcd'; print(d)
d[1:1] = [7, 8]; print(d)
# operators and dunders
print([1] + [2], [1] * 3, 2 * [0], [1, 2].__mul__(2), [1].__rmul__(3), [] * -1)
err(lambda: [] + ())
err(lambda: [] * 1.5)
e = [1]
e += (2, 3); e *= 2; print(e, e.__iadd__([9]) is e, e.__imul__(1) is e)
err(lambda: e.__iadd__(1))
print([1, 2] < [1, 3], [1, 2] <= [1, 2], [2] > [1, 9], [] >= [], [1] == [1.0], [1] != [1])
print([].__lt__(()), [].__eq__(()), list.__len__([1, 2]), [1, 2].__contains__(2), [1, 2].__getitem__(-1))
print(list(reversed([1, 2, 3])), list([1, 2].__reversed__()), list([3, 4].__iter__()))
err(lambda: [1] < ['a'])
err(lambda: hash([]))
print(list.__hash__, [1, [2, [3]]].__repr__())
# subclasses
class L(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.tag = 'L'
    def __getitem__(self, i):
        return ('L', super().__getitem__(i))
l = L('abc')
print(l, l.tag, l[0], l[0:2], len(l), type(l + l).__name__, type(l.copy()).__name__, type(l[:]) )
class M(list):
    pass
m = M([3, 1, 2]); m.sort(); print(m, type(m).__name__, m == [1, 2, 3], isinstance(m, list))
err(lambda: M([1], x=1))
# sort
f = [3, 1, 2]
print(f.sort(key=lambda x: -x), f)
f.sort(reverse=True); print(f)
f.sort(key=None, reverse=0); print(f)
err(lambda: f.sort(1))
err(lambda: f.sort(foo=1))
err(lambda: f.sort(reverse=None))
err(lambda: [2, 1].sort(key=1))
print([].sort(key=1))
pairs = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b')]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
g = list(range(50, 0, -1)) + list(range(50))
g.sort(key=lambda x: x % 7); print(g)
def bad(x):
    if x == 3:
        raise KeyError('bad key')
    return x
h = [5, 3, 1]
err(lambda: h.sort(key=bad)); print(sorted(h))
def grow(x):
    h2.append(x)
    return x
h2 = [2, 1]
err(lambda: h2.sort(key=grow))
def seen(x):
    print('during sort len =', len(h3))
    return x
h3 = [2, 1]
h3.sort(key=seen); print(h3)
print(sorted([1.5, 1, True, 0.5, -2]), sorted(['b', 'a', 'B', 'é']), sorted([(2, 'a'), (1, 'z'), (2, 'A')]))
# the right operand's reflected method is tried before the sequence fails
class R:
    def __radd__(self, other):
        return ('radd', other)
    def __rmul__(self, other):
        return ('rmul', other)
print([1] + R(), [1] * R(), (1,) + R(), (1,) * R())
class P(list):
    pass
print(P([1]) + R(), P([1]) * R(), P([1]) * 2, P([1]) + [2])
err(lambda: P([1]) * 'a')
