# Python 3.11's int/str conversion limit (4300 digits by default).
import sys
print(sys.get_int_max_str_digits())
big = 10 ** 4299
print(len(str(big)))
try:
    str(10 ** 4300)
except ValueError as e:
    print('ValueError:', e)
try:
    int('1' * 4301)
except ValueError as e:
    print('ValueError:', e)
print(len(str(int('9' * 4300))))
print(hex(10 ** 5000)[:10])
print(int('f' * 5000, 16) > 0)
sys.set_int_max_str_digits(5000)
print(len(str(10 ** 4500)))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 6000)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print('ValueError:', e)
