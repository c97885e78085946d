"""benchmem application benchmark: allocate_and_throw_away.

Every object an iteration allocates (instances, lists, dicts, tuples,
strings, a generator) is garbage by the end of that iteration, and none of
it forms a reference cycle. A memory manager that reclaims promptly keeps
peak RSS close to the idle interpreter's however long the loop runs. Prints
one deterministic checksum line (the driver compares it across interpreters).
Written for Adder's bench/mem suite; Python 3.9+ (PyPy 3 runs it too).
"""

ROUNDS = 250_000


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def one_round(i):
    points = [Point(i + k, k * 2 - 7) for k in range(8)]
    by_x = {p.x: p for p in points}
    ys = tuple(p.y for p in points)
    label = 'round-' + str(i)
    words = label.split('-')
    total = len(by_x) + sum(ys) + len(words[1]) + points[5].norm1()
    if i % 500 == 0:
        # A larger temporary now and then: 20,000 floats, dropped at once.
        scratch = [k * 0.5 for k in range(20_000)]
        total += int(scratch[-1])
    return total


def main():
    checksum = 0
    for i in range(ROUNDS):
        checksum = (checksum + one_round(i)) % 1_000_000_007
    print('checksum', checksum)


main()
