# dict methods.
d = {'a': 1, 'b': 2}
d['c'] = 3
print(d, d.get('a'), d.get('z'), d.get('z', 0), d.setdefault('d', 4), d.setdefault('a', 99), d)
print(d.pop('a'), d.pop('zz', 'dflt'), d.popitem(), d)
d.update({'x': 10}, y=20)
d.update([('z', 30)])
print(d, list(d.keys()), list(d.values()), list(d.items()))
e = d.copy(); e.clear(); print(e, d)
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), dict(a=1, b=2), dict([(1, 2)]), dict({'q': 1}, r=2))
for op in [lambda: {}.pop('x'), lambda: {}.popitem(), lambda: {}['missing'], lambda: dict([1, 2]), lambda: dict([(1, 2, 3)])]:
    try:
        op()
    except (KeyError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
print({1: 'a'} | {2: 'b'}, {1: 'a', 2: 'b'} | {1: 'c'})
f = {1: 1}
f |= {2: 2}
f |= [(3, 3)]
print(f, len(f), 3 in f, 9 in f, list(reversed(f)))
del f[1]
print(f)
try:
    del f[99]
except KeyError as e:
    print('KeyError', e)
