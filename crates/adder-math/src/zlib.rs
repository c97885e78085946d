//! `zlib`: deflate compression (zlib, raw and gzip containers) through
//! `flate2` on the pure-Rust `zlib-rs` backend, plus `crc32` and `adler32`.
//!
//! Invariant: streams are only ever fed through `flate2`'s safe API;
//! window sizes are validated (and mapped as zlib maps them) before a
//! stream is created, so no `flate2` assertion is reachable from Python.
//! Compressed bytes are valid deflate streams but need not equal zlib's
//! byte for byte (zlib-rs makes its own matching choices); decompression,
//! checksums and error messages follow CPython 3.11. `memLevel` and
//! `strategy` are validated and otherwise ignored; `Compress.copy()` and
//! `Decompress.copy()` raise NotImplementedError.

use std::cell::RefCell;

use adder_object::{Trace, Value};
use adder_vm::kinds::MATH_FIRST;
use adder_vm::native::{import, module_add_fns, module_add_ints, module_get, module_set, new_type};
use adder_vm::{Args, NativeModule, PyResult, Vm};
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};
use num_traits::ToPrimitive;

use crate::binascii::crc32_update;
use crate::util::{bind, bytes_like, new_exception_type};

const COMP_KIND: u8 = MATH_FIRST + 4;
const DECOMP_KIND: u8 = MATH_FIRST + 5;
const DEF_BUF_SIZE: usize = 16384;

pub fn module() -> NativeModule {
    NativeModule { name: "zlib", init }
}

/// A compression stream; `None` once finished (`flush(Z_FINISH)`).
#[derive(Trace)]
pub struct CompObj {
    /// flate2's stream: no Python objects.
    #[trace(skip)]
    st: RefCell<Option<Box<Compress>>>,
}
adder_object::payload!(CompObj, COMP_KIND, "zlib.Compress");

/// How a decompressor finds its container.
#[derive(Clone, Copy)]
enum Container {
    Zlib(u8),
    Raw(u8),
    Gzip(u8),
    /// zlib or gzip, chosen by the first bytes.
    Auto,
}

struct DecompState {
    d: Option<Box<Decompress>>,
    kind: Container,
    zdict: Option<Vec<u8>>,
    /// Input held back while the container is still undecided.
    pending: Vec<u8>,
    unused_data: Vec<u8>,
    unconsumed_tail: Vec<u8>,
    eof: bool,
}

#[derive(Trace)]
pub struct DecompObj {
    /// flate2's stream and byte buffers: no Python objects.
    #[trace(skip)]
    st: RefCell<DecompState>,
}
adder_object::payload!(DecompObj, DECOMP_KIND, "zlib.Decompress");

fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let exc = vm.t.exception.clone();
    let err = new_exception_type(vm, "zlib", "error", vec![exc])?;
    module_set(vm, m, "error", err);
    module_add_ints(
        vm,
        m,
        &[
            ("MAX_WBITS", 15),
            ("DEFLATED", 8),
            ("DEF_MEM_LEVEL", 8),
            ("DEF_BUF_SIZE", DEF_BUF_SIZE as i64),
            ("Z_NO_COMPRESSION", 0),
            ("Z_BEST_SPEED", 1),
            ("Z_BEST_COMPRESSION", 9),
            ("Z_DEFAULT_COMPRESSION", -1),
            ("Z_FILTERED", 1),
            ("Z_HUFFMAN_ONLY", 2),
            ("Z_RLE", 3),
            ("Z_FIXED", 4),
            ("Z_DEFAULT_STRATEGY", 0),
            ("Z_NO_FLUSH", 0),
            ("Z_PARTIAL_FLUSH", 1),
            ("Z_SYNC_FLUSH", 2),
            ("Z_FULL_FLUSH", 3),
            ("Z_FINISH", 4),
            ("Z_BLOCK", 5),
            ("Z_TREES", 6),
        ],
    );
    for (n, v) in [
        ("ZLIB_VERSION", "1.2.13"),
        ("ZLIB_RUNTIME_VERSION", "1.2.13"),
    ] {
        let s = vm.new_str(v);
        module_set(vm, m, n, s);
    }
    module_add_fns(
        vm,
        m,
        &[
            ("compress", z_compress),
            ("decompress", z_decompress),
            ("compressobj", z_compressobj),
            ("decompressobj", z_decompressobj),
            ("crc32", z_crc32),
            ("adler32", z_adler32),
        ],
    );
    let base = vm.t.object.clone();
    let ct = new_type(
        vm,
        "zlib",
        "Compress",
        &base,
        <CompObj as adder_object::Payload>::vtable(),
        COMP_KIND,
        0,
    );
    vm.add_method(&ct, "compress", c_compress);
    vm.add_method(&ct, "flush", c_flush);
    vm.add_method(&ct, "copy", no_copy);
    vm.add_method(&ct, "__copy__", no_copy);
    vm.add_method(&ct, "__deepcopy__", no_copy);
    module_set(vm, m, "__adder_Compress__", ct);
    let dt = new_type(
        vm,
        "zlib",
        "Decompress",
        &base,
        <DecompObj as adder_object::Payload>::vtable(),
        DECOMP_KIND,
        0,
    );
    vm.add_method(&dt, "decompress", d_decompress);
    vm.add_method(&dt, "flush", d_flush);
    vm.add_method(&dt, "copy", no_copy);
    vm.add_method(&dt, "__copy__", no_copy);
    vm.add_method(&dt, "__deepcopy__", no_copy);
    vm.add_getset(&dt, "unused_data", d_unused_data, None);
    vm.add_getset(&dt, "unconsumed_tail", d_unconsumed_tail, None);
    vm.add_getset(&dt, "eof", d_eof, None);
    module_set(vm, m, "__adder_Decompress__", dt);
    Ok(())
}

