//! What an object really costs in Adder's memory: its heap block (header,
//! payload, inline slots) plus the buffers its payload owns outside it
//! (a list's item vector, a dict's tables, a str's text). `sys.getsizeof`
//! and the builtin `__sizeof__` methods report this, not CPython's layout.
//!
//! Invariant: only memory the object owns alone is counted (never shared
//! code, classes or referenced objects); inline values (small ints, floats,
//! None, bools) cost the one word that holds them.

use std::mem::size_of;

use adder_object::Value;

use crate::kinds;
use crate::objects::dict::Dict;
use crate::objects::seq::{List, Tuple};
use crate::objects::set::Set;
use crate::objects::string::{ByteArray, Bytes, Str};

/// Bytes `v` occupies, including the buffers only it owns.
pub fn real_size(v: &Value) -> usize {
    let Some(h) = v.header() else {
        return size_of::<Value>();
    };
    let own = h.block_size();
    let outside = match h.kind() {
        kinds::LIST => v.downcast::<List>().and_then(|l| {
            l.items
                .try_borrow()
                .ok()
                .map(|i| i.capacity() * size_of::<Value>())
        }),
        kinds::TUPLE => v
            .downcast::<Tuple>()
            .map(|t| t.items.len() * size_of::<Value>()),
        kinds::DICT => v
            .downcast::<Dict>()
            .and_then(|d| d.table.try_borrow().ok().map(|t| t.heap_bytes())),
        kinds::SET => v
            .downcast::<Set>()
            .and_then(|s| s.table.try_borrow().ok().map(|t| t.heap_bytes())),
        kinds::STR => v.downcast::<Str>().map(|s| s.index_bytes()),
        kinds::BYTES => v.downcast::<Bytes>().map(|b| b.b.len()),
        kinds::BYTEARRAY => v
            .downcast::<ByteArray>()
            .and_then(|b| b.b.try_borrow().ok().map(|b| b.capacity())),
        _ => None,
    };
    own + outside.unwrap_or(0)
}
