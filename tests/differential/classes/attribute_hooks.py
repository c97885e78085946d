# __getattr__, __getattribute__, __setattr__, __delattr__.
class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith('x'):
            return name.upper()
        raise AttributeError(f'no {name}')
l = Lazy()
print(l.real, l.xyz, getattr(l, 'xa'), hasattr(l, 'nope'), getattr(l, 'nope', 'dflt'))
try:
    l.nope
except AttributeError as e:
    print('AttributeError:', e)
class Logged:
    def __getattribute__(self, name):
        if name == 'secret':
            raise AttributeError('hidden')
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return 'fallback ' + name
    def __setattr__(self, name, value):
        print('set', name, value)
        object.__setattr__(self, name, value * 2 if isinstance(value, int) else value)
    def __delattr__(self, name):
        print('del', name)
        object.__delattr__(self, name)
g = Logged()
g.a = 5
print(g.a, g.secret, g.missing)
del g.a
try:
    del g.a
except AttributeError as e:
    print('AttributeError:', e)
class Plain:
    pass
p = Plain()
for op in [lambda: p.x, lambda: delattr(p, 'x'), lambda: setattr(p, 1, 2), lambda: object().x, lambda: (5).real_]:
    try:
        op()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
try:
    object().attr = 1
except AttributeError as e:
    print('AttributeError:', e)
try:
    None.x
except AttributeError as e:
    print('AttributeError:', e)
try:
    'abc'.uper()
except AttributeError as e:
    print('AttributeError:', e)
try:
    Plain.nothing
except AttributeError as e:
    print('AttributeError:', e)
print(vars(p), p.__dict__, setattr(p, 'q', 7), p.q, delattr(p, 'q'), vars(p))
