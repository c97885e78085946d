//! `set` and `frozenset`: constructors, methods, operators and hashing.
//!
//! Invariant: a frozen set's table is filled only while it is being built
//! (before anyone else holds it), so its cached hash stays valid; results of
//! the set algebra have the exact base type of their left operand (`set` or
//! `frozenset`, never a subclass), as in CPython. Tables are read through
//! snapshots (`Set::keys`) whenever `__eq__`/`__hash__` may run.

use std::cell::{Cell, RefCell};

use adder_bytecode::{BinOp, CmpOp};
use adder_object::Value;

use crate::builtins::seq::{
    add_compare, class_getitem, cmp_result, compare_natives, count_check, dunder, no_kw, noargs,
    onearg, this,
};
use crate::kinds;
use crate::objects::iter::{Iter, IterKind};
use crate::objects::set::Set;
use crate::objects::set::SetTable;
use crate::vm::{Args, NativeFn, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let s = vm.t.set.clone();
    let f = vm.t.frozenset.clone();
    vm.set_new(&s, set_new);
    vm.set_new(&f, frozenset_new);
    vm.add_method(&s, "__init__", set_init);
    let shared: [(&'static str, NativeFn); 21] = [
        ("copy", set_copy_m),
        ("union", set_union),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("symmetric_difference", set_symmetric_difference),
        ("isdisjoint", set_isdisjoint),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("__len__", set_len),
        ("__contains__", set_contains_m),
        ("__iter__", set_iter),
        ("__repr__", set_repr),
        ("__reduce__", set_reduce),
        ("__or__", |vm, a| set_op_m(vm, a, BinOp::Or, false)),
        ("__ror__", |vm, a| set_op_m(vm, a, BinOp::Or, true)),
        ("__and__", |vm, a| set_op_m(vm, a, BinOp::And, false)),
        ("__rand__", |vm, a| set_op_m(vm, a, BinOp::And, true)),
        ("__sub__", |vm, a| set_op_m(vm, a, BinOp::Sub, false)),
        ("__rsub__", |vm, a| set_op_m(vm, a, BinOp::Sub, true)),
        ("__xor__", |vm, a| set_op_m(vm, a, BinOp::Xor, false)),
        ("__rxor__", |vm, a| set_op_m(vm, a, BinOp::Xor, true)),
    ];
    for t in [&s, &f] {
        for (name, func) in shared {
            vm.add_method(t, name, func);
        }
        vm.add_classmethod(t, "__class_getitem__", class_getitem);
        add_compare(vm, t, compare_natives!(set_compare_m));
    }
    vm.add_method(&s, "add", set_add_m);
    vm.add_method(&s, "remove", set_remove);
    vm.add_method(&s, "discard", set_discard_m);
    vm.add_method(&s, "pop", set_pop);
    vm.add_method(&s, "clear", set_clear);
    vm.add_method(&s, "update", set_update);
    vm.add_method(&s, "intersection_update", set_intersection_update);
    vm.add_method(&s, "difference_update", set_difference_update);
    vm.add_method(
        &s,
        "symmetric_difference_update",
        set_symmetric_difference_update,
    );
    vm.add_method(&s, "__ior__", |vm, a| {
        set_iop_m(vm, a, BinOp::Or, "__ior__")
    });
    vm.add_method(&s, "__iand__", |vm, a| {
        set_iop_m(vm, a, BinOp::And, "__iand__")
    });
    vm.add_method(&s, "__isub__", |vm, a| {
        set_iop_m(vm, a, BinOp::Sub, "__isub__")
    });
    vm.add_method(&s, "__ixor__", |vm, a| {
        set_iop_m(vm, a, BinOp::Xor, "__ixor__")
    });
    vm.add_attr(&s, "__hash__", Value::NONE);
    vm.add_method(&f, "__hash__", frozenset_hash_m);
}

fn payload(s: &Value) -> &Set {
    s.downcast::<Set>().expect("set payload")
}

fn empty_of(vm: &Vm, cls: &Value, frozen: bool) -> Value {
    vm.alloc_builtin(
        cls,
        Set {
            table: RefCell::new(SetTable::new()),
            frozen,
            hash: Cell::new(-1),
        },
    )
}

/// A new exact `set` (or `frozenset`) of `items`.
pub fn make_set(vm: &mut Vm, items: Vec<Value>, frozen: bool) -> PyResult {
    let ty = if frozen {
        vm.t.frozenset.clone()
    } else {
        vm.t.set.clone()
    };
    let s = empty_of(vm, &ty, frozen);
    for it in items {
        vm.set_add(&s, it)?;
    }
    Ok(s)
}

/// A copy of `s` with the exact base type of `s` (no Python code runs).
fn copy_base(vm: &Vm, s: &Value) -> Value {
    let src = payload(s);
    let ty = if src.frozen {
        vm.t.frozenset.clone()
    } else {
        vm.t.set.clone()
    };
    let table = src.table.borrow().copy();
    vm.alloc_builtin(
        &ty,
        Set {
            table: RefCell::new(table),
            frozen: src.frozen,
            hash: Cell::new(-1),
        },
    )
}

/// An empty set with the exact base type of `s`.
fn empty_like(vm: &Vm, s: &Value) -> Value {
    let frozen = payload(s).frozen;
    let ty = if frozen {
        vm.t.frozenset.clone()
    } else {
        vm.t.set.clone()
    };
    empty_of(vm, &ty, frozen)
}

/// `other` as a set: itself if it is one, else a new set of its items.
fn as_set(vm: &mut Vm, other: &Value) -> PyResult {
    if other.kind() == Some(kinds::SET) {
        return Ok(other.clone());
    }
    let items = vm.iterate(other)?;
    make_set(vm, items, false)
}

fn clear_table(s: &Value) {
    let old = payload(s).table.borrow_mut().clear();
    drop(old);
}

/// CPython 3.11's `frozenset_hash`: order-independent, from the entries' hashes.
pub fn frozenset_hash(s: &Set) -> i64 {
    if s.hash.get() != -1 {
        return s.hash.get();
    }
    let shuffle = |h: u64| ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
    let t = s.table.borrow();
    let mut h: u64 = 0;
    for e in t.iter() {
        h ^= shuffle(e.hash as u64);
    }
    h ^= (t.len() as u64 + 1).wrapping_mul(1927868237);
    drop(t);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69069).wrapping_add(907133923);
    if h == u64::MAX {
        h = 590923713;
    }
    let h = h as i64;
    if s.frozen {
        s.hash.set(h);
    }
    h
}

