# repr() of strings with quotes, escapes, non-ASCII and non-printables.
for s in ['plain', "it's", 'say "hi"', 'both \' and "', 'tab\there', 'nl\n', 'cr\r', '\x00\x07\x1b\x7f',
          '\x80\x9f\xa0\xad', 'é', '日本', '\u200b', '\u2028', '\ud800', '\U0001F600', '\\', '\U000e0001', '\ufeff']:
    print(repr(s), ascii(s), len(s), [ord(c) for c in s][:4])
print('\N{GREEK SMALL LETTER ALPHA}', '\u03b1' == 'α', '\x41\101\u0041\U00000041', 'a\
b', r'\n\t', len(r'\\'), 'x' 'y' "z")
print(str(['é', "'"]), repr(('"',)), repr({'k\n': 'v\t'}))
