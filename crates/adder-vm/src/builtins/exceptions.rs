//! `BaseException` and its subclasses' methods and attributes, exception
//! groups (`split`, `subgroup`, `derive`, and the `except*` machinery), and
//! conversion of host errors to `OSError` subclasses.
//!
//! Invariant: `args` is always a tuple; `str(e)` follows CPython's rules
//! (empty for no args, the single arg's `str`, else the tuple's repr) with
//! per-class overrides (KeyError, SyntaxError, OSError, ImportError...).

use adder_host::HostError;
use adder_object::Value;

use crate::kinds;
use crate::objects::exception::Exception;
use crate::objects::seq::Tuple;
use crate::objects::string::Str;
use crate::ops::{dict_get_str, dict_set_str, is_subtype};
use crate::vm::{ArgVec, Args, PyResult, Vm};

fn exc_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Exception> {
    v.downcast::<Exception>()
        .ok_or_else(|| vm.type_error("descriptor requires a 'BaseException' object"))
}

pub fn all_exception_types(vm: &Vm) -> Vec<Value> {
    let t = &vm.t;
    vec![
        t.base_exception.clone(),
        t.exception.clone(),
        t.type_error.clone(),
        t.value_error.clone(),
        t.name_error.clone(),
        t.unbound_local_error.clone(),
        t.attribute_error.clone(),
        t.key_error.clone(),
        t.index_error.clone(),
        t.lookup_error.clone(),
        t.zero_division_error.clone(),
        t.arithmetic_error.clone(),
        t.overflow_error.clone(),
        t.stop_iteration.clone(),
        t.stop_async_iteration.clone(),
        t.runtime_error.clone(),
        t.recursion_error.clone(),
        t.not_implemented_error.clone(),
        t.assertion_error.clone(),
        t.import_error.clone(),
        t.module_not_found_error.clone(),
        t.system_error.clone(),
        t.system_exit.clone(),
        t.keyboard_interrupt.clone(),
        t.generator_exit.clone(),
        t.os_error.clone(),
        t.file_not_found_error.clone(),
        t.syntax_error.clone(),
        t.indentation_error.clone(),
        t.tab_error.clone(),
        t.unicode_error.clone(),
        t.unicode_decode_error.clone(),
        t.unicode_encode_error.clone(),
        t.unicode_translate_error.clone(),
        t.eof_error.clone(),
        t.memory_error.clone(),
        t.base_exception_group.clone(),
        t.exception_group.clone(),
        t.buffer_error.clone(),
        t.floating_point_error.clone(),
        t.permission_error.clone(),
        t.file_exists_error.clone(),
        t.is_a_directory_error.clone(),
        t.not_a_directory_error.clone(),
        t.warning.clone(),
        t.deprecation_warning.clone(),
        t.user_warning.clone(),
        t.runtime_warning.clone(),
        t.syntax_warning.clone(),
        t.pending_deprecation_warning.clone(),
        t.future_warning.clone(),
        t.import_warning.clone(),
        t.unicode_warning.clone(),
        t.bytes_warning.clone(),
        t.resource_warning.clone(),
        t.encoding_warning.clone(),
        t.timeout_error.clone(),
        t.interrupted_error.clone(),
        t.blocking_io_error.clone(),
        t.child_process_error.clone(),
        t.connection_error.clone(),
        t.broken_pipe_error.clone(),
        t.connection_aborted_error.clone(),
        t.connection_refused_error.clone(),
        t.connection_reset_error.clone(),
        t.process_lookup_error.clone(),
        t.reference_error.clone(),
    ]
}

fn args_of(vm: &Vm, e: &Value) -> Vec<Value> {
    let _ = vm;
    e.downcast::<Exception>().map_or(Vec::new(), |x| {
        x.args
            .get()
            .downcast::<Tuple>()
            .map_or(Vec::new(), |t| t.items.to_vec())
    })
}

fn attr(vm: &mut Vm, e: &Value, name: &str) -> Option<Value> {
    let d = e.header()?.dict_slot()?.get();
    if d.is_null() {
        return None;
    }
    let _ = vm;
    dict_get_str(&d, name)
}

fn set_attr(vm: &mut Vm, e: &Value, name: &str, v: Value) {
    if let Some(d) = vm.object_dict(e) {
        let _ = dict_set_str(vm, &d, name, v);
    }
}

