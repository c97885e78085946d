# Dict iterators (forward and reversed) under mutation, and the dict table
# staying usable through many insert/delete cycles (it used to hang when
# deleted slots filled the index).


def tr(f):
    try:
        return repr(f())
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


# Deleting and re-adding during iteration is a change of keys.
for view in (lambda d: d, lambda d: d.items(), lambda d: d.values()):
    d = {0: 0}

    def go():
        for i in view(d):
            del d[0]
            d[0] = 0

    print(tr(go), d)

d = {1: 1, 2: 2}
it = iter(d)
print(next(it))
del d[1]
d[3] = 3
print(tr(lambda: next(it)), tr(lambda: next(it)))

# Size changes, forward and reversed.
for mk in (iter, reversed, lambda d: iter(d.items()), lambda d: reversed(d.values())):
    d = dict.fromkeys(range(4))
    it = mk(d)
    first = next(it)
    d["x"] = 1
    print(first, tr(lambda: next(it)), tr(lambda: next(it)))
    d = dict.fromkeys(range(4))
    it = mk(d)
    next(it)
    d.pop(3)
    print(tr(lambda: next(it)), tr(lambda: list(it)))

# Reversed iteration over a dict with holes.
d = dict.fromkeys(range(10))
for k in (0, 3, 4, 9):
    del d[k]
print(list(reversed(d)), list(reversed(d.items()))[:2], list(reversed(d.values()))[:2])
d[0] = "new"
print(list(reversed(d))[:3], list(d)[-3:])

# popitem takes the last item; insertion after it goes to the end.
d = dict.fromkeys("abcde")
print(d.popitem(), d.popitem())
d["z"] = 1
print(list(d), list(reversed(d)))

# Insert/delete cycles.
d = {}
for i in range(5):
    d[i] = i
for i in range(5):
    del d[i]
for i in range(5, 9):
    d[i] = i
print(d)
d = {-1: 0}
for i in range(1000):
    d[i] = i
    del d[i]
print(d, len(d))
d = {}
for i in range(3000):
    d[i % 7, i] = i
    if i % 5:
        del d[i % 7, i]
print(len(d), sum(d.values()), list(d)[:3])
d = {}
for i in range(500):
    d[str(i)] = i
    d.popitem()
    d[i] = i
print(len(d), list(d)[-3:])
