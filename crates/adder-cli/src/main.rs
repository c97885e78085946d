//! The `adder` command: CPython's command-line interface over Adder.
//!
//! Invariant: all OS access goes through the native host; the interpreter
//! runs on a thread with a large stack so that deep native recursion ends in
//! `RecursionError` (the VM's stack guard) and never in a crash; the process
//! exit status is exactly the interpreter's.

use std::rc::Rc;

use adder_host::{Host, NativeHost};
use adder_vm::{Config, Interpreter};

mod alloc;

#[global_allocator]
static GLOBAL: alloc::Allocator = alloc::Allocator;

const USAGE: &str = "usage: adder [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

const HELP: &str = "usage: adder [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options (a subset of CPython's):
-c cmd : program passed in as string (terminates option list)
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-I     : isolate Adder from the user's environment (implies -E and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered
-V     : print the Python version number and exit (also --version)
-W arg : warning control (accepted and ignored for now)
-X opt : set implementation-specific option (accepted and ignored for now)
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

enum Program {
    Command(String),
    Module(String),
    File(String),
    Stdin,
}

fn parse(args: &[String], cfg: &mut Config, host: &NativeHost) -> Result<Program, (String, i32)> {
    let mut i = 1;
    while i < args.len() {
        let a = &args[i];
        if a == "-" {
            cfg.argv = args[i..].to_vec();
            return Ok(Program::Stdin);
        }
        if a == "--help" {
            return Err((HELP.to_string(), 0));
        }
        if a == "--version" {
            return Err(("Python 3.11.2\n".to_string(), 0));
        }
        if a == "--" {
            i += 1;
            break;
        }
        if !a.starts_with('-') || a.len() < 2 {
            break;
        }
        let flags: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        while j < flags.len() {
            let f = flags[j];
            match f {
                'c' | 'm' | 'W' | 'X' => {
                    let rest: String = flags[j + 1..].iter().collect();
                    let value = if !rest.is_empty() {
                        rest
                    } else {
                        i += 1;
                        match args.get(i) {
                            Some(v) => v.clone(),
                            None => return Err((format!("Argument expected for the -{f} option\n{USAGE}Try `adder -h' for more information.\n"), 2)),
                        }
                    };
                    match f {
                        'c' => {
                            cfg.argv = std::iter::once("-c".to_string())
                                .chain(args[i + 1..].iter().cloned())
                                .collect();
                            return Ok(Program::Command(value));
                        }
                        'm' => {
                            cfg.argv = std::iter::once(value.clone())
                                .chain(args[i + 1..].iter().cloned())
                                .collect();
                            return Ok(Program::Module(value));
                        }
                        'X' => {
                            if let Some(name) = value.strip_prefix("gc=") {
                                cfg.gc_strategy = Some(name.to_string());
                            }
                            cfg.xoptions.push(value);
                        }
                        'W' => cfg.warnoptions.push(value),
                        _ => {}
                    }
                    j = flags.len();
                    continue;
                }
                'S' => cfg.no_site = true,
                'I' => {
                    cfg.isolated = true;
                    cfg.ignore_environment = true;
                }
                'E' => cfg.ignore_environment = true,
                'u' => cfg.unbuffered = true,
                'O' => cfg.optimize = cfg.optimize.saturating_add(1),
                'B' | 's' | 'q' | 'b' | 'd' | 'v' | 'R' | 'P' => {}
                'V' => return Err(("Python 3.11.2\n".to_string(), 0)),
                'h' | '?' => return Err((HELP.to_string(), 0)),
                'i' => {
                    return Err((
                        "adder: interactive mode (-i) is not supported yet\n".to_string(),
                        2,
                    ))
                }
                _ => {
                    return Err((
                        format!(
                            "Unknown option: -{f}\n{USAGE}Try `adder -h' for more information.\n"
                        ),
                        2,
                    ));
                }
            }
            j += 1;
        }
        i += 1;
    }
    if i < args.len() {
        cfg.argv = args[i..].to_vec();
        return Ok(Program::File(args[i].clone()));
    }
    cfg.argv = vec![String::new()];
    let _ = host;
    Ok(Program::Stdin)
}

fn dirname(path: &str) -> String {
    match path.rfind('/') {
        Some(0) => "/".to_string(),
        Some(i) => path[..i].to_string(),
        None => String::new(),
    }
}

