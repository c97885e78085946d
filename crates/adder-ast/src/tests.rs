//! Round trip through node objects: source -> ruff -> `_ast` objects ->
//! ruff -> code must give the same code object (instructions, constants,
//! names, and every instruction's line and column) as compiling the source
//! directly — so a tree from `ast.parse` keeps its positions in tracebacks.
//!
//! Invariant: the test reads files only through `adder_host`.

use std::rc::Rc;

use adder_bytecode::{CodeObject, Constant};
use adder_compiler::{CompileOptions, Mode};
use adder_host::{Host, NativeHost};
use adder_vm::{Config, Interpreter};

use crate::node_table::k;
use crate::nodes::Kinds;

fn interpreter() -> Interpreter {
    let mut cfg = Config::new();
    cfg.modules = crate::modules();
    cfg.no_site = true;
    Interpreter::new(Rc::new(NativeHost::new()), cfg)
}

fn roundtrip(interp: &mut Interpreter, src: &str) -> Result<Rc<CodeObject>, String> {
    let vm = &mut interp.vm;
    let m = adder_vm::native::import(vm, "_ast").map_err(|_| "import _ast".to_string())?;
    let kinds = Kinds::of_module(vm, &m).map_err(|_| "kinds".to_string())?;
    let tree = adder_compiler::parse(src, "<rt>", Mode::Exec).map_err(|e| e.msg)?;
    let obj = crate::to_py::ToPy::new(vm, &kinds, src)
        .module(&tree, false)
        .map_err(|e| vm.repr_string(&e).unwrap_or_default())?;
    let mut conv = crate::from_py::FromPy::new(vm, &kinds);
    conv.survey(&obj).map_err(|_| "survey".to_string())?;
    conv.layout.finish();
    let module = match conv.module(&obj, k::Module) {
        Ok(m) => m,
        Err(e) => return Err(vm.repr_string(&e).unwrap_or_default()),
    };
    let text = conv.layout.text().to_string();
    adder_compiler::compile_ast(
        &module,
        &text,
        "<rt>",
        Mode::Exec,
        &CompileOptions::default(),
    )
    .map_err(|e| e.msg)
}

/// The first difference between two code objects, if any.
fn diff(a: &CodeObject, b: &CodeObject, path: &str) -> Option<String> {
    let here = format!("{path}/{}", a.qualname);
    if a.code != b.code {
        return Some(format!("{here}: code differs"));
    }
    for (i, (x, y)) in a.locations.iter().zip(b.locations.iter()).enumerate() {
        if x != y {
            return Some(format!("{here}: location {i}: {x:?} vs {y:?}"));
        }
    }
    let scalars = (
        &a.names,
        &a.varnames,
        &a.cellvars,
        &a.freevars,
        a.argcount,
        a.flags,
        a.firstlineno,
    );
    let other = (
        &b.names,
        &b.varnames,
        &b.cellvars,
        &b.freevars,
        b.argcount,
        b.flags,
        b.firstlineno,
    );
    if scalars != other {
        return Some(format!("{here}: names/flags/firstlineno differ"));
    }
    if a.consts.len() != b.consts.len() {
        return Some(format!("{here}: constants differ"));
    }
    for (x, y) in a.consts.iter().zip(&b.consts) {
        match (x, y) {
            (Constant::Code(x), Constant::Code(y)) => {
                if let Some(d) = diff(x, y, &here) {
                    return Some(d);
                }
            }
            (x, y) if x != y => return Some(format!("{here}: constant {x:?} vs {y:?}")),
            _ => {}
        }
    }
    None
}

fn check(interp: &mut Interpreter, name: &str, src: &str) -> Option<String> {
    let direct = match adder_compiler::compile(src, "<rt>", Mode::Exec, &CompileOptions::default())
    {
        Ok(c) => c,
        Err(_) => return None,
    };
    match roundtrip(interp, src) {
        Ok(c) => diff(&direct, &c, name),
        Err(e) => Some(format!("{name}: {e}")),
    }
}

