//! The abstract bases `_IOBase`, `_RawIOBase`, `_BufferedIOBase` and
//! `_TextIOBase`, with their default methods (CPython 3.11:
//! Modules/_io/iobase.c, bufferedio.c, textio.c).
//!
//! Invariant: these defaults work on any object through its Python-level
//! methods (`self.read`, `self.closed`, ...), exactly as CPython's do, so
//! Python subclasses that override only the primitives get the rest; the
//! closed state of a plain `_IOBase` is the `__IOBase_closed` attribute.

use adder_object::{payload, Trace, Value};
use adder_vm::objects::string::Bytes;
use adder_vm::{Args, PyResult, Vm};

use crate::args::{self, size_arg};
use crate::state::{closed_file, is_eintr, unsupported};

/// The layout of `_IOBase` instances and of Python subclasses of the
/// abstract bases: nothing beyond the header and the `__dict__` slot.
#[derive(Trace)]
pub struct IoBase;
payload!(IoBase, crate::KIND_IOBASE, "_IOBase");

pub const DEFAULT_BUFFER_SIZE: usize = 8192;

/// `self.closed` as a bool (`_PyIOBase_check_closed` reads the attribute).
pub fn is_closed_attr(vm: &mut Vm, obj: &Value) -> PyResult<bool> {
    let c = vm.getattr_str(obj, "closed")?;
    vm.truthy(&c)
}

/// Raises `I/O operation on closed file.` when `self.closed` is true.
pub fn check_closed(vm: &mut Vm, obj: &Value) -> PyResult<()> {
    if is_closed_attr(vm, obj)? {
        return Err(closed_file(vm));
    }
    Ok(())
}

/// The `__IOBase_closed` marker.
fn iobase_closed(vm: &mut Vm, obj: &Value) -> PyResult<bool> {
    let n = vm.intern("__IOBase_closed");
    Ok(vm.getattr_opt(obj, &n)?.is_some())
}

fn new_iobase(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    Ok(vm.alloc_builtin(&cls, IoBase))
}

fn iobase_init(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::NONE)
}

fn seek(vm: &mut Vm, _args: Args) -> PyResult {
    Err(unsupported(vm, "seek"))
}

fn tell(vm: &mut Vm, args: Args) -> PyResult {
    let s = args::this(vm, &args, "_IOBase.tell")?;
    args::noargs(vm, &args, "_IOBase.tell")?;
    let z = vm.new_int(0);
    let o = vm.new_int(1);
    vm.call_method(&s, "seek", vec![z, o])
}

fn truncate(vm: &mut Vm, _args: Args) -> PyResult {
    Err(unsupported(vm, "truncate"))
}

fn flush(vm: &mut Vm, args: Args) -> PyResult {
    let s = args::this(vm, &args, "_IOBase.flush")?;
    if iobase_closed(vm, &s)? {
        return Err(closed_file(vm));
    }
    Ok(Value::NONE)
}

/// `_IOBase.close`: flush, then mark closed (even when flush fails).
pub fn iobase_close(vm: &mut Vm, s: &Value) -> PyResult {
    if iobase_closed(vm, s)? {
        return Ok(Value::NONE);
    }
    let r = vm.call_method(s, "flush", vec![]);
    let n = vm.intern("__IOBase_closed");
    let set = vm.setattr(s, &n, Value::TRUE);
    r?;
    set?;
    Ok(Value::NONE)
}

fn close(vm: &mut Vm, args: Args) -> PyResult {
    let s = args::this(vm, &args, "_IOBase.close")?;
    iobase_close(vm, &s)
}

fn ret_false(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::FALSE)
}

fn check_closed_m(vm: &mut Vm, args: Args) -> PyResult {
    let s = args::this(vm, &args, "_IOBase._checkClosed")?;
    check_closed(vm, &s)?;
    Ok(Value::NONE)
}

fn check_ability(vm: &mut Vm, args: &Args, meth: &str, msg: &str) -> PyResult {
    let s = args::this(vm, args, meth)?;
    let r = vm.call_method(&s, meth, vec![])?;
    if !r.is(&Value::TRUE) {
        return Err(unsupported(vm, msg));
    }
    Ok(Value::TRUE)
}

