# re: compiling, matching, searching; Pattern attributes, repr, ==, hash.
import re

def show(m):
    if m is None:
        return None
    return (m.span(), m.group(), m.groups(), m.lastindex)

p = re.compile(r'(\w+)@(\w+)\.com')
print(p.pattern, p.flags == re.UNICODE, p.groups, dict(p.groupindex))
print(show(p.match('joe@example.com and more')))
print(show(p.search('mail: ann@host.com!')))
print(show(p.fullmatch('ann@host.com')), show(p.fullmatch('ann@host.com!')))
print(show(p.match('mail: ann@host.com')))

# pos / endpos, including out-of-range values
s = 'abcabcabc'
q = re.compile('abc')
for pos, endpos in [(0, 9), (1, 9), (3, 6), (3, 5), (-5, 100), (20, 3), (5, -3)]:
    m = q.search(s, pos, endpos)
    print(pos, endpos, show(m), m and (m.pos, m.endpos))
print(show(q.match(s, 3)), show(q.match(s, pos=1)), show(q.fullmatch(s, 3, 6)))
print(show(q.search(string=s, pos=2, endpos=7)))
# '^' is the beginning of the string, not of pos
print(re.compile('^a').search('aaa', 1), show(re.compile('^a', re.M).search('b\na', 1)))
print(show(re.compile('a$').search('aab', 0, 2)))
m = re.compile('').match('abc', 5, -3)
print(m.span(), m.pos, m.endpos)

# flags
print(show(re.match('abc', 'ABC', re.I)), show(re.match('(?i)abc', 'aBc')))
print(show(re.search('^b', 'a\nb', re.M)), re.search('^b', 'a\nb'))
print(show(re.match('a.b', 'a\nb', re.S)), re.match('a.b', 'a\nb'))
print(show(re.match(r'''a  b # comment
                         c''', 'abc', re.X)))
print(re.compile('x', re.I | re.M).flags == int(re.I | re.M | re.U))
print(show(re.match(r'\w+', 'héllo')), show(re.match(r'\w+', 'héllo', re.A)))

# reprs
print(repr(re.compile('a+b')))
print(repr(re.compile('a+b', re.I)))
print(repr(re.compile('x', re.I | re.M | re.S | re.X | re.A)))
print(repr(re.compile(b'x', re.I | re.L)))
print(repr(re.compile(b'x')))
print(repr(re.compile('a\'b"\n')))
r = repr(re.compile('a' * 300))
print(len(r), r[:20], r[-5:])
print(re.match('ab', 'abc'))
print(re.match(b'ab', b'abc'))
print(re.match('x*', 'y'))
print(re.match('.*', 'x' * 100))
print(re.match('é+', 'ééé'))

# equality, hashing, copying
a, b = re.compile('a+', re.I), re.compile('a+', re.I)
print(a == b, a != b, hash(a) == hash(b), a == re.compile('a+'), a == 'a+')
print(re.compile('a') == re.compile(b'a'), re.compile('a') != re.compile('b'))
import copy
print(copy.copy(a) is a, copy.deepcopy(a) is a)
m = a.match('aa')
print(copy.copy(m) is m, copy.deepcopy(m) is m)
d = {a: 1}
print(d[b])

# type names
print(re.Pattern.__name__, re.Pattern.__module__, re.Match.__name__, re.Match.__module__)
print(type(p) is re.Pattern, type(m) is re.Match, isinstance(m, re.Match))
for f in (lambda: re.Pattern(), lambda: re.Match()):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
for t in (re.Pattern, re.Match, type(re.compile('a').scanner('a'))):
    try:
        class X(t):
            pass
    except TypeError as e:
        print('TypeError', e)
print(re.Pattern.__doc__)
print(bool(re.match('', '')))

# the module cache and purge
re.purge()
print(re.compile('q') is re.compile('q'))
print(re.compile(p) is p)
try:
    re.compile(p, re.I)
except ValueError as e:
    print('ValueError', e)
try:
    re.compile(5)
except TypeError as e:
    print('TypeError', e)
