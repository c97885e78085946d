# Uncaught exception: traceback on stderr, exit status 1.
def f(x):
    return 10 / x
print('before')
f(0)
print('not reached')
