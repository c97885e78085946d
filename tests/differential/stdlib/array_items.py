# array: every typecode's item conversion (ranges, overflow and type-error
# messages, float rounding, unicode items), itemsize and typecode.
from array import array, typecodes, ArrayType
print(typecodes, ArrayType is array, array.__name__, array.__module__)
class Idx:
    def __index__(self): return 5
class Flt:
    def __float__(self): return 2.5
class MyInt(int): pass
vals = [0, -1, 1, 127, 128, -128, -129, 255, 256, 2**15, -2**15-1, 2**16, 2**31,
        -2**31-1, 2**32, 2**63, -2**63-1, 2**64, 1.5, 'a', 'ab', '', None, Idx(), Flt(),
        True, 10**30, -10**30, '\U0001F600', b'a', MyInt(7), 2**63-1, -2**63, 2**64-1]
for tc in typecodes:
    print(tc, array(tc).itemsize, array(tc).typecode)
    for v in vals:
        try:
            r = repr(array(tc, [v]))
        except Exception as e:
            r = f"{type(e).__name__}: {e}"
        name = type(v).__name__ if isinstance(v, (Idx, Flt)) else repr(v)
        print(' ', name, r)
# setitem / append / insert use the same conversions
for tc in 'bBhHiIlLqQfd':
    a = array(tc, [1, 2])
    for op in (lambda: a.append(10**20), lambda: a.insert(0, 'x'), lambda: a.__setitem__(0, -10**20)):
        try:
            op()
        except Exception as e:
            print(tc, type(e).__name__, e)
    print(a)
f = array('f', [0.1, 1e300, -1e300, float('nan'), 3.4028234663852886e38, 1e-50])
print(f, f.tolist())
d = array('d', [0.1, 1e300, float('inf'), -0.0])
print(d, d[3])
u = array('u', 'h\xe9llo \u263a \U0001F600')
print(u, len(u), u[1], u[-1], u.tounicode(), u.itemsize)
print(array('u'), repr(array('u', '\x00="\'a\\b\x80\xff\u0001\u1234')))
