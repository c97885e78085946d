//! `_random`: the Mersenne Twister (MT19937) behind `random.Random`,
//! bit-identical to CPython's — seeding (`init_by_array` over the 32-bit
//! words of `abs(seed)`, least significant first; `hash(seed)` as an
//! unsigned word for other
//! hashable seeds; 624 words of OS randomness for `None`), `random()` (53
//! bits from two draws), `getrandbits(k)` (words least significant first),
//! `getstate`/`setstate` (624 words and the index).
//!
//! Invariant: the generator state lives only in the `Random` payload; every
//! method borrows it briefly and never while calling back into Python.

use std::cell::{Cell, RefCell};

use adder_object::{Trace, Value};
use adder_vm::kinds::MATH_FIRST;
use adder_vm::native::{module_set, new_type};
use adder_vm::num::as_bigint;
use adder_vm::objects::seq::Tuple;
use adder_vm::objects::types::tflags;
use adder_vm::{Args, NativeModule, PyResult, Vm};
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};

use crate::util::{c_int_arg, one_arg};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

const RANDOM_KIND: u8 = MATH_FIRST;

/// The generator: 624 words of state and the next index into them.
#[derive(Trace)]
pub struct Mt {
    state: RefCell<[u32; N]>,
    index: Cell<usize>,
}
adder_object::payload!(Mt, RANDOM_KIND, "_random.Random");

impl Mt {
    fn new() -> Mt {
        Mt {
            state: RefCell::new([0; N]),
            index: Cell::new(0),
        }
    }

    fn init_genrand(mt: &mut [u32; N], s: u32) {
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1_812_433_253u32
                .wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
    }

    fn init_by_array(&self, key: &[u32]) {
        let mut mt = self.state.borrow_mut();
        Self::init_genrand(&mut mt, 19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        let mut k = N.max(key.len());
        while k > 0 {
            let prev = mt[i - 1] ^ (mt[i - 1] >> 30);
            mt[i] = (mt[i] ^ prev.wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            let prev = mt[i - 1] ^ (mt[i - 1] >> 30);
            mt[i] = (mt[i] ^ prev.wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        mt[0] = 0x8000_0000;
        self.index.set(N);
    }

    /// The next 32 random bits.
    fn genrand(&self) -> u32 {
        let mut mt = self.state.borrow_mut();
        let mut idx = self.index.get();
        if idx >= N {
            let mag = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
            idx = 0;
        }
        let mut y = mt[idx];
        self.index.set(idx + 1);
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits.
    pub fn random(&self) -> f64 {
        let a = (self.genrand() >> 5) as f64;
        let b = (self.genrand() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// Seeds from a non-negative integer.
    pub fn seed_int(&self, n: &BigInt) {
        let mut key: Vec<u32> = n.magnitude().to_u32_digits();
        if key.is_empty() {
            key.push(0);
        }
        self.init_by_array(&key);
    }

    /// `k` random bits as a non-negative integer.
    pub fn getrandbits(&self, k: u64) -> BigInt {
        if k <= 32 {
            return BigInt::from(if k == 0 {
                0
            } else {
                self.genrand() >> (32 - k)
            });
        }
        let words = (k - 1) / 32 + 1;
        let mut out = Vec::with_capacity(words as usize);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.genrand();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left = left.saturating_sub(32);
        }
        BigInt::from_slice(Sign::Plus, &out)
    }
}

pub fn module() -> NativeModule {
    NativeModule {
        name: "_random",
        init,
    }
}

fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let base = vm.t.object.clone();
    let ty = new_type(
        vm,
        "_random",
        "Random",
        &base,
        <Mt as adder_object::Payload>::vtable(),
        RANDOM_KIND,
        tflags::BASETYPE,
    );
    vm.set_new(&ty, random_new);
    vm.add_method(&ty, "__init__", random_init);
    vm.add_method(&ty, "random", random_random);
    vm.add_method(&ty, "seed", random_seed);
    vm.add_method(&ty, "getstate", random_getstate);
    vm.add_method(&ty, "setstate", random_setstate);
    vm.add_method(&ty, "getrandbits", random_getrandbits);
    let doc =
        vm.new_str("Random() -> create a random number generator with its own internal state.");
    vm.add_attr(&ty, "__doc__", doc);
    module_set(vm, m, "Random", ty);
    Ok(())
}

fn this<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a Mt> {
    v.downcast::<Mt>().ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '{what}' requires a '_random.Random' object but received a '{}'",
            vm.type_name(v)
        ))
    })
}

fn random_new(vm: &mut Vm, args: Args) -> PyResult {
    let cls = args.pos[0].clone();
    Ok(vm.alloc_builtin(&cls, Mt::new()))
}

fn random_init(vm: &mut Vm, args: Args) -> PyResult {
    let slf = args.pos[0].clone();
    let exact = vm
        .type_of(&slf)
        .downcast::<adder_vm::objects::types::TypeObject>()
        .is_some_and(|t| !t.has_flag(tflags::HEAPTYPE));
    if exact && !args.kw.is_empty() {
        return Err(vm.type_error("Random() takes no keyword arguments"));
    }
    if args.pos.len() > 2 {
        return Err(vm.type_error("Random() requires 0 or 1 argument"));
    }
    let arg = args.pos.get(1).cloned().unwrap_or(Value::NONE);
    seed_value(vm, &slf, &arg)?;
    Ok(Value::NONE)
}

/// CPython's `random_seed`: None -> OS randomness; ints -> abs value;
/// anything else -> `(size_t)hash(arg)`.
fn seed_value(vm: &mut Vm, slf: &Value, arg: &Value) -> PyResult<()> {
    let mt = this(vm, slf, "seed")?;
    if arg.is_none() {
        let mut buf = vec![0u8; N * 4];
        if vm.host.urandom(&mut buf).is_err() {
            // No OS randomness: fall back to a mix of the clock, as CPython does.
            let n = BigInt::from(vm.host.time_ns()).abs();
            mt.seed_int(&n);
            return Ok(());
        }
        let key: Vec<u32> = buf
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        mt.init_by_array(&key);
        return Ok(());
    }
    let n = match as_bigint(arg) {
        Some(i) if !arg.is_float() => i.abs(),
        // Other hashables: the hash as an unsigned machine word.
        _ => BigInt::from(vm.hash(arg)? as u64),
    };
    let mt = this(vm, slf, "seed")?;
    mt.seed_int(&n);
    Ok(())
}

fn random_seed(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("seed() takes no keyword arguments"));
    }
    if args.pos.is_empty() || args.pos.len() > 2 {
        let n = args.pos.len().saturating_sub(1);
        return Err(vm.type_error(format!("seed expected at most 1 argument, got {n}")));
    }
    let arg = args.pos.get(1).cloned().unwrap_or(Value::NONE);
    seed_value(vm, &args.pos[0], &arg)?;
    Ok(Value::NONE)
}

