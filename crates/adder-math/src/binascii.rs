//! `binascii`: hex, base64, uuencode, quoted-printable, CRC-32 and
//! CRC-CCITT, with `binascii.Error` (a ValueError) and `Incomplete`.
//!
//! Invariant: every codec here is a pure function of its input bytes and
//! flags, byte-identical to CPython 3.11 (including its quirks: `a2b_uu`
//! of an empty line is 32 NULs; quoted-printable line breaking at 76).

use adder_object::Value;
use adder_vm::native::{import, module_add_fns, module_get, module_set};
use adder_vm::objects::string::{Bytes, Str};
use adder_vm::{Args, NativeModule, PyResult, Vm};
use num_traits::ToPrimitive;

use crate::util::{bind, bytes_like, new_exception_type};

pub fn module() -> NativeModule {
    NativeModule {
        name: "binascii",
        init,
    }
}

fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let ve = vm.t.value_error.clone();
    let err = new_exception_type(vm, "binascii", "Error", vec![ve])?;
    module_set(vm, m, "Error", err);
    let exc = vm.t.exception.clone();
    let inc = new_exception_type(vm, "binascii", "Incomplete", vec![exc])?;
    module_set(vm, m, "Incomplete", inc);
    module_add_fns(
        vm,
        m,
        &[
            ("hexlify", hexlify),
            ("b2a_hex", b2a_hex),
            ("unhexlify", unhexlify),
            ("a2b_hex", a2b_hex),
            ("b2a_base64", b2a_base64),
            ("a2b_base64", a2b_base64),
            ("crc32", crc32),
            ("crc_hqx", crc_hqx),
            ("b2a_uu", b2a_uu),
            ("a2b_uu", a2b_uu),
            ("b2a_qp", b2a_qp),
            ("a2b_qp", a2b_qp),
        ],
    );
    let doc = vm.new_str("Conversion between binary data and ASCII");
    module_set(vm, m, "__doc__", doc);
    Ok(())
}

fn error(vm: &mut Vm, msg: &str) -> Value {
    let ty = import(vm, "binascii")
        .ok()
        .and_then(|m| module_get(&m, "Error"))
        .unwrap_or_else(|| vm.t.value_error.clone());
    vm.new_exception_msg(&ty, msg)
}

