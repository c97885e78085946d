//! `FileIO`: the raw, unbuffered layer over one host file descriptor
//! (CPython 3.11: Modules/_io/fileio.c).
//!
//! Invariant: `fd` is -1 exactly when the object is closed (or was never
//! initialised); an object that owns its descriptor (`closefd`) closes it
//! once — in `close()` or, failing that, when the payload is dropped — and
//! every operation on the descriptor goes through the host kept here.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use adder_host::{Host, HostError, OpenFlags, Whence};
use adder_object::{payload, Trace, Value};
use adder_vm::objects::string::{Bytes, Str};
use adder_vm::{Args, PyResult, Vm};

use crate::args::{self, given};
use crate::state::{os_error, unsupported};

#[derive(Trace)]
pub struct FileIo {
    pub fd: Cell<i32>,
    pub readable: Cell<bool>,
    pub writable: Cell<bool>,
    pub appending: Cell<bool>,
    pub created: Cell<bool>,
    /// -1 unknown, 0 no, 1 yes.
    pub seekable: Cell<i8>,
    pub closefd: Cell<bool>,
    pub blksize: Cell<i64>,
    pub finalizing: Cell<bool>,
    /// The host boundary: no Python objects.
    #[trace(skip)]
    pub host: RefCell<Option<Rc<dyn Host>>>,
}
payload!(FileIo, crate::KIND_FILEIO, "FileIO");

impl Drop for FileIo {
    fn drop(&mut self) {
        let fd = self.fd.get();
        if fd >= 0 && self.closefd.get() {
            if let Some(h) = self.host.borrow().as_ref() {
                let _ = h.close(fd);
            }
        }
    }
}

impl FileIo {
    pub fn new() -> FileIo {
        FileIo {
            fd: Cell::new(-1),
            readable: Cell::new(false),
            writable: Cell::new(false),
            appending: Cell::new(false),
            created: Cell::new(false),
            seekable: Cell::new(-1),
            closefd: Cell::new(true),
            blksize: Cell::new(0),
            finalizing: Cell::new(false),
            host: RefCell::new(None),
        }
    }

    /// The mode string CPython reports (`rb`, `wb`, `rb+`, `ab+`, `xb`...).
    pub fn mode_string(&self) -> &'static str {
        if self.created.get() {
            if self.readable.get() {
                "xb+"
            } else {
                "xb"
            }
        } else if self.appending.get() {
            if self.readable.get() {
                "ab+"
            } else {
                "ab"
            }
        } else if self.readable.get() {
            if self.writable.get() {
                "rb+"
            } else {
                "rb"
            }
        } else {
            "wb"
        }
    }
}

impl Default for FileIo {
    fn default() -> Self {
        FileIo::new()
    }
}

const QUAL: &str = "FileIO";

fn me<'a>(vm: &Vm, args: &'a Args, name: &str) -> PyResult<&'a FileIo> {
    match args.pos.first() {
        None => Err(vm.type_error(format!("unbound method {QUAL}.{name}() needs an argument"))),
        Some(v) => v.downcast::<FileIo>().ok_or_else(|| {
            vm.type_error(format!(
                "descriptor '{name}' for '_io.FileIO' objects doesn't apply to a '{}' object",
                vm.type_name(v)
            ))
        }),
    }
}

/// `ValueError: I/O operation on closed file` (FileIO's wording: no period).
fn err_closed(vm: &Vm) -> Value {
    vm.value_error("I/O operation on closed file")
}

fn err_mode(vm: &mut Vm, action: &str) -> Value {
    unsupported(vm, &format!("File not open for {action}"))
}

fn host(vm: &Vm) -> Rc<dyn Host> {
    vm.host.clone()
}

fn is_eagain(e: &HostError) -> bool {
    e.errno == adder_host::EAGAIN
}

// ----- construction -------------------------------------------------------------------

fn new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    Ok(vm.alloc_builtin(&cls, FileIo::new()))
}

