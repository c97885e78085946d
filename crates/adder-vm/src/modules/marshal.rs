//! `marshal`: CPython's serialisation format for plain data (None, bools,
//! ints, floats, complex, str, bytes, tuples, lists, dicts, sets, frozensets,
//! Ellipsis, StopIteration). Code objects are Adder's own and are refused.
//!
//! Invariant: `loads` accepts everything CPython 3.11 writes for these
//! types (including back-references); `dumps` writes a form every CPython
//! reads back. Malformed input raises `ValueError`/`EOFError`, never panics.

use adder_object::Value;
use num_bigint::{BigInt, Sign};
use num_traits::{ToPrimitive, Zero};

use crate::kinds;
use crate::native::{module_add_fns, module_set};
use crate::ops::check_args;
use crate::vm::{Args, PyResult, Vm};

const FLAG_REF: u8 = 0x80;

fn dump(vm: &mut Vm, v: &Value, out: &mut Vec<u8>, depth: usize) -> PyResult<()> {
    if depth > 2000 {
        return Err(vm.value_error("object too deeply nested to marshal"));
    }
    if v.is_none() {
        out.push(b'N');
    } else if v.is(&Value::TRUE) {
        out.push(b'T');
    } else if v.is(&Value::FALSE) {
        out.push(b'F');
    } else if v.is(&vm.ellipsis) {
        out.push(b'.');
    } else if let Some(i) = v.as_small_int() {
        if let Ok(i) = i32::try_from(i) {
            out.push(b'i');
            out.extend_from_slice(&i.to_le_bytes());
        } else {
            dump_long(&BigInt::from(i), out);
        }
    } else if let Some(f) = crate::num::as_float(v)
        .filter(|_| v.kind() != Some(kinds::BIGINT) && !crate::num::is_int(v))
    {
        if v.kind() == Some(kinds::COMPLEX) {
            return dump_other(vm, v, out, depth);
        }
        out.push(b'g');
        out.extend_from_slice(&f.to_le_bytes());
    } else {
        return dump_other(vm, v, out, depth);
    }
    Ok(())
}

fn dump_long(b: &BigInt, out: &mut Vec<u8>) {
    out.push(b'l');
    let (sign, mag) = (b.sign(), b.magnitude().clone());
    let mut digits: Vec<u16> = Vec::new();
    let mut m = num_bigint::BigUint::from(0u8) + mag;
    let base = num_bigint::BigUint::from(1u32 << 15);
    while !m.is_zero() {
        digits.push((&m % &base).to_u16().unwrap_or(0));
        m /= &base;
    }
    let n = digits.len() as i32;
    let n = if sign == Sign::Minus { -n } else { n };
    out.extend_from_slice(&n.to_le_bytes());
    for d in digits {
        out.extend_from_slice(&d.to_le_bytes());
    }
}

fn dump_seq(
    vm: &mut Vm,
    tag: u8,
    items: &[Value],
    out: &mut Vec<u8>,
    depth: usize,
) -> PyResult<()> {
    out.push(tag);
    out.extend_from_slice(&(items.len() as u32).to_le_bytes());
    for x in items {
        dump(vm, x, out, depth + 1)?;
    }
    Ok(())
}

