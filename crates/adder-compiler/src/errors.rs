//! Compile errors, and the mapping of ruff's parse errors to CPython's messages.
//!
//! Invariant: every error leaving the compiler is a `CompileError` whose `msg`,
//! `lineno` and `offset` are what CPython 3.11 reports for the same input
//! where the case is known; unknown parse errors fall back to
//! `invalid syntax` at ruff's location.

use ruff_python_ast::token::TokenKind;
use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType, UnsupportedSyntaxError};

use crate::source::Source;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
        }
    }
}

/// A compile-time error, shaped like CPython's `SyntaxError` attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: ErrorKind,
    pub msg: String,
    pub lineno: u32,
    /// 1-based column in characters.
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    /// The source line, if known.
    pub text: Option<String>,
    pub filename: String,
    /// True: raise `RecursionError(msg)` instead of a SyntaxError.
    pub recursion: bool,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} ({}, line {})",
            self.kind.name(),
            self.msg,
            self.filename,
            self.lineno
        )
    }
}

impl std::error::Error for CompileError {}

pub(crate) fn recursion_error(src: &Source, offset: u32) -> CompileError {
    let mut e = src.error(
        ErrorKind::SyntaxError,
        "maximum recursion depth exceeded during compilation",
        offset,
        offset,
    );
    e.recursion = true;
    e
}

fn text_at<'s>(src: &Source<'s>, start: u32, end: u32) -> &'s str {
    src.text.get(start as usize..end as usize).unwrap_or("")
}

/// Describes an invalid target expression as CPython names it ("literal",
/// "function call", ...), from its source text.
/// What an invalid `:=` target is called: a parenthesized display with a
/// top-level comma is a tuple, a bracketed one a list (CPython names the
/// node), anything else as for other assignment targets.
fn named_target_kind(text: &str) -> &'static str {
    let t = text.trim();
    let inner_comma = |inner: &str| {
        let mut depth = 0i32;
        for c in inner.chars() {
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => return true,
                _ => {}
            }
        }
        false
    };
    if let Some(inner) = t.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        if inner.trim().is_empty() || inner_comma(inner) {
            return "tuple";
        }
    }
    if let Some(inner) = t.strip_prefix('[').and_then(|x| x.strip_suffix(']')) {
        if !inner.contains(" for ") {
            return "list";
        }
    }
    describe_target(text)
}

fn describe_target(text: &str) -> &'static str {
    let t = text.trim();
    let first = t.chars().next().unwrap_or(' ');
    if t == "None" || t == "True" || t == "False" || t == "..." {
        return match t {
            "..." => "ellipsis",
            _ => "True",
        };
    }
    if first.is_ascii_digit() || first == '"' || first == '\'' || (first == '.' && t.len() > 1) {
        return "literal";
    }
    let lower = t.to_ascii_lowercase();
    if (lower.starts_with("f'")
        || lower.starts_with("f\"")
        || lower.starts_with("rf")
        || lower.starts_with("fr"))
        && t.len() > 2
    {
        return "f-string expression";
    }
    if lower.starts_with("b'")
        || lower.starts_with("b\"")
        || lower.starts_with("r'")
        || lower.starts_with("r\"")
        || lower.starts_with("u'")
        || lower.starts_with("u\"")
    {
        return "literal";
    }
    if t.starts_with("lambda") {
        return "lambda";
    }
    if t.starts_with('*') {
        return "starred";
    }
    if t.starts_with("await ") {
        return "await expression";
    }
    if t.starts_with("yield") {
        return "yield expression";
    }
    if t.starts_with("not ") || t.starts_with('-') || t.starts_with('+') || t.starts_with('~') {
        return "expression";
    }
    if t.ends_with(')') && !t.starts_with('(') {
        return "function call";
    }
    if t.ends_with(']') && t.starts_with('[') && t.contains(" for ") {
        return "list comprehension";
    }
    if t.ends_with('}') && t.starts_with('{') {
        if t.contains(" for ") {
            return if t.contains(':') {
                "dict comprehension"
            } else {
                "set comprehension"
            };
        }
        return if t.contains(':') || t == "{}" {
            "dict literal"
        } else {
            "set display"
        };
    }
    if t.starts_with('(') && t.ends_with(')') && t.contains(" for ") {
        return "generator expression";
    }
    if [" if ", " else "].iter().all(|k| t.contains(k)) {
        return "conditional expression";
    }
    if t.contains(" and ") || t.contains(" or ") {
        return "expression";
    }
    if t.contains("==")
        || t.contains("<")
        || t.contains(">")
        || t.contains("!=")
        || t.contains(" in ")
        || t.contains(" is ")
    {
        return "comparison";
    }
    if t.contains(":=") {
        return "named expression";
    }
    "expression"
}

