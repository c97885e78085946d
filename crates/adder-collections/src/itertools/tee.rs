//! `tee`, `_tee` and `_tee_dataobject`: one source iterator buffered in a
//! linked list of fixed-size blocks that every `_tee` walks at its own pace.
//!
//! Invariant: a block holds at most `LINKCELLS` values, is filled in order,
//! and gets a `next` block only once full; a `_tee` at index `LINKCELLS`
//! moves to the next block before reading. Blocks no `_tee` can reach are
//! freed (iteratively, see `ItObj`'s `Drop`).

use adder_object::Value;
use adder_vm::objects::seq::List;
use adder_vm::{Args, PyResult, Vm};
use num_traits::ToPrimitive;

use super::{alloc, declare, make_type, this, ItObj, St};
use crate::args::{check_pos, no_kw, noargs, onearg, positional};
use crate::stop;

/// Values per `_tee_dataobject` (as CPython, so pickled states agree).
const LINKCELLS: usize = 57;

pub fn init(vm: &mut Vm, m: &Value) {
    declare(
        vm,
        m,
        "_tee",
        false,
        tee_new,
        tee_next,
        &[
            ("__copy__", tee_copy),
            ("__reduce__", tee_reduce),
            ("__setstate__", tee_setstate),
        ],
    );
    let t = make_type(vm, m, "_tee_dataobject", false);
    vm.set_new(&t, teedata_new);
    vm.add_method(&t, "__reduce__", teedata_reduce);
}

fn new_data(vm: &mut Vm, it: Value) -> PyResult {
    let t = crate::module_type(vm, "itertools", "_tee_dataobject")?;
    Ok(alloc(
        vm,
        &t,
        St::TeeData {
            it,
            values: Vec::new(),
            next: Value::NULL,
            running: false,
        },
    ))
}

fn new_tee(vm: &mut Vm, data: Value, index: usize) -> PyResult {
    let t = crate::module_type(vm, "itertools", "_tee")?;
    Ok(alloc(vm, &t, St::Tee { data, index }))
}

/// `_tee` over a fresh iterator (or a copy when it already is a `_tee`).
fn from_iterable(vm: &mut Vm, iterable: &Value) -> PyResult {
    let it = vm.iter(iterable)?;
    if let Some(o) = it.downcast::<ItObj>() {
        if let St::Tee { data, index } = &*o.st(vm)? {
            let (d, i) = (data.clone(), *index);
            return new_tee(vm, d, i);
        }
    }
    let data = new_data(vm, it)?;
    new_tee(vm, data, 0)
}

fn tee_new(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "_tee", 1, 1, 1)?;
    from_iterable(vm, &args.pos[1])
}

/// The value at `i` of block `d`, reading the source when `i` is new.
fn data_get(vm: &mut Vm, d: &ItObj, i: usize) -> PyResult<Option<Value>> {
    let it = {
        let mut st = d.st(vm)?;
        let St::TeeData {
            it,
            values,
            running,
            ..
        } = &mut *st
        else {
            return Ok(None);
        };
        if let Some(v) = values.get(i) {
            return Ok(Some(v.clone()));
        }
        if *running {
            drop(st);
            return Err(vm.runtime_error("cannot re-enter the tee iterator"));
        }
        *running = true;
        it.clone()
    };
    let r = vm.next(&it);
    let mut st = d.st(vm)?;
    let St::TeeData {
        values, running, ..
    } = &mut *st
    else {
        return Ok(None);
    };
    *running = false;
    let v = r?;
    if let Some(v) = &v {
        values.push(v.clone());
    }
    Ok(v)
}

fn tee_next(vm: &mut Vm, args: Args) -> PyResult {
    let o = this(vm, &args, "_tee", "__next__")?;
    let (mut data, mut index) = match &*o.st(vm)? {
        St::Tee { data, index } => (data.clone(), *index),
        _ => return stop(vm),
    };
    if index >= LINKCELLS {
        // Jump to the next block (creating it on first use).
        let Some(d) = data.downcast::<ItObj>() else {
            return stop(vm);
        };
        let (next, it) = match &*d.st(vm)? {
            St::TeeData { next, it, .. } => (next.clone(), it.clone()),
            _ => return stop(vm),
        };
        let link = if next.is_null() {
            let n = new_data(vm, it)?;
            if let St::TeeData { next, .. } = &mut *d.st(vm)? {
                *next = n.clone();
            }
            n
        } else {
            next
        };
        data = link;
        index = 0;
        if let St::Tee {
            data: dd,
            index: ii,
        } = &mut *o.st(vm)?
        {
            *dd = data.clone();
            *ii = 0;
        }
    }
    let Some(d) = data.downcast::<ItObj>() else {
        return stop(vm);
    };
    match data_get(vm, d, index)? {
        Some(v) => {
            if let St::Tee { index: ii, .. } = &mut *o.st(vm)? {
                *ii = index + 1;
            }
            Ok(v)
        }
        None => stop(vm),
    }
}

