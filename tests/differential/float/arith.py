# Float arithmetic, floor division, modulo and mixed int/float.
vals = [7.5, -7.5, 0.5, 3.0, -2.25, 1e10]
for a in vals:
    for b in [2.0, -2.0, 0.3, 7]:
        print(a, b, a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))
print(-0.0 + 0.0, 0.0 * -1, -0.0 == 0.0, 5 % -0.0 if False else 'skip')
for a, b in [(1.0, 0.0), (1, 0.0), (0.0, 0.0), (1.0, 0)]:
    for op in ['/', '//', '%']:
        try:
            print(eval(f'{a} {op} {b}'))
        except ZeroDivisionError as e:
            print('ZeroDivisionError:', e)
print(2.0 ** 10, 2.0 ** -1, (-8.0) ** 2, 0.0 ** 0, 10.0 ** 308 * 10)
try:
    10.0 ** 400
except OverflowError as e:
    print('OverflowError:', e)
try:
    (-8.0) ** 0.5
except Exception as e:
    print(type(e).__name__)
print(type((-8.0) ** 0.5).__name__)
print(abs(-2.5), -(-2.5), +2.5, int(2.999), float(7), 7 / 7)
print(1e308 * 10, -1e308 * 10, 1e-320 / 10)
print(0.1 + 0.7, 3 * 1.1, 100 * 1.1, 1.15 * 100)
