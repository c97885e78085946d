//! The named methods of `array.array` (append, buffer_info, byteswap,
//! count, extend, frombytes, fromfile, fromlist, fromunicode, index,
//! insert, pop, remove, reverse, tobytes, tofile, tolist, tounicode,
//! `__copy__`, `__deepcopy__`, `__sizeof__`) and the `itemsize` and
//! `typecode` attributes, with CPython 3.11's argument-checking messages.
//!
//! Invariant: a method either completes or leaves the array as it was,
//! except where CPython documents partial effects (`extend` from an
//! iterable keeps the items appended before an error).

use adder_object::Value;
use adder_vm::objects::seq::List;
use adder_vm::objects::string::{Bytes, Str};
use adder_vm::{Args, PyResult, Vm};
use num_traits::ToPrimitive;

use super::item::{self, itemsize};
use super::{extend_from_iter, new_array, this, ArrayObj};

pub fn register(vm: &mut Vm, t: &Value) {
    let methods: &[(&'static str, adder_vm::vm::NativeFn)] = &[
        ("append", append),
        ("buffer_info", buffer_info),
        ("byteswap", byteswap),
        ("count", count),
        ("extend", extend),
        ("frombytes", frombytes),
        ("fromfile", fromfile),
        ("fromlist", fromlist),
        ("fromunicode", fromunicode),
        ("index", index),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("reverse", reverse),
        ("tobytes", tobytes),
        ("tofile", tofile),
        ("tolist", tolist),
        ("tounicode", tounicode),
        ("__copy__", copy),
        ("__deepcopy__", deepcopy),
        ("__sizeof__", sizeof),
        // Not in CPython (whose `bytes(a)` reads the buffer): Adder has no
        // buffer protocol, and this keeps `bytes(a)` right.
        ("__repr__", super::array_repr),
    ];
    for &(n, f) in methods {
        vm.add_method(t, n, f);
    }
    vm.add_getset(t, "itemsize", get_itemsize, None);
    vm.add_getset(t, "typecode", get_typecode, None);
}

// ----- argument checking ---------------------------------------------------------------

/// A `METH_NOARGS` method: `array.name() takes no arguments (N given)`.
pub fn noargs(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("array.{name}() takes no keyword arguments")));
    }
    let n = args.pos.len().saturating_sub(1);
    if n != 0 {
        return Err(vm.type_error(format!("array.{name}() takes no arguments ({n} given)")));
    }
    Ok(())
}

/// A `METH_O` method: its one argument.
pub fn onearg(vm: &Vm, args: &Args, name: &str) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("array.{name}() takes no keyword arguments")));
    }
    let n = args.pos.len().saturating_sub(1);
    if n != 1 {
        return Err(vm.type_error(format!(
            "array.{name}() takes exactly one argument ({n} given)"
        )));
    }
    Ok(args.pos[1].clone())
}

/// A clinic method taking exactly `n` positional-only arguments and a
/// defining class (`_PyArg_UnpackKeywords` messages).
pub fn exact_pos(vm: &Vm, args: &Args, name: &str, n: usize) -> PyResult<()> {
    let npos = args.pos.len().saturating_sub(1);
    let total = npos + args.kw.len();
    let plural = if n == 1 { "" } else { "s" };
    if total > n {
        return Err(vm.type_error(format!(
            "{name}() takes at most {n} argument{plural} ({total} given)"
        )));
    }
    if npos < n {
        return Err(vm.type_error(format!(
            "{name}() takes exactly {n} positional argument{plural} ({npos} given)"
        )));
    }
    Ok(())
}

/// A positional-only clinic method (`name expected at most N arguments, got M`).
fn pos_range(vm: &mut Vm, args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("array.{name}() takes no keyword arguments")));
    }
    let a = Args::new(args.pos[1..].to_vec());
    crate::util::positional(vm, name, &a, min, max)
}

/// `PyNumber_AsSsize_t(v, OverflowError)`.
pub fn ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = vm.index(v)?;
    i.to_i64()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

/// `_PyEval_SliceIndexNotNone`: an index, clamped to the ssize_t range.
fn slice_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match vm.index_opt(v)? {
        Some(i) => Ok(i
            .to_i64()
            .unwrap_or(if i.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            })),
        None => Err(vm.type_error("slice indices must be integers or have an __index__ method")),
    }
}

