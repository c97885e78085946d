//! Issuing the compiler's warnings (invalid escape sequences, the
//! SyntaxWarnings of suspicious code) through the `warnings` module, as
//! CPython's parser and compiler do while they work.
//!
//! Invariant: a warning that the filters turn into an exception of its own
//! category is replaced by the SyntaxError the compiler attached to it
//! (CPython's "more accurate error report"); any other exception from the
//! warnings machinery propagates unchanged. When the `warnings` module
//! cannot be imported (early start-up), warnings are dropped.

use adder_compiler::{CompileWarning, WarningCategory};

use crate::vm::{PyResult, Vm};

impl Vm {
    /// Issues `warnings` for code compiled from `filename`.
    pub fn issue_compile_warnings(
        &mut self,
        warnings: &[CompileWarning],
        filename: &str,
    ) -> PyResult<()> {
        if warnings.is_empty() {
            return Ok(());
        }
        let Ok(module) = crate::native::import(self, "warnings") else {
            return Ok(());
        };
        let warn = self.getattr_str(&module, "warn_explicit")?;
        for w in warnings {
            let category = match w.category {
                WarningCategory::DeprecationWarning => self.t.deprecation_warning.clone(),
                WarningCategory::SyntaxWarning => self.t.syntax_warning.clone(),
            };
            let args = vec![
                self.new_str(&w.error.msg),
                category.clone(),
                self.new_str(filename),
                self.new_int(w.error.lineno as i64),
            ];
            if let Err(e) = self.call(&warn, args) {
                if self.exc_matches(&e, &category) {
                    return Err(self.compile_error_to_exception(&w.error));
                }
                return Err(e);
            }
        }
        Ok(())
    }
}
