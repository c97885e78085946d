//! The `bytes` and `bytearray` types: constructors, the methods they share
//! with `str` (ASCII semantics), `hex`/`fromhex`/`decode`, bytearray's
//! mutators and the dunders.
//!
//! Invariant: a shared method returns the receiver's type (`bytes` for
//! bytes, `bytearray` for bytearray); bytearray contents are copied out
//! before any call that can run Python code, so no `RefCell` borrow is held
//! across such a call.

use adder_bytecode::CmpOp;
use adder_object::Value;
use num_traits::ToPrimitive;

use super::args::{
    adjust, bytes_like, index_isize, need_bytes, need_str, opt, parse, slice_bound, str_of, Style,
};
use super::codecs;
use crate::kinds;
use crate::objects::seq::{Slice, Tuple};
use crate::objects::string::{ByteArray, Bytes};
use crate::vm::{Args, NativeFn, PyResult, Vm};

pub fn init(vm: &mut Vm) {
    let bt = vm.t.bytes.clone();
    let ba = vm.t.bytearray.clone();
    vm.set_new(&bt, bytes_new);
    vm.set_new(&ba, bytearray_new);
    vm.add_method(&ba, "__init__", bytearray_init);
    let shared: &[(&'static str, NativeFn)] = &[
        ("capitalize", b_capitalize),
        ("center", b_center),
        ("count", b_count),
        ("decode", b_decode),
        ("endswith", b_endswith),
        ("expandtabs", b_expandtabs),
        ("find", b_find),
        ("hex", b_hex),
        ("index", b_index),
        ("isalnum", b_isalnum),
        ("isalpha", b_isalpha),
        ("isascii", b_isascii),
        ("isdigit", b_isdigit),
        ("islower", b_islower),
        ("isspace", b_isspace),
        ("istitle", b_istitle),
        ("isupper", b_isupper),
        ("join", b_join),
        ("ljust", b_ljust),
        ("lower", b_lower),
        ("lstrip", b_lstrip),
        ("partition", b_partition),
        ("removeprefix", b_removeprefix),
        ("removesuffix", b_removesuffix),
        ("replace", b_replace),
        ("rfind", b_rfind),
        ("rindex", b_rindex),
        ("rjust", b_rjust),
        ("rpartition", b_rpartition),
        ("rsplit", b_rsplit),
        ("rstrip", b_rstrip),
        ("split", b_split),
        ("splitlines", b_splitlines),
        ("startswith", b_startswith),
        ("strip", b_strip),
        ("swapcase", b_swapcase),
        ("title", b_title),
        ("translate", b_translate),
        ("upper", b_upper),
        ("zfill", b_zfill),
        ("__len__", b_len),
        ("__getitem__", b_getitem),
        ("__contains__", b_contains),
        ("__iter__", b_iter),
        ("__add__", b_add),
        ("__mul__", b_mul),
        ("__rmul__", b_mul),
        ("__mod__", b_mod),
        ("__rmod__", b_rmod),
        ("__eq__", b_eq),
        ("__ne__", b_ne),
        ("__lt__", b_lt),
        ("__le__", b_le),
        ("__gt__", b_gt),
        ("__ge__", b_ge),
        ("__repr__", b_repr),
        ("__str__", b_repr),
    ];
    for (name, f) in shared {
        vm.add_method(&bt, name, *f);
        vm.add_method(&ba, name, *f);
    }
    vm.add_method(&bt, "__hash__", b_hash);
    vm.add_method(&bt, "__getnewargs__", b_getnewargs);
    vm.add_method(&bt, "__bytes__", b_bytes);
    vm.add_attr(&ba, "__hash__", Value::NONE);
    vm.add_staticmethod(&bt, "maketrans", b_maketrans);
    vm.add_staticmethod(&ba, "maketrans", b_maketrans);
    vm.add_classmethod(&bt, "fromhex", b_fromhex);
    vm.add_classmethod(&ba, "fromhex", b_fromhex);
}

// ----- helpers -------------------------------------------------------------------------

/// The receiver of a shared method: (value, its bytes, is-bytearray).
struct Recv {
    v: Value,
    b: Vec<u8>,
    arr: bool,
}

impl Recv {
    fn tname(&self) -> &'static str {
        if self.arr {
            "bytearray"
        } else {
            "bytes"
        }
    }
}

