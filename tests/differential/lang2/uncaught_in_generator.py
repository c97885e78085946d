# uncaught error raised inside a generator consumed by a comprehension
def numbers():
    yield 1
    yield 2
    raise OverflowError("generator blew up at step 3")
def consume():
    return [n * 10 for n in numbers()]
print("consuming")
consume()
