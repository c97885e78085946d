# Nested integer loops: the interpreter loop and small-int arithmetic.
def run(n):
    total = 0
    for i in range(n):
        for j in range(n):
            total += (i * j) % 7 ^ (i + j)
    return total
print(run(3300))
