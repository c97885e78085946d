//! The state protocol of the builtin iterators: `__reduce__` (what
//! `pickle` and `copy` use), `__setstate__` and `__length_hint__`, as
//! CPython 3.11 defines them type by type.
//!
//! Invariant: `__reduce__` never changes the iterator (dict and set
//! iterators are reduced by running a copy of their state), and each
//! result rebuilds an equal iterator through `builtins.iter`/`reversed` or
//! the iterator's own class, exactly as CPython's reduce functions do;
//! `__setstate__` clips positions to the range CPython clips them to.

use std::cell::{Cell, RefCell};

use adder_bytecode::{BinOp, CmpOp};
use adder_object::{Value, ValueCell};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::iter_this;
use crate::builtins::seq::{noargs, onearg};
use crate::objects::dict::Dict;
use crate::objects::iter::{Iter, IterKind};
use crate::objects::seq::{List, Range};
use crate::objects::set::Set;
use crate::objects::string::Str;
use crate::ops::{native_len, type_lookup};
use crate::vm::{Args, PyResult, Vm};

/// The index of a `longrange_iterator` (0 until the first step).
pub(super) fn long_index(it: &Iter) -> Value {
    let i = it.extra.get();
    if i.is_null() {
        Value::small_int(0).unwrap_or(Value::NONE)
    } else {
        i
    }
}

/// `builtins.<name>` as the running code sees it (CPython's
/// `_PyEval_GetBuiltin`).
fn builtin(vm: &mut Vm, name: &str) -> PyResult {
    let key = vm.intern(name);
    let b = vm.builtins.clone();
    match vm.dict_get(&b, &key)? {
        Some(v) => Ok(v),
        None => Err(vm.new_exception_msg(&vm.t.attribute_error.clone(), name)),
    }
}

fn tname(vm: &Vm, ty: &Value) -> String {
    vm.type_obj(ty).name().to_string()
}

fn the_iter(vm: &Vm, itv: &Value) -> PyResult<()> {
    match itv.downcast::<Iter>() {
        Some(_) => Ok(()),
        None => Err(vm.type_error("expected an iterator")),
    }
}

/// `(f, args)` or `(f, args, state)`.
fn reduced(vm: &Vm, f: Value, args: Vec<Value>, state: Option<Value>) -> Value {
    let a = vm.new_tuple(args);
    match state {
        Some(s) => vm.new_tuple(vec![f, a, s]),
        None => vm.new_tuple(vec![f, a]),
    }
}

/// What is left of a dict or set iterator, produced by a copy of it.
fn remaining(vm: &mut Vm, it: &Iter) -> PyResult<Vec<Value>> {
    let tmp = Iter {
        kind: it.kind,
        source: ValueCell::new(it.source.get()),
        pos: Cell::new(it.pos.get()),
        extra: ValueCell::new(Value::NULL),
        len: Cell::new(it.len.get()),
        left: Cell::new(it.left.get()),
        extra_list: RefCell::new(Vec::new()),
    };
    let mut out = Vec::with_capacity(it.left.get().min(1 << 16));
    while let Some(v) = super::iter_next(vm, &Value::NONE, &tmp)? {
        out.push(v);
    }
    Ok(out)
}

/// The range a range iterator walks, normalised as CPython rebuilds it:
/// `range(start, start + len * step, step)`.
fn range_for_reduce(vm: &mut Vm, r: &Range, len: BigInt) -> PyResult {
    let stop = &r.start + &r.step * len;
    crate::builtins::seq::make_range(vm, r.start.clone(), stop, r.step.clone())
}

