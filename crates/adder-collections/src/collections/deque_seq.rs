//! The sequence side of `collections.deque`: indexing, search, `insert`
//! and `remove`, concatenation and repetition, comparisons, and the
//! forward and reverse iterators (`_collections._deque_iterator`,
//! `_collections._deque_reverse_iterator`).
//!
//! Invariant: as in `deque.rs` — every loop that calls Python code
//! re-reads the buffer by index and checks `state` after each call.

use std::cell::Cell;

use adder_bytecode::CmpOp;
use adder_object::{payload, Payload, Trace, Value};
use adder_vm::native;
use adder_vm::ops::type_lookup;
use adder_vm::{Args, PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::deque::{copy_of, extend, mutated, this, Deque};
use crate::args::{check_pos, no_kw, noargs, onearg};
use crate::{kind, stop};

/// A forward or reverse iterator over a deque.
#[derive(Trace)]
pub struct DequeIter {
    pub deque: Value,
    pub state: u64,
    /// Items left to return.
    pub counter: Cell<usize>,
    pub reverse: bool,
}
payload!(DequeIter, kind::DEQUE_ITER, "deque_iterator");

pub fn init(vm: &mut Vm, m: &Value, t: &Value) {
    let methods: &[(&'static str, adder_vm::vm::NativeFn)] = &[
        ("__getitem__", deque_getitem),
        ("__setitem__", deque_setitem),
        ("__delitem__", deque_delitem),
        ("__contains__", deque_contains),
        ("count", deque_count),
        ("index", deque_index),
        ("insert", deque_insert),
        ("remove", deque_remove),
        ("__add__", deque_add),
        ("__mul__", deque_mul),
        ("__rmul__", deque_mul),
        ("__imul__", deque_imul),
        ("__iter__", deque_iter),
        ("__reversed__", deque_reversed),
        ("__eq__", |vm, a| cmp(vm, a, CmpOp::Eq, "__eq__")),
        ("__ne__", |vm, a| cmp(vm, a, CmpOp::Ne, "__ne__")),
        ("__lt__", |vm, a| cmp(vm, a, CmpOp::Lt, "__lt__")),
        ("__le__", |vm, a| cmp(vm, a, CmpOp::Le, "__le__")),
        ("__gt__", |vm, a| cmp(vm, a, CmpOp::Gt, "__gt__")),
        ("__ge__", |vm, a| cmp(vm, a, CmpOp::Ge, "__ge__")),
    ];
    for &(n, f) in methods {
        vm.add_method(t, n, f);
    }
    let obj = vm.t.object.clone();
    for (name, rev) in [
        ("_deque_iterator", false),
        ("_deque_reverse_iterator", true),
    ] {
        let it = native::new_type(
            vm,
            "_collections",
            name,
            &obj,
            DequeIter::vtable(),
            kind::DEQUE_ITER,
            0,
        );
        vm.set_new(&it, if rev { riter_new } else { iter_new });
        vm.add_method(&it, "__iter__", crate::iter_self);
        vm.add_method(&it, "__next__", iter_next);
        vm.add_method(&it, "__length_hint__", iter_length_hint);
        vm.add_method(&it, "__reduce__", iter_reduce);
        native::module_set(vm, m, name, it);
    }
}

fn cmp(vm: &mut Vm, args: Args, op: CmpOp, name: &str) -> PyResult {
    let other = onearg(vm, &args, name)?;
    this(vm, &args, name)?;
    match super::deque::compare(vm, &args.pos[0], &other, op)? {
        Some(b) => Ok(Value::from_bool(b)),
        None => Ok(vm.not_implemented.clone()),
    }
}

/// A sequence index (`PyNumber_AsSsize_t` after `__index__`, or CPython's
/// "sequence index must be integer" TypeError), made non-negative.
fn seq_index(vm: &mut Vm, d: &Deque, k: &Value) -> PyResult<Option<usize>> {
    let Some(i) = vm.index_opt(k)? else {
        return Err(vm.type_error(format!(
            "sequence index must be integer, not '{}'",
            vm.type_name(k)
        )));
    };
    let i = crate::args::big_ssize(vm, &i)
        .map_err(|_| vm.index_error("cannot fit 'int' into an index-sized integer"))?;
    let n = d.len() as i64;
    let i = if i < 0 { i + n } else { i };
    Ok(if i < 0 || i >= n {
        None
    } else {
        Some(i as usize)
    })
}

fn deque_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let k = onearg(vm, &args, "__getitem__")?;
    let d = this(vm, &args, "__getitem__")?;
    match seq_index(vm, d, &k)?.and_then(|i| d.get(i)) {
        Some(v) => Ok(v),
        None => Err(vm.index_error("deque index out of range")),
    }
}

fn deque_setitem(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "__setitem__")?;
    check_pos(vm, "__setitem__", args.pos.len().saturating_sub(1), 2, 2)?;
    let d = this(vm, &args, "__setitem__")?;
    let Some(i) = seq_index(vm, d, &args.pos[1])? else {
        return Err(vm.index_error("deque index out of range"));
    };
    let old = {
        let mut items = d.items.borrow_mut();
        items
            .get_mut(i)
            .map(|slot| std::mem::replace(slot, args.pos[2].clone()))
    };
    drop(old);
    Ok(Value::NONE)
}

