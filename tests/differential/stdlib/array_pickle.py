# array: __reduce_ex__, _array_reconstructor (every machine format code),
# pickling and copying of arrays, subclasses and iterators.
import array, pickle, copy, struct
from array import _array_reconstructor as rec
def t(fn, /, *a, **k):
    try:
        print(repr(fn(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
a = array.array('i', [1, 2, 3])
for p in [0, 1, 2, 3, 4, 5]:
    r = a.__reduce_ex__(p)
    print(p, r[0].__name__, r[1:])
t(a.__reduce_ex__); t(a.__reduce_ex__, 'x'); t(a.__reduce_ex__, 2**70); t(a.__reduce_ex__, protocol=1)
t(array.array.__reduce__, a)
for tc in array.typecodes:
    x = array.array(tc, 'ab' if tc == 'u' else [1, 2])
    r = x.__reduce_ex__(3)
    print(tc, r[1][1:3], r[1][3] == x.tobytes(), r[2])
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        y = pickle.loads(pickle.dumps(x, proto))
        assert y == x and type(y) is type(x), (tc, proto)
class A(array.array):
    pass
s = A('d', [1.5])
s.x = 'attr'
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    y = pickle.loads(pickle.dumps(s, proto))
    print(proto, type(y).__name__, y, y.x)
print(copy.copy(s), copy.deepcopy(s))
for args in [("", "b", 0, b""), (str, "b", 0, b""), (array.array, "b", '', b""), (array.array, "b", 0, ""),
             (array.array, "?", 0, b""), (array.array, "b", -1, b""), (array.array, "b", 22, b""),
             (array.array, "d", 16, b"a"), (array.array, "bb", 0, b""), (array.array, 5, 0, b""),
             (array.array, "i", 16, struct.pack('<dd', 1.5, 2)), (array.array, "d", 15, struct.pack('>ff', 1.5, 2)),
             (array.array, "b", 3, struct.pack('>HH', 1, 65535)), (array.array, "Q", 1, b'\xff\x01'),
             (array.array, "u", 18, 'ab\U0001F600'.encode('utf-16-le')), (array.array, "u", 21, 'ab'.encode('utf-32-be')),
             (array.array, "i", 18, 'ab'.encode('utf-16-le')), (array.array, "u", 9, b'\xff\xff\xff\xff'),
             (array.array, "i", 13, b'\xff' * 8), (array.array, "b", 7, b'\xff' * 3), (array.array, "u", 18, 'a'.encode('utf-16-le')),
             (array.array, "u", 20, b'\x00\x00\x11\x00'), (array.array, "d", 17, 1), (array.array, 'i', 2**70, b''),
             (array.array, 'i', 8.0, b''), (array.array, 'd', 14, b'\0' * 4), (array.array, 'f', 16, b'\0' * 8),
             (array.array, 'i', 8, b'\1\0\0\0'), (array.array, 'b', 0, bytearray(b'a')), (A, 'i', 8, b'\1\0\0\0'),
             (array.array, 'h', 2, b'\x01\x80'), (array.array, 'h', 5, b'\x80\x01'), (array.array, 'l', 11, b'\x80' + b'\0' * 7)]:
    t(rec, *args)
t(rec); t(rec, array.array, 'b', 0, b'', x=1)
for fmt, code, vals in [('<HHHH', 2, [0x8000, 0x7fff, 0, 0xffff]), ('>iii', 9, [-1 << 31, (1 << 31) - 1, 0]),
                        ('<qqq', 12, [-1 << 63, (1 << 63) - 1, 0]), ('>QQ', 11, [1 << 63, (1 << 64) - 1]),
                        ('<ff', 14, [16711938.0, float('-inf')]), ('>dd', 17, [9006104071832581.0, -0.0])]:
    print(fmt, rec(array.array, 'd' if 'f' in fmt or 'd' in fmt else 'b', code, struct.pack(fmt, *vals)))
it = iter(array.array('i', [1, 2]))
print(it.__reduce__()[1:])
next(it); print(it.__reduce__()[1:])
next(it)
t(next, it)
print(it.__reduce__()[0].__name__, it.__reduce__()[1:])
for st in [2, -5, 10, 0]:
    it2 = iter(array.array('i', [1, 2, 3])); it2.__setstate__(st); print(st, list(it2))
orig = array.array('b', [1, 2, 3])
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    itorig = iter(orig)
    next(itorig)
    it, a2 = pickle.loads(pickle.dumps((itorig, orig), proto))
    a2.fromlist([9])
    print(proto, type(it).__name__, list(it))
