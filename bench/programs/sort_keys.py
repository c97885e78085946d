# List sorting with key functions over records.
def run(n, rounds):
    seed = 42
    recs = []
    for i in range(n):
        seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        recs.append((seed % 1000, 'name%d' % (seed % 977), i))
    check = 0
    for r in range(rounds):
        a = sorted(recs, key=lambda t: (t[0], t[1]))
        b = sorted(recs, key=lambda t: t[1], reverse=True)
        c = sorted(recs, key=lambda t: -t[2] if r % 2 else t[2])
        check += a[0][2] + b[0][2] + c[0][2] + a[-1][0]
    return check
print(run(100000, 4))
