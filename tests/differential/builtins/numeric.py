# abs divmod pow round sum min max hex oct bin.
print(abs(-3), abs(3.5), abs(-0.0), abs(3 + 4j), abs(True), divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 10), sum([[1], [2]], []), sum(range(5), start=1))
print(max(1, 5, 3), max([4, 2]), max('abc'), max([], default='none'), max([1, 3, 2], key=lambda v: -v), min((5, 1), (5, 0)))
print(min(3, 1, 2), min('zyx'), min([], default=None), max(1, 2, key=str), max([[1, 2], [1, 3]]))
print(hex(255), hex(-1), oct(8), oct(-8), bin(5), bin(-5), hex(0), round(3.14159, 3), round(7), pow(2, 8))
for bad in ['max()', 'max(1)', 'min([])', 'sum("ab")', "sum([1], 'x')", 'hex(1.5)', 'abs()', 'divmod(1)']:
    try:
        eval(bad)
    except (TypeError, ValueError) as e:
        print(bad, type(e).__name__, e)
