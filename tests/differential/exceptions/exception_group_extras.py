# ExceptionGroup: generic alias, notes copied on split (only when a
# sequence), RecursionError for very deep nesting.
import types

print(ExceptionGroup[ValueError] == types.GenericAlias(ExceptionGroup, (ValueError,)))
eg = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
eg.__notes__ = ["note1"]
m, r = eg.split(ValueError)
print(m.__notes__, r.__notes__, m.__notes__ is eg.__notes__)
eg.__notes__ = 42
m, r = eg.split(ValueError)
print(hasattr(m, "__notes__"), hasattr(r, "__notes__"))

e = TypeError(1)
for i in range(5000):
    e = ExceptionGroup("eg", [e])
for op in (e.split, e.subgroup):
    try:
        op(TypeError)
    except RecursionError:
        print("RecursionError")