/// ValueError unless `n` bytes hold whole items of `code`.
pub fn check_multiple(vm: &Vm, code: u8, n: usize) -> PyResult<()> {
    if !n.is_multiple_of(itemsize(code)) {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    Ok(())
}

/// Every item as a Python value.
pub fn to_values(vm: &mut Vm, a: &ArrayObj) -> PyResult<Vec<Value>> {
    let data = a.data.borrow().clone();
    let n = a.itemsize();
    let mut out = Vec::with_capacity(data.len() / n);
    for c in data.chunks_exact(n) {
        out.push(item::decode(vm, a.code, c)?);
    }
    Ok(out)
}

/// The index of the first item in `[start, stop)` equal to `v`.
pub fn find(
    vm: &mut Vm,
    a: &ArrayObj,
    v: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let Some(x) = a.get(vm, i)? else {
            break;
        };
        if vm.eq(&x, v)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

// ----- methods ----------------------------------------------------------------------------

fn append(vm: &mut Vm, args: Args) -> PyResult {
    let v = onearg(vm, &args, "append")?;
    let a = this(vm, &args, "append")?;
    let b = item::encode(vm, a.code, &v)?;
    let n = a.itemsize();
    a.check_grow(vm, n)?;
    a.data.borrow_mut().extend_from_slice(&b[..n]);
    Ok(Value::NONE)
}

fn buffer_info(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "buffer_info")?;
    let a = this(vm, &args, "buffer_info")?;
    // No buffer is ever exported: the object's identity stands in for
    // the address of its items.
    let addr = vm.new_bigint(num_bigint::BigInt::from(args.pos[0].bits()));
    let n = vm.new_int(a.len() as i64);
    Ok(vm.new_tuple(vec![addr, n]))
}

fn byteswap(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "byteswap")?;
    let a = this(vm, &args, "byteswap")?;
    let n = a.itemsize();
    for c in a.data.borrow_mut().chunks_exact_mut(n) {
        c.reverse();
    }
    Ok(Value::NONE)
}

fn count(vm: &mut Vm, args: Args) -> PyResult {
    let v = onearg(vm, &args, "count")?;
    let a = this(vm, &args, "count")?;
    let mut count = 0i64;
    let mut i = 0;
    while let Some(x) = a.get(vm, i)? {
        if vm.eq(&x, &v)? {
            count += 1;
        }
        i += 1;
    }
    Ok(vm.new_int(count))
}

/// `a.extend(bb)` from an array of the same typecode or any iterable.
pub fn do_extend(vm: &mut Vm, a: &ArrayObj, bb: &Value, inplace_msg: bool) -> PyResult<()> {
    match bb.downcast::<ArrayObj>() {
        Some(b) => {
            if b.code != a.code {
                return Err(vm.type_error("can only extend with array of same kind"));
            }
            let extra = b.data.borrow().clone();
            vm.check_alloc(a.data.borrow().len().saturating_add(extra.len()))?;
            a.check_grow(vm, extra.len())?;
            a.data.borrow_mut().extend_from_slice(&extra);
            Ok(())
        }
        None if inplace_msg => Err(vm.type_error(format!(
            "can only extend array with array (not \"{}\")",
            vm.type_name(bb)
        ))),
        None => {
            let it = vm.iter(bb)?;
            extend_from_iter(vm, a, &it)
        }
    }
}

fn extend(vm: &mut Vm, args: Args) -> PyResult {
    exact_pos(vm, &args, "extend", 1)?;
    let a = this(vm, &args, "extend")?;
    do_extend(vm, a, &args.pos[1], false)?;
    Ok(Value::NONE)
}

/// The bytes of a bytes-like object whose items are single bytes (bytes,
/// bytearray, a byte-format memoryview or array), with CPython's errors.
fn buffer_bytes(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    // `y*` asks for a simple buffer, which exporters of wider items refuse.
    if adder_vm::buffer::format(v).is_some_and(|(_, size)| size != 1) {
        return Err(vm.type_error("a bytes-like object is required"));
    }
    adder_vm::buffer::need_bytes(vm, v)
}

