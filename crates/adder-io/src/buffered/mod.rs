//! `BufferedReader`, `BufferedWriter` and `BufferedRandom`: one payload
//! over a raw stream, with CPython's shared read/write buffer
//! (CPython 3.11: Modules/_io/bufferedio.c; the algorithms are in `core`).
//!
//! Invariants:
//! - The buffer state (`pos`, `raw_pos`, `read_end`, `write_pos`,
//!   `write_end`, `abs_pos`) follows CPython's meaning exactly (see `core`).
//! - When the raw stream is exactly a native `FileIO` (`fast`), the raw
//!   operations call it directly; otherwise they go through its Python
//!   methods (`readinto`, `write`, `seek`, `tell`, ...).
//! - Dropping the object writes any pending bytes to a native raw stream
//!   (no Python code can run then); over any other raw stream the object is
//!   finalised instead (`__del__` → `close()`), as CPython does.

mod core;

use std::cell::{Cell, RefCell};

use adder_object::{payload, Trace, Value};
use adder_vm::{Args, PyResult, Vm};

use crate::args;
use crate::fileio::{self, FileIo};
use crate::state::unsupported;

pub use self::core::{drop_flush, flush_and_rewind};

#[derive(Clone, Copy, PartialEq, Eq, Trace)]
pub enum Kind {
    Reader,
    Writer,
    Random,
}

#[derive(Trace)]
pub struct Buffered {
    pub raw: RefCell<Value>,
    pub kind: Cell<Kind>,
    pub ok: Cell<bool>,
    pub detached: Cell<bool>,
    pub readable: Cell<bool>,
    pub writable: Cell<bool>,
    pub fast: Cell<bool>,
    pub buffer_size: Cell<usize>,
    pub buffer_mask: Cell<usize>,
    pub buf: RefCell<Vec<u8>>,
    pub pos: Cell<i64>,
    pub raw_pos: Cell<i64>,
    pub read_end: Cell<i64>,
    pub write_pos: Cell<i64>,
    pub write_end: Cell<i64>,
    pub abs_pos: Cell<i64>,
    pub finalizing: Cell<bool>,
}
payload!(
    Buffered,
    crate::KIND_BUFFERED,
    "BufferedReader",
    needs_finalize = buffered_needs_close
);

/// A dying buffered object whose raw stream is not a native FileIO must be
/// closed through Python (`__del__` → `close()`, as CPython's finaliser);
/// over a FileIO, `Drop` flushes natively and the FileIO closes itself.
fn buffered_needs_close(h: &adder_object::Header) -> bool {
    let Some(b) = h.payload::<Buffered>() else {
        return false;
    };
    if !b.ok.get() {
        return false;
    }
    let Ok(raw) = b.raw.try_borrow() else {
        return false;
    };
    raw.downcast::<FileIo>().is_none()
}

impl Drop for Buffered {
    fn drop(&mut self) {
        if self.ok.get() && self.writable.get() {
            drop_flush(self, &[]);
        }
    }
}

impl Buffered {
    pub fn new(kind: Kind) -> Buffered {
        Buffered {
            raw: RefCell::new(Value::NONE),
            kind: Cell::new(kind),
            ok: Cell::new(false),
            detached: Cell::new(false),
            readable: Cell::new(kind != Kind::Writer),
            writable: Cell::new(kind != Kind::Reader),
            fast: Cell::new(false),
            buffer_size: Cell::new(crate::iobase::DEFAULT_BUFFER_SIZE),
            buffer_mask: Cell::new(0),
            buf: RefCell::new(Vec::new()),
            pos: Cell::new(0),
            raw_pos: Cell::new(0),
            read_end: Cell::new(-1),
            write_pos: Cell::new(0),
            write_end: Cell::new(-1),
            abs_pos: Cell::new(-1),
            finalizing: Cell::new(false),
        }
    }

    pub fn raw(&self) -> Value {
        self.raw.borrow().clone()
    }
}

pub fn type_name(b: &Buffered) -> &'static str {
    match b.kind.get() {
        Kind::Reader => "BufferedReader",
        Kind::Writer => "BufferedWriter",
        Kind::Random => "BufferedRandom",
    }
}

/// The receiver, checked to be a buffered object that is initialised.
pub fn me<'a>(vm: &Vm, args: &'a Args, name: &str) -> PyResult<&'a Buffered> {
    let b = me_raw(vm, args, name)?;
    check_init(vm, b)?;
    Ok(b)
}

