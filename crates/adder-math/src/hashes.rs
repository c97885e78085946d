//! The builtin hash modules that `hashlib` falls back to when OpenSSL's
//! `_hashlib` is absent: `_md5`, `_sha1`, `_sha256`, `_sha512`, `_sha3`,
//! `_blake2`, computed by the RustCrypto crates.
//!
//! Invariant: a hash object's state is only ever read through a clone, so
//! `digest()` never disturbs further `update()`s; arguments are checked with
//! CPython 3.11's messages. BLAKE2's tree-hashing parameters (fanout, depth,
//! leaf_size, node_offset, node_depth, inner_size, last_node) are accepted
//! only at their defaults (NotImplementedError otherwise).

use std::cell::RefCell;

use adder_object::{Trace, Value};
use adder_vm::kinds::MATH_FIRST;
use adder_vm::native::{module_add_fns, module_add_ints, module_get, module_set, new_type};
use adder_vm::objects::string::Str;
use adder_vm::objects::types::tflags;
use adder_vm::{Args, NativeModule, PyResult, Vm};
use digest::core_api::{Buffer, VariableOutputCore};
use digest::{Digest, ExtendableOutput, Update};
use num_traits::{Signed, ToPrimitive};

use crate::util::{bind, bytes_like};

const HASH_KIND: u8 = MATH_FIRST + 1;

/// A BLAKE2 state built from its core, so that salt, person and key can be
/// set: the key, padded to a block, is the first (lazily processed) block.
#[derive(Clone)]
struct Blake2<C: VariableOutputCore + Clone>
where
    C::BlockSize: digest::typenum::IsLess<digest::typenum::U256>,
    digest::typenum::Le<C::BlockSize, digest::typenum::U256>: digest::typenum::NonZero,
{
    core: C,
    buffer: Buffer<C>,
    out: usize,
}

impl<C: VariableOutputCore + Clone> Blake2<C>
where
    C::BlockSize: digest::typenum::IsLess<digest::typenum::U256>,
    digest::typenum::Le<C::BlockSize, digest::typenum::U256>: digest::typenum::NonZero,
{
    fn update(&mut self, data: &[u8]) {
        let core = &mut self.core;
        self.buffer
            .digest_blocks(data, |blocks| core.update_blocks(blocks));
    }
    fn finish(&self) -> Vec<u8> {
        let mut c = self.clone();
        let mut out = digest::Output::<C>::default();
        c.core.finalize_variable_core(&mut c.buffer, &mut out);
        out[..self.out].to_vec()
    }
}

type Blake2b = Blake2<blake2::Blake2bVarCore>;
type Blake2s = Blake2<blake2::Blake2sVarCore>;

#[derive(Clone)]
enum State {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(Blake2b),
    Blake2s(Blake2s),
}

impl State {
    fn update(&mut self, d: &[u8]) {
        match self {
            State::Md5(h) => Digest::update(h, d),
            State::Sha1(h) => Digest::update(h, d),
            State::Sha224(h) => Digest::update(h, d),
            State::Sha256(h) => Digest::update(h, d),
            State::Sha384(h) => Digest::update(h, d),
            State::Sha512(h) => Digest::update(h, d),
            State::Sha3_224(h) => Digest::update(h, d),
            State::Sha3_256(h) => Digest::update(h, d),
            State::Sha3_384(h) => Digest::update(h, d),
            State::Sha3_512(h) => Digest::update(h, d),
            State::Shake128(h) => Update::update(h, d),
            State::Shake256(h) => Update::update(h, d),
            State::Blake2b(h) => h.update(d),
            State::Blake2s(h) => h.update(d),
        }
    }

