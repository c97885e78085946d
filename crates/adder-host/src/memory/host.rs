//! `impl Host for MemoryHost`: every request answered from the in-memory
//! state (see the parent module for the world's rules). Invariant: no method
//! holds a `RefCell` borrow of an inode, pipe or description while taking
//! another borrow of the same cell, and none can block.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use super::{
    child_prefix, err, Inode, MemoryHost, Node, OpenFile, Pipe, PipeEnd, Slot, State, Target,
    EPOCH_NS, PIPE_CAPACITY,
};
use crate::calendar;
use crate::consts::{self, NSIG};
use crate::{
    AddrInfo, AncData, DirEntryInfo, Fd, Host, HostEnt, HostError, HostResult, NetResult,
    OpenFlags, RecvMsg, Rusage, SignalAction, SockAddr, Stat, Times, Tm, Uname, Whence, EACCES,
    EAGAIN, EBADF, EBUSY, ECHILD, EEXIST, EINTR, EINVAL, EISDIR, ENOENT, ENOTDIR, ENOTEMPTY,
    ENOTTY, EOVERFLOW, EPIPE, ESPIPE, ESRCH, S_IFDIR, S_IFIFO, S_IFREG,
};

const POLLIN: i16 = 0x1;
const POLLOUT: i16 = 0x4;
const POLLHUP: i16 = 0x10;
const POLLNVAL: i16 = 0x20;

fn fifo_stat() -> Stat {
    Stat {
        mode: S_IFIFO | 0o600,
        nlink: 1,
        uid: 1000,
        gid: 1000,
        ..Stat::default()
    }
}

impl MemoryHost {
    fn signal_default_ignored(sig: i32) -> bool {
        ["SIGCHLD", "SIGURG", "SIGWINCH", "SIGCONT"]
            .iter()
            .any(|n| consts::lookup(consts::SIGNALS, n) == Some(i64::from(sig)))
    }

    /// Delivers `sig` as the memory world's kernel would.
    fn deliver(&self, sig: i32) {
        let action = {
            let st = self.state.borrow();
            st.signal_actions
                .get(&sig)
                .copied()
                .unwrap_or(SignalAction::Default)
        };
        match action {
            SignalAction::Ignore | SignalAction::Foreign => {}
            SignalAction::Default => {
                if !MemoryHost::signal_default_ignored(sig) {
                    self.exit(128 + sig);
                }
            }
            SignalAction::Record => {
                let wakeup = {
                    let mut st = self.state.borrow_mut();
                    st.pending.insert(sig);
                    st.wakeup_fd
                };
                self.signal_flag.store(true, Ordering::SeqCst);
                if wakeup >= 0 {
                    let _ = self.write(wakeup, &[sig as u8]);
                }
            }
        }
    }
}

