# compile() modes and code objects
c1 = compile("1 + 2", "<expr>", "eval")
print(type(c1).__name__, eval(c1), c1.co_filename, c1.co_name)
c2 = compile("a = 5\nb = a * 2", "<exec>", "exec")
ns = {}
print(exec(c2, ns), ns["b"])
c3 = compile("x = 1", "<single>", "single")
exec(c3, ns)
print(ns["x"])
c4 = compile("print('single prints', 40 + 2)", "s", "single")
exec(c4)
single_expr = compile("6 * 7", "<single>", "single")
exec(single_expr)
exec(compile("None", "<single>", "single"))
exec(compile("'string'", "<single>", "single"))
for src, mode in [("x =", "exec"), ("a = 1", "eval"), ("1\n2", "single"), ("def f(:", "exec"),
                  ("return 5", "exec"), ("break", "exec"), ("1 + 1", "bogus")]:
    try:
        compile(src, "<t>", mode)
        print("compiled", repr(src), mode)
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.filename)
    except ValueError as e:
        print("ValueError:", e)
c5 = compile("def g(a, b=1, *c, d, **e):\n    z = a\n    return z", "<f>", "exec")
ns2 = {}
exec(c5, ns2)
co = ns2["g"].__code__
print(co.co_name, co.co_argcount, co.co_kwonlyargcount, co.co_posonlyargcount, co.co_varnames)
print(co.co_filename, co.co_firstlineno, ns2["g"].__name__)
try:
    compile("1", "<x>", "eval", flags=0, dont_inherit=True).co_consts
    print("flags ok")
except Exception as e:
    print(type(e).__name__, e)
c6 = compile("for i in range(3): total = i", "<loop>", "exec")
ns3 = {}
exec(c6, ns3)
print(ns3["total"], ns3["i"])
try:
    exec(compile("raise ValueError('from compiled')", "<r>", "exec"))
except ValueError as e:
    print("ValueError:", e)
try:
    compile(5, "<x>", "exec")
except TypeError as e:
    print("TypeError:", e)
print(eval(compile("[x * 2 for x in (1, 2)]", "<c>", "eval")))
print(compile("x", "fname.py", "eval").co_names, compile("", "<e>", "exec") is not None)
