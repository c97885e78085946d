//! The import system: finds `.py` modules and packages on `sys.path` (or a
//! package's `__path__`) through the host, executes them in fresh module
//! namespaces, and keeps `sys.modules` as the single registry.
//!
//! Invariant: a module is in `sys.modules` from just before its code starts
//! until its code fails (then it is removed again), so circular imports see
//! the partially initialised module, as in CPython.

use adder_compiler::Mode;
use adder_object::Value;

use crate::kinds;
use crate::objects::module::Module;
use crate::objects::string::Str;
use crate::ops::{dict_get_str, dict_set_str};
use crate::vm::{PyResult, Vm};

pub fn new_module(vm: &mut Vm, name: &str) -> Value {
    let d = vm.new_dict();
    let m = vm.alloc_builtin(&vm.t.module.clone(), Module { dict: d.clone() });
    let n = vm.new_str(name);
    let _ = dict_set_str(vm, &d, "__name__", n);
    let _ = dict_set_str(vm, &d, "__doc__", Value::NONE);
    let _ = dict_set_str(vm, &d, "__package__", Value::NONE);
    let _ = dict_set_str(vm, &d, "__loader__", Value::NONE);
    let _ = dict_set_str(vm, &d, "__spec__", Value::NONE);
    let b = vm.builtins_module.clone();
    let _ = dict_set_str(vm, &d, "__builtins__", b);
    m
}

fn str_of(v: &Value) -> Option<String> {
    v.downcast::<Str>().map(|s| s.as_str().to_string())
}

/// Resolves a relative import to an absolute module name.
fn resolve_name(vm: &mut Vm, name: &str, globals: &Value, level: usize) -> PyResult<String> {
    if level == 0 {
        if name.is_empty() {
            return Err(vm.value_error("Empty module name"));
        }
        return Ok(name.to_string());
    }
    let spec = dict_get_str(globals, "__spec__").filter(|p| !p.is_none());
    let package = match dict_get_str(globals, "__package__").filter(|p| !p.is_none()) {
        Some(p) => str_of(&p).unwrap_or_default(),
        None if spec.is_some() => {
            let parent = vm.getattr_str(spec.as_ref().unwrap(), "parent")?;
            str_of(&parent).unwrap_or_default()
        }
        None => {
            // As importlib's _calc___package__.
            let c = vm.t.import_warning.clone();
            vm.warn(
                &c,
                "can't resolve package from __spec__ or __package__, falling back on __name__ and __path__",
                3,
            )?;
            let modname = dict_get_str(globals, "__name__")
                .and_then(|n| str_of(&n))
                .unwrap_or_default();
            if dict_get_str(globals, "__path__").is_some() {
                modname
            } else {
                modname
                    .rsplit_once('.')
                    .map(|(a, _)| a.to_string())
                    .unwrap_or_default()
            }
        }
    };
    if package.is_empty() {
        return Err(vm.new_exception_msg(
            &vm.t.import_error.clone(),
            "attempted relative import with no known parent package",
        ));
    }
    let mut base = package.as_str();
    for _ in 1..level {
        match base.rsplit_once('.') {
            Some((a, _)) => base = a,
            None => {
                return Err(vm.new_exception_msg(
                    &vm.t.import_error.clone(),
                    "attempted relative import beyond top-level package",
                ))
            }
        }
    }
    Ok(if name.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{name}")
    })
}

/// `IMPORT_NAME`: `__import__(name, globals, None, fromlist, level)`.
pub fn import_name(
    vm: &mut Vm,
    name: &Value,
    globals: &Value,
    fromlist: &Value,
    level: &Value,
) -> PyResult {
    let level = crate::num::as_i64(level).unwrap_or(0).max(0) as usize;
    let name = str_of(name).unwrap_or_default();
    // A user-replaced builtins.__import__ takes over.
    if let Some(imp) = dict_get_str(&vm.builtins.clone(), "__import__") {
        if imp.kind() != Some(kinds::NATIVE) {
            let n = vm.new_str(&name);
            let lv = vm.new_int(level as i64);
            return vm.call(
                &imp,
                vec![n, globals.clone(), Value::NONE, fromlist.clone(), lv],
            );
        }
    }
    import_module_level(vm, &name, globals, fromlist, level)
}

