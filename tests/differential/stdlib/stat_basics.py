import stat, _stat, os
print(stat.filemode(0o100644), stat.filemode(0o40755), stat.filemode(0o120777), stat.filemode(0o104755), stat.filemode(0o41777), stat.filemode(0o62755), stat.filemode(0o170777), stat.filemode(0o10600), stat.filemode(0o140600), stat.filemode(0o20620), stat.filemode(0o40000 | 0o1000))
for f in ['S_ISDIR', 'S_ISREG', 'S_ISLNK', 'S_ISBLK', 'S_ISCHR', 'S_ISFIFO', 'S_ISSOCK', 'S_ISDOOR', 'S_ISPORT', 'S_ISWHT']:
    print(f, [getattr(stat, f)(m) for m in (0o40755, 0o100644, 0o120777, 0o60660, 0o20620, 0o10600, 0o140600)])
print(stat.S_IMODE(0o177777), stat.S_IFMT(0o177777), stat.S_IMODE(True))
for v in [1.5, 'x', -1, 2**40, 2**64, None]:
    try: stat.S_ISDIR(v)
    except Exception as e: print(type(e).__name__, e)
    try: stat.filemode(v)
    except Exception as e: print(type(e).__name__, e)
consts = sorted((n, getattr(_stat, n)) for n in dir(_stat) if n.isupper() and isinstance(getattr(_stat, n), int))
print(consts)
print(stat.filemode is _stat.filemode, stat.S_ISDIR is _stat.S_ISDIR)
st = os.stat('.')
print(stat.S_ISDIR(st.st_mode), stat.S_ISDIR(st[stat.ST_MODE]), stat.filemode(st.st_mode)[0])
try: stat.S_ISDIR()
except TypeError as e: print(e)
try: stat.S_ISDIR(1, 2)
except TypeError as e: print(e)
