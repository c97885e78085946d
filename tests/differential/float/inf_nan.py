# inf and nan behaviour.
inf = float('inf'); nan = float('nan')
print(inf, -inf, nan, repr(inf), str(-nan))
print(inf + 1, inf - inf, inf * 0, inf / inf, -inf < 0 < inf, inf == inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan is nan, [nan] == [nan])
print(float('Infinity'), float('-iNF'), float('nAn'), float(' +inf '))
print(max(1, inf), min(-inf, 3), sorted([3.0, inf, -inf, 0.0]))
print(int(1e18), (1e18).is_integer(), inf.is_integer())
for f in [inf, nan]:
    try:
        int(f)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
    try:
        f.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(hash(inf), hash(-inf), hash(0.0), hash(-0.0), hash(1.0) == hash(1))
print(1e308 + 1e308, -1e308 - 1e308, 2 ** 1023 * 2.0)
