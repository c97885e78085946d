# String building: concatenation, join, formatting, slicing and methods.
def run(n):
    parts = []
    acc = 0
    for i in range(n):
        s = 'item-%d' % i
        t = f'{s}:{i * 3:05d}'
        u = t.upper().replace('ITEM', 'x')
        parts.append(u[::-1])
        acc += len(u) + u.count('0')
    joined = ','.join(parts)
    words = joined.split(',')
    acc += sum(len(w) for w in words if w.endswith('x'))
    return acc, len(joined), joined[-20:]
print(run(600000))
