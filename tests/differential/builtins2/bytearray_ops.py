# bytearray mutation and APIs
ba = bytearray(b"hello")
ba[0] = 72
print(ba)
ba.append(33)
ba.extend(b" ok")
print(ba, len(ba))
ba[1:3] = b"EY"
print(ba)
ba[1:3] = b""
print(ba)
del ba[0]
print(ba)
ba.insert(0, 65)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord("l"))
print(ba)
ba.reverse()
print(ba)
ba += b"!!"
print(ba)
ba *= 2
print(ba)
print(ba.count(b"!"), ba.find(b"o"), ba.upper(), type(ba.upper()).__name__)
c = ba.copy()
c.clear()
print(c, ba == c, bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"))
for bad in [lambda: ba.__setitem__(0, 256), lambda: ba.append(-1), lambda: ba.remove(200),
            lambda: bytearray().pop(), lambda: ba.__setitem__(0, "a"), lambda: ba.index(b"zz"),
            lambda: bytearray(-1), lambda: hash(ba), lambda: ba.extend(5)]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
x = bytearray(b"abcdef")
x[::2] = b"XYZ"
print(x)
try:
    x[::2] = b"12"
except ValueError as e:
    print("ValueError:", e)
x[2:4] = [49, 50, 51]
print(x, x[1], x[-2:], x[::-1])
print(bytearray(b"a b").split(), bytearray(b"abc").replace(b"b", b"BB"))
print(bytearray(b"xyz") + b"1", b"1" + bytearray(b"xyz"), type(b"1" + bytearray(b"x")).__name__)
y = bytearray(b"  pad  ")
print(y.strip(), y.lstrip(), y.rstrip(), bytes(y))
print(bytearray(b"abc") < bytearray(b"abd"), bytearray(b"ab") == b"ab", b"ab" in bytearray(b"xaby"))
print(bytearray.fromhex("41 42"), bytearray(b"AB").hex(), bytearray(b"x").decode())
z = bytearray(b"123")
z[0:0] = b"0"
z[len(z):] = b"4"
print(z, z.isdigit(), list(z)[:2])
print(repr(bytearray()), str(bytearray(b"q")), bytearray(b"%d") % 5)
