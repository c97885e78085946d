# list == list compares lengths first and rereads both lists after each element comparison


class X:
    def __eq__(self, other):
        list2.clear()
        return NotImplemented


class Y:
    def __eq__(self, other):
        list1.clear()
        return NotImplemented


list1 = [X()]
list2 = [Y()]
print(list1 == list2, list1, list2)
a = []
a.append(a)
b = [a, 1]
print(a == b, a != b)
print([1, 2] < [1, 2, 3], [1, 3] > [1, 2, 3], [] <= [], [1] >= [1, 0])
