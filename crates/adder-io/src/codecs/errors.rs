//! Codec error handling: the standard handlers applied natively while
//! encoding or decoding, and the protocol for handlers registered from
//! Python (`codecs.register_error`) — CPython 3.11: Python/codecs.c.
//!
//! Invariant: a codec reports every error through `decode_error` or
//! `encode_error`, which either raise the exception CPython raises or tell
//! the codec what to emit and where to resume; handler names are resolved
//! only when an error actually happens. Lone surrogates are read and
//! written through `adder_text::surrogate`.

use adder_object::Value;
use adder_text::surrogate::{self, to_code_point, to_internal};
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
            Handler::SurrogateEscape => match escape_bytes(&data[start..end]) {
                Some((text, n)) => {
                    out.push_str(&text);
                    Ok(start + n)
                }
                None => Err(decode_exc(vm, self.encoding, data, start, end, reason)),
            },
            Handler::SurrogatePass => match pass_decode(self.encoding, data, start) {
                Some((c, n)) => {
                    out.push(c);
                    Ok(start + n)
                }
                None => Err(decode_exc(vm, self.encoding, data, start, end, reason)),
            },
            Handler::XmlCharRefReplace | Handler::NameReplace => {
                let e = decode_exc(vm, self.encoding, data, start, end, reason);
                Err(vm.type_error(format!(
                    "don't know how to handle {} in error callback",
                    vm.type_name(&e)
                )))
            }
            Handler::Custom(f) => {
                let e = decode_exc(vm, self.encoding, data, start, end, reason);
                let obj = vm.getattr_str(&e, "object")?;
                let r = vm.call(&f, vec![e.clone()])?;
                check_object_kept(vm, &e, &obj)?;
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

/// `surrogateescape` while decoding (CPython's generic handler): the
/// leading non-ASCII bytes of `run` (at most four) as U+DC80..U+DCFF, and
/// how many were taken; `None` when the first byte is ASCII.
fn escape_bytes(run: &[u8]) -> Option<(String, usize)> {
    let n = run.iter().take(4).take_while(|&&b| b >= 128).count();
    if n == 0 {
        return None;
    }
    let text = run[..n]
        .iter()
        .map(|&b| to_internal(0xdc00 + b as u32).unwrap_or('\u{fffd}'))
        .collect();
    Some((text, n))
}

/// The UTF flavours `surrogatepass` knows (CPython's
/// `get_standard_encoding`): UTF-8, or UTF-16/32 with a byte order.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Standard {
    Utf8,
    Utf16 { be: bool },
    Utf32 { be: bool },
}

impl Standard {
    fn unit_len(self) -> usize {
        match self {
            Standard::Utf8 => 3,
            Standard::Utf16 { .. } => 2,
            Standard::Utf32 { .. } => 4,
        }
    }
}

fn standard_encoding(name: &str) -> Option<Standard> {
    if name == "CP_UTF8" {
        return Some(Standard::Utf8);
    }
    let lower = name.to_ascii_lowercase();
    let rest = lower.strip_prefix("utf")?;
    let rest = rest
        .strip_prefix('-')
        .or_else(|| rest.strip_prefix('_'))
        .unwrap_or(rest);
    if rest == "8" {
        return Some(Standard::Utf8);
    }
    let (bits, order) = if let Some(o) = rest.strip_prefix("16") {
        (16, o)
    } else if let Some(o) = rest.strip_prefix("32") {
        (32, o)
    } else {
        return None;
    };
    let order = order
        .strip_prefix('-')
        .or_else(|| order.strip_prefix('_'))
        .unwrap_or(order);
    // Without a suffix: the machine's order (little endian here).
    let be = match order {
        "" | "le" => false,
        "be" => true,
        _ => return None,
    };
    Some(if bits == 16 {
        Standard::Utf16 { be }
    } else {
        Standard::Utf32 { be }
    })
}

