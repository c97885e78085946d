//! String literals as CPython 3.11 tokenizes and checks them, for its
//! error messages: an f-string is one token whose replacement fields are
//! scanned by hand ("f-string: expecting '}'", "f-string: single '}' is not
//! allowed", "f-string expression part cannot include a backslash", ...)
//! and whose expressions are parsed on their own, wrapped in parentheses,
//! with errors prefixed "f-string: "; a `\N` escape must name a character
//! in braces; bytes and non-bytes literals cannot be concatenated.
//!
//! ruff's lexer follows Python 3.12 (nested f-strings), so its errors for
//! 3.11-invalid f-strings are different, and it accepts some that 3.11
//! rejects. Invariant: this pass only reports errors (the first in source
//! order); it never changes what valid source means, and it gives up
//! silently on text it cannot tokenize (ruff then reports the error).

use crate::errors::{CompileError, ErrorKind};
use crate::source::Source;

/// One string literal token: its byte range, prefix flags and body range.
struct StrTok {
    start: usize,
    end: usize,
    body: (usize, usize),
    raw: bool,
    bytes: bool,
    fstring: bool,
    /// Bracket nesting depth where the token stands.
    depth: u32,
}

/// The first 3.11 string-literal error of `src`, located at its token,
/// with the token's start offset. `after_failure` (the whole parse failed)
/// adds the checks that need a broken parse to be meaningful: f-string
/// expressions parsed on their own, bytes mixed with non-bytes.
pub(crate) fn check_strings(src: &Source, after_failure: bool) -> Option<(u32, CompileError)> {
    let parse_exprs = after_failure;
    let (toks, unterminated) = string_tokens(src.text.as_bytes());
    let mut prev: Option<&StrTok> = None;
    for t in &toks {
        let err =
            |msg: String| src.error(ErrorKind::SyntaxError, msg, t.start as u32, t.end as u32);
        // Adjacent literals (only blanks between) are one concatenation.
        if let Some(p) = prev {
            let between = &src.text[p.end..t.start];
            // A newline joins literals only inside brackets or after `\`.
            let joined = between.trim().is_empty()
                && (t.depth > 0
                    || between
                        .split('\n')
                        .rev()
                        .skip(1)
                        .all(|l| l.trim_end_matches('\r').ends_with('\\')));
            if after_failure && p.bytes != t.bytes && joined {
                let e = src.error(
                    ErrorKind::SyntaxError,
                    "cannot mix bytes and nonbytes literals",
                    p.start as u32,
                    t.end as u32,
                );
                return Some((p.start as u32, e));
            }
        }
        prev = Some(t);
        let body = &src.text[t.body.0..t.body.1];
        if t.fstring {
            let mut sc = FScan {
                b: body.as_bytes(),
                pos: 0,
                raw: t.raw,
                exprs: Vec::new(),
            };
            if let Err(msg) = sc.parse(0) {
                return Some((t.start as u32, err(msg)));
            }
            if parse_exprs {
                for (a, b) in sc.exprs {
                    if let Some(e) = parse_expr(src, t.body.0 + a, t.body.0 + b) {
                        return Some((t.start as u32, e));
                    }
                }
            }
        } else if !t.raw && !t.bytes {
            if let Some(msg) = malformed_named_escape(body) {
                return Some((t.start as u32, err(msg)));
            }
        }
    }
    let triple = |at: usize| {
        let rest = src.text[at..].trim_start_matches(|c: char| c.is_ascii_alphabetic());
        rest.starts_with("\"\"\"") || rest.starts_with("'''")
    };
    if let (Some(at), true) = (unterminated.filter(|&at| !triple(at)), after_failure) {
        // Only a single-quoted string stops the scan short of the end
        // without a closing quote when a newline (or the end) comes first.
        let (line, _) = src.line_col(at as u32);
        let e = src.error(
            ErrorKind::SyntaxError,
            format!("unterminated string literal (detected at line {line})"),
            at as u32,
            at as u32,
        );
        return Some((at as u32, e));
    }
    None
}

/// Parses an f-string expression as CPython 3.11 does, `(expr)`, and maps
/// an error to the original source with the "f-string: " prefix.
fn parse_expr(src: &Source, a: usize, b: usize) -> Option<CompileError> {
    let expr = src.text[a..b].trim_start();
    // CPython's sub-parser rejects a starred field on its own terms.
    for (star, what) in [("**", "double starred"), ("*", "starred")] {
        if expr.starts_with(star) {
            return Some(src.error(
                ErrorKind::SyntaxError,
                format!("f-string: cannot use {what} expression here"),
                a as u32,
                b as u32,
            ));
        }
    }
    let text = format!("({})", &src.text[a..b]);
    let options = ruff_python_parser::ParseOptions::from(ruff_python_parser::Mode::Expression)
        .with_target_version(ruff_python_ast::PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(&text, options);
    let err = parsed.errors().first()?;
    let sub = Source::new(&text, src.filename);
    let mapped = crate::errors::from_parse_error(&sub, err);
    let at = (a + err.location.start().to_usize())
        .saturating_sub(1)
        .min(b) as u32;
    let msg = if mapped.msg.starts_with("f-string") {
        mapped.msg
    } else {
        format!("f-string: {}", mapped.msg)
    };
    Some(src.error(ErrorKind::SyntaxError, msg, at, at + 1))
}

/// `\N` not followed by `{name}` in a str literal's body.
fn malformed_named_escape(body: &str) -> Option<String> {
    if !body.contains("\\N") {
        return None;
    }
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        if b.get(i + 1) != Some(&b'N') {
            i += 2;
            continue;
        }
        let ok = b.get(i + 2) == Some(&b'{')
            && b[i + 3..]
                .iter()
                .position(|&c| c == b'}')
                .is_some_and(|k| k > 0);
        if !ok {
            // An unclosed `{name` runs to the end of the literal.
            let end = if b.get(i + 2) == Some(&b'{') {
                b.len() - 1
            } else {
                i + 1
            };
            return Some(format!(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position {i}-{end}: malformed \\N character escape"
            ));
        }
        i += 2;
    }
    None
}

