//! The native host: real system calls for the process Adder runs in.
//! Invariant: every call either succeeds or returns the OS errno unchanged
//! (so Python sees CPython's exact `OSError`); calls interrupted by a signal
//! (`EINTR`) are retried here, never surfaced; file descriptors are opened
//! close-on-exec; stdio are the process's fds 0, 1 and 2, used unbuffered
//! (buffering belongs to the interpreter's io layer). The `unsafe` blocks are
//! plain libc calls on buffers this module owns for the call's duration.

use std::ffi::{CString, OsStr};
use std::os::unix::ffi::OsStrExt;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::{Fd, Host, HostError, HostResult, OpenFlags, Stat, Whence, EINTR, EINVAL};

/// The host that talks to the real operating system.
#[derive(Debug, Default)]
pub struct NativeHost {
    _private: (),
}

impl NativeHost {
    pub fn new() -> NativeHost {
        NativeHost { _private: () }
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
        oflag |= libc::O_CLOEXEC;
        loop {
            // SAFETY: `cpath` is a NUL-terminated string that outlives the call.
            let fd = unsafe { libc::open(cpath.as_ptr(), oflag, mode as libc::c_uint) };
            if fd >= 0 {
                return Ok(fd);
            }
            if last_errno() != EINTR {
                return Err(last_error());
            }
        }
    }

    fn read(&self, fd: Fd, buf: &mut [u8]) -> HostResult<usize> {
        retry(|| {
            // SAFETY: `buf` is valid for writes of `buf.len()` bytes.
            unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) }
        })
    }

    fn write(&self, fd: Fd, buf: &[u8]) -> HostResult<usize> {
        retry(|| {
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
}
