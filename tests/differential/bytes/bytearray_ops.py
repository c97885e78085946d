# bytearray: mutation methods and repr.
ba = bytearray(b'hello')
ba[0] = 72
ba.append(33)
ba.extend(b' ok')
print(ba, len(ba), ba[1:3], bytes(ba))
ba[1:3] = b'EEE'
print(ba)
del ba[0]
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(1, 65)
ba.remove(ord('E'))
print(ba, ba.find(b'l'), ba.upper(), ba.count(b'E'))
ba.reverse()
print(ba, ba.copy(), ba * 2, ba + b'!', bytearray(3), bytearray([1, 2]), bytearray('é', 'utf-8'))
ba += b'xyz'
print(ba)
ba.clear()
print(ba, bytearray(b'a') == b'a', bytearray(b'ab') < bytearray(b'b'))
for op in [lambda: ba.pop(), lambda: bytearray(b'x').remove(1), lambda: bytearray(b'x').__setitem__(0, 300)]:
    try:
        op()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
try:
    hash(bytearray())
except TypeError as e:
    print('TypeError:', e)
x = bytearray(b'0123456789')
x[::2] = b'abcde'
print(x, x[::-3])
del x[::3]
print(x)
