//! Codec error handling: the standard handlers applied natively while
//! encoding or decoding, and the protocol for handlers registered from
//! Python (`codecs.register_error`) — CPython 3.11: Python/codecs.c.
//!
//! Invariant: a codec reports every error through `decode_error` or
//! `encode_error`, which either raise the exception CPython raises or tell
//! the codec what to emit and where to resume; handler names are resolved
//! only when an error actually happens. Adder's `str` cannot hold lone
//! surrogates, so the handlers that would produce them (`surrogateescape`
//! and `surrogatepass` while decoding) raise NotImplementedError.

use adder_object::Value;
use adder_vm::objects::seq::Tuple;
use adder_vm::objects::string::{Bytes, Str};
use adder_vm::{PyResult, Vm};

#[derive(Clone)]
pub enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    NameReplace,
    SurrogateEscape,
    SurrogatePass,
    Custom(Value),
}

/// The handler for an `errors` name (builtin names never hit the registry).
pub fn handler(vm: &mut Vm, errors: &str) -> PyResult<Handler> {
    Ok(match errors {
        "strict" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "backslashreplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        "namereplace" => Handler::NameReplace,
        "surrogateescape" => Handler::SurrogateEscape,
        "surrogatepass" => Handler::SurrogatePass,
        _ => Handler::Custom(super::lookup_error_value(vm, errors)?),
    })
}

