//! The buffered layer's algorithms, ported from CPython 3.11's
//! Modules/_io/bufferedio.c so that every interleaving of reads, writes
//! and seeks produces the same results, the same raw calls, and the same
//! file contents.
//!
//! Invariant (CPython's): one buffer of `buffer_size` bytes serves both
//! directions. `pos` is the logical position in it, `raw_pos` where the raw
//! stream is relative to it (-1 unknown), `read_end` the end of valid
//! read-ahead (-1 none), `write_pos..write_end` the bytes still to be
//! written (`write_end` -1 none), and `abs_pos` the raw stream's absolute
//! position when known (-1 otherwise).

use adder_object::Value;
use adder_vm::{PyResult, Vm};

use super::Buffered;
use crate::args;
use crate::fileio::{self, FileIo};
use crate::state::is_eintr;

impl Buffered {
    pub(crate) fn valid_read(&self) -> bool {
        self.readable.get() && self.read_end.get() != -1
    }
    pub(crate) fn valid_write(&self) -> bool {
        self.writable.get() && self.write_end.get() != -1
    }
    pub(crate) fn readahead(&self) -> i64 {
        if self.valid_read() {
            self.read_end.get() - self.pos.get()
        } else {
            0
        }
    }
    pub(crate) fn raw_offset(&self) -> i64 {
        if (self.valid_read() || self.valid_write()) && self.raw_pos.get() >= 0 {
            self.raw_pos.get() - self.pos.get()
        } else {
            0
        }
    }
    fn adjust_position(&self, new_pos: i64) {
        self.pos.set(new_pos);
        if self.valid_read() && self.read_end.get() < new_pos {
            self.read_end.set(new_pos);
        }
    }
    pub(crate) fn reset_read(&self) {
        self.read_end.set(-1);
    }
    pub(crate) fn reset_write(&self) {
        self.write_pos.set(0);
        self.write_end.set(-1);
    }
    fn minus_last_block(&self, size: usize) -> usize {
        let bs = self.buffer_size.get();
        let mask = self.buffer_mask.get();
        if mask != 0 {
            size & !mask
        } else {
            bs * (size / bs)
        }
    }
    /// The buffer's bytes `[a, a + n)`.
    fn slice(&self, a: i64, n: i64) -> Vec<u8> {
        let b = self.buf.borrow();
        let a = a.clamp(0, b.len() as i64) as usize;
        let e = (a + n.max(0) as usize).min(b.len());
        b[a..e].to_vec()
    }
    fn store(&self, at: usize, data: &[u8]) {
        let mut b = self.buf.borrow_mut();
        let end = (at + data.len()).min(b.len());
        if at < end {
            b[at..end].copy_from_slice(&data[..end - at]);
        }
    }
}

fn native_raw(b: &Buffered) -> Option<Value> {
    if !b.fast.get() {
        return None;
    }
    let raw = b.raw();
    raw.downcast::<FileIo>().is_some().then_some(raw)
}

/// One raw read of at most `n` bytes: `Ok(None)` when a non-blocking raw
/// stream has nothing (CPython's -2).
pub fn raw_read(vm: &mut Vm, b: &Buffered, n: usize) -> PyResult<Option<Vec<u8>>> {
    let data = if let Some(raw) = native_raw(b) {
        match raw.downcast::<FileIo>() {
            Some(f) => fileio::read_some(vm, f, n)?,
            None => None,
        }
    } else {
        let raw = b.raw();
        vm.check_alloc(n)?;
        let ba = vm.new_bytearray(vec![0; n]);
        let r = loop {
            match vm.call_method(&raw, "readinto", vec![ba.clone()]) {
                Ok(r) => break r,
                Err(e) if is_eintr(vm, &e) => continue,
                Err(e) => return Err(e),
            }
        };
        if r.is_none() {
            return Ok(None);
        }
        let k = args::index_i64(vm, &r)?;
        if k < 0 || k as usize > n {
            return Err(vm.new_exception_msg(
                &vm.t.os_error,
                format!(
                    "raw readinto() returned invalid length {k} (should have been between 0 and {n})"
                ),
            ));
        }
        let mut d = args::bytes_like(&ba).unwrap_or_default();
        d.truncate(k as usize);
        Some(d)
    };
    if let Some(d) = &data {
        if !d.is_empty() && b.abs_pos.get() != -1 {
            b.abs_pos.set(b.abs_pos.get() + d.len() as i64);
        }
    }
    Ok(data)
}

