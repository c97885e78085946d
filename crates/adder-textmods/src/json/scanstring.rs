//! Reading a JSON string literal (`scanstring`), and `Source`, the
//! document being scanned (CPython 3.11: `scanstring_unicode` in
//! Modules/_json.c).
//!
//! Invariant: scanning works on the UTF-8 bytes of the document, with byte
//! offsets; every position that leaves this module (a returned end index,
//! an error's `pos`, a StopIteration value) is converted to a character
//! index first. This is exact because everything JSON's grammar looks at
//! is ASCII, and an ASCII byte never occurs inside a multi-byte character:
//! each test CPython makes on characters gives the same answer on bytes.

use adder_object::Value;
use adder_text::surrogate::to_internal;
use adder_vm::{Args, PyResult, Vm};
use num_bigint::BigInt;

use super::{check_tuple_args, decode_error, ssize, str_arg};

/// The document: the Python string (for errors), its bytes, and what is
/// needed to turn byte offsets into character indices.
pub struct Source<'a> {
    pub doc: &'a Value,
    pub text: &'a [u8],
    ascii: bool,
    /// A byte offset whose character index is known (where scanning began).
    base_byte: usize,
    base_char: usize,
}

fn count_chars(b: &[u8]) -> usize {
    b.iter().filter(|&&x| (x & 0xC0) != 0x80).count()
}

impl<'a> Source<'a> {
    /// `doc` must be a str; `start` is a character index `<= len(doc)`.
    /// Returns the source and the byte offset of `start`.
    pub fn new(doc: &'a Value, start: usize) -> Option<(Source<'a>, usize)> {
        let s = doc.downcast::<adder_vm::objects::string::Str>()?;
        let ascii = s.is_ascii();
        let base_byte = s.byte_offset(start.min(s.char_len()));
        let src = Source {
            doc,
            text: s.as_str().as_bytes(),
            ascii,
            base_byte,
            base_char: start,
        };
        Some((src, base_byte))
    }

    /// The character index of byte offset `b` (a character boundary).
    pub fn char_index(&self, b: usize) -> usize {
        if self.ascii {
            b
        } else if b >= self.base_byte {
            self.base_char + count_chars(&self.text[self.base_byte..b.min(self.text.len())])
        } else {
            count_chars(&self.text[..b])
        }
    }

    /// A JSONDecodeError at byte offset `b`.
    pub fn error(&self, vm: &mut Vm, msg: &str, b: usize) -> Value {
        let pos = self.char_index(b) as i64;
        decode_error(vm, msg, self.doc, pos)
    }

    /// `StopIteration(idx)` for byte offset `b`.
    pub fn stop(&self, vm: &mut Vm, b: usize) -> Value {
        let idx = vm.new_int(self.char_index(b) as i64);
        vm.stop_iteration(idx)
    }

    /// The text between two byte offsets (both character boundaries).
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        std::str::from_utf8(&self.text[a..b]).unwrap_or("")
    }

    /// The byte offset of the first non-whitespace byte at or after `i`.
    pub fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.text.len() && matches!(self.text[i], b' ' | b'\t' | b'\n' | b'\r') {
            i += 1;
        }
        i
    }
}

/// Four hex digits at byte offset `i` (the caller checked they exist).
fn hex4(text: &[u8], i: usize) -> Option<u32> {
    let mut v = 0u32;
    for &d in &text[i..i + 4] {
        v = (v << 4) | (d as char).to_digit(16)?;
    }
    Some(v)
}

/// Reads the string whose opening quote is just before byte offset `end`.
/// Returns the decoded string and the byte offset after the closing quote.
pub fn scan(vm: &mut Vm, src: &Source, mut end: usize, strict: bool) -> PyResult<(Value, usize)> {
    let text = src.text;
    let len = text.len();
    // The error position of an unterminated string is that of its quote,
    // which is -1 when `scanstring` is called with end=0.
    let unterminated = |vm: &mut Vm, end: usize| {
        let pos = src.char_index(end) as i64 - 1;
        decode_error(vm, "Unterminated string starting at", src.doc, pos)
    };
    let begin = end;
    let mut out: Option<String> = None;
    loop {
        let mut next = end;
        while next < len {
            let d = text[next];
            if d == b'"' || d == b'\\' {
                break;
            }
            if d <= 0x1f && strict {
                return Err(src.error(vm, "Invalid control character at", next));
            }
            next += 1;
        }
        if next == len {
            return Err(unterminated(vm, begin));
        }
        let c = text[next];
        if c == b'"' && out.is_none() {
            return Ok((vm.new_str(src.slice(end, next)), next + 1));
        }
        let buf = out.get_or_insert_with(String::new);
        buf.push_str(src.slice(end, next));
        next += 1;
        if c == b'"' {
            end = next;
            break;
        }
        if next == len {
            return Err(unterminated(vm, begin));
        }
        let e = text[next];
        if e != b'u' {
            end = next + 1;
            let ch = match e {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                _ => return Err(src.error(vm, "Invalid \\escape", end - 2)),
            };
            buf.push(ch);
            continue;
        }
        // `next` is at the `u`.
        let u = next;
        end = u + 5;
        if end >= len {
            return Err(src.error(vm, "Invalid \\uXXXX escape", u));
        }
        let Some(mut cp) = hex4(text, u + 1) else {
            return Err(src.error(vm, "Invalid \\uXXXX escape", u));
        };
        if (0xd800..=0xdbff).contains(&cp)
            && end + 6 < len
            && text[end] == b'\\'
            && text[end + 1] == b'u'
        {
            let Some(low) = hex4(text, end + 2) else {
                return Err(src.error(vm, "Invalid \\uXXXX escape", end + 1));
            };
            if (0xdc00..=0xdfff).contains(&low) {
                cp = 0x10000 + (((cp - 0xd800) << 10) | (low - 0xdc00));
                end += 6;
            }
        }
        buf.push(to_internal(cp).unwrap_or('\u{fffd}'));
    }
    let s = out.unwrap_or_default();
    Ok((vm.new_string(s), end))
}

/// `scanstring(string, end, strict=True) -> (string, end)`.
pub fn py_scanstring(vm: &mut Vm, args: Args) -> PyResult {
    check_tuple_args(vm, "scanstring", &args, 2, 3)?;
    let doc = args.pos[0].clone();
    let end = ssize(vm, &args.pos[1])?;
    // The `i` format unit: `__index__`, then a C int.
    let strict = match args.pos.get(2) {
        Some(v) => {
            let i = vm.index(v)?;
            if i > BigInt::from(i32::MAX) {
                return Err(vm.overflow_error("signed integer is greater than maximum"));
            }
            if i < BigInt::from(i32::MIN) {
                return Err(vm.overflow_error("signed integer is less than minimum"));
            }
            i != BigInt::from(0)
        }
        None => true,
    };
    let s = str_arg(vm, &doc)?;
    if end < 0 || end as usize > s.char_len() {
        return Err(vm.value_error("end is out of bounds"));
    }
    let Some((src, start)) = Source::new(&doc, end as usize) else {
        return Err(vm.system_error("scanstring lost its string"));
    };
    let (v, next) = scan(vm, &src, start, strict)?;
    let next = vm.new_int(src.char_index(next) as i64);
    Ok(vm.new_tuple(vec![v, next]))
}
