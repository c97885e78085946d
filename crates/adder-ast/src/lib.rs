//! `_ast`: the node classes of Python's abstract syntax tree, and the two
//! conversions `compile()` needs — source to node objects (`PyCF_ONLY_AST`,
//! behind `ast.parse`) and node objects to code (`compile(tree, ...)`).
//!
//! Invariant: the VM's `compile` builtin reaches this crate only through
//! `_ast._compile(source, filename, mode, flags, optimize)`, which it calls
//! when `PyCF_ONLY_AST` is set or the source is not text; everything that
//! crate needs from one interpreter (the node classes) lives in the `_ast`
//! module object. Type comments are not collected (`type_comment` fields
//! are None, `type_ignores` is empty) and `feature_version` is ignored.

mod from_py;
mod lines;
mod node_table;
mod nodes;
mod to_py;

#[cfg(test)]
mod tests;

use adder_compiler::{CompileOptions, Mode};
use adder_object::Value;
use adder_vm::native::{module_add_fns, module_add_ints};
use adder_vm::objects::string::Str;
use adder_vm::{Args, NativeModule, PyResult, Vm};
use ruff_text_size::TextSize;

use node_table::k;
use nodes::Kinds;

/// `compile()` flags.
const PYCF_ONLY_AST: i64 = 0x400;
const PYCF_TYPE_COMMENTS: i64 = 0x1000;
const PYCF_ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;
/// `from __future__ import annotations` in effect (`CO_FUTURE_ANNOTATIONS`).
const CO_FUTURE_ANNOTATIONS: i64 = 0x100_0000;

/// The modules this crate provides.
pub fn modules() -> Vec<NativeModule> {
    vec![NativeModule {
        name: "_ast",
        init: init_ast,
    }]
}

fn init_ast(vm: &mut Vm, m: &Value) -> PyResult<()> {
    nodes::create_classes(vm, m)?;
    module_add_ints(
        vm,
        m,
        &[
            ("PyCF_ONLY_AST", PYCF_ONLY_AST),
            ("PyCF_TYPE_COMMENTS", PYCF_TYPE_COMMENTS),
            ("PyCF_ALLOW_TOP_LEVEL_AWAIT", PYCF_ALLOW_TOP_LEVEL_AWAIT),
        ],
    );
    module_add_fns(vm, m, &[("_compile", compile_hook)]);
    Ok(())
}

fn str_of(v: &Value) -> Option<&str> {
    v.downcast::<Str>().map(|s| s.as_str())
}

