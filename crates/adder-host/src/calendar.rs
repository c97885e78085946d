//! The proleptic Gregorian calendar in UTC: seconds since the Unix epoch to
//! broken-down time and back (C's `gmtime` and `timegm`). Pure arithmetic,
//! no OS access; shared by the in-memory host (whose local time is UTC) and
//! the interpreter's `time` module. Invariant: `timegm(&gmtime(s)?) == s` for
//! every second in the supported range (years -9999..=9999 around the epoch
//! is far inside it), and the functions never overflow or panic.

use crate::Tm;

/// Days since 1970-01-01 of a (year, month 1-12, day 1-31) date.
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month 1-12, day 1-31) of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

pub fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// Broken-down UTC time (zone "UTC", isdst 0); None if the year would not
/// fit C's `int tm_year`.
pub fn gmtime(secs: i64) -> Option<Tm> {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    if y - 1900 > i64::from(i32::MAX) || y - 1900 < i64::from(i32::MIN) {
        return None;
    }
    let yday = days - days_from_civil(y, 1, 1);
    Some(Tm {
        year: y,
        mon: (m - 1) as i32,
        mday: d as i32,
        hour: (rem / 3600) as i32,
        min: (rem % 3600 / 60) as i32,
        sec: (rem % 60) as i32,
        // 1970-01-01 was a Thursday (4).
        wday: (days + 4).rem_euclid(7) as i32,
        yday: yday as i32,
        isdst: 0,
        gmtoff: 0,
        zone: "UTC".to_string(),
    })
}

/// Seconds since the epoch of a UTC broken-down time, normalising
/// out-of-range fields as C's `timegm` does (month 13 is next January...).
pub fn timegm(tm: &Tm) -> Option<i64> {
    let mon = i64::from(tm.mon);
    let y = tm.year.checked_add(mon.div_euclid(12))?;
    let m = mon.rem_euclid(12) + 1;
    if !(-1_000_000_000..=1_000_000_000).contains(&y) {
        return None;
    }
    let days = days_from_civil(y, m, 1) + i64::from(tm.mday) - 1;
    days.checked_mul(86_400)?
        .checked_add(i64::from(tm.hour) * 3600 + i64::from(tm.min) * 60 + i64::from(tm.sec))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for s in [
            0i64,
            -1,
            86_399,
            951_782_400,
            1_700_000_000,
            -62_135_596_800,
            253_402_300_799,
        ] {
            let tm = gmtime(s).unwrap();
            assert_eq!(timegm(&tm), Some(s), "{s}");
        }
        let tm = gmtime(951_782_400).unwrap(); // 2000-02-29
        assert_eq!(
            (tm.year, tm.mon, tm.mday, tm.wday, tm.yday),
            (2000, 1, 29, 2, 59)
        );
        let tm = gmtime(-1).unwrap();
        assert_eq!(
            (tm.year, tm.mon, tm.mday, tm.hour, tm.wday),
            (1969, 11, 31, 23, 3)
        );
        assert!(gmtime(i64::MAX).is_none());
    }
}
