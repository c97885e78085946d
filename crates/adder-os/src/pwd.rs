//! The `pwd` module, reading the password database from `/etc/passwd`
//! through the host (no NSS: users that only exist in LDAP and the like
//! are not seen — documented in docs/COMPATIBILITY.md).
//!
//! Invariant: entries come back in file order, malformed lines are
//! skipped, and lookups raise CPython's exact KeyError messages.

use adder_object::Value;
use adder_vm::builtins::structseq;
use adder_vm::objects::string::Str;
use adder_vm::vm::NativeFn;
use adder_vm::{native, Args, PyResult, Vm};
use num_traits::ToPrimitive;

use crate::args;

const FIELDS: &[&str] = &[
    "pw_name",
    "pw_passwd",
    "pw_uid",
    "pw_gid",
    "pw_gecos",
    "pw_dir",
    "pw_shell",
];

const DOC: &str = "pwd.struct_passwd: Results from getpw*() routines.\n\n\
This object may be accessed either as a tuple of\n  \
(pw_name,pw_passwd,pw_uid,pw_gid,pw_gecos,pw_dir,pw_shell)\n\
or via the object attributes as named in the above tuple.";

pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] = &[
        ("getpwuid", getpwuid),
        ("getpwnam", getpwnam),
        ("getpwall", getpwall),
    ];
    native::module_add_fns(vm, m, fns);
    let t = structseq::new_type(vm, "pwd", "struct_passwd", FIELDS, 7);
    let d = vm.new_str(DOC);
    vm.add_attr(&t, "__doc__", d);
    native::module_set(vm, m, "struct_passwd", t);
    Ok(())
}

struct Entry {
    name: String,
    passwd: String,
    uid: u32,
    gid: u32,
    gecos: String,
    dir: String,
    shell: String,
}

fn entries(vm: &mut Vm) -> Vec<Entry> {
    let data = adder_host::read_file(&*vm.host, b"/etc/passwd").unwrap_or_default();
    let text = String::from_utf8_lossy(&data);
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split(':').collect();
        if f.len() != 7 {
            continue;
        }
        let (Ok(uid), Ok(gid)) = (f[2].parse::<u32>(), f[3].parse::<u32>()) else {
            continue;
        };
        out.push(Entry {
            name: f[0].to_string(),
            passwd: f[1].to_string(),
            uid,
            gid,
            gecos: f[4].to_string(),
            dir: f[5].to_string(),
            shell: f[6].to_string(),
        });
    }
    out
}

fn to_value(vm: &mut Vm, e: &Entry) -> PyResult {
    let m = native::import(vm, "pwd")?;
    let t = vm.getattr_str(&m, "struct_passwd")?;
    let vals = vec![
        vm.new_str(&e.name),
        vm.new_str(&e.passwd),
        vm.new_int(i64::from(e.uid)),
        vm.new_int(i64::from(e.gid)),
        vm.new_str(&e.gecos),
        vm.new_str(&e.dir),
        vm.new_str(&e.shell),
    ];
    Ok(structseq::new(vm, &t, vals))
}

fn getpwuid(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "pwd.getpwuid")?;
    let v = &args.pos[0];
    if !adder_vm::num::is_int(v) {
        return Err(vm.type_error(format!("uid should be integer, not {}", vm.type_name(v))));
    }
    let i = vm.index(v)?;
    let uid = i.to_u32().filter(|&u| u != u32::MAX);
    let found = uid.and_then(|u| entries(vm).into_iter().find(|e| e.uid == u));
    match (found, uid) {
        (Some(e), _) => to_value(vm, &e),
        (None, Some(u)) => {
            let msg = vm.new_string(format!("getpwuid(): uid not found: {u}"));
            Err(vm.key_error(msg))
        }
        (None, None) => {
            let msg = vm.new_str("getpwuid(): uid not found");
            Err(vm.key_error(msg))
        }
    }
}

fn getpwnam(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "pwd.getpwnam")?;
    let Some(name) = args.pos[0]
        .downcast::<Str>()
        .map(|s| s.as_str().to_string())
    else {
        return Err(vm.type_error(format!(
            "getpwnam() argument must be str, not {}",
            vm.type_name(&args.pos[0])
        )));
    };
    if name.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    match entries(vm).into_iter().find(|e| e.name == name) {
        Some(e) => to_value(vm, &e),
        None => {
            let r = vm.repr_string(&args.pos[0])?;
            let msg = vm.new_string(format!("getpwnam(): name not found: {r}"));
            Err(vm.key_error(msg))
        }
    }
}

fn getpwall(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "pwd.getpwall")?;
    let all = entries(vm);
    let mut out = Vec::with_capacity(all.len());
    for e in &all {
        out.push(to_value(vm, e)?);
    }
    Ok(vm.new_list(out))
}
