# Edge cases of str search and argument parsing after the window-based
# find/count and the array-based argument slots: start/end windows on ASCII
# and non-ASCII text, empty needles, out-of-range bounds, keyword errors.
texts = ["", "a", "abcabc", "item-00042:00126", "héllo wörld héllo", "xx\U00010348yy\U00010348", "ß" * 300 + "abc" + "é" * 300]
subs = ["", "a", "bc", "0", "héllo", "ö", "\U00010348", "zz", "abc", "é"]
bounds = [(None, None), (0, None), (1, None), (-3, None), (2, 5), (5, 2), (100, None), (None, -1), (-100, 3), (3, 3), (None, 100), (4, 4)]
for t in texts:
    for sub in subs:
        row = []
        for b, e in bounds:
            row.append((t.find(sub, b, e), t.rfind(sub, b, e), t.count(sub, b, e)))
        print(repr(t[:12]), repr(sub), row)
        for meth in (t.index, t.rindex):
            try:
                print(meth(sub, 1))
            except ValueError as ex:
                print("ValueError", ex)
print("abc".count("", 1, 2), "abc".count("", 5), "abc".find("", 3), "abc".find("", 4), "abc".rfind("", 1))
print("aaaa".count("aa"), "éaéa".count("a", 1), "éaéa".find("a", 2), "éaéa".rfind("é", 0, 3))
class Idx:
    def __index__(self):
        return 2
print("abcabc".find("c", Idx()), "abcabc".count("b", None, Idx()))
for call in [lambda: "abc".find(), lambda: "abc".find("a", 1, 2, 3), lambda: "abc".find(1),
             lambda: "abc".find("a", "x"), lambda: "abc".count(sub="a"),
             lambda: "abc".replace("a"), lambda: "abc".replace("a", "b", 1, 2),
             lambda: "abc".replace(old="a", new="b"), lambda: "abc".split(sep="b", maxsplit=0),
             lambda: "abc".split("b", 0, sep="b"), lambda: "abc".split(x=1),
             lambda: "abc".upper(1), lambda: "abc".endswith(), lambda: "abc".zfill(),
             lambda: "a b".split(None, maxsplit=1), lambda: "abc".encode(errors="strict"),
             lambda: str.count(), lambda: str.count(5, "a")]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)
print("a,b,,c".split(","), "a,b,,c".rsplit(",", 1), " a  b ".split(), "x\ny\r\nz".splitlines(True))
print("é,ü,".split(","), "éAé".split("A"), "".split(","), "".split())
print("ITEM-1:2".replace("ITEM", "x"), "aaa".replace("a", "b", 2), "abc".replace("", "-"), "é".replace("é", "ü"))
print("item-00042".upper()[::-1], "héllo"[::-1], "héllo"[1:4], "abc"[::2], "abcdef"[-2::-2])
print(b"abcabc".count(b"b"), b"abcabc".find(b"c", 3), bytearray(b"abc").replace(b"b", b"x"))
print("AbC-1z".swapcase(), "Ab\u00dfC".swapcase(), "ABC dEf".casefold(), "\u00c0B\u00df".casefold(), "".swapcase(), "".casefold())
