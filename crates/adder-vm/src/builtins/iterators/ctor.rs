//! Making iterators: the constructors of `enumerate`, `zip`, `map`,
//! `filter` and `reversed`, and the choice of iterator type for ranges,
//! strings and bytes (CPython has a fast and a general type for each).
//!
//! Invariant: every iterator is allocated with the class it was asked for
//! (a subclass of `enumerate` & co. gets its `__dict__`), and argument
//! errors carry CPython's messages, which differ between the exact builtin
//! (vectorcall) and its subclasses (Argument Clinic).

use adder_object::Value;
use num_traits::ToPrimitive;

use crate::kinds;
use crate::objects::iter::{Iter, IterKind};
use crate::objects::seq::Range;
use crate::objects::string::Str;
use crate::ops::type_lookup;
use crate::vm::{Args, PyResult, Vm};

pub(super) fn init(vm: &mut Vm) {
    vm.set_new(&vm.t.enumerate.clone(), enumerate_new);
    vm.set_new(&vm.t.zip.clone(), zip_new);
    vm.set_new(&vm.t.map.clone(), map_new);
    vm.set_new(&vm.t.filter.clone(), filter_new);
    vm.set_new(&vm.t.reversed.clone(), reversed_new);
    vm.add_classmethod(
        &vm.t.enumerate.clone(),
        "__class_getitem__",
        crate::builtins::seq::class_getitem,
    );
}

/// `iter(s)` for a str: `str_ascii_iterator` when `s` is ASCII, else
/// `str_iterator`.
pub fn str_iter(vm: &Vm, s: Value) -> Value {
    let ascii = s.downcast::<Str>().is_some_and(|x| x.is_ascii());
    let ty = if ascii {
        vm.t.str_iterator.clone()
    } else {
        vm.t.str_uiterator.clone()
    };
    vm.new_iter(IterKind::Str, s, &ty)
}

/// `iter(b)` for bytes or a bytearray.
pub fn bytes_iter(vm: &Vm, b: Value) -> Value {
    let ty = if b.kind() == Some(kinds::BYTEARRAY) {
        vm.t.bytearray_iterator.clone()
    } else {
        vm.t.bytes_iterator.clone()
    };
    vm.new_iter(IterKind::Seq, b, &ty)
}

/// `iter(r)` for a range: a `range_iterator` when CPython's would fit C
/// longs, else a `longrange_iterator`.
/// CPython 3.11: Objects/rangeobject.c, range_iter.
pub fn range_iter(vm: &Vm, r: &Value) -> Value {
    let Some(rg) = r.downcast::<Range>() else {
        return vm.new_iter(IterKind::Range, r.clone(), &vm.t.range_iterator.clone());
    };
    let len = crate::ops::range_len(rg);
    let fast = (|| {
        // start, stop, step and the length must all fit a C long.
        rg.start.to_i64()?;
        let (stop, step) = (rg.stop.to_i64()?, rg.step.to_i64()?);
        let n = len.to_i64()?;
        if n != 0 {
            let over = if step > 0 {
                stop > i64::MAX - (step - 1)
            } else {
                stop < i64::MIN + (-1 - step)
            };
            if over {
                return None;
            }
        }
        Some(n as usize)
    })();
    iter_of_range(vm, r.clone(), fast)
}

/// The iterator over range `r`: fast with length `fast`, else general.
fn iter_of_range(vm: &Vm, r: Value, fast: Option<usize>) -> Value {
    match fast {
        Some(n) => {
            let it = vm.new_iter(IterKind::Range, r, &vm.t.range_iterator.clone());
            if let Some(i) = it.downcast::<Iter>() {
                i.len.set(n);
            }
            it
        }
        None => vm.new_iter(IterKind::LongRange, r, &vm.t.longrange_iterator.clone()),
    }
}

/// `reversed(r)` for a range: an iterator over `range(last, start - step,
/// -step)`, fast under CPython's conditions for reversing.
/// CPython 3.11: Objects/rangeobject.c, range_reverse.
pub fn range_reversed_iter(vm: &mut Vm, r: &Value) -> PyResult {
    let Some(rg) = r.downcast::<Range>() else {
        return vm.iter(r);
    };
    let n = crate::ops::range_len(rg);
    let last = &rg.start + (&n - 1) * &rg.step;
    let before_first = &rg.start - &rg.step;
    let fast = (|| {
        let (start, _, step) = (rg.start.to_i64()?, rg.stop.to_i64()?, rg.step.to_i64()?);
        if step == i64::MIN {
            return None;
        }
        // `start - step` must fit.
        start.checked_sub(step)?;
        let len = n.to_i64()?;
        Some(len as usize)
    })();
    // Empty: `last` is `start - step` too, as CPython's reduce shows.
    let step = -&rg.step;
    let rev = crate::builtins::seq::make_range(vm, last, before_first, step)?;
    Ok(iter_of_range(vm, rev, fast))
}

