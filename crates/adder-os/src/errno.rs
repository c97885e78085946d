//! The `errno` module: every errno name the platform knows, as ints, and
//! `errorcode` mapping each number to its canonical name.
//!
//! Invariant: the values are the host platform's own (`adder_host::ERRNO_TABLE`),
//! and where two names share a number `errorcode` holds CPython's choice
//! (the first the table lists).

use adder_object::Value;
use adder_vm::{native, PyResult, Vm};

pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let codes = vm.new_dict();
    for &(name, num) in adder_host::ERRNO_TABLE {
        let v = vm.new_int(i64::from(num));
        native::module_set(vm, m, name, v.clone());
        if vm.dict_get(&codes, &v)?.is_none() {
            let n = vm.new_str(name);
            vm.dict_set(&codes, v, n)?;
        }
    }
    native::module_set(vm, m, "errorcode", codes);
    Ok(())
}
