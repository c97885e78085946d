# re: sub/subn (templates, callables, counts, empty matches), split,
# findall and finditer.
import re

print(re.sub(r'(\w)(\d)', r'\2\1', 'a1 b2 c3'))
print(re.sub(r'(?P<w>\w)(?P<d>\d)', r'\g<d>\g<w>-\g<0>', 'a1 b2'))
print(re.sub(r'(\w)', r'\g<1>\g<1>', 'ab'))
print(repr(re.sub('a', r'\n\t\\', 'xax')))
print(re.sub('a', lambda m: m.group().upper() * 2, 'banana'))
print(re.sub('a', lambda m: None, 'banana') if False else re.sub('n', '', 'banana'))
print(re.subn('a', 'o', 'banana'), re.subn('a', 'o', 'banana', 2), re.subn('a', 'o', 'banana', count=-1))
print(re.subn('z', 'o', 'banana'))
print(re.sub('x*', '-', 'abxd'))
print(re.sub('x*', '-', ''), re.subn('', '-', 'abc'))
print(re.sub(r'\b', '|', 'hello world'))
print(re.sub('(a)|b', r'[\1]', 'ab'))
print(re.sub(b'a', b'\\x', b'banana') if False else re.sub(b'(a)', b'<\\1>', b'banana'))
print(re.sub(b'a', lambda m: b'A', bytearray(b'banana')))
print(re.sub('a', 'b', 'aaa', 0), re.sub('a', 'b', 'aaa', 1))
p = re.compile('(a)(b)?')
print(p.sub(r'\2', 'ab a'), p.subn(lambda m: str(m.lastindex), 'ab a'))
print(p.sub(repl='x', string='aab', count=1))
s = 'no match here'
print(re.sub('zzz', 'y', s) is s, re.sub('zzz', lambda m: 'y', s) is s)
calls = []
def f(m):
    calls.append(m.span())
    return '<%s>' % m.group()
print(re.sub(r'\d+', f, 'a1b22c333'), calls)
# replacement with groups that did not participate
print(re.sub('(a)|(b)', r'[\1|\2]', 'ab'))
print(re.sub('x', 'y', 'x' * 5))

# split
print(re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', 1), re.split(r'\W+', 'Words, words.', maxsplit=-1))
print(re.split('[a-f]+', '0a3B9', flags=re.I))
print(re.split(r'(\W+)?', 'a, b'))
print(re.split('x*', 'axbc'), re.split('', 'abc'), re.split(r'\b', 'a b'))
print(re.split('(a)|b', 'xaybz'))
print(re.split(b',', b'a,b,,c'), re.split(',', ''))
print(re.split('(?=b)', 'abab'))

# findall / finditer
print(re.findall(r'\d+', 'a12b345c6'))
print(re.findall(r'(\w)(\d)', 'a1 b2 c'))
print(re.findall(r'(\w)\d', 'a1 b2 c'))
print(re.findall(r'(a)|(b)', 'ab'))
print(re.findall('', 'abc'), re.findall('x*', 'axxb'))
print(re.findall(b'[ab]', b'cabd'))
print(re.compile(r'\w').findall('abcdef', 2, 4))
print([m.span() for m in re.finditer(r'\w+', 'ab cd  ef')])
print([m.group() for m in re.finditer('x*', 'axxb')])
it = re.compile('a').finditer('aXa', 1)
print(type(it).__name__, [m.span() for m in it], list(it))
print([(m.start(), m.group(1)) for m in re.finditer('(b)?a', 'aba')])

# re.escape round trip
for t in ['a.b', '1+1=2', 'tab\there', 'ünïcode*', '[x]{y}(z)|^$']:
    e = re.escape(t)
    print(e, re.fullmatch(e, t) is not None)
print(re.escape(b'a.b*'))

# Scanner (the experimental re.Scanner)
def num(sc, tok):
    return ('NUM', int(tok))
sc = re.Scanner([(r'\d+', num), (r'[a-z]+', lambda sc, t: ('ID', t)), (r'\s+', None)])
print(sc.scan('abc 12 de 3 !!'))
sm = re.compile('a|b').scanner('abxa')
print(sm.match(), sm.match(), sm.match(), sm.match(), sm.search())
sm = re.compile('a').scanner('xaxa')
print(sm.search().span(), sm.search().span(), sm.search(), sm.pattern.pattern)
sm = re.compile('').scanner('ab')
print([sm.search().span() for _ in range(3)], sm.search())
