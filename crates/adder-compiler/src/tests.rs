//! Unit tests of the compiler: structure of the generated code, scopes, and
//! CPython's error messages.
//!
//! Invariant: every test compiles source text through the public `compile`
//! entry point only.

use super::*;

fn dis(src: &str) -> String {
    match compile(src, "<test>", Mode::Exec, &CompileOptions::default()) {
        Ok(c) => c.disassemble(),
        Err(e) => panic!("compile failed: {e:?}"),
    }
}

#[test]
fn simple_module() {
    let d = dis("x = 1\nprint(x)\n");
    assert!(d.contains("StoreName"), "{d}");
}
/// (source, exception, message, line, offset) as CPython 3.11 reports them
/// (generated with `compile(src, "<test>", "exec")`).
const ERROR_CASES: &[(&str, &str, &str, u32, u32)] = &[
    (
        "def f(x):\n    global x\n",
        "SyntaxError",
        "name 'x' is parameter and global",
        2,
        5,
    ),
    (
        "def f():\n    x = 1\n    global x\n",
        "SyntaxError",
        "name 'x' is assigned to before global declaration",
        3,
        5,
    ),
    (
        "def f():\n    print(x)\n    global x\n",
        "SyntaxError",
        "name 'x' is used prior to global declaration",
        3,
        5,
    ),
    (
        "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n",
        "SyntaxError",
        "name 'x' is assigned to before nonlocal declaration",
        5,
        9,
    ),
    (
        "nonlocal x\n",
        "SyntaxError",
        "nonlocal declaration not allowed at module level",
        1,
        1,
    ),
    (
        "def f():\n    nonlocal x\n",
        "SyntaxError",
        "no binding for nonlocal 'x' found",
        2,
        5,
    ),
    (
        "def f(a, a):\n    pass\n",
        "SyntaxError",
        "duplicate argument 'a' in function definition",
        1,
        10,
    ),
    (
        "return 1\n",
        "SyntaxError",
        "'return' outside function",
        1,
        1,
    ),
    ("yield 1\n", "SyntaxError", "'yield' outside function", 1, 1),
    ("await x\n", "SyntaxError", "'await' outside function", 1, 1),
    (
        "def f():\n    await x\n",
        "SyntaxError",
        "'await' outside async function",
        2,
        5,
    ),
    ("break\n", "SyntaxError", "'break' outside loop", 1, 1),
    (
        "continue\n",
        "SyntaxError",
        "'continue' not properly in loop",
        1,
        1,
    ),
    (
        "async def f():\n    yield 1\n    return 2\n",
        "SyntaxError",
        "'return' with value in async generator",
        3,
        5,
    ),
    (
        "x = 1\nfrom __future__ import annotations\n",
        "SyntaxError",
        "from __future__ imports must occur at the beginning of the file",
        2,
        1,
    ),
    (
        "from __future__ import nope\n",
        "SyntaxError",
        "future feature nope is not defined",
        1,
        1,
    ),
    (
        "[i := 0 for i in range(3)]\n",
        "SyntaxError",
        "assignment expression cannot rebind comprehension iteration variable 'i'",
        1,
        2,
    ),
    (
        "*a, *b = c\n",
        "SyntaxError",
        "multiple starred expressions in assignment",
        1,
        1,
    ),
    (
        "*a = b\n",
        "SyntaxError",
        "starred assignment target must be in a list or tuple",
        1,
        1,
    ),
    (
        "[(yield x) for x in y]\n",
        "SyntaxError",
        "'yield' inside list comprehension",
        1,
        3,
    ),
    (
        "def f():\n    [(yield x) for x in y]\n",
        "SyntaxError",
        "'yield' inside list comprehension",
        2,
        7,
    ),
    (
        "match x:\n    case a:\n        pass\n    case 1:\n        pass\n",
        "SyntaxError",
        "name capture 'a' makes remaining patterns unreachable",
        2,
        10,
    ),
    (
        "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
        "SyntaxError",
        "wildcard makes remaining patterns unreachable",
        2,
        10,
    ),
    (
        "match x:\n    case [a, a]:\n        pass\n",
        "SyntaxError",
        "multiple assignments to name 'a' in pattern",
        2,
        14,
    ),
    (
        "match x:\n    case [a] | [b]:\n        pass\n",
        "SyntaxError",
        "alternative patterns bind different names",
        2,
        17,
    ),
    ("x = (1,\n", "SyntaxError", "'(' was never closed", 1, 5),
    ("x = 1)\n", "SyntaxError", "unmatched ')'", 1, 6),
    (
        "x = (1]\n",
        "SyntaxError",
        "closing parenthesis ']' does not match opening parenthesis '('",
        1,
        7,
    ),
    ("if x\n    pass\n", "SyntaxError", "expected ':'", 1, 5),
    ("  x = 1\n", "IndentationError", "unexpected indent", 1, 2),
    (
        "if x:\npass\n",
        "IndentationError",
        "expected an indented block after 'if' statement on line 1",
        2,
        1,
    ),
    (
        "if x:\n        a\n    b\n",
        "IndentationError",
        "unindent does not match any outer indentation level",
        3,
        6,
    ),
    (
        "x = 'abc\n",
        "SyntaxError",
        "unterminated string literal (detected at line 1)",
        1,
        5,
    ),
    (
        "x = '''abc\n\n",
        "SyntaxError",
        "unterminated triple-quoted string literal (detected at line 2)",
        1,
        5,
    ),
    ("x = 1abc\n", "SyntaxError", "invalid decimal literal", 1, 5),
    (
        "1 = x\n",
        "SyntaxError",
        "cannot assign to literal here. Maybe you meant '==' instead of '='?",
        1,
        1,
    ),
    (
        "f() = 1\n",
        "SyntaxError",
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        1,
        1,
    ),
    (
        "x = 1 € 2\n",
        "SyntaxError",
        "invalid character '€' (U+20AC)",
        1,
        7,
    ),
    (
        "print 'hello'\n",
        "SyntaxError",
        "Missing parentheses in call to 'print'. Did you mean print(...)?",
        1,
        1,
    ),
    (
        "for x in y:\npass\n",
        "IndentationError",
        "expected an indented block after 'for' statement on line 1",
        2,
        1,
    ),
    (
        "def f():\nreturn\n",
        "IndentationError",
        "expected an indented block after function definition on line 1",
        2,
        1,
    ),
    ("x = $\n", "SyntaxError", "invalid syntax", 1, 5),
    (
        "f(**a, *b)\n",
        "SyntaxError",
        "iterable argument unpacking follows keyword argument unpacking",
        1,
        8,
    ),
    (
        "f(a=1, a=2)\n",
        "SyntaxError",
        "keyword argument repeated: a",
        1,
        8,
    ),
    (
        "def f():\n    from x import *\n",
        "SyntaxError",
        "import * only allowed at module level",
        2,
        19,
    ),
    (
        "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n",
        "SyntaxError",
        "default 'except:' must be last",
        3,
        1,
    ),
    (
        "try:\n    pass\nexcept* ValueError:\n    break\n",
        "SyntaxError",
        "'break', 'continue' and 'return' cannot appear in an except* block",
        4,
        5,
    ),
    (
        "del f()\n",
        "SyntaxError",
        "cannot delete function call",
        1,
        5,
    ),
    (
        "__debug__ = 1\n",
        "SyntaxError",
        "cannot assign to __debug__",
        1,
        1,
    ),
    (
        "a + 1 = 2\n",
        "SyntaxError",
        "cannot assign to expression here. Maybe you meant '==' instead of '='?",
        1,
        1,
    ),
    (
        "class C:\n    [y := 1 for x in z]\n",
        "SyntaxError",
        "assignment expression within a comprehension cannot be used in a class body",
        2,
        6,
    ),
    (
        "[x for x in (y := [1])]\n",
        "SyntaxError",
        "assignment expression cannot be used in a comprehension iterable expression",
        1,
        14,
    ),
];

