# raise SystemExit with an int and cleanup in a with block.
class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print('cleanup', a[0].__name__)
with CM():
    raise SystemExit(7)
