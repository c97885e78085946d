# Hand-written value classes: __eq__, __hash__, __repr__, ordering, copying via __class__.
class Money:
    __slots__ = ('amount', 'cur')
    def __init__(self, amount, cur='EUR'):
        self.amount, self.cur = amount, cur
    def __repr__(self):
        return f'Money({self.amount!r}, {self.cur!r})'
    def __eq__(self, o):
        return isinstance(o, Money) and (self.amount, self.cur) == (o.amount, o.cur)
    def __hash__(self):
        return hash((self.amount, self.cur))
    def __lt__(self, o):
        return (self.cur, self.amount) < (o.cur, o.amount)
    def __add__(self, o):
        if o.cur != self.cur:
            raise ValueError(f'currency mismatch: {self.cur} vs {o.cur}')
        return type(self)(self.amount + o.amount, self.cur)
    def __bool__(self):
        return self.amount != 0
m = [Money(5), Money(3, 'USD'), Money(5), Money(0)]
print(m, sorted(m), len(set(m)), m[0] == m[2], m[0] + m[2], bool(m[3]), [x for x in m if x])
try:
    m[0] + m[1]
except ValueError as e:
    print('ValueError:', e)
print(max(m[:3]), Money(1) in m, m.count(Money(5)), {Money(5): 'five'}[Money(5)])
