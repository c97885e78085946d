//! The built-in codecs behind `str.encode`, `bytes.decode` and `str(b, enc)`:
//! UTF-8, ASCII, Latin-1, UTF-16 and UTF-32, with the standard error handlers.
//!
//! Invariant: a codec either produces exactly what CPython 3.11 produces or
//! raises the same `UnicodeDecodeError`/`UnicodeEncodeError`/`LookupError`;
//! error handler names are looked up only when an error actually occurs (as
//! CPython does). Lone surrogates are stored as described in
//! `adder_text::surrogate`; encoders see them through that mapping.

use adder_object::Value;
use adder_text::surrogate::{self, is_surrogate_char, to_code_point, to_internal};

use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
    Utf16(Option<bool>),
    Utf32(Option<bool>),
}

impl Codec {
    /// The name CPython prints in codec errors.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(None) => "utf-16",
            Codec::Utf16(Some(false)) => "utf-16-le",
            Codec::Utf16(Some(true)) => "utf-16-be",
            Codec::Utf32(None) => "utf-32",
            Codec::Utf32(Some(false)) => "utf-32-le",
            Codec::Utf32(Some(true)) => "utf-32-be",
        }
    }
}

/// Resolves an encoding name (case, `-`/`_`/space insensitive, common aliases).
pub fn lookup(vm: &mut Vm, name: &str) -> PyResult<Codec> {
    match lookup_known(name) {
        Some(c) => Ok(c),
        None => Err(vm.new_exception_msg(
            &vm.t.lookup_error.clone(),
            format!("unknown encoding: {name}"),
        )),
    }
}

/// The built-in codec for a name, if there is one.
fn lookup_known(name: &str) -> Option<Codec> {
    let n: String = name
        .trim()
        .chars()
        .map(|c| {
            if c == '-' || c == ' ' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    Some(match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "iso646_us"
        | "cp367" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" | "iso_8859_1:1987" => Codec::Latin1,
        "utf_16" | "utf16" | "u16" => Codec::Utf16(None),
        "utf_16_le" | "utf_16le" => Codec::Utf16(Some(false)),
        "utf_16_be" | "utf_16be" => Codec::Utf16(Some(true)),
        "utf_32" | "utf32" | "u32" => Codec::Utf32(None),
        "utf_32_le" | "utf_32le" => Codec::Utf32(Some(false)),
        "utf_32_be" | "utf_32be" => Codec::Utf32(Some(true)),
        _ => return None,
    })
}

/// Error handler names the built-in codecs apply themselves.
fn builtin_handler(errors: &str) -> bool {
    matches!(
        errors,
        "strict"
            | "ignore"
            | "replace"
            | "backslashreplace"
            | "surrogateescape"
            | "surrogatepass"
            | "xmlcharrefreplace"
    )
}

/// Encodes or decodes through the `_codecs` registry (the `encodings`
/// package), as CPython's `str.encode`/`bytes.decode` do for codecs and
/// error handlers that are not built in. Without a `_codecs` module the
/// built-in lookup's error stands.
fn via_registry(vm: &mut Vm, obj: Value, encoding: &str, errors: &str, decode: bool) -> PyResult {
    let Ok(codecs) = crate::native::import(vm, "_codecs") else {
        lookup(vm, encoding)?;
        return Err(unknown_handler(vm, errors));
    };
    let enc = vm.new_str(encoding);
    let ci = vm.call_method(&codecs, "lookup", vec![enc])?;
    let what = if decode { "decode" } else { "encode" };
    let flag_name = vm.intern("_is_text_encoding");
    if let Some(flag) = vm.getattr_opt(&ci, &flag_name)? {
        if !vm.truthy(&flag)? {
            return Err(vm.new_exception_msg(
                &vm.t.lookup_error.clone(),
                format!("'{encoding}' is not a text encoding; use codecs.{what}() to handle arbitrary codecs"),
            ));
        }
    }
    let idx = vm.new_int(if decode { 1 } else { 0 });
    let f = vm.getitem(&ci, &idx)?;
    let ev = vm.new_str(errors);
    let r = match vm.call(&f, vec![obj, ev]) {
        Ok(r) => r,
        Err(e) if cpython_fast_path(encoding) => return Err(e),
        Err(e) => {
            let op = if decode { "decoding" } else { "encoding" };
            return Err(wrap_codec_error(vm, e, op, encoding));
        }
    };
    let item = r
        .downcast::<crate::objects::seq::Tuple>()
        .filter(|t| t.items.len() == 2)
        .map(|t| t.items[0].clone());
    let Some(item) = item else {
        return Err(vm.type_error(if decode {
            "decoder must return a tuple (object,integer)"
        } else {
            "encoder must return a tuple (object, integer)"
        }));
    };
    Ok(item)
}

/// Whether CPython's `str.encode`/`bytes.decode` call this codec directly
/// (`PyUnicode_AsEncodedString` fast paths), so its errors are not wrapped.
fn cpython_fast_path(encoding: &str) -> bool {
    let mut n = String::with_capacity(encoding.len());
    let mut punct = false;
    for c in encoding.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !n.is_empty() {
                n.push('_');
            }
            punct = false;
            n.push(c.to_ascii_lowercase());
        } else {
            punct = true;
        }
    }
    matches!(
        n.as_str(),
        "utf8"
            | "utf_8"
            | "utf16"
            | "utf_16"
            | "utf32"
            | "utf_32"
            | "ascii"
            | "us_ascii"
            | "latin1"
            | "latin_1"
            | "iso_8859_1"
            | "iso8859_1"
    )
}