fn zerror(vm: &mut Vm, msg: &str) -> Value {
    let ty = import(vm, "zlib")
        .ok()
        .and_then(|m| module_get(&m, "error"))
        .unwrap_or_else(|| vm.t.exception.clone());
    vm.new_exception_msg(&ty, msg)
}

fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    bytes_like(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

fn int_arg(vm: &mut Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => {
            let i = vm.index(v)?;
            i.to_i32()
                .map(|x| x as i64)
                .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))
        }
    }
}

// ----- checksums ---------------------------------------------------------------------------

/// Adler-32, continuing from `a`.
pub fn adler32_update(a: u32, data: &[u8]) -> u32 {
    const MOD: u32 = 65521;
    let (mut s1, mut s2) = (a & 0xffff, a >> 16);
    for chunk in data.chunks(5552) {
        for &b in chunk {
            s1 += b as u32;
            s2 += s1;
        }
        s1 %= MOD;
        s2 %= MOD;
    }
    (s2 << 16) | s1
}

fn checksum_start(vm: &mut Vm, v: Option<&Value>, default: u32) -> PyResult<u32> {
    match v {
        None => Ok(default),
        Some(v) => {
            let i = vm.index(v)?;
            let m: num_bigint::BigInt = i & num_bigint::BigInt::from(0xffff_ffffu32);
            Ok(m.to_u32().unwrap_or(0))
        }
    }
}

fn z_crc32(vm: &mut Vm, args: Args) -> PyResult {
    crate::util::positional(vm, "crc32", &args, 1, 2)?;
    let data = data_arg(vm, &args.pos[0])?;
    let start = checksum_start(vm, args.pos.get(1), 0)?;
    Ok(vm.new_int(crc32_update(start, &data) as i64))
}

fn z_adler32(vm: &mut Vm, args: Args) -> PyResult {
    crate::util::positional(vm, "adler32", &args, 1, 2)?;
    let data = data_arg(vm, &args.pos[0])?;
    let start = checksum_start(vm, args.pos.get(1), 1)?;
    Ok(vm.new_int(adler32_update(start, &data) as i64))
}

// ----- compression ---------------------------------------------------------------------------

/// A compressor for `level`/`wbits`, or None when zlib would refuse them.
fn new_compress(level: i64, wbits: i64) -> Option<Compress> {
    let level = match level {
        -1 => Compression::default(),
        0..=9 => Compression::new(level as u32),
        _ => return None,
    };
    // zlib quietly uses a 9-bit window where 8 is asked for.
    let w = |b: i64| if b == 8 { 9u8 } else { b as u8 };
    match wbits {
        8..=15 => Some(Compress::new_with_window_bits(level, true, w(wbits))),
        -15..=-8 => Some(Compress::new_with_window_bits(level, false, w(-wbits))),
        24..=31 => Some(Compress::new_gzip(level, w(wbits - 16))),
        _ => None,
    }
}

