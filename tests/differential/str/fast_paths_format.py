# Edge cases of the allocation-free paths of `%` formatting and format specs:
# inline ints (negative, zero, the 48-bit edge), big ints, bools, width, fill,
# precision, flags, radixes, mappings, non-ASCII format strings and errors.
import sys

ints = [0, 1, -1, 7, -7, 255, -255, 10**6, -(10**6), 2**47 - 1, -(2**47), 2**47,
        -(2**47) - 1, 2**63, -(2**63), 2**64 + 5, -(10**30), True, False]
for conv in "diuoxX":
    for flags in ["", "-", "+", " ", "#", "0", "-0", "+0", "#0", " 0", "#-"]:
        for width in ["", "1", "8", "25"]:
            for prec in ["", ".0", ".3", ".12"]:
                f = "%" + flags + width + prec + conv
                print(f, [f % v for v in ints])

print("%d %s %r" % (5, "x", "y"))
print("item-%d" % 12345, "item-%05d" % -42, "%x|%X|%o" % (-3, 255, 8))
print("%*d|%-*d|%.*d" % (6, 42, 6, 42, 4, 42))
print("%*d" % (-6, 42))
print("%(a)d-%(b)05x" % {"a": -3, "b": 255})
print("é%dü%sß" % (12, "ñ"))
print("%c%c" % (65, "é"), "%5c|%-5c|" % (66, 67))
print("%s" % 12, "%10s|%-10s|%.2s" % ("ab", "cd", "éfg"))
print("%5.1f|%-8.3e|%g|%%" % (3.14159, -1234.5, 1e-5))
print("%d" % 3.99, "%i" % -2.5, "%x" % 10)


class I(int):
    def __int__(self):
        return 99


print("%d|%x" % (I(5), I(255)))

for bad in ["%", "%(a", "%5", "%y", "é%y", "%é", "x%5%", "%.*d"]:
    try:
        print(bad % (1,))
    except (ValueError, TypeError) as e:
        print(bad, type(e).__name__, e)
for bad_args in [(1, 2), ()]:
    try:
        print("%d" % bad_args)
    except TypeError as e:
        print(type(e).__name__, e)
for fmt, a in [("%(a)d", 5), ("%(a", (1,)), ("%(a", {}), (b"%(a", (1,)), (b"%(a", {}), ("%(a)s", [1])]:
    try:
        print(fmt % a)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    print("%x" % 2.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("%d" % "s")
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("%c" % 0x110000)
except OverflowError as e:
    print(type(e).__name__, e)
print(b"%d|%5x|%-4o|%s" % (-12, 255, 8, b"ab"))

# Format specs: inline ints through the i64 path, big ints, errors.
specs = ["", "d", "05d", "+d", " d", "-d", "x", "#x", "#X", "o", "#o", "b", "#b", "n",
         ",", "_", "_x", "_b", ",d", "020,", "020_x", "*^12", "é>10", "<8", "^9", "=+10",
         "010", "c", "e", ".2f", "%", "g", "10.3E", "F"]
for v in [0, 5, -5, 65, 1234567, -1234567, 2**47, -(2**47) - 1, 10**20, -(10**25), True]:
    out = []
    for s in specs:
        try:
            out.append(format(v, s))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(v, out)
for bad in ["5.2d", "z", "zd", "+c", "#c", ",x", ",_", "_,", "x5", "é", "éé<", "<<<5", "5.",
            ".d", "99999999999999999999999d", "s", "=", ",c"]:
    try:
        print(bad, format(42, bad))
    except (ValueError, OverflowError) as e:
        print(bad, type(e).__name__, e)
for v in [-1, 0x110000, 2**70]:
    try:
        print(format(v, "c"))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
i = 12345
print(f"{i:05d}|{i * 3:05d}|{-i:08,}|{i:é^11}|{i:#_x}")
print(f"{'s':>5}|{'é':<3}|{2.5:08.3f}|{'ab':.1}")
print(format(3, "f"), format(-(2**53) - 1, "e"), format(2**53 + 1, ".0f"))
print(sys.maxsize % 7, format(sys.maxsize, ","), "%d" % sys.maxsize)
