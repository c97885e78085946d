# list.sort / sorted: stability, keys, reverse, errors.
people = [('bob', 25), ('alice', 30), ('carol', 25), ('dave', 30), ('eve', 22)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
nums = [5, -3, 2.5, -1, 0, 10, 3]
nums.sort(key=abs)
print(nums, sorted(nums, reverse=True))
try:
    [1, 'a', 2].sort()
except TypeError as e:
    print('TypeError:', e)
try:
    sorted([3, 1], lambda x: x)
except TypeError as e:
    print('TypeError:', e)
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f'K({self.v})'
print(sorted([K(3), K(1), K(2)]), max([K(3), K(5)], key=lambda k: k.v))
big = list(range(1000, 0, -7))
big.sort()
print(big[:5], big[-5:], sorted('the quick brown fox'.split(), key=lambda w: w[-1]))
a = [3, 1, 2]
print(a.sort(), a, sorted((3, 1)), sorted({'b': 1, 'a': 2}), sorted([[2, 1], [1, 2], [1]]))
