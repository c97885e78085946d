//! Native modules: the registry through which crates outside the VM (the
//! native standard library: `_io`, `posix`, `_sre`, `itertools`, ...) plug
//! modules into an interpreter, and the helpers they use to build module
//! objects and native types.
//!
//! Invariant: a registered module costs nothing until it is first imported —
//! the registry holds only a name and an `init` function; `init` runs once,
//! on the module object that is already in `sys.modules`, and a failed
//! `init` leaves no module behind.

use adder_object::{VTable, Value};

use crate::import::new_module;
use crate::objects::function::NativeKind;
use crate::objects::module::Module;
use crate::objects::types::TypeObject;
use crate::ops::{dict_get_str, dict_set_str};
use crate::vm::{make_type, NativeFn, PyResult, Vm};

/// A module implemented in Rust, importable by `name`.
#[derive(Clone, Copy, Debug)]
pub struct NativeModule {
    pub name: &'static str,
    /// Fills the (fresh, empty) module object passed in.
    pub init: fn(&mut Vm, &Value) -> PyResult<()>,
}

/// Runs after `sys` and `builtins` exist and before any user code (for
/// example to install `sys.stdout` as a real `_io` object).
pub type StartupHook = fn(&mut Vm) -> PyResult<()>;

/// Whether `name` is a native module of this interpreter.
pub fn is_native(vm: &Vm, name: &str) -> bool {
    matches!(name, "sys" | "builtins") || find(vm, name).is_some()
}

fn find(vm: &Vm, name: &str) -> Option<NativeModule> {
    crate::modules::MODULES
        .iter()
        .chain(vm.flags.modules.iter())
        .find(|m| m.name == name)
        .copied()
}

/// The sorted names for `sys.builtin_module_names`.
pub fn builtin_module_names(vm: &Vm) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = vec!["builtins", "sys"];
    names.extend(crate::modules::MODULES.iter().map(|m| m.name));
    names.extend(vm.flags.modules.iter().map(|m| m.name));
    names.sort_unstable();
    names.dedup();
    names
}

/// Creates and initialises native module `name`, registering it in
/// `sys.modules`; `Ok(None)` when no such native module exists.
pub fn load(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    match name {
        "sys" => return Ok(Some(vm.sys_module.clone())),
        "builtins" => return Ok(Some(vm.builtins_module.clone())),
        _ => {}
    }
    let Some(def) = find(vm, name) else {
        return Ok(None);
    };
    let m = new_module(vm, name);
    // Built-in modules have no `__builtins__` (only executed code does).
    crate::ops::dict_del_strkey(&module_dict(&m), &vm.intern("__builtins__"));
    let mods = vm.modules.clone();
    let key = vm.new_str(name);
    vm.dict_set(&mods, key.clone(), m.clone())?;
    if let Err(e) = (def.init)(vm, &m) {
        let _ = vm.dict_pop(&mods, &key);
        return Err(e);
    }
    // `init` may have replaced the entry (a module that is an alias).
    Ok(Some(vm.dict_get(&mods, &key)?.unwrap_or(m)))
}

/// Imports native module `name` by name (for native code that needs another
/// native module, e.g. `_io` needing `_codecs`).
pub fn import(vm: &mut Vm, name: &str) -> PyResult {
    let globals = vm.new_dict();
    crate::import::import_module_level(vm, name, &globals, &Value::NONE, 0)
}

/// The namespace dict of a module object.
pub fn module_dict(m: &Value) -> Value {
    m.downcast::<Module>().expect("module").dict.clone()
}

/// `module.name = v`.
pub fn module_set(vm: &mut Vm, m: &Value, name: &str, v: Value) {
    let d = module_dict(m);
    let k = vm.intern(name);
    let _ = vm.dict_set(&d, k, v);
}

/// `module.name`, if set.
pub fn module_get(m: &Value, name: &str) -> Option<Value> {
    dict_get_str(&module_dict(m), name)
}

/// Adds native functions to a module (their `__module__` is the module's name).
pub fn module_add_fns(vm: &mut Vm, m: &Value, fns: &[(&'static str, NativeFn)]) {
    let d = module_dict(m);
    for &(name, f) in fns {
        let n = vm.new_native(name, f, NativeKind::Function, m.clone());
        let k = vm.intern(name);
        let _ = vm.dict_set(&d, k, n);
    }
}

/// Adds int constants to a module.
pub fn module_add_ints(vm: &mut Vm, m: &Value, consts: &[(&str, i64)]) {
    for &(name, v) in consts {
        let v = vm.new_int(v);
        module_set(vm, m, name, v);
    }
}

/// Creates a builtin (native) type `module.name` with one base, whose
/// instances have payload layout `vt`/`kind`. `flags` are `tflags` bits
/// (`BASETYPE` makes it subclassable). The type is immortal, like every
/// builtin type, so keeping it in a module or a `static`-like slot is free.
pub fn new_type(
    vm: &mut Vm,
    module: &str,
    name: &str,
    base: &Value,
    vt: &'static VTable,
    kind: u8,
    flags: u32,
) -> Value {
    let tail = base
        .downcast::<TypeObject>()
        .expect("base is a type")
        .mro
        .borrow()
        .clone();
    let tt = vm.t.type_.clone();
    // The VM knows no protocol of a native-module type: dispatch to its
    // special methods (as for heap types).
    let flags = flags | crate::objects::types::tflags::DUNDER_DISPATCH;
    let dict = vm.new_dict();
    dict.header().unwrap().make_immortal();
    let bases = vm.new_tuple(vec![base.clone()]);
    bases.header().unwrap().make_immortal();
    let t = make_type(Some(&tt), name, bases, tail, Some(dict), vt, kind, flags);
    t.header().unwrap().make_immortal();
    let modname = vm.new_str(module);
    let d = vm.type_obj(&t).dict().clone();
    let _ = dict_set_str(vm, &d, "__module__", modname);
    t
}
