# assignment expressions
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)

print([y for x in data if (y := x * 2) > 6])
print(y)

vals = iter([1, 2, 0, 5])
out = []
while (v := next(vals)) != 0:
    out.append(v)
print(out, v)

print((a := 5), a)
print([last := i for i in range(4)], last)
print({k: (sq := k * k) for k in range(3)}, sq)

def scope_test():
    [inner := z for z in range(3)]
    return inner
print(scope_test())

def nested_comp():
    [[total := i + j for j in range(2)] for i in range(2)]
    return total
print(nested_comp())

print(any((hit := x) > 5 for x in data), hit)
print(all((miss := x) < 5 for x in data), miss)

def default_val(x=(w := 10)):
    return x
print(default_val(), w)

f = lambda: (q := 7) + q
print(f())
print((s := "abc").upper(), s)
r = [(p := 1), p + 1]
print(r)
t = (u := 2, u * 3)
print(t)
def in_cond(xs):
    res = []
    for x in xs:
        if (half := x // 2) and half % 2:
            res.append(half)
    return res
print(in_cond(range(10)))
print(max(m := [4, 1, 7]), m)
counter = 0
def bump():
    global counter
    return (counter := counter + 1)
bump(); bump()
print(counter)
class K:
    vals = [(kk := 3)]
print(K.vals, K.kk)
