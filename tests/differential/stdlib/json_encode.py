# _json's encoder and string escapers (the C-accelerated encoding path of
# json.dumps): every option, key conversions, subclasses, separators,
# circular references, default(), errors and deep nesting.
import json, _json
from json import encoder
print(encoder.c_make_encoder is _json.make_encoder, encoder.encode_basestring_ascii is _json.encode_basestring_ascii)
def t(f):
    try:
        print(repr(f()))
    except BaseException as e:
        print(type(e).__name__, e)
for s in ['', 'abc', 'a"b\\c/d', '\x00\x01\x1f\x7f\x80', '\b\f\n\r\t', 'é日本', '\U0001f600', '\ud800', '\udfff\ud800']:
    print(_json.encode_basestring_ascii(s), ascii(_json.encode_basestring(s)))
t(lambda: _json.encode_basestring_ascii(b'x'))
t(lambda: _json.encode_basestring_ascii())
t(lambda: _json.encode_basestring('a', 'b'))
obj = {'a': [1, 2.5, None, True, False, 'é\n', (1, 2)], 'b': {}, 'c': [], 1: 'int', 2.5: 'float',
       None: 'none', True: 'true', False: 'false', -7: 'neg', 10**30: 'big'}
print(json.dumps(obj))
print(json.dumps(obj, ensure_ascii=False))
print(json.dumps(obj, separators=(',', ':')))
print(json.dumps({'b': 1, 'a': 2, 'c': {'z': 0, 'y': 1}}, sort_keys=True))
print(json.dumps([float('nan'), float('inf'), -float('inf'), 1e300, 0.1, -0.0, 1e16, 2**100]))
for bad in [float('nan'), float('inf'), [-float('inf')], {float('nan'): 1}]:
    t(lambda: json.dumps(bad, allow_nan=False))
t(lambda: json.dumps({'a': 1, 1: 'a'}, sort_keys=True))
t(lambda: json.dumps({(1,): 1}))
t(lambda: json.dumps({b'k': 1}))
print(json.dumps({(1,): 1, 'x': 2, b'y': 3}, skipkeys=True))
t(lambda: json.dumps(object()))
t(lambda: json.dumps(1j))
t(lambda: json.dumps(b'bytes'))
print(json.dumps({1, 2, 3}, default=sorted))
print(json.dumps([{1, 2}, frozenset()], default=lambda o: sorted(o)))
print(json.dumps(range(3), default=list))
# Circular references.
l = []; l.append(l)
t(lambda: json.dumps(l))
d = {}; d['x'] = d
t(lambda: json.dumps(d))
class C:
    pass
c = C()
t(lambda: json.dumps(c, default=lambda o: [o]))
t(lambda: json.dumps(c, default=lambda o: [o], check_circular=False))
shared = [1]
print(json.dumps([shared, shared, {'a': shared}]))
# Subclasses encode as their base type.
import enum
class E(enum.IntEnum):
    A = 1
class F(float):
    def __repr__(self): return 'F!'
class I(int):
    def __repr__(self): return 'I!'
class S(str):
    def __repr__(self): return 'S!'
class L(list):
    pass
class T(tuple):
    pass
class D(dict):
    pass
class DI(dict):
    def items(self): return [('z', 1), ('a', 2)]
print(json.dumps([E.A, F(1.5), I(7), S('s'), L([1]), T((2,)), D(k=3), {E.A: 1, I(2): 2, S('k'): 3, F(0.5): 4}]))
print(json.dumps(DI(a=1)), json.dumps(DI(a=1), sort_keys=True))
class Bad(dict):
    def items(self): return [(1, 2, 3)]
t(lambda: json.dumps(Bad(a=1)))
class Bad2(dict):
    def items(self): return 5
t(lambda: json.dumps(Bad2(a=1)))
# Mutation from default().
a = [object()] * 10
def shrink(o):
    del a[-1]
print(json.dumps(a, default=shrink))
# The encoder object.
def enc_str(s):
    return '<' + s + '>'
e = encoder.c_make_encoder(None, str, enc_str, None, '=', ';', True, False, True)
print(e({'b': [1, 'x'], 'a': None}, 0))
print(e.markers, e.default, e.indent, e.key_separator, e.item_separator, e.sort_keys, e.skipkeys)
t(lambda: encoder.c_make_encoder(None, str, lambda s: None, None, ':', ',', False, False, True)('x', 0))
t(lambda: encoder.c_make_encoder(None, str, lambda s: 1 / 0, None, ':', ',', False, False, True)(['x'], 0))
t(lambda: encoder.c_make_encoder(1, None, None, None, ':', ',', False, False, False))
t(lambda: encoder.c_make_encoder(None, None, None, None, 1, ',', False, False, False))
t(lambda: encoder.c_make_encoder(None, None, None, None, ':', ','))
t(lambda: e())
t(lambda: e([1], 'x'))
t(lambda: e(obj=[1], _current_indent_level=0))
class BadBool:
    def __bool__(self):
        1 / 0
for name in ['skipkeys', 'ensure_ascii', 'check_circular', 'allow_nan', 'sort_keys']:
    t(lambda: json.JSONEncoder(**{name: BadBool()}).encode({'a': 1}))
# indent= goes through the pure-Python encoder; the result must agree.
print(json.dumps(obj, indent=2, default=str) == json.dumps(obj, indent=2, default=str))
print(json.loads(json.dumps(obj, default=str)) == json.loads(json.dumps(obj)))
# Deep nesting is a RecursionError, not a crash.
x = []
for i in range(100000):
    x = [x]
t(lambda: json.dumps(x))
y = {}
for i in range(100000):
    y = {'k': y}
t(lambda: json.dumps(y))
print(json.dumps(json.loads('[' * 50 + ']' * 50)))
