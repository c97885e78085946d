//! `BytesIO`: an in-memory binary stream (CPython 3.11: Modules/_io/bytesio.c).
//!
//! Invariant: `pos` may lie beyond the end of `buf` (after a seek); a write
//! there first pads the gap with zero bytes. A closed object keeps no data.

use std::cell::{Cell, RefCell};

use adder_object::{payload, Trace, Value};
use adder_vm::objects::dict::Dict;
use adder_vm::objects::seq::Tuple;
use adder_vm::objects::string::ByteArray;
use adder_vm::{Args, PyResult, Vm};

use crate::args::{self, given};

/// The contents live in a `bytearray` so that `getbuffer()` can hand out a
/// `memoryview` sharing them; while such a view is unreleased (the
/// bytearray's buffer export count is non-zero) the object refuses to
/// resize or close, as CPython's export count does.
#[derive(Trace)]
pub struct BytesIo {
    pub data: RefCell<Value>,
    pub pos: Cell<usize>,
    pub closed: Cell<bool>,
}
payload!(BytesIo, crate::KIND_BYTESIO, "BytesIO");

impl BytesIo {
    fn with<R>(&self, f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
        let d = self.data.borrow();
        match d.downcast::<ByteArray>() {
            Some(ba) => f(&mut ba.b.borrow_mut()),
            None => f(&mut Vec::new()),
        }
    }
    fn len(&self) -> usize {
        self.with(|v| v.len())
    }
    fn exported(&self) -> bool {
        adder_vm::buffer::is_exported(&self.data.borrow())
    }
    fn replace(&self, vm: &Vm, v: Vec<u8>) {
        *self.data.borrow_mut() = vm.new_bytearray(v);
    }
}

fn check_exports(vm: &Vm, b: &BytesIo) -> PyResult<()> {
    if b.exported() {
        return Err(vm.new_exception_msg(
            &vm.t.buffer_error,
            "Existing exports of data: object cannot be re-sized",
        ));
    }
    Ok(())
}

fn me<'a>(vm: &Vm, args: &'a Args, name: &str) -> PyResult<&'a BytesIo> {
    match args.pos.first() {
        None => Err(vm.type_error(format!("unbound method BytesIO.{name}() needs an argument"))),
        Some(v) => v.downcast::<BytesIo>().ok_or_else(|| {
            vm.type_error(format!(
                "descriptor '{name}' for '_io.BytesIO' objects doesn't apply to a '{}' object",
                vm.type_name(v)
            ))
        }),
    }
}

fn check_closed(vm: &Vm, b: &BytesIo) -> PyResult<()> {
    if b.closed.get() {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(())
}

fn new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    Ok(vm.alloc_builtin(
        &cls,
        BytesIo {
            data: RefCell::new(vm.new_bytearray(Vec::new())),
            pos: Cell::new(0),
            closed: Cell::new(false),
        },
    ))
}

fn init(vm: &mut Vm, mut args: Args) -> PyResult {
    let a = args::kwargs(vm, &mut args, 1, "BytesIO", &["initial_bytes"], 0, 1)?;
    let b = me(vm, &args, "__init__")?;
    check_exports(vm, b)?;
    let data = match given(&a[0]) {
        None => Vec::new(),
        Some(v) => args::need_bytes(vm, v)?,
    };
    b.replace(vm, data);
    b.pos.set(0);
    b.closed.set(false);
    Ok(Value::NONE)
}

/// Reads up to `n` bytes (all when negative) at the position.
pub fn read_bytes(b: &BytesIo, n: i64) -> Vec<u8> {
    b.with(|buf| read_bytes_in(b, buf, n))
}

fn read_bytes_in(b: &BytesIo, buf: &[u8], n: i64) -> Vec<u8> {
    let pos = b.pos.get();
    if pos >= buf.len() {
        // Past the end (after a seek): nothing, and the position stays.
        return Vec::new();
    }
    let avail = buf.len() - pos;
    let n = if n < 0 {
        avail
    } else {
        (n as usize).min(avail)
    };
    b.pos.set(pos + n);
    buf[pos..pos + n].to_vec()
}