/// `str(exc)`.
pub fn exception_str(vm: &mut Vm, e: &Value) -> PyResult<String> {
    let t = vm.type_of(e);
    let args = args_of(vm, e);
    if is_subtype(&t, &vm.t.key_error.clone()) && args.len() == 1 {
        return vm.repr_string(&args[0]);
    }
    if is_subtype(&t, &vm.t.syntax_error.clone()) {
        let msg = attr(vm, e, "msg").unwrap_or(Value::NONE);
        let msg = if msg.is_none() {
            args.first().cloned().unwrap_or(Value::NONE)
        } else {
            msg
        };
        if msg.is_none() {
            return Ok(String::new());
        }
        let m = vm.str_string(&msg)?;
        let filename = attr(vm, e, "filename").filter(|f| !f.is_none());
        let lineno = attr(vm, e, "lineno").and_then(|l| crate::num::as_i64(&l));
        return Ok(match (filename, lineno) {
            (Some(f), Some(l)) => {
                let f = vm.str_string(&f)?;
                let base = f.rsplit('/').next().unwrap_or(&f).to_string();
                format!("{m} ({base}, line {l})")
            }
            (Some(f), None) => {
                let f = vm.str_string(&f)?;
                format!("{m} ({f})")
            }
            (None, Some(l)) => format!("{m} (line {l})"),
            _ => m,
        });
    }
    let is_decode = is_subtype(&t, &vm.t.unicode_decode_error.clone());
    let is_encode = is_subtype(&t, &vm.t.unicode_encode_error.clone());
    let is_translate = is_subtype(&t, &vm.t.unicode_translate_error.clone());
    if is_decode || is_encode || is_translate {
        return unicode_error_str(vm, e, is_decode, is_translate, &args);
    }
    if is_subtype(&t, &vm.t.os_error.clone()) && args.len() >= 2 {
        let errno = vm.str_string(&args[0])?;
        let strerror = vm.str_string(&args[1])?;
        if let Some(f) = attr(vm, e, "filename").filter(|f| !f.is_none()) {
            let fr = vm.repr_string(&f)?;
            if let Some(f2) = attr(vm, e, "filename2").filter(|f| !f.is_none()) {
                let f2r = vm.repr_string(&f2)?;
                return Ok(format!("[Errno {errno}] {strerror}: {fr} -> {f2r}"));
            }
            return Ok(format!("[Errno {errno}] {strerror}: {fr}"));
        }
        return Ok(format!("[Errno {errno}] {strerror}"));
    }
    if is_subtype(&t, &vm.t.base_exception_group.clone()) && args.len() == 2 {
        let msg = vm.str_string(&args[0])?;
        let n = crate::ops::native_len(&args[1]).unwrap_or(0);
        return Ok(format!(
            "{msg} ({n} sub-exception{})",
            if n == 1 { "" } else { "s" }
        ));
    }
    match args.len() {
        0 => Ok(String::new()),
        1 => vm.str_string(&args[0]),
        _ => {
            let t = vm.new_tuple(args);
            vm.repr_string(&t)
        }
    }
}

/// `str()` of the UnicodeError subclasses, from their (mutable) attributes
/// `encoding`, `object`, `start`, `end` and `reason`.
fn unicode_error_str(
    vm: &mut Vm,
    e: &Value,
    is_decode: bool,
    is_translate: bool,
    args: &[Value],
) -> PyResult<String> {
    let names: &[&str] = if is_translate {
        &["object", "start", "end", "reason"]
    } else {
        &["encoding", "object", "start", "end", "reason"]
    };
    let mut vals = Vec::new();
    for (i, n) in names.iter().enumerate() {
        match attr(vm, e, n).or_else(|| args.get(i).cloned()) {
            Some(v) => vals.push(v),
            None => return Ok(String::new()),
        }
    }
    let (enc, rest) = if is_translate {
        (None, &vals[..])
    } else {
        (Some(vm.str_string(&vals[0])?), &vals[1..])
    };
    let (object, start, end, reason) = (&rest[0], &rest[1], &rest[2], &rest[3]);
    let start = crate::num::as_i64(start).unwrap_or(i64::MAX);
    let end = crate::num::as_i64(end).unwrap_or(i64::MAX);
    let reason = vm.str_string(reason)?;
    let prefix = match &enc {
        Some(enc) => format!(
            "'{enc}' codec can't {}",
            if is_decode { "decode" } else { "encode" }
        ),
        None => "can't translate".to_string(),
    };
    if is_decode {
        let bytes = crate::ops::bytes_of(object).unwrap_or_default();
        if end == start.saturating_add(1) && start >= 0 {
            if let Some(b) = bytes.get(start as usize) {
                return Ok(format!(
                    "{prefix} byte 0x{b:02x} in position {start}: {reason}"
                ));
            }
        }
        return Ok(format!(
            "{prefix} bytes in position {start}-{}: {reason}",
            end.saturating_sub(1)
        ));
    }
    if end == start.saturating_add(1) && start >= 0 {
        let c = object
            .downcast::<Str>()
            .and_then(|s| s.as_str().chars().nth(start as usize));
        if let Some(c) = c {
            let cp = adder_text::surrogate::to_code_point(c);
            let esc = if cp <= 0xff {
                format!("\\x{cp:02x}")
            } else if cp <= 0xffff {
                format!("\\u{cp:04x}")
            } else {
                format!("\\U{cp:08x}")
            };
            return Ok(format!(
                "{prefix} character '{esc}' in position {start}: {reason}"
            ));
        }
    }
    Ok(format!(
        "{prefix} characters in position {start}-{}: {reason}",
        end.saturating_sub(1)
    ))
}

pub fn exception_repr(vm: &mut Vm, e: &Value) -> PyResult<String> {
    let t = vm.type_of(e);
    let name = vm.type_obj(&t).name();
    let args = args_of(vm, e);
    if is_subtype(&t, &vm.t.base_exception_group.clone()) && args.len() == 2 {
        let a = vm.repr_string(&args[0])?;
        let b = vm.repr_string(&args[1])?;
        return Ok(format!("{name}({a}, {b})"));
    }
    if args.len() == 1 {
        let a = vm.repr_string(&args[0])?;
        return Ok(format!("{name}({a})"));
    }
    let tv = vm.new_tuple(args);
    let r = vm.repr_string(&tv)?;
    Ok(format!("{name}{r}"))
}

