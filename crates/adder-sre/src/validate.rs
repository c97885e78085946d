//! The pattern-code validator `_sre.compile` runs before accepting a code
//! list (CPython's `_validate`): it checks that every opcode is known, every
//! argument in range, every skip lands inside its enclosing construct and
//! each construct ends with the opcode the engine expects.
//!
//! Invariant: code that passes satisfies what the engine assumes — skips
//! only move forward, `REPEAT_ONE`-family bodies are exactly one
//! single-character item (stricter than CPython, whose engine would loop on
//! a zero-width body), group numbers are below `groups`, and nesting is at
//! most `MAX_DEPTH` deep (this validator recurses once per nesting level).
//!
//! CPython 3.11: Modules/_sre/sre.c, `_validate_inner` and friends.

use crate::constants::*;

/// Deepest nesting of constructs the validator accepts.
pub const MAX_DEPTH: usize = 4000;

/// Why code was rejected.
#[derive(Debug, PartialEq, Eq)]
pub enum Invalid {
    /// Malformed code (`RuntimeError: invalid SRE code`).
    Code,
    /// Nested deeper than `MAX_DEPTH`.
    TooDeep,
}

type VResult<T> = Result<T, Invalid>;

/// How a validated range ended.
#[derive(PartialEq, Eq)]
enum Tail {
    Plain,
    /// With a `JUMP` as its last instruction (a BRANCH arm or the "then"
    /// part of a GROUPREF_EXISTS with an "else").
    Jump,
}

struct Validator<'a> {
    code: &'a [u32],
    groups: u64,
    depth: usize,
}

fn ensure(ok: bool) -> VResult<()> {
    if ok {
        Ok(())
    } else {
        Err(Invalid::Code)
    }
}

/// Validates the whole code list of a pattern with `groups` groups.
pub fn validate(code: &[u32], groups: i64) -> Result<(), Invalid> {
    if !(0..=MAXGROUPS).contains(&groups) || code.last() != Some(&SUCCESS) {
        return Err(Invalid::Code);
    }
    let mut v = Validator {
        code,
        groups: groups as u64,
        depth: 0,
    };
    match v.inner(0, code.len() - 1)? {
        Tail::Plain => Ok(()),
        Tail::Jump => Err(Invalid::Code),
    }
}

/// Whether `op` is an item that matches exactly one character.
fn is_single_char(op: u32) -> bool {
    matches!(
        op,
        ANY | ANY_ALL
            | IN
            | IN_IGNORE
            | IN_UNI_IGNORE
            | IN_LOC_IGNORE
            | LITERAL
            | NOT_LITERAL
            | LITERAL_IGNORE
            | NOT_LITERAL_IGNORE
            | LITERAL_UNI_IGNORE
            | NOT_LITERAL_UNI_IGNORE
            | LITERAL_LOC_IGNORE
            | NOT_LITERAL_LOC_IGNORE
            | CATEGORY
    )
}