fn on_big_stack<F: FnOnce() + Send + 'static>(f: F) {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("test thread panicked");
}

#[test]
fn error_messages_match_cpython() {
    on_big_stack(|| {
        let mut bad = Vec::new();
        for &(src, kind, msg, line, offset) in ERROR_CASES {
            match compile(src, "<test>", Mode::Exec, &CompileOptions::default()) {
                Ok(_) => bad.push(format!("{src:?}: compiled, expected {kind}: {msg}")),
                Err(e) => {
                    if e.kind.name() != kind
                        || e.msg != msg
                        || e.lineno != line
                        || e.offset != offset
                    {
                        bad.push(format!(
                            "{src:?}: got {}: {:?} at {}:{}, expected {kind}: {msg:?} at {line}:{offset}",
                            e.kind.name(),
                            e.msg,
                            e.lineno,
                            e.offset
                        ));
                    }
                }
            }
        }
        assert!(
            bad.is_empty(),
            "{} mismatches:\n{}",
            bad.len(),
            bad.join("\n")
        );
    });
}

fn code(src: &str) -> std::rc::Rc<adder_bytecode::CodeObject> {
    compile(src, "<test>", Mode::Exec, &CompileOptions::default()).expect("compiles")
}

fn find<'c>(
    c: &'c adder_bytecode::CodeObject,
    name: &str,
) -> Option<&'c adder_bytecode::CodeObject> {
    for k in &c.consts {
        if let adder_bytecode::Constant::Code(co) = k {
            if &*co.name == name {
                return Some(co);
            }
            if let Some(f) = find(co, name) {
                return Some(f);
            }
        }
    }
    None
}

