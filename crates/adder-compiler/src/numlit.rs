//! Numeric literals as CPython 3.11's tokenizer reads them: its error
//! messages for malformed literals ("invalid digit '2' in binary literal",
//! "leading zeros in decimal integer literals are not permitted; ...") and
//! the check of what immediately follows a literal: a keyword that may
//! legally follow (`1if x else y`) is a SyntaxWarning "invalid decimal
//! literal", any other identifier character is that SyntaxError.
//!
//! Invariant: strings and comments (ruff's tokens for them) are never read
//! as numbers; a number starts at a digit (or `.digit`) not preceded by an
//! identifier character or a dot, and the scan reads at most the literal
//! and the few characters after it.

use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_text_size::Ranged;

use crate::errors::{CompileError, ErrorKind};
use crate::source::Source;
use crate::warnings::{CompileWarning, WarningCategory};

/// What scanning the source's numeric literals found: the first error
/// (with the offset where its literal starts), and the warnings before it.
pub(crate) struct NumberChecks {
    pub error: Option<(u32, CompileError)>,
    pub warnings: Vec<CompileWarning>,
}

pub(crate) fn check_numbers(src: &Source, tokens: &Tokens) -> NumberChecks {
    let b = src.text.as_bytes();
    let mut out = NumberChecks {
        error: None,
        warnings: Vec::new(),
    };
    // Strings and comments are skipped; ruff's error recovery may drop a
    // malformed number's token, so numbers are found in the text itself.
    let skip: Vec<(usize, usize)> = tokens
        .iter()
        .filter(|t| {
            matches!(
                t.kind(),
                TokenKind::String
                    | TokenKind::FStringStart
                    | TokenKind::FStringMiddle
                    | TokenKind::FStringEnd
                    | TokenKind::Comment
            )
        })
        .map(|t| (t.range().start().to_usize(), t.range().end().to_usize()))
        .collect();
    let mut next_skip = 0;
    let mut i = 0;
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
    while i < b.len() {
        // Only a digit or a '.' can start a number: most bytes stop here.
        if !(b[i].is_ascii_digit() || b[i] == b'.') {
            i += 1;
            continue;
        }
        while next_skip < skip.len() && skip[next_skip].1 <= i {
            next_skip += 1;
        }
        if let Some(&(s0, e0)) = skip.get(next_skip) {
            if s0 <= i {
                i = e0.max(i + 1);
                continue;
            }
        }
        let c = b[i];
        let prev = if i > 0 { b[i - 1] } else { b' ' };
        let starts_number = !ident(prev)
            && prev != b'.'
            && (c.is_ascii_digit() || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit)));
        if !starts_number {
            i += 1;
            continue;
        }
        let start = i;
        let mut s = Scanner { b, pos: start };
        match s.number() {
            Ok(found) => {
                if let Some((at, kind)) = found {
                    let msg = format!("invalid {kind} literal");
                    // As an error it points where CPython's tokenizer stands.
                    let at = at.saturating_sub(1).max(start) as u32;
                    out.warnings.push(CompileWarning {
                        category: WarningCategory::SyntaxWarning,
                        error: src.error(ErrorKind::SyntaxError, msg, at, at + 1),
                    });
                }
                i = s.pos.max(start + 1);
            }
            Err((cursor, msg)) => {
                // CPython's offset is the tokenizer's position: the column
                // of the character before its cursor.
                let at = cursor.saturating_sub(1) as u32;
                let e = src.error(ErrorKind::SyntaxError, msg, at, at + 1);
                out.error = Some((start as u32, e));
                break;
            }
        }
    }
    out
}

struct Scanner<'b> {
    b: &'b [u8],
    pos: usize,
}