fn deque_delitem(vm: &mut Vm, args: Args) -> PyResult {
    let k = onearg(vm, &args, "__delitem__")?;
    let d = this(vm, &args, "__delitem__")?;
    let Some(i) = seq_index(vm, d, &k)? else {
        return Err(vm.index_error("deque index out of range"));
    };
    let old = d.items.borrow_mut().remove(i);
    d.bump();
    drop(old);
    Ok(Value::NONE)
}

/// Index of the first item equal to `v` in `[start, stop)`, raising
/// `mut_err` when the deque changes during a comparison.
fn find(
    vm: &mut Vm,
    d: &Deque,
    v: &Value,
    start: usize,
    stop: usize,
    mut_err: fn(&Vm) -> Value,
) -> PyResult<Option<usize>> {
    let state = d.state.get();
    let mut i = start;
    while i < stop {
        let Some(item) = d.get(i) else {
            break;
        };
        let eq = vm.eq(&item, v)?;
        if d.state.get() != state {
            return Err(mut_err(vm));
        }
        if eq {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn deque_contains(vm: &mut Vm, args: Args) -> PyResult {
    let v = onearg(vm, &args, "__contains__")?;
    let d = this(vm, &args, "__contains__")?;
    let n = d.len();
    Ok(Value::from_bool(find(vm, d, &v, 0, n, mutated)?.is_some()))
}

fn deque_count(vm: &mut Vm, args: Args) -> PyResult {
    let v = onearg(vm, &args, "count")?;
    let d = this(vm, &args, "count")?;
    let state = d.state.get();
    let mut count = 0i64;
    let mut i = 0;
    while let Some(item) = d.get(i) {
        let eq = vm.eq(&item, &v)?;
        if d.state.get() != state {
            return Err(mutated(vm));
        }
        count += eq as i64;
        i += 1;
    }
    Ok(vm.new_int(count))
}

/// `_PyEval_SliceIndexNotNone`, clamped to the C `Py_ssize_t` range.
fn slice_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match vm.index_opt(v)? {
        Some(i) => Ok(i
            .to_i64()
            .unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX })),
        None => Err(vm.type_error("slice indices must be integers or have an __index__ method")),
    }
}

fn deque_index(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "index")?;
    let n = args.pos.len().saturating_sub(1);
    if n < 1 {
        return Err(vm.type_error(format!("index() takes at least 1 argument ({n} given)")));
    }
    if n > 3 {
        return Err(vm.type_error(format!("index() takes at most 3 arguments ({n} given)")));
    }
    let d = this(vm, &args, "index")?;
    let v = args.pos[1].clone();
    let mut start = match args.pos.get(2) {
        Some(s) => slice_index(vm, s)?,
        None => 0,
    };
    let mut stop = match args.pos.get(3) {
        Some(s) => slice_index(vm, s)?,
        None => i64::MAX,
    };
    let n = d.len() as i64;
    if start < 0 {
        start = (start + n).max(0);
    }
    if stop < 0 {
        stop = (stop + n).max(0);
    }
    let stop = stop.min(n);
    if start <= stop {
        let start = start as usize;
        let stop = stop as usize;
        if let Some(i) = find(vm, d, &v, start, stop, mutated)? {
            return Ok(vm.new_int(i as i64));
        }
    }
    let r = vm.repr_string(&v)?;
    Err(vm.value_error(format!("{r} is not in deque")))
}

