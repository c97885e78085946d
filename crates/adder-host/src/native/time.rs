//! Clocks, sleeping and the C library's local-time conversions for the
//! native host. Invariant: `sleep_ns` sleeps the full duration unless a
//! signal the interpreter handles arrives (then `EINTR`), and the
//! `localtime`/`mktime` pair uses the process's `TZ` rules exactly as C does.

use super::{check, last_error, signals};
use crate::{HostError, HostResult, Tm, EINTR, EOVERFLOW};

#[allow(clippy::unnecessary_cast)]
fn ts_ns(ts: &libc::timespec) -> i128 {
    i128::from(ts.tv_sec as i64) * 1_000_000_000 + i128::from(ts.tv_nsec as i64)
}

pub fn clock_gettime_ns(clock: i32) -> HostResult<i128> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is writable for the call.
    check(unsafe { libc::clock_gettime(clock as libc::clockid_t, &mut ts) })?;
    Ok(ts_ns(&ts))
}

pub fn clock_getres_ns(clock: i32) -> HostResult<i128> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is writable for the call.
    check(unsafe { libc::clock_getres(clock as libc::clockid_t, &mut ts) })?;
    Ok(ts_ns(&ts))
}

pub fn sleep_ns(ns: u64) -> HostResult<()> {
    let mut req = libc::timespec {
        tv_sec: (ns / 1_000_000_000) as libc::time_t,
        tv_nsec: (ns % 1_000_000_000) as _,
    };
    loop {
        let mut rem = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `req` and `rem` are valid timespecs for the call.
        let rc = unsafe { libc::clock_nanosleep(libc::CLOCK_MONOTONIC, 0, &req, &mut rem) };
        if rc == 0 {
            return Ok(());
        }
        if rc != EINTR {
            return Err(HostError::from_errno(rc));
        }
        if signals::interrupted() {
            return Err(HostError::from_errno(EINTR));
        }
        req = rem;
    }
}

pub fn localtime(secs: i64) -> HostResult<Tm> {
    let t = libc::time_t::try_from(secs).map_err(|_| HostError::from_errno(EOVERFLOW))?;
    // SAFETY: an all-zero tm is a valid value of this plain C struct.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: `t` and `tm` are valid for the call.
    let p = unsafe { libc::localtime_r(&t, &mut tm) };
    if p.is_null() {
        let e = last_error();
        return Err(if e.errno == 0 {
            HostError::from_errno(EOVERFLOW)
        } else {
            e
        });
    }
    let zone = if tm.tm_zone.is_null() {
        String::new()
    } else {
        // SAFETY: tm_zone points at a NUL-terminated string owned by libc's
        // time-zone data, valid until the next tzset.
        unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }
            .to_string_lossy()
            .into_owned()
    };
    Ok(Tm {
        year: i64::from(tm.tm_year) + 1900,
        mon: tm.tm_mon,
        mday: tm.tm_mday,
        hour: tm.tm_hour,
        min: tm.tm_min,
        sec: tm.tm_sec,
        wday: tm.tm_wday,
        yday: tm.tm_yday,
        isdst: tm.tm_isdst,
        gmtoff: tm.tm_gmtoff,
        zone,
    })
}

pub fn mktime(t: &Tm) -> HostResult<i64> {
    // SAFETY: an all-zero tm is a valid value of this plain C struct.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = i32::try_from(t.year - 1900).map_err(|_| HostError::from_errno(EOVERFLOW))?;
    tm.tm_mon = t.mon;
    tm.tm_mday = t.mday;
    tm.tm_hour = t.hour;
    tm.tm_min = t.min;
    tm.tm_sec = t.sec;
    tm.tm_isdst = t.isdst;
    // A sentinel: mktime sets tm_wday on success, so -1 after a -1 result
    // means failure (-1 is also a valid time, 1969-12-31T23:59:59Z).
    tm.tm_wday = -1;
    // SAFETY: `tm` is valid and writable for the call.
    let r = unsafe { libc::mktime(&mut tm) };
    if r == -1 && tm.tm_wday == -1 {
        return Err(HostError::from_errno(EOVERFLOW));
    }
    Ok(r)
}

extern "C" {
    // POSIX `tzset` (not declared by the libc crate for Unix targets).
    #[link_name = "tzset"]
    fn c_tzset();
}

pub fn tzset() {
    // SAFETY: tzset takes no arguments and only re-reads TZ.
    unsafe { c_tzset() }
}
