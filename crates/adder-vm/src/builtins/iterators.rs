//! Iterators over the builtin containers and the iterator builtins
//! (`enumerate`, `zip`, `map`, `filter`, `reversed`, `iter(f, sentinel)`):
//! stepping them here, constructing them in `ctor`, and their
//! `__reduce__`/`__setstate__`/`__length_hint__` in `state`.
//!
//! Invariant: `iter_next` never holds a container borrow while calling
//! Python code. An iterator over a container drops its source (to NULL)
//! when it is exhausted, as CPython clears `it_seq`, and then stays
//! exhausted; range iterators and the iterator builtins that wrap other
//! iterators (`enumerate`, `zip`, `map`, `filter`) keep their state, as
//! in CPython, so their `__reduce__` can still describe them.

mod ctor;
mod state;

use adder_object::Value;
use num_bigint::BigInt;

use crate::kinds;
use crate::objects::dict::Dict;
use crate::objects::iter::{Iter, IterKind};
use crate::objects::seq::{List, Range, Tuple};
use crate::objects::set::Set;
use crate::objects::string::{ByteArray, Bytes, Str};
use crate::vm::{Args, PyResult, Vm};

pub use ctor::{bytes_iter, range_iter, range_reversed_iter, str_iter};
pub use state::length_hint;

fn exhaust(it: &Iter) -> PyResult<Option<Value>> {
    it.source.set(Value::NULL);
    Ok(None)
}

/// Whether `e` is an IndexError or StopIteration (the end of a
/// `__getitem__` sequence).
fn ends_sequence(vm: &Vm, e: &Value) -> bool {
    vm.exc_matches(e, &vm.t.index_error) || vm.exc_matches(e, &vm.t.stop_iteration)
}

/// Item `pos` of a range whose start and step are small ints. CPython
/// computes it in unsigned arithmetic too: the result lies between start
/// and stop, so it is exact.
fn small_range_item(r: &Range, pos: usize) -> Option<i64> {
    let (a, s) = (r.values[0].as_small_int()?, r.values[2].as_small_int()?);
    Some((a as u64).wrapping_add((pos as u64).wrapping_mul(s as u64)) as i64)
}

/// The next item of a list, tuple or (small-int) range iterator, for the
/// loop's `ForIter`: `None` when `itv` is not one (the general path),
/// `Some(None)` once it is exhausted. Same results as `iter_next`.
#[inline]
pub fn seq_next_fast(vm: &Vm, itv: &Value) -> Option<Option<Value>> {
    let it = itv.downcast::<Iter>()?;
    let class = itv.header()?.class_header();
    let builtin = |t: &Value| t.header().is_some_and(|h| std::ptr::eq(h, class));
    let pos = it.pos.get();
    if it.kind == IterKind::Range && builtin(&vm.t.range_iterator) {
        if pos >= it.len.get() {
            return Some(None);
        }
        // SAFETY: read only, and nothing runs while the borrow lives.
        let src = unsafe { it.source.peek() };
        let v = small_range_item(src.downcast::<Range>()?, pos)?;
        it.pos.set(pos + 1);
        return Some(Some(vm.new_int(v)));
    }
    if it.kind != IterKind::Seq || !(builtin(&vm.t.list_iterator) || builtin(&vm.t.tuple_iterator))
    {
        return None;
    }
    let next = {
        // SAFETY: read only, and nothing runs while the borrow lives.
        let src = unsafe { it.source.peek() };
        match src.kind() {
            Some(kinds::LIST) => src.downcast::<List>()?.get(pos),
            Some(kinds::TUPLE) => src.downcast::<Tuple>()?.items.get(pos).cloned(),
            _ if src.is_null() => return Some(None),
            _ => return None,
        }
    };
    match next {
        Some(v) => {
            it.pos.set(pos + 1);
            Some(Some(v))
        }
        None => {
            it.source.set(Value::NULL);
            Some(None)
        }
    }
}

