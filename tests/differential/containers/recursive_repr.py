# Recursive containers print with ... placeholders.
a = [1, 2]
a.append(a)
print(a, repr(a), str(a))
d = {'k': 1}
d['self'] = d
print(d)
b = [a, d]
print(b)
t = ([],)
t[0].append(t)
print(t)
x = []
y = [x]
x.append(y)
print(x, y)
class Node:
    def __init__(self):
        self.children = []
    def __repr__(self):
        return f'Node({self.children!r})'
n = Node()
n.children.append([n])
try:
    print(n)
except RecursionError as e:
    print('RecursionError')
s = {'a': [1]}
s['a'].append(s)
print(s, a == a, len(repr(a)))
