# try/except/else/finally ordering, return/break/continue in finally.
def f(x):
    log = []
    try:
        log.append('try')
        if x == 1:
            raise ValueError
        if x == 2:
            return log + ['return-in-try']
    except ValueError:
        log.append('except')
    else:
        log.append('else')
    finally:
        log.append('finally')
    log.append('after')
    return log
print(f(0), f(1), f(2))
def override():
    try:
        return 'try'
    finally:
        return 'finally'
print(override())
def swallow():
    try:
        raise KeyError
    finally:
        return 'swallowed'
print(swallow())
def loop():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f'f{i}')
    return out
print(loop())
def nested():
    log = []
    try:
        try:
            raise ValueError('v')
        finally:
            log.append('inner finally')
    except ValueError as e:
        log.append('outer except ' + str(e))
    finally:
        log.append('outer finally')
    return log
print(nested())
def exc_var_cleared():
    try:
        raise ValueError
    except ValueError as err:
        pass
    try:
        return err
    except NameError as e:
        return 'NameError: ' + str(e)
print(exc_var_cleared())
def counted():
    n = 0
    while True:
        try:
            n += 1
            if n < 3:
                continue
            return n
        finally:
            print('finally', n)
print(counted())
