//! The `posix` module: what `os.py` builds `os` from, through the host.
//! The functions live in submodules by concept (`files`: paths and stat;
//! `fds`: descriptors; `scandir`: directory iteration; `process`: identity,
//! environment, processes and system facts); this file assembles the module.
//!
//! Invariant: `_have_functions` lists only features that really work here
//! (no `dir_fd`: every `*at` feature is absent, so `os.supports_dir_fd` is
//! empty and passing `dir_fd` raises NotImplementedError as on a platform
//! without it); functions Adder cannot provide honestly (`fork`, `exec*`)
//! are left out, so `os` and `subprocess` feature-detect their absence.

mod fds;
mod files;
mod process;
pub mod scandir;

use adder_host::consts;
use adder_object::Value;
use adder_vm::builtins::structseq;
use adder_vm::vm::NativeFn;
use adder_vm::{native, PyResult, Vm};

use crate::args;

/// The struct-sequence types of this module, kept in its dict.
const STAT_FIELDS: &[&str] = &[
    "st_mode",
    "st_ino",
    "st_dev",
    "st_nlink",
    "st_uid",
    "st_gid",
    "st_size",
    "",
    "",
    "",
    "st_atime",
    "st_mtime",
    "st_ctime",
    "st_atime_ns",
    "st_mtime_ns",
    "st_ctime_ns",
    "st_blksize",
    "st_blocks",
    "st_rdev",
];

const STAT_DOC: &str = "stat_result: Result from stat, fstat, or lstat.\n\n\
This object may be accessed either as a tuple of\n  \
(mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime)\n\
or via the attributes st_mode, st_ino, st_dev, st_nlink, st_uid, and so on.\n\n\
Posix/windows: If your platform supports st_blksize, st_blocks, st_rdev,\n\
or st_flags, they are available as attributes only.\n\n\
See os.stat for more information.";

const TIMES_DOC: &str = "times_result: Result from os.times().\n\n\
This object may be accessed either as a tuple of\n  \
(user, system, children_user, children_system, elapsed),\n\
or via the attributes user, system, children_user, children_system,\n\
and elapsed.\n\nSee os.times for more information.";

const UNAME_DOC: &str = "uname_result: Result from os.uname().\n\n\
This object may be accessed either as a tuple of\n  \
(sysname, nodename, release, version, machine),\n\
or via the attributes sysname, nodename, release, version, and machine.\n\n\
See os.uname for more information.";

const HAVE_FUNCTIONS: &[&str] = &[
    "HAVE_FCHDIR",
    "HAVE_FCHMOD",
    "HAVE_FSTATVFS",
    "HAVE_FTRUNCATE",
    "HAVE_LSTAT",
];

const STATVFS_DOC: &str = "statvfs_result: Result from statvfs or fstatvfs.\n\n\
This object may be accessed either as a tuple of\n  \
(bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax),\n\
or via the attributes f_bsize, f_frsize, f_blocks, f_bfree, and so on.\n\n\
See os.statvfs for more information.";

const INT_CONSTS: &[(&str, i64)] = &[
    ("F_OK", 0),
    ("R_OK", 4),
    ("W_OK", 2),
    ("X_OK", 1),
    ("SEEK_SET", 0),
    ("SEEK_CUR", 1),
    ("SEEK_END", 2),
    ("SEEK_DATA", 3),
    ("SEEK_HOLE", 4),
    ("EX_OK", 0),
    ("EX_USAGE", 64),
    ("EX_DATAERR", 65),
    ("EX_NOINPUT", 66),
    ("EX_NOUSER", 67),
    ("EX_NOHOST", 68),
    ("EX_UNAVAILABLE", 69),
    ("EX_SOFTWARE", 70),
    ("EX_OSERR", 71),
    ("EX_OSFILE", 72),
    ("EX_CANTCREAT", 73),
    ("EX_IOERR", 74),
    ("EX_TEMPFAIL", 75),
    ("EX_PROTOCOL", 76),
    ("EX_NOPERM", 77),
    ("EX_CONFIG", 78),
    ("TMP_MAX", 238_328),
    ("NGROUPS_MAX", 65_536),
];

fn set_doc(vm: &mut Vm, ty: &Value, doc: &str) {
    let d = vm.new_str(doc);
    vm.add_attr(ty, "__doc__", d);
}

pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let mut fns: Vec<(&'static str, NativeFn)> = Vec::new();
    fns.extend_from_slice(files::FUNCTIONS);
    fns.extend_from_slice(fds::FUNCTIONS);
    fns.extend_from_slice(process::FUNCTIONS);
    fns.push(("scandir", scandir::scandir));
    native::module_add_fns(vm, m, &fns);

    native::module_add_ints(vm, m, INT_CONSTS);
    native::module_add_ints(vm, m, consts::OPEN_FLAGS);
    native::module_add_ints(vm, m, consts::WAIT);
    native::module_add_ints(vm, m, consts::RTLD);
    // lockf's commands (unistd.h; the same on every Linux libc).
    native::module_add_ints(
        vm,
        m,
        &[("F_ULOCK", 0), ("F_LOCK", 1), ("F_TLOCK", 2), ("F_TEST", 3)],
    );
    for (py, table) in [
        ("sysconf_names", consts::SYSCONF_NAMES),
        ("confstr_names", consts::CONFSTR_NAMES),
        ("pathconf_names", consts::PATHCONF_NAMES),
    ] {
        let d = vm.new_dict();
        for &(n, v) in table {
            let k = vm.new_str(n);
            let v = vm.new_int(v);
            vm.dict_set(&d, k, v)?;
        }
        native::module_set(vm, m, py, d);
    }

    let have: Vec<Value> = HAVE_FUNCTIONS.iter().map(|h| vm.new_str(h)).collect();
    let have = vm.new_list(have);
    native::module_set(vm, m, "_have_functions", have);
    let err = vm.t.os_error.clone();
    native::module_set(vm, m, "error", err);

    let env = vm.new_dict();
    for (k, v) in vm.host.env_vars() {
        let k = vm.new_bytes(k);
        let v = vm.new_bytes(v);
        vm.dict_set(&env, k, v)?;
    }
    native::module_set(vm, m, "environ", env);

    let st = structseq::new_type(vm, "os", "stat_result", STAT_FIELDS, 10);
    set_doc(vm, &st, STAT_DOC);
    vm.set_new(&st, files::stat_result_new);
    native::module_set(vm, m, "stat_result", st);
    let sv = structseq::new_type(
        vm,
        "os",
        "statvfs_result",
        &[
            "f_bsize",
            "f_frsize",
            "f_blocks",
            "f_bfree",
            "f_bavail",
            "f_files",
            "f_ffree",
            "f_favail",
            "f_flag",
            "f_namemax",
            "f_fsid",
        ],
        10,
    );
    set_doc(vm, &sv, STATVFS_DOC);
    native::module_set(vm, m, "statvfs_result", sv);
    let ts = structseq::new_type(vm, "os", "terminal_size", &["columns", "lines"], 2);
    set_doc(
        vm,
        &ts,
        "A tuple of (columns, lines) for holding terminal window size",
    );
    native::module_set(vm, m, "terminal_size", ts);
    let tr = structseq::new_type(
        vm,
        "posix",
        "times_result",
        &[
            "user",
            "system",
            "children_user",
            "children_system",
            "elapsed",
        ],
        5,
    );
    set_doc(vm, &tr, TIMES_DOC);
    native::module_set(vm, m, "times_result", tr);
    let ur = structseq::new_type(
        vm,
        "posix",
        "uname_result",
        &["sysname", "nodename", "release", "version", "machine"],
        5,
    );
    set_doc(vm, &ur, UNAME_DOC);
    native::module_set(vm, m, "uname_result", ur);
    scandir::init_types(vm, m);
    Ok(())
}

/// `posix.<name>` (a type or constant this module keeps).
pub fn attr(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let m = native::import(vm, "posix")?;
    vm.getattr_str(&m, name)
}

/// Rejects a `dir_fd` argument (no `*at` support): None is fine.
pub fn no_dir_fd(vm: &mut Vm, v: &Option<Value>, func: &str, argname: &str) -> PyResult<()> {
    match v {
        None => Ok(()),
        Some(v) if v.is_none() => Ok(()),
        Some(v) => {
            if !adder_vm::num::is_int(v) {
                return Err(vm.type_error(format!(
                    "argument should be integer or None, not {}",
                    vm.type_name(v)
                )));
            }
            args::c_int(vm, v)?;
            Err(vm.new_exception_msg(
                &vm.t.not_implemented_error.clone(),
                format!("{func}: {argname} unavailable on this platform"),
            ))
        }
    }
}
