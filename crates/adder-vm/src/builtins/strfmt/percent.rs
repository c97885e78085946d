//! printf-style formatting: `str % args` and `bytes % args`.
//!
//! Invariant: arguments are consumed with CPython 3.11's `getnextarg`
//! state machine (`argidx`/`arglen`, where a single non-tuple argument is
//! `arglen == -1` and a mapping lookup resets it), so "not enough
//! arguments" / "not all arguments converted" fire in exactly the same
//! situations; directive syntax and number layout come from `adder_text`.
// CPython 3.11: Objects/unicodeobject.c (PyUnicode_Format), Objects/bytesobject.c

use adder_object::Value;
use adder_text::{PercentDirective, PercentSpec};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::builtins::str::args::{bytes_like, str_of, text_err};
use crate::kinds;
use crate::num::{as_bigint, as_float, is_int};
use crate::objects::seq::Tuple;
use crate::ops::{is_heap_type, type_lookup};
use crate::vm::{PyResult, Vm};

/// The argument cursor of one formatting operation.
struct Ctx {
    args: Value,
    arglen: isize,
    argidx: isize,
    dict: Option<Value>,
    bytes: bool,
}

impl Ctx {
    fn new(vm: &mut Vm, args: &Value, bytes: bool) -> Ctx {
        if !args.is_ptr() {
            // An inline int, float, bool or None: one argument, and of a
            // builtin type without `__getitem__`, so not a mapping.
            return Ctx {
                args: args.clone(),
                arglen: -1,
                argidx: -2,
                dict: None,
                bytes,
            };
        }
        let (arglen, argidx) = match args.downcast::<Tuple>() {
            Some(t) => (t.items.len() as isize, 0),
            None => (-1, -2),
        };
        // `PyMapping_Check(args) && !PyTuple_Check(args) && !PyUnicode_Check(args)`
        // (bytes formatting excludes bytes and bytearray instead of str).
        let excluded = match args.kind() {
            Some(kinds::TUPLE) => true,
            Some(kinds::STR) => !bytes,
            Some(kinds::BYTES) | Some(kinds::BYTEARRAY) => bytes,
            _ => false,
        };
        let is_mapping = !excluded
            && (matches!(
                args.kind(),
                Some(
                    kinds::DICT
                        | kinds::LIST
                        | kinds::MAPPINGPROXY
                        | kinds::RANGE
                        | kinds::BYTES
                        | kinds::BYTEARRAY
                )
            ) || {
                let t = vm.type_of(args);
                let g = vm.names.__getitem__.clone();
                type_lookup(&t, &g).is_some()
            });
        Ctx {
            args: args.clone(),
            arglen,
            argidx,
            dict: is_mapping.then(|| args.clone()),
            bytes,
        }
    }

    fn next(&mut self, vm: &mut Vm) -> PyResult<Value> {
        let idx = self.argidx;
        if idx < self.arglen {
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.args.clone());
            }
            return Ok(self
                .args
                .downcast::<Tuple>()
                .map(|t| t.items[idx as usize].clone())
                .unwrap_or(Value::NONE));
        }
        Err(vm.type_error("not enough arguments for format string"))
    }
}

fn star_int(vm: &mut Vm, v: &Value, what: &str) -> PyResult<i64> {
    if !is_int(v) {
        return Err(vm.type_error("* wants int"));
    }
    let i = as_bigint(v).unwrap_or_default();
    match what {
        "width" => i
            .to_isize()
            .map(|x| x as i64)
            .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t")),
        _ => i
            .to_i32()
            .map(|x| x as i64)
            .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int")),
    }
}

/// The int a `%d`-style conversion formats.
fn int_arg(vm: &mut Vm, v: &Value, conv: char) -> PyResult<BigInt> {
    if let Some(i) = as_bigint(v) {
        if !v.is_float() {
            return Ok(i);
        }
    }
    let decimal = matches!(conv, 'd' | 'i' | 'u');
    if let Some(x) = as_float(v) {
        if !decimal {
            return Err(vm.type_error(format!(
                "%{conv} format: an integer is required, not {}",
                vm.type_name(v)
            )));
        }
        return adder_text::float_to_bigint(x).map_err(|e| text_err(vm, e));
    }
    let t = vm.type_of(v);
    if is_heap_type(&t) {
        if decimal {
            let n = vm.intern("__int__");
            if let Some(f) = type_lookup(&t, &n) {
                let r = vm.call_method_value(&f, v, vec![])?;
                if let Some(i) = as_bigint(&r).filter(|_| is_int(&r)) {
                    return Ok(i);
                }
                return Err(vm.type_error(format!(
                    "__int__ returned non-int (type {})",
                    vm.type_name(&r)
                )));
            }
        }
        if let Some(i) = vm.index_opt(v)? {
            return Ok(i);
        }
    }
    if decimal {
        Err(vm.type_error(format!(
            "%{conv} format: a real number is required, not {}",
            vm.type_name(v)
        )))
    } else {
        Err(vm.type_error(format!(
            "%{conv} format: an integer is required, not {}",
            vm.type_name(v)
        )))
    }
}

