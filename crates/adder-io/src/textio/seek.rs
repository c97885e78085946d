//! `TextIOWrapper.tell()` and `seek()`: the opaque cookie that packs a
//! safe byte position, the decoder flags there, and how many bytes and
//! characters to replay from it (CPython 3.11's 21-byte layout:
//! start_pos:8, dec_flags:4, bytes_to_feed:4, chars_to_skip:4, need_eof:1).
//!
//! Invariant: `tell()` leaves the decoder exactly as it found it (it works
//! on a copy and restores a Python decoder's state), and `seek(tell())`
//! reproduces the same logical position.

use adder_object::Value;
use adder_vm::{Args, PyResult, Vm};
use num_bigint::{BigInt, Sign};
use num_traits::{ToPrimitive, Zero};

use super::codec::Decoder;
use super::{check_attached, check_closed, me, writeflush, TextIo};
use crate::args;
use crate::state::unsupported;

#[derive(Default, Debug, Clone, PartialEq, Eq)]
struct Cookie {
    start_pos: i64,
    dec_flags: i32,
    bytes_to_feed: i32,
    chars_to_skip: i32,
    need_eof: bool,
}

fn build_cookie(c: &Cookie) -> BigInt {
    let mut buf = Vec::with_capacity(21);
    buf.extend_from_slice(&c.start_pos.to_le_bytes());
    buf.extend_from_slice(&c.dec_flags.to_le_bytes());
    buf.extend_from_slice(&c.bytes_to_feed.to_le_bytes());
    buf.extend_from_slice(&c.chars_to_skip.to_le_bytes());
    buf.push(c.need_eof as u8);
    BigInt::from_bytes_le(Sign::Plus, &buf)
}

