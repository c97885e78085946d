# CPython's tokenizer messages for malformed numeric literals, and the
# SyntaxWarning for a literal directly followed by a keyword.
import warnings

for src in ["0b12", "0b1_2", "0b", "0o18", "0o", "0x1_", "0x", "1_", "012",
            "1.2_", "1e2_", "1e+", "0xfand x", "0or x", "1spam", "1.__class__",
            "x = 0b1\n0b2"]:
    try:
        compile(src, "<case>", "eval" if "\n" not in src else "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset)

for src in ["1if x else y", "0xfor x in ()", "1.in x", "1e3is x", "1jnot in x",
            "0o7or x", "[0b1for x in ()]", "x if 9else y", "0", "1 if x else y"]:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        compile(src, "<case>", "eval")
    print(repr(src), [str(x.message) for x in w])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(src, "<case>", "eval")
        except SyntaxError as e:
            print("  as error:", e.msg)