/// The float a `%f`-style conversion formats.
fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(x) = as_float(v) {
        return Ok(x);
    }
    if let Some(i) = as_bigint(v) {
        return crate::num::int_to_f64(vm, &i);
    }
    let t = vm.type_of(v);
    if is_heap_type(&t) {
        let n = vm.intern("__float__");
        if let Some(f) = type_lookup(&t, &n) {
            let r = vm.call_method_value(&f, v, vec![])?;
            if let Some(x) = as_float(&r) {
                return Ok(x);
            }
            return Err(vm.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(v),
                vm.type_name(&r)
            )));
        }
        if let Some(i) = vm.index_opt(v)? {
            return crate::num::int_to_f64(vm, &i);
        }
    }
    Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))))
}

/// Parses the directive at byte `at` of `f`. A `%(key)` needs a mapping,
/// which CPython checks before it looks for the key's end.
fn directive(vm: &mut Vm, ctx: &Ctx, f: &str, at: usize) -> PyResult<PercentDirective> {
    if ctx.dict.is_none() && f.as_bytes().get(at + 1) == Some(&b'(') {
        return Err(vm.type_error("format requires a mapping"));
    }
    adder_text::parse_percent_spec(f, at).map_err(|e| text_err(vm, e))
}

/// Fetches the directive's `*` values and its argument; returns the argument.
fn fetch(vm: &mut Vm, ctx: &mut Ctx, d: &mut PercentDirective) -> PyResult<Value> {
    if let Some(key) = &d.key {
        let Some(m) = ctx.dict.clone() else {
            return Err(vm.type_error("format requires a mapping"));
        };
        let k = if ctx.bytes {
            vm.new_bytes(key.chars().map(|c| c as u32 as u8).collect())
        } else {
            vm.new_str(key)
        };
        let v = vm.getitem(&m, &k)?;
        ctx.args = v;
        ctx.arglen = -1;
        ctx.argidx = -2;
    }
    if d.width_star {
        let w = ctx.next(vm)?;
        let w = star_int(vm, &w, "width")?;
        if w < 0 {
            d.spec.left = true;
        }
        d.spec.width = Some(w.unsigned_abs() as usize);
    }
    if d.precision_star {
        let p = ctx.next(vm)?;
        let p = star_int(vm, &p, "precision")?;
        d.spec.precision = Some(p.max(0) as usize);
    }
    ctx.next(vm)
}

/// `unsupported format character ...` for `d`, parsed from `fmt`.
fn unsupported(vm: &Vm, d: &PercentDirective, fmt: &str) -> Value {
    text_err(vm, adder_text::unsupported_conversion(d, fmt))
}

/// Appends one numeric conversion (`d i u o x X e E f F g G`) to `out`.
fn push_number(vm: &mut Vm, out: &mut String, v: &Value, spec: &PercentSpec) -> PyResult<()> {
    match spec.conv {
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            if let Some(i) = v.as_small_int() {
                adder_text::push_percent_i64(out, i, spec);
            } else {
                let i = int_arg(vm, v, spec.conv)?;
                adder_text::push_percent_int(out, &i, spec);
            }
        }
        _ => {
            let x = float_arg(vm, v)?;
            adder_text::check_precision(spec).map_err(|e| text_err(vm, e))?;
            adder_text::push_percent_float(out, x, spec);
        }
    }
    Ok(())
}

/// `str % args`.
pub fn percent_format(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult {
    let Some(f) = str_of(fmt) else {
        return Err(vm.type_error("percent_format: format is not a str"));
    };
    let mut ctx = Ctx::new(vm, args, false);
    let mut out = String::with_capacity(f.len() + 16);
    let mut pos = 0;
    while let Some(off) = adder_text::search::find_byte(b'%', &f.as_bytes()[pos..]) {
        out.push_str(&f[pos..pos + off]);
        let at = pos + off;
        if f.as_bytes().get(at + 1) == Some(&b'%') {
            out.push('%');
            pos = at + 2;
            continue;
        }
        let mut d = directive(vm, &ctx, f, at)?;
        let v = fetch(vm, &mut ctx, &mut d)?;
        if d.spec.conv == '%' {
            return Err(unsupported(vm, &d, f));
        }
        adder_text::check_conversion(&d, f).map_err(|e| text_err(vm, e))?;
        match d.spec.conv {
            's' | 'r' | 'a' => {
                let s = match d.spec.conv {
                    's' => vm.str(&v)?,
                    'r' => vm.repr(&v)?,
                    _ => vm.ascii(&v)?,
                };
                adder_text::push_percent_str(&mut out, str_of(&s).unwrap_or(""), &d.spec);
            }
            'c' => {
                let ch = if let Some(s) = str_of(&v) {
                    let mut it = s.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => c,
                        _ => return Err(vm.type_error("%c requires int or char")),
                    }
                } else if is_int(&v)
                    || (is_heap_type(&vm.type_of(&v)) && !v.is_float() && as_float(&v).is_none())
                {
                    let Some(i) = vm.index_opt(&v)? else {
                        return Err(vm.type_error("%c requires int or char"));
                    };
                    match i.to_u32().filter(|n| *n < 0x110000) {
                        Some(n) => adder_text::surrogate::to_internal(n).unwrap_or('\u{fffd}'),
                        None => return Err(vm.overflow_error("%c arg not in range(0x110000)")),
                    }
                } else {
                    return Err(vm.type_error("%c requires int or char"));
                };
                let mut sp = d.spec.clone();
                sp.precision = None;
                adder_text::push_percent_str(&mut out, ch.encode_utf8(&mut [0; 4]), &sp);
            }
            _ => push_number(vm, &mut out, &v, &d.spec)?,
        }
        pos = d.end;
    }
    out.push_str(&f[pos..]);
    if ctx.argidx < ctx.arglen && ctx.dict.is_none() {
        return Err(vm.type_error("not all arguments converted during string formatting"));
    }
    Ok(vm.new_string(out))
}

