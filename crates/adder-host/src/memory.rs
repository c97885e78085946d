//! The in-memory host: a deterministic, self-contained world for tests and
//! embedding. Invariants: the filesystem is a map from normalised absolute
//! paths ("/", "/a/b") to nodes, "/" is always a directory, and every node's
//! parent is a directory present in the map; file contents live in shared
//! inodes so a descriptor keeps working after its path is unlinked or
//! renamed. Errors use the errno Linux would give for the same call. Stdin is
//! a preloaded buffer, stdout and stderr are captured; environment, argv,
//! clocks (advancing a fixed tick per reading), pid and urandom (a seeded
//! generator) are all fixed, so the same program always sees the same world.
//! `exit` unwinds with a [`HostExit`] panic payload, since it cannot return.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use crate::{
    Fd, Host, HostError, HostResult, OpenFlags, Stat, Whence, EBADF, EBUSY, EEXIST, EINVAL, EISDIR,
    ENOENT, ENOTDIR, ENOTEMPTY, ESPIPE, S_IFDIR, S_IFIFO, S_IFREG,
};

/// The panic payload `MemoryHost::exit` unwinds with; catch it with
/// `std::panic::catch_unwind` and `downcast_ref::<HostExit>()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HostExit(pub i32);

/// Wall-clock origin of the memory host: 2023-11-14T22:13:20Z.
const EPOCH_NS: i128 = 1_700_000_000_000_000_000;
/// How far the clocks move each time one is read.
const TICK_NS: u64 = 1_000;

struct Inode {
    data: Vec<u8>,
    ino: u64,
    mtime_ns: i128,
}

enum Node {
    File(Rc<RefCell<Inode>>),
    Dir { ino: u64 },
}

enum Target {
    Stdin,
    Stdout,
    Stderr,
    File(Rc<RefCell<Inode>>),
    Dir { ino: u64 },
}

struct OpenFile {
    target: Target,
    pos: u64,
    flags: OpenFlags,
}

struct State {
    nodes: BTreeMap<Vec<u8>, Node>,
    fds: BTreeMap<Fd, OpenFile>,
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
}

/// A host whose whole world lives in memory. See the module docs.
pub struct MemoryHost {
    state: RefCell<State>,
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
        nodes.insert(b"/".to_vec(), Node::Dir { ino: 1 });
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
            fds.insert(
                fd,
                OpenFile {
                    target,
                    pos: 0,
                    flags,
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
            }),
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
        self.nodes.insert(abs, Node::Dir { ino });
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

    fn lowest_free_fd(&self) -> Fd {
        let mut fd = 0;
        while self.fds.contains_key(&fd) {
            fd += 1;
        }
        fd
    }

    fn file_stat(inode: &Inode) -> Stat {
        Stat {
            mode: S_IFREG | 0o644,
            size: inode.data.len() as u64,
            mtime_ns: inode.mtime_ns,
            atime_ns: inode.mtime_ns,
            ctime_ns: inode.mtime_ns,
            ino: inode.ino,
            dev: 1,
            nlink: 1,
            uid: 1000,
            gid: 1000,
        }
    }

    fn dir_stat(ino: u64) -> Stat {
        Stat {
            mode: S_IFDIR | 0o755,
            size: 4096,
            mtime_ns: EPOCH_NS,
            atime_ns: EPOCH_NS,
            ctime_ns: EPOCH_NS,
            ino,
            dev: 1,
            nlink: 2,
            uid: 1000,
            gid: 1000,
        }
    }
}

impl Host for MemoryHost {
    fn open(&self, path: &[u8], flags: OpenFlags, _mode: u32) -> HostResult<Fd> {
        let mut st = self.state.borrow_mut();
        let abs = st.resolve(path)?;
        let target = match st.nodes.get(&abs) {
            Some(_) if flags.exclusive && flags.create => return err(EEXIST),
            Some(Node::Dir { ino }) => {
                if flags.writable() {
                    return err(EISDIR);
                }
                Target::Dir { ino: *ino }
            }
            Some(Node::File(inode)) => {
                if flags.truncate && flags.writable() {
                    inode.borrow_mut().data.clear();
                }
                Target::File(inode.clone())
            }
            None => {
                if !flags.create {
                    return err(ENOENT);
                }
                if path.ends_with(b"/") {
                    return err(EISDIR);
                }
                let ino = st.new_ino();
                let now = EPOCH_NS + i128::from(st.tick());
                let inode = Rc::new(RefCell::new(Inode {
                    data: Vec::new(),
                    ino,
                    mtime_ns: now,
                }));
                st.nodes.insert(abs, Node::File(inode.clone()));
                Target::File(inode)
            }
        };
        let fd = st.lowest_free_fd();
        st.fds.insert(
            fd,
            OpenFile {
                target,
                pos: 0,
                flags,
            },
        );
        Ok(fd)
    }