/// `os.fspath`-like conversion of a path argument to str or bytes.
pub fn fspath(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.downcast::<Str>().is_some() || v.downcast::<Bytes>().is_some() {
        return Ok(v.clone());
    }
    let t = vm.type_of(v);
    let n = vm.intern("__fspath__");
    if let Some(f) = adder_vm::ops::type_lookup(&t, &n) {
        if !f.is_none() {
            let r = vm.call_method_value(&f, v, vec![])?;
            if r.downcast::<Str>().is_some() || r.downcast::<Bytes>().is_some() {
                return Ok(r);
            }
            return Err(vm.type_error(format!(
                "expected {}.__fspath__() to return str or bytes, not {}",
                vm.type_name(v),
                vm.type_name(&r)
            )));
        }
    }
    Err(vm.type_error(format!(
        "expected str, bytes or os.PathLike object, not {}",
        vm.type_name(v)
    )))
}

/// The bytes of a path (str encoded as UTF-8), rejecting NUL bytes.
pub fn path_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    let p = fspath(vm, v)?;
    let b = match p.downcast::<Str>() {
        Some(s) => {
            let s = s.as_str().to_string();
            crate::codecs::unicode::fsencode(vm, &s)?
        }
        None => args::bytes_like(&p).unwrap_or_default(),
    };
    if b.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(b)
}

/// Linux `O_*` values, for the flags passed to an `opener`.
const O_WRONLY: i64 = 0o1;
const O_RDWR: i64 = 0o2;
const O_CREAT: i64 = 0o100;
const O_EXCL: i64 = 0o200;
const O_TRUNC: i64 = 0o1000;
const O_APPEND: i64 = 0o2000;
const O_CLOEXEC: i64 = 0o2000000;

