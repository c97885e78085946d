# re: matching semantics of the engine — backtracking, greedy/lazy/
# possessive repeats, atomic groups, lookarounds, backreferences,
# conditionals, captures inside repeats, empty matches, long subjects.
import re

def show(pat, s, flags=0):
    m = re.search(pat, s, flags)
    if m is None:
        print(repr(pat), repr(s), None)
    else:
        print(repr(pat), repr(s), m.span(), m.groups())

cases = [
    ('a*b', 'aaab'), ('a*?b', 'aaab'), ('a+?', 'aaa'), ('a{2,3}', 'aaaa'), ('a{2,3}?', 'aaaa'),
    ('a{,2}b', 'aaab'), ('a{3}', 'aa'), ('(ab)*c', 'ababc'), ('(ab)*?c', 'ababc'),
    ('(a|ab)(c|bcd)(d*)', 'abcd'), ('(a+|b+)*c', 'aabbc'), ('(a*)*b', 'aab'), ('(a*)+b', 'b'),
    ('(a|b)*?c', 'abac'), ('(?:(a)|b)*', 'ab'), ('(?:(a)|(b))*', 'ab'), ('(a)*?b', 'aab'),
    ('((a)|b)+', 'ab'), ('(a?)*?$', 'aa'), ('(?:a|())*', 'aa'), ('(a*?)*', 'aa'),
    ('x(a|b)*?y', 'xabaty xaby'), ('(?:x*)*', 'xx'), ('(?:a*)*?b', 'aab'),
    # possessive repeats and atomic groups (3.11)
    ('a*+a', 'aaa'), ('a++b', 'aab'), ('(?:ab)*+ab', 'ababab'), ('(?:ab)++c', 'ababc'),
    ('a?+a', 'a'), ('a{1,2}+a', 'aaa'), ('(?>a+)a', 'aaa'), ('(?>a|ab)c', 'abc'), ('(?>ab|a)c', 'abc'),
    ('(?>(a)+)b', 'aab'), ('(a|b)*+c', 'abc'), ('((a)|b)++', 'ab'), ('(?>x*)y', 'xxy'),
    # lookarounds
    ('a(?=b)', 'acab'), ('a(?!b)', 'abac'), ('(?<=a)b', 'cbab'), ('(?<!a)b', 'abcb'),
    ('(?<=ab)c', 'abc'), ('(?<=(a))b', 'ab'), ('(?=(a+))a*b', 'aab'), ('(?!(a)c)a', 'acab'),
    ('^(?=.*\\d)(?=.*[a-z]).{4,}$', 'ab12'), ('\\b\\w+(?<!s)\\b', 'cats dog'),
    # backreferences and conditionals
    (r'(a+)b\1', 'aabaa'), (r'(a)|\1', 'x'), (r'(?P<q>[\'"]).*?(?P=q)', 'say "hi" there'),
    (r'(\w+)\s+\1', 'hello hello world'), (r'(a)?b(?(1)c|d)', 'bd'), (r'(a)?b(?(1)c|d)', 'abc'),
    (r'(a)?b(?(1)c|d)', 'abd'), (r'(?P<x>a)?(?(x)b)', 'ab'), (r'(a)|b(?(1)x)', 'b'),
    (r'(?i)(a)\1', 'aA'), (r'(a)(?:\1)*', 'aaaa'), (r'((a)\2)*', 'aaaab'),
    # anchors and boundaries
    (r'^\w+$', 'abc'), (r'\Aab\Z', 'ab'), (r'ab$', 'ab\n'), (r'ab\Z', 'ab\n'), (r'\bb', 'ab b'),
    (r'\Bb', 'ab b'), (r'(?m)^b$', 'a\nb\nc'), (r'$', 'a\n'), (r'(?m)$', 'a\nb'), (r'\b', ''),
    (r'\B', ''), (r'.', '\n'), (r'(?s).', '\n'),
    # classes
    (r'[a-c]+', 'xxabcabx'), (r'[^a-c]+', 'abxyzc'), (r'[\d\s]+', 'ab1 2 3c'), (r'[\w-]+', 'a-b_c!'),
    (r'[]a]+', 'a]a'), (r'[^]]+', 'ab]'), (r'[\^]', 'a^'), (r'[.]', 'a.'), (r'\W+', 'ab, cd'),
    # alternation order
    ('a|ab|abc', 'abc'), ('abc|ab|a', 'abc'), ('(a|ab)(c|bcd)', 'abcd'), ('x(?:a|b|c)*y', 'xabcy'),
    ('(?:a|b)+?c', 'ababc'), ('', 'abc'), ('|a', 'a'),
]
for c in cases:
    show(*c)

# fullmatch forces backtracking to the end
print(re.fullmatch('a*?', 'aaa').span(), re.fullmatch('(a|ab)*', 'abab').groups())
print(re.fullmatch('a*+', 'aaa').span(), re.fullmatch(r'.*?(\d+)', 'ab123').groups())
print(re.fullmatch('a|ab', 'ab').span(), re.fullmatch('(?:a|ab)c', 'abc'))

# long subjects: deep backtracking must not crash
s = 'ab' * 100000
print(re.match('(?:a|b)*c', s), re.match('(a|b)*', s).span(), re.match('(a|b)*', s).group(1))
print(re.match('(?:(a)|b)*?$', s).span(), re.search('(ab)+$', s).span())
print(len(re.findall(r'a\w', s)), re.search('b{2}', s), re.match('(?:ab)*+', s).end())
t = 'x' * 50000 + 'y'
print(re.search('(x+x+)+z', 'x' * 12), re.search(r'x*y', t).span(), re.match('(x)*?y', t).span())

# a catastrophic pattern on a short subject still finishes
print(re.match('(a*)*b', 'a' * 18))
