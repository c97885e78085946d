# Where a starred expression is rejected, and by whom: CPython's parser
# ("cannot use", also inside f-strings) or its compiler ("can't use").
for s in ["x = *a", "del (*x)", "f'{*x}'", "f'{**x}'", "print((*a))", "(*a) = 1",
          "del *x", "del (*x,)", "del [*x,]", "*a = 1", "a, *b = 1", "x = {**a}"]:
    try:
        compile(s, "c", "exec")
        print("ok", s)
    except SyntaxError as e:
        print(repr(s), e.msg)
