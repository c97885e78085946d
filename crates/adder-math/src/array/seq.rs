//! The sequence protocol of `array.array`: length, indexing and slicing
//! (get, set and delete, extended slices included), `in`, concatenation
//! and repetition (plain and in place), rich comparisons, and the forward
//! iterator `array.arrayiterator` with its pickling support.
//!
//! Invariant: results of `+`, `*` and slicing are exact `array.array`s (as
//! in CPython), and a slice assignment reads its source completely before
//! it changes the target (so `a[i:j] = a` works).

use adder_bytecode::CmpOp;
use adder_object::Value;
use adder_vm::objects::seq::Slice;
use adder_vm::ops::type_lookup;
use adder_vm::{Args, PyResult, Vm};
use num_traits::ToPrimitive;

use super::item;
use super::methods::{do_extend, find, onearg, ssize};
use super::{new_array, this, ArrayIter, ArrayObj};

pub fn register(vm: &mut Vm, t: &Value) {
    let methods: &[(&'static str, adder_vm::vm::NativeFn)] = &[
        ("__len__", len),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__contains__", contains),
        ("__add__", add),
        ("__mul__", mul),
        ("__rmul__", mul),
        ("__iadd__", iadd),
        ("__imul__", imul),
        ("__iter__", iter),
        ("__eq__", |vm, a| cmp(vm, a, CmpOp::Eq)),
        ("__ne__", |vm, a| cmp(vm, a, CmpOp::Ne)),
        ("__lt__", |vm, a| cmp(vm, a, CmpOp::Lt)),
        ("__le__", |vm, a| cmp(vm, a, CmpOp::Le)),
        ("__gt__", |vm, a| cmp(vm, a, CmpOp::Gt)),
        ("__ge__", |vm, a| cmp(vm, a, CmpOp::Ge)),
    ];
    for &(n, f) in methods {
        vm.add_method(t, n, f);
    }
}

fn wrapper_args(vm: &Vm, args: &Args, n: usize) -> PyResult<()> {
    let got = args.pos.len().saturating_sub(1);
    if !args.kw.is_empty() {
        return Err(vm.type_error("wrapper takes no keyword arguments"));
    }
    if got != n {
        return Err(vm.type_error(format!(
            "expected {n} argument{}, got {got}",
            if n == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

fn len(vm: &mut Vm, args: Args) -> PyResult {
    wrapper_args(vm, &args, 0)?;
    let a = this(vm, &args, "__len__")?;
    Ok(vm.new_int(a.len() as i64))
}

/// An item index (`PyNumber_AsSsize_t(key, IndexError)`), None when `key`
/// has no `__index__`.
fn key_index(vm: &mut Vm, key: &Value) -> PyResult<Option<i64>> {
    match vm.index_opt(key)? {
        Some(i) => i
            .to_i64()
            .map(Some)
            .ok_or_else(|| vm.index_error("cannot fit 'int' into an index-sized integer")),
        None => Ok(None),
    }
}

/// The item indices a slice selects, in order.
fn slice_positions(vm: &mut Vm, s: &Slice, len: usize) -> PyResult<(isize, isize, usize)> {
    let (start, _stop, step, count) = vm.slice_indices(s, len)?;
    Ok((start, step, count))
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult {
    wrapper_args(vm, &args, 1)?;
    let a = this(vm, &args, "__getitem__")?;
    let key = &args.pos[1];
    if let Some(s) = key.downcast::<Slice>() {
        let (start, step, count) = slice_positions(vm, s, a.len())?;
        let size = a.itemsize();
        let data = {
            let d = a.data.borrow();
            if step == 1 {
                let s0 = start as usize * size;
                d[s0..s0 + count * size].to_vec()
            } else {
                let mut out = Vec::with_capacity(count * size);
                for k in 0..count {
                    let i = (start + k as isize * step) as usize;
                    out.extend_from_slice(&d[i * size..(i + 1) * size]);
                }
                out
            }
        };
        return new_array(vm, &args.pos[0], a.code, data);
    }
    let Some(mut i) = key_index(vm, key)? else {
        return Err(vm.type_error("array indices must be integers"));
    };
    let n = a.len() as i64;
    if i < 0 {
        i += n;
    }
    if i < 0 || i >= n {
        return Err(vm.index_error("array index out of range"));
    }
    Ok(a.get(vm, i as usize)?.unwrap_or(Value::NONE))
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult {
    wrapper_args(vm, &args, 2)?;
    let a = this(vm, &args, "__setitem__")?;
    assign(vm, &args.pos[0], a, &args.pos[1], Some(&args.pos[2]))?;
    Ok(Value::NONE)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult {
    wrapper_args(vm, &args, 1)?;
    let a = this(vm, &args, "__delitem__")?;
    assign(vm, &args.pos[0], a, &args.pos[1], None)?;
    Ok(Value::NONE)
}

/// `a[key] = value` (`value` None: `del a[key]`), as `array_ass_subscr`.
fn assign(
    vm: &mut Vm,
    av: &Value,
    a: &ArrayObj,
    key: &Value,
    value: Option<&Value>,
) -> PyResult<()> {
    let size = a.itemsize();
    let Some(s) = key.downcast::<Slice>() else {
        let Some(mut i) = key_index(vm, key)? else {
            return Err(vm.type_error("array indices must be integers"));
        };
        let n = a.len() as i64;
        if i < 0 {
            i += n;
        }
        if i < 0 || i >= n {
            return Err(vm.index_error("array assignment index out of range"));
        }
        let i = i as usize;
        match value {
            Some(v) => {
                let b = item::encode(vm, a.code, v)?;
                let mut d = a.data.borrow_mut();
                if let Some(dst) = d.get_mut(i * size..(i + 1) * size) {
                    dst.copy_from_slice(&b[..size]);
                }
            }
            None => {
                a.check_resize(vm, (n as usize - 1) * size)?;
                let mut d = a.data.borrow_mut();
                if (i + 1) * size <= d.len() {
                    d.drain(i * size..(i + 1) * size);
                }
            }
        }
        return Ok(());
    };
    let (start, stop, step, count) = vm.slice_indices(s, a.len())?;
    let src: Vec<u8> = match value {
        None => Vec::new(),
        Some(v) => match v.downcast::<ArrayObj>() {
            Some(o) => {
                if o.code != a.code {
                    return Err(vm.type_error("bad argument type for built-in operation"));
                }
                o.data.borrow().clone()
            }
            None => {
                return Err(vm.type_error(format!(
                    "can only assign array (not \"{}\") to array slice",
                    vm.type_name(v)
                )))
            }
        },
    };
    let _ = av;
    let needed = src.len() / size;
    if step == 1 {
        let start = start.max(0) as usize;
        let stop = (stop.max(start as isize)) as usize;
        let old = a.data.borrow().len();
        let (lo, hi) = ((start * size).min(old), (stop * size).min(old));
        a.check_resize(vm, old - hi.max(lo) + lo + src.len())?;
        let mut d = a.data.borrow_mut();
        let lo = (start * size).min(d.len());
        let hi = (stop * size).min(d.len()).max(lo);
        d.splice(lo..hi, src);
        return Ok(());
    }
    let positions: Vec<usize> = (0..count)
        .map(|k| (start + k as isize * step) as usize)
        .collect();
    if value.is_none() {
        a.check_resize(vm, (a.len() - count) * size)?;
        let mut keep = vec![true; a.len()];
        for &p in &positions {
            if let Some(k) = keep.get_mut(p) {
                *k = false;
            }
        }
        let mut d = a.data.borrow_mut();
        let out: Vec<u8> = d
            .chunks_exact(size)
            .zip(keep)
            .filter(|(_, k)| *k)
            .flat_map(|(c, _)| c.iter().copied())
            .collect();
        *d = out;
        return Ok(());
    }
    if needed != count {
        return Err(vm.value_error(format!(
            "attempt to assign array of size {needed} to extended slice of size {count}"
        )));
    }
    let mut d = a.data.borrow_mut();
    for (k, &p) in positions.iter().enumerate() {
        if let Some(dst) = d.get_mut(p * size..(p + 1) * size) {
            dst.copy_from_slice(&src[k * size..(k + 1) * size]);
        }
    }
    Ok(())
}

fn contains(vm: &mut Vm, args: Args) -> PyResult {
    wrapper_args(vm, &args, 1)?;
    let a = this(vm, &args, "__contains__")?;
    let n = a.len();
    Ok(Value::from_bool(find(vm, a, &args.pos[1], 0, n)?.is_some()))
}

/// Whether `v`'s class defines `name` in Python code (so a binary operator
/// should give it a chance, as CPython tries number slots before sequence
/// slots).
fn has_py_method(vm: &mut Vm, v: &Value, name: &str) -> bool {
    let t = vm.type_of(v);
    let n = vm.intern(name);
    type_lookup(&t, &n).is_some_and(|f| !f.is_none() && f.kind() != Some(adder_vm::kinds::NATIVE))
}

fn add(vm: &mut Vm, args: Args) -> PyResult {
    wrapper_args(vm, &args, 1)?;
    let a = this(vm, &args, "__add__")?;
    let other = &args.pos[1];
    let Some(b) = other.downcast::<ArrayObj>() else {
        if has_py_method(vm, other, "__radd__") {
            return Ok(vm.not_implemented.clone());
        }
        return Err(vm.type_error(format!(
            "can only append array (not \"{}\") to array",
            vm.type_name(other)
        )));
    };
    if a.code != b.code {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    let mut d = a.data.borrow().clone();
    d.extend_from_slice(&b.data.borrow());
    new_array(vm, &args.pos[0], a.code, d)
}

fn iadd(vm: &mut Vm, args: Args) -> PyResult {
    wrapper_args(vm, &args, 1)?;
    let a = this(vm, &args, "__iadd__")?;
    let other = &args.pos[1];
    if other.downcast::<ArrayObj>().is_none() && has_py_method(vm, other, "__radd__") {
        return Ok(vm.not_implemented.clone());
    }
    do_extend(vm, a, other, true)?;
    Ok(args.pos[0].clone())
}

/// The count of `a * n`: None when `n` is not an integer but defines a
/// reflected operator (NotImplemented), else CPython's TypeError.
fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<Option<i64>> {
    match vm.index_opt(n)? {
        Some(i) => i
            .to_i64()
            .map(Some)
            .ok_or_else(|| vm.overflow_error("cannot fit 'int' into an index-sized integer")),
        None if has_py_method(vm, n, "__rmul__") => Ok(None),
        None => Err(vm.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(n)
        ))),
    }
}

/// `data` repeated `n` times, with MemoryError when too large.
fn repeated(vm: &Vm, data: &[u8], n: i64) -> PyResult<Vec<u8>> {
    if n <= 0 || data.is_empty() {
        return Ok(Vec::new());
    }
    let total = (data.len() as u128) * (n as u128);
    if total > (isize::MAX as u128) {
        return Err(vm.new_exception_msg(&vm.t.memory_error, ""));
    }
    vm.check_alloc(total as usize)?;
    Ok(data.repeat(n as usize))
}

fn mul(vm: &mut Vm, args: Args) -> PyResult {
    wrapper_args(vm, &args, 1)?;
    let a = this(vm, &args, "__mul__")?;
    let Some(n) = repeat_count(vm, &args.pos[1])? else {
        return Ok(vm.not_implemented.clone());
    };
    let d = repeated(vm, &a.data.borrow(), n)?;
    new_array(vm, &args.pos[0], a.code, d)
}

fn imul(vm: &mut Vm, args: Args) -> PyResult {
    wrapper_args(vm, &args, 1)?;
    let a = this(vm, &args, "__imul__")?;
    let Some(n) = repeat_count(vm, &args.pos[1])? else {
        return Ok(vm.not_implemented.clone());
    };
    let d = repeated(vm, &a.data.borrow(), n)?;
    a.check_resize(vm, d.len())?;
    *a.data.borrow_mut() = d;
    Ok(args.pos[0].clone())
}

// ----- comparisons ------------------------------------------------------------------------

/// A natively comparable item of a same-typecode comparison.
#[derive(PartialEq, PartialOrd, Clone, Copy)]
enum Native {
    Int(i128),
    Float(f64),
}

fn native_item(code: u8, b: &[u8]) -> Native {
    let mut x = [0u8; 8];
    x[..b.len()].copy_from_slice(b);
    let u = u64::from_ne_bytes(x);
    match code {
        b'b' => Native::Int(b[0] as i8 as i128),
        b'h' => Native::Int(i16::from_ne_bytes([b[0], b[1]]) as i128),
        b'i' | b'u' => Native::Int(i32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i128),
        b'l' | b'q' => Native::Int(u as i64 as i128),
        b'f' => Native::Float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64),
        b'd' => Native::Float(f64::from_ne_bytes(x)),
        b'B' => Native::Int(b[0] as i128),
        b'H' => Native::Int(u16::from_ne_bytes([b[0], b[1]]) as i128),
        b'I' => Native::Int(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i128),
        _ => Native::Int(u as i128),
    }
}

fn cmp_result(op: CmpOp, o: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Lt => o == Less,
        CmpOp::Le => o != Greater,
        CmpOp::Eq => o == Equal,
        CmpOp::Ne => o != Equal,
        CmpOp::Gt => o == Greater,
        CmpOp::Ge => o != Less,
    }
}

fn native_cmp(x: Native, y: Native, op: CmpOp) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
    }
}

/// `array_richcompare`; None when either side is not an array.
pub fn compare(vm: &mut Vm, v: &Value, w: &Value, op: CmpOp) -> PyResult<Option<bool>> {
    let (Some(a), Some(b)) = (v.downcast::<ArrayObj>(), w.downcast::<ArrayObj>()) else {
        return Ok(None);
    };
    let (na, nb) = (a.len(), b.len());
    if na != nb && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Some(op == CmpOp::Ne));
    }
    if a.code == b.code {
        // Same typecode: compare natively (same results as item by item).
        let size = a.itemsize();
        let (da, db) = (a.data.borrow(), b.data.borrow());
        for (x, y) in da.chunks_exact(size).zip(db.chunks_exact(size)) {
            let (x, y) = (native_item(a.code, x), native_item(b.code, y));
            if x != y {
                return Ok(Some(match op {
                    CmpOp::Eq => false,
                    CmpOp::Ne => true,
                    _ => native_cmp(x, y, op),
                }));
            }
        }
        return Ok(Some(cmp_result(op, na.cmp(&nb))));
    }
    let mut i = 0;
    loop {
        let x = a.get(vm, i)?;
        let y = b.get(vm, i)?;
        let (Some(x), Some(y)) = (x, y) else {
            return Ok(Some(cmp_result(op, a.len().cmp(&b.len()))));
        };
        if !vm.eq(&x, &y)? {
            return Ok(Some(match op {
                CmpOp::Eq => false,
                CmpOp::Ne => true,
                _ => {
                    let r = vm.richcmp(&x, &y, op)?;
                    vm.truthy(&r)?
                }
            }));
        }
        i += 1;
    }
}

fn cmp(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    wrapper_args(vm, &args, 1)?;
    match compare(vm, &args.pos[0], &args.pos[1], op)? {
        Some(b) => Ok(Value::from_bool(b)),
        None => Ok(vm.not_implemented.clone()),
    }
}

// ----- iterator -----------------------------------------------------------------------------

fn iter(vm: &mut Vm, args: Args) -> PyResult {
    wrapper_args(vm, &args, 0)?;
    this(vm, &args, "__iter__")?;
    let t = super::iter_type(vm)?;
    Ok(vm.alloc_builtin(
        &t,
        ArrayIter {
            array: std::cell::RefCell::new(Some(args.pos[0].clone())),
            index: std::cell::Cell::new(0),
        },
    ))
}

pub fn register_iter(vm: &mut Vm, t: &Value) {
    vm.add_method(t, "__iter__", iter_self);
    vm.add_method(t, "__next__", iter_next);
    vm.add_method(t, "__reduce__", iter_reduce);
    vm.add_method(t, "__setstate__", iter_setstate);
}

fn iter_this<'a>(vm: &Vm, args: &'a Args, meth: &str) -> PyResult<&'a ArrayIter> {
    args.pos
        .first()
        .and_then(|s| s.downcast::<ArrayIter>())
        .ok_or_else(|| {
            vm.type_error(format!(
                "descriptor '{meth}' requires a 'array.arrayiterator' object"
            ))
        })
}

