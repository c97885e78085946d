//! The native host: real system calls for the process Adder runs in.
//! Invariant: every call either succeeds or returns the OS errno unchanged
//! (so Python sees CPython's exact `OSError`); calls interrupted by a signal
//! (`EINTR`) are retried here, never surfaced; file descriptors are opened
//! close-on-exec; stdio are the process's fds 0, 1 and 2, used unbuffered
//! (buffering belongs to the interpreter's io layer). The `unsafe` blocks are
//! plain libc calls on buffers this module owns for the call's duration.
//! Blocking calls are the exception to the EINTR rule: when the signal that
//! interrupted them is one the interpreter handles, they fail with `EINTR` so
//! the interpreter can run its handler (PEP 475) and call again.
//! The trait's methods are grouped by concept in the submodules
//! (`fd`, `path`, `process`, `signals`, `time`); this file holds the
//! `impl Host` that dispatches to them.

mod fd;
mod path;
mod process;
mod signals;
mod socket;
mod time;
mod watchdog;

pub(crate) use signals::strsignal;

use std::ffi::{CString, OsStr};
use std::os::unix::ffi::OsStrExt;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::{
    AddrInfo, AncData, DirEntryInfo, Fd, Host, HostEnt, HostError, HostResult, NetResult,
    OpenFlags, RecvMsg, Rusage, SignalAction, SockAddr, SpawnRequest, Stat, Times, Tm, Uname,
    Whence, EINTR, EINVAL,
};

/// The host that talks to the real operating system.
#[derive(Debug, Default)]
pub struct NativeHost {
    _private: (),
}

impl NativeHost {
    pub fn new() -> NativeHost {
        signals::init();
        NativeHost { _private: () }
    }

    /// Blocks all catchable signals in the calling thread, so that signals
    /// sent to the process reach the interpreter's thread directly (call it
    /// on a thread that only waits for the interpreter thread, after
    /// starting it). Returns false if the mask could not be changed.
    pub fn block_signals_in_current_thread() -> bool {
        signals::block_in_current_thread()
    }
}

fn last_error() -> HostError {
    HostError::from_io(&std::io::Error::last_os_error())
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// A C path; an embedded NUL cannot name a file, so it is `EINVAL`
/// (the interpreter raises CPython's "embedded null byte" before this).
fn c_path(path: &[u8]) -> HostResult<CString> {
    CString::new(path).map_err(|_| HostError::from_errno(EINVAL))
}

fn os_path(path: &[u8]) -> &std::path::Path {
    std::path::Path::new(OsStr::from_bytes(path))
}

fn io_result<T>(result: std::io::Result<T>) -> HostResult<T> {
    result.map_err(|e| HostError::from_io(&e))
}

/// Retries `call` while it fails with `EINTR`; a negative return is an error.
fn retry<F: FnMut() -> isize>(mut call: F) -> HostResult<usize> {
    loop {
        let n = call();
        if n >= 0 {
            return Ok(n as usize);
        }
        if last_errno() != EINTR {
            return Err(last_error());
        }
    }
}

/// Like `retry`, for calls that may block: `EINTR` is returned when the
/// interpreter has a signal to handle, so that its handler runs promptly.
fn retry_blocking<F: FnMut() -> isize>(mut call: F) -> HostResult<usize> {
    loop {
        let n = call();
        if n >= 0 {
            return Ok(n as usize);
        }
        let e = last_error();
        if e.errno != EINTR || signals::interrupted() {
            return Err(e);
        }
    }
}

/// A C-style return value: negative means `errno` says why.
fn check(rc: libc::c_int) -> HostResult<libc::c_int> {
    if rc < 0 {
        Err(last_error())
    } else {
        Ok(rc)
    }
}

fn timespec_ns(sec: i64, nsec: i64) -> i128 {
    i128::from(sec) * 1_000_000_000 + i128::from(nsec)
}

#[allow(clippy::unnecessary_cast, clippy::useless_conversion)] // field widths differ per platform
fn convert_stat(st: &libc::stat) -> Stat {
    Stat {
        mode: st.st_mode as u32,
        size: st.st_size as u64,
        mtime_ns: timespec_ns(st.st_mtime as i64, st.st_mtime_nsec as i64),
        atime_ns: timespec_ns(st.st_atime as i64, st.st_atime_nsec as i64),
        ctime_ns: timespec_ns(st.st_ctime as i64, st.st_ctime_nsec as i64),
        ino: st.st_ino as u64,
        dev: st.st_dev as u64,
        nlink: st.st_nlink as u64,
        uid: st.st_uid as u32,
        gid: st.st_gid as u32,
        blksize: st.st_blksize as u64,
        blocks: st.st_blocks as u64,
        rdev: st.st_rdev as u64,
    }
}

#[allow(clippy::unnecessary_cast)] // time_t width differs per platform
fn clock_ns(clock: libc::clockid_t) -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { libc::clock_gettime(clock, &mut ts) };
    if rc != 0 {
        return 0;
    }
    let ns = timespec_ns(ts.tv_sec as i64, ts.tv_nsec as i64);
    u64::try_from(ns).unwrap_or(0)
}

