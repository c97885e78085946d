//! Substring search over UTF-8 text, for the `str` methods.
//!
//! Invariant: offsets are byte offsets into the haystack, and every match
//! starts on a character boundary (a valid UTF-8 needle can only match
//! there). These are memchr's searchers: `str::find` with a `&str` pattern
//! builds a two-way searcher per call, which costs more than the search
//! itself on the short strings most programs handle; on tiny haystacks even
//! memchr's dispatch costs more than a plain loop.

use memchr::memmem;

/// Byte offset of the first occurrence of `needle` in `hay`.
#[inline]
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    find_all(hay, needle).next()
}

/// Byte offset of the last occurrence of `needle` in `hay`.
#[inline]
pub fn rfind(hay: &str, needle: &str) -> Option<usize> {
    match needle.as_bytes() {
        [] => Some(hay.len()),
        [b] => memchr::memrchr(*b, hay.as_bytes()),
        n => memmem::rfind(hay.as_bytes(), n),
    }
}

/// Haystacks up to this many bytes are scanned naively (first byte by
/// memchr, then a compare): building a searcher costs more there.
const SHORT: usize = 256;

/// Below this many bytes a plain loop finds a byte sooner than memchr,
/// whose dispatch and alignment work dominate on tiny inputs.
const TINY: usize = 32;

/// Offset of the first `b` in `hay`.
#[inline]
pub fn find_byte(b: u8, hay: &[u8]) -> Option<usize> {
    if hay.len() < TINY {
        hay.iter().position(|&x| x == b)
    } else {
        memchr::memchr(b, hay)
    }
}

/// Byte offsets of the non-overlapping occurrences of a non-empty
/// `needle`, left to right (one searcher for the whole scan).
pub fn find_all<'a>(hay: &'a str, needle: &'a str) -> FindAll<'a> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    if hay.len() <= SHORT || needle.len() == 1 {
        FindAll::Short {
            hay,
            needle,
            pos: 0,
        }
    } else {
        FindAll::Long(Box::new(memmem::find_iter(hay, needle)))
    }
}

pub enum FindAll<'a> {
    Short {
        hay: &'a [u8],
        needle: &'a [u8],
        pos: usize,
    },
    /// Boxed: the searcher is large, and only long haystacks need it.
    Long(Box<memmem::FindIter<'a, 'a>>),
}

impl Iterator for FindAll<'_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        match self {
            FindAll::Short { hay, needle, pos } => {
                let (&first, _) = needle.split_first()?;
                while let Some(i) = find_byte(first, hay.get(*pos..)?) {
                    let at = *pos + i;
                    if hay[at..].starts_with(needle) {
                        *pos = at + needle.len();
                        return Some(at);
                    }
                    *pos = at + 1;
                }
                *pos = hay.len();
                None
            }
            FindAll::Long(it) => it.next(),
        }
    }
}

/// Number of non-overlapping occurrences of a non-empty `needle`.
pub fn count(hay: &str, needle: &str) -> usize {
    match needle.as_bytes() {
        [] => 0,
        // A branch-free count, which the compiler vectorises.
        [b] => hay.as_bytes().iter().filter(|&&x| x == *b).count(),
        _ => find_all(hay, needle).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_std() {
        let hays = [
            "",
            "a",
            "abcabc",
            "aaaa",
            "héllo wörld héllo",
            "xx\u{10348}yy\u{10348}",
        ];
        let needles = ["a", "aa", "bc", "héllo", "ö", "\u{10348}", "zz", "abcabcd"];
        for h in hays {
            for n in needles {
                assert_eq!(find(h, n), h.find(n), "{h:?} {n:?}");
                assert_eq!(rfind(h, n), h.rfind(n), "{h:?} {n:?}");
                assert_eq!(count(h, n), h.matches(n).count(), "{h:?} {n:?}");
                let all: Vec<usize> = find_all(h, n).collect();
                let std: Vec<usize> = h.match_indices(n).map(|(i, _)| i).collect();
                assert_eq!(all, std, "{h:?} {n:?}");
            }
        }
    }
}
