//! The one error type of this crate. Invariant: every `TextError` carries the
//! exception class the interpreter must raise and the exact CPython 3.11
//! message text, so callers never rewrite messages.

use std::fmt;

/// Which Python exception class a [`TextError`] maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrKind {
    ValueError,
    TypeError,
    OverflowError,
    ZeroDivisionError,
}

/// An error with its Python exception class and CPython's exact message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextError {
    pub kind: ErrKind,
    pub msg: String,
}

impl TextError {
    pub fn value(msg: impl Into<String>) -> TextError {
        TextError {
            kind: ErrKind::ValueError,
            msg: msg.into(),
        }
    }
    pub fn overflow(msg: impl Into<String>) -> TextError {
        TextError {
            kind: ErrKind::OverflowError,
            msg: msg.into(),
        }
    }
    pub fn type_error(msg: impl Into<String>) -> TextError {
        TextError {
            kind: ErrKind::TypeError,
            msg: msg.into(),
        }
    }
    pub fn zero_div(msg: impl Into<String>) -> TextError {
        TextError {
            kind: ErrKind::ZeroDivisionError,
            msg: msg.into(),
        }
    }
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.msg)
    }
}

impl std::error::Error for TextError {}