fn recv(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Recv> {
    match args.pos.first() {
        Some(v) if matches!(v.kind(), Some(kinds::BYTES) | Some(kinds::BYTEARRAY)) => Ok(Recv {
            v: v.clone(),
            b: bytes_like(v).unwrap_or_default(),
            arr: v.kind() == Some(kinds::BYTEARRAY),
        }),
        None => Err(vm.type_error(format!("unbound method bytes.{name}() needs an argument"))),
        Some(v) => Err(vm.type_error(format!(
            "descriptor '{name}' for 'bytes' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))),
    }
}

fn bargs<const N: usize>(
    vm: &mut Vm,
    args: &mut Args,
    name: &str,
    params: &[&str; N],
    min: usize,
    style: Style,
) -> PyResult<(Recv, [Option<Value>; N])> {
    let r = recv(vm, args, name)?;
    let a = parse(vm, args, r.tname(), name, params, min, style)?;
    Ok((r, a))
}

fn mk(vm: &Vm, arr: bool, b: Vec<u8>) -> Value {
    if arr {
        vm.new_bytearray(b)
    } else {
        vm.new_bytes(b)
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn find_sub(h: &[u8], n: &[u8], from: usize) -> Option<usize> {
    if n.is_empty() {
        return (from <= h.len()).then_some(from);
    }
    if n.len() > h.len() {
        return None;
    }
    (from..=h.len() - n.len()).find(|&i| &h[i..i + n.len()] == n)
}

fn rfind_sub(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len())
        .rev()
        .find(|&i| &h[i..i + n.len()] == n)
}

/// A byte value from an int-like (`byte must be in range(0, 256)`).
pub(super) fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let i = vm.index(v)?;
    match i.to_u8() {
        Some(b) => Ok(b),
        None => Err(vm.value_error("byte must be in range(0, 256)")),
    }
}

/// A find-style `sub` argument: an int byte or a bytes-like object.
fn sub_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(v) {
        return Ok(b);
    }
    if let Some(i) = vm.index_opt(v)? {
        return match i.to_u8() {
            Some(b) => Ok(vec![b]),
            None => Err(vm.value_error("byte must be in range(0, 256)")),
        };
    }
    Err(vm.type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        vm.type_name(v)
    )))
}

// ----- constructors --------------------------------------------------------------------

/// The contents `bytes(source, encoding, errors)` / `bytearray(...)` produce.
fn bytes_from_args(vm: &mut Vm, args: &mut Args, tname: &str) -> PyResult<Vec<u8>> {
    let a = parse(
        vm,
        args,
        tname,
        tname,
        &["source", "encoding", "errors"],
        0,
        Style::Kw,
    )?;
    if a[1].is_some() || a[2].is_some() {
        let Some(src) = a[0].clone().filter(|s| s.kind() == Some(kinds::STR)) else {
            let msg = if a[1].is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            };
            return Err(vm.type_error(msg));
        };
        let Some(enc) = a[1].clone() else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        let enc = need_str(
            vm,
            &enc,
            &format!("{tname}() argument 'encoding' must be str, not "),
        )?;
        let errors = match &a[2] {
            Some(e) => need_str(
                vm,
                e,
                &format!("{tname}() argument 'errors' must be str, not "),
            )?,
            None => "strict".to_string(),
        };
        return codecs::encode(vm, str_of(&src).unwrap_or(""), &enc, &errors);
    }
    let Some(src) = a[0].clone() else {
        return Ok(Vec::new());
    };
    // `bytes(x)` asks `x.__bytes__` first (None there blocks the other
    // conversions), then a str is refused, then buffers and the rest.
    let t = vm.type_of(&src);
    if tname == "bytes" && crate::ops::is_heap_type(&t) {
        if let Some(f) = crate::ops::type_lookup(&t, &vm.intern("__bytes__")) {
            let r = vm.call_method_value(&f, &src, vec![])?;
            if r.kind() != Some(kinds::BYTES) {
                return Err(vm.type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    vm.type_name(&r)
                )));
            }
            return Ok(bytes_like(&r).unwrap_or_default());
        }
    }
    if src.kind() == Some(kinds::STR) {
        return Err(vm.type_error("string argument without an encoding"));
    }
    if let Some(b) = bytes_like(&src) {
        return Ok(b);
    }
    if let Some(n) = vm.index_opt(&src)? {
        let n = n
            .to_isize()
            .ok_or_else(|| vm.overflow_error("cannot fit 'int' into an index-sized integer"))?;
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        vm.check_alloc(n as usize)?;
        return Ok(vec![0; n as usize]);
    }
    let it = match vm.iter(&src) {
        Ok(it) => it,
        Err(e) if vm.exc_matches(&e, &vm.t.type_error.clone()) => {
            return Err(vm.type_error(format!(
                "cannot convert '{}' object to {tname}",
                vm.type_name(&src)
            )));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(x) = vm.next(&it)? {
        let i = vm.index(&x)?;
        match i.to_u8() {
            Some(b) => out.push(b),
            None if tname == "bytes" => {
                return Err(vm.value_error("bytes must be in range(0, 256)"))
            }
            None => return Err(vm.value_error("byte must be in range(0, 256)")),
        }
    }
    Ok(out)
}

fn bytes_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    let b = bytes_from_args(vm, &mut args, "bytes")?;
    if cls.is(&vm.t.bytes) {
        return Ok(vm.new_bytes(b));
    }
    Ok(vm.alloc_builtin(
        &cls,
        Bytes {
            b: b.into_boxed_slice(),
            hash: std::cell::Cell::new(-1),
        },
    ))
}

/// `bytearray.__new__` makes an empty bytearray; `__init__` fills it (as
/// CPython, so `bytearray.__init__(ba, ...)` re-initialises one, and a
/// subclass's own `__init__` decides what goes in).
fn bytearray_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    if cls.is(&vm.t.bytearray) {
        return Ok(vm.new_bytearray(Vec::new()));
    }
    Ok(vm.alloc_builtin(
        &cls,
        ByteArray {
            b: std::cell::RefCell::new(Vec::new()),
            exports: std::cell::Cell::new(0),
        },
    ))
}

