//! `memoryview` over `bytes` and `bytearray` (format 'B', one dimension,
//! contiguous): indexing, contiguous slicing, writes through to a
//! bytearray, `tobytes`/`tolist`/`hex`, `release` and the context manager.
//!
//! Invariant: a view never copies on creation and reads its object's bytes
//! at each access; a view of a bytearray sees later writes; other formats,
//! strides and multi-dimensional views raise NotImplementedError.

use std::cell::Cell;

use adder_object::{payload, Payload, Value};

use crate::kinds;
use crate::objects::seq::Slice;
use crate::objects::string::{ByteArray, Bytes};
use crate::ops::check_args;
use crate::vm::{Args, PyResult, Vm};

pub struct MemoryView {
    pub obj: Value,
    pub start: usize,
    pub len: usize,
    pub released: Cell<bool>,
}
payload!(MemoryView, kinds::MEMORYVIEW, "memoryview", traverse(self, visit) {
    visit(&self.obj);
});

impl MemoryView {
    /// The viewed bytes (a copy of the current contents).
    pub fn bytes(&self) -> Vec<u8> {
        let all: Vec<u8> = if let Some(b) = self.obj.downcast::<Bytes>() {
            b.b.to_vec()
        } else if let Some(b) = self.obj.downcast::<ByteArray>() {
            b.b.borrow().clone()
        } else {
            Vec::new()
        };
        let end = (self.start + self.len).min(all.len());
        all.get(self.start.min(end)..end)
            .map(<[u8]>::to_vec)
            .unwrap_or_default()
    }
}

fn mv<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a MemoryView> {
    let m = v
        .downcast::<MemoryView>()
        .ok_or_else(|| vm.type_error("descriptor requires a 'memoryview' object"))?;
    if m.released.get() {
        return Err(vm.value_error("operation forbidden on released memoryview object"));
    }
    Ok(m)
}

fn new_view(vm: &Vm, obj: Value, start: usize, len: usize) -> Value {
    vm.alloc_builtin(
        &vm.t.memoryview,
        MemoryView {
            obj,
            start,
            len,
            released: Cell::new(false),
        },
    )
}

fn mv_new(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "memoryview() takes exactly one argument ({} given)",
            args.pos.len() - 1
        )));
    }
    let o = args.pos[1].clone();
    if let Some(m) = o.downcast::<MemoryView>() {
        let (obj, s, l) = (m.obj.clone(), m.start, m.len);
        return Ok(new_view(vm, obj, s, l));
    }
    let len = if let Some(b) = o.downcast::<Bytes>() {
        b.b.len()
    } else if let Some(b) = o.downcast::<ByteArray>() {
        b.b.borrow().len()
    } else {
        return Err(vm.type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            vm.type_name(&o)
        )));
    };
    Ok(new_view(vm, o, 0, len))
}

fn mv_len(vm: &mut Vm, args: Args) -> PyResult {
    let m = mv(vm, &args.pos[0])?;
    Ok(vm.new_int(m.len as i64))
}

fn mv_getitem(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__getitem__", &args, 2, 2)?;
    let m = mv(vm, &args.pos[0])?;
    let key = &args.pos[1];
    if let Some(s) = key.downcast::<Slice>() {
        let (start, _stop, step, count) = vm.slice_indices(s, m.len)?;
        if step != 1 && count > 1 {
            return Err(
                vm.not_implemented_error("memoryview slices with a step are not supported yet")
            );
        }
        let obj = m.obj.clone();
        let base = m.start;
        return Ok(new_view(vm, obj, base + start.max(0) as usize, count));
    }
    let i = crate::builtins::seq::seq_index(
        vm,
        key,
        m.len,
        "memoryview",
        "index out of bounds on dimension 1",
    )?;
    let b = m.bytes();
    Ok(vm.new_int(i64::from(b[i])))
}

