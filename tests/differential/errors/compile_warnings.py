# Compile-time warnings: DeprecationWarning for invalid escape sequences
# (a SyntaxError when the filters make it an error) and the compiler's
# SyntaxWarnings (assert on a tuple, `is` with a literal, missing commas).
import warnings


def warned(src, mode="exec"):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        compile(src, "<case>", mode)
    return [(x.category.__name__, str(x.message), x.lineno) for x in w]


def as_error(src):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(src, "<case>", "exec")
        except SyntaxError as e:
            return (e.msg, e.lineno, e.offset)
    return None


cases = [
    r"x = '\d'",
    r"x = b'\d'",
    r"x = '\407'",
    r"x = b'\407'",
    r"x = 'ok\n\x41\N{EM DASH}'",
    r"x = r'\d'",
    "x = '''\n\\z'''",
    r"x = f'\{6*7}'",
    r"x = f'{1}\d{2}\q'",
    "x = 'a' '\\d' '\\e'",
    'assert(x, "msg")',
    "assert x, 'msg'",
    "x is 1",
    "x is not 'a'",
    "x is None or x is ...",
    "x is (1, 2)",
    "[(1, 2) (3, 4)]",
    "[None (3, 4)]",
    "[(lambda: 1) (3, 4)]",
    "[{1, 2} [i, j]]",
    "[[1, 2] [i, j]]",
    "[[1, 2] ['a']]",
    "[[1, 2] [0]]",
    "[[1, 2] [1:2]]",
    "[{(1, 2): 3} [i, j]]",
]
for src in cases:
    print(repr(src), warned(src), as_error(src))
print(warned(r"'\d'", "eval"))