/// Reads one line (up to `limit` bytes when non-negative).
pub fn read_line(b: &BytesIo, limit: i64) -> Vec<u8> {
    b.with(|buf| read_line_in(b, buf, limit))
}

fn read_line_in(b: &BytesIo, buf: &[u8], limit: i64) -> Vec<u8> {
    let pos = b.pos.get();
    if pos >= buf.len() {
        return Vec::new();
    }
    let rest = &buf[pos..];
    let mut n = match rest.iter().position(|&c| c == b'\n') {
        Some(i) => i + 1,
        None => rest.len(),
    };
    if limit >= 0 {
        n = n.min(limit as usize);
    }
    b.pos.set(pos + n);
    rest[..n].to_vec()
}

/// Writes at the position, padding with zeros past the end.
pub fn write_bytes(b: &BytesIo, data: &[u8]) {
    if data.is_empty() {
        return;
    }
    b.with(|buf| write_bytes_in(b, buf, data))
}

fn write_bytes_in(b: &BytesIo, buf: &mut Vec<u8>, data: &[u8]) {
    let pos = b.pos.get();
    if pos > buf.len() {
        buf.resize(pos, 0);
    }
    let end = pos + data.len();
    if end > buf.len() {
        buf.resize(end, 0);
    }
    buf[pos..end].copy_from_slice(data);
    b.pos.set(end);
}

fn getvalue(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "BytesIO.getvalue")?;
    let b = me(vm, &args, "getvalue")?;
    check_closed(vm, b)?;
    let v = b.with(|v| v.clone());
    Ok(vm.new_bytes(v))
}

fn getbuffer(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "BytesIO.getbuffer")?;
    let b = me(vm, &args, "getbuffer")?;
    check_closed(vm, b)?;
    let data = b.data.borrow().clone();
    let mv = vm.t.memoryview.clone();
    vm.call(&mv, vec![data])
}

fn read(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "read", "BytesIO.read", 0, 1)?;
    let b = me(vm, &args, "read")?;
    let n = args::size_arg(vm, &a[0])?;
    check_closed(vm, b)?;
    let data = read_bytes(b, n);
    Ok(vm.new_bytes(data))
}

fn read1(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "read1", "BytesIO.read1", 0, 1)?;
    let b = me(vm, &args, "read1")?;
    let n = args::size_arg(vm, &a[0])?;
    check_closed(vm, b)?;
    let data = read_bytes(b, n);
    Ok(vm.new_bytes(data))
}

fn readline(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "readline", "BytesIO.readline", 0, 1)?;
    let b = me(vm, &args, "readline")?;
    let n = args::size_arg(vm, &a[0])?;
    check_closed(vm, b)?;
    let data = read_line(b, n);
    Ok(vm.new_bytes(data))
}

fn readlines(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "readlines", "BytesIO.readlines", 0, 1)?;
    let b = me(vm, &args, "readlines")?;
    let maxsize = match given(&a[0]) {
        None => -1,
        Some(v) if adder_vm::num::is_int(v) || v.is_bool() => args::index_i64(vm, v)?,
        Some(v) => {
            return Err(vm.type_error(format!(
                "integer argument expected, got '{}'",
                vm.type_name(v)
            )))
        }
    };
    check_closed(vm, b)?;
    let mut out = Vec::new();
    let mut size: i64 = 0;
    loop {
        let line = read_line(b, -1);
        if line.is_empty() {
            break;
        }
        size += line.len() as i64;
        out.push(vm.new_bytes(line));
        if maxsize > 0 && size >= maxsize {
            break;
        }
    }
    Ok(vm.new_list(out))
}