    fn read(&self, fd: Fd, buf: &mut [u8]) -> HostResult<usize> {
        let mut st = self.state.borrow_mut();
        let st = &mut *st;
        let Some(file) = st.fds.get_mut(&fd) else {
            return err(EBADF);
        };
        if !file.flags.read && file.flags.writable() {
            return err(EBADF);
        }
        match &file.target {
            Target::Stdin => {
                let rest = &st.stdin[st.stdin_pos..];
                let n = rest.len().min(buf.len());
                buf[..n].copy_from_slice(&rest[..n]);
                st.stdin_pos += n;
                Ok(n)
            }
            Target::Stdout | Target::Stderr => err(EBADF),
            Target::Dir { .. } => err(EISDIR),
            Target::File(inode) => {
                let inode = inode.borrow();
                let start = usize::try_from(file.pos).unwrap_or(usize::MAX);
                if start >= inode.data.len() {
                    return Ok(0);
                }
                let n = (inode.data.len() - start).min(buf.len());
                buf[..n].copy_from_slice(&inode.data[start..start + n]);
                file.pos += n as u64;
                Ok(n)
            }
        }
    }

    fn write(&self, fd: Fd, buf: &[u8]) -> HostResult<usize> {
        let mut st = self.state.borrow_mut();
        let st = &mut *st;
        let now = EPOCH_NS + i128::from(st.ticks);
        let Some(file) = st.fds.get_mut(&fd) else {
            return err(EBADF);
        };
        if !file.flags.writable() {
            return err(EBADF);
        }
        match &file.target {
            Target::Stdin => err(EBADF),
            Target::Stdout => {
                st.stdout.extend_from_slice(buf);
                Ok(buf.len())
            }
            Target::Stderr => {
                st.stderr.extend_from_slice(buf);
                Ok(buf.len())
            }
            Target::Dir { .. } => err(EBADF),
            Target::File(inode) => {
                let mut inode = inode.borrow_mut();
                if file.flags.append {
                    file.pos = inode.data.len() as u64;
                }
                let start = usize::try_from(file.pos).map_err(|_| HostError::from_errno(EINVAL))?;
                let end = start + buf.len();
                if inode.data.len() < end {
                    inode.data.resize(end, 0);
                }
                inode.data[start..end].copy_from_slice(buf);
                inode.mtime_ns = now;
                file.pos = end as u64;
                Ok(buf.len())
            }
        }
    }

    fn close(&self, fd: Fd) -> HostResult<()> {
        match self.state.borrow_mut().fds.remove(&fd) {
            Some(_) => Ok(()),
            None => err(EBADF),
        }
    }

    fn seek(&self, fd: Fd, offset: i64, whence: Whence) -> HostResult<u64> {
        let mut st = self.state.borrow_mut();
        let Some(file) = st.fds.get_mut(&fd) else {
            return err(EBADF);
        };
        let len = match &file.target {
            Target::File(inode) => inode.borrow().data.len() as i128,
            Target::Dir { .. } => 0,
            _ => return err(ESPIPE),
        };
        let base = match whence {
            Whence::Set => 0,
            Whence::Cur => i128::from(file.pos),
            Whence::End => len,
        };
        let pos = base + i128::from(offset);
        if pos < 0 || pos > i128::from(i64::MAX) {
            return err(EINVAL);
        }
        file.pos = pos as u64;
        Ok(file.pos)
    }

    fn isatty(&self, fd: Fd) -> bool {
        let st = self.state.borrow();
        st.tty
            && matches!(
                st.fds.get(&fd).map(|f| &f.target),
                Some(Target::Stdin | Target::Stdout | Target::Stderr)
            )
    }

    fn stat(&self, path: &[u8], _follow_symlinks: bool) -> HostResult<Stat> {
        let st = self.state.borrow();
        let abs = st.resolve(path)?;
        match st.nodes.get(&abs) {
            Some(Node::File(inode)) => Ok(State::file_stat(&inode.borrow())),
            Some(Node::Dir { ino }) => Ok(State::dir_stat(*ino)),
            None => err(ENOENT),
        }
    }