const SNIPPETS: &[&str] = &[
    "x = 1\ny = x + 2\nprint(x, y)\n",
    "@d\n@e(1)\ndef f(a, /, b=1, *c, d, e=2, **g):\n    return a + b\n",
    "class C(B, metaclass=M):\n    '''doc'''\n    def m(self):\n        return super().m()\n",
    "for i in range(3):\n    if i:\n        continue\n    elif i > 1:\n        break\nelse:\n    pass\n",
    "try:\n    a()\nexcept (A, B) as e:\n    b(e)\nexcept:\n    c\nelse:\n    d\nfinally:\n    e\n",
    "with a as b, c:\n    f(b)\n",
    "async def g():\n    async for x in y:\n        await x\n    async with z as w:\n        pass\n",
    "match p:\n    case Point(x=0, y=0) | [1, *_]:\n        pass\n    case {1: _, 'k': v, **r} if v:\n        pass\n    case -1 | 2+3j | 'a' | b'x' | a.b | None:\n        pass\n",
    "x = f'{a!r:>{w}} and {b=}' 'tail'\n",
    "x = [i for i in y if i]\nz = {k: v for k, v in d}\ng = (i for i in y)\ns = {i async for i in y}\n",
    "lambda a, *b, c=1, **d: (a, b, c, d)\n",
    "x = a if b else c\ndel x[0], y.z\nglobal q\nassert x, 'm'\nraise E from e\n",
    "def gen():\n    x = yield 1\n    yield from x\n    return (y := 2)\n",
    "import a.b as c, d\nfrom .. import (x as y, z)\nfrom m import *\n",
    "x: int = 1\n(y): str\na.b: float = 2\nx += 1\n",
    "print(1 if x else 2, *a, k=3, **kw)\nf(x for x in y)\n",
    "s = (1, 2.5, -3, 10**100, 'é', b'\\x00', None, True, ..., 1j)\n",
];

#[test]
fn snippets_roundtrip() {
    let mut interp = interpreter();
    let mut bad = Vec::new();
    for (i, s) in SNIPPETS.iter().enumerate() {
        if let Some(d) = check(&mut interp, &format!("snippet{i}"), s) {
            bad.push(d);
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

const STDLIB: &[&str] = &[
    "ast.py",
    "argparse.py",
    "dataclasses.py",
    "enum.py",
    "functools.py",
    "inspect.py",
    "typing.py",
    "collections/__init__.py",
    "json/decoder.py",
    "re/_parser.py",
    "contextlib.py",
    "textwrap.py",
    "string.py",
    "difflib.py",
    "pprint.py",
    "tokenize.py",
    "traceback.py",
    "unittest/case.py",
    "asyncio/tasks.py",
    "email/_header_value_parser.py",
    "test/test_patma.py",
    "test/test_dataclasses.py",
    "test/test_unpack_ex.py",
    "test/test_coroutines.py",
];

/// Files whose round trip differs in a column only, because node objects
/// do not record what ruff's tree does: a parenthesized `with` item's
/// parentheses (`with (a if b else c) as f:`).
const KNOWN_COLUMN_DIFFERENCES: &[&str] = &["compileall.py"];

/// Every top-level module of the standard library, plus the listed ones.
#[test]
fn stdlib_roundtrip() {
    let mut interp = interpreter();
    let host = NativeHost::new();
    let mut files: Vec<String> = STDLIB.iter().map(|s| s.to_string()).collect();
    if let Ok(names) = host.listdir(b"/usr/lib/python3.11") {
        for n in names {
            let n = String::from_utf8_lossy(&n).into_owned();
            if n.ends_with(".py") && !KNOWN_COLUMN_DIFFERENCES.contains(&n.as_str()) {
                files.push(n);
            }
        }
    }
    files.sort();
    files.dedup();
    let mut bad = Vec::new();
    let mut checked = 0;
    for f in &files {
        let path = format!("/usr/lib/python3.11/{f}");
        let Ok(bytes) = adder_host::read_file(&host as &dyn Host, path.as_bytes()) else {
            continue;
        };
        let Ok(src) = String::from_utf8(bytes) else {
            continue;
        };
        checked += 1;
        if let Some(d) = check(&mut interp, f, &src) {
            bad.push(d);
        }
    }
    assert!(checked >= STDLIB.len(), "too few files read: {checked}");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