/// `bytearray.__init__(self, source=b'', encoding=..., errors=...)`.
fn bytearray_init(vm: &mut Vm, mut args: Args) -> PyResult {
    let Some(me) = args.pos.first().cloned() else {
        return Err(vm.type_error("descriptor '__init__' of 'bytearray' object needs an argument"));
    };
    let Some(ba) = me.downcast::<ByteArray>() else {
        return Err(vm.type_error(format!(
            "descriptor '__init__' requires a 'bytearray' object but received a '{}'",
            vm.type_name(&me)
        )));
    };
    let b = bytes_from_args(vm, &mut args, "bytearray")?;
    *ba.b.borrow_mut() = b;
    Ok(Value::NONE)
}

fn b_fromhex(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args
        .pos
        .first()
        .cloned()
        .unwrap_or_else(|| vm.t.bytes.clone());
    let mut a2 = args;
    let a = parse(
        vm,
        &mut a2,
        "bytes",
        "fromhex",
        &["string"],
        1,
        Style::Clinic,
    )?;
    let s = need_str(
        vm,
        a[0].as_ref().unwrap(),
        "fromhex() argument must be str, not ",
    )?;
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let bad = |vm: &Vm, i: usize| {
        vm.value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {i}"
        ))
    };
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() || chars[i] == '\x0b' {
            i += 1;
            continue;
        }
        let Some(hi) = chars[i].to_digit(16).filter(|_| chars[i].is_ascii()) else {
            return Err(bad(vm, i));
        };
        let Some(lo) = chars
            .get(i + 1)
            .and_then(|c| c.to_digit(16).filter(|_| c.is_ascii()))
        else {
            return Err(bad(vm, i + 1));
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    if cls.is(&vm.t.bytes) {
        return Ok(vm.new_bytes(out));
    }
    if cls.is(&vm.t.bytearray) {
        return Ok(vm.new_bytearray(out));
    }
    let arr = crate::ops::is_subtype(&cls, &vm.t.bytearray);
    let v = mk(vm, arr, out);
    vm.call(&cls, vec![v])
}

// ----- searching -----------------------------------------------------------------------

fn find_args(vm: &mut Vm, args: &mut Args, name: &str) -> PyResult<(Recv, Vec<u8>, usize, usize)> {
    let (r, a) = bargs(vm, args, name, &["sub", "start", "end"], 1, Style::Old)?;
    let sub = sub_arg(vm, a[0].as_ref().unwrap())?;
    let st = slice_bound(vm, &a[1])?;
    let en = slice_bound(vm, &a[2])?;
    let (b, e) = adjust(st, en, r.b.len());
    Ok((r, sub, b, e))
}

fn find_common(vm: &mut Vm, mut args: Args, name: &str, rev: bool, raise: bool) -> PyResult {
    let (r, sub, b, e) = find_args(vm, &mut args, name)?;
    let found = if b > e || b > r.b.len() {
        None
    } else if rev {
        rfind_sub(&r.b[b..e], &sub).map(|i| i + b)
    } else {
        find_sub(&r.b[b..e], &sub, 0).map(|i| i + b)
    };
    match found {
        Some(i) => Ok(vm.new_int(i as i64)),
        None if raise => Err(vm.value_error("subsection not found")),
        None => Ok(vm.new_int(-1)),
    }
}
fn b_find(vm: &mut Vm, args: Args) -> PyResult {
    find_common(vm, args, "find", false, false)
}
fn b_rfind(vm: &mut Vm, args: Args) -> PyResult {
    find_common(vm, args, "rfind", true, false)
}
fn b_index(vm: &mut Vm, args: Args) -> PyResult {
    find_common(vm, args, "index", false, true)
}
fn b_rindex(vm: &mut Vm, args: Args) -> PyResult {
    find_common(vm, args, "rindex", true, true)
}
fn b_count(vm: &mut Vm, mut args: Args) -> PyResult {
    let (r, sub, b, e) = find_args(vm, &mut args, "count")?;
    if b > e || b > r.b.len() {
        return Ok(vm.new_int(0));
    }
    let h = &r.b[b..e];
    let n = if sub.is_empty() {
        h.len() + 1
    } else {
        let mut n = 0;
        let mut i = 0;
        while let Some(j) = find_sub(h, &sub, i) {
            n += 1;
            i = j + sub.len();
        }
        n
    };
    Ok(vm.new_int(n as i64))
}

fn tailmatch(vm: &mut Vm, mut args: Args, name: &str, end: bool) -> PyResult {
    let (r, a) = bargs(
        vm,
        &mut args,
        name,
        &["prefix", "start", "end"],
        1,
        Style::Old,
    )?;
    let p = a[0].clone().unwrap();
    let st = slice_bound(vm, &a[1])?;
    let en = slice_bound(vm, &a[2])?;
    let (b, e) = adjust(st, en, r.b.len());
    let hit = |c: &[u8]| {
        if b > e || b > r.b.len() {
            return false;
        }
        let w = &r.b[b..e];
        if end {
            w.ends_with(c)
        } else {
            w.starts_with(c)
        }
    };
    if let Some(t) = p.downcast::<Tuple>() {
        for x in t.items.iter() {
            let c = need_bytes(vm, x)?;
            if hit(&c) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    match bytes_like(&p) {
        Some(c) => Ok(Value::from_bool(hit(&c))),
        None => Err(vm.type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            vm.type_name(&p)
        ))),
    }
}
fn b_startswith(vm: &mut Vm, args: Args) -> PyResult {
    tailmatch(vm, args, "startswith", false)
}
fn b_endswith(vm: &mut Vm, args: Args) -> PyResult {
    tailmatch(vm, args, "endswith", true)
}

