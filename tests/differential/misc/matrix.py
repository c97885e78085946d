# Matrix operations with lists and a small class supporting @.
class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
    def __matmul__(self, other):
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def __repr__(self):
        return 'Matrix(' + repr(self.rows) + ')'
    def __eq__(self, other):
        return self.rows == other.rows
    def transpose(self):
        return Matrix(zip(*self.rows))
I = Matrix([[1, 0], [0, 1]])
A = Matrix([[1, 2], [3, 4]])
print(A @ I == A, A @ A, A.transpose(), (A @ A.transpose()).rows[0])
F = Matrix([[1, 1], [1, 0]])
R = I
for _ in range(30):
    R = R @ F
print(R.rows[0][1])
