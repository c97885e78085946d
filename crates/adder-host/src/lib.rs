//! The host boundary: the only crate in Adder that touches the operating
//! system. Invariant: every interaction with the outside world — files,
//! directories, stat, environment, arguments, clocks, random bytes, stdio,
//! process identity, sockets and exit — goes through the object-safe [`Host`] trait,
//! whose methods take `&self` (implementations use interior mutability) so an
//! interpreter holds it as `Rc<dyn Host>`. Paths, environment entries and
//! arguments are raw bytes, exactly as the OS gives them; decoding is the
//! interpreter's job. Implementations: [`NativeHost`] (real system calls) and
//! [`MemoryHost`] (a deterministic in-memory world for tests and embedding).
//! The workspace `clippy.toml` bans `std::fs`/`env`/`process`/`net` everywhere
//! else, and `tests/boundary.rs` enforces the same rule textually.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

pub mod calendar;
pub mod consts;
mod error;
pub mod libm;
mod memory;
mod native;
pub mod socket;
mod types;

pub use error::*;
pub use memory::{HostExit, MemoryHost};
pub use native::NativeHost;
pub use socket::{AddrInfo, AncData, HostEnt, NetError, NetResult, RecvMsg, SockAddr};
pub use types::*;

/// A file descriptor as the host hands it out. 0, 1 and 2 are stdio.
pub type Fd = i32;

/// How a file is opened (a superset of what Python's `open` modes need).
/// Descriptors are always opened close-on-exec (non-inheritable, PEP 446).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OpenFlags {
    pub read: bool,
    pub write: bool,
    pub append: bool,
    pub create: bool,
    pub truncate: bool,
    pub exclusive: bool,
    /// `O_NONBLOCK`.
    pub nonblock: bool,
    /// `O_DIRECTORY`: fail with `ENOTDIR` unless the path is a directory.
    pub directory: bool,
    /// `O_NOFOLLOW`: fail with `ELOOP` if the last component is a symlink.
    pub nofollow: bool,
    /// `O_SYNC`.
    pub sync: bool,
    /// `O_DSYNC`.
    pub dsync: bool,
    /// `O_NOCTTY`.
    pub noctty: bool,
}

impl OpenFlags {
    /// `os.O_RDONLY`: read an existing file.
    pub fn read_only() -> OpenFlags {
        OpenFlags {
            read: true,
            ..OpenFlags::default()
        }
    }

    /// Python's `"w"`: write, create, truncate.
    pub fn write_truncate() -> OpenFlags {
        OpenFlags {
            write: true,
            create: true,
            truncate: true,
            ..OpenFlags::default()
        }
    }

    /// Python's `"a"`: write at the end, create if missing.
    pub fn append() -> OpenFlags {
        OpenFlags {
            write: true,
            append: true,
            create: true,
            ..OpenFlags::default()
        }
    }

    /// Whether the descriptor may be written (`append` implies writing).
    pub fn writable(&self) -> bool {
        self.write || self.append
    }
}

/// The file-type bits of `Stat::mode` (as `S_IFMT` and friends).
pub const S_IFMT: u32 = 0o170_000;
/// Directory.
pub const S_IFDIR: u32 = 0o040_000;
/// Regular file.
pub const S_IFREG: u32 = 0o100_000;
/// Symbolic link.
pub const S_IFLNK: u32 = 0o120_000;
/// Character device (terminals, `/dev/null`).
pub const S_IFCHR: u32 = 0o020_000;
/// FIFO (pipes).
pub const S_IFIFO: u32 = 0o010_000;

/// What `os.stat` reports. Times are nanoseconds since the Unix epoch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stat {
    pub mode: u32,
    pub size: u64,
    pub mtime_ns: i128,
    pub atime_ns: i128,
    pub ctime_ns: i128,
    pub ino: u64,
    pub dev: u64,
    pub nlink: u64,
    pub uid: u32,
    pub gid: u32,
    /// Preferred I/O block size.
    pub blksize: u64,
    /// 512-byte blocks allocated.
    pub blocks: u64,
    /// Device number, for device files.
    pub rdev: u64,
}

impl Stat {
    /// `stat.S_ISDIR(mode)`.
    pub fn is_dir(&self) -> bool {
        self.mode & S_IFMT == S_IFDIR
    }

