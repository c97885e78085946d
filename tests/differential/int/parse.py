# int() parsing with bases, underscores, whitespace and errors.
cases = ['0', '-0', '+12', '  42  ', '1_000_000', '0x_ff', '007', '\t-9\n']
for s in cases:
    print(repr(s), int(s, 0) if s.strip().lstrip('+-')[:2] in ('0x',) else int(s))
for s, base in [('ff', 16), ('FF', 16), ('0xff', 16), ('0xff', 0), ('0o17', 0), ('0b101', 0),
                ('z', 36), ('ZZ', 36), ('101', 2), ('777', 8), ('1_0', 0), ('-0b11', 0), ('12', 3)]:
    print(s, base, int(s, base))
bad = [('', 10), ('1__0', 10), ('_1', 10), ('1_', 10), ('0x', 16), ('08', 0), ('12', 2),
       ('abc', 10), ('1.5', 10), (' ', 10), ('0b2', 0), ('9', 37)]
for s, base in bad:
    try:
        print(int(s, base))
    except ValueError as e:
        print('ValueError:', e)
print(int(3.9), int(-3.9), int(True), int('١٢٣'), int(b'42'), int(bytearray(b'-7')))
for v in [None, [1], 1j]:
    try:
        int(v)
    except TypeError as e:
        print('TypeError:', e)
try:
    int('5', base=1)
except ValueError as e:
    print('ValueError:', e)
print(int(), int(x='12', base=0) if False else int('12', base=0))
