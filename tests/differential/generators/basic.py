# Generator basics: laziness, state, exhaustion.
def gen(n):
    print('start')
    for i in range(n):
        print('yield', i)
        yield i
    print('end')
g = gen(2)
print(type(g).__name__, g.__name__, g.__qualname__)
print(next(g)); print(next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration', e.value)
print(list(gen(0)), next(gen(1)), sum(gen(3)))
def inf():
    n = 0
    while True:
        yield n
        n += 1
it = inf()
print([next(it) for _ in range(5)], next(it, 'dflt'), next(iter([]), 'dflt'))
def fibs():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import sys
out = []
for f in fibs():
    if f > 100:
        break
    out.append(f)
print(out, iter(g) is g, g.gi_running, g.gi_frame is None)
def running():
    yield g2.gi_running
g2 = running()
print(next(g2))
def reentrant():
    yield next(g3)
g3 = reentrant()
try:
    next(g3)
except ValueError as e:
    print('ValueError:', e)