    /// `stat.S_ISREG(mode)`.
    pub fn is_file(&self) -> bool {
        self.mode & S_IFMT == S_IFREG
    }

    /// `stat.S_ISLNK(mode)`.
    pub fn is_symlink(&self) -> bool {
        self.mode & S_IFMT == S_IFLNK
    }
}

/// The origin of a `seek`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Whence {
    Set,
    Cur,
    End,
}

/// Everything the interpreter may ask of the outside world.
pub trait Host {
    /// Opens `path`; `mode` is the permission for newly created files.
    fn open(&self, path: &[u8], flags: OpenFlags, mode: u32) -> HostResult<Fd>;
    /// Reads at most `buf.len()` bytes; 0 means end of file.
    fn read(&self, fd: Fd, buf: &mut [u8]) -> HostResult<usize>;
    /// Writes some prefix of `buf`, returning how much was written.
    fn write(&self, fd: Fd, buf: &[u8]) -> HostResult<usize>;
    fn close(&self, fd: Fd) -> HostResult<()>;
    /// Moves the file position; returns the new absolute position.
    fn seek(&self, fd: Fd, offset: i64, whence: Whence) -> HostResult<u64>;
    fn isatty(&self, fd: Fd) -> bool;
    fn stat(&self, path: &[u8], follow_symlinks: bool) -> HostResult<Stat>;
    fn fstat(&self, fd: Fd) -> HostResult<Stat>;
    /// Entry names of a directory, without "." and "..", in no fixed order.
    fn listdir(&self, path: &[u8]) -> HostResult<Vec<Vec<u8>>>;
    fn getcwd(&self) -> HostResult<Vec<u8>>;
    fn chdir(&self, path: &[u8]) -> HostResult<()>;
    fn mkdir(&self, path: &[u8], mode: u32) -> HostResult<()>;
    fn unlink(&self, path: &[u8]) -> HostResult<()>;
    fn rmdir(&self, path: &[u8]) -> HostResult<()>;
    fn rename(&self, from: &[u8], to: &[u8]) -> HostResult<()>;
    fn readlink(&self, path: &[u8]) -> HostResult<Vec<u8>>;
    /// The whole environment, in the order the OS gives it.
    fn env_vars(&self) -> Vec<(Vec<u8>, Vec<u8>)>;
    fn getenv(&self, name: &[u8]) -> Option<Vec<u8>>;
    /// The process argv as bytes (argv[0] is the interpreter).
    fn args(&self) -> Vec<Vec<u8>>;
    /// The path of the running binary, if known.
    fn executable(&self) -> Option<Vec<u8>>;
    /// Wall clock, nanoseconds since the Unix epoch.
    fn time_ns(&self) -> i128;
    /// A clock that never goes backwards (arbitrary origin).
    fn monotonic_ns(&self) -> u64;
    /// CPU time consumed by the process.
    fn process_time_ns(&self) -> u64;
    /// Fills `buf` with cryptographically strong (native) or deterministic
    /// (memory) random bytes.
    fn urandom(&self, buf: &mut [u8]) -> HostResult<()>;
    fn getpid(&self) -> i32;
    /// Ends the process (the memory host unwinds with a [`HostExit`] panic).
    fn exit(&self, code: i32) -> !;
    /// Peak resident set size, for benchmarks.
    fn max_rss_bytes(&self) -> Option<u64>;
    /// Physical memory the interpreter may count on (bounds single
    /// allocations, which must fail with MemoryError rather than get the
    /// process killed); None when unknown.
    fn memory_total(&self) -> Option<u64> {
        None
    }

    // ----- descriptors -------------------------------------------------------
    // Methods from here on have defaults that fail with `ENOSYS` (or report
    // "unknown"), so a host can grow into them; both built-in hosts override
    // every one.

