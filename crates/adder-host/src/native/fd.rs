//! Descriptor-level system calls of the native host (everything that takes
//! an open fd rather than a path). Invariant: new descriptors are created
//! close-on-exec unless the caller asks otherwise, and blocking calls
//! surface `EINTR` only when the interpreter has a signal to handle (see
//! `super::signals::interrupted`). The `unsafe` blocks are libc calls on
//! buffers and structs owned by the calling function.

use super::{check, last_error, retry, retry_blocking};
use crate::{Fd, HostError, HostResult, EINVAL};

pub fn ftruncate(fd: Fd, len: u64) -> HostResult<()> {
    let len = libc::off_t::try_from(len).map_err(|_| HostError::from_errno(EINVAL))?;
    // SAFETY: plain integer arguments.
    retry(|| unsafe { libc::ftruncate(fd, len) } as isize).map(drop)
}

pub fn fsync(fd: Fd) -> HostResult<()> {
    // SAFETY: plain integer argument.
    retry(|| unsafe { libc::fsync(fd) } as isize).map(drop)
}

pub fn dup(fd: Fd) -> HostResult<Fd> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) })
}

pub fn dup2(fd: Fd, fd2: Fd, inheritable: bool) -> HostResult<Fd> {
    loop {
        // SAFETY: plain integer arguments.
        let rc = unsafe {
            if inheritable {
                libc::dup2(fd, fd2)
            } else {
                libc::dup3(fd, fd2, libc::O_CLOEXEC)
            }
        };
        if rc >= 0 {
            return Ok(rc);
        }
        let e = last_error();
        if e.errno != crate::EINTR && e.errno != crate::EBUSY {
            return Err(e);
        }
    }
}

