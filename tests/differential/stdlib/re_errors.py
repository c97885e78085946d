# re: error cases — argument checking with CPython's messages, str/bytes
# mixing, replacement templates, and _sre.compile's own checks.
import re
import _sre

def err(f):
    try:
        r = f()
        print('ok', repr(r)[:60])
    except Exception as e:
        print(type(e).__name__, e)

p = re.compile('a(b)?')
err(lambda: p.match())
err(lambda: p.match('a', 1, 2, 3))
err(lambda: p.match('a', x=1))
err(lambda: p.match('a', string='a'))
err(lambda: p.match(string='a', pos='x'))
err(lambda: p.match('a', 2 ** 70))
err(lambda: p.match('a', -2 ** 70))
err(lambda: p.match('a', 1.5))
err(lambda: p.match('a', endpos=None))
err(lambda: p.match(1))
err(lambda: p.match(None))
err(lambda: p.search(['a']))
err(lambda: p.search(pattern='a'))
err(lambda: p.fullmatch())
err(lambda: p.findall())
err(lambda: p.finditer())
err(lambda: p.scanner())
err(lambda: p.split())
err(lambda: p.split('a', 1, 2))
err(lambda: p.split('a', maxsplit=1.0))
err(lambda: p.sub('x'))
err(lambda: p.sub('x', 'a', 1, 2))
err(lambda: p.sub(repl='x', string='a', count='z'))
err(lambda: p.sub('x', 'a', counter=1))
err(lambda: p.subn())
err(lambda: p.__copy__(1))
err(lambda: p.__deepcopy__())
err(lambda: p.__deepcopy__(1, 2))
err(lambda: p < p)
err(lambda: p.scanner('a').match(1))
err(lambda: re.Pattern.match(1, 'a'))

# str / bytes mixing
err(lambda: p.match(b'a'))
err(lambda: p.match(bytearray(b'a')))
err(lambda: re.compile(b'a').match('a'))
err(lambda: re.compile(b'a').sub(b'x', 'a'))
err(lambda: p.sub(b'x', 'a'))
err(lambda: p.sub(1, 'ab'))
err(lambda: p.sub(lambda m: 1, 'ab'))
err(lambda: p.sub(lambda m: b'x', 'ab'))
err(lambda: re.compile(b'a').sub(lambda m: 'x', b'ab'))
err(lambda: re.compile(b'a').sub(lambda m: bytearray(b'yy'), b'ab'))
err(lambda: p.sub('x', 5))

# templates
err(lambda: p.sub('\\2', 'ab'))
err(lambda: p.sub('\\g<x>', 'ab'))
err(lambda: p.sub('\\g<1', 'ab'))
err(lambda: p.sub('\\q', 'ab'))
err(lambda: p.sub('\\', 'ab'))
err(lambda: re.match('(a)', 'a').expand('\\2'))
err(lambda: re.match('(a)', 'a').expand(b'x'))
err(lambda: re.sub('(?P<n>a)', '\\g<n>\\g<0>\\g<1>', 'a'))

# pattern syntax errors come from re._parser
for bad in ['(', 'a)', '[a', '*', 'a**', '(?P<1>a)', '(?P=x)', r'\1', '(?<=a+)b', 'a{2,1}', '(?z)', r'\p']:
    try:
        re.compile(bad)
    except re.error as e:
        print('error', e.msg, e.pos)

# _sre.compile validates its arguments and the code
code = [_sre.MAXREPEAT] if False else [1]
err(lambda: _sre.compile('a', 0, (1,), 0, {}, ()))
err(lambda: _sre.compile('a', 0, [1], 0, [], ()))
err(lambda: _sre.compile('a', 0, [1], 0, {}, []))
err(lambda: _sre.compile('a', 'x', [1], 0, {}, ()))
err(lambda: _sre.compile('a', 0, [1], 'x', {}, ()))
err(lambda: _sre.compile('a', 0, [2 ** 32], 0, {}, ()))
err(lambda: _sre.compile('a', 0, [-1], 0, {}, ()))
err(lambda: _sre.compile('a', 0, ['x'], 0, {}, ()))
err(lambda: _sre.compile('a', 0, [], 0, {}, ()))
err(lambda: _sre.compile('a', 0, [2], 0, {}, ()))
err(lambda: _sre.compile('a', 0, [15, 0, 1], 0, {}, ()))
err(lambda: _sre.compile('a', 0, [17, 4, 1], 1, {}, ()))
err(lambda: _sre.compile(1, 0, [1], 0, {}, ()))
err(lambda: _sre.compile('a', 0, [1], -1, {}, ()))
err(lambda: _sre.compile('a', 0, [1], 0, {}))
err(lambda: _sre.compile('a', 0, [1], 0, {}, (), 1))
err(lambda: _sre.compile('a', 2 ** 40, [1], 0, {}, ()))
err(lambda: _sre.compile(pattern='a', flags=0, code=[1], groups=0, groupindex={}, indexgroup=()))
err(lambda: _sre.compile(None, 0, [16, 97, 1], 0, {}, ()).match(b'a'))
err(lambda: _sre.compile(None, 0, [16, 97, 1], 0, {}, ()).match('a'))
err(lambda: _sre.compile('a', 0, [True], 0, {}, ()))
err(lambda: _sre.getcodesize(1))
err(lambda: _sre.ascii_tolower())
err(lambda: _sre.ascii_tolower(character=65))
err(lambda: _sre.unicode_tolower(2 ** 31))
err(lambda: _sre.unicode_iscased('a'))
err(lambda: _sre.ascii_iscased(True))
print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print(_sre.copyright)