    /// Truncates or extends the file behind `fd` to `len` bytes.
    fn ftruncate(&self, _fd: Fd, _len: u64) -> HostResult<()> {
        enosys()
    }
    /// Flushes the file's data and metadata to storage.
    fn fsync(&self, _fd: Fd) -> HostResult<()> {
        enosys()
    }
    /// A new, non-inheritable descriptor for the same open file (shared
    /// position and flags), the lowest number free.
    fn dup(&self, _fd: Fd) -> HostResult<Fd> {
        enosys()
    }
    /// Makes `fd2` refer to `fd`'s open file (closing what `fd2` was);
    /// returns `fd2`. `fd == fd2` checks `fd` and changes nothing.
    fn dup2(&self, _fd: Fd, _fd2: Fd, _inheritable: bool) -> HostResult<Fd> {
        enosys()
    }
    /// A pipe: (read end, write end), both non-inheritable.
    fn pipe(&self) -> HostResult<(Fd, Fd)> {
        enosys()
    }
    /// Reads at most `buf.len()` bytes at `offset` without moving the position.
    fn pread(&self, _fd: Fd, _buf: &mut [u8], _offset: u64) -> HostResult<usize> {
        enosys()
    }
    /// Writes at `offset` without moving the position.
    fn pwrite(&self, _fd: Fd, _buf: &[u8], _offset: u64) -> HostResult<usize> {
        enosys()
    }
    /// Whether `fd` survives `exec` (not close-on-exec).
    fn get_inheritable(&self, _fd: Fd) -> HostResult<bool> {
        enosys()
    }
    fn set_inheritable(&self, _fd: Fd, _inheritable: bool) -> HostResult<()> {
        enosys()
    }
    /// Whether `fd` is in blocking mode (no `O_NONBLOCK`).
    fn get_blocking(&self, _fd: Fd) -> HostResult<bool> {
        enosys()
    }
    fn set_blocking(&self, _fd: Fd, _blocking: bool) -> HostResult<()> {
        enosys()
    }
    /// The window size of the terminal on `fd`: (columns, lines).
    fn terminal_size(&self, _fd: Fd) -> HostResult<(u32, u32)> {
        enosys()
    }
    fn fchmod(&self, _fd: Fd, _mode: u32) -> HostResult<()> {
        enosys()
    }
    fn fchdir(&self, _fd: Fd) -> HostResult<()> {
        enosys()
    }
    /// Waits until some of `fds` (descriptor, `POLL*` events) are ready or
    /// `timeout_ms` passes (negative: forever); returns each entry's
    /// `revents`, in order. Fails with `EINTR` when a signal arrives.
    fn poll(&self, _fds: &[(Fd, i16)], _timeout_ms: i64) -> HostResult<Vec<i16>> {
        enosys()
    }
    /// `fcntl(fd, cmd, arg)` with an integer argument.
    fn fcntl_int(&self, _fd: Fd, _cmd: i32, _arg: i64) -> HostResult<i64> {
        enosys()
    }
    /// `fcntl(fd, cmd, buf)` with a buffer argument (at most 1024 bytes);
    /// returns the buffer as the call left it.
    fn fcntl_buf(&self, _fd: Fd, _cmd: i32, _buf: &[u8]) -> HostResult<Vec<u8>> {
        enosys()
    }
    /// `ioctl(fd, request, arg)` with an integer argument.
    fn ioctl_int(&self, _fd: Fd, _request: u64, _arg: i64) -> HostResult<i64> {
        enosys()
    }
    /// `ioctl(fd, request, buf)` (at most 1024 bytes); returns the result
    /// and the buffer as the call left it.
    fn ioctl_buf(&self, _fd: Fd, _request: u64, _buf: &[u8]) -> HostResult<(i64, Vec<u8>)> {
        enosys()
    }
    /// `flock(fd, operation)`.
    fn flock(&self, _fd: Fd, _operation: i32) -> HostResult<()> {
        enosys()
    }
    /// A POSIX record lock as Python's `fcntl.lockf` takes it: `cmd` is
    /// `LOCK_UN`, `LOCK_SH` or `LOCK_EX`, optionally with `LOCK_NB` (then
    /// fails with `EAGAIN`/`EACCES` instead of waiting).
    fn lockf(&self, _fd: Fd, _cmd: i32, _len: i64, _start: i64, _whence: i32) -> HostResult<()> {
        enosys()
    }

    // ----- paths -------------------------------------------------------------

