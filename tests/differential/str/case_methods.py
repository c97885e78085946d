# Case-changing str methods.
words = ['hello world', 'Hello World', 'HELLO', "they're bill's friends", 'ǅungla', 'straße', 'ß', 'İstanbul', 'ﬁne', 'a1b2 c3', '', 'hello\tworld\nX']
for w in words:
    print(repr(w), repr(w.upper()), repr(w.lower()), repr(w.title()), repr(w.capitalize()), repr(w.swapcase()), repr(w.casefold()))
print('ΣΑΣ'.lower(), 'ὈΔΥΣΣΕΎΣ'.lower(), 'ﬃ'.upper(), 'ŉ'.upper())
print('abc'.istitle(), 'Abc Def'.istitle(), 'ABC'.isupper(), 'abc1'.islower(), '123'.islower())
