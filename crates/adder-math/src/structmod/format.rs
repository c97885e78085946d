//! `_struct` format strings: parsing into a layout, and packing/unpacking
//! one item.
//!
//! Invariant: a `Layout` is immutable once parsed; its items' offsets and
//! the total size are exact (native mode aligns each item to its C
//! alignment on x86-64 Linux; standard modes never align), and sizes never
//! overflow `isize` (parsing fails with "total struct size too long").
//! Packing writes only inside the item's `size * repeat` bytes.

use adder_object::{Trace, Value};
use adder_vm::num::{as_bigint, as_float};
use adder_vm::objects::string::{ByteArray, Bytes};
use adder_vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// Byte order (and size/alignment) mode of a format.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Trace)]
pub enum Order {
    /// `@`: native sizes and alignment.
    Native,
    /// `<` and `=` (on this little-endian machine).
    Little,
    /// `>` and `!`.
    Big,
}

/// One format code with its repeat count (for `s`/`p`, the byte length).
#[derive(Clone, Debug, Trace)]
pub struct Item {
    pub code: u8,
    pub offset: usize,
    pub size: usize,
    pub repeat: usize,
}

#[derive(Clone, Debug, Trace)]
pub struct Layout {
    pub order: Order,
    pub items: Vec<Item>,
    pub size: usize,
    /// Number of values `pack` takes (and `unpack` returns).
    pub nargs: usize,
}

/// A parse failure: (is a struct.error, message).
pub struct FormatError(pub String);

fn item_size(order: Order, c: u8) -> Option<(usize, usize)> {
    // (size, alignment)
    let native = order == Order::Native;
    Some(match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => (1, 1),
        b'h' | b'H' | b'e' => (2, 2),
        b'i' | b'I' | b'f' => (4, 4),
        b'l' | b'L' => {
            if native {
                (8, 8)
            } else {
                (4, 4)
            }
        }
        b'q' | b'Q' | b'd' => (8, 8),
        b'n' | b'N' | b'P' if native => (8, 8),
        _ => return None,
    })
}

const MAX: usize = isize::MAX as usize;

pub fn parse(fmt: &[u8]) -> Result<Layout, FormatError> {
    let too_long = || FormatError("total struct size too long".into());
    let (order, mut rest) = match fmt.first() {
        Some(b'@') => (Order::Native, &fmt[1..]),
        Some(b'<') | Some(b'=') => (Order::Little, &fmt[1..]),
        Some(b'>') | Some(b'!') => (Order::Big, &fmt[1..]),
        _ => (Order::Native, fmt),
    };
    let mut items = Vec::new();
    let (mut size, mut nargs) = (0usize, 0usize);
    while let Some((&c, tail)) = rest.split_first() {
        rest = tail;
        if c.is_ascii_whitespace() {
            continue;
        }
        let (num, c) = if c.is_ascii_digit() {
            let mut num = (c - b'0') as usize;
            loop {
                match rest.split_first() {
                    Some((&d, tail)) if d.is_ascii_digit() => {
                        rest = tail;
                        num = num
                            .checked_mul(10)
                            .and_then(|n| n.checked_add((d - b'0') as usize))
                            .filter(|&n| n <= MAX)
                            .ok_or_else(too_long)?;
                    }
                    Some((&d, tail)) => {
                        rest = tail;
                        break (num, d);
                    }
                    None => {
                        return Err(FormatError(
                            "repeat count given without format specifier".into(),
                        ))
                    }
                }
            }
        } else {
            (1, c)
        };
        let Some((isize_, align)) = item_size(order, c) else {
            return Err(FormatError("bad char in struct format".into()));
        };
        if order == Order::Native && align > 1 && size > 0 {
            let extra = (align - 1) - (size - 1) % align;
            size = size
                .checked_add(extra)
                .filter(|&s| s <= MAX)
                .ok_or_else(too_long)?;
        }
        if num > (MAX - size) / isize_ {
            return Err(too_long());
        }
        match c {
            b's' | b'p' => {
                items.push(Item {
                    code: c,
                    offset: size,
                    size: num,
                    repeat: 1,
                });
                nargs += 1;
            }
            b'x' => {}
            _ if num > 0 => {
                items.push(Item {
                    code: c,
                    offset: size,
                    size: isize_,
                    repeat: num,
                });
                nargs += num;
            }
            _ => {}
        }
        size += num * isize_;
    }
    Ok(Layout {
        order,
        items,
        size,
        nargs,
    })
}