pub fn import_module_level(
    vm: &mut Vm,
    name: &str,
    globals: &Value,
    fromlist: &Value,
    level: usize,
) -> PyResult {
    let abs = resolve_name(vm, name, globals, level)?;
    let module = import_absolute(vm, &abs)?;
    let has_fromlist = !fromlist.is_none() && !fromlist.is_null() && vm.truthy(fromlist)?;
    if !has_fromlist {
        if level == 0 || !name.is_empty() {
            // `import a.b.c` binds the top-level package.
            let top = if level == 0 {
                name.split('.').next().unwrap().to_string()
            } else {
                let cut = abs.len() - name.len();
                let first = name.split('.').next().unwrap();
                format!("{}{}", &abs[..cut], first)
            };
            return lookup_module(vm, &top)
                .ok_or_else(|| vm.runtime_error("top-level package vanished"));
        }
        return Ok(module);
    }
    // `from pkg import sub`: import submodules named in the fromlist.
    if let Some(m) = module.downcast::<Module>() {
        if dict_get_str(&m.dict, "__path__").is_some() {
            for item in vm.iterate(fromlist)? {
                let Some(s) = str_of(&item) else { continue };
                if s == "*" {
                    continue;
                }
                let iv = vm.intern(&s);
                if vm.instance_attr(&module, &iv).is_none() {
                    let sub = format!("{abs}.{s}");
                    match import_absolute(vm, &sub) {
                        Ok(_) => {}
                        Err(e) if vm.exc_matches(&e, &vm.t.module_not_found_error.clone()) => {}
                        Err(e) => return Err(e),
                    }
                }
            }
        }
    }
    Ok(module)
}

fn lookup_module(vm: &Vm, name: &str) -> Option<Value> {
    dict_get_str(&vm.modules, name).filter(|m| !m.is_none())
}

/// Imports `name` (absolute, dotted), importing parents first.
pub fn import_absolute(vm: &mut Vm, name: &str) -> PyResult {
    if let Some(m) = dict_get_str(&vm.modules, name) {
        if m.is_none() {
            return Err(not_found(vm, name, true));
        }
        return Ok(m);
    }
    // CPython's finders live on sys.meta_path; shutdown sets it to None
    // (Interpreter::clear_main), after which nothing new is imported.
    let sys = vm.sys_module.clone();
    if vm.getattr_str(&sys, "meta_path").is_ok_and(|m| m.is_none()) {
        let e = vm.new_exception_msg(
            &vm.t.import_error.clone(),
            "sys.meta_path is None, Python is likely shutting down",
        );
        return Err(e);
    }
    let (parent, search): (Option<Value>, Vec<String>) = match name.rsplit_once('.') {
        Some((p, _)) => {
            let pm = import_absolute(vm, p)?;
            // The parent's import may have imported us already.
            if let Some(m) = lookup_module(vm, name) {
                return Ok(m);
            }
            let path = vm.getattr_str(&pm, "__path__").ok();
            match path {
                Some(p) => {
                    let mut v = Vec::new();
                    for e in vm.iterate(&p)? {
                        if let Some(s) = str_of(&e) {
                            v.push(s);
                        }
                    }
                    (Some(pm), v)
                }
                None => {
                    let e = vm.new_exception_msg(
                        &vm.t.module_not_found_error.clone(),
                        format!("No module named '{name}'; '{p}' is not a package"),
                    );
                    return Err(e);
                }
            }
        }
        None => {
            if let Some(m) = crate::native::load(vm, name)? {
                let k = vm.new_str(name);
                let mods = vm.modules.clone();
                vm.dict_set(&mods, k, m.clone())?;
                return Ok(m);
            }
            (None, sys_path(vm)?)
        }
    };
    let short = name.rsplit('.').next().unwrap();
    for dir in search {
        let base = if dir.is_empty() {
            short.to_string()
        } else {
            format!("{}/{}", dir.trim_end_matches('/'), short)
        };
        let init = format!("{base}/__init__.py");
        if is_file(vm, &init) {
            return exec_module_file(vm, name, &init, Some(&base), parent);
        }
        let file = format!("{base}.py");
        if is_file(vm, &file) {
            return exec_module_file(vm, name, &file, None, parent);
        }
    }
    Err(not_found(vm, name, false))
}

