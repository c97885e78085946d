//! The leak check (`ADDER_LEAK_CHECK=1`, issue 4): after the program ends,
//! tear the interpreter down completely and count the tracked objects that
//! are still alive. Everything a program made should die with the
//! interpreter; what survives is a reference-count leak or a cycle the
//! collector could not break.
//!
//! Invariant: the teardown only empties module namespaces and the
//! interpreter's own slots, collects, and drops the `Vm`; no Python code
//! runs once it starts emptying (finalisers and weakref callbacks are
//! dropped unrun: the globals they would use are gone); the final count
//! excludes immortal objects (builtin types, interned names), which are
//! never freed by design, and whatever they still hold.

use std::collections::HashSet;

use adder_object::cycles;
use adder_object::heap::IMMORTAL;
use adder_object::Value;

use crate::objects::dict::Dict;
use crate::vm::Vm;

/// What survived a teardown.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Survivors {
    /// Tracked objects neither immortal nor reachable from an immortal one.
    pub objects: usize,
    /// Their size in bytes (header, payload and inline slots).
    pub bytes: usize,
    /// How many of each layout (`VTable::name`), most first.
    pub by_layout: Vec<(&'static str, usize)>,
}

fn clear_dict(d: &Value) {
    if let Some(dict) = d.downcast::<Dict>() {
        let old = dict.table.try_borrow_mut().map(|mut t| t.clear());
        drop(old);
    }
}

impl Vm {
    /// Empties every module and the interpreter's own references, then
    /// collects until nothing more is found.
    pub fn teardown_for_leak_check(&mut self) {
        self.run_pending();
        self.gc.tearing_down = true;
        let modules: Vec<Value> = self
            .modules
            .downcast::<Dict>()
            .map(|d| d.items().into_iter().map(|(_, m)| m).collect())
            .unwrap_or_default();
        for m in &modules {
            if let Ok(d) = self.getattr_str(m, "__dict__") {
                if d.bits() != self.builtins.bits() {
                    clear_dict(&d);
                }
            }
        }
        drop(modules);
        clear_dict(&self.modules);
        self.exc_info = Value::NONE;
        self.exc_outer.clear();
        self.context = Value::NULL;
        self.frame_pool.clear();
        self.gc.garbage = Value::NULL;
        self.gc.callbacks = Value::NULL;
        for _ in 0..4 {
            self.run_pending();
            if self.collect_garbage(2) == 0 {
                break;
            }
        }
        clear_dict(&self.builtins);
        self.run_pending();
        self.collect_garbage(2);
        self.run_pending();
    }
}

/// After the `Vm` was dropped: breaks the cycles left (no finalisers can
/// run any more) and counts what is still alive.
pub fn survivors() -> Survivors {
    for _ in 0..4 {
        let found = cycles::find_unreachable(2);
        if found.garbage.is_empty() {
            break;
        }
        for v in &found.garbage {
            if let Some(h) = v.header() {
                h.clear_refs();
            }
        }
        drop(found);
        while adder_object::weak::take_pending().is_some() {}
    }
    // Everything reachable from an immortal object is kept on purpose.
    let mut all = Vec::new();
    cycles::for_each_tracked(|v| all.push(v));
    let mut kept: HashSet<u64> = HashSet::new();
    let mut stack: Vec<Value> = all
        .iter()
        .filter(|v| v.header().is_some_and(|h| h.refcount() == IMMORTAL))
        .cloned()
        .collect();
    while let Some(v) = stack.pop() {
        if !kept.insert(v.bits()) {
            continue;
        }
        if let Some(h) = v.header() {
            h.traverse(&mut |r| {
                if r.header().is_some() && !kept.contains(&r.bits()) {
                    stack.push(r.clone());
                }
            });
        }
    }
    let mut out = Survivors::default();
    let mut layouts: std::collections::BTreeMap<&'static str, usize> = Default::default();
    for v in &all {
        if !kept.contains(&v.bits()) {
            let h = v.header().expect("tracked objects are heap objects");
            out.objects += 1;
            out.bytes += h.block_size();
            *layouts.entry(h.vtable().name).or_default() += 1;
        }
    }
    out.by_layout = layouts.into_iter().collect();
    out.by_layout.sort_by_key(|e| std::cmp::Reverse(e.1));
    out
}