// ----- packing -----------------------------------------------------------------------------

fn struct_error(vm: &mut Vm, msg: impl AsRef<str>) -> Value {
    super::error(vm, msg.as_ref())
}

/// `get_pylong`: the int value of `v` (through `__index__`).
fn get_int(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(i) = as_bigint(v) {
        if !v.is_float() {
            return Ok(i);
        }
    }
    match vm.index_opt(v)? {
        Some(i) => Ok(i),
        None => Err(struct_error(vm, "required argument is not an integer")),
    }
}

fn range_msg(c: u8, lo: i128, hi: i128) -> String {
    format!("'{}' format requires {lo} <= number <= {hi}", c as char)
}

/// The integer to store for code `c`, with CPython's range errors (which
/// differ between the native and the standard packers).
fn int_value(vm: &mut Vm, v: &Value, c: u8, size: usize, native_funcs: bool) -> PyResult<u64> {
    let i = get_int(vm, v)?;
    let out_of_range = |vm: &mut Vm| struct_error(vm, "argument out of range");
    let signed = c.is_ascii_lowercase();
    if c == b'P' {
        return match (i.to_i64(), i.to_u64()) {
            (Some(x), _) => Ok(x as u64),
            (None, Some(x)) => Ok(x),
            _ => Err(struct_error(vm, "int too large to convert")),
        };
    }
    if size == 8 && !native_funcs {
        // `_PyLong_AsByteArray` on 8 bytes.
        let ok = if signed {
            i.to_i64().map(|x| x as u64)
        } else {
            i.to_u64()
        };
        return ok.ok_or_else(|| struct_error(vm, "int too large to convert"));
    }
    if c == b'b' || c == b'B' || (native_funcs && (c == b'h' || c == b'H')) {
        let Some(x) = i.to_i64() else {
            return Err(out_of_range(vm));
        };
        let (lo, hi, name) = match c {
            b'b' => (-128, 127, "byte"),
            b'B' => (0, 255, "ubyte"),
            b'h' => (-32768, 32767, "short"),
            _ => (0, 65535, "ushort"),
        };
        if x < lo || x > hi {
            return Err(struct_error(
                vm,
                format!("{name} format requires {lo} <= number <= {hi}"),
            ));
        }
        return Ok(x as u64);
    }
    if signed {
        let Some(x) = i.to_i64() else {
            return Err(out_of_range(vm));
        };
        if size < 8 {
            let bits = size * 8;
            let (lo, hi) = (-(1i64 << (bits - 1)), (1i64 << (bits - 1)) - 1);
            if x < lo || x > hi {
                return Err(struct_error(vm, range_msg(c, lo as i128, hi as i128)));
            }
        }
        Ok(x as u64)
    } else {
        if i.is_negative() {
            return Err(out_of_range(vm));
        }
        let Some(x) = i.to_u64() else {
            return Err(out_of_range(vm));
        };
        if size < 8 && x >> (size * 8) != 0 {
            let hi = (1i128 << (size * 8)) - 1;
            return Err(struct_error(vm, range_msg(c, 0, hi)));
        }
        Ok(x)
    }
}

/// `PyFloat_AsDouble` for a struct argument; any failure is
/// struct.error("required argument is not a float").
fn float_value(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(x) = as_float(v) {
        return Ok(x);
    }
    match crate::util::float_arg(vm, v) {
        Ok(x) => Ok(x),
        Err(_) => Err(struct_error(vm, "required argument is not a float")),
    }
}

