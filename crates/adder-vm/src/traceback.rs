//! Printing uncaught exceptions in CPython's format: the chained causes and
//! contexts, `Traceback (most recent call last):`, one `File ..., line N, in
//! name` entry per frame with the stripped source line, and `Type: message`.
//!
//! Invariant: printing never raises; failures inside (a bad `__str__`)
//! degrade to CPython's `<exception str() failed>` placeholder.

use adder_object::Value;

use crate::objects::exception::{Exception, Traceback};
use crate::objects::function::Code;
use crate::objects::types::TypeObject;
use crate::vm::Vm;

pub fn print_exception(vm: &mut Vm, e: &Value) {
    let text = format_exception(vm, e);
    crate::builtins::sys::write_stderr(vm, &text);
}

pub fn format_exception(vm: &mut Vm, e: &Value) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    format_chain(vm, e, &mut out, &mut seen, 0);
    out
}

fn format_chain(vm: &mut Vm, e: &Value, out: &mut String, seen: &mut Vec<u64>, depth: usize) {
    seen.push(e.bits());
    if depth < 100 {
        if let Some(x) = e.downcast::<Exception>() {
            let cause = x.cause.get();
            let context = x.context.get();
            if !cause.is_none() && !cause.is_null() && !seen.contains(&cause.bits()) {
                format_chain(vm, &cause, out, seen, depth + 1);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            } else if !x.suppress_context.get()
                && !context.is_none()
                && !context.is_null()
                && !seen.contains(&context.bits())
            {
                format_chain(vm, &context, out, seen, depth + 1);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
        }
    }
    format_one(vm, e, out);
}

fn format_one(vm: &mut Vm, e: &Value, out: &mut String) {
    if let Some(x) = e.downcast::<Exception>() {
        let mut entries = Vec::new();
        let mut tb = x.traceback.get();
        while let Some(t) = tb.downcast::<Traceback>() {
            entries.push((t.code.clone(), t.lineno));
            let n = t.next.get();
            tb = n;
        }
        if !entries.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            // Each frame prepends its entry while unwinding: the head is outermost.
            for (code, line) in entries.iter() {
                let c = code.downcast::<Code>().unwrap();
                out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    c.code.filename, line, c.code.name
                ));
                if let Some(src) = crate::builtins::sys::source_line(vm, &c.code.filename, *line) {
                    let s = src.trim();
                    if !s.is_empty() {
                        out.push_str(&format!("    {s}\n"));
                    }
                }
            }
        }
    }
    out.push_str(&exception_only(vm, e));
}

/// The final `Type: message` line(s), with SyntaxError's source/caret block.
pub fn exception_only(vm: &mut Vm, e: &Value) -> String {
    let t = vm.type_of(e);
    let to = t.downcast::<TypeObject>().unwrap();
    let mut name = to.qualname.borrow().clone();
    let module = crate::ops::dict_get_str(to.dict(), "__module__").and_then(|m| {
        m.downcast::<crate::objects::string::Str>()
            .map(|s| s.as_str().to_string())
    });
    if let Some(m) = module {
        if m != "builtins" && m != "__main__" {
            name = format!("{m}.{name}");
        }
    }
    let mut out = String::new();
    if vm.exc_matches(e, &vm.t.syntax_error.clone()) {
        out.push_str(&crate::builtins::exceptions::syntax_error_block(vm, e));
    }
    let is_syntax = vm.exc_matches(e, &vm.t.syntax_error.clone());
    let msg = if is_syntax {
        match vm.getattr_str(e, "msg") {
            Ok(m) if !m.is_none() => vm.str_string(&m).unwrap_or_default(),
            _ => vm.str_string(e).unwrap_or_default(),
        }
    } else {
        match vm.str_string(e) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        }
    };
    if msg.is_empty() {
        out.push_str(&format!("{name}\n"));
    } else {
        out.push_str(&format!("{name}: {msg}\n"));
    }
    out
}
