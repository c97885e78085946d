# super: unbound super objects bind through __get__, super subclasses, proxies, argument count


class A:
    def meth(self, a):
        return "A(%r)" % a


class C(A):
    def meth(self, a):
        return "C(%r)" % a + self.__super.meth(a)


C._C__super = super(C)
print(C().meth(3))
print(super(C).__get__(None, C) is C._C__super, super(C).__self__)


class mysuper(super):
    def __init__(self, *args):
        print("init", len(args))
        return super(mysuper, self).__init__(*args)


class D(C):
    def meth(self, a):
        return "D(%r)" % a + mysuper(D, self).meth(a)


print(D().meth(4))


class F(D):
    def meth(self, a):
        s = self.__super
        return "F(%r)[%s]" % (a, type(s).__name__) + s.meth(a)


F._F__super = mysuper(F)
print(F().meth(6))


class Proxy:
    def __init__(self, obj):
        self.__obj = obj

    def __getattribute__(self, name):
        if name.startswith("_Proxy__"):
            return object.__getattribute__(self, name)
        return getattr(self.__obj, name)


class B2:
    def f(self):
        return "B2.f"


class C2(B2):
    def f(self):
        return super(C2, self).f() + "->C2.f"


p = Proxy(C2())
print(C2.__dict__["f"](p))
for args in [(C2, 1), (1, 2), (C2, C2(), 3)]:
    try:
        super(*args)
    except TypeError as e:
        print("TypeError:", e)
