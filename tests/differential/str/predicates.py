# is* predicates over many characters.
samples = ['abc', 'ABC', 'Abc', '123', '١٢٣', '½', '²', 'abc123', '', ' ', '\t\n', 'a b', 'x_1', '_x', '1x',
           'Ⅻ', 'ǅ', 'ß', '日本', 'class', '\x00', 'é', 'A\u0301', '\u00a0', 'Hello World']
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(),
          s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
