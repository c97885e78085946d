//! `count`, `cycle`, `repeat`, `accumulate`, `chain`, `pairwise`, `islice`
//! and `zip_longest`.
//!
//! Invariant: see the module: state is cloned out before Python code runs
//! and stored back after; exhaustion drops the source iterator to NULL.

use adder_bytecode::BinOp;
use adder_object::Value;
use adder_vm::num::{as_float, as_i64, is_int};
use adder_vm::objects::seq::{List, Tuple};
use adder_vm::ops::type_lookup;
use adder_vm::{Args, PyResult, Vm};

use super::{alloc, declare, this, St};
use crate::args::{check_pos, no_kw, noargs, onearg, Clinic};
use crate::{short_type_name, stop};

pub fn init(vm: &mut Vm, m: &Value) {
    declare(
        vm,
        m,
        "count",
        true,
        count_new,
        count_next,
        &[("__repr__", count_repr), ("__reduce__", count_reduce)],
    );
    declare(
        vm,
        m,
        "cycle",
        true,
        cycle_new,
        cycle_next,
        &[
            ("__reduce__", cycle_reduce),
            ("__setstate__", cycle_setstate),
        ],
    );
    declare(
        vm,
        m,
        "repeat",
        true,
        repeat_new,
        repeat_next,
        &[
            ("__repr__", repeat_repr),
            ("__reduce__", repeat_reduce),
            ("__length_hint__", repeat_length_hint),
        ],
    );
    declare(
        vm,
        m,
        "accumulate",
        true,
        accumulate_new,
        accumulate_next,
        &[
            ("__reduce__", accumulate_reduce),
            ("__setstate__", accumulate_setstate),
        ],
    );
    let chain = declare(
        vm,
        m,
        "chain",
        true,
        chain_new,
        chain_next,
        &[
            ("__reduce__", chain_reduce),
            ("__setstate__", chain_setstate),
        ],
    );
    vm.add_classmethod(&chain, "from_iterable", chain_from_iterable);
    vm.add_classmethod(&chain, "__class_getitem__", crate::class_getitem);
    declare(vm, m, "pairwise", true, pairwise_new, pairwise_next, &[]);
    declare(
        vm,
        m,
        "islice",
        true,
        islice_new,
        islice_next,
        &[
            ("__reduce__", islice_reduce),
            ("__setstate__", islice_setstate),
        ],
    );
    declare(
        vm,
        m,
        "zip_longest",
        true,
        zip_longest_new,
        zip_longest_next,
        &[
            ("__reduce__", zip_longest_reduce),
            ("__setstate__", zip_longest_setstate),
        ],
    );
}

/// `state is not a tuple` unless `v` is a tuple; its items.
pub fn state_tuple(vm: &Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v.downcast::<Tuple>() {
        Some(t) => Ok(t.items.to_vec()),
        None => Err(vm.type_error("state is not a tuple")),
    }
}

fn or_none(v: &Value) -> Value {
    if v.is_null() {
        Value::NONE
    } else {
        v.clone()
    }
}

// ----- count ------------------------------------------------------------------------

/// CPython's `PyNumber_Check`.
fn is_number(vm: &mut Vm, v: &Value) -> bool {
    if is_int(v) || as_float(v).is_some() || adder_vm::num::as_complex(v).is_some() {
        return true;
    }
    let t = vm.type_of(v);
    ["__index__", "__int__", "__float__"].iter().any(|n| {
        let n = vm.intern(n);
        type_lookup(&t, &n).is_some_and(|f| !f.is_none())
    })
}

fn count_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    let a = Clinic {
        fname: "count",
        names: &["start", "step"],
        posonly: 0,
        minpos: 0,
        maxpos: 2,
    }
    .parse(vm, &args.pos[1..], &args.kw)?;
    let start = a[0].clone();
    let step = a[1].clone();
    for v in [&start, &step].into_iter().flatten() {
        if !is_number(vm, v) {
            return Err(vm.type_error("a number is required"));
        }
    }
    let step_one = step
        .as_ref()
        .is_none_or(|s| is_int(s) && as_i64(s) == Some(1));
    let start_v = start.unwrap_or(Value::small_int(0).unwrap_or(Value::NONE));
    let fast_cnt = if is_int(&start_v) {
        as_i64(&start_v).filter(|&i| i != i64::MAX)
    } else {
        None
    };
    let (cnt, fast) = match fast_cnt {
        Some(i) if step_one => (vm.new_int(i), true),
        _ => (start_v, false),
    };
    let step = if step_one {
        vm.new_int(1)
    } else {
        step.unwrap_or(Value::NONE)
    };
    Ok(alloc(vm, &cls, St::Count { cnt, step, fast }))
}