fn run(host: Rc<NativeHost>) -> i32 {
    let args: Vec<String> = host
        .args()
        .iter()
        .map(|a| adder_text::surrogate::decode_utf8_surrogateescape(a).into_owned())
        .collect();
    let mut cfg = Config::new();
    let program = match parse(&args, &mut cfg, &host) {
        Ok(p) => p,
        Err((msg, code)) => {
            let fd = if code == 0 { 1 } else { 2 };
            let _ = adder_host::write_all(&*host, fd, msg.as_bytes());
            return code;
        }
    };
    // Adder's own collector controls apply even under -E.
    if cfg.gc_strategy.is_none() {
        if let Some(v) = host.getenv(b"ADDER_GC").filter(|v| !v.is_empty()) {
            cfg.gc_strategy = Some(String::from_utf8_lossy(&v).into_owned());
        }
    }
    if let Some(name) = &cfg.gc_strategy {
        if !adder_vm::collector::STRATEGIES.contains(&name.as_str()) {
            let msg = format!(
                "adder: unknown garbage collector '{name}' (-X gc= / ADDER_GC; available: {})\n",
                adder_vm::collector::STRATEGIES.join(", ")
            );
            let _ = adder_host::write_all(&*host, 2, msg.as_bytes());
            return 2;
        }
    }
    if let Some(v) = host.getenv(b"ADDER_GC_STRESS") {
        match std::str::from_utf8(&v)
            .ok()
            .and_then(|s| s.parse::<usize>().ok())
        {
            Some(n) => cfg.gc_stress = n,
            None => {
                let _ = adder_host::write_all(
                    &*host,
                    2,
                    b"adder: ADDER_GC_STRESS must be a count of allocations\n",
                );
                return 2;
            }
        }
    }
    // sys.warnoptions: PYTHONWARNINGS (comma-separated) before the -W options.
    if !cfg.ignore_environment {
        if let Some(v) = host.getenv(b"PYTHONWARNINGS") {
            let env: Vec<String> = String::from_utf8_lossy(&v)
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            cfg.warnoptions.splice(0..0, env);
        }
    }
    if !cfg.ignore_environment
        && host
            .getenv(b"PYTHONUNBUFFERED")
            .is_some_and(|v| !v.is_empty())
    {
        cfg.unbuffered = true;
    }
    match &program {
        Program::Command(_) | Program::Stdin | Program::Module(_) => {
            if !cfg.isolated {
                cfg.path0 = Some(if matches!(program, Program::Module(_)) {
                    adder_text::surrogate::decode_utf8_surrogateescape(
                        &host.getcwd().unwrap_or_default(),
                    )
                    .into_owned()
                } else {
                    String::new()
                });
            }
        }
        Program::File(f) => {
            if !cfg.isolated {
                let d = dirname(f);
                let abs = if d.starts_with('/') {
                    d
                } else {
                    let cwd = adder_text::surrogate::decode_utf8_surrogateescape(
                        &host.getcwd().unwrap_or_default(),
                    )
                    .into_owned();
                    if d.is_empty() {
                        cwd
                    } else {
                        format!("{cwd}/{d}")
                    }
                };
                cfg.path0 = Some(abs);
            }
        }
    }
    #[cfg(feature = "stdlib")]
    {
        cfg.modules = adder_stdlib::modules();
        cfg.startup = adder_stdlib::startup();
    }
    let dynhost: Rc<dyn Host> = host.clone();
    let mut interp = Interpreter::new(dynhost, cfg);
    let status = run_program(&mut interp, program, &host, &args);
    // ADDER_LEAK_CHECK=1: tear everything down and report what survived
    // (the leak-check test reads this last line of stderr).
    // ADDER_LEAK_CHECK=2 also lists the surviving layouts.
    let check = host.getenv(b"ADDER_LEAK_CHECK").unwrap_or_default();
    if check == b"1" || check == b"2" {
        interp.vm.teardown_for_leak_check();
        drop(interp);
        let s = adder_vm::collector::leaks::survivors();
        let mut msg = String::new();
        if check == b"2" {
            for (name, n) in &s.by_layout {
                msg.push_str(&format!("  {n:6} {name}\n"));
            }
        }
        msg.push_str(&format!(
            "adder leak check: {} objects, {} bytes\n",
            s.objects, s.bytes
        ));
        let _ = adder_host::write_all(&*host, 2, msg.as_bytes());
    }
    status
}

fn run_program(
    interp: &mut Interpreter,
    program: Program,
    host: &NativeHost,
    args: &[String],
) -> i32 {
    match program {
        Program::Command(c) => interp.run_main_source(&c, "<string>"),
        Program::Module(m) => interp.run_main_module(&m),
        Program::File(f) => match adder_host::read_file(
            host,
            &adder_text::surrogate::encode_utf8_surrogateescape(&f)
                .map_or_else(|_| f.as_bytes().to_vec(), |b| b.into_owned()),
        ) {
            Ok(bytes) => {
                // Like CPython, the main script's code carries an absolute path.
                let abs = if f.starts_with('/') {
                    f.clone()
                } else {
                    let cwd = adder_text::surrogate::decode_utf8_surrogateescape(
                        &host.getcwd().unwrap_or_default(),
                    )
                    .into_owned();
                    format!("{cwd}/{}", f.trim_start_matches("./"))
                };
                interp.run_main_bytes(&bytes, &abs)
            }
            Err(e) => {
                let msg = format!(
                    "{}: can't open file '{}': [Errno {}] {}\n",
                    args.first().map_or("adder", |s| s.as_str()),
                    f,
                    e.errno,
                    e.message
                );
                let _ = adder_host::write_all(host, 2, msg.as_bytes());
                2
            }
        },
        Program::Stdin => {
            let bytes = adder_host::read_to_end(host, 0).unwrap_or_default();
            interp.run_main_bytes(&bytes, "<stdin>")
        }
    }
}

/// After a big cycle collection: mimalloc keeps freed memory for reuse; the
/// collection's arrays and the garbage it freed are returned to the system.
fn release_freed_memory() {
    // SAFETY: mi_collect only walks the calling thread's own heap.
    unsafe { libmimalloc_sys::mi_collect(true) };
}

fn main() {
    let host = Rc::new(NativeHost::new());
    let h2 = host.clone();
    // The interpreter thread gets a big stack; the VM's guard keeps native
    // recursion well inside it.
    let status = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let host = Rc::new(NativeHost::new());
            adder_object::cycles::set_release_hook(Some(release_freed_memory));
            run(host)
        })
        .map(|t| {
            // Signals for the process go to the interpreter thread, as they
            // would to CPython's only thread (handlers run synchronously).
            NativeHost::block_signals_in_current_thread();
            t.join().unwrap_or(70)
        })
        .unwrap_or(70);
    drop(h2);
    host.exit(status);
}
