//! Compile-time warnings: what CPython 3.11's parser and compiler warn
//! about while they work — `DeprecationWarning` for invalid escape
//! sequences in string and bytes literals, `SyntaxWarning` for code that is
//! legal but almost surely wrong (an assert on a tuple, `is` with a
//! literal, a call or subscript where a comma is missing).
//!
//! Invariant: a warning carries the `SyntaxError` that replaces it when the
//! warnings filters turn it into an error (same message, the location of
//! the offending token or node), so the caller can issue it through the
//! `warnings` machinery and still report errors exactly as CPython does.
//! The compiler itself never prints or filters warnings.

use ruff_python_ast::str_prefix::AnyStringPrefix;
use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_python_ast::StringFlags;
use ruff_text_size::{Ranged, TextSize};

use crate::errors::{CompileError, ErrorKind};
use crate::source::Source;

/// The warning class a compile warning is issued as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarningCategory {
    DeprecationWarning,
    SyntaxWarning,
}

/// One warning: its class, and (as a SyntaxError) its message and location.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileWarning {
    pub category: WarningCategory,
    pub error: CompileError,
}

/// Invalid escape sequences, one warning per string token (for its first
/// invalid escape), as CPython's tokenizer-level string decoding reports them.
pub(crate) fn escape_warnings(src: &Source, tokens: &Tokens) -> Vec<CompileWarning> {
    let text = src.text;
    let mut out = Vec::new();
    // The f-strings being lexed (innermost last): their start and the
    // messages for their literal pieces. CPython 3.11 sees an f-string as
    // one token: each piece's first invalid escape is reported at the whole
    // f-string.
    let mut fstrings: Vec<(TextSize, Vec<String>)> = Vec::new();
    for &tok in tokens.iter() {
        let range = tok.range();
        let (start, end) = (range.start().to_usize(), range.end().to_usize());
        match tok.kind() {
            TokenKind::FStringStart => fstrings.push((range.start(), Vec::new())),
            TokenKind::FStringEnd => {
                if let Some((at, msgs)) = fstrings.pop() {
                    for msg in msgs {
                        out.push(warning(src, msg, at, range.end()));
                    }
                }
            }
            TokenKind::String | TokenKind::FStringMiddle => {
                let Some(flags) = tok.string_flags() else {
                    continue;
                };
                if flags.prefix().is_raw() || flags.is_unclosed() {
                    continue;
                }
                let is_bytes = matches!(flags.prefix(), AnyStringPrefix::Bytes(_));
                if tok.kind() == TokenKind::String {
                    let open = (flags.prefix().text_len() + flags.quote_len()).to_usize();
                    let close = flags.quote_len().to_usize();
                    let content = text.get(start + open..end.saturating_sub(close));
                    if let Some(msg) = content.and_then(|c| first_invalid_escape(c, is_bytes)) {
                        out.push(warning(src, msg, range.start(), range.end()));
                    }
                    continue;
                }
                // A backslash ending the piece escapes the `{` that follows
                // it (`f'\{x}'`): look one character further.
                let more = text[end..].chars().next().map_or(0, char::len_utf8);
                let msg = text
                    .get(start..end + more)
                    .and_then(|c| first_invalid_escape(c, is_bytes));
                if let (Some(msg), Some((_, pending))) = (msg, fstrings.last_mut()) {
                    pending.push(msg);
                }
            }
            _ => {}
        }
    }
    out
}

fn warning(src: &Source, msg: String, start: TextSize, end: TextSize) -> CompileWarning {
    CompileWarning {
        category: WarningCategory::DeprecationWarning,
        error: src.error(ErrorKind::SyntaxError, msg, start.to_u32(), end.to_u32()),
    }
}

/// The message for the first invalid escape of a literal's content, if any.
/// `\` followed by a non-ASCII character is kept as is without a warning.
fn first_invalid_escape(content: &str, is_bytes: bool) -> Option<String> {
    let b = content.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        let &c = b.get(i + 1)?;
        match c {
            b'\n' | b'\r' | b'\\' | b'\'' | b'"' | b'a' | b'b' | b'f' | b'n' | b'r' | b't'
            | b'v' | b'x' => i += 2,
            b'N' | b'u' | b'U' if !is_bytes => i += 2,
            b'0'..=b'7' => {
                let digits = b[i + 1..]
                    .iter()
                    .take(3)
                    .take_while(|d| (b'0'..=b'7').contains(d))
                    .count();
                let oct = &content[i + 1..i + 1 + digits];
                if digits == 3 && c >= b'4' {
                    return Some(format!("invalid octal escape sequence '\\{oct}'"));
                }
                i += 1 + digits;
            }
            c if c.is_ascii() => {
                return Some(format!("invalid escape sequence '\\{}'", c as char));
            }
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::first_invalid_escape;

    #[test]
    fn escapes() {
        assert_eq!(first_invalid_escape(r"a\nb", false), None);
        assert_eq!(
            first_invalid_escape(r"\d", false).as_deref(),
            Some(r"invalid escape sequence '\d'")
        );
        assert_eq!(
            first_invalid_escape(r"\407", false).as_deref(),
            Some(r"invalid octal escape sequence '\407'")
        );
        assert_eq!(first_invalid_escape(r"\377\N{DASH}", false), None);
        assert_eq!(
            first_invalid_escape(r"\N", true).as_deref(),
            Some(r"invalid escape sequence '\N'")
        );
        assert_eq!(first_invalid_escape("\\\u{e9}", false), None);
    }
}