/// CPython's `wrap_codec_error` (`_PyErr_TrySetFromCause`): an exception
/// raised by a codec function is replaced by one of the same type whose
/// message says what failed, with the original as `__cause__` — but only
/// when that loses nothing: the type keeps BaseException's construction
/// and layout, the instance has no attributes and at most one str arg.
pub fn wrap_codec_error(vm: &mut Vm, e: Value, op: &str, encoding: &str) -> Value {
    use crate::objects::exception::Exception;
    use crate::objects::types::TypeObject;
    let t = vm.type_of(&e);
    let Some(ex) = e.downcast::<Exception>() else {
        return e;
    };
    // Builtin exceptions with their own constructor or extra fields.
    let complex = [
        vm.t.system_exit.clone(),
        vm.t.import_error.clone(),
        vm.t.os_error.clone(),
        vm.t.syntax_error.clone(),
        vm.t.stop_iteration.clone(),
        vm.t.attribute_error.clone(),
        vm.t.name_error.clone(),
        vm.t.unicode_encode_error.clone(),
        vm.t.unicode_decode_error.clone(),
        vm.t.unicode_translate_error.clone(),
        vm.t.base_exception_group.clone(),
    ];
    if complex.iter().any(|c| crate::ops::is_subtype(&t, c)) {
        return e;
    }
    // Python subclasses must not define __init__/__new__ or slots.
    let mro = t
        .downcast::<TypeObject>()
        .map(|to| to.mro.borrow().clone())
        .unwrap_or_default();
    for c in &mro {
        let Some(to) = c.downcast::<TypeObject>() else {
            continue;
        };
        if !crate::ops::is_heap_type(c) {
            continue;
        }
        if to.nslots.get() > 0 {
            return e;
        }
        if let Some(d) = to.dict_cell.get() {
            for name in ["__init__", "__new__"] {
                let k = vm.new_str(name);
                if matches!(vm.dict_get(d, &k), Ok(Some(_))) {
                    return e;
                }
            }
        }
    }
    let args = ex.args.get();
    let items = args
        .downcast::<crate::objects::seq::Tuple>()
        .map(|a| a.items.to_vec())
        .unwrap_or_default();
    let simple_args = match items.as_slice() {
        [] => true,
        [a] => vm.type_of(a).is(&vm.t.str),
        _ => false,
    };
    if !simple_args {
        return e;
    }
    let dict_name = vm.intern("__dict__");
    if let Ok(Some(d)) = vm.getattr_opt(&e, &dict_name) {
        if !matches!(vm.len(&d), Ok(0)) {
            return e;
        }
    }
    let Ok(text) = vm.str_string(&e) else {
        return e;
    };
    let tn = vm.type_name(&e);
    let msg = vm.new_string(format!(
        "{op} with '{encoding}' codec failed ({tn}: {text})"
    ));
    let new = match vm.call(&t, vec![msg]) {
        Ok(n) => n,
        Err(_) => return e,
    };
    if let Some(nx) = new.downcast::<Exception>() {
        nx.cause.set(e.clone());
        nx.suppress_context.set(true);
    }
    new
}