fn parse_cookie(vm: &Vm, v: &BigInt) -> PyResult<Cookie> {
    if v.sign() == Sign::Minus {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let (_, mut b) = v.to_bytes_le();
    if b.len() > 21 {
        return Err(vm.overflow_error("int too big to convert"));
    }
    b.resize(21, 0);
    let i32_at = |k: usize| i32::from_le_bytes([b[k], b[k + 1], b[k + 2], b[k + 3]]);
    Ok(Cookie {
        start_pos: i64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
        dec_flags: i32_at(8),
        bytes_to_feed: i32_at(12),
        chars_to_skip: i32_at(16),
        need_eof: b[20] != 0,
    })
}

fn flags_i32(vm: &Vm, f: &BigInt) -> PyResult<i32> {
    f.to_i32()
        .ok_or_else(|| vm.overflow_error("signed integer is greater than maximum"))
}

/// `_textiowrapper_decoder_setstate`.
fn decoder_setstate(vm: &mut Vm, d: &mut Decoder, c: &Cookie) -> PyResult<()> {
    if c.start_pos == 0 && c.dec_flags == 0 {
        d.reset(vm)
    } else {
        d.setstate(vm, &[], &BigInt::from(c.dec_flags))
    }
}

fn buffer_tell(vm: &mut Vm, t: &TextIo) -> PyResult<Value> {
    let b = t.buffer();
    vm.call_method(&b, "tell", vec![])
}

pub fn tell(vm: &mut Vm, args: Args) -> PyResult {
    args::noargs(vm, &args, "TextIOWrapper.tell")?;
    let t = me(vm, &args, "tell")?;
    let s = args.pos[0].clone();
    check_closed(vm, &s, t)?;
    if !t.seekable.get() {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    if !t.telling.get() {
        return Err(
            vm.new_exception_msg(&vm.t.os_error, "telling position disabled by next() call")
        );
    }
    writeflush(vm, t)?;
    vm.call_method(&s, "flush", vec![])?;
    let posobj = buffer_tell(vm, t)?;
    let dec = t.decoder.borrow().clone();
    let snap = t.snapshot.borrow().clone();
    let (Some(mut d), Some((flags, next_input))) = (dec, snap) else {
        return Ok(posobj);
    };
    let pos = args::index_i64(vm, &posobj)?;
    let mut cookie = Cookie {
        start_pos: pos - next_input.len() as i64,
        dec_flags: flags_i32(vm, &flags)?,
        ..Cookie::default()
    };
    let used = t.used_chars.get();
    if used == 0 {
        return Ok(vm.new_bigint(build_cookie(&cookie)));
    }
    let mut chars_to_skip = used as i64;
    let saved = d.getstate(vm)?;
    let r = (|| -> PyResult<Cookie> {
        let mut skip_bytes = (t.b2cratio.get() * chars_to_skip as f64) as i64;
        let mut skip_back: i64 = 1;
        skip_bytes = skip_bytes.min(next_input.len() as i64);
        while skip_bytes > 0 {
            decoder_setstate(vm, &mut d, &cookie)?;
            let n = d
                .decode(vm, &next_input[..skip_bytes as usize], false)?
                .chars()
                .count() as i64;
            if n <= chars_to_skip {
                let (buf, fl) = d.getstate(vm)?;
                if buf.is_empty() {
                    cookie.dec_flags = flags_i32(vm, &fl)?;
                    chars_to_skip -= n;
                    break;
                }
                skip_bytes -= buf.len() as i64;
                skip_back = 1;
            } else {
                skip_bytes -= skip_back;
                skip_back *= 2;
            }
        }
        if skip_bytes <= 0 {
            skip_bytes = 0;
            decoder_setstate(vm, &mut d, &cookie)?;
        }
        cookie.start_pos += skip_bytes;
        cookie.chars_to_skip = chars_to_skip as i32;
        if chars_to_skip == 0 {
            return Ok(cookie.clone());
        }
        let mut chars_decoded: i64 = 0;
        let mut i = skip_bytes as usize;
        let end = next_input.len();
        while i < end {
            let n = d.decode(vm, &next_input[i..i + 1], false)?.chars().count() as i64;
            chars_decoded += n;
            cookie.bytes_to_feed += 1;
            let (buf, fl) = d.getstate(vm)?;
            if buf.is_empty() && chars_decoded <= chars_to_skip {
                cookie.start_pos += cookie.bytes_to_feed as i64;
                chars_to_skip -= chars_decoded;
                cookie.dec_flags = flags_i32(vm, &fl)?;
                cookie.bytes_to_feed = 0;
                chars_decoded = 0;
            }
            if chars_decoded >= chars_to_skip {
                break;
            }
            i += 1;
        }
        if i == end {
            let n = d.decode(vm, &[], true)?.chars().count() as i64;
            chars_decoded += n;
            cookie.need_eof = true;
            if chars_decoded < chars_to_skip {
                return Err(
                    vm.new_exception_msg(&vm.t.os_error, "can't reconstruct logical file position")
                );
            }
        }
        cookie.chars_to_skip = chars_to_skip as i32;
        Ok(cookie.clone())
    })();
    // Restore the decoder state (a Python decoder's own, too). As in
    // CPython, the replay's effect on the newlines seen is kept.
    let (sb, sf) = saved;
    d.setstate(vm, &sb, &sf)?;
    if let (Some(replayed), Some(real)) = (d.nl, t.decoder.borrow_mut().as_mut()) {
        if let Some(nl) = real.nl.as_mut() {
            nl.seennl = replayed.seennl;
        }
    }
    let c = r?;
    Ok(vm.new_bigint(build_cookie(&c)))
}

pub fn seek(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "seek", "TextIOWrapper.seek", 1, 2)?;
    let t = me(vm, &args, "seek")?;
    let s = args.pos[0].clone();
    let mut cookie_obj = a[0].clone().unwrap_or(Value::NONE);
    let whence = match &a[1] {
        None => 0,
        Some(w) => args::index_i64(vm, w)?,
    };
    check_attached(vm, t)?;
    check_closed(vm, &s, t)?;
    if !t.seekable.get() {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    let zero = vm.new_int(0);
    match whence {
        1 => {
            if !vm.eq(&cookie_obj, &zero)? {
                return Err(unsupported(vm, "can't do nonzero cur-relative seeks"));
            }
            cookie_obj = vm.call_method(&s, "tell", vec![])?;
        }
        2 => {
            if !vm.eq(&cookie_obj, &zero)? {
                return Err(unsupported(vm, "can't do nonzero end-relative seeks"));
            }
            vm.call_method(&s, "flush", vec![])?;
            t.set_decoded(None);
            *t.snapshot.borrow_mut() = None;
            let dec = t.decoder.borrow().clone();
            if let Some(mut d) = dec {
                d.reset(vm)?;
                *t.decoder.borrow_mut() = Some(d);
            }
            let b = t.buffer();
            let two = vm.new_int(2);
            let res = vm.call_method(&b, "seek", vec![zero.clone(), two])?;
            let enc = t.encoder.borrow().clone();
            if let Some(enc) = enc {
                if vm.eq(&res, &zero)? {
                    enc.reset(vm)?;
                    t.encoding_start_of_stream.set(true);
                } else {
                    enc.setstate_zero(vm)?;
                    t.encoding_start_of_stream.set(false);
                }
            }
            return Ok(res);
        }
        0 => {}
        _ => return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    }
    let lt = vm.richcmp(&cookie_obj, &zero, adder_bytecode::CmpOp::Lt)?;
    if vm.truthy(&lt)? {
        let r = vm.repr_string(&cookie_obj)?;
        return Err(vm.value_error(format!("negative seek position {r}")));
    }
    vm.call_method(&s, "flush", vec![])?;
    let int_t = vm.t.int.clone();
    let as_int = vm.call(&int_t, vec![cookie_obj.clone()])?;
    let big = adder_vm::num::as_bigint(&as_int).unwrap_or_else(BigInt::zero);
    let cookie = parse_cookie(vm, &big)?;
    let b = t.buffer();
    let posobj = vm.new_int(cookie.start_pos);
    vm.call_method(&b, "seek", vec![posobj])?;
    t.set_decoded(None);
    *t.snapshot.borrow_mut() = None;
    let dec = t.decoder.borrow().clone();
    if let Some(mut d) = dec {
        decoder_setstate(vm, &mut d, &cookie)?;
        *t.decoder.borrow_mut() = Some(d);
    }
    if cookie.chars_to_skip != 0 {
        let n = vm.new_int(cookie.bytes_to_feed as i64);
        let chunk = vm.call_method(&b, "read", vec![n])?;
        let Some(input) = args::bytes_like(&chunk) else {
            return Err(vm.type_error(format!(
                "underlying read() should have returned a bytes object, not '{}'",
                vm.type_name(&chunk)
            )));
        };
        *t.snapshot.borrow_mut() = Some((BigInt::from(cookie.dec_flags), input.clone()));
        let dec = t.decoder.borrow().clone();
        let Some(mut d) = dec else {
            return Err(unsupported(vm, "not readable"));
        };
        let text = d.decode(vm, &input, cookie.need_eof)?;
        *t.decoder.borrow_mut() = Some(d);
        let nchars = text.chars().count();
        t.set_decoded(Some(text));
        if nchars < cookie.chars_to_skip as usize {
            return Err(vm.new_exception_msg(&vm.t.os_error, "can't restore logical file position"));
        }
        t.take_decoded(cookie.chars_to_skip as i64);
    } else {
        *t.snapshot.borrow_mut() = Some((BigInt::from(cookie.dec_flags), Vec::new()));
    }
    let enc = t.encoder.borrow().clone();
    if let Some(enc) = enc {
        if cookie.start_pos == 0 && cookie.dec_flags == 0 {
            enc.reset(vm)?;
            t.encoding_start_of_stream.set(true);
        } else {
            enc.setstate_zero(vm)?;
            t.encoding_start_of_stream.set(false);
        }
    }
    Ok(cookie_obj)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_layout() {
        let c = Cookie {
            start_pos: 3,
            dec_flags: 1,
            bytes_to_feed: 2,
            chars_to_skip: 1,
            need_eof: true,
        };
        let v = build_cookie(&c);
        let expect = BigInt::from(3)
            + (BigInt::from(1) << 64)
            + (BigInt::from(2) << 96)
            + (BigInt::from(1) << 128)
            + (BigInt::from(1) << 160);
        assert_eq!(v, expect);
    }
}
