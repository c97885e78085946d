# slice objects and indices().
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(3), slice(None, None, -1), repr(slice(1, 2)))
print(s.indices(5), slice(None).indices(10), slice(-3, None).indices(10), slice(None, None, -1).indices(4), slice(100, -100, -3).indices(10))
print([0, 1, 2, 3, 4, 5][s], 'abcdefghijk'[s], slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3))
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print('ValueError:', e)
try:
    hash(slice(1, 2))
except TypeError as e:
    print('TypeError:', e)
class G:
    def __getitem__(self, k):
        return k
g = G()
print(g[1], g[1:2], g[::3], g[1:2, 3], g[...], g[:, None], g['a':'b'])
