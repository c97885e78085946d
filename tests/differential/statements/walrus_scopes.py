# Assignment expressions that comprehensions forbid: in an iterable
# expression (also inside a nested comprehension or lambda there), and an
# inner loop rebinding a walrus target; a tuple target is named as such.
cases = [
    "[i for i in (i := range(5))]",
    "[i for i in [j for j in range(5) if (j := True)]]",
    "[i for i in (lambda: (j := range(5)))()]",
    "[i for i in range(5) for j in (i := range(5))]",
    "[i for i in range(5) if (j := 0) for j in range(5)]",
    "{i for i in range(5) if (j := 0) for j, k in [(0, 1)]}",
    "((a, b) := (1, 2))",
    "([a, b] := (1, 2))",
    "[(j := i) for i in range(3)]",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("ok", src)
    except SyntaxError as e:
        print(e.msg)