    /// The digest (`len` bytes for the SHAKEs).
    fn digest(&self, len: usize) -> Vec<u8> {
        fn fin<D: Digest + Clone>(h: &D) -> Vec<u8> {
            h.clone().finalize().to_vec()
        }
        fn xof<X: ExtendableOutput + Clone>(h: &X, len: usize) -> Vec<u8> {
            let mut out = vec![0u8; len];
            h.clone().finalize_xof_into(&mut out);
            out
        }
        match self {
            State::Md5(h) => fin(h),
            State::Sha1(h) => fin(h),
            State::Sha224(h) => fin(h),
            State::Sha256(h) => fin(h),
            State::Sha384(h) => fin(h),
            State::Sha512(h) => fin(h),
            State::Sha3_224(h) => fin(h),
            State::Sha3_256(h) => fin(h),
            State::Sha3_384(h) => fin(h),
            State::Sha3_512(h) => fin(h),
            State::Shake128(h) => xof(h, len),
            State::Shake256(h) => xof(h, len),
            State::Blake2b(h) => h.finish(),
            State::Blake2s(h) => h.finish(),
        }
    }

    /// (name, digest_size, block_size)
    fn info(&self) -> (&'static str, usize, usize) {
        match self {
            State::Md5(_) => ("md5", 16, 64),
            State::Sha1(_) => ("sha1", 20, 64),
            State::Sha224(_) => ("sha224", 28, 64),
            State::Sha256(_) => ("sha256", 32, 64),
            State::Sha384(_) => ("sha384", 48, 128),
            State::Sha512(_) => ("sha512", 64, 128),
            State::Sha3_224(_) => ("sha3_224", 28, 144),
            State::Sha3_256(_) => ("sha3_256", 32, 136),
            State::Sha3_384(_) => ("sha3_384", 48, 104),
            State::Sha3_512(_) => ("sha3_512", 64, 72),
            State::Shake128(_) => ("shake_128", 0, 168),
            State::Shake256(_) => ("shake_256", 0, 136),
            State::Blake2b(h) => ("blake2b", h.out, 128),
            State::Blake2s(h) => ("blake2s", h.out, 64),
        }
    }

    fn is_shake(&self) -> bool {
        matches!(self, State::Shake128(_) | State::Shake256(_))
    }
}

/// A hash object of any algorithm (its class says which).
/// The state is boxed: the digest states are 16-byte aligned, heap payloads
/// at most 8.
#[derive(Trace)]
pub struct HashObj {
    /// The digest crates' states: no Python objects.
    #[trace(skip)]
    st: RefCell<Box<State>>,
}
adder_object::payload!(HashObj, HASH_KIND, "hash");

pub fn modules() -> Vec<NativeModule> {
    vec![
        NativeModule {
            name: "_md5",
            init: init_md5,
        },
        NativeModule {
            name: "_sha1",
            init: init_sha1,
        },
        NativeModule {
            name: "_sha256",
            init: init_sha256,
        },
        NativeModule {
            name: "_sha512",
            init: init_sha512,
        },
        NativeModule {
            name: "_sha3",
            init: init_sha3,
        },
        NativeModule {
            name: "_blake2",
            init: init_blake2,
        },
    ]
}

fn hash_type(vm: &mut Vm, module: &str, name: &str, flags: u32) -> Value {
    let base = vm.t.object.clone();
    let ty = new_type(
        vm,
        module,
        name,
        &base,
        <HashObj as adder_object::Payload>::vtable(),
        HASH_KIND,
        flags,
    );
    vm.add_method(&ty, "update", hash_update);
    vm.add_method(&ty, "digest", hash_digest);
    vm.add_method(&ty, "hexdigest", hash_hexdigest);
    vm.add_method(&ty, "copy", hash_copy);
    vm.add_getset(&ty, "name", get_name, None);
    vm.add_getset(&ty, "digest_size", get_digest_size, None);
    vm.add_getset(&ty, "block_size", get_block_size, None);
    ty
}

fn init_md5(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let t = hash_type(vm, "_md5", "md5", 0);
    module_set(vm, m, "MD5Type", t);
    module_add_fns(vm, m, &[("md5", new_md5)]);
    Ok(())
}

