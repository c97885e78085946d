//! Native modules whose implementation is Python source compiled into the
//! binary (`modules/py/*.py`): `_adder_generics` (types.GenericAlias and
//! types.UnionType), `_adder_reduce` (the copy/pickle protocol of plain
//! objects) and `_string`. Their logic is Adder's own, written in
//! Python because it is object-protocol glue that gains nothing from Rust.
//!
//! Invariant: the source is executed once, on first import, in the fresh
//! module's namespace; nothing here runs at start-up.

use adder_compiler::Mode;
use adder_object::Value;

use crate::native::module_dict;
use crate::vm::{PyResult, Vm};

fn exec_source(vm: &mut Vm, m: &Value, name: &str, src: &str) -> PyResult<()> {
    let code = vm.compile(src, &format!("<adder {name}>"), Mode::Exec)?;
    let globals = module_dict(m);
    let frame = vm.make_module_frame(code, globals.clone(), globals);
    vm.run_frame(frame)?;
    Ok(())
}

pub fn init_generics(vm: &mut Vm, m: &Value) -> PyResult<()> {
    exec_source(vm, m, "_adder_generics", include_str!("py/generics.py"))
}

pub fn init_reduce(vm: &mut Vm, m: &Value) -> PyResult<()> {
    exec_source(vm, m, "_adder_reduce", include_str!("py/reduce.py"))
}

/// Calls `_adder_reduce.<name>(*args)`.
pub fn call_reduce(vm: &mut Vm, name: &str, args: Vec<Value>) -> PyResult {
    let m = crate::native::import(vm, "_adder_reduce")?;
    let f = vm.getattr_str(&m, name)?;
    vm.call(&f, args)
}

pub fn init_string(vm: &mut Vm, m: &Value) -> PyResult<()> {
    exec_source(vm, m, "_string", include_str!("py/string.py"))
}

/// `cls[key]` for builtin generic classes: `types.GenericAlias(cls, key)`.
pub fn generic_alias(vm: &mut Vm, cls: &Value, key: &Value) -> PyResult {
    let m = crate::native::import(vm, "_adder_generics")?;
    let ga = vm.getattr_str(&m, "GenericAlias")?;
    vm.call(&ga, vec![cls.clone(), key.clone()])
}

/// `a | b` for types: a `types.UnionType`, or None for NotImplemented.
pub fn union_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let m = crate::native::import(vm, "_adder_generics")?;
    let u = vm.getattr_str(&m, "_union")?;
    let r = vm.call(&u, vec![a.clone(), b.clone()])?;
    Ok(if r.is(&vm.not_implemented) {
        None
    } else {
        Some(r)
    })
}
