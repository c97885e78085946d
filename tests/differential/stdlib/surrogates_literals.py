# Lone surrogates written as escapes in string literals: plain, implicit
# concatenation, f-strings, docstrings, match patterns, compile()/eval().


def show(*vals):
    print(*[ascii(v) for v in vals])


show('\ud800', "\udc80", '''\udfff''', """x\uDBFFy""", '\U0000d800', '\U0000DFFF')
show('a' '\ud800' 'b', 'c' r'\ud800', r'\udc80' '\udc80')
show('\ufffd\ud800\N{REPLACEMENT CHARACTER}\udc80\N{LATIN SMALL LETTER A}', '\ufffd')
show('\\ud800', '\\\ud800', 'x\
\udc80')
show('\ud83d\ude00', len('\ud83d\ude00'), '\U0001f600' == '\ud83d\ude00')
x = 5
show(f'\ud800{x}\udc80', f'{x}\udfff', f'{x:\udc80>4}', f'{x!r}\ud800')
show(rf'\ud800{x}', f'{{\ud800}}', 'lit' f'\udc80{x}' '\ud800')
show(b'\\ud800', b'\xff')


def f():
    "doc \ud800 string"


show(f.__doc__)


def m(v):
    match v:
        case '\ud800':
            return 'high'
        case '\udc80' | '\udcff':
            return 'low'
        case _:
            return 'other'


print(m(chr(0xd800)), m(chr(0xdcff)), m('\ufffd'))
d = {'\ud800': 1, '\udc80': 2}
print(d[chr(0xd800)], d[chr(0xdc80)], len(d))
show(eval("'\\ud800'"), eval(r"'\udc80' + '\ud800'"), eval("f'\\udfff'"))
ns = {}
exec("s = '\\udc80'\nt = '''\\ud800\\n'''", ns)
show(ns['s'], ns['t'])
co = compile("'\\udc80'", '<s>', 'eval')
show(eval(co), co.co_consts)
show(repr('\ud800'), str('\udfff'))
show(chr(0xd800) is not None and '\ud800' == chr(0xd800))
for src in ['"\ud800"', 'x = 1 # \udc80']:
    for fn in (lambda: compile(src, 's', 'exec'), lambda: eval(src), lambda: exec(src)):
        try:
            fn()
            print('ok')
        except Exception as e:
            print(type(e).__name__, ascii(str(e)))

import ast
show(ast.literal_eval(r"'\ud800' 'x' '\ufffd'"), ast.literal_eval(r"['\udc80', b'\xff']"))
tree = ast.parse(r"f'a\udc80{x}\ud800'")
show([v.value for v in tree.body[0].value.values if isinstance(v, ast.Constant)])
show(ast.dump(ast.parse(r"'\udfff'")))
