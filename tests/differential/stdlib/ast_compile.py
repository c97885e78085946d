# compile() of node objects: trees from parsing and built by hand, line
# numbers in tracebacks, CPython's validation errors.
import _ast
from ast_support import dump, parse, show_error, fix_locations, walk

# Parse, compile, run.
src = '''
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

class C:
    """doc"""
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"C({self.x!r:>4})"

result = [fib(i) for i in range(10)], C(5), {k: v for k, v in zip("ab", (1, 2))}
'''
ns = {}
exec(compile(parse(src), '<tree>', 'exec'), ns)
print(ns['result'], ns['C'].__doc__, ns['fib'].__code__.co_firstlineno)
print(eval(compile(parse('1 + 2 * 3', 'eval'), '<e>', 'eval')))
code = compile(parse('x = 7', 'single'), '<s>', 'single')
exec(code, ns)
print(ns['x'])

# A tree built by hand.
tree = _ast.Module(body=[
    _ast.Assign(targets=[_ast.Name('y', _ast.Store())],
                value=_ast.BinOp(_ast.Constant(6), _ast.Mult(), _ast.Constant(7))),
    _ast.Expr(_ast.Call(_ast.Name('print', _ast.Load()),
                        [_ast.Name('y', _ast.Load()), _ast.Constant('é'),
                         _ast.Constant(-5), _ast.Constant(10**30), _ast.Constant(-2.5),
                         _ast.Constant((1, 'a', (None, True))), _ast.Constant(b'b'),
                         _ast.Constant(...), _ast.Constant(3j)],
                        [_ast.keyword('sep', _ast.Constant('|'))])),
], type_ignores=[])
fix_locations(tree)
exec(compile(tree, '<hand>', 'exec'), {})

# A transformation: every integer constant doubled, then run.
t = parse('print(1 + 2, [3, 4], {"k": 5})')
for node in walk(t):
    if isinstance(node, _ast.Constant) and type(node.value) is int:
        node.value *= 2
exec(compile(t, '<t>', 'exec'), {})

# Positions from the tree reach tracebacks.
t = parse('a = 1\n\n\nb = 1 / 0\n')
try:
    exec(compile(t, '<pos>', 'exec'), {})
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print('line', tb.tb_lineno)
t = parse('def f():\n    return g()\n')
for node in walk(t):
    if hasattr(node, 'lineno'):
        node.lineno += 10
        node.end_lineno += 10
ns = {}
exec(compile(t, '<pos>', 'exec'), ns)
print('firstlineno', ns['f'].__code__.co_firstlineno)
try:
    ns['f']()
except NameError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print('line', tb.tb_lineno, e)

# Returned unchanged under PyCF_ONLY_AST.
print(compile(t, '<x>', 'exec', _ast.PyCF_ONLY_AST) is t)

# Errors: modes, kinds, arguments.
show_error(lambda: compile(_ast.Module([], []), 'f', 'eval'))
show_error(lambda: compile(_ast.Expression(_ast.Constant(1, lineno=1, col_offset=0)), 'f', 'exec'))
show_error(lambda: compile(5, 'f', 'eval'))
show_error(lambda: compile('x', 'f', 'bad', _ast.PyCF_ONLY_AST))
show_error(lambda: compile('x', 'f', 'bad'))
show_error(lambda: compile(_ast.Module([_ast.Pass()], []), 'f', 'exec'))
show_error(lambda: compile(_ast.Module([_ast.Pass(lineno=1, col_offset=0)]), 'f', 'exec'))
show_error(lambda: compile(_ast.Module(body=5, type_ignores=[]), 'f', 'exec'))


def expr(node, mode='eval'):
    m = _ast.Expression(node)
    fix_locations(m)
    return lambda: compile(m, '<e>', mode)


def stmt(node):
    m = _ast.Module([node], [])
    fix_locations(m)
    return lambda: compile(m, '<s>', 'exec')


