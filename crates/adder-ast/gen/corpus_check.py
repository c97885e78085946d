"""Compares `_ast` between Adder and CPython over the standard library.

Run with CPython 3.11 (it drives both interpreters):

    /usr/bin/python3.11 crates/adder-ast/gen/corpus_check.py \
        [--adder target/debug/adder] [--limit N] [--what dump|compile|unparse]

For each .py file under /usr/lib/python3.11 (or every len/N-th one with
--limit), both interpreters parse the source with
`compile(src, name, 'exec', PyCF_ONLY_AST)` and print, per file, a dump with
positions (`dump`), the result of compiling the tree back (`compile`), or
`ast.unparse` of it (`unparse`, needs `import ast` to work on Adder). The
source reaches Adder as a string literal in a generated module, so the
check needs no file I/O on Adder's side. Files whose only difference is a
lone surrogate in a string (which Adder's str cannot hold) are counted
separately.
"""
import argparse
import os
import subprocess
import sys
import tempfile

DUMPER = r'''
import sys, _ast
sys.path.insert(0, sys.argv[1])
what = sys.argv[2]

def dump(node):
    if isinstance(node, _ast.AST):
        cls = type(node)
        parts = []
        for name in list(node._fields) + list(getattr(node, '_attributes', ())):
            try:
                value = getattr(node, name)
            except AttributeError:
                continue
            if value is None and getattr(cls, name, ...) is None:
                continue
            parts.append('%s=%s' % (name, dump(value)))
        return '%s(%s)' % (cls.__name__, ', '.join(parts))
    if isinstance(node, list):
        return '[%s]' % ', '.join(dump(x) for x in node)
    return repr(node)

for i in range(int(sys.argv[3])):
    mod = __import__('m_%d' % i)
    print('@@@@', i, mod.NAME)
    try:
        t = compile(mod.SRC, mod.NAME, 'exec', _ast.PyCF_ONLY_AST)
        if what == 'dump':
            print(dump(t))
        elif what == 'compile':
            compile(t, mod.NAME, 'exec')
            print('ok')
        else:
            import ast
            print(ast.unparse(t))
    except Exception as e:
        print('ERR', type(e).__name__, e)
'''


def split(text):
    out, cur = {}, None
    for line in text.splitlines(keepends=True):
        if line.startswith('@@@@'):
            cur = line.split(None, 2)[2].strip()
            out[cur] = []
        elif cur is not None:
            out[cur].append(line)
    return {k: ''.join(v) for k, v in out.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--adder', default='target/debug/adder')
    ap.add_argument('--limit', type=int, default=0)
    ap.add_argument('--what', default='dump', choices=['dump', 'compile', 'unparse'])
    args = ap.parse_args()
    root = '/usr/lib/python3.11'
    files = []
    for dp, dns, fns in os.walk(root):
        dns.sort()
        if 'site-packages' in dp or 'dist-packages' in dp:
            continue
        files.extend(os.path.join(dp, f) for f in sorted(fns) if f.endswith('.py'))
    if args.limit:
        files = files[::max(1, len(files) // args.limit)]
    with tempfile.TemporaryDirectory() as tmp:
        n = 0
        for f in files:
            try:
                src = open(f, encoding='utf-8').read()
            except (UnicodeDecodeError, OSError):
                continue
            with open(os.path.join(tmp, 'm_%d.py' % n), 'w', encoding='utf-8',
                      errors='surrogatepass') as out:
                out.write('NAME = %r\nSRC = %r\n' % (f, src))
            n += 1
        script = os.path.join(tmp, 'dumper.py')
        with open(script, 'w') as out:
            out.write(DUMPER)
        argv = [script, tmp, args.what, str(n)]
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE='1')
        a = subprocess.run([args.adder] + argv, capture_output=True, env=env)
        c = subprocess.run([sys.executable] + argv, capture_output=True, env=env)
    da = split(a.stdout.decode('utf-8', 'replace'))
    dc = split(c.stdout.decode('utf-8', 'replace'))
    same = surrogates = 0
    for name, want in dc.items():
        got = da.get(name, '<missing>\n')
        if got == want:
            same += 1
        elif '\\ud' in want and len(got) <= len(want):
            surrogates += 1
        else:
            i = next((j for j in range(min(len(got), len(want))) if got[j] != want[j]),
                     min(len(got), len(want)))
            print('DIFF', name)
            print('  adder: ', got[max(0, i - 150):i + 150].replace('\n', '\\n'))
            print('  cpython:', want[max(0, i - 150):i + 150].replace('\n', '\\n'))
    if a.returncode:
        print('adder exited with', a.returncode, a.stderr.decode()[-500:])
    other = len(dc) - same - surrogates
    print(f'{len(dc)} files: {same} identical, {surrogates} differ only by lone '
          f'surrogates, {other} differ')
    return 1 if other else 0


if __name__ == '__main__':
    sys.exit(main())
