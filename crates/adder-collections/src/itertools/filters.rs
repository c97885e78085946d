//! `compress`, `dropwhile`, `takewhile`, `filterfalse` and `starmap`:
//! iterators that pass their source's items through a predicate or a
//! function.
//!
//! Invariant: see the module: state is cloned out before Python code runs.

use adder_object::Value;
use adder_vm::objects::seq::Tuple;
use adder_vm::{Args, PyResult, Vm};

use super::{alloc, declare, new_no_kw, this, St};
use crate::args::{check_pos, noargs, onearg, Clinic};
use crate::stop;

pub fn init(vm: &mut Vm, m: &Value) {
    declare(
        vm,
        m,
        "compress",
        true,
        compress_new,
        compress_next,
        &[("__reduce__", compress_reduce)],
    );
    declare(
        vm,
        m,
        "dropwhile",
        true,
        dropwhile_new,
        dropwhile_next,
        &[
            ("__reduce__", while_reduce),
            ("__setstate__", while_setstate),
        ],
    );
    declare(
        vm,
        m,
        "takewhile",
        true,
        takewhile_new,
        takewhile_next,
        &[
            ("__reduce__", while_reduce),
            ("__setstate__", while_setstate),
        ],
    );
    declare(
        vm,
        m,
        "filterfalse",
        true,
        filterfalse_new,
        filterfalse_next,
        &[("__reduce__", func_it_reduce)],
    );
    declare(
        vm,
        m,
        "starmap",
        true,
        starmap_new,
        starmap_next,
        &[("__reduce__", func_it_reduce)],
    );
}

// ----- compress ---------------------------------------------------------------------

fn compress_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    let a = Clinic {
        fname: "compress",
        names: &["data", "selectors"],
        posonly: 0,
        minpos: 2,
        maxpos: 2,
    }
    .parse(vm, &args.pos[1..], &args.kw)?;
    let data = vm.iter(a[0].as_ref().unwrap_or(&Value::NONE))?;
    let selectors = vm.iter(a[1].as_ref().unwrap_or(&Value::NONE))?;
    Ok(alloc(vm, &cls, St::Compress { data, selectors }))
}

fn compress_next(vm: &mut Vm, args: Args) -> PyResult {
    let o = this(vm, &args, "compress", "__next__")?;
    let (data, selectors) = match &*o.st(vm)? {
        St::Compress { data, selectors } => (data.clone(), selectors.clone()),
        _ => return stop(vm),
    };
    loop {
        let Some(d) = vm.next(&data)? else {
            return stop(vm);
        };
        let Some(s) = vm.next(&selectors)? else {
            return stop(vm);
        };
        if vm.truthy(&s)? {
            return Ok(d);
        }
    }
}

fn compress_reduce(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__reduce__")?;
    let o = this(vm, &args, "compress", "__reduce__")?;
    let (data, selectors) = match &*o.st(vm)? {
        St::Compress { data, selectors } => (data.clone(), selectors.clone()),
        _ => return Err(vm.type_error("not a compress object")),
    };
    let t = vm.type_of(&args.pos[0]);
    let a = vm.new_tuple(vec![data, selectors]);
    Ok(vm.new_tuple(vec![t, a]))
}

// ----- dropwhile / takewhile --------------------------------------------------------

fn func_it_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Value, Value)> {
    new_no_kw(vm, args, name)?;
    check_pos(vm, name, args.pos.len().saturating_sub(1), 2, 2)?;
    let it = vm.iter(&args.pos[2])?;
    Ok((args.pos[1].clone(), it))
}

fn dropwhile_new(vm: &mut Vm, args: Args) -> PyResult {
    let (func, it) = func_it_args(vm, &args, "dropwhile")?;
    Ok(alloc(
        vm,
        &args.pos[0],
        St::DropWhile {
            func,
            it,
            start: false,
        },
    ))
}

fn dropwhile_next(vm: &mut Vm, args: Args) -> PyResult {
    let o = this(vm, &args, "dropwhile", "__next__")?;
    let (func, it) = match &*o.st(vm)? {
        St::DropWhile { func, it, .. } => (func.clone(), it.clone()),
        _ => return stop(vm),
    };
    loop {
        let Some(item) = vm.next(&it)? else {
            return stop(vm);
        };
        if matches!(&*o.st(vm)?, St::DropWhile { start: true, .. }) {
            return Ok(item);
        }
        let r = vm.call(&func, vec![item.clone()])?;
        if !vm.truthy(&r)? {
            if let St::DropWhile { start, .. } = &mut *o.st(vm)? {
                *start = true;
            }
            return Ok(item);
        }
    }
}

fn takewhile_new(vm: &mut Vm, args: Args) -> PyResult {
    let (func, it) = func_it_args(vm, &args, "takewhile")?;
    Ok(alloc(
        vm,
        &args.pos[0],
        St::TakeWhile {
            func,
            it,
            stop: false,
        },
    ))
}

