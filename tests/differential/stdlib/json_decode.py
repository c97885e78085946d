# _json's scanner and scanstring (the C-accelerated decoding path of
# json.loads): values, hooks, key memo, positions of every error, and the
# StopIteration(idx) protocol of the scanner object.
import json, _json
from json import decoder, scanner
print(scanner.make_scanner is _json.make_scanner, decoder.scanstring is _json.scanstring)
def t(f):
    try:
        print(repr(f()))
    except BaseException as e:
        print(type(e).__name__, e, getattr(e, 'pos', None), getattr(e, 'lineno', None), getattr(e, 'colno', None))
docs = ['null', 'true', 'false', '0', '-0', '-0.0', '12', '-12', '1.5', '1e5', '1E+2', '1.5e-3',
        '12345678901234567890123', '1E400', '-1e400', 'NaN', 'Infinity', '-Infinity', '"abc"',
        '"\\u00e9\\n\\t\\"\\\\\\/\\b\\f\\r"', '"\\ud83d\\ude00"', '"\\ud800"', '"\\udc00\\ud800x"',
        '[]', '[ ]', '{}', '{ }', '[1, [2, [3, {}]]]', '{"a": {"b": [true, null]}, "c": "d"}',
        ' \t\n\r[1 ,2 , 3 ] ', '{"é": "ü", "日本": ["語"]}', '"\U0001f600"',
        '', ' ', 'x', '-', '-x', '1.', '.5', '01', '1.5e', '1.5e+', '1ee5', '[1,', '[1', '[', '{', '{"a"',
        '{"a":', '{"a":1,}', '[1,]', '[1 2]', '{"a" 1}', '{"a":1 "b":2}', '{1: 2}', 'nul', 'tru',
        'fals', 'n', '"abc', '"\\', '"\\q"', '"\\u12"', '"\\u12zz"', '"\\ud834\\u12zz"', '"a\x01b"',
        '[1] x', '{"a": 1}{', '\ufeff[1]', 'é[1]', '["é", 1 2]', '\n\n  [1,\n  2 x]']
for d in docs:
    t(lambda: json.loads(d))
sc = scanner.make_scanner(decoder.JSONDecoder())
print(type(sc).__name__, sc.strict, sc.object_hook, sc.object_pairs_hook, sc.parse_float, sc.parse_int)
for s, i in [('[1]', 0), ('xx[1]', 2), ('éé[1, "ü"] ', 2), ('éé[1, x]', 2), ('1', 1), ('1', 5), ('1', -1),
             ('  1', 0), ('-', 0), ('"abc"', 0)]:
    t(lambda: sc(s, i))
t(lambda: sc(string='true', idx=0))
t(lambda: sc(b'[]', 0))
t(lambda: sc('[]'))
t(lambda: sc('[]', '0'))
t(lambda: scanner.make_scanner(1))
t(lambda: scanner.make_scanner())
for s, e in [('"abc"', 1), ('abc"', 0), ('ab"c', 1), ('"x"', 3), ('"x"', 4), ('"x"', -1), ('ééé"é\\n\\té"é', 4),
             ('"a\x01"', 1), ('"\\ud834x"', 1), ('"\\ud834\\udd20"', 1)]:
    t(lambda: _json.scanstring(s, e))
t(lambda: _json.scanstring('"a\x01"', 1, 0))
t(lambda: _json.scanstring('"a\x01"', 1, 2**40))
t(lambda: _json.scanstring('"a\x01"', 1, 1.5))
t(lambda: _json.scanstring('"a"', 1, strict=False))
t(lambda: _json.scanstring(b'"a"', 1))
t(lambda: _json.scanstring('"a"'))
# Hooks.
print(json.loads('{"a": 1.5, "b": [1, 2, -3]}', parse_float=str, parse_int=float))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda s: 'const:' + s))
print(json.loads('{"a": 1, "b": {"c": 2}}', object_pairs_hook=list))
print(json.loads('{"a": 1, "b": {"c": 2}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1}', object_hook=dict.keys, object_pairs_hook=tuple))
print(json.loads('"\x00\x1f"', strict=False) == '\x00\x1f')
from decimal import Decimal
print(json.loads('[1.10, 2]', parse_float=Decimal))
def boom(s):
    raise ZeroDivisionError('hook ' + s)
t(lambda: json.loads('[1, 2.5]', parse_float=boom))
t(lambda: json.loads('[1, 2.5]', parse_int=boom))
t(lambda: json.loads('{"k": 1}', object_hook=boom))
# Repeated keys share one str object.
r = json.loads('[{"key": 1}, {"key": 2}, {"k\\u0065y": 3}]')
print(len({id(next(iter(d))) for d in r}))
# The int/str digit limit applies to parse_int's default.
t(lambda: json.loads('1' * 5000))
print(len(str(json.loads('9' * 4000))))
# Deep nesting is a RecursionError, not a crash.
t(lambda: json.loads('[' * 100000 + ']' * 100000))
t(lambda: json.loads('{"a":' * 100000 + '1' + '}' * 100000))
print(json.loads('[' * 50 + ']' * 50))
