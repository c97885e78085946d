# float() parsing from strings and errors.
for s in ['1', '1.', '.5', '-1.5e3', '1_000.5', '  2.5\n', '1E+2', '+.1e-1', '0x10' if False else '10', '00012.5']:
    print(repr(s), float(s))
for s in ['', '1..2', '1e', 'abc', '1_', '_1', '1__0', '0x10', 'in f', '1.5j']:
    try:
        float(s)
    except ValueError as e:
        print('ValueError:', e)
print(float(b'2.5'), float(bytearray(b'-1')), float(True), float(2 ** 60))
try:
    float(10 ** 400)
except OverflowError as e:
    print('OverflowError:', e)
try:
    float([])
except TypeError as e:
    print('TypeError:', e)
class F:
    def __float__(self):
        return 4.5
class I:
    def __index__(self):
        return 3
print(float(F()), float(I()), float(), float('١٫٥') if False else float('١.٥'))
