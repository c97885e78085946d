//! The `_struct` module: `pack`, `unpack`, `calcsize`, `pack_into`,
//! `unpack_from`, `iter_unpack`, the `Struct` type, `error`, `_clearcache`.
//!
//! Invariant: module-level functions behave exactly as a `Struct` built from
//! the same format (CPython caches those; Adder parses, which is cheap and
//! has the same observable behaviour, including `unhashable type` for a
//! bytearray format). Buffers are bytes and bytearray; `pack_into` writes
//! only into a bytearray, after every value has been converted.

mod format;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use adder_object::{Trace, Value};
use adder_vm::kinds::MATH_FIRST;
use adder_vm::native::{import, module_add_fns, module_get, module_set, new_type};
use adder_vm::objects::string::{ByteArray, Bytes, Str};
use adder_vm::objects::types::tflags;
use adder_vm::{Args, NativeModule, PyResult, Vm};
use num_traits::ToPrimitive;

use crate::util::{bind, new_exception_type, one_arg, positional};
use format::{FormatError, Layout};

const STRUCT_KIND: u8 = MATH_FIRST + 2;
const ITER_KIND: u8 = MATH_FIRST + 3;

/// A `Struct`: its format (a str) and parsed layout, set by `__init__`.
#[derive(Trace)]
pub struct StructObj {
    inner: RefCell<Option<(Value, Rc<Layout>)>>,
}
adder_object::payload!(StructObj, STRUCT_KIND, "_struct.Struct");

/// `_struct.unpack_iterator`: a copy of the buffer and the next offset.
#[derive(Trace)]
pub struct UnpackIter {
    layout: Rc<Layout>,
    data: Vec<u8>,
    pos: Cell<usize>,
}
adder_object::payload!(UnpackIter, ITER_KIND, "_struct.unpack_iterator");

pub fn module() -> NativeModule {
    NativeModule {
        name: "_struct",
        init,
    }
}

fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let exc = vm.t.exception.clone();
    let err = new_exception_type(vm, "struct", "error", vec![exc])?;
    module_set(vm, m, "error", err);
    let base = vm.t.object.clone();
    let st = new_type(
        vm,
        "_struct",
        "Struct",
        &base,
        <StructObj as adder_object::Payload>::vtable(),
        STRUCT_KIND,
        tflags::BASETYPE,
    );
    vm.set_new(&st, struct_new);
    vm.add_method(&st, "__init__", struct_init);
    vm.add_method(&st, "pack", s_pack);
    vm.add_method(&st, "pack_into", s_pack_into);
    vm.add_method(&st, "unpack", s_unpack);
    vm.add_method(&st, "unpack_from", s_unpack_from);
    vm.add_method(&st, "iter_unpack", s_iter_unpack);
    vm.add_method(&st, "__sizeof__", s_sizeof);
    vm.add_getset(&st, "format", s_format, None);
    vm.add_getset(&st, "size", s_size, None);
    module_set(vm, m, "Struct", st);
    let it = new_type(
        vm,
        "_struct",
        "unpack_iterator",
        &base,
        <UnpackIter as adder_object::Payload>::vtable(),
        ITER_KIND,
        0,
    );
    vm.add_method(&it, "__iter__", iter_self);
    vm.add_method(&it, "__next__", iter_next);
    vm.add_method(&it, "__length_hint__", iter_length_hint);
    module_set(vm, m, "__adder_unpack_iterator__", it);
    module_add_fns(
        vm,
        m,
        &[
            ("pack", m_pack),
            ("pack_into", m_pack_into),
            ("unpack", m_unpack),
            ("unpack_from", m_unpack_from),
            ("iter_unpack", m_iter_unpack),
            ("calcsize", m_calcsize),
            ("_clearcache", m_clearcache),
        ],
    );
    Ok(())
}

/// A `struct.error` with `msg`.
pub(crate) fn error(vm: &mut Vm, msg: &str) -> Value {
    let ty = import(vm, "_struct")
        .ok()
        .and_then(|m| module_get(&m, "error"))
        .unwrap_or_else(|| vm.t.exception.clone());
    vm.new_exception_msg(&ty, msg)
}

// ----- format handling ------------------------------------------------------------

