//! JSON string literals: `encode_basestring_ascii` (every character outside
//! printable ASCII becomes a `\uXXXX` escape, astral characters a UTF-16
//! surrogate pair) and `encode_basestring` (only `"`, `\` and control
//! characters are escaped) (CPython 3.11: `ascii_escape_unicode` and
//! `escape_unicode` in Modules/_json.c).
//!
//! Invariant: the output is the quoted literal, and decoding it with the
//! scanner gives back the input string; lone surrogates (stored as
//! plane-16 characters, see `adder_text::surrogate`) are escaped by their
//! code point, never as the character that stands for them.

use adder_object::Value;
use adder_text::surrogate::to_code_point;
use adder_vm::{Args, PyResult, Vm};

use super::str_arg;

const HEX: &[u8; 16] = b"0123456789abcdef";

fn push_u16_escape(out: &mut String, v: u32) {
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((v >> shift) & 0xf) as usize] as char);
    }
}

/// The two-character escape of `c`, if JSON has one.
fn short_escape(c: char) -> Option<&'static str> {
    Some(match c {
        '\\' => "\\\\",
        '"' => "\\\"",
        '\u{8}' => "\\b",
        '\u{c}' => "\\f",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ => return None,
    })
}

/// `"..."` with only ASCII characters.
pub fn escape_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if (' '..='~').contains(&c) && c != '\\' && c != '"' {
            out.push(c);
        } else if let Some(e) = short_escape(c) {
            out.push_str(e);
        } else {
            let cp = to_code_point(c);
            if cp >= 0x10000 {
                let v = cp - 0x10000;
                push_u16_escape(&mut out, 0xd800 | ((v >> 10) & 0x3ff));
                push_u16_escape(&mut out, 0xdc00 | (v & 0x3ff));
            } else {
                push_u16_escape(&mut out, cp);
            }
        }
    }
    out.push('"');
    out
}

/// `"..."` keeping non-ASCII characters as they are.
pub fn escape_unicode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if let Some(e) = short_escape(c) {
            out.push_str(e);
        } else if (c as u32) <= 0x1f {
            push_u16_escape(&mut out, c as u32);
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

/// The one argument of a `METH_O` function of this module.
fn meth_o<'a>(vm: &Vm, args: &'a Args, name: &str) -> PyResult<&'a Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("_json.{name}() takes no keyword arguments")));
    }
    if args.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "_json.{name}() takes exactly one argument ({} given)",
            args.pos.len()
        )));
    }
    Ok(&args.pos[0])
}

/// `encode_basestring_ascii(string) -> string`.
pub fn py_encode_basestring_ascii(vm: &mut Vm, args: Args) -> PyResult {
    let v = meth_o(vm, &args, "encode_basestring_ascii")?;
    let s = str_arg(vm, v)?;
    Ok(vm.new_string(escape_ascii(s.as_str())))
}

/// `encode_basestring(string) -> string`.
pub fn py_encode_basestring(vm: &mut Vm, args: Args) -> PyResult {
    let v = meth_o(vm, &args, "encode_basestring")?;
    let s = str_arg(vm, v)?;
    Ok(vm.new_string(escape_unicode(s.as_str())))
}
