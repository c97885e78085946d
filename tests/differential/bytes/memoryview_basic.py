# memoryview over bytes and bytearray.
b = bytearray(b'hello')
m = memoryview(b)
print(m[0], bytes(m[1:3]), m.tobytes(), m.tolist(), len(m), m.readonly, memoryview(b'x').readonly)
m[0] = ord('J')
print(b, bytes(m[::2]), m.nbytes, m.format, m.itemsize)