/// The format argument as (str value, ASCII bytes), with CPython's errors.
fn format_arg(vm: &mut Vm, v: &Value) -> PyResult<(Value, Vec<u8>)> {
    let (sv, raw) = if let Some(s) = v.downcast::<Str>() {
        if let Some((i, ch)) = s.as_str().chars().enumerate().find(|(_, c)| !c.is_ascii()) {
            let ty = vm.t.unicode_encode_error.clone();
            let a = [
                vm.new_str("ascii"),
                v.clone(),
                vm.new_int(i as i64),
                vm.new_int(i as i64 + 1),
                vm.new_str("ordinal not in range(128)"),
            ];
            let _ = ch;
            let e = vm.call(&ty, a.to_vec())?;
            return Err(e);
        }
        (v.clone(), s.as_str().as_bytes().to_vec())
    } else if let Some(b) = v.downcast::<Bytes>() {
        let s: String = b.b.iter().map(|&c| c as char).collect();
        (vm.new_string(s), b.b.to_vec())
    } else {
        return Err(vm.type_error(format!(
            "Struct() argument 1 must be a str or bytes object, not {}",
            vm.type_name(v)
        )));
    };
    if raw.contains(&0) {
        return Err(error(vm, "embedded null character"));
    }
    Ok((sv, raw))
}

fn layout_of(vm: &mut Vm, fmt: &Value) -> PyResult<(Value, Rc<Layout>)> {
    if fmt.downcast::<ByteArray>().is_some() {
        return Err(vm.type_error("unhashable type: 'bytearray'"));
    }
    if let Some(s) = fmt.downcast::<StructObj>() {
        if let Some((f, l)) = &*s.inner.borrow() {
            return Ok((f.clone(), l.clone()));
        }
    }
    let (sv, raw) = format_arg(vm, fmt)?;
    match format::parse(&raw) {
        Ok(l) => Ok((sv, Rc::new(l))),
        Err(FormatError(msg)) => Err(error(vm, &msg)),
    }
}

