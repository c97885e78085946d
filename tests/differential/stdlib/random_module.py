# random: the module-level functions and Random methods of random.py on top of
# _random, after seeding with ints, str, bytes and floats (exact numbers).
import random
random.seed(42)
print(random.random(), random.randint(1, 100), random.choice('abcdef'), random.uniform(1, 2))
l = list(range(20)); random.shuffle(l); print(l)
print(random.sample(range(100), 5), random.gauss(0, 1), random.getrandbits(100), random.randbytes(5))
random.seed("hello"); print(random.random())
random.seed(b"hello"); print(random.random())
random.seed(3.7); print(random.random())
r = random.Random(7); print(r.randrange(10**30), r.expovariate(2), r.triangular(), r.betavariate(2, 3), r.choices('abc', k=5))
s = r.getstate(); x = r.random(); r.setstate(s); print(x == r.random())
random.seed(12345)
print([random.randrange(0, 1000, 7) for _ in range(5)], random.normalvariate(5, 2), random.lognormvariate(0, 1), random.vonmisesvariate(1, 2), random.gammavariate(2.5, 1.5), random.paretovariate(3), random.weibullvariate(1, 2))
print(random.choices(range(10), weights=range(10), k=6), random.binomialvariate(10, 0.3) if hasattr(random, 'binomialvariate') else '')
class MyRandom(random.Random):
    def random(self):
        return 0.5
print(MyRandom().randrange(100), MyRandom(3).choice('xyz'))
try: random.randrange(10, 5)
except ValueError as e: print(e)
try: random.seed([1, 2])
except TypeError as e: print(e)
try: random.sample(range(5), 6)
except ValueError as e: print(e)
