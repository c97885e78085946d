//! Iteration and container helpers CPython writes in C: `itertools`,
//! `_collections`, `_contextvars`, `_functools`, `_operator`, `_heapq`,
//! `_bisect`, `_abc`.
//!
//! Invariant: no RefCell borrow of a container is held across a call that can
//! run Python code; mutation during iteration raises CPython's errors.

pub mod abc;
pub mod args;
pub mod collections;
pub mod contextvars;
pub mod functools;
pub mod heapq_bisect;
pub mod itertools;
pub mod lru_cache;
pub mod operator;

use adder_object::Value;
use adder_vm::kinds;
use adder_vm::native::{self, NativeModule};
use adder_vm::objects::types::TypeObject;
use adder_vm::ops::dict_get_str;
use adder_vm::{Args, PyResult, Vm};

/// Payload kinds of this crate (a block of 16 starting at `COLLECTIONS_FIRST`).
pub mod kind {
    use super::kinds::COLLECTIONS_FIRST as F;
    /// Every `itertools` iterator (one layout, the state says which).
    pub const ITERTOOLS: u8 = F;
    pub const DEQUE: u8 = F + 1;
    pub const DEQUE_ITER: u8 = F + 2;
    pub const TUPLEGETTER: u8 = F + 3;
    pub const CONTEXT: u8 = F + 4;
    pub const CONTEXT_VAR: u8 = F + 5;
    pub const TOKEN: u8 = F + 6;
    pub const PARTIAL: u8 = F + 7;
    pub const KEY_WRAPPER: u8 = F + 8;
    pub const OPERATOR_CALLABLE: u8 = F + 9;
    pub const LRU_CACHE: u8 = F + 10;
    pub const MISSING: u8 = F + 11;
    pub const ABC_DATA: u8 = F + 12;
    pub const ABC_STATE: u8 = F + 13;
}

/// The modules this crate provides.
pub fn modules() -> Vec<NativeModule> {
    vec![
        NativeModule {
            name: "itertools",
            init: itertools::init,
        },
        NativeModule {
            name: "_collections",
            init: collections::init,
        },
        NativeModule {
            name: "_contextvars",
            init: contextvars::init,
        },
        NativeModule {
            name: "_functools",
            init: functools::init,
        },
        NativeModule {
            name: "_operator",
            init: operator::init,
        },
        NativeModule {
            name: "_heapq",
            init: heapq_bisect::init_heapq,
        },
        NativeModule {
            name: "_bisect",
            init: heapq_bisect::init_bisect,
        },
        NativeModule {
            name: "_abc",
            init: abc::init,
        },
    ]
}

// ----- helpers shared by the modules -------------------------------------------------

/// Raises `StopIteration` (the end of a `__next__`).
pub fn stop(vm: &Vm) -> PyResult {
    Err(vm.stop_iteration(Value::NONE))
}

/// `__iter__` of an iterator: returns self.
pub fn iter_self(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "__iter__")?;
    Ok(args.pos[0].clone())
}

/// A type created by a native module, found through `sys.modules`
/// (importing the module again if it was removed).
pub fn module_type(vm: &mut Vm, module: &str, name: &str) -> PyResult {
    let m = match dict_get_str(&vm.modules, module) {
        Some(m) => m,
        None => native::import(vm, module)?,
    };
    if m.kind() == Some(kinds::MODULE) {
        if let Some(t) = native::module_get(&m, name) {
            if vm.is_type(&t) {
                return Ok(t);
            }
        }
    }
    Err(vm.system_error(format!("{module}.{name} is missing")))
}

/// The short name of an object's class (CPython's `_PyType_Name`).
pub fn short_type_name(vm: &Vm, v: &Value) -> String {
    let t = vm.type_of(v);
    t.downcast::<TypeObject>()
        .map_or_else(|| "?".into(), |t| t.name())
}

/// `cls.__class_getitem__(item)`: a generic alias.
pub fn class_getitem(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() != 2 || !args.kw.is_empty() {
        return Err(vm.type_error(format!(
            "__class_getitem__() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1)
        )));
    }
    adder_vm::builtins::types::generic_alias(vm, &args.pos[0], &args.pos[1])
}

/// A Python-visible tuple from items.
pub fn tuple(vm: &Vm, items: Vec<Value>) -> Value {
    vm.new_tuple(items)
}
