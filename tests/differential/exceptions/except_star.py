# ExceptionGroup and except*.
eg = ExceptionGroup('group', [ValueError('v1'), TypeError('t1'), ValueError('v2')])
print(eg, repr(eg), eg.message, len(eg.exceptions), type(eg).__name__)
try:
    raise eg
except* ValueError as g:
    print('ValueError group:', repr(g), [str(e) for e in g.exceptions])
except* TypeError as g:
    print('TypeError group:', repr(g))
try:
    try:
        raise ExceptionGroup('outer', [KeyError('k'), ExceptionGroup('inner', [ValueError('deep')])])
    except* ValueError as g:
        print('got', repr(g))
except ExceptionGroup as rest:
    print('rest', repr(rest))
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(TypeError)), eg.subgroup(KeyError))
print(repr(eg.subgroup(lambda e: str(e).endswith('2'))))
try:
    raise ValueError('naked')
except* ValueError as g:
    print('naked wrapped:', repr(g))
print(type(BaseExceptionGroup('b', [KeyboardInterrupt()])).__name__, type(BaseExceptionGroup('b', [ValueError()])).__name__)
for bad in [lambda: ExceptionGroup('x', []), lambda: ExceptionGroup('x', [1]), lambda: ExceptionGroup('x', [KeyboardInterrupt()])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
d = eg.derive([KeyError('new')])
print(repr(d))
