//! `memoryview` over any object that exports a buffer (`bytes`,
//! `bytearray`, `array.array`, ...; see `crate::buffer`), one-dimensional
//! and contiguous, with the native single-item formats (`cast('I')` etc.):
//! indexing, contiguous slicing, writes through to a writable exporter,
//! `tobytes`/`tolist`/`hex`, `release` and the context manager.
//!
//! Invariant: a view never copies on creation and reads its exporter's
//! bytes at each access, so it sees later writes. Each unreleased view
//! counts as one export of its exporter (which then refuses to resize);
//! `release()` or the view's death ends it. `obj` is never a memoryview:
//! a view of a view shares its exporter. Strides, shapes and
//! multi-dimensional casts raise NotImplementedError.

use std::cell::Cell;

use adder_object::{payload, BufferProcs, Payload, Trace, Value};

use crate::buffer;
use crate::kinds;
use crate::objects::seq::Slice;
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
    /// Bytes per item (from the exporter, or the format after a cast).
    pub item_size: usize,
    pub readonly: bool,
    pub released: Cell<bool>,
}

impl Drop for MemoryView {
    fn drop(&mut self) {
        if !self.released.get() {
            buffer::release(&self.obj);
        }
    }
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
payload!(MemoryView, kinds::MEMORYVIEW, "memoryview", buffer = &VIEW);

/// A view exports the bytes it shows, writable when its exporter is.
static VIEW: BufferProcs = BufferProcs {
    read: |v, f| {
        if let Some(m) = v.downcast::<MemoryView>().filter(|m| !m.released.get()) {
            buffer::with_bytes(&m.obj, |b| f(clamp(b, m.start, m.len)));
        }
    },
    write: Some(|v, at, data| match v.downcast::<MemoryView>() {
        Some(m) if !m.readonly && !m.released.get() && at + data.len() <= m.len => {
            buffer::write(&m.obj, m.start + at, data)
        }
        _ => false,
    }),
    readonly: |v| {
        v.downcast::<MemoryView>()
            .is_none_or(|m| m.readonly || m.released.get())
    },
    format: |v| {
        v.downcast::<MemoryView>()
            .map_or((b'B', 1), |m| (m.fmt, m.item_size))
    },
    exports: None,
};

/// `b[start..start + len]`, clamped to `b`.
fn clamp(b: &[u8], start: usize, len: usize) -> &[u8] {
    let end = start.saturating_add(len).min(b.len());
    &b[start.min(end)..end]
}

impl MemoryView {
    pub fn itemsize(&self) -> usize {
        self.item_size.max(1)
    }
    /// Number of items.
    pub fn count(&self) -> usize {
        self.len / self.itemsize()
    }
    fn item(&self, vm: &Vm, raw: &[u8]) -> PyResult {
        let mut a = [0u8; 8];
        let n = raw.len().min(8);
        a[..n].copy_from_slice(&raw[..n]);
        let u = u64::from_ne_bytes(a);
        Ok(match self.fmt {
            b'b' => vm.new_int(i64::from(raw[0] as i8)),
            b'B' => vm.new_int(i64::from(raw[0])),
            b'h' => vm.new_int(i64::from(u as u16 as i16)),
            b'H' => vm.new_int(i64::from(u as u16)),
            b'i' => vm.new_int(i64::from(u as u32 as i32)),
            b'I' => vm.new_int(i64::from(u as u32)),
            b'l' | b'q' | b'n' => vm.new_int(u as i64),
            b'L' | b'Q' | b'N' | b'P' => vm.new_bigint(num_bigint::BigInt::from(u)),
            b'f' => vm.new_float(f64::from(f32::from_bits(u as u32))),
            b'd' => vm.new_float(f64::from_bits(u)),
            b'?' => Value::from_bool(u != 0),
            b'c' => vm.new_bytes(raw.to_vec()),
            f => return Err(unsupported(vm, f)),
        })
    }
    /// Every item as a Python value.
    pub fn items(&self, vm: &Vm) -> PyResult<Vec<Value>> {
        let sz = self.itemsize();
        self.bytes().chunks(sz).map(|c| self.item(vm, c)).collect()
    }
    /// The viewed bytes (a copy of the current contents).
    pub fn bytes(&self) -> Vec<u8> {
        buffer::with_bytes(&self.obj, |b| clamp(b, self.start, self.len).to_vec())
            .unwrap_or_default()
    }
}

fn unsupported(vm: &Vm, fmt: u8) -> Value {
    vm.not_implemented_error(format!("memoryview: format {} not supported", fmt as char))
}

/// The bytes of one item of format `fmt` holding `v` (`pack_single`).
fn pack_item(vm: &mut Vm, fmt: u8, v: &Value) -> PyResult<Vec<u8>> {
    let bad_type = |vm: &Vm| {
        vm.type_error(format!(
            "memoryview: invalid type for format '{}'",
            fmt as char
        ))
    };
    let bad_value = |vm: &Vm| {
        vm.value_error(format!(
            "memoryview: invalid value for format '{}'",
            fmt as char
        ))
    };
    let int = |vm: &mut Vm| -> PyResult<num_bigint::BigInt> {
        if v.is_float() || crate::num::as_float(v).is_some() {
            return Err(bad_type(vm));
        }
        match vm.index_opt(v)? {
            Some(i) => Ok(i),
            None => Err(bad_type(vm)),
        }
    };
    use num_traits::ToPrimitive;
    macro_rules! fit {
        ($t:ty) => {{
            let i = int(vm)?;
            match i.to_i128().and_then(|x| <$t>::try_from(x).ok()) {
                Some(x) => x.to_ne_bytes().to_vec(),
                None => return Err(bad_value(vm)),
            }
        }};
    }
    Ok(match fmt {
        b'b' => fit!(i8),
        b'B' => fit!(u8),
        b'h' => fit!(i16),
        b'H' => fit!(u16),
        b'i' => fit!(i32),
        b'I' => fit!(u32),
        b'l' | b'q' | b'n' => fit!(i64),
        b'L' | b'Q' | b'N' | b'P' => fit!(u64),
        b'f' | b'd' => {
            let x = match crate::num::as_float(v) {
                Some(x) => x,
                None => match crate::num::as_bigint(v) {
                    Some(i) => crate::num::int_to_f64(vm, &i)?,
                    None => return Err(bad_type(vm)),
                },
            };
            if fmt == b'f' {
                (x as f32).to_ne_bytes().to_vec()
            } else {
                x.to_ne_bytes().to_vec()
            }
        }
        b'?' => vec![vm.truthy(v)? as u8],
        b'c' => match crate::ops::bytes_of(v) {
            Some(b) if b.len() == 1 && v.kind() == Some(kinds::BYTES) => b,
            Some(_) if v.kind() == Some(kinds::BYTES) => return Err(bad_value(vm)),
            _ => return Err(bad_type(vm)),
        },
        f => return Err(unsupported(vm, f)),
    })
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

/// A new view of `m`'s exporter: bytes `start..start + len`, items of
/// format `fmt`; it counts as one more export.
fn derive(
    vm: &Vm,
    m: &MemoryView,
    start: usize,
    len: usize,
    fmt: u8,
    item_size: usize,
    readonly: bool,
) -> Value {
    new_view(vm, m.obj.clone(), start, len, fmt, item_size, readonly)
}

fn new_view(
    vm: &Vm,
    obj: Value,
    start: usize,
    len: usize,
    fmt: u8,
    item_size: usize,
    readonly: bool,
) -> Value {
    buffer::acquire(&obj);
    vm.alloc_builtin(
        &vm.t.memoryview,
        MemoryView {
            obj,
            start,
            len,
            fmt,
            item_size,
            readonly,
            released: Cell::new(false),
        },
    )
}

fn mv_new(vm: &mut Vm, mut args: Args) -> PyResult {
    // `memoryview(object)`: one argument, by position or keyword.
    let given = args.pos.len() - 1 + args.kw.len();
    if given > 1 {
        return Err(vm.type_error(format!(
            "memoryview() takes at most 1 argument ({given} given)"
        )));
    }
    if let Some(o) = args.take_kw("object") {
        args.pos.push(o);
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error("memoryview() missing required argument 'object' (pos 1)"));
    }
    if let Some((k, _)) = args.kw.first() {
        let k = crate::builtins::str::args::str_of(k).unwrap_or_default();
        return Err(vm.type_error(format!(
            "'{k}' is an invalid keyword argument for memoryview()"
        )));
    }
    let o = args.pos[1].clone();
    if o.downcast::<MemoryView>().is_some() {
        let m = mv(vm, &o)?;
        return Ok(derive(
            vm,
            m,
            m.start,
            m.len,
            m.fmt,
            m.item_size,
            m.readonly,
        ));
    }
    let (Some(len), Some((fmt, item_size))) = (buffer::byte_len(&o), buffer::format(&o)) else {
        return Err(vm.type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            vm.type_name(&o)
        )));
    };
    let readonly = !buffer::is_writable(&o);
    Ok(new_view(vm, o, 0, len, fmt, item_size, readonly))
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
        let at = m.start + start.max(0) as usize * sz;
        return Ok(derive(
            vm,
            m,
            at,
            count * sz,
            m.fmt,
            m.item_size,
            m.readonly,
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
    match b.get(i * sz..(i + 1) * sz) {
        Some(raw) => m.item(vm, raw),
        None => Err(vm.index_error("index out of bounds on dimension 1")),
    }
}

fn mv_setitem(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "__setitem__", &args, 3, 3)?;
    let m = mv(vm, &args.pos[0])?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let sz = m.itemsize();
    let key = &args.pos[1];
    if let Some(s) = key.downcast::<Slice>() {
        let (start, _stop, step, count) = vm.slice_indices(s, m.count())?;
        if step != 1 && count > 1 {
            return Err(
                vm.not_implemented_error("memoryview slices with a step are not supported yet")
            );
        }
        let src = &args.pos[2];
        let Some(data) = buffer::bytes_of(src) else {
            return Err(vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(src)
            )));
        };
        let same_format = buffer::format(src).is_some_and(|(f, _)| f == m.fmt);
        if data.len() != count * sz || !same_format {
            return Err(vm.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        buffer::write(&args.pos[0], start.max(0) as usize * sz, &data);
        return Ok(Value::NONE);
    }
    let i = crate::builtins::seq::seq_index(
        vm,
        key,
        m.count(),
        "memoryview",
        "index out of bounds on dimension 1",
    )?;
    let fmt = m.fmt;
    let data = pack_item(vm, fmt, &args.pos[2])?;
    buffer::write(&args.pos[0], i * sz, &data);
    Ok(Value::NONE)
}