/// `UnicodeDecodeError(encoding, object, start, end, reason)`.
pub fn decode_exc(
    vm: &mut Vm,
    encoding: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> Value {
    let args = vec![
        vm.new_str(encoding),
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

/// `UnicodeEncodeError(encoding, object, start, end, reason)`.
pub fn encode_exc(
    vm: &mut Vm,
    encoding: &str,
    text: &str,
    start: usize,
    end: usize,
    reason: &str,
) -> Value {
    let args = vec![
        vm.new_str(encoding),
        vm.new_str(text),
        vm.new_int(start as i64),
        vm.new_int(end as i64),
        vm.new_str(reason),
    ];
    let t = vm.t.unicode_encode_error.clone();
    match vm.call(&t, args) {
        Ok(e) | Err(e) => e,
    }
}

/// A decoding run: what a decoder needs to report errors.
pub struct DecodeCtx<'a> {
    pub encoding: &'a str,
    pub errors: &'a str,
    pub data: &'a [u8],
    handler: Option<Handler>,
}

impl<'a> DecodeCtx<'a> {
    pub fn new(encoding: &'a str, errors: &'a str, data: &'a [u8]) -> DecodeCtx<'a> {
        DecodeCtx {
            encoding,
            errors,
            data,
            handler: None,
        }
    }

    /// Handles the invalid bytes `data[start..end]`: appends the
    /// replacement to `out` and returns where decoding resumes.
    pub fn error(
        &mut self,
        vm: &mut Vm,
        start: usize,
        end: usize,
        reason: &str,
        out: &mut String,
    ) -> PyResult<usize> {
        if self.handler.is_none() {
            self.handler = Some(handler(vm, self.errors)?);
        }
        let h = self.handler.clone().unwrap_or(Handler::Strict);
        let data = self.data;
        match h {
            Handler::Strict => Err(decode_exc(vm, self.encoding, data, start, end, reason)),
            Handler::Ignore => Ok(end),
            Handler::Replace => {
                out.push('\u{fffd}');
                Ok(end)
            }
            Handler::BackslashReplace => {
                for b in &data[start..end] {
                    out.push_str(&format!("\\x{b:02x}"));
                }
                Ok(end)
            }
            Handler::SurrogateEscape => {
                if data[start..end].iter().all(|&b| b >= 128) {
                    Err(no_surrogates(vm, "surrogateescape"))
                } else {
                    Err(decode_exc(vm, self.encoding, data, start, end, reason))
                }
            }
            Handler::SurrogatePass => {
                let is_surrogate = match self.encoding {
                    "utf-8" => {
                        data.len() >= start + 3
                            && data[start] == 0xed
                            && (0xa0..=0xbf).contains(&data[start + 1])
                            && (0x80..=0xbf).contains(&data[start + 2])
                    }
                    "utf-16" | "utf-16-le" | "utf-16-be" | "utf-32" | "utf-32-le" | "utf-32-be" => {
                        reason.contains("surrogate") || reason == "illegal encoding"
                    }
                    _ => false,
                };
                if is_surrogate {
                    Err(no_surrogates(vm, "surrogatepass"))
                } else {
                    Err(decode_exc(vm, self.encoding, data, start, end, reason))
                }
            }
            Handler::XmlCharRefReplace | Handler::NameReplace => {
                let e = decode_exc(vm, self.encoding, data, start, end, reason);
                Err(vm.type_error(format!(
                    "don't know how to handle {} in error callback",
                    vm.type_name(&e)
                )))
            }
            Handler::Custom(f) => {
                let e = decode_exc(vm, self.encoding, data, start, end, reason);
                let r = vm.call(&f, vec![e])?;
                let (rep, pos) = handler_result(vm, &r, false)?;
                let Some(s) = rep.downcast::<Str>() else {
                    return Err(
                        vm.type_error("decoding error handler must return (str, int) tuple")
                    );
                };
                out.push_str(s.as_str());
                resolve_pos(vm, pos, data.len())
            }
        }
    }
}

fn no_surrogates(vm: &Vm, name: &str) -> Value {
    vm.not_implemented_error(format!(
        "the '{name}' error handler would produce lone surrogates, which Adder's str cannot hold yet"
    ))
}

/// Validates a handler's `(replacement, position)` result.
fn handler_result(vm: &mut Vm, r: &Value, encode: bool) -> PyResult<(Value, i64)> {
    let msg = if encode {
        "encoding error handler must return (str/bytes, int) tuple"
    } else {
        "decoding error handler must return (str, int) tuple"
    };
    let Some(t) = r.downcast::<Tuple>().filter(|t| t.items.len() == 2) else {
        return Err(vm.type_error(msg));
    };
    let rep = t.items[0].clone();
    let ok_rep = rep.downcast::<Str>().is_some() || (encode && rep.downcast::<Bytes>().is_some());
    if !ok_rep || !adder_vm::num::is_int(&t.items[1]) {
        return Err(vm.type_error(msg));
    }
    let pos = crate::args::index_i64(vm, &t.items[1])?;
    Ok((rep, pos))
}

fn resolve_pos(vm: &Vm, pos: i64, len: usize) -> PyResult<usize> {
    let p = if pos < 0 { pos + len as i64 } else { pos };
    if p < 0 || p as usize > len {
        return Err(vm.index_error(format!("position {pos} from error handler out of bounds")));
    }
    Ok(p as usize)
}

/// What an encoder must emit for an error.
pub enum Replacement {
    Bytes(Vec<u8>),
    /// Text the codec must encode itself (it may fail again).
    Text(String),
}

/// An encoding run over `chars` (positions are character indices).
pub struct EncodeCtx<'a> {
    pub encoding: &'a str,
    pub errors: &'a str,
    pub chars: &'a [char],
    handler: Option<Handler>,
}

impl<'a> EncodeCtx<'a> {
    pub fn new(encoding: &'a str, errors: &'a str, chars: &'a [char]) -> EncodeCtx<'a> {
        EncodeCtx {
            encoding,
            errors,
            chars,
            handler: None,
        }
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn raise(&self, vm: &mut Vm, start: usize, end: usize, reason: &str) -> Value {
        let t = self.text();
        encode_exc(vm, self.encoding, &t, start, end, reason)
    }

    /// Handles the unencodable `chars[start..end]`; returns the
    /// replacement and the position to resume at.
    pub fn error(
        &mut self,
        vm: &mut Vm,
        start: usize,
        end: usize,
        reason: &str,
    ) -> PyResult<(Replacement, usize)> {
        if self.handler.is_none() {
            self.handler = Some(handler(vm, self.errors)?);
        }
        let h = self.handler.clone().unwrap_or(Handler::Strict);
        let run = &self.chars[start..end];
        Ok(match h {
            Handler::Strict | Handler::SurrogateEscape | Handler::SurrogatePass => {
                return Err(self.raise(vm, start, end, reason))
            }
            Handler::Ignore => (Replacement::Bytes(Vec::new()), end),
            Handler::Replace => (Replacement::Text("?".repeat(run.len())), end),
            Handler::BackslashReplace => {
                let s: String = run.iter().map(|&c| backslash_escape(c)).collect();
                (Replacement::Text(s), end)
            }
            Handler::XmlCharRefReplace => {
                let s: String = run.iter().map(|&c| format!("&#{};", c as u32)).collect();
                (Replacement::Text(s), end)
            }
            Handler::NameReplace => {
                let mut s = String::new();
                for &c in run {
                    s.push_str(&name_escape(vm, c)?);
                }
                (Replacement::Text(s), end)
            }
            Handler::Custom(f) => {
                let e = self.raise(vm, start, end, reason);
                let r = vm.call(&f, vec![e])?;
                let (rep, pos) = handler_result(vm, &r, true)?;
                let p = resolve_pos(vm, pos, self.chars.len())?;
                match rep.downcast::<Str>() {
                    Some(s) => (Replacement::Text(s.as_str().to_string()), p),
                    None => (
                        Replacement::Bytes(crate::args::bytes_like(&rep).unwrap_or_default()),
                        p,
                    ),
                }
            }
        })
    }
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub fn backslash_escape(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

/// `\N{NAME}` through `unicodedata` (or a backslash escape for unnamed
/// characters).
fn name_escape(vm: &mut Vm, c: char) -> PyResult<String> {
    let ud = adder_vm::native::import(vm, "unicodedata").map_err(|_| {
        vm.not_implemented_error(
            "the 'namereplace' error handler needs the unicodedata module, which is not available",
        )
    })?;
    let ch = vm.new_string(c.to_string());
    let name = vm.call_method(&ud, "name", vec![ch, Value::NONE])?;
    Ok(match name.downcast::<Str>() {
        Some(n) => format!("\\N{{{}}}", n.as_str()),
        None => backslash_escape(c),
    })
}

// ----- the handlers as Python callables ----------------------------------------------------

enum ExcKind {
    Encode,
    Decode,
    Translate,
}

fn exc_kind(vm: &Vm, e: &Value) -> Option<ExcKind> {
    if vm.exc_matches(e, &vm.t.unicode_encode_error) {
        Some(ExcKind::Encode)
    } else if vm.exc_matches(e, &vm.t.unicode_decode_error) {
        Some(ExcKind::Decode)
    } else if vm.exc_matches(e, &vm.t.unicode_translate_error) {
        Some(ExcKind::Translate)
    } else {
        None
    }
}

fn wrong_exc(vm: &Vm, e: &Value) -> Value {
    vm.type_error(format!(
        "don't know how to handle {} in error callback",
        vm.type_name(e)
    ))
}

fn exc_range(vm: &mut Vm, e: &Value) -> PyResult<(i64, i64)> {
    let s = vm.getattr_str(e, "start")?;
    let s = crate::args::index_i64(vm, &s)?;
    let en = vm.getattr_str(e, "end")?;
    let en = crate::args::index_i64(vm, &en)?;
    Ok((s, en))
}

fn exc_chars(vm: &mut Vm, e: &Value) -> PyResult<Vec<char>> {
    let o = vm.getattr_str(e, "object")?;
    match o.downcast::<Str>() {
        Some(s) => Ok(s.as_str().chars().collect()),
        None => Err(vm.type_error("object attribute must be unicode")),
    }
}

fn run_of(chars: &[char], s: i64, e: i64) -> &[char] {
    let s = s.clamp(0, chars.len() as i64) as usize;
    let e = e.clamp(s as i64, chars.len() as i64) as usize;
    &chars[s..e]
}

fn result(vm: &mut Vm, s: String, end: i64) -> PyResult {
    let a = vm.new_string(s);
    let b = vm.new_int(end);
    Ok(vm.new_tuple(vec![a, b]))
}

fn exc_arg(vm: &Vm, args: &adder_vm::Args, name: &str) -> PyResult<Value> {
    if !args.kw.is_empty() || args.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.pos.len() + args.kw.len()
        )));
    }
    Ok(args.pos[0].clone())
}

pub fn strict_errors(vm: &mut Vm, args: adder_vm::Args) -> PyResult {
    let e = exc_arg(vm, &args, "strict_errors")?;
    if vm.exc_matches(&e, &vm.t.base_exception.clone()) {
        return Err(e);
    }
    Err(vm.type_error("codec must pass exception instance"))
}

pub fn ignore_errors(vm: &mut Vm, args: adder_vm::Args) -> PyResult {
    let e = exc_arg(vm, &args, "ignore_errors")?;
    if exc_kind(vm, &e).is_none() {
        return Err(wrong_exc(vm, &e));
    }
    let (_, end) = exc_range(vm, &e)?;
    result(vm, String::new(), end)
}

pub fn replace_errors(vm: &mut Vm, args: adder_vm::Args) -> PyResult {
    let e = exc_arg(vm, &args, "replace_errors")?;
    let Some(k) = exc_kind(vm, &e) else {
        return Err(wrong_exc(vm, &e));
    };
    let (s, end) = exc_range(vm, &e)?;
    let n = (end - s).max(0) as usize;
    let rep = match k {
        ExcKind::Encode => "?".repeat(n),
        ExcKind::Decode => "\u{fffd}".to_string(),
        ExcKind::Translate => "\u{fffd}".repeat(n),
    };
    result(vm, rep, end)
}

pub fn backslashreplace_errors(vm: &mut Vm, args: adder_vm::Args) -> PyResult {
    let e = exc_arg(vm, &args, "backslashreplace_errors")?;
    let Some(k) = exc_kind(vm, &e) else {
        return Err(wrong_exc(vm, &e));
    };
    let (s, end) = exc_range(vm, &e)?;
    let rep = match k {
        ExcKind::Decode => {
            let o = vm.getattr_str(&e, "object")?;
            let b = crate::args::bytes_like(&o).unwrap_or_default();
            let s = s.clamp(0, b.len() as i64) as usize;
            let en = end.clamp(s as i64, b.len() as i64) as usize;
            b[s..en].iter().map(|x| format!("\\x{x:02x}")).collect()
        }
        _ => {
            let chars = exc_chars(vm, &e)?;
            run_of(&chars, s, end)
                .iter()
                .map(|&c| backslash_escape(c))
                .collect()
        }
    };
    result(vm, rep, end)
}

pub fn xmlcharrefreplace_errors(vm: &mut Vm, args: adder_vm::Args) -> PyResult {
    let e = exc_arg(vm, &args, "xmlcharrefreplace_errors")?;
    if !matches!(exc_kind(vm, &e), Some(ExcKind::Encode)) {
        return Err(wrong_exc(vm, &e));
    }
    let (s, end) = exc_range(vm, &e)?;
    let chars = exc_chars(vm, &e)?;
    let rep = run_of(&chars, s, end)
        .iter()
        .map(|&c| format!("&#{};", c as u32))
        .collect();
    result(vm, rep, end)
}

pub fn namereplace_errors(vm: &mut Vm, args: adder_vm::Args) -> PyResult {
    let e = exc_arg(vm, &args, "namereplace_errors")?;
    if !matches!(exc_kind(vm, &e), Some(ExcKind::Encode)) {
        return Err(wrong_exc(vm, &e));
    }
    let (s, end) = exc_range(vm, &e)?;
    let chars = exc_chars(vm, &e)?;
    let mut rep = String::new();
    for &c in run_of(&chars, s, end) {
        rep.push_str(&name_escape(vm, c)?);
    }
    result(vm, rep, end)
}

pub fn surrogateescape_errors(vm: &mut Vm, args: adder_vm::Args) -> PyResult {
    let e = exc_arg(vm, &args, "surrogateescape")?;
    match exc_kind(vm, &e) {
        Some(ExcKind::Decode) => {
            let (s, end) = exc_range(vm, &e)?;
            let o = vm.getattr_str(&e, "object")?;
            let b = crate::args::bytes_like(&o).unwrap_or_default();
            let s = s.clamp(0, b.len() as i64) as usize;
            let en = end.clamp(s as i64, b.len() as i64) as usize;
            if !b[s..en].is_empty() && b[s..en].iter().all(|&x| x >= 128) {
                return Err(no_surrogates(vm, "surrogateescape"));
            }
            Err(e)
        }
        Some(ExcKind::Encode) => Err(e),
        _ => Err(wrong_exc(vm, &e)),
    }
}

pub fn surrogatepass_errors(vm: &mut Vm, args: adder_vm::Args) -> PyResult {
    let e = exc_arg(vm, &args, "surrogatepass")?;
    match exc_kind(vm, &e) {
        Some(ExcKind::Decode) | Some(ExcKind::Encode) => Err(e),
        _ => Err(wrong_exc(vm, &e)),
    }
}