// ----- splitting and joining -----------------------------------------------------------

fn split_ws(b: &[u8], max: usize, rev: bool) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    if !rev {
        let mut i = 0;
        let mut left = max;
        loop {
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            if i >= b.len() {
                break;
            }
            if left == 0 {
                out.push(b[i..].to_vec());
                break;
            }
            let s = i;
            while i < b.len() && !is_space(b[i]) {
                i += 1;
            }
            out.push(b[s..i].to_vec());
            left -= 1;
        }
    } else {
        let mut i = b.len();
        let mut left = max;
        loop {
            while i > 0 && is_space(b[i - 1]) {
                i -= 1;
            }
            if i == 0 {
                break;
            }
            if left == 0 {
                out.push(b[..i].to_vec());
                break;
            }
            let e = i;
            while i > 0 && !is_space(b[i - 1]) {
                i -= 1;
            }
            out.push(b[i..e].to_vec());
            left -= 1;
        }
        out.reverse();
    }
    out
}

fn split_sep(b: &[u8], sep: &[u8], max: usize, rev: bool) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut left = max;
    if !rev {
        let mut i = 0;
        while left > 0 {
            match find_sub(b, sep, i) {
                Some(j) => {
                    out.push(b[i..j].to_vec());
                    i = j + sep.len();
                    left -= 1;
                }
                None => break,
            }
        }
        out.push(b[i..].to_vec());
    } else {
        let mut end = b.len();
        while left > 0 {
            match rfind_sub(&b[..end], sep) {
                Some(j) => {
                    out.push(b[j + sep.len()..end].to_vec());
                    end = j;
                    left -= 1;
                }
                None => break,
            }
        }
        out.push(b[..end].to_vec());
        out.reverse();
    }
    out
}

fn split_common(vm: &mut Vm, mut args: Args, name: &str, rev: bool) -> PyResult {
    let (r, a) = bargs(vm, &mut args, name, &["sep", "maxsplit"], 0, Style::Kw)?;
    let sep = match opt(&a[0]) {
        None => None,
        Some(v) => Some(need_bytes(vm, v)?),
    };
    let max = match &a[1] {
        None => -1,
        Some(v) => index_isize(vm, v)?,
    };
    let max = if max < 0 { usize::MAX } else { max as usize };
    let parts = match sep {
        None => split_ws(&r.b, max, rev),
        Some(s) if s.is_empty() => return Err(vm.value_error("empty separator")),
        Some(s) => split_sep(&r.b, &s, max, rev),
    };
    let items = parts.into_iter().map(|p| mk(vm, r.arr, p)).collect();
    Ok(vm.new_list(items))
}
fn b_split(vm: &mut Vm, args: Args) -> PyResult {
    split_common(vm, args, "split", false)
}
fn b_rsplit(vm: &mut Vm, args: Args) -> PyResult {
    split_common(vm, args, "rsplit", true)
}

fn b_splitlines(vm: &mut Vm, mut args: Args) -> PyResult {
    let (r, a) = bargs(vm, &mut args, "splitlines", &["keepends"], 0, Style::Kw)?;
    let keep = match &a[0] {
        None => false,
        Some(v) => vm.truthy(v)?,
    };
    let b = &r.b;
    let mut out = Vec::new();
    let (mut i, mut start) = (0, 0);
    while i < b.len() {
        if b[i] == b'\n' || b[i] == b'\r' {
            let mut end = i + 1;
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            out.push(b[start..if keep { end } else { i }].to_vec());
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < b.len() {
        out.push(b[start..].to_vec());
    }
    let items = out.into_iter().map(|p| mk(vm, r.arr, p)).collect();
    Ok(vm.new_list(items))
}

fn b_join(vm: &mut Vm, mut args: Args) -> PyResult {
    let (r, a) = bargs(
        vm,
        &mut args,
        "join",
        &["iterable_of_bytes"],
        1,
        Style::Clinic,
    )?;
    let items = vm.iterate(a[0].as_ref().unwrap())?;
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        let Some(b) = bytes_like(x) else {
            return Err(vm.type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                vm.type_name(x)
            )));
        };
        if i > 0 {
            out.extend_from_slice(&r.b);
        }
        out.extend(b);
    }
    Ok(mk(vm, r.arr, out))
}

fn partition_common(vm: &mut Vm, mut args: Args, name: &str, rev: bool) -> PyResult {
    let (r, a) = bargs(vm, &mut args, name, &["sep"], 1, Style::Clinic)?;
    let sep = need_bytes(vm, a[0].as_ref().unwrap())?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let b = &r.b;
    let found = if rev {
        rfind_sub(b, &sep)
    } else {
        find_sub(b, &sep, 0)
    };
    let parts = match found {
        Some(i) => [b[..i].to_vec(), sep.clone(), b[i + sep.len()..].to_vec()],
        None if rev => [Vec::new(), Vec::new(), b.clone()],
        None => [b.clone(), Vec::new(), Vec::new()],
    };
    let items = parts.into_iter().map(|p| mk(vm, r.arr, p)).collect();
    Ok(vm.new_tuple(items))
}
fn b_partition(vm: &mut Vm, args: Args) -> PyResult {
    partition_common(vm, args, "partition", false)
}
fn b_rpartition(vm: &mut Vm, args: Args) -> PyResult {
    partition_common(vm, args, "rpartition", true)
}

// ----- transforming --------------------------------------------------------------------