/// Runs `c` over `input` with `flush`, collecting all output.
fn run_compress(c: &mut Compress, input: &[u8], flush: FlushCompress) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(input.len() / 2 + 64);
    let mut pos = 0;
    loop {
        if out.capacity() - out.len() < 1024 {
            out.reserve(out.capacity().max(4096));
        }
        let before_in = c.total_in();
        let st = c
            .compress_vec(&input[pos..], &mut out, flush)
            .map_err(|e| {
                e.message()
                    .unwrap_or("inconsistent stream state")
                    .to_string()
            })?;
        pos += (c.total_in() - before_in) as usize;
        let full = out.len() == out.capacity();
        match st {
            Status::StreamEnd => break,
            _ if pos >= input.len() && !full => break,
            Status::BufError if !full => break,
            _ => {}
        }
    }
    Ok(out)
}

fn z_compress(vm: &mut Vm, args: Args) -> PyResult {
    let a = bind(vm, "compress", args, &["data", "level", "wbits"], (1, 3, 1))?;
    let data = data_arg(vm, a[0].as_ref().unwrap_or(&Value::NONE))?;
    let level = int_arg(vm, a[1].as_ref(), -1)?;
    let wbits = int_arg(vm, a[2].as_ref(), 15)?;
    let Some(mut c) = new_compress(level, wbits) else {
        return Err(zerror(vm, "Bad compression level"));
    };
    match run_compress(&mut c, &data, FlushCompress::Finish) {
        Ok(out) => Ok(vm.new_bytes(out)),
        Err(m) => Err(zerror(vm, &format!("Error -2 while compressing data: {m}"))),
    }
}

fn z_compressobj(vm: &mut Vm, args: Args) -> PyResult {
    let a = bind(
        vm,
        "compressobj",
        args,
        &["level", "method", "wbits", "memLevel", "strategy", "zdict"],
        (0, 6, 0),
    )?;
    let level = int_arg(vm, a[0].as_ref(), -1)?;
    let method = int_arg(vm, a[1].as_ref(), 8)?;
    let wbits = int_arg(vm, a[2].as_ref(), 15)?;
    let mem_level = int_arg(vm, a[3].as_ref(), 8)?;
    let strategy = int_arg(vm, a[4].as_ref(), 0)?;
    let zdict = match &a[5] {
        Some(v) if !v.is_none() => Some(
            bytes_like(v)
                .ok_or_else(|| vm.type_error("zdict argument must support the buffer protocol"))?,
        ),
        _ => None,
    };
    let comp = if method == 8 && (1..=9).contains(&mem_level) && (0..=4).contains(&strategy) {
        new_compress(level, wbits)
    } else {
        None
    };
    let Some(mut c) = comp else {
        return Err(vm.value_error("Invalid initialization option"));
    };
    if let Some(d) = zdict {
        if c.set_dictionary(&d).is_err() {
            return Err(vm.value_error("Invalid dictionary"));
        }
    }
    let m = import(vm, "zlib")?;
    let ty = module_get(&m, "__adder_Compress__").unwrap_or_else(|| vm.t.object.clone());
    Ok(vm.alloc_builtin(
        &ty,
        CompObj {
            st: RefCell::new(Some(Box::new(c))),
        },
    ))
}

fn comp_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a CompObj> {
    v.downcast::<CompObj>()
        .ok_or_else(|| vm.type_error("expected a zlib.Compress object"))
}

fn c_compress(vm: &mut Vm, args: Args) -> PyResult {
    let slf = args.pos[0].clone();
    let rest = Args::new(args.pos[1..].to_vec());
    if !args.kw.is_empty() {
        return Err(vm.type_error("Compress.compress() takes no keyword arguments"));
    }
    let d = crate::util::one_arg(vm, "Compress.compress", &rest)?;
    let data = data_arg(vm, &d)?;
    let co = comp_of(vm, &slf)?;
    let mut st = co.st.borrow_mut();
    let Some(c) = st.as_mut() else {
        drop(st);
        return Err(zerror(
            vm,
            "Error -2 while compressing data: inconsistent stream state",
        ));
    };
    let r = run_compress(c, &data, FlushCompress::None);
    drop(st);
    match r {
        Ok(out) => Ok(vm.new_bytes(out)),
        Err(m) => Err(zerror(vm, &format!("Error -2 while compressing data: {m}"))),
    }
}

