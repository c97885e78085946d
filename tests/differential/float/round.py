# round() on floats: banker's rounding and ndigits.
for v in [0.5, 1.5, 2.5, -0.5, -1.5, 3.5, 2.675, 1.005, 0.125, 0.375, 1234.5678, -1234.5678]:
    print(v, round(v), round(v, 1), round(v, 2), round(v, -1), round(v, -2))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(2.5, None))
print(round(1e300, -300), round(1.5e-300, 300), round(123.456, 10))
for v in [float('inf'), float('nan')]:
    try:
        print(round(v))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
    print(round(v, 2))
import sys
print(round(5e-324, 400), round(-0.0), round(-0.4))