impl Host for NativeHost {
    fn open(&self, path: &[u8], flags: OpenFlags, mode: u32) -> HostResult<Fd> {
        let cpath = c_path(path)?;
        let mut oflag = match (flags.read, flags.writable()) {
            (true, true) => libc::O_RDWR,
            (false, true) => libc::O_WRONLY,
            _ => libc::O_RDONLY,
        };
        if flags.append {
            oflag |= libc::O_APPEND;
        }
        if flags.create {
            oflag |= libc::O_CREAT;
        }
        if flags.truncate {
            oflag |= libc::O_TRUNC;
        }
        if flags.exclusive {
            oflag |= libc::O_EXCL | libc::O_CREAT;
        }
        for (on, bit) in [
            (flags.nonblock, libc::O_NONBLOCK),
            (flags.directory, libc::O_DIRECTORY),
            (flags.nofollow, libc::O_NOFOLLOW),
            (flags.sync, libc::O_SYNC),
            (flags.dsync, libc::O_DSYNC),
            (flags.noctty, libc::O_NOCTTY),
        ] {
            if on {
                oflag |= bit;
            }
        }
        oflag |= libc::O_CLOEXEC;
        retry_blocking(|| {
            // SAFETY: `cpath` is a NUL-terminated string that outlives the call.
            unsafe { libc::open(cpath.as_ptr(), oflag, mode as libc::c_uint) as isize }
        })
        .map(|fd| fd as Fd)
    }