fn count_next(vm: &mut Vm, args: Args) -> PyResult {
    let o = this(vm, &args, "count", "__next__")?;
    let (cnt, step) = {
        let st = o.st(vm)?;
        let St::Count { cnt, step, .. } = &*st else {
            return stop(vm);
        };
        (cnt.clone(), step.clone())
    };
    let next = match (cnt.as_small_int(), step.as_small_int()) {
        (Some(a), Some(b)) => match a.checked_add(b) {
            Some(s) => vm.new_int(s),
            None => vm.binary_op(&cnt, &step, BinOp::Add, false)?,
        },
        _ => vm.binary_op(&cnt, &step, BinOp::Add, false)?,
    };
    let mut st = o.st(vm)?;
    if let St::Count { cnt: c, fast, .. } = &mut *st {
        if *fast && as_i64(&next) == Some(i64::MAX) {
            *fast = false;
        }
        *c = next;
    }
    Ok(cnt)
}

fn count_parts(vm: &Vm, args: &Args, meth: &str) -> PyResult<(Value, Value, bool)> {
    let o = this(vm, args, "count", meth)?;
    let st = o.st(vm)?;
    match &*st {
        St::Count { cnt, step, fast } => Ok((cnt.clone(), step.clone(), *fast)),
        _ => Err(vm.type_error("not a count object")),
    }
}

fn count_repr(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__repr__")?;
    let (cnt, step, _) = count_parts(vm, &args, "__repr__")?;
    let name = short_type_name(vm, &args.pos[0]);
    let c = vm.repr_string(&cnt)?;
    if is_int(&step) && as_i64(&step) == Some(1) {
        return Ok(vm.new_string(format!("{name}({c})")));
    }
    let s = vm.repr_string(&step)?;
    Ok(vm.new_string(format!("{name}({c}, {s})")))
}

fn count_reduce(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__reduce__")?;
    let (cnt, step, fast) = count_parts(vm, &args, "__reduce__")?;
    let t = vm.type_of(&args.pos[0]);
    let a = if fast {
        vm.new_tuple(vec![cnt])
    } else {
        vm.new_tuple(vec![cnt, step])
    };
    Ok(vm.new_tuple(vec![t, a]))
}

// ----- cycle ------------------------------------------------------------------------

fn cycle_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    super::new_no_kw(vm, &args, "cycle")?;
    check_pos(vm, "cycle", args.pos.len().saturating_sub(1), 1, 1)?;
    let it = vm.iter(&args.pos[1])?;
    let saved = vm.new_list(Vec::new());
    Ok(alloc(
        vm,
        &cls,
        St::Cycle {
            it,
            saved,
            index: 0,
            firstpass: false,
        },
    ))
}

fn cycle_next(vm: &mut Vm, args: Args) -> PyResult {
    let o = this(vm, &args, "cycle", "__next__")?;
    let (it, saved, firstpass) = {
        let st = o.st(vm)?;
        let St::Cycle {
            it,
            saved,
            firstpass,
            ..
        } = &*st
        else {
            return stop(vm);
        };
        (it.clone(), saved.clone(), *firstpass)
    };
    if !it.is_null() {
        if let Some(item) = vm.next(&it)? {
            if !firstpass {
                if let Some(l) = saved.downcast::<List>() {
                    l.push(item.clone());
                }
            }
            return Ok(item);
        }
        if let St::Cycle { it, .. } = &mut *o.st(vm)? {
            *it = Value::NULL;
        }
    }
    let mut st = o.st(vm)?;
    let St::Cycle { saved, index, .. } = &mut *st else {
        return stop(vm);
    };
    let Some(l) = saved.downcast::<List>() else {
        return stop(vm);
    };
    let n = l.len();
    if n == 0 {
        drop(st);
        return stop(vm);
    }
    if *index >= n {
        *index = 0;
    }
    let item = l.get(*index);
    *index += 1;
    if *index >= n {
        *index = 0;
    }
    drop(st);
    match item {
        Some(v) => Ok(v),
        None => stop(vm),
    }
}

