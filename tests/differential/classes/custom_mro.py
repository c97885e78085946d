# A metaclass's mro() decides __mro__; it runs after __class__ is set and before __mro__ exists


class A:
    def f(self):
        return "A"


class B(A):
    pass


class C(A):
    def f(self):
        return "C"


class D(B, C):
    pass


class Perverse(type):
    def mro(cls):
        seen.append(cls.__mro__)
        L = type.mro(cls)
        L.reverse()
        return L


seen = []


class X(D, B, C, A, metaclass=Perverse):
    pass


print([k.__name__ for k in X.__mro__], X().f(), seen, [k.__name__ for k in X.mro()])

test_class = None


class Meta(type):
    def mro(self):
        self.__dict__["f"]()
        return super().mro()


class Y(metaclass=Meta):
    def f():
        global test_class
        test_class = __class__


print(test_class is Y)


class Bad(type):
    def mro(self):
        return [self, dict, object]


try:
    class Z(metaclass=Bad):
        pass
except TypeError as e:
    print("TypeError:", e)


class NotClass(type):
    def mro(self):
        return [self, 1]


try:
    class W(metaclass=NotClass):
        pass
except TypeError as e:
    print("TypeError:", e)


class Incomplete(type):
    def mro(cls):
        if cls.__mro__ is None and cls.__name__ != "Inner":
            try:
                class Inner(cls):
                    pass
            except TypeError as e:
                print("TypeError:", e)
        return type.mro(cls)


class Outer(metaclass=Incomplete):
    pass