fn dump_other(vm: &mut Vm, v: &Value, out: &mut Vec<u8>, depth: usize) -> PyResult<()> {
    use crate::objects::{
        dict::Dict,
        number::Complex,
        seq::{List, Tuple},
        set::Set,
        string::{ByteArray, Bytes, Str},
    };
    if let Some(b) = v.downcast::<crate::objects::number::BigInt>() {
        dump_long(&b.value(), out);
    } else if let Some(c) = v.downcast::<Complex>() {
        out.push(b'y');
        out.extend_from_slice(&c.re.to_le_bytes());
        out.extend_from_slice(&c.im.to_le_bytes());
    } else if let Some(s) = v.downcast::<Str>() {
        // UTF-8 with lone surrogates as their 3-byte forms, as CPython.
        let b = adder_text::surrogate::encode_utf8_surrogatepass(s.as_str());
        out.push(b'u');
        out.extend_from_slice(&(b.len() as u32).to_le_bytes());
        out.extend_from_slice(&b);
    } else if let Some(b) = v.downcast::<Bytes>() {
        out.push(b's');
        out.extend_from_slice(&(b.b.len() as u32).to_le_bytes());
        out.extend_from_slice(&b.b);
    } else if let Some(b) = v.downcast::<ByteArray>() {
        let b = b.b.borrow().clone();
        out.push(b's');
        out.extend_from_slice(&(b.len() as u32).to_le_bytes());
        out.extend_from_slice(&b);
    } else if let Some(t) = v.downcast::<Tuple>() {
        let items = t.items.to_vec();
        dump_seq(vm, b'(', &items, out, depth)?;
    } else if let Some(l) = v.downcast::<List>() {
        let items = l.items.borrow().clone();
        dump_seq(vm, b'[', &items, out, depth)?;
    } else if let Some(d) = v.downcast::<Dict>() {
        out.push(b'{');
        for (k, x) in d.items() {
            dump(vm, &k, out, depth + 1)?;
            dump(vm, &x, out, depth + 1)?;
        }
        out.push(b'0');
    } else if let Some(s) = v.downcast::<Set>() {
        let items = vm.iterate(v)?;
        dump_seq(vm, if s.frozen { b'>' } else { b'<' }, &items, out, depth)?;
    } else if v.is(&vm.t.stop_iteration) {
        out.push(b'S');
    } else {
        return Err(vm.value_error("unmarshallable object"));
    }
    Ok(())
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
    refs: Vec<Value>,
}

