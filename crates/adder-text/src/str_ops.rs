//! Python `str` methods as algorithms over `&str`. Invariant: positions and
//! widths are counted in characters (code points), never bytes, and
//! "whitespace", "cased", "digit" etc. mean what they mean in Python (see
//! [`crate::chars`]), not what Rust's `char` methods say.

use crate::chars::{
    casefold_of, is_alnum, is_alpha, is_case_ignorable, is_cased, is_decimal, is_digit, is_lower,
    is_numeric, is_printable, is_space, is_titlecase, is_upper, is_xid_continue, is_xid_start,
    title_of,
};
use crate::error::TextError;

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Byte offset of character index `i` (clamped to the end).
fn byte_at(s: &str, i: usize) -> usize {
    s.char_indices().nth(i).map_or(s.len(), |(b, _)| b)
}

fn limit(maxsplit: i64) -> usize {
    if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    }
}

/// `s.split(sep, maxsplit)`.
pub fn split<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, TextError> {
    let mut left = limit(maxsplit);
    let mut out = Vec::new();
    match sep {
        None => {
            let mut rest = s.trim_start_matches(is_space);
            while !rest.is_empty() {
                if left == 0 {
                    out.push(rest);
                    break;
                }
                let end = rest.find(is_space).unwrap_or(rest.len());
                out.push(&rest[..end]);
                rest = rest[end..].trim_start_matches(is_space);
                left -= 1;
            }
        }
        Some("") => return Err(TextError::value("empty separator")),
        Some(sep) => {
            let mut last = 0;
            for i in crate::search::find_all(s, sep) {
                if left == 0 {
                    break;
                }
                out.push(&s[last..i]);
                last = i + sep.len();
                left -= 1;
            }
            out.push(&s[last..]);
        }
    }
    Ok(out)
}

/// `s.rsplit(sep, maxsplit)`.
pub fn rsplit<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, TextError> {
    let mut left = limit(maxsplit);
    let mut out = Vec::new();
    match sep {
        None => {
            let mut rest = s.trim_end_matches(is_space);
            while !rest.is_empty() {
                if left == 0 {
                    out.push(rest);
                    break;
                }
                let start = rest.rfind(is_space).map_or(0, |i| {
                    i + rest[i..].chars().next().map_or(1, char::len_utf8)
                });
                out.push(&rest[start..]);
                rest = rest[..start].trim_end_matches(is_space);
                left -= 1;
            }
        }
        Some("") => return Err(TextError::value("empty separator")),
        Some(sep) => {
            let mut rest = s;
            while left > 0 {
                match rest.rfind(sep) {
                    Some(i) => {
                        out.push(&rest[i + sep.len()..]);
                        rest = &rest[..i];
                        left -= 1;
                    }
                    None => break,
                }
            }
            out.push(rest);
        }
    }
    out.reverse();
    Ok(out)
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `s.splitlines(keepends)`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = it.peek() {
                it.next();
                end += 1;
            }
        }
        out.push(&s[start..if keepends { end } else { i }]);
        start = end;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

fn strip_set(chars: Option<&str>) -> impl Fn(char) -> bool + '_ {
    move |c| match chars {
        None => is_space(c),
        Some(set) => set.contains(c),
    }
}

/// `s.strip(chars)`.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    s.trim_matches(strip_set(chars))
}
/// `s.lstrip(chars)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    s.trim_start_matches(strip_set(chars))
}
/// `s.rstrip(chars)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    s.trim_end_matches(strip_set(chars))
}

/// `s.expandtabs(tabsize)`; the column restarts after `\n` and `\r`.
pub fn expandtabs(s: &str, tabsize: i64) -> String {
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

/// Lower-cases `c` at char index `i` of `chars`, applying the Final_Sigma rule.
fn push_lower(chars: &[char], i: usize, out: &mut String) {
    let c = chars[i];
    if c == '\u{3a3}' {
        let before = chars[..i]
            .iter()
            .rev()
            .find(|c| !is_case_ignorable(**c))
            .is_some_and(|c| is_cased(*c));
        let after = chars[i + 1..]
            .iter()
            .find(|c| !is_case_ignorable(**c))
            .is_some_and(|c| is_cased(*c));
        out.push(if before && !after {
            '\u{3c2}'
        } else {
            '\u{3c3}'
        });
    } else {
        out.extend(c.to_lowercase());
    }
}

/// `s.lower()`.
pub fn lower(s: &str) -> String {
    s.to_lowercase()
}
/// `s.upper()`.
pub fn upper(s: &str) -> String {
    s.to_uppercase()
}
/// `s.casefold()`.
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        casefold_of(c, &mut out);
    }
    out
}

/// `s.title()`.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            push_lower(&chars, i, &mut out);
        } else {
            title_of(c, &mut out);
        }
        prev_cased = is_cased(c);
    }
    out
}

