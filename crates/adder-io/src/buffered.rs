//! `BufferedReader`, `BufferedWriter` and `BufferedRandom`: one payload
//! with a read-ahead buffer and a write buffer over a raw stream
//! (CPython 3.11: Modules/_io/bufferedio.c).
//!
//! Invariants:
//! - At most one of the two buffers holds data: unread read-ahead
//!   (`rbuf[rpos..]`) is given back to the raw stream (a relative seek)
//!   before anything is written, and pending writes are flushed before
//!   anything is read or the raw stream is repositioned. So the logical
//!   position is always `raw.tell() - unread + pending`.
//! - When the raw stream is exactly a native `FileIO` (`fast`), the raw
//!   operations call it directly; otherwise they go through its Python
//!   methods (`readinto`, `write`, `seek`, `tell`, ...).
//! - Dropping the object writes any pending bytes to a native raw stream
//!   (no Python code can run then); other raws get `close()` through the
//!   finaliser when the VM runs it.

use std::cell::{Cell, RefCell};

use adder_object::{payload, Value};
use adder_vm::{Args, PyResult, Vm};

use crate::args::{self, given};
use crate::fileio::{self, FileIo};
use crate::state::{is_eintr, unsupported};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Reader,
    Writer,
    Random,
}

pub struct Buffered {
    pub raw: RefCell<Value>,
    pub kind: Cell<Kind>,
    pub ok: Cell<bool>,
    pub detached: Cell<bool>,
    pub readable: Cell<bool>,
    pub writable: Cell<bool>,
    pub fast: Cell<bool>,
    pub buffer_size: Cell<usize>,
    pub rbuf: RefCell<Vec<u8>>,
    pub rpos: Cell<usize>,
    pub wbuf: RefCell<Vec<u8>>,
    pub finalizing: Cell<bool>,
}
payload!(Buffered, crate::KIND_BUFFERED, "BufferedReader", traverse(self, visit) {
    if let Ok(r) = self.raw.try_borrow() { visit(&r) }
});

impl Drop for Buffered {
    fn drop(&mut self) {
        let data = std::mem::take(self.wbuf.get_mut());
        if data.is_empty() {
            return;
        }
        let raw = self.raw.get_mut();
        if let Some(f) = raw.downcast::<FileIo>() {
            let fd = f.fd.get();
            if fd >= 0 {
                if let Some(h) = f.host.borrow().as_ref() {
                    let _ = adder_host::write_all(&**h, fd, &data);
                }
            }
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
            rbuf: RefCell::new(Vec::new()),
            rpos: Cell::new(0),
            wbuf: RefCell::new(Vec::new()),
            finalizing: Cell::new(false),
        }
    }

    pub fn raw(&self) -> Value {
        self.raw.borrow().clone()
    }

    fn unread(&self) -> usize {
        self.rbuf.borrow().len() - self.rpos.get()
    }

    fn reset_read(&self) {
        self.rbuf.borrow_mut().clear();
        self.rpos.set(0);
    }

