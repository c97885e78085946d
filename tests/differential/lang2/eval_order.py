# evaluation order of operands, arguments, subscripts, assignments
log = []
def t(name, val=None):
    log.append(name)
    return val if val is not None else name

def show(label):
    print(label, log)
    log.clear()

t("a", 1) + t("b", 2) * t("c", 3); show("arith")
t("f", lambda *a, **k: None)(t("x"), t("y"), k=t("z")); show("call")
d = {}
d[t("key")] = t("value"); show("subscript-assign")
{t("k1"): t("v1"), t("k2"): t("v2")}; show("dict display")
[t("l1"), *t("l2", [1]), t("l3")]; show("list display")
t("obj", d)[t("idx")] = t("rhs"); show("target order")
x = y = t("chained"); show("chained assign")
lst = [0, 0]
i = 0
i, lst[i] = 1, 5
print(i, lst)
t("cond", 1) if t("test", True) else t("other"); show("ternary")
t("o1", 0) or t("o2", 0) or t("o3", 7); show("or chain")
t("a1", 1) and t("a2", 0) and t("a3", 1); show("and chain")
class A:
    def __init__(self): self.v = [0]
a = A()
def get_a():
    log.append("get_a"); return a
def idx():
    log.append("idx"); return 0
get_a().v[idx()] += t("inc", 5); show("augassign")
print(a.v)
def kw(**k): return sorted(k)
kw(b=t("b"), a=t("a")); show("kwargs")
f"{t('f1')}{t('f2')}"; show("fstring")
(t("tup1"), t("tup2")); show("tuple")
t("base", 2) ** t("exp", 3); show("pow")
-t("neg", 1); show("unary")
t("L", [1]) == t("R", [1]); show("compare")
t("s", "abc")[t("lo", 0):t("hi", 2)]; show("slice")
def defaults(a=t("default-a"), b=t("default-b")): pass
show("defaults")
@t("deco1", lambda f: f)
@t("deco2", lambda f: f)
def decorated(): pass
show("decorators")
for q in t("iterable", [1, 2]):
    log.append(q)
show("for")
lam = lambda: t("lambda-body")
show("lambda not called")
print(lam(), log)
