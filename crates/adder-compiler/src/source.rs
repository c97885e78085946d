//! Source text: decoding bytes to text (PEP 263), the line index, and the
//! pre-parse scan that bounds nesting before ruff's recursive parser runs.
//!
//! Invariant: a `Source` maps every byte offset of its text to a 1-based line
//! and a column (0-based UTF-8 bytes for code locations, 1-based characters
//! for error offsets) in O(log lines); the pre-scan rejects bracket nesting
//! deeper than 200 and indentation deeper than 99 levels with CPython's
//! messages, so no later stage sees such input.

use crate::errors::{CompileError, ErrorKind};

pub(crate) struct Source<'s> {
    pub text: &'s str,
    pub filename: &'s str,
    /// Byte offset of the start of each line.
    line_starts: Vec<u32>,
}

impl<'s> Source<'s> {
    pub fn new(text: &'s str, filename: &'s str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 32 + 1);
        line_starts.push(0);
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' => {
                    if b.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        Source {
            text,
            filename,
            line_starts,
        }
    }

    /// 0-based line index of a byte offset.
    fn line_index(&self, offset: u32) -> usize {
        self.line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// (1-based line, 0-based byte column).
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let offset = offset.min(self.text.len() as u32);
        let li = self.line_index(offset);
        (li as u32 + 1, offset - self.line_starts[li])
    }

    /// The text of 1-based line `line` without its line terminator.
    /// The byte offset where 1-based `line` starts.
    pub fn offset_of_line(&self, line: u32) -> Option<u32> {
        let li = (line as usize).checked_sub(1)?;
        self.line_starts.get(li).copied()
    }

    pub fn line_text(&self, line: u32) -> Option<&'s str> {
        let li = (line as usize).checked_sub(1)?;
        let start = *self.line_starts.get(li)? as usize;
        let end = self
            .line_starts
            .get(li + 1)
            .map_or(self.text.len(), |&e| e as usize);
        let s = self.text.get(start..end)?;
        Some(s.trim_end_matches(['\n', '\r']))
    }

    /// (1-based line, 1-based character column) of a byte offset.
    pub fn line_charcol(&self, offset: u32) -> (u32, u32) {
        let offset = offset.min(self.text.len() as u32);
        let li = self.line_index(offset);
        let start = self.line_starts[li] as usize;
        let mut end = offset as usize;
        while end > start && !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let col = self.text[start..end].chars().count() as u32;
        (li as u32 + 1, col + 1)
    }

    /// A `CompileError` whose location spans the byte range `start..end`.
    pub fn error(
        &self,
        kind: ErrorKind,
        msg: impl Into<String>,
        start: u32,
        end: u32,
    ) -> CompileError {
        let (lineno, offset) = self.line_charcol(start);
        let (end_lineno, end_offset) = self.line_charcol(end.max(start));
        CompileError {
            kind,
            msg: msg.into(),
            lineno,
            offset,
            end_lineno,
            end_offset,
            text: self.line_text(lineno).map(|t| format!("{t}\n")),
            filename: self.filename.to_string(),
            recursion: false,
        }
    }

    /// An error at 1-based `line`, 1-based character `col`.
    pub fn error_at_line(
        &self,
        kind: ErrorKind,
        msg: impl Into<String>,
        line: u32,
        col: u32,
    ) -> CompileError {
        CompileError {
            kind,
            msg: msg.into(),
            lineno: line,
            offset: col,
            end_lineno: line,
            end_offset: col,
            text: self.line_text(line).map(|t| format!("{t}\n")),
            filename: self.filename.to_string(),
            recursion: false,
        }
    }
}

const MAX_PAREN_LEVEL: usize = 200;
const MAX_INDENT: usize = 100;

