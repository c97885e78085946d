try:
    try:
        raise ValueError(42)
    except:
        1/0
except Exception as e:
    print(repr(e.__context__))
try:
    try:
        raise ValueError(42)
    except:
        try:
            raise TypeError(1)
        except Exception:
            pass
        1/0
except Exception as e:
    print(repr(e.__context__))
import sys
try:
    try:
        raise ValueError(42)
    except:
        try:
            raise TypeError(int)
        except* Exception:
            pass
        print(sys.exc_info()[1])
        1/0
except Exception as e:
    print(repr(e.__context__))
