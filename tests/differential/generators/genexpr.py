# Generator expressions: laziness, scoping of the first iterable.
g = (x * 2 for x in range(5))
print(type(g).__name__, next(g), list(g), list(g))
print(sum(x for x in range(10) if x % 2), max((len(w), w) for w in ['aa', 'b', 'ccc']))
print(list((i, j) for i in range(3) for j in range(i)))
try:
    gen = (1 / x for x in [1, 0])
    print(next(gen))
    next(gen)
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    (x for x in 5)
except TypeError as e:
    print('TypeError:', e)
items = [1, 2]
lazy = (x for x in items)
items.append(3)
print(list(lazy))
print(''.join(c.upper() for c in 'abc'), any(x > 2 for x in [1, 3]), all(x for x in []), tuple(x for x in 'ab'))
print(sorted((x % 3 for x in range(10)), reverse=True), dict((k, k * k) for k in range(3)))
