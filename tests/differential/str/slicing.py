# Indexing and slicing strings.
s = 'abcdefghij'
print(s[0], s[-1], s[3:7], s[:3], s[7:], s[::2], s[1::3], s[::-1], s[-3:], s[:-3], s[8:2:-2], s[100:], s[-100:2])
for a in [None, -12, -3, 0, 4, 12]:
    for b in [None, -12, -2, 0, 6, 12]:
        for c in [None, -3, -1, 1, 2]:
            print(a, b, c, repr(s[a:b:c]))
try:
    s[10]
except IndexError as e:
    print('IndexError:', e)
try:
    s[::0]
except ValueError as e:
    print('ValueError:', e)
try:
    s['a']
except TypeError as e:
    print('TypeError:', e)
t = 'héllo wörld ✓ 日本'
print(t[1], t[-1], t[6:11], t[::-1], len(t), t[slice(2, 9, 3)])
try:
    s[0] = 'x'
except TypeError as e:
    print('TypeError:', e)
