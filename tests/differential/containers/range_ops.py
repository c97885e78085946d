# range objects.
for r in [range(5), range(2, 10, 3), range(10, 0, -2), range(0), range(-5, 5), range(5, 0)]:
    print(r, list(r), len(r), r[0] if r else None, r[-1] if r else None, r[1:3], r[::-1], 3 in r, bool(r))
r = range(0, 100, 7)
print(r.start, r.stop, r.step, r.index(14), r.count(21), r.count(22), 98 in r, 99 in r)
print(range(0) == range(2, 2), range(0, 3) == range(0, 3, 1), range(1, 2, 2) == range(1, 3, 2), hash(range(3)) == hash(range(0, 3)))
for bad in [lambda: range(1, 2, 0), lambda: range(5)[10], lambda: range(1.5), lambda: range(3).index(5)]:
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
big = range(10 ** 20)
print(len(range(10 ** 6)), big[-1], 10 ** 19 in big, big[10 ** 19], range(10 ** 20)[::10 ** 19])
try:
    len(big)
except OverflowError as e:
    print('OverflowError:', e)
print(list(reversed(range(1, 10, 4))), sum(range(101)), max(range(3)), repr(range(1, 5, 1)))
