# SyntaxError: unclosed bracket.
print("ok"
x = [1, 2
