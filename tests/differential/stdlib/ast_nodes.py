# The _ast node classes: hierarchy, _fields/_attributes/__match_args__,
# class-level None defaults, the AST constructor's rules and messages,
# __reduce__, subclassing.
import _ast
from ast_support import show_error

names = sorted(n for n in dir(_ast) if not n.startswith('_'))
print(len(names), names)
print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)

for n in names:
    c = getattr(_ast, n)
    if not isinstance(c, type):
        continue
    d = c.__dict__
    print(n, c.__module__, c.__qualname__, [b.__name__ for b in c.__mro__],
          d.get('_fields'), d.get('_attributes'), d.get('__match_args__'),
          [k for k, v in d.items() if v is None and not k.startswith('__')])
    print('   ', repr(c.__doc__))

print(type(_ast.AST), repr(_ast.Name), _ast.AST.__name__)
print(issubclass(_ast.Name, _ast.expr), issubclass(_ast.Name, _ast.stmt))
print(isinstance(_ast.Add(), _ast.operator), isinstance(_ast.Load(), _ast.AST))

# Constructor rules.
n = _ast.Name('x', _ast.Load())
print(n.id, type(n.ctx).__name__, sorted(vars(n)))
n = _ast.Name(id='y', ctx=_ast.Store(), lineno=3, extra=5)
print(sorted(vars(n)), n.id, n.lineno, n.extra)
show_error(lambda: _ast.Name('x', _ast.Load(), 3))
show_error(lambda: _ast.Name('x', id='y'))
show_error(lambda: _ast.Pass(1))
show_error(lambda: _ast.AST(1))
show_error(lambda: _ast.Load(1))
show_error(lambda: _ast.BinOp(1, 2, 3, 4))
show_error(lambda: _ast.Constant(1, None, 2))
print(_ast.Name('x', ctx=5).ctx, _ast.Name(ctx=5).ctx)

# Missing fields: absent, except optional ones (None on the class).
e = _ast.Name()
show_error(lambda: e.id)
show_error(lambda: e.lineno)
print(e.end_lineno, e.end_col_offset, _ast.Return().value, _ast.Constant().kind)
print(_ast.arguments().vararg, _ast.ImportFrom().level, _ast.keyword().arg)
show_error(lambda: _ast.alias().name)
show_error(lambda: _ast.MatchAs().pattern)
show_error(lambda: _ast.MatchValue().lineno)

# __reduce__ and vars.
print(_ast.Name('x').__reduce__())
print(_ast.AST().__reduce__())
a = _ast.AST()
a.foo = 1
print(a.__reduce__())
m = _ast.Module([_ast.Pass()], [])
r = m.__reduce__()
print(r[0] is _ast.Module, r[1], sorted(r[2]))

# Subclasses with their own _fields.
class N(_ast.Name):
    _fields = ('a', 'b', 'c')

print(sorted(vars(N(1, 2, 3)).items()))
show_error(lambda: N(1, 2, 3, 4))


class Q(_ast.AST):
    pass


q = Q()
q.x = 1
print(vars(q), Q._fields, isinstance(q, _ast.AST))
show_error(lambda: Q(1))

# Fields can be written and deleted.
n = _ast.Name('x', _ast.Load())
n.id = 'z'
del n.ctx
print(n.id, hasattr(n, 'ctx'))