fn cycle_reduce(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__reduce__")?;
    let o = this(vm, &args, "cycle", "__reduce__")?;
    let (it, saved, index, firstpass) = match &*o.st(vm)? {
        St::Cycle {
            it,
            saved,
            index,
            firstpass,
        } => (it.clone(), saved.clone(), *index, *firstpass),
        _ => return Err(vm.type_error("not a cycle object")),
    };
    let t = vm.type_of(&args.pos[0]);
    if it.is_null() {
        // The first pass is over: resume from `index` with an iterator
        // over the rest of `saved` (not appended again: firstpass=True).
        let rest = saved
            .downcast::<List>()
            .map(|l| l.snapshot().into_iter().skip(index).collect())
            .unwrap_or_default();
        let rest = vm.new_list(rest);
        let it = vm.iter(&rest)?;
        let a = vm.new_tuple(vec![it]);
        let s = vm.new_tuple(vec![saved, Value::TRUE]);
        return Ok(vm.new_tuple(vec![t, a, s]));
    }
    let a = vm.new_tuple(vec![it]);
    let s = vm.new_tuple(vec![saved, Value::from_bool(firstpass)]);
    Ok(vm.new_tuple(vec![t, a, s]))
}

fn cycle_setstate(vm: &mut Vm, args: Args) -> PyResult {
    let state = onearg(vm, &args, "__setstate__")?;
    let o = this(vm, &args, "cycle", "__setstate__")?;
    let items = state_tuple(vm, &state)?;
    if items.len() != 2 {
        return Err(vm.type_error(format!(
            "function takes exactly 2 arguments ({} given)",
            items.len()
        )));
    }
    if items[0].downcast::<List>().is_none() {
        return Err(vm.type_error(format!(
            "argument 1 must be list, not {}",
            vm.type_name(&items[0])
        )));
    }
    if as_float(&items[1]).is_some() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let fp = vm.index(&items[1])?;
    let mut st = o.st(vm)?;
    if let St::Cycle {
        saved,
        index,
        firstpass,
        ..
    } = &mut *st
    {
        *saved = items[0].clone();
        *index = 0;
        *firstpass = fp != num_bigint::BigInt::from(0);
    }
    Ok(Value::NONE)
}

// ----- repeat -----------------------------------------------------------------------

fn repeat_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    let a = Clinic {
        fname: "repeat",
        names: &["object", "times"],
        posonly: 0,
        minpos: 1,
        maxpos: 2,
    }
    .parse(vm, &args.pos[1..], &args.kw)?;
    let elem = a[0].clone().unwrap_or(Value::NONE);
    let cnt = match &a[1] {
        None => -1,
        Some(t) => crate::args::ssize(vm, t)?.max(0),
    };
    Ok(alloc(vm, &cls, St::Repeat { elem, cnt }))
}

fn repeat_next(vm: &mut Vm, args: Args) -> PyResult {
    let o = this(vm, &args, "repeat", "__next__")?;
    let mut st = o.st(vm)?;
    let St::Repeat { elem, cnt } = &mut *st else {
        drop(st);
        return stop(vm);
    };
    if *cnt == 0 {
        drop(st);
        return stop(vm);
    }
    if *cnt > 0 {
        *cnt -= 1;
    }
    Ok(elem.clone())
}

fn repeat_parts(vm: &Vm, args: &Args, meth: &str) -> PyResult<(Value, i64)> {
    let o = this(vm, args, "repeat", meth)?;
    let st = o.st(vm)?;
    match &*st {
        St::Repeat { elem, cnt } => Ok((elem.clone(), *cnt)),
        _ => Err(vm.type_error("not a repeat object")),
    }
}

fn repeat_repr(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__repr__")?;
    let (elem, cnt) = repeat_parts(vm, &args, "__repr__")?;
    let name = short_type_name(vm, &args.pos[0]);
    let e = vm.nested(" while getting the repr of an object", |vm| {
        vm.repr_string(&elem)
    })?;
    Ok(vm.new_string(if cnt < 0 {
        format!("{name}({e})")
    } else {
        format!("{name}({e}, {cnt})")
    }))
}

fn repeat_reduce(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__reduce__")?;
    let (elem, cnt) = repeat_parts(vm, &args, "__reduce__")?;
    let t = vm.type_of(&args.pos[0]);
    let a = if cnt < 0 {
        vm.new_tuple(vec![elem])
    } else {
        let c = vm.new_int(cnt);
        vm.new_tuple(vec![elem, c])
    };
    Ok(vm.new_tuple(vec![t, a]))
}

