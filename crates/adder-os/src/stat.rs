//! The `_stat` module: the file-mode constants and predicates of
//! `<sys/stat.h>` and `filemode()`, which `stat.py` imports over its own
//! pure-Python definitions.
//!
//! Invariant: every predicate takes the mode exactly as CPython's
//! `_PyLong_AsMode_t` does (an int, 0..=u32::MAX, with CPython's errors) and
//! the constants are Linux's (the file-type bits are the same everywhere
//! POSIX; the door/port/whiteout types do not exist here and are 0).

use adder_object::Value;
use adder_vm::vm::NativeFn;
use adder_vm::{native, Args, PyResult, Vm};
use num_bigint::Sign;
use num_traits::ToPrimitive;

const S_IFMT: u32 = 0o170_000;
const S_IFDIR: u32 = 0o040_000;
const S_IFCHR: u32 = 0o020_000;
const S_IFBLK: u32 = 0o060_000;
const S_IFREG: u32 = 0o100_000;
const S_IFIFO: u32 = 0o010_000;
const S_IFLNK: u32 = 0o120_000;
const S_IFSOCK: u32 = 0o140_000;

const CONSTS: &[(&str, i64)] = &[
    ("S_IFDIR", S_IFDIR as i64),
    ("S_IFCHR", S_IFCHR as i64),
    ("S_IFBLK", S_IFBLK as i64),
    ("S_IFREG", S_IFREG as i64),
    ("S_IFIFO", S_IFIFO as i64),
    ("S_IFLNK", S_IFLNK as i64),
    ("S_IFSOCK", S_IFSOCK as i64),
    ("S_IFDOOR", 0),
    ("S_IFPORT", 0),
    ("S_IFWHT", 0),
    ("S_ISUID", 0o4000),
    ("S_ISGID", 0o2000),
    ("S_ENFMT", 0o2000),
    ("S_ISVTX", 0o1000),
    ("S_IREAD", 0o400),
    ("S_IWRITE", 0o200),
    ("S_IEXEC", 0o100),
    ("S_IRWXU", 0o700),
    ("S_IRUSR", 0o400),
    ("S_IWUSR", 0o200),
    ("S_IXUSR", 0o100),
    ("S_IRWXG", 0o070),
    ("S_IRGRP", 0o040),
    ("S_IWGRP", 0o020),
    ("S_IXGRP", 0o010),
    ("S_IRWXO", 0o007),
    ("S_IROTH", 0o004),
    ("S_IWOTH", 0o002),
    ("S_IXOTH", 0o001),
    ("UF_NODUMP", 0x1),
    ("UF_IMMUTABLE", 0x2),
    ("UF_APPEND", 0x4),
    ("UF_OPAQUE", 0x8),
    ("UF_NOUNLINK", 0x10),
    ("UF_COMPRESSED", 0x20),
    ("UF_HIDDEN", 0x8000),
    ("SF_ARCHIVED", 0x10000),
    ("SF_IMMUTABLE", 0x20000),
    ("SF_APPEND", 0x40000),
    ("SF_NOUNLINK", 0x100000),
    ("SF_SNAPSHOT", 0x200000),
    ("ST_MODE", 0),
    ("ST_INO", 1),
    ("ST_DEV", 2),
    ("ST_NLINK", 3),
    ("ST_UID", 4),
    ("ST_GID", 5),
    ("ST_SIZE", 6),
    ("ST_ATIME", 7),
    ("ST_MTIME", 8),
    ("ST_CTIME", 9),
];

pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    native::module_add_ints(vm, m, CONSTS);
    let fns: &[(&'static str, NativeFn)] = &[
        ("S_ISDIR", s_isdir),
        ("S_ISCHR", s_ischr),
        ("S_ISBLK", s_isblk),
        ("S_ISREG", s_isreg),
        ("S_ISFIFO", s_isfifo),
        ("S_ISLNK", s_islnk),
        ("S_ISSOCK", s_issock),
        ("S_ISDOOR", s_isdoor),
        ("S_ISPORT", s_isport),
        ("S_ISWHT", s_iswht),
        ("S_IMODE", s_imode),
        ("S_IFMT", s_ifmt),
        ("filemode", filemode),
    ];
    native::module_add_fns(vm, m, fns);
    Ok(())
}

