# exception chaining: implicit context, raise from, suppress_context
def show(e):
    print(type(e).__name__, repr(str(e)),
          "cause=" + repr(e.__cause__),
          "context=" + repr(e.__context__),
          "suppress=" + str(e.__suppress_context__))

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("during")
except KeyError as e:
    show(e)

try:
    try:
        [][1]
    except IndexError as ie:
        raise ValueError("explicit") from ie
except ValueError as e:
    show(e)

try:
    try:
        {}["k"]
    except KeyError:
        raise TypeError("no context") from None
except TypeError as e:
    show(e)

try:
    raise RuntimeError("a") from ValueError("b")
except RuntimeError as e:
    show(e)

try:
    raise RuntimeError("c") from ValueError
except RuntimeError as e:
    show(e)

try:
    raise RuntimeError("d") from 5
except TypeError as e:
    print("TypeError:", e)

try:
    try:
        raise ValueError("inner")
    finally:
        raise KeyError("from finally")
except KeyError as e:
    show(e)

def reraise():
    try:
        raise ValueError("orig")
    except ValueError:
        raise
try:
    reraise()
except ValueError as e:
    show(e)

e1 = ValueError("x")
e1.__cause__ = KeyError("set manually")
print(e1.__suppress_context__, repr(e1.__cause__))
try:
    e1.__cause__ = "bad"
except TypeError as e:
    print("TypeError:", e)

try:
    try:
        raise ValueError(1)
    except ValueError as e:
        try:
            raise KeyError(2)
        except KeyError as k:
            raise IndexError(3)
except IndexError as ix:
    print(repr(ix.__context__), repr(ix.__context__.__context__))
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
