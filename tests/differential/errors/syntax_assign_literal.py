# SyntaxError: assignment to literal.
1 = x