    /// A directory's entries (without "." and ".."), in no fixed order.
    fn scandir(&self, _path: &[u8]) -> HostResult<Vec<DirEntryInfo>> {
        enosys()
    }
    /// Creates symlink `link` pointing at `target`.
    fn symlink(&self, _target: &[u8], _link: &[u8]) -> HostResult<()> {
        enosys()
    }
    /// Creates hard link `dst` to `src` (following `src` if it is a symlink
    /// only when `follow_symlinks`).
    fn link(&self, _src: &[u8], _dst: &[u8], _follow_symlinks: bool) -> HostResult<()> {
        enosys()
    }
    fn chmod(&self, _path: &[u8], _mode: u32, _follow_symlinks: bool) -> HostResult<()> {
        enosys()
    }
    /// Changes owner and/or group (None: unchanged).
    fn chown(
        &self,
        _path: &[u8],
        _uid: Option<u32>,
        _gid: Option<u32>,
        _follow_symlinks: bool,
    ) -> HostResult<()> {
        enosys()
    }
    /// Sets (access, modification) times in ns since the epoch; None: now.
    fn utime(
        &self,
        _path: &[u8],
        _times: Option<(i128, i128)>,
        _follow_symlinks: bool,
    ) -> HostResult<()> {
        enosys()
    }
    fn truncate(&self, _path: &[u8], _len: u64) -> HostResult<()> {
        enosys()
    }
    /// Whether the process may access `path` as `mode` (`F_OK`, or a mix of
    /// `R_OK`/`W_OK`/`X_OK` = 4/2/1): Ok(()) when it may.
    fn access(
        &self,
        _path: &[u8],
        _mode: u32,
        _effective_ids: bool,
        _follow_symlinks: bool,
    ) -> HostResult<()> {
        enosys()
    }
    /// Sets the file-creation mask, returning the previous one.
    fn umask(&self, _mask: u32) -> u32 {
        0o022
    }
    /// File-system statistics for the file system holding `path`.
    fn statvfs(&self, _path: &[u8]) -> HostResult<StatVfs> {
        enosys()
    }
    /// `statvfs` for the file system of an open descriptor.
    fn fstatvfs(&self, _fd: Fd) -> HostResult<StatVfs> {
        enosys()
    }
    /// `pathconf(path, name)` (None: no limit).
    fn pathconf(&self, _path: &[u8], _name: i32) -> HostResult<Option<i64>> {
        enosys()
    }

    // ----- environment, identity, processes -------------------------------------

    /// Sets an environment variable of the process (seen by children).
    fn putenv(&self, _name: &[u8], _value: &[u8]) -> HostResult<()> {
        enosys()
    }
    fn unsetenv(&self, _name: &[u8]) -> HostResult<()> {
        enosys()
    }
    fn getppid(&self) -> i32 {
        1
    }
    fn getuid(&self) -> u32 {
        0
    }
    fn geteuid(&self) -> u32 {
        self.getuid()
    }
    fn getgid(&self) -> u32 {
        0
    }
    fn getegid(&self) -> u32 {
        self.getgid()
    }
    fn getgroups(&self) -> HostResult<Vec<u32>> {
        enosys()
    }
    fn getpgrp(&self) -> i32 {
        self.getpid()
    }
    /// The login name of the controlling terminal's user, if any.
    fn getlogin(&self) -> HostResult<Vec<u8>> {
        enosys()
    }
    fn uname(&self) -> HostResult<Uname> {
        enosys()
    }
    fn times(&self) -> HostResult<Times> {
        enosys()
    }
    /// Online processors, if known.
    fn cpu_count(&self) -> Option<usize> {
        None
    }
    /// `sysconf(name)`; None when the value is indeterminate (-1, errno 0).
    fn sysconf(&self, _name: i32) -> HostResult<Option<i64>> {
        enosys()
    }
    /// `confstr(name)`; None when the variable has no value.
    fn confstr(&self, _name: i32) -> HostResult<Option<Vec<u8>>> {
        enosys()
    }
    fn kill(&self, _pid: i32, _signal: i32) -> HostResult<()> {
        enosys()
    }
    /// `waitpid(pid, options)`: (pid, raw status); pid 0 with `WNOHANG`
    /// when no child has changed state. Fails with `EINTR` on a signal.
    fn waitpid(&self, _pid: i32, _options: i32) -> HostResult<(i32, i32)> {
        enosys()
    }
    /// Starts a program as described by [`SpawnRequest`]; returns its pid.
    fn spawn(&self, _request: &SpawnRequest) -> HostResult<i32> {
        enosys()
    }
    /// `getrusage(who)` (`RUSAGE_SELF`, `RUSAGE_CHILDREN`, `RUSAGE_THREAD`).
    fn getrusage(&self, _who: i32) -> HostResult<Rusage> {
        enosys()
    }
    /// `getrlimit(resource)`: (soft, hard), `RLIM_INFINITY` as -1.
    fn getrlimit(&self, _resource: i32) -> HostResult<(i64, i64)> {
        enosys()
    }
    fn setrlimit(&self, _resource: i32, _soft: i64, _hard: i64) -> HostResult<()> {
        enosys()
    }

