# __repr__, __str__, __format__, and their fallbacks.
class R:
    def __repr__(self): return 'R()'
class S:
    def __str__(self): return 'S-str'
    def __repr__(self): return 'S-repr'
class F:
    def __format__(self, spec): return f'F[{spec}]'
    def __repr__(self): return 'F'
print(R(), str(R()), repr(R()), [R()], f'{R()}', '%s %r' % (R(), R()))
print(S(), str(S()), repr(S()), [S()], f'{S()} {S()!r}', '{}'.format(S()), format(S()))
print(format(F(), 'xyz'), f'{F():>5}', '{:q}'.format(F()), str(F()))
try:
    format(R(), 'x')
except TypeError as e:
    print('TypeError:', e)
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print('TypeError:', e)
class BadStr:
    def __str__(self): return None
try:
    str(BadStr())
except TypeError as e:
    print('TypeError:', e)
class MyStr(str):
    def __str__(self): return 'custom'
print(str(MyStr('x')), repr(MyStr('x')), MyStr('x') + '!')
print(repr(int), repr(type), repr(None), repr(...), repr(NotImplemented), str(object), repr(len))
class Cls: pass
print(repr(Cls).replace(__name__, 'M'), Cls.__name__, Cls.__module__, type(Cls()).__qualname__)
