import os, stat
base = '/tmp/adder_scandir_%d' % os.getpid()
os.mkdir(base)
os.mkdir(os.path.join(base, 'd'))
with open(os.path.join(base, 'f'), 'w') as fh: fh.write('12345')
os.symlink('f', os.path.join(base, 'lf'))
os.symlink('d', os.path.join(base, 'ld'))
os.symlink('missing', os.path.join(base, 'broken'))
with os.scandir(base) as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.path == os.path.join(base, e.name), e.is_dir(), e.is_dir(follow_symlinks=False),
          e.is_file(), e.is_file(follow_symlinks=False), e.is_symlink(), e.inode() == os.lstat(e.path).st_ino)
    try:
        s = e.stat()
        print('  stat', stat.filemode(s.st_mode)[0], s.st_size if stat.S_ISREG(s.st_mode) else '-')
    except FileNotFoundError as ex:
        print('  stat', type(ex).__name__, ex.filename == e.path)
    print('  lstat', stat.filemode(e.stat(follow_symlinks=False).st_mode)[0])
print(os.fspath(entries[0]) == entries[0].path, isinstance(entries[0], os.DirEntry))
b = sorted(os.scandir(base.encode()), key=lambda e: e.name)
print([e.name for e in b], type(b[0].path).__name__)
it = os.scandir(base)
first = next(it)
it.close()
print(list(it))
it = os.scandir(base)
print(iter(it) is it, len(list(it)))
try:
    os.DirEntry()
except TypeError as ex:
    print(ex)
try:
    entries[0].is_dir(True)
except TypeError as ex:
    print(ex)
try:
    entries[0].stat(bogus=1)
except TypeError as ex:
    print(ex)
print(os.DirEntry[str])
cwd = os.getcwd()
os.chdir(base)
print(sorted(e.path for e in os.scandir()))
print(sorted(e.path for e in os.scandir('d/')))
os.chdir(cwd)
for n in ['lf', 'ld', 'broken', 'f']:
    os.unlink(os.path.join(base, n))
os.rmdir(os.path.join(base, 'd'))
os.rmdir(base)
try:
    os.scandir(base)
except FileNotFoundError as ex:
    print(type(ex).__name__, ex.errno)
