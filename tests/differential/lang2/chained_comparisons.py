# chained comparisons with side effects
log = []
def v(x):
    log.append(x)
    return x

print(v(1) < v(2) < v(3), log); log.clear()
print(v(1) < v(0) < v(3), log); log.clear()
print(v(3) > v(2) == v(2) >= v(1), log); log.clear()
print(v(1) == v(1) != v(2), log); log.clear()
print(v(1) in v([1]) not in v([[2]]), log); log.clear()
print(v(None) is v(None) is not v(0), log); log.clear()

class Cmp:
    def __init__(self, n): self.n = n
    def __lt__(self, o):
        log.append(("lt", self.n, o.n))
        return "truthy" if self.n < o.n else ""
print(repr(Cmp(1) < Cmp(2) < Cmp(3)), log); log.clear()
print(repr(Cmp(1) < Cmp(0) < Cmp(3)), log); log.clear()
print(repr(Cmp(1) < Cmp(2)), log); log.clear()

x = 5
print(1 < x < 10, 10 < x < 1, 1 < x > 3, x == 5 == 5.0)
print(0 <= x <= 4, "a" < "b" < "c", [1] < [2] < [3])

def called_once():
    log.append("once")
    return 5
print(1 < called_once() < 10, log); log.clear()

try:
    print(1 < 2 < "x")
except TypeError as e:
    print("TypeError:", e)
print(1 > 2 < "x")
print(not 1 < 2, not (1 < 2 < 0))
print(1 < 2 and 2 < 3 or 0)
print([a < b < c for a, b, c in [(1, 2, 3), (3, 2, 1), (1, 1, 2)]])
print(1 < 2 == True, (1 < 2) == True)
print(2 in [1, 2] in [[1, 2]])