fn c_flush(vm: &mut Vm, args: Args) -> PyResult {
    let slf = args.pos[0].clone();
    let rest = Args {
        pos: args.pos[1..].iter().cloned().collect(),
        kw: args.kw,
    };
    crate::util::positional(vm, "flush", &rest, 0, 1)?;
    let mode = int_arg(vm, rest.pos.first(), 4)?;
    if mode == 0 {
        return Ok(vm.new_bytes(Vec::new()));
    }
    let flush = match mode {
        1 => FlushCompress::Partial,
        2 => FlushCompress::Sync,
        3 => FlushCompress::Full,
        4 => FlushCompress::Finish,
        _ => FlushCompress::Sync,
    };
    let co = comp_of(vm, &slf)?;
    let mut st = co.st.borrow_mut();
    let Some(c) = st.as_mut() else {
        drop(st);
        return Err(zerror(
            vm,
            "Error -2 while flushing: inconsistent stream state",
        ));
    };
    let r = run_compress(c, &[], flush);
    if mode == 4 {
        *st = None;
    }
    drop(st);
    match r {
        Ok(out) => Ok(vm.new_bytes(out)),
        Err(m) => Err(zerror(vm, &format!("Error -2 while flushing: {m}"))),
    }
}

fn no_copy(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.not_implemented_error("copying zlib stream objects is not supported"))
}

// ----- decompression ----------------------------------------------------------------------------

/// The container for a decompression `wbits`, as `inflateInit2` reads it.
fn container(wbits: i64) -> Option<Container> {
    let w = |b: i64| if b < 9 { 15u8 } else { b as u8 };
    match wbits {
        0 => Some(Container::Zlib(15)),
        8..=15 => Some(Container::Zlib(w(wbits))),
        -15..=-8 => Some(Container::Raw(w(-wbits))),
        24..=31 => Some(Container::Gzip(w(wbits - 16))),
        40..=47 => Some(Container::Auto),
        _ => None,
    }
}

fn make_decompress(kind: Container, first: &[u8]) -> Decompress {
    match kind {
        Container::Zlib(w) => Decompress::new_with_window_bits(true, w),
        Container::Raw(w) => Decompress::new_with_window_bits(false, w),
        Container::Gzip(w) => Decompress::new_gzip(w),
        Container::Auto => {
            if first.first() == Some(&0x1f) {
                Decompress::new_gzip(15)
            } else {
                Decompress::new_with_window_bits(true, 15)
            }
        }
    }
}

/// Outcome of feeding input to a decompressor.
struct Fed {
    out: Vec<u8>,
    consumed: usize,
    eof: bool,
}

/// Inflates `input` into at most `max_out` bytes (0: unlimited). Errors are
/// zlib's (code, message).
fn feed(
    d: &mut Decompress,
    zdict: Option<&[u8]>,
    input: &[u8],
    max_out: usize,
    finish: bool,
) -> Result<Fed, (i32, String)> {
    let mut out: Vec<u8> = Vec::with_capacity(if max_out > 0 {
        max_out.min(DEF_BUF_SIZE)
    } else {
        DEF_BUF_SIZE
    });
    let mut pos = 0usize;
    let mut dict_set = false;
    loop {
        let room = if max_out > 0 {
            max_out - out.len()
        } else {
            usize::MAX
        };
        if room == 0 {
            break;
        }
        if out.capacity() == out.len() {
            let grow = out.capacity().max(DEF_BUF_SIZE).min(room);
            out.reserve(grow);
        }
        let limit = (out.capacity() - out.len()).min(room);
        let before_in = d.total_in();
        let before_out = d.total_out();
        let mut chunk: Vec<u8> = vec![0; limit];
        let flush = if finish {
            FlushDecompress::Finish
        } else {
            FlushDecompress::None
        };
        let r = d.decompress(&input[pos..], &mut chunk, flush);
        let used = (d.total_in() - before_in) as usize;
        let made = (d.total_out() - before_out) as usize;
        pos += used;
        out.extend_from_slice(&chunk[..made]);
        match r {
            Ok(Status::StreamEnd) => {
                return Ok(Fed {
                    out,
                    consumed: pos,
                    eof: true,
                })
            }
            Ok(_) => {
                if used == 0 && made == 0 {
                    break;
                }
            }
            Err(e) => {
                if e.needs_dictionary().is_some() {
                    match zdict {
                        Some(z) if !dict_set => {
                            if d.set_dictionary(z).is_err() {
                                return Err((-3, "invalid dictionary".into()));
                            }
                            dict_set = true;
                            continue;
                        }
                        _ => return Err((2, String::new())),
                    }
                }
                return Err((-3, e.message().unwrap_or("invalid input data").to_string()));
            }
        }
    }
    Ok(Fed {
        out,
        consumed: pos,
        eof: false,
    })
}

