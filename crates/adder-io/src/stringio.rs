//! `StringIO`: an in-memory text stream (CPython 3.11: Modules/_io/stringio.c).
//!
//! Invariant: the text is either an append-only accumulator (`Acc`, while
//! every write has been at the end) or a vector of characters (`Chars`,
//! after any seek-and-overwrite or read from the middle); positions are
//! always in characters. Newline translation happens on write (universal
//! mode through `NlState`, `\r`/`\r\n` modes through `writenl`).

use std::cell::{Cell, RefCell};

use adder_object::{payload, Trace, Value};
use adder_vm::objects::dict::Dict;
use adder_vm::objects::seq::Tuple;
use adder_vm::objects::string::Str;
use adder_vm::{Args, PyResult, Vm};

use crate::args::{self, given};
use crate::newline::NlState;

#[derive(Trace)]
enum Buf {
    /// Text written so far and its length in characters.
    Acc(String, usize),
    Chars(Vec<char>),
}

impl Buf {
    fn len(&self) -> usize {
        match self {
            Buf::Acc(_, n) => *n,
            Buf::Chars(c) => c.len(),
        }
    }
    fn realize(&mut self) -> &mut Vec<char> {
        if let Buf::Acc(s, _) = self {
            *self = Buf::Chars(s.chars().collect());
        }
        match self {
            Buf::Chars(c) => c,
            Buf::Acc(..) => {
                *self = Buf::Chars(Vec::new());
                self.realize()
            }
        }
    }
    fn text(&self) -> String {
        match self {
            Buf::Acc(s, _) => s.clone(),
            Buf::Chars(c) => c.iter().collect(),
        }
    }
}

#[derive(Trace)]
pub struct StringIo {
    buf: RefCell<Buf>,
    pos: Cell<usize>,
    closed: Cell<bool>,
    ok: Cell<bool>,
    decoder: RefCell<Option<NlState>>,
    readnl: RefCell<Option<String>>,
    writenl: RefCell<Option<String>>,
    readuniversal: Cell<bool>,
    readtranslate: Cell<bool>,
}
payload!(StringIo, crate::KIND_STRINGIO, "StringIO");

fn me<'a>(vm: &Vm, args: &'a Args, name: &str) -> PyResult<&'a StringIo> {
    match args.pos.first() {
        None => Err(vm.type_error(format!(
            "unbound method StringIO.{name}() needs an argument"
        ))),
        Some(v) => v.downcast::<StringIo>().ok_or_else(|| {
            vm.type_error(format!(
                "descriptor '{name}' for '_io.StringIO' objects doesn't apply to a '{}' object",
                vm.type_name(v)
            ))
        }),
    }
}

fn check(vm: &Vm, s: &StringIo) -> PyResult<()> {
    if !s.ok.get() {
        return Err(crate::state::uninitialized(vm));
    }
    if s.closed.get() {
        return Err(vm.value_error("I/O operation on closed file"));
    }
    Ok(())
}

fn new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    Ok(vm.alloc_builtin(
        &cls,
        StringIo {
            buf: RefCell::new(Buf::Acc(String::new(), 0)),
            pos: Cell::new(0),
            closed: Cell::new(false),
            ok: Cell::new(false),
            decoder: RefCell::new(None),
            readnl: RefCell::new(None),
            writenl: RefCell::new(None),
            readuniversal: Cell::new(false),
            readtranslate: Cell::new(false),
        },
    ))
}

/// Checks a `newline` argument: None or one of '', '\n', '\r', '\r\n'.
pub fn check_newline(vm: &mut Vm, v: &Option<Value>, type_msg: &str) -> PyResult<Option<String>> {
    let Some(v) = given(v) else {
        return Ok(None);
    };
    let Some(s) = v.downcast::<Str>() else {
        return Err(vm.type_error(format!("{type_msg}, not {}", vm.type_name(v))));
    };
    let s = s.as_str();
    if !matches!(s, "" | "\n" | "\r" | "\r\n") {
        let r = vm.repr_string(v)?;
        return Err(vm.value_error(format!("illegal newline value: {r}")));
    }
    Ok(Some(s.to_string()))
}

