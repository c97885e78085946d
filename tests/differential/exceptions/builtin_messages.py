# Exact messages of common built-in errors.
cases = [
    '1 / 0', '1 // 0', '1 % 0', '1.0 / 0', '[][1]', '()[0]', "''[5]", "{}['x']", '{1: 2}[3]', 'None.x',
    'undefined_name', "'a' + 1", '1 + "a"', '[] + ()', "len(5)", "int('x')", "float('y')",
    '[1, 2].index(3)', "'abc'.index('z')", 'next(iter([]))', 'import_missing_mod', "{}.pop('k')",
    'set().pop()', '[].pop()', "'x' * 'y'", 'None()', '(1)()', "'abc'()", 'abs("x")', '-"x"', '~1.5',
    "int.bad_attr", 'object().__dict__', '1 < "a"', '[] < 1', 'hash([])', 'hash({})', 'hash(set())',
    'chr(-1)', 'chr(0x110000)', "ord('ab')", "ord('')", 'divmod(1, 0)', 'pow(0, -1)', '2 ** 10000.0',
    "list(5)", "dict(5)", "tuple(None)", 'range("a")', 'sum(["a"])', 'max([])', 'min()', 'round("x")',
    "'{}'.format", "getattr(1, 'x')", 'setattr(1, "x", 2)', "isinstance(1, 1)", 'issubclass(1, int)',
    "(lambda: 0)(1)", "(lambda x: 0)()", "print(end=5)", "sorted([1], key=5)", "[1][1.5]", "'ab'[None]",
    "bytes('x')", "b'a' + 'b'", "int(None)", "complex('x')", 'object.__new__(5)', 'type(1, 2)',
    "exec(5)", "eval('1 +')", "compile('x', 'f', 'bad')", "iter(5)", "reversed(5)", "memoryview('x')",
]
for src in cases:
    try:
        eval(src)
        print(src, '-> no error')
    except Exception as e:
        print(f'{src!r:28} {type(e).__name__}: {e}')