/// The keyword that introduces the compound statement on 1-based `line`.
fn block_kind(src: &Source, line: u32) -> Option<(String, u32)> {
    // Search upward for the header line (ends with ':').
    let mut l = line;
    while l >= 1 {
        if let Some(t) = src.line_text(l) {
            let s = t.trim();
            let s = s.split('#').next().unwrap_or("").trim_end();
            if s.ends_with(':') {
                let word: String = s
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                let next: String = s
                    .trim_start()
                    .get(word.len()..)
                    .unwrap_or("")
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                let kind = match word.as_str() {
                    "if" => "'if' statement".to_string(),
                    "elif" => "'elif' statement".to_string(),
                    "else" => "'else' statement".to_string(),
                    "while" => "'while' statement".to_string(),
                    "for" => "'for' statement".to_string(),
                    "try" => "'try' statement".to_string(),
                    "finally" => "'finally' statement".to_string(),
                    "with" => "'with' statement".to_string(),
                    "except" => {
                        if s.trim_start()["except".len()..]
                            .trim_start()
                            .starts_with('*')
                        {
                            "'except*' statement".to_string()
                        } else {
                            "'except' statement".to_string()
                        }
                    }
                    "def" => format!("function definition on line {l}"),
                    "class" => format!("class definition on line {l}"),
                    "match" => "'match' statement".to_string(),
                    "case" => "'case' statement".to_string(),
                    "async" => match next.as_str() {
                        "def" => format!("function definition on line {l}"),
                        "for" => "'for' statement".to_string(),
                        "with" => "'with' statement".to_string(),
                        _ => return None,
                    },
                    _ => return None,
                };
                return Some((kind, l));
            }
            if !s.is_empty() && l != line {
                return None;
            }
        }
        l -= 1;
    }
    None
}

pub(crate) fn from_unsupported(src: &Source, err: &UnsupportedSyntaxError) -> CompileError {
    let r = err.range;
    src.error(
        ErrorKind::SyntaxError,
        "invalid syntax",
        r.start().to_u32(),
        r.end().to_u32(),
    )
}