fn takewhile_next(vm: &mut Vm, args: Args) -> PyResult {
    let o = this(vm, &args, "takewhile", "__next__")?;
    let (func, it) = match &*o.st(vm)? {
        St::TakeWhile {
            func,
            it,
            stop: false,
        } => (func.clone(), it.clone()),
        _ => return stop(vm),
    };
    let Some(item) = vm.next(&it)? else {
        return stop(vm);
    };
    let r = vm.call(&func, vec![item.clone()])?;
    if vm.truthy(&r)? {
        return Ok(item);
    }
    if let St::TakeWhile { stop, .. } = &mut *o.st(vm)? {
        *stop = true;
    }
    stop(vm)
}

fn while_state(vm: &Vm, args: &Args, meth: &str) -> PyResult<(Value, Value, bool)> {
    let s = &args.pos[0];
    if let Some(o) = s.downcast::<super::ItObj>() {
        match &*o.st(vm)? {
            St::DropWhile { func, it, start } => return Ok((func.clone(), it.clone(), *start)),
            St::TakeWhile { func, it, stop } => return Ok((func.clone(), it.clone(), *stop)),
            _ => {}
        }
    }
    Err(vm.type_error(format!(
        "descriptor '{meth}' requires a 'itertools.dropwhile' object but received a '{}'",
        vm.type_name(s)
    )))
}

fn while_reduce(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__reduce__")?;
    let (func, it, flag) = while_state(vm, &args, "__reduce__")?;
    let t = vm.type_of(&args.pos[0]);
    let a = vm.new_tuple(vec![func, it]);
    let f = vm.new_int(flag as i64);
    Ok(vm.new_tuple(vec![t, a, f]))
}

fn while_setstate(vm: &mut Vm, args: Args) -> PyResult {
    let state = onearg(vm, &args, "__setstate__")?;
    while_state(vm, &args, "__setstate__")?;
    let b = vm.truthy(&state)?;
    if let Some(o) = args.pos[0].downcast::<super::ItObj>() {
        match &mut *o.st(vm)? {
            St::DropWhile { start, .. } => *start = b,
            St::TakeWhile { stop, .. } => *stop = b,
            _ => {}
        }
    }
    Ok(Value::NONE)
}

// ----- filterfalse / starmap --------------------------------------------------------

fn filterfalse_new(vm: &mut Vm, args: Args) -> PyResult {
    let (func, it) = func_it_args(vm, &args, "filterfalse")?;
    Ok(alloc(vm, &args.pos[0], St::FilterFalse { func, it }))
}

fn filterfalse_next(vm: &mut Vm, args: Args) -> PyResult {
    let o = this(vm, &args, "filterfalse", "__next__")?;
    let (func, it) = match &*o.st(vm)? {
        St::FilterFalse { func, it } => (func.clone(), it.clone()),
        _ => return stop(vm),
    };
    loop {
        let Some(item) = vm.next(&it)? else {
            return stop(vm);
        };
        let ok = if func.is_none() || func.is(&vm.t.bool_) {
            vm.truthy(&item)?
        } else {
            let r = vm.call(&func, vec![item.clone()])?;
            vm.truthy(&r)?
        };
        if !ok {
            return Ok(item);
        }
    }
}

fn starmap_new(vm: &mut Vm, args: Args) -> PyResult {
    let (func, it) = func_it_args(vm, &args, "starmap")?;
    Ok(alloc(vm, &args.pos[0], St::Starmap { func, it }))
}

fn starmap_next(vm: &mut Vm, args: Args) -> PyResult {
    let o = this(vm, &args, "starmap", "__next__")?;
    let (func, it) = match &*o.st(vm)? {
        St::Starmap { func, it } => (func.clone(), it.clone()),
        _ => return stop(vm),
    };
    let Some(a) = vm.next(&it)? else {
        return stop(vm);
    };
    let items = match a.downcast::<Tuple>() {
        Some(t) => t.items.to_vec(),
        None => vm.iterate(&a)?,
    };
    vm.call(&func, items)
}

fn func_it_reduce(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__reduce__")?;
    let s = &args.pos[0];
    let parts = s.downcast::<super::ItObj>().and_then(|o| {
        o.st.try_borrow().ok().and_then(|st| match &*st {
            St::FilterFalse { func, it } | St::Starmap { func, it } => {
                Some((func.clone(), it.clone()))
            }
            _ => None,
        })
    });
    let Some((func, it)) = parts else {
        return Err(vm.type_error(format!(
            "descriptor '__reduce__' requires a 'itertools.filterfalse' object but received a '{}'",
            vm.type_name(s)
        )));
    };
    let t = vm.type_of(s);
    let a = vm.new_tuple(vec![func, it]);
    Ok(vm.new_tuple(vec![t, a]))
}
