//! The embedding API: `Interpreter` runs files, strings and modules, turns
//! compiled code objects into run-time code values, and reports uncaught
//! exceptions the way CPython does.
//!
//! Invariant: every path that runs Python code from the outside ends in an
//! exit status — 0, 1 for an uncaught exception, or `SystemExit`'s code —
//! and never in a panic that escapes `Interpreter`.

use std::rc::Rc;

use adder_bytecode::{CodeObject, Constant};
use adder_compiler::{CompileError, CompileOptions, ErrorKind, Mode};
use adder_host::Host;
use adder_object::Value;

use crate::objects::function::Code;
use crate::ops::dict_set_str;
use crate::vm::{PyResult, Vm};

/// Start-up options (the CLI's flags).
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub no_site: bool,
    pub isolated: bool,
    pub ignore_environment: bool,
    pub unbuffered: bool,
    pub optimize: u8,
    pub argv: Vec<String>,
    /// Extra `sys.path` entries placed first (the script's folder, or '' for -c).
    pub path0: Option<String>,
    pub stdlib_path: String,
    /// Bytes of Rust stack the VM may use for native recursion.
    pub stack_limit: usize,
    /// Abort execution after this many instructions (fuzzing); 0 = unlimited.
    pub fuel: u64,
    /// Native modules importable by name (besides `sys` and `builtins`).
    pub modules: Vec<crate::NativeModule>,
    /// Run in order once `sys` exists, before any Python code.
    pub startup: Vec<crate::StartupHook>,
    /// `-X` options, in order (`sys._xoptions`).
    pub xoptions: Vec<String>,
    /// `PYTHONWARNINGS` entries then `-W` options, in order (`sys.warnoptions`,
    /// read by the `warnings` module when it is first imported).
    pub warnoptions: Vec<String>,
    /// The cycle collector strategy (`-X gc=NAME`, `ADDER_GC`); None: default.
    pub gc_strategy: Option<String>,
    /// Collect after every N tracked allocations (`ADDER_GC_STRESS`); 0: off.
    pub gc_stress: usize,
}

impl Config {
    pub fn new() -> Config {
        Config {
            stdlib_path: "/usr/lib/python3.11".into(),
            stack_limit: 200 << 20,
            ..Config::default()
        }
    }
}

pub struct Interpreter {
    pub vm: Vm,
}

impl Interpreter {
    pub fn new(host: Rc<dyn Host>, config: Config) -> Interpreter {
        let limit = config.stack_limit;
        let mut vm = Vm::new(host, config);
        vm.stack_limit = limit;
        vm.stack_base = crate::call::stack_address();
        crate::builtins::sys::setup_sys(&mut vm);
        let mut interp = Interpreter { vm };
        for hook in interp.vm.flags.startup.clone() {
            if let Err(e) = hook(&mut interp.vm) {
                crate::traceback::print_exception(&mut interp.vm, &e);
            }
        }
        // `site` (sys.path additions, virtual environments, builtins such as
        // `exit` and `help`) runs unless -S, as in CPython.
        if !interp.vm.flags.no_site {
            if let Err(e) = crate::native::import(&mut interp.vm, "site") {
                crate::builtins::sys::write_stderr(&mut interp.vm, "Error in site.py:\n");
                crate::traceback::print_exception(&mut interp.vm, &e);
            }
        }
        if let Some(p0) = interp.vm.flags.path0.clone() {
            let sys = interp.vm.sys_module.clone();
            if let Ok(path) = interp.vm.getattr_str(&sys, "path") {
                let p = interp.vm.new_string(p0);
                let zero = interp.vm.new_int(0);
                let _ = interp.vm.call_method(&path, "insert", vec![zero, p]);
            }
        }
        interp
    }

    /// Compiles and runs `source` as `__main__`; returns the exit status.
    pub fn run_main_source(&mut self, source: &str, filename: &str) -> i32 {
        let r = self.exec_main(source, filename);
        self.finish(r)
    }

