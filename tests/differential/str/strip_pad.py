# strip family, padding, zfill, center.
s = '  \t hello \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr('xxhixx'.strip('x')), repr('abcba'.strip('ab')))
print(repr('hi'.center(10)), repr('hi'.center(9, '*')), repr('hi'.ljust(6, '.')), repr('hi'.rjust(6, '0')), repr('hello'.center(3)))
print('42'.zfill(5), '-42'.zfill(5), '+4'.zfill(4), 'abc'.zfill(6), ''.zfill(3), '--'.zfill(4))
try:
    'x'.center(5, 'ab')
except TypeError as e:
    print('TypeError:', e)
print(repr('\u3000x\u3000'.strip()), repr('\x1cx\x1f'.strip()), repr('\x85y'.strip()))
print('abc'.ljust(-1), repr('日本'.center(6, '中')))
