//! Builtin types' methods and the `builtins` module, one file per concept.
//!
//! Invariant: `init` registers every native method exactly once, on the
//! type that defines it; nothing else adds entries to builtin type dicts.

pub mod breakpoint;
pub mod codeobj;
pub mod coro;
pub mod dict;
pub mod exceptions;
pub mod frames;
pub mod functions;
pub mod generators;
pub mod iterators;
pub mod matching;
pub mod memview;
pub mod namespace;
pub mod numbers;
pub mod object;
pub mod repr;
pub mod seq;
pub mod set;
pub mod str;
pub mod strfmt;
pub mod structseq;
pub mod sys;
pub mod types;
pub mod unraisable;

use crate::vm::Vm;

pub fn init(vm: &mut Vm) {
    object::init(vm);
    functions::init(vm);
    breakpoint::init(vm);
    numbers::init(vm);
    str::init(vm);
    seq::init(vm);
    dict::init(vm);
    set::init(vm);
    exceptions::init(vm);
    generators::init(vm);
    iterators::init(vm);
    coro::init(vm);
    sys::init(vm);
    frames::init(vm);
    codeobj::init(vm);
    memview::init(vm);
    own_docs(vm);
}

/// Each builtin type's dict holds its own `__doc__` (its docstring or
/// None), so instances never inherit `object`'s (`None.__doc__` is None).
fn own_docs(vm: &mut Vm) {
    for t in vm.t.all() {
        let to = vm.type_obj(&t);
        if crate::ops::dict_get_str(to.dict(), "__doc__").is_some() {
            continue;
        }
        let doc = match to.doc {
            Some(d) => vm.new_str(d),
            None => adder_object::Value::NONE,
        };
        let k = vm.names.__doc__.clone();
        crate::ops::dict_set_strkey(vm.type_obj(&t).dict(), k, doc);
    }
}
