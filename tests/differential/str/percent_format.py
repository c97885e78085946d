# printf-style % formatting.
print('%s %r %a %d %i %u %o %x %X %e %f %g %c %%' % ('s', 'r', 'é', 42, -3, 7, 8, 255, 255, 1.5, 2.25, 0.0001, 'c'))
print('%5d|%-5d|%05d|%+d|% d|%.3d|%5.3d' % (42, 42, 42, 42, 42, 42, 42))
print('%#x %#o %#X %x' % (255, 8, 255, -255), '%c%c' % (65, 0x263A))
print('%(a)s-%(b)05.1f' % {'a': 'x', 'b': 2.345}, '%s' % (1,), '%s' % [1, 2], '%s' % ((1, 2),))
print('%*d|%-*.*f|' % (6, 42, 10, 2, 3.14159), '%.2s' % 'abcdef', '%10.4s|' % 'abcdef')
for fmt, args in [('%d', 'x'), ('%d %d', (1,)), ('%d', (1, 2)), ('%z', 1), ('%(a)s', 1), ('%c', 'ab'), ('%', ())]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
print(b'%s %d %x %c %b' % (b'hi', 5, 255, 65, b'raw'), b'%a %r' % ('é', 'x'))
print('%s' % None, '%d' % True, '%f' % 1, '%s' % 1.0, '%.0f %.0f' % (0.5, 1.5), '%e' % 0)
