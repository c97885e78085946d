# Comparisons that take shortcuts for builtin values must still defer to
# subclasses that define their own comparison.
class S(str):
    def __eq__(self, o):
        return True
    def __lt__(self, o):
        return True
    __hash__ = str.__hash__

class I(int):
    def __eq__(self, o):
        return True
    __hash__ = int.__hash__

print([S('a')] == ['b'], (S('a'),) == ('b',), ('b',) == (S('a'),))
print((1, S('z')) < (1, 'a'), sorted([S('b'), 'a']))
print((I(1),) == (2,), [I(3)] == [4])
print((1, 'a') < (1, 'b'), (1, 2) < (1, 2, 3), (1, [2]) == (1, [2]))
print((1.5, 2) < (1.5, 3), ('a', 1.0) == ('a', 1))
n = float('nan')
print((n,) == (n,), [n] == [n], n == n)
print(sorted([(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a')]))
print(sorted([(2, 'b'), (1, 'z')], key=lambda t: (t[1], t[0]), reverse=True))
try:
    (1, 'a') < (1, 2)
except TypeError as e:
    print('TypeError', e)
t = ()
for i in range(50):
    t = (t, i)
print(t < (t, 0), t == t)
