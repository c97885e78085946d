//! `groupby` and its `_grouper` sub-iterators.
//!
//! Invariant: a `_grouper` yields items only while it is its parent's
//! current grouper (identity recorded in the parent's state) and the
//! parent's current key equals the grouper's key; advancing the parent
//! invalidates every older grouper.

use adder_object::Value;
use adder_vm::ops::dict_get_str;
use adder_vm::{Args, PyResult, Vm};

use super::{alloc, declare, this, ItObj, St};
use crate::args::{check_pos, no_kw, noargs, onearg, Clinic};
use crate::stop;

pub fn init(vm: &mut Vm, m: &Value) {
    declare(
        vm,
        m,
        "groupby",
        true,
        groupby_new,
        groupby_next,
        &[
            ("__reduce__", groupby_reduce),
            ("__setstate__", groupby_setstate),
        ],
    );
    declare(
        vm,
        m,
        "_grouper",
        false,
        grouper_new,
        grouper_next,
        &[("__reduce__", grouper_reduce)],
    );
}

fn groupby_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    let a = Clinic {
        fname: "groupby",
        names: &["iterable", "key"],
        posonly: 0,
        minpos: 1,
        maxpos: 2,
    }
    .parse(vm, &args.pos[1..], &args.kw)?;
    let keyfunc = a[1].clone().unwrap_or(Value::NONE);
    let it = vm.iter(a[0].as_ref().unwrap_or(&Value::NONE))?;
    Ok(alloc(
        vm,
        &cls,
        St::GroupBy {
            it,
            keyfunc,
            tgtkey: Value::NULL,
            currkey: Value::NULL,
            currvalue: Value::NULL,
            grouper: 0,
        },
    ))
}

/// Reads the next item and its key into the parent's state; false at the end.
fn step(vm: &mut Vm, o: &ItObj) -> PyResult<bool> {
    let (it, keyfunc) = match &*o.st(vm)? {
        St::GroupBy { it, keyfunc, .. } => (it.clone(), keyfunc.clone()),
        _ => return Ok(false),
    };
    let Some(value) = vm.next(&it)? else {
        return Ok(false);
    };
    let key = if keyfunc.is_none() {
        value.clone()
    } else {
        vm.call(&keyfunc, vec![value.clone()])?
    };
    let old = {
        let mut st = o.st(vm)?;
        match &mut *st {
            St::GroupBy {
                currkey, currvalue, ..
            } => {
                let ov = std::mem::replace(currvalue, value);
                let ok = std::mem::replace(currkey, key);
                Some((ov, ok))
            }
            _ => None,
        }
    };
    drop(old);
    Ok(true)
}

fn groupby_next(vm: &mut Vm, args: Args) -> PyResult {
    let o = this(vm, &args, "groupby", "__next__")?;
    if let St::GroupBy { grouper, .. } = &mut *o.st(vm)? {
        *grouper = 0;
    }
    loop {
        let (tgt, cur) = match &*o.st(vm)? {
            St::GroupBy {
                tgtkey, currkey, ..
            } => (tgtkey.clone(), currkey.clone()),
            _ => return stop(vm),
        };
        if !cur.is_null() {
            if tgt.is_null() {
                break;
            }
            if !vm.eq(&tgt, &cur)? {
                break;
            }
        }
        if !step(vm, o)? {
            return stop(vm);
        }
    }
    let key = match &mut *o.st(vm)? {
        St::GroupBy {
            tgtkey, currkey, ..
        } => {
            *tgtkey = currkey.clone();
            currkey.clone()
        }
        _ => return stop(vm),
    };
    let gt = crate::module_type(vm, "itertools", "_grouper")?;
    let g = make_grouper(vm, &gt, &args.pos[0], key.clone())?;
    Ok(vm.new_tuple(vec![key, g]))
}

fn make_grouper(vm: &mut Vm, gt: &Value, parent: &Value, tgtkey: Value) -> PyResult {
    let g = alloc(
        vm,
        gt,
        St::Grouper {
            parent: parent.clone(),
            tgtkey,
        },
    );
    if let Some(p) = parent.downcast::<ItObj>() {
        if let St::GroupBy { grouper, .. } = &mut *p.st(vm)? {
            *grouper = g.bits();
        }
    }
    Ok(g)
}

