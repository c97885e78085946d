# C3 linearisation and the TypeError for an inconsistent MRO.
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
print([c.__name__ for c in Z.__mro__])
print([c.__name__ for c in Z.mro()], Z.__bases__ == (K1, K2, K3), O.__bases__, object.__bases__)
class X: pass
class Y: pass
class XY(X, Y): pass
class YX(Y, X): pass
try:
    class Bad(XY, YX): pass
except TypeError as e:
    print('TypeError:', e)
try:
    class Dup(X, X): pass
except TypeError as e:
    print('TypeError:', e)
try:
    class Order(object, X): pass
except TypeError as e:
    print('TypeError:', e)
class Base:
    def who(self):
        return 'Base'
class L(Base):
    def who(self):
        return 'L>' + super().who()
class R(Base):
    def who(self):
        return 'R>' + super().who()
class LR(L, R): pass
print(LR().who(), [c.__name__ for c in LR.__mro__])
print(issubclass(LR, Base), isinstance(LR(), R), LR.__base__.__name__, type.mro(LR) == list(LR.__mro__))