    /// Runs raw bytes (decoding per PEP 263) as `__main__`.
    pub fn run_main_bytes(&mut self, source: &[u8], filename: &str) -> i32 {
        let r = match self.vm.decode_source(source, filename, true) {
            Ok(s) => self.exec_main(&s, filename),
            Err(e) => Err(e),
        };
        self.finish(r)
    }

    /// `-m module`: runs a module found on sys.path as `__main__`.
    pub fn run_main_module(&mut self, name: &str) -> i32 {
        let r = crate::import::run_module_as_main(&mut self.vm, name);
        // Like CPython, a missing main module is reported in one line.
        if let Err(e) = &r {
            let mnf = self.vm.t.module_not_found_error.clone();
            let is_main = self.vm.getattr_str(e, "name").ok().and_then(|n| {
                n.downcast::<crate::objects::string::Str>()
                    .map(|s| s.as_str() == name)
            });
            if self.vm.exc_matches(e, &mnf) && is_main == Some(true) {
                let prog = self
                    .vm
                    .host
                    .args()
                    .first()
                    .map(|a| String::from_utf8_lossy(a).into_owned())
                    .unwrap_or_else(|| "adder".into());
                crate::builtins::sys::write_stderr(
                    &mut self.vm,
                    &format!("{prog}: No module named {name}\n"),
                );
                crate::builtins::sys::flush_std(&mut self.vm);
                return 1;
            }
        }
        self.finish(r)
    }

    fn exec_main(&mut self, source: &str, filename: &str) -> PyResult<()> {
        let main = crate::import::new_module(&mut self.vm, "__main__");
        let globals = main
            .downcast::<crate::objects::module::Module>()
            .unwrap()
            .dict
            .clone();
        if filename != "<string>" && filename != "<stdin>" {
            let f = self.vm.new_str(filename);
            dict_set_str(&self.vm, &globals, "__file__", f)?;
        }
        let mods = self.vm.modules.clone();
        let k = self.vm.new_str("__main__");
        self.vm.dict_set(&mods, k, main)?;
        let code = self.vm.compile(source, filename, Mode::Exec)?;
        let frame = self.vm.make_module_frame(code, globals.clone(), globals);
        self.vm.run_frame(frame)?;
        Ok(())
    }

    /// Flushes stdio, runs atexit-like cleanup and maps the outcome to a status.
    fn finish(&mut self, r: PyResult<()>) -> i32 {
        let status = match r {
            Ok(()) => 0,
            Err(e) => self.vm.handle_uncaught(e),
        };
        crate::modules::small::run_exitfuncs(&mut self.vm);
        crate::builtins::sys::flush_std(&mut self.vm);
        self.vm.run_pending();
        self.clear_main();
        crate::builtins::sys::flush_std(&mut self.vm);
        status
    }

    /// Shutdown, as CPython does it for `__main__`: `sys.modules` forgets
    /// the module, `sys.meta_path` becomes None (nothing new is imported: a
    /// finaliser importing `__main__` must not run the script again), and a
    /// full collection runs while the globals are intact (the module's
    /// functions and classes hold its globals dict in cycles, so what the
    /// globals hold is garbage now, and finalisers see the globals). Only
    /// globals that survive that (the module is still held, or one of its
    /// functions is, by a signal handler or `sys.excepthook`) are set to
    /// None, names starting with one underscore first, so objects they held
    /// are finalised (`__del__`, weakref callbacks) before exit.
    fn clear_main(&mut self) {
        let vm = &mut self.vm;
        let mods = vm.modules.clone();
        let key = vm.new_str("__main__");
        let found = vm.dict_get(&mods, &key).ok().flatten();
        let globals = found
            .as_ref()
            .and_then(|m| m.downcast::<crate::objects::module::Module>())
            .map(|m| m.dict.clone());
        drop(found);
        // An internal probe (not a Python weakref: dicts take none there).
        let probe = globals.map(|d| {
            let w = vm.alloc_builtin(
                &vm.t.weakref.clone(),
                adder_object::weak::WeakRef::new(Value::NONE),
            );
            adder_object::weak::register(&d, &w);
            w
        });
        let sys = vm.sys_module.clone();
        let meta_path = vm.new_str("meta_path");
        let _ = vm.setattr(&sys, &meta_path, Value::NONE);
        crate::ops::dict_del_strkey(&mods, &key);
        vm.run_pending();
        vm.collect_garbage(2);
        vm.run_pending();
        let survivor = probe.and_then(|w| {
            w.downcast::<adder_object::weak::WeakRef>()
                .and_then(|w| w.get())
        });
        if let Some(d) = survivor {
            self.clear_globals(d);
        }
    }

