# bytes construction, indexing, slicing, repr.
print(b'abc', bytes(3), bytes([65, 66, 255]), bytes('é', 'utf-8'), bytes(range(5)), bytes(b'x'), bytes())
b = b'hello world'
print(b[0], b[-1], b[1:4], b[::-1], b[::2], len(b), b'o' in b, 111 in b, b'xyz' in b)
print(list(b'abc'), b'ab' + b'cd', b'ab' * 3, b'a' < b'b', b'abc' == b'abc', b'\x00\xff\n\t\\\'"')
for bad in [[256], [-1], 'str', 3.5]:
    try:
        print(bytes(bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    b'a' + 'b'
except TypeError as e:
    print('TypeError:', e)
try:
    b[0] = 1
except TypeError as e:
    print('TypeError:', e)
print(repr(b"it's"), repr(b'"'), repr(b'\'"'), bytes.fromhex('de ad BE EF'), b'\xde\xad'.hex(), b'abc'.hex('-'), b'abcdef'.hex(':', 2))
print(hash(b'') == hash(b''), bytes.__name__, type(b'')(b'q'), b'abc' != 'abc')