/// Scans the text like CPython's tokenizer does for nesting limits (brackets,
/// indentation, tab consistency) without building tokens.
pub(crate) fn prescan(src: &Source) -> Result<(), CompileError> {
    let b = src.text.as_bytes();
    let mut i = 0;
    let mut level = 0usize;
    // Indentation stacks: columns with tabs to 8 and with tabs as 1.
    let mut indents: Vec<(usize, usize)> = vec![(0, 0)];
    let mut at_line_start = true;
    let mut continuation = false;
    while i < b.len() {
        if at_line_start {
            at_line_start = false;
            let (mut col, mut alt) = (0usize, 0usize);
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b' ' => {
                        col += 1;
                        alt += 1;
                    }
                    b'\t' => {
                        col = (col / 8 + 1) * 8;
                        alt += 1;
                    }
                    b'\x0c' => {
                        col = 0;
                        alt = 0;
                    }
                    _ => break,
                }
                j += 1;
            }
            let blank = j >= b.len() || matches!(b[j], b'#' | b'\n' | b'\r' | b'\\');
            if level == 0 && !continuation && !blank {
                let &(top, top_alt) = indents.last().unwrap_or(&(0, 0));
                if col > top {
                    if alt <= top_alt {
                        return Err(tab_error(src, i));
                    }
                    if indents.len() >= MAX_INDENT {
                        let (line, _) = src.line_col(i as u32);
                        return Err(src.error_at_line(
                            ErrorKind::IndentationError,
                            "too many levels of indentation",
                            line,
                            1,
                        ));
                    }
                    indents.push((col, alt));
                } else if col < top {
                    while indents.len() > 1 && col < indents.last().map_or(0, |t| t.0) {
                        indents.pop();
                    }
                    let &(t, ta) = indents.last().unwrap_or(&(0, 0));
                    if col == t && alt != ta {
                        return Err(tab_error(src, i));
                    }
                } else if alt != top_alt {
                    return Err(tab_error(src, i));
                }
            }
            continuation = false;
            i = j;
            continue;
        }
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
                continue;
            }
            b'\n' | b'\r' => {
                if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                i += 1;
                at_line_start = true;
                continue;
            }
            b'\\' => {
                if matches!(b.get(i + 1), Some(b'\n' | b'\r')) {
                    continuation = true;
                    i += 1;
                    if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    i += 1;
                    at_line_start = true;
                    continue;
                }
            }
            b'(' | b'[' | b'{' => {
                if level >= MAX_PAREN_LEVEL {
                    return Err(src.error(
                        ErrorKind::SyntaxError,
                        "too many nested parentheses",
                        i as u32,
                        i as u32 + 1,
                    ));
                }
                level += 1;
            }
            b')' | b']' | b'}' => level = level.saturating_sub(1),
            b'\'' | b'"' => {
                i = skip_string(b, i);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

fn tab_error(src: &Source, at: usize) -> CompileError {
    let (line, _) = src.line_col(at as u32);
    src.error_at_line(
        ErrorKind::TabError,
        "inconsistent use of tabs and spaces in indentation",
        line,
        1,
    )
}

/// Skips a string literal starting at the quote `b[i]`; returns the index after it
/// (or the end of the line for an unterminated single-quoted string).
fn skip_string(b: &[u8], mut i: usize) -> usize {
    let q = b[i];
    let triple = b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q);
    if triple {
        i += 3;
        while i < b.len() {
            if b[i] == b'\\' {
                i += 2;
                continue;
            }
            if b[i] == q && b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q) {
                return i + 3;
            }
            i += 1;
        }
        b.len()
    } else {
        i += 1;
        while i < b.len() {
            match b[i] {
                b'\\' => {
                    if b.get(i + 1) == Some(&b'\r') && b.get(i + 2) == Some(&b'\n') {
                        i += 1;
                    }
                    i += 2;
                    continue;
                }
                b'\n' | b'\r' => return i,
                x if x == q => return i + 1,
                _ => {}
            }
            i += 1;
        }
        b.len()
    }
}

