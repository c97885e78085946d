# frozenset: immutability, hashing, mixing with set.
f = frozenset([3, 1, 2])
print(f, frozenset(), frozenset('a'), len(f), 2 in f, hash(f) == hash(frozenset([1, 2, 3])))
print(f | {4}, type(f | {4}).__name__, type({4} | f).__name__, f & {1}, f - {1}, f ^ {1, 9})
print(f == {1, 2, 3}, {f: 'key'}[frozenset({1, 2, 3})], {frozenset([1]), frozenset([1])})
try:
    f.add(1)
except AttributeError as e:
    print('AttributeError:', e)
print(f.union([5]), f.issubset({1, 2, 3, 4}), f.copy() is f, frozenset(f) is f)
s = {frozenset({1, 2}), frozenset({2, 1})}
print(len(s), sorted(map(sorted, s)), hash(frozenset()) == hash(frozenset([])))
class FS(frozenset):
    pass
print(FS([1]), type(FS([1]) | {2}).__name__, repr(FS()))
