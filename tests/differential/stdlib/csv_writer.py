# _csv.writer: quoting styles, doublequote, escapechar, lineterminator,
# None and non-str fields, empty records, writerows, errors.
import csv, io
def wr(rows, *a, **kw):
    s = io.StringIO()
    try:
        w = csv.writer(s, *a, **kw)
        for r in rows:
            res = w.writerow(r)
        print(repr(s.getvalue()), res)
    except Exception as e:
        print(type(e).__name__, e, repr(s.getvalue()))
rows = [['a', 'b c', 'd,e', 'f"g', 'h\ni', 'j\rk', '', None, 1, 2.5, True, -0.0, 1j, 10**20]]
for kw in [{}, dict(quoting=csv.QUOTE_ALL), dict(quoting=csv.QUOTE_NONNUMERIC), dict(quoting=csv.QUOTE_MINIMAL),
           dict(quoting=csv.QUOTE_NONE, escapechar='\\'), dict(doublequote=False, escapechar='\\'),
           dict(delimiter=';', quotechar="'"), dict(lineterminator='\n'), dict(lineterminator='|'),
           dict(escapechar='\\'), dict(delimiter='\t'), dict(quotechar='"', quoting=csv.QUOTE_ALL, lineterminator='')]:
    print(kw)
    wr(rows, **kw)
    wr([[''], [None], [], ['', ''], ['x\\y'], ['it"s']], **kw)
wr([['a"b']], doublequote=False)
wr([['a,b']], quoting=csv.QUOTE_NONE)
wr([['']], quoting=csv.QUOTE_NONE)
wr([[None]], quoting=csv.QUOTE_NONE)
wr([5]); wr(['abc']); wr([iter(['x', 'y'])]); wr([('t', 'u')]); wr([range(3)]); wr([{'k': 1}])
class Num:
    def __float__(self): return 1.0
    def __str__(self): return 'NUM'
class Bad:
    def __str__(self): raise ValueError('no str')
wr([[Num(), 'x']], quoting=csv.QUOTE_NONNUMERIC)
wr([['x', Bad()]])
from decimal import Decimal
from fractions import Fraction
wr([[Decimal('1.5'), Fraction(1, 3), 'y']], quoting=csv.QUOTE_NONNUMERIC)
s = io.StringIO()
w = csv.writer(s)
print(w.writerows([['a', 1], ('b', 2)]), repr(s.getvalue()))
for bad in [lambda: w.writerows(5), lambda: w.writerow(), lambda: w.writerow(1, 2), lambda: csv.writer(),
            lambda: csv.writer(5), lambda: csv.writer(io.StringIO(), 'nope'), lambda: csv.writer(io.StringIO(), bogus=1),
            lambda: w.writerows([['a'], 5])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(type(w).__name__, w.dialect.lineterminator == '\r\n')
class F:
    def __init__(self): self.parts = []
    def write(self, x):
        self.parts.append(x)
        return len(x) * 10
f = F()
print(csv.writer(f).writerow(['a', 'b']), f.parts)
