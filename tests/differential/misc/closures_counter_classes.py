# A small program mixing classes, closures, generators and dicts: an inventory.
class Inventory:
    def __init__(self):
        self.items = {}
    def add(self, name, qty=1):
        self.items[name] = self.items.get(name, 0) + qty
        return self
    def remove(self, name, qty=1):
        if self.items.get(name, 0) < qty:
            raise KeyError(f'not enough {name}')
        self.items[name] -= qty
        if not self.items[name]:
            del self.items[name]
    def __iter__(self):
        yield from sorted(self.items.items())
    def __len__(self):
        return sum(self.items.values())
    def __repr__(self):
        return f'Inventory({dict(self)})'
inv = Inventory().add('apple', 3).add('pear').add('apple')
inv.remove('pear')
print(inv, len(inv), list(inv))
try:
    inv.remove('kiwi')
except KeyError as e:
    print('KeyError:', e)
def make_logger(prefix):
    lines = []
    def log(msg):
        lines.append(f'{prefix}: {msg}')
        return len(lines)
    log.lines = lines
    return log
log = make_logger('inv')
for name, qty in inv:
    log(f'{name}={qty}')
print(log.lines)
