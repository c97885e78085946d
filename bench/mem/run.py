#!/usr/bin/python3.11
"""benchmem: the memory benchmark suite (DESIGN.md, "Tests and measurements";
issue 4). One invocation runs every benchmark under Adder, CPython 3.11 and,
when `pypy3` is installed, PyPy 3 (otherwise the report says "not installed"),
alternating the interpreters within each of --runs rounds and reporting
medians. It builds nothing.

Usage (from the repository root):
    /usr/bin/python3.11 bench/mem/run.py --adder target/release/adder [--runs 3] [--only NAME]

--only keeps the measurements whose name contains NAME: the sections are
`objsize`, `apps`, `pauses` and `idle`, and items are named after them
(`objsize/float`, `apps/gcbench`, `pauses/adder-gc-incremental`,
`idle/site`, ...).

What it measures:
1. Object sizes: a child builds 200,000 objects of one kind into a list
   preallocated as [None] * 200,000 (20,000 for classes), runs gc.collect()
   and prints its own VmRSS (/proc/self/status); a baseline child does the
   same storing None. (child - baseline) / count is what each object costs
   on the heap; the baseline holds the same list, so its 8-byte slot cancels
   and is added back: every figure includes the 8-byte list slot holding
   the object (as bench/run.py's rows do).
2. The six application benchmarks of PyPy's benchmem (bench/mem/programs/,
   our own programs written from the names): peak RSS and wall time, each
   program's checksum line compared with CPython's.
3. GC pauses (bench/mem/gc_pauses.py): the longest gap between loop
   iterations while cyclic garbage churns over 1,000,000 live tracked
   objects, for every collector strategy Adder accepts (`-X gc=NAME`,
   probed at start) and for CPython and PyPy.
4. Idle interpreter: peak RSS of `-S -c pass` and of `-c pass`.
Then it checks issue 4's targets against the measured figures.

Peak RSS is ru_maxrss of the measured process as reported by GNU time
(/usr/bin/time, which gets it from wait4). Calling os.wait4 on a child of
this driver directly would not do: Linux folds the parent's resident size
at fork time into the child's ru_maxrss when the child execs, so every
figure would be at least this driver's own RSS. Without /usr/bin/time the
driver falls back to os.wait4 and the report says the figures are upper
bounds.

Output: bench/results/benchmem.md and bench/results/benchmem-*.svg.
Timings never go into tests: this is a measurement, not a check.
"""
import argparse
import datetime
import os
import platform
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import namedtuple

sys.dont_write_bytecode = True  # keep bench/mem free of __pycache__
import charts  # noqa: E402  (bench/mem/charts.py)

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.dirname(HERE)
ROOT = os.path.dirname(BENCH)
RESULTS = os.path.join(BENCH, 'results')
PROGRAMS = os.path.join(HERE, 'programs')
PAUSE_PROGRAM = os.path.join(HERE, 'gc_pauses.py')
CPYTHON = '/usr/bin/python3.11'
GNU_TIME = '/usr/bin/time'
HAVE_GNU_TIME = os.access(GNU_TIME, os.X_OK)
TIMEOUT = 600
OBJECTS = 200_000
CLASS_OBJECTS = 20_000   # classes are big and Adder builds them slowly
SLOT_BYTES = 8           # one list slot: a pointer-sized word everywhere
NOISE_BYTES = 2.0        # an object-size row "above CPython" must exceed it by this
                         # (RSS deltas of a slot-only row vary by about 1 byte)
GC_CANDIDATES = ('generational', 'incremental')
OBJSIZE_CHART_CAP = 600  # bytes: longer bars (classes) are drawn cut

# Issue 4's targets (the thresholds, never measured numbers).
TARGET_INSTANCE3_BYTES = 40
TARGET_APP_RSS_RATIO = 0.5
TARGET_GCBENCH_TIME_RATIO = 0.8
TARGET_PAUSE_MS = 1.0

