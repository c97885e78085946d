//! `breakpoint()` and `sys.breakpointhook` (PEP 553).
//!
//! Invariant: `breakpoint(*a, **k)` only forwards to whatever
//! `sys.breakpointhook` currently is; the default hook (also kept as
//! `sys.__breakpointhook__`) reads `$PYTHONBREAKPOINT` on every call (unless
//! `-E`), so changes to `os.environ` take effect at once, as in CPython.

use adder_object::Value;

use crate::vm::{Args, PyResult, Vm};

/// `breakpoint(*args, **kws)`: calls `sys.breakpointhook(*args, **kws)`.
fn breakpoint(vm: &mut Vm, args: Args) -> PyResult {
    let sys = vm.sys_module.clone();
    let hook = match vm.getattr_str(&sys, "breakpointhook") {
        Ok(h) => h,
        Err(e) if vm.exc_matches(&e, &vm.t.attribute_error.clone()) => {
            return Err(vm.runtime_error("lost sys.breakpointhook"));
        }
        Err(e) => return Err(e),
    };
    vm.call_args(&hook, args)
}

/// The hook `$PYTHONBREAKPOINT` names: `None` for "0" (breakpoints off),
/// `Err(None)` when it cannot be imported (the caller warns).
fn hook_from_env(vm: &mut Vm, envar: &str) -> Result<Option<Value>, Option<Value>> {
    if envar == "0" {
        return Ok(None);
    }
    let (module, attr) = match envar.rsplit_once('.') {
        None => ("builtins", envar),
        Some(("", _)) => return Err(None),
        Some((m, a)) => (m, a),
    };
    if module.split('.').any(str::is_empty) {
        return Err(None);
    }
    let m = match crate::import::import_absolute(vm, module) {
        Ok(m) => m,
        Err(e) if vm.exc_matches(&e, &vm.t.import_error.clone()) => return Err(None),
        Err(e) => return Err(Some(e)),
    };
    match vm.getattr_str(&m, attr) {
        Ok(h) => Ok(Some(h)),
        Err(e) if vm.exc_matches(&e, &vm.t.attribute_error.clone()) => Err(None),
        Err(e) => Err(Some(e)),
    }
}

/// The default `sys.breakpointhook`: `$PYTHONBREAKPOINT` (default
/// `pdb.set_trace`) imported and called with the arguments.
fn breakpointhook(vm: &mut Vm, args: Args) -> PyResult {
    let env = if vm.flags.ignore_environment {
        None
    } else {
        vm.host.getenv(b"PYTHONBREAKPOINT")
    };
    let envar = match env {
        Some(v) if !v.is_empty() => String::from_utf8_lossy(&v).into_owned(),
        _ => "pdb.set_trace".to_string(),
    };
    match hook_from_env(vm, &envar) {
        Ok(None) => Ok(Value::NONE),
        Ok(Some(hook)) => vm.call_args(&hook, args),
        Err(Some(e)) => Err(e),
        Err(None) => {
            let c = vm.t.runtime_warning.clone();
            vm.warn(
                &c,
                &format!("Ignoring unimportable $PYTHONBREAKPOINT: \"{envar}\""),
                0,
            )?;
            Ok(Value::NONE)
        }
    }
}

/// Registers `breakpoint` in builtins.
pub fn init(vm: &mut Vm) {
    vm.add_builtin("breakpoint", breakpoint);
}

/// Puts the default hook in the `sys` namespace `d`, as both
/// `breakpointhook` and `__breakpointhook__` (one object).
pub fn setup_sys(vm: &mut Vm, sys: &Value, d: &Value) {
    let hook = vm.new_native(
        "breakpointhook",
        breakpointhook,
        crate::objects::function::NativeKind::Function,
        sys.clone(),
    );
    let _ = crate::ops::dict_set_str(vm, d, "breakpointhook", hook.clone());
    let _ = crate::ops::dict_set_str(vm, d, "__breakpointhook__", hook);
}
