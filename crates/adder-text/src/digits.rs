//! The digits of an integer's magnitude in radix 2, 8, 10 or 16, for the
//! number formatters. A magnitude that fits in 64 bits — nearly every
//! formatted int — is written into a caller's stack buffer, so formatting it
//! allocates nothing; larger ones go through num-bigint.
//!
//! Invariant: the digits are ASCII bytes, most significant first, with no
//! sign and no prefix, and zero is `b"0"` (bytes rather than `&str`: no
//! UTF-8 check is needed to append them, see [`push_ascii`]).

use std::borrow::Cow;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// Room for the longest `u64` in any supported radix (64 binary digits).
pub struct DigitBuf([u8; 64]);

impl DigitBuf {
    pub fn new() -> DigitBuf {
        DigitBuf([0; 64])
    }
}

impl Default for DigitBuf {
    fn default() -> DigitBuf {
        DigitBuf::new()
    }
}

#[inline(always)]
fn fill(mut m: u64, radix: u64, table: &[u8; 16], buf: &mut [u8; 64]) -> usize {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = table[(m % radix) as usize];
        m /= radix;
        if m == 0 {
            return i;
        }
    }
}

/// "00" "01" ... "99": decimal digits are produced two at a time.
const PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// Decimal digits of `m` at the end of `buf`; returns where they start.
fn fill_decimal(mut m: u64, buf: &mut [u8; 64]) -> usize {
    let mut i = buf.len();
    while m >= 100 {
        let r = (m % 100) as usize * 2;
        m /= 100;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[r..r + 2]);
    }
    if m >= 10 {
        let r = m as usize * 2;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[r..r + 2]);
    } else {
        i -= 1;
        buf[i] = b'0' + m as u8;
    }
    i
}

/// The digits of `m` in `radix` (2, 8, 10 or 16; hex in upper case when
/// `upper`), in `buf`.
pub fn u64_digits(m: u64, radix: u32, upper: bool, buf: &mut DigitBuf) -> &[u8] {
    let table = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    // One loop per radix, so each divides by a constant.
    let start = match radix {
        2 => fill(m, 2, table, &mut buf.0),
        8 => fill(m, 8, table, &mut buf.0),
        16 => fill(m, 16, table, &mut buf.0),
        _ => fill_decimal(m, &mut buf.0),
    };
    &buf.0[start..]
}

/// The digits of `|v|` in `radix` (2, 8, 10 or 16; hex in upper case when
/// `upper`): in `buf` when the magnitude fits in 64 bits.
pub fn magnitude_digits<'a>(
    v: &BigInt,
    radix: u32,
    upper: bool,
    buf: &'a mut DigitBuf,
) -> Cow<'a, [u8]> {
    match v.magnitude().to_u64() {
        Some(m) => Cow::Borrowed(u64_digits(m, radix, upper, buf)),
        None => {
            let mut s = v.magnitude().to_str_radix(radix).into_bytes();
            if upper {
                s.make_ascii_uppercase();
            }
            Cow::Owned(s)
        }
    }
}

/// Appends ASCII bytes (digits, signs, points) to `out`.
#[inline]
pub fn push_ascii(out: &mut String, ascii: &[u8]) {
    debug_assert!(ascii.is_ascii());
    out.reserve(ascii.len());
    for &b in ascii {
        out.push(char::from(b));
    }
}

/// Appends `n` copies of `c` to `out`.
#[inline]
pub fn push_repeat(out: &mut String, c: char, n: usize) {
    if n == 0 {
        return;
    }
    out.reserve(n * c.len_utf8());
    for _ in 0..n {
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_std() {
        let mut buf = DigitBuf::new();
        for m in [
            0u64,
            1,
            7,
            9,
            10,
            15,
            16,
            99,
            100,
            101,
            255,
            1000,
            12345,
            1 << 40,
            u64::MAX,
        ] {
            assert_eq!(u64_digits(m, 10, false, &mut buf), m.to_string().as_bytes());
            assert_eq!(
                u64_digits(m, 2, false, &mut buf),
                format!("{m:b}").as_bytes()
            );
            assert_eq!(
                u64_digits(m, 8, false, &mut buf),
                format!("{m:o}").as_bytes()
            );
            assert_eq!(
                u64_digits(m, 16, false, &mut buf),
                format!("{m:x}").as_bytes()
            );
            assert_eq!(
                u64_digits(m, 16, true, &mut buf),
                format!("{m:X}").as_bytes()
            );
        }
        let big: BigInt = "-123456789012345678901234567890".parse().unwrap();
        assert_eq!(
            &*magnitude_digits(&big, 16, true, &mut buf),
            b"18EE90FF6C373E0EE4E3F0AD2"
        );
        assert_eq!(
            &*magnitude_digits(&BigInt::from(-255), 16, false, &mut buf),
            b"ff"
        );
        let mut out = String::from("x");
        push_ascii(&mut out, b"12");
        push_repeat(&mut out, 'é', 2);
        push_repeat(&mut out, '0', 0);
        assert_eq!(out, "x12éé");
    }
}