fn mv_tobytes(vm: &mut Vm, args: Args) -> PyResult {
    let m = mv(vm, &args.pos[0])?;
    let b = m.bytes();
    Ok(vm.new_bytes(b))
}

fn mv_tolist(vm: &mut Vm, args: Args) -> PyResult {
    let m = mv(vm, &args.pos[0])?;
    let items = m.items(vm)?;
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
        if !m.released.replace(true) {
            buffer::release(&m.obj);
        }
    }
    let _ = vm;
    Ok(Value::NONE)
}

fn mv_enter(vm: &mut Vm, args: Args) -> PyResult {
    mv(vm, &args.pos[0])?;
    Ok(args.pos[0].clone())
}

fn mv_toreadonly(vm: &mut Vm, args: Args) -> PyResult {
    let m = mv(vm, &args.pos[0])?;
    Ok(derive(vm, m, m.start, m.len, m.fmt, m.item_size, true))
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
        None => buffer::bytes_of(&args.pos[1]),
    };
    Ok(match other {
        Some(o) => Value::from_bool(!m.released.get() && m.bytes() == o),
        None => vm.not_implemented.clone(),
    })
}

fn mv_hash(vm: &mut Vm, args: Args) -> PyResult {
    let m = mv(vm, &args.pos[0])?;
    if !m.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    if !matches!(m.fmt, b'B' | b'b' | b'c') {
        return Err(vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
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
    Ok(derive(vm, m, m.start, m.len, fmt, sz, m.readonly))
}

fn get_obj(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(mv(vm, v)?.obj.clone())
}
fn get_nbytes(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(vm.new_int(mv(vm, v)?.len as i64))
}
fn get_readonly(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(Value::from_bool(mv(vm, v)?.readonly))
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
        ("toreadonly", mv_toreadonly),
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
