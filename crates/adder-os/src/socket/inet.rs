//! Textual IP addresses, as the C library reads and writes them:
//! `inet_aton` (the permissive BSD form: 1-4 parts, octal and hex),
//! `inet_pton` for IPv4 (exactly four decimal parts, no leading zeros) and
//! IPv6 (`::` once, an optional trailing dotted quad), and `inet_ntop` for
//! IPv6 (the longest run of two or more zero groups becomes `::`, IPv4
//! compatible and mapped addresses end in a dotted quad).
//!
//! Invariant: pure functions of their input (no OS call), accepting exactly
//! what glibc accepts, so `socket.inet_*` and address parsing agree with
//! CPython on Linux byte for byte.

/// `inet_aton`: None when glibc would return 0. Parsing stops at the first
/// ASCII whitespace, as the C function does.
pub fn aton(s: &[u8]) -> Option<[u8; 4]> {
    const MAX: [u64; 4] = [0xffff_ffff, 0xff_ffff, 0xffff, 0xff];
    let mut parts: Vec<u8> = Vec::with_capacity(3);
    let mut i = 0;
    let val;
    loop {
        if !s.get(i).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let (v, end) = strtoul(s, i)?;
        i = end;
        if s.get(i) == Some(&b'.') {
            if parts.len() > 2 || v > 0xff {
                return None;
            }
            parts.push(v as u8);
            i += 1;
        } else {
            val = v;
            break;
        }
    }
    if let Some(&c) = s.get(i) {
        if !c.is_ascii_whitespace() && c != 0x0b {
            return None;
        }
    }
    if val > MAX[parts.len()] {
        return None;
    }
    let mut word = val as u32;
    for (k, &p) in parts.iter().enumerate() {
        word |= u32::from(p) << (24 - 8 * k);
    }
    Some(word.to_be_bytes())
}

/// C's `strtoul(s + i, &end, 0)` for a string starting with a digit; None
/// when the value exceeds 32 bits (glibc's `inet_aton` then fails).
fn strtoul(s: &[u8], i: usize) -> Option<(u64, usize)> {
    let (base, mut j) = if s[i] == b'0' {
        match (s.get(i + 1), s.get(i + 2)) {
            (Some(b'x' | b'X'), Some(c)) if c.is_ascii_hexdigit() => (16, i + 2),
            _ => (8, i),
        }
    } else {
        (10, i)
    };
    let mut v: u64 = 0;
    while let Some(d) = s.get(j).and_then(|&c| (c as char).to_digit(base)) {
        v = v * u64::from(base) + u64::from(d);
        if v > 0xffff_ffff {
            return None;
        }
        j += 1;
    }
    Some((v, j))
}

/// `inet_pton(AF_INET, s)`.
pub fn pton4(s: &[u8]) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let mut octets = 0;
    let mut saw_digit = false;
    let mut cur: u32 = 0;
    for &c in s {
        if c.is_ascii_digit() {
            if saw_digit && cur == 0 {
                return None;
            }
            cur = cur * 10 + u32::from(c - b'0');
            if cur > 255 {
                return None;
            }
            if !saw_digit {
                octets += 1;
                if octets > 4 {
                    return None;
                }
                saw_digit = true;
            }
            out[octets - 1] = cur as u8;
        } else if c == b'.' && saw_digit {
            if octets == 4 {
                return None;
            }
            cur = 0;
            saw_digit = false;
        } else {
            return None;
        }
    }
    (octets == 4 && saw_digit).then_some(out)
}

/// `inet_pton(AF_INET6, s)`.
pub fn pton6(s: &[u8]) -> Option<[u8; 16]> {
    let mut out = [0u8; 16];
    let mut tp = 0usize;
    let mut gap: Option<usize> = None;
    let mut i = 0;
    if s.is_empty() {
        return None;
    }
    if s[0] == b':' {
        if s.get(1) != Some(&b':') {
            return None;
        }
        i = 1;
    }
    let mut token_start = i;
    let mut digits = 0;
    let mut val: u32 = 0;
    while i < s.len() {
        let c = s[i];
        i += 1;
        if let Some(d) = (c as char).to_digit(16) {
            if digits == 4 {
                return None;
            }
            val = (val << 4) | d;
            digits += 1;
            continue;
        }
        if c == b':' {
            token_start = i;
            if digits == 0 {
                if gap.is_some() {
                    return None;
                }
                gap = Some(tp);
                continue;
            }
            if i == s.len() || tp + 2 > 16 {
                return None;
            }
            out[tp] = (val >> 8) as u8;
            out[tp + 1] = val as u8;
            tp += 2;
            digits = 0;
            val = 0;
            continue;
        }
        if c == b'.' && tp + 4 <= 16 {
            let quad = pton4(&s[token_start..])?;
            out[tp..tp + 4].copy_from_slice(&quad);
            tp += 4;
            digits = 0;
            break;
        }
        return None;
    }
    if digits > 0 {
        if tp + 2 > 16 {
            return None;
        }
        out[tp] = (val >> 8) as u8;
        out[tp + 1] = val as u8;
        tp += 2;
    }
    if let Some(g) = gap {
        if tp == 16 {
            return None;
        }
        let n = tp - g;
        out.copy_within(g..tp, 16 - n);
        for b in &mut out[g..16 - n] {
            *b = 0;
        }
        tp = 16;
    }
    (tp == 16).then_some(out)
}

