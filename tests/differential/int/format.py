# Formatting ints: format(), bin/oct/hex, str.format specs.
for n in [0, 5, -5, 255, -255, 1234567, 2 ** 70]:
    print(bin(n), oct(n), hex(n))
    print(format(n, 'd'), format(n, 'x'), format(n, 'X'), format(n, 'o'), format(n, 'b'))
    print(format(n, '#x'), format(n, '#o'), format(n, '#b'), format(n, ','), format(n, '_'))
    print(format(n, '>12'), format(n, '<12') + '|', format(n, '^12'), format(n, '=+12'))
    print(format(n, '012'), format(n, '+'), format(n, ' '), format(n, '_x'), format(n, 'e'))
print(format(1234567, ',d'), format(1234567, '_b'), format(65, 'c'), format(10, '%'))
print(format(42, 'n'), format(42, ''), format(42, '08.2f'), format(3, '.3g'))
print('{:*^10}'.format(42), '{:#010x}'.format(255), '{:+,}'.format(-1234))
for spec in ['s', '.2', ',x', 'z']:
    try:
        print(format(5, spec))
    except ValueError as e:
        print('ValueError:', e)
