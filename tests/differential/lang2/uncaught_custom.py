# uncaught custom exception with args: exit 1 and last stderr line
class AppError(Exception):
    def __init__(self, code, detail):
        super().__init__(code, detail)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[1]}"

def level3():
    raise AppError(42, "deep failure")
def level2():
    try:
        level3()
    finally:
        print("level2 cleanup")
def level1():
    level2()
print("starting")
level1()
