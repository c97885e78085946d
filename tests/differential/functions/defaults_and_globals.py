# __defaults__ longer than the parameter list (the last ones apply), the
# same through a native caller and with keywords; a global-name cache
# shared by functions whose builtins dicts differ; close() of a running
# generator.
import types

def f(a):
    return a
f.__defaults__ = (1, 2, 3)
print(f(), f(9), sorted([5, 4], key=f), list(map(f, [7])))
g = lambda a, b: (a, b)
g.__defaults__ = (7, 8, 9)
print(g(), g(1), g(b=5), g(a=0))

b1 = {'mylen': lambda x: 'B1'}
b2 = {'mylen': lambda x: 'B2'}
ns = {'__builtins__': b1}
exec("def h():\n    return mylen([1, 2, 3])\n", ns)
h1 = ns['h']
ns['__builtins__'] = b2
h2 = types.FunctionType(h1.__code__, ns, 'h2')
print(h2(), h1(), h2(), h1())

def gen():
    yield gen_obj.close()
gen_obj = gen()
try:
    print(next(gen_obj))
except ValueError as e:
    print('ValueError', e)
print(list(gen_obj))