fn exc_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let mut cls = args.pos.remove(0);
    // OSError(errno, ...) picks the subclass for that errno, as in CPython.
    if cls.is(&vm.t.os_error) && (2..=5).contains(&args.pos.len()) {
        if let Some(errno) = crate::num::as_i64(&args.pos[0]) {
            let probe = HostError {
                errno: errno as i32,
                message: String::new(),
            };
            let e = os_error(vm, &probe, None);
            cls = vm.type_of(&e);
        }
    }
    let a = vm.new_tuple(args.pos.into_vec());
    Ok(vm.alloc_builtin(&cls, Exception::new(a)))
}

fn exc_init(vm: &mut Vm, mut args: Args) -> PyResult {
    let e = args.pos.remove(0);
    let t = vm.type_of(&e);
    let takes_kw = [
        vm.t.attribute_error.clone(),
        vm.t.name_error.clone(),
        vm.t.import_error.clone(),
    ]
    .iter()
    .any(|c| is_subtype(&t, c));
    if !args.kw.is_empty() && !crate::ops::is_heap_type(&t) && !takes_kw {
        let n = vm.type_obj(&t).name();
        return Err(vm.type_error(format!("{n}() takes no keyword arguments")));
    }
    let ex = exc_of(vm, &e)?;
    let a = vm.new_tuple(args.pos.to_vec());
    ex.args.set(a);
    specialised_init(vm, &e, &args.pos, &mut args.kw)?;
    Ok(Value::NONE)
}

/// Class-specific attributes (`StopIteration.value`, `SystemExit.code`, ...).
fn specialised_init(
    vm: &mut Vm,
    e: &Value,
    pos: &[Value],
    kw: &mut Vec<(Value, Value)>,
) -> PyResult<()> {
    let t = vm.type_of(e);
    let first = pos.first().cloned().unwrap_or(Value::NONE);
    if is_subtype(&t, &vm.t.stop_iteration.clone()) {
        set_attr(vm, e, "value", first);
    } else if is_subtype(&t, &vm.t.system_exit.clone()) {
        let code = match pos.len() {
            0 => Value::NONE,
            1 => first,
            _ => vm.new_tuple(pos.to_vec()),
        };
        set_attr(vm, e, "code", code);
    } else if is_subtype(&t, &vm.t.import_error.clone()) {
        let mut a = Args {
            pos: ArgVec::new(),
            kw: std::mem::take(kw),
        };
        let name = a.take_kw("name").unwrap_or(Value::NONE);
        let path = a.take_kw("path").unwrap_or(Value::NONE);
        if let Some((k, _)) = a.kw.first() {
            let k = k
                .downcast::<Str>()
                .map_or("?".to_string(), |s| s.as_str().to_string());
            return Err(vm.type_error(format!(
                "'{k}' is an invalid keyword argument for ImportError()"
            )));
        }
        set_attr(
            vm,
            e,
            "msg",
            if pos.len() == 1 { first } else { Value::NONE },
        );
        set_attr(vm, e, "name", name);
        set_attr(vm, e, "path", path);
    } else if is_subtype(&t, &vm.t.os_error.clone()) {
        let (errno, strerror, filename, filename2) = if (2..=5).contains(&pos.len()) {
            (
                pos[0].clone(),
                pos[1].clone(),
                pos.get(2).cloned().unwrap_or(Value::NONE),
                pos.get(4).cloned().unwrap_or(Value::NONE),
            )
        } else {
            (Value::NONE, Value::NONE, Value::NONE, Value::NONE)
        };
        set_attr(vm, e, "errno", errno);
        set_attr(vm, e, "strerror", strerror);
        set_attr(vm, e, "filename", filename);
        set_attr(vm, e, "filename2", filename2);
        if pos.len() >= 3 {
            // args keeps only (errno, strerror) when a filename was given.
            let a = vm.new_tuple(pos[..2].to_vec());
            exc_of(vm, e)?.args.set(a);
        }
    } else if is_subtype(&t, &vm.t.syntax_error.clone()) {
        set_attr(
            vm,
            e,
            "msg",
            if pos.is_empty() { Value::NONE } else { first },
        );
        let details = match pos.get(1) {
            Some(d) if pos.len() == 2 => {
                // (filename, lineno, offset, text[, end_lineno, end_offset])
                let items = vm.iterate(d)?;
                if items.len() < 4 {
                    return Err(vm.type_error(format!(
                        "function takes at least 4 arguments ({} given)",
                        items.len()
                    )));
                }
                if items.len() > 6 {
                    return Err(vm.type_error(format!(
                        "function takes at most 6 arguments ({} given)",
                        items.len()
                    )));
                }
                if items.len() == 5 {
                    return Err(
                        vm.type_error("end_offset must be provided when end_lineno is provided")
                    );
                }
                items
            }
            _ => Vec::new(),
        };
        let names = [
            "filename",
            "lineno",
            "offset",
            "text",
            "end_lineno",
            "end_offset",
        ];
        for (i, n) in names.iter().enumerate() {
            set_attr(vm, e, n, details.get(i).cloned().unwrap_or(Value::NONE));
        }
        set_attr(vm, e, "print_file_and_line", Value::NONE);
    } else if is_subtype(&t, &vm.t.attribute_error.clone())
        || is_subtype(&t, &vm.t.name_error.clone())
    {
        let mut a = Args {
            pos: ArgVec::new(),
            kw: std::mem::take(kw),
        };
        let name = a.take_kw("name").unwrap_or(Value::NONE);
        set_attr(vm, e, "name", name);
        if is_subtype(&t, &vm.t.attribute_error.clone()) {
            let obj = a.take_kw("obj").unwrap_or(Value::NONE);
            set_attr(vm, e, "obj", obj);
        }
    } else if is_subtype(&t, &vm.t.unicode_decode_error.clone())
        || is_subtype(&t, &vm.t.unicode_encode_error.clone())
    {
        let names = ["encoding", "object", "start", "end", "reason"];
        let decode = is_subtype(&t, &vm.t.unicode_decode_error.clone());
        for (i, n) in names.iter().enumerate() {
            if let Some(v) = pos.get(i) {
                // UnicodeDecodeError keeps a copy of a buffer as bytes.
                let v = match (
                    decode && i == 1 && v.kind() != Some(kinds::BYTES),
                    crate::ops::bytes_of(v),
                ) {
                    (true, Some(b)) => vm.new_bytes(b),
                    _ => v.clone(),
                };
                set_attr(vm, e, n, v);
            }
        }
    } else if is_subtype(&t, &vm.t.unicode_translate_error.clone()) {
        let names = ["object", "start", "end", "reason"];
        for (i, n) in names.iter().enumerate() {
            if let Some(v) = pos.get(i) {
                set_attr(vm, e, n, v.clone());
            }
        }
        if pos.len() == 4 {
            set_attr(vm, e, "encoding", Value::NONE);
        }
    }
    Ok(())
}

