//! How many inline attribute slots a class's first instances get.
//!
//! An instance cannot grow in place: one that outgrows its slots goes to
//! dict mode, where attribute caches do not apply. Before a class has
//! taught `alloc_instance` its real size (slack tracking, `attrs_seen`),
//! its first instances are sized from a prediction: the distinct names its
//! methods, and those of its bases, assign on their first argument
//! (`self.x = ...` compiles to `LoadFast 0; StoreAttr x`, or a
//! `LoadFastPair` whose second local is 0 before the `StoreAttr`).
//!
//! Invariant: the prediction only sizes allocations (never semantics); it
//! is computed once per class, at its first instantiation, and capped at
//! `MAX_INLINE`.

use adder_bytecode::Opcode;
use adder_object::Value;

use crate::objects::dict::Dict;
use crate::objects::function::{Code, Function};
use crate::objects::instance::MAX_INLINE;
use crate::objects::types::TypeObject;

/// The number of distinct attribute names assigned on `self` by the plain
/// functions in the namespaces of `mro`, at most `MAX_INLINE`.
pub fn predicted_attrs(mro: &[Value]) -> usize {
    let mut names: Vec<Value> = Vec::new();
    for class in mro {
        let Some(to) = class.downcast::<TypeObject>() else {
            continue;
        };
        let Some(ns) = to.dict_cell.get().and_then(|d| d.downcast::<Dict>()) else {
            continue;
        };
        for (_, v) in ns.items() {
            if let Some(func) = v.downcast::<Function>() {
                self_stores(&func.code(), &mut names);
            }
            if names.len() >= MAX_INLINE {
                return MAX_INLINE;
            }
        }
    }
    names.len()
}

/// Adds to `names` (interned strs, compared by identity) the attributes
/// `code` assigns on its first argument.
fn self_stores(code: &Code, names: &mut Vec<Value>) {
    let co = &code.code;
    if co.argcount == 0 {
        return;
    }
    let mut at = 0;
    let mut prev_loads_self = false;
    while let Some((op, arg, next)) = co.decode(at) {
        if op == Opcode::StoreAttr && prev_loads_self {
            if let Some(n) = code.names.get(arg as usize) {
                if !names.iter().any(|x| x.is(n)) {
                    names.push(n.clone());
                }
            }
        }
        prev_loads_self = match op {
            Opcode::LoadFast => arg == 0,
            // The second of a fused pair is on top.
            Opcode::LoadFastPair => adder_bytecode::opcode::split_pair(arg).1 == 0,
            _ => false,
        };
        at = next;
    }
}