/// Decodes a source file: a UTF-8 BOM, or a PEP 263 coding cookie on one of the
/// first two lines (utf-8, latin-1/iso-8859-1 and aliases, ascii).
pub fn decode_source(bytes: &[u8], filename: &str) -> Result<String, CompileError> {
    let err = |msg: String, line: u32| CompileError {
        kind: ErrorKind::SyntaxError,
        msg,
        lineno: line,
        offset: 0,
        end_lineno: line,
        end_offset: 0,
        text: None,
        filename: filename.to_string(),
        recursion: false,
    };
    let (bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let cookie = find_cookie(body);
    let encoding = match cookie {
        None => Encoding::Utf8,
        Some(ref name) => match normalize_encoding(name) {
            Some(e) => e,
            None => return Err(err(format!("encoding problem: {name}"), 0)),
        },
    };
    if bom && encoding != Encoding::Utf8 {
        let name = cookie.unwrap_or_default();
        return Err(err(format!("encoding problem: {name} with BOM"), 0));
    }
    match encoding {
        Encoding::Utf8 => match std::str::from_utf8(body) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => {
                let pos = e.valid_up_to();
                let line = body[..pos].iter().filter(|&&c| c == b'\n').count() as u32 + 1;
                if cookie.is_some() {
                    Err(err(format!("(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {pos}: invalid start byte", body[pos]), line))
                } else {
                    Err(err(
                        format!(
                            "Non-UTF-8 code starting with '\\x{:02x}' in file {filename} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                            body[pos]
                        ),
                        line,
                    ))
                }
            }
        },
        Encoding::Latin1 => Ok(body.iter().map(|&c| c as char).collect()),
        Encoding::Ascii => {
            if body.is_ascii() {
                Ok(String::from_utf8_lossy(body).into_owned())
            } else {
                Err(err(
                    format!("encoding problem: {}", cookie.unwrap_or_default()),
                    0,
                ))
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Latin1,
    Ascii,
}

fn normalize_encoding(name: &str) -> Option<Encoding> {
    let n: String = name
        .chars()
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    let starts = |p: &str| n == p || n.starts_with(&format!("{p}-"));
    if starts("utf-8") || n == "utf8" {
        Some(Encoding::Utf8)
    } else if starts("latin-1")
        || starts("iso-8859-1")
        || starts("iso-latin-1")
        || n == "latin1"
        || n == "l1"
        || n == "iso8859-1"
        || n == "8859"
        || n == "cp819"
        || n == "latin"
    {
        Some(Encoding::Latin1)
    } else if n == "ascii" || n == "us-ascii" || n == "646" {
        Some(Encoding::Ascii)
    } else {
        None
    }
}

/// The encoding a PEP 263 coding cookie names (after a UTF-8 BOM, if any),
/// for callers that can decode encodings `decode_source` does not know.
pub fn coding_cookie(bytes: &[u8]) -> Option<String> {
    find_cookie(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes))
}

/// The encoding named by a coding cookie on the first or second line.
fn find_cookie(b: &[u8]) -> Option<String> {
    let mut lines = b.split(|&c| c == b'\n');
    let first = lines.next()?;
    if let Some(c) = cookie_in_line(first) {
        return Some(c);
    }
    // The second line counts only if the first is blank or a comment.
    let t: Vec<u8> = first
        .iter()
        .copied()
        .skip_while(|c| matches!(c, b' ' | b'\t' | b'\x0c' | b'\r'))
        .collect();
    if !(t.is_empty() || t[0] == b'#') {
        return None;
    }
    cookie_in_line(lines.next()?)
}

fn cookie_in_line(line: &[u8]) -> Option<String> {
    let mut i = 0;
    while i < line.len() && matches!(line[i], b' ' | b'\t' | b'\x0c') {
        i += 1;
    }
    if line.get(i) != Some(&b'#') {
        return None;
    }
    let rest = &line[i..];
    let pos = rest.windows(6).position(|w| w == b"coding")?;
    let after = &rest[pos + 6..];
    if !matches!(after.first(), Some(b':' | b'=')) {
        return cookie_in_line_from(&rest[pos + 6..]);
    }
    let mut j = 1;
    while j < after.len() && matches!(after[j], b' ' | b'\t') {
        j += 1;
    }
    let start = j;
    while j < after.len()
        && (after[j].is_ascii_alphanumeric() || matches!(after[j], b'-' | b'_' | b'.'))
    {
        j += 1;
    }
    if j == start {
        return None;
    }
    Some(String::from_utf8_lossy(&after[start..j]).into_owned())
}

/// Continues the cookie search after a `coding` not followed by `:`/`=`.
fn cookie_in_line_from(rest: &[u8]) -> Option<String> {
    let pos = rest.windows(6).position(|w| w == b"coding")?;
    let mut line = vec![b'#'];
    line.extend_from_slice(&rest[pos..]);
    cookie_in_line(&line)
}
