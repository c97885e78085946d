//! Pickling of `array.array`: `__reduce_ex__` and
//! `array._array_reconstructor(arraytype, typecode, mformat_code, items)`,
//! which rebuilds an array from the bytes of another machine's layout
//! (CPython 3.11's machine format codes 0..=21).
//!
//! Invariant: `__reduce_ex__` with protocol 3+ emits this machine's format
//! code for the typecode (little-endian, LP64, 4-byte `wchar_t`), and the
//! reconstructor accepts every format code CPython's does, converting
//! integer formats to the typecode of matching size and signedness as
//! CPython does (the last match in typecode order).

use adder_object::Value;
use adder_vm::native::{import, module_get};
use adder_vm::num::as_bigint;
use adder_vm::objects::string::{Bytes, Str};
use adder_vm::objects::types::TypeObject;
use adder_vm::ops::is_subtype;
use adder_vm::{Args, PyResult, Vm};
use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

use super::item::{self, itemsize};
use super::methods::{exact_pos, to_values};
use super::{array_type, this};

pub fn register(vm: &mut Vm, t: &Value) {
    vm.add_method(t, "__reduce_ex__", reduce_ex);
    vm.add_method(t, "__reduce__", reduce);
}

/// (size, signed, big-endian) of each machine format code; the UTF-16
/// codes have size 4, as in CPython's table.
const MFORMATS: [(usize, bool, bool); 22] = [
    (1, false, false),
    (1, true, false),
    (2, false, false),
    (2, false, true),
    (2, true, false),
    (2, true, true),
    (4, false, false),
    (4, false, true),
    (4, true, false),
    (4, true, true),
    (8, false, false),
    (8, false, true),
    (8, true, false),
    (8, true, true),
    (4, false, false),
    (4, false, true),
    (8, false, false),
    (8, false, true),
    (4, false, false),
    (4, false, true),
    (4, false, false),
    (4, false, true),
];

/// This machine's format code for a typecode.
fn mformat_of(code: u8) -> i64 {
    let le = cfg!(target_endian = "little");
    let base = match code {
        b'b' => return 1,
        b'B' => return 0,
        b'h' => 4,
        b'H' => 2,
        b'i' => 8,
        b'I' => 6,
        b'l' | b'q' => 12,
        b'L' | b'Q' => 10,
        b'f' => 14,
        b'd' => 16,
        _ => 20,
    };
    if le {
        base
    } else {
        base + 1
    }
}

fn reduce(vm: &mut Vm, args: Args) -> PyResult {
    Err(vm.type_error(format!(
        "cannot pickle '{}' object",
        args.pos
            .first()
            .and_then(|v| vm.type_of(v).downcast::<TypeObject>().map(|t| t.name()))
            .unwrap_or_default()
    )))
}

fn reduce_ex(vm: &mut Vm, args: Args) -> PyResult {
    exact_pos(vm, &args, "__reduce_ex__", 1)?;
    let a = this(vm, &args, "__reduce_ex__")?;
    let av = args.pos[0].clone();
    let Some(p) = as_bigint(&args.pos[1]) else {
        return Err(vm.type_error("__reduce_ex__ argument should be an integer"));
    };
    let protocol = p
        .to_i64()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C long"))?;
    let dict = match av.header().and_then(|h| h.dict_slot()).map(|s| s.get()) {
        Some(d) if !d.is_null() => d,
        Some(_) => vm.getattr_str(&av, "__dict__")?,
        None => Value::NONE,
    };
    let t = vm.type_of(&av);
    let code = vm.new_string((a.code as char).to_string());
    if protocol < 3 {
        let items = to_values(vm, a)?;
        let l = vm.new_list(items);
        let inner = vm.new_tuple(vec![code, l]);
        return Ok(vm.new_tuple(vec![t, inner, dict]));
    }
    let m = import(vm, "array")?;
    let Some(f) = module_get(&m, "_array_reconstructor") else {
        return Err(vm.attribute_error(&m, "_array_reconstructor"));
    };
    let mf = vm.new_int(mformat_of(a.code));
    let bytes = vm.new_bytes(a.data.borrow().clone());
    let inner = vm.new_tuple(vec![t, code, mf, bytes]);
    Ok(vm.new_tuple(vec![f, inner, dict]))
}

