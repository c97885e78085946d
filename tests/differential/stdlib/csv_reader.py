# _csv.reader: the parsing state machine (quoting, doublequote, escapechar,
# skipinitialspace, strict, newlines inside and outside quotes, NUL,
# QUOTE_NONNUMERIC, QUOTE_NONE), line_num, field_size_limit and errors.
import csv, _csv
def rd(lines, *a, **kw):
    r = None
    try:
        r = csv.reader(lines, *a, **kw)
        out = [row for row in r]
        print(repr(out), r.line_num)
    except Exception as e:
        print(type(e).__name__, e, r.line_num if r is not None else '-')
cases = [
    ['a,b,c'], ['a,b,c\r\n', 'd,e\r\n'], [''], ['\r\n'], ['\n'], [',', ',,'], ['a, b,  c'],
    ['"a,b",c'], ['"a""b",c'], ['"a"b,c'], ['"a" ,b'], ['a"b"c,d'], ['"a\nb"'], ['"a\n', 'b"'],
    ['"a\r\n', 'b"\r\n', 'c\r\n'], ['"unterminated'], ['"a",'], ['a\0b,\0'], ['a\rb'], ['a\nb'],
    ['a\r', 'b'], ['x\r\n\r\n'], ['"a"\r'], ['"a"\n', 'b'], ['  "a"  ,b'], ['""'], ['"",""'],
    ['a,"b'], ['"a""'], ['\t\t'], ['1,2,3', '4,5,6', '7,8,9'],
]
for c in cases:
    rd(c)
for kw in [dict(skipinitialspace=True), dict(strict=True), dict(doublequote=False), dict(escapechar='\\'),
           dict(quoting=csv.QUOTE_NONE), dict(quoting=csv.QUOTE_NONE, escapechar='\\'), dict(quotechar="'"),
           dict(delimiter=';'), dict(delimiter='\t', quotechar=None), dict(quoting=csv.QUOTE_ALL),
           dict(escapechar='\\', doublequote=False), dict(delimiter=' ', skipinitialspace=True)]:
    print(kw)
    for c in [['a, "b,c", d'], ['"a""b"'], ['"a\\"b",c'], ['a\\,b,c\\\n', 'd'], ["'x,y',z"], ['a;b,c'],
              ['a\tb "c"'], ['"a"x'], ['"a" b'], ['a\\'], ['"a\\'], ['a  b   c'], ['"x"\\y']]:
        rd(c, **kw)
rd(['1,2.5,"x",-3e5, 4'], quoting=csv.QUOTE_NONNUMERIC)
rd(['1,abc'], quoting=csv.QUOTE_NONNUMERIC)
rd(['1,,2'], quoting=csv.QUOTE_NONNUMERIC)
rd(['nan,inf,"1"'], quoting=csv.QUOTE_NONNUMERIC)
rd([b'a,b'])
rd([1])
rd(5)
rd(['a,b'], 'excel-tab'); rd(['a\tb'], 'excel-tab'); rd(['a,b'], 'nope'); rd(['a|b'], csv.excel, delimiter='|')
def gen():
    yield 'a,b'
    raise KeyError('boom')
rd(gen())
print(csv.field_size_limit(), csv.field_size_limit(5))
rd(['abcde,abcdef'])
rd(['"abcdef"'])
print(csv.field_size_limit(131072))
r = csv.reader(['a,"b', 'c"', 'd'])
print(r.line_num, next(r), r.line_num, next(r), r.line_num)
try:
    next(r)
except StopIteration:
    print('stop', r.line_num)
print(type(r).__name__, type(r.dialect).__name__, r.dialect.delimiter, iter(r) is r)
try:
    r.line_num = 3
except AttributeError as e:
    print('AttributeError', e)
