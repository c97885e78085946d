# bool: values, arithmetic, repr, truthiness of many objects.
print(True, False, repr(True), str(False), int(True), float(False))
print(True + True, True * 10, -True, ~True, True / 2, True // 2, True ** 2)
print(True and 0, 0 or 'x', not [], not [0], bool(''), bool(' '), bool(0.0), bool(-0.0), bool(0j))
print(bool(None), bool(()), bool({}), bool(set()), bool(range(0)), bool(range(1)), bool(b''))
print(isinstance(True, int), type(True), bool.__mro__, bool.__name__)
print(True == 1, False == 0, True is True, hash(True), hash(False), {True: 'a', 1: 'b'})
print(True & True, True | False, True ^ True, format(True, 'd'), format(False, ''), f'{True}')
try:
    class B(bool):
        pass
except TypeError as e:
    print('TypeError:', e)
class T:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 0
class Bad:
    def __bool__(self):
        return 1
print(bool(T()), bool(L()), not T(), 'yes' if L() else 'no')
try:
    bool(Bad())
except TypeError as e:
    print('TypeError:', e)
print(sum([True, True, False]), max(False, True), sorted([True, False, True]))
print(bool(), bool(x=1) if False else bool(1))
