# str methods: index bounds (None, negative, huge), tuple prefixes, maxsplit,
# padding parity, translate/maketrans, and the exact TypeError/ValueError texts.
s = 'hello world, hello all'
print(s.find('hello', 1), s.find('hello', -5), s.find('', 100), s.find('', 22), s.rfind('hello', None, -3))
print(s.count('l'), s.count('l', 3, -3), s.count(''), s.count('', 5, 2), s.count('', 30))
print(s.index('world'), s.rindex('l', 0, 10), s.find('o', 2**70), s.find('o', -2**70))
print(s.startswith(('x', 'he')), s.startswith('world', 6), s.startswith('', 22), s.startswith('', 23))
print(s.endswith(('all', 'x'), 5), s.endswith('hello', 0, -4), s.endswith('o', None, 5))
print('ab'.startswith('a', None, None), 'ab'.endswith(()), 'ab'.startswith(('',)))
print('a,b,,c'.split(','), 'a,b,,c'.split(',', 1), 'a,b,,c'.rsplit(',', 1), 'a,b,,c'.split(',', 0))
print('  a  b  '.split(), '  a  b  '.split(None, 1), '  a  b  '.rsplit(None, 1), ''.split(), ''.split(','))
print('a\u2003b\x1cc\x85d'.split(), 'x\ny\r\nz\rw\x0bv\u2028u'.splitlines(), 'a\nb\n'.splitlines(True))
print('abc'.partition('b'), 'abc'.partition('z'), 'abcb'.rpartition('b'), 'abc'.rpartition('z'))
print(repr('x'.center(4, '*')), repr('x'.center(5)), repr('xy'.center(5, '-')), repr('xy'.center(6)))
print('ab'.ljust(5, '.'), 'ab'.rjust(5, '.'), 'ab'.ljust(-1), '-42'.zfill(6), '+7'.zfill(4), 'x'.zfill(3), ''.zfill(2))
print(repr('a\tbc\td\n\te'.expandtabs()), repr('a\tb'.expandtabs(3)), repr('a\tb'.expandtabs(0)), repr('a\tb'.expandtabs(-2)))
print('aXbXc'.replace('X', '-'), 'aXbXc'.replace('X', '-', 1), 'abc'.replace('', '.'), 'abc'.replace('', '.', 2), 'aaa'.replace('a', 'b', -1))
print('prefix_body'.removeprefix('prefix_'), 'body'.removeprefix('x'), 'body.py'.removesuffix('.py'), 'a'.removesuffix(''))
print('<>'.join(['a', 'b', 'c']), ''.join([]), '-'.join('xyz'), ','.join({'k': 1}))
t = str.maketrans('abc', 'xyz', 'd')
print(sorted(t.items()), 'abcd'.translate(t), 'abc'.translate({97: 'AA', 98: None}), str.maketrans({'a': 1, 2: 'b'}))
print('Hello World'.swapcase(), 'hello world'.title(), "they're bill's".title(), 'ǆemal'.title(), 'HELLO'.capitalize())
print('ß'.upper(), 'ﬁ'.upper(), 'ΣΑΣ'.lower(), 'İ'.lower(), 'ß'.casefold(), len('İ'.lower()))
print('١٢٣'.isdecimal(), '²'.isdigit(), '²'.isdecimal(), '½'.isnumeric(), 'abc1'.isalnum(), 'a b'.isalpha())
print('x_1'.isidentifier(), '1x'.isidentifier(), ''.isidentifier(), 'é'.isascii(), ''.isascii(), 'a\x7f'.isprintable())
print('Hello World'.istitle(), 'Hello world'.istitle(), 'ABC1'.isupper(), 'abc1'.islower(), '123'.islower(), ' \t\n'.isspace(), ''.isspace())
print('  xx  '.strip(), '..xx..'.strip('.'), 'xyxzx'.lstrip('xy'), 'xyxzx'.rstrip('x'), 'abc'.strip(''), 'abc'.strip(None))
print(len('añ€😀'), 'añ€😀'[1:3], 'añ€😀'[::-1], 'añ€😀'[-1], 'añ€😀'.find('😀'), 'añ€😀'.encode())
print('a' < 'b', 'a' < 'ab', 'é' > 'z', '😀' > '€', 'abc' == 'abc', 'x' * 3, 3 * 'y', 'z' * -1, 'ab' in 'cabd')
errors = [
    lambda: 'a'.find(), lambda: 'a'.find(1), lambda: 'a'.count('a', 'x'), lambda: 'a'.index('b'),
    lambda: 'a'.rindex('b'), lambda: 'a'.split(''), lambda: 'a'.split(1), lambda: 'a'.split(x=1),
    lambda: 'a'.rsplit('a', 1, 2), lambda: 'a'.strip(1), lambda: 'a'.join(1), lambda: 'a'.join(['a', 2]),
    lambda: 'a'.replace('a'), lambda: 'a'.replace(1, 'b'), lambda: 'a'.replace('a', None),
    lambda: 'a'.startswith(1), lambda: 'a'.endswith(('a', 1)), lambda: 'a'.center(), lambda: 'a'.center(3, 'ab'),
    lambda: 'a'.center(3, 1), lambda: 'a'.ljust('3'), lambda: 'a'.zfill(), lambda: 'a'.upper(1),
    lambda: 'a'.partition(''), lambda: 'a'.rpartition(1), lambda: 'a'.removeprefix(1), lambda: 'a'.translate(),
    lambda: 'a'.translate({97: 1.5}), lambda: 'a'.translate({97: 0x110000}), lambda: str.maketrans(1),
    lambda: str.maketrans('ab', 'c'), lambda: str.maketrans({'ab': 1}), lambda: str.maketrans({1.5: 1}),
    lambda: str.maketrans('a', 1), lambda: str.maketrans(), lambda: 'a'.expandtabs('x'), lambda: 'a'.splitlines(1, 2),
    lambda: 1 in 'a', lambda: 'a'[5], lambda: 'a'.__getitem__('x'), lambda: 'a'.ljust(2**70), lambda: 'a'.find('a', 1.0),
    lambda: str.upper(), lambda: str.upper(1), lambda: 'a'.__add__(1), lambda: 'a'.__mul__('a'), lambda: 'a'.find(x=1),
]
for f in errors:
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print('a'.__lt__(1), 'a'.__eq__('a'), 'a'.__ne__(1), 'ab'.__contains__('b'), 'ab'.__len__(), 'ab'.__getitem__(-1))
print('x'.__mul__(2), 'x'.__rmul__(3), 'x'.__add__('y'), 'ab'.__getnewargs__(), '%s'.__mod__(5), 'q'.__repr__(), 'q'.__str__())
print(list(iter('añ')), list('ab'.__iter__()), hash('abc') == hash('ab' + 'c'), ascii('é€😀\n'))