    fn read(&self, fd: Fd, buf: &mut [u8]) -> HostResult<usize> {
        retry_blocking(|| {
            // SAFETY: `buf` is valid for writes of `buf.len()` bytes.
            unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) }
        })
    }

    fn write(&self, fd: Fd, buf: &[u8]) -> HostResult<usize> {
        retry_blocking(|| {
            // SAFETY: `buf` is valid for reads of `buf.len()` bytes.
            unsafe { libc::write(fd, buf.as_ptr().cast(), buf.len()) }
        })
    }

    fn close(&self, fd: Fd) -> HostResult<()> {
        // SAFETY: closing a descriptor number has no memory-safety effect on
        // this process's Rust objects (the host owns no `File` for it).
        // EINTR is not retried: on Linux the descriptor is already released.
        let rc = unsafe { libc::close(fd) };
        if rc == 0 || last_errno() == EINTR {
            Ok(())
        } else {
            Err(last_error())
        }
    }

    fn seek(&self, fd: Fd, offset: i64, whence: Whence) -> HostResult<u64> {
        let whence = match whence {
            Whence::Set => libc::SEEK_SET,
            Whence::Cur => libc::SEEK_CUR,
            Whence::End => libc::SEEK_END,
        };
        // SAFETY: lseek only reads its integer arguments.
        let pos = unsafe { libc::lseek(fd, offset as libc::off_t, whence) };
        if pos < 0 {
            Err(last_error())
        } else {
            Ok(pos as u64)
        }
    }

    fn isatty(&self, fd: Fd) -> bool {
        // SAFETY: isatty only inspects the descriptor number.
        unsafe { libc::isatty(fd) == 1 }
    }

    fn stat(&self, path: &[u8], follow_symlinks: bool) -> HostResult<Stat> {
        let cpath = c_path(path)?;
        // SAFETY: an all-zero `stat` is a valid value of this plain C struct.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: `cpath` is NUL-terminated and `st` is writable for the call.
        let rc = unsafe {
            if follow_symlinks {
                libc::stat(cpath.as_ptr(), &mut st)
            } else {
                libc::lstat(cpath.as_ptr(), &mut st)
            }
        };
        if rc != 0 {
            return Err(last_error());
        }
        Ok(convert_stat(&st))
    }

    fn fstat(&self, fd: Fd) -> HostResult<Stat> {
        // SAFETY: an all-zero `stat` is a valid value of this plain C struct.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: `st` is writable for the duration of the call.
        let rc = unsafe { libc::fstat(fd, &mut st) };
        if rc != 0 {
            return Err(last_error());
        }
        Ok(convert_stat(&st))
    }

    fn listdir(&self, path: &[u8]) -> HostResult<Vec<Vec<u8>>> {
        let path = if path.is_empty() { b"." as &[u8] } else { path };
        let mut names = Vec::new();
        for entry in io_result(std::fs::read_dir(os_path(path)))? {
            let entry = io_result(entry)?;
            names.push(entry.file_name().as_bytes().to_vec());
        }
        Ok(names)
    }

    fn getcwd(&self) -> HostResult<Vec<u8>> {
        let cwd = io_result(std::env::current_dir())?;
        Ok(cwd.as_os_str().as_bytes().to_vec())
    }

    fn chdir(&self, path: &[u8]) -> HostResult<()> {
        c_path(path)?;
        io_result(std::env::set_current_dir(os_path(path)))
    }

    fn mkdir(&self, path: &[u8], mode: u32) -> HostResult<()> {
        use std::os::unix::fs::DirBuilderExt;
        c_path(path)?;
        io_result(std::fs::DirBuilder::new().mode(mode).create(os_path(path)))
    }

    fn unlink(&self, path: &[u8]) -> HostResult<()> {
        c_path(path)?;
        io_result(std::fs::remove_file(os_path(path)))
    }

    fn rmdir(&self, path: &[u8]) -> HostResult<()> {
        c_path(path)?;
        io_result(std::fs::remove_dir(os_path(path)))
    }

    fn rename(&self, from: &[u8], to: &[u8]) -> HostResult<()> {
        c_path(from)?;
        c_path(to)?;
        io_result(std::fs::rename(os_path(from), os_path(to)))
    }

    fn readlink(&self, path: &[u8]) -> HostResult<Vec<u8>> {
        c_path(path)?;
        let target = io_result(std::fs::read_link(os_path(path)))?;
        Ok(target.as_os_str().as_bytes().to_vec())
    }

    fn env_vars(&self) -> Vec<(Vec<u8>, Vec<u8>)> {
        std::env::vars_os()
            .map(|(k, v)| (k.as_bytes().to_vec(), v.as_bytes().to_vec()))
            .collect()
    }

    fn getenv(&self, name: &[u8]) -> Option<Vec<u8>> {
        if name.is_empty() || name.contains(&b'=') || name.contains(&0) {
            return None;
        }
        std::env::var_os(OsStr::from_bytes(name)).map(|v| v.as_bytes().to_vec())
    }

    fn args(&self) -> Vec<Vec<u8>> {
        std::env::args_os().map(|a| a.as_bytes().to_vec()).collect()
    }

    fn executable(&self) -> Option<Vec<u8>> {
        std::env::current_exe()
            .ok()
            .map(|p| p.as_os_str().as_bytes().to_vec())
    }

    fn time_ns(&self) -> i128 {
        match SystemTime::now().duration_since(UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as i128,
            Err(e) => -(e.duration().as_nanos() as i128),
        }
    }

    fn monotonic_ns(&self) -> u64 {
        clock_ns(libc::CLOCK_MONOTONIC)
    }

    fn process_time_ns(&self) -> u64 {
        clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID)
    }

    #[cfg(target_os = "linux")]
    fn urandom(&self, buf: &mut [u8]) -> HostResult<()> {
        let mut filled = 0;
        while filled < buf.len() {
            let rest = &mut buf[filled..];
            filled += retry(|| {
                // SAFETY: `rest` is valid for writes of `rest.len()` bytes.
                unsafe { libc::getrandom(rest.as_mut_ptr().cast(), rest.len(), 0) }
            })?;
        }
        Ok(())
    }

    #[cfg(not(target_os = "linux"))]
    fn urandom(&self, buf: &mut [u8]) -> HostResult<()> {
        use std::io::Read;
        let mut file = io_result(std::fs::File::open("/dev/urandom"))?;
        io_result(file.read_exact(buf))
    }

    fn getpid(&self) -> i32 {
        std::process::id() as i32
    }

    fn exit(&self, code: i32) -> ! {
        std::process::exit(code)
    }

    fn memory_total(&self) -> Option<u64> {
        let text = std::fs::read_to_string("/proc/meminfo").ok()?;
        let line = text.lines().find(|l| l.starts_with("MemTotal:"))?;
        let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kib * 1024)
    }

    fn max_rss_bytes(&self) -> Option<u64> {
        // SAFETY: an all-zero `rusage` is a valid value of this plain C struct.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: `usage` is writable for the duration of the call.
        let rc = unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
        if rc != 0 {
            return None;
        }
        let raw = u64::try_from(usage.ru_maxrss).ok()?;
        // Linux reports kilobytes, macOS bytes.
        if cfg!(target_os = "macos") {
            Some(raw)
        } else {
            Some(raw * 1024)
        }
    }

    fn ftruncate(&self, fd: Fd, len: u64) -> HostResult<()> {
        fd::ftruncate(fd, len)
    }
    fn fsync(&self, fd: Fd) -> HostResult<()> {
        fd::fsync(fd)
    }
    fn dup(&self, fd: Fd) -> HostResult<Fd> {
        fd::dup(fd)
    }
    fn dup2(&self, fd: Fd, fd2: Fd, inheritable: bool) -> HostResult<Fd> {
        fd::dup2(fd, fd2, inheritable)
    }
    fn pipe(&self) -> HostResult<(Fd, Fd)> {
        fd::pipe()
    }
    fn pread(&self, fd: Fd, buf: &mut [u8], offset: u64) -> HostResult<usize> {
        fd::pread(fd, buf, offset)
    }
    fn pwrite(&self, fd: Fd, buf: &[u8], offset: u64) -> HostResult<usize> {
        fd::pwrite(fd, buf, offset)
    }
    fn get_inheritable(&self, fd: Fd) -> HostResult<bool> {
        fd::get_inheritable(fd)
    }
    fn set_inheritable(&self, fd: Fd, inheritable: bool) -> HostResult<()> {
        fd::set_inheritable(fd, inheritable)
    }
    fn get_blocking(&self, fd: Fd) -> HostResult<bool> {
        fd::get_blocking(fd)
    }
    fn set_blocking(&self, fd: Fd, blocking: bool) -> HostResult<()> {
        fd::set_blocking(fd, blocking)
    }
    fn terminal_size(&self, fd: Fd) -> HostResult<(u32, u32)> {
        fd::terminal_size(fd)
    }
    fn fchmod(&self, fd: Fd, mode: u32) -> HostResult<()> {
        fd::fchmod(fd, mode)
    }
    fn fchdir(&self, fd: Fd) -> HostResult<()> {
        fd::fchdir(fd)
    }
    fn poll(&self, fds: &[(Fd, i16)], timeout_ms: i64) -> HostResult<Vec<i16>> {
        fd::poll(fds, timeout_ms)
    }
    fn fcntl_int(&self, fd: Fd, cmd: i32, arg: i64) -> HostResult<i64> {
        fd::fcntl_int(fd, cmd, arg)
    }
    fn fcntl_buf(&self, fd: Fd, cmd: i32, buf: &[u8]) -> HostResult<Vec<u8>> {
        fd::fcntl_buf(fd, cmd, buf)
    }
    fn ioctl_int(&self, fd: Fd, request: u64, arg: i64) -> HostResult<i64> {
        fd::ioctl_int(fd, request, arg)
    }
    fn ioctl_buf(&self, fd: Fd, request: u64, buf: &[u8]) -> HostResult<(i64, Vec<u8>)> {
        fd::ioctl_buf(fd, request, buf)
    }
    fn flock(&self, fd: Fd, operation: i32) -> HostResult<()> {
        fd::flock(fd, operation)
    }
    fn lockf(&self, fd: Fd, cmd: i32, len: i64, start: i64, whence: i32) -> HostResult<()> {
        fd::lockf(fd, cmd, len, start, whence)
    }

    fn scandir(&self, path: &[u8]) -> HostResult<Vec<DirEntryInfo>> {
        path::scandir(path)
    }
    fn symlink(&self, target: &[u8], link: &[u8]) -> HostResult<()> {
        path::symlink(target, link)
    }
    fn link(&self, src: &[u8], dst: &[u8], follow_symlinks: bool) -> HostResult<()> {
        path::link(src, dst, follow_symlinks)
    }
    fn chmod(&self, path: &[u8], mode: u32, follow_symlinks: bool) -> HostResult<()> {
        path::chmod(path, mode, follow_symlinks)
    }
    fn chown(
        &self,
        path: &[u8],
        uid: Option<u32>,
        gid: Option<u32>,
        follow_symlinks: bool,
    ) -> HostResult<()> {
        path::chown(path, uid, gid, follow_symlinks)
    }
    fn utime(
        &self,
        path: &[u8],
        times: Option<(i128, i128)>,
        follow_symlinks: bool,
    ) -> HostResult<()> {
        path::utime(path, times, follow_symlinks)
    }
    fn truncate(&self, path: &[u8], len: u64) -> HostResult<()> {
        path::truncate(path, len)
    }
    fn access(
        &self,
        path: &[u8],
        mode: u32,
        effective_ids: bool,
        follow_symlinks: bool,
    ) -> HostResult<()> {
        path::access(path, mode, effective_ids, follow_symlinks)
    }
    fn umask(&self, mask: u32) -> u32 {
        path::umask(mask)
    }
    fn statvfs(&self, path: &[u8]) -> HostResult<crate::StatVfs> {
        path::statvfs(path)
    }
    fn fstatvfs(&self, fd: Fd) -> HostResult<crate::StatVfs> {
        path::fstatvfs(fd)
    }
    fn pathconf(&self, path: &[u8], name: i32) -> HostResult<Option<i64>> {
        path::pathconf(path, name)
    }

    fn putenv(&self, name: &[u8], value: &[u8]) -> HostResult<()> {
        process::putenv(name, value)
    }
    fn unsetenv(&self, name: &[u8]) -> HostResult<()> {
        process::unsetenv(name)
    }
    fn getppid(&self) -> i32 {
        // SAFETY: no arguments, cannot fail.
        unsafe { libc::getppid() }
    }
    fn getuid(&self) -> u32 {
        // SAFETY: no arguments, cannot fail.
        unsafe { libc::getuid() }
    }
    fn geteuid(&self) -> u32 {
        // SAFETY: no arguments, cannot fail.
        unsafe { libc::geteuid() }
    }
    fn getgid(&self) -> u32 {
        // SAFETY: no arguments, cannot fail.
        unsafe { libc::getgid() }
    }
    fn getegid(&self) -> u32 {
        // SAFETY: no arguments, cannot fail.
        unsafe { libc::getegid() }
    }
    fn getpgrp(&self) -> i32 {
        // SAFETY: no arguments, cannot fail.
        unsafe { libc::getpgrp() }
    }
    fn getgroups(&self) -> HostResult<Vec<u32>> {
        process::getgroups()
    }
    fn getlogin(&self) -> HostResult<Vec<u8>> {
        process::getlogin()
    }
    fn uname(&self) -> HostResult<Uname> {
        process::uname()
    }
    fn times(&self) -> HostResult<Times> {
        process::times()
    }
    fn cpu_count(&self) -> Option<usize> {
        process::sysconf(libc::_SC_NPROCESSORS_ONLN)
            .ok()
            .flatten()
            .and_then(|n| usize::try_from(n).ok())
            .filter(|&n| n > 0)
    }
    fn sysconf(&self, name: i32) -> HostResult<Option<i64>> {
        process::sysconf(name)
    }
    fn confstr(&self, name: i32) -> HostResult<Option<Vec<u8>>> {
        process::confstr(name)
    }
    fn kill(&self, pid: i32, signal: i32) -> HostResult<()> {
        // SAFETY: plain integer arguments.
        check(unsafe { libc::kill(pid, signal) }).map(drop)
    }
    fn waitpid(&self, pid: i32, options: i32) -> HostResult<(i32, i32)> {
        process::waitpid(pid, options)
    }
    fn spawn(&self, request: &SpawnRequest) -> HostResult<i32> {
        process::spawn(request)
    }
    fn getrusage(&self, who: i32) -> HostResult<Rusage> {
        process::getrusage(who)
    }
    fn getrlimit(&self, resource: i32) -> HostResult<(i64, i64)> {
        process::getrlimit(resource)
    }
    fn setrlimit(&self, resource: i32, soft: i64, hard: i64) -> HostResult<()> {
        process::setrlimit(resource, soft, hard)
    }

    fn clock_gettime_ns(&self, clock: i32) -> HostResult<i128> {
        time::clock_gettime_ns(clock)
    }
    fn clock_getres_ns(&self, clock: i32) -> HostResult<i128> {
        time::clock_getres_ns(clock)
    }
    fn sleep_ns(&self, ns: u64) -> HostResult<()> {
        time::sleep_ns(ns)
    }
    fn localtime(&self, secs: i64) -> HostResult<Tm> {
        time::localtime(secs)
    }
    fn mktime(&self, tm: &Tm) -> HostResult<i64> {
        time::mktime(tm)
    }
    fn tzset(&self) {
        time::tzset()
    }

    fn signal_set(&self, signal: i32, action: SignalAction) -> HostResult<SignalAction> {
        signals::set(signal, action)
    }
    fn signal_query(&self, signal: i32) -> HostResult<SignalAction> {
        signals::query(signal)
    }
    fn signal_flag(&self) -> Option<std::sync::Arc<std::sync::atomic::AtomicBool>> {
        Some(signals::flag())
    }
    fn take_pending_signals(&self) -> Vec<i32> {
        signals::take_pending()
    }
    fn raise_signal(&self, signal: i32) -> HostResult<()> {
        signals::raise(signal)
    }
    fn alarm(&self, secs: u32) -> u32 {
        // SAFETY: plain integer argument.
        unsafe { libc::alarm(secs) }
    }
    fn setitimer(&self, which: i32, delay: f64, interval: f64) -> HostResult<(f64, f64)> {
        signals::setitimer(which, delay, interval)
    }
    fn arm_watchdog(
        &self,
        timeout: f64,
        repeat: bool,
        fd: Fd,
        exit: bool,
        message: Vec<u8>,
    ) -> HostResult<()> {
        watchdog::arm(timeout, repeat, fd, exit, message)
    }
    fn cancel_watchdog(&self) {
        watchdog::cancel()
    }
    fn getitimer(&self, which: i32) -> HostResult<(f64, f64)> {
        signals::getitimer(which)
    }
    fn siginterrupt(&self, signal: i32, interrupt: bool) -> HostResult<()> {
        signals::siginterrupt(signal, interrupt)
    }
    fn sigmask(&self, how: i32, signals: &[i32]) -> HostResult<Vec<i32>> {
        signals::sigmask(how, signals)
    }
    fn set_wakeup_fd(&self, fd: Fd) -> HostResult<Fd> {
        Ok(signals::set_wakeup_fd(fd))
    }
    fn strsignal(&self, signal: i32) -> Option<String> {
        signals::strsignal(signal)
    }
    fn pause(&self) -> HostResult<()> {
        signals::pause()
    }

    fn socket(&self, family: i32, kind: i32, proto: i32) -> HostResult<Fd> {
        socket::socket(family, kind, proto)
    }
    fn socketpair(&self, family: i32, kind: i32, proto: i32) -> HostResult<(Fd, Fd)> {
        socket::socketpair(family, kind, proto)
    }
    fn bind(&self, fd: Fd, addr: &SockAddr) -> HostResult<()> {
        socket::bind(fd, addr)
    }
    fn listen(&self, fd: Fd, backlog: i32) -> HostResult<()> {
        socket::listen(fd, backlog)
    }
    fn accept(&self, fd: Fd) -> HostResult<(Fd, Option<SockAddr>)> {
        socket::accept(fd)
    }
    fn connect(&self, fd: Fd, addr: &SockAddr) -> HostResult<()> {
        socket::connect(fd, addr)
    }
    fn send(&self, fd: Fd, buf: &[u8], flags: i32) -> HostResult<usize> {
        socket::send(fd, buf, flags)
    }
    fn sendto(&self, fd: Fd, buf: &[u8], flags: i32, addr: &SockAddr) -> HostResult<usize> {
        socket::sendto(fd, buf, flags, addr)
    }
    fn recv(&self, fd: Fd, buf: &mut [u8], flags: i32) -> HostResult<usize> {
        socket::recv(fd, buf, flags)
    }
    fn recvfrom(
        &self,
        fd: Fd,
        buf: &mut [u8],
        flags: i32,
    ) -> HostResult<(usize, Option<SockAddr>)> {
        socket::recvfrom(fd, buf, flags)
    }
    fn sendmsg(
        &self,
        fd: Fd,
        data: &[u8],
        ancdata: &[AncData],
        flags: i32,
        addr: Option<&SockAddr>,
    ) -> HostResult<usize> {
        socket::sendmsg(fd, data, ancdata, flags, addr)
    }
    fn recvmsg(
        &self,
        fd: Fd,
        bufsize: usize,
        ancbufsize: usize,
        flags: i32,
    ) -> HostResult<RecvMsg> {
        socket::recvmsg(fd, bufsize, ancbufsize, flags)
    }
    fn shutdown(&self, fd: Fd, how: i32) -> HostResult<()> {
        socket::shutdown(fd, how)
    }
    fn getsockname(&self, fd: Fd) -> HostResult<Option<SockAddr>> {
        socket::sockname(fd, false)
    }
    fn getpeername(&self, fd: Fd) -> HostResult<Option<SockAddr>> {
        socket::sockname(fd, true)
    }
    fn getsockopt(&self, fd: Fd, level: i32, name: i32, buflen: usize) -> HostResult<Vec<u8>> {
        socket::getsockopt(fd, level, name, buflen)
    }
    fn setsockopt(
        &self,
        fd: Fd,
        level: i32,
        name: i32,
        value: Option<&[u8]>,
        len: u32,
    ) -> HostResult<()> {
        socket::setsockopt(fd, level, name, value, len)
    }
    fn getaddrinfo(
        &self,
        host: Option<&[u8]>,
        service: Option<&[u8]>,
        family: i32,
        socktype: i32,
        proto: i32,
        flags: i32,
    ) -> NetResult<Vec<AddrInfo>> {
        socket::getaddrinfo(host, service, family, socktype, proto, flags)
    }
    fn getnameinfo(&self, addr: &SockAddr, flags: i32) -> NetResult<(Vec<u8>, Vec<u8>)> {
        socket::getnameinfo(addr, flags)
    }
    fn gethostbyname(&self, name: &[u8]) -> NetResult<HostEnt> {
        socket::gethostbyname(name)
    }
    fn gethostbyaddr(&self, addr: &[u8], family: i32) -> NetResult<HostEnt> {
        socket::gethostbyaddr(addr, family)
    }
    fn gethostname(&self) -> HostResult<Vec<u8>> {
        socket::gethostname()
    }
    fn sethostname(&self, name: &[u8]) -> HostResult<()> {
        socket::sethostname(name)
    }
    fn getservbyname(&self, name: &[u8], proto: Option<&[u8]>) -> Option<u16> {
        socket::getservbyname(name, proto)
    }
    fn getservbyport(&self, port: u16, proto: Option<&[u8]>) -> Option<Vec<u8>> {
        socket::getservbyport(port, proto)
    }
    fn getprotobyname(&self, name: &[u8]) -> Option<i32> {
        socket::getprotobyname(name)
    }
    fn if_nameindex(&self) -> HostResult<Vec<(u32, Vec<u8>)>> {
        socket::if_nameindex()
    }
    fn if_nametoindex(&self, name: &[u8]) -> u32 {
        socket::if_nametoindex(name)
    }
    fn if_indextoname(&self, index: u32) -> HostResult<Vec<u8>> {
        socket::if_indextoname(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{read_to_end, write_all, EEXIST, ENOENT, ENOTDIR};

    fn temp_path(name: &str) -> Vec<u8> {
        let mut dir = std::env::temp_dir();
        dir.push(format!("adder-host-test-{}-{name}", std::process::id()));
        dir.as_os_str().as_bytes().to_vec()
    }

    #[test]
    fn file_round_trip() {
        let host = NativeHost::new();
        let path = temp_path("roundtrip");
        let fd = host
            .open(&path, OpenFlags::write_truncate(), 0o644)
            .unwrap();
        write_all(&host, fd, b"hello, host\n").unwrap();
        assert_eq!(host.fstat(fd).unwrap().size, 12);
        host.close(fd).unwrap();

        let st = host.stat(&path, true).unwrap();
        assert!(st.is_file());
        assert_eq!(st.size, 12);

        let fd = host.open(&path, OpenFlags::read_only(), 0).unwrap();
        assert_eq!(read_to_end(&host, fd).unwrap(), b"hello, host\n");
        assert_eq!(host.seek(fd, 7, Whence::Set).unwrap(), 7);
        assert_eq!(read_to_end(&host, fd).unwrap(), b"host\n");
        assert_eq!(host.seek(fd, -2, Whence::End).unwrap(), 10);
        host.close(fd).unwrap();

        let excl = OpenFlags {
            write: true,
            exclusive: true,
            ..OpenFlags::default()
        };
        assert_eq!(host.open(&path, excl, 0o644).unwrap_err().errno, EEXIST);

        let renamed = temp_path("roundtrip-renamed");
        host.rename(&path, &renamed).unwrap();
        assert_eq!(host.stat(&path, true).unwrap_err().errno, ENOENT);
        host.unlink(&renamed).unwrap();
        let err = host.open(&renamed, OpenFlags::read_only(), 0).unwrap_err();
        assert_eq!(err.errno, ENOENT);
        assert_eq!(err.message, "No such file or directory");
    }

    #[test]
    fn directories() {
        let host = NativeHost::new();
        let dir = temp_path("dir");
        host.mkdir(&dir, 0o755).unwrap();
        assert!(host.stat(&dir, true).unwrap().is_dir());
        let mut file = dir.clone();
        file.extend_from_slice(b"/f.txt");
        let fd = host
            .open(&file, OpenFlags::write_truncate(), 0o644)
            .unwrap();
        host.close(fd).unwrap();
        assert_eq!(host.listdir(&dir).unwrap(), vec![b"f.txt".to_vec()]);
        let mut below = file.clone();
        below.extend_from_slice(b"/x");
        assert_eq!(host.listdir(&below).unwrap_err().errno, ENOTDIR);
        assert!(host.rmdir(&dir).is_err());
        host.unlink(&file).unwrap();
        host.rmdir(&dir).unwrap();
    }

    #[test]
    fn process_facts() {
        let host = NativeHost::new();
        assert!(host.time_ns() > 1_500_000_000_000_000_000);
        let a = host.monotonic_ns();
        assert!(host.monotonic_ns() >= a);
        assert!(host.getpid() > 0);
        assert!(!host.args().is_empty());
        assert!(host.executable().is_some());
        assert!(!host.getcwd().unwrap().is_empty());
        let mut buf = [0u8; 32];
        host.urandom(&mut buf).unwrap();
        assert!(buf.iter().any(|&b| b != 0));
        assert!(host.max_rss_bytes().unwrap() > 0);
        assert_eq!(
            host.open(b"a\0b", OpenFlags::read_only(), 0)
                .unwrap_err()
                .errno,
            EINVAL
        );
    }

    #[test]
    fn descriptors_pipes_and_signals() {
        let host = NativeHost::new();
        let (r, w) = host.pipe().unwrap();
        assert!(!host.get_inheritable(r).unwrap());
        let w2 = host.dup(w).unwrap();
        write_all(&host, w2, b"via dup").unwrap();
        host.close(w2).unwrap();
        host.close(w).unwrap();
        assert_eq!(read_to_end(&host, r).unwrap(), b"via dup");
        let spare = host.dup(r).unwrap();
        assert_eq!(host.dup2(r, spare, true).unwrap(), spare);
        assert!(host.get_inheritable(spare).unwrap());
        host.close(spare).unwrap();
        host.close(r).unwrap();

        let path = temp_path("trunc");
        let fd = host
            .open(&path, OpenFlags::write_truncate(), 0o644)
            .unwrap();
        write_all(&host, fd, b"0123456789").unwrap();
        host.ftruncate(fd, 4).unwrap();
        host.fsync(fd).unwrap();
        assert_eq!(host.fstat(fd).unwrap().size, 4);
        host.close(fd).unwrap();
        let names: Vec<Vec<u8>> = host
            .scandir(std::env::temp_dir().as_os_str().as_bytes())
            .unwrap()
            .into_iter()
            .map(|e| e.name)
            .collect();
        let base = path.rsplit(|&b| b == b'/').next().unwrap().to_vec();
        assert!(names.contains(&base));
        host.unlink(&path).unwrap();

        let usr1 = libc::SIGUSR1;
        let flag = host.signal_flag().unwrap();
        let old = host.signal_set(usr1, SignalAction::Record).unwrap();
        host.raise_signal(usr1).unwrap();
        assert!(flag.load(std::sync::atomic::Ordering::SeqCst));
        assert!(host.take_pending_signals().contains(&usr1));
        host.signal_set(usr1, old).unwrap();
        let tm = host.localtime(0).unwrap();
        assert_eq!(host.mktime(&tm).unwrap(), 0);
    }
}
