# Float corner arithmetic: floor/ceil via int, comparisons with big ints, sums.
print(sum([0.1] * 10), 0.1 * 10, 1e16 + 2.0 - 1e16, 2.0 ** 0.5 * 2.0 ** 0.5, 7.0 // 0.1, 7.0 % 0.1)
print(float(2 ** 53) == 2 ** 53, float(2 ** 53) == 2 ** 53 + 1, 1e300 * 1e-300, 3.0 == 3, 0.5 < 1 < 1.5)
print(max(1, 1.0), min(1.0, 1), sorted([1, 1.0, True]), -7.5 // 2, -7.5 % 2, divmod(-7.5, 2))
print([round(x / 7, 4) for x in range(8)], [x / 4 for x in range(-3, 4)])
