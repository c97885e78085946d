# The loop reads list, tuple and range iterators directly; behaviour must
# stay that of the iterator protocol: mutation during iteration, exhausted
# iterators, shared iterators, big ranges, negative steps.
xs = [1, 2, 3]
out = []
for x in xs:
    out.append(x)
    if x == 2:
        xs.append(99)
    if len(out) > 10:
        break
print(out)
it = iter([1, 2, 3])
for a in it:
    for b in it:
        print(a, b)
print(list(it), next(it, 'done'))
t = (4, 5, 6)
ti = iter(t)
next(ti)
print([v for v in ti], list(ti))
for r in (range(5), range(10, 0, -3), range(2**47 - 2, 2**47 + 2), range(2**70, 2**70 + 3),
          range(-5, 5, 4), range(0), range(3, 3)):
    print([v for v in r])
ri = iter(range(4))
next(ri)
print(ri.__length_hint__(), [v for v in ri], ri.__length_hint__())
s = 0
for i in range(1000):
    for j in range(i % 7):
        s += i ^ j
print(s)
class L(list):
    def __iter__(self):
        return iter([7, 8])
print([v for v in L([1, 2, 3])])
lst = [0, 1, 2, 3, 4]
for v in lst:
    del lst[0]
    print(v, lst)
print(2.0 ** 0.5, 10.0 ** -2, 2 ** 0.5, 1e300 ** 2 if False else 0, 0.5 ** 1e10)
for base, exp in ((2.0, 1024.0), (-8.0, 1 / 3), (0.0, -1.0), (float('inf'), 2.0), (float('nan'), 0.0)):
    try:
        print(base ** exp)
    except Exception as e:
        print(type(e).__name__, e)