/// IEEE 754 binary16 bits of `x`, rounded half to even (`PyFloat_Pack2`).
pub fn pack_half(x: f64) -> Option<u16> {
    let (sign, e, bits): (u16, i32, u32);
    if x == 0.0 {
        return Some(if x.is_sign_negative() { 0x8000 } else { 0 });
    } else if x.is_infinite() {
        return Some(if x < 0.0 { 0xfc00 } else { 0x7c00 });
    } else if x.is_nan() {
        return Some(if x.is_sign_negative() { 0xfe00 } else { 0x7e00 });
    } else {
        sign = (x < 0.0) as u16;
        let ax = x.abs();
        let (mut f, mut ee) = crate::math::frexp(ax);
        f *= 2.0;
        ee -= 1;
        if ee >= 16 {
            return None;
        } else if ee < -25 {
            f = 0.0;
            ee = 0;
        } else if ee < -14 {
            f = crate::math::ldexp(f, (14 + ee) as i64);
            ee = 0;
        } else {
            ee += 15;
            f -= 1.0;
        }
        f *= 1024.0;
        let mut b = f as u32;
        let mut e2 = ee;
        let diff = f - b as f64;
        if diff > 0.5 || (diff == 0.5 && b % 2 == 1) {
            b += 1;
            if b == 1024 {
                b = 0;
                e2 += 1;
                if e2 == 31 {
                    return None;
                }
            }
        }
        e = e2;
        bits = b;
    }
    Some(bits as u16 | ((e as u16) << 10) | (sign << 15))
}

/// `PyFloat_Unpack2`.
pub fn unpack_half(h: u16) -> f64 {
    let sign = h >> 15;
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    if e == 0x1f {
        let r = if f == 0.0 { f64::INFINITY } else { f64::NAN };
        return if sign == 1 { -r } else { r };
    }
    let mut x = f / 1024.0;
    let e = if e == 0 {
        -14
    } else {
        x += 1.0;
        e - 15
    };
    x = crate::math::ldexp(x, e as i64);
    if sign == 1 {
        -x
    } else {
        x
    }
}

fn put(buf: &mut [u8], order: Order, v: u64, size: usize) {
    let le = v.to_le_bytes();
    match order {
        Order::Big => {
            for k in 0..size {
                buf[k] = le[size - 1 - k];
            }
        }
        _ => buf[..size].copy_from_slice(&le[..size]),
    }
}

fn get(buf: &[u8], order: Order, size: usize) -> u64 {
    let mut le = [0u8; 8];
    match order {
        Order::Big => {
            for k in 0..size {
                le[k] = buf[size - 1 - k];
            }
        }
        _ => le[..size].copy_from_slice(&buf[..size]),
    }
    u64::from_le_bytes(le)
}

fn bytes_arg(v: &Value) -> Option<Vec<u8>> {
    if let Some(b) = v.downcast::<Bytes>() {
        return Some(b.b.to_vec());
    }
    v.downcast::<ByteArray>().map(|b| b.b.borrow().clone())
}

