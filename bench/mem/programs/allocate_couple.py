"""benchmem application benchmark: allocate_couple.

Objects are allocated in couples that point at each other (a two-object
reference cycle). Most couples are dropped at once, so they become cyclic
garbage that reference counting alone never frees: only the cycle collector
gives their memory back. One couple in KEEP_EVERY stays alive in a list, so
the live heap grows slowly underneath the garbage. Peak RSS shows how
promptly cycles are reclaimed. Prints one deterministic checksum line.
Written for Adder's bench/mem suite; Python 3.9+ (PyPy 3 runs it too).
"""

COUPLES = 1_600_000
KEEP_EVERY = 64


class Partner:
    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.other = None


def marry(n):
    a = Partner(n, 20 + n % 50)
    b = Partner(n + 1, 25 + n % 40)
    a.other = b
    b.other = a
    return a


def main():
    kept = []
    checksum = 0
    for n in range(COUPLES):
        a = marry(n)
        checksum += a.age + a.other.age
        if n % KEEP_EVERY == 0:
            kept.append(a)
    for a in kept:
        assert a.other.other is a
        checksum += a.other.name - a.name
    print('checksum', checksum, len(kept))


main()
