"""benchmem application benchmark: allocate_constant_number.

A pool of POOL live objects of mixed kinds; every step replaces one slot
(chosen by a deterministic linear congruential generator) with a fresh
object, so the number of live objects stays constant while the heap churns
underneath. Peak RSS should track the pool, not the number of steps. No
reference cycles. Prints one deterministic checksum line.
Written for Adder's bench/mem suite; Python 3.9+ (PyPy 3 runs it too).
"""

POOL = 50_000
STEPS = 1_000_000


class Record:
    def __init__(self, key, weight):
        self.key = key
        self.weight = weight


def fresh(n):
    kind = n % 5
    if kind == 0:
        return Record(n, n & 255)
    if kind == 1:
        return [n, n + 1, n + 2]
    if kind == 2:
        return {'n': n, 'half': n // 2}
    if kind == 3:
        return (n, str(n))
    return 'item%d' % n


def weigh(obj):
    if isinstance(obj, Record):
        return obj.weight
    if isinstance(obj, list):
        return obj[2] & 255
    if isinstance(obj, dict):
        return obj['half'] & 255
    if isinstance(obj, tuple):
        return len(obj[1])
    if obj is None:
        return 0
    return len(obj)


def main():
    pool = [None] * POOL
    seed = 12345
    checksum = 0
    for step in range(STEPS):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        slot = seed % POOL
        checksum += weigh(pool[slot])
        pool[slot] = fresh(step)
    checksum += sum(weigh(obj) for obj in pool)
    print('checksum', checksum)


main()
