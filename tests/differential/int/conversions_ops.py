# int() from objects with __int__/__index__/__trunc__, and numeric tower mixing.
class I:
    def __index__(self): return 7
class T:
    def __int__(self): return 9
print(int(I()), int(T()), 3 + True, 2 * 1.5, 7 // 2.0, 7 % 2.5, 2 ** 3.0, (1 + 2j) * 2, 1 + 0.5j)
print(isinstance(1, int), int.__mro__, (255).__format__('x'), (12).__sizeof__() > 0, int('0') is not None)
print([i * i for i in range(-3, 4)], [-i // 2 for i in range(5)], [i % -3 for i in range(5)])