fn groupby_reduce(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__reduce__")?;
    let o = this(vm, &args, "groupby", "__reduce__")?;
    let (it, keyfunc, tgtkey, currkey, currvalue) = match &*o.st(vm)? {
        St::GroupBy {
            it,
            keyfunc,
            tgtkey,
            currkey,
            currvalue,
            ..
        } => (
            it.clone(),
            keyfunc.clone(),
            tgtkey.clone(),
            currkey.clone(),
            currvalue.clone(),
        ),
        _ => return Err(vm.type_error("not a groupby object")),
    };
    let t = vm.type_of(&args.pos[0]);
    let a = vm.new_tuple(vec![it, keyfunc]);
    if !tgtkey.is_null() && !currkey.is_null() && !currvalue.is_null() {
        let s = vm.new_tuple(vec![currkey, currvalue, tgtkey]);
        return Ok(vm.new_tuple(vec![t, a, s]));
    }
    Ok(vm.new_tuple(vec![t, a]))
}

fn groupby_setstate(vm: &mut Vm, args: Args) -> PyResult {
    let state = onearg(vm, &args, "__setstate__")?;
    let o = this(vm, &args, "groupby", "__setstate__")?;
    let items = super::basic::state_tuple(vm, &state)?;
    if items.len() != 3 {
        return Err(vm.type_error(format!(
            "function takes exactly 3 arguments ({} given)",
            items.len()
        )));
    }
    if let St::GroupBy {
        currkey,
        currvalue,
        tgtkey,
        ..
    } = &mut *o.st(vm)?
    {
        *currkey = items[0].clone();
        *currvalue = items[1].clone();
        *tgtkey = items[2].clone();
    }
    Ok(Value::NONE)
}

fn grouper_new(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "_grouper")?;
    check_pos(vm, "_grouper", args.pos.len().saturating_sub(1), 2, 2)?;
    let parent = args.pos[1].clone();
    let is_groupby = parent
        .downcast::<ItObj>()
        .is_some_and(|p| matches!(p.st.try_borrow().as_deref(), Ok(St::GroupBy { .. })));
    if !is_groupby {
        return Err(vm.type_error(format!(
            "_grouper() argument 1 must be itertools.groupby, not {}",
            vm.type_name(&parent)
        )));
    }
    let gt = crate::module_type(vm, "itertools", "_grouper")?;
    make_grouper(vm, &gt, &parent, args.pos[2].clone())
}

fn grouper_parts(vm: &Vm, args: &Args, meth: &str) -> PyResult<(Value, Value)> {
    let o = this(vm, args, "_grouper", meth)?;
    let st = o.st(vm)?;
    match &*st {
        St::Grouper { parent, tgtkey } => Ok((parent.clone(), tgtkey.clone())),
        _ => Err(vm.type_error("not a _grouper object")),
    }
}

fn is_current(vm: &Vm, parent: &Value, me: &Value) -> PyResult<bool> {
    match parent.downcast::<ItObj>() {
        Some(p) => Ok(matches!(&*p.st(vm)?, St::GroupBy { grouper, .. } if *grouper == me.bits())),
        None => Ok(false),
    }
}

fn grouper_next(vm: &mut Vm, args: Args) -> PyResult {
    let (parent, tgtkey) = grouper_parts(vm, &args, "__next__")?;
    if !is_current(vm, &parent, &args.pos[0])? {
        return stop(vm);
    }
    let Some(p) = parent.downcast::<ItObj>() else {
        return stop(vm);
    };
    let has_value = matches!(&*p.st(vm)?, St::GroupBy { currvalue, .. } if !currvalue.is_null());
    if !has_value && !step(vm, p)? {
        return stop(vm);
    }
    let cur = match &*p.st(vm)? {
        St::GroupBy { currkey, .. } => currkey.clone(),
        _ => return stop(vm),
    };
    if cur.is_null() || !vm.eq(&tgtkey, &cur)? {
        return stop(vm);
    }
    let r = match &mut *p.st(vm)? {
        St::GroupBy {
            currvalue, currkey, ..
        } => {
            let ck = std::mem::replace(currkey, Value::NULL);
            let v = std::mem::replace(currvalue, Value::NULL);
            Some((v, ck))
        }
        _ => None,
    };
    match r {
        Some((v, _)) if !v.is_null() => Ok(v),
        _ => stop(vm),
    }
}

fn grouper_reduce(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__reduce__")?;
    let (parent, tgtkey) = grouper_parts(vm, &args, "__reduce__")?;
    if !is_current(vm, &parent, &args.pos[0])? {
        let iter = dict_get_str(&vm.builtins, "iter").unwrap_or(Value::NONE);
        let empty = vm.empty_tuple.clone();
        let a = vm.new_tuple(vec![empty]);
        return Ok(vm.new_tuple(vec![iter, a]));
    }
    let t = vm.type_of(&args.pos[0]);
    let a = vm.new_tuple(vec![parent, tgtkey]);
    Ok(vm.new_tuple(vec![t, a]))
}