pub fn iter_next(vm: &mut Vm, _itv: &Value, it: &Iter) -> PyResult<Option<Value>> {
    let src = it.source.get();
    if src.is_null() {
        return Ok(None);
    }
    let pos = it.pos.get();
    match it.kind {
        IterKind::Seq => {
            let v = match src.kind() {
                Some(kinds::LIST) => src.downcast::<List>().and_then(|l| l.get(pos)),
                Some(kinds::TUPLE) => src
                    .downcast::<Tuple>()
                    .and_then(|t| t.items.get(pos).cloned()),
                Some(kinds::BYTES) => src
                    .downcast::<Bytes>()
                    .and_then(|b| b.b.get(pos).copied())
                    .map(|c| vm.new_int(c as i64)),
                Some(kinds::BYTEARRAY) => src
                    .downcast::<ByteArray>()
                    .and_then(|b| b.b.borrow().get(pos).copied())
                    .map(|c| vm.new_int(c as i64)),
                _ => None,
            };
            match v {
                Some(v) => {
                    it.pos.set(pos + 1);
                    Ok(Some(v))
                }
                None => exhaust(it),
            }
        }
        IterKind::ListReversed => {
            // `pos` is the next index + 1.
            let v = pos
                .checked_sub(1)
                .and_then(|i| src.downcast::<List>().and_then(|l| l.get(i)));
            match v {
                Some(v) => {
                    it.pos.set(pos - 1);
                    Ok(Some(v))
                }
                None => {
                    it.pos.set(0);
                    exhaust(it)
                }
            }
        }
        IterKind::Str => {
            let Some(s) = src.downcast::<Str>() else {
                return exhaust(it);
            };
            // `pos` is a byte offset for strings.
            match s.as_str().get(pos..).and_then(|r| r.chars().next()) {
                Some(c) => {
                    it.pos.set(pos + c.len_utf8());
                    it.left.set(it.left.get().saturating_sub(1));
                    let mut buf = [0u8; 4];
                    Ok(Some(vm.new_str(c.encode_utf8(&mut buf))))
                }
                None => {
                    it.left.set(0);
                    exhaust(it)
                }
            }
        }
        IterKind::DictKeys | IterKind::DictValues | IterKind::DictItems => {
            let Some(d) = src.downcast::<Dict>() else {
                return exhaust(it);
            };
            // CPython 3.11: Objects/dictobject.c, dictiter_iternextkey.
            let found = {
                let t = d.table.borrow();
                if t.len() != it.len.get() {
                    drop(t);
                    // Sticky: the size never matches again.
                    it.len.set(usize::MAX);
                    return Err(vm.runtime_error("dictionary changed size during iteration"));
                }
                let mut p = pos;
                let mut found = None;
                while let Some(e) = t.entry_at(p) {
                    p += 1;
                    if !e.key.is_null() {
                        found = Some((e.key.clone(), e.value.clone()));
                        break;
                    }
                }
                it.pos.set(p);
                found
            };
            let Some((k, v)) = found else {
                return exhaust(it);
            };
            if it.left.get() == 0 {
                it.source.set(Value::NULL);
                return Err(vm.runtime_error("dictionary keys changed during iteration"));
            }
            it.left.set(it.left.get() - 1);
            Ok(Some(match it.kind {
                IterKind::DictKeys => k,
                IterKind::DictValues => v,
                _ => vm.new_tuple(vec![k, v]),
            }))
        }
        IterKind::DictRevKeys | IterKind::DictRevValues | IterKind::DictRevItems => {
            let Some(d) = src.downcast::<Dict>() else {
                return exhaust(it);
            };
            // CPython 3.11: Objects/dictobject.c, dictreviter_iternext;
            // `pos` is the next dense position + 1.
            let found = {
                let t = d.table.borrow();
                if t.len() != it.len.get() {
                    drop(t);
                    it.len.set(usize::MAX);
                    return Err(vm.runtime_error("dictionary changed size during iteration"));
                }
                let mut p = pos;
                let mut found = None;
                while p > 0 {
                    p -= 1;
                    if let Some(e) = t.entry_at(p) {
                        if !e.key.is_null() {
                            found = Some((e.key.clone(), e.value.clone()));
                            break;
                        }
                    }
                }
                it.pos.set(p);
                found
            };
            let Some((k, v)) = found else {
                return exhaust(it);
            };
            it.left.set(it.left.get().saturating_sub(1));
            Ok(Some(match it.kind {
                IterKind::DictRevKeys => k,
                IterKind::DictRevValues => v,
                _ => vm.new_tuple(vec![k, v]),
            }))
        }
        IterKind::SetKeys => {
            let Some(s) = src.downcast::<Set>() else {
                return exhaust(it);
            };
            // CPython 3.11: Objects/setobject.c, setiter_iternext.
            let found = {
                let t = s.table.borrow();
                if t.len() != it.len.get() {
                    drop(t);
                    it.len.set(usize::MAX);
                    return Err(vm.runtime_error("Set changed size during iteration"));
                }
                let mut p = pos;
                let mut found = None;
                while let Some(e) = t.entry_at(p) {
                    p += 1;
                    if !e.key.is_null() {
                        found = Some(e.key.clone());
                        break;
                    }
                }
                it.pos.set(p);
                found
            };
            match found {
                Some(k) => {
                    it.left.set(it.left.get().saturating_sub(1));
                    Ok(Some(k))
                }
                None => exhaust(it),
            }
        }
        IterKind::Range => {
            // Never exhausted for good: `__setstate__` may move it back.
            if pos >= it.len.get() {
                return Ok(None);
            }
            let Some(r) = src.downcast::<Range>() else {
                return Ok(None);
            };
            it.pos.set(pos + 1);
            if let Some(v) = small_range_item(r, pos) {
                return Ok(Some(vm.new_int(v)));
            }
            Ok(Some(vm.new_bigint(&r.start + &r.step * BigInt::from(pos))))
        }
        IterKind::LongRange => {
            let Some(r) = src.downcast::<Range>() else {
                return Ok(None);
            };
            // CPython 3.11: Objects/rangeobject.c, longrangeiter_next (the
            // index is whatever object `__setstate__` stored).
            let (start, step) = (r.values[0].clone(), r.values[2].clone());
            let len = vm.new_bigint(crate::ops::range_len(r));
            let index = state::long_index(it);
            let more = vm.richcmp(&index, &len, adder_bytecode::CmpOp::Lt)?;
            if !more.is(&Value::TRUE) && !vm.truthy(&more)? {
                return Ok(None);
            }
            let one = vm.new_int(1);
            let new_index = vm.binary_op(&index, &one, adder_bytecode::BinOp::Add, false)?;
            let product = vm.binary_op(&index, &step, adder_bytecode::BinOp::Mul, false)?;
            let v = vm.binary_op(&start, &product, adder_bytecode::BinOp::Add, false)?;
            it.extra.set(new_index);
            Ok(Some(v))
        }
        IterKind::Callable => {
            // CPython 3.11: Objects/iterobject.c, calliter_iternext.
            let v = match vm.call(&src, vec![]) {
                Ok(v) => v,
                Err(e) if vm.exc_matches(&e, &vm.t.stop_iteration) => {
                    it.extra.set(Value::NULL);
                    return exhaust(it);
                }
                Err(e) => return Err(e),
            };
            let sentinel = it.extra.get();
            if vm.eq(&sentinel, &v)? {
                it.extra.set(Value::NULL);
                return exhaust(it);
            }
            Ok(Some(v))
        }
        IterKind::GetItem => {
            let idx = vm.new_int(pos as i64);
            match vm.getitem(&src, &idx) {
                Ok(v) => {
                    it.pos.set(pos + 1);
                    Ok(Some(v))
                }
                Err(e) if ends_sequence(vm, &e) => exhaust(it),
                Err(e) => Err(e),
            }
        }
        IterKind::Reversed => {
            // `pos` is the next index + 1; 0 = done.
            if pos == 0 {
                return exhaust(it);
            }
            let i = pos - 1;
            let idx = vm.new_int(i as i64);
            match vm.getitem(&src, &idx) {
                Ok(v) => {
                    it.pos.set(i);
                    Ok(Some(v))
                }
                Err(e) if ends_sequence(vm, &e) => {
                    it.pos.set(0);
                    exhaust(it)
                }
                Err(e) => Err(e),
            }
        }
        IterKind::Enumerate => match vm.next(&src)? {
            Some(v) => {
                let count = it.extra.get();
                let next = match count.as_small_int().and_then(|c| c.checked_add(1)) {
                    Some(n) => vm.new_int(n),
                    None => {
                        let one = vm.new_int(1);
                        vm.binary_op(&count, &one, adder_bytecode::BinOp::Add, false)?
                    }
                };
                it.extra.set(next);
                Ok(Some(vm.new_tuple(vec![count, v])))
            }
            None => Ok(None),
        },
        IterKind::Zip => zip_next(vm, it),
        IterKind::Map => {
            let iters = it.extra_list.borrow().clone();
            let mut args = Vec::with_capacity(iters.len());
            for sub in iters.iter() {
                match vm.next(sub)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            let f = it.extra.get();
            vm.call(&f, args).map(Some)
        }
        IterKind::Filter => {
            let f = it.extra.get();
            loop {
                let Some(v) = vm.next(&src)? else {
                    return Ok(None);
                };
                let keep = if f.is_none() {
                    vm.truthy(&v)?
                } else {
                    let r = vm.call(&f, vec![v.clone()])?;
                    vm.truthy(&r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            }
        }
    }
}

/// CPython 3.11: Python/bltinmodule.c, zip_next (with `strict`).
fn zip_next(vm: &mut Vm, it: &Iter) -> PyResult<Option<Value>> {
    let iters = it.extra_list.borrow().clone();
    if iters.is_empty() {
        return Ok(None);
    }
    let strict = it.extra.get().as_bool() == Some(true);
    let mut out = Vec::with_capacity(iters.len());
    for (i, sub) in iters.iter().enumerate() {
        match vm.next(sub)? {
            Some(v) => out.push(v),
            None => {
                if strict {
                    if i > 0 {
                        let plural = if i == 1 { " " } else { "s 1-" };
                        return Err(vm.value_error(format!(
                            "zip() argument {} is shorter than argument{plural}{}",
                            i + 1,
                            i
                        )));
                    }
                    for (j, other) in iters.iter().enumerate().skip(1) {
                        if vm.next(other)?.is_some() {
                            let plural = if j == 1 { " " } else { "s 1-" };
                            return Err(vm.value_error(format!(
                                "zip() argument {} is longer than argument{plural}{}",
                                j + 1,
                                j
                            )));
                        }
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(vm.new_tuple(out)))
}

// ----- the methods, one set per iterator type -----------------------------------------------

/// The iterator a method of builtin type `ty` was called on, checked the
/// way CPython's slot wrappers (`slot`) or method descriptors do.
fn iter_this(vm: &Vm, args: &Args, ty: &Value, meth: &str, slot: bool) -> PyResult<Value> {
    let tname = vm.type_obj(ty).name().to_string();
    let ok = args
        .pos
        .first()
        .filter(|s| s.downcast::<Iter>().is_some())
        .filter(|s| crate::ops::is_subtype(&vm.type_of(s), ty));
    if let Some(s) = ok {
        return Ok(s.clone());
    }
    let Some(s) = args.pos.first() else {
        return Err(vm.type_error(if slot {
            format!("descriptor '{meth}' of '{tname}' object needs an argument")
        } else {
            format!("unbound method {tname}.{meth}() needs an argument")
        }));
    };
    Err(vm.type_error(if slot {
        format!(
            "descriptor '{meth}' requires a '{tname}' object but received a '{}'",
            vm.type_name(s)
        )
    } else {
        format!(
            "descriptor '{meth}' for '{tname}' objects doesn't apply to a '{}' object",
            vm.type_name(s)
        )
    }))
}

fn do_iter(vm: &mut Vm, args: Args, ty: &Value) -> PyResult {
    let s = iter_this(vm, &args, ty, "__iter__", true)?;
    slot_noargs(vm, &args, ty, "__iter__")?;
    Ok(s)
}

fn do_next(vm: &mut Vm, args: Args, ty: &Value) -> PyResult {
    let itv = iter_this(vm, &args, ty, "__next__", true)?;
    slot_noargs(vm, &args, ty, "__next__")?;
    let Some(it) = itv.downcast::<Iter>() else {
        return Err(vm.type_error("expected an iterator"));
    };
    match iter_next(vm, &itv, it)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}

/// A slot wrapper's argument check (`expected 0 arguments, got N`).
fn slot_noargs(vm: &Vm, args: &Args, ty: &Value, meth: &str) -> PyResult<()> {
    let _ = ty;
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("wrapper {meth}() takes no keyword arguments")));
    }
    let n = args.pos.len().saturating_sub(1);
    if n != 0 {
        return Err(vm.type_error(format!("expected 0 arguments, got {n}")));
    }
    Ok(())
}

/// Which methods a type has besides `__iter__`, `__next__` and `__reduce__`.
const HINT: u8 = 1;
const SETSTATE: u8 = 2;

macro_rules! iterator_types {
    ($($m:ident => $field:ident: $flags:expr),* $(,)?) => {
        $(mod $m {
            use super::*;
            pub fn iter(vm: &mut Vm, args: Args) -> PyResult {
                let t = vm.t.$field.clone();
                do_iter(vm, args, &t)
            }
            pub fn next(vm: &mut Vm, args: Args) -> PyResult {
                let t = vm.t.$field.clone();
                do_next(vm, args, &t)
            }
            pub fn reduce(vm: &mut Vm, args: Args) -> PyResult {
                let t = vm.t.$field.clone();
                state::reduce(vm, args, &t)
            }
            pub fn setstate(vm: &mut Vm, args: Args) -> PyResult {
                let t = vm.t.$field.clone();
                state::setstate(vm, args, &t)
            }
            pub fn length_hint(vm: &mut Vm, args: Args) -> PyResult {
                let t = vm.t.$field.clone();
                state::length_hint_m(vm, args, &t)
            }
        })*
        fn register_all(vm: &mut Vm) {
            $({
                let t = vm.t.$field.clone();
                vm.add_method(&t, "__iter__", $m::iter);
                vm.add_method(&t, "__next__", $m::next);
                vm.add_method(&t, "__reduce__", $m::reduce);
                let flags: u8 = $flags;
                if flags & HINT != 0 {
                    vm.add_method(&t, "__length_hint__", $m::length_hint);
                }
                if flags & SETSTATE != 0 {
                    vm.add_method(&t, "__setstate__", $m::setstate);
                }
            })*
        }
    };
}

iterator_types!(
    seq_iterator => iterator: HINT | SETSTATE,
    list_iterator => list_iterator: HINT | SETSTATE,
    list_reverseiterator => list_reverseiterator: HINT | SETSTATE,
    tuple_iterator => tuple_iterator: HINT | SETSTATE,
    str_ascii_iterator => str_iterator: HINT | SETSTATE,
    str_iterator => str_uiterator: HINT | SETSTATE,
    bytes_iterator => bytes_iterator: HINT | SETSTATE,
    bytearray_iterator => bytearray_iterator: HINT | SETSTATE,
    range_iterator => range_iterator: HINT | SETSTATE,
    longrange_iterator => longrange_iterator: HINT | SETSTATE,
    dict_keyiterator => dict_keyiterator: HINT,
    dict_valueiterator => dict_valueiterator: HINT,
    dict_itemiterator => dict_itemiterator: HINT,
    dict_reversekeyiterator => dict_reversekeyiterator: HINT,
    dict_reversevalueiterator => dict_reversevalueiterator: HINT,
    dict_reverseitemiterator => dict_reverseitemiterator: HINT,
    set_iterator => set_iterator: HINT,
    callable_iterator => callable_iterator: 0,
    map_type => map: 0,
    filter_type => filter: 0,
    zip_type => zip: SETSTATE,
    enumerate_type => enumerate: 0,
    reversed_type => reversed: HINT | SETSTATE,
);

pub fn init(vm: &mut Vm) {
    register_all(vm);
    ctor::init(vm);
}
