//! The host boundary: the only crate in Adder that touches the operating
//! system. Invariant: every interaction with the outside world — files,
//! directories, stat, environment, arguments, clocks, random bytes, stdio,
//! process identity and exit — goes through the object-safe [`Host`] trait,
//! whose methods take `&self` (implementations use interior mutability) so an
//! interpreter holds it as `Rc<dyn Host>`. Paths, environment entries and
//! arguments are raw bytes, exactly as the OS gives them; decoding is the
//! interpreter's job. Implementations: [`NativeHost`] (real system calls) and
//! [`MemoryHost`] (a deterministic in-memory world for tests and embedding).
//! The workspace `clippy.toml` bans `std::fs`/`env`/`process`/`net` everywhere
//! else, and `tests/boundary.rs` enforces the same rule textually.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

mod error;
mod memory;
mod native;

pub use error::*;
pub use memory::{HostExit, MemoryHost};
pub use native::NativeHost;

/// A file descriptor as the host hands it out. 0, 1 and 2 are stdio.
pub type Fd = i32;

/// How a file is opened (a superset of what Python's `open` modes need).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OpenFlags {
    pub read: bool,
    pub write: bool,
    pub append: bool,
    pub create: bool,
    pub truncate: bool,
    pub exclusive: bool,
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
    let flags = OpenFlags {
        read: true,
        write: false,
        append: false,
        create: false,
        truncate: false,
        exclusive: false,
    };
    let fd = host.open(path, flags, 0)?;
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
