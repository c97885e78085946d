//! `bytearray`'s own methods: the mutators (`append`, `extend`, `pop`,
//! `insert`, `remove`, `reverse`, `clear`, `copy`), item and slice
//! assignment/deletion, and the in-place operators.
//!
//! Invariant: no `RefCell` borrow of the buffer is held while Python code can
//! run — sources are converted to bytes (which may call `__index__` or
//! iterate) before the buffer is borrowed mutably.

use adder_object::Value;
use num_traits::ToPrimitive;

use super::args::{bytes_like, index_isize, parse, Style};
use super::bytes::{byte_value, repeat_count};
use crate::kinds;
use crate::objects::seq::Slice;
use crate::objects::string::ByteArray;
use crate::vm::{Args, NativeFn, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let ba = vm.t.bytearray.clone();
    let mutators: &[(&'static str, NativeFn)] = &[
        ("append", ba_append),
        ("extend", ba_extend),
        ("pop", ba_pop),
        ("insert", ba_insert),
        ("remove", ba_remove),
        ("reverse", ba_reverse),
        ("clear", ba_clear),
        ("copy", ba_copy),
        ("__setitem__", ba_setitem),
        ("__delitem__", ba_delitem),
        ("__iadd__", ba_iadd),
        ("__imul__", ba_imul),
        ("__alloc__", ba_alloc),
    ];
    for (name, f) in mutators {
        vm.add_method(&ba, name, *f);
    }
}

// ----- bytearray mutators --------------------------------------------------------------

fn ba_recv(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    super::args::recv(vm, args, "bytearray", kinds::BYTEARRAY, name)
}

fn ba_args<const N: usize>(
    vm: &mut Vm,
    args: &mut Args,
    name: &str,
    params: &[&str; N],
    min: usize,
) -> PyResult<(Value, [Option<Value>; N])> {
    let v = ba_recv(vm, args, name)?;
    let a = parse(vm, args, "bytearray", name, params, min, Style::Clinic)?;
    Ok((v, a))
}

fn buf(v: &Value) -> &std::cell::RefCell<Vec<u8>> {
    &v.downcast::<ByteArray>().expect("checked bytearray").b
}

fn len_of(v: &Value) -> usize {
    buf(v).borrow().len()
}

/// `_canresize`: a bytearray with live exports (memoryviews) may not
/// change its size.
fn can_resize(vm: &Vm, v: &Value) -> PyResult<()> {
    crate::buffer::check_resizable(vm, v, "Existing exports of data: object cannot be re-sized")
}

/// `PyByteArray_Resize`'s check: only a change of size is refused.
fn resize_to(vm: &Vm, v: &Value, new_len: usize) -> PyResult<()> {
    if new_len != buf(v).borrow().len() {
        can_resize(vm, v)?;
    }
    Ok(())
}

fn ba_append(vm: &mut Vm, mut args: Args) -> PyResult {
    let (v, a) = ba_args(vm, &mut args, "append", &["item"], 1)?;
    let b = byte_value(vm, a[0].as_ref().unwrap())?;
    can_resize(vm, &v)?;
    buf(&v).borrow_mut().push(b);
    Ok(Value::NONE)
}

/// The bytes an `extend`/slice assignment source stands for.
fn bytes_of_iterable(vm: &mut Vm, src: &Value, what: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(src) {
        return Ok(b);
    }
    let it = match vm.iter(src) {
        Ok(it) => it,
        Err(e) if vm.exc_matches(&e, &vm.t.type_error.clone()) => {
            return Err(vm.type_error(format!("{what}{}", vm.type_name(src))));
        }
        Err(e) => return Err(e),
    };
    // CPython's `bytearray.extend` asks for the length hint (errors
    // propagate) once it has the iterator.
    if what.starts_with("can't extend") {
        crate::builtins::iterators::length_hint(vm, src, 32)?;
    }
    let mut out = Vec::new();
    while let Some(x) = vm.next(&it)? {
        out.push(byte_value(vm, &x)?);
    }
    Ok(out)
}

fn ba_extend(vm: &mut Vm, mut args: Args) -> PyResult {
    let (v, a) = ba_args(vm, &mut args, "extend", &["iterable_of_ints"], 1)?;
    let src = a[0].clone().unwrap();
    let b = bytes_of_iterable(vm, &src, "can't extend bytearray with ")?;
    resize_to(vm, &v, len_of(&v) + b.len())?;
    buf(&v).borrow_mut().extend(b);
    Ok(Value::NONE)
}

fn ba_pop(vm: &mut Vm, mut args: Args) -> PyResult {
    let (v, a) = ba_args(vm, &mut args, "pop", &["index"], 0)?;
    let i = match &a[0] {
        None => -1,
        Some(x) => index_isize(vm, x)?,
    };
    let len = buf(&v).borrow().len() as isize;
    if len == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.index_error("pop index out of range"));
    }
    can_resize(vm, &v)?;
    let c = buf(&v).borrow_mut().remove(j as usize);
    Ok(vm.new_int(c as i64))
}

