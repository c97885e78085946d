//! The charmap codec: single-byte encodings described by a table (the
//! `encodings/cp*.py` modules) — CPython 3.11: Objects/unicodeobject.c.
//!
//! Invariant: decoding maps each byte through a str table (U+FFFE means
//! undefined) or a mapping; encoding maps each character through the dict
//! `charmap_build` produced or any mapping; an unmapped item is reported as
//! "character maps to <undefined>" through the error handler.

use adder_object::Value;
use adder_text::surrogate;
use adder_vm::objects::string::{Bytes, Str};
use adder_vm::{PyResult, Vm};

use super::errors::{DecodeCtx, EncodeCtx, Replacement};

/// What one byte decodes to.
enum Mapped {
    Text(String),
    Undefined,
}

fn lookup_item(vm: &mut Vm, mapping: &Value, key: i64) -> PyResult<Option<Value>> {
    let k = vm.new_int(key);
    match vm.getitem(mapping, &k) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.exc_matches(&e, &vm.t.lookup_error.clone()) => Ok(None),
        Err(e) => Err(e),
    }
}

fn decode_byte(vm: &mut Vm, mapping: &Value, table: Option<&[char]>, b: u8) -> PyResult<Mapped> {
    if let Some(t) = table {
        return Ok(match t.get(b as usize) {
            Some(&c) if c != '\u{fffe}' => Mapped::Text(c.to_string()),
            _ => Mapped::Undefined,
        });
    }
    let Some(v) = lookup_item(vm, mapping, b as i64)? else {
        return Ok(Mapped::Undefined);
    };
    if v.is_none() {
        return Ok(Mapped::Undefined);
    }
    if adder_vm::num::is_int(&v) {
        let n = adder_vm::num::as_i64(&v).unwrap_or(-1);
        let Some(c) = u32::try_from(n).ok().and_then(surrogate::to_internal) else {
            return Err(vm.type_error("character mapping must be in range(0x110000)"));
        };
        if c == '\u{fffe}' {
            return Ok(Mapped::Undefined);
        }
        return Ok(Mapped::Text(c.to_string()));
    }
    if let Some(s) = v.downcast::<Str>() {
        if s.as_str() == "\u{fffe}" {
            return Ok(Mapped::Undefined);
        }
        return Ok(Mapped::Text(s.as_str().to_string()));
    }
    Err(vm.type_error("character mapping must return integer, None or str"))
}

/// `charmap_decode(data, errors, mapping)` (mapping None = latin-1).
pub fn decode(vm: &mut Vm, data: &[u8], errors: &str, mapping: &Value) -> PyResult<String> {
    if mapping.is_none() {
        return Ok(data.iter().map(|&b| b as char).collect());
    }
    let table: Option<Vec<char>> = mapping
        .downcast::<Str>()
        .map(|s| s.as_str().chars().collect());
    let mut ctx = DecodeCtx::new("charmap", errors, data);
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        match decode_byte(vm, mapping, table.as_deref(), data[i])? {
            Mapped::Text(t) => {
                out.push_str(&t);
                i += 1;
            }
            Mapped::Undefined => {
                i = ctx.error(vm, i, i + 1, "character maps to <undefined>", &mut out)?;
            }
        }
    }
    Ok(out)
}

/// The bytes one character encodes to, or None when it is unmapped.
fn encode_char(vm: &mut Vm, mapping: &Value, c: char) -> PyResult<Option<Vec<u8>>> {
    let Some(v) = lookup_item(vm, mapping, surrogate::to_code_point(c) as i64)? else {
        return Ok(None);
    };
    if v.is_none() {
        return Ok(None);
    }
    if adder_vm::num::is_int(&v) {
        let n = adder_vm::num::as_i64(&v).unwrap_or(-1);
        if !(0..256).contains(&n) {
            return Err(vm.type_error("character mapping must be in range(256)"));
        }
        return Ok(Some(vec![n as u8]));
    }
    if let Some(b) = v.downcast::<Bytes>() {
        return Ok(Some(b.b.to_vec()));
    }
    Err(vm.type_error("character mapping must return integer, bytes or None, not str"))
}

/// `charmap_encode(str, errors, mapping)` (mapping None = latin-1).
pub fn encode(vm: &mut Vm, s: &str, errors: &str, mapping: &Value) -> PyResult<Vec<u8>> {
    if mapping.is_none() {
        return super::unicode::limited_encode(vm, s, errors, 256, "latin-1");
    }
    let chars: Vec<char> = s.chars().collect();
    let mut ctx = EncodeCtx::new("charmap", errors, &chars);
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some(b) = encode_char(vm, mapping, chars[i])? {
            out.extend_from_slice(&b);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < chars.len() && encode_char(vm, mapping, chars[end])?.is_none() {
            end += 1;
        }
        let (rep, next) = ctx.error(vm, i, end, "character maps to <undefined>")?;
        match rep {
            Replacement::Bytes(b) => out.extend_from_slice(&b),
            Replacement::Text(t) => {
                for ch in t.chars() {
                    match encode_char(vm, mapping, ch)? {
                        Some(b) => out.extend_from_slice(&b),
                        None => return Err(ctx.raise(vm, i, end, "character maps to <undefined>")),
                    }
                }
            }
        }
        i = next;
    }
    Ok(out)
}

/// `charmap_build(decoding_table)`: the inverse mapping as a dict.
pub fn build(vm: &mut Vm, table: &str) -> PyResult {
    let d = vm.new_dict();
    for (i, c) in table.chars().enumerate() {
        let k = vm.new_int(surrogate::to_code_point(c) as i64);
        let v = vm.new_int(i as i64);
        vm.dict_set(&d, k, v)?;
    }
    Ok(d)
}
