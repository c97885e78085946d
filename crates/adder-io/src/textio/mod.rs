//! `TextIOWrapper`: text over a buffered binary stream — encoding,
//! decoding, universal newlines, line buffering, and tell/seek cookies
//! (CPython 3.11: Modules/_io/textio.c).
//!
//! Invariants:
//! - Encoded output accumulates in `pending` and reaches the buffer when it
//!   passes `chunk_size`, on flush, or at once with `write_through`/line
//!   buffering; decoded input not yet returned lives in `decoded` (with
//!   `used_chars` characters already consumed).
//! - `snapshot` records the decoder state and the input fed since the last
//!   point where the decoder had nothing buffered; `tell()` replays from it.
//! - When the buffer is exactly one of `_io`'s native buffered classes
//!   (`fast`), the wrapper calls it directly; otherwise through its methods.
//! - No RefCell borrow is held across a call that may run Python code: the
//!   decoder and encoder are cloned out (their Python objects are shared).

mod codec;
mod read;
mod seek;

use std::cell::{Cell, RefCell};

use adder_object::{payload, Trace, Value};
use adder_vm::objects::string::Str;
use adder_vm::{Args, PyResult, Vm};
use num_bigint::BigInt;

use crate::args::{self, given};
use crate::buffered::{self, Buffered};
use crate::newline::NlState;
use crate::state::{io_type, unsupported, T};
pub use codec::{native_codec, Decoder, Encoder, Native};

#[derive(Trace)]
pub struct TextIo {
    pub ok: Cell<bool>,
    pub detached: Cell<bool>,
    pub buffer: RefCell<Value>,
    pub encoding: RefCell<Value>,
    pub errors: RefCell<Value>,
    pub decoder: RefCell<Option<Decoder>>,
    pub encoder: RefCell<Option<Encoder>>,
    pub readuniversal: Cell<bool>,
    pub readtranslate: Cell<bool>,
    pub writetranslate: Cell<bool>,
    pub readnl: RefCell<Option<String>>,
    pub writenl: RefCell<Option<String>>,
    pub line_buffering: Cell<bool>,
    pub write_through: Cell<bool>,
    pub seekable: Cell<bool>,
    pub telling: Cell<bool>,
    pub has_read1: Cell<bool>,
    pub encoding_start_of_stream: Cell<bool>,
    /// Decoded text not returned yet (None = CPython's NULL).
    pub decoded: RefCell<Option<String>>,
    pub used_bytes: Cell<usize>,
    pub used_chars: Cell<usize>,
    pub pending: RefCell<Vec<u8>>,
    /// `(dec_flags, next_input)`: plain data.
    #[trace(skip)]
    pub snapshot: RefCell<Option<(BigInt, Vec<u8>)>>,
    pub b2cratio: Cell<f64>,
    pub chunk_size: Cell<usize>,
    pub fast: Cell<bool>,
    pub finalizing: Cell<bool>,
}
payload!(
    TextIo,
    crate::KIND_TEXTIO,
    "TextIOWrapper",
    needs_finalize = text_needs_close
);

/// A dying wrapper is closed through Python (`__del__` → `close()`, as
/// CPython's finaliser) unless its buffer is a native buffered object over
/// a native FileIO, where `Drop` hands the pending text down natively.
fn text_needs_close(h: &adder_object::Header) -> bool {
    let Some(t) = h.payload::<TextIo>() else {
        return false;
    };
    if !t.ok.get() || t.detached.get() {
        return false;
    }
    let Ok(b) = t.buffer.try_borrow() else {
        return false;
    };
    let native = b.downcast::<Buffered>().is_some_and(|bb| {
        bb.ok.get()
            && bb
                .raw
                .try_borrow()
                .is_ok_and(|r| r.downcast::<crate::fileio::FileIo>().is_some())
    });
    !native
}

impl Drop for TextIo {
    fn drop(&mut self) {
        let data = std::mem::take(self.pending.get_mut());
        if data.is_empty() {
            return;
        }
        // Write pending text through a native buffer to its native FileIO.
        if let Some(b) = self.buffer.get_mut().downcast::<Buffered>() {
            if b.ok.get() && b.writable.get() {
                buffered::drop_flush(b, &data);
            }
        }
    }
}

