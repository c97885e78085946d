# str.format with attribute and index fields; format_map.
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
p = Pt(1, 2)
data = {'a': [10, 20, 30], 'b': {'c': 'deep'}}
print('{0.x},{0.y}'.format(p), '{p.x}'.format(p=p), '{0[1]}'.format([5, 6]), '{d[a][2]}'.format(d=data))
print('{0[b][c]}'.format(data), '{0[a]}'.format({'a': 1}), '{0[0]}{0[1]}'.format('xy'))
print('{:{}{}}'.format(3.14159, '.', 3), '{0:{1}}'.format('x', '>4'), '{a:>{b}}'.format(a='q', b=3))
print('{a}-{b}'.format_map({'a': 1, 'b': 2}))
class Default(dict):
    def __missing__(self, key):
        return '<' + key + '>'
print('{a}-{zz}'.format_map(Default(a=1)))
for bad in ['{0.missing}', '{0[9]}', '{0[x]}']:
    try:
        print(bad.format(p if 'missing' in bad else [1]))
    except (AttributeError, IndexError, TypeError, KeyError) as e:
        print(type(e).__name__, e)
print('{0!r:^9}|{0!s:^9}|'.format('ab'), '{:}'.format(5), '{0:d}'.format(True))