// ----- the algebra on two sets ------------------------------------------------------------------

/// `a op b` for two sets/frozensets; the result follows `a`'s base type.
pub fn set_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult {
    match op {
        BinOp::Or => {
            let r = copy_base(vm, a);
            for k in payload(b).keys() {
                vm.set_add(&r, k)?;
            }
            Ok(r)
        }
        BinOp::And => {
            let r = empty_like(vm, a);
            let (small, big) = if payload(b).len() < payload(a).len() {
                (b, a)
            } else {
                (a, b)
            };
            for k in payload(small).keys() {
                if vm.set_contains(big, &k)? {
                    vm.set_add(&r, k)?;
                }
            }
            Ok(r)
        }
        BinOp::Sub => {
            let r = empty_like(vm, a);
            for k in payload(a).keys() {
                if !vm.set_contains(b, &k)? {
                    vm.set_add(&r, k)?;
                }
            }
            Ok(r)
        }
        BinOp::Xor => {
            let r = copy_base(vm, a);
            for k in payload(b).keys() {
                if !vm.set_discard(&r, &k)? {
                    vm.set_add(&r, k)?;
                }
            }
            Ok(r)
        }
        _ => Err(vm.type_error("unsupported set operation")),
    }
}

/// `a op= b` for a mutable set `a` and a set/frozenset `b`; returns `a`.
pub fn set_inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult {
    match op {
        BinOp::Or => {
            for k in payload(b).keys() {
                vm.set_add(a, k)?;
            }
        }
        BinOp::And => {
            for k in payload(a).keys() {
                if !vm.set_contains(b, &k)? {
                    vm.set_discard(a, &k)?;
                }
            }
        }
        BinOp::Sub => {
            if a.is(b) {
                clear_table(a);
            } else {
                for k in payload(b).keys() {
                    vm.set_discard(a, &k)?;
                }
            }
        }
        BinOp::Xor => {
            if a.is(b) {
                clear_table(a);
            } else {
                for k in payload(b).keys() {
                    if !vm.set_discard(a, &k)? {
                        vm.set_add(a, k)?;
                    }
                }
            }
        }
        _ => return Err(vm.type_error("unsupported set operation")),
    }
    Ok(a.clone())
}

// ----- construction -----------------------------------------------------------------------------

fn set_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    if cls.is(&vm.t.set) && !args.kw.is_empty() {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    Ok(empty_of(vm, &cls, false))
}