    // ----- clocks and time --------------------------------------------------------

    /// `clock_gettime(clock)` in nanoseconds.
    fn clock_gettime_ns(&self, _clock: i32) -> HostResult<i128> {
        enosys()
    }
    /// `clock_getres(clock)` in nanoseconds.
    fn clock_getres_ns(&self, _clock: i32) -> HostResult<i128> {
        enosys()
    }
    /// Sleeps for `ns` nanoseconds; fails with `EINTR` as soon as a signal
    /// the interpreter handles arrives (the caller runs the handlers and
    /// sleeps for what is left).
    fn sleep_ns(&self, _ns: u64) -> HostResult<()> {
        enosys()
    }
    /// Broken-down local time for `secs` since the epoch (C's `localtime`).
    fn localtime(&self, _secs: i64) -> HostResult<Tm> {
        enosys()
    }
    /// Seconds since the epoch for a local broken-down time (C's `mktime`;
    /// `wday`, `yday`, `gmtoff` and `zone` are ignored).
    fn mktime(&self, _tm: &Tm) -> HostResult<i64> {
        enosys()
    }
    /// Re-reads the time-zone rules (`TZ`).
    fn tzset(&self) {}

    // ----- signals ---------------------------------------------------------------

    /// Sets what `signal` does; returns the previous action.
    fn signal_set(&self, _signal: i32, _action: SignalAction) -> HostResult<SignalAction> {
        enosys()
    }
    /// The current action for `signal`, without changing it.
    fn signal_query(&self, _signal: i32) -> HostResult<SignalAction> {
        enosys()
    }
    /// A flag the host sets (from its signal handler) whenever a recorded
    /// signal arrives; the interpreter polls it cheaply at safe points and
    /// then calls [`Host::take_pending_signals`]. None: signals never arrive.
    fn signal_flag(&self) -> Option<std::sync::Arc<std::sync::atomic::AtomicBool>> {
        None
    }
    /// The recorded signals that arrived since the last call, ascending;
    /// clears them and the flag.
    fn take_pending_signals(&self) -> Vec<i32> {
        Vec::new()
    }
    /// Sends `signal` to the calling thread (C's `raise`).
    fn raise_signal(&self, _signal: i32) -> HostResult<()> {
        enosys()
    }
    /// Arranges for SIGALRM in `secs` seconds (0 cancels); returns the
    /// seconds that were left on the previous alarm.
    fn alarm(&self, _secs: u32) -> u32 {
        0
    }
    /// `setitimer(which, (delay, interval))` in seconds; returns the old pair.
    fn setitimer(&self, _which: i32, _delay: f64, _interval: f64) -> HostResult<(f64, f64)> {
        enosys()
    }
    /// Arms the process watchdog (replacing an armed one): unless cancelled,
    /// after `timeout` seconds (and every `timeout` after that with
    /// `repeat`) `message` is written to `fd`, then the process exits with
    /// status 1 if `exit` (`faulthandler.dump_traceback_later`).
    fn arm_watchdog(
        &self,
        _timeout: f64,
        _repeat: bool,
        _fd: Fd,
        _exit: bool,
        _message: Vec<u8>,
    ) -> HostResult<()> {
        enosys()
    }
    /// Disarms the watchdog, if one is armed; it never fires afterwards.
    fn cancel_watchdog(&self) {}
    fn getitimer(&self, _which: i32) -> HostResult<(f64, f64)> {
        enosys()
    }
    /// Whether system calls interrupted by `signal` fail with `EINTR`
    /// (true) or restart (false).
    fn siginterrupt(&self, _signal: i32, _interrupt: bool) -> HostResult<()> {
        enosys()
    }
    /// `pthread_sigmask(how, set)`; returns the previous mask.
    fn sigmask(&self, _how: i32, _signals: &[i32]) -> HostResult<Vec<i32>> {
        enosys()
    }
    /// The descriptor the host writes each recorded signal's number to (as
    /// one byte), -1 for none; returns the previous one.
    fn set_wakeup_fd(&self, _fd: Fd) -> HostResult<Fd> {
        enosys()
    }
    /// The description of `signal` (C's `strsignal`), None if unknown.
    fn strsignal(&self, _signal: i32) -> Option<String> {
        None
    }
    /// Waits until a signal arrives (fails with `EINTR` then).
    fn pause(&self) -> HostResult<()> {
        enosys()
    }