/// One raw write: `Ok(None)` when a non-blocking raw stream would block.
pub fn raw_write(vm: &mut Vm, b: &Buffered, data: &[u8]) -> PyResult<Option<usize>> {
    let n = if let Some(raw) = native_raw(b) {
        match raw.downcast::<FileIo>() {
            Some(f) => fileio::write_some(vm, f, data)?,
            None => None,
        }
    } else {
        let raw = b.raw();
        let bytes = vm.new_bytes(data.to_vec());
        let r = loop {
            match vm.call_method(&raw, "write", vec![bytes.clone()]) {
                Ok(r) => break r,
                Err(e) if is_eintr(vm, &e) => continue,
                Err(e) => return Err(e),
            }
        };
        if r.is_none() {
            return Ok(None);
        }
        let k = args::index_i64(vm, &r)?;
        if k < 0 || k as usize > data.len() {
            return Err(vm.new_exception_msg(
                &vm.t.os_error,
                format!(
                    "raw write() returned invalid length {k} (should have been between 0 and {})",
                    data.len()
                ),
            ));
        }
        Some(k as usize)
    };
    if let Some(k) = n {
        if k > 0 && b.abs_pos.get() != -1 {
            b.abs_pos.set(b.abs_pos.get() + k as i64);
        }
    }
    Ok(n)
}

fn invalid_position(vm: &Vm, n: i64) -> Value {
    vm.new_exception_msg(
        &vm.t.os_error,
        format!("Raw stream returned invalid position {n}"),
    )
}

pub fn raw_seek(vm: &mut Vm, b: &Buffered, target: i64, whence: i64) -> PyResult<i64> {
    let n = if let Some(raw) = native_raw(b) {
        match raw.downcast::<FileIo>() {
            Some(f) => fileio::seek_raw(vm, f, target, whence)?,
            None => 0,
        }
    } else {
        let raw = b.raw();
        let p = vm.new_int(target);
        let w = vm.new_int(whence);
        let r = vm.call_method(&raw, "seek", vec![p, w])?;
        args::index_i64(vm, &r)?
    };
    if n < 0 {
        return Err(invalid_position(vm, n));
    }
    b.abs_pos.set(n);
    Ok(n)
}

pub fn raw_tell(vm: &mut Vm, b: &Buffered) -> PyResult<i64> {
    let n = if let Some(raw) = native_raw(b) {
        match raw.downcast::<FileIo>() {
            Some(f) => fileio::seek_raw(vm, f, 0, 1)?,
            None => 0,
        }
    } else {
        let raw = b.raw();
        let r = vm.call_method(&raw, "tell", vec![])?;
        args::index_i64(vm, &r)?
    };
    if n < 0 {
        return Err(invalid_position(vm, n));
    }
    b.abs_pos.set(n);
    Ok(n)
}

fn raw_tell_cached(vm: &mut Vm, b: &Buffered) -> PyResult<i64> {
    if b.abs_pos.get() != -1 {
        return Ok(b.abs_pos.get());
    }
    raw_tell(vm, b)
}

pub fn blocking(vm: &mut Vm, written: usize) -> Value {
    let args = vec![
        vm.new_int(0),
        vm.new_str("write could not complete without blocking"),
    ];
    let t = vm.t.blocking_io_error.clone();
    let e = match vm.call(&t, args) {
        Ok(e) | Err(e) => e,
    };
    let n = vm.intern("characters_written");
    let w = vm.new_int(written as i64);
    let _ = vm.setattr(&e, &n, w);
    e
}