fn deque_insert(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "insert")?;
    let n = args.pos.len().saturating_sub(1);
    if n != 2 {
        return Err(vm.type_error(format!("insert() takes exactly 2 arguments ({n} given)")));
    }
    let d = this(vm, &args, "insert")?;
    let index = crate::args::ssize(vm, &args.pos[1])?;
    let v = args.pos[2].clone();
    let len = d.len() as i64;
    if d.maxlen.get() == len {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    if index >= len {
        d.push_back(v);
    } else if index <= -len || index == 0 {
        d.push_front(v);
    } else {
        let at = if index < 0 { index + len } else { index } as usize;
        d.items.borrow_mut().insert(at, v);
        d.bump();
    }
    Ok(Value::NONE)
}

fn deque_remove(vm: &mut Vm, args: Args) -> PyResult {
    let v = onearg(vm, &args, "remove")?;
    let d = this(vm, &args, "remove")?;
    let n = d.len();
    let found = find(vm, d, &v, 0, n, |vm| {
        vm.index_error("deque mutated during iteration")
    })?;
    match found {
        Some(i) => {
            let old = d.items.borrow_mut().remove(i);
            d.bump();
            drop(old);
            Ok(Value::NONE)
        }
        None => {
            let r = vm.repr_string(&v)?;
            Err(vm.value_error(format!("{r} is not in deque")))
        }
    }
}

/// Whether `v`'s class defines `name` in Python (a builtin's native
/// reflected method is only its sequence behaviour, which CPython tries
/// after the deque's own).
fn has_method(vm: &mut Vm, v: &Value, name: &str) -> bool {
    let t = vm.type_of(v);
    let n = vm.intern(name);
    type_lookup(&t, &n).is_some_and(|f| !f.is_none() && f.kind() != Some(adder_vm::kinds::NATIVE))
}

fn deque_add(vm: &mut Vm, args: Args) -> PyResult {
    let other = onearg(vm, &args, "__add__")?;
    this(vm, &args, "__add__")?;
    if other.downcast::<Deque>().is_none() {
        if has_method(vm, &other, "__radd__") {
            return Ok(vm.not_implemented.clone());
        }
        return Err(vm.type_error(format!(
            "can only concatenate {} (not \"{}\") to {}",
            crate::short_type_name(vm, &args.pos[0]),
            crate::short_type_name(vm, &other),
            crate::short_type_name(vm, &args.pos[0]),
        )));
    }
    let new = copy_of(vm, &args.pos[0])?;
    if let Some(nd) = new.downcast::<Deque>() {
        extend(vm, &new, nd, &other, false)?;
    }
    Ok(new)
}

/// The repeat count of `d * n`, or None (NotImplemented) / TypeError.
fn repeat_count(vm: &mut Vm, n: &Value, swap_ok: bool) -> PyResult<Option<i64>> {
    match vm.index_opt(n)? {
        Some(i) => Ok(Some(i.to_i64().unwrap_or(if i.is_negative() {
            i64::MIN
        } else {
            i64::MAX
        }))),
        None if swap_ok && has_method(vm, n, "__rmul__") => Ok(None),
        None => Err(vm.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(n)
        ))),
    }
}

/// Repeats deque `d` in place `n` times (`deque_inplace_repeat`).
fn repeat_in_place(vm: &mut Vm, d: &Deque, n: i64) -> PyResult<()> {
    if n <= 0 {
        d.clear();
        return Ok(());
    }
    let size = d.len() as i64;
    if size == 0 || n == 1 {
        return Ok(());
    }
    let maxlen = d.maxlen.get();
    let mut n = n;
    if maxlen >= 0 && n.saturating_mul(size) > maxlen {
        n = (maxlen + size - 1) / size + 1;
    }
    let total = (size as u128) * (n as u128);
    if total > (i64::MAX as u128) / 8 {
        return Err(vm.new_exception_msg(&vm.t.memory_error, ""));
    }
    vm.check_alloc((total as usize).saturating_mul(8))?;
    let items = d.snapshot();
    for _ in 1..n {
        for v in &items {
            d.push_back(v.clone());
        }
    }
    Ok(())
}

fn deque_mul(vm: &mut Vm, args: Args) -> PyResult {
    let other = onearg(vm, &args, "__mul__")?;
    this(vm, &args, "__mul__")?;
    let Some(n) = repeat_count(vm, &other, true)? else {
        return Ok(vm.not_implemented.clone());
    };
    let new = copy_of(vm, &args.pos[0])?;
    if let Some(nd) = new.downcast::<Deque>() {
        repeat_in_place(vm, nd, n)?;
    }
    Ok(new)
}