/// `array._array_reconstructor(arraytype, typecode, mformat_code, items)`.
pub fn array_reconstructor(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("array._array_reconstructor() takes no keyword arguments"));
    }
    crate::util::positional(vm, "_array_reconstructor", &args, 4, 4)?;
    let (arraytype, tcv, mfv, items) = (&args.pos[0], &args.pos[1], &args.pos[2], &args.pos[3]);
    let c = match tcv.downcast::<Str>() {
        Some(s) if s.char_len() == 1 => s.char_at(0),
        _ => {
            return Err(vm.type_error(format!(
                "_array_reconstructor() argument 2 must be a unicode character, not {}",
                vm.type_name(tcv)
            )))
        }
    };
    let mf = vm.index(mfv)?;
    let mf = mf
        .to_i32()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))?;
    if !vm.is_type(arraytype) {
        return Err(vm.type_error(format!(
            "first argument must be a type object, not {}",
            vm.type_name(arraytype)
        )));
    }
    let base = {
        let m = import(vm, "array")?;
        module_get(&m, "array").unwrap_or(Value::NONE)
    };
    let base = if base.is_none() {
        array_type(vm, arraytype)
    } else {
        base
    };
    if !is_subtype(arraytype, &base) {
        let name = arraytype
            .downcast::<TypeObject>()
            .map(|t| t.tp_name())
            .unwrap_or_default();
        return Err(vm.type_error(format!("{name} is not a subtype of array.array")));
    }
    if !item::is_valid(c) {
        return Err(vm.value_error("second argument must be a valid type code"));
    }
    if !(0..=21).contains(&mf) {
        return Err(vm.value_error("third argument must be a valid machine format code."));
    }
    let Some(b) = items.downcast::<Bytes>() else {
        return Err(vm.type_error(format!(
            "fourth argument should be bytes, not {}",
            vm.type_name(items)
        )));
    };
    let mut code = c as u8;
    if mformat_of(code) == mf as i64 {
        return make_array(vm, arraytype, code, items.clone());
    }
    let (size, signed, big) = MFORMATS[mf as usize];
    if b.b.len() % size != 0 {
        return Err(vm.value_error("string length not a multiple of item size"));
    }
    let converted = match mf {
        14..=17 => {
            let mut out = Vec::with_capacity(b.b.len() / size);
            for ch in b.b.chunks_exact(size) {
                let x = if size == 4 {
                    let a = [ch[0], ch[1], ch[2], ch[3]];
                    (if big {
                        f32::from_be_bytes(a)
                    } else {
                        f32::from_le_bytes(a)
                    }) as f64
                } else {
                    let mut a = [0u8; 8];
                    a.copy_from_slice(ch);
                    if big {
                        f64::from_be_bytes(a)
                    } else {
                        f64::from_le_bytes(a)
                    }
                };
                out.push(vm.new_float(x));
            }
            vm.new_list(out)
        }
        18..=21 => {
            let enc = match mf {
                18 => "utf-16-le",
                19 => "utf-16-be",
                20 => "utf-32-le",
                _ => "utf-32-be",
            };
            let e = vm.new_str(enc);
            vm.call_method(items, "decode", vec![e])?
        }
        _ => {
            for t in item::TYPECODES.bytes() {
                if item::is_integer(t) && itemsize(t) == size && is_signed(t) == signed {
                    code = t;
                }
            }
            let mut out = Vec::with_capacity(b.b.len() / size);
            for ch in b.b.chunks_exact(size) {
                let sign_byte = if big { ch[0] } else { ch[size - 1] };
                let x = if big {
                    BigInt::from_bytes_be(Sign::Plus, ch)
                } else {
                    BigInt::from_bytes_le(Sign::Plus, ch)
                };
                let x = if signed && sign_byte & 0x80 != 0 {
                    x - (BigInt::from(1) << (8 * size))
                } else {
                    x
                };
                out.push(vm.new_bigint(x));
            }
            vm.new_list(out)
        }
    };
    make_array(vm, arraytype, code, converted)
}

fn is_signed(code: u8) -> bool {
    matches!(code, b'b' | b'h' | b'i' | b'l' | b'q')
}

/// `array.__new__(arraytype, typecode, items)` without calling `__init__`.
fn make_array(vm: &mut Vm, arraytype: &Value, code: u8, items: Value) -> PyResult {
    let tc = vm.new_string((code as char).to_string());
    let args = Args::new(vec![arraytype.clone(), tc, items]);
    super::array_new(vm, args)
}
