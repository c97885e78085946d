//! The in-memory host: a deterministic, self-contained world for tests and
//! embedding. Invariants: the filesystem is a map from normalised absolute
//! paths ("/", "/a/b") to nodes, "/" is always a directory, and every node's
//! parent is a directory present in the map; file contents live in shared
//! inodes so a descriptor keeps working after its path is unlinked or
//! renamed; descriptors point at shared open-file descriptions (so `dup`ed
//! descriptors share position and flags, as on POSIX), and a pipe knows how
//! many read and write ends are open. Errors use the errno Linux would give
//! for the same call. Stdin is a preloaded buffer, stdout and stderr are
//! captured; environment, argv, clocks (advancing a fixed tick per reading,
//! and by the requested amount on `sleep`), pid and urandom (a seeded
//! generator) are all fixed, so the same program always sees the same world;
//! local time is UTC. Sockets live in a loopback-only network of their
//! own (see `socket`). Nothing can block: an operation that would wait
//! forever (reading an empty pipe whose writer is open) fails with `EAGAIN`.
//! `exit` unwinds with a [`HostExit`] panic payload, since it cannot return.

mod host;
mod socket;
#[cfg(test)]
mod tests;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::rc::Rc;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use crate::{
    Fd, HostError, HostResult, OpenFlags, SignalAction, Stat, EINVAL, ENOENT, ENOTDIR, S_IFDIR,
    S_IFREG,
};

/// The panic payload `MemoryHost::exit` unwinds with; catch it with
/// `std::panic::catch_unwind` and `downcast_ref::<HostExit>()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HostExit(pub i32);

/// Wall-clock origin of the memory host: 2023-11-14T22:13:20Z.
const EPOCH_NS: i128 = 1_700_000_000_000_000_000;
/// How far the clocks move each time one is read.
const TICK_NS: u64 = 1_000;
/// How much a pipe holds before writes fail with `EAGAIN` (Linux's default).
const PIPE_CAPACITY: usize = 65_536;

struct Inode {
    data: Vec<u8>,
    ino: u64,
    mtime_ns: i128,
    atime_ns: i128,
    /// Permission bits (`0o644` by default).
    perm: u32,
}

enum Node {
    File(Rc<RefCell<Inode>>),
    Dir { ino: u64, perm: u32 },
}

struct Pipe {
    buf: VecDeque<u8>,
    readers: usize,
    writers: usize,
}

/// One end of a pipe; dropping the last description of an end closes it.
struct PipeEnd {
    pipe: Rc<RefCell<Pipe>>,
    write: bool,
}

impl Drop for PipeEnd {
    fn drop(&mut self) {
        let mut p = self.pipe.borrow_mut();
        if self.write {
            p.writers -= 1;
        } else {
            p.readers -= 1;
        }
    }
}

enum Target {
    Stdin,
    Stdout,
    Stderr,
    File(Rc<RefCell<Inode>>),
    Dir { ino: u64, path: Vec<u8> },
    Pipe(PipeEnd),
    Socket(socket::SockEnd),
}

/// An open-file description, shared by descriptors made with `dup`.
struct OpenFile {
    target: Target,
    pos: u64,
    flags: OpenFlags,
}

struct Slot {
    file: Rc<RefCell<OpenFile>>,
    cloexec: bool,
}

struct State {
    nodes: BTreeMap<Vec<u8>, Node>,
    fds: BTreeMap<Fd, Slot>,
    cwd: Vec<u8>,
    stdin: Vec<u8>,
    stdin_pos: usize,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    next_ino: u64,
    ticks: u64,
    rng: u64,
    env: Vec<(Vec<u8>, Vec<u8>)>,
    args: Vec<Vec<u8>>,
    executable: Option<Vec<u8>>,
    tty: bool,
    umask: u32,
    signal_actions: BTreeMap<i32, SignalAction>,
    pending: BTreeSet<i32>,
    blocked: BTreeSet<i32>,
    wakeup_fd: Fd,
    net: socket::Net,
}

/// A host whose whole world lives in memory. See the module docs.
pub struct MemoryHost {
    state: RefCell<State>,
    signal_flag: Arc<AtomicBool>,
}

impl Default for MemoryHost {
    fn default() -> Self {
        MemoryHost::new()
    }
}

fn err<T>(errno: i32) -> HostResult<T> {
    Err(HostError::from_errno(errno))
}

/// The parent of a normalised absolute path ("/" is its own parent).
fn parent_of(path: &[u8]) -> &[u8] {
    match path.iter().rposition(|&b| b == b'/') {
        Some(0) | None => b"/",
        Some(i) => &path[..i],
    }
}

/// The key prefix under which the children of `dir` are stored.
fn child_prefix(dir: &[u8]) -> Vec<u8> {
    let mut prefix = dir.to_vec();
    if prefix != b"/" {
        prefix.push(b'/');
    }
    prefix
}

