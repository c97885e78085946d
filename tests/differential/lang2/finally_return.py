# finally/return interplay
def f1():
    try:
        return "try"
    finally:
        print("f1 finally")
print(f1())

def f2():
    try:
        return "try"
    finally:
        return "finally"
print(f2())

def f3():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(f3())

def f4():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print("f4 finally", i)
    return i
print(f4())

def f5():
    for i in range(3):
        try:
            continue
        finally:
            print("f5 finally", i)
    return "end"
print(f5())

def f6():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
print(f6())

def f7():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(f7())

def f8():
    try:
        1 / 0
    except ZeroDivisionError:
        return "from except"
    finally:
        print("f8 finally")
print(f8())

def f9():
    try:
        pass
    except Exception:
        return "exc"
    else:
        return "else"
    finally:
        print("f9 finally")
print(f9())

def f10():
    n = 0
    while True:
        try:
            n += 1
            if n > 2:
                return n
        finally:
            if n < 5:
                continue
print(f10())

def f11():
    try:
        raise KeyError("k")
    except KeyError as e:
        err = e
    try:
        e
    except NameError as ne:
        return "e deleted: " + str(ne), repr(err)
print(f11())
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
for v in gen():
    print("got", v)
    break
print("after loop")