/// A `Py_buffer` argument.
fn buffer(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match bytes_like(v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// An `ascii_buffer` argument: bytes-like, or a str of ASCII characters.
fn ascii_buffer(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.downcast::<Str>() {
        if !s.as_str().is_ascii() {
            return Err(vm.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_str().as_bytes().to_vec());
    }
    match bytes_like(v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error(format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// An `int` flag argument (`_PyLong_AsInt`), as a bool.
fn int_flag(vm: &mut Vm, v: Option<&Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => {
            let i = vm.index(v)?;
            if i.to_i32().is_none() {
                return Err(vm.overflow_error("Python int too large to convert to C int"));
            }
            Ok(i.sign() != num_bigint::Sign::NoSign)
        }
    }
}

// ----- hex ----------------------------------------------------------------------------

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Hex digits of `data`, with `sep` every `per` bytes (counted from the
/// right when `per > 0`, from the left when `per < 0`).
pub fn hex_with_sep(data: &[u8], sep: Option<u8>, per: i64) -> Vec<u8> {
    let per = if sep.is_some() { per } else { 0 };
    let abs = per.unsigned_abs() as usize;
    let mut out = Vec::with_capacity(data.len() * 3);
    let push = |out: &mut Vec<u8>, b: u8| {
        out.push(HEX[(b >> 4) as usize]);
        out.push(HEX[(b & 15) as usize]);
    };
    if per == 0 || abs >= data.len() {
        for &b in data {
            push(&mut out, b);
        }
        return out;
    }
    let sep = sep.unwrap_or(b' ');
    let n = data.len();
    for (i, &b) in data.iter().enumerate() {
        let boundary = if per < 0 {
            i > 0 && i.is_multiple_of(abs)
        } else {
            i > 0 && (n - i).is_multiple_of(abs)
        };
        if boundary {
            out.push(sep);
        }
        push(&mut out, b);
    }
    out
}

fn hex_common(vm: &mut Vm, args: Args, name: &str) -> PyResult {
    let a = bind(vm, name, args, &["data", "sep", "bytes_per_sep"], (0, 3, 1))?;
    let data = buffer(vm, a[0].as_ref().unwrap_or(&Value::NONE))?;
    let sep = match &a[1] {
        None => None,
        Some(s) => {
            let len = if let Some(st) = s.downcast::<Str>() {
                st.as_str().chars().count()
            } else if let Some(b) = s.downcast::<Bytes>() {
                b.b.len()
            } else {
                vm.len(s)?
            };
            if len != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            if let Some(st) = s.downcast::<Str>() {
                let c = st.as_str().chars().next().map_or(0, |c| c as u32);
                if c > 255 {
                    return Err(vm.value_error("sep must be ASCII."));
                }
                Some(c as u8)
            } else if let Some(b) = s.downcast::<Bytes>() {
                Some(b.b[0])
            } else {
                return Err(vm.type_error("sep must be str or bytes."));
            }
        }
    };
    let per = match &a[2] {
        None => 1,
        Some(v) => {
            let i = vm.index(v)?;
            match i.to_i32() {
                Some(x) => x as i64,
                None => return Err(vm.overflow_error("Python int too large to convert to C int")),
            }
        }
    };
    Ok(vm.new_bytes(hex_with_sep(&data, sep, per)))
}

fn hexlify(vm: &mut Vm, args: Args) -> PyResult {
    hex_common(vm, args, "hexlify")
}

fn b2a_hex(vm: &mut Vm, args: Args) -> PyResult {
    hex_common(vm, args, "b2a_hex")
}

fn unhex(vm: &mut Vm, args: Args, name: &str) -> PyResult {
    let a = crate::util::one_arg(vm, name, &args)?;
    let s = ascii_buffer(vm, &a)?;
    if s.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(s.len() / 2);
    for pair in s.chunks_exact(2) {
        let (Some(hi), Some(lo)) = (
            (pair[0] as char).to_digit(16),
            (pair[1] as char).to_digit(16),
        ) else {
            return Err(error(vm, "Non-hexadecimal digit found"));
        };
        out.push((hi * 16 + lo) as u8);
    }
    Ok(vm.new_bytes(out))
}

fn unhexlify(vm: &mut Vm, args: Args) -> PyResult {
    unhex(vm, args, "binascii.unhexlify")
}

fn a2b_hex(vm: &mut Vm, args: Args) -> PyResult {
    unhex(vm, args, "binascii.a2b_hex")
}

// ----- base64 --------------------------------------------------------------------------

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

pub fn b64encode(data: &[u8], newline: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for ch in data.chunks(3) {
        let b = [ch[0], *ch.get(1).unwrap_or(&0), *ch.get(2).unwrap_or(&0)];
        let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if ch.len() > 1 {
            B64[(n >> 6) as usize & 63]
        } else {
            b'='
        });
        out.push(if ch.len() > 2 {
            B64[n as usize & 63]
        } else {
            b'='
        });
    }
    if newline {
        out.push(b'\n');
    }
    out
}

/// Decodes base64; `Err(message)` for binascii.Error.
pub fn b64decode(data: &[u8], strict: bool) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    let (mut quad_pos, mut leftchar, mut pads) = (0u8, 0u8, 0usize);
    let mut padding_started = false;
    if strict && data.first() == Some(&b'=') {
        return Err("Leading padding not allowed".into());
    }
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c == b'=' {
            padding_started = true;
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos as usize + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err("Excess data after padding".into());
                    }
                    return Ok(out);
                }
            }
            i += 1;
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err("Only base64 data is allowed".into());
            }
            i += 1;
            continue;
        };
        if strict && padding_started {
            return Err("Discontinuous padding not allowed".into());
        }
        pads = 0;
        match quad_pos {
            0 => {
                quad_pos = 1;
                leftchar = v;
            }
            1 => {
                quad_pos = 2;
                out.push((leftchar << 2) | (v >> 4));
                leftchar = v & 0x0f;
            }
            2 => {
                quad_pos = 3;
                out.push((leftchar << 4) | (v >> 2));
                leftchar = v & 0x03;
            }
            _ => {
                quad_pos = 0;
                out.push((leftchar << 6) | v);
                leftchar = 0;
            }
        }
        i += 1;
    }
    match quad_pos {
        0 => Ok(out),
        1 => Err(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        )),
        _ => Err("Incorrect padding".into()),
    }
}

fn b2a_base64(vm: &mut Vm, args: Args) -> PyResult {
    let a = bind(vm, "b2a_base64", args, &["data", "newline"], (1, 1, 1))?;
    let data = buffer(vm, a[0].as_ref().unwrap_or(&Value::NONE))?;
    let newline = int_flag(vm, a[1].as_ref(), true)?;
    Ok(vm.new_bytes(b64encode(&data, newline)))
}

