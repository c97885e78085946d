# Three-argument pow and modular inverses.
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 10 ** 9 + 7))
print(pow(-2, 3, 5), pow(2, 3, -5), pow(-2, 3, -5))
print(pow(3, -1, 7), pow(5, -2, 13), pow(38, -1, 97))
print(pow(2, 0, 1), pow(0, 0, 7), pow(7, 1, 1))
print(pow(2 ** 100, 2 ** 50, 10 ** 20 + 39))
for args in [(2, -1, 4), (2, 3, 0), (2.0, 3, 5), (2, 3.0, 5)]:
    try:
        print(pow(*args))
    except Exception as e:
        print(type(e).__name__, e)
print(pow(2, -2), pow(-8, 1 / 3) if False else 'skip')
print(2 ** 0.5, 4 ** 0.5, (-1) ** 2, 10 ** -3)
print(pow(base=2, exp=5), pow(base=2, exp=5, mod=7))