fn mv_setitem(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__setitem__", &args, 3, 3)?;
    let m = mv(vm, &args.pos[0])?;
    let Some(ba) = m.obj.downcast::<ByteArray>() else {
        return Err(vm.type_error("cannot modify read-only memory"));
    };
    let key = &args.pos[1];
    if let Some(s) = key.downcast::<Slice>() {
        let (start, _stop, step, count) = vm.slice_indices(s, m.len)?;
        if step != 1 && count > 1 {
            return Err(
                vm.not_implemented_error("memoryview slices with a step are not supported yet")
            );
        }
        let src = crate::ops::bytes_of(&args.pos[2]).ok_or_else(|| {
            vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(&args.pos[2])
            ))
        })?;
        if src.len() != count {
            return Err(vm.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let at = m.start + start.max(0) as usize;
        let mut buf = ba.b.borrow_mut();
        if at + count <= buf.len() {
            buf[at..at + count].copy_from_slice(&src);
        }
        return Ok(Value::NONE);
    }
    let i = crate::builtins::seq::seq_index(
        vm,
        key,
        m.len,
        "memoryview",
        "index out of bounds on dimension 1",
    )?;
    let v = crate::num::as_i64(&args.pos[2])
        .filter(|v| (0..256).contains(v))
        .ok_or_else(|| vm.type_error("memoryview: invalid value for format 'B'"))?;
    let at = m.start + i;
    if let Some(slot) = ba.b.borrow_mut().get_mut(at) {
        *slot = v as u8;
    }
    Ok(Value::NONE)
}

fn mv_tobytes(vm: &mut Vm, args: Args) -> PyResult {
    let m = mv(vm, &args.pos[0])?;
    let b = m.bytes();
    Ok(vm.new_bytes(b))
}

fn mv_tolist(vm: &mut Vm, args: Args) -> PyResult {
    let m = mv(vm, &args.pos[0])?;
    let items = m
        .bytes()
        .into_iter()
        .map(|b| vm.new_int(i64::from(b)))
        .collect();
    Ok(vm.new_list(items))
}

fn mv_iter(vm: &mut Vm, args: Args) -> PyResult {
    let l = mv_tolist(vm, args)?;
    vm.iter(&l)
}

fn mv_hex(vm: &mut Vm, args: Args) -> PyResult {
    let m = mv(vm, &args.pos[0])?;
    let s: String = m.bytes().iter().map(|b| format!("{b:02x}")).collect();
    Ok(vm.new_string(s))
}

fn mv_release(vm: &mut Vm, args: Args) -> PyResult {
    if let Some(m) = args.pos[0].downcast::<MemoryView>() {
        m.released.set(true);
    }
    let _ = vm;
    Ok(Value::NONE)
}

fn mv_enter(vm: &mut Vm, args: Args) -> PyResult {
    mv(vm, &args.pos[0])?;
    Ok(args.pos[0].clone())
}

fn mv_eq(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__eq__", &args, 2, 2)?;
    let Some(m) = args.pos[0].downcast::<MemoryView>() else {
        return Ok(vm.not_implemented.clone());
    };
    if args.pos[0].is(&args.pos[1]) {
        return Ok(Value::TRUE);
    }
    let other = match args.pos[1].downcast::<MemoryView>() {
        Some(o) => Some(o.bytes()),
        None => crate::ops::bytes_of(&args.pos[1]),
    };
    Ok(match other {
        Some(o) => Value::from_bool(!m.released.get() && m.bytes() == o),
        None => vm.not_implemented.clone(),
    })
}

fn mv_hash(vm: &mut Vm, args: Args) -> PyResult {
    let m = mv(vm, &args.pos[0])?;
    if m.obj.downcast::<Bytes>().is_none() {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    let b = vm.new_bytes(m.bytes());
    let h = vm.hash(&b)?;
    Ok(vm.new_int(h))
}

fn mv_repr(vm: &mut Vm, args: Args) -> PyResult {
    let m = args.pos[0].downcast::<MemoryView>();
    let word = if m.is_some_and(|m| m.released.get()) {
        "released memory"
    } else {
        "memory"
    };
    Ok(vm.new_string(format!(
        "<{word} at {:#x}>",
        args.pos[0].bits() & 0xFFFF_FFFF_FFFF
    )))
}

fn mv_cast(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "cast", &args, 2, 3)?;
    let m = mv(vm, &args.pos[0])?;
    let f = vm.str_string(&args.pos[1])?;
    if f != "B" || args.pos.len() > 2 {
        return Err(vm.not_implemented_error(format!(
            "memoryview.cast to format '{f}' is not supported yet"
        )));
    }
    let (obj, s, l) = (m.obj.clone(), m.start, m.len);
    Ok(new_view(vm, obj, s, l))
}

