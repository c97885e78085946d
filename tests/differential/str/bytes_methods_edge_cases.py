# bytes/bytearray: constructors, shared methods with ASCII semantics, hex and
# fromhex, bytearray mutators and slice assignment, and their error texts.
print(bytes(), bytes(3), bytes([65, 66]), bytes(range(3)), bytes(b'ab'), bytes(bytearray(b'cd')), bytes('é', 'utf-8'), bytes('x', encoding='ascii'))
print(bytearray(), bytearray(2), bytearray(b'ab'), bytearray('é', 'latin-1'), bytearray([1, 2]), bytes(True))
b = b'  Hello, World  '
print(b.split(), b.split(None, 1), b.rsplit(None, 1), b.split(b','), b.rsplit(b'l', 2), b'a\x1cb'.split(), b'a\x0bb'.split())
print(b.strip(), b.lstrip(), b.rstrip(b' d'), b'xxaxx'.strip(b'x'), b.upper(), b.lower(), b.swapcase(), b'hello world'.title(), b'hELLO'.capitalize())
print(b.find(b'o'), b.find(111), b.rfind(b'o'), b.index(b'W'), b.count(b'l'), b.count(b''), b.find(b'', 100), b.startswith((b'x', b'  H')), b.endswith(b'  ', 0, -1))
print(b'abc'.partition(b'b'), bytearray(b'abc').rpartition(b'z'), b'a-b-c'.replace(b'-', b'+', 1), b'abc'.replace(b'', b'.'))
print(b'ab'.center(7, b'*'), b'ab'.ljust(4), b'ab'.rjust(4, b'0'), b'-5'.zfill(4), b'a\tb\nc\td'.expandtabs(4), b'x\ny\r\nz\r'.splitlines(), b'x\ny'.splitlines(True))
print(b'Ab1'.isalnum(), b'Ab'.isalpha(), b'\xe9'.isalpha(), b'12'.isdigit(), b' \x0b'.isspace(), b'Ab Cd'.istitle(), b'AB1'.isupper(), b'ab1'.islower(), b''.isupper(), b'\x80'.isascii())
print(b'prefix-x'.removeprefix(b'prefix-'), b'x.py'.removesuffix(b'.py'), b'abc'.translate(None, b'b'), b'abc'.translate(bytes.maketrans(b'ab', b'xy'), b'c'))
print(b'\x00\xff\x10'.hex(), b'abcdef'.hex(':'), b'abcdef'.hex(b'-', 2), b'abcde'.hex(' ', -2), bytearray(b'xy').hex(), bytes.fromhex('de ad BE EF'), bytearray.fromhex(' 01'))
print(b'-'.join([b'a', bytearray(b'b')]), bytearray(b'-').join([b'x', b'y']), b'ab' + bytearray(b'c'), bytearray(b'ab') + b'c', b'ab' * 2, 2 * bytearray(b'z'))
print(b'abc'[1], b'abc'[-1], b'abc'[1:], b'abcdef'[::2], bytearray(b'abc')[::-1], 98 in b'abc', b'bc' in b'abc', b'' in b'a', list(b'hi'))
print(b'a' < b'b', b'a' == bytearray(b'a'), b'a' != 'a', bytearray(b'b') > b'a', b'abc'.decode(), b'\xc3\xa9'.decode('utf-8'), b'\xe9'.decode('latin-1'))
x = bytearray(b'hello')
x.append(33); x.extend(b'??'); x.extend([65, 66]); x.insert(0, 62); x.insert(-100, 60); x.insert(100, 46)
print(x, x.pop(), x.pop(0), x)
x.remove(63); x.reverse(); print(x, x.copy(), x.copy() is x)
x[0] = 88; x[-1] = 89; x[1:3] = b'__'; x[5:5] = [1, 2]; print(x)
x[::2] = bytes(len(x[::2])); print(x)
del x[0]; del x[::3]; del x[-2:]; print(x)
x += b'++'; x *= 2; print(x, len(x))
x.clear(); print(x, repr(bytearray()), bytearray(b'a\x00\'"'))
errors = [
    lambda: bytes(-1), lambda: bytes('a'), lambda: bytes(1, 'a'), lambda: bytes([256]), lambda: bytes(['a']),
    lambda: bytes(1.5), lambda: bytes(b'a', 'utf-8'), lambda: bytes(x=1), lambda: bytearray(1.5), lambda: bytearray([300]),
    lambda: bytes.fromhex('a'), lambda: bytes.fromhex('zz'), lambda: bytes.fromhex('0 1'), lambda: bytes.fromhex(1),
    lambda: b'a'.hex('::'), lambda: b'a'.hex(1), lambda: b'a'.find('a'), lambda: b'a'.find(300), lambda: b'a'.join([1]),
    lambda: b'a'.split(1), lambda: b'a'.split(b''), lambda: b'a'.strip('a'), lambda: b'a'.replace('a', 'b'), lambda: b'a'.center(3, 'x'),
    lambda: b'a'.center(3, b'xy'), lambda: b'a'.startswith('a'), lambda: b'a'.startswith(('a',)), lambda: b'a'.index(b'z'),
    lambda: b'a'.translate(b'abc'), lambda: bytes.maketrans(b'a', b'bc'), lambda: b'a'.count(b'a', x=1), lambda: b'a'.find(),
    lambda: b'a'.decode('foo'), lambda: bytearray(b'a').pop(5), lambda: bytearray().pop(), lambda: bytearray(b'a').remove(5),
    lambda: bytearray(b'a').append(256), lambda: bytearray(b'a').append('a'), lambda: bytearray(b'a').extend(1),
    lambda: bytearray(b'a').extend('ab'), lambda: b'a'[5], lambda: bytearray(b'a')[5],
    lambda: bytearray(b'abc').__setitem__(0, 300), lambda: bytearray(b'abc').__setitem__(5, 1),
    lambda: bytearray(b'abc').__setitem__(slice(0, 1), 5), lambda: bytearray(b'abc').__setitem__(slice(0, 3, 2), b'x'),
    lambda: bytearray(b'abc').__setitem__('a', 1), lambda: bytearray(b'a').__delitem__(5), lambda: hash(bytearray()),
    lambda: bytearray(b'ab').__iadd__('x'), lambda: b'a'.__add__('a'), lambda: b'a'.removeprefix('a'),
]
for f in errors:
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(b'ab'.__getnewargs__(), b'a'.__bytes__(), b'ab'.__len__(), b'ab'.__getitem__(0), b'a'.__eq__('a'), hash(b'ab') == hash(bytes(b'ab')))