fn me_raw<'a>(vm: &Vm, args: &'a Args, name: &str) -> PyResult<&'a Buffered> {
    match args.pos.first() {
        None => Err(vm.type_error(format!(
            "unbound method BufferedReader.{name}() needs an argument"
        ))),
        Some(v) => v.downcast::<Buffered>().ok_or_else(|| {
            vm.type_error(format!(
                "descriptor '{name}' for '_io.BufferedReader' objects doesn't apply to a '{}' object",
                vm.type_name(v)
            ))
        }),
    }
}

pub fn check_init(vm: &Vm, b: &Buffered) -> PyResult<()> {
    if !b.ok.get() {
        if b.detached.get() {
            return Err(vm.value_error("raw stream has been detached"));
        }
        return Err(crate::state::uninitialized(vm));
    }
    Ok(())
}

/// Whether the raw stream is closed (`raw.closed`).
pub fn is_closed(vm: &mut Vm, b: &Buffered) -> PyResult<bool> {
    let raw = b.raw();
    if b.fast.get() {
        if let Some(f) = raw.downcast::<FileIo>() {
            return Ok(f.fd.get() < 0);
        }
    }
    crate::iobase::is_closed_attr(vm, &raw)
}

/// `CHECK_CLOSED`: closed and no read-ahead left.
fn check_closed(vm: &mut Vm, b: &Buffered, msg: &str) -> PyResult<()> {
    if is_closed(vm, b)? && b.readahead() == 0 {
        return Err(vm.value_error(msg));
    }
    Ok(())
}

// ----- entry points for the text layer ---------------------------------------------------

/// `read(n)` with CPython's checks (TextIOWrapper's fast path).
pub fn read_n(vm: &mut Vm, b: &Buffered, n: i64) -> PyResult<Option<Vec<u8>>> {
    check_init(vm, b)?;
    check_closed(vm, b, "read of closed file")?;
    self::core::read(vm, b, n)
}

/// `read1(n)` with CPython's checks.
pub fn read1_n(vm: &mut Vm, b: &Buffered, n: i64) -> PyResult<Vec<u8>> {
    check_init(vm, b)?;
    check_closed(vm, b, "read of closed file")?;
    self::core::read1(vm, b, n)
}

/// `write(data)` with CPython's checks.
pub fn write_data(vm: &mut Vm, b: &Buffered, data: &[u8]) -> PyResult<usize> {
    check_init(vm, b)?;
    if is_closed(vm, b)? {
        return Err(vm.value_error("write to closed file"));
    }
    self::core::write(vm, b, data)
}

/// `flush()` of a writable buffered object.
pub fn flush_native(vm: &mut Vm, b: &Buffered) -> PyResult<()> {
    check_init(vm, b)?;
    check_closed(vm, b, "flush of closed file")?;
    flush_and_rewind(vm, b)
}

// ----- construction -------------------------------------------------------------------

fn new_reader(vm: &mut Vm, args: Args) -> PyResult {
    Ok(vm.alloc_builtin(&args.pos[0], Buffered::new(Kind::Reader)))
}
fn new_writer(vm: &mut Vm, args: Args) -> PyResult {
    Ok(vm.alloc_builtin(&args.pos[0], Buffered::new(Kind::Writer)))
}
fn new_random(vm: &mut Vm, args: Args) -> PyResult {
    Ok(vm.alloc_builtin(&args.pos[0], Buffered::new(Kind::Random)))
}

fn check_ability(vm: &mut Vm, raw: &Value, meth: &str, msg: &str) -> PyResult<()> {
    let r = vm.call_method(raw, meth, vec![])?;
    if !r.is(&Value::TRUE) {
        return Err(unsupported(vm, msg));
    }
    Ok(())
}

/// Initialises a buffered object over `raw` (the checks CPython makes).
pub fn setup(vm: &mut Vm, selfv: &Value, b: &Buffered, raw: Value, size: i64) -> PyResult<()> {
    b.ok.set(false);
    b.detached.set(false);
    let kind = b.kind.get();
    if kind == Kind::Random {
        check_ability(vm, &raw, "seekable", "File or stream is not seekable.")?;
    }
    if kind != Kind::Writer {
        check_ability(vm, &raw, "readable", "File or stream is not readable.")?;
    }
    if kind != Kind::Reader {
        check_ability(vm, &raw, "writable", "File or stream is not writable.")?;
    }
    if size <= 0 {
        return Err(vm.value_error("buffer size must be strictly positive"));
    }
    let ft = crate::state::io_type(vm, crate::state::T::FileIo)?;
    b.fast.set(fileio::exact(vm, &raw, &ft).is_some());
    let _ = selfv;
    *b.raw.borrow_mut() = raw;
    let size = size as usize;
    vm.check_alloc(size)?;
    b.buffer_size.set(size);
    let mut n = size - 1;
    while n & 1 == 1 {
        n >>= 1;
    }
    b.buffer_mask.set(if n == 0 { size - 1 } else { 0 });
    *b.buf.borrow_mut() = vec![0; size];
    b.pos.set(0);
    b.raw_pos.set(0);
    b.reset_read();
    b.reset_write();
    b.abs_pos.set(-1);
    if self::core::raw_tell(vm, b).is_err() {
        b.abs_pos.set(-1);
    }
    b.ok.set(true);
    Ok(())
}