/// `surrogatepass` while decoding: the surrogate encoded at `data[start..]`
/// and its length in bytes.
fn pass_decode(encoding: &str, data: &[u8], start: usize) -> Option<(char, usize)> {
    let std_enc = standard_encoding(encoding)?;
    let n = std_enc.unit_len();
    let w = data.get(start..start + n)?;
    let cp = match std_enc {
        Standard::Utf8 => surrogate::utf8_surrogate_at(w, 0)?,
        Standard::Utf16 { be } => {
            let u = [w[0], w[1]];
            u32::from(if be {
                u16::from_be_bytes(u)
            } else {
                u16::from_le_bytes(u)
            })
        }
        Standard::Utf32 { be } => {
            let u = [w[0], w[1], w[2], w[3]];
            if be {
                u32::from_be_bytes(u)
            } else {
                u32::from_le_bytes(u)
            }
        }
    };
    if !surrogate::is_surrogate(cp) {
        return None;
    }
    Some((to_internal(cp)?, n))
}

/// `surrogatepass` while encoding: the bytes of `run`, which must be all
/// surrogates.
fn pass_encode(encoding: &str, run: &[char]) -> Option<Vec<u8>> {
    let std_enc = standard_encoding(encoding)?;
    let mut out = Vec::with_capacity(run.len() * std_enc.unit_len());
    for &c in run {
        if !surrogate::is_surrogate_char(c) {
            return None;
        }
        let cp = to_code_point(c);
        match std_enc {
            Standard::Utf8 => out.extend_from_slice(&surrogate::utf8_surrogate_bytes(cp)),
            Standard::Utf16 { be } => {
                let u = cp as u16;
                out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            Standard::Utf32 { be } => {
                out.extend_from_slice(&if be {
                    cp.to_be_bytes()
                } else {
                    cp.to_le_bytes()
                });
            }
        }
    }
    Some(out)
}

/// `surrogateescape` while encoding: the bytes of `run`, which must be all
/// U+DC80..U+DCFF; otherwise the index of the first that is not.
fn escape_encode(run: &[char]) -> Result<Vec<u8>, usize> {
    run.iter()
        .enumerate()
        .map(|(k, &c)| {
            let cp = to_code_point(c);
            if (0xdc80..=0xdcff).contains(&cp) {
                Ok((cp - 0xdc00) as u8)
            } else {
                Err(k)
            }
        })
        .collect()
}

/// CPython lets a handler replace `exc.object` and goes on with the new
/// input; Adder's codecs keep reading the original, so that is refused
/// (rather than looping on input the handler meant to change).
fn check_object_kept(vm: &mut Vm, e: &Value, before: &Value) -> PyResult<()> {
    let now = vm.getattr_str(e, "object")?;
    if now.is(before) {
        return Ok(());
    }
    Err(vm.not_implemented_error(
        "codec error handlers that replace the exception's object are not supported",
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
    /// CPython's UTF-8, Latin-1 and ASCII encoders apply `surrogateescape`
    /// themselves: a failure is reported from the first character that
    /// cannot be escaped, not from the start of the run.
    pub escape_in_place: bool,
}

impl<'a> EncodeCtx<'a> {
    pub fn new(encoding: &'a str, errors: &'a str, chars: &'a [char]) -> EncodeCtx<'a> {
        EncodeCtx {
            encoding,
            errors,
            chars,
            handler: None,
            escape_in_place: false,
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
            Handler::Strict => return Err(self.raise(vm, start, end, reason)),
            Handler::SurrogateEscape => match escape_encode(run) {
                Ok(b) => (Replacement::Bytes(b), end),
                Err(k) => {
                    let from = if self.escape_in_place {
                        start + k
                    } else {
                        start
                    };
                    return Err(self.raise(vm, from, end, reason));
                }
            },
            Handler::SurrogatePass => match pass_encode(self.encoding, run) {
                Some(b) => (Replacement::Bytes(b), end),
                None => return Err(self.raise(vm, start, end, reason)),
            },
            Handler::Ignore => (Replacement::Bytes(Vec::new()), end),
            Handler::Replace => (Replacement::Text("?".repeat(run.len())), end),
            Handler::BackslashReplace => {
                let s: String = run.iter().map(|&c| backslash_escape(c)).collect();
                (Replacement::Text(s), end)
            }
            Handler::XmlCharRefReplace => {
                let s: String = run
                    .iter()
                    .map(|&c| format!("&#{};", to_code_point(c)))
                    .collect();
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
                let obj = vm.getattr_str(&e, "object")?;
                let r = vm.call(&f, vec![e.clone()])?;
                check_object_kept(vm, &e, &obj)?;
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
    surrogate::backslash_escape(to_code_point(c))
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

/// `(start, end)` of a Unicode error as CPython's getters give them: the
/// object must have the right type (str, or bytes when decoding), start is
/// clamped to `[0, len - 1]` and end to `[1, len]`.
fn exc_range(vm: &mut Vm, e: &Value) -> PyResult<(i64, i64)> {
    let s = vm.getattr_str(e, "start")?;
    let s = crate::args::index_i64(vm, &s)?;
    let en = vm.getattr_str(e, "end")?;
    let en = crate::args::index_i64(vm, &en)?;
    let o = vm.getattr_str(e, "object")?;
    let size = match exc_kind(vm, e) {
        None => return Ok((s, en)),
        Some(ExcKind::Decode) => match crate::args::bytes_like(&o) {
            Some(b) => b.len(),
            None => return Err(vm.type_error("object attribute must be bytes")),
        },
        Some(_) => match o.downcast::<Str>() {
            Some(t) => t.char_len(),
            None => return Err(vm.type_error("object attribute must be unicode")),
        },
    } as i64;
    let start = if s < 0 {
        0
    } else if s >= size {
        size - 1
    } else {
        s
    };
    let end = if en < 1 {
        1
    } else if en > size {
        size
    } else {
        en
    };
    Ok((start, end))
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
        .map(|&c| format!("&#{};", to_code_point(c)))
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
            let st = s.clamp(0, b.len() as i64) as usize;
            let en = end.clamp(st as i64, b.len() as i64) as usize;
            match escape_bytes(&b[st..en]) {
                Some((text, n)) => result(vm, text, (st + n) as i64),
                None => Err(e),
            }
        }
        Some(ExcKind::Encode) => {
            let (s, end) = exc_range(vm, &e)?;
            let chars = exc_chars(vm, &e)?;
            match escape_encode(run_of(&chars, s, end)) {
                Ok(b) => {
                    let b = vm.new_bytes(b);
                    let n = vm.new_int(end);
                    Ok(vm.new_tuple(vec![b, n]))
                }
                Err(_) => Err(e),
            }
        }
        _ => Err(wrong_exc(vm, &e)),
    }
}

/// The `encoding` attribute of a Unicode error.
fn exc_encoding(vm: &mut Vm, e: &Value) -> PyResult<String> {
    let v = vm.getattr_str(e, "encoding")?;
    match v.downcast::<Str>() {
        Some(s) => Ok(s.as_str().to_string()),
        None => Err(vm.type_error("encoding attribute must be unicode")),
    }
}

pub fn surrogatepass_errors(vm: &mut Vm, args: adder_vm::Args) -> PyResult {
    let e = exc_arg(vm, &args, "surrogatepass")?;
    match exc_kind(vm, &e) {
        Some(ExcKind::Decode) => {
            let (s, _) = exc_range(vm, &e)?;
            let enc = exc_encoding(vm, &e)?;
            let o = vm.getattr_str(&e, "object")?;
            let b = crate::args::bytes_like(&o).unwrap_or_default();
            let Ok(st) = usize::try_from(s) else {
                return Err(e);
            };
            match pass_decode(&enc, &b, st) {
                Some((c, n)) => result(vm, c.to_string(), (st + n) as i64),
                None => Err(e),
            }
        }
        Some(ExcKind::Encode) => {
            let (s, end) = exc_range(vm, &e)?;
            let enc = exc_encoding(vm, &e)?;
            let chars = exc_chars(vm, &e)?;
            match pass_encode(&enc, run_of(&chars, s, end)) {
                Some(b) => {
                    let b = vm.new_bytes(b);
                    let n = vm.new_int(end);
                    Ok(vm.new_tuple(vec![b, n]))
                }
                None => Err(e),
            }
        }
        _ => Err(wrong_exc(vm, &e)),
    }
}