/// Packs `vals` (exactly `layout.nargs` of them) into `out` (at least
/// `layout.size` bytes, zeroed).
pub fn pack_into(vm: &mut Vm, layout: &Layout, vals: &[Value], out: &mut [u8]) -> PyResult<()> {
    let order = layout.order;
    let mut k = 0;
    for it in &layout.items {
        match it.code {
            b's' | b'p' => {
                let v = &vals[k];
                k += 1;
                let Some(data) = bytes_arg(v) else {
                    let c = it.code as char;
                    return Err(struct_error(
                        vm,
                        format!("argument for '{c}' must be a bytes object"),
                    ));
                };
                let dst = &mut out[it.offset..it.offset + it.size];
                if it.code == b's' {
                    let n = data.len().min(it.size);
                    dst[..n].copy_from_slice(&data[..n]);
                } else if it.size > 0 {
                    // All that fits is copied; the count byte saturates at 255.
                    let n = data.len().min(it.size - 1);
                    dst[1..1 + n].copy_from_slice(&data[..n]);
                    dst[0] = n.min(255) as u8;
                }
            }
            c => {
                for r in 0..it.repeat {
                    let v = &vals[k];
                    k += 1;
                    let at = it.offset + r * it.size;
                    let dst = &mut out[at..at + it.size];
                    match c {
                        b'?' => dst[0] = vm.truthy(v)? as u8,
                        b'c' => match v.downcast::<Bytes>() {
                            Some(b) if b.b.len() == 1 => dst[0] = b.b[0],
                            _ => {
                                return Err(struct_error(
                                    vm,
                                    "char format requires a bytes object of length 1",
                                ))
                            }
                        },
                        b'e' => {
                            let x = float_value(vm, v)?;
                            let Some(h) = pack_half(x) else {
                                return Err(
                                    vm.overflow_error("float too large to pack with e format")
                                );
                            };
                            put(dst, order, h as u64, 2);
                        }
                        b'f' => {
                            let x = float_value(vm, v)?;
                            let y = x as f32;
                            if order != Order::Native && y.is_infinite() && !x.is_infinite() {
                                return Err(
                                    vm.overflow_error("float too large to pack with f format")
                                );
                            }
                            put(dst, order, y.to_bits() as u64, 4);
                        }
                        b'd' => {
                            let x = float_value(vm, v)?;
                            put(dst, order, x.to_bits(), 8);
                        }
                        _ => {
                            let native_funcs = order == Order::Native
                                || (order == Order::Little && c != b'l' && c != b'L');
                            let x = int_value(vm, v, c, it.size, native_funcs)?;
                            put(dst, order, x, it.size);
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

/// Unpacks `data` (exactly `layout.size` bytes) into values.
pub fn unpack(vm: &mut Vm, layout: &Layout, data: &[u8]) -> Vec<Value> {
    let order = layout.order;
    let mut out = Vec::with_capacity(layout.nargs);
    for it in &layout.items {
        match it.code {
            b's' => out.push(vm.new_bytes(data[it.offset..it.offset + it.size].to_vec())),
            b'p' => {
                let src = &data[it.offset..it.offset + it.size];
                let n = if it.size == 0 {
                    0
                } else {
                    (src[0] as usize).min(it.size - 1)
                };
                let b = if n == 0 {
                    Vec::new()
                } else {
                    src[1..1 + n].to_vec()
                };
                out.push(vm.new_bytes(b));
            }
            c => {
                for r in 0..it.repeat {
                    let at = it.offset + r * it.size;
                    let src = &data[at..at + it.size];
                    let v = match c {
                        b'?' => Value::from_bool(src[0] != 0),
                        b'c' => vm.new_bytes(vec![src[0]]),
                        b'e' => vm.new_float(unpack_half(get(src, order, 2) as u16)),
                        b'f' => vm.new_float(f32::from_bits(get(src, order, 4) as u32) as f64),
                        b'd' => vm.new_float(f64::from_bits(get(src, order, 8))),
                        _ => {
                            let raw = get(src, order, it.size);
                            if c.is_ascii_lowercase() {
                                let shift = 64 - 8 * it.size as u32;
                                let x = ((raw << shift) as i64) >> shift;
                                vm.new_int(x)
                            } else {
                                vm.new_bigint(BigInt::from(raw))
                            }
                        }
                    };
                    out.push(v);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse(b"@bhiqd").map(|l| l.size).ok(), Some(24));
        assert_eq!(parse(b"=bhiqd").map(|l| l.size).ok(), Some(23));
        assert_eq!(parse(b"@b0q").map(|l| l.size).ok(), Some(8));
        assert!(parse(b"99999999999999999999i").is_err());
        assert!(parse(b"<P").is_err());
    }

    #[test]
    fn half_roundtrip() {
        for h in 0..=0xffffu16 {
            let x = unpack_half(h);
            if x.is_nan() {
                continue;
            }
            assert_eq!(pack_half(x), Some(h), "{h:#x}");
        }
        assert_eq!(pack_half(65520.0), None);
    }
}
