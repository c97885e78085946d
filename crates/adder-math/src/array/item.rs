//! The typecodes of `array.array`: each code's item size, and the
//! conversions between a Python value and the item's native bytes
//! (CPython 3.11: Modules/arraymodule.c, the `*_getitem`/`*_setitem`
//! functions, on an LP64 Linux machine: `l`/`L` are 8 bytes and `u`
//! (`wchar_t`) is a 4-byte code point).
//!
//! Invariant: `encode` raises exactly the exception CPython raises for a
//! value the typecode cannot hold (type errors from `__index__` /
//! `__float__`, then the C-range checks in CPython's order), and `decode`
//! never reads more than `itemsize(code)` bytes.

use adder_object::Value;
use adder_text::surrogate::{to_code_point, to_internal};
use adder_vm::num::as_bigint;
use adder_vm::objects::string::Str;
use adder_vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::util::float_arg;

/// All typecodes, in CPython's order (`array.typecodes`).
pub const TYPECODES: &str = "bBuhHiIlLqQfd";

/// The item size in bytes of a valid typecode.
pub fn itemsize(code: u8) -> usize {
    match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'u' | b'i' | b'I' | b'f' => 4,
        _ => 8,
    }
}

pub fn is_valid(code: char) -> bool {
    code.is_ascii() && TYPECODES.as_bytes().contains(&(code as u8))
}

/// Whether the typecode holds integers (everything but u, f, d).
pub fn is_integer(code: u8) -> bool {
    !matches!(code, b'u' | b'f' | b'd')
}

/// The Python value of the item stored in `b` (`itemsize(code)` bytes).
pub fn decode(vm: &mut Vm, code: u8, b: &[u8]) -> PyResult {
    let a8 = |b: &[u8]| -> [u8; 8] {
        let mut x = [0u8; 8];
        x.copy_from_slice(&b[..8]);
        x
    };
    let a4 = |b: &[u8]| -> [u8; 4] {
        let mut x = [0u8; 4];
        x.copy_from_slice(&b[..4]);
        x
    };
    let a2 = |b: &[u8]| -> [u8; 2] { [b[0], b[1]] };
    Ok(match code {
        b'b' => vm.new_int(b[0] as i8 as i64),
        b'B' => vm.new_int(b[0] as i64),
        b'h' => vm.new_int(i16::from_ne_bytes(a2(b)) as i64),
        b'H' => vm.new_int(u16::from_ne_bytes(a2(b)) as i64),
        b'i' => vm.new_int(i32::from_ne_bytes(a4(b)) as i64),
        b'I' => vm.new_int(u32::from_ne_bytes(a4(b)) as i64),
        b'l' | b'q' => {
            let x = i64::from_ne_bytes(a8(b));
            vm.new_bigint(BigInt::from(x))
        }
        b'L' | b'Q' => {
            let x = u64::from_ne_bytes(a8(b));
            vm.new_bigint(BigInt::from(x))
        }
        b'f' => vm.new_float(f32::from_ne_bytes(a4(b)) as f64),
        b'd' => vm.new_float(f64::from_ne_bytes(a8(b))),
        _ => {
            let c = code_point(vm, i32::from_ne_bytes(a4(b)))?;
            vm.new_string(c.to_string())
        }
    })
}

/// The `str` character of a `wchar_t` item (lone surrogates in Adder's
/// internal form, see `adder_text::surrogate`), with CPython's error for
/// values out of range.
pub fn code_point(vm: &Vm, x: i32) -> PyResult<char> {
    if !(0..0x110000).contains(&x) {
        return Err(vm.value_error("chr() arg not in range(0x110000)"));
    }
    to_internal(x as u32).ok_or_else(|| vm.value_error("chr() arg not in range(0x110000)"))
}

/// The text of `u`-array items (`tounicode`), with CPython's error for a
/// value that is not a code point.
pub fn items_to_string(vm: &Vm, data: &[u8]) -> PyResult<String> {
    let mut s = String::with_capacity(data.len() / 4);
    for c in data.chunks_exact(4) {
        let x = i32::from_ne_bytes([c[0], c[1], c[2], c[3]]);
        if !(0..0x110000).contains(&x) {
            return Err(vm.value_error(format!(
                "character U+{:x} is not in range [U+0000; U+10ffff]",
                x as u32
            )));
        }
        s.push(code_point(vm, x)?);
    }
    Ok(s)
}

/// The native bytes of a `u`-array holding the characters of `s`.
pub fn string_to_items(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * 4);
    for c in s.chars() {
        out.extend_from_slice(&to_code_point(c).to_ne_bytes());
    }
    out
}

