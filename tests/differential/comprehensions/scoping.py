# Comprehension scoping and evaluation order.
x = 'outer'
print([x for x in range(3)], x)
print({x: x for x in 'ab'}, {x for x in [1]}, x)
y = 10
print([y + i for i in range(3)])
print([(i, j) for i in range(3) if i for j in range(i) if j >= 0])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], [v for row in matrix for v in row])
def f():
    z = 5
    return [z * k for k in range(3)]
print(f())
class C:
    vals = [1, 2]
    doubled = [v * 2 for v in vals]
    try:
        nested = [v * len(vals) for v in vals]
    except NameError as e:
        nested = 'NameError: ' + str(e)
print(C.doubled, C.nested)
print([(a := i * 2) for i in range(3)], a)
print([i for i in range(10) if (sq := i * i) > 20], sq)
print({k: v for k, v in zip('abc', range(3)) if v != 1}, {frozenset([i]) for i in range(2)} == {frozenset([0]), frozenset([1])})
print([lambda: i for i in range(3)][0](), [[i for i in range(j)] for j in range(3)])