pub fn pipe() -> HostResult<(Fd, Fd)> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` is a writable array of two ints for the call.
    check(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) })?;
    Ok((fds[0], fds[1]))
}

pub fn pread(fd: Fd, buf: &mut [u8], offset: u64) -> HostResult<usize> {
    let off = libc::off_t::try_from(offset).map_err(|_| HostError::from_errno(EINVAL))?;
    retry_blocking(|| {
        // SAFETY: `buf` is valid for writes of `buf.len()` bytes.
        unsafe { libc::pread(fd, buf.as_mut_ptr().cast(), buf.len(), off) }
    })
}

pub fn pwrite(fd: Fd, buf: &[u8], offset: u64) -> HostResult<usize> {
    let off = libc::off_t::try_from(offset).map_err(|_| HostError::from_errno(EINVAL))?;
    retry_blocking(|| {
        // SAFETY: `buf` is valid for reads of `buf.len()` bytes.
        unsafe { libc::pwrite(fd, buf.as_ptr().cast(), buf.len(), off) }
    })
}

fn getfd(fd: Fd) -> HostResult<i32> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::fcntl(fd, libc::F_GETFD) })
}

pub fn get_inheritable(fd: Fd) -> HostResult<bool> {
    Ok(getfd(fd)? & libc::FD_CLOEXEC == 0)
}

pub fn set_inheritable(fd: Fd, inheritable: bool) -> HostResult<()> {
    let flags = getfd(fd)?;
    let new = if inheritable {
        flags & !libc::FD_CLOEXEC
    } else {
        flags | libc::FD_CLOEXEC
    };
    if new != flags {
        // SAFETY: plain integer arguments.
        check(unsafe { libc::fcntl(fd, libc::F_SETFD, new) })?;
    }
    Ok(())
}

fn getfl(fd: Fd) -> HostResult<i32> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::fcntl(fd, libc::F_GETFL) })
}

pub fn get_blocking(fd: Fd) -> HostResult<bool> {
    Ok(getfl(fd)? & libc::O_NONBLOCK == 0)
}

pub fn set_blocking(fd: Fd, blocking: bool) -> HostResult<()> {
    let flags = getfl(fd)?;
    let new = if blocking {
        flags & !libc::O_NONBLOCK
    } else {
        flags | libc::O_NONBLOCK
    };
    if new != flags {
        // SAFETY: plain integer arguments.
        check(unsafe { libc::fcntl(fd, libc::F_SETFL, new) })?;
    }
    Ok(())
}

pub fn terminal_size(fd: Fd) -> HostResult<(u32, u32)> {
    // SAFETY: an all-zero winsize is a valid value of this plain C struct.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ writes one `winsize` into `ws`, which we own.
    check(unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) })?;
    Ok((u32::from(ws.ws_col), u32::from(ws.ws_row)))
}

pub fn fchmod(fd: Fd, mode: u32) -> HostResult<()> {
    // SAFETY: plain integer arguments.
    retry(|| unsafe { libc::fchmod(fd, mode as libc::mode_t) } as isize).map(drop)
}

pub fn fchdir(fd: Fd) -> HostResult<()> {
    // SAFETY: plain integer argument.
    check(unsafe { libc::fchdir(fd) }).map(drop)
}

pub fn poll(fds: &[(Fd, i16)], timeout_ms: i64) -> HostResult<Vec<i16>> {
    let mut pfds: Vec<libc::pollfd> = fds
        .iter()
        .map(|&(fd, events)| libc::pollfd {
            fd,
            events,
            revents: 0,
        })
        .collect();
    let timeout = if timeout_ms < 0 {
        -1
    } else {
        i32::try_from(timeout_ms).unwrap_or(i32::MAX)
    };
    // SAFETY: `pfds` is a valid array of `pfds.len()` pollfd structs.
    let rc = unsafe { libc::poll(pfds.as_mut_ptr(), pfds.len() as libc::nfds_t, timeout) };
    if rc < 0 {
        return Err(last_error());
    }
    Ok(pfds.iter().map(|p| p.revents).collect())
}

/// The size of the buffer `fcntl`/`ioctl` may use (as CPython's).
pub const ARG_BUF: usize = 1024;

pub fn fcntl_int(fd: Fd, cmd: i32, arg: i64) -> HostResult<i64> {
    retry_blocking(|| {
        // SAFETY: an integer third argument; commands that expect a
        // pointer get a number the kernel validates (EFAULT at worst).
        unsafe { libc::fcntl(fd, cmd, arg as libc::c_int) as isize }
    })
    .map(|n| n as i64)
}

pub fn fcntl_buf(fd: Fd, cmd: i32, buf: &[u8]) -> HostResult<Vec<u8>> {
    if buf.len() > ARG_BUF {
        return Err(HostError::from_errno(EINVAL));
    }
    let mut space = [0u8; ARG_BUF];
    space[..buf.len()].copy_from_slice(buf);
    retry_blocking(|| {
        // SAFETY: the kernel reads/writes at most the struct the command
        // names, which the caller sized; `space` is 1024 writable bytes.
        unsafe { libc::fcntl(fd, cmd, space.as_mut_ptr()) as isize }
    })?;
    Ok(space[..buf.len()].to_vec())
}

pub fn ioctl_int(fd: Fd, request: u64, arg: i64) -> HostResult<i64> {
    // SAFETY: as `fcntl_int`.
    let rc = unsafe { libc::ioctl(fd, request as _, arg as libc::c_long) };
    check(rc).map(i64::from)
}

pub fn ioctl_buf(fd: Fd, request: u64, buf: &[u8]) -> HostResult<(i64, Vec<u8>)> {
    if buf.len() > ARG_BUF {
        return Err(HostError::from_errno(EINVAL));
    }
    let mut space = [0u8; ARG_BUF];
    space[..buf.len()].copy_from_slice(buf);
    // SAFETY: as `fcntl_buf`.
    let rc = unsafe { libc::ioctl(fd, request as _, space.as_mut_ptr()) };
    let rc = check(rc)?;
    Ok((i64::from(rc), space[..buf.len()].to_vec()))
}

pub fn flock(fd: Fd, operation: i32) -> HostResult<()> {
    // SAFETY: plain integer arguments.
    retry_blocking(|| unsafe { libc::flock(fd, operation) } as isize).map(drop)
}

pub fn lockf(fd: Fd, cmd: i32, len: i64, start: i64, whence: i32) -> HostResult<()> {
    // SAFETY: an all-zero flock is a valid value of this plain C struct.
    let mut l: libc::flock = unsafe { std::mem::zeroed() };
    l.l_type = if cmd & libc::LOCK_UN != 0 {
        libc::F_UNLCK as _
    } else if cmd & libc::LOCK_SH != 0 {
        libc::F_RDLCK as _
    } else if cmd & libc::LOCK_EX != 0 {
        libc::F_WRLCK as _
    } else {
        return Err(HostError::from_errno(EINVAL));
    };
    l.l_start = start as libc::off_t;
    l.l_len = len as libc::off_t;
    l.l_whence = whence as _;
    let op = if cmd & libc::LOCK_NB != 0 {
        libc::F_SETLK
    } else {
        libc::F_SETLKW
    };
    // SAFETY: `l` is a valid flock struct owned here for the call.
    retry_blocking(|| unsafe { libc::fcntl(fd, op, &l) } as isize).map(drop)
}
