//! Reading from a `TextIOWrapper`: chunked decoding with snapshots for
//! `tell()`, `read(n)`, `readline(limit)` and iteration.
//!
//! Invariant: every chunk read from the buffer goes through `read_chunk`,
//! which (while telling is enabled) records the decoder state from before
//! the chunk together with the chunk, so the logical position can always be
//! reconstructed.

use adder_object::Value;
use adder_vm::objects::string::Str;
use adder_vm::{Args, PyResult, Vm};

use super::{check_attached, check_closed, me, writeflush, TextIo};
use crate::args;
use crate::buffered::{self, Buffered};
use crate::state::unsupported;

/// Reads up to `n` bytes from the buffer with read1 (or read).
fn buffer_read(vm: &mut Vm, t: &TextIo, n: i64) -> PyResult<Vec<u8>> {
    let use_read1 = t.has_read1.get();
    if let Some(b) = t.fast_buffer() {
        if let Some(bb) = b.downcast::<Buffered>() {
            if bb.readable.get() {
                if buffered::is_closed(vm, bb)? && n != 0 {
                    return Err(vm.value_error("read of closed file"));
                }
                return if use_read1 {
                    buffered::read1_n(vm, bb, n)
                } else {
                    Ok(buffered::read_n(vm, bb, n)?.unwrap_or_default())
                };
            }
        }
    }
    let buffer = t.buffer();
    let nv = vm.new_int(n);
    let meth = if use_read1 { "read1" } else { "read" };
    let r = vm.call_method(&buffer, meth, vec![nv])?;
    match args::bytes_like(&r) {
        Some(b) => Ok(b),
        None => Err(vm.type_error(format!(
            "underlying {meth}() should have returned a bytes-like object, not '{}'",
            vm.type_name(&r)
        ))),
    }
}

/// Decodes the next chunk into `decoded`; false at end of file.
pub fn read_chunk(vm: &mut Vm, t: &TextIo, size_hint: usize) -> PyResult<bool> {
    let dec = t.decoder.borrow().clone();
    let Some(mut dec) = dec else {
        return Err(unsupported(vm, "not readable"));
    };
    let before = if t.telling.get() {
        Some(dec.getstate(vm)?)
    } else {
        None
    };
    let mut hint = size_hint;
    if hint > 0 {
        hint = (t.b2cratio.get().max(1.0) * hint as f64) as usize;
    }
    let size = t.chunk_size.get().max(hint);
    let input = buffer_read(vm, t, size as i64)?;
    let mut eof = input.is_empty();
    let text = dec.decode(vm, &input, eof)?;
    *t.decoder.borrow_mut() = Some(dec);
    let nchars = text.chars().count();
    if nchars > 0 {
        t.b2cratio.set(input.len() as f64 / nchars as f64);
        eof = false;
    } else {
        t.b2cratio.set(0.0);
    }
    t.set_decoded(Some(text));
    if let Some((mut buf, flags)) = before {
        buf.extend_from_slice(&input);
        *t.snapshot.borrow_mut() = Some((flags, buf));
    }
    Ok(!eof)
}

