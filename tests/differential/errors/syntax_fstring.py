# SyntaxError: f-string errors.
x = f'{}'
