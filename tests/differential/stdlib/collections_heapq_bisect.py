# _heapq and _bisect (the native cores of heapq and bisect).
import heapq, bisect, _heapq, _bisect
import random


def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)


rng = random.Random(12345) if hasattr(random, 'Random') else None
data = [5, 3, 8, 1, 9, 2, 7, 4, 6, 0, 3, 5]
h = []
for x in data:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(len(data))])
h = list(data); heapq.heapify(h); print(h, heapq.heappushpop(h, -1), heapq.heappushpop(h, 4), heapq.heapreplace(h, 10), h)
print(heapq.nlargest(3, data), heapq.nsmallest(3, data), list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])))
print(list(heapq.merge([7, 4, 1], [5, 2], reverse=True)), heapq.nsmallest(2, data, key=lambda v: -v))
m = list(data); _heapq._heapify_max(m); print(m, _heapq._heappop_max(m), _heapq._heapreplace_max(m, 0), m)
print(heapq.heappushpop([], 3), [heapq.heappop(t) for t in [[(2, 'b'), (1, 'a')]]])
err(heapq.heappop, []); err(heapq.heapreplace, [], 1); err(heapq.heappush, 1, 2); err(heapq.heappush, [])
err(heapq.heapify, 1); err(heapq.heappop, [], 1); err(heapq.heapify, [], x=1); err(_heapq._heappop_max, [])
err(heapq.heappush, [1], 'a'); err(heapq.heapify, [3, 'a', 1])
class Bad:
    def __lt__(self, other):
        hh.clear()
        return True
hh = [Bad(), Bad(), Bad()]; err(heapq.heapify, hh)
hh = [1, 2]; err(heapq.heappush, hh, Bad())
print(heapq.heappush.__module__, heapq.heappop is _heapq.heappop)

a = [1, 2, 2, 2, 3, 5, 8]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 2), bisect.bisect_left(a, 0), bisect.bisect_right(a, 9))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect_right(a, 2, hi=None), bisect.bisect_left(a, 4, lo=1, hi=6))
print(bisect.bisect_right([1, 2, 3], 2, 0, -3), bisect.bisect_right([1, 2, 3], 2, 5))
b = list(a); bisect.insort(b, 4); bisect.insort_left(b, 2); bisect.insort_right(b, 2.0); print(b)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('z', 4), key=lambda r: r[1]); print(recs)
class Seq:
    def __init__(self, d): self.d = d
    def __len__(self): return len(self.d)
    def __getitem__(self, i): return self.d[i]
    def insert(self, i, v): print('insert', i, v); self.d.insert(i, v)
s = Seq([1, 3, 5]); print(bisect.bisect(s, 4)); bisect.insort(s, 4); print(s.d)
print(bisect.bisect_left('acegi', 'f'), bisect.bisect_right((1, 1, 2), 1))
err(bisect.bisect_right, [1], 1, -1); err(bisect.bisect_right, 1, 1); err(bisect.bisect_right, [1]); err(bisect.bisect_right, [1], 1, 'a')
err(bisect.bisect_right, [1, 2, 3], 2, 0, 10); err(bisect.insort_left, [1], 1, x=2); err(bisect.bisect_right, [1], 1, 0, None, None)
print(bisect.bisect_right(a=[1, 2], x=2), bisect.bisect_left.__module__)
