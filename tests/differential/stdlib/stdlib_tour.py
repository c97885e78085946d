# A tour of the stdlib modules issue 3 names, each used for something real.
import json, dataclasses, typing, enum, argparse, datetime, decimal, fractions
import random, math, string, textwrap, pathlib, logging, copy, pickle, heapq
import bisect, struct, hashlib, base64, traceback, contextlib, abc, weakref
import tempfile, shutil, glob, fnmatch, time, operator, inspect, ast, tokenize
import optparse, pprint, statistics, doctest, difflib, zipfile, gzip, io, re
import collections, functools, itertools, os, sys

print(json.dumps({"b": [1, 2.5, None, True], "a": "é"}, sort_keys=True), json.loads('{"x": [1, {"y": null}]}'))

@dataclasses.dataclass(order=True)
class P:
    x: int
    y: int = 0
    tags: list = dataclasses.field(default_factory=list)
print(P(1, 2), P(1) < P(2), dataclasses.asdict(P(3, 4, ["t"])), dataclasses.fields(P)[0].name)

T = typing.TypeVar("T")
class Box(typing.Generic[T]):
    def __init__(self, v: T): self.v = v
print(typing.get_type_hints(P), Box[int], typing.Optional[int], typing.List[str])

class Color(enum.Enum):
    RED = 1
    GREEN = 2
print(Color.RED, Color(2), list(Color), Color["GREEN"].value)
class F(enum.Flag):
    A = 1
    B = 2
print(F.A | F.B, repr(F.A))

ap = argparse.ArgumentParser(prog="tool")
ap.add_argument("--n", type=int, default=3)
ap.add_argument("files", nargs="*")
print(ap.parse_args(["--n", "5", "a", "b"]))

d = datetime.datetime(2024, 2, 29, 13, 5, 7)
print(d.isoformat(), d + datetime.timedelta(days=1, hours=12), d.strftime("%Y-%m-%d %H:%M"), datetime.date(2020, 1, 1).weekday())
decimal.getcontext().prec = 30
print(decimal.Decimal(1) / decimal.Decimal(7), decimal.Decimal("1.10") + decimal.Decimal("2.205"))
print(fractions.Fraction(3, 4) + fractions.Fraction(1, 6), fractions.Fraction("0.125"))
random.seed(12345)
print(random.random(), random.randint(1, 100), random.sample(range(50), 5), random.choice("abcdef"))
print(math.comb(30, 12), math.isqrt(10**20 + 1), math.fsum([0.1] * 10), math.gcd(84, 36))
print(string.Template("$who likes $what").substitute(who="tim", what="py"), string.capwords("hello  world"))
print(textwrap.fill("The quick brown fox jumps over the lazy dog " * 3, width=30))
print(pathlib.PurePosixPath("/a/b/c.tar.gz").suffixes, pathlib.PurePosixPath("x") / "y" / "z.txt")

buf = io.StringIO()
log = logging.getLogger("tour")
h = logging.StreamHandler(buf)
h.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s"))
log.addHandler(h)
log.warning("careful %d", 3)
print(buf.getvalue().strip())

data = {"k": [1, (2, 3)], "s": {4}}
print(copy.deepcopy(data) == data, pickle.loads(pickle.dumps(data, protocol=4)) == data)
hp = [5, 1, 4, 2]
heapq.heapify(hp)
print([heapq.heappop(hp) for _ in range(4)], bisect.bisect([1, 3, 5], 4))
print(struct.pack("<hiQ", -2, 7, 2**40), struct.unpack(">HI", b"\x01\x02\x00\x00\x01\x00"))
print(hashlib.sha256(b"abc").hexdigest()[:16], hashlib.md5(b"x").hexdigest(), base64.b64encode(b"hello world"))
try:
    1 / 0
except ZeroDivisionError:
    print(traceback.format_exc().splitlines()[-1])

@contextlib.contextmanager
def tag(n):
    print("<" + n + ">")
    yield n
    print("</" + n + ">")
with tag("b") as t:
    print("inside", t)

class Base(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
try:
    Base()
except TypeError as e:
    print(e)

class Obj: pass
o = Obj(); r = weakref.ref(o); print(r() is o); del o; print(r())

with tempfile.TemporaryDirectory() as td:
    p = pathlib.Path(td) / "sub"
    p.mkdir()
    (p / "a.txt").write_text("alpha\n")
    (p / "b.py").write_text("print(1)\n")
    print(sorted(os.path.basename(x) for x in glob.glob(os.path.join(td, "sub", "*"))))
    shutil.copy(p / "a.txt", p / "c.txt")
    print((p / "c.txt").read_text().strip(), fnmatch.fnmatch("b.py", "*.py"))
print(time.gmtime(0).tm_year, operator.itemgetter(1, 0)("ab"), operator.attrgetter("real")(3))

def sig(a, b=2, *args, c, **kw) -> int: return a
print(inspect.signature(sig), inspect.isfunction(sig), inspect.getsource(sig).strip())
tree = ast.parse("x = 1 + 2 * y")
print(ast.dump(tree.body[0].value), ast.unparse(tree))
toks = list(tokenize.generate_tokens(io.StringIO("a = b + 1\n").readline))
print([tokenize.tok_name[t.type] for t in toks])
op = optparse.OptionParser()
op.add_option("-v", action="store_true", dest="v")
opts, rest = op.parse_args(["-v", "x"]); print(vars(opts), rest)
pprint.pprint({"z": list(range(12)), "a": {"nested": ["x" * 20, "y" * 20, "z" * 20]}}, width=40)
print(statistics.mean([1, 2, 3, 4]), statistics.median([5, 1, 3]), statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]))

def square(x):
    """
    >>> square(3)
    9
    >>> square(-2)
    4
    """
    return x * x
print(doctest.run_docstring_examples(square, {"square": square}) is None)
print(list(difflib.unified_diff(["a\n", "b\n"], ["a\n", "c\n"], "x", "y")))
zb = io.BytesIO()
with zipfile.ZipFile(zb, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("hello.txt", "hi there " * 10)
with zipfile.ZipFile(io.BytesIO(zb.getvalue())) as z:
    print(z.namelist(), z.read("hello.txt")[:8])
print(gzip.decompress(gzip.compress(b"payload" * 5)), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@host x@y"))
print(collections.Counter("mississippi").most_common(2), functools.reduce(operator.mul, range(1, 6)), list(itertools.accumulate([1, 2, 3])))
