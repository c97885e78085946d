//! `BufferedRWPair`: a reader and a writer joined into one object
//! (CPython 3.11: Modules/_io/bufferedio.c, `bufferedrwpair`).
//!
//! Invariant: reading methods forward to a `BufferedReader` over the
//! reader, writing methods to a `BufferedWriter` over the writer; both are
//! created by `__init__` and only then is the pair usable.

use std::cell::RefCell;

use adder_object::{payload, Trace, Value};
use adder_vm::{Args, PyResult, Vm};

use crate::args;
use crate::state::{io_type, unsupported, T};

#[derive(Trace)]
pub struct RwPair {
    pub reader: RefCell<Value>,
    pub writer: RefCell<Value>,
}
payload!(RwPair, crate::KIND_RWPAIR, "BufferedRWPair");

fn me<'a>(vm: &Vm, args: &'a Args, name: &str) -> PyResult<&'a RwPair> {
    match args.pos.first() {
        None => Err(vm.type_error(format!(
            "unbound method BufferedRWPair.{name}() needs an argument"
        ))),
        Some(v) => v.downcast::<RwPair>().ok_or_else(|| {
            vm.type_error(format!(
                "descriptor '{name}' for '_io.BufferedRWPair' objects doesn't apply to a '{}' object",
                vm.type_name(v)
            ))
        }),
    }
}

fn new(vm: &mut Vm, args: Args) -> PyResult {
    Ok(vm.alloc_builtin(
        &args.pos[0],
        RwPair {
            reader: RefCell::new(Value::NONE),
            writer: RefCell::new(Value::NONE),
        },
    ))
}

fn check_ability(vm: &mut Vm, raw: &Value, meth: &str, msg: &str) -> PyResult<()> {
    let r = vm.call_method(raw, meth, vec![])?;
    if !r.is(&Value::TRUE) {
        return Err(unsupported(vm, msg));
    }
    Ok(())
}

fn init(vm: &mut Vm, mut args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "BufferedRWPair", "BufferedRWPair", 2, 3)?;
    let _ = &mut args;
    let p = me(vm, &args, "__init__")?;
    let reader = a[0].clone().unwrap_or(Value::NONE);
    let writer = a[1].clone().unwrap_or(Value::NONE);
    let size = match &a[2] {
        None => vm.new_int(crate::iobase::DEFAULT_BUFFER_SIZE as i64),
        Some(v) => v.clone(),
    };
    check_ability(vm, &reader, "readable", "File or stream is not readable.")?;
    check_ability(vm, &writer, "writable", "File or stream is not writable.")?;
    let rt = io_type(vm, T::BufferedReader)?;
    let wt = io_type(vm, T::BufferedWriter)?;
    let r = vm.call(&rt, vec![reader, size.clone()])?;
    let w = vm.call(&wt, vec![writer, size])?;
    *p.reader.borrow_mut() = r;
    *p.writer.borrow_mut() = w;
    Ok(Value::NONE)
}

fn forward(vm: &mut Vm, args: Args, name: &'static str, writer: bool) -> PyResult {
    let p = me(vm, &args, name)?;
    let target = if writer {
        p.writer.borrow().clone()
    } else {
        p.reader.borrow().clone()
    };
    if target.is_none() {
        return Err(crate::state::uninitialized(vm));
    }
    let m = vm.getattr_str(&target, name)?;
    let rest = Args {
        pos: args.pos[1..].iter().cloned().collect(),
        kw: args.kw,
    };
    vm.call_args(&m, rest)
}

fn read(vm: &mut Vm, a: Args) -> PyResult {
    forward(vm, a, "read", false)
}
fn peek(vm: &mut Vm, a: Args) -> PyResult {
    forward(vm, a, "peek", false)
}
fn read1(vm: &mut Vm, a: Args) -> PyResult {
    forward(vm, a, "read1", false)
}
fn readinto(vm: &mut Vm, a: Args) -> PyResult {
    forward(vm, a, "readinto", false)
}
fn readinto1(vm: &mut Vm, a: Args) -> PyResult {
    forward(vm, a, "readinto1", false)
}
fn readable(vm: &mut Vm, a: Args) -> PyResult {
    forward(vm, a, "readable", false)
}
fn write(vm: &mut Vm, a: Args) -> PyResult {
    forward(vm, a, "write", true)
}
fn flush(vm: &mut Vm, a: Args) -> PyResult {
    forward(vm, a, "flush", true)
}
fn writable(vm: &mut Vm, a: Args) -> PyResult {
    forward(vm, a, "writable", true)
}

fn close(vm: &mut Vm, args: Args) -> PyResult {
    let p = me(vm, &args, "close")?;
    let w = p.writer.borrow().clone();
    let r = p.reader.borrow().clone();
    if w.is_none() || r.is_none() {
        return Err(crate::state::uninitialized(vm));
    }
    let e1 = vm.call_method(&w, "close", vec![]);
    let e2 = vm.call_method(&r, "close", vec![]);
    match (e1, e2) {
        (Err(a), Err(b)) => {
            if let Some(ex) = b.downcast::<adder_vm::objects::exception::Exception>() {
                ex.context.set(a);
            }
            Err(b)
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
        _ => Ok(Value::NONE),
    }
}

fn isatty(vm: &mut Vm, args: Args) -> PyResult {
    let p = me(vm, &args, "isatty")?;
    let w = p.writer.borrow().clone();
    let r = p.reader.borrow().clone();
    if w.is_none() || r.is_none() {
        return Err(crate::state::uninitialized(vm));
    }
    let a = vm.call_method(&w, "isatty", vec![])?;
    if vm.truthy(&a)? {
        return Ok(a);
    }
    vm.call_method(&r, "isatty", vec![])
}

fn closed_get(vm: &mut Vm, v: &Value) -> PyResult {
    let p = v
        .downcast::<RwPair>()
        .ok_or_else(|| vm.type_error("expected BufferedRWPair"))?;
    let w = p.writer.borrow().clone();
    if w.is_none() {
        return Err(vm.runtime_error("the BufferedRWPair object is being garbage-collected"));
    }
    vm.getattr_str(&w, "closed")
}

pub fn init_type(vm: &mut Vm, t: &Value) {
    vm.set_new(t, new);
    let methods: &[(&'static str, adder_vm::vm::NativeFn)] = &[
        ("__init__", init),
        ("read", read),
        ("peek", peek),
        ("read1", read1),
        ("readinto", readinto),
        ("readinto1", readinto1),
        ("readable", readable),
        ("write", write),
        ("flush", flush),
        ("writable", writable),
        ("close", close),
        ("isatty", isatty),
    ];
    for &(n, f) in methods {
        vm.add_method(t, n, f);
    }
    vm.add_getset(t, "closed", closed_get, None);
}
