# Ints around the 48-, 64- and 128-bit edges go through the loop's 128-bit
# path; every operator must give CPython's result (or its exception) and
# fall back to arbitrary precision when the result does not fit.
edges = [0, 1, -1, 2, -2, 7, 2**47 - 1, -2**47, 2**47, 2**48, 2**63 - 1, -2**63,
         2**63, -2**63 - 1, 2**64, 2**100 + 3, -2**100, 2**126, -2**126,
         2**127 - 1, -2**127, 2**127, -2**127 - 1, 2**128, -2**128 + 1,
         6364136223846793005, 1442695040888963407]
ops = ['+', '-', '*', '//', '%', '&', '|', '^']
for a in edges:
    row = []
    for b in edges:
        for op in ops:
            try:
                row.append(eval('a %s b' % op))
            except ZeroDivisionError as e:
                row.append('ZeroDivisionError: %s' % e)
        row.append((a < b, a <= b, a == b, a > b))
    print(a, sum(hash(x) for x in row if isinstance(x, int)) % 1000003, len(row))
    for s in (0, 1, 15, 16, 17, 63, 64, 65, 110, 126, 127, 128, 200):
        print(' ', s, a << s, a >> s)
x = 42
for i in range(300):
    x = (x * 6364136223846793005 + 1442695040888963407) % (1 << 64)
print(x)
y = -2**127
print(y // -1, y % -1, -y, y - 1, y * -1, abs(y), divmod(y, -1))
print((2**127 - 1) + 1, (2**127 - 1) * 2, (-2**127) - 1, 3**80 // 3**40)
