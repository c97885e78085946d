# Building and transforming lists: nested, filtering, enumerate/zip combos.
words = ['apple', 'bob', 'kayak', 'level', 'python']
print([w for w in words if w == w[::-1]], [(i, w[0]) for i, w in enumerate(words)], [len(w) for w in words])
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid, [list(col) for col in zip(*grid)], [x for row in grid for x in row if x % 2])
print(list(map(list, zip(*[[1, 2], [3, 4], [5, 6]]))), [a * b for a, b in zip([1, 2], [3, 4])])
flat = sum(grid, [])
print(flat, flat[::4], flat.index(4), sorted(flat, key=lambda v: (v % 3, -v)))