/// The string tokens of the source, found as CPython's tokenizer finds
/// them (comments skipped); stops at anything it cannot follow, and at a
/// single-quoted string a newline ends (its start is returned).
fn string_tokens(b: &[u8]) -> (Vec<StrTok>, Option<usize>) {
    let mut out = Vec::new();
    let mut i = 0;
    let mut depth = 0u32;
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
    while i < b.len() {
        let c = b[i];
        if c == b'#' {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if c != b'\'' && c != b'"' {
            if ident(c) {
                // A whole identifier, unless it is a string prefix.
                let s = i;
                while i < b.len() && ident(b[i]) {
                    i += 1;
                }
                let word = &b[s..i];
                let quote = b.get(i).is_some_and(|&q| q == b'\'' || q == b'"');
                let prefix_ok = word.len() <= 2
                    && word
                        .iter()
                        .all(|c| matches!(c.to_ascii_lowercase(), b'r' | b'b' | b'u' | b'f'));
                if quote && prefix_ok {
                    match string_at(b, s, i) {
                        Some(mut t) => {
                            i = t.end;
                            t.depth = depth;
                            out.push(t);
                        }
                        None => return (out, Some(s)),
                    }
                }
                continue;
            }
            match c {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
            i += 1;
            continue;
        }
        match string_at(b, i, i) {
            Some(mut t) => {
                i = t.end;
                t.depth = depth;
                out.push(t);
            }
            None => return (out, Some(i)),
        }
    }
    (out, None)
}

/// The string token whose prefix starts at `s` and quote at `q`.
fn string_at(b: &[u8], s: usize, q: usize) -> Option<StrTok> {
    let prefix = &b[s..q];
    let has = |c: u8| prefix.iter().any(|p| p.to_ascii_lowercase() == c);
    let (raw, bytes, fstring) = (has(b'r'), has(b'b'), has(b'f'));
    let quote = b[q];
    let triple = b.get(q + 1) == Some(&quote) && b.get(q + 2) == Some(&quote);
    let open = if triple { 3 } else { 1 };
    let mut i = q + open;
    let body_start = i;
    loop {
        let c = *b.get(i)?;
        if c == b'\\' {
            i += 2;
            continue;
        }
        if c == b'\n' && !triple {
            return None;
        }
        if c == quote {
            if !triple {
                return Some(StrTok {
                    start: s,
                    end: i + 1,
                    body: (body_start, i),
                    raw,
                    bytes,
                    fstring,
                    depth: 0,
                });
            }
            if b.get(i + 1) == Some(&quote) && b.get(i + 2) == Some(&quote) {
                return Some(StrTok {
                    start: s,
                    end: i + 3,
                    body: (body_start, i),
                    raw,
                    bytes,
                    fstring,
                    depth: 0,
                });
            }
        }
        i += 1;
    }
}

/// CPython 3.11's f-string scanner over one f-string's body.
struct FScan<'b> {
    b: &'b [u8],
    pos: usize,
    raw: bool,
    /// The expressions found (body-relative byte ranges).
    exprs: Vec<(usize, usize)>,
}

type FResult<T = ()> = Result<T, String>;

const EXPECTING: &str = "f-string: expecting '}'";

impl FScan<'_> {
    fn at(&self, k: usize) -> Option<u8> {
        self.b.get(k).copied()
    }

    /// Literal parts and fields up to the end (level 0) or to the `}` that
    /// closes a format spec (level > 0).
    fn parse(&mut self, level: u32) -> FResult {
        loop {
            let doubled = self.literal(level)?;
            if doubled {
                continue;
            }
            match self.at(self.pos) {
                None | Some(b'}') => break,
                _ => self.field(level)?,
            }
        }
        if level != 0 && self.at(self.pos) != Some(b'}') {
            return Err(EXPECTING.into());
        }
        Ok(())
    }

    /// A literal part; true when it ended at a doubled brace (level 0).
    fn literal(&mut self, level: u32) -> FResult<bool> {
        while let Some(c) = self.at(self.pos) {
            self.pos += 1;
            if !self.raw && c == b'\\' && self.pos < self.b.len() {
                let e = self.b[self.pos];
                if e == b'{' || e == b'}' {
                    // `\{` is a backslash, then the brace as usual.
                    continue;
                }
                self.pos += 1;
                if e == b'N' {
                    let closed = self.at(self.pos) == Some(b'{')
                        && self.b[self.pos..].iter().position(|&x| x == b'}').is_some();
                    if closed {
                        self.pos += 1;
                        while let Some(x) = self.at(self.pos) {
                            self.pos += 1;
                            if x == b'}' {
                                break;
                            }
                        }
                    } else {
                        let i = self.pos - 2;
                        let end = if self.at(self.pos) == Some(b'{') {
                            self.b.len() - 1
                        } else {
                            i + 1
                        };
                        return Err(format!(
                            "(unicode error) 'unicodeescape' codec can't decode bytes in position {i}-{end}: malformed \\N character escape"
                        ));
                    }
                }
                continue;
            }
            if c == b'{' || c == b'}' {
                if level == 0 {
                    if self.at(self.pos) == Some(c) {
                        self.pos += 1;
                        return Ok(true);
                    }
                    if c == b'}' {
                        return Err("f-string: single '}' is not allowed".into());
                    }
                }
                self.pos -= 1;
                return Ok(false);
            }
        }
        Ok(false)
    }

    /// A replacement field, at its `{`.
    fn field(&mut self, level: u32) -> FResult {
        if level >= 2 {
            return Err("f-string: expressions nested too deeply".into());
        }
        self.pos += 1;
        let start = self.pos;
        let mut quote: Option<(u8, bool)> = None;
        let mut stack: Vec<u8> = Vec::new();
        while let Some(c) = self.at(self.pos) {
            if c == b'\\' {
                return Err("f-string expression part cannot include a backslash".into());
            }
            if let Some((q, triple)) = quote {
                if c == q {
                    if !triple {
                        quote = None;
                    } else if self.at(self.pos + 1) == Some(q) && self.at(self.pos + 2) == Some(q) {
                        self.pos += 2;
                        quote = None;
                    }
                }
                self.pos += 1;
                continue;
            }
            match c {
                b'\'' | b'"' => {
                    let triple =
                        self.at(self.pos + 1) == Some(c) && self.at(self.pos + 2) == Some(c);
                    if triple {
                        self.pos += 2;
                    }
                    quote = Some((c, triple));
                }
                b'[' | b'{' | b'(' => {
                    if stack.len() >= 200 {
                        return Err("f-string: too many nested parenthesis".into());
                    }
                    stack.push(c);
                }
                b'#' => return Err("f-string expression part cannot include '#'".into()),
                b'!' | b':' | b'}' | b'=' | b'>' | b'<' if stack.is_empty() => {
                    let next = self.at(self.pos + 1);
                    if next == Some(b'=') && matches!(c, b'!' | b'=' | b'<' | b'>') {
                        self.pos += 2;
                        continue;
                    }
                    if c == b'>' || c == b'<' {
                        self.pos += 1;
                        continue;
                    }
                    break;
                }
                b']' | b'}' | b')' => {
                    let Some(open) = stack.pop() else {
                        return Err(format!("f-string: unmatched '{}'", c as char));
                    };
                    let ok = matches!((open, c), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                    if !ok {
                        return Err(format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open as char
                        ));
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
        let end = self.pos;
        if quote.is_some() {
            return Err("f-string: unterminated string".into());
        }
        if let Some(open) = stack.last() {
            return Err(format!("f-string: unmatched '{}'", *open as char));
        }
        let Some(c) = self.at(self.pos) else {
            return Err(EXPECTING.into());
        };
        let blank = self.b[start..end]
            .iter()
            .all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r'));
        if blank {
            if matches!(c, b'!' | b':' | b'=') {
                return Err(format!(
                    "f-string: expression required before '{}'",
                    c as char
                ));
            }
            return Err("f-string: empty expression not allowed".into());
        }
        self.exprs.push((start, end));
        if c == b'=' {
            self.pos += 1;
            while self.at(self.pos).is_some_and(|c| c.is_ascii_whitespace()) {
                self.pos += 1;
            }
            if self.pos >= self.b.len() {
                return Err(EXPECTING.into());
            }
        }
        if self.at(self.pos) == Some(b'!') {
            self.pos += 1;
            let Some(conv) = self.at(self.pos) else {
                return Err(EXPECTING.into());
            };
            self.pos += 1;
            if !matches!(conv, b's' | b'r' | b'a') {
                return Err(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'".into(),
                );
            }
        }
        if self.pos >= self.b.len() {
            return Err(EXPECTING.into());
        }
        if self.at(self.pos) == Some(b':') {
            self.pos += 1;
            if self.pos >= self.b.len() {
                return Err(EXPECTING.into());
            }
            self.parse(level + 1)?;
        }
        if self.at(self.pos) != Some(b'}') {
            return Err(EXPECTING.into());
        }
        self.pos += 1;
        Ok(())
    }
}