    fn fstat(&self, fd: Fd) -> HostResult<Stat> {
        let st = self.state.borrow();
        match st.fds.get(&fd).map(|f| &f.target) {
            None => err(EBADF),
            Some(Target::File(inode)) => Ok(State::file_stat(&inode.borrow())),
            Some(Target::Dir { ino }) => Ok(State::dir_stat(*ino)),
            Some(_) => Ok(Stat {
                mode: S_IFIFO | 0o600,
                nlink: 1,
                uid: 1000,
                gid: 1000,
                ..Stat::default()
            }),
        }
    }

    fn listdir(&self, path: &[u8]) -> HostResult<Vec<Vec<u8>>> {
        let st = self.state.borrow();
        let path = if path.is_empty() { b"." as &[u8] } else { path };
        let abs = st.resolve(path)?;
        match st.nodes.get(&abs) {
            Some(Node::Dir { .. }) => Ok(st.children(&abs)),
            Some(Node::File(_)) => err(ENOTDIR),
            None => err(ENOENT),
        }
    }

    fn getcwd(&self) -> HostResult<Vec<u8>> {
        Ok(self.state.borrow().cwd.clone())
    }

    fn chdir(&self, path: &[u8]) -> HostResult<()> {
        let mut st = self.state.borrow_mut();
        let abs = st.resolve(path)?;
        match st.nodes.get(&abs) {
            Some(Node::Dir { .. }) => {
                st.cwd = abs;
                Ok(())
            }
            Some(Node::File(_)) => err(ENOTDIR),
            None => err(ENOENT),
        }
    }

    fn mkdir(&self, path: &[u8], _mode: u32) -> HostResult<()> {
        let mut st = self.state.borrow_mut();
        let abs = st.resolve(path)?;
        if st.nodes.contains_key(&abs) {
            return err(EEXIST);
        }
        let ino = st.new_ino();
        st.nodes.insert(abs, Node::Dir { ino });
        Ok(())
    }

    fn unlink(&self, path: &[u8]) -> HostResult<()> {
        let mut st = self.state.borrow_mut();
        let abs = st.resolve(path)?;
        match st.nodes.get(&abs) {
            Some(Node::File(_)) => {
                st.nodes.remove(&abs);
                Ok(())
            }
            Some(Node::Dir { .. }) => err(EISDIR),
            None => err(ENOENT),
        }
    }

    fn rmdir(&self, path: &[u8]) -> HostResult<()> {
        let mut st = self.state.borrow_mut();
        let abs = st.resolve(path)?;
        match st.nodes.get(&abs) {
            Some(Node::Dir { .. }) if abs == b"/" => err(EBUSY),
            Some(Node::Dir { .. }) => {
                if !st.children(&abs).is_empty() {
                    return err(ENOTEMPTY);
                }
                st.nodes.remove(&abs);
                Ok(())
            }
            Some(Node::File(_)) => err(ENOTDIR),
            None => err(ENOENT),
        }
    }

    fn rename(&self, from: &[u8], to: &[u8]) -> HostResult<()> {
        let mut st = self.state.borrow_mut();
        let src = st.resolve(from)?;
        let dst = st.resolve(to)?;
        let src_is_dir = match st.nodes.get(&src) {
            None => return err(ENOENT),
            Some(Node::Dir { .. }) => true,
            Some(Node::File(_)) => false,
        };
        if src == dst {
            return Ok(());
        }
        if src == b"/" || dst == b"/" {
            return err(EBUSY);
        }
        match st.nodes.get(&dst) {
            Some(Node::Dir { .. }) if !src_is_dir => return err(EISDIR),
            Some(Node::File(_)) if src_is_dir => return err(ENOTDIR),
            Some(Node::Dir { .. }) if !st.children(&dst).is_empty() => return err(ENOTEMPTY),
            _ => {}
        }
        if src_is_dir && dst.starts_with(&child_prefix(&src)) {
            return err(EINVAL);
        }
        st.nodes.remove(&dst);
        let node = st.nodes.remove(&src).expect("checked above");
        st.nodes.insert(dst.clone(), node);
        if src_is_dir {
            let prefix = child_prefix(&src);
            let moved: Vec<Vec<u8>> = st
                .nodes
                .range(prefix.clone()..)
                .take_while(|(k, _)| k.starts_with(&prefix))
                .map(|(k, _)| k.clone())
                .collect();
            let new_prefix = child_prefix(&dst);
            for key in moved {
                let node = st.nodes.remove(&key).expect("listed above");
                let mut new_key = new_prefix.clone();
                new_key.extend_from_slice(&key[prefix.len()..]);
                st.nodes.insert(new_key, node);
            }
            if st.cwd == src || st.cwd.starts_with(&prefix) {
                let mut cwd = dst.clone();
                cwd.extend_from_slice(&st.cwd[src.len()..]);
                st.cwd = cwd;
            }
        }
        Ok(())
    }

