# for/while with else, break, continue, nested loops.
for i in range(3):
    pass
else:
    print('for else ran', i)
for i in range(3):
    if i == 1:
        break
else:
    print('not printed')
print('broke at', i)
n = 0
while n < 3:
    n += 1
else:
    print('while else', n)
while True:
    n -= 1
    if n == 0:
        break
print('n', n)
for i in []:
    print('never')
else:
    print('empty for else')
out = []
for i in range(4):
    for j in range(4):
        if j > i:
            break
        if (i + j) % 2:
            continue
        out.append((i, j))
print(out)
count = 0
for x in range(10):
    try:
        if x % 3 == 0:
            continue
        count += x
    finally:
        count += 100
print(count)
it = iter(range(5))
for a in it:
    b = next(it, None)
    print(a, b)