impl TextIo {
    fn new() -> TextIo {
        TextIo {
            ok: Cell::new(false),
            detached: Cell::new(false),
            buffer: RefCell::new(Value::NONE),
            encoding: RefCell::new(Value::NONE),
            errors: RefCell::new(Value::NONE),
            decoder: RefCell::new(None),
            encoder: RefCell::new(None),
            readuniversal: Cell::new(false),
            readtranslate: Cell::new(false),
            writetranslate: Cell::new(false),
            readnl: RefCell::new(None),
            writenl: RefCell::new(None),
            line_buffering: Cell::new(false),
            write_through: Cell::new(false),
            seekable: Cell::new(false),
            telling: Cell::new(false),
            has_read1: Cell::new(false),
            encoding_start_of_stream: Cell::new(false),
            decoded: RefCell::new(None),
            used_bytes: Cell::new(0),
            used_chars: Cell::new(0),
            pending: RefCell::new(Vec::new()),
            snapshot: RefCell::new(None),
            b2cratio: Cell::new(0.0),
            chunk_size: Cell::new(8192),
            fast: Cell::new(false),
            finalizing: Cell::new(false),
        }
    }

    pub fn buffer(&self) -> Value {
        self.buffer.borrow().clone()
    }

    /// The native buffered object, when the fast path applies.
    fn fast_buffer(&self) -> Option<Value> {
        if !self.fast.get() {
            return None;
        }
        let b = self.buffer();
        let ok = b.downcast::<Buffered>().is_some_and(|x| x.ok.get());
        ok.then_some(b)
    }

    pub fn set_decoded(&self, s: Option<String>) {
        *self.decoded.borrow_mut() = s;
        self.used_bytes.set(0);
        self.used_chars.set(0);
    }

    /// Takes up to `n` characters (all when negative) of decoded text.
    pub fn take_decoded(&self, n: i64) -> String {
        let d = self.decoded.borrow();
        let Some(s) = d.as_deref() else {
            return String::new();
        };
        let start = self.used_bytes.get().min(s.len());
        let rest = &s[start..];
        let (nbytes, nchars) = if n < 0 {
            (rest.len(), rest.chars().count())
        } else {
            let mut bytes = 0;
            let mut chars = 0;
            for c in rest.chars() {
                if chars as i64 >= n {
                    break;
                }
                bytes += c.len_utf8();
                chars += 1;
            }
            (bytes, chars)
        };
        let out = rest[..nbytes].to_string();
        self.used_bytes.set(start + nbytes);
        self.used_chars.set(self.used_chars.get() + nchars);
        out
    }
}

const TN: &str = "TextIOWrapper";

pub fn me<'a>(vm: &Vm, args: &'a Args, name: &str) -> PyResult<&'a TextIo> {
    let t = me_raw(vm, args, name)?;
    check_attached(vm, t)?;
    Ok(t)
}

fn me_raw<'a>(vm: &Vm, args: &'a Args, name: &str) -> PyResult<&'a TextIo> {
    match args.pos.first() {
        None => Err(vm.type_error(format!("unbound method {TN}.{name}() needs an argument"))),
        Some(v) => v.downcast::<TextIo>().ok_or_else(|| {
            vm.type_error(format!(
                "descriptor '{name}' for '_io.TextIOWrapper' objects doesn't apply to a '{}' object",
                vm.type_name(v)
            ))
        }),
    }
}

pub fn check_attached(vm: &Vm, t: &TextIo) -> PyResult<()> {
    if !t.ok.get() {
        return Err(crate::state::uninitialized(vm));
    }
    if t.detached.get() {
        return Err(vm.value_error("underlying buffer has been detached"));
    }
    Ok(())
}

/// Whether the buffer is closed.
pub fn is_closed(vm: &mut Vm, t: &TextIo) -> PyResult<bool> {
    if let Some(b) = t.fast_buffer() {
        if let Some(bb) = b.downcast::<Buffered>() {
            return buffered::is_closed(vm, bb);
        }
    }
    let b = t.buffer();
    crate::iobase::is_closed_attr(vm, &b)
}

/// CPython's CHECK_CLOSED for the wrapper (`self.closed` for subclasses).
pub fn check_closed(vm: &mut Vm, selfv: &Value, t: &TextIo) -> PyResult<()> {
    let exact = args::is_exact_native(vm, selfv);
    let closed = if exact {
        is_closed(vm, t)?
    } else {
        crate::iobase::is_closed_attr(vm, selfv)?
    };
    if closed {
        return Err(crate::state::closed_file(vm));
    }
    Ok(())
}