fn frombytes(vm: &mut Vm, args: Args) -> PyResult {
    let v = onearg(vm, &args, "frombytes")?;
    let a = this(vm, &args, "frombytes")?;
    let b = buffer_bytes(vm, &v)?;
    check_multiple(vm, a.code, b.len())?;
    vm.check_alloc(a.data.borrow().len().saturating_add(b.len()))?;
    a.check_grow(vm, b.len())?;
    a.data.borrow_mut().extend_from_slice(&b);
    Ok(Value::NONE)
}

fn fromfile(vm: &mut Vm, args: Args) -> PyResult {
    exact_pos(vm, &args, "fromfile", 2)?;
    let a = this(vm, &args, "fromfile")?;
    let n = ssize(vm, &args.pos[2])?;
    if n < 0 {
        return Err(vm.value_error("negative count"));
    }
    let size = a.itemsize() as i64;
    if n > i64::MAX / size {
        return Err(vm.new_exception_msg(&vm.t.memory_error, ""));
    }
    let nbytes = n * size;
    let want = vm.new_int(nbytes);
    let r = vm.call_method(&args.pos[1], "read", vec![want])?;
    let Some(b) = r.downcast::<Bytes>() else {
        return Err(vm.type_error("read() didn't return bytes"));
    };
    let short = b.b.len() as i64 != nbytes;
    check_multiple(vm, a.code, b.b.len())?;
    a.check_grow(vm, b.b.len())?;
    a.data.borrow_mut().extend_from_slice(&b.b);
    if short {
        let t = vm.t.eof_error.clone();
        return Err(vm.new_exception_msg(&t, "read() didn't return enough bytes"));
    }
    Ok(Value::NONE)
}

fn fromlist(vm: &mut Vm, args: Args) -> PyResult {
    let v = onearg(vm, &args, "fromlist")?;
    let a = this(vm, &args, "fromlist")?;
    let Some(l) = v.downcast::<List>() else {
        return Err(vm.type_error("arg must be list"));
    };
    let items = l.snapshot();
    let b = super::encode_all(vm, a.code, &items)?;
    a.check_grow(vm, b.len())?;
    a.data.borrow_mut().extend_from_slice(&b);
    Ok(Value::NONE)
}

fn fromunicode(vm: &mut Vm, args: Args) -> PyResult {
    let v = onearg(vm, &args, "fromunicode")?;
    let a = this(vm, &args, "fromunicode")?;
    let Some(s) = v.downcast::<Str>() else {
        return Err(vm.type_error(format!(
            "fromunicode() argument must be str, not {}",
            vm.type_name(&v)
        )));
    };
    if a.code != b'u' {
        return Err(vm.value_error("fromunicode() may only be called on unicode type arrays"));
    }
    let b = item::string_to_items(s.as_str());
    a.check_grow(vm, b.len())?;
    a.data.borrow_mut().extend_from_slice(&b);
    Ok(Value::NONE)
}

fn index(vm: &mut Vm, args: Args) -> PyResult {
    pos_range(vm, &args, "index", 1, 3)?;
    let a = this(vm, &args, "index")?;
    let v = args.pos[1].clone();
    let mut start = match args.pos.get(2) {
        Some(s) => slice_index(vm, s)?,
        None => 0,
    };
    let mut stop = match args.pos.get(3) {
        Some(s) => slice_index(vm, s)?,
        None => i64::MAX,
    };
    let len = a.len() as i64;
    if start < 0 {
        start = (start + len).max(0);
    }
    if stop < 0 {
        stop += len;
    }
    let stop = stop.min(len).max(0) as usize;
    match find(vm, a, &v, start.min(len) as usize, stop)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("array.index(x): x not in array")),
    }
}