impl Vm {
    /// An AttributeError escaping `obj.name` in Python code learns the
    /// `name` and `obj` it is about (for "Did you mean" hints), unless it
    /// already knows one of them (CPython's `set_attribute_error_context`).
    pub fn attribute_error_context(&mut self, e: Value, obj: &Value, name: &Value) -> Value {
        if e.kind() != Some(kinds::EXCEPTION)
            || !self.exc_matches(&e, &self.t.attribute_error.clone())
        {
            return e;
        }
        let known = |vm: &mut Vm, n: &str| attr(vm, &e, n).is_some_and(|v| !v.is_none());
        if known(self, "name") || known(self, "obj") {
            return e;
        }
        set_attr(self, &e, "name", name.clone());
        set_attr(self, &e, "obj", obj.clone());
        e
    }
}

/// Sets SyntaxError's attributes from its (msg, details) args.
pub fn init_syntax_error_attrs(vm: &mut Vm, e: &Value) {
    let args = args_of(vm, e);
    let _ = specialised_init(vm, e, &args, &mut Vec::new());
}

fn end_lineno_of(vm: &mut Vm, e: &Value) -> Option<i64> {
    attr(vm, e, "end_lineno").and_then(|l| crate::num::as_i64(&l))
}

/// The source line of a SyntaxError and its caret line (CPython's
/// `print_error_text`, counting characters): offsets are 1-based, None or
/// < 1 means no carets; an error spanning lines is marked to the end of
/// the first; there are at least one and at most line-length carets.
fn error_text(
    text: &str,
    lineno: Option<i64>,
    offset: Option<i64>,
    end_offset: Option<i64>,
    end_lineno: Option<i64>,
) -> String {
    let size = text.chars().count() as i64;
    let mut end = end_offset.unwrap_or(-1);
    if matches!((lineno, end_lineno), (Some(l), Some(el)) if el > l) {
        end = size;
    }
    end = end.min(size + 1);
    let mut off = offset.unwrap_or(-1);
    let carets = if end > 0 && end > off { end - off } else { 1 };
    off -= 1;
    let mut chars: Vec<char> = text.chars().collect();
    let lead = chars
        .iter()
        .take_while(|c| matches!(c, ' ' | '\t' | '\x0c'))
        .count();
    chars.drain(..lead);
    off -= lead as i64;
    let mut len = chars.len() as i64;
    if chars.last() == Some(&'\n') {
        len -= 1;
    }
    off = off.min(len);
    // Only the line the offset falls on is shown.
    while let Some(nl) = chars.iter().position(|&c| c == '\n') {
        let nl = nl as i64;
        if nl >= off {
            break;
        }
        chars.drain(..=nl as usize);
        off -= nl + 1;
    }
    let shown: String = chars.iter().collect();
    let mut out = format!("    {shown}");
    if !shown.ends_with('\n') {
        out.push('\n');
    }
    if off < 0 {
        return out;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(off as usize));
    out.push_str(&"^".repeat(carets.max(1) as usize));
    out.push('\n');
    out
}

/// The `File "...", line N` block printed above a SyntaxError's message.
pub fn syntax_error_block(vm: &mut Vm, e: &Value) -> String {
    let filename =
        attr(vm, e, "filename").and_then(|f| f.downcast::<Str>().map(|s| s.as_str().to_string()));
    let lineno = attr(vm, e, "lineno").and_then(|l| crate::num::as_i64(&l));
    let text =
        attr(vm, e, "text").and_then(|f| f.downcast::<Str>().map(|s| s.as_str().to_string()));
    let offset = attr(vm, e, "offset").and_then(|l| crate::num::as_i64(&l));
    let end_offset = attr(vm, e, "end_offset").and_then(|l| crate::num::as_i64(&l));
    let mut out = String::new();
    if let (Some(f), Some(l)) = (&filename, lineno) {
        out.push_str(&format!("  File \"{f}\", line {l}\n"));
    }
    if let Some(t) = text {
        out.push_str(&error_text(
            &t,
            lineno,
            offset,
            end_offset,
            end_lineno_of(vm, e),
        ));
    }
    // The message line itself is printed by the caller.
    let _ = vm;
    out
}

