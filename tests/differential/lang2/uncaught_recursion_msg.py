# uncaught TypeError from wrong argument count in method call
class Greeter:
    def greet(self, name, punctuation):
        return "hi " + name + punctuation
g = Greeter()
print(g.greet("a", "!"))
print(g.greet("only one"))