fn unknown_handler(vm: &Vm, errors: &str) -> Value {
    vm.new_exception_msg(
        &vm.t.lookup_error,
        format!("unknown error handler name '{errors}'"),
    )
}

fn decode_error(
    vm: &mut Vm,
    codec: Codec,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> Value {
    let args = vec![
        vm.new_str(codec.name()),
        vm.new_bytes(data.to_vec()),
        vm.new_int(start as i64),
        vm.new_int(end as i64),
        vm.new_str(reason),
    ];
    let t = vm.t.unicode_decode_error.clone();
    match vm.call(&t, args) {
        Ok(e) | Err(e) => e,
    }
}

fn encode_error(
    vm: &mut Vm,
    codec: &str,
    s: &str,
    start: usize,
    end: usize,
    reason: &str,
) -> Value {
    let args = vec![
        vm.new_str(codec),
        vm.new_str(s),
        vm.new_int(start as i64),
        vm.new_int(end as i64),
        vm.new_str(reason),
    ];
    let t = vm.t.unicode_encode_error.clone();
    match vm.call(&t, args) {
        Ok(e) | Err(e) => e,
    }
}

/// What a decoder is working on (for error reporting).
struct Dec<'a> {
    codec: Codec,
    errors: &'a str,
    data: &'a [u8],
}

/// Applies the decode error handler to `data[start..end]`; returns where
/// decoding resumes.
fn on_decode_error(
    vm: &mut Vm,
    d: &Dec,
    start: usize,
    end: usize,
    reason: &str,
    out: &mut String,
) -> PyResult<usize> {
    let (codec, errors, data) = (d.codec, d.errors, d.data);
    match errors {
        "strict" => Err(decode_error(vm, codec, data, start, end, reason)),
        "ignore" => Ok(end),
        "replace" => {
            out.push('\u{fffd}');
            Ok(end)
        }
        "backslashreplace" => {
            for b in &data[start..end] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(end)
        }
        // PEP 383: each undecodable byte (>= 0x80) becomes U+DC80..U+DCFF.
        // Like CPython's handler: the leading non-ASCII bytes of the run (at
        // most four) are escaped and decoding resumes after them; a run
        // that starts with an ASCII byte fails.
        "surrogateescape" => {
            let run = &data[start..end];
            let n = run.iter().take(4).take_while(|&&b| b >= 0x80).count();
            if n == 0 {
                return Err(decode_error(vm, codec, data, start, end, reason));
            }
            for &b in &run[..n] {
                out.push(to_internal(0xdc00 + b as u32).unwrap_or('\u{fffd}'));
            }
            Ok(start + n)
        }
        // An encoded surrogate at `start` in the codec's own form.
        "surrogatepass" => match surrogate_at(codec, data, start) {
            Some((cp, n)) => {
                out.push(to_internal(cp).unwrap_or('\u{fffd}'));
                Ok(start + n)
            }
            None => Err(decode_error(vm, codec, data, start, end, reason)),
        },
        "xmlcharrefreplace" | "namereplace" => {
            let e = decode_error(vm, codec, data, start, end, reason);
            Err(vm.type_error(format!(
                "don't know how to handle {} in error callback",
                vm.type_name(&e)
            )))
        }
        _ => Err(unknown_handler(vm, errors)),
    }
}