fn get_obj(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(mv(vm, v)?.obj.clone())
}
fn get_nbytes(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(vm.new_int(mv(vm, v)?.len as i64))
}
fn get_readonly(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(Value::from_bool(
        mv(vm, v)?.obj.downcast::<Bytes>().is_some(),
    ))
}
fn get_itemsize(vm: &mut Vm, v: &Value) -> PyResult {
    mv(vm, v)?;
    Ok(vm.new_int(1))
}
fn get_format(vm: &mut Vm, v: &Value) -> PyResult {
    mv(vm, v)?;
    Ok(vm.new_str("B"))
}
fn get_ndim(vm: &mut Vm, v: &Value) -> PyResult {
    mv(vm, v)?;
    Ok(vm.new_int(1))
}
fn get_shape(vm: &mut Vm, v: &Value) -> PyResult {
    let n = vm.new_int(mv(vm, v)?.len as i64);
    Ok(vm.new_tuple(vec![n]))
}
fn get_strides(vm: &mut Vm, v: &Value) -> PyResult {
    mv(vm, v)?;
    let one = vm.new_int(1);
    Ok(vm.new_tuple(vec![one]))
}
fn get_true(vm: &mut Vm, v: &Value) -> PyResult {
    mv(vm, v)?;
    Ok(Value::TRUE)
}
fn get_released(_vm: &mut Vm, v: &Value) -> PyResult {
    Ok(Value::from_bool(
        v.downcast::<MemoryView>().is_some_and(|m| m.released.get()),
    ))
}

pub fn init(vm: &mut Vm) {
    let t = vm.t.memoryview.clone();
    vm.set_new(&t, mv_new);
    let methods: &[(&'static str, crate::vm::NativeFn)] = &[
        ("__len__", mv_len),
        ("__getitem__", mv_getitem),
        ("__setitem__", mv_setitem),
        ("__iter__", mv_iter),
        ("__eq__", mv_eq),
        ("__hash__", mv_hash),
        ("__repr__", mv_repr),
        ("__enter__", mv_enter),
        ("__exit__", mv_release),
        ("tobytes", mv_tobytes),
        ("tolist", mv_tolist),
        ("hex", mv_hex),
        ("release", mv_release),
        ("cast", mv_cast),
        ("toreadonly", mv_enter),
    ];
    for &(n, f) in methods {
        vm.add_method(&t, n, f);
    }
    vm.add_getset(&t, "obj", get_obj, None);
    vm.add_getset(&t, "nbytes", get_nbytes, None);
    vm.add_getset(&t, "readonly", get_readonly, None);
    vm.add_getset(&t, "itemsize", get_itemsize, None);
    vm.add_getset(&t, "format", get_format, None);
    vm.add_getset(&t, "ndim", get_ndim, None);
    vm.add_getset(&t, "shape", get_shape, None);
    vm.add_getset(&t, "strides", get_strides, None);
    vm.add_getset(&t, "c_contiguous", get_true, None);
    vm.add_getset(&t, "f_contiguous", get_true, None);
    vm.add_getset(&t, "contiguous", get_true, None);
    vm.add_getset(&t, "released", get_released, None);
    let to = vm.type_obj(&t);
    to.flags
        .set(to.flags.get() | crate::objects::types::tflags::DUNDER_DISPATCH);
    let _ = MemoryView::vtable();
    let key = vm.intern("memoryview");
    crate::ops::dict_set_strkey(&vm.builtins, key, t);
}
