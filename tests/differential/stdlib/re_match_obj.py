# re: the Match object API and its error cases.
import re

def err(f):
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)

p = re.compile(r'(?P<first>\w+) (?P<last>\w+)(?: (?P<mid>\d+))?')
m = p.match('Isaac Newton, physicist')
print(m.group(), m.group(0), m.group(1), m.group(2, 1), m.group('first', 'last', 0))
print(m[0], m[1], m['last'], m.groups(), m.groups('-'), m.groups(default=0))
print(m.groupdict(), m.groupdict('?'), m.groupdict(default=1))
print(m.start(), m.end(), m.span(), m.start(1), m.end('last'), m.span('mid'), m.start(3))
print(m.regs, m.lastindex, m.lastgroup, m.pos, m.endpos)
print(m.string, m.re is p)
print(m.expand(r'\2, \1'), m.expand(r'\g<last>/\g<first>/\g<0>'), repr(m.expand(r'[\3]')))
print(m.group(True), m.start(False))

m2 = re.match('(a)(b)?', 'ac')
print(m2.groups(), m2.span(2), m2.start(2), m2.end(2), m2.regs, m2.lastindex, m2.lastgroup)
m3 = re.match('(?P<x>a)|(?P<y>b)', 'b')
print(m3.lastindex, m3.lastgroup, m3.groupdict())
m4 = re.match('((a)|(b))+', 'ab')
print(m4.groups(), m4.lastindex, m4.regs)
m5 = re.match('(a)(?:b)', 'ab')
print(m5.lastindex, m5.lastgroup)
print(re.match('a', 'a').lastindex, re.match('a', 'a').groups(), re.match('a', 'a').groupdict())

mb = re.match(rb'(\w+) (\w+)', b'hello world')
print(mb.group(1), mb.groups(), mb[2], mb.expand(rb'\2-\1'), mb.span(2))
ba = bytearray(b'xyz abc')
mba = re.search(rb'\w+$', ba)
print(mba.group(), type(mba.group()).__name__, mba.string is ba)

for g in (5, -1, 'nope', 2 ** 80, 1.5, [], None):
    err(lambda: m.group(g))
err(lambda: m[7])
err(lambda: m.start(9))
err(lambda: m.span('zz'))
err(lambda: m.group(x=1))
err(lambda: m.start(1, 2))
err(lambda: m.start(group=1))
err(lambda: m.groups(1, 2))
err(lambda: m.groups(defaul=1))
err(lambda: m.groups(default=1, x=2))
err(lambda: m.groupdict(1, 2))
err(lambda: m.expand())
err(lambda: m.expand(r'\9'))
err(lambda: m.expand(r'\g<nope>'))
err(lambda: m.__copy__(1))
err(lambda: m.__deepcopy__())
err(lambda: len(m))
err(lambda: hash(m) == hash(m))
err(lambda: re.match('(a)', 'a').group([]))

class Idx:
    def __index__(self):
        return 1
print(m.group(Idx()), m.span(Idx()))