fn init_sha1(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let t = hash_type(vm, "_sha1", "sha1", 0);
    module_set(vm, m, "SHA1Type", t);
    module_add_fns(vm, m, &[("sha1", new_sha1)]);
    Ok(())
}

fn init_sha256(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let t = hash_type(vm, "_sha256", "sha224", 0);
    module_set(vm, m, "SHA224Type", t);
    let t = hash_type(vm, "_sha256", "sha256", 0);
    module_set(vm, m, "SHA256Type", t);
    module_add_fns(vm, m, &[("sha224", new_sha224), ("sha256", new_sha256)]);
    Ok(())
}

fn init_sha512(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let t = hash_type(vm, "_sha512", "sha384", 0);
    module_set(vm, m, "SHA384Type", t);
    let t = hash_type(vm, "_sha512", "sha512", 0);
    module_set(vm, m, "SHA512Type", t);
    module_add_fns(vm, m, &[("sha384", new_sha384), ("sha512", new_sha512)]);
    Ok(())
}

fn init_sha3(vm: &mut Vm, m: &Value) -> PyResult<()> {
    type Spec = (&'static str, adder_vm::vm::NativeFn, i64, i64, u8);
    let specs: [Spec; 6] = [
        ("sha3_224", new_sha3_224, 448, 1152, 0x06),
        ("sha3_256", new_sha3_256, 512, 1088, 0x06),
        ("sha3_384", new_sha3_384, 768, 832, 0x06),
        ("sha3_512", new_sha3_512, 1024, 576, 0x06),
        ("shake_128", new_shake_128, 256, 1344, 0x1f),
        ("shake_256", new_shake_256, 512, 1088, 0x1f),
    ];
    for (name, ctor, cap, rate, suffix) in specs {
        let t = hash_type(vm, "_sha3", name, tflags::BASETYPE);
        vm.set_new(&t, ctor);
        let c = vm.new_int(cap);
        vm.add_attr(&t, "_capacity_bits", c);
        let r = vm.new_int(rate);
        vm.add_attr(&t, "_rate_bits", r);
        let s = vm.new_bytes(vec![suffix]);
        vm.add_attr(&t, "_suffix", s);
        module_set(vm, m, name, t);
    }
    let imp = vm.new_str("RustCrypto sha3");
    module_set(vm, m, "implementation", imp);
    let k = vm.new_int(64);
    module_set(vm, m, "keccakopt", k);
    Ok(())
}

fn init_blake2(vm: &mut Vm, m: &Value) -> PyResult<()> {
    for (name, ctor, salt, max) in [
        (
            "blake2b",
            new_blake2b as fn(&mut Vm, Args) -> PyResult,
            16i64,
            64i64,
        ),
        ("blake2s", new_blake2s, 8, 32),
    ] {
        let t = hash_type(vm, "_blake2", name, tflags::BASETYPE);
        vm.set_new(&t, ctor);
        for (attr, v) in [
            ("SALT_SIZE", salt),
            ("PERSON_SIZE", salt),
            ("MAX_KEY_SIZE", max),
            ("MAX_DIGEST_SIZE", max),
        ] {
            let v = vm.new_int(v);
            vm.add_attr(&t, attr, v);
        }
        module_set(vm, m, name, t);
    }
    module_add_ints(
        vm,
        m,
        &[
            ("BLAKE2B_SALT_SIZE", 16),
            ("BLAKE2B_PERSON_SIZE", 16),
            ("BLAKE2B_MAX_KEY_SIZE", 64),
            ("BLAKE2B_MAX_DIGEST_SIZE", 64),
            ("BLAKE2S_SALT_SIZE", 8),
            ("BLAKE2S_PERSON_SIZE", 8),
            ("BLAKE2S_MAX_KEY_SIZE", 32),
            ("BLAKE2S_MAX_DIGEST_SIZE", 32),
        ],
    );
    Ok(())
}

/// The data of a hashing argument, with CPython's messages.
fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(v) {
        return Ok(b);
    }
    if v.downcast::<Str>().is_some() {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    Err(vm.type_error("object supporting the buffer API required"))
}

fn alloc_hash(vm: &mut Vm, ty: &Value, mut st: State, data: Option<&Value>) -> PyResult {
    if let Some(d) = data {
        let bytes = data_arg(vm, d)?;
        st.update(&bytes);
    }
    Ok(vm.alloc_builtin(
        ty,
        HashObj {
            st: RefCell::new(Box::new(st)),
        },
    ))
}

/// `md5(string=b'', *, usedforsecurity=True)` and the other functions.
fn new_fn(vm: &mut Vm, args: Args, name: &str, module: &str, ty: &str, st: State) -> PyResult {
    let a = bind(vm, name, args, &["string", "usedforsecurity"], (0, 1, 0))?;
    let m = adder_vm::native::import(vm, module)?;
    let Some(t) = module_get(&m, ty) else {
        return Err(vm.system_error("hash type missing"));
    };
    alloc_hash(vm, &t, st, a[0].as_ref())
}

fn new_md5(vm: &mut Vm, a: Args) -> PyResult {
    new_fn(
        vm,
        a,
        "md5",
        "_md5",
        "MD5Type",
        State::Md5(Default::default()),
    )
}
fn new_sha1(vm: &mut Vm, a: Args) -> PyResult {
    new_fn(
        vm,
        a,
        "sha1",
        "_sha1",
        "SHA1Type",
        State::Sha1(Default::default()),
    )
}
fn new_sha224(vm: &mut Vm, a: Args) -> PyResult {
    new_fn(
        vm,
        a,
        "sha224",
        "_sha256",
        "SHA224Type",
        State::Sha224(Default::default()),
    )
}
fn new_sha256(vm: &mut Vm, a: Args) -> PyResult {
    new_fn(
        vm,
        a,
        "sha256",
        "_sha256",
        "SHA256Type",
        State::Sha256(Default::default()),
    )
}
fn new_sha384(vm: &mut Vm, a: Args) -> PyResult {
    new_fn(
        vm,
        a,
        "sha384",
        "_sha512",
        "SHA384Type",
        State::Sha384(Default::default()),
    )
}
fn new_sha512(vm: &mut Vm, a: Args) -> PyResult {
    new_fn(
        vm,
        a,
        "sha512",
        "_sha512",
        "SHA512Type",
        State::Sha512(Default::default()),
    )
}

/// `sha3_*(data=b'', /, *, usedforsecurity=True)`: a type's constructor.
fn new_sha3(vm: &mut Vm, mut args: Args, st: State) -> PyResult {
    let cls = args.pos.remove(0);
    // CPython 3.11 names every SHA-3 constructor "sha3_224" in its messages.
    let a = bind(
        vm,
        "sha3_224",
        args,
        &["data", "usedforsecurity"],
        (1, 1, 0),
    )?;
    alloc_hash(vm, &cls, st, a[0].as_ref())
}

fn new_sha3_224(vm: &mut Vm, a: Args) -> PyResult {
    new_sha3(vm, a, State::Sha3_224(Default::default()))
}
fn new_sha3_256(vm: &mut Vm, a: Args) -> PyResult {
    new_sha3(vm, a, State::Sha3_256(Default::default()))
}
fn new_sha3_384(vm: &mut Vm, a: Args) -> PyResult {
    new_sha3(vm, a, State::Sha3_384(Default::default()))
}
fn new_sha3_512(vm: &mut Vm, a: Args) -> PyResult {
    new_sha3(vm, a, State::Sha3_512(Default::default()))
}
fn new_shake_128(vm: &mut Vm, a: Args) -> PyResult {
    new_sha3(vm, a, State::Shake128(Default::default()))
}
fn new_shake_256(vm: &mut Vm, a: Args) -> PyResult {
    new_sha3(vm, a, State::Shake256(Default::default()))
}

const BLAKE2_PARAMS: [&str; 13] = [
    "data",
    "digest_size",
    "key",
    "salt",
    "person",
    "fanout",
    "depth",
    "leaf_size",
    "node_offset",
    "node_depth",
    "inner_size",
    "last_node",
    "usedforsecurity",
];

fn new_blake2(vm: &mut Vm, mut args: Args, big: bool) -> PyResult {
    let cls = args.pos.remove(0);
    let name = if big { "blake2b" } else { "blake2s" };
    let a = bind(vm, name, args, &BLAKE2_PARAMS, (1, 1, 0))?;
    let (max, quarter) = if big { (64usize, 16usize) } else { (32, 8) };
    let digest_size = match &a[1] {
        Some(v) => vm.index(v)?.to_i64().unwrap_or(-1),
        None => max as i64,
    };
    if digest_size < 1 || digest_size > max as i64 {
        return Err(vm.value_error(format!("digest_size must be between 1 and {max} bytes")));
    }
    let mut bufs = Vec::new();
    for v in &a[2..5] {
        bufs.push(match v {
            Some(v) => data_arg(vm, v)?,
            None => Vec::new(),
        });
    }
    let (key, salt, person) = (&bufs[0], &bufs[1], &bufs[2]);
    if salt.len() > quarter {
        return Err(vm.value_error(format!("maximum salt length is {quarter} bytes")));
    }
    if person.len() > quarter {
        return Err(vm.value_error(format!("maximum person length is {quarter} bytes")));
    }
    if key.len() > max {
        return Err(vm.value_error(format!("maximum key length is {max} bytes")));
    }
    let defaults = [1i64, 1, 0, 0, 0, 0];
    for (k, d) in defaults.iter().enumerate() {
        if let Some(v) = &a[5 + k] {
            let x = vm.index(v)?;
            if x.is_negative() || x.to_i64() != Some(*d) {
                return Err(vm.not_implemented_error(format!(
                    "{name}: tree hashing parameter '{}' is not supported",
                    BLAKE2_PARAMS[5 + k]
                )));
            }
        }
    }
    if let Some(v) = &a[11] {
        if vm.truthy(v)? {
            return Err(vm.not_implemented_error(format!(
                "{name}: tree hashing parameter 'last_node' is not supported"
            )));
        }
    }
    let out = digest_size as usize;
    let st = if big {
        let mut block = Buffer::<blake2::Blake2bVarCore>::default();
        if !key.is_empty() {
            let mut padded = [0u8; 128];
            padded[..key.len()].copy_from_slice(key);
            block = Buffer::<blake2::Blake2bVarCore>::new(&padded);
        }
        State::Blake2b(Blake2 {
            core: blake2::Blake2bVarCore::new_with_params(salt, person, key.len(), out),
            buffer: block,
            out,
        })
    } else {
        let mut block = Buffer::<blake2::Blake2sVarCore>::default();
        if !key.is_empty() {
            let mut padded = [0u8; 64];
            padded[..key.len()].copy_from_slice(key);
            block = Buffer::<blake2::Blake2sVarCore>::new(&padded);
        }
        State::Blake2s(Blake2 {
            core: blake2::Blake2sVarCore::new_with_params(salt, person, key.len(), out),
            buffer: block,
            out,
        })
    };
    alloc_hash(vm, &cls, st, a[0].as_ref())
}

fn new_blake2b(vm: &mut Vm, a: Args) -> PyResult {
    new_blake2(vm, a, true)
}
fn new_blake2s(vm: &mut Vm, a: Args) -> PyResult {
    new_blake2(vm, a, false)
}

// ----- methods -----------------------------------------------------------------

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a HashObj> {
    v.downcast::<HashObj>()
        .ok_or_else(|| vm.type_error(format!("expected a hash object, not {}", vm.type_name(v))))
}

/// The short type name CPython's messages use (`sha256`, not `_sha256.sha256`).
fn type_short(vm: &Vm, v: &Value) -> String {
    match v.downcast::<HashObj>() {
        Some(h) => h.st.borrow().info().0.to_string(),
        None => vm.type_name(v),
    }
}

fn hash_update(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        let n = type_short(vm, &args.pos[0]);
        return Err(vm.type_error(format!("{n}.update() takes no keyword arguments")));
    }
    if args.pos.len() != 2 {
        let n = type_short(vm, &args.pos[0]);
        return Err(vm.type_error(format!(
            "{n}.update() takes exactly one argument ({} given)",
            args.pos.len() - 1
        )));
    }
    let data = data_arg(vm, &args.pos[1])?;
    this(vm, &args.pos[0])?.st.borrow_mut().update(&data);
    Ok(Value::NONE)
}

