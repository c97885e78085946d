# Builtins over iterables: map with multiple iterables, zip shortest, enumerate start, sorted stability.
print(list(map(lambda a, b, c: a + b + c, 'ab', 'cd', 'ef')), list(zip(range(3), 'abcd', [True] * 5)))
print(list(enumerate('xyz', -1)), sorted([(1, 'b'), (0, 'z'), (1, 'a')], key=lambda t: t[0]))
print(list(filter(lambda x: x % 3, range(10))), any(map(str.isupper, 'abC')), all(map(bool, [1, 'x', [0]])))
print(min(range(5), key=lambda x: (x - 2) ** 2), max('apple', 'fig', 'banana', key=len), sum(map(int, '12345')))
print(list(reversed(sorted({3: 'c', 1: 'a', 2: 'b'}))), dict(map(lambda p: (p[1], p[0]), enumerate('ab'))))