impl Host for MemoryHost {
    fn open(&self, path: &[u8], flags: OpenFlags, mode: u32) -> HostResult<Fd> {
        let mut st = self.state.borrow_mut();
        let abs = st.resolve(path)?;
        let target = match st.nodes.get(&abs) {
            Some(_) if flags.exclusive && flags.create => return err(EEXIST),
            Some(Node::Dir { ino, .. }) => {
                if flags.writable() {
                    return err(EISDIR);
                }
                Target::Dir {
                    ino: *ino,
                    path: abs.clone(),
                }
            }
            Some(Node::File(_)) if flags.directory => return err(ENOTDIR),
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
                    atime_ns: now,
                    perm: mode & 0o7777 & !st.umask,
                }));
                st.nodes.insert(abs, Node::File(inode.clone()));
                Target::File(inode)
            }
        };
        let file = OpenFile {
            target,
            pos: 0,
            flags,
        };
        Ok(st.install(file, false))
    }

    fn read(&self, fd: Fd, buf: &mut [u8]) -> HostResult<usize> {
        let file = self.state.borrow().file(fd)?;
        let mut file = file.borrow_mut();
        if !file.flags.read && file.flags.writable() {
            return err(EBADF);
        }
        let pos = file.pos;
        let n = match &file.target {
            Target::Stdin => {
                let mut st = self.state.borrow_mut();
                let rest = &st.stdin[st.stdin_pos..];
                let n = rest.len().min(buf.len());
                buf[..n].copy_from_slice(&rest[..n]);
                st.stdin_pos += n;
                return Ok(n);
            }
            Target::Stdout | Target::Stderr => return err(EBADF),
            Target::Dir { .. } => return err(EISDIR),
            Target::Pipe(end) => {
                if end.write {
                    return err(EBADF);
                }
                let mut p = end.pipe.borrow_mut();
                if p.buf.is_empty() {
                    // Nothing can ever fill it while we wait: EAGAIN, not a hang.
                    return if p.writers == 0 || buf.is_empty() {
                        Ok(0)
                    } else {
                        err(EAGAIN)
                    };
                }
                let n = p.buf.len().min(buf.len());
                for (i, b) in p.buf.drain(..n).enumerate() {
                    buf[i] = b;
                }
                return Ok(n);
            }
            Target::File(inode) => {
                let inode = inode.borrow();
                read_at(&inode.data, pos, buf)
            }
            Target::Socket(end) => return self.sock_read(&end.sock, buf, false).map(|r| r.0),
        };
        file.pos += n as u64;
        Ok(n)
    }

    fn write(&self, fd: Fd, buf: &[u8]) -> HostResult<usize> {
        let now = EPOCH_NS + i128::from(self.state.borrow().ticks);
        let file = self.state.borrow().file(fd)?;
        let mut file = file.borrow_mut();
        if !file.flags.writable() {
            return err(EBADF);
        }
        let append = file.flags.append;
        let pos = file.pos;
        let end = match &file.target {
            Target::Stdin | Target::Dir { .. } => return err(EBADF),
            Target::Stdout => {
                self.state.borrow_mut().stdout.extend_from_slice(buf);
                return Ok(buf.len());
            }
            Target::Stderr => {
                self.state.borrow_mut().stderr.extend_from_slice(buf);
                return Ok(buf.len());
            }
            Target::Pipe(end) => {
                if !end.write {
                    return err(EBADF);
                }
                let mut p = end.pipe.borrow_mut();
                if p.readers == 0 {
                    return err(EPIPE);
                }
                let room = PIPE_CAPACITY - p.buf.len();
                if room == 0 && !buf.is_empty() {
                    return err(EAGAIN);
                }
                let n = room.min(buf.len());
                p.buf.extend(&buf[..n]);
                return Ok(n);
            }
            Target::Socket(end) => return self.sock_write(&end.sock, buf, None),
            Target::File(inode) => {
                let mut inode = inode.borrow_mut();
                let start = if append { inode.data.len() as u64 } else { pos };
                let end = write_at(&mut inode.data, start, buf)?;
                inode.mtime_ns = now;
                end
            }
        };
        file.pos = end;
        Ok(buf.len())
    }

    fn close(&self, fd: Fd) -> HostResult<()> {
        let slot = self.state.borrow_mut().fds.remove(&fd);
        match slot {
            // Dropping the slot after the state borrow ends lets a pipe end's
            // Drop run without touching the state.
            Some(slot) => {
                drop(slot);
                Ok(())
            }
            None => err(EBADF),
        }
    }

    fn seek(&self, fd: Fd, offset: i64, whence: Whence) -> HostResult<u64> {
        let file = self.state.borrow().file(fd)?;
        let mut file = file.borrow_mut();
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
            && st.fds.get(&fd).is_some_and(|s| {
                matches!(
                    s.file.borrow().target,
                    Target::Stdin | Target::Stdout | Target::Stderr
                )
            })
    }

    fn stat(&self, path: &[u8], _follow_symlinks: bool) -> HostResult<Stat> {
        let st = self.state.borrow();
        let abs = st.resolve(path)?;
        st.node_stat(&abs)
    }

    fn fstat(&self, fd: Fd) -> HostResult<Stat> {
        let file = self.state.borrow().file(fd)?;
        let file = file.borrow();
        Ok(match &file.target {
            Target::File(inode) => State::file_stat(&inode.borrow()),
            Target::Dir { ino, path } => {
                let st = self.state.borrow();
                let perm = match st.nodes.get(path) {
                    Some(Node::Dir { perm, .. }) => *perm,
                    _ => 0o755,
                };
                State::dir_stat(*ino, perm)
            }
            Target::Socket(_) => MemoryHost::sock_stat(),
            _ => fifo_stat(),
        })
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

    fn mkdir(&self, path: &[u8], mode: u32) -> HostResult<()> {
        let mut st = self.state.borrow_mut();
        let abs = st.resolve(path)?;
        if st.nodes.contains_key(&abs) {
            return err(EEXIST);
        }
        let ino = st.new_ino();
        let perm = mode & 0o7777 & !st.umask;
        st.nodes.insert(abs, Node::Dir { ino, perm });
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
        let Some(node) = st.nodes.remove(&src) else {
            return err(ENOENT);
        };
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
                if let Some(node) = st.nodes.remove(&key) {
                    let mut new_key = new_prefix.clone();
                    new_key.extend_from_slice(&key[prefix.len()..]);
                    st.nodes.insert(new_key, node);
                }
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
        std::panic::panic_any(super::HostExit(code))
    }

    fn max_rss_bytes(&self) -> Option<u64> {
        None
    }

    // ----- descriptors -------------------------------------------------------

    fn ftruncate(&self, fd: Fd, len: u64) -> HostResult<()> {
        let file = self.state.borrow().file(fd)?;
        let file = file.borrow();
        if !file.flags.writable() {
            return err(EINVAL);
        }
        match &file.target {
            Target::File(inode) => {
                let len = usize::try_from(len).map_err(|_| HostError::from_errno(EINVAL))?;
                let mut inode = inode.borrow_mut();
                if len > inode.data.len() {
                    check_size(len)?;
                }
                inode.data.resize(len, 0);
                Ok(())
            }
            _ => err(EINVAL),
        }
    }

    fn fsync(&self, fd: Fd) -> HostResult<()> {
        let file = self.state.borrow().file(fd)?;
        let ok = matches!(file.borrow().target, Target::File(_) | Target::Dir { .. });
        if ok {
            Ok(())
        } else {
            err(EINVAL)
        }
    }

    fn dup(&self, fd: Fd) -> HostResult<Fd> {
        let mut st = self.state.borrow_mut();
        let file = st.file(fd)?;
        let new = st.lowest_free_fd(0);
        st.fds.insert(
            new,
            Slot {
                file,
                cloexec: true,
            },
        );
        Ok(new)
    }

    fn dup2(&self, fd: Fd, fd2: Fd, inheritable: bool) -> HostResult<Fd> {
        let old = {
            let mut st = self.state.borrow_mut();
            let file = st.file(fd)?;
            if fd2 < 0 {
                return err(EBADF);
            }
            if fd == fd2 {
                return if inheritable { Ok(fd) } else { err(EINVAL) };
            }
            st.fds.insert(
                fd2,
                Slot {
                    file,
                    cloexec: !inheritable,
                },
            )
        };
        drop(old);
        Ok(fd2)
    }

    fn pipe(&self) -> HostResult<(Fd, Fd)> {
        let pipe = Rc::new(RefCell::new(Pipe {
            buf: Default::default(),
            readers: 1,
            writers: 1,
        }));
        let mut st = self.state.borrow_mut();
        let end = |write: bool| OpenFile {
            target: Target::Pipe(PipeEnd {
                pipe: pipe.clone(),
                write,
            }),
            pos: 0,
            flags: OpenFlags {
                read: !write,
                write,
                ..OpenFlags::default()
            },
        };
        let r = st.install(end(false), false);
        let w = st.install(end(true), false);
        Ok((r, w))
    }

    fn pread(&self, fd: Fd, buf: &mut [u8], offset: u64) -> HostResult<usize> {
        let file = self.state.borrow().file(fd)?;
        let file = file.borrow();
        if !file.flags.read && file.flags.writable() {
            return err(EBADF);
        }
        match &file.target {
            Target::File(inode) => Ok(read_at(&inode.borrow().data, offset, buf)),
            Target::Dir { .. } => err(EISDIR),
            _ => err(ESPIPE),
        }
    }

    fn pwrite(&self, fd: Fd, buf: &[u8], offset: u64) -> HostResult<usize> {
        let file = self.state.borrow().file(fd)?;
        let file = file.borrow();
        if !file.flags.writable() {
            return err(EBADF);
        }
        match &file.target {
            Target::File(inode) => {
                write_at(&mut inode.borrow_mut().data, offset, buf)?;
                Ok(buf.len())
            }
            Target::Dir { .. } | Target::Stdin => err(EBADF),
            _ => err(ESPIPE),
        }
    }

    fn get_inheritable(&self, fd: Fd) -> HostResult<bool> {
        Ok(!self.state.borrow().slot(fd)?.cloexec)
    }

    fn set_inheritable(&self, fd: Fd, inheritable: bool) -> HostResult<()> {
        let mut st = self.state.borrow_mut();
        match st.fds.get_mut(&fd) {
            Some(slot) => {
                slot.cloexec = !inheritable;
                Ok(())
            }
            None => err(EBADF),
        }
    }

    fn get_blocking(&self, fd: Fd) -> HostResult<bool> {
        let file = self.state.borrow().file(fd)?;
        let blocking = !file.borrow().flags.nonblock;
        Ok(blocking)
    }

    fn set_blocking(&self, fd: Fd, blocking: bool) -> HostResult<()> {
        let file = self.state.borrow().file(fd)?;
        file.borrow_mut().flags.nonblock = !blocking;
        Ok(())
    }

    fn terminal_size(&self, fd: Fd) -> HostResult<(u32, u32)> {
        if self.isatty(fd) {
            Ok((80, 24))
        } else {
            self.state.borrow().file(fd)?;
            err(ENOTTY)
        }
    }

    fn fchmod(&self, fd: Fd, mode: u32) -> HostResult<()> {
        let file = self.state.borrow().file(fd)?;
        let file = file.borrow();
        match &file.target {
            Target::File(inode) => {
                inode.borrow_mut().perm = mode & 0o7777;
                Ok(())
            }
            Target::Dir { path, .. } => {
                let path = path.clone();
                drop(file);
                self.chmod(&path, mode, true)
            }
            _ => Ok(()),
        }
    }

    fn fchdir(&self, fd: Fd) -> HostResult<()> {
        let file = self.state.borrow().file(fd)?;
        let path = match &file.borrow().target {
            Target::Dir { path, .. } => path.clone(),
            _ => return err(ENOTDIR),
        };
        self.chdir(&path)
    }

    fn poll(&self, fds: &[(Fd, i16)], _timeout_ms: i64) -> HostResult<Vec<i16>> {
        let st = self.state.borrow();
        let mut out = Vec::with_capacity(fds.len());
        for &(fd, events) in fds {
            let Some(slot) = st.fds.get(&fd) else {
                out.push(if fd < 0 { 0 } else { POLLNVAL });
                continue;
            };
            let file = slot.file.borrow();
            let ready = match &file.target {
                Target::Pipe(end) => {
                    let p = end.pipe.borrow();
                    if end.write {
                        let mut r = 0;
                        if p.readers == 0 {
                            r |= 0x8; // POLLERR
                        } else if p.buf.len() < PIPE_CAPACITY {
                            r |= POLLOUT;
                        }
                        r
                    } else {
                        let mut r = 0;
                        if !p.buf.is_empty() {
                            r |= POLLIN;
                        }
                        if p.writers == 0 {
                            r |= POLLHUP;
                        }
                        r
                    }
                }
                Target::Socket(end) => MemoryHost::sock_ready(&end.sock, POLLIN, POLLOUT, POLLHUP),
                _ => POLLIN | POLLOUT,
            };
            out.push(ready & (events | POLLHUP | POLLNVAL | 0x8));
        }
        Ok(out)
    }

    fn flock(&self, fd: Fd, _operation: i32) -> HostResult<()> {
        self.state.borrow().file(fd).map(drop)
    }

    fn lockf(&self, fd: Fd, _cmd: i32, _len: i64, _start: i64, _whence: i32) -> HostResult<()> {
        self.state.borrow().file(fd).map(drop)
    }

    // ----- paths -------------------------------------------------------------

    fn scandir(&self, path: &[u8]) -> HostResult<Vec<DirEntryInfo>> {
        let names = self.listdir(path)?;
        let st = self.state.borrow();
        let path = if path.is_empty() { b"." as &[u8] } else { path };
        let base = child_prefix(&st.absolute(path));
        let mut out = Vec::with_capacity(names.len());
        for name in names {
            let mut full = base.clone();
            full.extend_from_slice(&name);
            let (file_type, ino) = match st.nodes.get(&full) {
                Some(Node::File(inode)) => (Some(S_IFREG), inode.borrow().ino),
                Some(Node::Dir { ino, .. }) => (Some(S_IFDIR), *ino),
                None => (None, 0),
            };
            out.push(DirEntryInfo {
                name,
                file_type,
                ino,
            });
        }
        Ok(out)
    }

    fn chmod(&self, path: &[u8], mode: u32, _follow_symlinks: bool) -> HostResult<()> {
        let mut st = self.state.borrow_mut();
        let abs = st.resolve(path)?;
        match st.nodes.get_mut(&abs) {
            Some(Node::File(inode)) => inode.borrow_mut().perm = mode & 0o7777,
            Some(Node::Dir { perm, .. }) => *perm = mode & 0o7777,
            None => return err(ENOENT),
        }
        Ok(())
    }

    fn chown(
        &self,
        path: &[u8],
        uid: Option<u32>,
        gid: Option<u32>,
        _follow_symlinks: bool,
    ) -> HostResult<()> {
        let st = self.state.borrow();
        let abs = st.resolve(path)?;
        st.node_stat(&abs)?;
        // Everything belongs to 1000:1000 and stays that way.
        if uid.is_some_and(|u| u != 1000) || gid.is_some_and(|g| g != 1000) {
            return err(crate::EPERM);
        }
        Ok(())
    }

    fn utime(
        &self,
        path: &[u8],
        times: Option<(i128, i128)>,
        _follow_symlinks: bool,
    ) -> HostResult<()> {
        let mut st = self.state.borrow_mut();
        let abs = st.resolve(path)?;
        let now = EPOCH_NS + i128::from(st.tick());
        let (a, m) = times.unwrap_or((now, now));
        match st.nodes.get(&abs) {
            Some(Node::File(inode)) => {
                let mut inode = inode.borrow_mut();
                inode.atime_ns = a;
                inode.mtime_ns = m;
                Ok(())
            }
            // Directories keep the world's fixed times.
            Some(Node::Dir { .. }) => Ok(()),
            None => err(ENOENT),
        }
    }

    fn truncate(&self, path: &[u8], len: u64) -> HostResult<()> {
        let st = self.state.borrow();
        let abs = st.resolve(path)?;
        match st.nodes.get(&abs) {
            Some(Node::File(inode)) => {
                let len = usize::try_from(len).map_err(|_| HostError::from_errno(EINVAL))?;
                check_size(len)?;
                inode.borrow_mut().data.resize(len, 0);
                Ok(())
            }
            Some(Node::Dir { .. }) => err(EISDIR),
            None => err(ENOENT),
        }
    }

    fn access(
        &self,
        path: &[u8],
        mode: u32,
        _effective_ids: bool,
        _follow_symlinks: bool,
    ) -> HostResult<()> {
        let stat = self.stat(path, true)?;
        // The process is the owner (uid 1000): the owner bits decide.
        let owner = (stat.mode >> 6) & 7;
        if mode & 7 & !owner != 0 {
            return err(EACCES);
        }
        Ok(())
    }

    fn statvfs(&self, path: &[u8]) -> HostResult<crate::StatVfs> {
        self.stat(path, true)?;
        Ok(memory_vfs())
    }

    fn fstatvfs(&self, fd: Fd) -> HostResult<crate::StatVfs> {
        self.state.borrow().file(fd)?;
        Ok(memory_vfs())
    }

    fn umask(&self, mask: u32) -> u32 {
        std::mem::replace(&mut self.state.borrow_mut().umask, mask & 0o777)
    }

    // ----- environment, identity, processes -------------------------------------

    fn putenv(&self, name: &[u8], value: &[u8]) -> HostResult<()> {
        if name.is_empty() || name.contains(&b'=') || name.contains(&0) || value.contains(&0) {
            return err(EINVAL);
        }
        let mut st = self.state.borrow_mut();
        match st.env.iter_mut().find(|(k, _)| k == name) {
            Some(entry) => entry.1 = value.to_vec(),
            None => st.env.push((name.to_vec(), value.to_vec())),
        }
        Ok(())
    }

    fn unsetenv(&self, name: &[u8]) -> HostResult<()> {
        if name.is_empty() || name.contains(&b'=') || name.contains(&0) {
            return err(EINVAL);
        }
        self.state.borrow_mut().env.retain(|(k, _)| k != name);
        Ok(())
    }

    fn getppid(&self) -> i32 {
        1
    }
    fn getuid(&self) -> u32 {
        1000
    }
    fn getgid(&self) -> u32 {
        1000
    }
    fn getgroups(&self) -> HostResult<Vec<u32>> {
        Ok(vec![1000])
    }
    fn getpgrp(&self) -> i32 {
        42
    }
    fn getlogin(&self) -> HostResult<Vec<u8>> {
        err(crate::ENXIO)
    }

    fn uname(&self) -> HostResult<Uname> {
        Ok(Uname {
            sysname: b"Linux".to_vec(),
            nodename: b"adder".to_vec(),
            release: b"6.0.0-memory".to_vec(),
            version: b"#1 SMP".to_vec(),
            machine: b"x86_64".to_vec(),
        })
    }

    fn times(&self) -> HostResult<Times> {
        let t = self.state.borrow_mut().tick() as f64 / 1e9;
        Ok(Times {
            user: t,
            system: 0.0,
            children_user: 0.0,
            children_system: 0.0,
            elapsed: t,
        })
    }

    fn cpu_count(&self) -> Option<usize> {
        Some(1)
    }

    fn sysconf(&self, name: i32) -> HostResult<Option<i64>> {
        let known = [
            ("SC_PAGESIZE", 4096),
            ("SC_PAGE_SIZE", 4096),
            ("SC_CLK_TCK", 100),
            ("SC_NPROCESSORS_ONLN", 1),
            ("SC_NPROCESSORS_CONF", 1),
            ("SC_OPEN_MAX", 1024),
            ("SC_ARG_MAX", 2_097_152),
        ];
        for (n, v) in known {
            if consts::lookup(consts::SYSCONF_NAMES, n) == Some(i64::from(name)) {
                return Ok(Some(v));
            }
        }
        err(EINVAL)
    }

    fn confstr(&self, _name: i32) -> HostResult<Option<Vec<u8>>> {
        err(EINVAL)
    }

    fn kill(&self, pid: i32, signal: i32) -> HostResult<()> {
        if !(0..NSIG).contains(&signal) {
            return err(EINVAL);
        }
        if pid != 42 && pid != 0 && pid != -1 {
            return err(ESRCH);
        }
        if signal != 0 {
            self.deliver(signal);
        }
        Ok(())
    }

    fn waitpid(&self, _pid: i32, _options: i32) -> HostResult<(i32, i32)> {
        err(ECHILD)
    }

    fn getrusage(&self, _who: i32) -> HostResult<Rusage> {
        Ok(Rusage::default())
    }

    fn getrlimit(&self, resource: i32) -> HostResult<(i64, i64)> {
        if consts::lookup(consts::RESOURCE, "RLIMIT_NOFILE") == Some(i64::from(resource)) {
            return Ok((1024, 1024));
        }
        Ok((-1, -1))
    }

    // ----- clocks and time --------------------------------------------------------

    fn clock_gettime_ns(&self, clock: i32) -> HostResult<i128> {
        if consts::lookup(consts::CLOCKS, "CLOCK_REALTIME") == Some(i64::from(clock)) {
            return Ok(self.time_ns());
        }
        if consts::CLOCKS.iter().any(|&(_, v)| v == i64::from(clock)) {
            return Ok(i128::from(self.monotonic_ns()));
        }
        err(EINVAL)
    }

    fn clock_getres_ns(&self, clock: i32) -> HostResult<i128> {
        if consts::CLOCKS.iter().any(|&(_, v)| v == i64::from(clock)) {
            return Ok(1);
        }
        err(EINVAL)
    }

    fn sleep_ns(&self, ns: u64) -> HostResult<()> {
        let mut st = self.state.borrow_mut();
        st.ticks = st.ticks.saturating_add(ns);
        Ok(())
    }

    fn localtime(&self, secs: i64) -> HostResult<Tm> {
        calendar::gmtime(secs).ok_or_else(|| HostError::from_errno(EOVERFLOW))
    }

    fn mktime(&self, tm: &Tm) -> HostResult<i64> {
        calendar::timegm(tm).ok_or_else(|| HostError::from_errno(EOVERFLOW))
    }

    // ----- signals ---------------------------------------------------------------

    fn signal_set(&self, signal: i32, action: SignalAction) -> HostResult<SignalAction> {
        let unblockable = ["SIGKILL", "SIGSTOP"]
            .iter()
            .any(|n| consts::lookup(consts::SIGNALS, n) == Some(i64::from(signal)));
        if !(1..NSIG).contains(&signal) || unblockable || action == SignalAction::Foreign {
            return err(EINVAL);
        }
        let mut st = self.state.borrow_mut();
        Ok(st
            .signal_actions
            .insert(signal, action)
            .unwrap_or(SignalAction::Default))
    }

    fn signal_query(&self, signal: i32) -> HostResult<SignalAction> {
        if !(1..NSIG).contains(&signal) {
            return err(EINVAL);
        }
        let st = self.state.borrow();
        Ok(st
            .signal_actions
            .get(&signal)
            .copied()
            .unwrap_or(SignalAction::Default))
    }

    fn signal_flag(&self) -> Option<Arc<AtomicBool>> {
        Some(self.signal_flag.clone())
    }

    fn take_pending_signals(&self) -> Vec<i32> {
        self.signal_flag.store(false, Ordering::SeqCst);
        let mut st = self.state.borrow_mut();
        let blocked = st.blocked.clone();
        let ready: Vec<i32> = st
            .pending
            .iter()
            .copied()
            .filter(|s| !blocked.contains(s))
            .collect();
        for s in &ready {
            st.pending.remove(s);
        }
        ready
    }

    fn raise_signal(&self, signal: i32) -> HostResult<()> {
        if !(1..NSIG).contains(&signal) {
            return err(EINVAL);
        }
        self.deliver(signal);
        Ok(())
    }

    fn siginterrupt(&self, signal: i32, _interrupt: bool) -> HostResult<()> {
        if !(1..NSIG).contains(&signal) {
            return err(EINVAL);
        }
        Ok(())
    }

    fn sigmask(&self, how: i32, signals: &[i32]) -> HostResult<Vec<i32>> {
        let misc = |n| consts::lookup(consts::SIGNAL_MISC, n).map(|v| v as i32);
        let mut st = self.state.borrow_mut();
        let old: Vec<i32> = st.blocked.iter().copied().collect();
        if signals.iter().any(|s| !(1..NSIG).contains(s)) {
            return err(EINVAL);
        }
        if Some(how) == misc("SIG_BLOCK") {
            st.blocked.extend(signals);
        } else if Some(how) == misc("SIG_UNBLOCK") {
            for s in signals {
                st.blocked.remove(s);
            }
        } else if Some(how) == misc("SIG_SETMASK") {
            st.blocked = signals.iter().copied().collect();
        } else {
            return err(EINVAL);
        }
        let unblocked_pending = st.pending.iter().any(|s| !st.blocked.contains(s));
        drop(st);
        if unblocked_pending {
            self.signal_flag.store(true, Ordering::SeqCst);
        }
        Ok(old)
    }

    fn set_wakeup_fd(&self, fd: Fd) -> HostResult<Fd> {
        Ok(std::mem::replace(
            &mut self.state.borrow_mut().wakeup_fd,
            fd,
        ))
    }

    fn strsignal(&self, signal: i32) -> Option<String> {
        crate::native::strsignal(signal)
    }

    fn pause(&self) -> HostResult<()> {
        if self.signal_flag.load(Ordering::SeqCst) {
            err(EINTR)
        } else {
            // Nothing else runs in this world, so nothing could wake us.
            err(crate::EDEADLK)
        }
    }

    // ----- sockets (see `super::socket`) -----------------------------------------------

    fn socket(&self, family: i32, kind: i32, proto: i32) -> HostResult<Fd> {
        self.m_socket(family, kind, proto)
    }
    fn socketpair(&self, family: i32, kind: i32, proto: i32) -> HostResult<(Fd, Fd)> {
        self.m_socketpair(family, kind, proto)
    }
    fn bind(&self, fd: Fd, addr: &SockAddr) -> HostResult<()> {
        self.m_bind(fd, addr)
    }
    fn listen(&self, fd: Fd, _backlog: i32) -> HostResult<()> {
        self.m_listen(fd)
    }
    fn accept(&self, fd: Fd) -> HostResult<(Fd, Option<SockAddr>)> {
        self.m_accept(fd)
    }
    fn connect(&self, fd: Fd, addr: &SockAddr) -> HostResult<()> {
        self.m_connect(fd, addr)
    }
    fn send(&self, fd: Fd, buf: &[u8], _flags: i32) -> HostResult<usize> {
        self.m_send(fd, buf, None)
    }
    fn sendto(&self, fd: Fd, buf: &[u8], _flags: i32, addr: &SockAddr) -> HostResult<usize> {
        self.m_send(fd, buf, Some(addr))
    }
    fn recv(&self, fd: Fd, buf: &mut [u8], flags: i32) -> HostResult<usize> {
        self.m_recv(fd, buf, flags).map(|r| r.0)
    }
    fn recvfrom(
        &self,
        fd: Fd,
        buf: &mut [u8],
        flags: i32,
    ) -> HostResult<(usize, Option<SockAddr>)> {
        self.m_recv(fd, buf, flags)
    }
    fn sendmsg(
        &self,
        fd: Fd,
        data: &[u8],
        ancdata: &[AncData],
        _flags: i32,
        addr: Option<&SockAddr>,
    ) -> HostResult<usize> {
        self.m_sendmsg(fd, data, ancdata, addr)
    }
    fn recvmsg(
        &self,
        fd: Fd,
        bufsize: usize,
        _ancbufsize: usize,
        flags: i32,
    ) -> HostResult<RecvMsg> {
        self.m_recvmsg(fd, bufsize, flags)
    }
    fn shutdown(&self, fd: Fd, how: i32) -> HostResult<()> {
        self.m_shutdown(fd, how)
    }
    fn getsockname(&self, fd: Fd) -> HostResult<Option<SockAddr>> {
        self.m_name(fd, false)
    }
    fn getpeername(&self, fd: Fd) -> HostResult<Option<SockAddr>> {
        self.m_name(fd, true)
    }
    fn getsockopt(&self, fd: Fd, level: i32, name: i32, buflen: usize) -> HostResult<Vec<u8>> {
        self.m_getsockopt(fd, level, name, buflen)
    }
    fn setsockopt(
        &self,
        fd: Fd,
        level: i32,
        name: i32,
        value: Option<&[u8]>,
        _len: u32,
    ) -> HostResult<()> {
        self.m_setsockopt(fd, level, name, value)
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
        super::socket::getaddrinfo(host, service, family, socktype, proto, flags)
    }
    fn getnameinfo(&self, addr: &SockAddr, _flags: i32) -> NetResult<(Vec<u8>, Vec<u8>)> {
        super::socket::getnameinfo(addr)
    }
    fn gethostbyname(&self, name: &[u8]) -> NetResult<HostEnt> {
        super::socket::gethostbyname(name)
    }
    fn gethostbyaddr(&self, addr: &[u8], family: i32) -> NetResult<HostEnt> {
        super::socket::gethostbyaddr(addr, family)
    }
    fn gethostname(&self) -> HostResult<Vec<u8>> {
        Ok(b"adder".to_vec())
    }
    fn sethostname(&self, _name: &[u8]) -> HostResult<()> {
        err(crate::EPERM)
    }
    fn if_nameindex(&self) -> HostResult<Vec<(u32, Vec<u8>)>> {
        Ok(vec![(1, b"lo".to_vec())])
    }
    fn if_nametoindex(&self, name: &[u8]) -> u32 {
        u32::from(name == b"lo")
    }
    fn if_indextoname(&self, index: u32) -> HostResult<Vec<u8>> {
        if index == 1 {
            Ok(b"lo".to_vec())
        } else {
            err(crate::ENXIO)
        }
    }
}

