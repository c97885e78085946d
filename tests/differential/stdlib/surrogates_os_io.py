# Lone surrogates at the OS and I/O boundary: os.fsencode/fsdecode, file
# names that are not UTF-8, TextIOWrapper error handlers, stdout.
import io
import os
import sys
import tempfile


def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, ascii(str(e)),
              getattr(e, 'start', None), getattr(e, 'end', None))
    else:
        print(label, '->', ascii(r))


print(sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
t('fsencode', lambda: os.fsencode('a\udcff\udc80'))
t('fsdecode', lambda: os.fsdecode(b'a\xff\x80\xe2\x82'))
t('fsencode bad', lambda: os.fsencode('a\ud800'))
t('fsencode bad run', lambda: os.fsencode('a\udc80\ud800\udcff'))
t('fsdecode ok', lambda: os.fsdecode(b'caf\xc3\xa9'))
t('environb', lambda: os.environb.get(b'NO_SUCH_VAR_X'))

with tempfile.TemporaryDirectory() as d:
    raw = os.path.join(os.fsencode(d), b'f\xffname')
    with open(raw, 'wb') as f:
        f.write(b'data')
    names = os.listdir(d)
    print(ascii(names))
    p = os.path.join(d, names[0])
    with open(p, 'rb') as f:
        print(f.read())
    print(os.path.exists(p), os.path.getsize(p), ascii(os.path.basename(p)))
    print(ascii([e.name for e in os.scandir(d)]), ascii(os.listdir(os.fsencode(d))))
    st = os.stat(p)
    print(st.st_size)
    q = os.path.join(d, 'g\udc80')
    os.rename(p, q)
    print(ascii(sorted(os.listdir(d))), ascii(sorted(os.listdir(os.fsencode(d)))))
    old = os.getcwd()
    os.chdir(d)
    t('open bad name', lambda: open('h\ud800', 'w'))
    t('stat bad name', lambda: os.stat('h\ud800'))
    t('listdir rel', lambda: os.listdir('.'))
    os.chdir(old)
    import glob
    print(ascii([os.path.basename(x) for x in glob.glob(os.path.join(d, '*'))]))
    os.remove(q)

# The environment and child processes.
import subprocess
os.environ['SG_TEST'] = 'a\udcffb'
print(os.environb[b'SG_TEST'], ascii(os.environ['SG_TEST']), ascii(os.getenv('SG_TEST')))
t('environ bad', lambda: os.environ.__setitem__('SG_BAD', '\ud800'))
print(subprocess.run(['/bin/echo', 'x\udcfe'], capture_output=True).stdout)
print(ascii(subprocess.run(['/bin/sh', '-c', 'printf "%s" "$SG_TEST"'], capture_output=True,
                           text=True, errors='surrogateescape').stdout))

# TextIOWrapper over bytes with error handlers.
b = io.BytesIO(b'ok\xff\xfe\n')
w = io.TextIOWrapper(b, encoding='utf-8', errors='surrogateescape')
line = w.readline()
print(ascii(line))
out = io.BytesIO()
w2 = io.TextIOWrapper(out, encoding='utf-8', errors='surrogateescape')
w2.write(line)
w2.flush()
print(out.getvalue())
for errors in ['strict', 'surrogatepass', 'backslashreplace', 'replace', 'xmlcharrefreplace']:
    out = io.BytesIO()
    w3 = io.TextIOWrapper(out, encoding='utf-8', errors=errors)
    try:
        w3.write('x\udc80y')
        w3.flush()
        print(errors, out.getvalue())
    except UnicodeEncodeError as e:
        print(errors, type(e).__name__, ascii(str(e)))
for enc in ['latin-1', 'ascii', 'utf-16-le']:
    out = io.BytesIO()
    w4 = io.TextIOWrapper(out, encoding=enc, errors='surrogateescape')
    try:
        w4.write('x\udcff')
        w4.flush()
        print(enc, out.getvalue())
    except UnicodeEncodeError as e:
        print(enc, type(e).__name__, ascii(str(e)))
r = io.TextIOWrapper(io.BytesIO(b'\xed\xa0\x80z'), encoding='utf-8', errors='surrogatepass')
print(ascii(r.read()))
sio = io.StringIO()
sio.write('a\ud800')
print(ascii(sio.getvalue()), sio.tell())

# stdout is strict: writing a surrogate raises before anything is written.
try:
    print('before \udc80 after')
except UnicodeEncodeError as e:
    print('print ->', type(e).__name__, ascii(str(e)))
try:
    sys.stdout.write('\ud800')
except UnicodeEncodeError as e:
    print('write ->', type(e).__name__, ascii(str(e)))
sys.stdout.flush()
# stderr uses backslashreplace.
print('x\udc80y', file=sys.stderr)