/// `_ast._compile(source, filename, mode, flags, optimize)`: `compile()`
/// for node objects, and for text under `PyCF_ONLY_AST`.
fn compile_hook(vm: &mut Vm, args: Args) -> PyResult {
    let [src, filename, mode, flags, optimize] = <[Value; 5]>::try_from(args.pos.into_vec())
        .map_err(|_| vm.type_error("_compile() takes exactly 5 arguments"))?;
    let Some(mode_s) = str_of(&mode).map(str::to_string) else {
        let t = vm.type_name(&mode);
        return Err(vm.type_error(format!("compile() argument 'mode' must be str, not {t}")));
    };
    let flags = match adder_vm::num::as_i64(&flags) {
        Some(f) => f,
        None => {
            let t = vm.type_name(&flags);
            return Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")));
        }
    };
    let only_ast = flags & PYCF_ONLY_AST != 0;
    let want = match mode_s.as_str() {
        "exec" => k::Module,
        "eval" => k::Expression,
        "single" => k::Interactive,
        "func_type" if only_ast => k::FunctionType,
        _ if only_ast => {
            return Err(
                vm.value_error("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")
            )
        }
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let filename = if let Some(s) = str_of(&filename) {
        s.to_string()
    } else if let Some(b) = adder_vm::ops::bytes_of(&filename) {
        String::from_utf8_lossy(&b).into_owned()
    } else {
        vm.str_string(&filename)?
    };
    let m = adder_vm::native::import(vm, "_ast")?;
    let kinds = Kinds::of_module(vm, &m)?;
    if nodes::is_ast(vm, &kinds, &src) {
        if only_ast {
            return Ok(src);
        }
        if !kinds.is(vm, &src, want) {
            let t = vm.type_name(&src);
            return Err(vm.type_error(format!("expected {} node, got {t}", nodes::def(want).name)));
        }
        let optimize = adder_vm::num::as_i64(&optimize).unwrap_or(-1);
        let opts = CompileOptions {
            optimize: if optimize >= 0 {
                optimize.min(2) as u8
            } else {
                vm.flags.optimize
            },
            future_annotations: flags & CO_FUTURE_ANNOTATIONS != 0,
        };
        return compile_tree(vm, &kinds, &src, want, &filename, &opts);
    }
    let text = if let Some(s) = str_of(&src) {
        s.to_string()
    } else if let Some(b) = adder_vm::ops::bytes_of(&src) {
        vm.decode_source(&b, &filename, false)?
    } else {
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    if text.contains('\0') {
        return Err(vm.value_error("source code string cannot contain null bytes"));
    }
    let cmode = match want {
        k::Expression => Mode::Eval,
        k::Interactive => Mode::Single,
        _ => Mode::Exec,
    };
    if !only_ast {
        return vm.compile(&text, &filename, cmode);
    }
    if want == k::FunctionType {
        return parse_func_type(vm, &kinds, &text, &filename);
    }
    let (tree, warnings) = adder_compiler::parse_with_warnings(&text, &filename, cmode)
        .map_err(|e| vm.compile_error_to_exception(&e))?;
    vm.issue_compile_warnings(&warnings, &filename)?;
    if want == k::Interactive {
        if let Some(e) = single_statement_error(&tree, &text, &filename) {
            return Err(vm.compile_error_to_exception(&e));
        }
    }
    let mut conv = to_py::ToPy::new(vm, &kinds, &text);
    conv.module(&tree, want == k::Interactive)
}

/// `mode='single'` takes one statement: one compound statement, or one
/// line of simple statements. Anything after it is CPython's error.
fn single_statement_error(
    tree: &ruff_python_ast::Mod,
    text: &str,
    filename: &str,
) -> Option<adder_compiler::CompileError> {
    use ruff_python_ast::Stmt;
    use ruff_text_size::Ranged;
    let ruff_python_ast::Mod::Module(m) = tree else {
        return None;
    };
    let first = m.body.first()?;
    let second = m.body.get(1)?;
    let lines = lines::LineIndex::new(text);
    let char_col = |off: usize| -> (u32, u32, String) {
        let (l, c) = lines.at(TextSize::new(off as u32));
        let start = off - c as usize;
        let line_end = text[start..]
            .find(['\n', '\r'])
            .map_or(text.len(), |e| start + e);
        let col = text[start..off.min(line_end).max(start)].chars().count() as u32;
        (l as u32, col + 1, format!("{}\n", &text[start..line_end]))
    };
    let err = |msg: &str, (l, c, t): (u32, u32, String), end_c: u32| adder_compiler::CompileError {
        kind: adder_compiler::ErrorKind::SyntaxError,
        msg: msg.to_string(),
        lineno: l,
        offset: c,
        end_lineno: l,
        end_offset: end_c,
        text: Some(t),
        filename: filename.to_string(),
        recursion: false,
    };
    let compound = matches!(
        first,
        Stmt::FunctionDef(_)
            | Stmt::ClassDef(_)
            | Stmt::For(_)
            | Stmt::While(_)
            | Stmt::If(_)
            | Stmt::With(_)
            | Stmt::Match(_)
            | Stmt::Try(_)
    );
    if compound {
        let at = char_col(second.range().start().to_usize());
        let c = at.1;
        return Some(err("invalid syntax", at, c + 1));
    }
    // The first statement that starts on a later line than the one before.
    let mut prev = first;
    for s in &m.body[1..] {
        let (pl, _) = lines.at(prev.range().end());
        let (sl, _) = lines.at(s.range().start());
        if sl > pl {
            // At the NEWLINE token: after the line's last token (and comment).
            let b = text.as_bytes();
            let mut i = prev.range().end().to_usize();
            while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\x0c' | b';') {
                i += 1;
            }
            if b.get(i) == Some(&b'#') {
                while i < b.len() && !matches!(b[i], b'\n' | b'\r') {
                    i += 1;
                }
            }
            let at = char_col(i);
            let c = at.1;
            return Some(err(
                "multiple statements found while compiling a single statement",
                at,
                c,
            ));
        }
        prev = s;
    }
    None
}

/// Node objects to a code object.
fn compile_tree(
    vm: &mut Vm,
    kinds: &Kinds,
    tree: &Value,
    want: usize,
    filename: &str,
    opts: &CompileOptions,
) -> PyResult {
    let mut conv = from_py::FromPy::new(vm, kinds);
    conv.future_annotations = opts.future_annotations;
    conv.survey(tree)?;
    conv.layout.finish();
    let module = conv.module(tree, want)?;
    let text = conv.layout.text().to_string();
    let mode = match want {
        k::Expression => Mode::Eval,
        k::Interactive => Mode::Single,
        _ => Mode::Exec,
    };
    match adder_compiler::compile_ast_with_warnings(&module, &text, filename, mode, opts) {
        Ok((co, warnings)) => {
            vm.issue_compile_warnings(&warnings, filename)?;
            Ok(vm.load_code(&co))
        }
        Err(e) => Err(vm.compile_error_to_exception(&e)),
    }
}

/// `mode='func_type'`: `(argtypes) -> returns`, as in type comments.
fn parse_func_type(vm: &mut Vm, kinds: &Kinds, text: &str, filename: &str) -> PyResult {
    let syntax_error = |vm: &mut Vm| {
        let e = adder_compiler::parse("(", filename, Mode::Eval).err();
        match e {
            Some(e) => vm.compile_error_to_exception(&e),
            None => vm.value_error("invalid syntax"),
        }
    };
    // The top-level `->`, outside brackets and strings.
    let b = text.as_bytes();
    let (mut depth, mut i, mut arrow) = (0i32, 0usize, None);
    while i < b.len() {
        match b[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b'\'' | b'"' => {
                let q = b[i];
                i += 1;
                while i < b.len() && b[i] != q {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'-' if depth == 0 && b.get(i + 1) == Some(&b'>') => {
                arrow = Some(i);
                break;
            }
            _ => {}
        }
        i += 1;
    }
    let Some(arrow) = arrow else {
        return Err(syntax_error(vm));
    };
    // Blank out the other half so offsets (and so positions) stay true.
    let blank = |s: &str| -> String {
        s.chars()
            .map(|c| if c == '\n' || c == '\r' { c } else { ' ' })
            .collect()
    };
    let left = format!("{}{}", &text[..arrow], blank(&text[arrow..]));
    // The returns half, parenthesized so its leading blanks are no indent.
    let right = format!("({}  {}\n)", blank(&text[1..arrow]), &text[arrow + 2..]);
    let lt = adder_compiler::parse(&left, filename, Mode::Eval)
        .map_err(|e| vm.compile_error_to_exception(&e))?;
    let rt = adder_compiler::parse(&right, filename, Mode::Eval)
        .map_err(|e| vm.compile_error_to_exception(&e))?;
    let (ruff_python_ast::Mod::Expression(le), ruff_python_ast::Mod::Expression(re)) = (lt, rt)
    else {
        return Err(syntax_error(vm));
    };
    let first = text
        .bytes()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(0);
    if b.get(first) != Some(&b'(') {
        return Err(syntax_error(vm));
    }
    let mut conv = to_py::ToPy::new(vm, kinds, text);
    let argtypes = match &*le.body {
        ruff_python_ast::Expr::Tuple(t) if t.parenthesized => {
            let mut v = Vec::with_capacity(t.elts.len());
            for e in &t.elts {
                let e = match e {
                    ruff_python_ast::Expr::Starred(s) => &*s.value,
                    e => e,
                };
                v.push(conv.expr(e)?);
            }
            conv.list(v)
        }
        e => {
            let v = conv.expr(e)?;
            conv.list(vec![v])
        }
    };
    let returns = conv.expr(&re.body)?;
    conv.node(k::FunctionType, vec![argtypes, returns], None)
}
