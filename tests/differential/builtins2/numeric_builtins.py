# abs/divmod/pow/round/sum/bin/hex/oct/chr/ord/any/all
print(abs(-5), abs(-2.5), abs(3 + 4j), abs(True), abs(-0.0))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-1, 3.0), divmod(True, 2))
print(pow(2, 10), pow(2.0, -1), pow(-8, 1 / 3) == (-8) ** (1 / 3), pow(4, 0.5), pow(10, 2, 7), pow(0, 0))
print(pow(base=3, exp=2), pow(3, 4, mod=5))
print(sum([1, 2, 3]), sum([1.5, 2.5]), sum([[1], [2]], []), sum(range(5), 10), sum([], 0.0), sum([True, True]))
print(sum(((1,), (2,)), ()), sum([0.1] * 3), sum([1, 2.5, 3j]))
print(bin(10), bin(-10), oct(64), hex(255), hex(-1), bin(0), hex(2 ** 70))
print(chr(65), chr(0x1F600), ord("A"), ord("\u20ac"), chr(0), repr(chr(127)))
print(any([]), all([]), any([0, "", None]), all([1, "x", [0]]), any(x > 3 for x in range(5)), all(iter([1, 0])))
print(int("101", 2), int("ff", 16), int("Z", 36), int(" 42\n"), int("-0b11", 0), int(3.99), int(-3.99))
print(float("1_000.5"), complex("1+2j"), complex(1, 2), complex("3"), complex(2.5), complex(1j, 1j))
print(round(7), round(7.5), round(8.5), round(-7.5), round(7.45, 1), round(0.1 + 0.2, 15), round(2.0 ** 60))
print(max(1, 2.0), min(-0.0, 0), max(0, -0.0), max(False, 0), min(True, 1))
for bad in [lambda: abs("s"), lambda: divmod("a", 1), lambda: pow(2, 3, 4.0), lambda: pow(2.0, 3, 4),
            lambda: chr(0x110000), lambda: chr("a"), lambda: ord(""), lambda: ord(5), lambda: bin(1.5),
            lambda: hex("a"), lambda: int("3.5"), lambda: int(1, 2), lambda: int("1", 1),
            lambda: complex("1+"), lambda: float([]), lambda: sum([1], start="a"), lambda: pow(0, -1),
            lambda: 0.0 ** -1, lambda: divmod(1.0, 0), lambda: round(1, 2, 3), lambda: any(5)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(format(255, "x"), format(3.14159, ".2f"), format(42), format("x", ">3"), format(1e10, "e"))
print(bool(), int(), float(), complex(), str(), repr(1.0), ascii("é"))
print(int.__name__, float.__qualname__, type(abs).__name__, abs.__name__, abs.__self__ is not None)
print(10 / 4, 10 // 4, -10 / 4, 10 % 3.5, 2 ** 0.5, 1e3 // 7, 5 // 0.3)
print(complex(1, 2) * complex(3, -1), (1 + 2j) ** 2, (1j).conjugate(), (3 + 4j).real, abs(1j))
print(1 + 2j == complex(1, 2), repr(-0j), repr(complex(-0.0, -0.0)), repr(1e20j), 1j ** 0)
