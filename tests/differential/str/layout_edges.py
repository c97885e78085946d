# Edge cases of the str layout: ASCII strings (text alone), non-ASCII
# strings just below and above the length at which an offset index is
# kept, their indexing, slicing, hashing and searching, str subclasses
# (trailing slots before the text), and long ASCII strings.

INDEX_MIN = 256


def show(s):
    n = len(s)
    picks = [s[i] for i in (0, n // 3, n // 2, n - 2, n - 1, -1, -n)]
    print(n, ''.join(picks), s[n // 4:n // 4 + 5], s[::97], s[-5:], s[:3])
    print(hash(s) == hash(''.join(list(s))), s.count('é'), s.find('z'), s.rfind('é'))


for n in (0, 1, 6, 7, 8, 9, 15, 16, 63, 64, 65, INDEX_MIN - 2, INDEX_MIN - 1, INDEX_MIN,
          INDEX_MIN + 1, 511, 512, 1000):
    show('é' * n + 'xyz')
    show('ab' * n + 'é')
    show('z' + '€' * n + '𝄞')

# Characters at every offset of a long mixed string, both ways.
s = ''.join(chr(0x61 + i % 26) if i % 3 else chr(0x430 + i % 32) for i in range(2000))
print(len(s), sum(ord(s[i]) for i in range(len(s))) == sum(map(ord, s)))
print(all(s[i] == c for i, c in enumerate(s)), all(s[-1 - i] == c for i, c in enumerate(reversed(s))))
print(s[300:310], s[1990:], s[255:258], s[256:257], s[-257:-254])
print([s.index(c) for c in 'абв'], s.count('а'), len(s.split('a')))

# Slices that land on either side of the index length.
for a, b in ((0, 255), (0, 256), (1, 257), (250, 260)):
    t = s[a:b]
    print(len(t), t[-1], t[0], hash(t) == hash(s[a:b]), t == s[a:b], t.upper()[:4])

# Strings made by concatenation, repetition, join, replace, formatting.
u = 'ß' * 200 + 'ß' * 100
print(len(u), u[299], u.upper()[:3], len(u.upper()))
v = '-'.join(['ü'] * 300)
print(len(v), v[598], v[597], v.count('-'))
w = ('a' * 300).replace('a', 'ä')
print(len(w), w[150], w[-1], w.find('a'), hash(w) == hash('ä' * 300))
print(len(f'{"é" * 255}{"e"}'), f'{"é" * 255}{"e"}'[255])


# str subclasses keep their attributes (trailing slots before the text).
class S(str):
    pass


for text in ('', 'plain', 'é' * 10, 'é' * 300, 'q' * 1000):
    x = S(text)
    x.tag = len(text)
    print(type(x).__name__, len(x), x.tag, x[-1:] if x else '', x == text, hash(x) == hash(text))
    if len(x) > 10:
        print(x[5], x[len(x) // 2], x[::150])
d = {S('é' * 300): 1, 'é' * 260: 2}
print(d['é' * 300], d[S('é' * 260)])

# Long ASCII strings.
big = 'abcdefghij' * 100000
print(len(big), big[999999], big[123456], big.count('j'), big[-3:], hash(big) == hash('abcdefghij' * 100000))
print(len(big + 'é'), (big + 'é')[-1], (big + 'é')[999999], (big + 'é')[500000])