pub(crate) fn from_parse_error(src: &Source, err: &ParseError) -> CompileError {
    use ErrorKind::*;
    let start = err.location.start().to_u32();
    let end = err.location.end().to_u32();
    let (line, _) = src.line_col(start);
    let syntax = |msg: &str| src.error(SyntaxError, msg, start, end);
    if let Some(e) = mixed_except_kinds(src, start) {
        return e;
    }
    if let Some(e) = assignment_in_argument(src, start, end) {
        return e;
    }
    if let Some(e) = double_star_in_fstring(src, start, end) {
        return e;
    }
    match &err.error {
        ParseErrorType::Lexical(lex) => match lex {
            LexicalErrorType::UnclosedStringError => {
                let t = text_at(src, start, end);
                let triple = t.contains("\"\"\"") || t.contains("'''");
                if triple {
                    let len = src.text.len() as u32;
                    let eof_line = if src.text.ends_with('\n') || src.text.ends_with('\r') {
                        src.line_col(len.saturating_sub(1)).0
                    } else {
                        src.line_col(len).0
                    };
                    src.error(SyntaxError, format!("unterminated triple-quoted string literal (detected at line {eof_line})"), start, start)
                } else {
                    src.error(SyntaxError, format!("unterminated string literal (detected at line {line})"), start, start)
                }
            }
            LexicalErrorType::IndentationError => {
                let (l, _) = src.line_col(end);
                let len = src.line_text(l).map_or(0, |t| t.chars().count() as u32);
                src.error_at_line(IndentationError, "unindent does not match any outer indentation level", l, len + 1)
            }
            LexicalErrorType::UnrecognizedToken { tok } => {
                let c = *tok;
                if c.is_control() || (c.is_whitespace() && c != ' ') {
                    syntax(&format!("invalid non-printable character U+{:04X}", c as u32))
                } else if c.is_ascii() {
                    syntax("invalid syntax")
                } else {
                    syntax(&format!("invalid character '{c}' (U+{:04X})", c as u32))
                }
            }
            LexicalErrorType::LineContinuationError => {
                // CPython points at the character after the backslash.
                let at = if text_at(src, start, start + 1) == "\\" { start + 1 } else { start };
                src.error(
                    SyntaxError,
                    "unexpected character after line continuation character",
                    at,
                    at + 1,
                )
            }
            LexicalErrorType::Eof => unclosed_bracket(src).unwrap_or_else(|| syntax("unexpected EOF while parsing")),
            LexicalErrorType::FStringError(e) => syntax(&fstring_msg(e)),
            LexicalErrorType::InvalidByteLiteral => syntax("bytes can only contain ASCII literal characters"),
            LexicalErrorType::UnicodeError => syntax("(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape"),
            LexicalErrorType::OtherError(m) => {
                let m: &str = m;
                if m.contains("decimal") || m.contains("Invalid number") || m.to_ascii_lowercase().contains("invalid") && m.to_ascii_lowercase().contains("literal") {
                    syntax("invalid decimal literal")
                } else {
                    syntax("invalid syntax")
                }
            }
            _ => syntax("invalid syntax"),
        },
        ParseErrorType::UnexpectedIndentation => {
            let at = end.saturating_sub(1).max(start);
            src.error(IndentationError, "unexpected indent", at, end)
        }
        ParseErrorType::OtherError(m) if m.starts_with("Expected an indented block") => {
            let msg = match block_kind(src, line.saturating_sub(1).max(1)) {
                Some((kind, _)) if kind.contains(" on line ") => format!("expected an indented block after {kind}"),
                Some((kind, l)) => format!("expected an indented block after {kind} on line {l}"),
                None => "expected an indented block".to_string(),
            };
            src.error(IndentationError, msg, start, end)
        }
        ParseErrorType::ExpectedToken { expected, found } => match (expected, found) {
            (TokenKind::Indent, _) => {
                let msg = match block_kind(src, line.saturating_sub(1).max(1)) {
                    Some((kind, _)) if kind.contains(" on line ") => format!("expected an indented block after {kind}"),
                    Some((kind, l)) => format!("expected an indented block after {kind} on line {l}"),
                    None => "expected an indented block".to_string(),
                };
                let (l2, _) = src.line_col(start);
                src.error_at_line(IndentationError, msg, l2, 1).with_offset(src, start)
            }
            (TokenKind::Colon, _) => syntax("expected ':'"),
            (TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace, TokenKind::EndOfFile | TokenKind::Newline) => {
                unclosed_bracket(src).unwrap_or_else(|| syntax("invalid syntax"))
            }
            (_, TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace) => {
                unclosed_bracket(src).unwrap_or_else(|| syntax("invalid syntax"))
            }
            _ => unclosed_bracket(src).unwrap_or_else(|| syntax("invalid syntax")),
        },
        ParseErrorType::InvalidAssignmentTarget
        | ParseErrorType::InvalidAnnotatedAssignmentTarget
        | ParseErrorType::InvalidAugmentedAssignmentTarget => {
            let what = describe_target(text_at(src, start, end));
            let rest = src.text.get(end as usize..).unwrap_or("").trim_start_matches([' ', '\t', ')']);
            let here = matches!(err.error, ParseErrorType::InvalidAssignmentTarget)
                && rest.starts_with('=')
                && !rest.starts_with("==");
            let suffix = if here { " here. Maybe you meant '==' instead of '='?" } else { "" };
            if matches!(err.error, ParseErrorType::InvalidAugmentedAssignmentTarget) {
                syntax(&format!("'{what}' is an illegal expression for augmented assignment"))
            } else if what == "True" {
                let t = text_at(src, start, end).trim();
                syntax(&format!("cannot assign to {t}"))
            } else {
                syntax(&format!("cannot assign to {what}{suffix}"))
            }
        }
        ParseErrorType::InvalidNamedAssignmentTarget => {
            let what = named_target_kind(text_at(src, start, end));
            syntax(&format!("cannot use assignment expressions with {what}"))
        }
        ParseErrorType::InvalidDeleteTarget => {
            let what = describe_target(text_at(src, start, end));
            if what == "True" {
                // None, True or False: named as written.
                let t = text_at(src, start, end).trim();
                return syntax(&format!("cannot delete {t}"));
            }
            syntax(&format!("cannot delete {what}"))
        }
        ParseErrorType::FStringError(e) => syntax(&fstring_msg(e)),
        ParseErrorType::PositionalAfterKeywordArgument => syntax("positional argument follows keyword argument"),
        ParseErrorType::PositionalAfterKeywordUnpacking => syntax("positional argument follows keyword argument unpacking"),
        ParseErrorType::InvalidArgumentUnpackingOrder => syntax("iterable argument unpacking follows keyword argument unpacking"),
        ParseErrorType::NonDefaultParamAfterDefaultParam => syntax("non-default argument follows default argument"),
        ParseErrorType::IterableUnpackingInComprehension => syntax("iterable unpacking cannot be used in comprehension"),
        ParseErrorType::InvalidStarredExpressionUsage => {
            // CPython's parser rejects `(*x)` and `f'{*x}'` ("cannot use"); its
            // compiler rejects a bare `x = *a` ("can't use").
            let before = src.text.get(..start as usize).unwrap_or("").trim_end();
            let after = src.text.get(end as usize..).unwrap_or("").trim_start();
            let double = text_at(src, start, end).trim_start().starts_with("**");
            let what = if double { "double starred" } else { "starred" };
            if before.ends_with('{') && (after.starts_with('}') || after.starts_with('!') || after.starts_with(':')) {
                syntax(&format!("f-string: cannot use {what} expression here"))
            } else if before.ends_with('(') && after.starts_with(')') {
                syntax(&format!("cannot use {what} expression here"))
            } else {
                syntax("can't use starred expression here")
            }
        }
        ParseErrorType::ExpectedKeywordParam => syntax("named arguments must follow bare *"),
        ParseErrorType::VarParameterWithDefault => syntax("var-positional argument cannot have default value"),
        ParseErrorType::UnparenthesizedGeneratorExpression => syntax("Generator expression must be parenthesized"),
        ParseErrorType::SimpleStatementsOnSameLine | ParseErrorType::SimpleAndCompoundStatementOnSameLine => {
            if let Some(e) = invalid_number(src, start) {
                return e;
            }
            print_hint(src, start).unwrap_or_else(|| syntax("invalid syntax"))
        }
        _ => unclosed_bracket(src).unwrap_or_else(|| syntax("invalid syntax")),
    }
}

