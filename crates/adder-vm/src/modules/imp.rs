//! `_imp` and the lazily "frozen" import machinery: `_frozen_importlib` and
//! `_frozen_importlib_external` are CPython's `importlib/_bootstrap*.py`
//! executed from the standard library on first use, so `importlib` (and
//! `importlib.import_module`, `importlib.util.find_spec`, `sys.meta_path`)
//! work exactly as the stdlib expects.
//!
//! Invariant: `import` statements keep using Adder's native import system;
//! both systems share `sys.modules`, so a module is never loaded twice.

use adder_compiler::Mode;
use adder_object::Value;

use crate::native::{is_native, module_add_fns, module_dict, module_get, module_set};
use crate::ops::check_args;
use crate::vm::{Args, PyResult, Vm};

fn name_arg(vm: &mut Vm, args: &Args, what: &str) -> PyResult<String> {
    let Some(v) = args.pos.first() else {
        return Err(vm.type_error(format!("{what}() missing required argument 'name' (pos 1)")));
    };
    v.downcast::<crate::objects::string::Str>()
        .map(|s| s.as_str().to_string())
        .ok_or_else(|| {
            vm.type_error(format!(
                "{what}() argument must be str, not {}",
                vm.type_name(v)
            ))
        })
}

fn is_builtin(vm: &mut Vm, args: Args) -> PyResult {
    let n = name_arg(vm, &args, "is_builtin")?;
    let r = if matches!(n.as_str(), "sys" | "builtins") {
        -1
    } else if is_native(vm, &n) {
        1
    } else {
        0
    };
    Ok(vm.new_int(r))
}

fn create_builtin(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "create_builtin", &args, 1, 1)?;
    let n = vm.getattr_str(&args.pos[0], "name")?;
    let n = vm.str_string(&n)?;
    match crate::native::load(vm, &n)? {
        Some(m) => Ok(m),
        None => Err(vm.new_exception_msg(
            &vm.t.import_error.clone(),
            format!("no built-in module named {n}"),
        )),
    }
}

fn zero(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.new_int(0))
}
fn none(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::NONE)
}
fn false_(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::FALSE)
}
fn empty_list(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.new_list(vec![]))
}
fn not_frozen(vm: &mut Vm, args: Args) -> PyResult {
    let n = name_arg(vm, &args, "get_frozen_object")?;
    Err(vm.new_exception_msg(
        &vm.t.import_error.clone(),
        format!("No such frozen object named '{n}'"),
    ))
}
fn no_dynamic(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.new_exception_msg(
        &vm.t.import_error.clone(),
        "Adder cannot load C extension modules",
    ))
}

/// `source_hash(key, source)`: 8 bytes identifying a source (for
/// hash-based .pyc files, which Adder never reads or writes).
fn source_hash(vm: &mut Vm, mut args: Args) -> PyResult {
    let mut key = args.take_kw("key");
    let mut src = args.take_kw("source");
    if key.is_none() {
        key = args.pos.first().cloned();
    }
    if src.is_none() {
        src = args.pos.get(1).cloned();
    }
    let (Some(key), Some(src)) = (key, src) else {
        return Err(vm.type_error("source_hash() missing required argument"));
    };
    let k = crate::num::as_i64(&key).unwrap_or(0) as u64;
    let bytes = crate::ops::bytes_of(&src)
        .ok_or_else(|| vm.type_error("source_hash() argument 'source' must be bytes"))?;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ k;
    for b in bytes.iter() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    Ok(vm.new_bytes(h.to_le_bytes().to_vec()))
}

pub fn init_imp(vm: &mut Vm, m: &Value) -> PyResult<()> {
    module_add_fns(
        vm,
        m,
        &[
            ("is_builtin", is_builtin),
            ("create_builtin", create_builtin),
            ("exec_builtin", zero),
            ("is_frozen", false_),
            ("is_frozen_package", false_),
            ("find_frozen", none),
            ("get_frozen_object", not_frozen),
            ("init_frozen", none),
            ("acquire_lock", none),
            ("release_lock", none),
            ("lock_held", false_),
            ("_fix_co_filename", none),
            ("extension_suffixes", empty_list),
            ("create_dynamic", no_dynamic),
            ("exec_dynamic", zero),
            ("source_hash", source_hash),
            // test.support toggles frozen modules; Adder freezes none.
            ("_override_frozen_modules_for_tests", none),
            ("_frozen_module_names", empty_list),
        ],
    );
    let never = vm.new_str("never");
    module_set(vm, m, "check_hash_based_pycs", never);
    Ok(())
}

/// Executes stdlib file `rel` (under the stdlib path) in module `m`.
fn exec_stdlib_file(vm: &mut Vm, m: &Value, rel: &str) -> PyResult<()> {
    let path = format!("{}/{rel}", vm.flags.stdlib_path.trim_end_matches('/'));
    let bytes = crate::import::read_file(vm, &path)?;
    let src = String::from_utf8_lossy(&bytes).into_owned();
    let code = vm.compile(&src, &path, Mode::Exec)?;
    let globals = module_dict(m);
    let frame = vm.make_module_frame(code, globals.clone(), globals);
    vm.run_frame(frame)?;
    Ok(())
}

/// `_frozen_importlib`: `importlib/_bootstrap.py`, installed on `sys` and
/// `_imp` (`sys.meta_path` gains BuiltinImporter, FrozenImporter and, via
/// `_frozen_importlib_external`, PathFinder and the FileFinder path hook).
pub fn init_bootstrap(vm: &mut Vm, m: &Value) -> PyResult<()> {
    exec_stdlib_file(vm, m, "importlib/_bootstrap.py")?;
    let sys = vm.sys_module.clone();
    let imp = crate::native::import(vm, "_imp")?;
    let install = module_get(m, "_install").ok_or_else(|| vm.system_error("no _install"))?;
    vm.call(&install, vec![sys, imp])?;
    let ext = module_get(m, "_install_external_importers")
        .ok_or_else(|| vm.system_error("no _install_external_importers"))?;
    vm.call(&ext, vec![])?;
    Ok(())
}

/// `_frozen_importlib_external`: `importlib/_bootstrap_external.py`.
pub fn init_bootstrap_external(vm: &mut Vm, m: &Value) -> PyResult<()> {
    exec_stdlib_file(vm, m, "importlib/_bootstrap_external.py")
}

pub fn init_marshal(vm: &mut Vm, m: &Value) -> PyResult<()> {
    crate::modules::marshal::init(vm, m)
}
