//! Frame and traceback objects as Python sees them: `sys._getframe`, the
//! `frame` type (`f_code`, `f_globals`, `f_locals`, `f_lineno`, `f_back`,
//! ...) and the traceback attributes (`tb_frame`, `tb_next`, `tb_lineno`,
//! `tb_lasti`).
//!
//! Invariant: each live frame has at most one frame object (cached in
//! `Frame::obj`), whose `f_back` is its caller's object; asking again
//! refreshes the snapshot instead of making a new object.

use adder_object::{Value, ValueCell};

use crate::frame::Frame;
use crate::objects::exception::Traceback;
use crate::objects::frameobj::FrameObject;
use crate::ops::{check_args, dict_set_str};
use crate::vm::{Args, PyResult, Vm};

fn snapshot(vm: &Vm, f: &Frame, back: Value) -> Value {
    vm.alloc_builtin(
        &vm.t.frame,
        FrameObject {
            code: f.code.clone(),
            globals: f.globals.clone(),
            builtins: f.builtins.clone(),
            locals: f.locals.clone(),
            fast: std::cell::RefCell::new(if f.locals.is_null() {
                f.stack.locals().to_vec()
            } else {
                Vec::new()
            }),
            lineno: std::cell::Cell::new(f.lineno()),
            lasti: std::cell::Cell::new(f.lasti as u32),
            back: ValueCell::new(back),
            trace: ValueCell::new(Value::NONE),
        },
    )
}

fn refresh(fo: &FrameObject, f: &Frame) {
    fo.lineno.set(f.lineno());
    fo.lasti.set(f.lasti as u32);
    if f.locals.is_null() {
        *fo.fast.borrow_mut() = f.stack.locals().to_vec();
    }
}

/// Brings `f`'s frame object, if it has one, up to date.
pub fn refresh_object(f: &Frame) {
    if let Some(fo) = f.obj.downcast::<FrameObject>() {
        refresh(fo, f);
    }
}

/// Frame objects for the frames on the VM's stack (innermost last),
/// creating or refreshing them; returns the innermost one.
pub fn stack_frame_objects(vm: &mut Vm) -> Option<Value> {
    let mut back = Value::NONE;
    for i in 0..vm.frames.len() {
        let f = &vm.frames[i];
        let obj = if f.obj.is_null() {
            let o = snapshot(vm, f, back.clone());
            vm.frames[i].obj = o.clone();
            o
        } else {
            if let Some(fo) = f.obj.downcast::<FrameObject>() {
                refresh(fo, f);
                // A generator's frame has a new caller at each resumption.
                fo.back.set(back.clone());
            }
            f.obj.clone()
        };
        back = obj;
    }
    if back.is_none() {
        None
    } else {
        Some(back)
    }
}

/// The frame object of a generator's parked frame: nothing calls it, so
/// its `f_back` is None.
pub fn suspended_frame_object(vm: &mut Vm, f: &mut Frame) -> Value {
    if let Some(fo) = f.obj.downcast::<FrameObject>() {
        refresh(fo, f);
        fo.back.set(Value::NONE);
        return f.obj.clone();
    }
    let o = snapshot(vm, f, Value::NONE);
    f.obj = o.clone();
    o
}

/// The frame object for a traceback entry being created for `f`.
pub fn frame_for_traceback(vm: &mut Vm, f: &mut Frame) -> Value {
    if let Some(fo) = f.obj.downcast::<FrameObject>() {
        refresh(fo, f);
        return f.obj.clone();
    }
    // The caller chain is linked only if the callers already have objects.
    let back = vm
        .frames
        .last()
        .map(|c| c.obj.clone())
        .filter(|o| !o.is_null())
        .unwrap_or(Value::NONE);
    let o = snapshot(vm, f, back);
    f.obj = o.clone();
    o
}

/// `sys._getframe(depth=0)`.
pub fn getframe(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "_getframe", &args, 0, 1)?;
    let depth = match args.pos.first() {
        Some(d) => crate::num::as_i64(d).ok_or_else(|| vm.type_error("an integer is required"))?,
        None => 0,
    };
    let mut cur = stack_frame_objects(vm);
    let mut d = depth;
    while d > 0 {
        cur = cur.and_then(|c| {
            let b = c.downcast::<FrameObject>().unwrap().back.get();
            if b.is_none() {
                None
            } else {
                Some(b)
            }
        });
        d -= 1;
    }
    cur.ok_or_else(|| vm.value_error("call stack is not deep enough"))
}

