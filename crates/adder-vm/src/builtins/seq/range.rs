//! `range` and `slice`: constructors, attributes and methods.
//!
//! Invariant: a `Range`'s bounds are exact integers (arbitrary precision)
//! with a non-zero step, and its `values` mirror them; neither type can be
//! subclassed, so natives here may use the generic `Vm` protocols on them.

use adder_bytecode::CmpOp;
use adder_object::Value;
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{add_compare, argrange, cmp_result, compare_natives, dunder, make_range, onearg, this};
use crate::num::as_bigint;
use crate::objects::seq::{Range, Slice};
use crate::ops::{range_contains, range_len};
use crate::vm::{Args, PyResult, Vm};

pub(super) fn init(vm: &mut Vm) {
    let r = vm.t.range.clone();
    vm.set_new(&r, range_new);
    vm.add_getset(&r, "start", |_, v| Ok(range_of(v).values[0].clone()), None);
    vm.add_getset(&r, "stop", |_, v| Ok(range_of(v).values[1].clone()), None);
    vm.add_getset(&r, "step", |_, v| Ok(range_of(v).values[2].clone()), None);
    vm.add_method(&r, "count", range_count);
    vm.add_method(&r, "index", range_index);
    vm.add_method(&r, "__len__", range_len_m);
    vm.add_method(&r, "__getitem__", range_getitem);
    vm.add_method(&r, "__contains__", range_contains_m);
    vm.add_method(&r, "__iter__", range_iter);
    vm.add_method(&r, "__reversed__", range_reversed);
    vm.add_method(&r, "__hash__", range_hash);
    vm.add_method(&r, "__repr__", range_repr);
    vm.add_method(&r, "__bool__", range_bool);
    vm.add_method(&r, "__reduce__", range_reduce);
    add_compare(vm, &r, compare_natives!(range_compare));

    let s = vm.t.slice.clone();
    vm.set_new(&s, slice_new);
    vm.add_getset(&s, "start", |_, v| Ok(slice_obj(v).start.clone()), None);
    vm.add_getset(&s, "stop", |_, v| Ok(slice_obj(v).stop.clone()), None);
    vm.add_getset(&s, "step", |_, v| Ok(slice_obj(v).step.clone()), None);
    vm.add_method(&s, "indices", slice_indices_m);
    vm.add_method(&s, "__repr__", slice_repr);
    vm.add_method(&s, "__reduce__", slice_reduce);
    add_compare(vm, &s, compare_natives!(slice_compare));
    vm.add_attr(&s, "__hash__", Value::NONE);
}

fn range_of(v: &Value) -> &Range {
    v.downcast::<Range>().expect("range payload")
}

fn slice_obj(v: &Value) -> &Slice {
    v.downcast::<Slice>().expect("slice payload")
}

fn self_range(vm: &Vm, args: &Args, meth: &str) -> PyResult<Value> {
    this(vm, args, &vm.t.range.clone(), meth)
}

// ----- range --------------------------------------------------------------------------------

fn range_new(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("range() takes no keyword arguments"));
    }
    let n = args.pos.len() - 1;
    super::count_check(vm, "range", n, 1, 3)?;
    let (start, stop, step) = match n {
        1 => (BigInt::zero(), vm.index(&args.pos[1])?, BigInt::one()),
        _ => {
            let start = vm.index(&args.pos[1])?;
            let stop = vm.index(&args.pos[2])?;
            let step = match args.pos.get(3) {
                Some(s) => vm.index(s)?,
                None => BigInt::one(),
            };
            (start, stop, step)
        }
    };
    if step.is_zero() {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    make_range(vm, start, stop, step)
}