/// The digest length argument of a SHAKE's `digest(length)`.
fn shake_len(vm: &mut Vm, args: &Args, meth: &str) -> PyResult<usize> {
    let n = type_short(vm, &args.pos[0]);
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{n}.{meth}() takes no keyword arguments")));
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "{n}.{meth}() takes exactly one argument ({} given)",
            args.pos.len() - 1
        )));
    }
    let l = vm.index(&args.pos[1])?;
    if l.is_negative() {
        return Err(vm.value_error("value must be positive"));
    }
    match l.to_usize() {
        Some(x) if x < (1 << 29) => Ok(x),
        _ => Err(vm.value_error("length is too large")),
    }
}

fn no_args(vm: &mut Vm, args: &Args, meth: &str) -> PyResult<()> {
    if args.pos.len() != 1 || !args.kw.is_empty() {
        let n = type_short(vm, &args.pos[0]);
        return Err(vm.type_error(format!(
            "{n}.{meth}() takes no arguments ({} given)",
            args.pos.len() - 1
        )));
    }
    Ok(())
}

fn digest_of(vm: &mut Vm, args: &Args, meth: &str) -> PyResult<Vec<u8>> {
    let shake = this(vm, &args.pos[0])?.st.borrow().is_shake();
    let len = if shake {
        shake_len(vm, args, meth)?
    } else {
        no_args(vm, args, meth)?;
        0
    };
    Ok(this(vm, &args.pos[0])?.st.borrow().digest(len))
}

