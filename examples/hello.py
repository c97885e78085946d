"""A tiny tour: a class, a generator, an f-string and a dict."""


class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting

    def greet(self, name):
        return f"{self.greeting}, {name}!"


def countdown(n):
    while n > 0:
        yield n
        n -= 1


greeter = Greeter("Hello")
print(greeter.greet("Adder"))

squares = {n: n * n for n in countdown(5)}
for n, sq in sorted(squares.items()):
    print(f"{n:>2} squared is {sq:>3}")
print(f"total: {sum(squares.values())}")
