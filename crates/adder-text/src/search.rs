//! Substring search over UTF-8 text, for the `str` methods.
//!
//! Invariant: offsets are byte offsets into the haystack, and every match
//! starts on a character boundary (a valid UTF-8 needle can only match
//! there). These are memchr's searchers: `str::find` with a `&str` pattern
//! builds a two-way searcher per call, which costs more than the search
//! itself on the short strings most programs handle.

use memchr::memmem;

/// Byte offset of the first occurrence of `needle` in `hay`.
#[inline]
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    match needle.as_bytes() {
        [] => Some(0),
        [b] => memchr::memchr(*b, hay.as_bytes()),
        n => memmem::find(hay.as_bytes(), n),
    }
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

/// Byte offsets of the non-overlapping occurrences of a non-empty
/// `needle`, left to right (one searcher for the whole scan).
pub fn find_all<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    memmem::find_iter(hay.as_bytes(), needle.as_bytes())
}

/// Number of non-overlapping occurrences of a non-empty `needle`.
pub fn count(hay: &str, needle: &str) -> usize {
    match needle.as_bytes() {
        [] => 0,
        [b] => memchr::memchr_iter(*b, hay.as_bytes()).count(),
        n => memmem::find_iter(hay.as_bytes(), n).count(),
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