fn range_count(vm: &mut Vm, args: Args) -> PyResult {
    let r = self_range(vm, &args, "count")?;
    let x = onearg(vm, &args, "range.count")?;
    if let Some(i) = exact_int(vm, &x) {
        return Ok(vm.new_int(range_contains(range_of(&r), &i) as i64));
    }
    let mut n = 0i64;
    let it = vm.iter(&r)?;
    while let Some(y) = vm.next(&it)? {
        if vm.eq(&y, &x)? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

/// The value of an exact int or bool (not a subclass, which may override `==`).
fn exact_int(vm: &Vm, x: &Value) -> Option<BigInt> {
    let t = vm.type_of(x);
    if t.is(&vm.t.int) || t.is(&vm.t.bool_) {
        as_bigint(x)
    } else {
        None
    }
}

fn range_index(vm: &mut Vm, args: Args) -> PyResult {
    let r = self_range(vm, &args, "index")?;
    let x = onearg(vm, &args, "range.index")?;
    let rg = range_of(&r);
    if let Some(i) = exact_int(vm, &x) {
        if range_contains(rg, &i) {
            let idx = (&i - &rg.start) / &rg.step;
            return Ok(vm.new_bigint(idx));
        }
        let s = vm.repr_string(&x)?;
        return Err(vm.value_error(format!("{s} is not in range")));
    }
    let it = vm.iter(&r)?;
    let mut n = 0i64;
    while let Some(y) = vm.next(&it)? {
        if vm.eq(&y, &x)? {
            return Ok(vm.new_int(n));
        }
        n += 1;
    }
    Err(vm.value_error("sequence.index(x): x not in sequence"))
}

fn range_len_m(vm: &mut Vm, args: Args) -> PyResult {
    let r = dunder(vm, &args, &vm.t.range.clone(), "__len__", 0)?;
    let n = range_len(range_of(&r));
    if n.to_isize().is_none() {
        return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
    }
    Ok(vm.new_bigint(n))
}

fn range_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let r = dunder(vm, &args, &vm.t.range.clone(), "__getitem__", 1)?;
    range_subscript(vm, &r, &args.pos[1])
}

/// `r[key]` for a range: an int index or a slice (a new range), exact for
/// ranges of any length.
pub fn range_subscript(vm: &mut Vm, r: &Value, key: &Value) -> PyResult {
    let rg = range_of(r);
    let len = range_len(rg);
    if let Some(s) = key.downcast::<Slice>() {
        let (start, stop, step) = slice_indices_big(vm, s, &len)?;
        let nstart = &rg.start + &rg.step * start;
        let nstop = &rg.start + &rg.step * stop;
        let nstep = &rg.step * step;
        return make_range(vm, nstart, nstop, nstep);
    }
    let Some(i) = vm.index_opt(key)? else {
        return Err(vm.type_error(format!(
            "range indices must be integers or slices, not {}",
            vm.type_name(key)
        )));
    };
    let j = if i.is_negative() { &i + &len } else { i };
    if j.is_negative() || j >= len {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(vm.new_bigint(&rg.start + &rg.step * j))
}

fn range_contains_m(vm: &mut Vm, args: Args) -> PyResult {
    let r = dunder(vm, &args, &vm.t.range.clone(), "__contains__", 1)?;
    let x = &args.pos[1];
    if let Some(i) = exact_int(vm, x) {
        return Ok(Value::from_bool(range_contains(range_of(&r), &i)));
    }
    let it = vm.iter(&r)?;
    while let Some(y) = vm.next(&it)? {
        if vm.eq(&y, x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn range_iter(vm: &mut Vm, args: Args) -> PyResult {
    let r = dunder(vm, &args, &vm.t.range.clone(), "__iter__", 0)?;
    vm.iter(&r)
}

fn range_reversed(vm: &mut Vm, args: Args) -> PyResult {
    let r = dunder(vm, &args, &vm.t.range.clone(), "__reversed__", 0)?;
    crate::builtins::iterators::range_reversed_iter(vm, &r)
}

fn range_hash(vm: &mut Vm, args: Args) -> PyResult {
    let r = dunder(vm, &args, &vm.t.range.clone(), "__hash__", 0)?;
    let h = range_hash_value(vm, &r)?;
    Ok(vm.new_int(h))
}

/// `hash(range)`: equal ranges (same elements) hash alike, like CPython's
/// `hash((len, start, step))` with None for what does not matter.
pub fn range_hash_value(vm: &mut Vm, r: &Value) -> PyResult<i64> {
    let rg = range_of(r);
    let n = range_len(rg);
    let parts = if n.is_zero() {
        vec![vm.new_int(0), Value::NONE, Value::NONE]
    } else if n.is_one() {
        vec![vm.new_int(1), rg.values[0].clone(), Value::NONE]
    } else {
        vec![vm.new_bigint(n), rg.values[0].clone(), rg.values[2].clone()]
    };
    vm.hash_tuple(&parts)
}

fn range_repr(vm: &mut Vm, args: Args) -> PyResult {
    let r = dunder(vm, &args, &vm.t.range.clone(), "__repr__", 0)?;
    let s = crate::builtins::repr::native_repr(vm, &r)?;
    Ok(vm.new_string(s))
}

fn range_bool(vm: &mut Vm, args: Args) -> PyResult {
    let r = dunder(vm, &args, &vm.t.range.clone(), "__bool__", 0)?;
    Ok(Value::from_bool(!range_len(range_of(&r)).is_zero()))
}

fn range_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let r = dunder(vm, &args, &vm.t.range.clone(), "__reduce__", 0)?;
    let v = range_of(&r).values.to_vec();
    let t = vm.new_tuple(v);
    Ok(vm.new_tuple(vec![vm.t.range.clone(), t]))
}

fn range_compare(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    let name = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][op as usize];
    let r = dunder(vm, &args, &vm.t.range.clone(), name, 1)?;
    let other = &args.pos[1];
    if other.downcast::<Range>().is_none() {
        return Ok(vm.not_implemented.clone());
    }
    let res = vm.native_compare(&r, other, op)?;
    Ok(cmp_result(vm, res))
}

// ----- slice --------------------------------------------------------------------------------

fn slice_new(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("slice() takes no keyword arguments"));
    }
    let n = args.pos.len() - 1;
    super::count_check(vm, "slice", n, 1, 3)?;
    let p = &args.pos;
    let (start, stop, step) = match n {
        1 => (Value::NONE, p[1].clone(), Value::NONE),
        2 => (p[1].clone(), p[2].clone(), Value::NONE),
        _ => (p[1].clone(), p[2].clone(), p[3].clone()),
    };
    Ok(vm.new_slice(start, stop, step))
}

fn slice_part(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match vm.index_opt(v)? {
        Some(i) => Ok(i),
        None => {
            Err(vm.type_error("slice indices must be integers or None or have an __index__ method"))
        }
    }
}

fn slice_indices_m(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, &vm.t.slice.clone(), "indices")?;
    argrange(vm, &args, "slice.indices", 1, 1)?;
    let len = vm.index(&args.pos[1])?;
    if len.is_negative() {
        return Err(vm.value_error("length should not be negative"));
    }
    let (start, stop, step) = slice_indices_big(vm, slice_obj(&s), &len)?;
    let out = vec![
        vm.new_bigint(start),
        vm.new_bigint(stop),
        vm.new_bigint(step),
    ];
    Ok(vm.new_tuple(out))
}

