//! Small interpreter-level modules: `_warnings` (delegating to the pure
//! `warnings` module), `atexit`, `_opcode` and `_string`-free helpers that
//! need nothing but the VM.
//!
//! Invariant: `_warnings` deliberately lacks `filters`, so `warnings.py`
//! keeps its own pure-Python filter state (one source of truth), while
//! native code and `importlib` can still call `_warnings.warn`.

use adder_object::Value;

use crate::native::{module_add_fns, module_get, module_set};
use crate::ops::check_args;
use crate::vm::{Args, PyResult, Vm};

// ----- _warnings ------------------------------------------------------------------

fn warnings_module(vm: &mut Vm) -> PyResult {
    crate::native::import(vm, "warnings")
}

fn warnings_warn(vm: &mut Vm, args: Args) -> PyResult {
    let w = warnings_module(vm)?;
    let f = vm.getattr_str(&w, "warn")?;
    vm.call_args(&f, args)
}

fn warnings_warn_explicit(vm: &mut Vm, args: Args) -> PyResult {
    let w = warnings_module(vm)?;
    let f = vm.getattr_str(&w, "warn_explicit")?;
    vm.call_args(&f, args)
}

pub fn init_warnings(vm: &mut Vm, m: &Value) -> PyResult<()> {
    module_add_fns(
        vm,
        m,
        &[
            ("warn", warnings_warn),
            ("warn_explicit", warnings_warn_explicit),
        ],
    );
    Ok(())
}

// ----- atexit -----------------------------------------------------------------------

const ATEXIT_KEY: &str = "_adder_callbacks";

fn atexit_list(vm: &mut Vm) -> PyResult {
    let m = crate::native::import(vm, "atexit")?;
    module_get(&m, ATEXIT_KEY).ok_or_else(|| vm.system_error("atexit state lost"))
}

fn atexit_register(vm: &mut Vm, args: Args) -> PyResult {
    let Some(f) = args.pos.first().cloned() else {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    };
    if !vm.callable(&f) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let l = atexit_list(vm)?;
    let pos = vm.new_tuple(args.pos[1..].to_vec());
    let kw = vm.new_dict();
    for (k, v) in args.kw {
        vm.dict_set(&kw, k, v)?;
    }
    let entry = vm.new_tuple(vec![f.clone(), pos, kw]);
    vm.call_method(&l, "append", vec![entry])?;
    Ok(f)
}

fn atexit_unregister(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "unregister", &args, 1, 1)?;
    let l = atexit_list(vm)?;
    let items = vm.iterate(&l)?;
    let mut keep = Vec::new();
    for e in items {
        let f = vm.getitem(&e, &Value::small_int(0).unwrap())?;
        if !vm.eq(&f, &args.pos[0])? {
            keep.push(e);
        }
    }
    let list = l
        .downcast::<crate::objects::seq::List>()
        .ok_or_else(|| vm.system_error("atexit state lost"))?;
    *list.items.borrow_mut() = keep;
    Ok(Value::NONE)
}

/// Runs the callbacks, last registered first; errors are reported and the
/// rest still run. Called at interpreter exit and by `atexit._run_exitfuncs`.
pub fn run_exitfuncs(vm: &mut Vm) {
    if !vm.modules_contains("atexit") {
        return;
    }
    let Ok(l) = atexit_list(vm) else { return };
    let Some(list) = l.downcast::<crate::objects::seq::List>() else {
        return;
    };
    let items: Vec<Value> = std::mem::take(&mut *list.items.borrow_mut());
    for e in items.into_iter().rev() {
        let Some(t) = e.downcast::<crate::objects::seq::Tuple>() else {
            continue;
        };
        let (f, pos, kw) = (t.items[0].clone(), t.items[1].clone(), t.items[2].clone());
        let pos = pos
            .downcast::<crate::objects::seq::Tuple>()
            .map(|t| t.items.to_vec())
            .unwrap_or_default();
        let kw = kw
            .downcast::<crate::objects::dict::Dict>()
            .map(|d| d.items())
            .unwrap_or_default();
        if let Err(err) = vm.call_args(
            &f,
            Args {
                pos: pos.into(),
                kw,
            },
        ) {
            if vm.exc_matches(&err, &vm.t.system_exit.clone()) {
                continue;
            }
            vm.report_unraisable_atexit(&err, &f);
        }
    }
}

fn atexit_run(vm: &mut Vm, _args: Args) -> PyResult {
    run_exitfuncs(vm);
    Ok(Value::NONE)
}

fn atexit_clear(vm: &mut Vm, _args: Args) -> PyResult {
    let l = atexit_list(vm)?;
    vm.call_method(&l, "clear", vec![])?;
    Ok(Value::NONE)
}

fn atexit_ncallbacks(vm: &mut Vm, _args: Args) -> PyResult {
    let l = atexit_list(vm)?;
    let n = vm.len(&l)?;
    Ok(vm.new_int(n as i64))
}

pub fn init_atexit(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let l = vm.new_list(vec![]);
    module_set(vm, m, ATEXIT_KEY, l);
    module_add_fns(
        vm,
        m,
        &[
            ("register", atexit_register),
            ("unregister", atexit_unregister),
            ("_run_exitfuncs", atexit_run),
            ("_clear", atexit_clear),
            ("_ncallbacks", atexit_ncallbacks),
        ],
    );
    Ok(())
}

impl Vm {
    fn modules_contains(&mut self, name: &str) -> bool {
        let mods = self.modules.clone();
        let k = self.new_str(name);
        matches!(self.dict_get(&mods, &k), Ok(Some(_)))
    }

    fn report_unraisable_atexit(&mut self, e: &Value, f: &Value) {
        self.report_unraisable_msg(e, Some("Exception ignored in atexit callback"), Some(f));
    }
}

// ----- _opcode ------------------------------------------------------------------------

/// `stack_effect` needs CPython's own bytecode, which Adder doesn't execute.
fn stack_effect(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.not_implemented_error("_opcode.stack_effect: Adder does not run CPython bytecode"))
}

pub fn init_opcode(vm: &mut Vm, m: &Value) -> PyResult<()> {
    module_add_fns(vm, m, &[("stack_effect", stack_effect)]);
    Ok(())
}
