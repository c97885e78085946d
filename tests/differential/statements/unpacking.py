# Star unpacking in assignments, calls, literals; walrus; chained assignment.
a, *b = [1, 2, 3]
*c, d = 'xyz'
e, *f, g = range(5)
(h, i), j = (1, 2), 3
print(a, b, c, d, e, f, g, h, i, j)
first, *_ = [9]
print(first, _)
print([*range(3), *'ab'], (*[1], 2), {*[1, 2], 3}, {**{'a': 1}, 'b': 2})
x = y = z = []
x.append(1)
print(y, z is x)
p, q = q, p = 1, 2
print(p, q)
for k, (m, n) in [(1, (2, 3)), (4, (5, 6))]:
    print(k, m, n)
for bad in ['a, b = 1', 'a, b = [1, 2, 3]', 'a, *b, c = [1]', 'a, b = None']:
    try:
        exec(bad)
    except (ValueError, TypeError) as err:
        print(type(err).__name__, err)
if (n := len('hello')) > 3:
    print('walrus', n)
data = [1, 2, 3, 4]
while (chunk := data[:2]):
    print(chunk)
    data = data[2:]
print([y for x in [1, 2, 3] if (y := x * 10) > 10])
s = [0] * 3
s[0], s[1] = 'a', 'b'
print(s)
obj = type('O', (), {})()
obj.a, obj.b = 1, 2
print(obj.a, obj.b)