fn init(vm: &mut Vm, mut args: Args) -> PyResult {
    let b = me_raw(vm, &args, "__init__")?;
    let name = type_name(b);
    let a = args::kwargs(vm, &mut args, 1, name, &["raw", "buffer_size"], 1, 2)?;
    let b = me_raw(vm, &args, "__init__")?;
    let raw = a[0].clone().unwrap_or(Value::NONE);
    let size = match &a[1] {
        None => crate::iobase::DEFAULT_BUFFER_SIZE as i64,
        Some(v) => args::index_i64(vm, v)?,
    };
    let s = args.pos[0].clone();
    setup(vm, &s, b, raw, size)?;
    Ok(Value::NONE)
}

// ----- methods --------------------------------------------------------------------------

fn read(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "read", "BufferedReader.read", 0, 1)?;
    let b = me(vm, &args, "read")?;
    let n = args::size_arg(vm, &a[0])?;
    if n < -1 {
        return Err(vm.value_error("read length must be non-negative or -1"));
    }
    if !b.readable.get() {
        return Err(unsupported(vm, "read"));
    }
    check_closed(vm, b, "read of closed file")?;
    Ok(match self::core::read(vm, b, n)? {
        Some(d) => vm.new_bytes(d),
        None => Value::NONE,
    })
}

fn read1(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "read1", "BufferedReader.read1", 0, 1)?;
    let b = me(vm, &args, "read1")?;
    let n = args::size_arg(vm, &a[0])?;
    if !b.readable.get() {
        return Err(unsupported(vm, "read1"));
    }
    check_closed(vm, b, "read of closed file")?;
    let d = self::core::read1(vm, b, n)?;
    Ok(vm.new_bytes(d))
}

fn peek(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "peek", "BufferedReader.peek", 0, 1)?;
    let b = me(vm, &args, "peek")?;
    if let Some(v) = &a[0] {
        args::index_i64(vm, v)?;
    }
    check_closed(vm, b, "peek of closed file")?;
    let d = self::core::peek(vm, b)?;
    Ok(vm.new_bytes(d))
}

fn readinto_generic(vm: &mut Vm, args: Args, one: bool) -> PyResult {
    let qual = if one {
        "BufferedReader.readinto1"
    } else {
        "BufferedReader.readinto"
    };
    let target = args::onearg(vm, &args, qual)?;
    let b = me(vm, &args, if one { "readinto1" } else { "readinto" })?;
    if !b.readable.get() {
        return Err(unsupported(vm, "read"));
    }
    check_closed(vm, b, "readinto of closed file")?;
    let len = args::writable_len(vm, &target)?;
    let Some(data) = self::core::readinto(vm, b, len, one)? else {
        return Ok(Value::NONE);
    };
    args::fill_buffer(vm, &target, &data)?;
    Ok(vm.new_int(data.len() as i64))
}

fn readinto(vm: &mut Vm, args: Args) -> PyResult {
    readinto_generic(vm, args, false)
}
fn readinto1(vm: &mut Vm, args: Args) -> PyResult {
    readinto_generic(vm, args, true)
}

fn readline(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "readline", "BufferedReader.readline", 0, 1)?;
    let b = me(vm, &args, "readline")?;
    let n = args::size_arg(vm, &a[0])?;
    if !b.readable.get() {
        return Err(unsupported(vm, "read"));
    }
    check_closed(vm, b, "readline of closed file")?;
    let d = self::core::readline(vm, b, n)?;
    Ok(vm.new_bytes(d))
}

fn next(vm: &mut Vm, args: Args) -> PyResult {
    let b = me(vm, &args, "__next__")?;
    if !b.readable.get() {
        return Err(unsupported(vm, "read"));
    }
    check_closed(vm, b, "readline of closed file")?;
    let d = self::core::readline(vm, b, -1)?;
    if d.is_empty() {
        return Err(vm.stop_iteration(Value::NONE));
    }
    Ok(vm.new_bytes(d))
}