fn init(vm: &mut Vm, mut args: Args) -> PyResult {
    let a = args::kwargs(
        vm,
        &mut args,
        1,
        "StringIO",
        &["initial_value", "newline"],
        0,
        2,
    )?;
    let s = me(vm, &args, "__init__")?;
    let newline = if a[1].is_none() {
        Some("\n".to_string())
    } else {
        check_newline(vm, &a[1], "newline must be str or None")?
    };
    let value = match given(&a[0]) {
        None => None,
        Some(v) => match v.downcast::<Str>() {
            Some(t) => Some(t.as_str().to_string()),
            None => {
                return Err(vm.type_error(format!(
                    "initial_value must be str or None, not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    let universal = newline.as_deref().is_none_or(|n| n.is_empty());
    let translate = newline.is_none();
    s.readuniversal.set(universal);
    s.readtranslate.set(translate);
    *s.writenl.borrow_mut() = newline.clone().filter(|n| n.starts_with('\r'));
    *s.readnl.borrow_mut() = newline;
    *s.decoder.borrow_mut() = if universal {
        Some(NlState::new(translate))
    } else {
        None
    };
    *s.buf.borrow_mut() = Buf::Acc(String::new(), 0);
    s.pos.set(0);
    s.closed.set(false);
    s.ok.set(true);
    if let Some(v) = value {
        if !v.is_empty() {
            write_str(vm, s, &v)?;
        }
    }
    s.pos.set(0);
    Ok(Value::NONE)
}

/// Writes text at the position (after newline translation); returns the
/// number of characters of the original text.
fn write_str(vm: &mut Vm, s: &StringIo, text: &str) -> PyResult<usize> {
    let orig = text.chars().count();
    let mut decoded = text.to_string();
    if let Some(st) = s.decoder.borrow_mut().as_mut() {
        decoded = st.process(decoded, true);
    }
    if let Some(nl) = s.writenl.borrow().as_deref() {
        decoded = decoded.replace('\n', nl);
    }
    let n = decoded.chars().count();
    let pos = s.pos.get();
    pos.checked_add(n)
        .ok_or_else(|| vm.overflow_error("new position too large"))?;
    let mut buf = s.buf.borrow_mut();
    if let Buf::Acc(acc, len) = &mut *buf {
        if *len == pos {
            acc.push_str(&decoded);
            *len += n;
            s.pos.set(pos + n);
            return Ok(orig);
        }
    }
    let chars = buf.realize();
    if pos > chars.len() {
        chars.resize(pos, '\0');
    }
    for (i, c) in decoded.chars().enumerate() {
        if pos + i < chars.len() {
            chars[pos + i] = c;
        } else {
            chars.push(c);
        }
    }
    s.pos.set(pos + n);
    Ok(orig)
}

/// Where a line ends in `text` (CPython's `_PyIO_find_line_ending`):
/// `Some(n)` = the line is `text[..n]`.
pub fn find_line_ending(
    translated: bool,
    universal: bool,
    readnl: &str,
    text: &[char],
) -> Option<usize> {
    if translated {
        return text.iter().position(|&c| c == '\n').map(|i| i + 1);
    }
    if universal {
        let i = text.iter().position(|&c| c == '\n' || c == '\r')?;
        if text[i] == '\r' && text.get(i + 1) == Some(&'\n') {
            return Some(i + 2);
        }
        return Some(i + 1);
    }
    let nl: Vec<char> = readnl.chars().collect();
    if nl.is_empty() || text.len() < nl.len() {
        return None;
    }
    (0..=text.len() - nl.len())
        .find(|&i| text[i..i + nl.len()] == nl[..])
        .map(|i| i + nl.len())
}

fn readline_impl(s: &StringIo, limit: i64) -> String {
    let mut buf = s.buf.borrow_mut();
    let size = buf.len();
    let pos = s.pos.get();
    if pos >= size {
        return String::new();
    }
    let chars = buf.realize();
    let mut lim = size - pos;
    if limit >= 0 && (limit as usize) < lim {
        lim = limit as usize;
    }
    let slice = &chars[pos..pos + lim];
    let readnl = s.readnl.borrow();
    let n = find_line_ending(
        s.readtranslate.get(),
        s.readuniversal.get(),
        readnl.as_deref().unwrap_or("\n"),
        slice,
    )
    .unwrap_or(lim);
    s.pos.set(pos + n);
    slice[..n].iter().collect()
}

fn write(vm: &mut Vm, args: Args) -> PyResult {
    let v = args::onearg(vm, &args, "StringIO.write")?;
    let s = me(vm, &args, "write")?;
    check(vm, s)?;
    let Some(t) = v.downcast::<Str>() else {
        return Err(vm.type_error(format!(
            "string argument expected, got '{}'",
            vm.type_name(&v)
        )));
    };
    let n = if t.char_len() > 0 {
        write_str(vm, s, t.as_str())?
    } else {
        0
    };
    Ok(vm.new_int(n as i64))
}

fn read(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "read", "StringIO.read", 0, 1)?;
    let s = me(vm, &args, "read")?;
    let n = args::size_arg(vm, &a[0])?;
    check(vm, s)?;
    let mut buf = s.buf.borrow_mut();
    let size = buf.len();
    let pos = s.pos.get();
    if pos >= size {
        return Ok(vm.new_str(""));
    }
    let avail = size - pos;
    let n = if n < 0 || n as usize > avail {
        avail
    } else {
        n as usize
    };
    if let Buf::Acc(text, len) = &*buf {
        if pos == 0 && n == *len {
            let t = text.clone();
            drop(buf);
            s.pos.set(pos + n);
            return Ok(vm.new_string(t));
        }
    }
    let chars = buf.realize();
    let out: String = chars[pos..pos + n].iter().collect();
    s.pos.set(pos + n);
    Ok(vm.new_string(out))
}

fn readline(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "readline", "StringIO.readline", 0, 1)?;
    let s = me(vm, &args, "readline")?;
    let n = args::size_arg(vm, &a[0])?;
    check(vm, s)?;
    let line = readline_impl(s, n);
    Ok(vm.new_string(line))
}

fn next(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "__next__")?;
    check(vm, s)?;
    let selfv = args.pos[0].clone();
    let exact = args::is_exact_native(vm, &selfv);
    let line = if exact {
        let l = readline_impl(s, -1);
        vm.new_string(l)
    } else {
        let l = vm.call_method(&selfv, "readline", vec![])?;
        if l.downcast::<Str>().is_none() {
            return Err(vm.new_exception_msg(
                &vm.t.os_error,
                format!(
                    "readline() should have returned a str object, not '{}'",
                    vm.type_name(&l)
                ),
            ));
        }
        l
    };
    if line.downcast::<Str>().is_some_and(|t| t.char_len() == 0) {
        return Err(vm.stop_iteration(Value::NONE));
    }
    Ok(line)
}

fn getvalue(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "StringIO.getvalue")?;
    let s = me(vm, &args, "getvalue")?;
    check(vm, s)?;
    let t = s.buf.borrow().text();
    Ok(vm.new_string(t))
}

fn tell(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "StringIO.tell")?;
    let s = me(vm, &args, "tell")?;
    check(vm, s)?;
    Ok(vm.new_int(s.pos.get() as i64))
}

fn seek(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "seek", "StringIO.seek", 1, 2)?;
    let s = me(vm, &args, "seek")?;
    let pos = args::index_i64(vm, a[0].as_ref().unwrap_or(&Value::NONE))?;
    let whence = match &a[1] {
        None => 0,
        Some(w) => args::index_i64(vm, w)?,
    };
    check(vm, s)?;
    if !(0..=2).contains(&whence) {
        return Err(vm.value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    if pos < 0 && whence == 0 {
        return Err(vm.value_error(format!("Negative seek position {pos}")));
    }
    if whence != 0 && pos != 0 {
        return Err(vm.new_exception_msg(&vm.t.os_error, "Can't do nonzero cur-relative seeks"));
    }
    let newpos = match whence {
        1 => s.pos.get(),
        2 => s.buf.borrow().len(),
        _ => pos as usize,
    };
    s.pos.set(newpos);
    Ok(vm.new_int(newpos as i64))
}

fn truncate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "truncate", "StringIO.truncate", 0, 1)?;
    let s = me(vm, &args, "truncate")?;
    check(vm, s)?;
    let size = match given(&a[0]) {
        None => s.pos.get() as i64,
        Some(_) => args::size_arg(vm, &a[0])?,
    };
    if size < 0 {
        return Err(vm.value_error(format!("Negative size value {size}")));
    }
    let mut buf = s.buf.borrow_mut();
    if (size as usize) < buf.len() {
        buf.realize().truncate(size as usize);
    }
    Ok(vm.new_int(size))
}

