# Dict building patterns: grouping, inversion, nested dicts, setdefault chains.
pairs = [('fruit', 'apple'), ('veg', 'kale'), ('fruit', 'pear'), ('veg', 'leek'), ('nut', 'pecan')]
groups = {}
for k, v in pairs:
    groups.setdefault(k, []).append(v)
print(groups, {v: k for k, vs in groups.items() for v in vs})
nested = {'a': {'x': 1}, 'b': {'y': 2}}
print({k: sorted(v) for k, v in nested.items()}, {k: v for k, v in sorted(nested.items(), reverse=True)})
print(dict(sorted({'b': 2, 'a': 1, 'c': 0}.items(), key=lambda kv: kv[1])), len({i % 5: i for i in range(100)}))