fn init(vm: &mut Vm, mut args: Args) -> PyResult {
    let a = args::kwargs(
        vm,
        &mut args,
        1,
        "FileIO",
        &["file", "mode", "closefd", "opener"],
        1,
        4,
    )?;
    let selfv = args::this(vm, &args, "FileIO.__init__")?;
    let Some(f) = selfv.downcast::<FileIo>() else {
        return Err(vm.type_error("FileIO.__init__() requires a FileIO object"));
    };
    let nameobj = a[0].clone().unwrap_or(Value::NONE);
    let mode = match &a[1] {
        None => "r".to_string(),
        Some(m) => match m.downcast::<Str>() {
            Some(s) => s.as_str().to_string(),
            None => {
                return Err(vm.type_error(format!(
                    "FileIO() argument 'mode' must be str, not {}",
                    vm.type_name(m)
                )))
            }
        },
    };
    let closefd = match &a[2] {
        None => true,
        Some(c) => vm.truthy(c)?,
    };
    let opener = given(&a[3]).cloned();
    // Re-initialising an open object closes it first.
    if f.fd.get() >= 0 {
        if f.closefd.get() {
            let fd = f.fd.replace(-1);
            let _ = vm.host.close(fd);
        } else {
            f.fd.set(-1);
        }
    }
    let mut fd: i32 = -1;
    if nameobj.kind() != Some(adder_vm::kinds::STR) {
        if let Some(i) = args::index_opt_i64(vm, &nameobj).ok().flatten() {
            if i < 0 {
                return Err(vm.value_error("negative file descriptor"));
            }
            if i <= i32::MAX as i64 {
                fd = i as i32;
            }
        }
    }
    let (mut readable, mut writable, mut appending, mut created) = (false, false, false, false);
    let mut rwa = false;
    let mut plus = false;
    let mut flags: i64 = 0;
    let bad_mode = |vm: &Vm| {
        vm.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        )
    };
    for c in mode.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return Err(bad_mode(vm));
                }
                rwa = true;
                match c {
                    'x' => {
                        created = true;
                        writable = true;
                        flags |= O_EXCL | O_CREAT;
                    }
                    'r' => readable = true,
                    'w' => {
                        writable = true;
                        flags |= O_CREAT | O_TRUNC;
                    }
                    _ => {
                        writable = true;
                        appending = true;
                        flags |= O_APPEND | O_CREAT;
                    }
                }
            }
            'b' => {}
            '+' => {
                if plus {
                    return Err(bad_mode(vm));
                }
                readable = true;
                writable = true;
                plus = true;
            }
            _ => return Err(vm.value_error(format!("invalid mode: {mode}"))),
        }
    }
    if !rwa {
        return Err(bad_mode(vm));
    }
    flags |= if readable && writable {
        O_RDWR
    } else if readable {
        0
    } else {
        O_WRONLY
    };
    flags |= O_CLOEXEC;
    f.readable.set(readable);
    f.writable.set(writable);
    f.appending.set(appending);
    f.created.set(created);
    f.seekable.set(-1);
    f.blksize.set(0);
    *f.host.borrow_mut() = Some(host(vm));
    let h = host(vm);
    let mut owned_fd = false;
    if fd >= 0 {
        f.closefd.set(closefd);
        f.fd.set(fd);
    } else {
        let path = path_bytes(vm, &nameobj)?;
        f.closefd.set(true);
        if !closefd {
            return Err(vm.value_error("Cannot use closefd=False with file name"));
        }
        match &opener {
            None => {
                let of = OpenFlags {
                    read: readable,
                    write: writable,
                    append: appending,
                    create: flags & O_CREAT != 0,
                    truncate: flags & O_TRUNC != 0,
                    exclusive: flags & O_EXCL != 0,
                    ..OpenFlags::default()
                };
                match h.open(&path, of, 0o666) {
                    Ok(n) => f.fd.set(n),
                    Err(e) => return Err(os_error(vm, &e, Some(&nameobj))),
                }
            }
            Some(op) => {
                let fl = vm.new_int(flags);
                let r = vm.call(op, vec![nameobj.clone(), fl])?;
                if !adder_vm::num::is_int(&r) {
                    return Err(vm.type_error("expected integer from opener"));
                }
                let n = adder_vm::num::as_i64(&r).unwrap_or(-1);
                if n < 0 || n > i32::MAX as i64 {
                    return Err(vm.value_error(format!("opener returned {n}")));
                }
                f.fd.set(n as i32);
            }
        }
        owned_fd = true;
    }
    let fdv = f.fd.get();
    let fail = |vm: &mut Vm, e: Value| -> PyResult {
        if owned_fd {
            let _ = vm.host.close(fdv);
            f.fd.set(-1);
        }
        Err(e)
    };
    f.blksize.set(crate::DEFAULT_BLKSIZE);
    match h.fstat(fdv) {
        Ok(st) => {
            if st.is_dir() {
                let e = HostError::from_errno(adder_host::EISDIR);
                let ex = os_error(vm, &e, Some(&nameobj));
                return fail(vm, ex);
            }
        }
        Err(e) => {
            if e.errno == adder_host::EBADF {
                let ex = os_error(vm, &e, None);
                return fail(vm, ex);
            }
        }
    }
    let n = vm.intern("name");
    if let Err(e) = vm.setattr(&selfv, &n, nameobj.clone()) {
        return fail(vm, e);
    }
    if appending {
        // Like CPython, position at the end now (an unseekable fd is fine).
        match h.seek(fdv, 0, Whence::End) {
            Ok(_) => f.seekable.set(1),
            Err(e) if e.errno == adder_host::ESPIPE => f.seekable.set(0),
            Err(e) => {
                let ex = os_error(vm, &e, None);
                return fail(vm, ex);
            }
        }
    }
    Ok(Value::NONE)
}

/// Creates a FileIO for `fd` natively (the standard streams).
pub fn new_for_fd(
    vm: &mut Vm,
    cls: &Value,
    fd: i32,
    mode: &str,
    closefd: bool,
    name: Value,
) -> PyResult {
    let f = FileIo::new();
    f.fd.set(fd);
    f.closefd.set(closefd);
    f.readable.set(mode.contains('r') || mode.contains('+'));
    f.writable
        .set(mode.contains('w') || mode.contains('a') || mode.contains('+'));
    f.blksize.set(crate::DEFAULT_BLKSIZE);
    *f.host.borrow_mut() = Some(host(vm));
    let v = vm.alloc_builtin(cls, f);
    let n = vm.intern("name");
    vm.setattr(&v, &n, name)?;
    Ok(v)
}

// ----- reading and writing ------------------------------------------------------------

fn open_fd(vm: &Vm, f: &FileIo) -> PyResult<i32> {
    let fd = f.fd.get();
    if fd < 0 {
        return Err(err_closed(vm));
    }
    Ok(fd)
}