fn check_seekable(vm: &mut Vm, args: Args) -> PyResult {
    check_ability(vm, &args, "seekable", "File or stream is not seekable.")
}
fn check_readable(vm: &mut Vm, args: Args) -> PyResult {
    check_ability(vm, &args, "readable", "File or stream is not readable.")
}
fn check_writable(vm: &mut Vm, args: Args) -> PyResult {
    check_ability(vm, &args, "writable", "File or stream is not writable.")
}

fn fileno(vm: &mut Vm, _args: Args) -> PyResult {
    Err(unsupported(vm, "fileno"))
}

fn isatty(vm: &mut Vm, args: Args) -> PyResult {
    let s = args::this(vm, &args, "_IOBase.isatty")?;
    check_closed(vm, &s)?;
    Ok(Value::FALSE)
}

fn enter(vm: &mut Vm, args: Args) -> PyResult {
    let s = args::this(vm, &args, "_IOBase.__enter__")?;
    check_closed(vm, &s)?;
    Ok(s)
}

fn exit(vm: &mut Vm, args: Args) -> PyResult {
    let s = args::this(vm, &args, "_IOBase.__exit__")?;
    vm.call_method(&s, "close", vec![])
}

fn iter(vm: &mut Vm, args: Args) -> PyResult {
    let s = args::this(vm, &args, "_IOBase.__iter__")?;
    check_closed(vm, &s)?;
    Ok(s)
}

fn next(vm: &mut Vm, args: Args) -> PyResult {
    let s = args::this(vm, &args, "_IOBase.__next__")?;
    let line = vm.call_method(&s, "readline", vec![])?;
    if vm.len(&line)? == 0 {
        return Err(vm.stop_iteration(Value::NONE));
    }
    Ok(line)
}

/// `_IOBase.readline`: a slow readline built on `peek` and `read`.
fn readline(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "readline", "_IOBase.readline", 0, 1)?;
    let s = args::this(vm, &args, "_IOBase.readline")?;
    let limit = size_arg(vm, &a[0])?;
    let peek_name = vm.intern("peek");
    let peek = vm.getattr_opt(&s, &peek_name)?;
    let mut buf: Vec<u8> = Vec::new();
    while limit < 0 || (buf.len() as i64) < limit {
        let mut nreadahead = 1usize;
        if let Some(p) = &peek {
            let one = vm.new_int(1);
            let ra = match vm.call(p, vec![one]) {
                Ok(r) => r,
                Err(e) if is_eintr(vm, &e) => continue,
                Err(e) => return Err(e),
            };
            let Some(rb) = ra.downcast::<Bytes>() else {
                return Err(vm.new_exception_msg(
                    &vm.t.os_error,
                    format!(
                        "peek() should have returned a bytes object, not '{}'",
                        vm.type_name(&ra)
                    ),
                ));
            };
            if !rb.b.is_empty() {
                let mut n = 0usize;
                while n < rb.b.len() && (limit < 0 || (n as i64) < limit) {
                    n += 1;
                    if rb.b[n - 1] == b'\n' {
                        break;
                    }
                }
                nreadahead = n.max(1);
            }
        }
        let na = vm.new_int(nreadahead as i64);
        let b = match vm.call_method(&s, "read", vec![na]) {
            Ok(b) => b,
            Err(e) if is_eintr(vm, &e) => continue,
            Err(e) => return Err(e),
        };
        let Some(bb) = b.downcast::<Bytes>() else {
            return Err(vm.new_exception_msg(
                &vm.t.os_error,
                format!(
                    "read() should have returned a bytes object, not '{}'",
                    vm.type_name(&b)
                ),
            ));
        };
        if bb.b.is_empty() {
            break;
        }
        buf.extend_from_slice(&bb.b);
        if buf.last() == Some(&b'\n') {
            break;
        }
    }
    Ok(vm.new_bytes(buf))
}