    /// Sets the surviving globals of `__main__` to None, `_name`s first.
    fn clear_globals(&mut self, d: Value) {
        let vm = &mut self.vm;
        let Some(dict) = d.downcast::<crate::objects::dict::Dict>() else {
            return;
        };
        let keys: Vec<Value> = dict.keys();
        for underscore_pass in [true, false] {
            for k in &keys {
                let Some(name) = k.downcast::<crate::objects::string::Str>() else {
                    continue;
                };
                let n = name.as_str();
                if n == "__builtins__" {
                    continue;
                }
                let single_underscore = n.starts_with('_') && !n.starts_with("__");
                if single_underscore != underscore_pass {
                    continue;
                }
                let _ = vm.dict_set(&d, k.clone(), Value::NONE);
                vm.run_pending();
            }
        }
    }
}

impl Vm {
    /// Compiles source into a run-time code value.
    pub fn compile(&mut self, source: &str, filename: &str, mode: Mode) -> PyResult {
        let opts = CompileOptions {
            optimize: self.flags.optimize,
            future_annotations: false,
        };
        match adder_compiler::compile_with_warnings(source, filename, mode, &opts) {
            Ok((co, warnings)) => {
                self.issue_compile_warnings(&warnings, filename)?;
                Ok(self.load_code(&co))
            }
            Err(e) => Err(self.compile_error_to_exception(&e)),
        }
    }

    /// Decodes source bytes per PEP 263. Encodings the compiler does not
    /// decode itself (latin9, cp437, ...) go through the codecs registry,
    /// as CPython's tokenizer does. An unknown encoding is "unknown
    /// encoding: X" for source given as bytes (`compile`, imports) and
    /// "encoding problem: X" for a script file (`script`).
    pub fn decode_source(
        &mut self,
        bytes: &[u8],
        filename: &str,
        script: bool,
    ) -> PyResult<String> {
        let e = match adder_compiler::decode_source(bytes, filename) {
            Ok(s) => return Ok(s),
            Err(e) => e,
        };
        let cookie = adder_compiler::coding_cookie(bytes);
        if let Some(name) = cookie.filter(|n| e.msg == format!("encoding problem: {n}")) {
            let b = self.new_bytes(bytes.to_vec());
            let n = self.new_str(&name);
            match self.call_method(&b, "decode", vec![n]) {
                Ok(s) => {
                    if let Some(s) = s.downcast::<crate::objects::string::Str>() {
                        return Ok(s.as_str().to_string());
                    }
                }
                Err(de) if self.exc_matches(&de, &self.t.lookup_error.clone()) => {
                    if !script {
                        let mut e = e;
                        e.msg = format!("unknown encoding: {name}");
                        return Err(self.compile_error_to_exception(&e));
                    }
                }
                Err(de) => {
                    let msg = self.str_string(&de).unwrap_or_default();
                    let mut e = e;
                    e.msg = format!("(unicode error) {msg}");
                    return Err(self.compile_error_to_exception(&e));
                }
            }
        }
        Err(self.compile_error_to_exception(&e))
    }