/// Whether a constructor called with class `cls` must refuse keyword
/// arguments: `cls` is `base` or does not override `__init__` (CPython's
/// `type == &PyFilter_Type || type->tp_init == PyFilter_Type.tp_init`).
fn refuses_kwargs(vm: &Vm, cls: &Value, base: &Value) -> bool {
    if cls.is(base) {
        return true;
    }
    let n = vm.names.__init__.clone();
    match (type_lookup(cls, &n), type_lookup(base, &n)) {
        (Some(a), Some(b)) => a.is(&b),
        _ => true,
    }
}

fn kw_str(k: &Value) -> String {
    k.downcast::<Str>()
        .map_or_else(String::new, |s| s.as_str().to_string())
}

/// `enumerate(iterable, start=0)`.
fn enumerate_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let cls = args.pos.remove(0);
    let (iterable, start) = if cls.is(&vm.t.enumerate) {
        enumerate_args_exact(vm, args)?
    } else {
        enumerate_args_clinic(vm, args)?
    };
    // CPython converts `start` before it asks for the iterator.
    let start = match start {
        Some(s) if crate::num::is_int(&s) && !s.is_bool() => s,
        Some(s) => {
            let i = vm.index(&s)?;
            vm.new_bigint(i)
        }
        None => vm.new_int(0),
    };
    let src = vm.iter(&iterable)?;
    let it = vm.new_iter(IterKind::Enumerate, src, &cls);
    if let Some(i) = it.downcast::<Iter>() {
        i.extra.set(start);
    }
    Ok(it)
}

/// CPython 3.11: Objects/enumobject.c, enum_vectorcall.
fn enumerate_args_exact(vm: &Vm, args: Args) -> PyResult<(Value, Option<Value>)> {
    let (np, nk) = (args.pos.len(), args.kw.len());
    let check = |i: usize, name: &str| -> PyResult<()> {
        let k = kw_str(&args.kw[i].0);
        if k == name {
            Ok(())
        } else {
            Err(vm.type_error(format!(
                "'{k}' is an invalid keyword argument for enumerate()"
            )))
        }
    };
    if np + nk == 2 {
        let mut all: Vec<Value> = args.pos.to_vec();
        all.extend(args.kw.iter().map(|(_, v)| v.clone()));
        if nk == 1 {
            check(0, "start")?;
        } else if nk == 2 {
            if kw_str(&args.kw[0].0) == "start" {
                check(1, "iterable")?;
                return Ok((all[1].clone(), Some(all[0].clone())));
            }
            check(0, "iterable")?;
            check(1, "start")?;
        }
        return Ok((all[0].clone(), Some(all[1].clone())));
    }
    if np + nk == 1 {
        if nk == 1 {
            check(0, "iterable")?;
            return Ok((args.kw[0].1.clone(), None));
        }
        return Ok((args.pos[0].clone(), None));
    }
    if np == 0 {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    }
    Err(vm.type_error(format!(
        "enumerate() takes at most 2 arguments ({} given)",
        np + nk
    )))
}

/// Argument Clinic's parsing of `enumerate(iterable, start=0)` (used by
/// subclasses). CPython 3.11: Python/getargs.c, _PyArg_UnpackKeywords.
fn enumerate_args_clinic(vm: &Vm, args: Args) -> PyResult<(Value, Option<Value>)> {
    let (np, nk) = (args.pos.len(), args.kw.len());
    if np + nk > 2 {
        let kw = if np == 0 { "keyword " } else { "" };
        return Err(vm.type_error(format!(
            "enumerate() takes at most 2 {kw}arguments ({} given)",
            np + nk
        )));
    }
    let names = ["iterable", "start"];
    let mut slots: [Option<Value>; 2] = [args.pos.first().cloned(), args.pos.get(1).cloned()];
    let mut used = 0;
    for (i, name) in names.iter().enumerate() {
        if i < np {
            continue;
        }
        if let Some((_, v)) = args.kw.iter().find(|(k, _)| kw_str(k) == *name) {
            slots[i] = Some(v.clone());
            used += 1;
        } else if i == 0 {
            return Err(vm.type_error("enumerate() missing required argument 'iterable' (pos 1)"));
        }
    }
    if used < nk {
        for (k, _) in &args.kw {
            let k = kw_str(k);
            if let Some(p) = names.iter().position(|n| *n == k) {
                if p < np {
                    return Err(vm.type_error(format!(
                        "argument for enumerate() given by name ('{k}') and position ({})",
                        p + 1
                    )));
                }
            } else {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for enumerate()"
                )));
            }
        }
    }
    let [a, b] = slots;
    match a {
        Some(a) => Ok((a, b)),
        None => Err(vm.type_error("enumerate() missing required argument 'iterable' (pos 1)")),
    }
}

