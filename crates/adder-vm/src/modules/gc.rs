//! `gc`: the interface of CPython's collector over Adder's reference
//! counting. Until the cycle collector lands (issue 4), `collect()` runs the
//! pending finalisers and weakref callbacks and reports 0 objects found,
//! because nothing here looks for unreachable cycles yet.
//!
//! Invariant: every function reports the truth about Adder's heap; what
//! cannot be answered without the collector's object walk
//! (`get_objects`, `get_referrers`) raises NotImplementedError.

use adder_object::Value;

use crate::kinds;
use crate::native::{module_add_fns, module_add_ints, module_get, module_set};
use crate::ops::check_args;
use crate::vm::{Args, PyResult, Vm};

fn collect(vm: &mut Vm, args: Args) -> PyResult {
    let mut args = args;
    let _ = args.take_kw("generation");
    check_args(vm, "collect", &args, 0, 1)?;
    if let Some(g) = args.pos.first() {
        let g = crate::num::as_i64(g).unwrap_or(-1);
        if !(0..=2).contains(&g) {
            return Err(vm.value_error("invalid generation"));
        }
    }
    vm.run_pending();
    Ok(vm.new_int(0))
}

fn set_enabled(vm: &mut Vm, on: bool) -> PyResult {
    let m = crate::native::import(vm, "gc")?;
    module_set(vm, &m, "_enabled", Value::from_bool(on));
    Ok(Value::NONE)
}
fn enable(vm: &mut Vm, _args: Args) -> PyResult {
    set_enabled(vm, true)
}
fn disable(vm: &mut Vm, _args: Args) -> PyResult {
    set_enabled(vm, false)
}
fn isenabled(vm: &mut Vm, _args: Args) -> PyResult {
    state(vm, "_enabled")
}

fn state(vm: &mut Vm, key: &str) -> PyResult {
    let m = crate::native::import(vm, "gc")?;
    module_get(&m, key).ok_or_else(|| vm.system_error("gc state lost"))
}

fn get_threshold(vm: &mut Vm, _args: Args) -> PyResult {
    state(vm, "_thresholds")
}
fn set_threshold(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "set_threshold", &args, 1, 3)?;
    let old = state(vm, "_thresholds")?;
    let mut t = vm.iterate(&old)?;
    for (i, v) in args.pos.iter().enumerate() {
        if crate::num::as_i64(v).is_none() {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            )));
        }
        t[i] = v.clone();
    }
    let m = crate::native::import(vm, "gc")?;
    let nt = vm.new_tuple(t);
    module_set(vm, &m, "_thresholds", nt);
    Ok(Value::NONE)
}
fn get_count(vm: &mut Vm, _args: Args) -> PyResult {
    let z = vm.new_int(0);
    Ok(vm.new_tuple(vec![z.clone(), z.clone(), z]))
}

/// Whether the collector would track `v`: containers that can hold other
/// objects (CPython's rule, minus its untracking optimisations).
fn is_tracked(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "is_tracked", &args, 1, 1)?;
    let v = &args.pos[0];
    let r = match v.kind() {
        None => false,
        Some(kinds::STR | kinds::BYTES | kinds::BIGINT | kinds::FLOAT | kinds::COMPLEX) => false,
        Some(_) => true,
    };
    Ok(Value::from_bool(r))
}

fn is_finalized(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "is_finalized", &args, 1, 1)?;
    let r = args.pos[0]
        .header()
        .is_some_and(|h| h.has_flag(adder_object::heap::FLAG_FINALIZED));
    Ok(Value::from_bool(r))
}

fn get_referents(vm: &mut Vm, args: Args) -> PyResult {
    let mut out = Vec::new();
    for v in &args.pos {
        if let Some(h) = v.header() {
            h.traverse(&mut |x| {
                if x.header().is_some() {
                    out.push(x.clone());
                }
            });
        }
    }
    Ok(vm.new_list(out))
}

fn needs_collector(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.not_implemented_error(
        "gc.get_objects()/get_referrers() need the cycle collector's heap walk (not yet in Adder)",
    ))
}

fn freeze(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::NONE)
}
fn get_freeze_count(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.new_int(0))
}
fn get_stats(vm: &mut Vm, _args: Args) -> PyResult {
    let mut gens = Vec::new();
    for _ in 0..3 {
        let d = vm.new_dict();
        for k in ["collections", "collected", "uncollectable"] {
            let z = vm.new_int(0);
            crate::ops::dict_set_str(vm, &d, k, z)?;
        }
        gens.push(d);
    }
    Ok(vm.new_list(gens))
}
fn get_debug(vm: &mut Vm, _args: Args) -> PyResult {
    state(vm, "_debug")
}
fn set_debug(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "set_debug", &args, 1, 1)?;
    let m = crate::native::import(vm, "gc")?;
    module_set(vm, &m, "_debug", args.pos[0].clone());
    Ok(Value::NONE)
}

pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    module_add_fns(
        vm,
        m,
        &[
            ("collect", collect),
            ("enable", enable),
            ("disable", disable),
            ("isenabled", isenabled),
            ("get_threshold", get_threshold),
            ("set_threshold", set_threshold),
            ("get_count", get_count),
            ("is_tracked", is_tracked),
            ("is_finalized", is_finalized),
            ("get_referents", get_referents),
            ("get_referrers", needs_collector),
            ("get_objects", needs_collector),
            ("freeze", freeze),
            ("unfreeze", freeze),
            ("get_freeze_count", get_freeze_count),
            ("get_stats", get_stats),
            ("get_debug", get_debug),
            ("set_debug", set_debug),
        ],
    );
    module_add_ints(
        vm,
        m,
        &[
            ("DEBUG_STATS", 1),
            ("DEBUG_COLLECTABLE", 2),
            ("DEBUG_UNCOLLECTABLE", 4),
            ("DEBUG_SAVEALL", 32),
            ("DEBUG_LEAK", 38),
        ],
    );
    let t = [700, 10, 10].iter().map(|&n| vm.new_int(n)).collect();
    let t = vm.new_tuple(t);
    module_set(vm, m, "_thresholds", t);
    let z = vm.new_int(0);
    module_set(vm, m, "_debug", z);
    module_set(vm, m, "_enabled", Value::TRUE);
    for name in ["garbage", "callbacks"] {
        let l = vm.new_list(vec![]);
        module_set(vm, m, name, l);
    }
    Ok(())
}