/// `_bufferedwriter_flush_unlocked`.
pub fn flush_unlocked(vm: &mut Vm, b: &Buffered) -> PyResult<()> {
    if !b.valid_write() || b.write_pos.get() == b.write_end.get() {
        b.reset_write();
        return Ok(());
    }
    let rewind = b.raw_offset() + (b.pos.get() - b.write_pos.get());
    if rewind != 0 {
        raw_seek(vm, b, -rewind, 1)?;
        b.raw_pos.set(b.raw_pos.get() - rewind);
    }
    while b.write_pos.get() < b.write_end.get() {
        let data = b.slice(b.write_pos.get(), b.write_end.get() - b.write_pos.get());
        match raw_write(vm, b, &data)? {
            Some(n) => {
                b.write_pos.set(b.write_pos.get() + n as i64);
                b.raw_pos.set(b.write_pos.get());
            }
            None => {
                let e = blocking(vm, 0);
                // The write buffer stays (CPython keeps it for a retry).
                return Err(e);
            }
        }
    }
    b.reset_write();
    Ok(())
}

/// `buffered_flush_and_rewind_unlocked`.
pub fn flush_and_rewind(vm: &mut Vm, b: &Buffered) -> PyResult<()> {
    flush_unlocked(vm, b)?;
    if b.readable.get() {
        let off = b.raw_offset();
        let r = raw_seek(vm, b, -off, 1);
        b.reset_read();
        r?;
    }
    Ok(())
}

/// `_bufferedreader_fill_buffer`: `Ok(None)` = would block.
fn fill_buffer(vm: &mut Vm, b: &Buffered) -> PyResult<Option<usize>> {
    let start = if b.valid_read() { b.read_end.get() } else { 0 };
    let len = b.buffer_size.get() as i64 - start;
    let Some(d) = raw_read(vm, b, len.max(0) as usize)? else {
        return Ok(None);
    };
    let n = d.len();
    if n == 0 {
        return Ok(Some(0));
    }
    b.store(start as usize, &d);
    b.read_end.set(start + n as i64);
    b.raw_pos.set(start + n as i64);
    Ok(Some(n))
}

/// `_bufferedreader_read_fast`.
fn read_fast(b: &Buffered, n: i64) -> Option<Vec<u8>> {
    let current = b.readahead();
    if n <= current {
        let d = b.slice(b.pos.get(), n);
        b.pos.set(b.pos.get() + n);
        Some(d)
    } else {
        None
    }
}

/// `_bufferedreader_read_all`.
fn read_all(vm: &mut Vm, b: &Buffered) -> PyResult<Option<Vec<u8>>> {
    let current = b.readahead();
    let mut data: Vec<u8> = Vec::new();
    if current > 0 {
        data = b.slice(b.pos.get(), current);
        b.pos.set(b.pos.get() + current);
    }
    if b.writable.get() {
        flush_and_rewind(vm, b)?;
    }
    b.reset_read();
    let raw = b.raw();
    if let Some(n) = native_raw(b) {
        let rest = match n.downcast::<FileIo>() {
            Some(f) => fileio::read_all(vm, f)?,
            None => None,
        };
        return Ok(match rest {
            None if current == 0 => None,
            None => Some(data),
            Some(r) => {
                data.extend_from_slice(&r);
                Some(data)
            }
        });
    }
    let name = vm.intern("readall");
    if let Some(readall) = vm.getattr_opt(&raw, &name)? {
        let r = vm.call(&readall, vec![])?;
        if !r.is_none() && r.kind() != Some(adder_vm::kinds::BYTES) {
            return Err(vm.type_error("readall() should return bytes"));
        }
        return Ok(if r.is_none() {
            if current == 0 {
                None
            } else {
                Some(data)
            }
        } else {
            data.extend_from_slice(&args::bytes_like(&r).unwrap_or_default());
            Some(data)
        });
    }
    let mut got = current;
    loop {
        let r = vm.call_method(&raw, "read", vec![])?;
        if !r.is_none() && r.kind() != Some(adder_vm::kinds::BYTES) {
            return Err(vm.type_error("read() should return bytes"));
        }
        let chunk = args::bytes_like(&r).unwrap_or_default();
        if r.is_none() || chunk.is_empty() {
            if got == 0 {
                return Ok(if r.is_none() { None } else { Some(Vec::new()) });
            }
            return Ok(Some(data));
        }
        got += chunk.len() as i64;
        if b.abs_pos.get() != -1 {
            b.abs_pos.set(b.abs_pos.get() + chunk.len() as i64);
        }
        data.extend_from_slice(&chunk);
    }
}

