# compile(..., PyCF_ONLY_AST) (what ast.parse does) over many snippets:
# node shapes and positions (lines, UTF-8 byte columns, end positions) as
# CPython 3.11 builds them.
import _ast
from ast_support import dump, parse

SNIPPETS = [
    'x = 1 + 2',
    'f"a{b}c"', 'f"{x=}"', 'f"{x = !s:>{w}}"', '"x" f"{y}" "z"', 'f""',
    'f"{a}" f"{b}"', 'f"""\n{a}\n  {b!r:{c}x}"""', 'f"{x:}"', 'f"{x!a}"',
    'u"a" f"{x}"', 'f"{{}}"', 'x = (f"<{a} at {b:#x}:"\n     f" v={c:.1f}>")',
    'f(x for x in y)', 'f((x for x in y))', 'f(*a, k=1, **kw)', 'f(a)(b)(c)',
    'def f(a, /, b=1, *c, d, e=2, **g): pass',
    'def f(a: int = 1, *args: str, b: "x" = 2, **kw: float) -> None:\n    return a',
    'lambda: 0', 'lambda *a, **k: 0', 'lambda a, b=1, *, c: a',
    '@d\n@e(1)\ndef f(): pass', '@d\nasync def f(): pass', '@d\nclass C: pass',
    '@a.b\n# comment\n@c\n\nclass C(B, metaclass=M):\n    "doc"\n    x = 1\n',
    'if a:\n  pass\nelif b:\n  pass\nelse:\n  x\n',
    'if a:\n  pass\nelif b:\n  pass\nelif c:\n  y;\n',
    'def foo():\n    x = 1; pass; del x;\nfoo()',
    'for x in y:\n  break\nelse:\n  continue\n', 'async def f():\n  async for a in b: pass\n  async with c as d: pass\n  await e',
    'while 1:\n  pass\nelse:\n  pass', 'with a as b, c: pass', 'with (a as b, c): pass',
    'import a.b as c, d', 'from .. import (x as y, z)', 'from . import *', 'from a.b import c',
    'x[1:2, ::3]', 'x[:]', 'x[a, b]', 'x[1:2]', 'del a[0], b.c', 'a, *b = c',
    'u"x" "y"', 'b"x" b"y"', '"a" \\\n "b"', '"""doc\nstring"""',
    'global a, b', 'nonlocal x',
    "match x:\n case [1, *r] | {'a': 1, **kw} | C(1, y=2) | None | (a as b):\n  pass",
    "match p:\n case Point(x=0, y=0):\n  pass\n case [x, y, *_] if x > 0:\n  pass\n case {1: _, 'k': v}:\n  pass\n case -1 | 1.5 | 2+3j | -1-2j | 'a' 'b' | b'x':\n  pass\n case a.b.c:\n  pass\n case _:\n  pass",
    'try:\n pass\nexcept* E as e:\n pass', 'try:\n  a\nexcept (A, B):\n  b\nexcept:\n  c\nelse:\n  d\nfinally:\n  e',
    '(a, b) = c', 'a, = c', '(yield)', 'def g():\n    yield\n    yield from x\n    x = yield y',
    'x: int = 1', '(x): int', 'a.b: int', 'x += 1', 'x **= 2', 'x //= y',
    '{**a, b: c}', '{1, 2}', '{}', '[]', '()', '(1,)', '[x for x in y if x if z for w in v]',
    '{k: v for k, v in d.items()}', '{x async for x in y}',
    'a if b else c', 'not a < b < c', 'a is not b', 'a not in b', 'a and b or c and d',
    'a and b and c', '-x', '+x', '~x', 'not x', 'a @ b', 'a << b >> c', 'a | b ^ c & d',
    '1 + 2j', '0xFF', '0o17', '0b101', '1_000.5e3', '10**100', '123456789012345678901234567890',
    '1e400', '...', 'None', 'True', 'False', '(x := 5)', 'print(*a, sep="")',
    'assert x, "msg"', 'raise E from e', 'raise', 'return', 'pass; break; continue',
    'x = y = z', "é = 'é'; f(é, 'ü')", 'x = "é" + y', "s = 'aé' f'{x}é{y}'",
    'a.b.c.d', 'a[b][c]', 'a(b)[c].d', 'x = [\n  1,\n  2,\n]\n', 'if x:\n    pass\n# trailing\n',
    'class A:\n    def f(self):\n        return super().f()\n',
    'def f():\n    """docstring"""\n    return 1\n',
    'x = (\n  a +\n  b\n)', 'print("a", end="")\r\nprint(1)\r\n', 'x = 1\ry = 2\r',
]

for src in SNIPPETS:
    print(repr(src))
    print(dump(parse(src)))

for src in ['x + 1', '(a, b)', 'lambda: 1', '[i for i in x]']:
    print(dump(parse(src, 'eval')))
for src in ['x = 1', 'if x:\n  y\n', 'a; b']:
    print(dump(parse(src, 'single')))
for src in ['(int, str) -> bool', '() -> None', '(List[int]) -> x.y']:
    print(dump(parse(src, 'func_type')))

# Operators and contexts parsed are shared instances.
t1 = parse('x + y')
t2 = parse('a + b; c')
print(t1.body[0].value.op is t2.body[0].value.op)
print(t1.body[0].value.left.ctx is t2.body[1].value.ctx)
print(_ast.Load() is _ast.Load())