/// An error on an `except`/`except*` line of a `try` that already has
/// handlers of the other kind: CPython's "cannot have both" message, on
/// the keyword.
fn mixed_except_kinds(src: &Source, at: u32) -> Option<CompileError> {
    let (line, _) = src.line_col(at);
    let kind = |t: &str| -> Option<(bool, usize)> {
        let body = t.trim_start();
        let indent = t.len() - body.len();
        let rest = body.strip_prefix("except")?;
        if rest.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
            return None;
        }
        Some((rest.trim_start().starts_with('*'), indent))
    };
    let text = src.line_text(line)?;
    let (star, indent) = kind(text)?;
    let mut l = line;
    while l > 1 {
        l -= 1;
        let t = src.line_text(l)?;
        let body = t.trim_start();
        if body.is_empty() || body.starts_with('#') || t.len() - body.len() > indent {
            continue;
        }
        if t.len() - body.len() < indent {
            return None;
        }
        if let Some((other, _)) = kind(t) {
            if other != star {
                let start = src.offset_of_line(line)? + indent as u32;
                let word = if star {
                    let after = &text[indent + "except".len()..];
                    "except".len() + (after.len() - after.trim_start().len()) + 1
                } else {
                    "except".len()
                };
                return Some(src.error(
                    ErrorKind::SyntaxError,
                    "cannot have both 'except' and 'except*' on the same 'try'",
                    start,
                    start + word as u32,
                ));
            }
            continue;
        }
        return None;
    }
    None
}