fn check_readable(vm: &mut Vm, t: &TextIo) -> PyResult<()> {
    if t.decoder.borrow().is_none() {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(())
}

pub fn read(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "read", "TextIOWrapper.read", 0, 1)?;
    let t = me(vm, &args, "read")?;
    let n = args::size_arg(vm, &a[0])?;
    let s = args.pos[0].clone();
    check_closed(vm, &s, t)?;
    check_readable(vm, t)?;
    writeflush(vm, t)?;
    if n < 0 {
        // Everything: buffer.read() decoded as final.
        let buffer = t.buffer();
        let data = if let Some(b) = t.fast_buffer() {
            match b.downcast::<Buffered>() {
                Some(bb) if bb.readable.get() => buffered::read_n(vm, bb, -1)?.unwrap_or_default(),
                _ => {
                    let r = vm.call_method(&buffer, "read", vec![])?;
                    args::bytes_like(&r).unwrap_or_default()
                }
            }
        } else {
            let r = vm.call_method(&buffer, "read", vec![])?;
            match args::bytes_like(&r) {
                Some(b) => b,
                None => {
                    return Err(vm.type_error(format!(
                        "underlying read() should have returned a bytes object, not '{}'",
                        vm.type_name(&r)
                    )))
                }
            }
        };
        let mut dec = t
            .decoder
            .borrow()
            .clone()
            .ok_or_else(|| unsupported(vm, "not readable"))?;
        let decoded = dec.decode(vm, &data, true)?;
        *t.decoder.borrow_mut() = Some(dec);
        let mut result = t.take_decoded(-1);
        result.push_str(&decoded);
        t.set_decoded(None);
        *t.snapshot.borrow_mut() = None;
        return Ok(vm.new_string(result));
    }
    let mut result = t.take_decoded(n);
    let mut remaining = n as usize - result.chars().count();
    while remaining > 0 {
        let more = match read_chunk(vm, t, remaining) {
            Ok(m) => m,
            Err(e) if crate::state::is_eintr(vm, &e) => continue,
            Err(e) => return Err(e),
        };
        if !more {
            break;
        }
        let got = t.take_decoded(remaining as i64);
        remaining -= got.chars().count();
        result.push_str(&got);
    }
    Ok(vm.new_string(result))
}

/// The line ending search of `_PyIO_find_line_ending` on `text`:
/// `Ok(end)` when a line ends at byte `end`; `Err(consumed)` otherwise
/// (bytes that can be set aside).
fn find_line_ending(t: &TextIo, text: &str) -> Result<usize, usize> {
    if t.readtranslate.get() {
        return text.find('\n').map(|i| i + 1).ok_or(text.len());
    }
    if t.readuniversal.get() {
        let b = text.as_bytes();
        return match b.iter().position(|&c| c == b'\n' || c == b'\r') {
            None => Err(text.len()),
            Some(i) if b[i] == b'\n' => Ok(i + 1),
            Some(i) if b.get(i + 1) == Some(&b'\n') => Ok(i + 2),
            Some(i) => Ok(i + 1),
        };
    }
    let nl = t
        .readnl
        .borrow()
        .clone()
        .unwrap_or_else(|| "\n".to_string());
    match text.find(nl.as_str()) {
        Some(i) => Ok(i + nl.len()),
        None => {
            // Keep a possible partial terminator for the next chunk.
            let mut keep = text.len().saturating_sub(nl.len() - 1);
            while !text.is_char_boundary(keep) {
                keep -= 1;
            }
            Err(keep)
        }
    }
}

fn char_prefix_bytes(s: &str, nchars: usize) -> usize {
    s.char_indices().nth(nchars).map_or(s.len(), |(i, _)| i)
}

/// Where the line that starts at byte `start` of `line` ends, honouring
/// `limit` (characters, counting `chunked` already set aside): `Ok(end)`
/// when the line is complete, `Err(end)` when `line[start..end]` can be set
/// aside and more input is needed.
fn scan_line(
    t: &TextIo,
    line: &str,
    start: usize,
    limit: i64,
    chunked: usize,
) -> Result<usize, usize> {
    let cap = |end: usize| -> Option<usize> {
        if limit < 0 {
            return None;
        }
        let want = (limit as usize).saturating_sub(chunked);
        let piece = &line[start..end];
        if piece.len() >= want && piece.chars().count() >= want {
            Some(start + char_prefix_bytes(piece, want))
        } else {
            None
        }
    };
    match find_line_ending(t, &line[start..]) {
        Ok(e) => Ok(cap(start + e).unwrap_or(start + e)),
        Err(consumed) => match cap(start + consumed) {
            Some(end) => Ok(end),
            None => Err(start + consumed),
        },
    }
}