fn readlines(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "readlines", "_IOBase.readlines", 0, 1)?;
    let s = args::this(vm, &args, "_IOBase.readlines")?;
    let hint = size_arg(vm, &a[0])?;
    let it = vm.iter(&s)?;
    let mut out = Vec::new();
    let mut length: i64 = 0;
    while let Some(line) = vm.next(&it)? {
        if hint > 0 {
            length += vm.len(&line)? as i64;
            out.push(line);
            if length > hint {
                break;
            }
        } else {
            out.push(line);
        }
    }
    Ok(vm.new_list(out))
}

fn writelines(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "writelines", "_IOBase.writelines", 1, 1)?;
    let s = args::this(vm, &args, "_IOBase.writelines")?;
    check_closed(vm, &s)?;
    let lines = a[0].clone().unwrap_or(Value::NONE);
    let it = vm.iter(&lines)?;
    while let Some(line) = vm.next(&it)? {
        loop {
            match vm.call_method(&s, "write", vec![line.clone()]) {
                Ok(_) => break,
                Err(e) if is_eintr(vm, &e) => continue,
                Err(e) => return Err(e),
            }
        }
    }
    Ok(Value::NONE)
}

fn closed_get(vm: &mut Vm, s: &Value) -> PyResult {
    Ok(Value::from_bool(iobase_closed(vm, s)?))
}

/// `_IOBase.__del__`: close an object nobody references any more (errors
/// are swallowed, as CPython's `iobase_finalize` does outside dev mode).
fn del(vm: &mut Vm, args: Args) -> PyResult {
    let Some(s) = args.pos.first().cloned() else {
        return Ok(Value::NONE);
    };
    let closed = match vm.getattr_str(&s, "closed") {
        Ok(c) => vm.truthy(&c).unwrap_or(true),
        Err(_) => true,
    };
    if !closed {
        let n = vm.intern("_finalizing");
        let _ = vm.setattr(&s, &n, Value::TRUE);
        let _ = vm.call_method(&s, "close", vec![]);
    }
    Ok(Value::NONE)
}

// ----- _RawIOBase ------------------------------------------------------------------

fn raw_read(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "read", "_RawIOBase.read", 0, 1)?;
    let s = args::this(vm, &args, "_RawIOBase.read")?;
    let n = size_arg(vm, &a[0])?;
    if n < 0 {
        return vm.call_method(&s, "readall", vec![]);
    }
    vm.check_alloc(n as usize)?;
    let b = vm.new_bytearray(vec![0; n as usize]);
    let res = vm.call_method(&s, "readinto", vec![b.clone()])?;
    if res.is_none() {
        return Ok(res);
    }
    let got = match args::index_opt_i64(vm, &res)? {
        Some(g) => g,
        None => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&res)
            )))
        }
    };
    let data = args::bytes_like(&b).unwrap_or_default();
    if got < 0 || got as usize > data.len() {
        return Err(vm.value_error(format!(
            "readinto returned {got} outside buffer size {}",
            data.len()
        )));
    }
    Ok(vm.new_bytes(data[..got as usize].to_vec()))
}

fn raw_readall(vm: &mut Vm, args: Args) -> PyResult {
    let s = args::this(vm, &args, "_RawIOBase.readall")?;
    args::noargs(vm, &args, "_RawIOBase.readall")?;
    let mut out: Vec<u8> = Vec::new();
    let mut any = false;
    loop {
        let n = vm.new_int(DEFAULT_BUFFER_SIZE as i64);
        let data = match vm.call_method(&s, "read", vec![n]) {
            Ok(d) => d,
            Err(e) if is_eintr(vm, &e) => continue,
            Err(e) => return Err(e),
        };
        if data.is_none() {
            if !any {
                return Ok(data);
            }
            break;
        }
        let Some(b) = data.downcast::<Bytes>() else {
            return Err(vm.type_error("read() should return bytes"));
        };
        if b.b.is_empty() {
            break;
        }
        any = true;
        out.extend_from_slice(&b.b);
    }
    Ok(vm.new_bytes(out))
}

fn not_implemented(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.new_exception(&vm.t.not_implemented_error.clone(), vec![]))
}

// ----- _BufferedIOBase ----------------------------------------------------------------