fn struct_layout(vm: &mut Vm, v: &Value) -> PyResult<Rc<Layout>> {
    match v.downcast::<StructObj>() {
        Some(s) => match &*s.inner.borrow() {
            Some((_, l)) => Ok(l.clone()),
            None => Err(vm.value_error("Struct object is not initialized")),
        },
        None => Err(vm.type_error(format!(
            "descriptor requires a '_struct.Struct' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

// ----- buffers -----------------------------------------------------------------------

fn read_buffer(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    adder_vm::buffer::need_bytes(vm, v)
}

fn ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = vm.index(v)?;
    i.to_i64()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

// ----- operations shared by the module functions and the methods ---------------------------

/// `n` zero bytes, or MemoryError when they cannot be had (formats such as
/// '1000000000000x' describe sizes no machine has).
fn zeroed(vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
    let mut v = Vec::new();
    if v.try_reserve_exact(n).is_err() {
        return Err(vm.new_exception_msg(&vm.t.memory_error, ""));
    }
    v.resize(n, 0);
    Ok(v)
}

fn do_pack(vm: &mut Vm, l: &Layout, vals: &[Value], name: &str) -> PyResult<Vec<u8>> {
    if vals.len() != l.nargs {
        return Err(error(
            vm,
            &format!(
                "{name} expected {} items for packing (got {})",
                l.nargs,
                vals.len()
            ),
        ));
    }
    let mut out = zeroed(vm, l.size)?;
    format::pack_into(vm, l, vals, &mut out)?;
    Ok(out)
}

fn do_unpack(vm: &mut Vm, l: &Layout, buf: &Value) -> PyResult {
    let data = read_buffer(vm, buf)?;
    if data.len() != l.size {
        return Err(error(
            vm,
            &format!("unpack requires a buffer of {} bytes", l.size),
        ));
    }
    let vals = format::unpack(vm, l, &data);
    Ok(vm.new_tuple(vals))
}

fn do_unpack_from(vm: &mut Vm, l: &Layout, buf: &Value, offset: Option<&Value>) -> PyResult {
    let data = read_buffer(vm, buf)?;
    let mut off = match offset {
        Some(o) => ssize(vm, o)?,
        None => 0,
    };
    let (len, size) = (data.len() as i64, l.size as i64);
    if off < 0 {
        if off + len < 0 {
            return Err(error(
                vm,
                &format!("offset {off} out of range for {len}-byte buffer"),
            ));
        }
        if -off < size {
            return Err(error(
                vm,
                &format!("not enough data to unpack {size} bytes at offset {off}"),
            ));
        }
        off += len;
    } else if len - off < size {
        return Err(error(
            vm,
            &format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {off} (actual buffer size is {len})",
                size as i128 + off as i128
            ),
        ));
    }
    let start = off as usize;
    let vals = format::unpack(vm, l, &data[start..start + l.size]);
    Ok(vm.new_tuple(vals))
}

fn do_pack_into(vm: &mut Vm, l: &Layout, buf: &Value, offset: &Value, vals: &[Value]) -> PyResult {
    if vals.len() != l.nargs {
        return Err(error(
            vm,
            &format!(
                "pack_into expected {} items for packing (got {})",
                l.nargs,
                vals.len()
            ),
        ));
    }
    let len = match adder_vm::buffer::byte_len(buf) {
        Some(n) if adder_vm::buffer::is_writable(buf) => n as i64,
        _ => {
            return Err(vm.type_error(format!(
                "argument must be read-write bytes-like object, not {}",
                vm.type_name(buf)
            )))
        }
    };
    let mut off = ssize(vm, offset)?;
    let size = l.size as i64;
    if off < 0 {
        if off + len < 0 {
            return Err(error(
                vm,
                &format!("offset {off} out of range for {len}-byte buffer"),
            ));
        }
        if -off < size {
            return Err(error(
                vm,
                &format!("no space to pack {size} bytes at offset {off}"),
            ));
        }
        off += len;
    } else if len - off < size {
        return Err(error(
            vm,
            &format!(
                "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {off} (actual buffer size is {len})",
                size as i128 + off as i128
            ),
        ));
    }
    let mut tmp = zeroed(vm, l.size)?;
    format::pack_into(vm, l, vals, &mut tmp)?;
    // Values are all converted before the buffer is touched; pad bytes are
    // zeroed, as CPython's packer does.
    adder_vm::buffer::write(buf, off as usize, &tmp);
    Ok(Value::NONE)
}

fn do_iter_unpack(vm: &mut Vm, l: Rc<Layout>, buf: &Value) -> PyResult {
    if l.size == 0 {
        return Err(error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    let data = read_buffer(vm, buf)?;
    if data.len() % l.size != 0 {
        return Err(error(
            vm,
            &format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                l.size
            ),
        ));
    }
    let m = import(vm, "_struct")?;
    let ty = module_get(&m, "__adder_unpack_iterator__").unwrap_or_else(|| vm.t.object.clone());
    Ok(vm.alloc_builtin(
        &ty,
        UnpackIter {
            layout: l,
            data,
            pos: Cell::new(0),
        },
    ))
}

// ----- module functions ----------------------------------------------------------------

fn m_pack(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("pack() takes no keyword arguments"));
    }
    let Some(fmt) = args.pos.first() else {
        return Err(vm.type_error("missing format argument"));
    };
    let (_, l) = layout_of(vm, fmt)?;
    let out = do_pack(vm, &l, &args.pos[1..], "pack")?;
    Ok(vm.new_bytes(out))
}

fn m_pack_into(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("pack_into() takes no keyword arguments"));
    }
    let Some(fmt) = args.pos.first() else {
        return Err(vm.type_error("missing format argument"));
    };
    let (_, l) = layout_of(vm, fmt)?;
    match args.pos.len() {
        1 => Err(error(vm, "pack_into expected buffer argument")),
        2 => Err(error(vm, "pack_into expected offset argument")),
        _ => do_pack_into(vm, &l, &args.pos[1], &args.pos[2], &args.pos[3..]),
    }
}

fn m_unpack(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, "unpack", &args, 2, 2)?;
    let (_, l) = layout_of(vm, &args.pos[0])?;
    do_unpack(vm, &l, &args.pos[1])
}

fn m_unpack_from(vm: &mut Vm, args: Args) -> PyResult {
    let a = bind(
        vm,
        "unpack_from",
        args,
        &["format", "buffer", "offset"],
        (1, 3, 2),
    )?;
    let fmt = a[0].clone().unwrap_or(Value::NONE);
    let (_, l) = layout_of(vm, &fmt)?;
    let buf = a[1].clone().unwrap_or(Value::NONE);
    do_unpack_from(vm, &l, &buf, a[2].as_ref())
}

fn m_iter_unpack(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, "iter_unpack", &args, 2, 2)?;
    let (_, l) = layout_of(vm, &args.pos[0])?;
    do_iter_unpack(vm, l, &args.pos[1])
}

fn m_calcsize(vm: &mut Vm, args: Args) -> PyResult {
    let f = one_arg(vm, "_struct.calcsize", &args)?;
    let (_, l) = layout_of(vm, &f)?;
    Ok(vm.new_int(l.size as i64))
}

fn m_clearcache(vm: &mut Vm, args: Args) -> PyResult {
    if !args.pos.is_empty() || !args.kw.is_empty() {
        return Err(vm.type_error(format!(
            "_struct._clearcache() takes no arguments ({} given)",
            args.pos.len()
        )));
    }
    Ok(Value::NONE)
}