fn get_args(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(exc_of(vm, v)?.args.get())
}
/// `del` of a BaseException attribute that CPython refuses to delete.
fn no_delete(vm: &Vm, v: &Value, what: &str) -> PyResult<()> {
    if v.is_null() {
        return Err(vm.type_error(format!("{what} may not be deleted")));
    }
    Ok(())
}
fn set_args(vm: &mut Vm, v: &Value, a: Value) -> PyResult<()> {
    no_delete(vm, &a, "args")?;
    let items = vm.iterate(&a)?;
    let t = vm.new_tuple(items);
    exc_of(vm, v)?.args.set(t);
    Ok(())
}
fn get_tb(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(exc_of(vm, v)?.traceback.get())
}
fn set_tb(vm: &mut Vm, v: &Value, tb: Value) -> PyResult<()> {
    no_delete(vm, &tb, "__traceback__")?;
    if !tb.is_none() && tb.kind() != Some(kinds::TRACEBACK) {
        return Err(vm.type_error("__traceback__ must be a traceback or None"));
    }
    exc_of(vm, v)?.traceback.set(tb);
    Ok(())
}
fn get_cause(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(exc_of(vm, v)?.cause.get())
}
fn set_cause(vm: &mut Vm, v: &Value, c: Value) -> PyResult<()> {
    no_delete(vm, &c, "__cause__")?;
    if !c.is_none() && c.kind() != Some(kinds::EXCEPTION) {
        return Err(vm.type_error("exception cause must be None or derive from BaseException"));
    }
    let e = exc_of(vm, v)?;
    e.cause.set(c);
    e.suppress_context.set(true);
    Ok(())
}
fn get_context(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(exc_of(vm, v)?.context.get())
}
fn set_context(vm: &mut Vm, v: &Value, c: Value) -> PyResult<()> {
    no_delete(vm, &c, "__context__")?;
    if !c.is_none() && c.kind() != Some(kinds::EXCEPTION) {
        return Err(vm.type_error("exception context must be None or derive from BaseException"));
    }
    exc_of(vm, v)?.context.set(c);
    Ok(())
}
fn get_suppress(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(Value::from_bool(exc_of(vm, v)?.suppress_context.get()))
}
fn set_suppress(vm: &mut Vm, v: &Value, c: Value) -> PyResult<()> {
    let b = vm.truthy(&c)?;
    exc_of(vm, v)?.suppress_context.set(b);
    Ok(())
}
/// `__reduce__`: `(type(self), self.args)`, plus the instance dict when it
/// holds anything, so that `copy` and `pickle` rebuild the attributes.
fn exc_reduce(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "__reduce__", &args, 1, 1)?;
    let e = args.pos[0].clone();
    let t = vm.type_of(&e);
    let a = exc_of(vm, &e)?.args.get();
    let d = e.header().and_then(|h| h.dict_slot()).map(|s| s.get());
    let mut items = vec![t, a];
    if let Some(d) = d.filter(|d| !d.is_null()) {
        if crate::ops::native_len(&d).unwrap_or(0) > 0 {
            items.push(d);
        }
    }
    Ok(vm.new_tuple(items))
}
/// `__setstate__(state)`: sets each item of a dict state as an attribute.
fn exc_setstate(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "__setstate__", &args, 2, 2)?;
    let state = &args.pos[1];
    if state.is_none() {
        return Ok(Value::NONE);
    }
    let Some(d) = state.downcast::<crate::objects::dict::Dict>() else {
        return Err(vm.type_error("state is not a dictionary"));
    };
    for (k, v) in d.items() {
        vm.setattr(&args.pos[0], &k, v)?;
    }
    Ok(Value::NONE)
}
fn with_traceback(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "with_traceback", &args, 2, 2)?;
    set_tb(vm, &args.pos[0], args.pos[1].clone())?;
    Ok(args.pos[0].clone())
}
fn add_note(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "add_note", &args, 2, 2)?;
    let e = args.pos[0].clone();
    if args.pos[1].kind() != Some(kinds::STR) {
        return Err(vm.type_error(format!(
            "note must be a str, not '{}'",
            vm.type_name(&args.pos[1])
        )));
    }
    let notes = match attr(vm, &e, "__notes__") {
        Some(n) if n.kind() != Some(kinds::LIST) => {
            return Err(vm.type_error("Cannot add note: __notes__ is not a list"))
        }
        Some(n) => n,
        None => {
            let l = vm.new_list(vec![]);
            set_attr(vm, &e, "__notes__", l.clone());
            l
        }
    };
    vm.call_method(&notes, "append", vec![args.pos[1].clone()])?;
    Ok(Value::NONE)
}
fn exc_str(vm: &mut Vm, args: Args) -> PyResult {
    let s = exception_str(vm, &args.pos[0])?;
    Ok(vm.new_string(s))
}
fn exc_repr(vm: &mut Vm, args: Args) -> PyResult {
    let s = exception_repr(vm, &args.pos[0])?;
    Ok(vm.new_string(s))
}
fn exc_dict(vm: &mut Vm, v: &Value) -> PyResult {
    vm.object_dict(v)
        .ok_or_else(|| vm.type_error("no __dict__"))
}

/// `e.__dict__ = d` (BaseException's dict is writable, as CPython's).
fn exc_set_dict(vm: &mut Vm, v: &Value, d: Value) -> PyResult<()> {
    vm.replace_instance_dict(v, Some(d))
}