/// The surrogate code point encoded at `data[start..]` in `codec`'s form
/// and its length in bytes (what `surrogatepass` accepts).
fn surrogate_at(codec: Codec, data: &[u8], start: usize) -> Option<(u32, usize)> {
    let (cp, n) = match codec {
        Codec::Utf8 => (surrogate::utf8_surrogate_at(data, start)?, 3),
        Codec::Utf16(order) => {
            let w = data.get(start..start + 2)?;
            let w = [w[0], w[1]];
            let u = if order == Some(true) {
                u16::from_be_bytes(w)
            } else {
                u16::from_le_bytes(w)
            };
            (u as u32, 2)
        }
        Codec::Utf32(order) => {
            let w = data.get(start..start + 4)?;
            let w = [w[0], w[1], w[2], w[3]];
            let u = if order == Some(true) {
                u32::from_be_bytes(w)
            } else {
                u32::from_le_bytes(w)
            };
            (u, 4)
        }
        Codec::Ascii | Codec::Latin1 => return None,
    };
    surrogate::is_surrogate(cp).then_some((cp, n))
}

/// Decodes `data` with `encoding`/`errors`.
pub fn decode(vm: &mut Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = match lookup_known(encoding) {
        Some(c) if builtin_handler(errors) => c,
        _ => {
            let b = vm.new_bytes(data.to_vec());
            let r = via_registry(vm, b, encoding, errors, true)?;
            return match r.downcast::<crate::objects::string::Str>() {
                Some(s) => Ok(s.as_str().to_string()),
                None => Err(vm.type_error(format!(
                    "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
                    vm.type_name(&r)
                ))),
            };
        }
    };
    let dec = Dec {
        codec,
        errors,
        data,
    };
    let mut out = String::with_capacity(data.len());
    match codec {
        Codec::Utf8 => {
            if let Ok(s) = std::str::from_utf8(data) {
                return Ok(s.to_string());
            }
            let mut i = 0;
            while i < data.len() {
                match surrogate::utf8_sequence(data, i) {
                    Ok(n) => {
                        out.push_str(std::str::from_utf8(&data[i..i + n]).unwrap_or("\u{fffd}"));
                        i += n;
                    }
                    Err((n, reason)) => {
                        i = on_decode_error(vm, &dec, i, i + n, reason, &mut out)?;
                    }
                }
            }
        }
        Codec::Ascii => {
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    on_decode_error(vm, &dec, i, i + 1, "ordinal not in range(128)", &mut out)?;
                }
            }
        }
        Codec::Latin1 => out.extend(data.iter().map(|&b| b as char)),
        Codec::Utf16(order) => decode_utf16(vm, &dec, order, &mut out)?,
        Codec::Utf32(order) => decode_utf32(vm, &dec, order, &mut out)?,
    }
    Ok(out)
}

fn decode_utf16(vm: &mut Vm, dec: &Dec, order: Option<bool>, out: &mut String) -> PyResult<()> {
    let data = dec.data;
    let mut be = order.unwrap_or(false);
    let mut i = 0;
    if order.is_none() && data.len() >= 2 {
        if data[0] == 0xff && data[1] == 0xfe {
            i = 2;
        } else if data[0] == 0xfe && data[1] == 0xff {
            be = true;
            i = 2;
        }
    }
    // Errors name the byte order actually used ('utf-16-le' after a BOM).
    let named = Dec {
        codec: Codec::Utf16(Some(be)),
        errors: dec.errors,
        data: dec.data,
    };
    let dec = &named;
    let unit = |k: usize| -> u16 {
        if be {
            u16::from_be_bytes([data[k], data[k + 1]])
        } else {
            u16::from_le_bytes([data[k], data[k + 1]])
        }
    };
    while i < data.len() {
        if i + 1 >= data.len() {
            i = on_decode_error(vm, dec, i, data.len(), "truncated data", out)?;
            continue;
        }
        let u = unit(i);
        if !(0xd800..0xe000).contains(&u) {
            out.push(char::from_u32(u as u32).unwrap_or('\u{fffd}'));
            i += 2;
            continue;
        }
        if u >= 0xdc00 {
            i = on_decode_error(vm, dec, i, i + 2, "illegal encoding", out)?;
            continue;
        }
        if i + 3 >= data.len() {
            i = on_decode_error(vm, dec, i, data.len(), "unexpected end of data", out)?;
            continue;
        }
        let u2 = unit(i + 2);
        if !(0xdc00..0xe000).contains(&u2) {
            i = on_decode_error(vm, dec, i, i + 2, "illegal UTF-16 surrogate", out)?;
            continue;
        }
        let c = 0x10000 + (((u as u32) - 0xd800) << 10) + ((u2 as u32) - 0xdc00);
        out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
        i += 4;
    }
    Ok(())
}

