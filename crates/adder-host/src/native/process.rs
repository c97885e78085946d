//! Process-level calls of the native host: environment changes, identity,
//! system facts (`uname`, `sysconf`, `confstr`), resource usage and limits,
//! waiting for children, and `spawn` (fork + exec). Invariant: between
//! `fork` and `exec` the child only makes async-signal-safe libc calls on
//! memory prepared before the fork (no allocation, no locks), and reports a
//! failure through the request's error descriptor in CPython's format.

use std::ffi::CString;

use super::{c_path, check, last_error, retry_blocking};
use crate::{HostError, HostResult, Rusage, SpawnRequest, Times, Uname, EINVAL};

fn env_name_ok(name: &[u8]) -> bool {
    !name.is_empty() && !name.contains(&b'=') && !name.contains(&0)
}

pub fn putenv(name: &[u8], value: &[u8]) -> HostResult<()> {
    use std::os::unix::ffi::OsStrExt;
    if !env_name_ok(name) || value.contains(&0) {
        return Err(HostError::from_errno(EINVAL));
    }
    let n = std::ffi::OsStr::from_bytes(name);
    let v = std::ffi::OsStr::from_bytes(value);
    std::env::set_var(n, v);
    Ok(())
}

pub fn unsetenv(name: &[u8]) -> HostResult<()> {
    use std::os::unix::ffi::OsStrExt;
    if !env_name_ok(name) {
        return Err(HostError::from_errno(EINVAL));
    }
    std::env::remove_var(std::ffi::OsStr::from_bytes(name));
    Ok(())
}

pub fn getgroups() -> HostResult<Vec<u32>> {
    // SAFETY: a zero size with a null buffer only asks for the count.
    let n = check(unsafe { libc::getgroups(0, std::ptr::null_mut()) })?;
    let mut groups = vec![0 as libc::gid_t; n as usize];
    // SAFETY: `groups` has room for `n` entries.
    let n = check(unsafe { libc::getgroups(n, groups.as_mut_ptr()) })?;
    groups.truncate(n as usize);
    Ok(groups)
}

pub fn getlogin() -> HostResult<Vec<u8>> {
    // SAFETY: errno is thread-local; zero tells "no name" from an error.
    unsafe { *libc::__errno_location() = 0 };
    // SAFETY: getlogin returns null or a NUL-terminated static string,
    // copied out before any other libc call.
    let p = unsafe { libc::getlogin() };
    if p.is_null() {
        let e = last_error();
        return Err(if e.errno == 0 {
            HostError::from_errno(libc::ENXIO)
        } else {
            e
        });
    }
    // SAFETY: `p` is non-null and NUL-terminated.
    let s = unsafe { std::ffi::CStr::from_ptr(p) };
    Ok(s.to_bytes().to_vec())
}

fn field(chars: &[libc::c_char]) -> Vec<u8> {
    chars
        .iter()
        .take_while(|&&c| c != 0)
        .map(|&c| c as u8)
        .collect()
}

pub fn uname() -> HostResult<Uname> {
    // SAFETY: an all-zero utsname is a valid value of this plain C struct.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is writable for the call.
    check(unsafe { libc::uname(&mut u) })?;
    Ok(Uname {
        sysname: field(&u.sysname),
        nodename: field(&u.nodename),
        release: field(&u.release),
        version: field(&u.version),
        machine: field(&u.machine),
    })
}

pub fn times() -> HostResult<Times> {
    // SAFETY: an all-zero tms is a valid value of this plain C struct.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    // SAFETY: `t` is writable for the call.
    let c = unsafe { libc::times(&mut t) };
    if c == (-1i64) as libc::clock_t {
        return Err(last_error());
    }
    let tick = sysconf(libc::_SC_CLK_TCK)?.unwrap_or(100) as f64;
    Ok(Times {
        user: t.tms_utime as f64 / tick,
        system: t.tms_stime as f64 / tick,
        children_user: t.tms_cutime as f64 / tick,
        children_system: t.tms_cstime as f64 / tick,
        elapsed: c as f64 / tick,
    })
}

pub fn sysconf(name: i32) -> HostResult<Option<i64>> {
    // SAFETY: errno is thread-local; zero tells "indeterminate" from error.
    unsafe { *libc::__errno_location() = 0 };
    // SAFETY: plain integer argument.
    let r = unsafe { libc::sysconf(name) };
    if r == -1 {
        let e = last_error();
        return if e.errno == 0 { Ok(None) } else { Err(e) };
    }
    Ok(Some(r as i64))
}

