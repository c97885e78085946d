//! The plain-data types that cross the host boundary besides bytes and
//! integers. Invariant: every type here is a value (no handles, no
//! references, no callbacks), so a sandboxed host can serialise each request
//! and reply as it is.

/// One entry of a directory listing (what `readdir` reports, without ".").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirEntryInfo {
    pub name: Vec<u8>,
    /// The file-type bits (`S_IFDIR`, `S_IFREG`, `S_IFLNK`, ...) when the
    /// listing knows them without a `stat` (`d_type`), else `None`.
    pub file_type: Option<u32>,
    /// The inode number (`d_ino`).
    pub ino: u64,
}

/// `os.statvfs()`: the fields of `struct statvfs`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatVfs {
    pub bsize: u64,
    pub frsize: u64,
    pub blocks: u64,
    pub bfree: u64,
    pub bavail: u64,
    pub files: u64,
    pub ffree: u64,
    pub favail: u64,
    pub flag: u64,
    pub namemax: u64,
    pub fsid: u64,
}

/// `os.uname()`: the fields of `struct utsname`, as bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Uname {
    pub sysname: Vec<u8>,
    pub nodename: Vec<u8>,
    pub release: Vec<u8>,
    pub version: Vec<u8>,
    pub machine: Vec<u8>,
}

/// `os.times()`: CPU seconds of this process and its waited-for children,
/// and the elapsed real time since an arbitrary origin.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Times {
    pub user: f64,
    pub system: f64,
    pub children_user: f64,
    pub children_system: f64,
    pub elapsed: f64,
}

/// Broken-down time, with C's `struct tm` conventions except that `year` is
/// the full year (not years since 1900): `mon` 0-11, `mday` 1-31, `wday`
/// 0 = Sunday, `yday` 0-365, `isdst` -1/0/1, `gmtoff` seconds east of UTC.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tm {
    pub year: i64,
    pub mon: i32,
    pub mday: i32,
    pub hour: i32,
    pub min: i32,
    pub sec: i32,
    pub wday: i32,
    pub yday: i32,
    pub isdst: i32,
    pub gmtoff: i64,
    /// The zone abbreviation (`tm_zone`), e.g. "UTC", "CET".
    pub zone: String,
}

/// `resource.getrusage()`: the fields of `struct rusage` (times in seconds).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rusage {
    pub utime: f64,
    pub stime: f64,
    pub maxrss: i64,
    pub ixrss: i64,
    pub idrss: i64,
    pub isrss: i64,
    pub minflt: i64,
    pub majflt: i64,
    pub nswap: i64,
    pub inblock: i64,
    pub oublock: i64,
    pub msgsnd: i64,
    pub msgrcv: i64,
    pub nsignals: i64,
    pub nvcsw: i64,
    pub nivcsw: i64,
}

/// What happens when a signal arrives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignalAction {
    /// `SIG_DFL`.
    Default,
    /// `SIG_IGN`.
    Ignore,
    /// The host records the signal as pending (see [`crate::Host::take_pending_signals`])
    /// and the interpreter runs the Python handler at its next safe point.
    Record,
    /// A handler the host did not install (reported by `signal_query` only).
    Foreign,
}

/// A request to start a program (what `_posixsubprocess.fork_exec` needs),
/// executed in the child in this order: close `close_in_child`; put `stdin`,
/// `stdout`, `stderr` on 0/1/2 (None: inherit); `chdir(cwd)`; `umask`;
/// restore SIGPIPE/SIGXFSZ to default if `restore_signals`; `setsid`;
/// `setpgid(0, pgid)`; when `close_fds`, close every descriptor above 2 not in
/// `keep_fds`; make `keep_fds` (except `err_fd`) inheritable; then try each of
/// `executables` in turn with `argv` and `env`. If a step fails the child
/// writes `OSError:<errno in hex>:<where>` to `err_fd` (where is "" when exec
/// itself failed and "noexec" when an earlier step did) and exits with
/// status 255 — CPython 3.11's protocol, which `subprocess` reads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpawnRequest {
    pub argv: Vec<Vec<u8>>,
    /// Candidate program paths, tried in order (`PATH` search done by the caller).
    pub executables: Vec<Vec<u8>>,
    /// The child's environment as `NAME=value` entries; None: inherit.
    pub env: Option<Vec<Vec<u8>>>,
    pub cwd: Option<Vec<u8>>,
    pub stdin: Option<crate::Fd>,
    pub stdout: Option<crate::Fd>,
    pub stderr: Option<crate::Fd>,
    pub close_in_child: Vec<crate::Fd>,
    pub close_fds: bool,
    pub keep_fds: Vec<crate::Fd>,
    /// Where the child reports a failure (close-on-exec, so success closes it).
    pub err_fd: Option<crate::Fd>,
    pub restore_signals: bool,
    pub setsid: bool,
    pub pgid: Option<i32>,
    pub umask: Option<u32>,
}