/// `_bufferedreader_read_generic`.
fn read_generic(vm: &mut Vm, b: &Buffered, n: usize) -> PyResult<Option<Vec<u8>>> {
    let current = b.readahead().max(0) as usize;
    if n <= current {
        return Ok(read_fast(b, n as i64));
    }
    let mut out: Vec<u8> = Vec::with_capacity(n.min(1 << 20));
    let mut remaining = n;
    if current > 0 {
        out.extend_from_slice(&b.slice(b.pos.get(), current as i64));
        remaining -= current;
        b.pos.set(b.pos.get() + current as i64);
    }
    if b.writable.get() {
        flush_and_rewind(vm, b)?;
    }
    b.reset_read();
    while remaining > 0 {
        let r = b.minus_last_block(remaining);
        if r == 0 {
            break;
        }
        match raw_read(vm, b, r)? {
            None => {
                return Ok(if out.is_empty() { None } else { Some(out) });
            }
            Some(d) if d.is_empty() => return Ok(Some(out)),
            Some(d) => {
                remaining -= d.len();
                out.extend_from_slice(&d);
            }
        }
    }
    b.pos.set(0);
    b.raw_pos.set(0);
    b.read_end.set(0);
    while remaining > 0 && (b.read_end.get() as usize) < b.buffer_size.get() {
        match fill_buffer(vm, b)? {
            None => return Ok(if out.is_empty() { None } else { Some(out) }),
            Some(0) => return Ok(Some(out)),
            Some(r) => {
                let take = r.min(remaining);
                out.extend_from_slice(&b.slice(b.pos.get(), take as i64));
                b.pos.set(b.pos.get() + take as i64);
                remaining -= take;
            }
        }
    }
    Ok(Some(out))
}

/// `read(n)` (n = -1 reads everything): `None` from a non-blocking raw.
pub fn read(vm: &mut Vm, b: &Buffered, n: i64) -> PyResult<Option<Vec<u8>>> {
    if n < 0 {
        return read_all(vm, b);
    }
    if let Some(d) = read_fast(b, n) {
        return Ok(Some(d));
    }
    read_generic(vm, b, n as usize)
}

/// `read1(n)` (no write flush, as in CPython 3.11).
pub fn read1(vm: &mut Vm, b: &Buffered, n: i64) -> PyResult<Vec<u8>> {
    let n = if n < 0 { b.buffer_size.get() as i64 } else { n };
    if n == 0 {
        return Ok(Vec::new());
    }
    let have = b.readahead();
    if have > 0 {
        return Ok(read_fast(b, n.min(have)).unwrap_or_default());
    }
    b.reset_read();
    Ok(raw_read(vm, b, n as usize)?.unwrap_or_default())
}

/// `peek()`.
pub fn peek(vm: &mut Vm, b: &Buffered) -> PyResult<Vec<u8>> {
    if b.writable.get() {
        flush_and_rewind(vm, b)?;
    }
    let have = b.readahead();
    if have > 0 {
        return Ok(b.slice(b.pos.get(), have));
    }
    b.reset_read();
    let r = fill_buffer(vm, b)?.unwrap_or(0);
    b.pos.set(0);
    Ok(b.slice(0, r as i64))
}