fn u_read(vm: &mut Vm, _a: Args) -> PyResult {
    Err(unsupported(vm, "read"))
}
fn u_read1(vm: &mut Vm, _a: Args) -> PyResult {
    Err(unsupported(vm, "read1"))
}
fn u_write(vm: &mut Vm, _a: Args) -> PyResult {
    Err(unsupported(vm, "write"))
}
fn u_detach(vm: &mut Vm, _a: Args) -> PyResult {
    Err(unsupported(vm, "detach"))
}
fn u_readline(vm: &mut Vm, _a: Args) -> PyResult {
    Err(unsupported(vm, "readline"))
}

fn readinto_generic(vm: &mut Vm, args: Args, one: bool) -> PyResult {
    let qual = if one {
        "_BufferedIOBase.readinto1"
    } else {
        "_BufferedIOBase.readinto"
    };
    let buf = args::onearg(vm, &args, qual)?;
    let s = args::this(vm, &args, qual)?;
    let len = args::writable_len(vm, &buf)?;
    let n = vm.new_int(len as i64);
    let data = vm.call_method(&s, if one { "read1" } else { "read" }, vec![n])?;
    let Some(b) = data.downcast::<Bytes>() else {
        return Err(vm.type_error("read() should return bytes"));
    };
    if b.b.len() > len {
        return Err(vm.value_error(format!(
            "read() returned too much data: {len} bytes requested, {} returned",
            b.b.len()
        )));
    }
    let got = b.b.to_vec();
    args::fill_buffer(vm, &buf, &got)?;
    Ok(vm.new_int(got.len() as i64))
}

fn buf_readinto(vm: &mut Vm, args: Args) -> PyResult {
    readinto_generic(vm, args, false)
}
fn buf_readinto1(vm: &mut Vm, args: Args) -> PyResult {
    readinto_generic(vm, args, true)
}

fn none_get(_vm: &mut Vm, _s: &Value) -> PyResult {
    Ok(Value::NONE)
}

/// Registers the four abstract bases' methods.
pub fn init_types(vm: &mut Vm, iobase: &Value, raw: &Value, buffered: &Value, text: &Value) {
    for t in [iobase, raw, buffered, text] {
        vm.set_new(t, new_iobase);
    }
    vm.add_method(iobase, "__init__", iobase_init);
    let methods: &[(&'static str, adder_vm::vm::NativeFn)] = &[
        ("seek", seek),
        ("tell", tell),
        ("truncate", truncate),
        ("flush", flush),
        ("close", close),
        ("seekable", ret_false),
        ("readable", ret_false),
        ("writable", ret_false),
        ("_checkClosed", check_closed_m),
        ("_checkSeekable", check_seekable),
        ("_checkReadable", check_readable),
        ("_checkWritable", check_writable),
        ("fileno", fileno),
        ("isatty", isatty),
        ("__enter__", enter),
        ("__exit__", exit),
        ("__iter__", iter),
        ("__next__", next),
        ("readline", readline),
        ("readlines", readlines),
        ("writelines", writelines),
        ("__del__", del),
    ];
    for &(n, f) in methods {
        vm.add_method(iobase, n, f);
    }
    vm.add_getset(iobase, "closed", closed_get, None);

    vm.add_method(raw, "read", raw_read);
    vm.add_method(raw, "readall", raw_readall);
    vm.add_method(raw, "readinto", not_implemented);
    vm.add_method(raw, "write", not_implemented);

    vm.add_method(buffered, "read", u_read);
    vm.add_method(buffered, "read1", u_read1);
    vm.add_method(buffered, "write", u_write);
    vm.add_method(buffered, "detach", u_detach);
    vm.add_method(buffered, "readinto", buf_readinto);
    vm.add_method(buffered, "readinto1", buf_readinto1);

    vm.add_method(text, "read", u_read);
    vm.add_method(text, "readline", u_readline);
    vm.add_method(text, "write", u_write);
    vm.add_method(text, "detach", u_detach);
    vm.add_getset(text, "encoding", none_get, None);
    vm.add_getset(text, "newlines", none_get, None);
    vm.add_getset(text, "errors", none_get, None);
}