/// The bytes `%b`/`%s` formats: a bytes-like object or `__bytes__`.
fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(v) {
        return Ok(b);
    }
    let t = vm.type_of(v);
    let n = vm.intern("__bytes__");
    if let Some(f) = type_lookup(&t, &n) {
        let r = vm.call_method_value(&f, v, vec![])?;
        if r.kind() == Some(kinds::BYTES) {
            return Ok(bytes_like(&r).unwrap_or_default());
        }
        return Err(vm.type_error(format!(
            "__bytes__ returned non-bytes (type {})",
            vm.type_name(&r)
        )));
    }
    if let Ok(r) = vm.call_method(v, "tobytes", vec![]) {
        if let Some(b) = bytes_like(&r) {
            return Ok(b);
        }
    }
    Err(vm.type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        vm.type_name(v)
    )))
}

fn pad_bytes(body: &[u8], spec: &PercentSpec) -> Vec<u8> {
    let body = match spec.precision {
        Some(p) if p < body.len() => &body[..p],
        _ => body,
    };
    let pad = spec.width.unwrap_or(0).saturating_sub(body.len());
    let mut out = Vec::with_capacity(body.len() + pad);
    if !spec.left {
        out.extend(std::iter::repeat_n(b' ', pad));
    }
    out.extend_from_slice(body);
    if spec.left {
        out.extend(std::iter::repeat_n(b' ', pad));
    }
    out
}

/// `bytes % args` and `bytearray % args` (result has the format's type).
pub fn percent_format_bytes(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult {
    let Some(fb) = bytes_like(fmt) else {
        return Err(vm.type_error("percent_format_bytes: format is not bytes"));
    };
    // Latin-1 view: char index == byte index, so directive positions match.
    let f: String = fb.iter().map(|&b| b as char).collect();
    let mut ctx = Ctx::new(vm, args, true);
    let mut out: Vec<u8> = Vec::with_capacity(fb.len() + 16);
    let mut i = 0;
    while i < fb.len() {
        if fb[i] != b'%' {
            out.push(fb[i]);
            i += 1;
            continue;
        }
        if fb.get(i + 1) == Some(&b'%') {
            out.push(b'%');
            i += 2;
            continue;
        }
        let at = f.char_indices().nth(i).map_or(f.len(), |(b, _)| b);
        let mut d = directive(vm, &ctx, &f, at)?;
        let v = fetch(vm, &mut ctx, &mut d)?;
        if d.spec.conv == '%' || !"sbraducioxXeEfFgGi".contains(d.spec.conv) {
            return Err(unsupported(vm, &d, &f));
        }
        let piece: Vec<u8> = match d.spec.conv {
            's' | 'b' => {
                let b = bytes_arg(vm, &v)?;
                pad_bytes(&b, &d.spec)
            }
            'r' | 'a' => {
                let s = vm.ascii(&v)?;
                let b: Vec<u8> = str_of(&s).unwrap_or("").bytes().collect();
                pad_bytes(&b, &d.spec)
            }
            'c' => {
                let c = if let Some(b) = bytes_like(&v) {
                    if b.len() != 1 {
                        return Err(
                            vm.type_error("%c requires an integer in range(256) or a single byte")
                        );
                    }
                    b[0]
                } else if is_int(&v) {
                    match as_bigint(&v).and_then(|i| i.to_u8()) {
                        Some(c) => c,
                        None => return Err(vm.overflow_error("%c arg not in range(256)")),
                    }
                } else {
                    return Err(
                        vm.type_error("%c requires an integer in range(256) or a single byte")
                    );
                };
                let mut sp = d.spec.clone();
                sp.precision = None;
                pad_bytes(&[c], &sp)
            }
            _ => {
                let mut s = String::new();
                push_number(vm, &mut s, &v, &d.spec)?;
                s.into_bytes()
            }
        };
        out.extend(piece);
        // `d.end` is a byte offset into the latin-1 `String`; map back to a char index.
        i = f[..d.end].chars().count();
    }
    if ctx.argidx < ctx.arglen && ctx.dict.is_none() {
        return Err(vm.type_error("not all arguments converted during bytes formatting"));
    }
    Ok(if fmt.kind() == Some(kinds::BYTEARRAY) {
        vm.new_bytearray(out)
    } else {
        vm.new_bytes(out)
    })
}