/// `_buffered_readinto_generic`: fills `len` bytes; `None` = would block.
pub fn readinto(vm: &mut Vm, b: &Buffered, len: usize, one: bool) -> PyResult<Option<Vec<u8>>> {
    let mut out: Vec<u8> = Vec::new();
    let n = b.readahead().max(0) as usize;
    if n > 0 {
        if n >= len {
            let d = b.slice(b.pos.get(), len as i64);
            b.pos.set(b.pos.get() + len as i64);
            return Ok(Some(d));
        }
        out.extend_from_slice(&b.slice(b.pos.get(), n as i64));
        b.pos.set(b.pos.get() + n as i64);
    }
    if b.writable.get() {
        flush_and_rewind(vm, b)?;
    }
    b.reset_read();
    b.pos.set(0);
    while out.len() < len {
        let remaining = len - out.len();
        let got = if remaining > b.buffer_size.get() {
            raw_read(vm, b, remaining)?
        } else if !one || out.is_empty() {
            match fill_buffer(vm, b)? {
                Some(r) if r > 0 => {
                    let take = r.min(remaining);
                    out.extend_from_slice(&b.slice(b.pos.get(), take as i64));
                    b.pos.set(b.pos.get() + take as i64);
                    continue;
                }
                Some(_) => Some(Vec::new()),
                None => None,
            }
        } else {
            Some(Vec::new())
        };
        match got {
            Some(d) if d.is_empty() => break,
            None if !out.is_empty() => break,
            None => return Ok(None),
            Some(d) => out.extend_from_slice(&d),
        }
        if one && !out.is_empty() {
            break;
        }
    }
    Ok(Some(out))
}

/// `_buffered_readline`.
pub fn readline(vm: &mut Vm, b: &Buffered, limit: i64) -> PyResult<Vec<u8>> {
    let mut limit = limit;
    let mut n = b.readahead();
    if limit >= 0 && n > limit {
        n = limit;
    }
    let start = b.pos.get();
    let ahead = b.slice(start, n);
    if let Some(i) = ahead.iter().position(|&c| c == b'\n') {
        b.pos.set(start + i as i64 + 1);
        return Ok(ahead[..=i].to_vec());
    }
    if n == limit {
        b.pos.set(start + n);
        return Ok(ahead);
    }
    let mut chunks: Vec<u8> = Vec::new();
    if n > 0 {
        chunks.extend_from_slice(&ahead);
        b.pos.set(b.pos.get() + n);
        if limit >= 0 {
            limit -= n;
        }
    }
    if b.writable.get() {
        flush_and_rewind(vm, b)?;
    }
    loop {
        b.reset_read();
        let got = match fill_buffer(vm, b)? {
            None | Some(0) => break,
            Some(k) => k as i64,
        };
        let m = if limit >= 0 && got > limit {
            limit
        } else {
            got
        };
        let data = b.slice(0, m);
        if let Some(i) = data.iter().position(|&c| c == b'\n') {
            chunks.extend_from_slice(&data[..=i]);
            b.pos.set(i as i64 + 1);
            return Ok(chunks);
        }
        chunks.extend_from_slice(&data);
        if m == limit {
            b.pos.set(m);
            break;
        }
        if limit >= 0 {
            limit -= m;
        }
    }
    Ok(chunks)
}

