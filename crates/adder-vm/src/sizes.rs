//! Pinned sizes of the hot object layouts (DESIGN.md: one-word values,
//! headers of at most 16 bytes, small instances). A change that grows one of
//! these fails to compile; shrink it or update the pin with a reason.

use std::mem::size_of;

use adder_object::{Header, Obj, Value};

use crate::frame::Frame;
use crate::objects::cell::Cell;
use crate::objects::dict::Dict;
use crate::objects::function::{Function, Method};
use crate::objects::instance::Instance;
use crate::objects::iter::Generator;
use crate::objects::number::BigInt;
use crate::objects::seq::{List, Tuple};
use crate::objects::string::Str;

const _: () = assert!(size_of::<Value>() == 8);
const _: () = assert!(size_of::<Header>() == 16);
// A plain instance is its header plus its inline slots (8 bytes each).
const _: () = assert!(size_of::<Obj<Instance>>() == 16);
const _: () = assert!(size_of::<Obj<Tuple>>() == 32);
const _: () = assert!(size_of::<Obj<List>>() == 48);
// 32 plus the text, stored inline (one block per string); see
// objects/string.rs for the words a non-ASCII string adds after its text.
const _: () = assert!(size_of::<Obj<Str>>() == 32);
// 24 plus the magnitude bytes, stored inline.
const _: () = assert!(size_of::<Obj<BigInt>>() == 24);
const _: () = assert!(size_of::<Obj<Cell>>() == 24);
const _: () = assert!(size_of::<Obj<Method>>() == 32);
const _: () = assert!(size_of::<Obj<Dict>>() <= 112);
const _: () = assert!(size_of::<Obj<Function>>() <= 120);
const _: () = assert!(size_of::<Frame>() <= 112);
// A suspended generator is this, its frame and the frame's one block of
// slots (benchmem's object-size table compares the sum with CPython's).
const _: () = assert!(size_of::<Obj<Generator>>() == 56);
