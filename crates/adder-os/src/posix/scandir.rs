//! `os.scandir()` and `os.DirEntry`: directory entries that know their file
//! type from the listing (`d_type`) and cache their `stat` results.
//!
//! Invariant: a `DirEntry` asks the host for a stat at most once per kind
//! (following symlinks or not) and only when the listing's type cannot
//! answer; a closed `ScandirIterator` yields nothing more.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use adder_host::{DirEntryInfo, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG};
use adder_object::{payload, Trace, Value};
use adder_vm::kinds::OS_FIRST;
use adder_vm::{native, Args, PyResult, Vm};

use super::attr;
use super::files::stat_result;
use crate::args::{self, noargs, truth};
use crate::util::{self, name_value, os_error, path, PathSpec};

const DIRENTRY_KIND: u8 = OS_FIRST;
const SCANDIR_KIND: u8 = OS_FIRST + 1;

#[derive(Trace)]
pub struct DirEntry {
    name: Value,
    path: Value,
    path_bytes: Vec<u8>,
    ino: u64,
    file_type: Option<u32>,
    stat: RefCell<Option<Value>>,
    lstat: RefCell<Option<Value>>,
}

payload!(DirEntry, DIRENTRY_KIND, "posix.DirEntry");

#[derive(Trace)]
pub struct ScandirIter {
    /// The host's listing: names and types, no Python objects.
    #[trace(skip)]
    entries: RefCell<VecDeque<DirEntryInfo>>,
    /// The directory as given, joined with each name for `DirEntry.path`.
    base: Vec<u8>,
    is_bytes: bool,
    closed: Cell<bool>,
}

payload!(ScandirIter, SCANDIR_KIND, "posix.ScandirIterator");

pub fn init_types(vm: &mut Vm, m: &Value) {
    let object = vm.t.object.clone();
    let de = native::new_type(
        vm,
        "posix",
        "DirEntry",
        &object,
        <DirEntry as adder_object::heap::Payload>::vtable(),
        DIRENTRY_KIND,
        0,
    );
    vm.set_new(&de, no_new);
    vm.add_getset(&de, "name", entry_name, None);
    vm.add_getset(&de, "path", entry_path, None);
    vm.add_method(&de, "inode", entry_inode);
    vm.add_method(&de, "is_dir", entry_is_dir);
    vm.add_method(&de, "is_file", entry_is_file);
    vm.add_method(&de, "is_symlink", entry_is_symlink);
    vm.add_method(&de, "stat", entry_stat);
    vm.add_method(&de, "__fspath__", entry_fspath);
    vm.add_method(&de, "__repr__", entry_repr);
    vm.add_classmethod(&de, "__class_getitem__", class_getitem);
    native::module_set(vm, m, "DirEntry", de);

    let it = native::new_type(
        vm,
        "posix",
        "ScandirIterator",
        &object,
        <ScandirIter as adder_object::heap::Payload>::vtable(),
        SCANDIR_KIND,
        0,
    );
    vm.set_new(&it, no_new);
    vm.add_method(&it, "__iter__", iter_self);
    vm.add_method(&it, "__next__", iter_next);
    vm.add_method(&it, "close", iter_close);
    vm.add_method(&it, "__enter__", iter_self);
    vm.add_method(&it, "__exit__", iter_exit);
    native::module_set(vm, m, "_ScandirIterator", it);
}

fn no_new(vm: &mut Vm, args: Args) -> PyResult {
    let name = args
        .pos
        .first()
        .map(|t| vm.type_obj(t).name())
        .unwrap_or_default();
    Err(vm.type_error(format!("cannot create 'posix.{name}' instances")))
}

fn class_getitem(vm: &mut Vm, args: Args) -> PyResult {
    // types.GenericAlias is type(list[int]).
    let list_t = vm.t.list.clone();
    let item = vm.new_int(0);
    let sample = vm.getitem(&list_t, &item)?;
    let alias_type = vm.type_of(&sample);
    let cls = args.pos.first().cloned().unwrap_or(Value::NONE);
    let arg = args.pos.get(1).cloned().unwrap_or(Value::NONE);
    vm.call(&alias_type, vec![cls, arg])
}

fn this<'a>(vm: &Vm, args: &'a Args, what: &str) -> PyResult<&'a DirEntry> {
    args.pos
        .first()
        .and_then(|v| v.downcast::<DirEntry>())
        .ok_or_else(|| {
            vm.type_error(format!(
                "descriptor '{what}' requires a 'posix.DirEntry' object"
            ))
        })
}

