# for/while else, break/continue, try/else
def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            print("found at", i)
            break
    else:
        print("not found")
find([1, 2, 3], 2)
find([1, 2, 3], 9)
find([], 1)
n = 0
while n < 3:
    n += 1
else:
    print("while finished", n)
while True:
    break
else:
    print("never")
for i in range(3):
    continue
else:
    print("continue keeps else", i)
for i in range(3):
    for j in range(3):
        if j == 1:
            break
    else:
        print("inner else never")
    if i == 1:
        break
print("i, j =", i, j)
def try_else(x):
    try:
        r = 10 // x
    except ZeroDivisionError:
        return "except"
    else:
        return "else " + str(r)
    finally:
        print("finally for", x)
print(try_else(2), try_else(0))
def nested_break():
    out = []
    for a in range(3):
        try:
            for b in range(3):
                if b == a:
                    break
                out.append((a, b))
        finally:
            out.append("f%d" % a)
    return out
print(nested_break())
total = 0
for x in range(10):
    if x % 2:
        continue
    if x > 6:
        break
    total += x
print(total)
it = iter(range(5))
for x in it:
    if x == 1:
        print("skip next", next(it))
print(list(it))
lst = [1, 2, 3]
for x in lst:
    if x == 1:
        lst.append(4)
    if len(lst) > 5:
        break
print(lst)
for x, in [(1,), (2,)]:
    print(x, end=" ")
print()
for _ in []:
    pass
else:
    print("empty for else")
count = 0
while (count := count + 1) < 5:
    if count == 2:
        continue
else:
    print("walrus while else", count)
