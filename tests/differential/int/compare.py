# Comparisons between ints, floats, bools and bigints.
print(1 < 2, 2 <= 2, 3 > 4, 4 >= 5, 5 == 5.0, 5 != 5.0, 1 == True, 0 == False)
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53))
print(10 ** 400 > 1e308, -(10 ** 400) < -1e308, 10 ** 400 < float('inf'))
print(1 < 2 < 3, 3 > 2 > 2, 1 < 3 > 2, 1 == 1.0 == True)
print(max(3, 7, -1), min(3, 7, -1), sorted([3, -1, 2.5, True, 0]))
for a, b in [(1, 'a'), ('a', 1), (1, None), ([], 1)]:
    try:
        print(a < b)
    except TypeError as e:
        print('TypeError:', e)
print(1 == 'a', 1 != None, None == None)
print((1).__lt__(2), (1).__lt__('x'), (1).__eq__(1.0))