/// Reads at most `n` bytes: `Ok(None)` on EAGAIN (non-blocking, no data).
pub fn read_some(vm: &mut Vm, f: &FileIo, n: usize) -> PyResult<Option<Vec<u8>>> {
    let fd = open_fd(vm, f)?;
    if !f.readable.get() {
        return Err(err_mode(vm, "reading"));
    }
    vm.check_alloc(n)?;
    let mut buf = vec![0u8; n];
    match vm.host.read(fd, &mut buf) {
        Ok(k) => {
            buf.truncate(k);
            Ok(Some(buf))
        }
        Err(e) if is_eagain(&e) => Ok(None),
        Err(e) => Err(os_error(vm, &e, None)),
    }
}

/// Reads to end of file: `Ok(None)` when nothing could be read (EAGAIN).
pub fn read_all(vm: &mut Vm, f: &FileIo) -> PyResult<Option<Vec<u8>>> {
    let fd = open_fd(vm, f)?;
    if !f.readable.get() {
        return Err(err_mode(vm, "reading"));
    }
    let h = host(vm);
    // Size the first read from fstat, as CPython does.
    let mut chunk = 8192usize;
    if let Ok(st) = h.fstat(fd) {
        if st.is_file() {
            if let Ok(pos) = h.seek(fd, 0, Whence::Cur) {
                if st.size >= pos {
                    chunk = ((st.size - pos) as usize).saturating_add(1).max(1);
                }
            }
        }
    }
    let mut out: Vec<u8> = Vec::new();
    loop {
        vm.check_alloc(out.len().saturating_add(chunk))?;
        let start = out.len();
        out.resize(start + chunk, 0);
        match h.read(fd, &mut out[start..]) {
            Ok(0) => {
                out.truncate(start);
                break;
            }
            Ok(k) => {
                out.truncate(start + k);
                if k == chunk {
                    chunk = chunk.saturating_mul(2).min(1 << 24);
                }
            }
            Err(e) if is_eagain(&e) => {
                out.truncate(start);
                if out.is_empty() {
                    return Ok(None);
                }
                break;
            }
            Err(e) => return Err(os_error(vm, &e, None)),
        }
    }
    Ok(Some(out))
}

/// One `write` system call: `Ok(None)` on EAGAIN.
pub fn write_some(vm: &mut Vm, f: &FileIo, data: &[u8]) -> PyResult<Option<usize>> {
    let fd = open_fd(vm, f)?;
    if !f.writable.get() {
        return Err(err_mode(vm, "writing"));
    }
    match vm.host.write(fd, data) {
        Ok(n) => Ok(Some(n)),
        Err(e) if is_eagain(&e) => Ok(None),
        Err(e) => Err(os_error(vm, &e, None)),
    }
}

/// `lseek` on the descriptor, recording whether it is seekable.
pub fn seek_raw(vm: &mut Vm, f: &FileIo, pos: i64, whence: i64) -> PyResult<i64> {
    let fd = open_fd(vm, f)?;
    let w = match whence {
        0 => Whence::Set,
        1 => Whence::Cur,
        2 => Whence::End,
        _ => {
            let e = HostError::from_errno(adder_host::EINVAL);
            return Err(os_error(vm, &e, None));
        }
    };
    match vm.host.seek(fd, pos, w) {
        Ok(p) => {
            if f.seekable.get() < 0 {
                f.seekable.set(1);
            }
            Ok(p as i64)
        }
        Err(e) => {
            if f.seekable.get() < 0 {
                f.seekable.set(0);
            }
            Err(os_error(vm, &e, None))
        }
    }
}

pub fn is_seekable(vm: &mut Vm, f: &FileIo) -> PyResult<bool> {
    let fd = open_fd(vm, f)?;
    if f.seekable.get() < 0 {
        let ok = vm.host.seek(fd, 0, Whence::Cur).is_ok();
        f.seekable.set(ok as i8);
    }
    Ok(f.seekable.get() == 1)
}

/// `FileIO.close()` natively: flush-free (raw files hold no buffer).
pub fn close_native(vm: &mut Vm, selfv: &Value, f: &FileIo) -> PyResult {
    // _RawIOBase.close: marks the IOBase closed (flush is a no-op here).
    let r = if f.fd.get() >= 0 {
        crate::iobase::iobase_close(vm, selfv)
    } else {
        Ok(Value::NONE)
    };
    let fd = f.fd.replace(-1);
    if fd >= 0 && f.closefd.get() {
        if let Err(e) = vm.host.close(fd) {
            r?;
            return Err(os_error(vm, &e, None));
        }
    }
    r
}