fn write(vm: &mut Vm, args: Args) -> PyResult {
    let v = args::onearg(vm, &args, "BufferedWriter.write")?;
    let b = me(vm, &args, "write")?;
    if !b.writable.get() {
        return Err(unsupported(vm, "write"));
    }
    if is_closed(vm, b)? {
        return Err(vm.value_error("write to closed file"));
    }
    let data = args::need_bytes(vm, &v)?;
    let n = self::core::write(vm, b, &data)?;
    Ok(vm.new_int(n as i64))
}

fn flush(vm: &mut Vm, args: Args) -> PyResult {
    let b = me(vm, &args, "flush")?;
    if !b.writable.get() {
        // BufferedReader.flush is raw.flush() (`buffered_simple_flush`).
        let raw = b.raw();
        return vm.call_method(&raw, "flush", vec![]);
    }
    flush_native(vm, b)?;
    Ok(Value::NONE)
}

fn seek(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "seek", "BufferedReader.seek", 1, 2)?;
    let b = me(vm, &args, "seek")?;
    let target = fileio::offset_arg(vm, a[0].as_ref().unwrap_or(&Value::NONE))?;
    let whence = match &a[1] {
        None => 0,
        Some(w) => args::index_i64(vm, w)?,
    };
    if !(0..=4).contains(&whence) {
        return Err(vm.value_error(format!("whence value {whence} unsupported")));
    }
    check_closed(vm, b, "seek of closed file")?;
    let raw = b.raw();
    check_ability(vm, &raw, "seekable", "File or stream is not seekable.")?;
    let p = self::core::seek(vm, b, target, whence)?;
    Ok(vm.new_int(p))
}

fn tell(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "BufferedReader.tell")?;
    let b = me(vm, &args, "tell")?;
    let p = self::core::tell(vm, b)?;
    Ok(vm.new_int(p))
}

fn truncate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "truncate", "BufferedReader.truncate", 0, 1)?;
    let b = me(vm, &args, "truncate")?;
    check_closed(vm, b, "truncate of closed file")?;
    if !b.writable.get() {
        return Err(unsupported(vm, "truncate"));
    }
    flush_and_rewind(vm, b)?;
    let raw = b.raw();
    let pos = a[0].clone().unwrap_or(Value::NONE);
    let r = vm.call_method(&raw, "truncate", vec![pos])?;
    if self::core::raw_tell(vm, b).is_err() {
        b.abs_pos.set(-1);
    }
    Ok(r)
}

fn detach(vm: &mut Vm, args: Args) -> PyResult {
    let b = me(vm, &args, "detach")?;
    let s = args.pos[0].clone();
    vm.call_method(&s, "flush", vec![])?;
    let raw = std::mem::replace(&mut *b.raw.borrow_mut(), Value::NONE);
    b.detached.set(true);
    b.ok.set(false);
    Ok(raw)
}

