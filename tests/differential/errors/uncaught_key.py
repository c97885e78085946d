# Uncaught KeyError raised inside nested calls with a chained cause.
def lookup(d, k):
    try:
        return d[k]
    except KeyError as e:
        raise LookupError(f'missing {k!r}') from e
print('start')
lookup({}, 'key')
