# bytes operations and error messages
b = b"hello world"
print(b[0], b[-1], b[1:4], b[::-1], b[::3])
print(b.upper(), b.title(), b.split(), b.split(b"o"), b.replace(b"l", b"L", 2))
print(b.find(b"o"), b.rfind(b"o"), b.index(b"w"), b.count(b"l"), b.count(108))
print(b.startswith(b"he"), b.endswith((b"x", b"ld")), b"o" in b, 111 in b)
print(b.hex(), b.hex(":"), bytes.fromhex("de ad be ef"), b"\x00\xff".hex())
print(bytes(3), bytes([65, 66]), bytes(range(3)), bytes("é", "utf-8"))
print(b"a" * 3, b"ab" + b"cd", b"x".join([b"1", b"2"]), b"  s ".strip())
print(b"abc" < b"abd", b"" < b"a", b"a" == bytearray(b"a"), b"A".lower())
print(repr(b"\t\n\r\x7f\x80'\""), repr(b"'"), repr(b"\\"))
print(b"%s-%d-%x" % (b"s", 1, 255), b"%5b|" % b"ab")
print(b"abc".decode(), b"caf\xc3\xa9".decode("utf-8"), b"\xff".decode("latin-1"))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b"\xffab".decode("utf-8", "replace"), b"\xffab".decode("utf-8", "ignore"))
try:
    b"abc"[5]
except IndexError as e:
    print("IndexError:", e)
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
try:
    bytes("abc")
except TypeError as e:
    print("TypeError:", e)
try:
    b"abc"[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    b"x".index(b"y")
except ValueError as e:
    print("ValueError:", e)
print(list(b"abc"), tuple(b"\x01\x02"), max(b"azb"), sorted(b"cab"))
print(b"a,b,,c".split(b","), b"a b  c".split(None, 1), b"line1\nline2\r\n".splitlines())
print(b"abc".center(9, b"*"), b"7".zfill(3), b"ab".ljust(4) + b"|", b"x".rjust(3, b"0"))
print(b"Hello".swapcase(), b"hello".capitalize(), b"abc".isalpha(), b"12".isdigit(), b" ".isspace())
print(b"a-b-c".partition(b"-"), b"a-b-c".rpartition(b"-"), b"tab\there".expandtabs(4))
print(b"abcabc".removeprefix(b"ab"), b"abcabc".removesuffix(b"bc"), b"xyz".translate(None, b"y"))
print(bytes.maketrans(b"ab", b"AB")[97:99], b"aabb".translate(bytes.maketrans(b"ab", b"xy")))
print(hash(b"abc") == hash(b"abc"), len(b""), bool(b""))
print(int.from_bytes(b"\x12\x34", "big"), b"\x00" * 0, bytes(b"copy"), b"".join([]))
print(b"ab".isascii(), b"\x80".isascii(), b"AbC".isupper(), b"abc".islower())
