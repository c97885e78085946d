# range: len() above sys.maxsize, int subclasses compared with ==; bytes % bytearray;
# deeply nested dict views in repr
import sys

r = range(-sys.maxsize - 1, sys.maxsize)
try:
    len(r)
except OverflowError as e:
    print("OverflowError:", e)
print(r.start == -sys.maxsize - 1)


class C3(int):
    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


print(C3(11) in range(10), 11 in range(10), True in range(3))
for args in [bytearray(b"1"), b"1", [1], memoryview(b"1")]:
    try:
        print(b"no format" % args)
    except TypeError as e:
        print("TypeError:", e)
print("no format" % bytearray(b"1"))
d = {}
for i in range(sys.getrecursionlimit() + 100):
    d = {42: d.values()}
try:
    repr(d)
except RecursionError as e:
    print("RecursionError:", e)