fn repeat_length_hint(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__length_hint__")?;
    let (_, cnt) = repeat_parts(vm, &args, "__length_hint__")?;
    if cnt < 0 {
        return Err(vm.type_error("len() of unsized object"));
    }
    Ok(vm.new_int(cnt))
}

// ----- accumulate -------------------------------------------------------------------

fn accumulate_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    let a = Clinic {
        fname: "accumulate",
        names: &["iterable", "func", "initial"],
        posonly: 0,
        minpos: 1,
        maxpos: 2,
    }
    .parse(vm, &args.pos[1..], &args.kw)?;
    let iterable = a[0].clone().unwrap_or(Value::NONE);
    let it = vm.iter(&iterable)?;
    let func = a[1].clone().filter(|f| !f.is_none()).unwrap_or(Value::NULL);
    let initial = a[2].clone().filter(|f| !f.is_none()).unwrap_or(Value::NULL);
    Ok(alloc(
        vm,
        &cls,
        St::Accumulate {
            it,
            func,
            total: Value::NULL,
            initial,
        },
    ))
}

fn accumulate_next(vm: &mut Vm, args: Args) -> PyResult {
    let o = this(vm, &args, "accumulate", "__next__")?;
    let (it, func, total) = {
        let mut st = o.st(vm)?;
        let St::Accumulate {
            it,
            func,
            total,
            initial,
        } = &mut *st
        else {
            return stop(vm);
        };
        if !initial.is_null() {
            let v = std::mem::replace(initial, Value::NULL);
            *total = v.clone();
            return Ok(v);
        }
        (it.clone(), func.clone(), total.clone())
    };
    let Some(val) = vm.next(&it)? else {
        return stop(vm);
    };
    let new = if total.is_null() {
        val
    } else if func.is_null() {
        vm.binary_op(&total, &val, BinOp::Add, false)?
    } else {
        vm.call(&func, vec![total, val])?
    };
    if let St::Accumulate { total, .. } = &mut *o.st(vm)? {
        *total = new.clone();
    }
    Ok(new)
}

fn accumulate_reduce(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__reduce__")?;
    let o = this(vm, &args, "accumulate", "__reduce__")?;
    let (it, func, total, initial) = match &*o.st(vm)? {
        St::Accumulate {
            it,
            func,
            total,
            initial,
        } => (it.clone(), or_none(func), total.clone(), initial.clone()),
        _ => return Err(vm.type_error("not an accumulate object")),
    };
    let t = vm.type_of(&args.pos[0]);
    let chain = crate::module_type(vm, "itertools", "chain")?;
    if !initial.is_null() {
        let first = vm.new_tuple(vec![initial]);
        let c = vm.call(&chain, vec![first, it])?;
        let a = vm.new_tuple(vec![c, func]);
        return Ok(vm.new_tuple(vec![t, a, Value::NONE]));
    }
    if total.is(&Value::NONE) {
        // A running total of None cannot be told from "no total yet":
        // islice(accumulate(chain((None,), it), func), 1, None).
        let first = vm.new_tuple(vec![Value::NONE]);
        let c = vm.call(&chain, vec![first, it])?;
        let acc = vm.call(&t, vec![c, func])?;
        let islice = crate::module_type(vm, "itertools", "islice")?;
        let one = vm.new_int(1);
        let a = vm.new_tuple(vec![acc, one, Value::NONE]);
        return Ok(vm.new_tuple(vec![islice, a]));
    }
    let a = vm.new_tuple(vec![it, func]);
    Ok(vm.new_tuple(vec![t, a, or_none(&total)]))
}

fn accumulate_setstate(vm: &mut Vm, args: Args) -> PyResult {
    let state = onearg(vm, &args, "__setstate__")?;
    let o = this(vm, &args, "accumulate", "__setstate__")?;
    if let St::Accumulate { total, .. } = &mut *o.st(vm)? {
        *total = state;
    }
    Ok(Value::NONE)
}

// ----- chain ------------------------------------------------------------------------

fn chain_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    super::new_no_kw(vm, &args, "chain")?;
    let t = vm.new_tuple(args.pos[1..].to_vec());
    let source = vm.iter(&t)?;
    Ok(alloc(
        vm,
        &cls,
        St::Chain {
            source,
            active: Value::NULL,
        },
    ))
}