fn a2b_base64(vm: &mut Vm, args: Args) -> PyResult {
    let a = bind(vm, "a2b_base64", args, &["data", "strict_mode"], (1, 1, 1))?;
    let data = ascii_buffer(vm, a[0].as_ref().unwrap_or(&Value::NONE))?;
    let strict = int_flag(vm, a[1].as_ref(), false)?;
    match b64decode(&data, strict) {
        Ok(b) => Ok(vm.new_bytes(b)),
        Err(m) => Err(error(vm, &m)),
    }
}

// ----- CRCs ---------------------------------------------------------------------------------

/// CRC-32 (ISO 3309 / zlib), continuing from `crc`.
pub fn crc32_update(crc: u32, data: &[u8]) -> u32 {
    let mut c = !crc;
    for &b in data {
        c ^= b as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                (c >> 1) ^ 0xedb8_8320
            } else {
                c >> 1
            };
        }
    }
    !c
}

/// CRC-CCITT (XModem polynomial 0x1021), continuing from `crc`.
pub fn crc_hqx_update(crc: u16, data: &[u8]) -> u16 {
    let mut c = crc;
    for &b in data {
        c ^= (b as u16) << 8;
        for _ in 0..8 {
            c = if c & 0x8000 != 0 {
                (c << 1) ^ 0x1021
            } else {
                c << 1
            };
        }
    }
    c
}

/// An `unsigned_int(bitwise=True)` argument: any int, masked to 32 bits.
fn masked_u32(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let i = vm.index(v)?;
    let m: num_bigint::BigInt = i & num_bigint::BigInt::from(0xffff_ffffu32);
    Ok(m.to_u32().unwrap_or(0))
}

fn crc32(vm: &mut Vm, args: Args) -> PyResult {
    crate::util::positional(vm, "crc32", &args, 1, 2)?;
    let data = buffer(vm, &args.pos[0])?;
    let crc = match args.pos.get(1) {
        Some(v) => masked_u32(vm, v)?,
        None => 0,
    };
    Ok(vm.new_int(crc32_update(crc, &data) as i64))
}

fn crc_hqx(vm: &mut Vm, args: Args) -> PyResult {
    crate::util::positional(vm, "crc_hqx", &args, 2, 2)?;
    let data = buffer(vm, &args.pos[0])?;
    let crc = masked_u32(vm, &args.pos[1])?;
    Ok(vm.new_int(crc_hqx_update(crc as u16, &data) as i64))
}

// ----- uuencode -------------------------------------------------------------------------------

fn b2a_uu(vm: &mut Vm, args: Args) -> PyResult {
    let a = bind(vm, "b2a_uu", args, &["data", "backtick"], (1, 1, 1))?;
    let data = buffer(vm, a[0].as_ref().unwrap_or(&Value::NONE))?;
    let backtick = int_flag(vm, a[1].as_ref(), false)?;
    if data.len() > 45 {
        return Err(error(vm, "At most 45 bytes at once"));
    }
    let enc = |v: u8| -> u8 {
        if backtick && v == 0 {
            b'`'
        } else {
            b' ' + v
        }
    };
    let mut out = vec![enc(data.len() as u8 & 0o77)];
    for ch in data.chunks(3) {
        let b = [ch[0], *ch.get(1).unwrap_or(&0), *ch.get(2).unwrap_or(&0)];
        let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        for s in [18, 12, 6, 0] {
            out.push(enc(((n >> s) & 0o77) as u8));
        }
    }
    out.push(b'\n');
    Ok(vm.new_bytes(out))
}

fn a2b_uu(vm: &mut Vm, args: Args) -> PyResult {
    let a = crate::util::one_arg(vm, "binascii.a2b_uu", &args)?;
    let data = ascii_buffer(vm, &a)?;
    let first = data.first().copied().unwrap_or(0);
    let mut bin_len = (first.wrapping_sub(b' ') & 0o77) as usize;
    let mut rest: &[u8] = if data.is_empty() { &[] } else { &data[1..] };
    let mut out = Vec::with_capacity(bin_len);
    let (mut leftchar, mut leftbits) = (0u32, 0u32);
    while bin_len > 0 {
        let c = rest.first().copied();
        let v = match c {
            None | Some(b'\n') | Some(b'\r') => 0,
            Some(c) => {
                if !(b' '..=b' ' + 64).contains(&c) {
                    return Err(error(vm, "Illegal char"));
                }
                ((c - b' ') & 0o77) as u32
            }
        };
        if !rest.is_empty() {
            rest = &rest[1..];
        }
        leftchar = (leftchar << 6) | v;
        leftbits += 6;
        if leftbits >= 8 {
            leftbits -= 8;
            out.push((leftchar >> leftbits) as u8);
            leftchar &= (1 << leftbits) - 1;
            bin_len -= 1;
        }
    }
    for &c in rest {
        if c != b' ' && c != b' ' + 64 && c != b'\n' && c != b'\r' {
            return Err(error(vm, "Trailing garbage"));
        }
    }
    Ok(vm.new_bytes(out))
}