    fn readlink(&self, path: &[u8]) -> HostResult<Vec<u8>> {
        let st = self.state.borrow();
        let abs = st.resolve(path)?;
        if st.nodes.contains_key(&abs) {
            err(EINVAL) // exists, but this world has no symlinks
        } else {
            err(ENOENT)
        }
    }

    fn env_vars(&self) -> Vec<(Vec<u8>, Vec<u8>)> {
        self.state.borrow().env.clone()
    }

    fn getenv(&self, name: &[u8]) -> Option<Vec<u8>> {
        let st = self.state.borrow();
        st.env
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    }

    fn args(&self) -> Vec<Vec<u8>> {
        self.state.borrow().args.clone()
    }

    fn executable(&self) -> Option<Vec<u8>> {
        self.state.borrow().executable.clone()
    }

    fn time_ns(&self) -> i128 {
        EPOCH_NS + i128::from(self.state.borrow_mut().tick())
    }

    fn monotonic_ns(&self) -> u64 {
        self.state.borrow_mut().tick()
    }

    fn process_time_ns(&self) -> u64 {
        self.state.borrow_mut().tick()
    }

    fn urandom(&self, buf: &mut [u8]) -> HostResult<()> {
        let mut st = self.state.borrow_mut();
        for chunk in buf.chunks_mut(8) {
            // splitmix64: a fixed, well-mixed sequence from the seed.
            st.rng = st.rng.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = st.rng;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            chunk.copy_from_slice(&z.to_le_bytes()[..chunk.len()]);
        }
        Ok(())
    }

    fn getpid(&self) -> i32 {
        42
    }

    fn exit(&self, code: i32) -> ! {
        std::panic::panic_any(HostExit(code))
    }

    fn max_rss_bytes(&self) -> Option<u64> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{read_to_end, write_all};

    fn errno<T: std::fmt::Debug>(r: HostResult<T>) -> i32 {
        r.unwrap_err().errno
    }

    #[test]
    fn preloaded_files_read_back() {
        let host = MemoryHost::new();
        host.add_file(b"/lib/pkg/mod.py", b"x = 1\n");
        let fd = host
            .open(b"/lib/pkg/mod.py", OpenFlags::read_only(), 0)
            .unwrap();
        assert_eq!(fd, 3);
        assert_eq!(read_to_end(&host, fd).unwrap(), b"x = 1\n");
        assert_eq!(host.seek(fd, 2, Whence::Set).unwrap(), 2);
        let mut buf = [0u8; 2];
        assert_eq!(host.read(fd, &mut buf).unwrap(), 2);
        assert_eq!(&buf, b"= ");
        host.close(fd).unwrap();
        assert_eq!(errno(host.close(fd)), EBADF);
        assert!(host.stat(b"/lib/pkg", true).unwrap().is_dir());
        assert_eq!(host.stat(b"/lib/pkg/mod.py", true).unwrap().size, 6);
        assert_eq!(host.listdir(b"/lib").unwrap(), vec![b"pkg".to_vec()]);
    }

    #[test]
    fn write_append_truncate() {
        let host = MemoryHost::new();
        host.add_dir(b"/tmp");
        host.chdir(b"/tmp").unwrap();
        let fd = host
            .open(b"out.txt", OpenFlags::write_truncate(), 0o644)
            .unwrap();
        write_all(&host, fd, b"abc").unwrap();
        assert_eq!(errno(host.read(fd, &mut [0u8; 4])), EBADF);
        host.close(fd).unwrap();
        let fd = host.open(b"out.txt", OpenFlags::append(), 0o644).unwrap();
        write_all(&host, fd, b"def").unwrap();
        host.close(fd).unwrap();
        assert_eq!(host.file_contents(b"/tmp/out.txt").unwrap(), b"abcdef");
        let fd = host
            .open(b"./out.txt", OpenFlags::write_truncate(), 0)
            .unwrap();
        host.close(fd).unwrap();
        assert_eq!(host.file_contents(b"/tmp/../tmp/out.txt").unwrap(), b"");
        let excl = OpenFlags {
            write: true,
            create: true,
            exclusive: true,
            ..OpenFlags::default()
        };
        assert_eq!(errno(host.open(b"out.txt", excl, 0)), EEXIST);
    }