fn inflate_error(vm: &mut Vm, code: i32, msg: &str, what: &str) -> Value {
    if msg.is_empty() {
        zerror(vm, &format!("Error {code} {what}"))
    } else {
        zerror(vm, &format!("Error {code} {what}: {msg}"))
    }
}

fn z_decompress(vm: &mut Vm, args: Args) -> PyResult {
    let a = bind(
        vm,
        "decompress",
        args,
        &["data", "wbits", "bufsize"],
        (1, 3, 1),
    )?;
    let data = data_arg(vm, a[0].as_ref().unwrap_or(&Value::NONE))?;
    let wbits = int_arg(vm, a[1].as_ref(), 15)?;
    if let Some(b) = &a[2] {
        let n = vm.index(b)?;
        if n.sign() == num_bigint::Sign::Minus {
            return Err(vm.value_error("bufsize must be non-negative"));
        }
    }
    let Some(kind) = container(wbits) else {
        return Err(zerror(
            vm,
            "Error -2 while preparing to decompress data: inconsistent stream state",
        ));
    };
    let mut d = make_decompress(kind, &data);
    match feed(&mut d, None, &data, 0, true) {
        Ok(f) if f.eof => Ok(vm.new_bytes(f.out)),
        Ok(_) => Err(zerror(
            vm,
            "Error -5 while decompressing data: incomplete or truncated stream",
        )),
        Err((c, m)) => Err(inflate_error(vm, c, &m, "while decompressing data")),
    }
}

fn z_decompressobj(vm: &mut Vm, args: Args) -> PyResult {
    let a = bind(vm, "decompressobj", args, &["wbits", "zdict"], (0, 2, 0))?;
    let wbits = int_arg(vm, a[0].as_ref(), 15)?;
    let zdict = match &a[1] {
        Some(v) => Some(
            bytes_like(v)
                .ok_or_else(|| vm.type_error("zdict argument must support the buffer protocol"))?,
        ),
        None => None,
    };
    let Some(kind) = container(wbits) else {
        return Err(vm.value_error("Invalid initialization option"));
    };
    let mut d = match kind {
        Container::Auto => None,
        k => Some(Box::new(make_decompress(k, &[]))),
    };
    if let (Some(dd), Container::Raw(_), Some(z)) = (d.as_mut(), kind, zdict.as_ref()) {
        if dd.set_dictionary(z).is_err() {
            return Err(vm.value_error("Invalid dictionary"));
        }
    }
    let m = import(vm, "zlib")?;
    let ty = module_get(&m, "__adder_Decompress__").unwrap_or_else(|| vm.t.object.clone());
    Ok(vm.alloc_builtin(
        &ty,
        DecompObj {
            st: RefCell::new(DecompState {
                d,
                kind,
                zdict: zdict.filter(|z| !z.is_empty()),
                pending: Vec::new(),
                unused_data: Vec::new(),
                unconsumed_tail: Vec::new(),
                eof: false,
            }),
        },
    ))
}

fn decomp_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a DecompObj> {
    v.downcast::<DecompObj>()
        .ok_or_else(|| vm.type_error("expected a zlib.Decompress object"))
}

