//! Closure cells.
//!
//! Invariant: a cell's content is NULL while the variable is unbound.

use adder_object::{payload, Trace, ValueCell};

use crate::kinds;

#[derive(Trace)]
pub struct Cell {
    #[trace(clear = "null")]
    pub value: ValueCell,
}
payload!(Cell, kinds::CELL, "cell");
