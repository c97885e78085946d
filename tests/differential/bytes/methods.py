# bytes methods mirroring str methods.
b = b'  Hello, World  '
print(b.strip(), b.lstrip(), b.rstrip(), b.lower(), b.upper(), b.swapcase(), b.title(), b.strip().capitalize())
print(b.split(), b.split(b','), b.strip().split(b', '), b.rsplit(None, 1), b'a\nb\r\nc'.splitlines(), b'a\nb'.splitlines(True))
print(b.find(b'o'), b.rfind(b'o'), b.index(b'W'), b.count(b'l'), b.replace(b'l', b'L'), b.replace(b'l', b'', 1))
print(b.startswith(b'  H'), b.endswith((b'x', b'  ')), b'-'.join([b'a', b'b']), b'abc'.partition(b'b'), b'abc'.rpartition(b'x'))
print(b'abc'.center(9, b'*'), b'abc'.ljust(5), b'abc'.rjust(5, b'0'), b'42'.zfill(5), b'a\tb'.expandtabs(4))
print(b'abc'.isalpha(), b'123'.isdigit(), b'ab1'.isalnum(), b' '.isspace(), b'ABC'.isupper(), b'Ab Cd'.istitle(), b'\x80'.isascii())
print(b'abcabc'.translate(bytes.maketrans(b'abc', b'xyz')), b'abc'.translate(None, b'b'), b'xxabxx'.strip(b'x'))
print(b'hello'.removeprefix(b'he'), b'hello'.removesuffix(b'lo'), b'abc'.decode(), b'caf\xc3\xa9'.decode('utf-8'))
try:
    b'abc'.index(b'z')
except ValueError as e:
    print('ValueError:', e)
try:
    b'a'.join(['x'])
except TypeError as e:
    print('TypeError:', e)
print(b'abc'.find(98), b'a,b'.split(b',', maxsplit=1), bytes.fromhex('41'), b''.join([bytearray(b'x'), memoryview(b'y')]))
