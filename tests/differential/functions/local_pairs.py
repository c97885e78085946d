# Pairs of local loads or stores, and a local then a constant, attribute or
# method (fused into one instruction by the assembler): an unbound local in
# either position, pairs across lines and loop heads, attribute and method
# loads on a local (cached, dynamic, raising), traceback line numbers.
import sys

def add(a, b):
    return a + b

def second_unbound(flag):
    if flag:
        x = 1
    y = 2
    return y + x

def first_unbound():
    gone = 1
    del gone
    other = 2
    return gone * other

def with_const(flag):
    if flag:
        k = 3
    return [k + 1, k * 2.5, k - 10**20, k in (1, 2, 3)]

class P:
    x = 1
    @property
    def boom(self):
        raise KeyError('inside property')
    def __getattr__(self, name):
        if name == 'dyn':
            return 'dynamic'
        raise AttributeError(name)

def attrs(p, flag):
    if flag:
        q = p
    return [p.x, p.dyn, q.x]

def attr_errors(p, which):
    if which == 0:
        return p.missing
    if which == 1:
        return p.boom
    return (p.real, p.imag, p.bit_length())

class M:
    def m(self, k):
        return ('m', k)
    def __getattr__(self, name):
        return lambda k: (name, k)

def methods(o, flag):
    if flag:
        later = o
    o.inst = lambda k: ('inst', k)
    return [o.m(1), o.inst(2), o.other(3), 'a,b'.split(','), later.m(4)]

def stores(seq):
    a, a = 1, 2
    x, y, z = seq
    p, (q, r) = x, (y, z)
    for i, j in enumerate('ab'):
        last = i, j
    return a, x, y, z, p, q, r, last

def split_lines(a, b):
    return (a
            +
            b)

def loop_head(n):
    total, i = 0, 0
    while i < n:
        total, i = total + i, i + 1
    return total, i

def many(a, b, c, d, e):
    return [a, b, c, d, e, (a, b), {c: d}, e]

for fn, args in [(add, (2, 3)), (second_unbound, (False,)), (first_unbound, ()),
                 (attrs, (P(), True)), (attrs, (P(), False)), (attr_errors, (P(), 0)),
                 (attr_errors, (P(), 1)), (attr_errors, (5, 2)), (methods, (M(), True)), (methods, (M(), False)), (stores, ([7, 8, 9],)), (stores, ([1, 2],)), (with_const, (True,)), (with_const, (False,)), (split_lines, ('x', 'y')), (split_lines, (1, 'y')), (loop_head, (5,)),
                 (many, (1, 2, 3, 4, 5))]:
    try:
        print(fn.__name__, fn(*args))
    except Exception as e:
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        print(fn.__name__, type(e).__name__, e, tb.tb_lineno - fn.__code__.co_firstlineno)