/// The native bytes (the first `itemsize(code)` of the result) of `v`
/// stored as an item of typecode `code`.
pub fn encode(vm: &mut Vm, code: u8, v: &Value) -> PyResult<[u8; 8]> {
    let mut out = [0u8; 8];
    match code {
        b'f' => {
            let x = float_arg(vm, v)? as f32;
            out[..4].copy_from_slice(&x.to_ne_bytes());
        }
        b'd' => {
            let x = float_arg(vm, v)?;
            out.copy_from_slice(&x.to_ne_bytes());
        }
        b'u' => {
            let c = v
                .downcast::<Str>()
                .filter(|s| s.char_len() == 1)
                .map(|s| s.char_at(0));
            let Some(c) = c else {
                return Err(vm.type_error("array item must be unicode character"));
            };
            out[..4].copy_from_slice(&to_code_point(c).to_ne_bytes());
        }
        _ => {
            let i = match as_bigint(v) {
                Some(i) => i,
                None => vm.index(v)?,
            };
            encode_int(vm, code, &i, &mut out)?;
        }
    }
    Ok(out)
}

fn overflow(vm: &Vm, msg: &str) -> Value {
    vm.overflow_error(msg)
}

/// `PyLong_AsLong`.
fn as_long(vm: &Vm, i: &BigInt) -> PyResult<i64> {
    i.to_i64()
        .ok_or_else(|| overflow(vm, "Python int too large to convert to C long"))
}

/// `PyLong_AsUnsignedLong` (the message names `unsigned int`, as
/// CPython's does).
fn as_ulong(vm: &Vm, i: &BigInt) -> PyResult<u64> {
    if i.is_negative() {
        return Err(overflow(vm, "can't convert negative value to unsigned int"));
    }
    i.to_u64()
        .ok_or_else(|| overflow(vm, "Python int too large to convert to C unsigned long"))
}

/// Range check of a C conversion: `what is less than minimum` / `greater
/// than maximum`.
fn in_range(vm: &Vm, x: i64, lo: i64, hi: i64, what: &str) -> PyResult<i64> {
    if x < lo {
        return Err(overflow(vm, &format!("{what} is less than minimum")));
    }
    if x > hi {
        return Err(overflow(vm, &format!("{what} is greater than maximum")));
    }
    Ok(x)
}

fn encode_int(vm: &Vm, code: u8, i: &BigInt, out: &mut [u8; 8]) -> PyResult<()> {
    match code {
        b'b' => {
            // PyArg_Parse "h", then the signed char range.
            let x = as_long(vm, i)?;
            let x = in_range(vm, x, -32768, 32767, "signed short integer")?;
            let x = in_range(vm, x, -128, 127, "signed char")?;
            out[0] = x as i8 as u8;
        }
        b'B' => {
            let x = as_long(vm, i)?;
            let x = in_range(vm, x, 0, 255, "unsigned byte integer")?;
            out[0] = x as u8;
        }
        b'h' => {
            let x = as_long(vm, i)?;
            let x = in_range(vm, x, -32768, 32767, "signed short integer")?;
            out[..2].copy_from_slice(&(x as i16).to_ne_bytes());
        }
        b'H' => {
            // PyArg_Parse "i", then the unsigned short range.
            let x = as_long(vm, i)?;
            let x = in_range(vm, x, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
            let x = in_range(vm, x, 0, 65535, "unsigned short")?;
            out[..2].copy_from_slice(&(x as u16).to_ne_bytes());
        }
        b'i' => {
            let x = as_long(vm, i)?;
            let x = in_range(vm, x, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
            out[..4].copy_from_slice(&(x as i32).to_ne_bytes());
        }
        b'I' => {
            let x = as_ulong(vm, i)?;
            if x > u32::MAX as u64 {
                return Err(overflow(vm, "unsigned int is greater than maximum"));
            }
            out[..4].copy_from_slice(&(x as u32).to_ne_bytes());
        }
        b'l' => {
            let x = as_long(vm, i)?;
            out.copy_from_slice(&x.to_ne_bytes());
        }
        b'L' => {
            let x = as_ulong(vm, i)?;
            out.copy_from_slice(&x.to_ne_bytes());
        }
        b'q' => {
            let x = i
                .to_i64()
                .ok_or_else(|| overflow(vm, "int too big to convert"))?;
            out.copy_from_slice(&x.to_ne_bytes());
        }
        _ => {
            // 'Q': PyLong_AsUnsignedLongLong.
            if i.is_negative() {
                return Err(overflow(vm, "can't convert negative int to unsigned"));
            }
            let x = i
                .to_u64()
                .ok_or_else(|| overflow(vm, "int too big to convert"))?;
            out.copy_from_slice(&x.to_ne_bytes());
        }
    }
    Ok(())
}
