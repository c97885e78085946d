# list methods.
a = [3, 1, 4, 1, 5, 9, 2, 6]
a.append(5); print(a)
a.extend([3, 5]); print(a)
a.insert(0, 'x'); a.insert(100, 'end'); a.insert(-1, 'pen'); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1); print(a, a.index(5), a.index(5, 5), a.count(5), a.count(99))
a.reverse(); print(a)
b = a.copy(); b.clear(); print(a, b)
for op in [lambda: [].pop(), lambda: [1].remove(2), lambda: [1].index(2), lambda: [1].pop(5)]:
    try:
        op()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
a = [5, 2, 8]
a.sort(); print(a)
a.sort(reverse=True); print(a)
print(list(), list('abc'), list(range(3)), list({'a': 1}), list((1, 2)))
c = [1, 2, 3]
c[1:2] = [7, 8, 9]; print(c)
c[::2] = ['a', 'b', 'c']; print(c)
del c[1:3]; print(c)
try:
    c[::2] = [1]
except ValueError as e:
    print('ValueError:', e)
c[len(c):] = [0]; print(c)
print([1, 2] * 2, [0] * 0, [[]] * 3, 2 * [None])