L, S, D = _ast.Load(), _ast.Store(), _ast.Del()
x = lambda ctx=L: _ast.Name('x', ctx)
one = lambda: _ast.Constant(1)
show_error(expr(_ast.Name('x', S)))
show_error(expr(None))
show_error(expr(_ast.Name(None, L)))
show_error(expr(_ast.Name(5, L)))
show_error(expr(_ast.Name('x', 5)))
show_error(expr(_ast.Name('x', None)))
show_error(expr(_ast.Name('x')))
show_error(expr(_ast.Name('None', L)))
show_error(expr(_ast.List(None, L)))
show_error(expr(_ast.List([None], L)))
show_error(expr(_ast.List((), L)))
show_error(expr(_ast.Constant([])))
show_error(expr(_ast.Constant((1, []))))
show_error(expr(_ast.Constant(1, 5)))
show_error(expr(_ast.Load()))
show_error(expr(_ast.BoolOp(_ast.And(), [one()])))
show_error(expr(_ast.BoolOp(_ast.Add(), [one(), one()])))
show_error(expr(_ast.BinOp(one(), _ast.And(), one())))
show_error(expr(_ast.Dict([one()], [])))
show_error(expr(_ast.Compare(one(), [], [])))
show_error(expr(_ast.Compare(one(), [_ast.Lt()], [one(), one()])))
show_error(expr(_ast.ListComp(one(), [])))
show_error(expr(_ast.ListComp(one(), [_ast.comprehension(x(L), one(), [], 0)])))
show_error(expr(_ast.Starred(x(S), L)))
show_error(expr(_ast.NamedExpr(_ast.Attribute(x(), 'a', S), one())))
show_error(expr(_ast.Lambda(_ast.arguments([], [], None, [], [], None, [one()]), one())))
show_error(expr(_ast.Lambda(_ast.arguments([], [], None, [], [one()], None, []), one())))
show_error(expr(_ast.FormattedValue(one(), 7, None)))
show_error(expr(_ast.Name('x', L, lineno=3, col_offset=2, end_lineno=2, end_col_offset=1)))
show_error(expr(_ast.Name('x', L, lineno=3, col_offset=5, end_lineno=3, end_col_offset=1)))
show_error(expr(_ast.Name('x', L, lineno='a', col_offset=0)))
show_error(expr(_ast.Name('x', L, lineno=2**40, col_offset=0)))
empty_args = _ast.arguments([], [], None, [], [], None, [])
show_error(stmt(_ast.FunctionDef('f', empty_args, [], [], None)))
show_error(stmt(_ast.FunctionDef('f', empty_args, [_ast.Pass()], [x(S)], None)))
show_error(stmt(_ast.ClassDef('C', [], [], [], [])))
show_error(stmt(_ast.Delete([])))
show_error(stmt(_ast.Delete([x(L)])))
show_error(stmt(_ast.Assign([], one())))
show_error(stmt(_ast.Assign([one()], one())))
show_error(stmt(_ast.AugAssign(x(L), _ast.Add(), one())))
show_error(stmt(_ast.AnnAssign(_ast.Attribute(x(), 'a', S), x(), None, 1)))
show_error(stmt(_ast.For(x(S), x(), [], [])))
show_error(stmt(_ast.While(x(), [], [])))
show_error(stmt(_ast.If(x(), [_ast.Pass()], [None])))
show_error(stmt(_ast.With([], [_ast.Pass()])))
show_error(stmt(_ast.Raise(None, x())))
show_error(stmt(_ast.Try([_ast.Pass()], [], [], [])))
show_error(stmt(_ast.Try([_ast.Pass()], [], [_ast.Pass()], [_ast.Pass()])))
show_error(stmt(_ast.TryStar([_ast.Pass()], [], [], [])))
show_error(stmt(_ast.Try([_ast.Pass()], [_ast.ExceptHandler(None, 'e', [])], [], [])))
show_error(stmt(_ast.Import([])))
show_error(stmt(_ast.ImportFrom('m', [], 0)))
show_error(stmt(_ast.ImportFrom('m', [_ast.alias('a')], -1)))
show_error(stmt(_ast.Global([])))
show_error(stmt(_ast.Expr(None)))
show_error(stmt(_ast.Match(x(), [])))
show_error(stmt(_ast.Load()))
show_error(stmt(_ast.Module([], [])))

def case(pattern):
    return stmt(_ast.Match(x(), [_ast.match_case(pattern, None, [_ast.Pass()])]))

show_error(case(_ast.MatchValue(_ast.Constant(...))))
show_error(case(_ast.MatchValue(_ast.Constant(True))))
show_error(case(_ast.MatchValue(x())))
show_error(case(_ast.MatchSingleton('s')))
show_error(case(_ast.MatchSequence([_ast.MatchSingleton('s')])))
show_error(case(_ast.MatchMapping([one()], [])))
show_error(case(_ast.MatchMapping([], [], rest='_')))
show_error(case(_ast.MatchClass(_ast.Constant('x'), [], [], [])))
show_error(case(_ast.MatchClass(x(), [], ['True'], [_ast.MatchAs()])))
show_error(case(_ast.MatchClass(x(), [], [], [_ast.MatchAs()])))
show_error(case(_ast.MatchClass(x(), [_ast.MatchStar()], [], [])))
show_error(case(_ast.MatchAs(name='False')))
show_error(case(_ast.MatchAs(_ast.MatchAs(), None)))
show_error(case(_ast.MatchOr([_ast.MatchAs()])))
show_error(case(_ast.MatchStar('x')))
show_error(case(_ast.MatchSequence([_ast.MatchStar('_')])))
show_error(case(_ast.MatchSequence([_ast.MatchStar('y'), _ast.MatchValue(one())])))

# A cycle in the tree.
e = _ast.UnaryOp(_ast.Not(), lineno=1, col_offset=0)
e.operand = e
show_error(lambda: compile(_ast.Expression(e), '<cycle>', 'eval'))
