//! The operating-system modules (`posix`, `errno`, `_stat`, `time`,
//! `_signal`, `select`, `fcntl`, `_locale`, `pwd`, `resource`,
//! `faulthandler`, `_posixsubprocess`, `_socket`), all through the `Host` trait.
//!
//! Invariant: nothing here calls the OS directly; every request goes through
//! `vm.host`, so the sandboxed and in-memory hosts see all of it.

pub mod args;
mod errno;
mod faulthandler;
mod fcntl;
mod locale;
mod posix;
mod posixsubprocess;
mod pwd;
mod resource;
mod select;
pub mod signal;
mod socket;
mod stat;
mod time;
pub mod util;

use adder_host::HostResult;
use adder_vm::{NativeModule, PyResult, StartupHook, Vm};

/// The modules this crate provides.
pub fn modules() -> Vec<NativeModule> {
    let m = |name: &'static str, init| NativeModule { name, init };
    vec![
        m("posix", posix::init),
        m("errno", errno::init),
        m("_stat", stat::init),
        m("_signal", signal::init),
        m("time", time::init),
        m("select", select::init),
        m("fcntl", fcntl::init),
        m("_locale", locale::init),
        m("pwd", pwd::init),
        m("resource", resource::init),
        m("faulthandler", faulthandler::init),
        m("_posixsubprocess", posixsubprocess::init),
        m("_socket", socket::init),
    ]
}

/// Start-up hooks: signal handling as CPython sets it up before any code.
pub fn startup() -> Vec<StartupHook> {
    vec![signal::startup]
}

/// Runs a host call, retrying after `EINTR` once pending signal handlers
/// ran without raising (PEP 475); a handler's exception propagates.
pub fn posix_retry<T>(
    vm: &mut Vm,
    mut call: impl FnMut(&mut Vm) -> HostResult<T>,
) -> PyResult<HostResult<T>> {
    loop {
        match call(vm) {
            Err(e) if e.errno == adder_host::EINTR => signal::check(vm)?,
            r => return Ok(r),
        }
    }
}
