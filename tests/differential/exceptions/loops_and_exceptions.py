# Exceptions crossing loops, functions and comprehensions.
def risky(i):
    if i % 3 == 0:
        raise ValueError(i)
    return i
out = []
for i in range(7):
    try:
        out.append(risky(i))
    except ValueError as e:
        out.append(f'E{e}')
print(out)
try:
    [risky(i) for i in range(1, 5)]
except ValueError as e:
    print('from comprehension', e.args)
def retry(n):
    for attempt in range(n):
        try:
            if attempt < 2:
                raise ConnectionError(f'attempt {attempt}')
            return f'ok after {attempt}'
        except ConnectionError as e:
            print('retrying:', e)
    return 'gave up'
print(retry(5), retry(2))