/// The memory world's one file system: 1 GiB of 4 KiB blocks.
fn memory_vfs() -> crate::StatVfs {
    crate::StatVfs {
        bsize: 4096,
        frsize: 4096,
        blocks: 262_144,
        bfree: 262_144,
        bavail: 262_144,
        files: 65_536,
        ffree: 65_536,
        favail: 65_536,
        flag: 0,
        namemax: 255,
        fsid: 1,
    }
}

/// Copies bytes of `data` from `pos` into `buf`; returns how many.
fn read_at(data: &[u8], pos: u64, buf: &mut [u8]) -> usize {
    let start = usize::try_from(pos).unwrap_or(usize::MAX);
    if start >= data.len() {
        return 0;
    }
    let n = (data.len() - start).min(buf.len());
    buf[..n].copy_from_slice(&data[start..start + n]);
    n
}

/// Writes `buf` into `data` at `pos`, zero-filling a gap; returns the end.
fn write_at(data: &mut Vec<u8>, pos: u64, buf: &[u8]) -> HostResult<u64> {
    let start = usize::try_from(pos).map_err(|_| HostError::from_errno(EINVAL))?;
    let end = start
        .checked_add(buf.len())
        .ok_or_else(|| HostError::from_errno(EINVAL))?;
    if data.len() < end {
        check_size(end)?;
        data.resize(end, 0);
    }
    data[start..end].copy_from_slice(buf);
    Ok(end as u64)
}

/// Files in this world live in memory: refuse sizes that cannot be backed
/// (`EFBIG`, as a file-size limit would) instead of aborting on allocation.
fn check_size(len: usize) -> HostResult<()> {
    if len > (1 << 32) {
        return err(crate::EFBIG);
    }
    Ok(())
}
