# `a, b = x, y` evaluates every value before storing, left to right.
a, b = 1, 2
a, b = b, a
print(a, b)
x = [1, 2, 3]
x[0], x[2] = x[2], x[0]
print(x)
p, q, r = 'x', 'y', 'z'
p, q, r = r, p, q
print(p, q, r)
[m] = 5,
print(m)
[s, t] = (t2 := 3), t2 + 1
print(s, t)

log = []
class Rec:
    def __setitem__(self, k, v):
        log.append(('set', k, v))
def val(v):
    log.append(('val', v))
    return v
rec = Rec()
rec[val('k1')], rec[val('k2')] = val(1), val(2)
print(log)

def swap_locals():
    i, j = 0, 1
    for _ in range(5):
        i, j = j, i + j
    return i, j
print(swap_locals())

try:
    u, v = 1, 2, 3
except ValueError as e:
    print('ValueError', e)
try:
    (u, v), w = (1, 2, 3), 4
except ValueError as e:
    print('ValueError', e)
u, *v = 1, 2, 3
print(u, v)