impl MemoryHost {
    /// An empty filesystem (only "/"), cwd "/", no env, argv `["adder"]`.
    pub fn new() -> MemoryHost {
        let mut nodes = BTreeMap::new();
        nodes.insert(
            b"/".to_vec(),
            Node::Dir {
                ino: 1,
                perm: 0o755,
            },
        );
        let mut fds = BTreeMap::new();
        for (fd, target, read) in [
            (0, Target::Stdin, true),
            (1, Target::Stdout, false),
            (2, Target::Stderr, false),
        ] {
            let flags = OpenFlags {
                read,
                write: !read,
                ..OpenFlags::default()
            };
            let file = Rc::new(RefCell::new(OpenFile {
                target,
                pos: 0,
                flags,
            }));
            fds.insert(
                fd,
                Slot {
                    file,
                    cloexec: false,
                },
            );
        }
        MemoryHost {
            state: RefCell::new(State {
                nodes,
                fds,
                cwd: b"/".to_vec(),
                stdin: Vec::new(),
                stdin_pos: 0,
                stdout: Vec::new(),
                stderr: Vec::new(),
                next_ino: 2,
                ticks: 0,
                rng: 0x005E_ED0F_ADDE,
                env: Vec::new(),
                args: vec![b"adder".to_vec()],
                executable: Some(b"/usr/bin/adder".to_vec()),
                tty: false,
                umask: 0o022,
                signal_actions: BTreeMap::new(),
                pending: BTreeSet::new(),
                blocked: BTreeSet::new(),
                wakeup_fd: -1,
                net: socket::Net::default(),
            }),
            signal_flag: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Creates (or replaces) a file, creating missing parent directories.
    pub fn add_file(&self, path: &[u8], contents: &[u8]) {
        let mut st = self.state.borrow_mut();
        let abs = st.absolute(path);
        st.make_dirs(parent_of(&abs).to_vec());
        let ino = st.new_ino();
        let inode = Inode {
            data: contents.to_vec(),
            ino,
            mtime_ns: EPOCH_NS,
            atime_ns: EPOCH_NS,
            perm: 0o644,
        };
        st.nodes
            .insert(abs, Node::File(Rc::new(RefCell::new(inode))));
    }

    /// Creates a directory and its missing parents.
    pub fn add_dir(&self, path: &[u8]) {
        let mut st = self.state.borrow_mut();
        let abs = st.absolute(path);
        st.make_dirs(abs);
    }

    /// The current contents of a file, if `path` names one.
    pub fn file_contents(&self, path: &[u8]) -> Option<Vec<u8>> {
        let st = self.state.borrow();
        match st.nodes.get(&st.absolute(path)) {
            Some(Node::File(inode)) => Some(inode.borrow().data.clone()),
            _ => None,
        }
    }

    /// Sets what reads of fd 0 return (and rewinds it).
    pub fn set_stdin(&self, bytes: &[u8]) {
        let mut st = self.state.borrow_mut();
        st.stdin = bytes.to_vec();
        st.stdin_pos = 0;
    }

    /// Takes everything written to fd 1 so far.
    pub fn take_stdout(&self) -> Vec<u8> {
        std::mem::take(&mut self.state.borrow_mut().stdout)
    }

    /// Takes everything written to fd 2 so far.
    pub fn take_stderr(&self) -> Vec<u8> {
        std::mem::take(&mut self.state.borrow_mut().stderr)
    }

    pub fn set_env(&self, vars: Vec<(Vec<u8>, Vec<u8>)>) {
        self.state.borrow_mut().env = vars;
    }

    pub fn set_args(&self, args: Vec<Vec<u8>>) {
        self.state.borrow_mut().args = args;
    }

    pub fn set_executable(&self, path: Option<Vec<u8>>) {
        self.state.borrow_mut().executable = path;
    }

    /// Whether fds 0-2 claim to be terminals.
    pub fn set_tty(&self, tty: bool) {
        self.state.borrow_mut().tty = tty;
    }

    /// Reseeds the deterministic `urandom` stream.
    pub fn set_random_seed(&self, seed: u64) {
        self.state.borrow_mut().rng = seed;
    }
}

impl State {
    fn new_ino(&mut self) -> u64 {
        let ino = self.next_ino;
        self.next_ino += 1;
        ino
    }

    fn tick(&mut self) -> u64 {
        self.ticks += TICK_NS;
        self.ticks
    }

    /// Normalises `path` against the cwd: resolves ".", ".." and repeated
    /// slashes lexically (there are no symlinks in this world).
    fn absolute(&self, path: &[u8]) -> Vec<u8> {
        let mut parts: Vec<&[u8]> = Vec::new();
        let base: &[u8] = if path.first() == Some(&b'/') {
            b""
        } else {
            &self.cwd
        };
        for part in base.split(|&b| b == b'/').chain(path.split(|&b| b == b'/')) {
            match part {
                b"" | b"." => {}
                b".." => {
                    parts.pop();
                }
                _ => parts.push(part),
            }
        }
        let mut out = Vec::new();
        for part in parts {
            out.push(b'/');
            out.extend_from_slice(part);
        }
        if out.is_empty() {
            out.push(b'/');
        }
        out
    }

    /// Resolves `path` for a lookup: `ENOENT` for "", `ENOTDIR` when a
    /// proper ancestor is a file (or the path has a trailing slash but names
    /// a file), `ENOENT` when an ancestor is missing.
    fn resolve(&self, path: &[u8]) -> HostResult<Vec<u8>> {
        if path.is_empty() {
            return err(ENOENT);
        }
        if path.contains(&0) {
            return err(EINVAL);
        }
        let abs = self.absolute(path);
        self.check_ancestors(&abs)?;
        if path.ends_with(b"/") {
            if let Some(Node::File(_)) = self.nodes.get(&abs) {
                return err(ENOTDIR);
            }
        }
        Ok(abs)
    }

    fn check_ancestors(&self, abs: &[u8]) -> HostResult<()> {
        let mut i = 1;
        while let Some(off) = abs[i..].iter().position(|&b| b == b'/') {
            let end = i + off;
            match self.nodes.get(&abs[..end]) {
                Some(Node::Dir { .. }) => {}
                Some(Node::File(_)) => return err(ENOTDIR),
                None => return err(ENOENT),
            }
            i = end + 1;
        }
        Ok(())
    }

    fn make_dirs(&mut self, abs: Vec<u8>) {
        if self.nodes.contains_key(&abs) {
            return;
        }
        let parent = parent_of(&abs).to_vec();
        if parent != abs {
            self.make_dirs(parent);
        }
        let ino = self.new_ino();
        self.nodes.insert(abs, Node::Dir { ino, perm: 0o755 });
    }

    fn children(&self, dir: &[u8]) -> Vec<Vec<u8>> {
        let prefix = child_prefix(dir);
        self.nodes
            .range(prefix.clone()..)
            .take_while(|(k, _)| k.starts_with(&prefix))
            .filter(|(k, _)| k.len() > prefix.len() && !k[prefix.len()..].contains(&b'/'))
            .map(|(k, _)| k[prefix.len()..].to_vec())
            .collect()
    }

    fn lowest_free_fd(&self, from: Fd) -> Fd {
        let mut fd = from.max(0);
        while self.fds.contains_key(&fd) {
            fd += 1;
        }
        fd
    }

    /// Installs a new descriptor for `file` (close-on-exec unless `inheritable`).
    fn install(&mut self, file: OpenFile, inheritable: bool) -> Fd {
        let fd = self.lowest_free_fd(0);
        self.fds.insert(
            fd,
            Slot {
                file: Rc::new(RefCell::new(file)),
                cloexec: !inheritable,
            },
        );
        fd
    }

    fn slot(&self, fd: Fd) -> HostResult<&Slot> {
        self.fds
            .get(&fd)
            .ok_or_else(|| HostError::from_errno(crate::EBADF))
    }

    fn file(&self, fd: Fd) -> HostResult<Rc<RefCell<OpenFile>>> {
        Ok(self.slot(fd)?.file.clone())
    }

    fn file_stat(inode: &Inode) -> Stat {
        Stat {
            mode: S_IFREG | inode.perm,
            size: inode.data.len() as u64,
            mtime_ns: inode.mtime_ns,
            atime_ns: inode.atime_ns,
            ctime_ns: inode.mtime_ns,
            ino: inode.ino,
            dev: 1,
            nlink: 1,
            uid: 1000,
            gid: 1000,
            blksize: 4096,
            blocks: (inode.data.len() as u64).div_ceil(4096) * 8,
            rdev: 0,
        }
    }

    fn dir_stat(ino: u64, perm: u32) -> Stat {
        Stat {
            mode: S_IFDIR | perm,
            size: 4096,
            mtime_ns: EPOCH_NS,
            atime_ns: EPOCH_NS,
            ctime_ns: EPOCH_NS,
            ino,
            dev: 1,
            nlink: 2,
            uid: 1000,
            gid: 1000,
            blksize: 4096,
            blocks: 8,
            rdev: 0,
        }
    }

    fn node_stat(&self, abs: &[u8]) -> HostResult<Stat> {
        match self.nodes.get(abs) {
            Some(Node::File(inode)) => Ok(State::file_stat(&inode.borrow())),
            Some(Node::Dir { ino, perm }) => Ok(State::dir_stat(*ino, *perm)),
            None => err(ENOENT),
        }
    }
}