// ----- Struct ------------------------------------------------------------------------

fn struct_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    Ok(vm.alloc_builtin(
        &cls,
        StructObj {
            inner: RefCell::new(None),
        },
    ))
}

fn struct_init(vm: &mut Vm, mut args: Args) -> PyResult {
    let slf = args.pos.remove(0);
    let n = args.pos.len() + args.kw.len();
    if n > 1 {
        return Err(vm.type_error(format!("Struct() takes at most 1 argument ({n} given)")));
    }
    let a = bind(vm, "Struct", args, &["format"], (0, 1, 1))?;
    let fmt = a[0].clone().unwrap_or(Value::NONE);
    let (sv, raw) = format_arg(vm, &fmt)?;
    let l = match format::parse(&raw) {
        Ok(l) => l,
        Err(FormatError(msg)) => return Err(error(vm, &msg)),
    };
    match slf.downcast::<StructObj>() {
        Some(s) => *s.inner.borrow_mut() = Some((sv, Rc::new(l))),
        None => return Err(vm.type_error("Struct.__init__ needs a Struct")),
    }
    Ok(Value::NONE)
}

fn s_pack(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("pack() takes no keyword arguments"));
    }
    let l = struct_layout(vm, &args.pos[0])?;
    let out = do_pack(vm, &l, &args.pos[1..], "pack")?;
    Ok(vm.new_bytes(out))
}

fn s_pack_into(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("pack_into() takes no keyword arguments"));
    }
    let l = struct_layout(vm, &args.pos[0])?;
    match args.pos.len() {
        1 => Err(error(vm, "pack_into expected buffer argument")),
        2 => Err(error(vm, "pack_into expected offset argument")),
        _ => do_pack_into(vm, &l, &args.pos[1], &args.pos[2], &args.pos[3..]),
    }
}

fn s_unpack(vm: &mut Vm, mut args: Args) -> PyResult {
    let slf = args.pos.remove(0);
    let b = one_arg(vm, "Struct.unpack", &args)?;
    let l = struct_layout(vm, &slf)?;
    do_unpack(vm, &l, &b)
}

fn s_unpack_from(vm: &mut Vm, mut args: Args) -> PyResult {
    let slf = args.pos.remove(0);
    let a = bind(vm, "unpack_from", args, &["buffer", "offset"], (0, 2, 1))?;
    let l = struct_layout(vm, &slf)?;
    let buf = a[0].clone().unwrap_or(Value::NONE);
    do_unpack_from(vm, &l, &buf, a[1].as_ref())
}

fn s_iter_unpack(vm: &mut Vm, mut args: Args) -> PyResult {
    let slf = args.pos.remove(0);
    let b = one_arg(vm, "Struct.iter_unpack", &args)?;
    let l = struct_layout(vm, &slf)?;
    do_iter_unpack(vm, l, &b)
}

fn s_sizeof(vm: &mut Vm, args: Args) -> PyResult {
    let l = struct_layout(vm, &args.pos[0])?;
    Ok(vm.new_int(48 + 32 * (l.items.len() as i64 + 1)))
}

fn s_format(vm: &mut Vm, v: &Value) -> PyResult {
    match v
        .downcast::<StructObj>()
        .and_then(|s| s.inner.borrow().clone())
    {
        Some((f, _)) => Ok(f),
        None => Err(vm.attribute_error(v, "format")),
    }
}

fn s_size(vm: &mut Vm, v: &Value) -> PyResult {
    let l = struct_layout(vm, v)?;
    Ok(vm.new_int(l.size as i64))
}

// ----- unpack_iterator ----------------------------------------------------------------------

fn iter_self(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(args.pos[0].clone())
}

fn iter_next(vm: &mut Vm, args: Args) -> PyResult {
    let Some(it) = args.pos[0].downcast::<UnpackIter>() else {
        return Err(vm.type_error("expected an unpack_iterator"));
    };
    let p = it.pos.get();
    if p + it.layout.size > it.data.len() {
        return Err(vm.stop_iteration(Value::NONE));
    }
    it.pos.set(p + it.layout.size);
    let vals = format::unpack(vm, &it.layout, &it.data[p..p + it.layout.size]);
    Ok(vm.new_tuple(vals))
}

fn iter_length_hint(vm: &mut Vm, args: Args) -> PyResult {
    let Some(it) = args.pos[0].downcast::<UnpackIter>() else {
        return Err(vm.type_error("expected an unpack_iterator"));
    };
    let left = (it.data.len() - it.pos.get().min(it.data.len())) / it.layout.size.max(1);
    Ok(vm.new_int(left as i64))
}