fn ba_insert(vm: &mut Vm, mut args: Args) -> PyResult {
    let (v, a) = ba_args(vm, &mut args, "insert", &["index", "item"], 2)?;
    let i = index_isize(vm, a[0].as_ref().unwrap())?;
    let c = byte_value(vm, a[1].as_ref().unwrap())?;
    can_resize(vm, &v)?;
    let mut b = buf(&v).borrow_mut();
    let len = b.len() as isize;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    b.insert(j as usize, c);
    Ok(Value::NONE)
}

fn ba_remove(vm: &mut Vm, mut args: Args) -> PyResult {
    let (v, a) = ba_args(vm, &mut args, "remove", &["value"], 1)?;
    let c = byte_value(vm, a[0].as_ref().unwrap())?;
    let pos = buf(&v).borrow().iter().position(|&x| x == c);
    match pos {
        Some(p) => {
            can_resize(vm, &v)?;
            buf(&v).borrow_mut().remove(p);
            Ok(Value::NONE)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn ba_reverse(vm: &mut Vm, mut args: Args) -> PyResult {
    let (v, _) = ba_args(vm, &mut args, "reverse", &[], 0)?;
    buf(&v).borrow_mut().reverse();
    Ok(Value::NONE)
}

fn ba_clear(vm: &mut Vm, mut args: Args) -> PyResult {
    let (v, _) = ba_args(vm, &mut args, "clear", &[], 0)?;
    resize_to(vm, &v, 0)?;
    buf(&v).borrow_mut().clear();
    Ok(Value::NONE)
}

fn ba_copy(vm: &mut Vm, mut args: Args) -> PyResult {
    let (v, _) = ba_args(vm, &mut args, "copy", &[], 0)?;
    let b = buf(&v).borrow().clone();
    Ok(vm.new_bytearray(b))
}

fn ba_alloc(vm: &mut Vm, mut args: Args) -> PyResult {
    let (v, _) = ba_args(vm, &mut args, "__alloc__", &[], 0)?;
    let n = buf(&v).borrow().capacity() + 1;
    Ok(vm.new_int(n as i64))
}

fn ba_iadd(vm: &mut Vm, mut args: Args) -> PyResult {
    let (v, a) = ba_args(vm, &mut args, "__iadd__", &["value"], 1)?;
    let o = a[0].as_ref().unwrap();
    let Some(y) = bytes_like(o) else {
        return Err(vm.type_error(format!("can't concat {} to bytearray", vm.type_name(o))));
    };
    resize_to(vm, &v, len_of(&v) + y.len())?;
    buf(&v).borrow_mut().extend(y);
    Ok(v)
}

fn ba_imul(vm: &mut Vm, mut args: Args) -> PyResult {
    let (v, a) = ba_args(vm, &mut args, "__imul__", &["value"], 1)?;
    bytearray_irepeat(vm, &v, a[0].as_ref().unwrap())?;
    Ok(v)
}

/// `b *= n` for a bytearray: repeats it in place (the VM's in-place
/// operator forwards here).
pub fn bytearray_irepeat(vm: &mut Vm, v: &Value, n: &Value) -> PyResult<()> {
    let len = buf(v).borrow().len();
    let n = repeat_count(vm, n, len)?;
    let r = buf(v).borrow().repeat(n);
    resize_to(vm, v, r.len())?;
    *buf(v).borrow_mut() = r;
    Ok(())
}

/// `b[key] = value` for a bytearray (index or slice). The VM's
/// `setitem` forwards here.
pub fn bytearray_setitem(vm: &mut Vm, b: &Value, key: &Value, value: &Value) -> PyResult<()> {
    if b.kind() != Some(kinds::BYTEARRAY) {
        return Err(vm.type_error("bytearray_setitem: not a bytearray"));
    }
    if let Some(sl) = key.downcast::<Slice>() {
        let src = if value.is(b) {
            buf(b).borrow().clone()
        } else if value.kind() == Some(kinds::STR) || crate::num::is_int(value) {
            return Err(vm.type_error(
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            ));
        } else {
            bytes_of_iterable(
                vm,
                value,
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            )
            .map_err(|e| {
                if vm.exc_matches(&e, &vm.t.type_error.clone())
                    && crate::ops::native_len(value).is_none()
                {
                    vm.type_error(
                        "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                    )
                } else {
                    e
                }
            })?
        };
        let len = buf(b).borrow().len();
        let (start, stop, step, n) = vm.slice_indices(sl, len)?;
        if step == 1 {
            let s = (start.max(0) as usize).min(len);
            let e = ((stop.max(start)).max(0) as usize).min(len);
            resize_to(vm, b, len - (e - s) + src.len())?;
            buf(b).borrow_mut().splice(s..e, src);
            return Ok(());
        }
        if src.is_empty() {
            // CPython deletes an extended slice assigned an empty value.
            return bytearray_delitem(vm, b, key);
        }
        let mut data = buf(b).borrow_mut();
        if src.len() != n {
            drop(data);
            return Err(vm.value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {n}",
                src.len()
            )));
        }
        for (k, c) in src.into_iter().enumerate() {
            data[(start + k as isize * step) as usize] = c;
        }
        return Ok(());
    }
    let Some(i) = vm.index_opt(key)? else {
        return Err(vm.type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            vm.type_name(key)
        )));
    };
    let c = byte_value(vm, value)?;
    let len = buf(b).borrow().len() as isize;
    let i = i.to_isize().unwrap_or(isize::MAX);
    let j = if i < 0 { i.saturating_add(len) } else { i };
    if j < 0 || j >= len {
        return Err(vm.index_error("bytearray index out of range"));
    }
    buf(b).borrow_mut()[j as usize] = c;
    Ok(())
}

