//! String literal values with lone surrogates restored.
//!
//! ruff decodes `"\ud800"` to U+FFFD (a Rust string cannot hold a lone
//! surrogate); Python keeps the surrogate. Adder's `str` stores a lone
//! surrogate as the plane-16 character `adder_text::surrogate` maps it to,
//! so when ruff's value of a literal holds U+FFFD this module re-reads the
//! literal's source text. Invariant: the k-th U+FFFD of ruff's value comes
//! from the k-th source unit that can produce one (a literal U+FFFD, an
//! escape of U+FFFD or a surrogate escape), so replacing each U+FFFD by
//! what its unit really means is exact; if the counts ever disagree, ruff's
//! value is kept unchanged.

use std::borrow::Cow;

use ruff_python_ast as ast;
use ruff_text_size::{Ranged, TextRange};

const FFFD: char = '\u{fffd}';

/// The value of a (possibly implicitly concatenated) string literal.
pub fn string_value<'a>(src: &str, s: &'a ast::ExprStringLiteral) -> Cow<'a, str> {
    let v = s.value.to_str();
    if !v.contains(FFFD) {
        return Cow::Borrowed(v);
    }
    let mut out = String::with_capacity(v.len());
    for part in s.value.iter() {
        out.push_str(&part_value(src, part));
    }
    Cow::Owned(out)
}

/// The value of one plain string literal part (`'...'` inside an f-string
/// concatenation included).
pub fn part_value<'a>(src: &str, part: &'a ast::StringLiteral) -> Cow<'a, str> {
    if part.flags.prefix().is_raw() {
        return Cow::Borrowed(&part.value);
    }
    restore(src, part.content_range(), &part.value)
}

/// The value of an f-string's literal piece; `raw` is the f-string's
/// prefix (only a shortcut: a raw piece never has its U+FFFD count match
/// the escapes this module looks for unless they are all literal U+FFFD).
pub fn fstring_piece<'a>(
    src: &str,
    piece: &'a ast::InterpolatedStringLiteralElement,
    raw: bool,
) -> Cow<'a, str> {
    if raw {
        return Cow::Borrowed(&piece.value);
    }
    restore(src, piece.range(), &piece.value)
}

fn restore<'a>(src: &str, range: TextRange, value: &'a str) -> Cow<'a, str> {
    if !value.contains(FFFD) {
        return Cow::Borrowed(value);
    }
    let Some(text) = src.get(range.start().to_usize()..range.end().to_usize()) else {
        return Cow::Borrowed(value);
    };
    let units = fffd_units(text);
    if units.len() != value.matches(FFFD).count() {
        return Cow::Borrowed(value);
    }
    let mut units = units.into_iter();
    Cow::Owned(
        value
            .chars()
            .map(|c| {
                if c == FFFD {
                    units.next().unwrap_or(FFFD)
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// What each source unit that decodes to U+FFFD in ruff's value really
/// is, in order.
fn fffd_units(text: &str) -> Vec<char> {
    let mut out = Vec::new();
    let mut it = text.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            if c == FFFD {
                out.push(FFFD);
            }
            continue;
        }
        match it.peek().copied() {
            Some('\\') => {
                it.next();
            }
            Some(kind @ ('u' | 'U')) => {
                it.next();
                let digits = if kind == 'u' { 4 } else { 8 };
                let mut cp: u32 = 0;
                for _ in 0..digits {
                    match it.peek().and_then(|d| d.to_digit(16)) {
                        Some(d) => {
                            cp = cp.wrapping_mul(16).wrapping_add(d);
                            it.next();
                        }
                        None => break,
                    }
                }
                if cp == 0xfffd {
                    out.push(FFFD);
                } else if adder_text::surrogate::is_surrogate(cp) {
                    out.push(adder_text::surrogate::to_internal(cp).unwrap_or(FFFD));
                }
            }
            Some('N') => {
                it.next();
                if it.peek() == Some(&'{') {
                    let name: String = it.by_ref().skip(1).take_while(|&ch| ch != '}').collect();
                    if name.eq_ignore_ascii_case("REPLACEMENT CHARACTER") {
                        out.push(FFFD);
                    }
                }
            }
            // Any other escape: the next character is read as usual (a
            // literal U+FFFD after a backslash is still one).
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fffd_units;

    #[test]
    fn finds_the_units_in_order() {
        let s = adder_text::surrogate::to_internal(0xd800).unwrap();
        let t = adder_text::surrogate::to_internal(0xdc80).unwrap();
        assert_eq!(fffd_units(r"a\ud800b"), vec![s]);
        assert_eq!(fffd_units(r"\\ud800\U0000dc80"), vec![t]);
        assert_eq!(
            fffd_units("\u{fffd}\\ufffd\\N{replacement character}\\ud800"),
            vec!['\u{fffd}', '\u{fffd}', '\u{fffd}', s]
        );
        assert_eq!(fffd_units(r"\N{LATIN SMALL LETTER A}\x41"), vec![]);
    }
}
