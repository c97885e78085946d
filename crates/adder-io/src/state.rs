//! The `_io` module's per-interpreter state: its classes and the
//! `UnsupportedOperation` exception, kept in the module object (there are no
//! globals), plus the errors every layer raises.
//!
//! Invariant: `IoState` is written once when `_io` initialises; natives read
//! it through `io_state`, which imports `_io` if it is not loaded yet, so the
//! classes native code instantiates are always the ones `_io` exposes.

use adder_object::Value;
use adder_vm::objects::seq::Tuple;
use adder_vm::{PyResult, Vm};

/// The private module attribute holding the state tuple.
pub const STATE_NAME: &str = "__adder_io_state__";

/// Indices into the state tuple.
#[derive(Clone, Copy)]
pub enum T {
    IoBase = 0,
    RawIoBase,
    BufferedIoBase,
    TextIoBase,
    FileIo,
    BytesIo,
    StringIo,
    BufferedReader,
    BufferedWriter,
    BufferedRandom,
    BufferedRwPair,
    TextIoWrapper,
    NlDecoder,
    Unsupported,
    Count,
}

/// The `_io` module object (imported on demand).
pub fn io_module(vm: &mut Vm) -> PyResult<Value> {
    let mods = vm.modules.clone();
    let k = vm.intern("_io");
    if let Some(m) = vm.dict_get(&mods, &k)? {
        if adder_vm::native::module_get(&m, STATE_NAME).is_some() {
            return Ok(m);
        }
    }
    adder_vm::native::import(vm, "_io")
}

/// One of `_io`'s classes.
pub fn io_type(vm: &mut Vm, which: T) -> PyResult<Value> {
    let m = io_module(vm)?;
    let st = adder_vm::native::module_get(&m, STATE_NAME)
        .ok_or_else(|| vm.system_error("_io state missing"))?;
    st.downcast::<Tuple>()
        .and_then(|t| t.items.get(which as usize).cloned())
        .ok_or_else(|| vm.system_error("_io state corrupted"))
}

/// `io.UnsupportedOperation(msg)`.
pub fn unsupported(vm: &mut Vm, msg: &str) -> Value {
    match io_type(vm, T::Unsupported) {
        Ok(t) => vm.new_exception_msg(&t, msg),
        Err(e) => e,
    }
}

/// `ValueError: I/O operation on closed file.` (the IOBase wording).
pub fn closed_file(vm: &Vm) -> Value {
    vm.value_error("I/O operation on closed file.")
}

/// `ValueError: I/O operation on uninitialized object`.
pub fn uninitialized(vm: &Vm) -> Value {
    vm.value_error("I/O operation on uninitialized object")
}

/// An OSError for a host error, with an optional filename value.
pub fn os_error(vm: &mut Vm, e: &adder_host::HostError, filename: Option<&Value>) -> Value {
    let exc = adder_vm::builtins::exceptions::os_error(vm, e, None);
    if let Some(f) = filename {
        let args = vec![
            vm.new_int(e.errno as i64),
            vm.new_str(&e.message),
            f.clone(),
        ];
        let t = vm.type_of(&exc);
        if let Ok(x) = vm.call(&t, args) {
            return x;
        }
    }
    exc
}

/// Whether an exception is an `InterruptedError` (EINTR), which the I/O
/// layers retry as CPython's `_PyIO_trap_eintr` does.
pub fn is_eintr(vm: &Vm, e: &Value) -> bool {
    vm.exc_matches(e, &vm.t.interrupted_error)
}

/// Issues a warning as CPython's `PyErr_WarnEx` does from C (attributed to
/// the calling Python code); a warning turned into an error propagates.
pub fn warn(vm: &mut Vm, category: &Value, msg: &str, stacklevel: i64) -> PyResult<()> {
    let Ok(w) = adder_vm::native::import(vm, "_warnings") else {
        return Ok(());
    };
    let m = vm.new_str(msg);
    let s = vm.new_int(stacklevel);
    vm.call_method(&w, "warn", vec![m, category.clone(), s])?;
    Ok(())
}
