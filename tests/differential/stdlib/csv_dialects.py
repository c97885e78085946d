# _csv.Dialect and the dialect registry; the csv module layer on top
# (DictReader, DictWriter, Sniffer, excel/excel_tab/unix_dialect).
import csv, _csv, io
def t(f, *a, **k):
    try:
        r = f(*a, **k)
        if isinstance(r, _csv.Dialect):
            r = (r.delimiter, r.doublequote, r.escapechar, r.lineterminator, r.quotechar, r.quoting,
                 r.skipinitialspace, r.strict)
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
print(_csv.__version__, _csv.QUOTE_MINIMAL, _csv.QUOTE_ALL, _csv.QUOTE_NONNUMERIC, _csv.QUOTE_NONE,
      _csv.Error.__module__, issubclass(_csv.Error, Exception), csv.Error is _csv.Error)
print(sorted(k for k in vars(_csv) if not k.startswith('__')))
D = _csv.Dialect
t(D); t(D, 'excel'); t(D, 'nope'); t(D, delimiter=';'); t(D, delimiter=''); t(D, delimiter='ab'); t(D, delimiter=5)
t(D, delimiter=None); t(D, quotechar=None); t(D, quotechar=None, quoting=0); t(D, quotechar=''); t(D, quotechar=5)
t(D, escapechar='\\'); t(D, escapechar=5); t(D, escapechar='ab'); t(D, lineterminator=None); t(D, lineterminator=5)
t(D, lineterminator=''); t(D, quoting=5); t(D, quoting='1'); t(D, quoting=1.0); t(D, quoting=True); t(D, quoting=2**40)
t(D, quoting=-1); t(D, doublequote=0); t(D, strict=[1]); t(D, skipinitialspace='x'); t(D, bogus=1); t(D, 'excel', 'x')
t(D, 'excel', ';', 0, '\\', '\n', "'", 1, 1, 1); t(D, 'excel', ';', 0, '\\', '\n', "'", 1, 1, 1, 1)
t(D, 'excel', delimiter=';'); t(D, None, delimiter='|'); t(D, 'excel', 'x', delimiter='y')
class My:
    delimiter = ';'
    quotechar = "'"
    quoting = csv.QUOTE_ALL
class NoQuote:
    quotechar = None
class Broken:
    @property
    def delimiter(self): raise RuntimeError('x')
t(D, My); t(D, My()); t(D, My, delimiter='|'); t(D, csv.excel_tab); t(D, 5); t(D, NoQuote); t(D, Broken())
d = D(delimiter=';')
print(D(d) is d, D(d, strict=True) is d, D(d, delimiter=';') is d, D(d).delimiter)
t(setattr, d, 'foo', 1); t(d.__reduce_ex__, 2)
import pickle
t(pickle.dumps, d)
class SubD(_csv.Dialect):
    pass
s = SubD(delimiter='#')
print(type(s).__name__, s.delimiter, D(s) is s)
t(_csv.register_dialect); t(_csv.register_dialect, 5); t(_csv.register_dialect, 'x', 'y', 'z')
t(_csv.register_dialect, 'mine', delimiter='|'); t(_csv.register_dialect, 'mine2', 'mine', quoting=csv.QUOTE_ALL)
t(_csv.register_dialect, 'bad', delimiter='ab')
print(sorted(_csv.list_dialects()))
t(_csv.get_dialect, 'mine'); t(_csv.get_dialect, 'mine2'); t(_csv.get_dialect, 'nope'); t(_csv.get_dialect, [])
t(_csv.get_dialect); t(_csv.get_dialect, name='mine'); t(_csv.unregister_dialect, 'nope'); t(_csv.unregister_dialect, 'mine')
t(_csv.unregister_dialect, []); t(_csv.unregister_dialect, name='mine2'); t(_csv.list_dialects, 1)
print(sorted(_csv.list_dialects()))
t(_csv.field_size_limit); t(_csv.field_size_limit, 10); t(_csv.field_size_limit); t(_csv.field_size_limit, 'x')
t(_csv.field_size_limit, 2**70); t(_csv.field_size_limit, new_limit=131072); t(_csv.field_size_limit, 1, 2)
t(_csv.field_size_limit, True); t(_csv.field_size_limit, limit=3); t(_csv.field_size_limit)
for name in ['excel', 'excel-tab', 'unix']:
    t(csv.get_dialect, name)
# csv module layer
data = 'name,age\r\nalice,30\r\n"bob, jr",4\r\n'
for row in csv.DictReader(io.StringIO(data)):
    print(sorted(row.items()))
out = io.StringIO()
w = csv.DictWriter(out, fieldnames=['x', 'y'], extrasaction='ignore')
w.writeheader(); w.writerow({'x': 1, 'y': 'a,b', 'z': 9}); w.writerows([{'x': 2}, {'y': 3}])
print(repr(out.getvalue()))
try:
    csv.DictWriter(io.StringIO(), ['x']).writerow({'q': 1})
except ValueError as e:
    print('ValueError', e)
dr = csv.DictReader(io.StringIO('a,b\n1,2,3\n4\n'), restkey='rest', restval='-')
print([sorted(r.items()) for r in dr], dr.fieldnames, dr.line_num)
sn = csv.Sniffer()
dia = sn.sniff('a;b;c\n1;2;3\n4;5;6\n')
print(dia.delimiter, repr(dia.quotechar), dia.doublequote, dia.skipinitialspace)
print(sn.has_header('name,age\nalice,30\nbob,40\n'))
class MyDialect(csv.Dialect):
    delimiter = ':'
    quotechar = '"'
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL
csv.register_dialect('colon', MyDialect)
out = io.StringIO(); csv.writer(out, 'colon').writerow(['a:b', 'c']); print(repr(out.getvalue()))
print(list(csv.reader(['a:"b:c"'], dialect='colon')))
try:
    class BadD(csv.Dialect):
        delimiter = ''
        quotechar = '"'
        lineterminator = '\n'
        quoting = 0
    BadD()
except csv.Error as e:
    print('Error', e)