/// `s.capitalize()`: first character title-cased, the rest lower-cased.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            title_of(c, &mut out);
        } else {
            push_lower(&chars, i, &mut out);
        }
    }
    out
}

/// `s.swapcase()`.
pub fn swapcase(s: &str) -> String {
    if s.is_ascii() {
        return s
            .chars()
            .map(|c| {
                if c.is_ascii_uppercase() {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            })
            .collect();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_upper(c) {
            push_lower(&chars, i, &mut out);
        } else if is_lower(c) {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn padded(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + left + right);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// `s.center(width, fillchar)`.
pub fn center(s: &str, width: usize, fill: char) -> String {
    let n = char_len(s);
    if width <= n {
        return s.to_string();
    }
    let marg = width - n;
    let left = marg / 2 + (marg & width & 1);
    padded(s, left, marg - left, fill)
}
/// `s.ljust(width, fillchar)`.
pub fn ljust(s: &str, width: usize, fill: char) -> String {
    let n = char_len(s);
    padded(s, 0, width.saturating_sub(n), fill)
}
/// `s.rjust(width, fillchar)`.
pub fn rjust(s: &str, width: usize, fill: char) -> String {
    let n = char_len(s);
    padded(s, width.saturating_sub(n), 0, fill)
}
/// `s.zfill(width)`: zeros after a leading sign.
pub fn zfill(s: &str, width: usize) -> String {
    let n = char_len(s);
    if width <= n {
        return s.to_string();
    }
    let zeros = "0".repeat(width - n);
    match s.chars().next() {
        Some(c @ ('+' | '-')) => format!("{}{}{}", c, zeros, &s[1..]),
        _ => format!("{}{}", zeros, s),
    }
}

fn all_nonempty(s: &str, f: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, is_alpha)
}
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, is_alnum)
}
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, is_decimal)
}
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, is_digit)
}
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, is_numeric)
}
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, is_space)
}
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}
pub fn isprintable(s: &str) -> bool {
    s.chars().all(is_printable)
}
pub fn isidentifier(s: &str) -> bool {
    let mut it = s.chars();
    it.next().is_some_and(is_xid_start) && it.all(is_xid_continue)
}
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper(c) || is_titlecase(c) {
            return false;
        }
        cased |= is_lower(c);
    }
    cased
}
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower(c) || is_titlecase(c) {
            return false;
        }
        cased |= is_upper(c);
    }
    cased
}
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if is_upper(c) || is_titlecase(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

/// The byte range of characters `start..end` of `s` (char indices already
/// resolved and clamped to `0..=len` by the caller); `None` if empty-invalid.
/// Callers that know their string's character offsets (the interpreter's
/// `str` does, in O(1) for ASCII) build the [`Window`] themselves.
pub fn window(s: &str, start: usize, end: usize) -> Option<Window<'_>> {
    if start > end || start > char_len(s) {
        return None;
    }
    Some(Window {
        text: &s[byte_at(s, start)..byte_at(s, end)],
        start,
        ascii: s.is_ascii(),
    })
}

/// Characters `start..` of a string, where a search method looks.
#[derive(Clone, Copy)]
pub struct Window<'a> {
    /// The text of the window.
    pub text: &'a str,
    /// Character index, in the whole string, of the window's first character.
    pub start: usize,
    /// Whether the text is ASCII (byte offsets are then character offsets).
    pub ascii: bool,
}

impl Window<'_> {
    /// The character index in the whole string of byte offset `b` of the window.
    fn char_index(&self, b: usize) -> usize {
        if self.ascii {
            self.start + b
        } else {
            self.start + char_len(&self.text[..b])
        }
    }
}

/// `s.find(sub, start, end)` as a character index, over the window of `start..end`.
pub fn find(w: Window, sub: &str) -> Option<usize> {
    crate::search::find(w.text, sub).map(|i| w.char_index(i))
}
/// `s.rfind(sub, start, end)` as a character index, over the window of `start..end`.
pub fn rfind(w: Window, sub: &str) -> Option<usize> {
    crate::search::rfind(w.text, sub).map(|i| w.char_index(i))
}
/// `s.count(sub, start, end)`, over the window of `start..end` (`None`:
/// an empty-invalid window, which holds no match, not even an empty one).
pub fn count(w: Option<Window>, sub: &str) -> usize {
    match w {
        None => 0,
        Some(w) if sub.is_empty() => {
            if w.ascii {
                w.text.len() + 1
            } else {
                char_len(w.text) + 1
            }
        }
        Some(w) => crate::search::count(w.text, sub),
    }
}

