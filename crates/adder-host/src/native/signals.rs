//! Signals in the native host. Invariant: the C handler installed for a
//! "recorded" signal does only async-signal-safe work — it marks the signal
//! pending, raises the shared flag the interpreter polls, writes the signal
//! number to the wakeup fd if one is set, and, when it runs on a thread other
//! than the interpreter's, forwards the signal to the interpreter thread so
//! that a blocking call there fails with `EINTR`. Signal state is process
//! state, so it lives in statics (the only ones in the host).

use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use super::{check, last_error};
use crate::consts::NSIG;
use crate::{Fd, HostError, HostResult, SignalAction, EINTR, EINVAL};

const N: usize = NSIG as usize;

static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();
static PENDING: [AtomicBool; N] = [const { AtomicBool::new(false) }; N];
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);
/// Signals re-sent to the interpreter thread by a handler that ran on
/// another thread: their second delivery only interrupts, it is not recorded.
static FORWARDED: [AtomicI32; N] = [const { AtomicI32::new(0) }; N];
/// The `pthread_t` of the thread that installed the handlers (0: none).
static INTERP_THREAD: AtomicU64 = AtomicU64::new(0);

/// Creates the shared flag (idempotent).
pub fn init() {
    FLAG.get_or_init(|| Arc::new(AtomicBool::new(false)));
}

pub fn flag() -> Arc<AtomicBool> {
    FLAG.get_or_init(|| Arc::new(AtomicBool::new(false)))
        .clone()
}

/// Whether a recorded signal is waiting for the interpreter.
pub fn interrupted() -> bool {
    FLAG.get().is_some_and(|f| f.load(Ordering::SeqCst))
}

extern "C" fn handler(sig: libc::c_int) {
    // SAFETY: errno is thread-local; saving and restoring it keeps the
    // interrupted code's errno intact, as a signal handler must.
    let saved = unsafe { *libc::__errno_location() };
    let idx = usize::try_from(sig).ok().filter(|&i| i < N);
    let target = INTERP_THREAD.load(Ordering::SeqCst);
    // SAFETY: pthread_self is async-signal-safe.
    let on_interp = target == 0 || unsafe { libc::pthread_self() } as u64 == target;
    let forwarded = on_interp
        && idx.is_some_and(|i| {
            FORWARDED[i]
                .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
                    (n > 0).then(|| n - 1)
                })
                .is_ok()
        });
    if !forwarded {
        if let Some(i) = idx {
            PENDING[i].store(true, Ordering::SeqCst);
        }
        if let Some(f) = FLAG.get() {
            f.store(true, Ordering::SeqCst);
        }
        let fd = WAKEUP_FD.load(Ordering::SeqCst);
        if fd >= 0 {
            let byte = sig as u8;
            // SAFETY: write(2) is async-signal-safe; `byte` lives for the call.
            unsafe { libc::write(fd, (&byte as *const u8).cast(), 1) };
        }
        if !on_interp {
            if let Some(i) = idx {
                FORWARDED[i].fetch_add(1, Ordering::SeqCst);
            }
            // SAFETY: pthread_kill is async-signal-safe; it only makes a
            // blocking call on the interpreter thread fail with EINTR.
            if unsafe { libc::pthread_kill(target as libc::pthread_t, sig) } != 0 {
                if let Some(i) = idx {
                    FORWARDED[i].fetch_sub(1, Ordering::SeqCst);
                }
            }
        }
    }
    // SAFETY: restoring the interrupted code's errno (thread-local).
    unsafe { *libc::__errno_location() = saved };
}

/// Blocks every catchable signal in the calling thread, so the process's
/// signals are delivered to the interpreter's thread instead (for a thread
/// that only waits for the interpreter, like the `adder` command's main
/// thread). Returns false if the mask could not be changed.
pub fn block_in_current_thread() -> bool {
    // SAFETY: an all-zero sigset_t is valid; sigfillset initialises it.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: `set` is owned here and valid for both calls.
    unsafe {
        libc::sigfillset(&mut set);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut()) == 0
    }
}

fn valid(sig: i32) -> HostResult<()> {
    if !(1..NSIG).contains(&sig) {
        return Err(HostError::from_errno(EINVAL));
    }
    Ok(())
}

fn action_of(sa: &libc::sigaction) -> SignalAction {
    let h = sa.sa_sigaction;
    if h == libc::SIG_DFL {
        SignalAction::Default
    } else if h == libc::SIG_IGN {
        SignalAction::Ignore
    } else if h == handler as extern "C" fn(libc::c_int) as usize {
        SignalAction::Record
    } else {
        SignalAction::Foreign
    }
}

pub fn query(sig: i32) -> HostResult<SignalAction> {
    valid(sig)?;
    // SAFETY: an all-zero sigaction is a valid value of this plain C struct.
    let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: a null new action only queries; `old` is writable.
    check(unsafe { libc::sigaction(sig, std::ptr::null(), &mut old) })?;
    Ok(action_of(&old))
}