/// `slice.indices(len)` in arbitrary precision: (start, stop, step).
pub fn slice_indices_big(
    vm: &mut Vm,
    sl: &Slice,
    len: &BigInt,
) -> PyResult<(BigInt, BigInt, BigInt)> {
    let (start_v, stop_v, step_v) = (sl.start.clone(), sl.stop.clone(), sl.step.clone());
    let step = if step_v.is_none() {
        BigInt::one()
    } else {
        slice_part(vm, &step_v)?
    };
    if step.is_zero() {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let back = step.is_negative();
    let (lower, upper) = if back {
        (BigInt::from(-1), len - 1)
    } else {
        (BigInt::zero(), len.clone())
    };
    let bound = |vm: &mut Vm, v: &Value, default: &BigInt| -> PyResult<BigInt> {
        if v.is_none() {
            return Ok(default.clone());
        }
        let mut i = slice_part(vm, v)?;
        if i.is_negative() {
            i += len;
            if i < lower {
                i = lower.clone();
            }
        } else if i > upper {
            i = upper.clone();
        }
        Ok(i)
    };
    let start = bound(vm, &start_v, if back { &upper } else { &lower })?;
    let stop = bound(vm, &stop_v, if back { &lower } else { &upper })?;
    Ok((start, stop, step))
}

fn slice_repr(vm: &mut Vm, args: Args) -> PyResult {
    let s = dunder(vm, &args, &vm.t.slice.clone(), "__repr__", 0)?;
    let r = crate::builtins::repr::native_repr(vm, &s)?;
    Ok(vm.new_string(r))
}

fn slice_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let s = dunder(vm, &args, &vm.t.slice.clone(), "__reduce__", 0)?;
    let sl = slice_obj(&s);
    let t = vm.new_tuple(vec![sl.start.clone(), sl.stop.clone(), sl.step.clone()]);
    Ok(vm.new_tuple(vec![vm.t.slice.clone(), t]))
}

fn slice_compare(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    let name = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][op as usize];
    let s = dunder(vm, &args, &vm.t.slice.clone(), name, 1)?;
    let other = &args.pos[1];
    let Some(o) = other.downcast::<Slice>() else {
        return Ok(vm.not_implemented.clone());
    };
    let sl = slice_obj(&s);
    let x = [sl.start.clone(), sl.stop.clone(), sl.step.clone()];
    let y = [o.start.clone(), o.stop.clone(), o.step.clone()];
    let r = vm.compare_sequences(&x, &y, op)?;
    Ok(cmp_result(vm, Some(r)))
}
