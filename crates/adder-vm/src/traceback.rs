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
    let mut ctx = Ctx {
        depth: 0,
        need_close: false,
        seen: Vec::new(),
        out: String::new(),
    };
    format_chain(vm, e, &mut ctx);
    ctx.out
}

/// Printing state for nested exception groups (their `| ` margins).
struct Ctx {
    depth: usize,
    need_close: bool,
    seen: Vec<u64>,
    out: String,
}

impl Ctx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }
    /// Appends `text` (one or more lines) with the group margin.
    fn emit(&mut self, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }
}

const CAUSE_MSG: &str =
    "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MSG: &str =
    "\nDuring handling of the above exception, another exception occurred:\n\n";
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

fn format_chain(vm: &mut Vm, e: &Value, ctx: &mut Ctx) {
    // Collect the chain outermost-last, as CPython's traceback module does.
    let mut chain: Vec<(Option<&'static str>, Value)> = Vec::new();
    let mut cur = Some(e.clone());
    let mut msg = None;
    while let Some(x) = cur.take() {
        if ctx.seen.contains(&x.bits()) || chain.len() > 100 {
            break;
        }
        ctx.seen.push(x.bits());
        chain.push((msg.take(), x.clone()));
        if let Some(ex) = x.downcast::<Exception>() {
            let cause = ex.cause.get();
            let context = ex.context.get();
            if !cause.is_none() && !cause.is_null() {
                msg = Some(CAUSE_MSG);
                cur = Some(cause);
            } else if !ex.suppress_context.get() && !context.is_none() && !context.is_null() {
                msg = Some(CONTEXT_MSG);
                cur = Some(context);
            }
        }
    }
    for (msg, x) in chain.into_iter().rev() {
        if let Some(m) = msg {
            ctx.emit(m, '|');
        }
        let subs = group_members(vm, &x);
        match subs {
            None => {
                let tb = traceback_text(vm, &x);
                if !tb.is_empty() {
                    ctx.emit("Traceback (most recent call last):\n", '|');
                    ctx.emit(&tb, '|');
                }
                let only = exception_only(vm, &x);
                ctx.emit(&only, '|');
            }
            Some(_) if ctx.depth > MAX_GROUP_DEPTH => {
                let name = vm.type_name(&x);
                ctx.emit(
                    &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"),
                    '|',
                );
                let _ = name;
            }
            Some(members) => {
                let toplevel = ctx.depth == 0;
                if toplevel {
                    ctx.depth += 1;
                }
                let tb = traceback_text(vm, &x);
                if !tb.is_empty() {
                    ctx.emit(
                        "Exception Group Traceback (most recent call last):\n",
                        if toplevel { '+' } else { '|' },
                    );
                    ctx.emit(&tb, '|');
                }
                let only = exception_only(vm, &x);
                ctx.emit(&only, '|');
                let n = if members.len() <= MAX_GROUP_WIDTH {
                    members.len()
                } else {
                    MAX_GROUP_WIDTH + 1
                };
                ctx.need_close = false;
                for i in 0..n {
                    let last = i == n - 1;
                    if last {
                        ctx.need_close = true;
                    }
                    let truncated = i >= MAX_GROUP_WIDTH;
                    let title = if truncated {
                        "...".to_string()
                    } else {
                        (i + 1).to_string()
                    };
                    let head = format!(
                        "{}{}+---------------- {} ----------------\n",
                        ctx.indent(),
                        if i == 0 { "+-" } else { "  " },
                        title
                    );
                    ctx.out.push_str(&head);
                    ctx.depth += 1;
                    if !truncated {
                        format_chain(vm, &members[i], ctx);
                    } else {
                        let more = members.len() - MAX_GROUP_WIDTH;
                        ctx.emit(
                            &format!(
                                "and {more} more exception{}\n",
                                if more > 1 { "s" } else { "" }
                            ),
                            '|',
                        );
                    }
                    if last && ctx.need_close {
                        let close =
                            format!("{}+------------------------------------\n", ctx.indent());
                        ctx.out.push_str(&close);
                        ctx.need_close = false;
                    }
                    ctx.depth -= 1;
                }
                if toplevel {
                    ctx.depth = 0;
                }
            }
        }
    }
}

/// The sub-exceptions of an exception group, or None for other exceptions.
fn group_members(vm: &mut Vm, e: &Value) -> Option<Vec<Value>> {
    if !vm.exc_matches(e, &vm.t.base_exception_group.clone()) {
        return None;
    }
    let ex = e.downcast::<Exception>()?;
    let args = ex.args.get();
    let items = args
        .downcast::<crate::objects::seq::Tuple>()?
        .items
        .to_vec();
    items.get(1).and_then(crate::ops::seq_items)
}

/// `  File "...", line N, in name` lines (with source) for an exception's traceback.
fn traceback_text(vm: &mut Vm, e: &Value) -> String {
    match e.downcast::<Exception>() {
        Some(x) => format_tb(vm, &x.traceback.get()),
        None => String::new(),
    }
}

/// The entries of traceback chain `tb` (None: nothing), outermost first.
pub fn format_tb(vm: &mut Vm, tb: &Value) -> String {
    let mut out = String::new();
    let mut tb = tb.clone();
    let mut count = 0;
    // CPython collapses a run of more than three identical entries.
    let mut last: Option<(std::rc::Rc<str>, u32, std::rc::Rc<str>)> = None;
    let mut repeats = 0usize;
    let flush_repeats = |out: &mut String, repeats: usize| {
        if repeats > 3 {
            let n = repeats - 3;
            out.push_str(&format!(
                "  [Previous line repeated {n} more time{}]\n",
                if n > 1 { "s" } else { "" }
            ));
        }
    };
    while let Some(t) = tb.downcast::<Traceback>() {
        let code = t.code.clone();
        let line = t.lineno;
        let c = code.downcast::<Code>().unwrap();
        let filename = c.code.filename.clone();
        let name = c.code.name.clone();
        let key = (filename.clone(), line, name.clone());
        if last.as_ref() == Some(&key) {
            repeats += 1;
        } else {
            flush_repeats(&mut out, repeats);
            repeats = 1;
            last = Some(key);
        }
        if repeats <= 3 {
            out.push_str(&format!("  File \"{filename}\", line {line}, in {name}\n"));
            if let Some(src) = crate::builtins::sys::source_line(vm, &filename, line) {
                let s = src.trim();
                if !s.is_empty() {
                    out.push_str(&format!("    {s}\n"));
                }
            }
        }
        let n = t.next.get();
        tb = n;
        count += 1;
        if count > 1_000_000 {
            break;
        }
    }
    flush_repeats(&mut out, repeats);
    out
}

/// An exception class as tracebacks name it: its qualified name, prefixed
/// by its module unless that is `builtins` or `__main__`.
pub fn type_display_name(t: &Value) -> String {
    let Some(to) = t.downcast::<TypeObject>() else {
        return "<unknown>".to_string();
    };
    let name = to.qualname.borrow().clone();
    let module = crate::ops::dict_get_str(to.dict(), "__module__").and_then(|m| {
        m.downcast::<crate::objects::string::Str>()
            .map(|s| s.as_str().to_string())
    });
    match module {
        Some(m) if m != "builtins" && m != "__main__" => format!("{m}.{name}"),
        _ => name,
    }
}

/// The final `Type: message` line(s), with SyntaxError's source/caret block.
pub fn exception_only(vm: &mut Vm, e: &Value) -> String {
    let t = vm.type_of(e);
    let name = type_display_name(&t);
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
        out.push_str(&name);
    } else {
        out.push_str(&format!("{name}: {msg}"));
    }
    if !is_syntax {
        if let Some(s) = crate::suggestions::suggestion_for(vm, e) {
            out.push_str(&format!(". Did you mean: '{s}'?"));
        }
    }
    out.push('\n');
    out
}