fn insert(vm: &mut Vm, args: Args) -> PyResult {
    pos_range(vm, &args, "insert", 2, 2)?;
    let a = this(vm, &args, "insert")?;
    let i = ssize(vm, &args.pos[1])?;
    let b = item::encode(vm, a.code, &args.pos[2])?;
    let n = a.len() as i64;
    let mut at = i;
    if at < 0 {
        at = (at + n).max(0);
    }
    let at = at.min(n) as usize;
    let size = a.itemsize();
    a.check_grow(vm, size)?;
    let mut d = a.data.borrow_mut();
    let off = at * size;
    d.splice(off..off, b[..size].iter().copied());
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult {
    pos_range(vm, &args, "pop", 0, 1)?;
    let a = this(vm, &args, "pop")?;
    let mut i = match args.pos.get(1) {
        Some(v) => ssize(vm, v)?,
        None => -1,
    };
    let n = a.len() as i64;
    if n == 0 {
        return Err(vm.index_error("pop from empty array"));
    }
    if i < 0 {
        i += n;
    }
    if i < 0 || i >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    let i = i as usize;
    let v = a.get(vm, i)?.unwrap_or(Value::NONE);
    let size = a.itemsize();
    a.check_resize(vm, (n as usize - 1) * size)?;
    a.data.borrow_mut().drain(i * size..(i + 1) * size);
    Ok(v)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult {
    let v = onearg(vm, &args, "remove")?;
    let a = this(vm, &args, "remove")?;
    let n = a.len();
    match find(vm, a, &v, 0, n)? {
        Some(i) => {
            let size = a.itemsize();
            a.check_resize(vm, (n - 1) * size)?;
            let mut d = a.data.borrow_mut();
            if (i + 1) * size <= d.len() {
                d.drain(i * size..(i + 1) * size);
            }
            Ok(Value::NONE)
        }
        None => Err(vm.value_error("array.remove(x): x not in array")),
    }
}

fn reverse(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "reverse")?;
    let a = this(vm, &args, "reverse")?;
    let size = a.itemsize();
    let mut d = a.data.borrow_mut();
    let items: Vec<u8> = d.chunks_exact(size).rev().flatten().copied().collect();
    *d = items;
    Ok(Value::NONE)
}

fn tobytes(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "tobytes")?;
    let a = this(vm, &args, "tobytes")?;
    let b = a.data.borrow().clone();
    Ok(vm.new_bytes(b))
}

fn tofile(vm: &mut Vm, args: Args) -> PyResult {
    exact_pos(vm, &args, "tofile", 1)?;
    let a = this(vm, &args, "tofile")?;
    const BLOCKSIZE: usize = 64 * 1024;
    let data = a.data.borrow().clone();
    for block in data.chunks(BLOCKSIZE) {
        let b = vm.new_bytes(block.to_vec());
        vm.call_method(&args.pos[1], "write", vec![b])?;
    }
    Ok(Value::NONE)
}

fn tolist(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "tolist")?;
    let a = this(vm, &args, "tolist")?;
    let items = to_values(vm, a)?;
    Ok(vm.new_list(items))
}

fn tounicode(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "tounicode")?;
    let a = this(vm, &args, "tounicode")?;
    if a.code != b'u' {
        return Err(vm.value_error("tounicode() may only be called on unicode type arrays"));
    }
    let s = item::items_to_string(vm, &a.data.borrow())?;
    Ok(vm.new_string(s))
}

fn copy(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__copy__")?;
    let a = this(vm, &args, "__copy__")?;
    let d = a.data.borrow().clone();
    new_array(vm, &args.pos[0], a.code, d)
}

fn deepcopy(vm: &mut Vm, args: Args) -> PyResult {
    onearg(vm, &args, "__deepcopy__")?;
    let a = this(vm, &args, "__deepcopy__")?;
    let d = a.data.borrow().clone();
    new_array(vm, &args.pos[0], a.code, d)
}

fn sizeof(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "__sizeof__")?;
    let a = this(vm, &args, "__sizeof__")?;
    let n = a.data.borrow().len();
    Ok(vm.new_int(64 + n as i64))
}

fn get_itemsize(vm: &mut Vm, v: &Value) -> PyResult {
    match v.downcast::<ArrayObj>() {
        Some(a) => Ok(vm.new_int(a.itemsize() as i64)),
        None => Err(vm.type_error("descriptor 'itemsize' for 'array.array' objects doesn't apply")),
    }
}

fn get_typecode(vm: &mut Vm, v: &Value) -> PyResult {
    match v.downcast::<ArrayObj>() {
        Some(a) => {
            let s = (a.code as char).to_string();
            Ok(vm.new_string(s))
        }
        None => Err(vm.type_error("descriptor 'typecode' for 'array.array' objects doesn't apply")),
    }
}
