# Rich comparison dunders, reflection and NotImplemented fallbacks.
class A:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print('A.eq', end=' ')
        return isinstance(o, A) and self.v == o.v
    def __lt__(self, o):
        print('A.lt', end=' ')
        return self.v < o.v if isinstance(o, A) else NotImplemented
    def __le__(self, o):
        return self.v <= o.v
    __hash__ = None
class B(A):
    def __gt__(self, o):
        print('B.gt', end=' ')
        return True
print(A(1) == A(1), A(1) != A(2), A(1) < A(2), A(3) <= A(3))
print(A(1) < B(2))
print(A(1) > A(0) if False else 'skip', A(5) == 5)
try:
    A(1) < 5
except TypeError as e:
    print('TypeError:', e)
class N:
    pass
n1, n2 = N(), N()
print(n1 == n1, n1 == n2, n1 != n2)
try:
    n1 < n2
except TypeError as e:
    print('TypeError:', e)
class AlwaysEq:
    def __eq__(self, o):
        return True
print(AlwaysEq() == 5, 5 == AlwaysEq(), AlwaysEq() != 5, [AlwaysEq()] == [1], 1 in [AlwaysEq()])
class NoNe:
    def __eq__(self, o):
        return 'truthy'
print(NoNe() == 1, NoNe() != 1)
import sys
class Ord:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f'Ord({self.v})'
print(sorted([Ord(2), Ord(1)]), max(Ord(1), Ord(3)), min([Ord(5), Ord(4)]), Ord(1) > Ord(0))
