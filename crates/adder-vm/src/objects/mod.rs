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
pub mod string;
pub mod types;