fn readinto(vm: &mut Vm, args: Args) -> PyResult {
    let target = args::onearg(vm, &args, "BytesIO.readinto")?;
    let b = me(vm, &args, "readinto")?;
    check_closed(vm, b)?;
    let len = args::writable_len(vm, &target)?;
    let data = read_bytes(b, len as i64);
    args::fill_buffer(vm, &target, &data)?;
    Ok(vm.new_int(data.len() as i64))
}

fn truncate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "truncate", "BytesIO.truncate", 0, 1)?;
    let b = me(vm, &args, "truncate")?;
    check_closed(vm, b)?;
    let size = match given(&a[0]) {
        None => b.pos.get() as i64,
        Some(_) => args::size_arg(vm, &a[0])?,
    };
    if size < 0 {
        return Err(vm.value_error(format!("negative size value {size}")));
    }
    check_exports(vm, b)?;
    b.with(|buf| {
        if (size as usize) < buf.len() {
            buf.truncate(size as usize);
        }
    });
    Ok(vm.new_int(size))
}

fn tell(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "BytesIO.tell")?;
    let b = me(vm, &args, "tell")?;
    check_closed(vm, b)?;
    Ok(vm.new_int(b.pos.get() as i64))
}

fn seek(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "seek", "BytesIO.seek", 1, 2)?;
    let b = me(vm, &args, "seek")?;
    let mut pos = args::index_i64(vm, a[0].as_ref().unwrap_or(&Value::NONE))?;
    let whence = match &a[1] {
        None => 0,
        Some(w) => args::index_i64(vm, w)?,
    };
    check_closed(vm, b)?;
    if pos < 0 && whence == 0 {
        return Err(vm.value_error(format!("negative seek value {pos}")));
    }
    match whence {
        0 => {}
        1 => {
            pos = pos
                .checked_add(b.pos.get() as i64)
                .ok_or_else(|| vm.overflow_error("new position too large"))?
        }
        2 => {
            pos = pos
                .checked_add(b.len() as i64)
                .ok_or_else(|| vm.overflow_error("new position too large"))?
        }
        _ => return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    }
    let pos = pos.max(0);
    b.pos.set(pos as usize);
    Ok(vm.new_int(pos))
}

fn write(vm: &mut Vm, args: Args) -> PyResult {
    let v = args::onearg(vm, &args, "BytesIO.write")?;
    let b = me(vm, &args, "write")?;
    check_closed(vm, b)?;
    check_exports(vm, b)?;
    let data = args::need_bytes(vm, &v)?;
    write_bytes(b, &data);
    Ok(vm.new_int(data.len() as i64))
}

fn writelines(vm: &mut Vm, args: Args) -> PyResult {
    let lines = args::onearg(vm, &args, "BytesIO.writelines")?;
    let b = me(vm, &args, "writelines")?;
    check_closed(vm, b)?;
    check_exports(vm, b)?;
    let it = vm.iter(&lines)?;
    while let Some(line) = vm.next(&it)? {
        let d = args::need_bytes(vm, &line)?;
        check_closed(vm, b)?;
        write_bytes(b, &d);
    }
    Ok(Value::NONE)
}

