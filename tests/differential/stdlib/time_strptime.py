import time
print(time.strptime('2024-03-05', '%Y-%m-%d'))
print(time.strptime('Tue Mar  5 14:07:09 2024'))
print(time.strptime('05/03/24 14:07', '%d/%m/%y %H:%M')[:6])
print(time.strptime('2024 65', '%Y %j').tm_mon)
for a in [('2024-13-01', '%Y-%m-%d'), ('x', '%Y'), (5,), ('2024',)]:
    try: time.strptime(*a)
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
t = time.strptime('2024-03-05 14:07:09', '%Y-%m-%d %H:%M:%S')
print(time.strftime('%Y-%m-%d %H:%M:%S', t), time.asctime(t))
