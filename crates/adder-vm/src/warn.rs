//! Warnings issued by the VM's own native code (`bool(NotImplemented)`,
//! `__int__` returning an int subclass, an unimportable `$PYTHONBREAKPOINT`),
//! as CPython's `PyErr_WarnEx` issues them from C.
//!
//! Invariant: every warning goes through the pure-Python `warnings.warn`
//! (one source of truth for filters and `catch_warnings`); a warning that
//! the filters turn into an error is returned as that error.

use adder_object::Value;

use crate::vm::{PyResult, Vm};

impl Vm {
    /// `warnings.warn(msg, category, stacklevel)`. If `warnings` cannot be
    /// imported (very early start-up), the warning is dropped.
    pub fn warn(&mut self, category: &Value, msg: &str, stacklevel: i64) -> PyResult<()> {
        let Ok(w) = crate::native::import(self, "warnings") else {
            return Ok(());
        };
        let m = self.new_str(msg);
        let s = self.new_int(stacklevel);
        self.call_method(&w, "warn", vec![m, category.clone(), s])?;
        Ok(())
    }

    /// A `DeprecationWarning` attributed to the calling Python code.
    pub fn warn_deprecated(&mut self, msg: &str) -> PyResult<()> {
        let c = self.t.deprecation_warning.clone();
        self.warn(&c, msg, 1)
    }
}
