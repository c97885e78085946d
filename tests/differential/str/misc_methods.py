# translate/maketrans, multiplication, comparison, misc.
t = str.maketrans('abc', 'xyz', 'd')
print(t, 'abcdabcd'.translate(t), 'hello'.translate({ord('l'): None, ord('h'): 'J'}))
print(str.maketrans({'a': '1', 'b': None}), 'abc'.translate(str.maketrans({'a': '1', 'b': None})))
try:
    str.maketrans('ab', 'x')
except ValueError as e:
    print('ValueError:', e)
print('ab' * 3, 3 * 'x', 'ab' * 0, 'ab' * -2, '-' * 10)
print('a' < 'b', 'abc' < 'abd', 'Z' < 'a', 'é' > 'z', '' < 'a', 'abc' == 'abc', 'ab' < 'abc')
print(min('hello'), max('hello'), sorted('hello'), list('abc'), tuple('ab'), set('aa'))
print(len('日本語'), ord('日'), chr(26085), str(), str(123), str([1, 'a']), str(None))
print('abc'.__len__(), 'abc'.__contains__('b'), 'abc'.__getitem__(1), 'a'.__add__('b'), 'a'.__mul__(3))
try:
    'a' + 1
except TypeError as e:
    print('TypeError:', e)
try:
    'a' * 1.5
except TypeError as e:
    print('TypeError:', e)
print(hash('') == hash(''), 'abc'.__hash__() == hash('abc'), str.__name__, 'x'.__class__.__name__)
class S(str):
    def shout(self):
        return self.upper() + '!'
s = S('hey')
print(s.shout(), s + 'x', type(s + 'x').__name__, repr(s), s == 'hey', isinstance(s, str))