fn decode_utf32(vm: &mut Vm, dec: &Dec, order: Option<bool>, out: &mut String) -> PyResult<()> {
    let data = dec.data;
    let mut be = order.unwrap_or(false);
    let mut i = 0;
    if order.is_none() && data.len() >= 4 {
        if data[..4] == [0xff, 0xfe, 0, 0] {
            i = 4;
        } else if data[..4] == [0, 0, 0xfe, 0xff] {
            be = true;
            i = 4;
        }
    }
    let named = Dec {
        codec: Codec::Utf32(Some(be)),
        errors: dec.errors,
        data: dec.data,
    };
    let dec = &named;
    while i < data.len() {
        if i + 3 >= data.len() {
            i = on_decode_error(vm, dec, i, data.len(), "truncated data", out)?;
            continue;
        }
        let w = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        let c = if be {
            u32::from_be_bytes(w)
        } else {
            u32::from_le_bytes(w)
        };
        match char::from_u32(c) {
            Some(ch) => {
                out.push(ch);
                i += 4;
            }
            None => {
                let reason = if c >= 0x110000 {
                    "code point not in range(0x110000)"
                } else {
                    "code point in surrogate code point range(0xd800, 0xe000)"
                };
                i = on_decode_error(vm, dec, i, i + 4, reason, out)?;
            }
        }
    }
    Ok(())
}

/// Encodes `s` with `encoding`/`errors`.
pub fn encode(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = match lookup_known(encoding) {
        Some(c) if builtin_handler(errors) => c,
        _ => {
            let sv = vm.new_str(s);
            let r = via_registry(vm, sv, encoding, errors, false)?;
            return match r.downcast::<crate::objects::string::Bytes>() {
                Some(b) => Ok(b.b.to_vec()),
                None => Err(vm.type_error(format!(
                    "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
                    vm.type_name(&r)
                ))),
            };
        }
    };
    match codec {
        Codec::Utf8 if !surrogate::has_surrogates(s) => Ok(s.as_bytes().to_vec()),
        Codec::Ascii => encode_limited(vm, s, "ascii", 0x80, errors),
        Codec::Latin1 => encode_limited(vm, s, "latin-1", 0x100, errors),
        _ => encode_utf(vm, s, codec, errors),
    }
}