/// `_textiowrapper_readline`.
pub fn readline_impl(vm: &mut Vm, selfv: &Value, t: &TextIo, limit: i64) -> PyResult<String> {
    check_closed(vm, selfv, t)?;
    writeflush(vm, t)?;
    let mut chunks = String::new();
    let mut chunked: usize = 0; // characters set aside
    let mut remaining: Option<String> = None;
    loop {
        let mut more = true;
        // Like CPython: a chunk is read only when there is no decoded text
        // at all (fully consumed text is scanned, then dropped).
        while t.decoded.borrow().as_ref().is_none_or(|d| d.is_empty()) {
            more = match read_chunk(vm, t, 0) {
                Ok(m) => m,
                Err(e) if crate::state::is_eintr(vm, &e) => continue,
                Err(e) => return Err(e),
            };
            if !more {
                break;
            }
        }
        if !more {
            t.set_decoded(None);
            *t.snapshot.borrow_mut() = None;
            break;
        }
        match remaining.take() {
            None => {
                // Common case: search the decoded text in place.
                let found = {
                    let d = t.decoded.borrow();
                    let d = d.as_deref().unwrap_or("");
                    let start = t.used_bytes.get().min(d.len());
                    match scan_line(t, d, start, limit, chunked) {
                        Ok(end) => Ok((d[start..end].to_string(), end)),
                        Err(end) => Err((d[start..end].to_string(), d[end..].to_string())),
                    }
                };
                match found {
                    Ok((piece, end)) => {
                        t.used_bytes.set(end);
                        t.used_chars.set(t.used_chars.get() + piece.chars().count());
                        chunks.push_str(&piece);
                        return Ok(chunks);
                    }
                    Err((aside, rest)) => {
                        chunked += aside.chars().count();
                        chunks.push_str(&aside);
                        if !rest.is_empty() {
                            remaining = Some(rest);
                        }
                        t.set_decoded(None);
                    }
                }
            }
            Some(r) => {
                // A partial terminator carried over: search it joined with
                // the new text (CPython's `remaining`).
                let d = t.decoded.borrow().clone().unwrap_or_default();
                let off = r.len();
                let line = r + &d;
                match scan_line(t, &line, 0, limit, chunked) {
                    Ok(end) => {
                        let used = end.saturating_sub(off).min(d.len());
                        t.used_bytes.set(used);
                        t.used_chars.set(d[..used].chars().count());
                        chunks.push_str(&line[..end]);
                        return Ok(chunks);
                    }
                    Err(end) => {
                        chunked += line[..end].chars().count();
                        chunks.push_str(&line[..end]);
                        if end < line.len() {
                            remaining = Some(line[end..].to_string());
                        }
                        t.set_decoded(None);
                    }
                }
            }
        }
    }
    if let Some(r) = remaining {
        chunks.push_str(&r);
    }
    Ok(chunks)
}

pub fn readline(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "readline", "TextIOWrapper.readline", 0, 1)?;
    let t = me(vm, &args, "readline")?;
    let limit = args::size_arg(vm, &a[0])?;
    let s = args.pos[0].clone();
    let line = readline_impl(vm, &s, t, limit)?;
    Ok(vm.new_string(line))
}

pub fn next(vm: &mut Vm, args: Args) -> PyResult {
    let t = me(vm, &args, "__next__")?;
    check_attached(vm, t)?;
    let s = args.pos[0].clone();
    t.telling.set(false);
    let exact = args::is_exact_native(vm, &s);
    let line = if exact {
        match readline_impl(vm, &s, t, -1) {
            Ok(l) => vm.new_string(l),
            Err(e) => {
                *t.snapshot.borrow_mut() = None;
                t.telling.set(t.seekable.get());
                return Err(e);
            }
        }
    } else {
        let l = vm.call_method(&s, "readline", vec![])?;
        if l.downcast::<Str>().is_none() {
            return Err(vm.new_exception_msg(
                &vm.t.os_error,
                format!(
                    "readline() should have returned a str object, not '{}'",
                    vm.type_name(&l)
                ),
            ));
        }
        l
    };
    if line.downcast::<Str>().is_some_and(|x| x.char_len() == 0) {
        *t.snapshot.borrow_mut() = None;
        t.telling.set(t.seekable.get());
        return Err(vm.stop_iteration(Value::NONE));
    }
    Ok(line)
}
