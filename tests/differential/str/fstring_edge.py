# f-string edge cases: quotes, braces, format of various types, conversions with specs.
items = ['a', 'b']
print(f"{items!r}", f'{len(items):03}', f'{"quoted"}', f"{'x' * 3}", f'{3:{"<"}{5}}|', f'{1e6:,.1f}')
print(f'{-42:+06d}', f'{0.5:.0%}', f'{12345:_}', f'{"s":*>4}', f'{None!s:>6}|', f'{True:d}', f'{b"x"!r}')
d = {'a': {'b': 2}}
print(f"{d['a']['b']}", f'{[x for x in range(3)]}', f'{(1, 2)}', f'{ {1, 2} }', f'{(lambda: "lam")()}')
print(f'{"a" if 1 else "b"}', f'{1:{""}>3}', f'{3.14159:.{2 + 1}f}', f'{2**10:>{2*4}}')
