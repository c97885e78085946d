# The ast module on top of _ast: parse/dump, unparse round trips,
# literal_eval, NodeVisitor/NodeTransformer + compile + exec, the location
# helpers. (Waiting in crates/adder-ast/pending until `import ast` works:
# it needs enum, contextlib and sys.float_info.)
import ast

CORPUS = [
    'x = 1 + 2 * 3 ** -4',
    'def f(a, /, b=1, *c, d, e=2, **g) -> int:\n    """doc"""\n    return a\n',
    '@dec\nclass C(B, metaclass=M):\n    x: int = 1\n\n    async def m(self):\n        async with a as b:\n            await b\n',
    'for i in range(3):\n    if i % 2:\n        continue\n    elif i:\n        break\nelse:\n    pass\n',
    'try:\n    a()\nexcept (A, B) as e:\n    raise C from e\nexcept* D:\n    pass\n' if False else 'try:\n    a()\nexcept (A, B) as e:\n    raise C from e\nelse:\n    b\nfinally:\n    c\n',
    "match p:\n    case Point(x=0, y=0) | [1, 2, *rest]:\n        pass\n    case {'k': v, **kw} if v > 0:\n        pass\n    case str() as s:\n        pass\n    case _:\n        pass\n",
    "x = f'{a!r:>{w}} {b=} {c:.2f}' 'tail'",
    'y = [i for i in x if i] + list({k: v for k, v in d.items()}) + [*a, *b]',
    'lambda x, *y, z=1, **w: (x, y, z, w)',
    'with (open(a) as f, open(b) as g):\n    pass\n',
    'global a\nnonlocal b\ndel c[1:2, ::3], d.e\nassert f, "g"\n',
    "s = u'x' 'y'\nb = b'\\x00' b'1'\nn = 1_000_000 + 0x_ff + 1e10 + 2j\n",
    '(a := 10)\nprint(*args, sep="", **kw)\nx = a if b else c\n',
    'import a.b.c as d\nfrom ..e import (f as g, h)\nfrom . import *\n',
]

for src in CORPUS:
    tree = ast.parse(src)
    print(ast.dump(tree, include_attributes=True))
    text = ast.unparse(tree)
    print(text)
    print(ast.dump(ast.parse(text)) == ast.dump(tree))
    print(ast.dump(tree, indent=2)[:200])

# literal_eval
for s in ['1', '-2.5', '1+2j', '"abc"', "b'x'", '[1, (2, 3), {4: 5}, {6}]', 'None', 'True',
          '{"a": [1, -1]}', 'set()', '()']:
    print(repr(ast.literal_eval(s)))
for s in ['x', '1 + x', 'f()', '[1, 2] * 2', '{**a}']:
    try:
        ast.literal_eval(s)
    except ValueError as e:
        print('ValueError', str(e).split(' at 0x')[0])

# NodeVisitor
class Names(ast.NodeVisitor):
    def __init__(self):
        self.names = []
    def visit_Name(self, node):
        self.names.append(node.id)
        self.generic_visit(node)

v = Names()
v.visit(ast.parse('a = b + c(d, e=f)'))
print(v.names)

# NodeTransformer + compile + exec
class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node

class PrintToList(ast.NodeTransformer):
    def visit_Expr(self, node):
        self.generic_visit(node)
        call = ast.Call(ast.Attribute(ast.Name('out', ast.Load()), 'append', ast.Load()),
                        [node.value], [])
        return ast.Expr(call)

tree = ast.parse('x = 1 + 2\nx * 10\n[i for i in range(3)]\n')
tree = ast.fix_missing_locations(PrintToList().visit(Double().visit(tree)))
ns = {'out': []}
exec(compile(tree, '<transformed>', 'exec'), ns)
print(ns['x'], ns['out'])
print(ast.unparse(tree))

# Location helpers
t = ast.parse('a\nb\n')
ast.increment_lineno(t, 5)
print([(n.lineno, n.end_lineno) for n in t.body])
print(ast.get_docstring(ast.parse('"""  doc\n  more"""\nx'), clean=False))
print(ast.get_source_segment('x = (1 +\n  2)', ast.parse('x = (1 +\n  2)').body[0].value))
print([type(n).__name__ for n in ast.walk(ast.parse('f(x)'))])
print(list(ast.iter_fields(ast.Name('x', ast.Load())))[0])
print(ast.dump(ast.parse('x', mode='eval')), ast.dump(ast.Name('x')))
print(ast.parse('(int, str) -> bool', mode='func_type').argtypes[1].id)
