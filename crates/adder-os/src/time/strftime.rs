//! `strftime` as glibc does it in the C/POSIX locale: every conversion of
//! C99 and POSIX plus GNU's (`%k %l %P %s %G %g %V %C %u`), the `_ - 0 ^ #`
//! flags, field widths, and the `E`/`O` modifiers (ignored, as the C locale
//! has no alternative forms). Pure: the caller supplies the broken-down
//! time, the zone name for `%Z`, and `%s`'s epoch seconds.
//!
//! Invariant: output is a function of the inputs only; a malformed or
//! unknown directive is copied to the output literally (glibc's behaviour),
//! so no format string can fail.

use adder_host::Tm;

const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Everything `%Z` and `%s` need besides the `Tm` fields.
pub struct Extra<'a> {
    pub zone: &'a str,
    /// Seconds since the epoch of `tm` read as local time (`mktime`).
    pub epoch: i64,
}

fn day_name(tm: &Tm) -> &'static str {
    DAYS[tm.wday.rem_euclid(7) as usize]
}

fn month_name(tm: &Tm) -> &'static str {
    MONTHS[tm.mon.clamp(0, 11) as usize]
}

/// ISO 8601 week-based year and week number.
fn iso_week(tm: &Tm) -> (i64, i64) {
    let year = tm.year;
    let yday = i64::from(tm.yday);
    let wday = i64::from(tm.wday);
    // Days since the Monday that starts ISO week 1 of `y`, for a day with
    // the given yday/wday (the algorithm glibc uses).
    let iso_days = |yday: i64, wday: i64| -> i64 {
        let big_enough_multiple_of_7 = (366 / 7 + 2) * 7;
        yday - (yday - wday + 4 + big_enough_multiple_of_7) % 7 + 3
    };
    let mut days = iso_days(yday, wday);
    let mut y = year;
    if days < 0 {
        y -= 1;
        let len = if adder_host::calendar::is_leap(y) {
            366
        } else {
            365
        };
        days = iso_days(yday + len, wday);
    } else {
        let len = if adder_host::calendar::is_leap(year) {
            366
        } else {
            365
        };
        let d = iso_days(yday - len, wday);
        if d >= 0 {
            y += 1;
            days = d;
        }
    }
    (y, days / 7 + 1)
}

#[derive(Clone, Copy, PartialEq)]
enum Pad {
    Default,
    Zero,
    Space,
    None,
}

struct Spec {
    pad: Pad,
    upper: bool,
    swap: bool,
    width: Option<usize>,
}

fn number(out: &mut String, spec: &Spec, v: i64, digits: usize, space_default: bool) {
    let neg = v < 0;
    let body = v.unsigned_abs().to_string();
    let (fill, width) = match spec.pad {
        Pad::None => (' ', spec.width.unwrap_or(0)),
        Pad::Space => (' ', spec.width.unwrap_or(digits).max(digits)),
        Pad::Zero => ('0', spec.width.unwrap_or(digits).max(digits)),
        Pad::Default => (
            if space_default { ' ' } else { '0' },
            spec.width.unwrap_or(digits).max(digits),
        ),
    };
    let len = body.len() + usize::from(neg);
    if fill == '0' {
        if neg {
            out.push('-');
        }
        for _ in len..width {
            out.push('0');
        }
        out.push_str(&body);
    } else {
        for _ in len..width {
            out.push(' ');
        }
        if neg {
            out.push('-');
        }
        out.push_str(&body);
    }
}

fn text(out: &mut String, spec: &Spec, s: &str, swap_lowers: bool) {
    let s = if spec.upper {
        s.to_uppercase()
    } else if spec.swap {
        if swap_lowers {
            s.to_lowercase()
        } else {
            s.to_uppercase()
        }
    } else {
        s.to_string()
    };
    let n = s.chars().count();
    if let Some(w) = spec.width {
        let fill = if spec.pad == Pad::Zero { '0' } else { ' ' };
        for _ in n..w {
            out.push(fill);
        }
    }
    out.push_str(&s);
}

/// Formats `tm` by `fmt`.
pub fn strftime(fmt: &str, tm: &Tm, extra: &Extra) -> String {
    let mut out = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let mut spec = Spec {
            pad: Pad::Default,
            upper: false,
            swap: false,
            width: None,
        };
        while i < chars.len() {
            match chars[i] {
                '_' => spec.pad = Pad::Space,
                '-' => spec.pad = Pad::None,
                '0' => spec.pad = Pad::Zero,
                '^' => spec.upper = true,
                '#' => spec.swap = true,
                _ => break,
            }
            i += 1;
        }
        let mut width = None;
        while i < chars.len() && chars[i].is_ascii_digit() {
            let d = chars[i] as usize - '0' as usize;
            width = Some(
                width
                    .unwrap_or(0usize)
                    .saturating_mul(10)
                    .saturating_add(d)
                    .min(4096),
            );
            i += 1;
        }
        spec.width = width;
        if i < chars.len() && (chars[i] == 'E' || chars[i] == 'O') {
            i += 1;
        }
        if i >= chars.len() {
            out.extend(&chars[start..]);
            break;
        }
        let conv = chars[i];
        i += 1;
        if !directive(&mut out, conv, &spec, tm, extra) {
            out.extend(&chars[start..i]);
        }
    }
    out
}

