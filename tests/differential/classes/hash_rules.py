# __hash__ rules: __eq__ without __hash__ makes unhashable; inheritance.
class Plain: pass
class EqOnly:
    def __eq__(self, o): return True
class Both:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, Both) and self.v == o.v
    def __hash__(self): return hash(self.v)
class Child(Both):
    def __eq__(self, o): return False
class ChildKeep(Both):
    pass
print(Plain.__hash__ is not None, EqOnly.__hash__, Child.__hash__, ChildKeep.__hash__ is Both.__hash__)
for cls in [EqOnly, Child]:
    try:
        hash(cls() if cls is EqOnly else cls(1))
    except TypeError as e:
        print('TypeError:', e)
print(len({Both(1), Both(1), Both(2)}), {Both(3): 'x'}[Both(3)])
class BadHash:
    def __hash__(self): return 'nope'
try:
    hash(BadHash())
except TypeError as e:
    print('TypeError:', e)
class BigHash:
    def __hash__(self): return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100), hash(-1), hash(-2), hash(1.5), hash(None) is not None)
class Unh:
    __hash__ = None
try:
    {Unh()}
except TypeError as e:
    print('TypeError:', e)
print(isinstance(Unh(), object), hash((1, 2.0)) == hash((1, 2)))