fn not_found(vm: &mut Vm, name: &str, none_in_modules: bool) -> Value {
    let msg = if none_in_modules {
        format!("import of {name} halted; None in sys.modules")
    } else {
        format!("No module named '{name}'")
    };
    let e = vm.new_exception_msg(&vm.t.module_not_found_error.clone(), msg);
    if let Some(slot) = e.header().and_then(|h| h.dict_slot()) {
        let d = vm.new_dict();
        let n = vm.new_str(name);
        let _ = dict_set_str(vm, &d, "name", n);
        let _ = dict_set_str(vm, &d, "path", Value::NONE);
        slot.set(d);
    }
    e
}

fn sys_path(vm: &mut Vm) -> PyResult<Vec<String>> {
    let sys = vm.sys_module.clone();
    let path = vm.getattr_str(&sys, "path")?;
    let mut out = Vec::new();
    for e in vm.iterate(&path)? {
        if let Some(s) = str_of(&e) {
            out.push(s);
        }
    }
    Ok(out)
}

fn is_file(vm: &Vm, path: &str) -> bool {
    match vm.host.stat(path.as_bytes(), true) {
        Ok(st) => st.mode & 0o170000 == 0o100000,
        Err(_) => false,
    }
}

pub fn read_file(vm: &mut Vm, path: &str) -> PyResult<Vec<u8>> {
    let host = vm.host.clone();
    adder_host::read_file(&*host, path.as_bytes())
        .map_err(|e| crate::builtins::exceptions::os_error(vm, &e, Some(path)))
}

fn exec_module_file(
    vm: &mut Vm,
    name: &str,
    file: &str,
    pkg_dir: Option<&str>,
    parent: Option<Value>,
) -> PyResult {
    let bytes = read_file(vm, file)?;
    let source = vm.decode_source(&bytes, file, false)?;
    let code = vm.compile(&source, file, Mode::Exec)?;
    let m = new_module(vm, name);
    let d = m.downcast::<Module>().unwrap().dict.clone();
    let f = vm.new_str(file);
    dict_set_str(vm, &d, "__file__", f)?;
    let package = match pkg_dir {
        Some(dir) => {
            let p = vm.new_str(dir);
            let l = vm.new_list(vec![p]);
            dict_set_str(vm, &d, "__path__", l)?;
            name.to_string()
        }
        None => name
            .rsplit_once('.')
            .map(|(a, _)| a.to_string())
            .unwrap_or_default(),
    };
    let p = vm.new_string(package);
    dict_set_str(vm, &d, "__package__", p)?;
    let k = vm.new_str(name);
    let mods = vm.modules.clone();
    vm.dict_set(&mods, k.clone(), m.clone())?;
    let frame = vm.make_module_frame(code, d.clone(), d);
    vm.initializing.push(name.to_string());
    let r = vm.run_frame(frame);
    vm.initializing.pop();
    if let Err(e) = r {
        let _ = vm.dict_pop(&mods, &k);
        return Err(e);
    }
    // The module may have replaced itself in sys.modules.
    let m = lookup_module(vm, name).unwrap_or(m);
    if let Some(p) = parent {
        let short = name.rsplit('.').next().unwrap();
        let sn = vm.intern(short);
        vm.setattr(&p, &sn, m.clone())?;
    }
    Ok(m)
}

/// `IMPORT_FROM`: an attribute of the module, or its submodule.
pub fn import_from(vm: &mut Vm, m: &Value, name: &Value) -> PyResult {
    match vm.getattr_opt(m, name)? {
        Some(v) => Ok(v),
        None => {
            let n = str_of(name).unwrap_or_default();
            let modname = vm.getattr_str(m, "__name__").ok().and_then(|v| str_of(&v));
            if let Some(mn) = &modname {
                if let Some(sub) = lookup_module(vm, &format!("{mn}.{n}")) {
                    return Ok(sub);
                }
            }
            let mn = modname.unwrap_or_else(|| "<unknown module name>".into());
            let file = vm.getattr_str(m, "__file__").ok().and_then(|v| str_of(&v));
            let partial = vm.initializing.contains(&mn);
            let from = if partial {
                format!(
                    "partially initialized module '{mn}' (most likely due to a circular import)"
                )
            } else {
                format!("'{mn}'")
            };
            let msg = match file {
                Some(f) => format!("cannot import name '{n}' from {from} ({f})"),
                None => format!("cannot import name '{n}' from {from} (unknown location)"),
            };
            let e = vm.new_exception_msg(&vm.t.import_error.clone(), msg);
            if let Some(slot) = e.header().and_then(|h| h.dict_slot()) {
                let d = vm.new_dict();
                let nm = vm.new_string(mn);
                dict_set_str(vm, &d, "name", nm)?;
                let p = vm.getattr_str(m, "__file__").unwrap_or(Value::NONE);
                dict_set_str(vm, &d, "path", p)?;
                dict_set_str(vm, &d, "msg", Value::NONE)?;
                slot.set(d);
            }
            Err(e)
        }
    }
}

