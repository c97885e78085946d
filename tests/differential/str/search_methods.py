# find/index/count/startswith/endswith/replace.
s = 'the quick brown fox jumps over the lazy dog the end'
print(s.find('the'), s.find('the', 1), s.find('the', 1, 10), s.rfind('the'), s.rfind('xyz'))
print(s.index('fox'), s.rindex('the'), s.count('the'), s.count('e'), s.count(''), 'aaaa'.count('aa'))
try:
    s.index('cat')
except ValueError as e:
    print('ValueError:', e)
try:
    s.rindex('cat')
except ValueError as e:
    print('ValueError:', e)
print(s.startswith('the'), s.startswith(('a', 'th')), s.startswith('quick', 4), s.endswith('end'), s.endswith('the', 0, 34))
print(s.replace('the', 'THE'), s.replace('the', 'a', 2), 'abc'.replace('', '-'), 'aaa'.replace('a', 'bb', 0))
print(''.find(''), 'abc'.find('', 5), 'abc'.find('', 3), 'abc'[-1:].find('c'), 'abc'.find('c', -1))
print('abc'.removeprefix('ab'), 'abc'.removesuffix('bc'), 'abc'.removeprefix('x'), 'x' in 'abc', 'bc' in 'abc', '' in 'abc')
try:
    s.startswith(['the'])
except TypeError as e:
    print('TypeError:', e)
try:
    'abc'.count(1)
except TypeError as e:
    print('TypeError:', e)
print('héllo wörld'.find('ö'), '日本語テキスト'.index('テ'), '日本語'.encode('utf-8').find('本'.encode()))