fn read(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "read", "FileIO.read", 0, 1)?;
    let f = me(vm, &args, "read")?;
    let n = args::size_arg(vm, &a[0])?;
    let r = if n < 0 {
        read_all(vm, f)?
    } else {
        read_some(vm, f, n as usize)?
    };
    Ok(match r {
        Some(b) => vm.new_bytes(b),
        None => Value::NONE,
    })
}

fn readall(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "FileIO.readall")?;
    let f = me(vm, &args, "readall")?;
    Ok(match read_all(vm, f)? {
        Some(b) => vm.new_bytes(b),
        None => Value::NONE,
    })
}

fn readinto(vm: &mut Vm, args: Args) -> PyResult {
    let buf = args::onearg(vm, &args, "FileIO.readinto")?;
    let f = me(vm, &args, "readinto")?;
    open_fd(vm, f)?;
    let len = args::writable_len(vm, &buf)?;
    let Some(data) = read_some(vm, f, len)? else {
        return Ok(Value::NONE);
    };
    args::fill_buffer(vm, &buf, &data)?;
    Ok(vm.new_int(data.len() as i64))
}

fn write(vm: &mut Vm, args: Args) -> PyResult {
    let b = args::onearg(vm, &args, "FileIO.write")?;
    let f = me(vm, &args, "write")?;
    open_fd(vm, f)?;
    if !f.writable.get() {
        return Err(err_mode(vm, "writing"));
    }
    let data = args::need_bytes(vm, &b)?;
    Ok(match write_some(vm, f, &data)? {
        Some(n) => vm.new_int(n as i64),
        None => Value::NONE,
    })
}

/// A seek offset: `__index__`, OverflowError as `C long`.
pub fn offset_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    let b = vm.index(v)?;
    num_traits::ToPrimitive::to_i64(&b)
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C long"))
}

fn seek(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "seek", "FileIO.seek", 1, 2)?;
    let f = me(vm, &args, "seek")?;
    open_fd(vm, f)?;
    let pos = offset_arg(vm, a[0].as_ref().unwrap_or(&Value::NONE))?;
    let whence = match &a[1] {
        None => 0,
        Some(w) => args::index_i64(vm, w)?,
    };
    let p = seek_raw(vm, f, pos, whence)?;
    Ok(vm.new_int(p))
}

fn tell(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "FileIO.tell")?;
    let f = me(vm, &args, "tell")?;
    let p = seek_raw(vm, f, 0, 1)?;
    Ok(vm.new_int(p))
}

fn truncate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "truncate", "FileIO.truncate", 0, 1)?;
    let f = me(vm, &args, "truncate")?;
    let fd = open_fd(vm, f)?;
    if !f.writable.get() {
        return Err(err_mode(vm, "writing"));
    }
    let size = match given(&a[0]) {
        None => seek_raw(vm, f, 0, 1)?,
        Some(v) => offset_arg(vm, v)?,
    };
    if size < 0 {
        let e = HostError::from_errno(adder_host::EINVAL);
        return Err(os_error(vm, &e, None));
    }
    if let Err(e) = vm.host.ftruncate(fd, size as u64) {
        return Err(os_error(vm, &e, None));
    }
    Ok(vm.new_int(size))
}

fn seekable(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "FileIO.seekable")?;
    let f = me(vm, &args, "seekable")?;
    Ok(Value::from_bool(is_seekable(vm, f)?))
}

fn readable(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "FileIO.readable")?;
    let f = me(vm, &args, "readable")?;
    open_fd(vm, f)?;
    Ok(Value::from_bool(f.readable.get()))
}

fn writable(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "FileIO.writable")?;
    let f = me(vm, &args, "writable")?;
    open_fd(vm, f)?;
    Ok(Value::from_bool(f.writable.get()))
}

fn fileno(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "FileIO.fileno")?;
    let f = me(vm, &args, "fileno")?;
    let fd = open_fd(vm, f)?;
    Ok(vm.new_int(fd as i64))
}

fn isatty(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "FileIO.isatty")?;
    let f = me(vm, &args, "isatty")?;
    let fd = open_fd(vm, f)?;
    Ok(Value::from_bool(vm.host.isatty(fd)))
}

