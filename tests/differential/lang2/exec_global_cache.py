# exec of one code object against many fresh globals dicts: cached
# global lookups must never leak from one dict to the next.
code = compile("def f():\n    return x\nr = f()", "<s>", "exec")
out = []
for i in range(200):
    g = {"x": i}
    exec(code, g)
    out.append(g["r"])
print(out == list(range(200)))
