# uncaught exception chained with raise from: last line is the outer one
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise LookupError(f"cannot parse {s!r}") from e
print(parse("12"))
print(parse("twelve"))