// ----- quoted-printable -------------------------------------------------------------------------

const MAXLINESIZE: usize = 76;

fn a2b_qp(vm: &mut Vm, args: Args) -> PyResult {
    let a = bind(vm, "a2b_qp", args, &["data", "header"], (0, 2, 1))?;
    let d = ascii_buffer(vm, a[0].as_ref().unwrap_or(&Value::NONE))?;
    let header = int_flag(vm, a[1].as_ref(), false)?;
    let at = |i: usize| d.get(i).copied().unwrap_or(0);
    let mut out = Vec::with_capacity(d.len());
    let mut i = 0;
    while i < d.len() {
        if d[i] == b'=' {
            i += 1;
            if i >= d.len() {
                break;
            }
            if d[i] == b'\n' || d[i] == b'\r' {
                // Soft line break.
                if d[i] != b'\n' {
                    while i < d.len() && d[i] != b'\n' {
                        i += 1;
                    }
                }
                if i < d.len() {
                    i += 1;
                }
            } else if d[i] == b'=' {
                out.push(b'=');
                i += 1;
            } else if at(i).is_ascii_hexdigit() && at(i + 1).is_ascii_hexdigit() {
                let hi = (at(i) as char).to_digit(16).unwrap_or(0);
                let lo = (at(i + 1) as char).to_digit(16).unwrap_or(0);
                out.push((hi * 16 + lo) as u8);
                i += 2;
            } else {
                out.push(b'=');
            }
        } else if header && d[i] == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(d[i]);
            i += 1;
        }
    }
    Ok(vm.new_bytes(out))
}

/// Quoted-printable encoding, as CPython's `b2a_qp`.
pub fn qp_encode(d: &[u8], quotetabs: bool, istext: bool, header: bool) -> Vec<u8> {
    let at = |i: usize| d.get(i).copied().unwrap_or(0);
    let crlf = match d.iter().position(|&c| c == b'\n') {
        Some(p) => p > 0 && d[p - 1] == b'\r',
        None => false,
    };
    let hexu = b"0123456789ABCDEF";
    let mut out: Vec<u8> = Vec::with_capacity(d.len() * 3);
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let (mut i, mut linelen) = (0usize, 0usize);
    while i < d.len() {
        let c = d[i];
        let encode = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.'
                && linelen == 0
                && (at(i + 1) == b'\n' || at(i + 1) == b'\r' || at(i + 1) == 0))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && i + 1 == d.len())
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if encode {
            if linelen + 3 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            out.push(b'=');
            out.push(hexu[(c >> 4) as usize]);
            out.push(hexu[(c & 15) as usize]);
            i += 1;
            linelen += 3;
        } else if istext && (c == b'\n' || (i + 1 < d.len() && c == b'\r' && d[i + 1] == b'\n')) {
            linelen = 0;
            // Protect against whitespace at the end of a line.
            if let Some(&last) = out.last() {
                if last == b' ' || last == b'\t' {
                    out.pop();
                    out.push(b'=');
                    out.push(hexu[(last >> 4) as usize]);
                    out.push(hexu[(last & 15) as usize]);
                }
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if i + 1 != d.len() && d[i + 1] != b'\n' && linelen + 1 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            linelen += 1;
            if header && c == b' ' {
                out.push(b'_');
            } else {
                out.push(c);
            }
            i += 1;
        }
    }
    out
}

fn b2a_qp(vm: &mut Vm, args: Args) -> PyResult {
    let a = bind(
        vm,
        "b2a_qp",
        args,
        &["data", "quotetabs", "istext", "header"],
        (0, 4, 1),
    )?;
    let data = buffer(vm, a[0].as_ref().unwrap_or(&Value::NONE))?;
    let quotetabs = int_flag(vm, a[1].as_ref(), false)?;
    let istext = int_flag(vm, a[2].as_ref(), true)?;
    let header = int_flag(vm, a[3].as_ref(), false)?;
    Ok(vm.new_bytes(qp_encode(&data, quotetabs, istext, header)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crcs() {
        assert_eq!(crc32_update(0, b"hello world"), 0x0d4a_1185);
        assert_eq!(crc_hqx_update(0, b"123456789"), 0x31c3);
    }

    #[test]
    fn base64_roundtrip() {
        for n in 0..20u8 {
            let d: Vec<u8> = (0..n).collect();
            let e = b64encode(&d, false);
            assert_eq!(b64decode(&e, true).ok(), Some(d));
        }
    }
}
