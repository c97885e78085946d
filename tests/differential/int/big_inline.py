# Big ints keep their magnitude inside the object: values around every
# byte-length boundary, signs, subclasses, marshal/pickle round trips.
import sys
vals = [2**47, -2**47, 2**63-1, -2**63, 2**63, -2**63-1, 2**64, -(2**64), 10**30, -10**30, 2**1000+7, 0, 5]
for v in vals:
    print(v, -v, v + 1, v * 3, v // 7, v % 1000, hex(v), v.bit_length(), v == int(str(v)), v < 2**64, hash(v) == hash(int(str(v))))
class I(int): pass
for v in (0, 5, -5, 2**70, -(2**70)):
    x = I(v); x.a = 1
    print(x, repr(x), x + 1, x.a, type(x).__name__, int(x) == v)
import marshal, pickle
print(marshal.loads(marshal.dumps(2**70)) == 2**70, pickle.loads(pickle.dumps(-(2**90))))
print(sys.getsizeof(10**30) > sys.getsizeof(2**64))
print(int.from_bytes(b'\xff' * 20, 'little'), (2**200).to_bytes(26, 'big')[:3])
print(sum(range(10**6)) * 10**12, 3 ** 100)
