# uncaught exception class with no args
class Quiet(Exception):
    pass
print("raising")
raise Quiet
