# SyntaxError: unterminated string.
s = "abc
