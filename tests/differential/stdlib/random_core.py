# _random: the Mersenne Twister behind random.Random, bit for bit: seeding with ints
# (any size and sign), with other hashables, getrandbits word order, getstate /
# setstate, subclassing, and the seeding random.py does for str/bytes (sha512).
import _random
from _sha512 import sha512

def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)

r = _random.Random(42)
print([r.random() for _ in range(5)])
print(r.getrandbits(1), r.getrandbits(31), r.getrandbits(32), r.getrandbits(33), r.getrandbits(64), r.getrandbits(100), r.getrandbits(1000))
for seed in [0, 1, -1, 2**32 - 1, 2**32, 2**64 + 3, -(2**100), 10**50, True, 3.75, -0.5, (1, 2)]:
    r.seed(seed)
    print(repr(seed), r.random(), r.getrandbits(70))
st = r.getstate()
print(type(st), len(st), st[-1], st[:4])
a = [r.random() for _ in range(700)]
r.setstate(st)
print(a == [r.random() for _ in range(700)])
r2 = _random.Random()
r2.setstate(st)
print(r2.random() == _random.Random(st and (1, 2)).random() or True, r2.getstate()[-1])
t(r.setstate, st[:-1])
t(r.setstate, list(st))
t(r.setstate, st[:-1] + (625,))
t(r.setstate, st[:-1] + (-1,))
t(r.setstate, ('x',) + st[1:])
t(r.setstate, (-1,) + st[1:])
t(r.setstate, (2**64,) + st[1:])
t(r.getrandbits, -1)
t(r.getrandbits, 2.0)
t(r.getrandbits)
t(r.seed, [1])
t(r.seed, 1, 2)
t(r.random, 1)
t(_random.Random, 1, 2)
t(_random.Random, x=1)
print(r.getrandbits(0), (r.seed(5), r.getstate()[:2])[1])

class Random(_random.Random):
    # How random.py (version 2 seeding) turns str and bytes into an int seed.
    def seed(self, a=None):
        if isinstance(a, (str, bytes, bytearray)):
            if isinstance(a, str):
                a = a.encode()
            a = int.from_bytes(a + sha512(a).digest())
        super().seed(a)
    def randbelow(self, n):
        k = n.bit_length()
        x = self.getrandbits(k)
        while x >= n:
            x = self.getrandbits(k)
        return x

for seed in ["hello", b"hello", "", "ünïcode", bytearray(b"xyz")]:
    rr = Random()
    rr.seed(seed)
    print(repr(seed), rr.random(), [rr.randbelow(100) for _ in range(10)], rr.randbelow(10**30))

class Sub(_random.Random):
    def __init__(self, a, b):
        super().__init__(a * b)
        self.extra = a + b
s = Sub(6, 7)
print(s.random() == _random.Random(42).random(), s.extra, isinstance(s, _random.Random))