fn set_init(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, &vm.t.set.clone(), "__init__")?;
    if !args.kw.is_empty() {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    let name = vm.type_name(&s);
    count_check(vm, &name, args.pos.len() - 1, 0, 1)?;
    clear_table(&s);
    if let Some(src) = args.pos.get(1) {
        let it = vm.iter(src)?;
        while let Some(x) = vm.next(&it)? {
            vm.set_add(&s, x)?;
        }
    }
    Ok(Value::NONE)
}

fn frozenset_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    let exact = cls.is(&vm.t.frozenset);
    if !args.kw.is_empty() {
        return Err(vm.type_error("frozenset() takes no keyword arguments"));
    }
    let name = vm.type_obj(&cls).name();
    count_check(vm, &name, args.pos.len() - 1, 0, 1)?;
    if exact {
        if let Some(src) = args.pos.get(1) {
            if vm.type_of(src).is(&vm.t.frozenset) {
                return Ok(src.clone());
            }
        }
    }
    let s = empty_of(vm, &cls, true);
    if let Some(src) = args.pos.get(1) {
        let it = vm.iter(src)?;
        while let Some(x) = vm.next(&it)? {
            vm.set_add(&s, x)?;
        }
    }
    Ok(s)
}

// ----- receivers ------------------------------------------------------------------------------

/// The receiver of a method shared by set and frozenset.
fn self_any(vm: &Vm, args: &Args, meth: &str) -> PyResult<Value> {
    match args.pos.first() {
        Some(s) if s.kind() == Some(kinds::SET) => Ok(s.clone()),
        _ => this(vm, args, &vm.t.set.clone(), meth),
    }
}

fn self_set(vm: &Vm, args: &Args, meth: &str) -> PyResult<Value> {
    this(vm, args, &vm.t.set.clone(), meth)
}

fn qual(vm: &Vm, s: &Value, meth: &str) -> String {
    let base = if payload(s).frozen {
        "frozenset"
    } else {
        "set"
    };
    let _ = vm;
    format!("{base}.{meth}")
}

/// The positional arguments after self, with keywords rejected.
fn others(vm: &Vm, args: &Args, s: &Value, meth: &str) -> PyResult<Vec<Value>> {
    no_kw(vm, args, &qual(vm, s, meth))?;
    Ok(args.pos[1..].to_vec())
}

// ----- shared methods --------------------------------------------------------------------------

fn set_copy_m(vm: &mut Vm, args: Args) -> PyResult {
    let s = self_any(vm, &args, "copy")?;
    noargs(vm, &args, &qual(vm, &s, "copy"))?;
    if vm.type_of(&s).is(&vm.t.frozenset) {
        return Ok(s);
    }
    Ok(copy_base(vm, &s))
}

fn set_union(vm: &mut Vm, args: Args) -> PyResult {
    let s = self_any(vm, &args, "union")?;
    let os = others(vm, &args, &s, "union")?;
    let r = copy_base(vm, &s);
    for o in os {
        let it = vm.iter(&o)?;
        while let Some(x) = vm.next(&it)? {
            vm.set_add(&r, x)?;
        }
    }
    Ok(r)
}

/// `s & other` where `other` is any iterable; result follows `s`'s base type.
fn intersect_iterable(vm: &mut Vm, s: &Value, other: &Value) -> PyResult {
    if other.kind() == Some(kinds::SET) {
        return set_binop(vm, s, other, BinOp::And);
    }
    let r = empty_like(vm, s);
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(&it)? {
        if vm.set_contains(s, &x)? {
            vm.set_add(&r, x)?;
        }
    }
    Ok(r)
}

fn set_intersection(vm: &mut Vm, args: Args) -> PyResult {
    let s = self_any(vm, &args, "intersection")?;
    let os = others(vm, &args, &s, "intersection")?;
    if os.is_empty() {
        return Ok(copy_base(vm, &s));
    }
    let mut r = s.clone();
    for o in os {
        r = intersect_iterable(vm, &r, &o)?;
    }
    Ok(r)
}

fn set_difference(vm: &mut Vm, args: Args) -> PyResult {
    let s = self_any(vm, &args, "difference")?;
    let os = others(vm, &args, &s, "difference")?;
    let r = copy_base(vm, &s);
    for o in os {
        if o.kind() == Some(kinds::SET) {
            for k in payload(&o).keys() {
                vm.set_discard(&r, &k)?;
            }
            continue;
        }
        let it = vm.iter(&o)?;
        while let Some(x) = vm.next(&it)? {
            vm.set_discard(&r, &x)?;
        }
    }
    Ok(r)
}