fn checked_true(vm: &mut Vm, args: Args, name: &str) -> PyResult {
    let s = me(vm, &args, name)?;
    check(vm, s)?;
    Ok(Value::TRUE)
}
fn readable(vm: &mut Vm, args: Args) -> PyResult {
    checked_true(vm, args, "readable")
}
fn writable(vm: &mut Vm, args: Args) -> PyResult {
    checked_true(vm, args, "writable")
}
fn seekable(vm: &mut Vm, args: Args) -> PyResult {
    checked_true(vm, args, "seekable")
}

fn close(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "close")?;
    s.closed.set(true);
    *s.buf.borrow_mut() = Buf::Acc(String::new(), 0);
    Ok(Value::NONE)
}

fn closed_get(vm: &mut Vm, v: &Value) -> PyResult {
    let s = v
        .downcast::<StringIo>()
        .ok_or_else(|| vm.type_error("expected StringIO"))?;
    if !s.ok.get() {
        return Err(crate::state::uninitialized(vm));
    }
    Ok(Value::from_bool(s.closed.get()))
}

fn line_buffering_get(vm: &mut Vm, v: &Value) -> PyResult {
    let s = v
        .downcast::<StringIo>()
        .ok_or_else(|| vm.type_error("expected StringIO"))?;
    check(vm, s)?;
    Ok(Value::FALSE)
}