/// Shared by `decompress` and `flush`.
fn decomp_run(
    vm: &mut Vm,
    slf: &Value,
    data: Vec<u8>,
    max_length: usize,
    finish: bool,
) -> PyResult {
    let dobj = decomp_of(vm, slf)?;
    let mut st = dobj.st.borrow_mut();
    if st.eof {
        // After the end of the stream, everything is unused data.
        st.unused_data.extend_from_slice(&data);
        drop(st);
        return Ok(vm.new_bytes(Vec::new()));
    }
    let mut input = std::mem::take(&mut st.pending);
    input.extend_from_slice(&data);
    if st.d.is_none() {
        if input.len() < 2 && !finish {
            st.pending = input;
            drop(st);
            return Ok(vm.new_bytes(Vec::new()));
        }
        let k = st.kind;
        st.d = Some(Box::new(make_decompress(k, &input)));
    }
    let zdict = st.zdict.clone();
    let r = match st.d.as_mut() {
        Some(d) => feed(d, zdict.as_deref(), &input, max_length, finish),
        None => Ok(Fed {
            out: Vec::new(),
            consumed: 0,
            eof: false,
        }),
    };
    match r {
        Ok(f) => {
            let rest = input[f.consumed..].to_vec();
            if f.eof {
                st.eof = true;
                st.unused_data.extend_from_slice(&rest);
                st.unconsumed_tail.clear();
            } else {
                st.unconsumed_tail = rest;
            }
            drop(st);
            Ok(vm.new_bytes(f.out))
        }
        Err((c, m)) => {
            drop(st);
            Err(inflate_error(vm, c, &m, "while decompressing data"))
        }
    }
}

fn d_decompress(vm: &mut Vm, mut args: Args) -> PyResult {
    let slf = args.pos.remove(0);
    let a = bind(vm, "decompress", args, &["data", "max_length"], (1, 2, 1))?;
    let data = data_arg(vm, a[0].as_ref().unwrap_or(&Value::NONE))?;
    let max = match &a[1] {
        Some(v) => {
            let i = vm.index(v)?;
            match i.to_i64() {
                Some(x) if x < 0 => return Err(vm.value_error("max_length must be non-negative")),
                Some(x) => x as usize,
                None => {
                    return Err(vm.overflow_error("Python int too large to convert to C ssize_t"))
                }
            }
        }
        None => 0,
    };
    decomp_run(vm, &slf, data, max, false)
}

fn d_flush(vm: &mut Vm, mut args: Args) -> PyResult {
    let slf = args.pos.remove(0);
    crate::util::positional(vm, "flush", &args, 0, 1)?;
    if let Some(l) = args.pos.first() {
        let i = vm.index(l)?;
        if i.sign() != num_bigint::Sign::Plus {
            return Err(vm.value_error("length must be greater than zero"));
        }
    }
    let tail = {
        let dobj = decomp_of(vm, &slf)?;
        let mut st = dobj.st.borrow_mut();
        std::mem::take(&mut st.unconsumed_tail)
    };
    // An incomplete stream is not an error for flush().
    decomp_run(vm, &slf, tail, 0, true)
}

fn d_unused_data(vm: &mut Vm, v: &Value) -> PyResult {
    let b = decomp_of(vm, v)?.st.borrow().unused_data.clone();
    Ok(vm.new_bytes(b))
}

fn d_unconsumed_tail(vm: &mut Vm, v: &Value) -> PyResult {
    let b = decomp_of(vm, v)?.st.borrow().unconsumed_tail.clone();
    Ok(vm.new_bytes(b))
}

fn d_eof(vm: &mut Vm, v: &Value) -> PyResult {
    Ok(Value::from_bool(decomp_of(vm, v)?.st.borrow().eof))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adler() {
        assert_eq!(adler32_update(1, b"hello"), 103_547_413);
        assert_eq!(adler32_update(1, b""), 1);
    }

    #[test]
    fn roundtrip() {
        let data: Vec<u8> = (0..10000u32).map(|i| (i * 7 % 251) as u8).collect();
        for w in [15i64, -15, 31] {
            let mut c =
                new_compress(6, w).unwrap_or_else(|| Compress::new(Compression::default(), true));
            let z = run_compress(&mut c, &data, FlushCompress::Finish).unwrap_or_default();
            let mut d = make_decompress(container(w).unwrap_or(Container::Zlib(15)), &z);
            let f = feed(&mut d, None, &z, 0, true).ok();
            assert_eq!(f.map(|f| f.out), Some(data.clone()));
        }
    }
}