fn set_symmetric_difference(vm: &mut Vm, args: Args) -> PyResult {
    let s = self_any(vm, &args, "symmetric_difference")?;
    let o = onearg(vm, &args, &qual(vm, &s, "symmetric_difference"))?;
    let o = as_set(vm, &o)?;
    set_binop(vm, &s, &o, BinOp::Xor)
}

fn set_isdisjoint(vm: &mut Vm, args: Args) -> PyResult {
    let s = self_any(vm, &args, "isdisjoint")?;
    let o = onearg(vm, &args, &qual(vm, &s, "isdisjoint"))?;
    if o.kind() == Some(kinds::SET) {
        let (small, big) = if payload(&o).len() < payload(&s).len() {
            (&o, &s)
        } else {
            (&s, &o)
        };
        for k in payload(small).keys() {
            if vm.set_contains(big, &k)? {
                return Ok(Value::FALSE);
            }
        }
        return Ok(Value::TRUE);
    }
    let it = vm.iter(&o)?;
    while let Some(x) = vm.next(&it)? {
        if vm.set_contains(&s, &x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

/// Every element of set `a` is in set `b`.
fn subset(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if payload(a).len() > payload(b).len() {
        return Ok(false);
    }
    for k in payload(a).keys() {
        if !vm.set_contains(b, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_issubset(vm: &mut Vm, args: Args) -> PyResult {
    let s = self_any(vm, &args, "issubset")?;
    let o = onearg(vm, &args, &qual(vm, &s, "issubset"))?;
    let o = as_set(vm, &o)?;
    Ok(Value::from_bool(subset(vm, &s, &o)?))
}

fn set_issuperset(vm: &mut Vm, args: Args) -> PyResult {
    let s = self_any(vm, &args, "issuperset")?;
    let o = onearg(vm, &args, &qual(vm, &s, "issuperset"))?;
    if o.kind() == Some(kinds::SET) {
        return Ok(Value::from_bool(subset(vm, &o, &s)?));
    }
    let it = vm.iter(&o)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.set_contains(&s, &x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn set_len(vm: &mut Vm, args: Args) -> PyResult {
    let s = self_any(vm, &args, "__len__")?;
    dunder(vm, &args, &vm.type_of(&s), "__len__", 0)?;
    Ok(vm.new_int(payload(&s).len() as i64))
}

fn set_contains_m(vm: &mut Vm, args: Args) -> PyResult {
    let s = self_any(vm, &args, "__contains__")?;
    dunder(vm, &args, &vm.type_of(&s), "__contains__", 1)?;
    Ok(Value::from_bool(vm.set_contains(&s, &args.pos[1])?))
}

fn set_iter(vm: &mut Vm, args: Args) -> PyResult {
    let s = self_any(vm, &args, "__iter__")?;
    dunder(vm, &args, &vm.type_of(&s), "__iter__", 0)?;
    let ty = vm.t.set_iterator.clone();
    let it = vm.new_iter(IterKind::SetKeys, s.clone(), &ty);
    if let Some(i) = it.downcast::<Iter>() {
        i.len.set(payload(&s).len());
    }
    Ok(it)
}

fn set_repr(vm: &mut Vm, args: Args) -> PyResult {
    let s = self_any(vm, &args, "__repr__")?;
    dunder(vm, &args, &vm.type_of(&s), "__repr__", 0)?;
    let r = crate::builtins::repr::native_repr(vm, &s)?;
    Ok(vm.new_string(r))
}

fn set_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let s = self_any(vm, &args, "__reduce__")?;
    let items = vm.new_list(payload(&s).keys());
    let state = vm.object_dict(&s).unwrap_or(Value::NONE);
    let cls = vm.type_of(&s);
    let a = vm.new_tuple(vec![items]);
    Ok(vm.new_tuple(vec![cls, a, state]))
}

fn set_op_m(vm: &mut Vm, args: Args, op: BinOp, rev: bool) -> PyResult {
    let s = self_any(vm, &args, "__or__")?;
    let Some(o) = args.pos.get(1).cloned() else {
        return Err(vm.type_error("expected 1 argument, got 0"));
    };
    if o.kind() != Some(kinds::SET) {
        return Ok(vm.not_implemented.clone());
    }
    if rev {
        set_binop(vm, &o, &s, op)
    } else {
        set_binop(vm, &s, &o, op)
    }
}

fn set_compare_m(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    let name = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][op as usize];
    let s = self_any(vm, &args, name)?;
    let o = onearg(vm, &args, name)?;
    if o.kind() != Some(kinds::SET) {
        return Ok(vm.not_implemented.clone());
    }
    let r = vm.native_compare(&s, &o, op)?;
    Ok(cmp_result(vm, r))
}

fn frozenset_hash_m(vm: &mut Vm, args: Args) -> PyResult {
    let s = dunder(vm, &args, &vm.t.frozenset.clone(), "__hash__", 0)?;
    let h = frozenset_hash(payload(&s));
    Ok(vm.new_int(h))
}

// ----- set-only methods -----------------------------------------------------------------------

fn set_add_m(vm: &mut Vm, args: Args) -> PyResult {
    let s = self_set(vm, &args, "add")?;
    let x = onearg(vm, &args, "set.add")?;
    vm.set_add(&s, x)?;
    Ok(Value::NONE)
}

fn set_remove(vm: &mut Vm, args: Args) -> PyResult {
    let s = self_set(vm, &args, "remove")?;
    let x = onearg(vm, &args, "set.remove")?;
    if vm.set_discard(&s, &x)? {
        Ok(Value::NONE)
    } else {
        Err(vm.key_error(x))
    }
}

fn set_discard_m(vm: &mut Vm, args: Args) -> PyResult {
    let s = self_set(vm, &args, "discard")?;
    let x = onearg(vm, &args, "set.discard")?;
    vm.set_discard(&s, &x)?;
    Ok(Value::NONE)
}

fn set_pop(vm: &mut Vm, args: Args) -> PyResult {
    let s = self_set(vm, &args, "pop")?;
    noargs(vm, &args, "set.pop")?;
    let removed = {
        let mut t = payload(&s).table.borrow_mut();
        let first = (0..t.dense_len()).find(|&i| t.entry_at(i).is_some_and(|e| !e.key.is_null()));
        first.map(|i| t.remove_entry(i))
    };
    match removed {
        Some(k) => Ok(k),
        None => {
            let m = vm.new_str("pop from an empty set");
            Err(vm.key_error(m))
        }
    }
}

fn set_clear(vm: &mut Vm, args: Args) -> PyResult {
    let s = self_set(vm, &args, "clear")?;
    noargs(vm, &args, "set.clear")?;
    clear_table(&s);
    Ok(Value::NONE)
}

fn set_update(vm: &mut Vm, args: Args) -> PyResult {
    let s = self_set(vm, &args, "update")?;
    for o in others(vm, &args, &s, "update")? {
        if o.kind() == Some(kinds::SET) {
            for k in payload(&o).keys() {
                vm.set_add(&s, k)?;
            }
            continue;
        }
        let it = vm.iter(&o)?;
        while let Some(x) = vm.next(&it)? {
            vm.set_add(&s, x)?;
        }
    }
    Ok(Value::NONE)
}

/// Replaces the contents of `s` with those of `r`.
fn assign_from(s: &Value, r: &Value) {
    if s.is(r) {
        return;
    }
    let table = payload(r).table.borrow().copy();
    let old = std::mem::replace(&mut *payload(s).table.borrow_mut(), table);
    drop(old);
}

fn set_intersection_update(vm: &mut Vm, args: Args) -> PyResult {
    let s = self_set(vm, &args, "intersection_update")?;
    let mut r = s.clone();
    for o in others(vm, &args, &s, "intersection_update")? {
        r = intersect_iterable(vm, &r, &o)?;
    }
    assign_from(&s, &r);
    Ok(Value::NONE)
}

fn set_difference_update(vm: &mut Vm, args: Args) -> PyResult {
    let s = self_set(vm, &args, "difference_update")?;
    for o in others(vm, &args, &s, "difference_update")? {
        if o.is(&s) {
            clear_table(&s);
            continue;
        }
        if o.kind() == Some(kinds::SET) {
            for k in payload(&o).keys() {
                vm.set_discard(&s, &k)?;
            }
            continue;
        }
        let it = vm.iter(&o)?;
        while let Some(x) = vm.next(&it)? {
            vm.set_discard(&s, &x)?;
        }
    }
    Ok(Value::NONE)
}

fn set_symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult {
    let s = self_set(vm, &args, "symmetric_difference_update")?;
    let o = onearg(vm, &args, "set.symmetric_difference_update")?;
    let o = as_set(vm, &o)?;
    set_inplace(vm, &s, &o, BinOp::Xor)?;
    Ok(Value::NONE)
}

fn set_iop_m(vm: &mut Vm, args: Args, op: BinOp, name: &str) -> PyResult {
    let s = dunder(vm, &args, &vm.t.set.clone(), name, 1)?;
    let o = args.pos[1].clone();
    if o.kind() != Some(kinds::SET) {
        return Ok(vm.not_implemented.clone());
    }
    set_inplace(vm, &s, &o, op)
}