fn iter_self(vm: &mut Vm, args: Args) -> PyResult {
    wrapper_args(vm, &args, 0)?;
    iter_this(vm, &args, "__iter__")?;
    Ok(args.pos[0].clone())
}

fn iter_next(vm: &mut Vm, args: Args) -> PyResult {
    wrapper_args(vm, &args, 0)?;
    let it = iter_this(vm, &args, "__next__")?;
    let Some(av) = it.array.borrow().clone() else {
        return Err(vm.stop_iteration(Value::NONE));
    };
    let i = it.index.get();
    let item = match av.downcast::<ArrayObj>() {
        Some(a) => a.get(vm, i)?,
        None => None,
    };
    match item {
        Some(v) => {
            it.index.set(i + 1);
            Ok(v)
        }
        None => {
            let old = it.array.borrow_mut().take();
            drop(old);
            Err(vm.stop_iteration(Value::NONE))
        }
    }
}

fn iter_reduce(vm: &mut Vm, args: Args) -> PyResult {
    onearg_free(vm, &args, "__reduce__", 0)?;
    let it = iter_this(vm, &args, "__reduce__")?;
    let f = adder_vm::ops::dict_get_str(&vm.builtins.clone(), "iter").unwrap_or(Value::NONE);
    match it.array.borrow().clone() {
        Some(a) => {
            let t = vm.new_tuple(vec![a]);
            let i = vm.new_int(it.index.get() as i64);
            Ok(vm.new_tuple(vec![f, t, i]))
        }
        None => {
            let e = vm.empty_tuple.clone();
            let t = vm.new_tuple(vec![e]);
            Ok(vm.new_tuple(vec![f, t]))
        }
    }
}

fn iter_setstate(vm: &mut Vm, args: Args) -> PyResult {
    let state = onearg(vm, &args, "__setstate__")?;
    let it = iter_this(vm, &args, "__setstate__")?;
    let i = ssize(vm, &state)?;
    let n = it
        .array
        .borrow()
        .as_ref()
        .and_then(|a| a.downcast::<ArrayObj>().map(|a| a.len()))
        .unwrap_or(0) as i64;
    it.index.set(i.clamp(0, n.max(0)) as usize);
    Ok(Value::NONE)
}

fn onearg_free(vm: &Vm, args: &Args, name: &str, n: usize) -> PyResult<()> {
    let got = args.pos.len().saturating_sub(1);
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if got != n {
        return Err(vm.type_error(format!(
            "arrayiterator.{name}() takes no arguments ({got} given)"
        )));
    }
    Ok(())
}