fn tee_parts(vm: &Vm, args: &Args, meth: &str) -> PyResult<(Value, usize)> {
    let o = this(vm, args, "_tee", meth)?;
    let st = o.st(vm)?;
    match &*st {
        St::Tee { data, index } => Ok((data.clone(), *index)),
        _ => Err(vm.type_error("not a _tee object")),
    }
}

fn tee_copy(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__copy__")?;
    let (data, index) = tee_parts(vm, &args, "__copy__")?;
    new_tee(vm, data, index)
}

fn tee_reduce(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__reduce__")?;
    let (data, index) = tee_parts(vm, &args, "__reduce__")?;
    let t = vm.type_of(&args.pos[0]);
    let empty = vm.empty_tuple.clone();
    let a = vm.new_tuple(vec![empty]);
    let i = vm.new_int(index as i64);
    let s = vm.new_tuple(vec![data, i]);
    Ok(vm.new_tuple(vec![t, a, s]))
}

fn is_data(v: &Value) -> bool {
    v.downcast::<ItObj>()
        .is_some_and(|o| matches!(o.st.try_borrow().as_deref(), Ok(St::TeeData { .. })))
}

fn tee_setstate(vm: &mut Vm, args: Args) -> PyResult {
    let state = onearg(vm, &args, "__setstate__")?;
    tee_parts(vm, &args, "__setstate__")?;
    let items = super::basic::state_tuple(vm, &state)?;
    if items.len() != 2 {
        return Err(vm.type_error(format!(
            "function takes exactly 2 arguments ({} given)",
            items.len()
        )));
    }
    if !is_data(&items[0]) {
        return Err(vm.type_error(format!(
            "argument 1 must be itertools._tee_dataobject, not {}",
            vm.type_name(&items[0])
        )));
    }
    let i = vm.index(&items[1])?;
    let index = match i.to_i64() {
        Some(x) if (0..=LINKCELLS as i64).contains(&x) => x as usize,
        Some(_) => return Err(vm.value_error("Index out of range")),
        None => {
            return Err(vm.overflow_error("signed integer is greater than maximum"));
        }
    };
    if let Some(o) = args.pos[0].downcast::<ItObj>() {
        if let St::Tee { data, index: ii } = &mut *o.st(vm)? {
            *data = items[0].clone();
            *ii = index;
        }
    }
    Ok(Value::NONE)
}

fn teedata_new(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "teedataobject")?;
    check_pos(vm, "teedataobject", args.pos.len().saturating_sub(1), 3, 3)?;
    let it = args.pos[1].clone();
    let Some(l) = args.pos[2].downcast::<List>() else {
        return Err(vm.type_error(format!(
            "teedataobject() argument 2 must be list, not {}",
            vm.type_name(&args.pos[2])
        )));
    };
    let values = l.snapshot();
    let next = args.pos[3].clone();
    let invalid = |vm: &Vm| vm.value_error("Invalid arguments");
    if values.len() > LINKCELLS {
        return Err(invalid(vm));
    }
    let next = if values.len() == LINKCELLS {
        if next.is_none() {
            Value::NULL
        } else if is_data(&next) {
            next
        } else {
            return Err(invalid(vm));
        }
    } else if next.is_none() {
        Value::NULL
    } else {
        return Err(invalid(vm));
    };
    let t = crate::module_type(vm, "itertools", "_tee_dataobject")?;
    Ok(alloc(
        vm,
        &t,
        St::TeeData {
            it,
            values,
            next,
            running: false,
        },
    ))
}

fn teedata_reduce(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__reduce__")?;
    let o = this(vm, &args, "_tee_dataobject", "__reduce__")?;
    let (it, values, next) = match &*o.st(vm)? {
        St::TeeData {
            it, values, next, ..
        } => (it.clone(), values.clone(), next.clone()),
        _ => return Err(vm.type_error("not a _tee_dataobject")),
    };
    let t = vm.type_of(&args.pos[0]);
    let l = vm.new_list(values);
    let n = if next.is_null() { Value::NONE } else { next };
    let a = vm.new_tuple(vec![it, l, n]);
    Ok(vm.new_tuple(vec![t, a]))
}

/// `tee(iterable, n=2, /)`.
pub fn tee(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "itertools.tee")?;
    check_pos(vm, "tee", args.pos.len(), 1, 2)?;
    let n = match args.pos.get(1) {
        Some(v) => crate::args::ssize(vm, v)?,
        None => 2,
    };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(vm.empty_tuple.clone());
    }
    vm.check_alloc((n as usize).saturating_mul(8))?;
    let it = vm.iter(&args.pos[0])?;
    let copy_name = vm.intern("__copy__");
    let (first, copyfunc) = match vm.getattr_opt(&it, &copy_name)? {
        Some(f) => (it, f),
        None => {
            let t = from_iterable(vm, &it)?;
            let f = vm.getattr(&t, &copy_name)?;
            (t, f)
        }
    };
    let mut out = Vec::with_capacity(n as usize);
    out.push(first);
    for _ in 1..n {
        out.push(vm.call(&copyfunc, vec![])?);
    }
    Ok(vm.new_tuple(out))
}