/// The `value` of a StopIteration (None when it has no args).
pub fn stop_iteration_value(vm: &mut Vm, e: &Value) -> Value {
    if let Some(v) = attr(vm, e, "value") {
        return v;
    }
    args_of(vm, e).first().cloned().unwrap_or(Value::NONE)
}

/// An `OSError` subclass for a host error, like CPython's errno mapping.
pub fn os_error(vm: &mut Vm, e: &HostError, filename: Option<&str>) -> Value {
    use adder_host as h;
    let t = &vm.t;
    let ty = match e.errno {
        h::ENOENT => t.file_not_found_error.clone(),
        h::EEXIST => t.file_exists_error.clone(),
        h::EISDIR => t.is_a_directory_error.clone(),
        h::ENOTDIR => t.not_a_directory_error.clone(),
        h::EACCES | h::EPERM => t.permission_error.clone(),
        h::EINTR => t.interrupted_error.clone(),
        h::EPIPE | h::ESHUTDOWN => t.broken_pipe_error.clone(),
        h::ECONNABORTED => t.connection_aborted_error.clone(),
        h::EALREADY | h::EINPROGRESS => t.blocking_io_error.clone(),
        h::ECHILD => t.child_process_error.clone(),
        h::ESRCH => t.process_lookup_error.clone(),
        h::ETIMEDOUT => t.timeout_error.clone(),
        h::ECONNREFUSED => t.connection_refused_error.clone(),
        h::ECONNRESET => t.connection_reset_error.clone(),
        h::EAGAIN => t.blocking_io_error.clone(),
        _ => t.os_error.clone(),
    };
    let mut args = vec![vm.new_int(e.errno as i64), vm.new_str(&e.message)];
    if let Some(f) = filename {
        args.push(vm.new_str(f));
    }
    let exc = vm.new_exception(&ty, args.clone());
    let _ = specialised_init(vm, &exc, &args, &mut Vec::new());
    exc
}

// ----- exception groups -------------------------------------------------------------------

