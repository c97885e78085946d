# operator precedence and associativity
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2)
print(10 - 4 - 3, 100 / 10 / 5, 2 ** -1, -3 // 2 * 2, 7 % 4 * 3, 1 + 2 << 1, 1 << 2 + 1)
print(6 & 3 | 8, 6 | 3 & 8, 6 ^ 3 & 5, 1 | 2 ^ 3 & 4, ~1 + 1, -~5, ~-5)
print(not 1 == 2, not 1 and 0, not (1 and 0), 1 or 0 and 0, (1 or 0) and 0)
print(1 if 0 else 2 if 0 else 3, (1 if 1 else 2) + 10, 1 + (2 if False else 3))
print(3 < 4 == True, (3 < 4) == True, 1 in [1] == True, -1 ** 0.5 if True else 0)
print(lambda: 1 if True else 2)  if False else print("lambda skipped")
f = lambda x: x + 1 if x > 0 else x - 1
print(f(5), f(-5))
print([1, 2, 3][1:] + [4] * 2, "ab" * 2 + "c", -(1 + 2) * 3)
x = 5
x += 3 * 2
x -= 1 if x > 10 else 0
x *= 2 + 1
x //= 4
x **= 2
x %= 100
x <<= 1 + 1
x >>= 1
x |= 1
x &= ~0
x ^= 3
print(x)
print(2 * 3 % 4, 2 * (3 % 4), 9 // 2 ** 2, (9 // 2) ** 2, 3 - -3, 3 - - - 3, +-+1)
print(True + True * 2, (True + True) * 2, False or not False, 0 == False is False)
a = b = c = 0
print(a is b is c, a == b == c == 0, [a, b] == [0, 0] != [1])
print(1 < 2 < 3 > 2 > 1, 2 ** 2 ** 0, 4 / 2 * 2, 4 / (2 * 2), 2 ** -2 ** 2)
print("%s" % "a" + "b", "%s%s" % ("a", "b") * 2, ("x" "y") * 2)
print(not None is None, (not None) is None, [] or {} or 0 or "" or None)
print(1 + 2j * 3, (1 + 2j) * 3, 3 @ 1 if False else "matmul skipped")
