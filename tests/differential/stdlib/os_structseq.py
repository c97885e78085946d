# Struct sequences: os.stat_result, os.terminal_size, time.struct_time, ...
import os, time, pwd, resource, copy
st = os.stat_result(range(10))
print(repr(st), st.st_atime, st.st_atime_ns, st.st_blksize)
print(st.__reduce__())
print(os.stat_result.n_sequence_fields, os.stat_result.n_fields, os.stat_result.n_unnamed_fields, os.stat_result.__match_args__)
print(type(os.stat_result.st_mode).__name__, os.stat_result.__mro__, os.stat_result.__module__, os.stat_result.__name__)
print(os.stat_result.__doc__.splitlines()[0])
try:
    class A(os.stat_result): pass
except TypeError as e: print(e)
for args in [(range(9),), (range(20),), (5,), (range(10), 5), (range(10), {'st_atime': 1.5}), ([1]*10, None), ('abcdefghij',), (), ((1, 2, 3),)]:
    try: print(os.stat_result(*args).st_atime)
    except TypeError as e: print('TypeError', e)
for kw in [{'sequence': range(10)}, {'dic': {}}, {'sequence': range(10), 'dict': {'st_rdev': 7}}]:
    try: print(os.stat_result(**kw).st_rdev)
    except TypeError as e: print('TypeError', e)
try: os.stat_result(range(10), sequence=range(10))
except TypeError as e: print(e)
try: os.stat_result(1, 2, 3)
except TypeError as e: print(e)
for f in [lambda: setattr(st, 'st_mode', 1), lambda: setattr(st, 'foo', 1), lambda: delattr(st, 'st_mode'), lambda: st.nope]:
    try: f()
    except AttributeError as e: print(e)
print(st == tuple(range(10)), hash(st) == hash(tuple(range(10))), st[7], st[-1], len(st), st[1:3], st + (1,), list(st)[:3], 7 in st, st.count(3), st.index(4))
print(isinstance(st, tuple), type(st) is os.stat_result)
s2 = os.stat_result(range(10), {'st_rdev': 99, 'st_atime': 2.5})
print(s2.st_rdev, s2.st_atime, s2.st_ctime)
r = s2.__reduce__(); p = r[0](*r[1])
print(p == s2, p.st_rdev, p.st_atime, type(p).__name__)
c = copy.copy(s2); print(c.st_rdev, c == s2)
print(os.terminal_size((80, 24)), os.terminal_size((80, 24)).columns, os.terminal_size.__match_args__)
try: os.terminal_size((1, 2, 3))
except TypeError as e: print(e)
match os.terminal_size((3, 4)):
    case os.terminal_size(columns=c, lines=l): print('matched', c, l)
match time.struct_time((2024, 1, 2, 3, 4, 5, 6, 7, 0)):
    case time.struct_time(tm_year=y, tm_mon=m): print('matched', y, m)
t = time.struct_time((2024, 1, 2, 3, 4, 5, 6, 7, 0), {'tm_zone': 'ABC', 'tm_gmtoff': 60})
print(t, t.tm_zone, t.tm_gmtoff, t.__reduce__())
print(pwd.struct_passwd(('n', 'p', 1, 2, 'g', '/d', '/s')), pwd.struct_passwd.n_fields)
print(resource.struct_rusage(range(16)).ru_nivcsw)
u = os.uname_result(('a', 'b', 'c', 'd', 'e')); print(u, u.machine, type(u).__module__)
tr = os.times_result((1.0, 2.0, 3.0, 4.0, 5.0)); print(tr, tr.elapsed)
print(sorted(k for k in vars(os.stat_result) if not k.startswith('__')))
print(os.statvfs_result(range(10)), os.statvfs_result(range(11)).f_fsid)
