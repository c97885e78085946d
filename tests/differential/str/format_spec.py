# Format mini-language for strings and mixed.
for spec in ['', '10', '<10', '>10', '^10', '*^11', '.3', '10.2', '-<6', '=^7']:
    print(repr(format('hello', spec)))
print('{0}-{1}-{0}'.format('a', 'b'), '{}{}'.format(1, 2), '{x}{y}'.format(x=1, y=2))
print('{:>{w}}|{:^{w}.{p}f}'.format('r', 3.14159, w=8, p=2))
print('{!r} {!s} {!a}'.format('é', 'é', 'é'), '{0!r:>10}'.format('x'))
print('{{}} {{{}}}'.format(7), '{:%}'.format(0.25), '{:,}'.format(10 ** 9))
for bad in ['{', '}', '{0:{1:{2}}}', '{!x}', '{0!}', '{:=s}']:
    try:
        print(bad.format('a', 'b', 'c'))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
try:
    format('x', 'd')
except ValueError as e:
    print('ValueError:', e)
try:
    '{} {}'.format(1)
except IndexError as e:
    print('IndexError:', e)
try:
    '{0} {}'.format(1, 2)
except ValueError as e:
    print('ValueError:', e)
try:
    '{a}'.format(b=1)
except KeyError as e:
    print('KeyError:', e)
print(format('abc', '\x00<5') == 'abc\x00\x00', format(None, ''), '{:10}'.format(True), '{:^5}'.format(None) if False else '')