# The object-size child. @COUNT@ and @EXPR@ are substituted (the expressions
# contain braces, so no str.format). Every child defines the same helpers,
# whatever it builds, so the baseline runs the same code but for one
# expression. Containers hold shared objects (None, small constants) so only
# the container itself is counted.
OBJECT_CHILD = '''\
import gc
v = None
BIG = 2 ** 100
empty = []
class C0:
    pass
class C1:
    def __init__(self):
        self.a = v
class C2:
    def __init__(self):
        self.a = v; self.b = v
class C3:
    def __init__(self):
        self.a = v; self.b = v; self.c = v
class C4:
    def __init__(self):
        self.a = v; self.b = v; self.c = v; self.d = v
class C8:
    def __init__(self):
        self.a = v; self.b = v; self.c = v; self.d = v
        self.e = v; self.f = v; self.g = v; self.h = v
class S2:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = v; self.b = v
class M:
    def meth(self):
        pass
obj = M()
def make_function():
    def f():
        pass
    return f
def make_closure(x):
    def f():
        return x
    return f
def make_class():
    class K:
        pass
    return K
def gen():
    yield 1
def suspended():
    g = gen()
    next(g)
    return g
def build(xs):
    for i in range(len(xs)):
        xs[i] = @EXPR@
xs = [None] * @COUNT@
def vmrss():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return line.split()[1]
build(xs)
print('BUILT', vmrss())
gc.collect()
print('RSS', vmrss())
print('DISTINCT', len(set([id(x) for x in xs])))
'''

# (label, expression building one distinct object from i, how many)
OBJECT_ROWS = [
    ('small int (i + 1000)', 'i + 1000', OBJECTS),
    ('big int (2**100 + i)', 'BIG + i', OBJECTS),
    ('float', 'i * 0.5 + 0.25', OBJECTS),
    ('str, 10 characters', 'str(1000000000 + i)', OBJECTS),
    ('empty tuple (shared singleton)', 'tuple(empty)', OBJECTS),
    ('tuple of 3', '(v, v, v)', OBJECTS),
    ('empty list', '[]', OBJECTS),
    ('list of 3', '[v, v, v]', OBJECTS),
    ('empty dict', '{}', OBJECTS),
    ('dict of 3', "{'a': v, 'b': v, 'c': v}", OBJECTS),
    ('empty set', 'set()', OBJECTS),
    ('set of 3', '{1, 2, 3}', OBJECTS),
    ('instance, 0 attributes', 'C0()', OBJECTS),
    ('instance, 1 attribute', 'C1()', OBJECTS),
    ('instance, 2 attributes', 'C2()', OBJECTS),
    ('instance, 3 attributes', 'C3()', OBJECTS),
    ('instance, 4 attributes', 'C4()', OBJECTS),
    ('instance, 8 attributes', 'C8()', OBJECTS),
    ('instance, __slots__ of 2', 'S2()', OBJECTS),
    ('function (fresh def)', 'make_function()', OBJECTS),
    ('closure (function + cell)', 'make_closure(v)', OBJECTS),
    ('bound method', 'obj.meth', OBJECTS),
    ('class', 'make_class()', CLASS_OBJECTS),
    ('suspended generator', 'suspended()', OBJECTS),
]
INSTANCE3 = 'instance, 3 attributes'

Interp = namedtuple('Interp', 'name argv')
Run = namedtuple('Run', 'wall code out err peak_kib')


def slug(label):
    return re.sub(r'[^a-z0-9]+', '-', label.lower()).strip('-')


def kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:  # it ended meanwhile
        pass


