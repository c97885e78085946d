//! The process watchdog behind `faulthandler.dump_traceback_later`: a host
//! thread that, unless cancelled first, writes a message to a descriptor
//! after a timeout (again every timeout with `repeat`) and can end the
//! process.
//!
//! Invariant: at most one watchdog is armed; arming or cancelling wakes and
//! retires the previous thread before returning, so an old watchdog never
//! fires after `cancel`. The thread touches no interpreter state: it writes
//! bytes prepared when it was armed and calls `_exit`.

use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::error::HostResult;

/// Cancellation flag of the armed watchdog, and the condition it waits on.
type Token = Arc<(Mutex<bool>, Condvar)>;

static ARMED: Mutex<Option<(Token, std::thread::JoinHandle<()>)>> = Mutex::new(None);

pub fn arm(timeout: f64, repeat: bool, fd: i32, exit: bool, message: Vec<u8>) -> HostResult<()> {
    cancel();
    let token: Token = Arc::new((Mutex::new(false), Condvar::new()));
    let t = token.clone();
    let period = Duration::from_secs_f64(timeout);
    let handle = std::thread::Builder::new()
        .name("adder-watchdog".into())
        .spawn(move || run(t, period, repeat, fd, exit, message))
        .map_err(|e| crate::error::HostError::from_io(&e))?;
    *ARMED.lock().unwrap_or_else(|e| e.into_inner()) = Some((token, handle));
    Ok(())
}

pub fn cancel() {
    let armed = ARMED.lock().unwrap_or_else(|e| e.into_inner()).take();
    if let Some((token, handle)) = armed {
        let (lock, cv) = &*token;
        *lock.lock().unwrap_or_else(|e| e.into_inner()) = true;
        cv.notify_all();
        let _ = handle.join();
    }
}

fn run(token: Token, period: Duration, repeat: bool, fd: i32, exit: bool, message: Vec<u8>) {
    let (lock, cv) = &*token;
    loop {
        let deadline = Instant::now() + period;
        let mut cancelled = lock.lock().unwrap_or_else(|e| e.into_inner());
        while !*cancelled {
            let now = Instant::now();
            if now >= deadline {
                break;
            }
            cancelled = cv
                .wait_timeout(cancelled, deadline - now)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        if *cancelled {
            return;
        }
        drop(cancelled);
        let mut rest: &[u8] = &message;
        while !rest.is_empty() {
            // SAFETY: `rest` is a valid buffer; a bad descriptor only fails.
            let n = unsafe { libc::write(fd, rest.as_ptr().cast(), rest.len()) };
            if n <= 0 {
                break;
            }
            rest = &rest[n as usize..];
        }
        if exit {
            // SAFETY: ends the process without running anything else, as
            // CPython's watchdog does.
            unsafe { libc::_exit(1) };
        }
        if !repeat {
            return;
        }
    }
}
