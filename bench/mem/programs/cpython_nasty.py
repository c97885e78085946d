"""benchmem application benchmark: cpython_nasty.

The patterns a reference-counting interpreter with a cycle collector
handles worst, each in its own phase:
  1. rings of objects with __del__ (cyclic garbage that needs finalisers,
     PEP 442);
  2. weak references with callbacks, to acyclic and to cyclic objects; the
     callbacks themselves allocate and mutate a registry;
  3. __del__ that resurrects its object once (it must not run again when the
     object finally dies);
  4. a WeakValueDictionary cache under churn;
  5. very long chains freed at once (deallocation must not recurse on the
     native stack).
Each phase ends with gc.collect() (twice: finalisers may free more), so the
counters the checksum is built from do not depend on when a collector
happens to run. Prints one deterministic checksum line.
Written for Adder's bench/mem suite; Python 3.9+ (PyPy 3 runs it too).
"""

import gc
import weakref

RINGS = 30_000
RING_SIZE = 8
WEAK_OBJECTS = 250_000
RESURRECT = 80_000
CACHE_STEPS = 150_000
CHAIN = 100_000
CHAINS = 4

counters = {'del': 0, 'callback': 0, 'resurrected': 0}


def settle():
    gc.collect()
    gc.collect()


class Finalized:
    def __init__(self, value):
        self.value = value
        self.next = None

    def __del__(self):
        counters['del'] += 1


def phase_rings():
    total = 0
    for r in range(RINGS):
        first = Finalized(r)
        node = first
        for k in range(1, RING_SIZE):
            node.next = Finalized(r + k)
            node = node.next
        node.next = first
        total += node.value
    settle()
    return total


class Target:
    def __init__(self, n):
        self.n = n
        self.me = self if n % 2 else None  # odd ones are cyclic


registry = {}


def on_death(ref):
    counters['callback'] += 1
    n = registry.pop(ref)
    registry_log.append(n & 7)  # the callback allocates


registry_log = []


def phase_weakrefs():
    keep = []
    for n in range(WEAK_OBJECTS):
        t = Target(n)
        registry[weakref.ref(t, on_death)] = n
        if n % 10 == 0:
            keep.append(t)
    settle()
    alive = len(registry)
    del keep[:]
    settle()
    return alive * 1000 + len(registry) + sum(registry_log)


afterlife = []


class Phoenix:
    def __init__(self, n):
        self.n = n
        self.ring = [self]  # cyclic, so only the collector finds it

    def __del__(self):
        counters['resurrected'] += 1
        afterlife.append(self)


def phase_resurrection():
    for n in range(RESURRECT):
        Phoenix(n)
    settle()
    back = sum(p.n for p in afterlife)
    del afterlife[:]  # now they die for good; __del__ must not run again
    settle()
    return back


class Value:
    def __init__(self, key):
        self.key = key
        self.payload = [key] * 4


def phase_cache():
    cache = weakref.WeakValueDictionary()
    recent = [None] * 64
    seed = 7
    total = 0
    for step in range(CACHE_STEPS):
        seed = (seed * 69069 + 1) & 0xFFFFFFFF
        key = (seed >> 16) % 2048
        v = cache.get(key)
        if v is None:  # how often depends on when the collector runs
            v = Value(key)
            cache[key] = v
        recent[step % 64] = v  # only the last 64 stay strongly referenced
        total += v.payload[3]
    del recent
    settle()
    return total + len(cache)


class Link:
    __slots__ = ('next', 'n')

    def __init__(self, nxt, n):
        self.next = nxt
        self.n = n


def phase_chains():
    total = 0
    for c in range(CHAINS):
        head = None
        for n in range(CHAIN):
            head = Link(head, n)
        total += head.n
        head = None  # frees CHAIN links in one cascade
        nested = []
        for n in range(CHAIN):
            nested = [nested, n]
        total += nested[1]
        nested = None
    settle()
    return total


def main():
    parts = [phase_rings(), phase_weakrefs(), phase_resurrection(),
             phase_cache(), phase_chains()]
    print('checksum', ' '.join(str(p) for p in parts),
          counters['del'], counters['callback'], counters['resurrected'])


main()