/// Ok(Some(position of the following keyword, kind)) for a warning; Err
/// carries the index CPython's tokenizer cursor has when it reports.
type Scan = Result<Option<(usize, &'static str)>, (usize, String)>;

impl Scanner<'_> {
    fn peek(&self) -> u8 {
        self.b.get(self.pos).copied().unwrap_or(0)
    }
    fn peek_at(&self, k: usize) -> u8 {
        self.b.get(self.pos + k).copied().unwrap_or(0)
    }
    fn bump(&mut self) -> u8 {
        self.pos += 1;
        self.peek()
    }

    /// Reads a literal starting at `pos`: Ok(Some(position, kind)) when a
    /// keyword follows it directly (a warning), Err on a malformed literal.
    fn number(&mut self) -> Scan {
        let c = self.peek();
        if c == b'.' {
            self.bump();
            return self.fraction();
        }
        if c == b'0' {
            let zeros_start = self.pos;
            let c = self.bump();
            match c {
                b'x' | b'X' => return self.radix(|c| c.is_ascii_hexdigit(), "hexadecimal"),
                b'o' | b'O' => return self.radix(|c| (b'0'..=b'7').contains(&c), "octal"),
                b'b' | b'B' => return self.radix(|c| c == b'0' || c == b'1', "binary"),
                _ => {}
            }
            // Zeros, possibly with underscores; then maybe a float.
            let mut c = c;
            loop {
                if c == b'_' {
                    c = self.bump();
                    if !c.is_ascii_digit() {
                        return Err((self.pos, "invalid decimal literal".into()));
                    }
                }
                if c != b'0' {
                    break;
                }
                c = self.bump();
            }
            let start = zeros_start;
            let mut nonzero = false;
            if c.is_ascii_digit() {
                nonzero = true;
                self.decimal_tail()?;
            }
            return match self.peek() {
                b'.' => {
                    self.bump();
                    self.fraction()
                }
                b'e' | b'E' => self.exponent(),
                b'j' | b'J' => self.imaginary(),
                _ if nonzero => Err((
                    start + 1,
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(),
                )),
                _ => self.end_of_number("decimal"),
            };
        }
        self.decimal_tail()?;
        match self.peek() {
            b'.' => {
                self.bump();
                self.fraction()
            }
            b'e' | b'E' => self.exponent(),
            b'j' | b'J' => self.imaginary(),
            _ => self.end_of_number("decimal"),
        }
    }

    /// Digits with single underscores between them (the first digit is at `pos`).
    fn decimal_tail(&mut self) -> Result<(), (usize, String)> {
        loop {
            while self.peek().is_ascii_digit() {
                self.bump();
            }
            if self.peek() != b'_' {
                return Ok(());
            }
            if !self.bump().is_ascii_digit() {
                return Err((self.pos, "invalid decimal literal".into()));
            }
        }
    }

    /// After the `.` of a float.
    fn fraction(&mut self) -> Scan {
        if self.peek().is_ascii_digit() {
            self.decimal_tail()?;
        }
        match self.peek() {
            b'e' | b'E' => self.exponent(),
            b'j' | b'J' => self.imaginary(),
            _ => self.end_of_number("decimal"),
        }
    }

    /// At an `e`: an exponent, or (not followed by digits) the end of the
    /// number with the `e` as what follows it.
    fn exponent(&mut self) -> Scan {
        let e_at = self.pos;
        let mut c = self.bump();
        if c == b'+' || c == b'-' {
            c = self.bump();
            if !c.is_ascii_digit() {
                return Err((self.pos, "invalid decimal literal".into()));
            }
        } else if !c.is_ascii_digit() {
            self.pos = e_at;
            return self.end_of_number("decimal");
        }
        self.decimal_tail()?;
        match self.peek() {
            b'j' | b'J' => self.imaginary(),
            _ => self.end_of_number("decimal"),
        }
    }

    fn imaginary(&mut self) -> Scan {
        self.bump();
        self.end_of_number("imaginary")
    }

    /// `0x`/`0o`/`0b` literals (`pos` at the prefix letter).
    fn radix(&mut self, digit: fn(u8) -> bool, kind: &'static str) -> Scan {
        let mut c = self.bump();
        loop {
            if c == b'_' {
                c = self.bump();
            }
            if !digit(c) {
                if kind != "hexadecimal" && c.is_ascii_digit() {
                    return Err((
                        self.pos + 1,
                        format!("invalid digit '{}' in {kind} literal", c as char),
                    ));
                }
                return Err((self.pos, format!("invalid {kind} literal")));
            }
            while digit(c) {
                c = self.bump();
            }
            if c != b'_' {
                break;
            }
        }
        if kind != "hexadecimal" && c.is_ascii_digit() {
            return Err((
                self.pos + 1,
                format!("invalid digit '{}' in {kind} literal", c as char),
            ));
        }
        self.end_of_number(kind)
    }

    /// What follows a literal: `and`/`else`/`for`/`if`/`in`/`is`/`not`/`or`
    /// give a warning, any other identifier character an error.
    fn end_of_number(&mut self, kind: &'static str) -> Scan {
        let c = self.peek();
        let follows = |s: &[u8]| s.iter().enumerate().all(|(k, &x)| self.peek_at(k + 1) == x);
        let keyword = match c {
            b'a' => follows(b"nd"),
            b'e' => follows(b"lse"),
            b'f' => follows(b"or"),
            b'i' => matches!(self.peek_at(1), b'f' | b'n' | b's'),
            b'o' => follows(b"r"),
            b'n' => follows(b"ot"),
            _ => false,
        };
        if keyword {
            return Ok(Some((self.pos, kind)));
        }
        if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 {
            return Err((self.pos, format!("invalid {kind} literal")));
        }
        Ok(None)
    }
}
