//! Path-level system calls of the native host beyond the core file calls in
//! `mod.rs`: directory scans with `d_type`, links, permissions, ownership,
//! times, `access`, `umask`, `pathconf`. Invariant: each call is one libc
//! call on a NUL-checked C path (retried on `EINTR`), and its errno reaches
//! the caller unchanged.

use super::{c_path, check, last_error, retry};
use crate::{
    DirEntryInfo, Fd, HostError, HostResult, StatVfs, EINVAL, S_IFDIR, S_IFIFO, S_IFLNK, S_IFREG,
};

fn d_type_mode(d_type: u8) -> Option<u32> {
    match d_type {
        libc::DT_DIR => Some(S_IFDIR),
        libc::DT_REG => Some(S_IFREG),
        libc::DT_LNK => Some(S_IFLNK),
        libc::DT_FIFO => Some(S_IFIFO),
        libc::DT_CHR => Some(crate::S_IFCHR),
        libc::DT_BLK => Some(0o060_000),
        libc::DT_SOCK => Some(0o140_000),
        _ => None,
    }
}

pub fn scandir(path: &[u8]) -> HostResult<Vec<DirEntryInfo>> {
    let path = if path.is_empty() { b"." as &[u8] } else { path };
    let cpath = c_path(path)?;
    // SAFETY: `cpath` is NUL-terminated.
    let dir = unsafe { libc::opendir(cpath.as_ptr()) };
    if dir.is_null() {
        return Err(last_error());
    }
    let mut out = Vec::new();
    let result = loop {
        // SAFETY: errno is thread-local; zeroing it tells end-of-directory
        // apart from an error after readdir returns null.
        unsafe { *libc::__errno_location() = 0 };
        // SAFETY: `dir` is an open DIR stream, used by this thread only.
        let ent = unsafe { libc::readdir(dir) };
        if ent.is_null() {
            let e = last_error();
            break if e.errno == 0 { Ok(()) } else { Err(e) };
        }
        // SAFETY: readdir returned a valid entry, live until the next call.
        let ent = unsafe { &*ent };
        // SAFETY: d_name is NUL-terminated within the entry.
        let name = unsafe { std::ffi::CStr::from_ptr(ent.d_name.as_ptr()) }.to_bytes();
        if name == b"." || name == b".." {
            continue;
        }
        out.push(DirEntryInfo {
            name: name.to_vec(),
            file_type: d_type_mode(ent.d_type),
            ino: ent.d_ino,
        });
    };
    // SAFETY: `dir` is open and closed exactly once.
    unsafe { libc::closedir(dir) };
    result.map(|()| out)
}

pub fn symlink(target: &[u8], link: &[u8]) -> HostResult<()> {
    let t = c_path(target)?;
    let l = c_path(link)?;
    // SAFETY: both paths are NUL-terminated.
    check(unsafe { libc::symlink(t.as_ptr(), l.as_ptr()) }).map(drop)
}

pub fn link(src: &[u8], dst: &[u8], follow_symlinks: bool) -> HostResult<()> {
    let s = c_path(src)?;
    let d = c_path(dst)?;
    let flags = if follow_symlinks {
        libc::AT_SYMLINK_FOLLOW
    } else {
        0
    };
    // SAFETY: both paths are NUL-terminated.
    check(unsafe {
        libc::linkat(
            libc::AT_FDCWD,
            s.as_ptr(),
            libc::AT_FDCWD,
            d.as_ptr(),
            flags,
        )
    })
    .map(drop)
}

pub fn chmod(path: &[u8], mode: u32, follow_symlinks: bool) -> HostResult<()> {
    let p = c_path(path)?;
    let flags = if follow_symlinks {
        0
    } else {
        libc::AT_SYMLINK_NOFOLLOW
    };
    retry(|| {
        // SAFETY: `p` is NUL-terminated.
        unsafe { libc::fchmodat(libc::AT_FDCWD, p.as_ptr(), mode as libc::mode_t, flags) as isize }
    })
    .map(drop)
}

pub fn chown(
    path: &[u8],
    uid: Option<u32>,
    gid: Option<u32>,
    follow_symlinks: bool,
) -> HostResult<()> {
    let p = c_path(path)?;
    let uid = uid.unwrap_or(u32::MAX) as libc::uid_t;
    let gid = gid.unwrap_or(u32::MAX) as libc::gid_t;
    // SAFETY: `p` is NUL-terminated.
    let rc = unsafe {
        if follow_symlinks {
            libc::chown(p.as_ptr(), uid, gid)
        } else {
            libc::lchown(p.as_ptr(), uid, gid)
        }
    };
    check(rc).map(drop)
}