fn eg_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    if args.pos.len() != 3 {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.pos.len() - 1
        )));
    }
    let msg = args.pos[1].clone();
    if msg.kind() != Some(kinds::STR) {
        return Err(vm.type_error("argument 1 must be str, not ".to_string() + &vm.type_name(&msg)));
    }
    let excs = vm
        .iterate(&args.pos[2])
        .map_err(|_| vm.type_error("second argument (exceptions) must be a sequence"))?;
    if args.pos[2].kind() == Some(kinds::SET) || args.pos[2].is_none() {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    if excs.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut all_exc = true;
    for (i, e) in excs.iter().enumerate() {
        if e.kind() != Some(kinds::EXCEPTION) {
            return Err(vm.value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        if !vm.exc_matches(e, &vm.t.exception.clone()) {
            all_exc = false;
        }
    }
    let mut cls = cls;
    if cls.is(&vm.t.base_exception_group) {
        if all_exc {
            cls = vm.t.exception_group.clone();
        }
    } else if is_subtype(&cls, &vm.t.exception.clone()) && !all_exc {
        let n = vm.type_obj(&cls).name();
        if cls.is(&vm.t.exception_group) {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
        return Err(vm.type_error(format!("Cannot nest BaseExceptions in '{n}'")));
    }
    let seq = match args.pos[2].kind() {
        Some(kinds::LIST) | Some(kinds::TUPLE) => args.pos[2].clone(),
        _ => vm.new_tuple(excs.clone()),
    };
    let a = vm.new_tuple(vec![msg, seq]);
    let e = Exception::new(a);
    e.group.set(vm.new_tuple(excs));
    Ok(vm.alloc_builtin(&cls, e))
}

fn eg_init(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::NONE)
}

fn eg_parts(vm: &Vm, e: &Value) -> (Value, Vec<Value>) {
    let a = args_of(vm, e);
    let msg = a.first().cloned().unwrap_or(Value::NONE);
    let group = e
        .downcast::<Exception>()
        .map(|x| x.group.get())
        .filter(|g| !g.is_null());
    let excs = match group {
        Some(g) => crate::ops::seq_items(&g).unwrap_or_default(),
        None => a.get(1).and_then(crate::ops::seq_items).unwrap_or_default(),
    };
    (msg, excs)
}

fn eg_message(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(eg_parts(vm, v).0)
}
fn eg_exceptions(vm: &mut Vm, v: &Value) -> PyResult {
    let ex = eg_parts(vm, v).1;
    Ok(vm.new_tuple(ex))
}

/// `eg.derive(excs)` and copying of the group's metadata.
fn derive(vm: &mut Vm, eg: &Value, excs: Vec<Value>) -> PyResult {
    let l = vm.new_list(excs);
    let r = vm.call_method(eg, "derive", vec![l])?;
    if let (Some(src), Some(dst)) = (eg.downcast::<Exception>(), r.downcast::<Exception>()) {
        dst.traceback.set(src.traceback.get());
        dst.cause.set(src.cause.get());
        dst.context.set(src.context.get());
        dst.suppress_context.set(src.suppress_context.get());
    }
    // Notes are copied into a new list, and only when they are a sequence.
    if let Some(n) = attr(vm, eg, "__notes__") {
        // PySequence_Check: `__getitem__` on a type that is not a dict.
        let gi = vm.names.__getitem__.clone();
        let is_seq = n.kind() != Some(kinds::DICT)
            && crate::ops::type_lookup(&vm.type_of(&n), &gi).is_some();
        if is_seq {
            let items = vm.iterate(&n)?;
            let l = vm.new_list(items);
            set_attr(vm, &r, "__notes__", l);
        }
    }
    Ok(r)
}

fn eg_derive(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "derive", &args, 2, 2)?;
    let (msg, _) = eg_parts(vm, &args.pos[0]);
    let bg = vm.t.base_exception_group.clone();
    vm.call(&bg, vec![msg, args.pos[1].clone()])
}

/// Splits `eg` by `pred` into (matching, rest), each None when empty.
fn split_by(
    vm: &mut Vm,
    eg: &Value,
    pred: &dyn Fn(&mut Vm, &Value) -> PyResult<bool>,
) -> PyResult<(Value, Value)> {
    if pred(vm, eg)? {
        return Ok((eg.clone(), Value::NONE));
    }
    let is_group = vm.exc_matches(eg, &vm.t.base_exception_group.clone());
    if !is_group {
        return Ok((Value::NONE, eg.clone()));
    }
    let (_, excs) = eg_parts(vm, eg);
    let mut m = Vec::new();
    let mut r = Vec::new();
    for e in excs {
        let (a, b) = vm.nested("", |vm| split_by(vm, &e, pred))?;
        if !a.is_none() {
            m.push(a);
        }
        if !b.is_none() {
            r.push(b);
        }
    }
    let mv = if m.is_empty() {
        Value::NONE
    } else {
        derive(vm, eg, m)?
    };
    let rv = if r.is_empty() {
        Value::NONE
    } else {
        derive(vm, eg, r)?
    };
    Ok((mv, rv))
}

type Pred = Box<dyn Fn(&mut Vm, &Value) -> PyResult<bool>>;

fn matcher(vm: &mut Vm, cond: &Value) -> PyResult<Pred> {
    let is_exc_type = |vm: &Vm, t: &Value| vm.is_type(t) && is_subtype(t, &vm.t.base_exception);
    if is_exc_type(vm, cond) {
        let c = cond.clone();
        return Ok(Box::new(move |vm: &mut Vm, e: &Value| {
            Ok(vm.exc_matches(e, &c))
        }));
    }
    if let Some(t) = cond.downcast::<Tuple>() {
        let items = t.items.to_vec();
        if items.iter().all(|x| is_exc_type(vm, x)) {
            return Ok(Box::new(move |vm: &mut Vm, e: &Value| {
                Ok(items.iter().any(|c| vm.exc_matches(e, c)))
            }));
        }
    }
    if cond.kind() == Some(kinds::FUNCTION)
        || cond.kind() == Some(kinds::NATIVE)
        || cond.kind() == Some(kinds::METHOD)
    {
        let c = cond.clone();
        return Ok(Box::new(move |vm: &mut Vm, e: &Value| {
            let r = vm.call(&c, vec![e.clone()])?;
            vm.truthy(&r)
        }));
    }
    Err(vm.type_error("expected a function, exception type or tuple of exception types"))
}

fn eg_split(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "split", &args, 2, 2)?;
    let p = matcher(vm, &args.pos[1])?;
    let (m, r) = split_by(vm, &args.pos[0], &*p)?;
    Ok(vm.new_tuple(vec![m, r]))
}
fn eg_subgroup(vm: &mut Vm, args: Args) -> PyResult {
    crate::ops::check_args(vm, "subgroup", &args, 2, 2)?;
    let p = matcher(vm, &args.pos[1])?;
    Ok(split_by(vm, &args.pos[0], &*p)?.0)
}
fn eg_str(vm: &mut Vm, args: Args) -> PyResult {
    let s = exception_str(vm, &args.pos[0])?;
    Ok(vm.new_string(s))
}