/// `write(data)`.
pub fn write(vm: &mut Vm, b: &Buffered, data: &[u8]) -> PyResult<usize> {
    if !b.valid_read() && !b.valid_write() {
        b.pos.set(0);
        b.raw_pos.set(0);
    }
    let bs = b.buffer_size.get() as i64;
    let avail = bs - b.pos.get();
    if data.len() as i64 <= avail {
        b.store(b.pos.get() as usize, data);
        if !b.valid_write() || b.write_pos.get() > b.pos.get() {
            b.write_pos.set(b.pos.get());
        }
        b.adjust_position(b.pos.get() + data.len() as i64);
        if b.pos.get() > b.write_end.get() {
            b.write_end.set(b.pos.get());
        }
        return Ok(data.len());
    }
    if let Err(e) = flush_unlocked(vm, b) {
        if !vm.exc_matches(&e, &vm.t.blocking_io_error.clone()) {
            return Err(e);
        }
        // Make room by shifting the pending bytes to the front.
        if b.readable.get() {
            b.reset_read();
        }
        let wp = b.write_pos.get().max(0);
        let pending = b.slice(wp, b.write_end.get() - wp);
        b.store(0, &pending);
        b.write_end.set(b.write_end.get() - wp);
        b.raw_pos.set(b.raw_pos.get() - wp);
        b.pos.set(b.pos.get() - wp);
        b.write_pos.set(0);
        let avail = (bs - b.write_end.get()).max(0) as usize;
        if data.len() <= avail {
            b.store(b.write_end.get() as usize, data);
            b.write_end.set(b.write_end.get() + data.len() as i64);
            b.pos.set(b.pos.get() + data.len() as i64);
            return Ok(data.len());
        }
        b.store(b.write_end.get() as usize, &data[..avail]);
        b.write_end.set(b.write_end.get() + avail as i64);
        b.pos.set(b.pos.get() + avail as i64);
        return Err(blocking(vm, avail));
    }
    let offset = b.raw_offset();
    if offset != 0 {
        raw_seek(vm, b, -offset, 1)?;
        b.raw_pos.set(b.raw_pos.get() - offset);
    }
    let mut remaining = data.len();
    let mut written = 0usize;
    while remaining > b.buffer_size.get() {
        match raw_write(vm, b, &data[written..])? {
            Some(n) => {
                written += n;
                remaining -= n;
            }
            None => {
                let bsz = b.buffer_size.get();
                b.store(0, &data[written..written + bsz]);
                b.raw_pos.set(0);
                b.adjust_position(bsz as i64);
                b.write_end.set(bsz as i64);
                written += bsz;
                return Err(blocking(vm, written));
            }
        }
    }
    if b.readable.get() {
        b.reset_read();
    }
    if remaining > 0 {
        b.store(0, &data[written..]);
        written += remaining;
    }
    b.write_pos.set(0);
    b.write_end.set(remaining as i64);
    b.adjust_position(remaining as i64);
    b.raw_pos.set(0);
    Ok(written)
}

/// `tell()`.
pub fn tell(vm: &mut Vm, b: &Buffered) -> PyResult<i64> {
    let pos = raw_tell(vm, b)?;
    // GH-95782 (in 3.11.2): never negative.
    Ok((pos - b.raw_offset()).max(0))
}

/// `seek(target, whence)` after the argument and closed checks.
pub fn seek(vm: &mut Vm, b: &Buffered, target: i64, whence: i64) -> PyResult<i64> {
    if (whence == 0 || whence == 1) && b.readable.get() {
        let current = raw_tell_cached(vm, b)?;
        let avail = b.readahead();
        if avail > 0 {
            let offset = if whence == 0 {
                target - (current - b.raw_offset())
            } else {
                target
            };
            if offset >= -b.pos.get() && offset <= avail {
                b.pos.set(b.pos.get() + offset);
                return Ok(current - avail + offset);
            }
        }
    }
    if b.writable.get() {
        flush_unlocked(vm, b)?;
    }
    let mut target = target;
    if whence == 1 {
        target -= b.raw_offset();
    }
    let n = raw_seek(vm, b, target, whence)?;
    b.raw_pos.set(-1);
    if b.readable.get() {
        b.reset_read();
    }
    Ok(n)
}

/// Writes pending bytes straight to a native FileIO (for `Drop`, where no
/// Python code may run), then `extra` at the logical position.
pub fn drop_flush(b: &Buffered, extra: &[u8]) {
    let Ok(raw) = b.raw.try_borrow() else {
        return;
    };
    let Some(f) = raw.downcast::<FileIo>() else {
        return;
    };
    let fd = f.fd.get();
    let Ok(h) = f.host.try_borrow() else {
        return;
    };
    let Some(h) = h.as_ref() else {
        return;
    };
    if fd < 0 {
        return;
    }
    if b.valid_write() && b.write_pos.get() < b.write_end.get() {
        let rewind = b.raw_offset() + (b.pos.get() - b.write_pos.get());
        if rewind != 0 {
            let _ = h.seek(fd, -rewind, adder_host::Whence::Cur);
        }
        let data = b.slice(b.write_pos.get(), b.write_end.get() - b.write_pos.get());
        let _ = adder_host::write_all(&**h, fd, &data);
        b.raw_pos.set(b.write_end.get());
        b.reset_write();
    }
    if !extra.is_empty() {
        let off = b.raw_offset();
        if off != 0 {
            let _ = h.seek(fd, -off, adder_host::Whence::Cur);
        }
        b.reset_read();
        let _ = adder_host::write_all(&**h, fd, extra);
    }
}
