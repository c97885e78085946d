use adder_object::Value;
use crate::vm::{PyResult, Vm};
pub fn percent_format(vm: &mut Vm, _fmt: &Value, _args: &Value) -> PyResult {
    Err(vm.not_implemented_error("str % is not implemented yet"))
}
pub fn percent_format_bytes(vm: &mut Vm, _fmt: &Value, _args: &Value) -> PyResult {
    Err(vm.not_implemented_error("bytes % is not implemented yet"))
}
pub fn native_format(vm: &mut Vm, v: &Value, spec: &Value) -> PyResult {
    let s = spec.downcast::<crate::objects::string::Str>().map(|s| s.as_str().to_string()).unwrap_or_default();
    if s.is_empty() { return vm.str(v); }
    Err(vm.not_implemented_error("format specs are not implemented yet"))
}