pub(super) fn reduce(vm: &mut Vm, args: Args, ty: &Value) -> PyResult {
    let itv = iter_this(vm, &args, ty, "__reduce__", false)?;
    noargs(vm, &args, &format!("{}.__reduce__", tname(vm, ty)))?;
    the_iter(vm, &itv)?;
    let Some(it) = itv.downcast::<Iter>() else {
        return Ok(Value::NONE);
    };
    let src = it.source.get();
    let pos = it.pos.get();
    let cls = vm.type_of(&itv);
    let empty_tuple = vm.empty_tuple.clone();
    Ok(match it.kind {
        IterKind::Seq | IterKind::GetItem => {
            let iter = builtin(vm, "iter")?;
            if src.is_null() {
                let empty = if cls.is(&vm.t.list_iterator) {
                    vm.new_list(vec![])
                } else {
                    empty_tuple
                };
                reduced(vm, iter, vec![empty], None)
            } else {
                let p = vm.new_int(pos as i64);
                reduced(vm, iter, vec![src], Some(p))
            }
        }
        IterKind::ListReversed => {
            if src.is_null() {
                let iter = builtin(vm, "iter")?;
                let empty = vm.new_list(vec![]);
                reduced(vm, iter, vec![empty], None)
            } else {
                let reversed = builtin(vm, "reversed")?;
                let p = vm.new_int(pos as i64 - 1);
                reduced(vm, reversed, vec![src], Some(p))
            }
        }
        IterKind::Str => {
            let iter = builtin(vm, "iter")?;
            match src.downcast::<Str>() {
                Some(s) => {
                    let idx = if s.is_ascii() {
                        pos
                    } else {
                        s.as_str().get(..pos).map_or(0, |p| p.chars().count())
                    };
                    let p = vm.new_int(idx as i64);
                    reduced(vm, iter, vec![src.clone()], Some(p))
                }
                None => {
                    let empty = vm.new_str("");
                    reduced(vm, iter, vec![empty], None)
                }
            }
        }
        IterKind::DictKeys
        | IterKind::DictValues
        | IterKind::DictItems
        | IterKind::DictRevKeys
        | IterKind::DictRevValues
        | IterKind::DictRevItems
        | IterKind::SetKeys => {
            let iter = builtin(vm, "iter")?;
            let items = remaining(vm, it)?;
            let l = vm.new_list(items);
            reduced(vm, iter, vec![l], None)
        }
        IterKind::Range => {
            let iter = builtin(vm, "iter")?;
            let Some(r) = src.downcast::<Range>() else {
                return Ok(reduced(vm, iter, vec![empty_tuple], None));
            };
            let rg = range_for_reduce(vm, r, BigInt::from(it.len.get()))?;
            let p = vm.new_int(pos as i64);
            reduced(vm, iter, vec![rg], Some(p))
        }
        IterKind::LongRange => {
            let iter = builtin(vm, "iter")?;
            let Some(r) = src.downcast::<Range>() else {
                return Ok(reduced(vm, iter, vec![empty_tuple], None));
            };
            let rg = range_for_reduce(vm, r, crate::ops::range_len(r))?;
            reduced(vm, iter, vec![rg], Some(long_index(it)))
        }
        IterKind::Callable => {
            let iter = builtin(vm, "iter")?;
            let sentinel = it.extra.get();
            if src.is_null() || sentinel.is_null() {
                reduced(vm, iter, vec![empty_tuple], None)
            } else {
                reduced(vm, iter, vec![src, sentinel], None)
            }
        }
        IterKind::Reversed => {
            if src.is_null() {
                reduced(vm, cls, vec![empty_tuple], None)
            } else {
                let p = vm.new_int(pos as i64 - 1);
                reduced(vm, cls, vec![src], Some(p))
            }
        }
        IterKind::Enumerate => {
            let sub = if src.is_null() {
                vm.iter(&empty_tuple)?
            } else {
                src
            };
            let count = it.extra.get();
            let count = if count.is_null() {
                vm.new_int(0)
            } else {
                count
            };
            reduced(vm, cls, vec![sub, count], None)
        }
        IterKind::Zip => {
            let iters = it.extra_list.borrow().clone();
            let strict = it.extra.get().as_bool() == Some(true);
            reduced(vm, cls, iters, strict.then_some(Value::TRUE))
        }
        IterKind::Map => {
            let mut a = vec![it.extra.get()];
            a.extend(it.extra_list.borrow().iter().cloned());
            reduced(vm, cls, a, None)
        }
        IterKind::Filter => {
            let sub = if src.is_null() {
                vm.iter(&empty_tuple)?
            } else {
                src
            };
            reduced(vm, cls, vec![it.extra.get(), sub], None)
        }
    })
}

