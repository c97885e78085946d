//! Adder's bytecode: the single opcode table and the code object format.
//!
//! Invariant: this crate is plain data and pure functions; it knows nothing
//! about run-time values. The compiler produces `CodeObject`s, the VM executes
//! them, and (later) the code-image writer serialises them.

pub mod code;
pub mod linetable;
pub mod opcode;

pub use code::{encode, flags, CodeObject, Constant, ExceptionEntry, Location};
pub use linetable::LineTable;
pub use opcode::{BinOp, CmpOp, Opcode, UnOp};
