//! Unraisable exceptions: errors that have no caller to propagate to
//! (`__del__`, weakref and gc callbacks, generator finalisation, atexit
//! callbacks). They go to `sys.unraisablehook` as an `UnraisableHookArgs`
//! struct sequence (a type `sys` does not expose) (`exc_type`, `exc_value`, `exc_traceback`, `err_msg`,
//! `object`); the default hook (`sys.__unraisablehook__`) prints CPython's
//! "Exception ignored in: ..." report to `sys.stderr`.
//!
//! Invariant: reporting never raises. A hook that fails has its own error
//! reported (instead of the original one) by the default printing, with
//! CPython's "Exception ignored in sys.unraisablehook" message; a missing
//! or None hook falls back to the default printing.

use adder_object::Value;

use crate::objects::exception::{Exception, Traceback};
use crate::objects::frameobj::FrameObject;
use crate::ops::dict_get_str;
use crate::vm::{Args, PyResult, Vm};

const FIELDS: [&str; 5] = [
    "exc_type",
    "exc_value",
    "exc_traceback",
    "err_msg",
    "object",
];

/// Creates the `UnraisableHookArgs` type and puts the two hooks in the
/// `sys` dict `d`.
pub fn init_sys(vm: &mut Vm, sys: &Value, d: &Value) {
    let ty = crate::builtins::structseq::new_type(vm, "sys", "UnraisableHookArgs", &FIELDS, 5);
    vm.unraisable_args_type = ty;
    let hook = vm.new_native(
        "unraisablehook",
        default_hook,
        crate::objects::function::NativeKind::Function,
        sys.clone(),
    );
    let _ = crate::ops::dict_set_str(vm, d, "unraisablehook", hook.clone());
    let _ = crate::ops::dict_set_str(vm, d, "__unraisablehook__", hook);
}

/// `sys.__unraisablehook__(unraisable)`.
fn default_hook(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "unraisablehook", &args, 1, 1)?;
    let a = &args.pos[0];
    let mut vals = Vec::new();
    for f in FIELDS {
        let v = vm.getattr_str(a, f).map_err(|_| {
            vm.type_error("sys.unraisablehook argument type must be UnraisableHookArgs")
        })?;
        vals.push(v);
    }
    let text = default_text(vm, &vals[0], &vals[1], &vals[2], &vals[3], &vals[4]);
    crate::builtins::sys::write_stderr(vm, &text);
    Ok(Value::NONE)
}

/// What the default hook prints (CPython's `write_unraisable_exc_file`).
fn default_text(
    vm: &mut Vm,
    exc_type: &Value,
    exc_value: &Value,
    exc_tb: &Value,
    err_msg: &Value,
    obj: &Value,
) -> String {
    let mut out = String::new();
    let msg = (!err_msg.is_none()).then(|| vm.str_string(err_msg).unwrap_or_default());
    if !obj.is_none() {
        let r = vm
            .repr_string(obj)
            .unwrap_or_else(|_| "<object repr() failed>".into());
        match &msg {
            Some(m) => out.push_str(&format!("{m}: {r}\n")),
            None => out.push_str(&format!("Exception ignored in: {r}\n")),
        }
    } else if let Some(m) = &msg {
        out.push_str(&format!("{m}:\n"));
    }
    if !exc_tb.is_none() {
        let tb = crate::traceback::format_tb(vm, exc_tb);
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            out.push_str(&tb);
        }
    }
    if exc_type.is_none() {
        return out;
    }
    out.push_str(&crate::traceback::type_display_name(exc_type));
    if !exc_value.is_none() {
        let s = vm
            .str_string(exc_value)
            .unwrap_or_else(|_| "<exception str() failed>".into());
        out.push_str(": ");
        out.push_str(&s);
    }
    out.push('\n');
    out
}

impl Vm {
    /// A one-entry traceback for the innermost frame on the frame stack
    /// (None when there is none).
    fn traceback_here(&mut self) -> Value {
        let Some(fo) = crate::builtins::frames::stack_frame_objects(self) else {
            return Value::NONE;
        };
        let Some(f) = fo.downcast::<FrameObject>() else {
            return Value::NONE;
        };
        let tb = Traceback {
            code: f.code.clone(),
            lasti: f.lasti.get() * 2,
            lineno: f.lineno.get(),
            next: adder_object::ValueCell::new(Value::NONE),
            frame: fo.clone(),
        };
        self.alloc_builtin(&self.t.traceback.clone(), tb)
    }

    /// Reports exception `e` raised where nobody can catch it; `obj` is
    /// what was running (shown as "Exception ignored in: <obj>").
    pub fn report_unraisable(&mut self, e: &Value, obj: Option<&Value>) {
        self.report_unraisable_msg(e, None, obj);
    }

    /// `report_unraisable` with CPython's `err_msg` (e.g. "Exception
    /// ignored in atexit callback").
    pub fn report_unraisable_msg(&mut self, e: &Value, err_msg: Option<&str>, obj: Option<&Value>) {
        let exc_type = self.type_of(e);
        let mut tb = e
            .downcast::<Exception>()
            .map_or(Value::NONE, |x| x.traceback.get());
        if tb.is_none() {
            // Raised outside any frame (e.g. by the runtime itself): the
            // innermost running frame stands in, as in CPython.
            tb = self.traceback_here();
            if let Some(x) = e.downcast::<Exception>() {
                x.traceback.set(tb.clone());
            }
        }
        let msg = err_msg.map_or(Value::NONE, |m| self.new_str(m));
        let obj = obj.cloned().unwrap_or(Value::NONE);
        let sys_dict = self
            .sys_module
            .downcast::<crate::objects::module::Module>()
            .map(|m| m.dict.clone());
        let hook = sys_dict
            .as_ref()
            .and_then(|d| dict_get_str(d, "unraisablehook"))
            .filter(|h| !h.is_none());
        let ty = Some(self.unraisable_args_type.clone()).filter(|t| !t.is_null());
        let vals = vec![
            exc_type.clone(),
            e.clone(),
            tb.clone(),
            msg.clone(),
            obj.clone(),
        ];
        if let (Some(hook), Some(ty)) = (hook, ty) {
            let args = crate::builtins::structseq::new(self, &ty, vals);
            match self.call(&hook, vec![args]) {
                Ok(_) => return,
                Err(he) => {
                    // The hook failed: its own error is reported instead, with
                    // the default printing.
                    let ht = self.type_of(&he);
                    let htb = he
                        .downcast::<Exception>()
                        .map_or(Value::NONE, |x| x.traceback.get());
                    let hm = self.new_str("Exception ignored in sys.unraisablehook");
                    let text = default_text(self, &ht, &he, &htb, &hm, &hook);
                    crate::builtins::sys::write_stderr(self, &text);
                    return;
                }
            }
        }
        let text = default_text(self, &exc_type, e, &tb, &msg, &obj);
        crate::builtins::sys::write_stderr(self, &text);
    }
}