// ----- construction -------------------------------------------------------------------

fn new(vm: &mut Vm, args: Args) -> PyResult {
    Ok(vm.alloc_builtin(&args.pos[0], TextIo::new()))
}

/// The effective locale name for LC_CTYPE (LC_ALL, LC_CTYPE, LANG).
pub fn locale_name(vm: &Vm) -> String {
    if !vm.flags.ignore_environment && !vm.flags.isolated {
        for var in [b"LC_ALL".as_slice(), b"LC_CTYPE", b"LANG"] {
            if let Some(v) = vm.host.getenv(var) {
                if !v.is_empty() {
                    return String::from_utf8_lossy(&v).into_owned();
                }
            }
        }
    }
    String::new()
}

/// Whether CPython would run in UTF-8 mode (the C/POSIX locale, PEP 540).
pub fn utf8_mode(vm: &Vm) -> bool {
    matches!(locale_name(vm).as_str(), "" | "C" | "POSIX")
}

/// The locale's encoding name (what `locale.getpreferredencoding(False)`
/// reports): the codeset of the LC_CTYPE locale, `utf-8` in UTF-8 mode.
pub fn locale_encoding(vm: &Vm) -> String {
    if utf8_mode(vm) {
        return "utf-8".to_string();
    }
    let name = locale_name(vm);
    let codeset = name
        .split_once('.')
        .map(|(_, c)| c.split('@').next().unwrap_or("").to_string());
    match codeset {
        None => "ISO-8859-1".to_string(),
        Some(c) => {
            let n = crate::codecs::normalize(&c);
            if n == "utf8" || n == "utf_8" {
                "UTF-8".to_string()
            } else {
                c
            }
        }
    }
}

fn set_newline(t: &TextIo, newline: Option<&str>) {
    t.readuniversal.set(newline.is_none_or(|n| n.is_empty()));
    t.readtranslate.set(newline.is_none());
    t.writetranslate.set(newline.is_none_or(|n| !n.is_empty()));
    *t.readnl.borrow_mut() = newline.map(|s| s.to_string());
    *t.writenl.borrow_mut() = match newline {
        Some(n) if !n.is_empty() && n != "\n" => Some(n.to_string()),
        _ => None,
    };
}

/// Builds the decoder/encoder for `encoding` (native or via the registry).
fn set_codecs(vm: &mut Vm, t: &TextIo, encoding: &str, errors: &str) -> PyResult<()> {
    let buffer = t.buffer();
    let native = native_codec(encoding);
    let codec_info = match native {
        Some(_) => None,
        None => Some(crate::codecs::lookup_text(vm, encoding, "codecs.open()")?),
    };
    let r = vm.call_method(&buffer, "readable", vec![])?;
    let nl = if t.readuniversal.get() {
        Some(NlState::new(t.readtranslate.get()))
    } else {
        None
    };
    let dec = if vm.truthy(&r)? {
        Some(match (native, &codec_info) {
            (Some(k), _) => Decoder::new_native(k, errors, nl),
            (None, Some(ci)) => {
                let f = vm.getattr_str(ci, "incrementaldecoder")?;
                let ev = vm.new_str(errors);
                let d = vm.call(&f, vec![ev])?;
                Decoder {
                    inner: codec::Inner::Py(d),
                    errors: errors.to_string(),
                    nl,
                }
            }
            _ => return Err(vm.system_error("no codec")),
        })
    } else {
        None
    };
    *t.decoder.borrow_mut() = dec;
    let w = vm.call_method(&buffer, "writable", vec![])?;
    let enc = if vm.truthy(&w)? {
        Some(match (native, &codec_info) {
            (Some(k), _) => Encoder::new_native(k, errors),
            (None, Some(ci)) => {
                let f = vm.getattr_str(ci, "incrementalencoder")?;
                let ev = vm.new_str(errors);
                Encoder::Py(vm.call(&f, vec![ev])?)
            }
            _ => return Err(vm.system_error("no codec")),
        })
    } else {
        None
    };
    *t.encoder.borrow_mut() = enc;
    Ok(())
}