    pub fn compile_error_to_exception(&mut self, e: &CompileError) -> Value {
        if e.recursion {
            return self.new_exception_msg(&self.t.recursion_error, &e.msg);
        }
        let ty = match e.kind {
            ErrorKind::SyntaxError => self.t.syntax_error.clone(),
            ErrorKind::IndentationError => self.t.indentation_error.clone(),
            ErrorKind::TabError => self.t.tab_error.clone(),
        };
        let msg = self.new_str(&e.msg);
        let filename = self.new_str(&e.filename);
        let text = match &e.text {
            Some(t) => self.new_str(t),
            None => Value::NONE,
        };
        let details = self.new_tuple(vec![
            filename,
            self.new_int(e.lineno as i64),
            self.new_int(e.offset as i64),
            text,
            self.new_int(e.end_lineno as i64),
            self.new_int(e.end_offset as i64),
        ]);
        let exc = self.new_exception(&ty, vec![msg, details]);
        crate::builtins::exceptions::init_syntax_error_attrs(self, &exc);
        exc
    }

    /// Turns a compiled `CodeObject` into a `code` value, materialising its
    /// constants and interning its names (recursively for nested code).
    pub fn load_code(&mut self, co: &Rc<CodeObject>) -> Value {
        let consts: Vec<Value> = co.consts.iter().map(|c| self.constant_value(c)).collect();
        let names: Vec<Value> = co.names.iter().map(|n| self.intern(n)).collect();
        let varnames: Vec<Value> = co.varnames.iter().map(|n| self.intern(n)).collect();
        let name = self.intern(&co.name);
        self.alloc_builtin(
            &self.t.code,
            Code {
                code: co.clone(),
                consts: consts.into_boxed_slice(),
                names: names.into_boxed_slice(),
                varnames: varnames.into_boxed_slice(),
                qualname: self.new_str(&co.qualname),
                name,
                global_cache: std::cell::RefCell::new(Vec::new()),
                attr_cache: std::cell::RefCell::new(Vec::new()),
            },
        )
    }

    fn constant_value(&mut self, c: &Constant) -> Value {
        match c {
            Constant::None => Value::NONE,
            Constant::True => Value::TRUE,
            Constant::False => Value::FALSE,
            Constant::Ellipsis => self.ellipsis.clone(),
            Constant::Int(i) => self.new_bigint(i.clone()),
            Constant::Float(x) => self.new_float(*x),
            Constant::Complex { re, im } => self.new_complex(*re, *im),
            Constant::Str(s) => {
                if s.len() <= 40 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                    self.intern(s)
                } else {
                    self.new_str(s)
                }
            }
            Constant::Bytes(b) => self.new_bytes(b.to_vec()),
            Constant::Tuple(items) => {
                let v: Vec<Value> = items.iter().map(|c| self.constant_value(c)).collect();
                self.new_tuple(v)
            }
            Constant::FrozenSet(items) => {
                let v: Vec<Value> = items.iter().map(|c| self.constant_value(c)).collect();
                crate::builtins::set::make_set(self, v, true).unwrap_or(Value::NONE)
            }
            Constant::Code(inner) => self.load_code(inner),
        }
    }

    /// Reports an uncaught exception (or handles SystemExit); returns the status.
    pub fn handle_uncaught(&mut self, e: Value) -> i32 {
        if self.exc_matches(&e, &self.t.system_exit.clone()) {
            return crate::builtins::sys::system_exit_status(self, &e);
        }
        crate::traceback::print_exception(self, &e);
        1
    }
}

/// Runs arbitrary bytes as a program on an in-memory host with a bounded
/// budget. Panics only on an internal error (a bug): Python exceptions,
/// including SystemError-free ones, are normal outcomes.
pub fn fuzz_entry(data: &[u8]) {
    let host = Rc::new(adder_host::MemoryHost::new());
    let mut cfg = Config::new();
    cfg.no_site = true;
    cfg.stack_limit = 4 << 20;
    cfg.fuel = 1_000_000;
    let mut it = Interpreter::new(host, cfg);
    let _ = it.run_main_bytes(data, "<fuzz>");
}
