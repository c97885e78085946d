# chr ord ascii repr str int float bool list tuple set dict type conversions.
print(chr(65), chr(0x1F600), ord('A'), ord('€'), ascii('é\n'), ascii([1, 'ü']), repr('x'), str(b'x'))
print(list('ab'), tuple([1]), set([1, 1]), frozenset([2]), dict(a=1), dict([('k', 'v')]), bool([]), bool([0]))
print(int('10'), int(' -5 '), float('2.5'), complex(1, 2), str(1.0), str(-0.0), repr(1e100), int(1e15))
print(type(1), type('a'), type([]), type(None), type(type), type(print), type(len), type(int.__add__), type((1).__add__))
print(format(3.5), format('x', '>3'), format(1234, ','), format(0.5, '%'), format(True), format(255, '#06x'))
print(callable(len), callable(1), callable(type), callable(lambda: 0), callable(int.__add__))