/// Skips a BOM when appending to a non-empty seekable stream.
fn fix_encoder_state(vm: &mut Vm, t: &TextIo) -> PyResult<()> {
    let enc = t.encoder.borrow().clone();
    let Some(enc) = enc else {
        return Ok(());
    };
    if !t.seekable.get() {
        return Ok(());
    }
    t.encoding_start_of_stream.set(true);
    let buffer = t.buffer();
    let pos = vm.call_method(&buffer, "tell", vec![])?;
    let zero = vm.new_int(0);
    if !vm.eq(&pos, &zero)? {
        t.encoding_start_of_stream.set(false);
        enc.setstate_zero(vm)?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
pub fn setup(
    vm: &mut Vm,
    t: &TextIo,
    buffer: Value,
    encoding: Option<String>,
    errors: Option<Value>,
    newline: Option<String>,
    line_buffering: bool,
    write_through: bool,
) -> PyResult<()> {
    t.ok.set(false);
    t.detached.set(false);
    if let Some(n) = &newline {
        if !matches!(n.as_str(), "" | "\n" | "\r" | "\r\n") {
            return Err(vm.value_error(format!("illegal newline value: {n}")));
        }
    }
    let errors = match errors {
        Some(e) => e,
        None => vm.intern("strict"),
    };
    let encoding = match encoding {
        Some(e) if e != "locale" => {
            if e.contains('\0') {
                return Err(vm.value_error("embedded null character"));
            }
            e
        }
        _ => locale_encoding(vm),
    };
    *t.buffer.borrow_mut() = buffer.clone();
    *t.decoder.borrow_mut() = None;
    *t.encoder.borrow_mut() = None;
    t.set_decoded(None);
    t.pending.borrow_mut().clear();
    *t.snapshot.borrow_mut() = None;
    t.chunk_size.set(8192);
    t.b2cratio.set(0.0);
    t.line_buffering.set(line_buffering);
    t.write_through.set(write_through);
    set_newline(t, newline.as_deref());
    let errs = args::str_of(&errors).unwrap_or("strict").to_string();
    set_codecs(vm, t, &encoding, &errs)?;
    *t.encoding.borrow_mut() = vm.new_string(encoding);
    *t.errors.borrow_mut() = errors;
    // The fast path: one of _io's own buffered classes, exactly.
    let fast = buffer.downcast::<Buffered>().is_some() && args::is_exact_native(vm, &buffer);
    t.fast.set(fast);
    let s = vm.call_method(&buffer, "seekable", vec![])?;
    let seekable = vm.truthy(&s)?;
    t.seekable.set(seekable);
    t.telling.set(seekable);
    let n = vm.intern("read1");
    t.has_read1.set(vm.getattr_opt(&buffer, &n)?.is_some());
    t.encoding_start_of_stream.set(false);
    fix_encoder_state(vm, t)?;
    t.ok.set(true);
    Ok(())
}

fn init(vm: &mut Vm, mut args: Args) -> PyResult {
    let a = args::kwargs(
        vm,
        &mut args,
        1,
        TN,
        &[
            "buffer",
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
        1,
        6,
    )?;
    let t = me_raw(vm, &args, "__init__")?;
    let buffer = a[0].clone().unwrap_or(Value::NONE);
    let encoding = args::opt_str(vm, &a[1], TN, "encoding")?;
    let errors = match given(&a[2]) {
        None => None,
        Some(e) if e.downcast::<Str>().is_some() => Some(e.clone()),
        Some(e) => {
            return Err(vm.type_error(format!(
                "TextIOWrapper() argument 'errors' must be str or None, not {}",
                vm.type_name(e)
            )))
        }
    };
    let newline = args::opt_str(vm, &a[3], TN, "newline")?;
    let lb = match &a[4] {
        None => false,
        Some(v) => args::index_i64(vm, v)? != 0,
    };
    let wt = match &a[5] {
        None => false,
        Some(v) => args::index_i64(vm, v)? != 0,
    };
    setup(vm, t, buffer, encoding, errors, newline, lb, wt)?;
    Ok(Value::NONE)
}

// ----- writing ----------------------------------------------------------------------------

/// Sends pending encoded bytes to the buffer.
pub fn writeflush(vm: &mut Vm, t: &TextIo) -> PyResult<()> {
    let data = std::mem::take(&mut *t.pending.borrow_mut());
    if data.is_empty() {
        return Ok(());
    }
    if let Some(b) = t.fast_buffer() {
        if let Some(bb) = b.downcast::<Buffered>() {
            if bb.writable.get() {
                if buffered::is_closed(vm, bb)? {
                    return Err(vm.value_error("write to closed file"));
                }
                buffered::write_data(vm, bb, &data)?;
                return Ok(());
            }
        }
    }
    let buffer = t.buffer();
    if let Some(f) = buffer.downcast::<crate::fileio::FileIo>() {
        if args::is_exact_native(vm, &buffer) {
            // Unbuffered (-u) streams: one write, its count unused, as in
            // CPython's `_textiowrapper_writeflush`.
            crate::fileio::write_some(vm, f, &data)?;
            return Ok(());
        }
    }
    let b = vm.new_bytes(data);
    loop {
        match vm.call_method(&buffer, "write", vec![b.clone()]) {
            Ok(_) => return Ok(()),
            Err(e) if crate::state::is_eintr(vm, &e) => continue,
            Err(e) => return Err(e),
        }
    }
}

fn buffer_flush(vm: &mut Vm, t: &TextIo) -> PyResult<()> {
    if let Some(b) = t.fast_buffer() {
        if let Some(bb) = b.downcast::<Buffered>() {
            if bb.writable.get() {
                return buffered::flush_native(vm, bb);
            }
        }
    }
    let buffer = t.buffer();
    vm.call_method(&buffer, "flush", vec![])?;
    Ok(())
}

/// `TextIOWrapper.write(text)` natively (also print()'s fast path).
pub fn write_text(
    vm: &mut Vm,
    selfv: &Value,
    t: &TextIo,
    text: &str,
    nchars: usize,
) -> PyResult<usize> {
    check_attached(vm, t)?;
    check_closed(vm, selfv, t)?;
    let utf8 = match t.encoder.borrow().as_ref() {
        None => None,
        Some(Encoder::Utf8(_)) => Some(true),
        Some(_) => Some(false),
    };
    let Some(utf8) = utf8 else {
        return Err(unsupported(vm, "not writable"));
    };
    let translate = t.writetranslate.get() && t.writenl.borrow().is_some();
    let haslf = (translate || t.line_buffering.get()) && text.contains('\n');
    let owned;
    let text = if haslf && translate {
        let nl = t
            .writenl
            .borrow()
            .clone()
            .unwrap_or_else(|| "\n".to_string());
        owned = text.replace('\n', &nl);
        owned.as_str()
    } else {
        text
    };
    let needflush = t.line_buffering.get() && (haslf || text.contains('\r'));
    let over = if utf8 && !adder_text::surrogate::has_surrogates(text) {
        // UTF-8 needs no encoding step: the text's bytes are the output.
        let mut p = t.pending.borrow_mut();
        p.extend_from_slice(text.as_bytes());
        p.len() >= t.chunk_size.get()
    } else {
        let enc = t.encoder.borrow().clone();
        let b = match enc {
            Some(e) => e.encode(vm, text)?,
            None => Vec::new(),
        };
        let mut p = t.pending.borrow_mut();
        p.extend_from_slice(&b);
        p.len() >= t.chunk_size.get()
    };
    t.encoding_start_of_stream.set(false);
    if over || needflush || t.write_through.get() {
        writeflush(vm, t)?;
    }
    if needflush {
        buffer_flush(vm, t)?;
    }
    if t.decoded.borrow().is_some() {
        t.set_decoded(None);
    }
    if t.snapshot.borrow().is_some() {
        *t.snapshot.borrow_mut() = None;
    }
    if t.decoder.borrow().is_some() {
        let dec = t.decoder.borrow().clone();
        if let Some(mut d) = dec {
            d.reset(vm)?;
            *t.decoder.borrow_mut() = Some(d);
        }
    }
    Ok(nchars)
}

fn write(vm: &mut Vm, args: Args) -> PyResult {
    let v = args::onearg(vm, &args, "TextIOWrapper.write")?;
    let t = me(vm, &args, "write")?;
    let Some(s) = v.downcast::<Str>() else {
        return Err(vm.type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(&v)
        )));
    };
    let selfv = args.pos[0].clone();
    let n = write_text(vm, &selfv, t, s.as_str(), s.char_len())?;
    Ok(vm.new_int(n as i64))
}

/// `flush()`: pending text to the buffer, then the buffer's flush.
pub fn flush_text(vm: &mut Vm, selfv: &Value, t: &TextIo) -> PyResult<()> {
    check_attached(vm, t)?;
    check_closed(vm, selfv, t)?;
    t.telling.set(t.seekable.get());
    writeflush(vm, t)?;
    buffer_flush(vm, t)
}

fn flush(vm: &mut Vm, args: Args) -> PyResult {
    let t = me(vm, &args, "flush")?;
    let s = args.pos[0].clone();
    flush_text(vm, &s, t)?;
    Ok(Value::NONE)
}

fn close(vm: &mut Vm, args: Args) -> PyResult {
    let t = me(vm, &args, "close")?;
    if is_closed(vm, t)? {
        return Ok(Value::NONE);
    }
    let s = args.pos[0].clone();
    let r = vm.call_method(&s, "flush", vec![]);
    let buffer = t.buffer();
    let c = vm.call_method(&buffer, "close", vec![]);
    match (r, c) {
        (Err(e1), Err(e2)) => {
            if let Some(ex) = e2.downcast::<adder_vm::objects::exception::Exception>() {
                ex.context.set(e1);
            }
            Err(e2)
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
        _ => Ok(Value::NONE),
    }
}

fn detach(vm: &mut Vm, args: Args) -> PyResult {
    let t = me(vm, &args, "detach")?;
    let s = args.pos[0].clone();
    vm.call_method(&s, "flush", vec![])?;
    let b = t.buffer();
    t.detached.set(true);
    Ok(b)
}

fn delegate(vm: &mut Vm, args: &Args, name: &str) -> PyResult {
    let t = me(vm, args, name)?;
    let b = t.buffer();
    vm.call_method(&b, name, vec![])
}
fn fileno(vm: &mut Vm, args: Args) -> PyResult {
    delegate(vm, &args, "fileno")
}
fn seekable(vm: &mut Vm, args: Args) -> PyResult {
    delegate(vm, &args, "seekable")
}
fn readable(vm: &mut Vm, args: Args) -> PyResult {
    delegate(vm, &args, "readable")
}
fn writable(vm: &mut Vm, args: Args) -> PyResult {
    delegate(vm, &args, "writable")
}
fn isatty(vm: &mut Vm, args: Args) -> PyResult {
    delegate(vm, &args, "isatty")
}

fn truncate(vm: &mut Vm, args: Args) -> PyResult {
    let a = args::posargs(vm, &args, 1, "truncate", "TextIOWrapper.truncate", 0, 1)?;
    let t = me(vm, &args, "truncate")?;
    let s = args.pos[0].clone();
    vm.call_method(&s, "flush", vec![])?;
    let b = t.buffer();
    let pos = a[0].clone().unwrap_or(Value::NONE);
    vm.call_method(&b, "truncate", vec![pos])
}

fn repr(vm: &mut Vm, args: Args) -> PyResult {
    let t = me_raw(vm, &args, "__repr__")?;
    let s = args.pos[0].clone();
    let mut out = "<_io.TextIOWrapper".to_string();
    if !t.ok.get() {
        return Err(crate::state::uninitialized(vm));
    }
    let key = s.bits();
    if vm.repr_stack.contains(&key) {
        return Err(vm.runtime_error(format!(
            "reentrant call inside {}.__repr__",
            args::tp_name(vm, &s)
        )));
    }
    vm.repr_stack.push(key);
    let r = (|| -> PyResult<String> {
        let n = vm.intern("name");
        match vm.getattr_opt(&s, &n) {
            Ok(Some(nm)) => {
                let r = vm.repr_string(&nm)?;
                out.push_str(&format!(" name={r}"));
            }
            Ok(None) => {}
            Err(e) if vm.exc_matches(&e, &vm.t.value_error.clone()) => {}
            Err(e) => return Err(e),
        }
        let m = vm.intern("mode");
        if let Some(md) = vm.getattr_opt(&s, &m)? {
            let r = vm.repr_string(&md)?;
            out.push_str(&format!(" mode={r}"));
        }
        let enc = t.encoding.borrow().clone();
        let r = vm.repr_string(&enc)?;
        out.push_str(&format!(" encoding={r}>"));
        Ok(out)
    })();
    vm.repr_stack.retain(|k| *k != key);
    Ok(vm.new_string(r?))
}

fn reconfigure(vm: &mut Vm, mut args: Args) -> PyResult {
    let a = args::kwargs(
        vm,
        &mut args,
        1,
        "reconfigure",
        &[
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
        0,
        0,
    )?;
    let t = me(vm, &args, "reconfigure")?;
    let s = args.pos[0].clone();
    let bad = |vm: &Vm| vm.type_error("bad argument type for built-in operation");
    for v in [&a[0], &a[1]].into_iter().flatten() {
        if !v.is_none() && v.downcast::<Str>().is_none() {
            return Err(bad(vm));
        }
    }
    let encoding = given(&a[0]).cloned();
    let errors = given(&a[1]).cloned();
    let newline_given = a[2].is_some();
    let newline = match given(&a[2]) {
        None => None,
        Some(v) => match v.downcast::<Str>() {
            Some(n) => {
                let n = n.as_str().to_string();
                if !matches!(n.as_str(), "" | "\n" | "\r" | "\r\n") {
                    return Err(vm.value_error(format!("illegal newline value: {n}")));
                }
                Some(n)
            }
            None => return Err(bad(vm)),
        },
    };
    if t.decoded.borrow().is_some() && (encoding.is_some() || errors.is_some() || newline_given) {
        return Err(unsupported(
            vm,
            "It is not possible to set the encoding or newline of stream after the first read",
        ));
    }
    let lb = match given(&a[3]) {
        None => t.line_buffering.get(),
        Some(v) => vm.truthy(v)?,
    };
    let wt = match given(&a[4]) {
        None => t.write_through.get(),
        Some(v) => vm.truthy(v)?,
    };
    vm.call_method(&s, "flush", vec![])?;
    t.b2cratio.set(0.0);
    if newline_given {
        set_newline(t, newline.as_deref());
    }
    if encoding.is_some() || errors.is_some() || newline_given {
        let (enc, errs) = match &encoding {
            None => {
                let e = t.encoding.borrow().clone();
                let er = errors.clone().unwrap_or_else(|| t.errors.borrow().clone());
                (e, er)
            }
            Some(e) => {
                let e = if args::str_of(e) == Some("locale") {
                    vm.new_string(locale_encoding(vm))
                } else {
                    e.clone()
                };
                let er = match &errors {
                    Some(x) => x.clone(),
                    None => vm.intern("strict"),
                };
                (e, er)
            }
        };
        let es = args::str_of(&enc).unwrap_or("utf-8").to_string();
        let ers = args::str_of(&errs).unwrap_or("strict").to_string();
        set_codecs(vm, t, &es, &ers)?;
        *t.encoding.borrow_mut() = enc;
        *t.errors.borrow_mut() = errs;
        fix_encoder_state(vm, t)?;
    }
    t.line_buffering.set(lb);
    t.write_through.set(wt);
    Ok(Value::NONE)
}

// ----- attributes ----------------------------------------------------------------------------

fn tio<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a TextIo> {
    v.downcast::<TextIo>()
        .ok_or_else(|| vm.type_error("expected a TextIOWrapper"))
}

fn name_get(vm: &mut Vm, v: &Value) -> PyResult {
    let t = tio(vm, v)?;
    check_attached(vm, t)?;
    let b = t.buffer();
    vm.getattr_str(&b, "name")
}
fn closed_get(vm: &mut Vm, v: &Value) -> PyResult {
    let t = tio(vm, v)?;
    check_attached(vm, t)?;
    let b = t.buffer();
    vm.getattr_str(&b, "closed")
}
fn buffer_get(vm: &mut Vm, v: &Value) -> PyResult {
    let t = tio(vm, v)?;
    if !t.ok.get() {
        return Err(crate::state::uninitialized(vm));
    }
    if t.detached.get() {
        return Ok(Value::NONE);
    }
    Ok(t.buffer())
}
fn encoding_get(vm: &mut Vm, v: &Value) -> PyResult {
    let t = tio(vm, v)?;
    if !t.ok.get() {
        return Err(crate::state::uninitialized(vm));
    }
    Ok(t.encoding.borrow().clone())
}
fn errors_get(vm: &mut Vm, v: &Value) -> PyResult {
    let t = tio(vm, v)?;
    if !t.ok.get() {
        return Err(crate::state::uninitialized(vm));
    }
    Ok(t.errors.borrow().clone())
}
fn newlines_get(vm: &mut Vm, v: &Value) -> PyResult {
    let t = tio(vm, v)?;
    check_attached(vm, t)?;
    let d = t.decoder.borrow().clone();
    Ok(match d {
        None => Value::NONE,
        Some(d) => {
            if let (codec::Inner::Py(obj), None) = (&d.inner, &d.nl) {
                let n = vm.intern("newlines");
                return Ok(vm.getattr_opt(obj, &n)?.unwrap_or(Value::NONE));
            }
            d.newlines(vm)
        }
    })
}
fn line_buffering_get(vm: &mut Vm, v: &Value) -> PyResult {
    let t = tio(vm, v)?;
    if !t.ok.get() {
        return Err(crate::state::uninitialized(vm));
    }
    Ok(Value::from_bool(t.line_buffering.get()))
}
fn write_through_get(vm: &mut Vm, v: &Value) -> PyResult {
    let t = tio(vm, v)?;
    if !t.ok.get() {
        return Err(crate::state::uninitialized(vm));
    }
    Ok(Value::from_bool(t.write_through.get()))
}
fn chunk_size_get(vm: &mut Vm, v: &Value) -> PyResult {
    let t = tio(vm, v)?;
    check_attached(vm, t)?;
    Ok(vm.new_int(t.chunk_size.get() as i64))
}
fn chunk_size_set(vm: &mut Vm, v: &Value, x: Value) -> PyResult<()> {
    let t = tio(vm, v)?;
    check_attached(vm, t)?;
    let n = args::index_i64(vm, &x)?;
    if n <= 0 {
        return Err(vm.value_error("a strictly positive integer is required"));
    }
    t.chunk_size.set(n as usize);
    Ok(())
}
fn finalizing_get(vm: &mut Vm, v: &Value) -> PyResult {
    let t = tio(vm, v)?;
    Ok(Value::from_bool(t.finalizing.get()))
}

pub fn init_type(vm: &mut Vm, t: &Value) {
    vm.set_new(t, new);
    let methods: &[(&'static str, adder_vm::vm::NativeFn)] = &[
        ("__init__", init),
        ("write", write),
        ("flush", flush),
        ("close", close),
        ("detach", detach),
        ("fileno", fileno),
        ("seekable", seekable),
        ("readable", readable),
        ("writable", writable),
        ("isatty", isatty),
        ("truncate", truncate),
        ("__repr__", repr),
        ("reconfigure", reconfigure),
        ("read", read::read),
        ("readline", read::readline),
        ("__next__", read::next),
        ("tell", seek::tell),
        ("seek", seek::seek),
    ];
    for &(n, f) in methods {
        vm.add_method(t, n, f);
    }
    vm.add_getset(t, "name", name_get, None);
    vm.add_getset(t, "closed", closed_get, None);
    vm.add_getset(t, "buffer", buffer_get, None);
    vm.add_getset(t, "encoding", encoding_get, None);
    vm.add_getset(t, "errors", errors_get, None);
    vm.add_getset(t, "newlines", newlines_get, None);
    vm.add_getset(t, "line_buffering", line_buffering_get, None);
    vm.add_getset(t, "write_through", write_through_get, None);
    vm.add_getset(t, "_CHUNK_SIZE", chunk_size_get, Some(chunk_size_set));
    vm.add_getset(t, "_finalizing", finalizing_get, None);
}

/// Creates a TextIOWrapper natively (open() and the standard streams).
#[allow(clippy::too_many_arguments)]
pub fn new_wrapper(
    vm: &mut Vm,
    buffer: Value,
    encoding: Option<String>,
    errors: Option<Value>,
    newline: Option<String>,
    line_buffering: bool,
    write_through: bool,
) -> PyResult {
    let ty = io_type(vm, T::TextIoWrapper)?;
    let v = vm.alloc_builtin(&ty, TextIo::new());
    if let Some(t) = v.downcast::<TextIo>() {
        setup(
            vm,
            t,
            buffer,
            encoding,
            errors,
            newline,
            line_buffering,
            write_through,
        )?;
    }
    Ok(v)
}
