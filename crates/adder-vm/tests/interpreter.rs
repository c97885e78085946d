//! In-process tests of the VM's internals through the embedding API, on the
//! in-memory host: stackless recursion, the recursion limit, the execution
//! budget, hidden-class sharing, the dict/set tables and error reporting.

use std::rc::Rc;

use adder_host::MemoryHost;
use adder_vm::{Config, Interpreter};

/// Runs `src` as `__main__`; returns (status, stdout, stderr).
fn run_with(src: &str, fuel: u64) -> (i32, String, String) {
    let host = Rc::new(MemoryHost::new());
    let mut cfg = Config::new();
    cfg.no_site = true;
    cfg.fuel = fuel;
    // Tests run on small threads: keep native recursion well inside them.
    cfg.stack_limit = 512 << 10;
    let mut it = Interpreter::new(host.clone(), cfg);
    let status = it.run_main_source(src, "<test>");
    let out = String::from_utf8_lossy(&host.take_stdout()).into_owned();
    let err = String::from_utf8_lossy(&host.take_stderr()).into_owned();
    (status, out, err)
}

fn run(src: &str) -> (i32, String, String) {
    run_with(src, 0)
}

fn last_line(s: &str) -> &str {
    s.trim_end().lines().last().unwrap_or("")
}

#[test]
fn deep_python_recursion_does_not_use_the_rust_stack() {
    // 100,000 nested Python calls on a test thread with a small stack.
    let (status, out, err) = run(
        "import sys\nsys.setrecursionlimit(10**6)\ndef f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(100000))\n",
    );
    assert_eq!(status, 0, "{err}");
    assert_eq!(out, "100000\n");
}

#[test]
fn unbounded_recursion_is_a_recursion_error() {
    let (status, _, err) = run("def g():\n    return g()\ng()\n");
    assert_eq!(status, 1);
    assert_eq!(
        last_line(&err),
        "RecursionError: maximum recursion depth exceeded"
    );
    assert!(err.contains("[Previous line repeated"), "{err}");
}

#[test]
fn native_recursion_counts_against_the_limit() {
    let (status, out, _) = run(
        "l = []\nfor i in range(5000):\n    l = [l]\ntry:\n    repr(l)\nexcept RecursionError as e:\n    print(e)\n",
    );
    assert_eq!(status, 0);
    // Either the recursion limit or the native stack guard stops it first
    // (the guard's bound depends on the test thread's stack).
    assert!(out.starts_with("maximum recursion depth exceeded"), "{out}");
}

#[test]
fn fuel_bounds_an_infinite_loop() {
    let (status, _, err) = run_with(
        "while True:\n    try:\n        pass\n    except BaseException:\n        pass\n",
        10_000,
    );
    assert_eq!(status, 1);
    assert_eq!(last_line(&err), "RuntimeError: execution budget exhausted");
}

#[test]
fn instances_of_a_class_share_shapes_and_learn_their_size() {
    let (status, out, err) = run(
        "import sys\nclass P:\n    def __init__(self, a, b, c):\n        self.a = a; self.b = b; self.c = c\nps = [P(i, i, i) for i in range(20)]\nprint(sys.getsizeof(ps[0]), sys.getsizeof(ps[-1]), ps[-1].c)\nps[-1].d = 4\nprint(ps[-1].__dict__)\n",
    );
    assert_eq!(status, 0, "{err}");
    // The first instances get room to grow (4 slots); later ones exactly 3:
    // a 16-byte header plus 8 bytes per attribute.
    assert_eq!(out, "48 40 19\n{'a': 19, 'b': 19, 'c': 19, 'd': 4}\n");
}

#[test]
fn dict_keeps_insertion_order_through_deletes_and_resizes() {
    let (status, out, err) = run(
        "d = {}\nfor i in range(1000):\n    d[str(i)] = i\nfor i in range(0, 1000, 2):\n    del d[str(i)]\nks = list(d)\nprint(len(d), ks[:3], ks[-1], d['999'], '0' in d)\n",
    );
    assert_eq!(status, 0, "{err}");
    assert_eq!(out, "500 ['1', '3', '5'] 999 999 False\n");
}

#[test]
fn sets_of_small_ints_iterate_like_cpython() {
    // Expected values from CPython 3.11 (slot order, linear probes, resizes).
    let (status, out, err) = run(
        "s = set()\nfor x in (100, 5, 37, 64):\n    s.add(x)\nprint({3, 1, 2}, {9, 2, 3}, s)\nt = set(range(20))\nt.discard(5)\nprint(list(t)[:6], t.pop())\n",
    );
    assert_eq!(status, 0, "{err}");
    assert_eq!(
        out,
        "{1, 2, 3} {9, 2, 3} {64, 37, 100, 5}\n[0, 1, 2, 3, 4, 6] 0\n"
    );
}

#[test]
fn uncaught_exception_prints_a_traceback_and_exits_1() {
    let (status, _, err) = run("def f():\n    return 1 / 0\nf()\n");
    assert_eq!(status, 1);
    assert!(
        err.starts_with("Traceback (most recent call last):\n"),
        "{err}"
    );
    assert!(err.contains("line 2, in f"), "{err}");
    assert_eq!(last_line(&err), "ZeroDivisionError: division by zero");
}

#[test]
fn system_exit_sets_the_status() {
    assert_eq!(run("import sys\nsys.exit(3)\n").0, 3);
    let (status, _, err) = run("raise SystemExit('bye')\n");
    assert_eq!((status, err.as_str()), (1, "bye\n"));
}

#[test]
fn syntax_errors_are_reported_like_cpython() {
    let (status, _, err) = run("x = (1,\n");
    assert_eq!(status, 1);
    assert_eq!(last_line(&err), "SyntaxError: '(' was never closed");
}

#[test]
fn floats_are_not_allocated_and_keep_their_bits() {
    let (status, out, err) =
        run("x = -0.0\nprint(x, 1e16, 0.1 + 0.2, float('nan') != float('nan'), 2.0 ** 0.5)\n");
    assert_eq!(status, 0, "{err}");
    assert_eq!(
        out,
        "-0.0 1e+16 0.30000000000000004 True 1.4142135623730951\n"
    );
}
