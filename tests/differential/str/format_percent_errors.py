# str.format / format_map field grammar, nested specs, conversions, the
# printf-style % operator for str and bytes, format() of builtin values, and
# the exact messages of every malformed case.
print('{}{}'.format(1, 2), '{1}{0}'.format('a', 'b'), '{0}{0}'.format('r'), '{x}{y}'.format(x=1, y=2), 'a{{b}}c'.format())
print('{0[1]}{0[a]}'.format({1: 'one', 'a': 'A'}), '{a[-1]}'.format(a={'-1': 'neg'}), '{0[0][1]}'.format(['xy']), '{00}'.format(5))
print('{:>{w}}|'.format('a', w=5), '{0!r:^9}|'.format('a'), '{!a}'.format('é'), '{!s:>3}'.format(1), '{:{}{}}'.format(1, '>', 5))
print('{0:{1}}'.format(3.14159, '.2f'), '{:,}'.format(1234567), '{:_x}'.format(65535), '{:%}'.format(0.25), '{:08.3f}'.format(-3.5))
print('{x}'.format_map({'x': 1}), '{0:}'.format(5), '{!r}'.format(5), '{:^7}|'.format(True), '{:d}'.format(True), '{:x}'.format(False))
print(format(5), format(5, ''), format(True, ''), format(True, '>5'), format(1.5, ''), format(1j, ''), format(None, ''), format('ab', '^6'))
print(format(2**100, ','), format(1e100, '.3'), format(-0.0, 'z.1f'), format(0.1, '.20f'), format(1 + 2j, '.1f'), format(-1.5e-7, 'g'))
print((5).__format__('x'), (5.5).__format__('.1f'), 'a'.__format__('>3'), (1 + 2j).__format__('^12'), (255).__format__('#o'))
print('%s %r %a' % ('é', 'é', 'é'), '%5.2f|%-6d|%+d|% d' % (3.14159, 42, 5, 7), '%#x %#o %#X %x' % (255, 8, 255, -255))
print('%c%c' % ('x', 0x1F600), '%.3s|%5s|%-5s|' % ('abcdef', 'ab', 'cd'), '%(a)s %(a)r %(b)05d' % {'a': 'x', 'b': 42})
print('%d %i %u' % (True, 3.9, -3), '%e|%E|%g|%G' % (12345.678, 0.5, 1e-10, 1e20), '%10.3e|' % 3.14159, '%.0f %.1f' % (2.5, 0.25))
print('%*d|%-*d|%.*f' % (5, 1, 4, 2, 2, 3.14159), '%*s|' % (-3, 'a'), '%.*f' % (-1, 1.5), '%s' % [1], '%s' % ([1],), '%s' % {'k': 1})
print('abc' % [], 'abc' % {}, 'abc' % (), '%%|%s' % 'x', '%d' % 10**30, '%x' % 2**70, '%5c|' % 'a', '%f' % True)
print(b'%s|%b|%5s|%-4b|' % (b'ab', bytearray(b'cd'), b'e', b'f'), b'%d %x %5.1f %c %c %%' % (3, 255, 2.25, 65, b'z'))
print(b'%r %a' % ('é', b'x'), b'%(k)s' % {b'k': b'v'}, bytearray(b'%d') % 5, b'%.2s' % b'abc')
errors = [
    lambda: '{'.format(), lambda: '}'.format(), lambda: '{0}{}'.format(1, 2), lambda: '{}{0}'.format(1, 2), lambda: '{a'.format(),
    lambda: '{0!x}'.format(1), lambda: '{0!}'.format(1), lambda: '{0!rr}'.format(1), lambda: '{x}'.format(), lambda: '{1}'.format(1),
    lambda: '{0[}'.format(1), lambda: '{0.}'.format(1), lambda: '{0[0]x}'.format([1]), lambda: '{:{}}'.format(1),
    lambda: '{:{:{}}}'.format(1, 2, 3), lambda: '{0:x}'.format('a'), lambda: '{ 0 }'.format(5), lambda: '{0]}'.format(1),
    lambda: '{0[]}'.format([1]), lambda: '{}'.format_map({}), lambda: '{0}'.format_map({0: 'a'}), lambda: '{'.format_map({}),
    lambda: '{0[1]}'.format([1]), lambda: '{a{b}'.format(), lambda: '{!'.format(1), lambda: 'x{0:'.format(1),
    lambda: '%d' % 'a', lambda: '%d %d' % (1,), lambda: '%d' % (1, 2), lambda: '%(a)s' % 1, lambda: '%c' % 'ab',
    lambda: '%c' % 1114112, lambda: '%c' % 1.5, lambda: '%x' % 1.5, lambda: '%f' % 'a', lambda: '%y' % 1, lambda: '%' % (),
    lambda: '%s' % (), lambda: '%*d' % ('a', 1), lambda: '%.*f' % ('a', 1.0), lambda: '%(a)*d' % {'a': 1},
    lambda: '%(a)s %s' % {'a': 1}, lambda: 'abc' % 1, lambda: '%5%' % (1,), lambda: '%(a' % {}, lambda: '%(a)' % {'a': 1},
    lambda: '%d' % 1j, lambda: '%f' % 1j, lambda: '%f' % 10**400, lambda: '%c' % -1, lambda: '%s %s' % ('a',),
    lambda: b'%d' % b'a', lambda: b'%s' % 'a', lambda: b'%c' % 256, lambda: b'%c' % b'ab', lambda: b'%b' % 1, lambda: b'a' % 1,
    lambda: format(1, 'q'), lambda: format('a', 'd'), lambda: format(object(), 'x'), lambda: format(1.0, 'd'),
    lambda: format(1j, 'd'), lambda: format(True, 'q'), lambda: format([], 'x'), lambda: format(1, ',b'), lambda: format('a', '+'),
    lambda: (5).__format__(1), lambda: 'a'.__format__(), lambda: format(1, '.'), lambda: format(1.5, ',_'),
]
for f in errors:
    try:
        print('ok', repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
