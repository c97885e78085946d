//! The sequence types `list`, `tuple`, `range` and `slice`, plus the
//! argument-checking helpers that every container module (`dict`, `set`)
//! shares.
//!
//! Invariant: a native registered on a builtin container type works on the
//! payload directly (never through `Vm::getitem`/`Vm::len`... for a
//! subclassable type), so a user subclass whose special methods resolve to
//! these natives cannot recurse into itself; and no `RefCell` borrow of a
//! list is held while Python code runs.

mod list;
mod range;
mod tuple;

use adder_object::Value;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::objects::seq::{Range, Slice};
use crate::objects::string::Str;
use crate::ops::is_subtype;
use crate::vm::{Args, PyResult, Vm};

pub(crate) use list::repeat_items;
pub use list::{list_delitem, list_getitem, list_set_slice, list_setitem, list_sort};
pub use range::{range_hash_value, range_subscript, slice_indices_big};
pub use tuple::tuple_getitem;

pub fn init(vm: &mut Vm) {
    list::init(vm);
    tuple::init(vm);
    range::init(vm);
}

pub fn make_range(vm: &mut Vm, start: BigInt, stop: BigInt, step: BigInt) -> PyResult {
    let values = [
        vm.new_bigint(start.clone()),
        vm.new_bigint(stop.clone()),
        vm.new_bigint(step.clone()),
    ];
    Ok(vm.alloc_builtin(
        &vm.t.range.clone(),
        Range {
            start,
            stop,
            step,
            values,
        },
    ))
}

// ----- argument helpers shared by the container modules ------------------------------

/// The receiver of a method defined on builtin type `ty`, checked like
/// CPython's method descriptors do.
pub(crate) fn this(vm: &Vm, args: &Args, ty: &Value, meth: &str) -> PyResult<Value> {
    // The common case first, without building the type's name.
    if let Some(s) = args.pos.first().filter(|s| vm.is_exact(s, ty)) {
        return Ok(s.clone());
    }
    let tname = vm.type_obj(ty).name();
    let Some(s) = args.pos.first() else {
        return Err(if meth.starts_with("__") {
            vm.type_error(format!(
                "descriptor '{meth}' of '{tname}' object needs an argument"
            ))
        } else {
            vm.type_error(format!("unbound method {tname}.{meth}() needs an argument"))
        });
    };
    if !is_subtype(&vm.type_of(s), ty) {
        return Err(vm.type_error(format!(
            "descriptor '{meth}' for '{tname}' objects doesn't apply to a '{}' object",
            vm.type_name(s)
        )));
    }
    Ok(s.clone())
}

/// Rejects keyword arguments: `{qual}() takes no keyword arguments`.
pub(crate) fn no_kw(vm: &Vm, args: &Args, qual: &str) -> PyResult<()> {
    if args.kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{qual}() takes no keyword arguments")))
    }
}

/// A method without arguments (besides self).
pub(crate) fn noargs(vm: &Vm, args: &Args, qual: &str) -> PyResult<()> {
    no_kw(vm, args, qual)?;
    let n = args.pos.len().saturating_sub(1);
    if n != 0 {
        return Err(vm.type_error(format!("{qual}() takes no arguments ({n} given)")));
    }
    Ok(())
}

/// A method with exactly one argument: returns it.
pub(crate) fn onearg(vm: &Vm, args: &Args, qual: &str) -> PyResult<Value> {
    no_kw(vm, args, qual)?;
    let n = args.pos.len().saturating_sub(1);
    if n != 1 {
        return Err(vm.type_error(format!("{qual}() takes exactly one argument ({n} given)")));
    }
    Ok(args.pos[1].clone())
}

/// A method taking `min..=max` positional arguments (Argument Clinic style
/// messages, which name the method without its type).
pub(crate) fn argrange(vm: &Vm, args: &Args, qual: &str, min: usize, max: usize) -> PyResult<()> {
    no_kw(vm, args, qual)?;
    let n = args.pos.len().saturating_sub(1);
    if (min..=max).contains(&n) {
        return Ok(());
    }
    count_check(vm, short_name(qual), n, min, max)
}

pub(crate) fn short_name(qual: &str) -> &str {
    qual.rsplit('.').next().unwrap_or(qual)
}

/// `{name} expected ... argument(s), got {n}`.
pub(crate) fn count_check(vm: &Vm, name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    let pl = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        if min == max {
            return Err(vm.type_error(format!(
                "{name} expected {min} argument{}, got {n}",
                pl(min)
            )));
        }
        return Err(vm.type_error(format!(
            "{name} expected at least {min} argument{}, got {n}",
            pl(min)
        )));
    }
    if n > max {
        if min == max {
            return Err(vm.type_error(format!(
                "{name} expected {max} argument{}, got {n}",
                pl(max)
            )));
        }
        return Err(vm.type_error(format!(
            "{name} expected at most {max} argument{}, got {n}",
            pl(max)
        )));
    }
    Ok(())
}