fn fo<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a FrameObject> {
    v.downcast::<FrameObject>()
        .ok_or_else(|| vm.type_error("descriptor requires a 'frame' object"))
}

fn f_code(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(fo(vm, v)?.code.clone())
}
fn f_globals(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(fo(vm, v)?.globals.clone())
}
fn f_builtins(vm: &mut Vm, v: &Value) -> PyResult {
    let b = fo(vm, v)?.builtins.clone();
    Ok(if b.is_null() { vm.builtins.clone() } else { b })
}
fn f_lineno(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(vm.new_int(fo(vm, v)?.lineno.get() as i64))
}
fn f_lasti(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(vm.new_int(fo(vm, v)?.lasti.get() as i64 * 2))
}
fn f_back(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(fo(vm, v)?.back.get())
}
fn f_trace(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(fo(vm, v)?.trace.get())
}
fn set_f_trace(vm: &mut Vm, v: &Value, t: Value) -> PyResult<()> {
    fo(vm, v)?.trace.set(t);
    Ok(())
}

/// `f_locals`: the mapping of module/class frames, else a dict built from
/// the snapshot of the fast locals and cells.
fn f_locals(vm: &mut Vm, v: &Value) -> PyResult {
    let f = fo(vm, v)?;
    if !f.locals.is_null() {
        return Ok(f.locals.clone());
    }
    let code = f.code.downcast::<crate::objects::function::Code>().unwrap();
    let co = code.code.clone();
    let fast = f.fast.borrow().clone();
    let d = vm.new_dict();
    for (i, name) in co.varnames.iter().enumerate() {
        if let Some(x) = fast.get(i).filter(|x| !x.is_null()) {
            dict_set_str(vm, &d, name, x.clone())?;
        }
    }
    let nl = co.varnames.len();
    for (i, name) in co.cellvars.iter().chain(co.freevars.iter()).enumerate() {
        let c = fast.get(nl + i).and_then(|c| {
            c.downcast::<crate::objects::cell::Cell>()
                .map(|c| c.value.get())
        });
        if let Some(c) = c.filter(|c| !c.is_null()) {
            dict_set_str(vm, &d, name, c)?;
        }
    }
    Ok(d)
}

fn frame_clear(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "clear", &args, 1, 1)?;
    fo(vm, &args.pos[0])?.fast.borrow_mut().clear();
    Ok(Value::NONE)
}

fn frame_repr(vm: &mut Vm, args: Args) -> PyResult {
    let f = fo(vm, &args.pos[0])?;
    let code = f.code.downcast::<crate::objects::function::Code>().unwrap();
    let s = format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        args.pos[0].bits() & 0xFFFF_FFFF_FFFF,
        code.code.filename,
        f.lineno.get(),
        code.code.name
    );
    Ok(vm.new_string(s))
}

fn tb<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Traceback> {
    v.downcast::<Traceback>()
        .ok_or_else(|| vm.type_error("descriptor requires a 'traceback' object"))
}
fn tb_frame(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(tb(vm, v)?.frame.clone())
}
fn tb_next(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(tb(vm, v)?.next.get())
}
fn set_tb_next(vm: &mut Vm, v: &Value, n: Value) -> PyResult<()> {
    if n.is_null() {
        return Err(vm.type_error("can't delete tb_next attribute"));
    }
    if !n.is_none() && n.downcast::<Traceback>().is_none() {
        return Err(vm.type_error(format!(
            "expected traceback object or None, got '{}'",
            vm.type_name(&n)
        )));
    }
    // No loops: CPython rejects a tb_next that reaches back to this object.
    let mut cur = n.clone();
    while let Some(t) = cur.downcast::<Traceback>() {
        if cur.is(v) {
            return Err(vm.value_error("traceback loop detected"));
        }
        let nx = t.next.get();
        cur = nx;
    }
    tb(vm, v)?.next.set(n);
    Ok(())
}
fn tb_lineno(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(vm.new_int(tb(vm, v)?.lineno as i64))
}
fn tb_lasti(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(vm.new_int(tb(vm, v)?.lasti as i64))
}

