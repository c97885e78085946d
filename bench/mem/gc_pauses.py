"""benchmem GC-pause probe: how long can the cycle collector stop the program
while a large heap is live?

It builds LIVE tracked containers (small __slots__ instances, all kept in
one list), then churns
cyclic garbage for CHURN iterations. Each iteration makes one short-lived
couple (two instances pointing at each other, dropped at once) and one
medium-lived couple that is kept in a ring buffer of the last RING couples,
so it survives young collections and is promoted before it dies. The largest
gap between consecutive iterations (time.perf_counter) is the longest pause
the program saw; only the churn is timed, never the build. Prints a checksum
line (deterministic) and a `pauses` line the driver parses:
    pauses max_ms=<float> over_1ms=<int> churn_s=<float>
Python 3.9+ (PyPy 3 runs it too).
"""

import gc
import time

LIVE = 1_000_000
CHURN = 400_000
RING = 5_000


class Cell:
    __slots__ = ('value', 'tag')

    def __init__(self, value):
        self.value = value
        self.tag = None


class Twin:
    __slots__ = ('partner', 'n')

    def __init__(self, n):
        self.n = n
        self.partner = None


def couple(n):
    a = Twin(n)
    b = Twin(n + 1)
    a.partner = b
    b.partner = a
    return a


def churn(ring):
    clock = time.perf_counter
    worst = 0.0
    over = 0
    start = prev = clock()
    for k in range(CHURN):
        couple(k)  # short-lived cyclic garbage
        ring[k % RING] = couple(k)  # medium-lived: dies RING iterations later
        now = clock()
        gap = now - prev
        if gap > worst:
            worst = gap
        if gap > 0.001:
            over += 1
        prev = now
    return worst, over, clock() - start


def main():
    heap = [Cell(i) for i in range(LIVE)]
    gc.collect()  # start the churn from a settled heap
    ring = [None] * RING
    worst, over, elapsed = churn(ring)
    print('checksum', len(heap), heap[-1].value, sum(t.n + t.partner.n for t in ring))
    print('pauses max_ms=%.3f over_1ms=%d churn_s=%.3f' % (worst * 1000, over, elapsed))


main()
