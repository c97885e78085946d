//! Adder's compiler: Python 3.11 source -> ruff AST -> symbol tables -> code objects.
//!
//! Invariant: `compile` never panics and never recurses without bound; every
//! problem with the input is reported as a `CompileError` carrying CPython's
//! message and location. The pipeline is: `source` (decoding and the
//! pre-parse nesting scan) -> ruff's parser (`errors` maps its errors) ->
//! `symtable` (scopes) -> `codegen` (instructions with labels and exception
//! handlers) -> `assemble` (final code words, exception table, stack depth).

mod assemble;
mod codegen;
mod errors;
mod fstring311;
mod numlit;
mod source;
mod superinstr;
mod symtable;
mod warnings;

#[cfg(test)]
mod tests;

use std::rc::Rc;

use adder_bytecode::CodeObject;

pub use errors::{CompileError, ErrorKind};
pub use source::{coding_cookie, decode_source};
pub use warnings::{CompileWarning, WarningCategory};

/// String literal values as Python sees them (ruff's values with lone
/// surrogate escapes restored), for other consumers of ruff's AST.
pub mod literal {
    pub use crate::codegen::strlit::{fstring_piece, part_value, string_value};
}

/// What the source is compiled as (CPython's `compile()` modes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module: a sequence of statements.
    Exec,
    /// A single expression whose value is returned.
    Eval,
    /// Interactive input: expression statements print their value.
    Single,
}

/// Options of one compilation.
#[derive(Clone, Debug, Default)]
pub struct CompileOptions {
    /// 0: asserts are compiled and `__debug__` is True; >= 1: asserts are stripped
    /// and `__debug__` is False.
    pub optimize: u8,
    /// `from __future__ import annotations` is in effect from the start.
    pub future_annotations: bool,
}

/// Compiles `source` into the code object of a module (or expression).
pub fn compile(
    source: &str,
    filename: &str,
    mode: Mode,
    opts: &CompileOptions,
) -> Result<Rc<CodeObject>, CompileError> {
    compile_with_warnings(source, filename, mode, opts).map(|(code, _)| code)
}

/// `compile`, also returning the warnings to issue (in source order of
/// discovery: the parser's, then the code generator's).
pub fn compile_with_warnings(
    source: &str,
    filename: &str,
    mode: Mode,
    opts: &CompileOptions,
) -> Result<(Rc<CodeObject>, Vec<CompileWarning>), CompileError> {
    let src = source::Source::new(source, filename);
    let (module, mut warnings) = parse_source(&src, mode)?;
    let table = symtable::build(&src, &module, mode)?;
    let (code, more) = codegen::compile_module(&src, &module, &table, mode, opts)?;
    warnings.extend(more);
    Ok((code, warnings))
}

/// Parses `source` into ruff's AST with the front-end checks of `compile`
/// (nesting limits, parse errors, syntax newer than 3.11): what `ast.parse`
/// sees. `Mode::Eval` gives `Mod::Expression`, the others `Mod::Module`.
pub fn parse(
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<ruff_python_ast::Mod, CompileError> {
    parse_with_warnings(source, filename, mode).map(|(m, _)| m)
}

/// `parse`, also returning the parser's warnings (invalid escapes).
pub fn parse_with_warnings(
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<(ruff_python_ast::Mod, Vec<CompileWarning>), CompileError> {
    parse_source(&source::Source::new(source, filename), mode)
}

fn parse_source(
    src: &source::Source,
    mode: Mode,
) -> Result<(ruff_python_ast::Mod, Vec<CompileWarning>), CompileError> {
    let source = src.text;
    source::prescan(src)?;
    let parse_mode = match mode {
        Mode::Eval => ruff_python_parser::Mode::Expression,
        _ => ruff_python_parser::Mode::Module,
    };
    let options = ruff_python_parser::ParseOptions::from(parse_mode)
        .with_target_version(ruff_python_ast::PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    // A malformed number is CPython's tokenizer error: it wins over a parse
    // error that is not before the number.
    let numbers = numlit::check_numbers(src, parsed.tokens());
    let first_parse_error = parsed
        .errors()
        .first()
        .map(|e| e.location.start().to_u32())
        .into_iter()
        .chain(
            parsed
                .unsupported_syntax_errors()
                .first()
                .map(|e| e.range.start().to_u32()),
        )
        .min();
    if let Some((at, e)) = numbers.error {
        if first_parse_error.is_none_or(|p| p >= at) {
            return Err(e);
        }
    }
    // String literals as CPython 3.11 tokenizes them (its f-string rules
    // and messages); an error in one wins over a parse error after it.
    if let Some((at, e)) = fstring311::check_strings(src, first_parse_error.is_some()) {
        if first_parse_error.is_none_or(|p| p >= at) {
            return Err(e);
        }
    }
    if let Some(err) = parsed.errors().first() {
        return Err(errors::from_parse_error(src, err));
    }
    if let Some(err) = parsed.unsupported_syntax_errors().first() {
        return Err(errors::from_unsupported(src, err));
    }
    // The tokenizer's warnings, in source order.
    let mut warnings = warnings::escape_warnings(src, parsed.tokens());
    warnings.extend(numbers.warnings);
    warnings.sort_by_key(|w| (w.error.lineno, w.error.offset));
    Ok((parsed.into_syntax(), warnings))
}

/// Compiles an AST that was built rather than parsed (from `ast` node
/// objects). `text` stands in for the source: the nodes' ranges are byte
/// offsets into it, and its line structure gives their line numbers.
pub fn compile_ast(
    module: &ruff_python_ast::Mod,
    text: &str,
    filename: &str,
    mode: Mode,
    opts: &CompileOptions,
) -> Result<Rc<CodeObject>, CompileError> {
    compile_ast_with_warnings(module, text, filename, mode, opts).map(|(code, _)| code)
}

/// `compile_ast`, also returning the code generator's warnings.
pub fn compile_ast_with_warnings(
    module: &ruff_python_ast::Mod,
    text: &str,
    filename: &str,
    mode: Mode,
    opts: &CompileOptions,
) -> Result<(Rc<CodeObject>, Vec<CompileWarning>), CompileError> {
    let src = source::Source::new(text, filename);
    let table = symtable::build(&src, module, mode)?;
    codegen::compile_module(&src, module, &table, mode, opts)
}
