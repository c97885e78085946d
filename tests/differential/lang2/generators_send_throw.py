# generators: send / throw / close
def echo():
    received = []
    try:
        while True:
            try:
                v = yield len(received)
                received.append(v)
            except ValueError as e:
                received.append("VE:" + str(e))
                yield "handled"
    finally:
        print("finally, received =", received)

g = echo()
print(next(g))
print(g.send("a"), g.send("b"))
print(g.throw(ValueError("bad")))
print(g.send("c"))
g.close()
print(g.gi_frame is None)

def fresh():
    yield 1
g2 = fresh()
try:
    g2.send(5)
except TypeError as e:
    print("TypeError:", e)

def closer():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
g3 = closer(); next(g3); g3.close()

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "nope"
g4 = stubborn(); next(g4)
try:
    g4.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def thrower():
    yield 1
g5 = thrower()
try:
    g5.throw(KeyError("x"))
except KeyError as e:
    print("KeyError", e)
print(list(g5))
try:
    g5.throw(IndexError)
except IndexError as e:
    print("IndexError", repr(e))

def ret():
    yield 1
    return "value"
g6 = ret(); next(g6)
try:
    next(g6)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)

def running():
    yield g7.send(None)
g7 = running()
try:
    next(g7)
except ValueError as e:
    print("ValueError:", e)
def states():
    yield
s = states()
print(s.gi_running, s.gi_frame is not None, s.__name__, s.__qualname__)
next(s)
print(list(s), s.gi_frame)