fn timespec(ns: i128) -> HostResult<libc::timespec> {
    let secs = ns.div_euclid(1_000_000_000);
    let nsec = ns.rem_euclid(1_000_000_000);
    Ok(libc::timespec {
        tv_sec: libc::time_t::try_from(secs).map_err(|_| HostError::from_errno(EINVAL))?,
        tv_nsec: nsec as _,
    })
}

pub fn utime(path: &[u8], times: Option<(i128, i128)>, follow_symlinks: bool) -> HostResult<()> {
    let p = c_path(path)?;
    let flags = if follow_symlinks {
        0
    } else {
        libc::AT_SYMLINK_NOFOLLOW
    };
    let ts;
    let ptr = match times {
        Some((a, m)) => {
            ts = [timespec(a)?, timespec(m)?];
            ts.as_ptr()
        }
        None => std::ptr::null(),
    };
    // SAFETY: `p` is NUL-terminated; `ptr` is null or two timespecs.
    check(unsafe { libc::utimensat(libc::AT_FDCWD, p.as_ptr(), ptr, flags) }).map(drop)
}

pub fn truncate(path: &[u8], len: u64) -> HostResult<()> {
    let p = c_path(path)?;
    let len = libc::off_t::try_from(len).map_err(|_| HostError::from_errno(EINVAL))?;
    // SAFETY: `p` is NUL-terminated.
    retry(|| unsafe { libc::truncate(p.as_ptr(), len) } as isize).map(drop)
}

pub fn access(
    path: &[u8],
    mode: u32,
    effective_ids: bool,
    follow_symlinks: bool,
) -> HostResult<()> {
    let p = c_path(path)?;
    let mut flags = 0;
    if effective_ids {
        flags |= libc::AT_EACCESS;
    }
    if !follow_symlinks {
        flags |= libc::AT_SYMLINK_NOFOLLOW;
    }
    // SAFETY: `p` is NUL-terminated.
    check(unsafe { libc::faccessat(libc::AT_FDCWD, p.as_ptr(), mode as libc::c_int, flags) })
        .map(drop)
}

pub fn umask(mask: u32) -> u32 {
    // SAFETY: plain integer argument.
    unsafe { libc::umask(mask as libc::mode_t) as u32 }
}

pub fn pathconf(path: &[u8], name: i32) -> HostResult<Option<i64>> {
    let p = c_path(path)?;
    // SAFETY: errno is thread-local; zero tells "no limit" from an error.
    unsafe { *libc::__errno_location() = 0 };
    // SAFETY: `p` is NUL-terminated.
    let r = unsafe { libc::pathconf(p.as_ptr(), name) };
    if r == -1 {
        let e = last_error();
        return if e.errno == 0 { Ok(None) } else { Err(e) };
    }
    Ok(Some(r as i64))
}

#[allow(clippy::unnecessary_cast, clippy::useless_conversion)] // widths differ per platform
fn convert_vfs(v: &libc::statvfs) -> StatVfs {
    StatVfs {
        bsize: v.f_bsize as u64,
        frsize: v.f_frsize as u64,
        blocks: v.f_blocks as u64,
        bfree: v.f_bfree as u64,
        bavail: v.f_bavail as u64,
        files: v.f_files as u64,
        ffree: v.f_ffree as u64,
        favail: v.f_favail as u64,
        flag: v.f_flag as u64,
        namemax: v.f_namemax as u64,
        fsid: v.f_fsid as u64,
    }
}

pub fn statvfs(path: &[u8]) -> HostResult<StatVfs> {
    let p = c_path(path)?;
    // SAFETY: an all-zero statvfs is a valid value of this plain C struct.
    let mut v: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `p` is NUL-terminated and `v` writable for the call.
    retry(|| unsafe { libc::statvfs(p.as_ptr(), &mut v) } as isize)?;
    Ok(convert_vfs(&v))
}

pub fn fstatvfs(fd: Fd) -> HostResult<StatVfs> {
    // SAFETY: an all-zero statvfs is a valid value of this plain C struct.
    let mut v: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `v` is writable for the call.
    retry(|| unsafe { libc::fstatvfs(fd, &mut v) } as isize)?;
    Ok(convert_vfs(&v))
}