fn strip_common(vm: &mut Vm, mut args: Args, name: &str, left: bool, right: bool) -> PyResult {
    let (r, a) = bargs(vm, &mut args, name, &["bytes"], 0, Style::Clinic)?;
    let set = match opt(&a[0]) {
        None => None,
        Some(v) => Some(need_bytes(vm, v)?),
    };
    let inset = |c: u8| match &set {
        None => is_space(c),
        Some(s) => s.contains(&c),
    };
    let b = &r.b;
    let mut s = 0;
    let mut e = b.len();
    if left {
        while s < e && inset(b[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && inset(b[e - 1]) {
            e -= 1;
        }
    }
    if !r.arr && s == 0 && e == b.len() && vm.type_of(&r.v).is(&vm.t.bytes) {
        return Ok(r.v.clone());
    }
    Ok(mk(vm, r.arr, b[s..e].to_vec()))
}
fn b_strip(vm: &mut Vm, args: Args) -> PyResult {
    strip_common(vm, args, "strip", true, true)
}
fn b_lstrip(vm: &mut Vm, args: Args) -> PyResult {
    strip_common(vm, args, "lstrip", true, false)
}
fn b_rstrip(vm: &mut Vm, args: Args) -> PyResult {
    strip_common(vm, args, "rstrip", false, true)
}

fn b_replace(vm: &mut Vm, mut args: Args) -> PyResult {
    let (r, a) = bargs(
        vm,
        &mut args,
        "replace",
        &["old", "new", "count"],
        2,
        Style::Clinic,
    )?;
    let old = need_bytes(vm, a[0].as_ref().unwrap())?;
    let new = need_bytes(vm, a[1].as_ref().unwrap())?;
    let count = match &a[2] {
        None => -1,
        Some(v) => index_isize(vm, v)?,
    };
    let max = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let b = &r.b;
    let mut out = Vec::with_capacity(b.len());
    let mut done = 0;
    if old.is_empty() {
        for (i, &c) in b.iter().enumerate() {
            if done < max {
                out.extend_from_slice(&new);
                done += 1;
            }
            out.push(c);
            let _ = i;
        }
        if done < max {
            out.extend_from_slice(&new);
        }
    } else {
        let mut i = 0;
        while done < max {
            match find_sub(b, &old, i) {
                Some(j) => {
                    out.extend_from_slice(&b[i..j]);
                    out.extend_from_slice(&new);
                    i = j + old.len();
                    done += 1;
                }
                None => break,
            }
        }
        out.extend_from_slice(&b[i..]);
    }
    Ok(mk(vm, r.arr, out))
}

fn map_common(vm: &mut Vm, mut args: Args, name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult {
    let (r, _) = bargs(vm, &mut args, name, &[], 0, Style::Clinic)?;
    let out = f(&r.b);
    Ok(mk(vm, r.arr, out))
}
fn lower(b: &[u8]) -> Vec<u8> {
    b.to_ascii_lowercase()
}
fn upper(b: &[u8]) -> Vec<u8> {
    b.to_ascii_uppercase()
}
fn swapcase(b: &[u8]) -> Vec<u8> {
    b.iter()
        .map(|&c| {
            if c.is_ascii_lowercase() {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}
fn capitalize(b: &[u8]) -> Vec<u8> {
    b.iter()
        .enumerate()
        .map(|(i, &c)| {
            if i == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}
fn title(b: &[u8]) -> Vec<u8> {
    let mut prev = false;
    b.iter()
        .map(|&c| {
            let r = if prev {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            };
            prev = c.is_ascii_alphabetic();
            r
        })
        .collect()
}
fn b_lower(vm: &mut Vm, args: Args) -> PyResult {
    map_common(vm, args, "lower", lower)
}
fn b_upper(vm: &mut Vm, args: Args) -> PyResult {
    map_common(vm, args, "upper", upper)
}
fn b_swapcase(vm: &mut Vm, args: Args) -> PyResult {
    map_common(vm, args, "swapcase", swapcase)
}
fn b_capitalize(vm: &mut Vm, args: Args) -> PyResult {
    map_common(vm, args, "capitalize", capitalize)
}
fn b_title(vm: &mut Vm, args: Args) -> PyResult {
    map_common(vm, args, "title", title)
}

fn pred_common(vm: &mut Vm, mut args: Args, name: &str, f: fn(&[u8]) -> bool) -> PyResult {
    let (r, _) = bargs(vm, &mut args, name, &[], 0, Style::Clinic)?;
    Ok(Value::from_bool(f(&r.b)))
}
fn all_ne(b: &[u8], f: fn(&u8) -> bool) -> bool {
    !b.is_empty() && b.iter().all(f)
}
fn b_isalnum(vm: &mut Vm, args: Args) -> PyResult {
    pred_common(vm, args, "isalnum", |b| {
        all_ne(b, u8::is_ascii_alphanumeric)
    })
}
fn b_isalpha(vm: &mut Vm, args: Args) -> PyResult {
    pred_common(vm, args, "isalpha", |b| all_ne(b, u8::is_ascii_alphabetic))
}
fn b_isascii(vm: &mut Vm, args: Args) -> PyResult {
    pred_common(vm, args, "isascii", |b| b.is_ascii())
}
fn b_isdigit(vm: &mut Vm, args: Args) -> PyResult {
    pred_common(vm, args, "isdigit", |b| all_ne(b, u8::is_ascii_digit))
}
fn b_isspace(vm: &mut Vm, args: Args) -> PyResult {
    pred_common(vm, args, "isspace", |b| all_ne(b, |c| is_space(*c)))
}
fn b_islower(vm: &mut Vm, args: Args) -> PyResult {
    pred_common(vm, args, "islower", |b| {
        b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)
    })
}
fn b_isupper(vm: &mut Vm, args: Args) -> PyResult {
    pred_common(vm, args, "isupper", |b| {
        b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)
    })
}
fn b_istitle(vm: &mut Vm, args: Args) -> PyResult {
    pred_common(vm, args, "istitle", |b| {
        let (mut cased, mut prev) = (false, false);
        for &c in b {
            if c.is_ascii_uppercase() {
                if prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else if c.is_ascii_lowercase() {
                if !prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else {
                prev = false;
            }
        }
        cased
    })
}

fn pad_common(vm: &mut Vm, mut args: Args, name: &str, which: u8) -> PyResult {
    let (r, a) = bargs(
        vm,
        &mut args,
        name,
        &["width", "fillchar"],
        1,
        Style::Clinic,
    )?;
    let w = index_isize(vm, a[0].as_ref().unwrap())?;
    let fill = match &a[1] {
        None => b' ',
        Some(v) => match bytes_like(v) {
            Some(f) if f.len() == 1 => f[0],
            _ => {
                return Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    if w > (1 << 40) {
        return Err(vm.new_exception_msg(&vm.t.memory_error.clone(), ""));
    }
    let n = r.b.len();
    let w = w.max(0) as usize;
    if w <= n {
        return Ok(mk(vm, r.arr, r.b));
    }
    let marg = w - n;
    let left = match which {
        0 => marg / 2 + (marg & w & 1),
        1 => 0,
        _ => marg,
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&r.b);
    out.resize(w, fill);
    Ok(mk(vm, r.arr, out))
}
fn b_center(vm: &mut Vm, args: Args) -> PyResult {
    pad_common(vm, args, "center", 0)
}
fn b_ljust(vm: &mut Vm, args: Args) -> PyResult {
    pad_common(vm, args, "ljust", 1)
}
fn b_rjust(vm: &mut Vm, args: Args) -> PyResult {
    pad_common(vm, args, "rjust", 2)
}
fn b_zfill(vm: &mut Vm, mut args: Args) -> PyResult {
    let (r, a) = bargs(vm, &mut args, "zfill", &["width"], 1, Style::Clinic)?;
    let w = index_isize(vm, a[0].as_ref().unwrap())?;
    if w > (1 << 40) {
        return Err(vm.new_exception_msg(&vm.t.memory_error.clone(), ""));
    }
    let b = r.b;
    let w = w.max(0) as usize;
    if w <= b.len() {
        return Ok(mk(vm, r.arr, b));
    }
    let mut out = Vec::with_capacity(w);
    let signed = matches!(b.first(), Some(b'+' | b'-'));
    if signed {
        out.push(b[0]);
    }
    out.extend(std::iter::repeat_n(b'0', w - b.len()));
    out.extend_from_slice(if signed { &b[1..] } else { &b[..] });
    Ok(mk(vm, r.arr, out))
}

fn b_expandtabs(vm: &mut Vm, mut args: Args) -> PyResult {
    let (r, a) = bargs(vm, &mut args, "expandtabs", &["tabsize"], 0, Style::Kw)?;
    let ts = match &a[0] {
        None => 8,
        Some(v) => index_isize(vm, v)?,
    };
    let tabs = r.b.iter().filter(|&&c| c == b'\t').count() as isize;
    if ts > 0 && tabs.saturating_mul(ts) > (1 << 40) {
        return Err(vm.overflow_error("result too long"));
    }
    let mut out = Vec::with_capacity(r.b.len());
    let mut col: isize = 0;
    for &c in &r.b {
        match c {
            b'\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(mk(vm, r.arr, out))
}

fn affix_common(vm: &mut Vm, mut args: Args, name: &str, suffix: bool) -> PyResult {
    let (r, a) = bargs(vm, &mut args, name, &["affix"], 1, Style::Clinic)?;
    let p = need_bytes(vm, a[0].as_ref().unwrap())?;
    let b = &r.b;
    let out = if suffix {
        b.strip_suffix(p.as_slice()).unwrap_or(b)
    } else {
        b.strip_prefix(p.as_slice()).unwrap_or(b)
    };
    Ok(mk(vm, r.arr, out.to_vec()))
}
fn b_removeprefix(vm: &mut Vm, args: Args) -> PyResult {
    affix_common(vm, args, "removeprefix", false)
}
fn b_removesuffix(vm: &mut Vm, args: Args) -> PyResult {
    affix_common(vm, args, "removesuffix", true)
}

fn b_translate(vm: &mut Vm, mut args: Args) -> PyResult {
    let (r, a) = bargs(
        vm,
        &mut args,
        "translate",
        &["table", "delete"],
        1,
        Style::Kw,
    )?;
    let table = match opt(&a[0]) {
        None => None,
        Some(v) => {
            let t = need_bytes(vm, v)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let del = match &a[1] {
        None => Vec::new(),
        Some(v) => need_bytes(vm, v)?,
    };
    let out =
        r.b.iter()
            .filter(|c| !del.contains(c))
            .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
            .collect();
    Ok(mk(vm, r.arr, out))
}

fn b_maketrans(vm: &mut Vm, args: Args) -> PyResult {
    let mut a2 = Args {
        pos: smallvec::smallvec![Value::NONE],
        kw: args.kw,
    };
    a2.pos.extend(args.pos);
    let a = parse(
        vm,
        &mut a2,
        "bytes",
        "maketrans",
        &["frm", "to"],
        2,
        Style::Clinic,
    )?;
    let f = need_bytes(vm, a[0].as_ref().unwrap())?;
    let t = need_bytes(vm, a[1].as_ref().unwrap())?;
    if f.len() != t.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (x, y) in f.iter().zip(t.iter()) {
        table[*x as usize] = *y;
    }
    Ok(vm.new_bytes(table))
}

fn b_decode(vm: &mut Vm, mut args: Args) -> PyResult {
    let (r, a) = bargs(
        vm,
        &mut args,
        "decode",
        &["encoding", "errors"],
        0,
        Style::Kw,
    )?;
    let enc = match &a[0] {
        None => "utf-8".to_string(),
        Some(v) => need_str(vm, v, "decode() argument 'encoding' must be str, not ")?,
    };
    let errors = match &a[1] {
        None => "strict".to_string(),
        Some(v) => need_str(vm, v, "decode() argument 'errors' must be str, not ")?,
    };
    let s = codecs::decode(vm, &r.b, &enc, &errors)?;
    Ok(vm.new_string(s))
}

fn b_hex(vm: &mut Vm, mut args: Args) -> PyResult {
    let (r, a) = bargs(
        vm,
        &mut args,
        "hex",
        &["sep", "bytes_per_sep"],
        0,
        Style::Kw,
    )?;
    let sep = match &a[0] {
        None => None,
        Some(v) => {
            let s: Vec<char> = if let Some(s) = str_of(v) {
                s.chars().collect()
            } else if let Some(b) = bytes_like(v) {
                b.iter().map(|&c| c as char).collect()
            } else {
                return Err(
                    vm.type_error(format!("object of type '{}' has no len()", vm.type_name(v)))
                );
            };
            if s.len() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            if !s[0].is_ascii() {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(s[0])
        }
    };
    let per = match &a[1] {
        None => 1,
        Some(v) => index_isize(vm, v)?,
    };
    let digits = |c: u8| format!("{c:02x}");
    let b = &r.b;
    let mut out = String::with_capacity(b.len() * 3);
    match sep {
        Some(sc) if per != 0 && !b.is_empty() => {
            let k = per.unsigned_abs();
            let n = b.len();
            for (i, &c) in b.iter().enumerate() {
                // Group boundaries count from the right for positive `per`.
                let boundary = if per > 0 {
                    (n - i) % k == 0
                } else {
                    i % k == 0
                };
                if i > 0 && boundary {
                    out.push(sc);
                }
                out.push_str(&digits(c));
            }
        }
        _ => b.iter().for_each(|&c| out.push_str(&digits(c))),
    }
    Ok(vm.new_string(out))
}

// ----- dunders -------------------------------------------------------------------------

fn b_len(vm: &mut Vm, mut args: Args) -> PyResult {
    let (r, _) = bargs(vm, &mut args, "__len__", &[], 0, Style::Clinic)?;
    Ok(vm.new_int(r.b.len() as i64))
}

fn b_getitem(vm: &mut Vm, mut args: Args) -> PyResult {
    let (r, a) = bargs(vm, &mut args, "__getitem__", &["key"], 1, Style::Clinic)?;
    let key = a[0].clone().unwrap();
    if let Some(sl) = key.downcast::<Slice>() {
        let (start, _, step, n) = vm.slice_indices(sl, r.b.len())?;
        let out: Vec<u8> = (0..n)
            .map(|i| r.b[(start + i as isize * step) as usize])
            .collect();
        return Ok(mk(vm, r.arr, out));
    }
    let Some(i) = vm.index_opt(&key)? else {
        let what = if r.arr { "bytearray" } else { "byte" };
        return Err(vm.type_error(format!(
            "{what} indices must be integers or slices, not {}",
            vm.type_name(&key)
        )));
    };
    let len = r.b.len() as isize;
    let i = i.to_isize().unwrap_or(isize::MAX);
    let j = if i < 0 { i.saturating_add(len) } else { i };
    if j < 0 || j >= len {
        return Err(vm.index_error(if r.arr {
            "bytearray index out of range"
        } else {
            "index out of range"
        }));
    }
    Ok(vm.new_int(r.b[j as usize] as i64))
}

fn b_contains(vm: &mut Vm, mut args: Args) -> PyResult {
    let (r, a) = bargs(vm, &mut args, "__contains__", &["key"], 1, Style::Clinic)?;
    let k = a[0].as_ref().unwrap();
    if let Some(n) = bytes_like(k) {
        return Ok(Value::from_bool(find_sub(&r.b, &n, 0).is_some()));
    }
    match vm.index_opt(k)? {
        Some(i) => match i.to_u8() {
            Some(c) => Ok(Value::from_bool(r.b.contains(&c))),
            None => Err(vm.value_error("byte must be in range(0, 256)")),
        },
        None => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(k)
        ))),
    }
}

fn b_iter(vm: &mut Vm, mut args: Args) -> PyResult {
    let (r, _) = bargs(vm, &mut args, "__iter__", &[], 0, Style::Clinic)?;
    Ok(crate::builtins::iterators::bytes_iter(vm, r.v))
}

fn b_add(vm: &mut Vm, mut args: Args) -> PyResult {
    let (r, a) = bargs(vm, &mut args, "__add__", &["value"], 1, Style::Clinic)?;
    let o = a[0].as_ref().unwrap();
    let Some(y) = bytes_like(o) else {
        return Err(vm.type_error(format!("can't concat {} to {}", vm.type_name(o), r.tname())));
    };
    let mut x = r.b;
    x.extend(y);
    Ok(mk(vm, r.arr, x))
}

pub(super) fn repeat_count(vm: &mut Vm, v: &Value, len: usize) -> PyResult<usize> {
    let n = index_isize(vm, v)?.max(0) as usize;
    vm.check_alloc(len.saturating_mul(n))?;
    Ok(n)
}

fn b_mul(vm: &mut Vm, mut args: Args) -> PyResult {
    let (r, a) = bargs(vm, &mut args, "__mul__", &["value"], 1, Style::Clinic)?;
    let n = repeat_count(vm, a[0].as_ref().unwrap(), r.b.len())?;
    // CPython: `size == Py_SIZE(a) && PyBytes_CheckExact(a)` returns `a`.
    if !r.arr && (n == 1 || r.b.is_empty()) && vm.type_of(&r.v).is(&vm.t.bytes) {
        return Ok(r.v);
    }
    Ok(mk(vm, r.arr, r.b.repeat(n)))
}

fn b_mod(vm: &mut Vm, mut args: Args) -> PyResult {
    let (r, a) = bargs(vm, &mut args, "__mod__", &["value"], 1, Style::Clinic)?;
    crate::builtins::strfmt::percent_format_bytes(vm, &r.v, a[0].as_ref().unwrap())
}

fn b_rmod(vm: &mut Vm, mut args: Args) -> PyResult {
    let _ = bargs(vm, &mut args, "__rmod__", &["value"], 1, Style::Clinic)?;
    Ok(vm.not_implemented.clone())
}

fn cmp_common(vm: &mut Vm, mut args: Args, name: &str, op: CmpOp) -> PyResult {
    let (r, a) = bargs(vm, &mut args, name, &["value"], 1, Style::Clinic)?;
    // `bytes` compares with bytes and bytearray only; `bytearray` with any
    // buffer (CPython's `bytes_richcompare` / `bytearray_richcompare`).
    let other = a[0].as_ref().unwrap();
    let y = if r.arr {
        bytes_like(other)
    } else {
        super::args::bytes_or_bytearray(other)
    };
    let Some(y) = y else {
        return Ok(vm.not_implemented.clone());
    };
    use std::cmp::Ordering::*;
    let o = r.b.as_slice().cmp(y.as_slice());
    Ok(Value::from_bool(match op {
        CmpOp::Eq => o == Equal,
        CmpOp::Ne => o != Equal,
        CmpOp::Lt => o == Less,
        CmpOp::Le => o != Greater,
        CmpOp::Gt => o == Greater,
        CmpOp::Ge => o != Less,
    }))
}
fn b_eq(vm: &mut Vm, args: Args) -> PyResult {
    cmp_common(vm, args, "__eq__", CmpOp::Eq)
}
fn b_ne(vm: &mut Vm, args: Args) -> PyResult {
    cmp_common(vm, args, "__ne__", CmpOp::Ne)
}
fn b_lt(vm: &mut Vm, args: Args) -> PyResult {
    cmp_common(vm, args, "__lt__", CmpOp::Lt)
}
fn b_le(vm: &mut Vm, args: Args) -> PyResult {
    cmp_common(vm, args, "__le__", CmpOp::Le)
}
fn b_gt(vm: &mut Vm, args: Args) -> PyResult {
    cmp_common(vm, args, "__gt__", CmpOp::Gt)
}
fn b_ge(vm: &mut Vm, args: Args) -> PyResult {
    cmp_common(vm, args, "__ge__", CmpOp::Ge)
}

fn b_hash(vm: &mut Vm, mut args: Args) -> PyResult {
    let (r, _) = bargs(vm, &mut args, "__hash__", &[], 0, Style::Clinic)?;
    let plain = vm.new_bytes(r.b);
    let h = vm.hash(&plain)?;
    Ok(vm.new_int(h))
}

fn b_repr(vm: &mut Vm, mut args: Args) -> PyResult {
    let (r, _) = bargs(vm, &mut args, "__repr__", &[], 0, Style::Clinic)?;
    let body = adder_text::bytes_repr(&r.b);
    let s = if r.arr {
        let t = vm.type_of(&r.v);
        format!("{}({body})", vm.type_obj(&t).name())
    } else {
        body
    };
    Ok(vm.new_string(s))
}

fn b_getnewargs(vm: &mut Vm, mut args: Args) -> PyResult {
    let (r, _) = bargs(vm, &mut args, "__getnewargs__", &[], 0, Style::Clinic)?;
    let b = vm.new_bytes(r.b);
    Ok(vm.new_tuple(vec![b]))
}

fn b_bytes(vm: &mut Vm, mut args: Args) -> PyResult {
    let (r, _) = bargs(vm, &mut args, "__bytes__", &[], 0, Style::Clinic)?;
    if vm.type_of(&r.v).is(&vm.t.bytes) {
        return Ok(r.v);
    }
    Ok(vm.new_bytes(r.b))
}
