# heapq and bisect fall back to pure Python when _heapq/_bisect are missing.
import heapq
import bisect
h = []
for v in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, v)
print([heapq.heappop(h) for _ in range(3)], heapq.nsmallest(2, [4, 1, 3]), heapq.nlargest(2, 'abcd'))
print(list(heapq.merge([1, 4], [2, 3])))
a = [1, 3, 3, 7]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 10))
bisect.insort(a, 4)
print(a)