/// `PyLong_AsSsize_t`: an int (no `__index__`) that fits 64 bits.
fn ssize_state(vm: &Vm, v: &Value) -> PyResult<i64> {
    if !crate::num::is_int(v) {
        return Err(vm.type_error("an integer is required"));
    }
    crate::num::as_i64(v)
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

fn clamp(i: i64, lo: i64, hi: i64) -> i64 {
    if i < lo {
        lo
    } else if i > hi {
        hi
    } else {
        i
    }
}

pub(super) fn setstate(vm: &mut Vm, args: Args, ty: &Value) -> PyResult {
    let itv = iter_this(vm, &args, ty, "__setstate__", false)?;
    let state = onearg(vm, &args, &format!("{}.__setstate__", tname(vm, ty)))?;
    the_iter(vm, &itv)?;
    let Some(it) = itv.downcast::<Iter>() else {
        return Ok(Value::NONE);
    };
    let src = it.source.get();
    match it.kind {
        IterKind::Seq | IterKind::GetItem => {
            let i = ssize_state(vm, &state)?;
            if !src.is_null() {
                let hi = if it.kind == IterKind::Seq {
                    native_len(&src).unwrap_or(0) as i64
                } else {
                    i64::MAX
                };
                it.pos.set(clamp(i, 0, hi) as usize);
            }
        }
        IterKind::ListReversed => {
            let i = ssize_state(vm, &state)?;
            if let Some(l) = src.downcast::<List>() {
                let n = l.len() as i64;
                it.pos.set((clamp(i, -1, n - 1) + 1) as usize);
            }
        }
        IterKind::Reversed => {
            let i = ssize_state(vm, &state)?;
            if !src.is_null() {
                let n = vm.len(&src)? as i64;
                it.pos.set((clamp(i, -1, n - 1) + 1) as usize);
            }
        }
        IterKind::Str => {
            let i = ssize_state(vm, &state)?;
            if let Some(s) = src.downcast::<Str>() {
                let n = s.char_len();
                let idx = clamp(i, 0, n as i64) as usize;
                it.pos.set(s.byte_offset(idx));
                it.left.set(n - idx);
            }
        }
        IterKind::Range => {
            // PyLong_AsLong: `__index__` is honoured.
            let i = vm.index(&state)?;
            let Some(i) = i.to_i64() else {
                return Err(vm.overflow_error("Python int too large to convert to C long"));
            };
            let n = it.len.get() as i64;
            it.pos.set(clamp(i, 0, n) as usize);
        }
        IterKind::LongRange => {
            // CPython keeps the object itself, clipped by comparisons.
            let Some(r) = src.downcast::<Range>() else {
                return Ok(Value::NONE);
            };
            let len = vm.new_bigint(crate::ops::range_len(r));
            let zero = vm.new_int(0);
            let lt0 = vm.richcmp(&state, &zero, CmpOp::Lt)?;
            let v = if vm.truthy(&lt0)? {
                zero
            } else {
                let over = vm.richcmp(&len, &state, CmpOp::Lt)?;
                if vm.truthy(&over)? {
                    len
                } else {
                    state
                }
            };
            it.extra.set(v);
        }
        IterKind::Zip => {
            let strict = vm.truthy(&state)?;
            it.extra.set(Value::from_bool(strict));
        }
        _ => {}
    }
    Ok(Value::NONE)
}

pub(super) fn length_hint_m(vm: &mut Vm, args: Args, ty: &Value) -> PyResult {
    let itv = iter_this(vm, &args, ty, "__length_hint__", false)?;
    noargs(vm, &args, &format!("{}.__length_hint__", tname(vm, ty)))?;
    the_iter(vm, &itv)?;
    let Some(it) = itv.downcast::<Iter>() else {
        return Ok(Value::NONE);
    };
    let src = it.source.get();
    let pos = it.pos.get();
    let n: usize = match it.kind {
        _ if src.is_null() => 0,
        IterKind::Seq => native_len(&src).unwrap_or(0).saturating_sub(pos),
        IterKind::ListReversed => {
            let len = src.downcast::<List>().map_or(0, |l| l.len());
            if len < pos {
                0
            } else {
                pos
            }
        }
        IterKind::Str => it.left.get(),
        IterKind::DictKeys
        | IterKind::DictValues
        | IterKind::DictItems
        | IterKind::DictRevKeys
        | IterKind::DictRevValues
        | IterKind::DictRevItems => {
            let live = src.downcast::<Dict>().map(|d| d.len());
            if live == Some(it.len.get()) {
                it.left.get()
            } else {
                0
            }
        }
        IterKind::SetKeys => {
            let live = src.downcast::<Set>().map(|s| s.len());
            if live == Some(it.len.get()) {
                it.left.get()
            } else {
                0
            }
        }
        IterKind::Range => it.len.get().saturating_sub(pos),
        IterKind::LongRange => {
            let Some(r) = src.downcast::<Range>() else {
                return Ok(vm.new_int(0));
            };
            let len = vm.new_bigint(crate::ops::range_len(r));
            let index = long_index(it);
            return vm.binary_op(&len, &index, BinOp::Sub, false);
        }
        IterKind::GetItem => {
            let t = vm.type_of(&src);
            let ln = vm.names.__len__.clone();
            if native_len(&src).is_none() && type_lookup(&t, &ln).is_none() {
                return Ok(vm.not_implemented.clone());
            }
            vm.len(&src)?.saturating_sub(pos)
        }
        IterKind::Reversed => {
            let len = vm.len(&src)?;
            if len < pos {
                0
            } else {
                pos
            }
        }
        _ => return Ok(vm.not_implemented.clone()),
    };
    Ok(vm.new_int(n as i64))
}

/// `PyObject_LengthHint`: `len(o)` if `o` has a length, else its
/// `__length_hint__()`, else `default`; a TypeError from either counts as
/// "no hint", any other error propagates (what `list(x)`, `list.extend`
/// and `bytearray.extend` do before consuming an iterable).
pub fn length_hint(vm: &mut Vm, o: &Value, default: usize) -> PyResult<usize> {
    let t = vm.type_of(o);
    let ln = vm.names.__len__.clone();
    if native_len(o).is_some() || type_lookup(&t, &ln).is_some() {
        match vm.len(o) {
            Ok(n) => return Ok(n),
            Err(e) if vm.exc_matches(&e, &vm.t.type_error) => {}
            Err(e) => return Err(e),
        }
    }
    let lh = vm.names.__length_hint__.clone();
    let Some(f) = type_lookup(&t, &lh) else {
        return Ok(default);
    };
    let r = match vm.call_method_value(&f, o, vec![]) {
        Ok(r) => r,
        Err(e) if vm.exc_matches(&e, &vm.t.type_error) => return Ok(default),
        Err(e) => return Err(e),
    };
    if r.is(&vm.not_implemented) {
        return Ok(default);
    }
    if !crate::num::is_int(&r) {
        return Err(vm.type_error(format!(
            "__length_hint__ must be an integer, not {}",
            vm.type_name(&r)
        )));
    }
    let Some(n) = crate::num::as_i64(&r) else {
        return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
    };
    if n < 0 {
        return Err(vm.value_error("__length_hint__() should return >= 0"));
    }
    Ok(n as usize)
}