/// `s.replace(old, new, count)` (`count < 0` means all).
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    let max = limit(count);
    if old.is_empty() {
        let mut out = String::new();
        let mut done = 0;
        for c in s.chars() {
            if done < max {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < max {
            out.push_str(new);
        }
        return out;
    }
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for (done, i) in crate::search::find_all(s, old).enumerate() {
        if done >= max {
            break;
        }
        out.push_str(&s[last..i]);
        out.push_str(new);
        last = i + old.len();
    }
    out.push_str(&s[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(f: &str) -> Option<String> {
        if f == "~" {
            return None;
        }
        Some(
            f.split('.')
                .filter(|p| !p.is_empty())
                .map(|p| char::from_u32(u32::from_str_radix(p, 16).unwrap()).unwrap())
                .collect(),
        )
    }
    fn s(f: &str) -> String {
        dec(f).unwrap()
    }
    fn enc(v: &str) -> String {
        v.chars()
            .map(|c| format!("{:x}", c as u32))
            .collect::<Vec<_>>()
            .join(".")
    }
    fn enc_list(v: &[&str]) -> String {
        format!(
            "L{}",
            v.iter().map(|x| enc(x)).collect::<Vec<_>>().join("|")
        )
    }
    fn b(v: bool) -> String {
        (if v { "T" } else { "F" }).to_string()
    }
    fn idx(v: Option<usize>) -> String {
        v.map_or("-1".to_string(), |i| i.to_string())
    }

    fn run(f: &[&str]) -> String {
        let a = s(f[1]);
        let n = |i: usize| f[i].parse::<i64>().unwrap();
        match f[0] {
            "upper" => enc(&upper(&a)),
            "lower" => enc(&lower(&a)),
            "casefold" => enc(&casefold(&a)),
            "title" => enc(&title(&a)),
            "capitalize" => enc(&capitalize(&a)),
            "swapcase" => enc(&swapcase(&a)),
            "isalpha" => b(isalpha(&a)),
            "isalnum" => b(isalnum(&a)),
            "isdecimal" => b(isdecimal(&a)),
            "isdigit" => b(isdigit(&a)),
            "isnumeric" => b(isnumeric(&a)),
            "isspace" => b(isspace(&a)),
            "islower" => b(islower(&a)),
            "isupper" => b(isupper(&a)),
            "istitle" => b(istitle(&a)),
            "isidentifier" => b(isidentifier(&a)),
            "isprintable" => b(isprintable(&a)),
            "isascii" => b(isascii(&a)),
            "split" => enc_list(&split(&a, dec(f[2]).as_deref(), n(3)).unwrap()),
            "rsplit" => enc_list(&rsplit(&a, dec(f[2]).as_deref(), n(3)).unwrap()),
            "splitlines" => enc_list(&splitlines(&a, f[2] == "T")),
            "strip" => enc(strip(&a, dec(f[2]).as_deref())),
            "lstrip" => enc(lstrip(&a, dec(f[2]).as_deref())),
            "rstrip" => enc(rstrip(&a, dec(f[2]).as_deref())),
            "expandtabs" => enc(&expandtabs(&a, n(2))),
            "center" => enc(&center(&a, n(2) as usize, s(f[3]).chars().next().unwrap())),
            "ljust" => enc(&ljust(&a, n(2) as usize, s(f[3]).chars().next().unwrap())),
            "rjust" => enc(&rjust(&a, n(2) as usize, s(f[3]).chars().next().unwrap())),
            "zfill" => enc(&zfill(&a, n(2) as usize)),
            "find" => idx(window(&a, n(3) as usize, n(4) as usize).and_then(|w| find(w, &s(f[2])))),
            "rfind" => {
                idx(window(&a, n(3) as usize, n(4) as usize).and_then(|w| rfind(w, &s(f[2]))))
            }
            "count" => count(window(&a, n(3) as usize, n(4) as usize), &s(f[2])).to_string(),
            "replace" => enc(&replace(&a, &s(f[2]), &s(f[3]), n(4))),
            m => panic!("unknown method {m}"),
        }
    }

    /// Golden table produced by `testdata/gen_str_cases.py` (python3.11).
    #[test]
    fn golden_str_cases() {
        let data = include_str!("../testdata/str_cases.tsv");
        let mut failures = Vec::new();
        for line in data.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            let want = f[f.len() - 1];
            let got = run(&f);
            if got != want {
                let args: Vec<String> = f[1..f.len() - 1]
                    .iter()
                    .map(|x| format!("{:?}", dec(x)))
                    .collect();
                failures.push(format!(
                    "{}{:?}: got {:?} want {:?}",
                    f[0],
                    args,
                    dec(&got),
                    dec(want)
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn errors() {
        assert_eq!(split("a", Some(""), -1).unwrap_err().msg, "empty separator");
        assert_eq!(
            rsplit("a", Some(""), -1).unwrap_err().msg,
            "empty separator"
        );
    }
}
