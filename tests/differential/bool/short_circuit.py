# and/or/not short-circuit evaluation and return values.
def t(v):
    print('eval', v)
    return v
print(t(0) and t(1), t(1) and t(2), t(0) or t(3), t('') or t(0) or t('last'), not t([]))
print(1 and 2 or 3, 0 and 2 or 3, None or [], [] and {}, (1, 0)[0] or 9)
x = t(None) or 'default'
print(x, all(t(v) for v in [1, 0, 2]), any(t(v) for v in [0, 5, 6]))