/// `del b[key]` for a bytearray (index or slice).
pub fn bytearray_delitem(vm: &mut Vm, b: &Value, key: &Value) -> PyResult<()> {
    let len = buf(b).borrow().len();
    if let Some(sl) = key.downcast::<Slice>() {
        let (start, _, step, n) = vm.slice_indices(sl, len)?;
        if step == 1 {
            resize_to(vm, b, len - n)?;
        } else {
            can_resize(vm, b)?;
        }
        let mut idx: Vec<usize> = (0..n)
            .map(|i| (start + i as isize * step) as usize)
            .collect();
        idx.sort_unstable();
        let mut data = buf(b).borrow_mut();
        let mut k = 0;
        let mut pos = 0;
        data.retain(|_| {
            let drop_it = k < idx.len() && idx[k] == pos;
            if drop_it {
                k += 1;
            }
            pos += 1;
            !drop_it
        });
        return Ok(());
    }
    let Some(i) = vm.index_opt(key)? else {
        return Err(vm.type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            vm.type_name(key)
        )));
    };
    let i = i.to_isize().unwrap_or(isize::MAX);
    let len = len as isize;
    let j = if i < 0 { i.saturating_add(len) } else { i };
    if j < 0 || j >= len {
        return Err(vm.index_error("bytearray index out of range"));
    }
    can_resize(vm, b)?;
    buf(b).borrow_mut().remove(j as usize);
    Ok(())
}

fn ba_setitem(vm: &mut Vm, mut args: Args) -> PyResult {
    let (v, a) = ba_args(vm, &mut args, "__setitem__", &["key", "value"], 2)?;
    bytearray_setitem(vm, &v, a[0].as_ref().unwrap(), a[1].as_ref().unwrap())?;
    Ok(Value::NONE)
}

fn ba_delitem(vm: &mut Vm, mut args: Args) -> PyResult {
    let (v, a) = ba_args(vm, &mut args, "__delitem__", &["key"], 1)?;
    bytearray_delitem(vm, &v, a[0].as_ref().unwrap())?;
    Ok(Value::NONE)
}