/// A special method wrapper's argument count check (`expected 1 argument, got 2`).
pub(crate) fn dunder(vm: &Vm, args: &Args, ty: &Value, meth: &str, n: usize) -> PyResult<Value> {
    let s = this(vm, args, ty, meth)?;
    no_kw(vm, args, meth)?;
    let got = args.pos.len() - 1;
    if got != n {
        return Err(vm.type_error(format!(
            "expected {n} argument{}, got {got}",
            if n == 1 { "" } else { "s" }
        )));
    }
    Ok(s)
}

/// The name of a keyword argument (a str).
pub(crate) fn kw_name(k: &Value) -> String {
    k.downcast::<Str>()
        .map(|s| s.as_str().to_string())
        .unwrap_or_default()
}

/// A `Py_ssize_t` argument: `__index__`, OverflowError when it does not fit.
pub(crate) fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    let i = vm.index(v)?;
    i.to_isize()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

/// `start`/`stop` arguments of `index()`: `__index__` or None, clamped to
/// the `isize` range like `_PyEval_SliceIndex`.
pub(crate) fn slice_index_arg(vm: &mut Vm, v: &Value, none_ok: bool) -> PyResult<Option<isize>> {
    if v.is_none() && none_ok {
        return Ok(None);
    }
    match vm.index_opt(v)? {
        Some(i) => Ok(Some(clamp_isize(&i))),
        None => Err(vm.type_error(if none_ok {
            "slice indices must be integers or None or have an __index__ method"
        } else {
            "slice indices must be integers or have an __index__ method"
        })),
    }
}

pub(crate) fn clamp_isize(i: &BigInt) -> isize {
    i.to_isize().unwrap_or(if i.is_negative() {
        isize::MIN
    } else {
        isize::MAX
    })
}

/// Resolves `index(x, start, stop)` bounds against `len`.
pub(crate) fn search_bounds(
    vm: &mut Vm,
    args: &Args,
    first: usize,
    len: usize,
) -> PyResult<(usize, usize)> {
    let norm = |i: isize| -> usize {
        if i < 0 {
            (i.saturating_add(len as isize)).max(0) as usize
        } else {
            (i as usize).min(len)
        }
    };
    let start = match args.pos.get(first) {
        Some(v) => norm(slice_index_arg(vm, v, false)?.unwrap_or(0)),
        None => 0,
    };
    let stop = match args.pos.get(first + 1) {
        Some(v) => norm(slice_index_arg(vm, v, false)?.unwrap_or(isize::MAX)),
        None => len,
    };
    Ok((start, stop))
}

/// The result of a rich-comparison native: a bool, or NotImplemented.
pub(crate) fn cmp_result(vm: &Vm, r: Option<bool>) -> Value {
    match r {
        Some(b) => Value::from_bool(b),
        None => vm.not_implemented.clone(),
    }
}

/// Registers `__lt__` ... `__ge__` on `ty`.
pub(crate) fn add_compare(vm: &mut Vm, ty: &Value, fs: [crate::vm::NativeFn; 6]) {
    let names = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
    for (n, f) in names.into_iter().zip(fs) {
        vm.add_method(ty, n, f);
    }
}

/// Declares six comparison natives `$prefix_lt`... that call `$body(vm, args, op)`.
macro_rules! compare_natives {
    ($body:path) => {
        [
            |vm: &mut Vm, a: Args| $body(vm, a, adder_bytecode::CmpOp::Lt),
            |vm: &mut Vm, a: Args| $body(vm, a, adder_bytecode::CmpOp::Le),
            |vm: &mut Vm, a: Args| $body(vm, a, adder_bytecode::CmpOp::Eq),
            |vm: &mut Vm, a: Args| $body(vm, a, adder_bytecode::CmpOp::Ne),
            |vm: &mut Vm, a: Args| $body(vm, a, adder_bytecode::CmpOp::Gt),
            |vm: &mut Vm, a: Args| $body(vm, a, adder_bytecode::CmpOp::Ge),
        ]
    };
}
pub(crate) use compare_natives;

/// `cls.__class_getitem__(item)` for the generic builtin containers.
pub(crate) fn class_getitem(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "__class_getitem__() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1)
        )));
    }
    crate::builtins::types::generic_alias(vm, &args.pos[0], &args.pos[1])
}

/// Normalises a sequence index against `len`; `what` names the error
/// (`list index out of range`).
pub(crate) fn seq_index(
    vm: &mut Vm,
    key: &Value,
    len: usize,
    tyname: &str,
    oor: &str,
) -> PyResult<usize> {
    let i = match vm.index_opt(key)? {
        Some(i) => i,
        None => {
            return Err(vm.type_error(format!(
                "{tyname} indices must be integers or slices, not {}",
                vm.type_name(key)
            )))
        }
    };
    let Some(i) = i.to_isize() else {
        return Err(vm.index_error("cannot fit 'int' into an index-sized integer"));
    };
    let j = if i < 0 { i + len as isize } else { i };
    if j < 0 || j as usize >= len {
        return Err(vm.index_error(oor));
    }
    Ok(j as usize)
}

/// The positions a resolved slice selects.
pub(crate) fn slice_positions(start: isize, step: isize, n: usize) -> impl Iterator<Item = usize> {
    (0..n).map(move |i| (start + i as isize * step) as usize)
}

pub(crate) fn slice_of(v: &Value) -> Option<&Slice> {
    v.downcast::<Slice>()
}
