#!/usr/bin/python3.11
"""Side-by-side benchmark driver: Adder vs CPython 3.11 (DESIGN.md, "Tests and
measurements"). Builds nothing. For each program in bench/programs it runs
Adder and CPython alternately --runs times, checks that their outputs agree,
and reports median wall times and the Adder/CPython ratio (plus the geometric
mean of ratios). Then it measures per-object memory from outside the process
(VmRSS of a child that builds 200,000 objects and waits, minus a baseline child
that builds none) and start-up time and peak RSS of `-S -c pass`, `-c pass`
(with site) and `-c "import os"`.
The report is printed and written to bench/results/latest.md.

Usage: /usr/bin/python3.11 bench/run.py [--adder target/release/adder] [--runs 5]
"""
import argparse
import math
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CPYTHON = '/usr/bin/python3.11'
TIMEOUT = 600
OBJECTS = 200_000

MEMORY_CASES = {
    'int in a list': 'xs = [i * 3 + 100000 for i in range(N)]',
    'float in a list': 'xs = [i * 0.5 + 0.25 for i in range(N)]',
    'instance with 3 attributes': (
        'class P:\n'
        '    def __init__(self, a, b, c):\n'
        '        self.a = a\n'
        '        self.b = b\n'
        '        self.c = c\n'
        'xs = [P(i, i, i) for i in range(N)]'
    ),
}
# input() rather than sys.stdin: it needs nothing but the builtins.
MEMORY_TEMPLATE = '{build}\nprint("READY", flush=True)\ninput()\n'


def timed_run(cmd, cwd):
    """Runs cmd; returns (seconds, stdout bytes, exit code, max RSS bytes)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL)
    try:
        out, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return None, b'', -9, 0
    elapsed = time.perf_counter() - start
    return elapsed, out, proc.returncode, 0


def wait4_run(cmd):
    """Runs cmd and returns (seconds, exit code, max RSS bytes) via os.wait4."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, proc.returncode, usage.ru_maxrss * 1024


def peak_rss_kib(cmd):
    """Peak RSS of cmd in KiB, via GNU time (forked from a small process, so the
    figure is the interpreter's own; os.wait4 from this Python driver would
    count the driver's pages copied by fork). None if /usr/bin/time is missing."""
    if not os.path.exists('/usr/bin/time'):
        return None
    p = subprocess.run(['/usr/bin/time', '-f', '%M'] + cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    try:
        return int(p.stderr.decode().strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None


def vmrss_bytes(pid):
    with open(f'/proc/{pid}/status') as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1]) * 1024
    return None


