//! `memoryview` over `bytes` and `bytearray`, one-dimensional and
//! contiguous, with the native single-item formats (`cast('I')` etc.):
//! indexing, contiguous slicing, writes through to a bytearray,
//! `tobytes`/`tolist`/`hex`, `release` and the context manager.
//!
//! Invariant: a view never copies on creation and reads its object's bytes
//! at each access; a view of a bytearray sees later writes; strides,
//! shapes and multi-dimensional casts raise NotImplementedError.

use std::cell::Cell;

use adder_object::{payload, Payload, Trace, Value};

use crate::kinds;
use crate::objects::seq::Slice;
use crate::objects::string::{ByteArray, Bytes};
use crate::ops::check_args;
use crate::vm::{Args, PyResult, Vm};

#[derive(Trace)]
pub struct MemoryView {
    pub obj: Value,
    /// Byte offset and byte length of the view in its object.
    pub start: usize,
    pub len: usize,
    /// The struct format character of the items (`b'B'` for plain bytes).
    pub fmt: u8,
    pub released: Cell<bool>,
}

/// Size in bytes of one item of a native single-character format.
fn itemsize_of(fmt: u8) -> Option<usize> {
    Some(match fmt {
        b'b' | b'B' | b'c' | b'?' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'P' | b'd' => 8,
        _ => return None,
    })
}
payload!(MemoryView, kinds::MEMORYVIEW, "memoryview");

impl MemoryView {
    pub fn itemsize(&self) -> usize {
        itemsize_of(self.fmt).unwrap_or(1)
    }
    /// Number of items.
    pub fn count(&self) -> usize {
        self.len / self.itemsize()
    }
    fn item(&self, vm: &Vm, raw: &[u8]) -> Value {
        let mut a = [0u8; 8];
        a[..raw.len()].copy_from_slice(raw);
        let u = u64::from_le_bytes(a);
        match self.fmt {
            b'b' => vm.new_int(i64::from(raw[0] as i8)),
            b'h' => vm.new_int(i64::from(u as u16 as i16)),
            b'i' => vm.new_int(i64::from(u as u32 as i32)),
            b'l' | b'q' | b'n' => vm.new_int(u as i64),
            b'L' | b'Q' | b'N' | b'P' => vm.new_bigint(num_bigint::BigInt::from(u)),
            b'f' => vm.new_float(f64::from(f32::from_bits(u as u32))),
            b'd' => vm.new_float(f64::from_bits(u)),
            b'?' => Value::from_bool(u != 0),
            b'c' => vm.new_bytes(raw.to_vec()),
            _ => vm.new_int(u as i64),
        }
    }
    /// Every item as a Python value.
    pub fn items(&self, vm: &Vm) -> Vec<Value> {
        let sz = self.itemsize();
        self.bytes().chunks(sz).map(|c| self.item(vm, c)).collect()
    }
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
    new_view_fmt(vm, obj, start, len, b'B')
}

fn new_view_fmt(vm: &Vm, obj: Value, start: usize, len: usize, fmt: u8) -> Value {
    vm.alloc_builtin(
        &vm.t.memoryview,
        MemoryView {
            obj,
            start,
            len,
            fmt,
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
        let (obj, s, l, f) = (m.obj.clone(), m.start, m.len, m.fmt);
        return Ok(new_view_fmt(vm, obj, s, l, f));
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
    Ok(vm.new_int(m.count() as i64))
}

fn mv_getitem(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__getitem__", &args, 2, 2)?;
    let m = mv(vm, &args.pos[0])?;
    let key = &args.pos[1];
    let sz = m.itemsize();
    if let Some(s) = key.downcast::<Slice>() {
        let (start, _stop, step, count) = vm.slice_indices(s, m.count())?;
        if step != 1 && count > 1 {
            return Err(
                vm.not_implemented_error("memoryview slices with a step are not supported yet")
            );
        }
        let obj = m.obj.clone();
        let base = m.start;
        let fmt = m.fmt;
        return Ok(new_view_fmt(
            vm,
            obj,
            base + start.max(0) as usize * sz,
            count * sz,
            fmt,
        ));
    }
    let i = crate::builtins::seq::seq_index(
        vm,
        key,
        m.count(),
        "memoryview",
        "index out of bounds on dimension 1",
    )?;
    let b = m.bytes();
    Ok(m.item(vm, &b[i * sz..(i + 1) * sz]))
}

fn mv_setitem(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__setitem__", &args, 3, 3)?;
    let m = mv(vm, &args.pos[0])?;
    let Some(ba) = m.obj.downcast::<ByteArray>() else {
        return Err(vm.type_error("cannot modify read-only memory"));
    };
    if m.fmt != b'B' {
        return Err(vm.not_implemented_error(
            "assignment to a memoryview of a format other than 'B' is not supported yet",
        ));
    }
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
    let items = m.items(vm);
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
    if args.pos.len() > 2 {
        return Err(vm.not_implemented_error("memoryview.cast with a shape is not supported yet"));
    }
    let fb = f.strip_prefix('@').unwrap_or(&f).as_bytes();
    let fmt = match fb {
        [c] if itemsize_of(*c).is_some() => *c,
        _ => {
            return Err(vm.value_error(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'",
            ))
        }
    };
    if m.fmt != b'B' && m.fmt != b'b' && m.fmt != b'c' && fmt != b'B' && fmt != b'b' && fmt != b'c'
    {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let sz = itemsize_of(fmt).unwrap_or(1);
    if m.len % sz != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let (obj, s, l) = (m.obj.clone(), m.start, m.len);
    Ok(new_view_fmt(vm, obj, s, l, fmt))
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
    let n = mv(vm, v)?.itemsize();
    Ok(vm.new_int(n as i64))
}
fn get_format(vm: &mut Vm, v: &Value) -> PyResult {
    let f = mv(vm, v)?.fmt;
    Ok(vm.new_string((f as char).to_string()))
}
fn get_ndim(vm: &mut Vm, v: &Value) -> PyResult {
    mv(vm, v)?;
    Ok(vm.new_int(1))
}
fn get_shape(vm: &mut Vm, v: &Value) -> PyResult {
    let n = vm.new_int(mv(vm, v)?.count() as i64);
    Ok(vm.new_tuple(vec![n]))
}
fn get_strides(vm: &mut Vm, v: &Value) -> PyResult {
    let sz = mv(vm, v)?.itemsize();
    let one = vm.new_int(sz as i64);
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
