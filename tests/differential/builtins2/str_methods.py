# str methods with edge cases
s = "Hello, World"
print(s.lower(), s.upper(), s.swapcase(), s.title(), "hELLO wORLD".capitalize(), s.casefold())
print(s.split(","), s.split(), "a,b,,c".split(","), "a  b".split(" "), " x y ".split(), "abc".split("b", 0))
print("a,b,c".rsplit(",", 1), "a,b,c".split(",", 1), "".split(), "".split(","), "1\n2\r\n3".splitlines(True))
print(s.find("o"), s.rfind("o"), s.find("o", 5, 8), s.find("z"), s.index("W"), s.count("l"), "aaa".count("aa"))
print(s.replace("l", "L"), s.replace("l", "L", 1), "abc".replace("", "-"), "aaa".replace("a", "b", -1))
print(" pad ".strip(), "xxhixx".strip("x"), "  l".lstrip(), "r  ".rstrip(), "abcba".strip("ab"))
print("ab".center(7, "*"), "ab".ljust(5, "."), "ab".rjust(5), "42".zfill(5), "-42".zfill(5), "+4".zfill(4))
print("-".join(["a", "b"]), "".join(map(str, range(4))), ", ".join([]))
print("abc".startswith(("x", "a")), "abc".endswith("bc", 0, 3), "abc".startswith("b", 1))
print("a1".isalnum(), "12".isdigit(), "½".isnumeric(), "²".isdigit(), "x".isidentifier(), "1x".isidentifier())
print("Title Case".istitle(), "   ".isspace(), "".isspace(), "ABC".isupper(), "abc1".islower(), "\t".isprintable())
print("a\tb".expandtabs(), "a\tb".expandtabs(2), "k=v=w".partition("="), "k=v=w".rpartition("="), "kv".partition("="))
print("prefix_x".removeprefix("prefix_"), "x.py".removesuffix(".py"), "abc".removeprefix("z"))
print("abc".translate(str.maketrans("ab", "xy")), "abc".translate({97: None, 98: "BB"}), str.maketrans({"a": 1}))
print("{0}{1}".format(*"xy"), "%-3s|" % "a", "ß".upper(), "ǅ".lower(), "ﬁ".upper(), "İ".lower().encode())
for bad in [lambda: "abc".index("z"), lambda: "a".join([1]), lambda: "x" * "y", lambda: "abc"[5],
            lambda: "s".center(5, "ab"), lambda: "a".split(""), lambda: str.maketrans("ab", "c"),
            lambda: "a".startswith(["a"]), lambda: "abc".replace(1, 2), lambda: "s" - "s",
            lambda: "s".encode("no-such-codec"), lambda: "é".encode("ascii")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
print("abc"[::-1], "abcdef"[1:5:2], "abc"[-5:10], "x" in "xyz", "" in "abc", "abc" < "abd", "Z" < "a")
print(len("héllo"), "日本".encode("utf-8"), "é".encode("latin-1"), ord("€"), chr(128512), "\u00e9" == "é")
print(repr("it's"), repr('say "hi"'), repr("both ' \""), repr("\x00\t\\"), repr("\u200b"), ascii("ü€"))
print(str(12), str(b"x"), str(None), str(1.0), str([1, "a"]), str(), str(b"ab", "ascii"))
print("%s" % "x" * 3, "a" "b" == "ab", "abc".__contains__("b"), "aBc".swapcase())
print(min("hello"), max("hello"), sorted("bca"), list("ab"), "a,b".split(",", maxsplit=0))
print("one two three".title(), "they're bill's".title(), "hello world".capitalize())
print("\u0130".lower() == "i\u0307", "straße".casefold(), "ΣΑΣ".lower())