    // ----- sockets ----------------------------------------------------------------
    // Descriptors made here are ordinary host descriptors (`close`, `dup`,
    // `poll`, `set_blocking` apply). Blocking calls fail with `EINTR` when a
    // signal the interpreter handles arrives; `connect` always reports
    // `EINTR` (the connection then goes on in the background, PEP 475).

    /// `socket(family, kind, proto)`, close-on-exec; `kind` may carry
    /// `SOCK_NONBLOCK`.
    fn socket(&self, _family: i32, _kind: i32, _proto: i32) -> HostResult<Fd> {
        enosys()
    }
    /// A connected pair of sockets, both close-on-exec.
    fn socketpair(&self, _family: i32, _kind: i32, _proto: i32) -> HostResult<(Fd, Fd)> {
        enosys()
    }
    fn bind(&self, _fd: Fd, _addr: &SockAddr) -> HostResult<()> {
        enosys()
    }
    fn listen(&self, _fd: Fd, _backlog: i32) -> HostResult<()> {
        enosys()
    }
    /// Accepts a connection: the new (close-on-exec) descriptor and the
    /// peer's address, if the kernel reported one.
    fn accept(&self, _fd: Fd) -> HostResult<(Fd, Option<SockAddr>)> {
        enosys()
    }
    fn connect(&self, _fd: Fd, _addr: &SockAddr) -> HostResult<()> {
        enosys()
    }
    /// `send(fd, buf, flags)`: how many bytes were sent.
    fn send(&self, _fd: Fd, _buf: &[u8], _flags: i32) -> HostResult<usize> {
        enosys()
    }
    fn sendto(&self, _fd: Fd, _buf: &[u8], _flags: i32, _addr: &SockAddr) -> HostResult<usize> {
        enosys()
    }
    /// `recv(fd, buf, flags)`: how many bytes arrived (0: orderly shutdown).
    fn recv(&self, _fd: Fd, _buf: &mut [u8], _flags: i32) -> HostResult<usize> {
        enosys()
    }
    /// `recvfrom`: the byte count and the sender, if reported.
    fn recvfrom(
        &self,
        _fd: Fd,
        _buf: &mut [u8],
        _flags: i32,
    ) -> HostResult<(usize, Option<SockAddr>)> {
        enosys()
    }
    /// `sendmsg` of `data` (the gathered buffers) with ancillary items, to
    /// `addr` when given; returns the bytes sent.
    fn sendmsg(
        &self,
        _fd: Fd,
        _data: &[u8],
        _ancdata: &[AncData],
        _flags: i32,
        _addr: Option<&SockAddr>,
    ) -> HostResult<usize> {
        enosys()
    }
    /// `recvmsg` into a `bufsize` buffer with `ancbufsize` bytes of control
    /// space.
    fn recvmsg(
        &self,
        _fd: Fd,
        _bufsize: usize,
        _ancbufsize: usize,
        _flags: i32,
    ) -> HostResult<RecvMsg> {
        enosys()
    }
    fn shutdown(&self, _fd: Fd, _how: i32) -> HostResult<()> {
        enosys()
    }
    /// The socket's own address (None: the kernel reported an empty one).
    fn getsockname(&self, _fd: Fd) -> HostResult<Option<SockAddr>> {
        enosys()
    }
    fn getpeername(&self, _fd: Fd) -> HostResult<Option<SockAddr>> {
        enosys()
    }
    /// `getsockopt` with a `buflen`-byte buffer; returns the bytes the
    /// kernel filled in.
    fn getsockopt(&self, _fd: Fd, _level: i32, _name: i32, _buflen: usize) -> HostResult<Vec<u8>> {
        enosys()
    }
    /// `setsockopt` with `value` as the option buffer; None passes a NULL
    /// buffer of `len` bytes (`setsockopt(level, opt, None, len)`).
    fn setsockopt(
        &self,
        _fd: Fd,
        _level: i32,
        _name: i32,
        _value: Option<&[u8]>,
        _len: u32,
    ) -> HostResult<()> {
        enosys()
    }
    /// `getaddrinfo(host, service, hints)`, in the resolver's order.
    fn getaddrinfo(
        &self,
        _host: Option<&[u8]>,
        _service: Option<&[u8]>,
        _family: i32,
        _socktype: i32,
        _proto: i32,
        _flags: i32,
    ) -> NetResult<Vec<AddrInfo>> {
        Err(NetError::Os(HostError::from_errno(ENOSYS)))
    }
    /// `getnameinfo(addr, flags)`: (host, service).
    fn getnameinfo(&self, _addr: &SockAddr, _flags: i32) -> NetResult<(Vec<u8>, Vec<u8>)> {
        Err(NetError::Os(HostError::from_errno(ENOSYS)))
    }
    /// The host database entry for `name` (C's `gethostbyname`, IPv4).
    fn gethostbyname(&self, _name: &[u8]) -> NetResult<HostEnt> {
        Err(NetError::Os(HostError::from_errno(ENOSYS)))
    }
    /// The host database entry for an address of `family` (4 or 16 bytes).
    fn gethostbyaddr(&self, _addr: &[u8], _family: i32) -> NetResult<HostEnt> {
        Err(NetError::Os(HostError::from_errno(ENOSYS)))
    }
    fn gethostname(&self) -> HostResult<Vec<u8>> {
        enosys()
    }
    fn sethostname(&self, _name: &[u8]) -> HostResult<()> {
        enosys()
    }
    /// The port of service `name` (`getservbyname`), None if unknown.
    fn getservbyname(&self, _name: &[u8], _proto: Option<&[u8]>) -> Option<u16> {
        None
    }
    /// The name of the service on `port` (`getservbyport`), None if unknown.
    fn getservbyport(&self, _port: u16, _proto: Option<&[u8]>) -> Option<Vec<u8>> {
        None
    }
    /// The number of protocol `name` (`getprotobyname`), None if unknown.
    fn getprotobyname(&self, _name: &[u8]) -> Option<i32> {
        None
    }
    /// The network interfaces: (index, name).
    fn if_nameindex(&self) -> HostResult<Vec<(u32, Vec<u8>)>> {
        enosys()
    }
    /// The index of interface `name`; 0 when there is none.
    fn if_nametoindex(&self, _name: &[u8]) -> u32 {
        0
    }
    /// The name of interface `index`.
    fn if_indextoname(&self, _index: u32) -> HostResult<Vec<u8>> {
        enosys()
    }
}

fn enosys<T>() -> HostResult<T> {
    Err(HostError::from_errno(ENOSYS))
}

/// Writes all of `buf` to `fd` through `host`, retrying short writes.
/// A write that makes no progress fails with `EIO` instead of spinning.
pub fn write_all(host: &dyn Host, fd: Fd, mut buf: &[u8]) -> HostResult<()> {
    while !buf.is_empty() {
        let n = host.write(fd, buf)?;
        if n == 0 {
            return Err(HostError::from_errno(EIO));
        }
        buf = &buf[n..];
    }
    Ok(())
}

/// Reads a whole file through `host` (open for reading, read to end, close).
pub fn read_file(host: &dyn Host, path: &[u8]) -> HostResult<Vec<u8>> {
    let fd = host.open(path, OpenFlags::read_only(), 0)?;
    let r = read_to_end(host, fd);
    let _ = host.close(fd);
    r
}

/// Reads `fd` through `host` until end of file.
pub fn read_to_end(host: &dyn Host, fd: Fd) -> HostResult<Vec<u8>> {
    let mut out = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let n = host.read(fd, &mut chunk)?;
        if n == 0 {
            return Ok(out);
        }
        out.extend_from_slice(&chunk[..n]);
    }
}
