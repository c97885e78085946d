# Strings written straight into the new object (concatenation, slicing,
# join, replace, upper/lower): ASCII and non-ASCII, empty results, steps,
# subclasses, lengths around the short-copy widths.
s = 'héllo wörld ' * 3
print(s[::-1], s[::2], s[1:9], s[::-3], s[5:1:-1], s[100:], s[-3:-100:-1])
print(len(s[::-1]), s[::-1][3], s[::2][-1])
a = 'abcdefghijklmnopqrstuvwxyz0123456789'
print(a[::-1], a[::5], a[3:30:4], a[30:3:-4], a[:0], a[::-100], a[-1::-7])
for n in range(0, 40):
    t = a[:n]
    assert t[::-1] == ''.join(reversed(t)), n
    assert t + t[::-1] == t + ''.join(reversed(t)), n
    assert (t + 'é')[::-1][0] == 'é'
print(','.join([]), ','.join(['x']), 'é'.join(['a', 'bé', 'c']), ''.join(['ab', 'cd']), '--'.join('xyz'))
print(len('é'.join(['a', 'bé', 'c'])), 'é'.join(['a', 'bé', 'c'])[3])
try:
    ','.join(['a', 1])
except TypeError as e:
    print(e)
class S(str):
    pass
print(type(','.join([S('q')])), ','.join([S('q'), 'r']), type(','.join([S('q'), 'r'])))
print('aXbXc'.replace('X', 'éé'), 'aaaa'.replace('a', 'b', 2), 'abc'.replace('', '-'))
print('héé'.replace('é', 'e'), 'xx'.replace('x', '', 0), 'abab'.replace('ab', ''), 'abc'.replace('z', 'y'))
print(len('héé'.replace('h', 'ü')), 'héé'.replace('h', 'ü')[2], 'aaa'.replace('a', 'é', -1))
print('HeLLo'.upper(), 'HeLLo'.lower(), 'ß'.upper(), 'İ'.lower(), S('aB').upper(), type(S('aB').lower()))
print(''.upper() == '', 'a1!Z'.lower(), ('x' * 33).upper())
print('a' + 'b', 'é' + 'x', '' + '', len('é' + 'ü'), ('é' + 'ü')[1], S('s') + 'x', type(S('s') + 'x'))
print(('ab' * 20 + 'c')[::-1], ('0123456' + '789')[::-1])
