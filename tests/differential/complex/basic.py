# complex numbers: construction, arithmetic, repr.
zs = [1j, 1 + 2j, -1 - 1j, 0j, complex(3), complex(1.5, -2), complex('1+2j'), complex(' (3-4j) '), -0j, complex(-0.0, -0.0)]
for z in zs:
    print(repr(z), z.real, z.imag, abs(z), z.conjugate())
a, b = 3 + 4j, 1 - 2j
print(a + b, a - b, a * b, a / b, a ** 2, a ** 0.5, -a, +a)
print(a == 3 + 4j, a != b, a == complex(3, 4), 1 + 0j == 1, abs(3 + 4j))
try:
    a < b
except TypeError as e:
    print('TypeError:', e)
try:
    a / 0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
for s in ['1+', 'j1', '1+2k', '']:
    try:
        complex(s)
    except ValueError as e:
        print('ValueError:', e)
print(complex(1e300, 1e300) * 10, complex('inf+nanj'), 1j ** 2, (1 + 1j) ** 8)
print(format(1 + 2j, '.2f'), format(-1.5j, ''), f'{3 - 4j:>20}', hash(1 + 0j) == hash(1))
print(complex(2, 3).__reduce__ if False else 'ok', type(1j).__name__, 2 * 1j, 1j * 1j)