/// Formats one conversion; false when `conv` is not one.
fn directive(out: &mut String, conv: char, spec: &Spec, tm: &Tm, extra: &Extra) -> bool {
    let hour12 = match tm.hour % 12 {
        0 => 12,
        h => h,
    };
    let sub = |f: &str| strftime(f, tm, extra);
    match conv {
        'a' => text(out, spec, &day_name(tm)[..3], false),
        'A' => text(out, spec, day_name(tm), false),
        'b' | 'h' => text(out, spec, &month_name(tm)[..3], false),
        'B' => text(out, spec, month_name(tm), false),
        'c' => text(out, spec, &sub("%a %b %e %H:%M:%S %Y"), false),
        'C' => number(out, spec, tm.year.div_euclid(100), 2, false),
        'd' => number(out, spec, i64::from(tm.mday), 2, false),
        'D' => text(out, spec, &sub("%m/%d/%y"), false),
        'e' => number(out, spec, i64::from(tm.mday), 2, true),
        'F' => text(out, spec, &sub("%Y-%m-%d"), false),
        'g' => number(out, spec, iso_week(tm).0.rem_euclid(100), 2, false),
        'G' => number(out, spec, iso_week(tm).0, 1, false),
        'H' => number(out, spec, i64::from(tm.hour), 2, false),
        'I' => number(out, spec, i64::from(hour12), 2, false),
        'j' => number(out, spec, i64::from(tm.yday) + 1, 3, false),
        'k' => number(out, spec, i64::from(tm.hour), 2, true),
        'l' => number(out, spec, i64::from(hour12), 2, true),
        'm' => number(out, spec, i64::from(tm.mon) + 1, 2, false),
        'M' => number(out, spec, i64::from(tm.min), 2, false),
        'n' => text(out, spec, "\n", false),
        'p' => text(out, spec, if tm.hour < 12 { "AM" } else { "PM" }, true),
        'P' => text(out, spec, if tm.hour < 12 { "am" } else { "pm" }, false),
        'r' => text(out, spec, &sub("%I:%M:%S %p"), false),
        'R' => text(out, spec, &sub("%H:%M"), false),
        's' => number(out, spec, extra.epoch, 1, false),
        'S' => number(out, spec, i64::from(tm.sec), 2, false),
        't' => text(out, spec, "\t", false),
        'T' => text(out, spec, &sub("%H:%M:%S"), false),
        'u' => number(
            out,
            spec,
            i64::from((tm.wday + 6).rem_euclid(7) + 1),
            1,
            false,
        ),
        'U' => number(
            out,
            spec,
            i64::from((tm.yday - tm.wday + 7).div_euclid(7)),
            2,
            false,
        ),
        'V' => number(out, spec, iso_week(tm).1, 2, false),
        'w' => number(out, spec, i64::from(tm.wday), 1, false),
        'W' => number(
            out,
            spec,
            i64::from((tm.yday - (tm.wday - 1).rem_euclid(7) + 7).div_euclid(7)),
            2,
            false,
        ),
        'x' => text(out, spec, &sub("%m/%d/%y"), false),
        'X' => text(out, spec, &sub("%H:%M:%S"), false),
        'y' => number(out, spec, tm.year.rem_euclid(100), 2, false),
        'Y' => number(out, spec, tm.year, 1, false),
        'z' => {
            let off = tm.gmtoff;
            out.push(if off < 0 { '-' } else { '+' });
            let a = off.unsigned_abs() / 60;
            let v = (a / 60 * 100 + a % 60) as i64;
            let w = Spec {
                pad: spec.pad,
                upper: false,
                swap: false,
                width: spec.width.map(|w| w.saturating_sub(1)),
            };
            number(out, &w, v, 4, false);
        }
        'Z' => text(out, spec, extra.zone, true),
        '%' => text(out, spec, "%", false),
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tm() -> Tm {
        // Tue 2024-03-05 04:07:09, day 65 of the year.
        Tm {
            year: 2024,
            mon: 2,
            mday: 5,
            hour: 4,
            min: 7,
            sec: 9,
            wday: 2,
            yday: 64,
            isdst: 0,
            gmtoff: 0,
            zone: "UTC".into(),
        }
    }

    fn f(fmt: &str) -> String {
        strftime(
            fmt,
            &tm(),
            &Extra {
                zone: "UTC",
                epoch: 1_709_611_629,
            },
        )
    }

    #[test]
    fn matches_glibc_in_the_c_locale() {
        assert_eq!(f("%c"), "Tue Mar  5 04:07:09 2024");
        assert_eq!(f("%5d|%_5d|%-5d|%05e|%5e"), "00005|    5|    5|00005|    5");
        assert_eq!(
            f("%10a|%010a|%^10b|%#a|%#p|%^p|%#Z"),
            "       Tue|0000000Tue|       MAR|TUE|am|AM|utc"
        );
        assert_eq!(
            f("%3Y|%6Y|%-H|%_H|%4j|%_j|%1d"),
            "2024|002024|4| 4|0065| 65|05"
        );
        assert_eq!(
            f("%5%|%E|%Ec|%Od|%-z|%_z|%q|%"),
            "    %|%E|Tue Mar  5 04:07:09 2024|05|+0|+   0|%q|%"
        );
        assert_eq!(f("%s %I %l %p %j %u %w"), "1709611629 04  4 AM 065 2 2");
    }

    #[test]
    fn week_numbers() {
        let mut t = tm();
        // Mon 2024-01-01.
        t.mon = 0;
        t.mday = 1;
        t.wday = 1;
        t.yday = 0;
        let e = Extra { zone: "", epoch: 0 };
        assert_eq!(strftime("%U %W %V %G %g", &t, &e), "00 01 01 2024 24");
        // Fri 2021-01-01 belongs to ISO week 53 of 2020.
        t.year = 2021;
        t.wday = 5;
        assert_eq!(strftime("%U %W %V %G %g", &t, &e), "00 00 53 2020 20");
    }
}