pub fn confstr(name: i32) -> HostResult<Option<Vec<u8>>> {
    // SAFETY: errno is thread-local; zero tells "no value" from an error.
    unsafe { *libc::__errno_location() = 0 };
    // SAFETY: a null buffer with size 0 only asks for the length.
    let n = unsafe { libc::confstr(name, std::ptr::null_mut(), 0) };
    if n == 0 {
        let e = last_error();
        return if e.errno == 0 { Ok(None) } else { Err(e) };
    }
    let mut buf = vec![0 as libc::c_char; n];
    // SAFETY: `buf` has room for `n` bytes including the NUL.
    unsafe { libc::confstr(name, buf.as_mut_ptr(), n) };
    Ok(Some(field(&buf)))
}

pub fn waitpid(pid: i32, options: i32) -> HostResult<(i32, i32)> {
    let mut status: libc::c_int = 0;
    let r = retry_blocking(|| {
        // SAFETY: `status` is writable for the call.
        unsafe { libc::waitpid(pid, &mut status, options) as isize }
    })?;
    Ok((r as i32, status))
}

#[allow(clippy::unnecessary_cast)]
fn tv_secs(tv: &libc::timeval) -> f64 {
    tv.tv_sec as f64 + tv.tv_usec as f64 * 1e-6
}

pub fn getrusage(who: i32) -> HostResult<Rusage> {
    // SAFETY: an all-zero rusage is a valid value of this plain C struct.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is writable for the call.
    check(unsafe { libc::getrusage(who, &mut u) })?;
    Ok(Rusage {
        utime: tv_secs(&u.ru_utime),
        stime: tv_secs(&u.ru_stime),
        maxrss: u.ru_maxrss,
        ixrss: u.ru_ixrss,
        idrss: u.ru_idrss,
        isrss: u.ru_isrss,
        minflt: u.ru_minflt,
        majflt: u.ru_majflt,
        nswap: u.ru_nswap,
        inblock: u.ru_inblock,
        oublock: u.ru_oublock,
        msgsnd: u.ru_msgsnd,
        msgrcv: u.ru_msgrcv,
        nsignals: u.ru_nsignals,
        nvcsw: u.ru_nvcsw,
        nivcsw: u.ru_nivcsw,
    })
}

fn rlim_out(v: libc::rlim_t) -> i64 {
    if v == libc::RLIM_INFINITY {
        -1
    } else {
        i64::try_from(v).unwrap_or(i64::MAX)
    }
}

fn rlim_in(v: i64) -> libc::rlim_t {
    if v < 0 {
        libc::RLIM_INFINITY
    } else {
        v as libc::rlim_t
    }
}

pub fn getrlimit(resource: i32) -> HostResult<(i64, i64)> {
    let mut r = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `r` is writable for the call.
    check(unsafe { libc::getrlimit(resource as _, &mut r) })?;
    Ok((rlim_out(r.rlim_cur), rlim_out(r.rlim_max)))
}

pub fn setrlimit(resource: i32, soft: i64, hard: i64) -> HostResult<()> {
    let r = libc::rlimit {
        rlim_cur: rlim_in(soft),
        rlim_max: rlim_in(hard),
    };
    // SAFETY: `r` is valid for the call.
    check(unsafe { libc::setrlimit(resource as _, &r) }).map(drop)
}

/// A NULL-terminated array of pointers into `strings` (which must outlive it).
fn ptr_array(strings: &[CString]) -> Vec<*const libc::c_char> {
    let mut v: Vec<*const libc::c_char> = strings.iter().map(|s| s.as_ptr()).collect();
    v.push(std::ptr::null());
    v
}

fn cstrings(items: &[Vec<u8>]) -> HostResult<Vec<CString>> {
    items.iter().map(|a| c_path(a)).collect()
}

/// Everything the child needs, built before `fork`.
struct Prepared<'a> {
    req: &'a SpawnRequest,
    argv: Vec<*const libc::c_char>,
    exes: Vec<CString>,
    envp: Option<Vec<*const libc::c_char>>,
    cwd: Option<CString>,
    keep: Vec<i32>,
    max_fd: i32,
}

pub fn spawn(req: &SpawnRequest) -> HostResult<i32> {
    let argv_c = cstrings(&req.argv)?;
    let env_c = match &req.env {
        Some(e) => Some(cstrings(e)?),
        None => None,
    };
    let mut keep = req.keep_fds.clone();
    keep.sort_unstable();
    let max_fd = match sysconf(libc::_SC_OPEN_MAX) {
        Ok(Some(n)) => i32::try_from(n).unwrap_or(i32::MAX).min(1 << 20),
        _ => 1024,
    };
    let prep = Prepared {
        req,
        argv: ptr_array(&argv_c),
        exes: cstrings(&req.executables)?,
        envp: env_c.as_deref().map(ptr_array),
        cwd: match &req.cwd {
            Some(c) => Some(c_path(c)?),
            None => None,
        },
        keep,
        max_fd,
    };
    // SAFETY: fork duplicates only this thread; the child runs `child`,
    // which never returns and only makes async-signal-safe calls.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(last_error());
    }
    if pid == 0 {
        child(&prep);
    }
    Ok(pid)
}