fn deque_imul(vm: &mut Vm, args: Args) -> PyResult {
    let other = onearg(vm, &args, "__imul__")?;
    let d = this(vm, &args, "__imul__")?;
    let Some(n) = repeat_count(vm, &other, true)? else {
        return Ok(vm.not_implemented.clone());
    };
    repeat_in_place(vm, d, n)?;
    Ok(args.pos[0].clone())
}

// ----- iterators ------------------------------------------------------------------------

fn new_iter(vm: &mut Vm, cls: &Value, dv: &Value, reverse: bool) -> PyResult {
    let Some(d) = dv.downcast::<Deque>() else {
        return Err(vm.type_error("not a deque"));
    };
    Ok(vm.alloc_builtin(
        cls,
        DequeIter {
            deque: dv.clone(),
            state: d.state.get(),
            counter: Cell::new(d.len()),
            reverse,
        },
    ))
}

fn deque_iter(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__iter__")?;
    this(vm, &args, "__iter__")?;
    let t = crate::module_type(vm, "_collections", "_deque_iterator")?;
    new_iter(vm, &t, &args.pos[0], false)
}

fn deque_reversed(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__reversed__")?;
    this(vm, &args, "__reversed__")?;
    let t = crate::module_type(vm, "_collections", "_deque_reverse_iterator")?;
    new_iter(vm, &t, &args.pos[0], true)
}

fn iter_new_common(vm: &mut Vm, args: Args, reverse: bool) -> PyResult {
    let name = if reverse {
        "_deque_reverse_iterator"
    } else {
        "_deque_iterator"
    };
    no_kw(vm, &args, name)?;
    check_pos(vm, name, args.pos.len().saturating_sub(1), 1, 2)?;
    let dv = args.pos[1].clone();
    if dv.downcast::<Deque>().is_none() {
        return Err(vm.type_error(format!(
            "{name}() argument 1 must be collections.deque, not {}",
            vm.type_name(&dv)
        )));
    }
    let index = match args.pos.get(2) {
        Some(i) => crate::args::ssize(vm, i)?,
        None => 0,
    };
    let it = new_iter(vm, &args.pos[0], &dv, reverse)?;
    for _ in 0..index.max(0) {
        if advance(vm, &it)?.is_none() {
            break;
        }
    }
    Ok(it)
}

fn iter_new(vm: &mut Vm, args: Args) -> PyResult {
    iter_new_common(vm, args, false)
}

fn riter_new(vm: &mut Vm, args: Args) -> PyResult {
    iter_new_common(vm, args, true)
}

fn advance(vm: &mut Vm, itv: &Value) -> PyResult<Option<Value>> {
    let Some(it) = itv.downcast::<DequeIter>() else {
        return Err(vm.type_error("not a deque iterator"));
    };
    let Some(d) = it.deque.downcast::<Deque>() else {
        return Ok(None);
    };
    if d.state.get() != it.state {
        it.counter.set(0);
        return Err(mutated(vm));
    }
    let left = it.counter.get();
    if left == 0 {
        return Ok(None);
    }
    let len = d.len();
    let pos = if it.reverse { left - 1 } else { len - left };
    it.counter.set(left - 1);
    Ok(d.get(pos))
}

fn iter_this<'a>(vm: &Vm, args: &'a Args, meth: &str) -> PyResult<&'a DequeIter> {
    let s = &args.pos[0];
    s.downcast::<DequeIter>().ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '{meth}' requires a '_collections._deque_iterator' object but received a '{}'",
            vm.type_name(s)
        ))
    })
}

fn iter_next(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__next__")?;
    iter_this(vm, &args, "__next__")?;
    match advance(vm, &args.pos[0])? {
        Some(v) => Ok(v),
        None => stop(vm),
    }
}

fn iter_length_hint(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__length_hint__")?;
    let it = iter_this(vm, &args, "__length_hint__")?;
    Ok(vm.new_int(it.counter.get() as i64))
}

fn iter_reduce(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__reduce__")?;
    let it = iter_this(vm, &args, "__reduce__")?;
    let len = it.deque.downcast::<Deque>().map_or(0, |d| d.len());
    let done = vm.new_bigint(BigInt::from(len as i64) - BigInt::from(it.counter.get() as i64));
    let t = vm.type_of(&args.pos[0]);
    let a = vm.new_tuple(vec![it.deque.clone(), done]);
    Ok(vm.new_tuple(vec![t, a]))
}