def rss_after_build(interp, source):
    """Starts interp on source, waits for READY, returns the child's VmRSS."""
    proc = subprocess.Popen([interp, '-c', source], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        line = proc.stdout.readline()
        if line.strip() != b'READY':
            proc.kill()
            proc.communicate()
            return None
        return vmrss_bytes(proc.pid)
    finally:
        if proc.poll() is None:
            try:
                proc.stdin.write(b'\n')
                proc.stdin.flush()
            except OSError:
                pass
            try:
                proc.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()


def per_object_bytes(interp, build):
    base = MEMORY_TEMPLATE.format(build=f'N = 0\n{build}')
    full = MEMORY_TEMPLATE.format(build=f'N = {OBJECTS}\n{build}')
    before = rss_after_build(interp, base)
    after = rss_after_build(interp, full)
    if before is None or after is None:
        return None
    return (after - before) / OBJECTS


def fmt(x, spec='.3f'):
    return 'FAIL' if x is None else format(x, spec)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--adder', default=os.path.join(ROOT, 'target', 'release', 'adder'))
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--only', default='', help='run only programs whose name contains this')
    args = ap.parse_args()
    adder = os.path.abspath(args.adder)
    if not os.path.exists(adder):
        sys.exit(f'bench: no Adder binary at {adder} (cargo build --release -p adder-cli)')

    progdir = os.path.join(HERE, 'programs')
    programs = sorted(p for p in os.listdir(progdir) if p.endswith('.py') and args.only in p)
    lines = ['# Adder benchmarks', '',
             f'Adder: `{os.path.relpath(adder, ROOT)}`, CPython: `{CPYTHON}`, '
             f'{args.runs} runs each, medians of wall time.', '',
             '| program | CPython median s | Adder median s | ratio (Adder/CPython) |',
             '| --- | ---: | ---: | ---: |']
    ratios = []
    for prog in programs:
        path = os.path.join(progdir, prog)
        times = {'cpython': [], 'adder': []}
        expected = None
        failed = None
        for _ in range(args.runs):
            for name, interp in (('cpython', CPYTHON), ('adder', adder)):
                secs, out, code, _ = timed_run([interp, path], progdir)
                if name == 'cpython':
                    expected = out
                elif secs is None or code != 0:
                    failed = f'exit {code}'
                elif out != expected:
                    failed = 'output differs'
                if secs is not None:
                    times[name].append(secs)
            if failed:
                break
        c_med = statistics.median(times['cpython']) if times['cpython'] else None
        if failed:
            print(f'{prog}: Adder FAIL ({failed})', file=sys.stderr)
            lines.append(f'| {prog} | {fmt(c_med)} | FAIL | FAIL |')
            continue
        a_med = statistics.median(times['adder'])
        ratio = a_med / c_med
        ratios.append(ratio)
        lines.append(f'| {prog} | {c_med:.3f} | {a_med:.3f} | {ratio:.2f} |')
        print(lines[-1], file=sys.stderr)
    if ratios:
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        lines += ['', f'Geometric mean of ratios: **{geo:.2f}** over {len(ratios)} programs.']
    else:
        lines += ['', 'Geometric mean of ratios: n/a (no program passed).']

    lines += ['', '## Bytes per object',
              f'(VmRSS after building {OBJECTS:,} objects minus VmRSS of the same script building none,'
              ' divided by the count; measured from outside the process.)', '',
              '| object | CPython bytes | Adder bytes |', '| --- | ---: | ---: |']
    for label, build in MEMORY_CASES.items():
        c = per_object_bytes(CPYTHON, build)
        a = per_object_bytes(adder, build)
        lines.append(f'| {label} | {fmt(c, ".1f")} | {fmt(a, ".1f")} |')

    for title, argv in (('`-S -c pass`', ['-S', '-c', 'pass']),
                        ('`-c pass` (with site)', ['-c', 'pass']),
                        ('`-c "import os"` (with site)', ['-c', 'import os'])):
        lines += ['', f'## Start-up {title}, 20 runs', '',
                  '| interpreter | median wall ms | max RSS KiB | Adder/CPython |',
                  '| --- | ---: | ---: | ---: |']
        medians = {}
        for name, interp in (('CPython 3.11', CPYTHON), ('Adder', adder)):
            walls, rss, ok = [], 0, True
            for _ in range(20):
                secs, code, maxrss = wait4_run([interp] + argv)
                if code != 0:
                    ok = False
                    break
                walls.append(secs)
                peak = peak_rss_kib([interp] + argv)
                rss = max(rss, peak * 1024 if peak is not None else maxrss)
            if ok:
                medians[name] = statistics.median(walls)
                ratio = (f'{medians[name] / medians["CPython 3.11"]:.2f}'
                         if name == 'Adder' and 'CPython 3.11' in medians else '')
                lines.append(f'| {name} | {medians[name] * 1000:.1f} | {rss // 1024} | {ratio} |')
            else:
                lines.append(f'| {name} | FAIL | FAIL | |')

    report = '\n'.join(lines) + '\n'
    print(report)
    os.makedirs(os.path.join(HERE, 'results'), exist_ok=True)
    with open(os.path.join(HERE, 'results', 'latest.md'), 'w') as f:
        f.write(report)


if __name__ == '__main__':
    main()