fn random_random(vm: &mut Vm, args: Args) -> PyResult {
    let slf = one_arg(vm, "random", &args).map_err(|_| {
        vm.type_error(format!(
            "Random.random() takes no arguments ({} given)",
            args.pos.len().saturating_sub(1)
        ))
    })?;
    let x = this(vm, &slf, "random")?.random();
    Ok(vm.new_float(x))
}

fn random_getrandbits(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("getrandbits() takes no keyword arguments"));
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "Random.getrandbits() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1)
        )));
    }
    let k = c_int_arg(vm, &args.pos[1])?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    let r = this(vm, &args.pos[0], "getrandbits")?.getrandbits(k as u64);
    Ok(vm.new_bigint(r))
}

fn random_getstate(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() != 1 || !args.kw.is_empty() {
        return Err(vm.type_error(format!(
            "Random.getstate() takes no arguments ({} given)",
            args.pos.len().saturating_sub(1)
        )));
    }
    let mt = this(vm, &args.pos[0], "getstate")?;
    let words: Vec<u32> = mt.state.borrow().to_vec();
    let idx = mt.index.get();
    let mut items: Vec<Value> = words.iter().map(|&w| vm.new_int(w as i64)).collect();
    items.push(vm.new_int(idx as i64));
    Ok(vm.new_tuple(items))
}

fn random_setstate(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() != 2 || !args.kw.is_empty() {
        return Err(vm.type_error(format!(
            "Random.setstate() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1)
        )));
    }
    let Some(t) = args.pos[1].downcast::<Tuple>() else {
        return Err(vm.type_error("state vector must be a tuple"));
    };
    let items = t.items.to_vec();
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut new_state = [0u32; N];
    for (i, v) in items[..N].iter().enumerate() {
        let Some(x) = as_bigint(v).filter(|_| !v.is_float()) else {
            return Err(vm.type_error("an integer is required"));
        };
        if x.is_negative() {
            return Err(vm.overflow_error("can't convert negative value to unsigned int"));
        }
        let Some(x) = x.to_u64() else {
            return Err(vm.overflow_error("Python int too large to convert to C unsigned long"));
        };
        new_state[i] = x as u32;
    }
    let Some(idx) = as_bigint(&items[N]).filter(|_| !items[N].is_float()) else {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&items[N])
        )));
    };
    let Some(idx) = idx.to_i64() else {
        return Err(vm.overflow_error("Python int too large to convert to C long"));
    };
    if idx < 0 || idx > N as i64 {
        return Err(vm.value_error("invalid state"));
    }
    let mt = this(vm, &args.pos[0], "setstate")?;
    *mt.state.borrow_mut() = new_state;
    mt.index.set(idx as usize);
    Ok(Value::NONE)
}
