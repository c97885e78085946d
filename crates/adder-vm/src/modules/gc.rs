//! `gc`: CPython's interface to the cycle collector (`crate::collector`)
//! and the tracked heap it walks.
//!
//! Invariant: every function reports the truth about Adder's heap: counts,
//! generations and object lists come from the tracked heap itself; the
//! state (enabled, thresholds, debug flags, `garbage`, `callbacks`) lives
//! in `Vm::gc`, so the collector sees what Python code set.

use adder_object::Value;

use crate::kinds;
use crate::native::{module_add_fns, module_add_ints, module_set};
use crate::ops::check_args;
use crate::vm::{Args, PyResult, Vm};

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    use num_traits::ToPrimitive;
    let b = vm.index(v)?;
    b.to_i64()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C long"))
}

fn generation_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    match int_arg(vm, v)? {
        -1 => Ok(None),
        g if g < 0 => Err(vm.value_error("generation parameter cannot be negative")),
        g if g > 2 => Err(vm.value_error(
            "generation parameter must be less than the number of available generations (3)",
        )),
        g => Ok(Some(g as usize)),
    }
}

fn collect(vm: &mut Vm, args: Args) -> PyResult {
    let mut args = args;
    let kw = args.take_kw("generation");
    check_args(vm, "collect", &args, 0, 1)?;
    let g = match args.pos.first().or(kw.as_ref()) {
        None => 2,
        Some(v) => {
            let g = int_arg(vm, v)?;
            if !(0..=2).contains(&g) {
                return Err(vm.value_error("invalid generation"));
            }
            g as usize
        }
    };
    vm.run_pending();
    let n = vm.collect_garbage(g);
    vm.run_pending();
    Ok(vm.new_int(n as i64))
}

fn set_enabled(vm: &mut Vm, on: bool) -> PyResult {
    vm.gc.enabled = on;
    vm.gc.arm();
    Ok(Value::NONE)
}
fn enable(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "enable", &args, 0, 0)?;
    set_enabled(vm, true)
}
fn disable(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "disable", &args, 0, 0)?;
    set_enabled(vm, false)
}
fn isenabled(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "isenabled", &args, 0, 0)?;
    Ok(Value::from_bool(vm.gc.enabled))
}

fn ints(vm: &Vm, xs: &[usize]) -> Value {
    let items = xs.iter().map(|&x| vm.new_int(x as i64)).collect();
    vm.new_tuple(items)
}

fn get_threshold(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "get_threshold", &args, 0, 0)?;
    Ok(ints(vm, &vm.gc.threshold.clone()))
}
fn set_threshold(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "set_threshold", &args, 1, 3)?;
    let mut t = vm.gc.threshold;
    for (i, v) in args.pos.iter().enumerate() {
        let Some(n) =
            crate::num::as_i64(v).filter(|_| !v.is_ptr() || v.kind() == Some(kinds::BIGINT))
        else {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            )));
        };
        t[i] = n.max(0) as usize;
    }
    vm.gc.threshold = t;
    vm.gc.arm();
    Ok(Value::NONE)
}
fn get_count(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "get_count", &args, 0, 0)?;
    let young = adder_object::cycles::young_count();
    Ok(ints(vm, &[young, vm.gc.count[0], vm.gc.count[1]]))
}

/// Whether the collector tracks `v`: objects that can hold references
/// live in the tracked heap; a tuple of atoms stops being examined at the
/// first collection it survives, as in CPython (CPython also untracks
/// some dicts; Adder does not).
fn is_tracked(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "is_tracked", &args, 1, 1)?;
    // Immortal objects (builtin types, interned strings) are never examined.
    let r = args.pos[0]
        .header()
        .is_some_and(|h| h.is_gc_candidate() && h.refcount() != adder_object::heap::IMMORTAL);
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
                if !x.is_null() {
                    out.push(x.clone());
                }
            });
        }
    }
    Ok(vm.new_list(out))
}

fn get_referrers(vm: &mut Vm, args: Args) -> PyResult {
    let targets: std::collections::HashSet<u64> = args.pos.iter().map(|v| v.bits()).collect();
    let mut out = Vec::new();
    adder_object::cycles::for_each_tracked(|o| {
        let mut hit = false;
        if let Some(h) = o.header() {
            h.traverse(&mut |x| hit |= targets.contains(&x.bits()));
        }
        if hit {
            out.push(o);
        }
    });
    Ok(vm.new_list(out))
}

fn get_objects(vm: &mut Vm, mut args: Args) -> PyResult {
    let kw = args.take_kw("generation");
    check_args(vm, "get_objects", &args, 0, 1)?;
    let g = generation_arg(vm, args.pos.first().or(kw.as_ref()))?;
    let mut out = Vec::new();
    adder_object::cycles::for_each_tracked(|o| {
        let in_gen = match (g, o.header()) {
            _ if o.header().is_some_and(|h| !h.is_gc_candidate()) => false,
            (Some(g), Some(h)) => adder_object::cycles::generation_of(h) == g,
            _ => true,
        };
        if in_gen {
            out.push(o);
        }
    });
    Ok(vm.new_list(out))
}

/// `gc.freeze()` / `gc.unfreeze()`: every tracked object enters or leaves
/// the permanent generation.
fn set_frozen(vm: &mut Vm, args: Args, name: &str, on: bool) -> PyResult {
    check_args(vm, name, &args, 0, 0)?;
    adder_object::cycles::for_each_tracked(|o| {
        if let Some(h) = o.header() {
            if on {
                h.set_flag(adder_object::heap::FLAG_FROZEN);
            } else {
                h.clear_flag(adder_object::heap::FLAG_FROZEN);
            }
        }
    });
    Ok(Value::NONE)
}
fn freeze(vm: &mut Vm, args: Args) -> PyResult {
    set_frozen(vm, args, "freeze", true)
}
fn unfreeze(vm: &mut Vm, args: Args) -> PyResult {
    set_frozen(vm, args, "unfreeze", false)
}
fn get_freeze_count(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "get_freeze_count", &args, 0, 0)?;
    let mut n = 0i64;
    adder_object::cycles::for_each_tracked(|o| {
        n += i64::from(
            o.header()
                .is_some_and(|h| h.has_flag(adder_object::heap::FLAG_FROZEN)),
        );
    });
    Ok(vm.new_int(n))
}
fn get_stats(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "get_stats", &args, 0, 0)?;
    let mut gens = Vec::new();
    for s in vm.gc.stats {
        let d = vm.new_dict();
        for (k, n) in [
            ("collections", s.collections),
            ("collected", s.collected),
            ("uncollectable", s.uncollectable),
        ] {
            let n = vm.new_int(n as i64);
            crate::ops::dict_set_str(vm, &d, k, n)?;
        }
        gens.push(d);
    }
    Ok(vm.new_list(gens))
}
fn get_debug(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "get_debug", &args, 0, 0)?;
    Ok(vm.new_int(vm.gc.debug))
}
fn set_debug(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "set_debug", &args, 1, 1)?;
    vm.gc.debug = int_arg(vm, &args.pos[0])?;
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
            ("get_referrers", get_referrers),
            ("get_objects", get_objects),
            ("freeze", freeze),
            ("unfreeze", unfreeze),
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
    for name in ["garbage", "callbacks"] {
        let l = vm.new_list(vec![]);
        module_set(vm, m, name, l.clone());
        if name == "garbage" {
            vm.gc.garbage = l;
        } else {
            vm.gc.callbacks = l;
        }
    }
    Ok(())
}