fn chain_from_iterable(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "from_iterable")?;
    let n = args.pos.len().saturating_sub(1);
    if n != 1 {
        return Err(vm.type_error(format!(
            "chain.from_iterable() takes exactly one argument ({n} given)"
        )));
    }
    let cls = args.pos[0].clone();
    let source = vm.iter(&args.pos[1])?;
    Ok(alloc(
        vm,
        &cls,
        St::Chain {
            source,
            active: Value::NULL,
        },
    ))
}

fn chain_next(vm: &mut Vm, args: Args) -> PyResult {
    let o = this(vm, &args, "chain", "__next__")?;
    loop {
        let (source, active) = match &*o.st(vm)? {
            St::Chain { source, active } => (source.clone(), active.clone()),
            _ => return stop(vm),
        };
        if !active.is_null() {
            if let Some(v) = vm.next(&active)? {
                return Ok(v);
            }
            if let St::Chain { active: a, .. } = &mut *o.st(vm)? {
                if a.is(&active) {
                    *a = Value::NULL;
                }
            }
            continue;
        }
        if source.is_null() {
            return stop(vm);
        }
        match vm.next(&source)? {
            Some(iterable) => {
                let it = vm.iter(&iterable);
                let mut st = o.st(vm)?;
                if let St::Chain { active, source } = &mut *st {
                    match it {
                        Ok(it) => *active = it,
                        Err(e) => {
                            *source = Value::NULL;
                            return Err(e);
                        }
                    }
                }
            }
            None => {
                if let St::Chain { source, .. } = &mut *o.st(vm)? {
                    *source = Value::NULL;
                }
                return stop(vm);
            }
        }
    }
}

fn chain_reduce(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__reduce__")?;
    let o = this(vm, &args, "chain", "__reduce__")?;
    let (source, active) = match &*o.st(vm)? {
        St::Chain { source, active } => (source.clone(), active.clone()),
        _ => return Err(vm.type_error("not a chain object")),
    };
    let t = vm.type_of(&args.pos[0]);
    let empty = vm.empty_tuple.clone();
    if source.is_null() {
        return Ok(vm.new_tuple(vec![t, empty]));
    }
    let s = if active.is_null() {
        vm.new_tuple(vec![source])
    } else {
        vm.new_tuple(vec![source, active])
    };
    Ok(vm.new_tuple(vec![t, empty, s]))
}

fn is_iterator(vm: &mut Vm, v: &Value) -> bool {
    let t = vm.type_of(v);
    let n = vm.intern("__next__");
    type_lookup(&t, &n).is_some()
}

fn chain_setstate(vm: &mut Vm, args: Args) -> PyResult {
    let state = onearg(vm, &args, "__setstate__")?;
    let o = this(vm, &args, "chain", "__setstate__")?;
    let items = state_tuple(vm, &state)?;
    if items.is_empty() {
        return Err(vm.type_error("function takes at least 1 argument (0 given)"));
    }
    if items.len() > 2 {
        return Err(vm.type_error(format!(
            "function takes at most 2 arguments ({} given)",
            items.len()
        )));
    }
    for v in &items {
        if !is_iterator(vm, v) {
            return Err(vm.type_error("Arguments must be iterators."));
        }
    }
    if let St::Chain { source, active } = &mut *o.st(vm)? {
        *source = items[0].clone();
        *active = items.get(1).cloned().unwrap_or(Value::NULL);
    }
    Ok(Value::NONE)
}

// ----- pairwise ---------------------------------------------------------------------

fn pairwise_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    super::new_no_kw(vm, &args, "pairwise")?;
    check_pos(vm, "pairwise", args.pos.len().saturating_sub(1), 1, 1)?;
    let it = vm.iter(&args.pos[1])?;
    Ok(alloc(
        vm,
        &cls,
        St::Pairwise {
            it,
            old: Value::NULL,
        },
    ))
}

