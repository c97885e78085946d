# Float formatting with format specs and %-formatting.
vals = [0.0, -0.0, 1.0, 3.14159265, -2.5, 1234567.891, 1e-5, 1e20, 0.000123456, 123456789.0]
specs = ['', 'f', '.2f', '.0f', 'e', '.3e', 'E', 'g', '.3g', 'G', '%', '.1%', ',.2f', '+.1f',
         ' .1f', '10.3f', '<10.2f', '^12.1e', '010.2f', '#.0f', '#g', 'n', '.10g', '_.3f', 'z.1f']
for v in vals:
    print(' | '.join(format(v, s) for s in specs))
print('%f %e %g %.3f %10.2f %-10.2f| %+.1e %G %E' % (1.5, 1.5, 1.5, 2 / 3, 3.14159, 2.5, 12345.678, 1e-10, 1e10))
print('%r %s %a' % (0.1, 0.1, 0.1))
print(format(float('inf'), 'f'), format(float('-inf'), 'e'), format(float('nan'), '.2f'), format(float('inf'), '%'))
print(f'{2.5:08.3f}|{-2.5:08.3f}|{2.5:+08.3f}|{1e100:.3}|{123.0:.0e}')
print(format(1.0, '.17g'), format(0.1, '.20f'), format(1 / 3, '.50g'))
