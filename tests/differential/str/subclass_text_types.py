# Subclasses of str, bytes and bytearray: construction with the subclass,
# inherited methods returning exact base types, dunders reached via super(),
# and user __format__/__str__ overrides inside str.format and %.
class S(str):
    def shout(self):
        return self.upper() + '!'
class B(bytes):
    pass
class BA(bytearray):
    pass
s = S('hey')
print(s, type(s).__name__, s.shout(), type(s.upper()).__name__, type(s + 'x').__name__, type(s[0:2]).__name__, repr(s))
print(s == 'hey', 'hey' == s, hash(s) == hash('hey'), s in {'hey': 1}, len(s), list(s), s * 2, 'e' in s, s < 'z')
print(type(str(s)).__name__, type(s.__str__()).__name__, type(S()).__name__, repr(S()), S(b'ab', 'ascii'), S(42))
print(str.__add__(s, '!'), str.__mul__(s, 2), str.__getitem__(s, 1), str.__len__(s), str.__contains__(s, 'e'), str.__eq__(s, 'hey'))
print(str.__lt__(s, 'a'), str.__hash__(s) == hash('hey'), str.__repr__(s), str.__mod__(S('%s-%s'), (1, 2)), str.upper(s), str.join(S(','), 'ab'))
b = B(b'xy')
print(b, type(b).__name__, type(b.upper()).__name__, type(b[0:1]).__name__, b[0], b + b'!', B([65, 66]), B(3), B('é', 'utf-8'), type(B.fromhex('41')).__name__)
ba = BA(b'ab')
ba.append(99)
print(ba, type(ba).__name__, type(ba.upper()).__name__, type(BA.fromhex('41')).__name__, len(ba), ba == b'abc')
class Up(str):
    def __str__(self):
        return 'UP:' + self.upper()
    def __format__(self, spec):
        return '<' + spec + '>'
u = Up('q')
print(str(u), '%s' % u, '{}'.format(u), '{:xyz}'.format(u), f'{u:abc}', format(u, '!'), '{!s}'.format(u), '{!r}'.format(u))
class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        return ('$' + format(self.v, spec or '.2f'))
    def __repr__(self):
        return 'Money(%r)' % self.v
m = Money(3.14159)
print('{}'.format(m), '{:.1f}'.format(m), '{0!r}'.format(m), '%s|%r' % (m, m), '{m.v:.3}'.format(m=m), format(m, '>8'))
class I(int):
    pass
class F(float):
    pass
print(format(I(255), 'x'), '{:>5}'.format(I(7)), '%d %x' % (I(10), I(255)), format(F(2.5), '.2f'), '%.1f' % F(1.25), (7).__format__('b'))
class NoFmt:
    pass
try:
    format(NoFmt(), 'x')
except TypeError as e:
    print(e)
print(format(NoFmt(), '') .startswith('<'), '{}'.format(NoFmt()).startswith('<__main__.NoFmt object'))