fn entry_name(vm: &mut Vm, v: &Value) -> PyResult {
    match v.downcast::<DirEntry>() {
        Some(e) => Ok(e.name.clone()),
        None => Err(vm.type_error("descriptor 'name' requires a 'posix.DirEntry' object")),
    }
}

fn entry_path(vm: &mut Vm, v: &Value) -> PyResult {
    match v.downcast::<DirEntry>() {
        Some(e) => Ok(e.path.clone()),
        None => Err(vm.type_error("descriptor 'path' requires a 'posix.DirEntry' object")),
    }
}

fn entry_inode(vm: &mut Vm, args: Args) -> PyResult {
    let e = this(vm, &args, "inode")?;
    let ino = e.ino;
    noargs(vm, &Args::new(args.pos[1..].to_vec()), "inode")?;
    Ok(util::int128(vm, i128::from(ino)))
}

fn entry_fspath(vm: &mut Vm, args: Args) -> PyResult {
    let e = this(vm, &args, "__fspath__")?;
    Ok(e.path.clone())
}

fn entry_repr(vm: &mut Vm, args: Args) -> PyResult {
    let e = this(vm, &args, "__repr__")?;
    let name = e.name.clone();
    let r = vm.repr_string(&name)?;
    Ok(vm.new_string(format!("<DirEntry {r}>")))
}

/// The keyword-only `follow_symlinks=True` of the `is_*`/`stat` methods.
fn follow_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<bool> {
    let sig = args::Sig {
        name,
        params: &["follow_symlinks"],
        posonly: 0,
        required: 0,
        maxpos: 0,
    };
    let a = sig.parse(vm, &args.pos[1..], &args.kw)?;
    truth(vm, &a[0], true)
}

fn fetch_stat(vm: &mut Vm, me: &Value, follow: bool) -> PyResult {
    let Some(e) = me.downcast::<DirEntry>() else {
        return Err(vm.type_error("expected a DirEntry"));
    };
    let cell = if follow { &e.stat } else { &e.lstat };
    if let Some(v) = cell.borrow().clone() {
        return Ok(v);
    }
    let path_obj = e.path.clone();
    let r = vm.host.stat(&e.path_bytes, follow);
    let st = match r {
        Ok(st) => st,
        Err(err) => return Err(os_error(vm, &err, Some(&path_obj), None)),
    };
    let v = stat_result(vm, &st)?;
    *cell.borrow_mut() = Some(v.clone());
    Ok(v)
}

fn is_symlink(vm: &mut Vm, me: &Value) -> PyResult<bool> {
    let Some(e) = me.downcast::<DirEntry>() else {
        return Ok(false);
    };
    match e.file_type {
        Some(t) => Ok(t == S_IFLNK),
        None => test_mode(vm, me, false, S_IFLNK),
    }
}

fn mode_of(vm: &mut Vm, st: &Value) -> PyResult<u32> {
    let m = vm.getattr_str(st, "st_mode")?;
    Ok(adder_vm::num::as_i64(&m).unwrap_or(0) as u32)
}

fn test_mode(vm: &mut Vm, me: &Value, follow: bool, bits: u32) -> PyResult<bool> {
    let Some(e) = me.downcast::<DirEntry>() else {
        return Ok(false);
    };
    let ft = e.file_type;
    let need_stat = ft.is_none() || (follow && is_symlink(vm, me)?);
    if need_stat {
        match fetch_stat(vm, me, follow) {
            Ok(st) => Ok(mode_of(vm, &st)? & S_IFMT == bits),
            Err(err) => {
                if vm.exc_matches(&err, &vm.t.file_not_found_error.clone()) {
                    Ok(false)
                } else {
                    Err(err)
                }
            }
        }
    } else {
        Ok(ft == Some(bits))
    }
}

fn entry_is_dir(vm: &mut Vm, args: Args) -> PyResult {
    this(vm, &args, "is_dir")?;
    let follow = follow_arg(vm, &args, "is_dir")?;
    let me = args.pos[0].clone();
    Ok(Value::from_bool(test_mode(vm, &me, follow, S_IFDIR)?))
}