fn hash_digest(vm: &mut Vm, args: Args) -> PyResult {
    let d = digest_of(vm, &args, "digest")?;
    Ok(vm.new_bytes(d))
}

fn hash_hexdigest(vm: &mut Vm, args: Args) -> PyResult {
    let d = digest_of(vm, &args, "hexdigest")?;
    let s: String = d.iter().map(|b| format!("{b:02x}")).collect();
    Ok(vm.new_string(s))
}

fn hash_copy(vm: &mut Vm, args: Args) -> PyResult {
    no_args(vm, &args, "copy")?;
    let st: State = (**this(vm, &args.pos[0])?.st.borrow()).clone();
    let ty = vm.type_of(&args.pos[0]);
    Ok(vm.alloc_builtin(
        &ty,
        HashObj {
            st: RefCell::new(Box::new(st)),
        },
    ))
}

fn get_name(vm: &mut Vm, v: &Value) -> PyResult {
    let n = this(vm, v)?.st.borrow().info().0;
    Ok(vm.new_str(n))
}

fn get_digest_size(vm: &mut Vm, v: &Value) -> PyResult {
    let n = this(vm, v)?.st.borrow().info().1;
    Ok(vm.new_int(n as i64))
}

fn get_block_size(vm: &mut Vm, v: &Value) -> PyResult {
    let n = this(vm, v)?.st.borrow().info().2;
    Ok(vm.new_int(n as i64))
}