/// `types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)`.
fn traceback_new(vm: &mut Vm, args: Args) -> PyResult {
    let names = ["tb_next", "tb_frame", "tb_lasti", "tb_lineno"];
    let mut a = args;
    let cls = a.pos.remove(0);
    let mut vals: Vec<Option<Value>> = a.pos.iter().cloned().map(Some).collect();
    if vals.len() > 4 {
        return Err(vm.type_error(format!(
            "traceback() takes at most 4 arguments ({} given)",
            vals.len()
        )));
    }
    vals.resize(4, None);
    for (i, n) in names.iter().enumerate() {
        if let Some(v) = a.take_kw(n) {
            if vals[i].is_some() {
                return Err(vm.type_error(format!(
                    "argument for traceback() given by name ('{n}') and position ({})",
                    i + 1
                )));
            }
            vals[i] = Some(v);
        }
    }
    if let Some((k, _)) = a.kw.first() {
        let k = vm.str_string(k)?;
        return Err(vm.type_error(format!(
            "'{k}' is an invalid keyword argument for traceback()"
        )));
    }
    let mut it = vals.into_iter().enumerate().map(|(i, v)| {
        v.ok_or_else(|| {
            vm.type_error(format!(
                "traceback() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            ))
        })
    });
    let (next, frame, lasti, lineno) = (
        it.next().unwrap()?,
        it.next().unwrap()?,
        it.next().unwrap()?,
        it.next().unwrap()?,
    );
    if !next.is_none() && next.downcast::<Traceback>().is_none() {
        return Err(vm.type_error(format!(
            "expected traceback object or None, got '{}'",
            vm.type_name(&next)
        )));
    }
    let Some(fo) = frame.downcast::<FrameObject>() else {
        return Err(vm.type_error(format!(
            "traceback() argument 'tb_frame' must be frame, not {}",
            vm.type_name(&frame)
        )));
    };
    let int = |vm: &mut Vm, v: &Value| -> PyResult<u32> {
        if !crate::num::is_int(v) {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            )));
        }
        crate::num::as_i64(v)
            .and_then(|i| u32::try_from(i).ok())
            .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))
    };
    let lasti = int(vm, &lasti)?;
    let lineno = int(vm, &lineno)?;
    let code = fo.code.clone();
    Ok(vm.alloc_builtin(
        &cls,
        Traceback {
            code,
            lasti,
            lineno,
            next: ValueCell::new(next),
            frame,
        },
    ))
}

pub fn init(vm: &mut Vm) {
    let f = vm.t.frame.clone();
    vm.add_getset(&f, "f_code", f_code, None);
    vm.add_getset(&f, "f_globals", f_globals, None);
    vm.add_getset(&f, "f_builtins", f_builtins, None);
    vm.add_getset(&f, "f_locals", f_locals, None);
    vm.add_getset(&f, "f_lineno", f_lineno, None);
    vm.add_getset(&f, "f_lasti", f_lasti, None);
    vm.add_getset(&f, "f_back", f_back, None);
    vm.add_getset(&f, "f_trace", f_trace, Some(set_f_trace));
    vm.add_method(&f, "clear", frame_clear);
    vm.add_method(&f, "__repr__", frame_repr);
    let to = vm.type_obj(&f);
    to.flags
        .set(to.flags.get() | crate::objects::types::tflags::DUNDER_DISPATCH);
    let t = vm.t.traceback.clone();
    vm.add_getset(&t, "tb_frame", tb_frame, None);
    vm.add_getset_del(&t, "tb_next", tb_next, set_tb_next);
    vm.set_new(&t, traceback_new);
    vm.add_getset(&t, "tb_lineno", tb_lineno, None);
    vm.add_getset(&t, "tb_lasti", tb_lasti, None);
    vm.add_method(&t, "__dir__", tb_dir);
}

/// `traceback.__dir__()`: only the four `tb_*` attributes, as in CPython.
fn tb_dir(vm: &mut Vm, args: Args) -> PyResult {
    tb(vm, args.pos.first().unwrap_or(&Value::NONE))?;
    let names = ["tb_frame", "tb_next", "tb_lasti", "tb_lineno"]
        .iter()
        .map(|n| vm.new_str(n))
        .collect();
    Ok(vm.new_list(names))
}