fn inner<'c>(c: &'c adder_bytecode::CodeObject, name: &str) -> &'c adder_bytecode::CodeObject {
    find(c, name).unwrap_or_else(|| panic!("no code object {name}"))
}

#[test]
fn scopes_resolve_like_cpython() {
    let c = code("def f(a, *args, b=1, **kw):\n    x = a\n    def g():\n        nonlocal x\n        return x + y\n    return g\n");
    let f = inner(&c, "f");
    let names: Vec<String> = f.varnames.iter().map(|s| s.to_string()).collect();
    assert_eq!(names.join(","), "a,b,args,kw,g");
    assert_eq!(&*f.cellvars[0], "x");
    assert_eq!(f.argcount, 1);
    assert_eq!(f.kwonlyargcount, 1);
    let g = inner(&c, "g");
    assert_eq!(&*g.qualname, "f.<locals>.g");
    assert_eq!(&*g.freevars[0], "x");
    let d = g.disassemble();
    assert!(d.contains("LoadDeref") && d.contains("LoadGlobal"), "{d}");
}

#[test]
fn class_cell_and_super() {
    let c = code(
        "class C(B, metaclass=M):\n    \"doc\"\n    def m(self):\n        return super().m()\n",
    );
    let body = inner(&c, "C");
    assert_eq!(&*body.cellvars[0], "__class__");
    let d = body.disassemble();
    assert!(
        d.contains("__classcell__") && d.contains("__qualname__") && d.contains("__doc__"),
        "{d}"
    );
    let m = inner(&c, "m");
    assert_eq!(&*m.qualname, "C.m");
    assert_eq!(&*m.freevars[0], "__class__");
    let top = c.disassemble();
    assert!(
        top.contains("LoadBuildClass") && top.contains("CallKw"),
        "{top}"
    );
}

#[test]
fn comprehension_scopes() {
    let c = code("def f(y):\n    return [x + y for x in range(3) if (z := x)]\n");
    let lc = inner(&c, "<listcomp>");
    assert_eq!(&*lc.qualname, "f.<locals>.<listcomp>");
    assert_eq!(&*lc.varnames[0], ".0");
    assert_eq!(lc.argcount, 1);
    let f = inner(&c, "f");
    assert!(
        f.cellvars.iter().any(|v| &**v == "z"),
        "walrus binds in f: {:?}",
        f.cellvars
    );
}

#[test]
fn try_except_finally_tables() {
    let c = code("try:\n    a()\nexcept E as e:\n    b()\nelse:\n    c()\nfinally:\n    d()\n");
    let d = c.disassemble();
    for op in [
        "PushExcInfo",
        "CheckExcMatch",
        "PopExcept",
        "Reraise",
        "DeleteName",
    ] {
        assert!(d.contains(op), "{op} missing:\n{d}");
    }
    assert!(c.exception_table.len() >= 3);
    let mut prev = 0;
    for e in &c.exception_table {
        assert!(e.start >= prev && e.start < e.end);
        prev = e.end;
    }
}