fn checked_true(vm: &mut Vm, args: Args, name: &str) -> PyResult {
    let b = me(vm, &args, name)?;
    check_closed(vm, b)?;
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
fn isatty(vm: &mut Vm, args: Args) -> PyResult {
    let b = me(vm, &args, "isatty")?;
    check_closed(vm, b)?;
    Ok(Value::FALSE)
}
fn flush(vm: &mut Vm, args: Args) -> PyResult {
    let b = me(vm, &args, "flush")?;
    check_closed(vm, b)?;
    Ok(Value::NONE)
}

fn close(vm: &mut Vm, args: Args) -> PyResult {
    let b = me(vm, &args, "close")?;
    check_exports(vm, b)?;
    b.closed.set(true);
    b.replace(vm, Vec::new());
    Ok(Value::NONE)
}

fn closed_get(vm: &mut Vm, v: &Value) -> PyResult {
    let b = v
        .downcast::<BytesIo>()
        .ok_or_else(|| vm.type_error("expected BytesIO"))?;
    Ok(Value::from_bool(b.closed.get()))
}

fn iter(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(args.pos.first().cloned().unwrap_or(Value::NONE))
}

fn next(vm: &mut Vm, args: Args) -> PyResult {
    let b = me(vm, &args, "__next__")?;
    check_closed(vm, b)?;
    let line = read_line(b, -1);
    if line.is_empty() {
        return Err(vm.stop_iteration(Value::NONE));
    }
    Ok(vm.new_bytes(line))
}

fn getstate(vm: &mut Vm, args: Args) -> PyResult {
    let b = me(vm, &args, "__getstate__")?;
    check_closed(vm, b)?;
    let v = b.with(|v| v.clone());
    let data = vm.new_bytes(v);
    let pos = vm.new_int(b.pos.get() as i64);
    let d = match vm.object_dict(&args.pos[0]) {
        Some(d) if d.downcast::<Dict>().is_some_and(|x| !x.is_empty()) => {
            vm.call_method(&d, "copy", vec![])?
        }
        _ => Value::NONE,
    };
    Ok(vm.new_tuple(vec![data, pos, d]))
}

fn setstate(vm: &mut Vm, args: Args) -> PyResult {
    let st = args::onearg(vm, &args, "BytesIO.__setstate__")?;
    let b = me(vm, &args, "__setstate__")?;
    check_closed(vm, b)?;
    check_exports(vm, b)?;
    let items = st
        .downcast::<Tuple>()
        .filter(|t| t.items.len() >= 3)
        .map(|t| t.items.to_vec());
    let Some(items) = items else {
        return Err(vm.type_error(format!(
            "_io.BytesIO.__setstate__ argument should be 3-tuple, got {}",
            vm.type_name(&st)
        )));
    };
    let data = args::need_bytes(vm, &items[0])?;
    if !adder_vm::num::is_int(&items[1]) {
        return Err(vm.type_error(format!(
            "second item of state must be an integer, not {}",
            vm.type_name(&items[1])
        )));
    }
    let pos = args::index_i64(vm, &items[1])?;
    if pos < 0 {
        return Err(vm.value_error("position value cannot be negative"));
    }
    let d = items[2].clone();
    if !d.is_none() && d.downcast::<Dict>().is_none() {
        return Err(vm.type_error(format!(
            "third item of state should be a dict, got a {}",
            vm.type_name(&d)
        )));
    }
    b.replace(vm, data);
    b.pos.set(pos as usize);
    if !d.is_none() {
        if let Some(od) = vm.object_dict(&args.pos[0]) {
            vm.call_method(&od, "update", vec![d])?;
        }
    }
    Ok(Value::NONE)
}

fn sizeof(vm: &mut Vm, args: Args) -> PyResult {
    let b = me(vm, &args, "__sizeof__")?;
    let n = 64 + b.with(|v| v.capacity());
    Ok(vm.new_int(n as i64))
}

pub fn init_type(vm: &mut Vm, t: &Value) {
    vm.set_new(t, new);
    let methods: &[(&'static str, adder_vm::vm::NativeFn)] = &[
        ("__init__", init),
        ("getvalue", getvalue),
        ("getbuffer", getbuffer),
        ("read", read),
        ("read1", read1),
        ("readline", readline),
        ("readlines", readlines),
        ("readinto", readinto),
        ("truncate", truncate),
        ("tell", tell),
        ("seek", seek),
        ("write", write),
        ("writelines", writelines),
        ("readable", readable),
        ("writable", writable),
        ("seekable", seekable),
        ("isatty", isatty),
        ("flush", flush),
        ("close", close),
        ("__iter__", iter),
        ("__next__", next),
        ("__getstate__", getstate),
        ("__setstate__", setstate),
        ("__sizeof__", sizeof),
    ];
    for &(n, f) in methods {
        vm.add_method(t, n, f);
    }
    vm.add_getset(t, "closed", closed_get, None);
}