/// `f'{**a}'`: a parse error at `**` right after an f-string's `{`.
fn double_star_in_fstring(src: &Source, start: u32, end: u32) -> Option<CompileError> {
    let text = src.text;
    if !text.get(start as usize..)?.starts_with("**") {
        return None;
    }
    let before = text.get(..start as usize)?.trim_end();
    let before = before.strip_suffix('{')?;
    // The innermost opening quote before it must start an f-string.
    let q = before.rfind(['\'', '"'])?;
    let prefix = before[..q].trim_end_matches(['\'', '"']);
    let p: String = prefix
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    if !p.to_ascii_lowercase().contains('f') {
        return None;
    }
    Some(src.error(
        ErrorKind::SyntaxError,
        "f-string: cannot use double starred expression here",
        start,
        end,
    ))
}

/// `f(a + b = 1)`: an expression followed by `=` as a call argument.
fn assignment_in_argument(src: &Source, start: u32, end: u32) -> Option<CompileError> {
    let text = src.text;
    let expr = text.get(start as usize..end as usize)?;
    if expr.contains('=') || expr.trim().is_empty() {
        return None;
    }
    let before = text.get(..start as usize)?.trim_end();
    if !(before.ends_with('(') || before.ends_with(',')) {
        return None;
    }
    let after = text.get(end as usize..)?;
    let eq = end as usize + (after.len() - after.trim_start_matches([' ', '\t']).len());
    if text.get(eq..eq + 1) != Some("=") || text.get(eq + 1..eq + 2) == Some("=") {
        return None;
    }
    // A plain name before `=` is a keyword argument, not this error.
    if expr.trim().chars().all(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    Some(src.error(
        ErrorKind::SyntaxError,
        "expression cannot contain assignment, perhaps you meant \"==\"?",
        start,
        eq as u32 + 1,
    ))
}

impl CompileError {
    fn with_offset(mut self, src: &Source, start: u32) -> Self {
        let (_, col) = src.line_charcol(start);
        self.offset = col;
        self.end_offset = col;
        self
    }
}

fn fstring_msg(e: &ruff_python_parser::InterpolatedStringErrorType) -> String {
    use ruff_python_parser::InterpolatedStringErrorType as F;
    match e {
        F::UnclosedLbrace => "f-string: expecting '}'".into(),
        F::SingleRbrace => "f-string: single '}' is not allowed".into(),
        F::InvalidConversionFlag => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'".into()
        }
        F::UnterminatedString => "f-string: unterminated string".into(),
        F::UnterminatedTripleQuotedString => "f-string: unterminated triple-quoted string".into(),
        F::LambdaWithoutParentheses => {
            "f-string: lambda expressions are not allowed without parentheses".into()
        }
        _ => "f-string: invalid syntax".into(),
    }
}