/// Appends code point `cp` in a UTF codec's form (surrogates included:
/// callers decide whether they may be written).
fn put_unit(codec: Codec, out: &mut Vec<u8>, cp: u32) {
    match codec {
        Codec::Utf16(order) => {
            let be = order == Some(true);
            let mut push =
                |u: u16| out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
            if cp >= 0x10000 {
                let v = cp - 0x10000;
                push(0xd800 | (v >> 10) as u16);
                push(0xdc00 | (v & 0x3ff) as u16);
            } else {
                push(cp as u16);
            }
        }
        Codec::Utf32(order) => {
            out.extend_from_slice(&if order == Some(true) {
                cp.to_be_bytes()
            } else {
                cp.to_le_bytes()
            });
        }
        _ => {
            if surrogate::is_surrogate(cp) {
                out.extend_from_slice(&surrogate::utf8_surrogate_bytes(cp));
            } else if let Some(c) = char::from_u32(cp) {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
}

/// UTF-8/16/32 encoding with the built-in error handlers; lone surrogates
/// are the only unencodable characters (CPython 3.11:
/// Objects/stringlib/codecs.h and `_PyUnicode_EncodeUTF16/32`: UTF-8
/// reports a whole run of surrogates, UTF-16/32 one at a time).
fn encode_utf(vm: &mut Vm, s: &str, codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(s.len() * 2 + 4);
    match codec {
        Codec::Utf16(None) => out.extend_from_slice(&[0xff, 0xfe]),
        Codec::Utf32(None) => out.extend_from_slice(&[0xff, 0xfe, 0, 0]),
        _ => {}
    }
    let reason = "surrogates not allowed";
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !is_surrogate_char(c) {
            put_unit(codec, &mut out, c as u32);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        if codec == Codec::Utf8 {
            while end < chars.len() && is_surrogate_char(chars[end]) {
                end += 1;
            }
        }
        let run = &chars[i..end];
        match errors {
            "strict" => return Err(encode_error(vm, codec.name(), s, i, end, reason)),
            "ignore" => {}
            "replace" => run
                .iter()
                .for_each(|_| put_unit(codec, &mut out, '?' as u32)),
            "backslashreplace" | "xmlcharrefreplace" => {
                for &c in run {
                    let rep = if errors == "backslashreplace" {
                        backslash_escape(c)
                    } else {
                        format!("&#{};", to_code_point(c))
                    };
                    rep.chars()
                        .for_each(|r| put_unit(codec, &mut out, r as u32));
                }
            }
            "surrogatepass" => run
                .iter()
                .for_each(|&c| put_unit(codec, &mut out, to_code_point(c))),
            "surrogateescape" => {
                // Only UTF-8 can take the escaped bytes (a UTF-16/32
                // replacement must be whole code units).
                if codec != Codec::Utf8 {
                    return Err(encode_error(vm, codec.name(), s, i, end, reason));
                }
                for (k, &c) in run.iter().enumerate() {
                    let cp = to_code_point(c);
                    if !(0xdc80..=0xdcff).contains(&cp) {
                        return Err(encode_error(vm, codec.name(), s, i + k, end, reason));
                    }
                    out.push((cp - 0xdc00) as u8);
                }
            }
            _ => return Err(unknown_handler(vm, errors)),
        }
        i = end;
    }
    Ok(out)
}

fn encode_limited(vm: &mut Vm, s: &str, name: &str, limit: u32, errors: &str) -> PyResult<Vec<u8>> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let mut end = i;
        while end < chars.len() && chars[end] as u32 >= limit {
            end += 1;
        }
        let reason = if limit == 0x80 {
            "ordinal not in range(128)"
        } else {
            "ordinal not in range(256)"
        };
        match errors {
            "strict" | "surrogatepass" => {
                return Err(encode_error(vm, name, s, i, end, reason));
            }
            // Escaped bytes first; the first character that is not one
            // fails with the rest of the run (CPython's fast path).
            "surrogateescape" => {
                for (k, &c) in chars[i..end].iter().enumerate() {
                    let cp = to_code_point(c);
                    if !(0xdc80..=0xdcff).contains(&cp) {
                        return Err(encode_error(vm, name, s, i + k, end, reason));
                    }
                    out.push((cp - 0xdc00) as u8);
                }
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
            "backslashreplace" => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(backslash_escape(c).as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", to_code_point(c)).as_bytes());
                }
            }
            _ => return Err(unknown_handler(vm, errors)),
        }
        i = end;
    }
    Ok(out)
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` for one character.
pub fn backslash_escape(c: char) -> String {
    adder_text::surrogate::backslash_escape(adder_text::surrogate::to_code_point(c))
}