fn pairwise_next(vm: &mut Vm, args: Args) -> PyResult {
    let o = this(vm, &args, "pairwise", "__next__")?;
    let (it, old) = match &*o.st(vm)? {
        St::Pairwise { it, old } => (it.clone(), old.clone()),
        _ => return stop(vm),
    };
    if it.is_null() {
        return stop(vm);
    }
    let finish = |vm: &Vm| -> PyResult {
        if let St::Pairwise { it, old } = &mut *o.st(vm)? {
            *it = Value::NULL;
            *old = Value::NULL;
        }
        stop(vm)
    };
    let old = if old.is_null() {
        match vm.next(&it)? {
            Some(v) => {
                if let St::Pairwise { old, .. } = &mut *o.st(vm)? {
                    *old = v.clone();
                }
                v
            }
            None => return finish(vm),
        }
    } else {
        old
    };
    let Some(new) = vm.next(&it)? else {
        return finish(vm);
    };
    if let St::Pairwise { old: o2, .. } = &mut *o.st(vm)? {
        *o2 = new.clone();
    }
    Ok(vm.new_tuple(vec![old, new]))
}

// ----- islice -----------------------------------------------------------------------

/// `PyNumber_AsSsize_t(v, OverflowError)` with any error turned into -1
/// (CPython clears it and reports its own ValueError).
fn ssize_or_m1(vm: &mut Vm, v: &Value) -> i64 {
    match vm.index(v) {
        Ok(i) => {
            use num_traits::ToPrimitive;
            i.to_i64().unwrap_or(-1)
        }
        Err(_) => -1,
    }
}

const STOP_MSG: &str =
    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

fn islice_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    super::new_no_kw(vm, &args, "islice")?;
    let n = args.pos.len().saturating_sub(1);
    check_pos(vm, "islice", n, 2, 4)?;
    let seq = args.pos[1].clone();
    let mut start = 0;
    let mut stop = -1;
    let mut step = 1;
    if n == 2 {
        if !args.pos[2].is_none() {
            stop = ssize_or_m1(vm, &args.pos[2]);
            if stop == -1 {
                return Err(vm.value_error(STOP_MSG));
            }
        }
    } else {
        if !args.pos[2].is_none() {
            start = ssize_or_m1(vm, &args.pos[2]);
        }
        if !args.pos[3].is_none() {
            stop = ssize_or_m1(vm, &args.pos[3]);
            if stop == -1 {
                return Err(vm.value_error(STOP_MSG));
            }
        }
    }
    if start < 0 || stop < -1 {
        return Err(vm.value_error(
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        ));
    }
    if let Some(s) = args.pos.get(4) {
        if !s.is_none() {
            step = ssize_or_m1(vm, s);
        }
    }
    if step < 1 {
        return Err(vm.value_error("Step for islice() must be a positive integer or None."));
    }
    let it = vm.iter(&seq)?;
    Ok(alloc(
        vm,
        &cls,
        St::ISlice {
            it,
            next: start,
            stop,
            step,
            cnt: 0,
        },
    ))
}

fn islice_next(vm: &mut Vm, args: Args) -> PyResult {
    let o = this(vm, &args, "islice", "__next__")?;
    let exhaust = |vm: &Vm| -> PyResult {
        if let St::ISlice { it, .. } = &mut *o.st(vm)? {
            *it = Value::NULL;
        }
        stop(vm)
    };
    loop {
        let (it, next, stop_at, cnt) = match &*o.st(vm)? {
            St::ISlice {
                it,
                next,
                stop,
                cnt,
                ..
            } => (it.clone(), *next, *stop, *cnt),
            _ => return stop(vm),
        };
        if it.is_null() {
            return stop(vm);
        }
        if cnt < next {
            match vm.next(&it) {
                Ok(Some(_)) => {}
                Ok(None) => return exhaust(vm),
                Err(e) => {
                    let _ = exhaust(vm);
                    return Err(e);
                }
            }
            if let St::ISlice { cnt, .. } = &mut *o.st(vm)? {
                *cnt += 1;
            }
            continue;
        }
        if stop_at != -1 && cnt >= stop_at {
            return exhaust(vm);
        }
        let item = match vm.next(&it) {
            Ok(Some(v)) => v,
            Ok(None) => return exhaust(vm),
            Err(e) => {
                let _ = exhaust(vm);
                return Err(e);
            }
        };
        if let St::ISlice {
            cnt,
            next,
            step,
            stop,
            ..
        } = &mut *o.st(vm)?
        {
            *cnt += 1;
            let oldnext = *next;
            *next = next.saturating_add(*step);
            if *next < oldnext || (*stop != -1 && *next > *stop) {
                *next = *stop;
            }
        }
        return Ok(item);
    }
}

