#!/usr/bin/python3.11
"""Regenerates format_cases.tsv from CPython 3.11 (the oracle).

Run: python3.11 crates/adder-text/testdata/gen_format_cases.py > crates/adder-text/testdata/format_cases.tsv
Columns: kind, value, spec, expected ("ok:<text>" or "err:<Class>:<message>").
Floats are written with float.hex so they round-trip exactly.
"""
import itertools

ints = [0, 1, -1, 7, 42, -42, 255, -255, 1234, -1234, 65, 1234567, 10**20, -(10**25), 2**64]
int_specs = ['', 'd', ',', '_', 'b', '#b', '_b', '#_b', 'o', '#o', 'x', '#x', 'X', '#X', '_x',
             '#010_x', '+d', ' d', '-d', '08,', '09,', '010,', '0=10,', 'x<10,', '*^11', '=+8',
             '05', 'x=5', '0<5', 'c', '10c', '+c', '#c', ',c', '_c', ',b', ',n', 'n', '.2',
             'z', 's', '.2f', 'e', '%', '.0%', ',.2f', 'g', 'E', '015_b', '#015_b', '^ 10', '-^10',
             '12', '<12', '>12', '^12', 'G', '.3', '=', 'é', ',é', '_,', ',_', '__', 'ss']
floats = [0.0, -0.0, 1.0, -1.0, 1.5, 2.5, 0.1, 1e16, 1e-5, 0.0001, 123456789.0, 1.2345678901234567e20,
          12345.678, -1234.5, 1e100, 1e-100, 5e-324, 1.7976931348623157e308, float('inf'),
          float('-inf'), float('nan'), 100.0, 1234.0, 0.5, 123456789.5, -1e-9, 0.00001234, 9.999999e15]
float_specs = ['', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%', '.0', '.1', '.3', '.2e', '.0e', '#.0e',
               '.0f', '#.0f', '.2f', '.10f', '.3g', '#g', '#.3g', '#.0g', '#', '+', ' ', 'z', 'z.1f', 'zg',
               'z.2', ',', '_', ',.2f', '010,.2f', '015,.1f', '010', '=+10', '+10.3e', '<12', '^12', '*^13.2%',
               '.0%', ',g', '.17g', '.20f', '.50e', 'd', 'x', ',n', '010,', '.2147483648f', '12.5', '-', 'z,.3f',
               '.1000e', '0=+12.2E']
complexes = [(0.0, 1.0), (1.0, 2.0), (-0.0, 0.0), (1.5, -2.0), (float('nan'), 1.0), (1e16, 1e-5),
             (0.0, 0.0), (-1.0, -0.0), (float('inf'), float('-inf')), (12345.678, 0.5)]
complex_specs = ['', 'g', '.2', '^20.3f', '+', 'e', '0', '=10', 'd', 'n', 'z', '>20', '*<20', ',.2f', '%',
                 '.2147483648', '#', '#.0f', ' ']
strs = ['abc', '', 'héllo', 'ab\u20acd']
str_specs = ['', 's', '+', '#', '=', 'z', '0', '010', ',s', 'd', '.2', '^7.2', '*^9', '<<', '.', 'x',
             'ss', ',,', ',_', '>6', '^6', 'é^8', '.0', '99999999999999999999', '.99999999999999999999']

def res(v, s):
    try:
        return 'ok:' + format(v, s)
    except Exception as e:
        return 'err:%s:%s' % (type(e).__name__, e)

for v, s in itertools.product(ints, int_specs):
    print('int\t%d\t%s\t%s' % (v, s, res(v, s)))
for v, s in itertools.product(floats, float_specs):
    print('float\t%s\t%s\t%s' % (v.hex(), s, res(v, s)))
for (r, i), s in itertools.product(complexes, complex_specs):
    print('complex\t%s,%s\t%s\t%s' % (r.hex(), i.hex(), s, res(complex(r, i), s)))
for v, s in itertools.product(strs, str_specs):
    print('str\t%s\t%s\t%s' % (v, s, res(v, s)))

# Random bit patterns (fixed seed) through the common float layouts.
import random, struct
rng = random.Random(2011)
for _ in range(400):
    x = struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0]
    for s in ['', '.3', '.17g', '.5e', '.2f', 'g', ',.3f']:
        print('float\t%s\t%s\t%s' % (x.hex(), s, res(x, s)))
for _ in range(200):
    x = rng.uniform(-1e6, 1e6) * 10 ** rng.randint(-30, 30)
    for s in ['', '.3', '.0f', '.1%', 'e', '#.4g']:
        print('float\t%s\t%s\t%s' % (x.hex(), s, res(x, s)))