/// `inet_ntop(AF_INET, b)`.
pub fn ntop4(b: &[u8; 4]) -> String {
    format!("{}.{}.{}.{}", b[0], b[1], b[2], b[3])
}

/// `inet_ntop(AF_INET6, b)`.
pub fn ntop6(b: &[u8; 16]) -> String {
    let words: Vec<u16> = b
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], c[1]]))
        .collect();
    // The first longest run of zero words, if at least two long.
    // (start, length) of zero runs.
    type Run = Option<(usize, usize)>;
    let (mut best, mut cur): (Run, Run) = (None, None);
    for (i, &w) in words.iter().enumerate() {
        if w == 0 {
            cur = Some(match cur {
                Some((base, len)) => (base, len + 1),
                None => (i, 1),
            });
        } else if let Some(c) = cur.take() {
            if best.is_none_or(|b| c.1 > b.1) {
                best = Some(c);
            }
        }
    }
    if let Some(c) = cur {
        if best.is_none_or(|b| c.1 > b.1) {
            best = Some(c);
        }
    }
    let best = best.filter(|b| b.1 >= 2);
    let mut out = String::new();
    let mut i = 0;
    while i < 8 {
        if let Some((base, len)) = best {
            if i >= base && i < base + len {
                if i == base {
                    out.push(':');
                }
                i += 1;
                continue;
            }
        }
        if i != 0 {
            out.push(':');
        }
        if i == 6
            && best.is_some_and(|(base, len)| {
                base == 0 && (len == 6 || (len == 5 && words[5] == 0xffff))
            })
        {
            out.push_str(&ntop4(&[b[12], b[13], b[14], b[15]]));
            return out;
        }
        out.push_str(&format!("{:x}", words[i]));
        i += 1;
    }
    if best.is_some_and(|(base, len)| base + len == 8) {
        out.push(':');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aton_forms() {
        assert_eq!(aton(b"1.2.3.4"), Some([1, 2, 3, 4]));
        assert_eq!(aton(b"1"), Some([0, 0, 0, 1]));
        assert_eq!(aton(b"1.2"), Some([1, 0, 0, 2]));
        assert_eq!(aton(b"0x7f.1"), Some([127, 0, 0, 1]));
        assert_eq!(aton(b"010.1.1.1"), Some([8, 1, 1, 1]));
        assert_eq!(aton(b"1.2.3.4 junk"), Some([1, 2, 3, 4]));
        assert_eq!(aton(b"255.255.255.255"), Some([255; 4]));
        for bad in [
            &b"1.2.3.256"[..],
            b"",
            b"1.2.3.4.5",
            b"1..2",
            b" 1.2.3.4",
            b"08",
            b"1.2.3.4x",
            b"4294967296",
        ] {
            assert_eq!(aton(bad), None, "{:?}", bad);
        }
    }

    #[test]
    fn pton_forms() {
        assert_eq!(pton4(b"1.2.3.4"), Some([1, 2, 3, 4]));
        assert_eq!(pton4(b"01.2.3.4"), None);
        assert_eq!(pton4(b"1.2.3"), None);
        assert_eq!(pton4(b"1.2.3.4."), None);
        assert_eq!(pton4(b"0.0.0.0"), Some([0; 4]));
        let mut one = [0u8; 16];
        one[15] = 1;
        assert_eq!(pton6(b"::1"), Some(one));
        assert_eq!(pton6(b"::"), Some([0; 16]));
        let mapped = pton6(b"::ffff:1.2.3.4").unwrap();
        assert_eq!(&mapped[10..], &[0xff, 0xff, 1, 2, 3, 4]);
        assert_eq!(pton6(b"x"), None);
        assert_eq!(pton6(b":1"), None);
        assert_eq!(pton6(b"1::2::3"), None);
        assert_eq!(pton6(b"1:2:3:4:5:6:7:8:9"), None);
        assert_eq!(pton6(b"12345::"), None);
        assert_eq!(pton6(b"1:"), None);
        assert!(pton6(b"1:2:3:4:5:6:7::").is_some());
        assert!(pton6(b"1:2:3:4:5:6:7:8").is_some());
        assert_eq!(pton6(b"1:2:3:4:5:6:7:8::"), None);
    }

    #[test]
    fn ntop6_forms() {
        let hex = |s: &str| -> [u8; 16] {
            let mut b = [0u8; 16];
            for (i, out) in b.iter_mut().enumerate() {
                *out = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap();
            }
            b
        };
        assert_eq!(ntop6(&[0; 16]), "::");
        assert_eq!(ntop6(&hex("00000000000000000000000000000001")), "::1");
        assert_eq!(
            ntop6(&hex("00000000000000000000ffff01020304")),
            "::ffff:1.2.3.4"
        );
        assert_eq!(ntop6(&hex("00000000000000000000000001020304")), "::1.2.3.4");
        assert_eq!(
            ntop6(&hex("20010db8000000000000000000000001")),
            "2001:db8::1"
        );
        assert_eq!(
            ntop6(&hex("20010db8000100000001000000000001")),
            "2001:db8:1:0:1::1"
        );
        assert_eq!(
            ntop6(&hex("20010db8000000000000000000000000")),
            "2001:db8::"
        );
        assert_eq!(
            ntop6(&hex("00010000000100000001000000010000")),
            "1:0:1:0:1:0:1:0"
        );
    }
}
