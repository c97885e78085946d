//! Payload kinds: the byte in every object header that says which Rust
//! payload follows it.
//!
//! Invariant: each heap payload type in the VM has exactly one kind here, and
//! `payload!` in its module uses that constant. Kinds are layouts, not
//! classes: a subclass of `list` has kind `LIST`.

pub const TYPE: u8 = 1;
pub const INSTANCE: u8 = 2;
pub const BIGINT: u8 = 3;
pub const FLOAT: u8 = 4;
pub const COMPLEX: u8 = 5;
pub const STR: u8 = 6;
pub const BYTES: u8 = 7;
pub const BYTEARRAY: u8 = 8;
pub const TUPLE: u8 = 9;
pub const LIST: u8 = 10;
pub const DICT: u8 = 11;
pub const SET: u8 = 12;
pub const MEMORYVIEW: u8 = 13;
pub const FUNCTION: u8 = 14;
pub const NATIVE: u8 = 15;
pub const METHOD: u8 = 16;
pub const CELL: u8 = 17;
pub const CODE: u8 = 18;
pub const MODULE: u8 = 19;
pub const EXCEPTION: u8 = 20;
pub const RANGE: u8 = 21;
pub const SLICE: u8 = 22;
pub const GENERATOR: u8 = 23;
pub const ITERATOR: u8 = 24;
pub const PROPERTY: u8 = 25;
pub const CLASSMETHOD: u8 = 26;
pub const STATICMETHOD: u8 = 27;
pub const SUPER: u8 = 28;
pub const SINGLETON: u8 = 29;
pub const TRACEBACK: u8 = 30;
pub const FRAME: u8 = 31;
pub const DICTVIEW: u8 = 32;
pub const MAPPINGPROXY: u8 = 33;
pub const SLOTDESCR: u8 = 34;
pub const GETSET: u8 = 35;
pub const CORO_WRAPPER: u8 = 36;
pub const STREAM: u8 = 37;
/// `weakref.ref` and the proxies (the payload lives in adder-object).
pub const WEAKREF: u8 = adder_object::weak::WEAKREF_KIND;

// Kinds for payloads defined by the native-module crates. Each crate owns a
// block of 16 and numbers its payloads inside it; a kind is never reused.
/// adder-io (`_io`, `_codecs`).
pub const IO_FIRST: u8 = 64;
/// adder-os (`posix`, `time`, `select`, `_signal`, ...).
pub const OS_FIRST: u8 = 80;
/// adder-sre (`_sre`).
pub const SRE_FIRST: u8 = 96;
/// adder-collections (`itertools`, `_collections`, `_functools`, `_operator`, ...).
pub const COLLECTIONS_FIRST: u8 = 112;
/// adder-math (`math`, `cmath`, `_random`, `_struct`, `binascii`, `array`, ...).
pub const MATH_FIRST: u8 = 128;
/// adder-ast (`_ast`).
pub const AST_FIRST: u8 = 144;
/// Interpreter-level modules in this crate (`_weakref`, `_thread`, ...).
pub const RUNTIME_FIRST: u8 = 160;
/// adder-textmods (`unicodedata`, `_csv`).
pub const TEXTMODS_FIRST: u8 = 176;
