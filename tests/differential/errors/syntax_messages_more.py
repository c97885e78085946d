# SyntaxError messages and positions: deleting None/True/False, mixing
# except and except*, an assignment inside call arguments, the character
# after a bad line continuation, non-printable characters.
tests = [
    "del None",
    "del False",
    "del (1, 2)",
    "try: pass\nexcept ValueError: pass\nexcept* TypeError: pass",
    "try: pass\nexcept* ValueError: pass\nexcept TypeError: pass",
    "try:\n    pass\nexcept* A:\n    pass\nexcept  *B:\n    pass\nexcept C:\n    pass",
    "print(end1 + end2 = ' ')",
    "f(x, a.b = 1)",
    r"a = 3 \ 4",
    "1,\\#\n2",
    "\nfgdfgf\n1,\\#\n2\n",
    'print\x17("Hello")',
    "x\xa0= 1",
]
for s in tests:
    try:
        compile(s, "<c>", "exec")
        print("ok")
    except SyntaxError as e:
        print(repr(s), "|", e.msg, e.lineno, e.offset)