/// `CheckEgMatch`: (rest, match) for `except* T`.
pub fn eg_match(vm: &mut Vm, e: &Value, ty: &Value) -> PyResult<(Value, Value)> {
    let check = |vm: &Vm, t: &Value| vm.is_type(t) && is_subtype(t, &vm.t.base_exception);
    let types: Vec<Value> = match ty.downcast::<Tuple>() {
        Some(t) => t.items.to_vec(),
        None => vec![ty.clone()],
    };
    for t in &types {
        if !check(vm, t) {
            return Err(vm.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        if is_subtype(t, &vm.t.base_exception_group.clone()) {
            return Err(vm.type_error(
                "catching ExceptionGroup with except* is not allowed. Use except instead.",
            ));
        }
    }
    let is_group = vm.exc_matches(e, &vm.t.base_exception_group.clone());
    let matches = |vm: &Vm, x: &Value| types.iter().any(|t| vm.exc_matches(x, t));
    if !is_group {
        if matches(vm, e) {
            // A naked exception is wrapped in a group.
            let msg = vm.new_str("");
            let l = vm.new_tuple(vec![e.clone()]);
            let eg = vm.call(&vm.t.base_exception_group.clone(), vec![msg, l])?;
            if let (Some(src), Some(dst)) = (e.downcast::<Exception>(), eg.downcast::<Exception>())
            {
                dst.traceback.set(src.traceback.get());
            }
            return Ok((Value::NONE, eg));
        }
        return Ok((e.clone(), Value::NONE));
    }
    let tys = types.clone();
    let pred = move |vm: &mut Vm, x: &Value| -> PyResult<bool> {
        Ok(tys.iter().any(|t| vm.exc_matches(x, t)))
    };
    let (m, r) = split_by(vm, e, &pred)?;
    Ok((r, m))
}

/// `PrepReraiseStar`: what an `except*` block re-raises: the unhandled rest
/// plus everything raised in the handlers, or None.
pub fn prep_reraise_star(vm: &mut Vm, orig: &Value, list: &Value) -> PyResult {
    let items: Vec<Value> = vm
        .iterate(list)?
        .into_iter()
        .filter(|v| !v.is_none())
        .collect();
    if items.is_empty() {
        return Ok(Value::NONE);
    }
    if orig.kind() != Some(kinds::EXCEPTION)
        || !vm.exc_matches(orig, &vm.t.base_exception_group.clone())
    {
        return Ok(items[0].clone());
    }
    // Re-raised (unchanged) leaves vs newly raised exceptions.
    let mut leaf_ids = Vec::new();
    collect_leaves(vm, orig, &mut leaf_ids);
    let mut reraised_ids = Vec::new();
    let mut raised = Vec::new();
    for e in &items {
        let mut ids = Vec::new();
        collect_leaves(vm, e, &mut ids);
        if ids.iter().all(|i| leaf_ids.contains(i)) {
            reraised_ids.extend(ids);
        } else {
            raised.push(e.clone());
        }
    }
    let keep = reraised_ids.clone();
    let pred = move |_vm: &mut Vm, x: &Value| -> PyResult<bool> { Ok(keep.contains(&x.bits())) };
    let reraised = if reraised_ids.is_empty() {
        Value::NONE
    } else {
        split_leaves(vm, orig, &pred)?
    };
    if raised.is_empty() {
        return Ok(reraised);
    }
    // Newly raised exceptions always come out wrapped in a group, with the
    // re-raised part of the original (if any) last.
    let mut all = raised;
    if !reraised.is_none() {
        all.push(reraised);
    }
    let msg = vm.new_str("");
    let l = vm.new_list(all);
    vm.call(&vm.t.base_exception_group.clone(), vec![msg, l])
}

fn split_leaves(
    vm: &mut Vm,
    eg: &Value,
    pred: &dyn Fn(&mut Vm, &Value) -> PyResult<bool>,
) -> PyResult {
    let is_group = vm.exc_matches(eg, &vm.t.base_exception_group.clone());
    if !is_group {
        return Ok(if pred(vm, eg)? {
            eg.clone()
        } else {
            Value::NONE
        });
    }
    let (_, excs) = eg_parts(vm, eg);
    let mut kept = Vec::new();
    for e in excs {
        let r = vm.nested("", |vm| split_leaves(vm, &e, pred))?;
        if !r.is_none() {
            kept.push(r);
        }
    }
    if kept.is_empty() {
        return Ok(Value::NONE);
    }
    derive(vm, eg, kept)
}

fn collect_leaves(vm: &Vm, e: &Value, out: &mut Vec<u64>) {
    if vm.exc_matches(e, &vm.t.base_exception_group) {
        for x in eg_parts(vm, e).1 {
            collect_leaves(vm, &x, out);
        }
    } else {
        out.push(e.bits());
    }
}

pub fn init(vm: &mut Vm) {
    let b = vm.t.base_exception.clone();
    vm.set_new(&b, exc_new);
    vm.add_method(&b, "__init__", exc_init);
    vm.add_method(&b, "__str__", exc_str);
    vm.add_method(&b, "__repr__", exc_repr);
    vm.add_method(&b, "with_traceback", with_traceback);
    vm.add_method(&b, "add_note", add_note);
    vm.add_method(&b, "__reduce__", exc_reduce);
    vm.add_method(&b, "__setstate__", exc_setstate);
    vm.add_getset_del(&b, "args", get_args, set_args);
    vm.add_getset_del(&b, "__traceback__", get_tb, set_tb);
    vm.add_getset_del(&b, "__cause__", get_cause, set_cause);
    vm.add_getset_del(&b, "__context__", get_context, set_context);
    vm.add_getset(&b, "__suppress_context__", get_suppress, Some(set_suppress));
    vm.add_getset(&b, "__dict__", exc_dict, Some(exc_set_dict));
    let g = vm.t.base_exception_group.clone();
    vm.set_new(&g, eg_new);
    vm.add_method(&g, "__init__", eg_init);
    vm.add_method(&g, "__str__", eg_str);
    vm.add_method(&g, "derive", eg_derive);
    vm.add_method(&g, "split", eg_split);
    vm.add_method(&g, "subgroup", eg_subgroup);
    vm.add_classmethod(&g, "__class_getitem__", crate::builtins::seq::class_getitem);
    vm.add_getset(&g, "message", eg_message, None);
    vm.add_getset(&g, "exceptions", eg_exceptions, None);
    // Attributes with class-level defaults.
    for (ty, names) in [
        (vm.t.stop_iteration.clone(), &["value"][..]),
        (vm.t.system_exit.clone(), &["code"][..]),
        (vm.t.import_error.clone(), &["msg", "name", "path"][..]),
        (
            vm.t.os_error.clone(),
            &["errno", "strerror", "filename", "filename2"][..],
        ),
        (
            vm.t.syntax_error.clone(),
            &[
                "msg",
                "filename",
                "lineno",
                "offset",
                "text",
                "end_lineno",
                "end_offset",
                "print_file_and_line",
            ][..],
        ),
        (vm.t.attribute_error.clone(), &["name", "obj"][..]),
        (vm.t.name_error.clone(), &["name"][..]),
    ] {
        for n in names {
            vm.add_attr(&ty, n, Value::NONE);
        }
    }
}
