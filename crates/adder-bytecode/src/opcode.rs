//! The one list of Adder's opcodes.
//!
//! Invariant: every opcode is declared exactly once, in the `opcodes!` table
//! below, with its operand meaning and its stack effect; the enum, the
//! decoder (`Opcode::from_u8`), the names used by the disassembler and the
//! stack-effect function are all generated from that table.
//!
//! An instruction is one little-endian `u32` word: the low 8 bits are the
//! opcode, the high 24 bits the operand. Operands never hold pointers, only
//! indices into the code object's tables or instruction indices, so bytecode
//! is position-independent and can run from a read-only mapping. Operands
//! wider than 24 bits are prefixed by `ExtendedArg` words (each contributes
//! the next higher 24 bits).
//!
//! Stack notation in the docs: `a b -> c` means `b` is on top before, `c` after.
//! Jump operands are absolute instruction indices.

/// The kind operand of `BinaryOp`: values 0..=12 are the plain operators,
/// 13..=25 the in-place (`+=`) forms in the same order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOp {
    Add = 0,
    And = 1,
    FloorDiv = 2,
    LShift = 3,
    MatMul = 4,
    Mul = 5,
    Mod = 6,
    Or = 7,
    Pow = 8,
    RShift = 9,
    Sub = 10,
    TrueDiv = 11,
    Xor = 12,
}

impl BinOp {
    pub const COUNT: u32 = 13;
    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::And,
        BinOp::FloorDiv,
        BinOp::LShift,
        BinOp::MatMul,
        BinOp::Mul,
        BinOp::Mod,
        BinOp::Or,
        BinOp::Pow,
        BinOp::RShift,
        BinOp::Sub,
        BinOp::TrueDiv,
        BinOp::Xor,
    ];
    pub fn from_u32(v: u32) -> Option<BinOp> {
        Self::ALL.get(v as usize).copied()
    }
    /// The operator symbol as CPython prints it in TypeError messages.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::And => "&",
            BinOp::FloorDiv => "//",
            BinOp::LShift => "<<",
            BinOp::MatMul => "@",
            BinOp::Mul => "*",
            BinOp::Mod => "%",
            BinOp::Or => "|",
            BinOp::Pow => "** or pow()",
            BinOp::RShift => ">>",
            BinOp::Sub => "-",
            BinOp::TrueDiv => "/",
            BinOp::Xor => "^",
        }
    }
    /// Names of the forward, reflected and in-place special methods.
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

/// The kind operand of `CompareOp`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CmpOp {
    pub fn from_u32(v: u32) -> Option<CmpOp> {
        Some(match v {
            0 => CmpOp::Lt,
            1 => CmpOp::Le,
            2 => CmpOp::Eq,
            3 => CmpOp::Ne,
            4 => CmpOp::Gt,
            5 => CmpOp::Ge,
            _ => return None,
        })
    }
    /// Applies the comparison to two ordered values (NaN compares false,
    /// except for `!=`, as IEEE and Python require).
    #[inline(always)]
    pub fn apply<T: PartialOrd>(self, a: &T, b: &T) -> bool {
        match self {
            CmpOp::Lt => a < b,
            CmpOp::Le => a <= b,
            CmpOp::Eq => a == b,
            CmpOp::Ne => a != b,
            CmpOp::Gt => a > b,
            CmpOp::Ge => a >= b,
        }
    }
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
    /// (method, reflected method)
    pub fn dunders(self) -> (&'static str, &'static str) {
        match self {
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::Le => ("__le__", "__ge__"),
            CmpOp::Eq => ("__eq__", "__eq__"),
            CmpOp::Ne => ("__ne__", "__ne__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::Ge => ("__ge__", "__le__"),
        }
    }
}

/// The kind operand of `UnaryOp`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum UnOp {
    Negative = 0,
    Positive = 1,
    Invert = 2,
    Not = 3,
}

impl UnOp {
    pub fn from_u32(v: u32) -> Option<UnOp> {
        Some(match v {
            0 => UnOp::Negative,
            1 => UnOp::Positive,
            2 => UnOp::Invert,
            3 => UnOp::Not,
            _ => return None,
        })
    }
}

/// Flags of `MakeFunction`: which extra items were pushed below the code object.
pub mod make_function {
    pub const DEFAULTS: u32 = 0x01;
    pub const KWDEFAULTS: u32 = 0x02;
    pub const ANNOTATIONS: u32 = 0x04;
    pub const CLOSURE: u32 = 0x08;
}