/// `print x` -> CPython's "Missing parentheses" hint.
fn print_hint(src: &Source, at: u32) -> Option<CompileError> {
    let (line, _) = src.line_col(at);
    let t = src.line_text(line)?;
    let s = t.trim_start();
    for kw in ["print", "exec"] {
        if let Some(rest) = s.strip_prefix(kw) {
            if rest.starts_with(' ')
                && !rest.trim().is_empty()
                && !rest.trim_start().starts_with('=')
            {
                let col = (t.len() - s.len()) as u32;
                let start = src.text.as_ptr() as usize;
                let off = (t.as_ptr() as usize - start) as u32 + col;
                let end = off + s.trim_end().len() as u32;
                return Some(src.error(
                    ErrorKind::SyntaxError,
                    format!("Missing parentheses in call to '{kw}'. Did you mean {kw}(...)?"),
                    off,
                    end,
                ));
            }
        }
    }
    None
}

/// Finds an unclosed or mismatched bracket in the whole text (CPython's
/// tokenizer reports these before any grammar error).
fn unclosed_bracket(src: &Source) -> Option<CompileError> {
    let b = src.text.as_bytes();
    let mut stack: Vec<(u8, u32)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                let q = b[i];
                let triple = b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q);
                i += if triple { 3 } else { 1 };
                while i < b.len() {
                    if b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if !triple && b[i] == b'\n' {
                        return None;
                    }
                    if b[i] == q
                        && (!triple || (b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q)))
                    {
                        i += if triple { 3 } else { 1 };
                        break;
                    }
                    i += 1;
                }
                continue;
            }
            c @ (b'(' | b'[' | b'{') => stack.push((c, i as u32)),
            c @ (b')' | b']' | b'}') => {
                let open = match c {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                match stack.pop() {
                    None => {
                        return Some(src.error(
                            ErrorKind::SyntaxError,
                            format!("unmatched '{}'", c as char),
                            i as u32,
                            i as u32 + 1,
                        ));
                    }
                    Some((o, at)) if o != open => {
                        let (ol, _) = src.line_col(at);
                        let (cl, _) = src.line_col(i as u32);
                        let msg = if ol == cl {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                c as char, o as char
                            )
                        } else {
                            format!("closing parenthesis '{}' does not match opening parenthesis '{}' on line {ol}", c as char, o as char)
                        };
                        return Some(src.error(
                            ErrorKind::SyntaxError,
                            msg,
                            i as u32,
                            i as u32 + 1,
                        ));
                    }
                    Some(_) => {}
                }
            }
            _ => {}
        }
        i += 1;
    }
    let (c, at) = stack.last().copied()?;
    Some(src.error(
        ErrorKind::SyntaxError,
        format!("'{}' was never closed", c as char),
        at,
        at + 1,
    ))
}

/// `1abc`: a number literal directly followed by a name.
fn invalid_number(src: &Source, at: u32) -> Option<CompileError> {
    let b = src.text.as_bytes();
    let at = at as usize;
    if at == 0
        || at > b.len()
        || !b[at - 1].is_ascii_alphanumeric()
        || !b.get(at)?.is_ascii_alphabetic()
    {
        return None;
    }
    let mut s = at;
    while s > 0 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'_' || b[s - 1] == b'.') {
        s -= 1;
    }
    if !b[s].is_ascii_digit() {
        return None;
    }
    let kind = if b[s] == b'0' && matches!(b.get(s + 1), Some(b'x' | b'X')) {
        "hexadecimal"
    } else if b[s] == b'0' && matches!(b.get(s + 1), Some(b'o' | b'O')) {
        "octal"
    } else if b[s] == b'0' && matches!(b.get(s + 1), Some(b'b' | b'B')) {
        "binary"
    } else {
        "decimal"
    };
    Some(src.error(
        ErrorKind::SyntaxError,
        format!("invalid {kind} literal"),
        s as u32,
        at as u32,
    ))
}