/// `_PyLong_AsMode_t`: an int in C `mode_t` range, with CPython's errors.
pub fn mode_arg(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let Some(i) = adder_vm::num::as_bigint(v) else {
        return Err(vm.type_error("an integer is required"));
    };
    if i.sign() == Sign::Minus {
        return Err(vm.overflow_error("can't convert negative value to unsigned int"));
    }
    match i.to_u64() {
        Some(x) => u32::try_from(x).map_err(|_| vm.overflow_error("mode out of range")),
        None => Err(vm.overflow_error("Python int too large to convert to C unsigned long")),
    }
}

fn one_mode(vm: &mut Vm, args: &Args, name: &str) -> PyResult<u32> {
    let v = crate::args::onearg(vm, args, &format!("_stat.{name}"))?;
    mode_arg(vm, &v)
}

macro_rules! predicate {
    ($fn:ident, $name:literal, $bits:expr) => {
        fn $fn(vm: &mut Vm, args: Args) -> PyResult {
            let m = one_mode(vm, &args, $name)?;
            let bits: u32 = $bits;
            Ok(Value::from_bool(bits != 0 && m & S_IFMT == bits))
        }
    };
}

predicate!(s_isdir, "S_ISDIR", S_IFDIR);
predicate!(s_ischr, "S_ISCHR", S_IFCHR);
predicate!(s_isblk, "S_ISBLK", S_IFBLK);
predicate!(s_isreg, "S_ISREG", S_IFREG);
predicate!(s_isfifo, "S_ISFIFO", S_IFIFO);
predicate!(s_islnk, "S_ISLNK", S_IFLNK);
predicate!(s_issock, "S_ISSOCK", S_IFSOCK);
predicate!(s_isdoor, "S_ISDOOR", 0);
predicate!(s_isport, "S_ISPORT", 0);
predicate!(s_iswht, "S_ISWHT", 0);

fn s_imode(vm: &mut Vm, args: Args) -> PyResult {
    let m = one_mode(vm, &args, "S_IMODE")?;
    Ok(vm.new_int(i64::from(m & 0o7777)))
}

fn s_ifmt(vm: &mut Vm, args: Args) -> PyResult {
    let m = one_mode(vm, &args, "S_IFMT")?;
    Ok(vm.new_int(i64::from(m & S_IFMT)))
}

/// `ls -l`-style text for a mode ("-rw-r--r--").
pub fn mode_string(m: u32) -> String {
    let kind = match m & S_IFMT {
        S_IFDIR => 'd',
        S_IFREG => '-',
        S_IFLNK => 'l',
        S_IFBLK => 'b',
        S_IFCHR => 'c',
        S_IFIFO => 'p',
        S_IFSOCK => 's',
        _ => '?',
    };
    let mut out = String::with_capacity(10);
    out.push(kind);
    // (read bit, write bit, exec bit, special bit, special char)
    let triads = [
        (0o400, 0o200, 0o100, 0o4000, 's'),
        (0o040, 0o020, 0o010, 0o2000, 's'),
        (0o004, 0o002, 0o001, 0o1000, 't'),
    ];
    for (r, w, x, special, c) in triads {
        out.push(if m & r != 0 { 'r' } else { '-' });
        out.push(if m & w != 0 { 'w' } else { '-' });
        out.push(match (m & x != 0, m & special != 0) {
            (true, true) => c,
            (false, true) => c.to_ascii_uppercase(),
            (true, false) => 'x',
            (false, false) => '-',
        });
    }
    out
}

fn filemode(vm: &mut Vm, args: Args) -> PyResult {
    let m = one_mode(vm, &args, "filemode")?;
    Ok(vm.new_string(mode_string(m)))
}

#[cfg(test)]
mod tests {
    use super::mode_string;

    #[test]
    fn filemode_matches_ls() {
        assert_eq!(mode_string(0o100644), "-rw-r--r--");
        assert_eq!(mode_string(0o170777), "?rwxrwxrwx");
        assert_eq!(mode_string(0o147777), "srwsrwsrwt");
        assert_eq!(mode_string(0o104755), "-rwsr-xr-x");
        assert_eq!(mode_string(0o041777), "drwxrwxrwt");
        assert_eq!(mode_string(0o062755), "brwxr-sr-x");
        assert_eq!(mode_string(0o040000 | 0o1000), "d--------T");
    }
}
