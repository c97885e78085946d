# shutil, tempfile, glob, fnmatch, pathlib and os.walk/makedirs over posix.
import os, shutil, tempfile, glob, fnmatch, pathlib, stat

base = tempfile.mkdtemp(prefix='adder_hl_')
print(os.path.isdir(base), os.path.basename(base).startswith('adder_hl_'))
os.makedirs(os.path.join(base, 'a', 'b', 'c'))
os.makedirs(os.path.join(base, 'a', 'b', 'c'), exist_ok=True)
try:
    os.makedirs(os.path.join(base, 'a'))
except FileExistsError as e:
    print('FileExistsError', e.errno)
for name in ['a/x.txt', 'a/b/y.py', 'a/b/c/z.py', 'top.py']:
    with open(os.path.join(base, name), 'w') as f:
        f.write(name * 3)
rel = lambda p: os.path.relpath(p, base)
print(sorted(rel(p) for p in glob.glob(os.path.join(base, '**', '*.py'), recursive=True)))
print(sorted(rel(p) for p in glob.glob(os.path.join(base, 'a', '*'))))
print(fnmatch.filter(['x.py', 'y.txt', 'z.py'], '*.py'))
walked = []
for root, dirs, files in os.walk(base):
    dirs.sort()
    walked.append((rel(root), sorted(files)))
print(walked)
walked = [(rel(r), sorted(d), sorted(f)) for r, d, f in os.walk(base, topdown=False)]
print(sorted(walked))
shutil.copy(os.path.join(base, 'top.py'), os.path.join(base, 'copy.py'))
print(open(os.path.join(base, 'copy.py')).read())
shutil.copytree(os.path.join(base, 'a'), os.path.join(base, 'a2'))
print(sorted(rel(p) for p in glob.glob(os.path.join(base, 'a2', '**'), recursive=True)))
shutil.move(os.path.join(base, 'a2'), os.path.join(base, 'a3'))
print(os.path.exists(os.path.join(base, 'a2')), os.path.isdir(os.path.join(base, 'a3', 'b')))
p = pathlib.Path(base)
print(sorted(x.name for x in p.iterdir()))
print(sorted(str(x.relative_to(p)) for x in p.rglob('*.py')))
q = p / 'new.txt'
q.write_text('hello\n')
print(q.read_text(), q.exists(), q.is_file(), q.stat().st_size, q.suffix, q.stem)
q.rename(p / 'renamed.txt')
print((p / 'renamed.txt').exists(), q.exists())
(p / 'renamed.txt').unlink()
(p / 'emptydir').mkdir()
(p / 'emptydir').rmdir()
print(stat.S_ISDIR(p.stat().st_mode), oct(stat.S_IMODE(p.stat().st_mode)))
with tempfile.NamedTemporaryFile(dir=base, suffix='.tmp', delete=True) as t:
    t.write(b'data')
    t.flush()
    print(os.path.getsize(t.name), t.name.endswith('.tmp'))
print(os.path.exists(t.name))
with tempfile.TemporaryDirectory(dir=base) as d:
    print(os.path.isdir(d))
print(os.path.isdir(d))
fd, name = tempfile.mkstemp(dir=base)
os.write(fd, b'abc'); os.close(fd)
print(os.path.getsize(name))
st = os.stat(name)
shutil.copystat(name, os.path.join(base, 'top.py'))
print(os.stat(os.path.join(base, 'top.py')).st_mtime == st.st_mtime)
print(shutil.disk_usage(base).total > 0)
print(shutil.which('sh') is not None)
shutil.rmtree(base)
print(os.path.exists(base))
