# except* with nested exception groups
def describe(eg, depth=0):
    pad = "  " * depth
    if isinstance(eg, BaseExceptionGroup):
        print(pad + type(eg).__name__ + ":", eg.message, len(eg.exceptions))
        for sub in eg.exceptions:
            describe(sub, depth + 1)
    else:
        print(pad + repr(eg))

eg = ExceptionGroup("top", [
    ValueError(1),
    TypeError(2),
    ExceptionGroup("nested", [ValueError(3), KeyError(4)]),
])
try:
    raise eg
except* ValueError as g:
    print("ValueError part:")
    describe(g)
except* TypeError as g:
    print("TypeError part:")
    describe(g)
except* KeyError as g:
    print("KeyError part:")
    describe(g)

try:
    try:
        raise ExceptionGroup("partial", [ValueError("a"), OSError("b")])
    except* ValueError:
        print("handled ValueError")
except ExceptionGroup as rest:
    print("unhandled remains:")
    describe(rest)

try:
    raise KeyError("naked")
except* KeyError as g:
    print("naked wrapped:")
    describe(g)

try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        raise TypeError("raised inside except*")
except ExceptionGroup as outer:
    describe(outer)
    print(repr(outer.exceptions[0].__context__))

eg2 = ExceptionGroup("m", [ValueError(1), ValueError(2), TypeError(3)])
match, rest = eg2.split(ValueError)
describe(match); describe(rest)
describe(eg2.subgroup(lambda e: isinstance(e, TypeError)))
print(eg2.subgroup(KeyError))
try:
    ExceptionGroup("x", [])
except ValueError as e:
    print("ValueError:", e)
try:
    ExceptionGroup("x", [1])
except ValueError as e:
    print("ValueError:", e)
b = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(b).__name__)
b2 = BaseExceptionGroup("base", [ValueError()])
print(type(b2).__name__, str(eg2), repr(ExceptionGroup("r", [ValueError(1)])))
try:
    raise ExceptionGroup("only type", [TypeError("t")])
except* (TypeError, ValueError) as g:
    describe(g)
