//! Payload types of the builtin objects, one module per concept.
//!
//! Invariant: a module here defines a payload's Rust layout and its
//! primitive operations; Python-visible methods are registered on the type in
//! `builtins/` modules so that each type's method table is declared once.

pub mod cell;
pub mod dict;
pub mod exception;
pub mod frameobj;
pub mod function;
pub mod instance;
pub mod iter;
pub mod misc;
pub mod module;
pub mod number;
pub mod seq;
pub mod set;
pub mod size;
pub mod slack;
pub mod string;
pub mod types;

/// Visits `items[start..]`, at most `budget` of them (at least one);
/// returns where to resume, or None at the end: the incremental
/// collector's partial traversal of sequences (`Payload::traverse_from`).
pub fn chunk(
    items: &[adder_object::Value],
    start: usize,
    budget: usize,
    visit: &mut dyn FnMut(&adder_object::Value),
) -> Option<usize> {
    let end = start.saturating_add(budget.max(1)).min(items.len());
    for v in items.get(start..end)? {
        visit(v);
    }
    (end < items.len()).then_some(end)
}
