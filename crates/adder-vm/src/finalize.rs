//! Running what dying objects left behind: weakref callbacks, `__del__`
//! methods and the closing of suspended generators, at the interpreter's
//! safe points (calls, loop back-edges, deletions, returns, exit) — and
//! the cycle collections the tracked heap asked for (`collector`).
//!
//! Invariant: finalisers run with the interrupted code's exception state
//! saved and restored; an exception escaping a finaliser is reported as
//! CPython's "Exception ignored in: ..." and never propagates.

use adder_object::weak::{take_collection_request, take_pending, Pending};
use adder_object::Value;

use crate::kinds;
use crate::objects::iter::{GenState, Generator};
use crate::ops::type_lookup;
use crate::vm::Vm;

impl Vm {
    /// Drains the pending queue (re-entrant calls return at once; the outer
    /// drain picks up whatever the finalisers themselves queue).
    pub fn run_pending(&mut self) {
        if self.draining_pending {
            return;
        }
        self.draining_pending = true;
        let saved = self.exc_info.clone();
        loop {
            if !self.gc.collecting && take_collection_request() {
                self.collect_automatic();
            }
            match take_pending() {
                Some(p) => self.run_one_pending(p),
                None => break,
            }
        }
        self.exc_info = saved;
        self.draining_pending = false;
    }

    pub(crate) fn run_one_pending(&mut self, p: Pending) {
        if self.gc.tearing_down {
            return;
        }
        match p {
            Pending::Finalize(obj) => self.finalize_object(&obj),
            Pending::Callback { weakref, callback } => {
                if let Err(e) = self.call(&callback, vec![weakref]) {
                    self.report_unraisable(&e, Some(&callback));
                }
            }
        }
    }

    pub(crate) fn finalize_object(&mut self, obj: &Value) {
        if obj.kind() == Some(kinds::GENERATOR) {
            let running = obj
                .downcast::<Generator>()
                .is_some_and(|g| g.state.get() == GenState::Suspended);
            if running {
                if let Err(e) = crate::builtins::generators::gen_close(self, obj) {
                    self.report_unraisable(&e, Some(obj));
                }
            }
            return;
        }
        let t = self.type_of(obj);
        let name = self.names.__del__.clone();
        if let Some(del) = type_lookup(&t, &name) {
            if let Err(e) = self.call_method_value(&del, obj, vec![]) {
                // CPython reports a plain function unbound, anything else
                // as its `__get__` gives it.
                let shown = if del.kind() == Some(kinds::FUNCTION) {
                    del.clone()
                } else {
                    self.bind_for_report(&del, obj)
                };
                self.report_unraisable(&e, Some(&shown));
            }
        }
    }

    fn bind_for_report(&mut self, f: &Value, obj: &Value) -> Value {
        self.call_method(f, "__get__", vec![obj.clone()])
            .unwrap_or_else(|_| f.clone())
    }
}
