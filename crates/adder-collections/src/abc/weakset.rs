//! The weak sets of an ABC's state (`_abc_registry`, `_abc_cache`,
//! `_abc_negative_cache`): sets of classes keyed by identity that never keep
//! a class alive.
//!
//! Invariant: each entry maps an object's address to a weakref object
//! (`weakref.ref`, no callback) whose referent was at that address when the
//! entry was made. An entry whose weakref is dead is stale: lookups treat it
//! as absent and drop it, and inserts prune stale entries whenever the table
//! has doubled since the last pruning, so the table stays proportional to the
//! number of live members. No operation here runs Python code.

use adder_object::weak::{register, WeakRef};
use adder_object::{Trace, Value};
use adder_vm::fasthash::FastMap;
use adder_vm::Vm;

/// Smallest table size at which inserts prune stale entries.
const MIN_PRUNE: usize = 8;

/// Owns its weakref objects (the entries' values), not their referents.
#[derive(Default, Trace)]
pub struct WeakSet {
    entries: FastMap<usize, Value>,
    prune_at: usize,
}

/// The identity key of a heap object (None for inline values, which cannot
/// be weakly referenced and so are never members).
fn key_of(obj: &Value) -> Option<usize> {
    obj.header().map(|h| h as *const _ as usize)
}

fn live(w: &Value) -> bool {
    w.downcast::<WeakRef>().is_some_and(|r| r.alive())
}

impl WeakSet {
    /// Whether `obj` itself (by identity) is a live member. Drops the stale
    /// entry at `obj`'s address, if any.
    pub fn contains(&mut self, obj: &Value) -> bool {
        let Some(k) = key_of(obj) else { return false };
        match self.entries.get(&k) {
            None => false,
            Some(w) if live(w) => true,
            Some(_) => {
                self.entries.remove(&k);
                false
            }
        }
    }

    /// Adds `obj` (a class: always weakly referenceable). Returns false if
    /// `obj` cannot be weakly referenced.
    pub fn add(&mut self, vm: &Vm, obj: &Value) -> bool {
        let Some(k) = key_of(obj) else { return false };
        if self.entries.get(&k).is_some_and(live) {
            return true;
        }
        let w = vm.alloc_builtin(&vm.t.weakref, WeakRef::new(Value::NONE));
        if !register(obj, &w) {
            return false;
        }
        self.entries.insert(k, w);
        if self.entries.len() >= self.prune_at.max(MIN_PRUNE) {
            self.entries.retain(|_, w| live(w));
            self.prune_at = 2 * self.entries.len();
        }
        true
    }

    /// The live members, as new strong references (a snapshot).
    pub fn members(&self) -> Vec<Value> {
        self.entries
            .values()
            .filter_map(|w| w.downcast::<WeakRef>().and_then(|r| r.get()))
            .collect()
    }

    /// The weakref objects of the live members (for `_get_dump`).
    pub fn weakrefs(&self) -> Vec<Value> {
        self.entries.values().filter(|w| live(w)).cloned().collect()
    }

    pub fn clear(&mut self) {
        self.entries = FastMap::default();
        self.prune_at = 0;
    }
}
