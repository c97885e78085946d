# contextvars: ContextVar/Token/Context semantics, reprs and errors.
import contextvars as cv
from contextvars import ContextVar, Context, Token, copy_context


def noaddr(s):
    # Drop " at 0x..." parts (addresses differ between runs).
    out = []
    for part in s.split(" at 0x"):
        if out:
            i = 0
            while i < len(part) and part[i] in "0123456789abcdef":
                i += 1
            part = part[i:]
        out.append(part)
    return "".join(out)


def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", noaddr(repr(r)))
    except Exception as e:
        print(type(e).__name__, noaddr(str(e)))


v = ContextVar('v', default=1)
w = ContextVar('w')
print(v.name, v.get(), v.get(5), w.get(6), noaddr(repr(v)), noaddr(repr(w)))
err(w.get)
t = v.set(2)
print(v.get(), t.var is v, t.old_value is Token.MISSING, Token.MISSING, noaddr(repr(t)))
t2 = v.set(3); print(v.get(), t2.old_value)
v.reset(t2); print(v.get()); v.reset(t); print(v.get())
err(v.reset, t); print(noaddr(repr(t)))
t = w.set('a'); err(v.reset, t); w.reset(t); err(w.get)

# contexts
ctx = copy_context()
print(type(ctx).__name__, len(ctx) >= 0)
def f(x, y=0):
    v.set(x + y)
    return v.get(), len(copy_context()) > 0
print(ctx.run(f, 10, y=5), v.get(), ctx[v], ctx.get(v), v in ctx)
c2 = ctx.copy(); print(c2[v], c2 == ctx, c2 is ctx)
c2.run(v.set, 99); print(c2[v], ctx[v])
print(c2 != ctx)
empty = Context(); print(len(empty), list(empty), empty.get(v), empty.get(v, 'd'), v in empty)
err(empty.__getitem__, v); err(empty.__getitem__, 1); err(empty.get, 1); err(lambda: 1 in empty)
def nested():
    return empty.run(lambda: 1)
err(empty.run, nested)
def reenter():
    return ctx.run(lambda: 1)
err(ctx.run, reenter)
print(ctx.run(lambda: sorted((k.name, val) for k, val in copy_context().items() if k in (v, w))))
c3 = Context(); c3.run(w.set, 'x'); c3.run(v.set, 'y')
print(sorted((k.name, x) for k, x in c3.items()), sorted(k.name for k in c3.keys()), sorted(c3.values()), sorted(k.name for k in c3))
# exceptions propagate and restore the context
def boom():
    v.set('boom')
    raise ValueError('inside')
cb = Context()
err(cb.run, boom); print(cb[v], v.get())
# token from another context
def settok():
    return w.set(1)
tok = copy_context().run(settok)
err(w.reset, tok)

# argument errors
err(ContextVar); err(ContextVar, 1); err(ContextVar, 'a', 1); err(ContextVar, 'a', x=1); err(ContextVar, name='a')
err(v.get, 1, 2); err(v.set); err(v.set, 1, 2); err(v.reset, 1); err(v.get, x=1)
err(Token); err(Context, 1); err(Context, a=1); err(cv.Context().run)
err(hash, Context()); print(hash(v) == hash(v))
err(setattr, v, 'name', 'x')
for t in (ContextVar, Context, Token):
    err(type, 'X', (t,), {})
print(ContextVar.__module__, Context.__module__, Token.__module__, type(Token.MISSING).__name__)
print(ContextVar[int], Token[str])
