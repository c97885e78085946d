# f-strings: nesting, conversions, format specs, dynamic specs, '='
name = "Ada"
val = 3.14159
num = 255
width = 10
prec = 3
items = ["x", "y"]
d = {"k": "v"}

print(f"{name}")
print(f"{name!r} {name!s} {name!a}")
print(f"{'héllo'!a}")
print(f"{val:.2f} {val:10.3f}| {val:<10.1f}| {val:^10.2e}|")
print(f"{num:x} {num:X} {num:o} {num:b} {num:#x} {num:#o} {num:#b}")
print(f"{num:08d} {num:+d} {-num: d} {num:,} {10**7:_}")
print(f"{val:{width}.{prec}f}|")
print(f"{name:>{width}}|{name:*^{width}}|")
print(f"{items[0]}{items[-1]} {d['k']} {len(items)}")
print(f"{name=}")
print(f"{val=:.1f}")
print(f"{num = }")
print(f"{1 + 2 = }")
print(f"{name=!s}")
print(f"{{literal}} {{{name}}}")
print(f"{f'{name}'}")
print(f"{'nested ' + f'{num:x}'}")
print(f"{3 if num > 100 else 4}")
print(f"{(lambda x: x * 2)(4)}")
print(f"{[i * 2 for i in range(3)]}")
print(f"{0.1 + 0.2}")
print(f"{1e20:g} {1e-5:g} {123456789:e}")
print(f"{0.5:%} {0.25:.0%}")
print(f"{'s':5}|{5:5}|{'s':>5}|{5:<5}|")
print(f"{-5:=8}|{5:0=8}|")
print(f"{True} {None} {b'x'}")
print(f"{name:.2}")
class Fmt:
    def __format__(self, spec):
        return "Fmt<" + spec + ">"
    def __repr__(self):
        return "Fmt-repr"
print(f"{Fmt()} {Fmt():abc} {Fmt()!r} {Fmt():{width}}")
print(f"multi {name} "
      f"line {num}")
x = 7
print(f"{x!r:>5}|{x:>{x}}|")
try:
    f"{num:z}"
except ValueError as e:
    print("ValueError:", e)
try:
    f"{name:d}"
except ValueError as e:
    print("ValueError:", e)
print(f"{3.0:.0f} {2.5:.0f} {-0.0} {1_000:08,}")
print(f"{'a' 'b'}" f"{'c'}")