    /// Takes up to `n` bytes of read-ahead.
    fn take(&self, n: usize) -> Vec<u8> {
        let rb = self.rbuf.borrow();
        let p = self.rpos.get();
        let k = n.min(rb.len() - p);
        self.rpos.set(p + k);
        rb[p..p + k].to_vec()
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
    if is_closed(vm, b)? && b.unread() == 0 {
        return Err(vm.value_error(msg));
    }
    Ok(())
}

// ----- raw operations -----------------------------------------------------------------

/// One raw read of at most `n` bytes; `None` when the raw stream would block.
fn raw_read(vm: &mut Vm, b: &Buffered, n: usize) -> PyResult<Option<Vec<u8>>> {
    let raw = b.raw();
    if b.fast.get() {
        if let Some(f) = raw.downcast::<FileIo>() {
            return fileio::read_some(vm, f, n);
        }
    }
    vm.check_alloc(n)?;
    let ba = vm.new_bytearray(vec![0; n]);
    let r = loop {
        match vm.call_method(&raw, "readinto", vec![ba.clone()]) {
            Ok(r) => break r,
            Err(e) if is_eintr(vm, &e) => continue,
            Err(e) => return Err(e),
        }
    };
    if r.is_none() {
        return Ok(None);
    }
    let k = args::index_i64(vm, &r)?;
    if k < 0 || k as usize > n {
        return Err(vm.new_exception_msg(
            &vm.t.os_error,
            format!("raw readinto() returned invalid length {k} (should have been between 0 and {n})"),
        ));
    }
    let mut data = args::bytes_like(&ba).unwrap_or_default();
    data.truncate(k as usize);
    Ok(Some(data))
}

/// One raw write; `None` when the raw stream would block.
fn raw_write(vm: &mut Vm, b: &Buffered, data: &[u8]) -> PyResult<Option<usize>> {
    let raw = b.raw();
    if b.fast.get() {
        if let Some(f) = raw.downcast::<FileIo>() {
            return fileio::write_some(vm, f, data);
        }
    }
    let bytes = vm.new_bytes(data.to_vec());
    let r = loop {
        match vm.call_method(&raw, "write", vec![bytes.clone()]) {
            Ok(r) => break r,
            Err(e) if is_eintr(vm, &e) => continue,
            Err(e) => return Err(e),
        }
    };
    if r.is_none() {
        return Ok(None);
    }
    let k = args::index_i64(vm, &r)?;
    if k < 0 || k as usize > data.len() {
        return Err(vm.new_exception_msg(
            &vm.t.os_error,
            format!(
                "raw write() returned invalid length {k} (should have been between 0 and {})",
                data.len()
            ),
        ));
    }
    Ok(Some(k as usize))
}

fn raw_seek(vm: &mut Vm, b: &Buffered, pos: i64, whence: i64) -> PyResult<i64> {
    let raw = b.raw();
    if b.fast.get() {
        if let Some(f) = raw.downcast::<FileIo>() {
            return fileio::seek_raw(vm, f, pos, whence);
        }
    }
    let p = vm.new_int(pos);
    let w = vm.new_int(whence);
    let r = vm.call_method(&raw, "seek", vec![p, w])?;
    let n = args::index_i64(vm, &r)?;
    if n < 0 {
        return Err(vm.new_exception_msg(
            &vm.t.os_error,
            format!("Raw stream returned invalid position {n}"),
        ));
    }
    Ok(n)
}

fn raw_tell(vm: &mut Vm, b: &Buffered) -> PyResult<i64> {
    let raw = b.raw();
    if b.fast.get() {
        if let Some(f) = raw.downcast::<FileIo>() {
            return fileio::seek_raw(vm, f, 0, 1);
        }
    }
    let r = vm.call_method(&raw, "tell", vec![])?;
    let n = args::index_i64(vm, &r)?;
    if n < 0 {
        return Err(vm.new_exception_msg(
            &vm.t.os_error,
            format!("Raw stream returned invalid position {n}"),
        ));
    }
    Ok(n)
}

/// Writes out the whole write buffer.
pub fn flush_writes(vm: &mut Vm, b: &Buffered) -> PyResult<()> {
    loop {
        let data = b.wbuf.borrow().clone();
        if data.is_empty() {
            return Ok(());
        }
        match raw_write(vm, b, &data)? {
            Some(n) => {
                b.wbuf.borrow_mut().drain(..n.min(data.len()));
            }
            None => {
                return Err(blocking(vm, 0));
            }
        }
    }
}

fn blocking(vm: &mut Vm, written: usize) -> Value {
    let args = vec![
        vm.new_int(0),
        vm.new_str("write could not complete without blocking"),
        vm.new_int(written as i64),
    ];
    let t = vm.t.blocking_io_error.clone();
    match vm.call(&t, args) {
        Ok(e) | Err(e) => e,
    }
}

/// Gives unread read-ahead back to the raw stream (before writes/seeks).
fn rewind_readahead(vm: &mut Vm, b: &Buffered) -> PyResult<()> {
    let unread = b.unread();
    b.reset_read();
    if unread > 0 {
        raw_seek(vm, b, -(unread as i64), 1)?;
    }
    Ok(())
}

/// Fills the read buffer with one raw read (after flushing writes).
/// `Ok(None)` = would block, `Ok(Some(0))` = end of file.
fn fill(vm: &mut Vm, b: &Buffered) -> PyResult<Option<usize>> {
    if b.unread() == 0 {
        b.reset_read();
    }
    let n = b.buffer_size.get();
    let data = raw_read(vm, b, n)?;
    Ok(data.map(|d| {
        let k = d.len();
        let mut rb = b.rbuf.borrow_mut();
        let p = b.rpos.get();
        rb.drain(..p);
        b.rpos.set(0);
        rb.extend_from_slice(&d);
        k
    }))
}

fn prepare_read(vm: &mut Vm, b: &Buffered) -> PyResult<()> {
    if b.writable.get() && !b.wbuf.borrow().is_empty() {
        flush_writes(vm, b)?;
    }
    Ok(())
}

/// `read(n)`: `None` only when nothing was available from a non-blocking raw.
pub fn read_n(vm: &mut Vm, b: &Buffered, n: i64) -> PyResult<Option<Vec<u8>>> {
    prepare_read(vm, b)?;
    if n < 0 {
        let mut out = b.take(usize::MAX);
        b.reset_read();
        let raw = b.raw();
        let rest = if b.fast.get() && raw.downcast::<FileIo>().is_some() {
            raw.downcast::<FileIo>()
                .map(|f| fileio::read_all(vm, f))
                .transpose()?
                .flatten()
        } else {
            let n = vm.intern("readall");
            if vm.getattr_opt(&raw, &n)?.is_some() {
                let r = vm.call_method(&raw, "readall", vec![])?;
                if r.is_none() {
                    None
                } else {
                    match args::bytes_like(&r) {
                        Some(d) => Some(d),
                        None => return Err(vm.type_error("readall() should return bytes")),
                    }
                }
            } else {
                let mut acc: Vec<u8> = Vec::new();
                let mut got_any = false;
                loop {
                    match raw_read(vm, b, b.buffer_size.get())? {
                        None => break,
                        Some(d) if d.is_empty() => {
                            got_any = true;
                            break;
                        }
                        Some(d) => {
                            got_any = true;
                            acc.extend_from_slice(&d);
                        }
                    }
                }
                if got_any || !acc.is_empty() {
                    Some(acc)
                } else {
                    None
                }
            }
        };
        match rest {
            Some(r) => out.extend_from_slice(&r),
            None if out.is_empty() => return Ok(None),
            None => {}
        }
        return Ok(Some(out));
    }
    let n = n as usize;
    let mut out = b.take(n);
    if out.len() == n {
        return Ok(Some(out));
    }
    b.reset_read();
    let bs = b.buffer_size.get();
    while out.len() < n {
        let want = n - out.len();
        if want >= bs {
            // Large reads bypass the buffer (whole blocks), as CPython does.
            let chunk = want - want % bs;
            match raw_read(vm, b, chunk)? {
                None => {
                    if out.is_empty() {
                        return Ok(None);
                    }
                    break;
                }
                Some(d) if d.is_empty() => break,
                Some(d) => out.extend_from_slice(&d),
            }
            continue;
        }
        match fill(vm, b)? {
            None => {
                if out.is_empty() {
                    return Ok(None);
                }
                break;
            }
            Some(0) => break,
            Some(_) => {
                let more = b.take(want);
                out.extend_from_slice(&more);
            }
        }
    }
    Ok(Some(out))
}

/// `read1(n)`: at most one raw read.
pub fn read1_n(vm: &mut Vm, b: &Buffered, n: i64) -> PyResult<Vec<u8>> {
    prepare_read(vm, b)?;
    let n = if n < 0 {
        b.buffer_size.get()
    } else {
        n as usize
    };
    if n == 0 {
        return Ok(Vec::new());
    }
    if b.unread() > 0 {
        return Ok(b.take(n));
    }
    b.reset_read();
    if n > b.buffer_size.get() {
        return Ok(raw_read(vm, b, n)?.unwrap_or_default());
    }
    fill(vm, b)?;
    Ok(b.take(n))
}

/// `peek()`: the read-ahead, filled by one raw read if empty.
fn peek_bytes(vm: &mut Vm, b: &Buffered) -> PyResult<Vec<u8>> {
    prepare_read(vm, b)?;
    if b.unread() == 0 {
        fill(vm, b)?;
    }
    let rb = b.rbuf.borrow();
    Ok(rb[b.rpos.get()..].to_vec())
}

/// `readline(limit)`.
pub fn readline_n(vm: &mut Vm, b: &Buffered, limit: i64) -> PyResult<Vec<u8>> {
    prepare_read(vm, b)?;
    let mut out: Vec<u8> = Vec::new();
    loop {
        let want = if limit < 0 {
            usize::MAX
        } else {
            limit as usize - out.len()
        };
        if want == 0 {
            break;
        }
        {
            let rb = b.rbuf.borrow();
            let p = b.rpos.get();
            let avail = &rb[p..];
            let scan = &avail[..avail.len().min(want)];
            if let Some(i) = scan.iter().position(|&c| c == b'\n') {
                out.extend_from_slice(&scan[..=i]);
                drop(rb);
                b.rpos.set(p + i + 1);
                return Ok(out);
            }
            out.extend_from_slice(scan);
            let k = scan.len();
            drop(rb);
            b.rpos.set(p + k);
            if k == want {
                break;
            }
        }
        match fill(vm, b)? {
            None | Some(0) => break,
            Some(_) => {}
        }
    }
    Ok(out)
}

/// `write(data)`.
pub fn write_data(vm: &mut Vm, b: &Buffered, data: &[u8]) -> PyResult<usize> {
    if b.unread() > 0 {
        rewind_readahead(vm, b)?;
    } else {
        b.reset_read();
    }
    let bs = b.buffer_size.get();
    if b.wbuf.borrow().len() + data.len() <= bs {
        b.wbuf.borrow_mut().extend_from_slice(data);
        return Ok(data.len());
    }
    flush_writes(vm, b)?;
    let mut written = 0;
    while data.len() - written > bs {
        match raw_write(vm, b, &data[written..])? {
            Some(n) => written += n,
            None => {
                // Buffer what fits, report the rest as blocked.
                let room = bs.min(data.len() - written);
                b.wbuf
                    .borrow_mut()
                    .extend_from_slice(&data[written..written + room]);
                return Err(blocking(vm, written + room));
            }
        }
    }
    b.wbuf.borrow_mut().extend_from_slice(&data[written..]);
    Ok(data.len())
}

/// The logical position.
pub fn tell_pos(vm: &mut Vm, b: &Buffered) -> PyResult<i64> {
    let pos = raw_tell(vm, b)?;
    let pos = pos - b.unread() as i64 + b.wbuf.borrow().len() as i64;
    Ok(pos.max(0))
}

pub fn seek_to(vm: &mut Vm, b: &Buffered, target: i64, whence: i64) -> PyResult<i64> {
    if (whence == 0 || whence == 1) && b.readable.get() && b.unread() > 0 && b.wbuf.borrow().is_empty() {
        let current = raw_tell(vm, b)?;
        let avail = b.unread() as i64;
        let offset = if whence == 0 {
            target - (current - avail)
        } else {
            target
        };
        let p = b.rpos.get() as i64;
        if offset >= -p && offset <= avail {
            b.rpos.set((p + offset) as usize);
            return Ok(current - avail + offset);
        }
    }
    if b.writable.get() {
        flush_writes(vm, b)?;
    }
    let mut target = target;
    if whence == 1 {
        target -= b.unread() as i64;
    }
    b.reset_read();
    raw_seek(vm, b, target, whence)
}

/// `flush()` semantics (also used by TextIOWrapper's native path).
pub fn flush_native(vm: &mut Vm, b: &Buffered) -> PyResult<()> {
    check_init(vm, b)?;
    if b.writable.get() {
        check_closed(vm, b, "flush of closed file")?;
        flush_writes(vm, b)?;
        if b.readable.get() && b.unread() > 0 {
            rewind_readahead(vm, b)?;
        }
    }
    Ok(())
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
    b.buffer_size.set(size as usize);
    b.rbuf.borrow_mut().clear();
    b.rpos.set(0);
    b.wbuf.borrow_mut().clear();
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
    Ok(match read_n(vm, b, n)? {
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
    let d = read1_n(vm, b, n)?;
    Ok(vm.new_bytes(d))
}

fn peek(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "peek", "BufferedReader.peek", 0, 1)?;
    let b = me(vm, &args, "peek")?;
    if let Some(v) = &a[0] {
        args::index_i64(vm, v)?;
    }
    check_closed(vm, b, "peek of closed file")?;
    let d = peek_bytes(vm, b)?;
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
    let data = if one {
        read1_n(vm, b, len as i64)?
    } else {
        match read_n(vm, b, len as i64)? {
            Some(d) => d,
            None => return Ok(Value::NONE),
        }
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
    let d = readline_n(vm, b, n)?;
    Ok(vm.new_bytes(d))
}

fn next(vm: &mut Vm, args: Args) -> PyResult {
    let b = me(vm, &args, "__next__")?;
    if !b.readable.get() {
        return Err(unsupported(vm, "read"));
    }
    check_closed(vm, b, "readline of closed file")?;
    let d = readline_n(vm, b, -1)?;
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
    let n = write_data(vm, b, &data)?;
    Ok(vm.new_int(n as i64))
}

fn flush(vm: &mut Vm, args: Args) -> PyResult {
    let b = me(vm, &args, "flush")?;
    if !b.writable.get() {
        // BufferedReader.flush is _IOBase.flush on the raw's state.
        if is_closed(vm, b)? {
            return Err(crate::state::closed_file(vm));
        }
        return Ok(Value::NONE);
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
    let p = seek_to(vm, b, target, whence)?;
    Ok(vm.new_int(p))
}

fn tell(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "BufferedReader.tell")?;
    let b = me(vm, &args, "tell")?;
    let p = tell_pos(vm, b)?;
    Ok(vm.new_int(p))
}

fn truncate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "truncate", "BufferedReader.truncate", 0, 1)?;
    let b = me(vm, &args, "truncate")?;
    check_closed(vm, b, "truncate of closed file")?;
    if !b.writable.get() {
        return Err(unsupported(vm, "truncate"));
    }
    flush_writes(vm, b)?;
    rewind_readahead(vm, b)?;
    let raw = b.raw();
    let pos = match given(&a[0]) {
        Some(p) => p.clone(),
        None => {
            let p = tell_pos(vm, b)?;
            vm.new_int(p)
        }
    };
    vm.call_method(&raw, "truncate", vec![pos])
}

fn detach(vm: &mut Vm, args: Args) -> PyResult {
    let b = me(vm, &args, "detach")?;
    let s = args.pos[0].clone();
    vm.call_method(&s, "flush", vec![])?;
    let raw = std::mem::replace(&mut *b.raw.borrow_mut(), Value::NONE);
    b.detached.set(true);
    b.ok.set(false);
    b.reset_read();
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
    b.reset_read();
    b.wbuf.borrow_mut().clear();
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
    Ok(vm.new_string(match name {
        None => format!("<{tn}>"),
        Some(nm) => {
            let r = vm.repr_string(&nm)?;
            format!("<{tn} name={r}>")
        }
    }))
}

fn sizeof(vm: &mut Vm, args: Args) -> PyResult {
    let b = me_raw(vm, &args, "__sizeof__")?;
    Ok(vm.new_int((96 + b.buffer_size.get()) as i64))
}

fn dealloc_warn(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::NONE)
}

fn getstate(vm: &mut Vm, args: Args) -> PyResult {
    let s = args::this(vm, &args, "__getstate__")?;
    let tn = args::tp_name(vm, &s);
    Err(vm.type_error(format!("cannot pickle '{tn}' object")))
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
        ("readable", readable),
        ("writable", writable),
        ("__repr__", repr),
        ("__sizeof__", sizeof),
        ("_dealloc_warn", dealloc_warn),
        ("__getstate__", getstate),
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