pub fn import_star(vm: &mut Vm, m: &Value, target: &Value) -> PyResult<()> {
    let all = vm.getattr_opt(m, &vm.names.__all__.clone())?;
    let names: Vec<Value> = match all {
        Some(a) => vm.iterate(&a)?,
        None => {
            let d = vm
                .object_dict(m)
                .ok_or_else(|| vm.type_error("module has no __dict__"))?;
            d.downcast::<crate::objects::dict::Dict>()
                .unwrap()
                .keys()
                .into_iter()
                .filter(|k| str_of(k).is_some_and(|s| !s.starts_with('_')))
                .collect()
        }
    };
    for n in names {
        let v = vm.getattr(m, &n)?;
        vm.setitem(target, n, v)?;
    }
    Ok(())
}

/// `-m name`: imports the package parents, then runs the module's file as `__main__`.
pub fn run_module_as_main(vm: &mut Vm, name: &str) -> PyResult<()> {
    if let Some((p, _)) = name.rsplit_once('.') {
        import_absolute(vm, p)?;
    }
    let search = match name.rsplit_once('.') {
        Some((p, _)) => {
            let pm = lookup_module(vm, p).unwrap();
            let path = vm.getattr_str(&pm, "__path__")?;
            vm.iterate(&path)?.iter().filter_map(str_of).collect()
        }
        None => sys_path(vm)?,
    };
    let short = name.rsplit('.').next().unwrap();
    for dir in search {
        let base = if dir.is_empty() {
            short.to_string()
        } else {
            format!("{}/{}", dir.trim_end_matches('/'), short)
        };
        let main_in_pkg = format!("{base}/__main__.py");
        if is_file(vm, &format!("{base}/__init__.py")) && is_file(vm, &main_in_pkg) {
            import_absolute(vm, name)?;
            return run_file_as_main(vm, &main_in_pkg, &format!("{name}.__main__"), name);
        }
        let file = format!("{base}.py");
        if is_file(vm, &file) {
            let pkg = name
                .rsplit_once('.')
                .map(|(a, _)| a.to_string())
                .unwrap_or_default();
            return run_file_as_main(vm, &file, name, &pkg);
        }
    }
    Err(not_found(vm, name, false))
}

fn run_file_as_main(vm: &mut Vm, file: &str, _spec_name: &str, package: &str) -> PyResult<()> {
    let bytes = read_file(vm, file)?;
    let source = vm.decode_source(&bytes, file, false)?;
    let code = vm.compile(&source, file, Mode::Exec)?;
    let m = new_module(vm, "__main__");
    let d = m.downcast::<Module>().unwrap().dict.clone();
    let f = vm.new_str(file);
    dict_set_str(vm, &d, "__file__", f)?;
    let p = vm.new_str(package);
    dict_set_str(vm, &d, "__package__", p)?;
    let mods = vm.modules.clone();
    let k = vm.new_str("__main__");
    vm.dict_set(&mods, k, m)?;
    if let Ok(argv0) = vm.getattr_str(&vm.sys_module.clone(), "argv") {
        if argv0.kind() == Some(kinds::LIST) {
            let fv = vm.new_str(file);
            let l = argv0.downcast::<crate::objects::seq::List>().unwrap();
            if l.is_empty() {
                l.items.borrow_mut().push(fv);
            } else {
                l.items.borrow_mut()[0] = fv;
            }
        }
    }
    let frame = vm.make_module_frame(code, d.clone(), d);
    vm.run_frame(frame)?;
    Ok(())
}