impl Validator<'_> {
    fn word(&self, i: usize, end: usize) -> VResult<u32> {
        if i >= end {
            return Err(Invalid::Code);
        }
        self.code.get(i).copied().ok_or(Invalid::Code)
    }

    /// A skip word at `i`: returns its value, checked so that `i + skip`
    /// (minus `adj`) stays within `end`, and at least `min`.
    fn skip(&self, i: usize, end: usize, min: u32, adj: usize) -> VResult<usize> {
        let s = self.word(i, end)?;
        ensure(s >= min)?;
        let s = s as usize;
        ensure(i + s - adj <= end)?;
        Ok(s)
    }

    /// A set body in `[i, end)`.
    fn charset(&self, mut i: usize, end: usize) -> VResult<()> {
        while i < end {
            let op = self.word(i, end)?;
            i += 1;
            match op {
                NEGATE => {}
                LITERAL => {
                    self.word(i, end)?;
                    i += 1;
                }
                RANGE | RANGE_UNI_IGNORE => {
                    self.word(i + 1, end)?;
                    i += 2;
                }
                CHARSET => {
                    ensure(i + 8 <= end)?;
                    i += 8;
                }
                BIGCHARSET => {
                    let blocks = self.word(i, end)? as usize;
                    i += 1;
                    ensure(i + 64 <= end)?;
                    for w in &self.code[i..i + 64] {
                        for b in w.to_ne_bytes() {
                            ensure((b as usize) < blocks)?;
                        }
                    }
                    i += 64;
                    let words = blocks.checked_mul(8).ok_or(Invalid::Code)?;
                    ensure(words <= end - i)?;
                    i += words;
                }
                CATEGORY => {
                    ensure(self.word(i, end)? <= CATEGORY_UNI_NOT_LINEBREAK)?;
                    i += 1;
                }
                _ => return Err(Invalid::Code),
            }
        }
        Ok(())
    }

    /// The instructions in `[i, end)`.
    fn inner(&mut self, i: usize, end: usize) -> VResult<Tail> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Invalid::TooDeep);
        }
        let r = self.inner_body(i, end);
        self.depth -= 1;
        r
    }

    fn inner_body(&mut self, mut i: usize, end: usize) -> VResult<Tail> {
        ensure(i <= end && end <= self.code.len())?;
        while i < end {
            let op = self.word(i, end)?;
            i += 1;
            match op {
                MARK => {
                    ensure(self.word(i, end)? as u64 <= 2 * self.groups + 1)?;
                    i += 1;
                }
                LITERAL
                | NOT_LITERAL
                | LITERAL_IGNORE
                | NOT_LITERAL_IGNORE
                | LITERAL_UNI_IGNORE
                | NOT_LITERAL_UNI_IGNORE
                | LITERAL_LOC_IGNORE
                | NOT_LITERAL_LOC_IGNORE => {
                    self.word(i, end)?;
                    i += 1;
                }
                SUCCESS | FAILURE | ANY | ANY_ALL => {}
                AT => {
                    ensure(self.word(i, end)? <= AT_UNI_NON_BOUNDARY)?;
                    i += 1;
                }
                CATEGORY => {
                    ensure(self.word(i, end)? <= CATEGORY_UNI_NOT_LINEBREAK)?;
                    i += 1;
                }
                IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => {
                    // <IN> <skip> set... <FAILURE>
                    let skip = self.skip(i, end, 2, 0)?;
                    self.charset(i + 1, i + skip - 1)?;
                    ensure(self.code[i + skip - 1] == FAILURE)?;
                    i += skip;
                }
                INFO => {
                    // <INFO> <skip> <flags> <min> <max> [prefix | charset]
                    let skip = self.skip(i, end, 4, 0)?;
                    let stop = i + skip;
                    let flags = self.word(i + 1, stop)?;
                    self.word(i + 3, stop)?;
                    let mut j = i + 4;
                    ensure(flags & !(INFO_PREFIX | INFO_LITERAL | INFO_CHARSET) == 0)?;
                    ensure(!(flags & INFO_PREFIX != 0 && flags & INFO_CHARSET != 0))?;
                    ensure(flags & INFO_LITERAL == 0 || flags & INFO_PREFIX != 0)?;
                    if flags & INFO_PREFIX != 0 {
                        let len = self.word(j, stop)? as usize;
                        let pskip = self.word(j + 1, stop)? as usize;
                        ensure(pskip <= len)?;
                        j += 2;
                        ensure(len <= stop - j)?;
                        j += len;
                        ensure(len <= stop - j)?;
                        for k in 0..len {
                            ensure((self.code[j + k] as usize) < len)?;
                        }
                        j += len;
                    }
                    if flags & INFO_CHARSET != 0 {
                        ensure(j < stop)?;
                        self.charset(j, stop - 1)?;
                        ensure(self.code[stop - 1] == FAILURE)?;
                    } else {
                        ensure(j == stop)?;
                    }
                    i = stop;
                }
                BRANCH => {
                    // <BRANCH> (<skip> arm... <JUMP> <jskip>)* <0>
                    let mut target: Option<usize> = None;
                    loop {
                        let s = self.word(i, end)?;
                        if s == 0 {
                            i += 1;
                            break;
                        }
                        let skip = self.skip(i, end, 3, 0)?;
                        ensure(self.inner(i + 1, i + skip - 2)? == Tail::Plain)?;
                        ensure(self.code[i + skip - 2] == JUMP)?;
                        let j = i + skip - 1;
                        let jskip = self.skip(j, end, 1, 0)?;
                        match target {
                            None => target = Some(j + jskip),
                            Some(t) => ensure(t == j + jskip)?,
                        }
                        i += skip;
                    }
                    ensure(target == Some(i))?;
                }
                REPEAT_ONE | MIN_REPEAT_ONE | POSSESSIVE_REPEAT_ONE => {
                    // <op> <skip> <min> <max> item <SUCCESS> tail
                    let skip = self.skip(i, end, 5, 0)?;
                    let min = self.word(i + 1, end)?;
                    let max = self.word(i + 2, end)?;
                    ensure(min <= max)?;
                    let (a, b) = (i + 3, i + skip - 1);
                    ensure(self.inner(a, b)? == Tail::Plain)?;
                    ensure(is_single_char(self.code[a]))?;
                    let width = match self.code[a] {
                        ANY | ANY_ALL => 1,
                        IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => {
                            1 + self.code.get(a + 1).copied().unwrap_or(0) as usize
                        }
                        _ => 2,
                    };
                    ensure(a + width == b)?;
                    ensure(self.code[b] == SUCCESS)?;
                    i += skip;
                }
                REPEAT | POSSESSIVE_REPEAT => {
                    // <op> <skip> <min> <max> item <UNTIL or SUCCESS> tail
                    let skip = self.skip(i, end, 3, 0)?;
                    let min = self.word(i + 1, end)?;
                    let max = self.word(i + 2, end)?;
                    ensure(min <= max)?;
                    ensure(self.inner(i + 3, i + skip)? == Tail::Plain)?;
                    let close = self.word(i + skip, end)?;
                    if op == POSSESSIVE_REPEAT {
                        ensure(close == SUCCESS)?;
                    } else {
                        ensure(close == MAX_UNTIL || close == MIN_UNTIL)?;
                    }
                    i += skip + 1;
                }
                ATOMIC_GROUP => {
                    // <ATOMIC_GROUP> <skip> body <SUCCESS> tail
                    let skip = self.skip(i, end, 2, 0)?;
                    ensure(self.inner(i + 1, i + skip - 1)? == Tail::Plain)?;
                    ensure(self.code[i + skip - 1] == SUCCESS)?;
                    i += skip;
                }
                GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE => {
                    ensure((self.word(i, end)? as u64) < self.groups)?;
                    i += 1;
                }
                GROUPREF_EXISTS => {
                    // <GROUPREF_EXISTS> <group> <skip> then [<JUMP> <jskip> else]
                    // (the skip counts from <group>)
                    ensure((self.word(i, end)? as u64) < self.groups)?;
                    let s = i + 1;
                    let skip = self.skip(s, end, 2, 1)?;
                    let then_end = s + skip - 1;
                    match self.inner(s + 1, then_end)? {
                        Tail::Plain => i = then_end,
                        Tail::Jump => {
                            let j = then_end - 1;
                            let jskip = self.skip(j, end, 1, 0)?;
                            ensure(self.inner(j + 1, j + jskip)? == Tail::Plain)?;
                            i = j + jskip;
                        }
                    }
                }
                ASSERT | ASSERT_NOT => {
                    // <op> <skip> <back> body <SUCCESS> tail
                    let skip = self.skip(i, end, 3, 0)?;
                    self.word(i + 1, end)?;
                    ensure(self.inner(i + 2, i + skip - 1)? == Tail::Plain)?;
                    ensure(self.code[i + skip - 1] == SUCCESS)?;
                    i += skip;
                }
                JUMP => {
                    // Only as the last instruction of a range.
                    ensure(i + 1 == end)?;
                    return Ok(Tail::Jump);
                }
                _ => return Err(Invalid::Code),
            }
        }
        Ok(Tail::Plain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_rejects() {
        // INFO 4 0 1 1, LITERAL 'a', SUCCESS
        assert_eq!(
            validate(&[INFO, 4, 0, 1, 1, LITERAL, 97, SUCCESS], 0),
            Ok(())
        );
        assert_eq!(validate(&[], 0), Err(Invalid::Code));
        assert_eq!(validate(&[LITERAL, 97], 0), Err(Invalid::Code));
        assert_eq!(validate(&[JUMP, 0, SUCCESS], 0), Err(Invalid::Code));
        assert_eq!(validate(&[MARK, 2, SUCCESS], 0), Err(Invalid::Code));
        assert_eq!(validate(&[MARK, 1, SUCCESS], 0), Ok(()));
        // REPEAT_ONE with a zero-width body is refused.
        assert_eq!(
            validate(
                &[
                    REPEAT_ONE,
                    6,
                    0,
                    MAXREPEAT,
                    AT,
                    AT_BEGINNING,
                    SUCCESS,
                    SUCCESS
                ],
                0
            ),
            Err(Invalid::Code)
        );
        assert_eq!(
            validate(
                &[REPEAT_ONE, 6, 0, MAXREPEAT, LITERAL, 97, SUCCESS, SUCCESS],
                0
            ),
            Ok(())
        );
    }
}