fn entry_is_file(vm: &mut Vm, args: Args) -> PyResult {
    this(vm, &args, "is_file")?;
    let follow = follow_arg(vm, &args, "is_file")?;
    let me = args.pos[0].clone();
    Ok(Value::from_bool(test_mode(vm, &me, follow, S_IFREG)?))
}

fn entry_is_symlink(vm: &mut Vm, args: Args) -> PyResult {
    this(vm, &args, "is_symlink")?;
    noargs(vm, &Args::new(args.pos[1..].to_vec()), "is_symlink")?;
    args::no_kw(vm, &args, "is_symlink")?;
    let me = args.pos[0].clone();
    Ok(Value::from_bool(is_symlink(vm, &me)?))
}

fn entry_stat(vm: &mut Vm, args: Args) -> PyResult {
    this(vm, &args, "stat")?;
    let follow = follow_arg(vm, &args, "stat")?;
    let me = args.pos[0].clone();
    if !follow {
        return fetch_stat(vm, &me, false);
    }
    if let Some(v) = me
        .downcast::<DirEntry>()
        .and_then(|e| e.stat.borrow().clone())
    {
        return Ok(v);
    }
    if is_symlink(vm, &me)? {
        fetch_stat(vm, &me, true)
    } else {
        let v = fetch_stat(vm, &me, false)?;
        if let Some(e) = me.downcast::<DirEntry>() {
            *e.stat.borrow_mut() = Some(v.clone());
        }
        Ok(v)
    }
}

/// `os.scandir(path=None)`.
pub fn scandir(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::parse(vm, &args, "scandir", &["path"], 0, 1)?;
    let arg = a[0].clone().unwrap_or(Value::NONE);
    let p = path(vm, &arg, PathSpec::new("scandir", "path").nullable())?;
    let r = vm.host.scandir(&p.bytes);
    let entries = match r {
        Ok(e) => e,
        Err(e) => {
            let shown = if p.object.is_none() {
                vm.new_str(".")
            } else {
                p.object.clone()
            };
            return Err(os_error(vm, &e, Some(&shown), None));
        }
    };
    let ty = attr(vm, "_ScandirIterator")?;
    Ok(vm.alloc_builtin(
        &ty,
        ScandirIter {
            entries: RefCell::new(entries.into()),
            base: p.bytes,
            is_bytes: p.is_bytes,
            closed: Cell::new(false),
        },
    ))
}

fn iter_of<'a>(vm: &Vm, args: &'a Args) -> PyResult<&'a ScandirIter> {
    args.pos
        .first()
        .and_then(|v| v.downcast::<ScandirIter>())
        .ok_or_else(|| vm.type_error("expected a ScandirIterator"))
}

fn iter_self(vm: &mut Vm, args: Args) -> PyResult {
    iter_of(vm, &args)?;
    Ok(args.pos[0].clone())
}

fn iter_next(vm: &mut Vm, args: Args) -> PyResult {
    let it = iter_of(vm, &args)?;
    if it.closed.get() {
        return Err(vm.new_exception(&vm.t.stop_iteration.clone(), vec![]));
    }
    let next = it.entries.borrow_mut().pop_front();
    let Some(info) = next else {
        it.closed.set(true);
        return Err(vm.new_exception(&vm.t.stop_iteration.clone(), vec![]));
    };
    let mut full = it.base.clone();
    if !full.is_empty() && !full.ends_with(b"/") {
        full.push(b'/');
    }
    full.extend_from_slice(&info.name);
    let is_bytes = it.is_bytes;
    let name = name_value(vm, &info.name, is_bytes);
    let path = name_value(vm, &full, is_bytes);
    let ty = attr(vm, "DirEntry")?;
    Ok(vm.alloc_builtin(
        &ty,
        DirEntry {
            name,
            path,
            path_bytes: full,
            ino: info.ino,
            file_type: info.file_type,
            stat: RefCell::new(None),
            lstat: RefCell::new(None),
        },
    ))
}

fn iter_close(vm: &mut Vm, args: Args) -> PyResult {
    let it = iter_of(vm, &args)?;
    it.closed.set(true);
    it.entries.borrow_mut().clear();
    Ok(Value::NONE)
}

fn iter_exit(vm: &mut Vm, args: Args) -> PyResult {
    let it = iter_of(vm, &args)?;
    it.closed.set(true);
    it.entries.borrow_mut().clear();
    Ok(Value::FALSE)
}