def run(argv, cwd=None):
    """Runs argv to completion; returns a Run (wall seconds, exit code, stdout
    and stderr text, peak RSS in KiB or None). Output goes through temporary
    files so that the process can be reaped with os.wait4."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile('r') as rss:
        prefix = [GNU_TIME, '-f', '%M', '-o', rss.name] if HAVE_GNU_TIME else []
        start = time.perf_counter()
        proc = subprocess.Popen(prefix + argv, cwd=cwd, stdin=subprocess.DEVNULL,
                                stdout=out, stderr=err, start_new_session=True)
        # On timeout kill the whole group: GNU time and the interpreter under it.
        timer = threading.Timer(TIMEOUT, kill_group, (proc.pid,))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        peak = usage.ru_maxrss
        if HAVE_GNU_TIME:
            lines = rss.read().split()  # "Command exited with ..." may come first
            peak = int(lines[-1]) if lines and lines[-1].isdigit() else None
        return Run(wall, proc.returncode, out.read().decode(errors='replace'),
                   err.read().decode(errors='replace'), peak)


def version_of(argv):
    r = run(argv + ['-c', 'import sys; print(sys.version.replace(chr(10), " "))'])
    return r.out.strip() if r.code == 0 else f'FAIL (exit {r.code})'


def adder_strategies(adder):
    """The collector strategies this Adder accepts: GC_CANDIDATES plus any
    name its "unknown garbage collector" message lists as available."""
    names = list(GC_CANDIDATES)
    r = run([adder, '-X', 'gc=benchmem-probe', '-c', 'pass'])
    m = re.search(r'available: ([A-Za-z0-9_, -]+)', r.err)
    if m:
        names += [n.strip() for n in m.group(1).split(',') if n.strip() not in names]
    return [n for n in names if run([adder, '-X', f'gc={n}', '-c', 'pass']).code == 0]


def median(xs):
    return statistics.median(xs) if xs else None


def fmt(x, digits=1):
    return 'FAIL' if x is None else f'{x:,.{digits}f}'


def ratio(a, b, digits=2):
    return 'n/a' if a is None or b is None or b <= 0 else f'{a / b:.{digits}f}'


def checksum_lines(text):
    return [l for l in text.splitlines() if l.startswith('checksum')]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- 1. sizes

def object_sizes(interps, runs, wanted):
    """Returns (sizes, before, distinct): sizes[label][interp name] is the median
    bytes per object including its slot after gc.collect() (None: failed);
    before[label][name] the same read just before gc.collect(); distinct maps
    (label, name) to the number of distinct id()s the child saw, where that
    was fewer than the objects it built (1: a single shared object)."""
    rows = [r for r in OBJECT_ROWS if wanted(f'objsize/{slug(r[0])}')]
    if not rows:
        return {}, {}, {}
    counts = sorted({r[2] for r in rows})
    after = {label: {ip.name: [] for ip in interps} for label, _, _ in rows}
    before = {label: {ip.name: [] for ip in interps} for label, _, _ in rows}
    failed = {label: set() for label, _, _ in rows}
    distinct = {}

    def measure(ip, expr, count):
        """(KiB after build, KiB after gc.collect(), distinct ids) or None."""
        src = OBJECT_CHILD.replace('@EXPR@', expr).replace('@COUNT@', str(count))
        with tempfile.NamedTemporaryFile('w', suffix='.py', prefix='benchmem-') as f:
            f.write(src)
            f.flush()
            r = run(ip.argv + [f.name])
        got = [re.search(rf'^{key} (\d+)$', r.out, re.M) for key in ('BUILT', 'RSS', 'DISTINCT')]
        if r.code != 0 or not all(got):
            return None
        return tuple(int(m.group(1)) for m in got)

    def per_object(kib, base_kib, count):
        return (kib - base_kib) * 1024 / count + SLOT_BYTES

    for n in range(runs):
        for ip in interps:
            base = {c: measure(ip, 'None', c) for c in counts}
            for label, expr, count in rows:
                got = measure(ip, expr, count)
                if got is None or base[count] is None:
                    failed[label].add(ip.name)
                    continue
                before[label][ip.name].append(per_object(got[0], base[count][0], count))
                after[label][ip.name].append(per_object(got[1], base[count][1], count))
                if got[2] < count:
                    distinct[(label, ip.name)] = got[2]
        log(f'objsize: round {n + 1}/{runs} done')

    def medians(samples):
        return {label: {name: (None if name in failed[label] else median(xs))
                        for name, xs in by.items()}
                for label, by in samples.items()}
    return medians(after), medians(before), distinct


# ----------------------------------------------------------------- 2. apps

def app_benchmarks(interps, runs, wanted):
    """{program: {interp name: {'rss': KiB, 'wall': s, 'status': text}}}."""
    progs = sorted(p[:-3] for p in os.listdir(PROGRAMS)
                   if p.endswith('.py') and wanted(f'apps/{p[:-3]}'))
    results = {}
    for prog in progs:
        path = os.path.join(PROGRAMS, prog + '.py')
        walls = {ip.name: [] for ip in interps}
        peaks = {ip.name: [] for ip in interps}
        status = {ip.name: 'ok' for ip in interps}
        sums = {}
        for _ in range(runs):
            for ip in interps:
                r = run(ip.argv + [path], cwd=PROGRAMS)
                if r.code != 0:
                    status[ip.name] = f'FAIL (exit {r.code})'
                    continue
                sums.setdefault(ip.name, checksum_lines(r.out))
                walls[ip.name].append(r.wall)
                if r.peak_kib is not None:
                    peaks[ip.name].append(r.peak_kib)
        reference = sums.get('CPython 3.11')
        for ip in interps:
            if status[ip.name] == 'ok' and reference and sums.get(ip.name) != reference:
                status[ip.name] = 'checksum differs'
        results[prog] = {ip.name: {'rss': median(peaks[ip.name]), 'wall': median(walls[ip.name]),
                                   'status': status[ip.name]} for ip in interps}
        log(f'apps/{prog}: ' + ', '.join(
            f'{n} {fmt(v["wall"], 2)} s {fmt(v["rss"], 0)} KiB {v["status"]}'
            for n, v in results[prog].items()))
    return results


# --------------------------------------------------------------- 3. pauses

def gc_pauses(configs, runs):
    """{config name: {'max_ms', 'over_1ms', 'churn_s', 'rss', 'status'}}."""
    samples = {c.name: [] for c in configs}
    status = {c.name: 'ok' for c in configs}
    sums = {}
    for _ in range(runs):
        for c in configs:
            r = run(c.argv + [PAUSE_PROGRAM], cwd=HERE)
            m = re.search(r'^pauses max_ms=([\d.]+) over_1ms=(\d+) churn_s=([\d.]+)$', r.out, re.M)
            if r.code != 0 or not m:
                status[c.name] = f'FAIL (exit {r.code})'
                continue
            sums.setdefault(c.name, checksum_lines(r.out))
            samples[c.name].append((float(m.group(1)), int(m.group(2)), float(m.group(3)),
                                    r.peak_kib))
    reference = sums.get('CPython 3.11')
    results = {}
    for c in configs:
        if status[c.name] == 'ok' and reference and sums.get(c.name) != reference:
            status[c.name] = 'checksum differs'
        xs = samples[c.name]
        results[c.name] = {
            'max_ms': median([x[0] for x in xs]), 'over_1ms': median([x[1] for x in xs]),
            'churn_s': median([x[2] for x in xs]),
            'rss': median([x[3] for x in xs if x[3] is not None]), 'status': status[c.name]}
        log(f'pauses/{c.name}: {results[c.name]}')
    return results


# ----------------------------------------------------------------- 4. idle

IDLE_CASES = [('nosite', '`-S -c pass`', ['-S', '-c', 'pass']),
              ('site', '`-c pass` (with site)', ['-c', 'pass'])]


def idle_rss(interps, runs, wanted):
    """{case title: {interp name: median peak RSS KiB}}."""
    results = {}
    for key, title, args in IDLE_CASES:
        if not wanted(f'idle/{key}'):
            continue
        peaks = {ip.name: [] for ip in interps}
        bad = set()
        for _ in range(runs):
            for ip in interps:
                r = run(ip.argv + args)
                if r.code != 0 or r.peak_kib is None:
                    bad.add(ip.name)
                else:
                    peaks[ip.name].append(r.peak_kib)
        results[title] = {n: (None if n in bad else median(xs)) for n, xs in peaks.items()}
        log(f'idle/{key}: {results[title]}')
    return results


# --------------------------------------------------------------- targets

def targets(sizes, distinct, apps, pauses, strategies):
    """Rows (target, measured, verdict) from the measured figures."""
    rows = []
    a, c = 'Adder', 'CPython 3.11'
    if INSTANCE3 in sizes and sizes[INSTANCE3].get(a) is not None:
        own = sizes[INSTANCE3][a] - SLOT_BYTES
        rows.append((f'instance with 3 attributes at most {TARGET_INSTANCE3_BYTES} bytes '
                     '(the object, i.e. the row minus its 8-byte list slot)',
                     f'{own:.1f} bytes ({sizes[INSTANCE3][a]:.1f} with the slot)',
                     own <= TARGET_INSTANCE3_BYTES))
    else:
        rows.append((f'instance with 3 attributes at most {TARGET_INSTANCE3_BYTES} bytes',
                     'not measured', None))
    if sizes:
        compared = [label for label in sizes if distinct.get((label, c)) != 1]
        above = [label for label in compared
                 if sizes[label].get(a) is None or sizes[label].get(c) is None
                 or sizes[label][a] > sizes[label][c] + NOISE_BYTES]
        rows.append((f'no object-size row above CPython 3.11\'s (by more than {NOISE_BYTES:g} bytes)',
                     f'{len(above)} of {len(compared)} rows above (or failed): '
                     + '; '.join(above) if above else f'all {len(compared)} rows at or below',
                     not above))
    else:
        rows.append(('no object-size row above CPython 3.11\'s', 'not measured', None))
    if apps:
        bad = []
        for prog, by in apps.items():
            ar, cr = by[a]['rss'], by[c]['rss']
            if by[a]['status'] != 'ok' or ar is None or cr is None:
                bad.append(f'{prog} (failed)')
            elif ar > TARGET_APP_RSS_RATIO * cr:
                bad.append(f'{prog} ({ar / cr:.2f})')
        rows.append((f'peak RSS of each application benchmark at most {TARGET_APP_RSS_RATIO} '
                     'of CPython\'s',
                     'over: ' + ', '.join(bad) if bad else f'all {len(apps)} programs within',
                     not bad))
    else:
        rows.append(('peak RSS of each application benchmark at most half of CPython\'s',
                     'not measured', None))
    g = apps.get('gcbench')
    if g and g[a]['status'] == 'ok' and g[a]['wall'] and g[c]['wall']:
        q = g[a]['wall'] / g[c]['wall']
        rows.append((f'gcbench time at most {TARGET_GCBENCH_TIME_RATIO} of CPython\'s',
                     f'{q:.2f} ({g[a]["wall"]:.2f} s vs {g[c]["wall"]:.2f} s)',
                     q <= TARGET_GCBENCH_TIME_RATIO))
    else:
        rows.append((f'gcbench time at most {TARGET_GCBENCH_TIME_RATIO} of CPython\'s',
                     'not measured' if not g else 'Adder failed', None if not g else False))
    label = 'largest incremental pause at most 1 ms at 1,000,000 live objects'
    inc = pauses.get('Adder gc=incremental')
    if inc and inc['status'] == 'ok' and inc['max_ms'] is not None:
        rows.append((label, f'{inc["max_ms"]:.3f} ms', inc['max_ms'] <= TARGET_PAUSE_MS))
    elif pauses and 'incremental' not in strategies:
        rows.append((label, 'this Adder has no incremental strategy '
                     f'(accepts: {", ".join(strategies) or "none"})', False))
    elif inc:
        rows.append((label, 'Adder gc=incremental failed', False))
    else:
        rows.append((label, 'not measured', None))
    return rows


# ---------------------------------------------------------------- report

def verdict(ok):
    return 'not measured' if ok is None else ('**met**' if ok else '**not met**')


def header_cols(names, extra):
    return ('| ' + ' | '.join(names + extra) + ' |',
            '| --- | ' + ' | '.join('---:' for _ in names[1:] + extra) + ' |')


def section_sizes(sizes, before, distinct, names, runs):
    L = ['', '## 1. Object sizes (bytes per live object)', '',
         f'VmRSS of a child that stores {OBJECTS:,} distinct objects into a preallocated '
         f'`[None] * {OBJECTS:,}` and runs `gc.collect()`, minus VmRSS of the same child '
         'storing None, divided by the count, plus the 8-byte list slot that holds each '
         f'object (the baseline has the slots too). Classes: {CLASS_OBJECTS:,} objects. '
         'Containers hold shared objects (None or small constants), so the row is the '
         'container alone. The empty tuple is a shared singleton (`()`, `tuple()` and '
         '`tuple([])` all return it), so that row is built with `tuple([])` and measures '
         'whether building one leaves anything behind: it should cost only the slot. A '
         'function is a fresh `def` per object from a factory; a closure adds its cell; a '
         'bound method is `obj.meth` on one shared instance; a suspended generator has run '
         'to its first `yield`. Source: `OBJECT_CHILD` in bench/mem/run.py. The last '
         'column is Adder\'s figure read just before `gc.collect()`: the difference is '
         'what a full collection leaves resident.', '']
    L += header_cols(['object'] + names, ['Adder/CPython', 'Adder before collect'])
    for label, by in sizes.items():
        L.append(f'| {label} | ' + ' | '.join(fmt(by[n]) for n in names)
                 + f' | {ratio(by["Adder"], by["CPython 3.11"])} | {fmt(before[label]["Adder"])} |')
    shared = {}
    for (label, name), n in distinct.items():
        if n == 1:
            shared.setdefault(label, []).append(name)
    fewer = [(label, name, n) for (label, name), n in distinct.items() if n > 1]
    if shared:
        L += ['', 'Rows where the child found one shared object rather than distinct ones '
              '(the figure is then the slot plus whatever building it left behind, not an '
              'object; such rows are left out of the "above CPython" target): '
              + '; '.join(f'{label} ({", ".join(ns)})' for label, ns in shared.items()) + '.']
    if fewer:
        L += ['', 'Rows where `id()` gave fewer distinct values than objects built (either '
              'objects are shared or `id()` returns one number for distinct live objects): '
              + '; '.join(f'{label}: {name}, {n:,} ids' for label, name, n in fewer) + '.']
    charts.bar_chart(os.path.join(RESULTS, 'benchmem-objsize.svg'),
                     'Bytes per live object (incl. 8-byte list slot)',
                     f'RSS delta over {OBJECTS:,} objects, median of {runs}; lower is better; '
                     f'bars past {OBJSIZE_CHART_CAP} bytes are cut',
                     list(sizes), names, [[by[n] for n in names] for by in sizes.values()],
                     cap=OBJSIZE_CHART_CAP)
    return L + ['', '![object sizes](benchmem-objsize.svg)']


def section_apps(apps, names, runs):
    L = ['', '## 2. Application benchmarks', '',
         'Programs in bench/mem/programs/ (written for this suite from the names of '
         'PyPy\'s benchmem programs; each docstring says what it does). Peak RSS in KiB '
         'and wall seconds, medians; "output" compares each checksum line with '
         'CPython\'s.', '']
    L += header_cols(['program'] + [f'{n} peak KiB' for n in names],
                     ['Adder/CPython RSS'] + [f'{n} s' for n in names] + ['Adder/CPython time'])
    L[-2] += ' output |'
    L[-1] += ' --- |'
    for prog, by in apps.items():
        bad = [f'{n}: {by[n]["status"]}' for n in names if by[n]['status'] != 'ok']
        L.append(f'| {prog} | ' + ' | '.join(fmt(by[n]['rss'], 0) for n in names)
                 + f' | {ratio(by["Adder"]["rss"], by["CPython 3.11"]["rss"])} | '
                 + ' | '.join(fmt(by[n]['wall'], 2) for n in names)
                 + f' | {ratio(by["Adder"]["wall"], by["CPython 3.11"]["wall"])} | '
                 + ('; '.join(bad) if bad else 'all agree') + ' |')
    charts.bar_chart(os.path.join(RESULTS, 'benchmem-apps-rss.svg'),
                     'Application benchmarks: peak RSS (MiB)',
                     f'ru_maxrss, median of {runs}; lower is better', list(apps), names,
                     [[None if by[n]['rss'] is None else by[n]['rss'] / 1024 for n in names]
                      for by in apps.values()])
    charts.bar_chart(os.path.join(RESULTS, 'benchmem-apps-time.svg'),
                     'Application benchmarks: wall time (s)',
                     f'median of {runs}; lower is better', list(apps), names,
                     [[by[n]['wall'] for n in names] for by in apps.values()], digits=2)
    return L + ['', '![peak RSS](benchmem-apps-rss.svg)', '',
                '![wall time](benchmem-apps-time.svg)']


def section_pauses(pauses, runs):
    L = ['', '## 3. GC pauses', '',
         'bench/mem/gc_pauses.py: 1,000,000 live `__slots__` instances, then 400,000 '
         'iterations each making a short-lived and a medium-lived (ring buffer of 5,000) '
         'pair of instances that point at each other. Largest gap between consecutive '
         'iterations (`time.perf_counter`) during the churn only, the number of gaps over '
         '1 ms, the churn time and the process\'s peak RSS; medians. Adder runs once per '
         'collector strategy it accepts. A gap also includes any time the operating system '
         'gave the CPU to another process, so a busy machine inflates the counts.', '',
         '| interpreter / collector | largest pause ms | gaps > 1 ms | churn s | peak KiB | output |',
         '| --- | ---: | ---: | ---: | ---: | --- |']
    for name, p in pauses.items():
        L.append(f'| {name} | {fmt(p["max_ms"], 3)} | {fmt(p["over_1ms"], 0)} | '
                 f'{fmt(p["churn_s"], 3)} | {fmt(p["rss"], 0)} | '
                 f'{"checksum agrees" if p["status"] == "ok" else p["status"]} |')
    charts.bar_chart(os.path.join(RESULTS, 'benchmem-pauses.svg'),
                     'Largest GC pause at 1,000,000 live objects (ms)',
                     f'median of {runs}; lower is better', list(pauses), ['largest pause'],
                     [[p['max_ms']] for p in pauses.values()], digits=2)
    return L + ['', '![GC pauses](benchmem-pauses.svg)']


def section_idle(idle, names, runs):
    L = ['', '## 4. Idle interpreter (peak RSS, KiB)', '']
    L += header_cols(['command'] + names, ['Adder/CPython'])
    for title, by in idle.items():
        L.append(f'| {title} | ' + ' | '.join(fmt(by[n], 0) for n in names)
                 + f' | {ratio(by["Adder"], by["CPython 3.11"])} |')
    charts.bar_chart(os.path.join(RESULTS, 'benchmem-idle.svg'),
                     'Idle interpreter: peak RSS (MiB)', f'median of {runs}; lower is better',
                     list(idle), names,
                     [[None if by[n] is None else by[n] / 1024 for n in names]
                      for by in idle.values()])
    return L + ['', '![idle RSS](benchmem-idle.svg)']


def section_header(interps, versions, pypy, strategies, runs, only, elapsed):
    argv0 = os.path.relpath(os.path.abspath(sys.argv[0]), os.getcwd())
    command = ' '.join(shlex.quote(x) for x in [CPYTHON, argv0] + sys.argv[1:])
    where = ('the repository root' if os.getcwd() == ROOT else f'`{os.getcwd()}`')
    now = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')
    mem = '?'
    try:
        with open('/proc/loadavg') as f:
            load = ' '.join(f.read().split()[:3]) + ' (1, 5, 15 min)'
    except OSError:
        load = '?'
    try:
        with open('/proc/meminfo') as f:
            mem = f'{int(f.readline().split()[1]) // 1024:,}'
    except (OSError, IndexError, ValueError):
        pass
    L = ['# benchmem: memory benchmarks, Adder vs CPython 3.11 vs PyPy 3', '',
         f'- Command: `{command}`, run from {where}',
         f'- Date: {now}; the suite took {elapsed:.0f} s',
         f'- Machine: {platform.machine()}, {os.cpu_count()} CPUs, {mem} MiB RAM, '
         f'Linux {platform.release()}',
         f'- Load average when the suite ended: {load}',
         f'- Runs: {runs} per measurement, medians reported'
         + (f'; only measurements matching `{only}`' if only else ''),
         '- Peak RSS: ' + ('ru_maxrss of the measured process, reported by GNU time '
                           '(`/usr/bin/time -f %M`, from wait4).' if HAVE_GNU_TIME else
                           'os.wait4 of the child directly (no /usr/bin/time): UPPER BOUNDS, '
                           'each includes the driver\'s own RSS at fork time.'),
         '', '| interpreter | command | version |', '| --- | --- | --- |']
    for ip in interps:
        L.append(f'| {ip.name} | `{" ".join(ip.argv)}` | {versions[ip.name]} |')
    if not pypy:
        L.append('| PyPy 3 | `pypy3` | not installed |')
    return L + ['', 'Adder collector strategies accepted (`-X gc=NAME`, probed): '
                f'{", ".join(strategies) or "none"}.']


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--adder', default=os.path.join(ROOT, 'target', 'release', 'adder'))
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--only', default='', help='run only measurements whose name contains this')
    args = ap.parse_args()
    adder = os.path.abspath(args.adder)
    if not os.path.exists(adder):
        sys.exit(f'benchmem: no Adder binary at {adder} (cargo build --release -p adder-cli)')
    runs = max(1, args.runs)

    def wanted(name):
        return args.only in name

    pypy = shutil.which('pypy3')
    interps = [Interp('Adder', [adder]), Interp('CPython 3.11', [CPYTHON])]
    if pypy:
        interps.append(Interp('PyPy 3', [pypy]))
    else:
        log('benchmem: pypy3 not installed; measuring Adder and CPython only')
    names = [ip.name for ip in interps]
    versions = {ip.name: version_of(ip.argv) for ip in interps}
    strategies = adder_strategies(adder)
    log(f'benchmem: {", ".join(names)}; Adder collectors: {", ".join(strategies) or "none"}')

    started = time.perf_counter()
    sizes, before, distinct = object_sizes(interps, runs, wanted)
    apps = app_benchmarks(interps, runs, wanted)
    pause_configs = [Interp(f'Adder gc={s}', [adder, '-X', f'gc={s}']) for s in strategies]
    pause_configs += [ip for ip in interps if ip.name != 'Adder']
    pause_configs = [c for c in pause_configs if wanted(f'pauses/{slug(c.name)}')]
    pauses = gc_pauses(pause_configs, runs) if pause_configs else {}
    idle = idle_rss(interps, runs, wanted)
    elapsed = time.perf_counter() - started

    os.makedirs(RESULTS, exist_ok=True)
    L = section_header(interps, versions, pypy, strategies, runs, args.only, elapsed)
    L += ['', '## Targets (issue 4)', '', '| target | measured | verdict |', '| --- | --- | --- |']
    for what, measured, ok in targets(sizes, distinct, apps, pauses, strategies):
        L.append(f'| {what} | {measured} | {verdict(ok)} |')
    if sizes:
        L += section_sizes(sizes, before, distinct, names, runs)
    if apps:
        L += section_apps(apps, names, runs)
    if pauses:
        L += section_pauses(pauses, runs)
    if idle:
        L += section_idle(idle, names, runs)
    report = '\n'.join(L) + '\n'
    with open(os.path.join(RESULTS, 'benchmem.md'), 'w') as f:
        f.write(report)
    print(report)


if __name__ == '__main__':
    main()