fn newlines_get(vm: &mut Vm, v: &Value) -> PyResult {
    let s = v
        .downcast::<StringIo>()
        .ok_or_else(|| vm.type_error("expected StringIO"))?;
    check(vm, s)?;
    let st = *s.decoder.borrow();
    Ok(match st {
        None => Value::NONE,
        Some(st) => st.newlines(vm),
    })
}

fn getstate(vm: &mut Vm, args: Args) -> PyResult {
    let s = me(vm, &args, "__getstate__")?;
    check(vm, s)?;
    let t = s.buf.borrow().text();
    let value = vm.new_string(t);
    let nl = match s.readnl.borrow().as_deref() {
        None => Value::NONE,
        Some(n) => vm.new_str(n),
    };
    let pos = vm.new_int(s.pos.get() as i64);
    let d = match vm.object_dict(&args.pos[0]) {
        Some(d) if d.downcast::<Dict>().is_some_and(|x| !x.is_empty()) => {
            vm.call_method(&d, "copy", vec![])?
        }
        _ => Value::NONE,
    };
    Ok(vm.new_tuple(vec![value, nl, pos, d]))
}

fn setstate(vm: &mut Vm, args: Args) -> PyResult {
    let st = args::onearg(vm, &args, "StringIO.__setstate__")?;
    let s = me(vm, &args, "__setstate__")?;
    if s.closed.get() {
        return Err(vm.value_error("I/O operation on closed file"));
    }
    let items = st
        .downcast::<Tuple>()
        .filter(|t| t.items.len() >= 4)
        .map(|t| t.items.to_vec());
    let Some(items) = items else {
        return Err(vm.type_error(format!(
            "_io.StringIO.__setstate__ argument should be 4-tuple, got {}",
            vm.type_name(&st)
        )));
    };
    // Re-initialise with the newline, then restore the raw text.
    let selfv = args.pos[0].clone();
    let mut a = Args::new(vec![selfv.clone(), Value::NONE, items[1].clone()]);
    a.kw.clear();
    init(vm, a)?;
    let Some(text) = items[0].downcast::<Str>() else {
        return Err(vm.type_error(format!(
            "initial_value must be str or None, not {}",
            vm.type_name(&items[0])
        )));
    };
    *s.buf.borrow_mut() = Buf::Chars(text.as_str().chars().collect());
    if !adder_vm::num::is_int(&items[2]) {
        return Err(vm.type_error(format!(
            "third item of state must be an integer, got {}",
            vm.type_name(&items[2])
        )));
    }
    let pos = args::index_i64(vm, &items[2])?;
    if pos < 0 {
        return Err(vm.value_error("position value cannot be negative"));
    }
    s.pos.set(pos as usize);
    let d = items[3].clone();
    if !d.is_none() {
        if d.downcast::<Dict>().is_none() {
            return Err(vm.type_error(format!(
                "fourth item of state should be a dict, got a {}",
                vm.type_name(&d)
            )));
        }
        if let Some(od) = vm.object_dict(&selfv) {
            vm.call_method(&od, "update", vec![d])?;
        }
    }
    Ok(Value::NONE)
}

pub fn init_type(vm: &mut Vm, t: &Value) {
    vm.set_new(t, new);
    let methods: &[(&'static str, adder_vm::vm::NativeFn)] = &[
        ("__init__", init),
        ("write", write),
        ("read", read),
        ("readline", readline),
        ("__next__", next),
        ("getvalue", getvalue),
        ("tell", tell),
        ("seek", seek),
        ("truncate", truncate),
        ("readable", readable),
        ("writable", writable),
        ("seekable", seekable),
        ("close", close),
        ("__getstate__", getstate),
        ("__setstate__", setstate),
    ];
    for &(n, f) in methods {
        vm.add_method(t, n, f);
    }
    vm.add_getset(t, "closed", closed_get, None);
    vm.add_getset(t, "line_buffering", line_buffering_get, None);
    vm.add_getset(t, "newlines", newlines_get, None);
}