impl Reader<'_> {
    fn take(&mut self, vm: &Vm, n: usize) -> PyResult<&[u8]> {
        if self.b.len() - self.pos < n {
            return Err(vm.new_exception_msg(&vm.t.eof_error, "marshal data too short"));
        }
        let s = &self.b[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn u32(&mut self, vm: &Vm) -> PyResult<u32> {
        let s = self.take(vm, 4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f64(&mut self, vm: &Vm) -> PyResult<f64> {
        let s = self.take(vm, 8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(s);
        Ok(f64::from_le_bytes(a))
    }
    fn short_float(&mut self, vm: &Vm) -> PyResult<f64> {
        let n = self.take(vm, 1)?[0] as usize;
        let s = std::str::from_utf8(self.take(vm, n)?)
            .unwrap_or("")
            .to_string();
        s.trim()
            .parse::<f64>()
            .map_err(|_| vm.value_error("bad marshal data (invalid float)"))
    }

    fn read(&mut self, vm: &mut Vm, depth: usize) -> PyResult {
        if depth > 2000 {
            return Err(vm.value_error("recursion limit exceeded"));
        }
        let code = self.take(vm, 1)?[0];
        let flag = code & FLAG_REF != 0;
        let ty = code & !FLAG_REF;
        // Containers reserve their ref slot before their items are read.
        let slot = if flag {
            self.refs.push(Value::NONE);
            Some(self.refs.len() - 1)
        } else {
            None
        };
        let v = match ty {
            b'0' => return Err(vm.value_error("bad marshal data (unexpected NULL)")),
            b'N' => Value::NONE,
            b'T' => Value::TRUE,
            b'F' => Value::FALSE,
            b'.' => vm.ellipsis.clone(),
            b'S' => vm.t.stop_iteration.clone(),
            b'i' => {
                let x = self.u32(vm)? as i32;
                vm.new_int(i64::from(x))
            }
            b'l' => {
                let n = self.u32(vm)? as i32;
                let mut acc = BigInt::from(0);
                let count = n.unsigned_abs() as usize;
                let mut digits = Vec::with_capacity(count.min(1 << 16));
                for _ in 0..count {
                    let s = self.take(vm, 2)?;
                    let d = u16::from_le_bytes([s[0], s[1]]);
                    if d >= 1 << 15 {
                        return Err(vm.value_error("bad marshal data (digit out of range in long)"));
                    }
                    digits.push(d);
                }
                for d in digits.iter().rev() {
                    acc = (acc << 15) + BigInt::from(*d);
                }
                if n < 0 {
                    acc = -acc;
                }
                vm.new_bigint(acc)
            }
            b'g' => {
                let f = self.f64(vm)?;
                vm.new_float(f)
            }
            b'f' => {
                let f = self.short_float(vm)?;
                vm.new_float(f)
            }
            b'y' => {
                let re = self.f64(vm)?;
                let im = self.f64(vm)?;
                vm.new_complex(re, im)
            }
            b'x' => {
                let re = self.short_float(vm)?;
                let im = self.short_float(vm)?;
                vm.new_complex(re, im)
            }
            b's' => {
                let n = self.u32(vm)? as usize;
                let b = self.take(vm, n)?.to_vec();
                vm.new_bytes(b)
            }
            b'u' | b't' | b'a' | b'A' | b'z' | b'Z' => {
                let n = if matches!(ty, b'z' | b'Z') {
                    self.take(vm, 1)?[0] as usize
                } else {
                    self.u32(vm)? as usize
                };
                let b = self.take(vm, n)?;
                let s = if matches!(ty, b'u' | b't') {
                    adder_text::surrogate::decode_utf8_surrogatepass(b)
                        .ok_or_else(|| vm.value_error("bad marshal data (invalid utf-8)"))?
                } else {
                    b.iter().map(|&c| c as char).collect()
                };
                if matches!(ty, b't' | b'A' | b'Z') {
                    vm.intern(&s)
                } else {
                    vm.new_string(s)
                }
            }
            b'(' | b')' | b'[' | b'<' | b'>' => {
                let n = if ty == b')' {
                    self.take(vm, 1)?[0] as usize
                } else {
                    self.u32(vm)? as usize
                };
                if n > self.b.len() - self.pos {
                    return Err(vm.value_error("bad marshal data (size out of range)"));
                }
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.read(vm, depth + 1)?);
                }
                match ty {
                    b'[' => vm.new_list(items),
                    b'<' => crate::builtins::set::make_set(vm, items, false)?,
                    b'>' => crate::builtins::set::make_set(vm, items, true)?,
                    _ => vm.new_tuple(items),
                }
            }
            b'{' => {
                let d = vm.new_dict();
                loop {
                    if self.b.get(self.pos) == Some(&b'0') {
                        self.pos += 1;
                        break;
                    }
                    let k = self.read(vm, depth + 1)?;
                    let x = self.read(vm, depth + 1)?;
                    vm.dict_set(&d, k, x)?;
                }
                d
            }
            b'r' => {
                let i = self.u32(vm)? as usize;
                return self
                    .refs
                    .get(i)
                    .cloned()
                    .ok_or_else(|| vm.value_error("bad marshal data (invalid reference)"));
            }
            b'c' => {
                return Err(
                    vm.value_error("bad marshal data (Adder cannot load CPython code objects)")
                )
            }
            _ => return Err(vm.value_error("bad marshal data (unknown type code)")),
        };
        if let Some(i) = slot {
            self.refs[i] = v.clone();
        }
        Ok(v)
    }
}

fn dumps(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "dumps", &args, 1, 2)?;
    let mut out = Vec::new();
    dump(vm, &args.pos[0], &mut out, 0)?;
    Ok(vm.new_bytes(out))
}

fn loads(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "loads", &args, 1, 1)?;
    let data = crate::ops::bytes_of(&args.pos[0]).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&args.pos[0])
        ))
    })?;
    let mut r = Reader {
        b: &data,
        pos: 0,
        refs: Vec::new(),
    };
    r.read(vm, 0)
}

fn dump_file(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "dump", &args, 2, 3)?;
    let b = dumps(vm, Args::new(vec![args.pos[0].clone()]))?;
    vm.call_method(&args.pos[1], "write", vec![b])?;
    Ok(Value::NONE)
}

fn load_file(vm: &mut Vm, args: Args) -> PyResult {
    check_args(vm, "load", &args, 1, 1)?;
    let b = vm.call_method(&args.pos[0], "read", vec![])?;
    loads(vm, Args::new(vec![b]))
}

pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    module_add_fns(
        vm,
        m,
        &[
            ("dumps", dumps),
            ("loads", loads),
            ("dump", dump_file),
            ("load", load_file),
        ],
    );
    let v = vm.new_int(4);
    module_set(vm, m, "version", v);
    Ok(())
}