fn islice_reduce(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__reduce__")?;
    let o = this(vm, &args, "islice", "__reduce__")?;
    let (it, next, stop, step, cnt) = match &*o.st(vm)? {
        St::ISlice {
            it,
            next,
            stop,
            step,
            cnt,
        } => (it.clone(), *next, *stop, *step, *cnt),
        _ => return Err(vm.type_error("not an islice object")),
    };
    let t = vm.type_of(&args.pos[0]);
    if it.is_null() {
        let empty = vm.new_list(Vec::new());
        let e = vm.iter(&empty)?;
        let z = vm.new_int(0);
        let a = vm.new_tuple(vec![e, z]);
        return Ok(vm.new_tuple(vec![t, a]));
    }
    let stop_v = if stop == -1 {
        Value::NONE
    } else {
        vm.new_int(stop)
    };
    let nv = vm.new_int(next);
    let sv = vm.new_int(step);
    let a = vm.new_tuple(vec![it, nv, stop_v, sv]);
    let c = vm.new_int(cnt);
    Ok(vm.new_tuple(vec![t, a, c]))
}

fn islice_setstate(vm: &mut Vm, args: Args) -> PyResult {
    let state = onearg(vm, &args, "__setstate__")?;
    let o = this(vm, &args, "islice", "__setstate__")?;
    let Some(b) = adder_vm::num::as_bigint(&state) else {
        return Err(vm.type_error("an integer is required"));
    };
    let c = crate::args::big_ssize(vm, &b)?;
    if let St::ISlice { cnt, .. } = &mut *o.st(vm)? {
        *cnt = c;
    }
    Ok(Value::NONE)
}

// ----- zip_longest ------------------------------------------------------------------

fn zip_longest_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    let fill = args.take_kw("fillvalue").unwrap_or(Value::NONE);
    if !args.kw.is_empty() {
        return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
    }
    let mut iters = Vec::with_capacity(args.pos.len().saturating_sub(1));
    for a in &args.pos[1..] {
        iters.push(vm.iter(a)?);
    }
    let active = iters.len();
    Ok(alloc(
        vm,
        &cls,
        St::ZipLongest {
            iters,
            active,
            fill,
        },
    ))
}

fn zip_longest_next(vm: &mut Vm, args: Args) -> PyResult {
    let o = this(vm, &args, "zip_longest", "__next__")?;
    let (iters, active, fill) = match &*o.st(vm)? {
        St::ZipLongest {
            iters,
            active,
            fill,
        } => (iters.clone(), *active, fill.clone()),
        _ => return stop(vm),
    };
    if iters.is_empty() || active == 0 {
        return stop(vm);
    }
    let mut out = Vec::with_capacity(iters.len());
    for (i, it) in iters.iter().enumerate() {
        if it.is_null() {
            out.push(fill.clone());
            continue;
        }
        match vm.next(it)? {
            Some(v) => out.push(v),
            None => {
                let mut st = o.st(vm)?;
                let St::ZipLongest { iters, active, .. } = &mut *st else {
                    drop(st);
                    return stop(vm);
                };
                if let Some(slot) = iters.get_mut(i) {
                    if !slot.is_null() {
                        *slot = Value::NULL;
                        *active = active.saturating_sub(1);
                    }
                }
                if *active == 0 {
                    drop(st);
                    return stop(vm);
                }
                out.push(fill.clone());
            }
        }
    }
    Ok(vm.new_tuple(out))
}

fn zip_longest_reduce(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__reduce__")?;
    let o = this(vm, &args, "zip_longest", "__reduce__")?;
    let (iters, fill) = match &*o.st(vm)? {
        St::ZipLongest { iters, fill, .. } => (iters.clone(), fill.clone()),
        _ => return Err(vm.type_error("not a zip_longest object")),
    };
    let t = vm.type_of(&args.pos[0]);
    let items: Vec<Value> = iters
        .into_iter()
        .map(|v| {
            if v.is_null() {
                vm.empty_tuple.clone()
            } else {
                v
            }
        })
        .collect();
    let a = vm.new_tuple(items);
    Ok(vm.new_tuple(vec![t, a, fill]))
}

fn zip_longest_setstate(vm: &mut Vm, args: Args) -> PyResult {
    let state = onearg(vm, &args, "__setstate__")?;
    let o = this(vm, &args, "zip_longest", "__setstate__")?;
    if let St::ZipLongest { fill, .. } = &mut *o.st(vm)? {
        *fill = state;
    }
    Ok(Value::NONE)
}