fn zip_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let cls = args.pos.remove(0);
    // CPython parses the keywords with `PyArg_ParseTupleAndKeywords("|$p:zip")`.
    if args.kw.len() > 1 {
        return Err(vm.type_error(format!(
            "zip() takes at most 1 keyword argument ({} given)",
            args.kw.len()
        )));
    }
    if let Some((k, _)) = args.kw.iter().find(|(k, _)| kw_str(k) != "strict") {
        let k = kw_str(k);
        return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for zip()")));
    }
    let strict = args
        .take_kw("strict")
        .map(|s| vm.truthy(&s))
        .transpose()?
        .unwrap_or(false);
    let mut iters = Vec::with_capacity(args.pos.len());
    for a in &args.pos {
        iters.push(vm.iter(a)?);
    }
    let it = vm.new_iter(IterKind::Zip, Value::NONE, &cls);
    if let Some(i) = it.downcast::<Iter>() {
        *i.extra_list.borrow_mut() = iters;
        i.extra.set(Value::from_bool(strict));
    }
    Ok(it)
}

fn map_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let cls = args.pos.remove(0);
    if !args.kw.is_empty() && refuses_kwargs(vm, &cls, &vm.t.map.clone()) {
        return Err(vm.type_error("map() takes no keyword arguments"));
    }
    if args.pos.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let f = args.pos.remove(0);
    let mut iters = Vec::with_capacity(args.pos.len());
    for a in &args.pos {
        iters.push(vm.iter(a)?);
    }
    let it = vm.new_iter(IterKind::Map, Value::NONE, &cls);
    if let Some(i) = it.downcast::<Iter>() {
        *i.extra_list.borrow_mut() = iters;
        i.extra.set(f);
    }
    Ok(it)
}

fn filter_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let cls = args.pos.remove(0);
    if !args.kw.is_empty() && refuses_kwargs(vm, &cls, &vm.t.filter.clone()) {
        return Err(vm.type_error("filter() takes no keyword arguments"));
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "filter expected 2 arguments, got {}",
            args.pos.len()
        )));
    }
    let src = vm.iter(&args.pos[1])?;
    let it = vm.new_iter(IterKind::Filter, src, &cls);
    if let Some(i) = it.downcast::<Iter>() {
        i.extra.set(args.pos[0].clone());
    }
    Ok(it)
}

/// CPython 3.11: Objects/enumobject.c, reversed_new_impl.
fn reversed_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let cls = args.pos.remove(0);
    if !args.kw.is_empty() && refuses_kwargs(vm, &cls, &vm.t.reversed.clone()) {
        return Err(vm.type_error("reversed() takes no keyword arguments"));
    }
    if args.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "reversed expected 1 argument, got {}",
            args.pos.len()
        )));
    }
    let seq = args.pos[0].clone();
    let t = vm.type_of(&seq);
    let rn = vm.names.__reversed__.clone();
    if let Some(f) = type_lookup(&t, &rn) {
        if f.is_none() {
            return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(&seq))));
        }
        return vm.call_method_value(&f, &seq, vec![]);
    }
    // PySequence_Check: `__getitem__` on a type that is not a dict.
    let gi = vm.names.__getitem__.clone();
    let is_seq = match seq.kind() {
        Some(kinds::DICT) | Some(kinds::SET) | Some(kinds::DICTVIEW) => false,
        _ => type_lookup(&t, &gi).is_some(),
    };
    if !is_seq {
        return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(&seq))));
    }
    let n = vm.len(&seq)?;
    let it = vm.new_iter(IterKind::Reversed, seq, &cls);
    if let Some(i) = it.downcast::<Iter>() {
        i.pos.set(n);
    }
    Ok(it)
}