fn close(vm: &mut Vm, args: Args) -> PyResult {
    let b = me(vm, &args, "close")?;
    if is_closed(vm, b)? {
        return Ok(Value::NONE);
    }
    let s = args.pos[0].clone();
    let r = vm.call_method(&s, "flush", vec![]);
    let raw = b.raw();
    let c = vm.call_method(&raw, "close", vec![]);
    b.read_end.set(0);
    b.pos.set(0);
    b.reset_write();
    match (r, c) {
        (Err(e1), Err(e2)) => {
            // Chain like CPython: the close error's context is the flush error.
            if let Some(ex) = e2.downcast::<adder_vm::objects::exception::Exception>() {
                ex.context.set(e1);
            }
            Err(e2)
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
        (Ok(_), Ok(v)) => {
            let _ = v;
            Ok(Value::NONE)
        }
    }
}

fn delegate(vm: &mut Vm, args: &Args, name: &str) -> PyResult {
    let b = me(vm, args, name)?;
    let raw = b.raw();
    vm.call_method(&raw, name, vec![])
}
fn fileno(vm: &mut Vm, args: Args) -> PyResult {
    delegate(vm, &args, "fileno")
}
fn isatty(vm: &mut Vm, args: Args) -> PyResult {
    delegate(vm, &args, "isatty")
}
fn seekable(vm: &mut Vm, args: Args) -> PyResult {
    delegate(vm, &args, "seekable")
}
fn readable(vm: &mut Vm, args: Args) -> PyResult {
    let b = me(vm, &args, "readable")?;
    if !b.readable.get() {
        return Ok(Value::FALSE);
    }
    delegate(vm, &args, "readable")
}
fn writable(vm: &mut Vm, args: Args) -> PyResult {
    let b = me(vm, &args, "writable")?;
    if !b.writable.get() {
        return Ok(Value::FALSE);
    }
    delegate(vm, &args, "writable")
}

fn raw_get(vm: &mut Vm, v: &Value) -> PyResult {
    let b = v
        .downcast::<Buffered>()
        .ok_or_else(|| vm.type_error("expected a buffered object"))?;
    Ok(b.raw())
}
fn closed_get(vm: &mut Vm, v: &Value) -> PyResult {
    let b = v
        .downcast::<Buffered>()
        .ok_or_else(|| vm.type_error("expected a buffered object"))?;
    check_init(vm, b)?;
    let raw = b.raw();
    vm.getattr_str(&raw, "closed")
}
fn name_get(vm: &mut Vm, v: &Value) -> PyResult {
    let b = v
        .downcast::<Buffered>()
        .ok_or_else(|| vm.type_error("expected a buffered object"))?;
    check_init(vm, b)?;
    let raw = b.raw();
    vm.getattr_str(&raw, "name")
}
fn mode_get(vm: &mut Vm, v: &Value) -> PyResult {
    let b = v
        .downcast::<Buffered>()
        .ok_or_else(|| vm.type_error("expected a buffered object"))?;
    check_init(vm, b)?;
    let raw = b.raw();
    vm.getattr_str(&raw, "mode")
}

fn repr(vm: &mut Vm, args: Args) -> PyResult {
    let s = args::this(vm, &args, "BufferedReader.__repr__")?;
    let tn = args::tp_name(vm, &s);
    let n = vm.intern("name");
    let name = match vm.getattr_opt(&s, &n) {
        Ok(v) => v,
        Err(e) if vm.exc_matches(&e, &vm.t.value_error.clone()) => None,
        Err(e) => return Err(e),
    };
    let text = match name {
        None => format!("<{tn}>"),
        Some(nm) => {
            let r = vm.repr_string(&nm)?;
            format!("<{tn} name={r}>")
        }
    };
    Ok(vm.new_string(text))
}

fn sizeof(vm: &mut Vm, args: Args) -> PyResult {
    let b = me_raw(vm, &args, "__sizeof__")?;
    Ok(vm.new_int((96 + b.buffer_size.get()) as i64))
}

fn dealloc_warn(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::NONE)
}

fn finalizing_get(vm: &mut Vm, v: &Value) -> PyResult {
    let b = v
        .downcast::<Buffered>()
        .ok_or_else(|| vm.type_error("expected a buffered object"))?;
    Ok(Value::from_bool(b.finalizing.get()))
}
fn finalizing_set(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    let b = v
        .downcast::<Buffered>()
        .ok_or_else(|| vm.type_error("expected a buffered object"))?;
    let f = vm.truthy(&x)?;
    b.finalizing.set(f);
    Ok(())
}

pub fn init_types(vm: &mut Vm, reader: &Value, writer: &Value, random: &Value) {
    vm.set_new(reader, new_reader);
    vm.set_new(writer, new_writer);
    vm.set_new(random, new_random);
    let common: &[(&'static str, adder_vm::vm::NativeFn)] = &[
        ("__init__", init),
        ("flush", flush),
        ("seek", seek),
        ("tell", tell),
        ("truncate", truncate),
        ("detach", detach),
        ("close", close),
        ("fileno", fileno),
        ("isatty", isatty),
        ("seekable", seekable),
        ("__repr__", repr),
        ("__sizeof__", sizeof),
        ("_dealloc_warn", dealloc_warn),
    ];
    let reading: &[(&'static str, adder_vm::vm::NativeFn)] = &[
        ("read", read),
        ("read1", read1),
        ("peek", peek),
        ("readinto", readinto),
        ("readinto1", readinto1),
        ("readline", readline),
        ("__next__", next),
    ];
    let writing: &[(&'static str, adder_vm::vm::NativeFn)] = &[("write", write)];
    for t in [reader, writer, random] {
        for &(n, f) in common {
            vm.add_method(t, n, f);
        }
        vm.add_getset(t, "raw", raw_get, None);
        vm.add_getset(t, "closed", closed_get, None);
        vm.add_getset(t, "name", name_get, None);
        vm.add_getset(t, "mode", mode_get, None);
        vm.add_getset(t, "_finalizing", finalizing_get, Some(finalizing_set));
    }
    for t in [reader, random] {
        vm.add_method(t, "readable", readable);
    }
    for t in [writer, random] {
        vm.add_method(t, "writable", writable);
    }
    for t in [reader, random] {
        for &(n, f) in reading {
            vm.add_method(t, n, f);
        }
    }
    for t in [writer, random] {
        for &(n, f) in writing {
            vm.add_method(t, n, f);
        }
    }
}