fn close(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "FileIO.close")?;
    let f = me(vm, &args, "close")?;
    let s = args.pos[0].clone();
    close_native(vm, &s, f)
}

fn repr(vm: &mut Vm, args: Args) -> PyResult {
    let f = me(vm, &args, "__repr__")?;
    let s = args.pos[0].clone();
    let tn = "_io.FileIO";
    if f.fd.get() < 0 {
        return Ok(vm.new_string(format!("<{tn} [closed]>")));
    }
    let n = vm.intern("name");
    let name = vm.getattr_opt(&s, &n)?;
    let closefd = if f.closefd.get() { "True" } else { "False" };
    let mode = f.mode_string();
    let text = match name {
        None => format!("<{tn} fd={} mode='{mode}' closefd={closefd}>", f.fd.get()),
        Some(nm) => {
            let r = vm.repr_string(&nm)?;
            format!("<{tn} name={r} mode='{mode}' closefd={closefd}>")
        }
    };
    Ok(vm.new_string(text))
}

fn closed_get(vm: &mut Vm, v: &Value) -> PyResult {
    let f = v
        .downcast::<FileIo>()
        .ok_or_else(|| vm.type_error("expected FileIO"))?;
    Ok(Value::from_bool(f.fd.get() < 0))
}
fn closefd_get(vm: &mut Vm, v: &Value) -> PyResult {
    let f = v
        .downcast::<FileIo>()
        .ok_or_else(|| vm.type_error("expected FileIO"))?;
    Ok(Value::from_bool(f.closefd.get()))
}
fn mode_get(vm: &mut Vm, v: &Value) -> PyResult {
    let f = v
        .downcast::<FileIo>()
        .ok_or_else(|| vm.type_error("expected FileIO"))?;
    Ok(vm.new_str(f.mode_string()))
}
fn blksize_get(vm: &mut Vm, v: &Value) -> PyResult {
    let f = v
        .downcast::<FileIo>()
        .ok_or_else(|| vm.type_error("expected FileIO"))?;
    Ok(vm.new_int(f.blksize.get()))
}
fn blksize_set(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    let f = v
        .downcast::<FileIo>()
        .ok_or_else(|| vm.type_error("expected FileIO"))?;
    let n = args::index_i64(vm, &x)?;
    f.blksize.set(n);
    Ok(())
}
fn finalizing_get(vm: &mut Vm, v: &Value) -> PyResult {
    let f = v
        .downcast::<FileIo>()
        .ok_or_else(|| vm.type_error("expected FileIO"))?;
    Ok(Value::from_bool(f.finalizing.get()))
}
fn finalizing_set(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    let f = v
        .downcast::<FileIo>()
        .ok_or_else(|| vm.type_error("expected FileIO"))?;
    let b = vm.truthy(&x)?;
    f.finalizing.set(b);
    Ok(())
}

fn dealloc_warn(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::NONE)
}

/// Whether `v` is exactly a native FileIO (no Python subclass), so buffered
/// layers may call it directly.
pub fn exact<'a>(vm: &Vm, v: &'a Value, fileio_type: &Value) -> Option<&'a FileIo> {
    let f = v.downcast::<FileIo>()?;
    if vm.type_of(v).is(fileio_type) {
        Some(f)
    } else {
        None
    }
}

pub fn init_type(vm: &mut Vm, t: &Value) {
    vm.set_new(t, new);
    let methods: &[(&'static str, adder_vm::vm::NativeFn)] = &[
        ("__init__", init),
        ("read", read),
        ("readall", readall),
        ("readinto", readinto),
        ("write", write),
        ("seek", seek),
        ("tell", tell),
        ("truncate", truncate),
        ("seekable", seekable),
        ("readable", readable),
        ("writable", writable),
        ("fileno", fileno),
        ("isatty", isatty),
        ("close", close),
        ("__repr__", repr),
        ("_dealloc_warn", dealloc_warn),
    ];
    for &(n, f) in methods {
        vm.add_method(t, n, f);
    }
    vm.add_getset(t, "closed", closed_get, None);
    vm.add_getset(t, "closefd", closefd_get, None);
    vm.add_getset(t, "mode", mode_get, None);
    vm.add_getset(t, "_blksize", blksize_get, Some(blksize_set));
    vm.add_getset(t, "_finalizing", finalizing_get, Some(finalizing_set));
}