pub fn set(sig: i32, action: SignalAction) -> HostResult<SignalAction> {
    valid(sig)?;
    // SAFETY: an all-zero sigaction is a valid value of this plain C struct.
    let mut sa: libc::sigaction = unsafe { std::mem::zeroed() };
    sa.sa_sigaction = match action {
        SignalAction::Default => libc::SIG_DFL,
        SignalAction::Ignore => libc::SIG_IGN,
        SignalAction::Record => {
            // SAFETY: pthread_self cannot fail.
            let me = unsafe { libc::pthread_self() } as u64;
            INTERP_THREAD.store(me, Ordering::SeqCst);
            handler as extern "C" fn(libc::c_int) as usize
        }
        SignalAction::Foreign => return Err(HostError::from_errno(EINVAL)),
    };
    // Like CPython: no SA_RESTART, so blocking calls see EINTR.
    sa.sa_flags = libc::SA_ONSTACK;
    // SAFETY: `sa.sa_mask` is a sigset_t owned here.
    unsafe { libc::sigemptyset(&mut sa.sa_mask) };
    // SAFETY: an all-zero sigaction is a valid value of this plain C struct.
    let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: `sa` and `old` are valid for the call; `handler` is an
    // `extern "C"` function that only does async-signal-safe work.
    check(unsafe { libc::sigaction(sig, &sa, &mut old) })?;
    Ok(action_of(&old))
}

pub fn take_pending() -> Vec<i32> {
    if let Some(f) = FLAG.get() {
        f.store(false, Ordering::SeqCst);
    }
    let mut out = Vec::new();
    for (i, slot) in PENDING.iter().enumerate() {
        if slot.swap(false, Ordering::SeqCst) {
            out.push(i as i32);
        }
    }
    out
}

pub fn raise(sig: i32) -> HostResult<()> {
    valid(sig)?;
    // SAFETY: plain integer argument.
    let rc = unsafe { libc::raise(sig) };
    if rc != 0 {
        return Err(last_error());
    }
    Ok(())
}

fn timeval(secs: f64) -> libc::timeval {
    let whole = secs.trunc();
    libc::timeval {
        tv_sec: whole as libc::time_t,
        tv_usec: ((secs - whole) * 1e6).round() as libc::suseconds_t,
    }
}

#[allow(clippy::unnecessary_cast)]
fn secs(tv: &libc::timeval) -> f64 {
    tv.tv_sec as f64 + tv.tv_usec as f64 / 1e6
}

pub fn setitimer(which: i32, delay: f64, interval: f64) -> HostResult<(f64, f64)> {
    let new = libc::itimerval {
        it_value: timeval(delay),
        it_interval: timeval(interval),
    };
    // SAFETY: an all-zero itimerval is a valid value of this plain C struct.
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    // SAFETY: `new` and `old` are valid for the call.
    check(unsafe { libc::setitimer(which as _, &new, &mut old) })?;
    Ok((secs(&old.it_value), secs(&old.it_interval)))
}

pub fn getitimer(which: i32) -> HostResult<(f64, f64)> {
    // SAFETY: an all-zero itimerval is a valid value of this plain C struct.
    let mut cur: libc::itimerval = unsafe { std::mem::zeroed() };
    // SAFETY: `cur` is writable for the call.
    check(unsafe { libc::getitimer(which as _, &mut cur) })?;
    Ok((secs(&cur.it_value), secs(&cur.it_interval)))
}

pub fn siginterrupt(sig: i32, interrupt: bool) -> HostResult<()> {
    valid(sig)?;
    // SAFETY: an all-zero sigaction is a valid value of this plain C struct.
    let mut sa: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: a null new action only queries; `sa` is writable.
    check(unsafe { libc::sigaction(sig, std::ptr::null(), &mut sa) })?;
    if interrupt {
        sa.sa_flags &= !libc::SA_RESTART;
    } else {
        sa.sa_flags |= libc::SA_RESTART;
    }
    // SAFETY: `sa` is the action just read back, with one flag changed.
    check(unsafe { libc::sigaction(sig, &sa, std::ptr::null_mut()) }).map(drop)
}

pub fn sigmask(how: i32, signals: &[i32]) -> HostResult<Vec<i32>> {
    // SAFETY: all-zero sigset_t values are valid; sigemptyset initialises.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: `set` is owned here.
    unsafe { libc::sigemptyset(&mut set) };
    for &s in signals {
        valid(s)?;
        // SAFETY: `set` is initialised and `s` is in range.
        unsafe { libc::sigaddset(&mut set, s) };
    }
    // SAFETY: `set` and `old` are valid for the call.
    let rc = unsafe { libc::pthread_sigmask(how, &set, &mut old) };
    if rc != 0 {
        return Err(HostError::from_errno(rc));
    }
    let mut out = Vec::new();
    for s in 1..NSIG {
        // SAFETY: `old` was filled by pthread_sigmask.
        if unsafe { libc::sigismember(&old, s) } == 1 {
            out.push(s);
        }
    }
    Ok(out)
}

pub fn set_wakeup_fd(fd: Fd) -> Fd {
    WAKEUP_FD.swap(fd, Ordering::SeqCst)
}

pub fn strsignal(sig: i32) -> Option<String> {
    if valid(sig).is_err() {
        return None;
    }
    // SAFETY: strsignal returns a pointer to a static or thread-local
    // NUL-terminated string, copied out before any other libc call.
    let p = unsafe { libc::strsignal(sig) };
    if p.is_null() {
        return None;
    }
    // SAFETY: `p` is non-null and NUL-terminated (see above).
    let s = unsafe { std::ffi::CStr::from_ptr(p) };
    Some(s.to_string_lossy().into_owned())
}

pub fn pause() -> HostResult<()> {
    loop {
        // SAFETY: no arguments; pause returns only when a handler ran.
        unsafe { libc::pause() };
        if interrupted() {
            return Err(HostError::from_errno(EINTR));
        }
    }
}
