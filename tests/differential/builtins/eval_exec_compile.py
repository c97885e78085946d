# eval, exec, compile with globals/locals.
print(eval('1 + 2'), eval('x * 2', {'x': 21}), eval('y', {}, {'y': 'local'}), eval(' 5 '))
ns = {}
exec('a = 1\nb = a + 1\ndef f(): return b * 10', ns)
print(ns['a'], ns['b'], ns['f'](), sorted(k for k in ns if k != '__builtins__'))
code = compile('3 * 7', '<expr>', 'eval')
print(eval(code), type(code).__name__, code.co_filename)
code = compile('for i in range(2): print("loop", i)', '<s>', 'exec')
exec(code)
compile('x = 1', '<single>', 'single')
g = {'__builtins__': {}}
try:
    eval('len([])', g)
except NameError as e:
    print('NameError:', e)
loc = {}
exec('z = 5', None, loc)
print(loc)
def scope():
    w = 1
    exec('w = 2')
    return w
print(scope())
for src, mode in [('1 +', 'eval'), ('x =', 'exec'), ('return 5', 'exec'), ('a = 1', 'eval')]:
    try:
        compile(src, '<t>', mode)
    except SyntaxError as e:
        print('SyntaxError:', e.msg, e.lineno)
print(eval('lambda: 42')(), exec('pass'), eval(b'2 ** 3'))
