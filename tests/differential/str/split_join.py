# split/rsplit/splitlines/partition/join.
tests = ['a,b,,c', ' a  b   c ', '', ',', 'a\nb\r\nc\rd\x0be\x0cf\x1cg\u2028h', 'one two three four']
for t in tests:
    print(repr(t), t.split(), t.split(','), t.split(',', 1), t.rsplit(',', 1), t.rsplit(None, 1), t.splitlines(), t.splitlines(True))
print('a b c'.split(maxsplit=1), 'a b c'.rsplit(maxsplit=1), '  a b  '.split(' '), 'a--b--c'.split('--'))
print('key=value=x'.partition('='), 'key=value=x'.rpartition('='), 'abc'.partition('z'), 'abc'.rpartition('z'))
print(','.join(['a', 'b', 'c']), ''.join([]), '-'.join('xyz'), ', '.join(map(str, range(5))))
try:
    ','.join(['a', 1])
except TypeError as e:
    print('TypeError:', e)
try:
    'a'.split('')
except ValueError as e:
    print('ValueError:', e)
print('a\tb\tc'.expandtabs(), 'a\tb\tc'.expandtabs(4), '12345\t6'.expandtabs(3), repr('\t'.expandtabs(0)))
print('1\u30002\xa03'.split(), 'x'.join({'b': 1}))
