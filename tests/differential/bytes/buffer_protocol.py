# The buffer protocol: array.array, bytes, bytearray and memoryview as
# exporters; bytes(), bytearray(), memoryview, b"".join, bytes methods,
# comparisons and struct.pack_into/unpack_from as consumers; BufferError
# when an exported array or bytearray would be resized.
import array, struct
def t(f):
    try: print(repr(f()))
    except BaseException as e: print(type(e).__name__, e)
m = memoryview(array.array('u', 'ab')); print(m.format, m.itemsize, m.readonly)
t(lambda: m.tolist())
def s0(): m[0] = 'x'
t(s0)
m = memoryview(array.array('i', [1,2,3])); print(m.format, m.itemsize, m.tolist(), m[1], m.nbytes, len(m), m.readonly)
m[0] = 7; print(m.tolist(), m.obj)
for v in [2**40, 'x', 1.5]:
    def s1(): m[0] = v
    t(s1)
mb = memoryview(bytearray(3))
for v in [256, -1, 'x', 1.5]:
    def s2(): mb[0] = v
    t(s2)
md = memoryview(array.array('d', [1.5])); md[0] = 2; print(md.tolist(), md.obj)
t(lambda: hash(memoryview(b'abcd').cast('i')))
print(memoryview(array.array('i',[1,2])) == array.array('i',[1,2]))
print(bytes(array.array('h',[1,2])), bytearray(array.array('b',[1,2])), b''.join([array.array('B',[65]), b'x']))
print(b'ab' == array.array('B', [97, 98]), bytearray(b'ab') == array.array('B', [97, 98]), b'ab' + array.array('B', [99]))
print(b'abc'.split(memoryview(b'b')), b'abc'.strip(array.array('B',[97])))
a = array.array('i', [1]); m = memoryview(a)
t(lambda: a.append(2))
t(lambda: a.extend([1]))
t(lambda: a.pop())
a[0] = 5; print(a, m.tolist())
m.release(); a.append(2); print(a)
with memoryview(a) as mm:
    t(lambda: a.append(3))
a.append(3); print(a)
b = bytearray(b'x'); m2 = memoryview(b)
t(lambda: b.append(1))
m2.release(); b.append(1); print(b)
print(memoryview(b'x').toreadonly().readonly, memoryview(bytearray(b'x')).toreadonly().readonly)
def g():
    a = array.array('b', [1, 2])
    memoryview(a)
    a.append(3)
    return a
print(g())
buf = array.array('b', [0]*8)
struct.pack_into('<hh', buf, 2, 1, -1); print(buf)
print(struct.unpack_from('<h', array.array('b', [1, 0, 2, 0]), 2))
print(struct.unpack('<i', array.array('i', [7])))
print(b'%b' % array.array('B', [65]), str(array.array('B', [65]), 'ascii'))
t(lambda: b'a' < memoryview(b'b'))
t(lambda: bytearray(b'a') < array.array('B', [98]))
print(int(memoryview(b'12')), float(array.array('B', b'1.5')) if False else 0)
mv = memoryview(bytearray(b'abcd'))
mv[1:3] = b'XY'; print(mv.obj)
t(lambda: mv.__setitem__(slice(0, 2), b'xyz'))
c = mv.cast('c'); c[0] = b'z'; print(mv.obj, c.tolist())
print(b'abc'.find(memoryview(b'c')), b'abc'.replace(array.array('B', b'b'), b'_'), bytes(memoryview(b'xy')[1:]))
b = bytearray(range(10))
v = memoryview(b)
def resize(n):
    b[1:-1] = range(n + 1, 2 * n - 1)
resize(10)
for n in (11, 9, 0):
    t(lambda: resize(n))
for f in (lambda: b.pop(0), lambda: b.remove(b[1]), lambda: b.__delitem__(1), lambda: b.__setitem__(slice(1, -1, 2), b''),
          lambda: b.extend(b'x'), lambda: b.__iadd__(b'x'), lambda: b.__imul__(2), lambda: b.clear(), lambda: b.insert(0, 1)):
    t(f)
b *= 1
b.extend(b'')
print(b)
v.release()
b *= 2
print(len(b))
x = bytearray(b'ab')
y = x
x *= 3
print(x is y, y)
c = bytearray(b'abcdef')
c[::2] = b''
print(c)
print(b'abc'[1], bytearray(b'abc')[-1])
t(lambda: b'abc'['a'])
t(lambda: bytearray(b'abc')['a'])
t(lambda: b'abc'[5])
t(lambda: bytearray(b'abc')[5])
for item in [97, 300, -1, 2**70, None, 1.0, 'a', b'b', bytearray(b'c'), memoryview(b'a'), array.array('B', [98])]:
    t(lambda: item in b'abc')
class Blocked(list):
    __bytes__ = None
t(lambda: bytes(Blocked([1, 2])))
class WithBytes(str):
    def __bytes__(self):
        return b'wb'
print(bytes(WithBytes('x')))
a = array.array('d', [1.5, -2.0])
print(bytes(a) == a.tobytes(), memoryview(a).tolist(), memoryview(a).cast('B').nbytes)
import io
bio = io.BytesIO(b'abc')
gb = bio.getbuffer()
t(lambda: bio.write(b'xyzw'))
gb[0] = ord('Q')
print(bio.getvalue())
gb.release()
bio.write(b'xyzw')
print(bio.getvalue())
