# Iterating strings, unicode lengths, join/ord/chr round trips.
s = 'naïve café ☕'
print([c for c in s if not c.isascii()], len(s), s.encode('utf-8').__len__(), ''.join(reversed(s)))
print(''.join(chr(ord(c) + 1) for c in 'HAL'), sorted(set('mississippi')), 'abc'[::-1] == 'cba')
counts = {}
for ch in 'hello world':
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()), max(counts, key=counts.get), str.upper('x'), 'A'.lower() + 'b'.upper())
print('%s' % 'x' * 3, 'a,b'.split(',') + ['c'], 'x'.center(5).replace(' ', '.'), str(3).zfill(3))