#[test]
fn with_and_generators() {
    let c = code("async def f():\n    async with a as b:\n        await c\n    async for x in y:\n        pass\ndef g():\n    with m:\n        yield from h()\n");
    let f = inner(&c, "f");
    assert!(f.flags & adder_bytecode::flags::COROUTINE != 0);
    let d = f.disassemble();
    assert!(
        d.contains("BeforeAsyncWith") && d.contains("Send") && d.contains("EndAsyncFor"),
        "{d}"
    );
    let g = inner(&c, "g");
    assert!(g.flags & adder_bytecode::flags::GENERATOR != 0);
    let d = g.disassemble();
    assert!(
        d.contains("BeforeWith") && d.contains("WithExceptStart") && d.contains("GetYieldFromIter"),
        "{d}"
    );
}

#[test]
fn match_statement() {
    let c = code("match p:\n    case [1, *rest] | (rest, 2):\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(x=0, y=yy) if yy:\n        pass\n    case None:\n        pass\n    case _:\n        pass\n");
    let d = c.disassemble();
    for op in [
        "MatchSequence",
        "MatchMapping",
        "MatchKeys",
        "CopyDictWithoutKeys",
        "MatchClass",
        "UnpackEx",
        "IsOp",
    ] {
        assert!(d.contains(op), "{op} missing:\n{d}");
    }
}

#[test]
fn calls_and_fstrings() {
    let d = code("f(*a, **k)\nf(x, y=1)\no.m(1)\nx = f'{a!r:>{w}} {b=}'\n").disassemble();
    for op in [
        "CallEx",
        "CallKw",
        "LoadMethod",
        "CallMethod",
        "FormatValue",
        "BuildString",
    ] {
        assert!(d.contains(op), "{op} missing:\n{d}");
    }
    assert!(d.contains("b="), "{d}");
}

#[test]
fn eval_and_single_modes() {
    let e = compile("1 + x", "<e>", Mode::Eval, &CompileOptions::default()).unwrap();
    assert!(e.disassemble().contains("ReturnValue"));
    let s = compile("x\n", "<s>", Mode::Single, &CompileOptions::default()).unwrap();
    assert!(s.disassemble().contains("Intrinsic"));
}

#[test]
fn nesting_limits() {
    on_big_stack(|| {
        let deep = format!("{}1{}", "(".repeat(201), ")".repeat(201));
        let e = compile(&deep, "<t>", Mode::Exec, &CompileOptions::default()).unwrap_err();
        assert_eq!(e.msg, "too many nested parentheses");
        let ok = format!("{}1{}", "(".repeat(200), ")".repeat(200));
        assert!(compile(&ok, "<t>", Mode::Exec, &CompileOptions::default()).is_ok());
        let mut s = String::new();
        for i in 0..100 {
            s.push_str(&" ".repeat(i));
            s.push_str("if 1:\n");
        }
        s.push_str(&" ".repeat(100));
        s.push_str("pass\n");
        let e = compile(&s, "<t>", Mode::Exec, &CompileOptions::default()).unwrap_err();
        assert_eq!(e.kind, ErrorKind::IndentationError);
        assert_eq!(e.msg, "too many levels of indentation");
        let unary = format!("{}1", "-".repeat(100_000));
        let e = compile(&unary, "<t>", Mode::Exec, &CompileOptions::default()).unwrap_err();
        assert!(e.recursion, "{e:?}");
    });
}

#[test]
fn decoding() {
    assert_eq!(
        decode_source(b"\xef\xbb\xbfx = 1\n", "f").unwrap(),
        "x = 1\n"
    );
    assert_eq!(
        decode_source(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n", "f").unwrap(),
        "# -*- coding: latin-1 -*-\nx = '\u{e9}'\n"
    );
    let e = decode_source(b"# coding: foo\n", "f").unwrap_err();
    assert_eq!(e.msg, "encoding problem: foo");
    let e = decode_source(b"x = 1\ny = '\xff'\n", "f.py").unwrap_err();
    assert!(
        e.msg
            .starts_with("Non-UTF-8 code starting with '\\xff' in file f.py on line 2"),
        "{}",
        e.msg
    );
}
