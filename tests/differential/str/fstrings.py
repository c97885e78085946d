# f-strings: expressions, conversions, nested specs, '=' debugging.
x, y, name = 10, 3.14159, 'Ada'
print(f'{x} {y} {name}', f'{x + 1}', f'{x * 2 = }', f'{name=}', f'{name = !s}', f'{y=:.2f}')
print(f'{name!r} {name!s} {name!a} {"é"!a}', f'{x:>{x}}|', f'{y:{x}.{x // 5}f}')
width, prec = 12, 3
print(f'{y:{width}.{prec}}|', f'{y:<{width}.{prec}e}|', f'{"mid":^{width}}|')
print(f'{{literal}} {{{x}}}', f'{x:#x} {x:#o} {x:08b}', f'{[1, 2][0]}', f"{'a' 'b'}", f'{ {"k": 1}["k"] }')
d = {'key': 'v'}
print(f"{d['key']}", f'{(lambda q: q * 2)(4)}', f'{x if x > 5 else -x}', f'{",".join(["a", "b"])}')
nested = f'{f"{x}"!r}'
print(nested, f'{3.0:.{2}f}', f'{"%d" % 5}', f'''{
x
}''', f'{x}' f'{y:.1f}' 'plain')
class P:
    def __format__(self, spec):
        return f'P<{spec}>'
print(f'{P()}', f'{P():abc}', f'{P():{x}x}', f'{x!r:>5}', f'{None}', f'{x=!r:^10}')
print(f'{3.14=:10.1f}', f'{1+1=}', f'{ x = }', F'{x}', rf'\n{x}', fr'{x}\t')
