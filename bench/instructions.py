"""Instruction counts of the CPU benchmarks, Adder vs CPython 3.11.

Wall times on a shared 2-core machine move by 10-30% between runs; the
number of instructions a program executes does not (callgrind counts
them). This driver runs scaled-down copies of bench/programs/ (the same
code with smaller sizes, so valgrind takes seconds) under
`valgrind --tool=callgrind` for both interpreters and prints millions of
instructions and the Adder/CPython ratio after subtracting each
interpreter's start-up (`pass`). Use it to judge a change to the loop;
report wall-time ratios from bench/run.py.

    /usr/bin/python3.11 bench/instructions.py --adder target/release/adder [program ...]
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, 'programs')

# program -> (text in the program, scaled-down replacement)
SCALE = {
    'fib': ('fib(34)', 'fib(22)'),
    'loops': ('run(3300)', 'run(700)'),
    'nbody': ('advance(0.01, 250000)', 'advance(0.01, 12000)'),
    'richards': ('bench(150)', 'bench(8)'),
    'sort_keys': ('run(100000, 4)', 'run(10000, 2)'),
    'strings': ('run(600000)', 'run(30000)'),
    'dict_count': ('run(3000000)', 'run(150000)'),
}


def instructions(interp, script):
    r = subprocess.run(
        ['valgrind', '--tool=callgrind', '--callgrind-out-file=/dev/null', interp, script],
        capture_output=True, text=True, check=False)
    m = re.search(r'Collected : (\d+)', r.stderr)
    if not m:
        sys.exit(f'callgrind gave no count for {interp} {script}:\n{r.stderr[-2000:]}')
    return int(m.group(1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--adder', default='target/release/adder')
    ap.add_argument('--cpython', default='/usr/bin/python3.11')
    ap.add_argument('programs', nargs='*', default=sorted(SCALE))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, 'pass.py')
        with open(empty, 'w') as f:
            f.write('pass\n')
        base = {i: instructions(i, empty) for i in (args.adder, args.cpython)}
        print('| program | Adder M instr | CPython M instr | ratio (start-up excluded) |')
        print('| --- | ---: | ---: | ---: |')
        for name in args.programs:
            if name not in SCALE:
                sys.exit(f'unknown program {name!r} (one of {", ".join(sorted(SCALE))})')
            old, new = SCALE[name]
            with open(os.path.join(PROGRAMS, name + '.py')) as f:
                text = f.read()
            if old not in text:
                sys.exit(f'{name}.py no longer contains {old!r}: update SCALE')
            script = os.path.join(tmp, name + '.py')
            with open(script, 'w') as f:
                f.write(text.replace(old, new))
            a = instructions(args.adder, script)
            c = instructions(args.cpython, script)
            ratio = (a - base[args.adder]) / max(1, c - base[args.cpython])
            print(f'| {name} | {a / 1e6:,.0f} | {c / 1e6:,.0f} | {ratio:.2f} |')
        print(f'\nStart-up (`pass`): Adder {base[args.adder] / 1e6:,.1f}M, '
              f'CPython {base[args.cpython] / 1e6:,.1f}M instructions.')


if __name__ == '__main__':
    main()
