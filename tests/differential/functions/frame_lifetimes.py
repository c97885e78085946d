# A running frame keeps what it uses alive: its function's globals and
# builtins when every other reference goes away mid-call, its code when
# __code__ is reassigned mid-call, and the function itself when deleted.
import gc

def make():
    g = {'__builtins__': __builtins__}
    exec("def f(n):\n"
         "    import gc\n"
         "    global hits\n"
         "    hits = n\n"
         "    del holder[:]\n"
         "    gc.collect()\n"
         "    return sorted(k for k in globals() if k != '__builtins__'), len\n", g)
    g['holder'] = [g]
    return g['f']

f = make()
print(f(3)[0])
del f
gc.collect()

def g():
    g.__code__ = (lambda: 'new').__code__
    gc.collect()
    return 'old'
print(g(), g())

def h(depth):
    if depth:
        return h(depth - 1)
    ns = {}
    exec("def inner():\n    return x * 2\nx = 21", ns)
    fn = ns.pop('inner')
    ns.clear()
    del ns
    gc.collect()
    try:
        return fn()
    except NameError as e:
        return str(e)
print(h(5))

class Victim:
    def method(self):
        del Victim.method
        gc.collect()
        return 'still running'
print(Victim().method(), hasattr(Victim, 'method'))

def recurse(n):
    return n if n == 0 else recurse(n - 1)
builtins_backup = __builtins__
print(recurse(200), len([recurse(i) for i in range(50)]))