fn errno() -> i32 {
    // SAFETY: errno is thread-local and always readable.
    unsafe { *libc::__errno_location() }
}

/// Writes `OSError:<hex errno>:<step>` to the error fd and exits 255.
fn report(fd: Option<i32>, err: i32, step: &[u8]) -> ! {
    let mut buf = [0u8; 64];
    let mut n = 0;
    for &b in b"OSError:" {
        buf[n] = b;
        n += 1;
    }
    let mut digits = [0u8; 8];
    let mut k = 0;
    let mut v = err as u32;
    loop {
        digits[k] = b"0123456789abcdef"[(v % 16) as usize];
        k += 1;
        v /= 16;
        if v == 0 {
            break;
        }
    }
    while k > 0 {
        k -= 1;
        buf[n] = digits[k];
        n += 1;
    }
    buf[n] = b':';
    n += 1;
    for &b in step.iter().take(buf.len() - n) {
        buf[n] = b;
        n += 1;
    }
    if let Some(fd) = fd {
        // SAFETY: `buf` is valid for `n` bytes; write is async-signal-safe.
        unsafe { libc::write(fd, buf.as_ptr().cast(), n) };
    }
    // SAFETY: _exit ends the child without running any destructors.
    unsafe { libc::_exit(255) }
}

fn set_inheritable_raw(fd: i32) -> bool {
    // SAFETY: fcntl on a descriptor number is async-signal-safe.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFD);
        flags >= 0 && libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC) >= 0
    }
}

/// Closes every descriptor in `lo..=hi` (close_range, else one by one).
fn close_range(lo: i32, hi: i32, max_fd: i32) {
    if lo > hi {
        return;
    }
    // SAFETY: close_range only closes descriptors; no memory is touched.
    let rc = unsafe { libc::syscall(libc::SYS_close_range, lo as u32, hi as u32, 0u32) };
    if rc == 0 {
        return;
    }
    let top = hi.min(max_fd);
    for fd in lo..=top {
        // SAFETY: closing a number that may not be open is harmless.
        unsafe { libc::close(fd) };
    }
}

fn child(p: &Prepared) -> ! {
    let r = p.req;
    let efd = r.err_fd;
    // SAFETY (whole function): only async-signal-safe libc calls on data
    // prepared before fork; every path ends in exec or `_exit`.
    unsafe {
        for &fd in &r.close_in_child {
            if fd >= 0 {
                libc::close(fd);
            }
        }
        let mut stdout = r.stdout;
        let mut stderr = r.stderr;
        // Keep sources that sit on 0/1 from being overwritten by dup2.
        if stdout == Some(0) {
            stdout = Some(libc::fcntl(0, libc::F_DUPFD_CLOEXEC, 3));
        }
        while matches!(stderr, Some(0 | 1)) {
            stderr = stderr.map(|fd| libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 3));
        }
        for (src, dst) in [(r.stdin, 0), (stdout, 1), (stderr, 2)] {
            let Some(src) = src else { continue };
            if src == dst {
                if !set_inheritable_raw(dst) {
                    report(efd, errno(), b"noexec");
                }
            } else if libc::dup2(src, dst) < 0 {
                report(efd, errno(), b"noexec");
            }
        }
        if let Some(cwd) = &p.cwd {
            if libc::chdir(cwd.as_ptr()) < 0 {
                report(efd, errno(), b"noexec");
            }
        }
        if let Some(mask) = r.umask {
            libc::umask(mask as libc::mode_t);
        }
        if r.restore_signals {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
        }
        if r.setsid && libc::setsid() < 0 {
            report(efd, errno(), b"noexec");
        }
        if let Some(pgid) = r.pgid {
            if libc::setpgid(0, pgid) < 0 {
                report(efd, errno(), b"noexec");
            }
        }
        if r.close_fds {
            let mut lo = 3;
            for &k in &p.keep {
                if k >= lo {
                    close_range(lo, k - 1, p.max_fd);
                    lo = k + 1;
                }
            }
            close_range(lo, i32::MAX, p.max_fd);
        }
        for &k in &p.keep {
            if Some(k) != efd && k > 2 && !set_inheritable_raw(k) {
                report(efd, errno(), b"noexec");
            }
        }
        let mut saved = 0;
        for exe in &p.exes {
            match &p.envp {
                Some(envp) => libc::execve(exe.as_ptr(), p.argv.as_ptr(), envp.as_ptr()),
                None => libc::execv(exe.as_ptr(), p.argv.as_ptr()),
            };
            let e = errno();
            if e != libc::ENOENT && e != libc::ENOTDIR && saved == 0 {
                saved = e;
            }
        }
        let e = if saved != 0 { saved } else { errno() };
        report(efd, e, b"")
    }
}