    #[test]
    fn errors_match_linux() {
        let host = MemoryHost::new();
        host.add_file(b"/a/file", b"data");
        let ro = OpenFlags::read_only();
        assert_eq!(errno(host.open(b"/missing", ro, 0)), ENOENT);
        assert_eq!(errno(host.open(b"", ro, 0)), ENOENT);
        assert_eq!(
            errno(host.open(b"/nodir/x", OpenFlags::write_truncate(), 0)),
            ENOENT
        );
        assert_eq!(errno(host.open(b"/a/file/x", ro, 0)), ENOTDIR);
        assert_eq!(errno(host.open(b"/a/file/", ro, 0)), ENOTDIR);
        assert_eq!(
            errno(host.open(b"/a", OpenFlags::write_truncate(), 0)),
            EISDIR
        );
        let fd = host.open(b"/a", ro, 0).unwrap();
        assert_eq!(errno(host.read(fd, &mut [0u8; 1])), EISDIR);
        assert_eq!(errno(host.listdir(b"/a/file")), ENOTDIR);
        assert_eq!(errno(host.listdir(b"/nope")), ENOENT);
        assert_eq!(errno(host.mkdir(b"/a", 0o755)), EEXIST);
        assert_eq!(errno(host.rmdir(b"/a")), ENOTEMPTY);
        assert_eq!(errno(host.rmdir(b"/a/file")), ENOTDIR);
        assert_eq!(errno(host.unlink(b"/a")), EISDIR);
        assert_eq!(errno(host.chdir(b"/a/file")), ENOTDIR);
        assert_eq!(errno(host.readlink(b"/a/file")), EINVAL);
        assert_eq!(errno(host.seek(1, 0, Whence::Set)), ESPIPE);
        assert_eq!(errno(host.read(99, &mut [0u8; 1])), EBADF);
        let e = host.stat(b"/zzz", true).unwrap_err();
        assert_eq!(e.message, "No such file or directory");
    }

    #[test]
    fn rename_moves_subtrees_and_open_files_survive() {
        let host = MemoryHost::new();
        host.add_file(b"/d/sub/f", b"1");
        let fd = host.open(b"/d/sub/f", OpenFlags::read_only(), 0).unwrap();
        host.rename(b"/d", b"/e").unwrap();
        assert_eq!(host.file_contents(b"/e/sub/f").unwrap(), b"1");
        assert_eq!(errno(host.stat(b"/d", true)), ENOENT);
        assert_eq!(errno(host.rename(b"/e", b"/e/sub/g")), EINVAL);
        host.unlink(b"/e/sub/f").unwrap();
        assert_eq!(read_to_end(&host, fd).unwrap(), b"1");
        host.rmdir(b"/e/sub").unwrap();
        let mut names = host.listdir(b"/").unwrap();
        names.sort();
        assert_eq!(names, vec![b"e".to_vec()]);
    }

    #[test]
    fn stdio_env_clocks_random_exit() {
        let host = MemoryHost::new();
        host.set_stdin(b"line\n");
        let mut buf = [0u8; 16];
        assert_eq!(host.read(0, &mut buf).unwrap(), 5);
        assert_eq!(host.read(0, &mut buf).unwrap(), 0);
        write_all(&host, 1, b"out").unwrap();
        write_all(&host, 2, b"err").unwrap();
        assert_eq!(host.take_stdout(), b"out");
        assert_eq!(host.take_stderr(), b"err");
        assert!(host.take_stdout().is_empty());
        assert!(!host.isatty(1));

        host.set_env(vec![(b"HOME".to_vec(), b"/home/u".to_vec())]);
        assert_eq!(host.getenv(b"HOME").unwrap(), b"/home/u");
        assert_eq!(host.getenv(b"PATH"), None);
        assert_eq!(host.args(), vec![b"adder".to_vec()]);

        let t1 = host.monotonic_ns();
        assert!(host.monotonic_ns() > t1);
        assert!(host.time_ns() > EPOCH_NS);

        let mut a = [0u8; 13];
        let mut b = [0u8; 13];
        host.urandom(&mut a).unwrap();
        let other = MemoryHost::new();
        other.urandom(&mut b).unwrap();
        assert_eq!(a, b);
        host.urandom(&mut b).unwrap();
        assert_ne!(a, b);

        let payload =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| host.exit(3))).unwrap_err();
        assert_eq!(payload.downcast_ref::<HostExit>(), Some(&HostExit(3)));
    }

    #[test]
    fn usable_as_trait_object() {
        let host: Rc<dyn Host> = Rc::new(MemoryHost::new());
        assert_eq!(host.getcwd().unwrap(), b"/");
        assert_eq!(host.getpid(), 42);
    }
}