/// Operand of `FormatValue`: low 2 bits = conversion, bit 2 = a spec is on the stack.
pub mod format_value {
    pub const CONV_MASK: u32 = 0x03;
    pub const CONV_NONE: u32 = 0;
    pub const CONV_STR: u32 = 1;
    pub const CONV_REPR: u32 = 2;
    pub const CONV_ASCII: u32 = 3;
    pub const HAS_SPEC: u32 = 0x04;
}

/// Operand of `Intrinsic`: small operations that do not deserve an opcode each.
pub mod intrinsic {
    /// `x ->`: prints `repr(x)` through `sys.displayhook` (REPL / `single` mode).
    pub const PRINT: u32 = 0;
    /// `list -> tuple`
    pub const LIST_TO_TUPLE: u32 = 1;
}

macro_rules! opcodes {
    ($( $(#[doc = $doc:literal])* $name:ident = $num:literal, $operand:literal, $effect:expr; )*) => {
        /// An Adder opcode. See the module docs for the encoding.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Opcode {
            $( $(#[doc = $doc])* $name = $num, )*
        }

        impl Opcode {
            /// Decode an opcode byte; `None` for an unassigned byte.
            #[inline]
            pub fn from_u8(b: u8) -> Option<Opcode> {
                match b {
                    $( $num => Some(Opcode::$name), )*
                    _ => None,
                }
            }

            /// The opcode's name, as the disassembler prints it.
            pub fn name(self) -> &'static str {
                match self {
                    $( Opcode::$name => stringify!($name), )*
                }
            }

            /// What the operand means (`"-"` when it is unused).
            pub fn operand_doc(self) -> &'static str {
                match self {
                    $( Opcode::$name => $operand, )*
                }
            }

            /// Net stack effect of the instruction given its operand, on the
            /// path that falls through (for jumps: see `jump_effect`).
            #[allow(unused_variables, clippy::redundant_closure_call)]
            pub fn stack_effect(self, arg: u32) -> i32 {
                let arg = arg as i32;
                match self {
                    $( Opcode::$name => { let f: fn(i32) -> i32 = $effect; f(arg) } )*
                }
            }

            /// All opcodes, in numeric order.
            pub const ALL: &'static [Opcode] = &[ $( Opcode::$name, )* ];
        }
    };
}

opcodes! {
    /// Does nothing.
    Nop = 0, "-", |_a| 0;
    /// `x ->`
    PopTop = 1, "-", |_a| -1;
    /// `... x_n ... x_1 -> ... x_n ... x_1 x_n`: pushes a copy of the n-th item (1 = top).
    Copy = 2, "depth n >= 1", |_a| 1;
    /// Swaps the top with the n-th item (n >= 2).
    Swap = 3, "depth n >= 2", |_a| 0;
    /// `-> const`
    LoadConst = 4, "index into consts", |_a| 1;
    /// `-> value` of fast local; UnboundLocalError if empty.
    LoadFast = 5, "local index", |_a| 1;
    /// `value ->` into fast local.
    StoreFast = 6, "local index", |_a| -1;
    /// Empties a fast local; UnboundLocalError if already empty.
    DeleteFast = 7, "local index", |_a| 0;
    /// `-> value` of the cell/free variable (index into cellvars ++ freevars).
    LoadDeref = 8, "cell index", |_a| 1;
    /// `value ->` into the cell.
    StoreDeref = 9, "cell index", |_a| -1;
    /// Empties the cell.
    DeleteDeref = 10, "cell index", |_a| 0;
    /// `-> cell` pushes the cell object itself (to build a closure tuple).
    LoadClosure = 11, "cell index", |_a| 1;
    /// `-> value`: class-body lookup of a free variable: the class namespace first, then the cell.
    LoadClassDeref = 12, "cell index", |_a| 1;
    /// `-> value`: locals mapping, then globals, then builtins (NameError).
    LoadName = 13, "index into names", |_a| 1;
    /// `value ->` into the locals mapping.
    StoreName = 14, "index into names", |_a| -1;
    /// Deletes from the locals mapping (NameError).
    DeleteName = 15, "index into names", |_a| 0;
    /// `-> value`: globals, then builtins (NameError).
    LoadGlobal = 16, "index into names", |_a| 1;
    /// `value ->` into globals.
    StoreGlobal = 17, "index into names", |_a| -1;
    /// Deletes from globals.
    DeleteGlobal = 18, "index into names", |_a| 0;
    /// `obj -> obj.name`
    LoadAttr = 19, "index into names", |_a| 0;
    /// `value obj ->`: `obj.name = value`
    StoreAttr = 20, "index into names", |_a| -2;
    /// `obj ->`: `del obj.name`
    DeleteAttr = 21, "index into names", |_a| -1;
    /// `obj -> meth self` if the attribute is a plain function found on the type
    /// (no bound method is made), else `obj -> NULL attr`. Pairs with `CallMethod`.
    LoadMethod = 22, "index into names", |_a| 1;
    /// `meth self a1..an -> result` or `NULL f a1..an -> result`.
    CallMethod = 23, "argc", |a| -a - 1;
    /// `f a1..an -> result`
    Call = 24, "argc", |a| -a;
    /// `f a1..an kwnames -> result`: the last len(kwnames) args are keyword
    /// arguments, `kwnames` is a tuple of str.
    CallKw = 25, "argc (positional + keyword)", |a| -a - 1;
    /// `f args_tuple [kwargs_dict] -> result`; operand bit 0 = kwargs dict present.
    CallEx = 26, "1 if a kwargs dict is on the stack", |a| -1 - (a & 1);
    /// `container key -> container[key]`
    BinarySubscr = 27, "-", |_a| -1;
    /// `value container key ->`: `container[key] = value`
    StoreSubscr = 28, "-", |_a| -3;
    /// `container key ->`: `del container[key]`
    DeleteSubscr = 29, "-", |_a| -2;
    /// `start stop [step] -> slice`; operand is 2 or 3.
    BuildSlice = 30, "2 or 3", |a| 1 - a;
    /// `x -> op x`
    UnaryOp = 31, "UnOp", |_a| 0;
    /// `a b -> a op b`; in-place forms try `__iop__` first.
    BinaryOp = 32, "BinOp (+13 for in-place)", |_a| -1;
    /// `a b -> a cmp b`
    CompareOp = 33, "CmpOp", |_a| -1;
    /// `a b -> a is b` (operand 1: `is not`)
    IsOp = 34, "0 or 1 (invert)", |_a| -1;
    /// `a b -> a in b` (operand 1: `not in`)
    ContainsOp = 35, "0 or 1 (invert)", |_a| -1;
    /// `x1..xn -> tuple`
    BuildTuple = 36, "count", |a| 1 - a;
    /// `x1..xn -> list`
    BuildList = 37, "count", |a| 1 - a;
    /// `x1..xn -> set`
    BuildSet = 38, "count", |a| 1 - a;
    /// `k1 v1 .. kn vn -> dict`
    BuildMap = 39, "count of pairs", |a| 1 - 2 * a;
    /// `s1..sn -> str`: concatenates n strings (f-strings).
    BuildString = 40, "count", |a| 1 - a;
    /// `list ... x -> list ...`: appends x to the list n items down (after popping x).
    ListAppend = 41, "depth of the list", |_a| -1;
    /// `set ... x -> set ...`
    SetAdd = 42, "depth of the set", |_a| -1;
    /// `dict ... k v -> dict ...`
    MapAdd = 43, "depth of the dict", |_a| -2;
    /// `list ... iterable -> list ...`: list.extend
    ListExtend = 44, "depth of the list", |_a| -1;
    /// `set ... iterable -> set ...`: set.update
    SetUpdate = 45, "depth of the set", |_a| -1;
    /// `dict ... mapping -> dict ...`: dict.update (`{**m}`)
    DictUpdate = 46, "depth of the dict", |_a| -1;
    /// `f ... dict ... mapping -> ...`: like DictUpdate but a repeated key is a
    /// TypeError `got multiple values for keyword argument` (call `**kw`); the
    /// function is found at depth operand+2 for the message.
    DictMerge = 47, "depth of the dict", |_a| -1;
    /// `value [spec] -> str`: `format(conv(value), spec)`.
    FormatValue = 48, "format_value flags", |a| if a & 4 != 0 { -1 } else { 0 };
    /// `seq -> x_n .. x_1` (x_1 on top): exactly n items, else ValueError.
    UnpackSequence = 49, "count", |a| a - 1;
    /// `seq -> ...`: operand = before | (after << 8); pushes `before` items,
    /// a list of the rest, then `after` items, in reverse (first on top).
    UnpackEx = 50, "before | after << 8", |a| (a & 0xFF) + (a >> 8) ;
    /// Unconditional jump.
    Jump = 51, "target", |_a| 0;
    /// `x ->`, jump if not truthy.
    PopJumpIfFalse = 52, "target", |_a| -1;
    /// `x ->`, jump if truthy.
    PopJumpIfTrue = 53, "target", |_a| -1;
    /// `x -> x` and jump if not truthy, else pop (`and`).
    JumpIfFalseOrPop = 54, "target", |_a| -1;
    /// `x -> x` and jump if truthy, else pop (`or`).
    JumpIfTrueOrPop = 55, "target", |_a| -1;
    /// `x ->`, jump if x is None.
    PopJumpIfNone = 56, "target", |_a| -1;
    /// `x ->`, jump if x is not None.
    PopJumpIfNotNone = 57, "target", |_a| -1;
    /// `x -> iter(x)`
    GetIter = 58, "-", |_a| 0;
    /// `it -> it next`; when exhausted pops `it` and jumps to target.
    ForIter = 59, "target", |_a| 1;
    /// `x -> iter` for `yield from`: generators and coroutines pass unchanged.
    GetYieldFromIter = 60, "-", |_a| 0;
    /// `x -> awaitable iterator` (`__await__`); operand 1/2 says after `__aenter__`/`__aexit__` for messages.
    GetAwaitable = 61, "0, 1 (aenter) or 2 (aexit)", |_a| 0;
    /// `x -> x.__aiter__()`
    GetAiter = 62, "-", |_a| 0;
    /// `aiter -> aiter awaitable` of `aiter.__anext__()`
    GetAnext = 63, "-", |_a| 1;
    /// `aiter exc ->`: ends `async for`: StopAsyncIteration is swallowed, anything else re-raised.
    EndAsyncFor = 64, "-", |_a| -2;
    /// `subiter value -> subiter result`: sends value into subiter (`None` → `next`);
    /// when the subiterator returns, pops `subiter`, pushes its return value and
    /// jumps to target; otherwise the yielded value replaces `value` and execution
    /// continues (the next instruction is a `YieldValue`).
    Send = 65, "target", |_a| 0;
    /// `value -> sent`: suspends the generator frame, giving `value` to the
    /// resumer; on resume the sent value (None for next) is pushed.
    YieldValue = 66, "-", |_a| 0;
    /// `value ->`: returns from the frame.
    ReturnValue = 67, "-", |_a| -1;
    /// `[code defaults kwdefaults annotations closure] -> function`, items present per flags,
    /// code on top. The qualname comes from the code object.
    MakeFunction = 68, "make_function flags", |a| {
        -((a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1) + ((a >> 3) & 1))
    };
    /// `[exc [cause]] ->`: operand 0 re-raises the handled exception, 1 raises exc,
    /// 2 raises exc from cause.
    Raise = 69, "0, 1 or 2", |a| -a;
    /// `exc ->`: re-raises exc keeping its traceback. With operand n > 0, the
    /// item n-th from the top after popping exc is an int `lasti` that is
    /// restored as the frame's position (so the traceback points at the
    /// original raiser); it is not popped (unwinding discards it).
    Reraise = 70, "0 or depth of lasti", |_a| -1;
    /// `exc -> prev_exc exc`: enters an exception handler: saves the previously
    /// handled exception (or None) and makes `exc` the handled one (`sys.exc_info`).
    PushExcInfo = 71, "-", |_a| 1;
    /// `prev_exc ->`: leaves a handler: restores the handled exception.
    PopExcept = 72, "-", |_a| -1;
    /// `exc type -> exc bool`: `isinstance(exc, type)`; TypeError if type isn't
    /// an exception class or tuple of them.
    CheckExcMatch = 73, "-", |_a| 0;
    /// `exc type -> rest match`: `except*` split of an exception group; `match`
    /// is None when nothing matched. A naked exception that matches is wrapped
    /// in an ExceptionGroup("", [exc]).
    CheckEgMatch = 74, "-", |_a| 0;
    /// `orig list -> exc_or_None`: combines the exceptions raised and re-raised by
    /// the `except*` clauses with the unhandled rest into what to raise next.
    PrepReraiseStar = 75, "-", |_a| -1;
    /// `exit lasti prev exc -> exit lasti prev exc result`: calls
    /// `exit(type(exc), exc, exc.__traceback__)` (exit is 4 below the top).
    WithExceptStart = 76, "-", |_a| 1;
    /// `mgr -> exit enter_result`: `mgr.__enter__()`, with the bound `__exit__` below.
    BeforeWith = 77, "-", |_a| 1;
    /// `mgr -> exit awaitable`: `mgr.__aenter__()`, with the bound `__aexit__` below.
    BeforeAsyncWith = 78, "-", |_a| 1;
    /// `level fromlist -> module`: `__import__(names[arg], globals, None, fromlist, level)`.
    ImportName = 79, "index into names", |_a| -1;
    /// `module -> module attr`: `from module import names[arg]` (ImportError).
    ImportFrom = 80, "index into names", |_a| 1;
    /// `module ->`: `from module import *` into the locals.
    ImportStar = 81, "-", |_a| -1;
    /// `-> __build_class__`
    LoadBuildClass = 82, "-", |_a| 1;
    /// Creates `__annotations__` in the locals mapping if missing.
    SetupAnnotations = 83, "-", |_a| 0;
    /// `-> AssertionError` (the builtin class, not looked up by name).
    LoadAssertionError = 84, "-", |_a| 1;
    /// `-> locals mapping` (class bodies: returned as the namespace).
    LoadLocals = 85, "-", |_a| 1;
    /// `subject cls names -> attrs_tuple_or_None`: class pattern with operand
    /// positional sub-patterns and `names` keyword attributes.
    MatchClass = 86, "positional count", |_a| -2;
    /// `subject -> subject bool`: is a collections.abc.Mapping (by type flag).
    MatchMapping = 87, "-", |_a| 1;
    /// `subject -> subject bool`: is a collections.abc.Sequence and not str/bytes/bytearray.
    MatchSequence = 88, "-", |_a| 1;
    /// `subject keys -> subject keys values_tuple_or_None`
    MatchKeys = 89, "-", |_a| 1;
    /// `x -> x len(x)`
    GetLen = 90, "-", |_a| 1;
    /// Operand is a small op (see `intrinsic`): PRINT is `x ->`, the others `x -> y`.
    Intrinsic = 91, "intrinsic kind", |a| if a == 0 { -1 } else { 0 };
    /// Prefix: the next instruction's operand gets this operand as its high bits.
    ExtendedArg = 92, "high bits", |_a| 0;
    /// `value -> wrapped`: marks a value yielded by an async generator (as
    /// opposed to one passed up by an `await`) just before its `YieldValue`.
    AsyncGenWrap = 93, "-", |_a| 0;
    /// `subject keys -> subject rest`: `rest` is a new dict of subject's items
    /// whose keys are not in the `keys` tuple (`**rest` in a mapping pattern).
    CopyDictWithoutKeys = 94, "-", |_a| 0;
    /// `-> a b`: two `LoadFast`s in one instruction (a superinstruction the
    /// assembler makes); operand = index of a | index of b << 12.
    LoadFastPair = 95, "local index a | local index b << 12", |_a| 2;
    /// `-> a c`: `LoadFast a; LoadConst c` in one instruction (assembler
    /// superinstruction); operand = local index | const index << 12.
    LoadFastConst = 96, "local index | const index << 12", |_a| 2;
    /// `-> local.name`: `LoadFast a; LoadAttr n` in one instruction
    /// (assembler superinstruction); operand = local index | name index << 12.
    LoadFastAttr = 97, "local index | name index << 12", |_a| 1;
    /// `LoadFast a; LoadMethod n` in one instruction (assembler
    /// superinstruction); operand = local index | name index << 12.
    LoadFastMethod = 98, "local index | name index << 12", |_a| 2;
    /// `x y ->`: `StoreFast a; StoreFast b` in one instruction (`y` into
    /// `a`, then `x` into `b`); operand = index of a | index of b << 12.
    StoreFastPair = 99, "local index a | local index b << 12", |_a| -2;
}

/// Bits per operand in a superinstruction's operand (`LoadFastPair`...).
pub const PAIR_SHIFT: u32 = 12;

/// A superinstruction's operand from its two parts (each below
/// `1 << PAIR_SHIFT`).
pub fn join_pair(first: u32, second: u32) -> u32 {
    first | (second << PAIR_SHIFT)
}

/// The two parts of a superinstruction's operand.
#[inline(always)]
pub fn split_pair(arg: u32) -> (usize, usize) {
    (
        (arg & ((1 << PAIR_SHIFT) - 1)) as usize,
        (arg >> PAIR_SHIFT) as usize,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_round_trips() {
        for &op in Opcode::ALL {
            assert_eq!(Opcode::from_u8(op as u8), Some(op));
        }
        assert_eq!(Opcode::from_u8(255), None);
    }

    #[test]
    fn effects() {
        assert_eq!(Opcode::Call.stack_effect(2), -2);
        assert_eq!(Opcode::MakeFunction.stack_effect(0x0B), -3);
        assert_eq!(Opcode::UnpackEx.stack_effect(1 | (2 << 8)), 3);
    }
}
