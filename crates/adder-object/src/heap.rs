//! Heap objects: the 16-byte header, allocation, reference counting and
//! typed access to payloads.
//!
//! Invariants:
//! - Every heap object starts with a `Header` (16 bytes: reference count,
//!   flags, meta pointer), followed by its payload `T` (`Obj<T>`), followed by
//!   `trailing` inline `ValueCell`s (0 for most kinds; instances keep their
//!   attributes there), followed, for payloads with a tail (`str`, big
//!   `int`), by `tail_len()` bytes: raw bytes, or a text in a frame of
//!   bytes the payload owns (`TextFrame`).
//! - `header.meta` points to a `Meta` that outlives the object: the `Meta` is
//!   embedded in the object's class (or in a shape owned by the class), and the
//!   header owns one reference to that class, released after the payload is
//!   dropped. So the vtable needed to free an object is always reachable.
//! - The low 8 bits of `flags` are the payload kind, fixed at allocation; a
//!   `Value` is downcast to `T` only when the kind equals `T::KIND`.
//! - A reference count of `IMMORTAL` is never changed: such objects (builtin
//!   types, interned constants) are never freed and their pages never written
//!   by reference counting.

use std::alloc::{self, Layout};
use std::cell::{Cell, UnsafeCell};
use std::marker::PhantomData;
use std::mem::ManuallyDrop;
use std::ops::Deref;
use std::ptr;

use crate::value::Value;

pub const IMMORTAL: u32 = u32::MAX;

const KIND_MASK: u32 = 0xFF;
/// The object has an extra trailing `__dict__` slot (subclass instances of
/// builtin types); `Header::dict_slot` finds it.
pub const FLAG_DICT_SLOT: u32 = 0x100;
/// The object lives in the tracked heap (`gcheap`): the cycle collector
/// sees it. Set at allocation for layouts that can hold references.
pub const FLAG_TRACKED: u32 = 0x200;
/// `gc.freeze()` moved this object to the permanent generation: the
/// collector never examines it.
pub const FLAG_FROZEN: u32 = 0x400;
/// The collector found that this tracked object can never be part of a
/// cycle (`VTable::untrack_if`: a tuple of atoms) and no longer examines
/// it; `gc.is_tracked` then says False, as CPython's untracked tuples do.
pub const FLAG_UNTRACKED: u32 = 0x800;
/// Reserved for the cycle collector's bookkeeping.
pub const FLAG_GC_MASK: u32 = 0xE00;
/// Weak references to this object may exist (see `weak`).
pub const FLAG_WEAKREFD: u32 = 0x1000;
/// The object's finaliser was queued once already (never again: PEP 442).
pub const FLAG_FINALIZED: u32 = 0x2000;
/// On a class object's header: its instances need finalising (`__del__`).
pub const FLAG_HAS_FINALIZER: u32 = 0x4000;
const TRAILING_SHIFT: u32 = 16;

/// Visits the Values a payload owns (for the cycle collector).
pub type TraverseFn = unsafe fn(*const Header, &mut dyn FnMut(&Value));
/// Visits part of them: from item `start`, about `budget` items; returns
/// where to resume, or None when done (incremental collection).
pub type TraverseFromFn =
    unsafe fn(*const Header, usize, usize, &mut dyn FnMut(&Value)) -> Option<usize>;

/// Per-layout operations, one static table per payload type.
pub struct VTable {
    pub name: &'static str,
    pub kind: u8,
    /// Size of `Obj<T>` without trailing slots.
    pub base_size: usize,
    /// Drops the payload in place (not the header, not trailing slots).
    pub drop_payload: unsafe fn(*mut Header),
    /// Calls `visit` on every Value the payload owns (cycle collector).
    pub traverse: TraverseFn,
    pub traverse_from: TraverseFromFn,
    /// Drops the references the payload holds in mutable places, leaving a
    /// valid (emptied) object: how the cycle collector breaks a cycle.
    pub clear: unsafe fn(*const Header),
    /// Whether objects of this layout are allocated in the tracked heap.
    pub tracked: bool,
    /// Whether a dying object of this layout must be finalised by the
    /// interpreter first (e.g. a suspended generator must be closed).
    pub needs_finalize: Option<fn(&Header) -> bool>,
    /// Length of the object's text tail (`Payload::tail_len`).
    pub tail_len: unsafe fn(*const Header) -> usize,
    /// How objects of this layout export their bytes, if they do.
    pub buffer: Option<&'static crate::buffer::BufferProcs>,
    /// Whether a tracked object of this layout can stop being examined for
    /// good (it holds, and can only ever hold, references to objects that
    /// cannot reach it back). Asked by the collector for survivors.
    pub untrack_if: Option<fn(&Header) -> bool>,
}

/// What an object's header points to: the layout's vtable and the class.
/// Embedded as the first field of type objects' instance metadata and of
/// shapes, so a `*const Meta` can be cast back to the embedding struct when
/// the kind says which one it is.
#[repr(C)]
pub struct Meta {
    pub vtable: &'static VTable,
    /// The class of objects whose header points here. Not an owning pointer
    /// (each object's header owns a reference to the class instead).
    pub class: Cell<*const Header>,
    /// This meta is the first field of a `Shape`.
    pub(crate) is_shape: bool,
}

impl Meta {
    /// A process-wide classless meta for `vtable`, used only to allocate the
    /// very first type object (`type` itself) before it can point at its own
    /// meta. Leaked once per call site; never freed.
    pub fn boot(vtable: &'static VTable) -> &'static Meta {
        Box::leak(Box::new(Meta::new(vtable)))
    }
    pub const fn new(vtable: &'static VTable) -> Meta {
        Meta {
            vtable,
            class: Cell::new(ptr::null()),
            is_shape: false,
        }
    }
    pub(crate) fn for_shape(vtable: &'static VTable, class: *const Header) -> Meta {
        Meta {
            vtable,
            class: Cell::new(class),
            is_shape: true,
        }
    }
}

#[repr(C)]
pub struct Header {
    rc: Cell<u32>,
    flags: Cell<u32>,
    meta: Cell<*const Meta>,
}

const _: () = assert!(std::mem::size_of::<Header>() == 16);

#[repr(C)]
pub struct Obj<T> {
    header: Header,
    pub(crate) payload: T,
}

/// A payload type that can live on the heap. What it owns comes from its
/// `Trace` impl (derived: `#[derive(Trace)]`), which also decides whether
/// its objects are tracked (`Trace::MAY_HOLD`).
pub trait Payload: crate::trace::Trace + Sized + 'static {
    const KIND: u8;
    fn vtable() -> &'static VTable;
    /// Visits the owned Values from item `start` on, about `budget` of
    /// them; returns where to resume (None: done). Payloads that can hold
    /// millions of items (lists, dicts, sets, tuples) override it (the
    /// `traverse_from` part of `payload!`) so the incremental collector's
    /// steps stay short; the default visits everything at `start == 0`.
    fn traverse_from(
        &self,
        start: usize,
        _budget: usize,
        visit: &mut dyn FnMut(&Value),
    ) -> Option<usize> {
        if start == 0 {
            crate::trace::Trace::trace(self, visit);
        }
        None
    }
    /// Whether objects of this payload have a tail (`payload!` with
    /// `tail_len = ..`): they are made by `alloc_with_text` or
    /// `alloc_with_bytes`, never by `alloc`.
    const HAS_TAIL: bool = false;
    /// Bytes the object stores after its trailing slots (see
    /// `alloc_with_text`); 0 for every payload without a tail. Must not
    /// change during the object's life. Only ever asked of a payload that
    /// lives in its object (so it may read the tail, through `tail_at`).
    #[inline(always)]
    fn tail_len(&self) -> usize {
        0
    }
    /// Where the text lies in a text tail: its byte offset and length
    /// (the rest of the tail, the frame, belongs to the payload; see
    /// `TextFrame`). By default the whole tail is text. Asked, like
    /// `tail_len`, only of a payload in its object.
    #[inline(always)]
    fn text_span(&self) -> (usize, usize) {
        (0, self.tail_len())
    }
}

/// Proof that a payload lives inside its heap object. Only
/// `alloc_with_text` creates one, handing it to the closure that builds the
/// payload, and a payload is only ever reached by reference afterwards, so
/// a payload holding one is always the `payload` field of an `Obj` whose
/// text tail `text_of` can find. The closure must store the proof in the
/// payload it returns (never anywhere else): `text_of` checks in debug
/// builds that the proof lies inside the payload it is given.
pub struct InHeap(());

impl crate::trace::Trace for InHeap {
    const MAY_HOLD: bool = false;
    #[inline(always)]
    fn trace(&self, _visit: &mut dyn FnMut(&Value)) {}
}

/// Like `InHeap`, for payloads whose tail holds raw bytes
/// (`alloc_with_bytes`, read back with `bytes_of`).
pub struct BytesHome(());

impl crate::trace::Trace for BytesHome {
    const MAY_HOLD: bool = false;
    #[inline(always)]
    fn trace(&self, _visit: &mut dyn FnMut(&Value)) {}
}

/// The byte tail of the object whose payload is `p` (see `alloc_with_bytes`).
/// It starts 8-byte aligned.
#[inline(always)]
pub fn bytes_of<'a, T: Payload>(p: &'a T, home: &'a BytesHome) -> &'a [u8] {
    // SAFETY: `home` proves `p` is the payload of a live `Obj<T>` built by
    // `alloc_with_bytes`, which wrote `p.tail_len()` bytes after its slots.
    unsafe { tail_of(p, home) }
}

/// The text of the object whose payload is `p` (see `alloc_with_text`):
/// the `p.text_span()` part of its tail.
#[inline(always)]
pub fn text_of<'a, T: Payload>(p: &'a T, home: &'a InHeap) -> &'a str {
    let (start, len) = p.text_span();
    // SAFETY: `home` proves `p` is the payload of a live `Obj<T>` built by
    // `alloc_with_text*` (see `InHeap`), which wrote valid UTF-8 over the
    // span `text_span()` names in its tail (checked at allocation).
    unsafe {
        let at = tail_start(p, home).add(start);
        std::str::from_utf8_unchecked(std::slice::from_raw_parts(at, len))
    }
}

/// A `C` that the payload `p` keeps at byte `offset` of its object's tail,
/// outside the text (in the `TextFrame` it was allocated with).
///
/// # Safety
/// The tail must hold an initialised `C` at `offset`, placed there by the
/// frame `p`'s object was allocated with (bytes of its `head` or `foot`);
/// `offset` must be a multiple of `C`'s alignment (at most 8: the tail
/// starts 8-byte aligned). Nothing may hold a `&mut` to it.
#[inline(always)]
pub unsafe fn tail_at<'a, T: Payload, C>(p: &'a T, home: &'a InHeap, offset: usize) -> &'a C {
    debug_assert!(
        std::mem::align_of::<C>() <= 8 && offset.is_multiple_of(std::mem::align_of::<C>())
    );
    // SAFETY: `home` proves `p` lives in its object; the caller vouches for
    // what lies at `offset` of the tail.
    unsafe { &*(tail_start(p, home).add(offset) as *const C) }
}

/// Where the tail of the object whose payload is `p` starts (after the
/// trailing slots; 8-byte aligned).
///
/// # Safety
/// `p` must be the payload of a live `Obj<T>` allocated with a tail;
/// `home` is the proof stored in it (checked to lie inside `p` in debug builds).
#[inline(always)]
unsafe fn tail_start<T: Payload, H>(p: &T, home: &H) -> *const u8 {
    debug_assert!({
        let (at, start) = (home as *const H as usize, p as *const T as usize);
        (start..=start + std::mem::size_of::<T>()).contains(&at)
    });
    let offset = std::mem::offset_of!(Obj<T>, payload);
    // SAFETY: per contract, `p` sits `offset` bytes into a live Obj<T> whose
    // tail follows its trailing slots.
    unsafe {
        let h = (p as *const T as *const u8).sub(offset) as *const Header;
        let slots_end =
            std::mem::size_of::<Obj<T>>() + (*h).trailing_len() * std::mem::size_of::<ValueCell>();
        (h as *const u8).add(slots_end)
    }
}

/// The `p.tail_len()` bytes of the tail of the object whose payload is `p`.
///
/// # Safety
/// As `tail_start`.
#[inline(always)]
unsafe fn tail_of<'a, T: Payload, H>(p: &'a T, home: &'a H) -> &'a [u8] {
    // SAFETY: per contract; the object was allocated with `tail_len()`
    // bytes of tail.
    unsafe { std::slice::from_raw_parts(tail_start(p, home), p.tail_len()) }
}

/// Declares `Payload` for a type with a static vtable:
/// `payload!(T, KIND, "name")`, optionally followed by
/// `needs_finalize = f`, `tail_len = f`, `text_span = f` (see
/// `Payload::text_span`) and `buffer = &PROCS` (the buffer protocol, see
/// `buffer.rs`). The type's `Trace` impl supplies
/// traversal, clearing and whether it is tracked.
///
/// The form `payload!(T, KIND, "name", traverse(self, visit) { .. },
/// clear(self) { .. })` writes the `Trace` impl by hand instead (tracked,
/// whatever the body). It exists for test fixtures that exercise the
/// collector with a minimal node; payloads of the interpreter derive.
#[macro_export]
macro_rules! payload {
    ($t:ty, $kind:expr, $name:literal
     $(, traverse_from($fs:ident, $start:ident, $budget:ident, $fv:ident) $fb:block)?
     $(, needs_finalize = $f:expr)?
     $(, tail_len = $tl:expr)?
     $(, text_span = $ts:expr)?
     $(, buffer = $b:expr)?
     $(, untrack_if = $u:expr)? $(,)?) => {
        impl $crate::heap::Payload for $t {
            const KIND: u8 = $kind;
            fn vtable() -> &'static $crate::heap::VTable {
                static VT: $crate::heap::VTable = $crate::heap::VTable {
                    name: $name,
                    kind: $kind,
                    base_size: ::std::mem::size_of::<$crate::heap::Obj<$t>>(),
                    drop_payload: $crate::heap::drop_payload_of::<$t>,
                    traverse: $crate::heap::traverse_of::<$t>,
                    traverse_from: $crate::heap::traverse_from_of::<$t>,
                    clear: $crate::heap::clear_of::<$t>,
                    tracked: <$t as $crate::trace::Trace>::MAY_HOLD,
                    needs_finalize: $crate::payload!(@opt $($f)?),
                    tail_len: $crate::heap::tail_len_of::<$t>,
                    buffer: $crate::payload!(@opt $($b)?),
                    untrack_if: $crate::payload!(@opt $($u)?),
                };
                &VT
            }
            $(fn traverse_from(&$fs, $start: usize, $budget: usize, $fv: &mut dyn FnMut(&$crate::Value)) -> Option<usize> $fb)?
            $(const HAS_TAIL: bool = { let _ = stringify!($tl); true };
              #[inline(always)] fn tail_len(&self) -> usize { ($tl)(self) })?
            $(#[inline(always)] fn text_span(&self) -> (usize, usize) { ($ts)(self) })?
        }
    };
    ($t:ty, $kind:expr, $name:literal, traverse($s:ident, $v:ident) $tb:block
     $(, traverse_from($fs:ident, $start:ident, $budget:ident, $fv:ident) $fb:block)?
     $(, clear($cs:ident) $cb:block)?
     $(, needs_finalize = $f:expr)? $(,)?) => {
        impl $crate::trace::Trace for $t {
            const MAY_HOLD: bool = true;
            fn trace(&$s, $v: &mut dyn FnMut(&$crate::Value)) $tb
            $(fn clear_refs(&$cs) $cb)?
        }
        $crate::payload!($t, $kind, $name
            $(, traverse_from($fs, $start, $budget, $fv) $fb)?
            $(, needs_finalize = $f)?);
    };
    (@opt $f:expr) => { Some($f) };
    (@opt) => { None };
}

/// # Safety
/// `h` must be the header of a live `Obj<T>` whose payload has not been dropped.
pub unsafe fn drop_payload_of<T: Payload>(h: *mut Header) {
    // SAFETY: per contract, h heads an Obj<T>.
    unsafe { ptr::drop_in_place(ptr::addr_of_mut!((*(h as *mut Obj<T>)).payload)) }
}

/// # Safety
/// `h` must be the header of a live `Obj<T>`.
pub unsafe fn traverse_of<T: Payload>(h: *const Header, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: per contract, h heads a live Obj<T>.
    unsafe { crate::trace::Trace::trace(&(*(h as *const Obj<T>)).payload, visit) }
}

/// # Safety
/// `h` must be the header of a live `Obj<T>`.
pub unsafe fn traverse_from_of<T: Payload>(
    h: *const Header,
    start: usize,
    budget: usize,
    visit: &mut dyn FnMut(&Value),
) -> Option<usize> {
    // SAFETY: per contract, h heads a live Obj<T>.
    unsafe {
        (*(h as *const Obj<T>))
            .payload
            .traverse_from(start, budget, visit)
    }
}

/// # Safety
/// `h` must be the header of an `Obj<T>` whose payload has not been dropped.
pub unsafe fn tail_len_of<T: Payload>(h: *const Header) -> usize {
    // SAFETY: per contract, h heads an Obj<T> with its payload in place.
    unsafe { (*(h as *const Obj<T>)).payload.tail_len() }
}

/// # Safety
/// `h` must be the header of a live `Obj<T>`.
pub unsafe fn clear_of<T: Payload>(h: *const Header) {
    // SAFETY: per contract, h heads a live Obj<T>.
    unsafe { crate::trace::Trace::clear_refs(&(*(h as *const Obj<T>)).payload) }
}

impl Header {
    #[inline(always)]
    pub fn incref(&self) {
        let rc = self.rc.get();
        if rc != IMMORTAL {
            self.rc.set(rc + 1);
        }
    }
    #[inline(always)]
    pub fn refcount(&self) -> u32 {
        self.rc.get()
    }
    pub fn make_immortal(&self) {
        self.rc.set(IMMORTAL);
    }
    #[inline(always)]
    pub fn kind(&self) -> u8 {
        (self.flags.get() & KIND_MASK) as u8
    }
    #[inline(always)]
    pub fn flags(&self) -> u32 {
        self.flags.get()
    }
    #[inline(always)]
    pub fn meta(&self) -> &Meta {
        // SAFETY: module invariant — the meta outlives the object.
        unsafe { &*self.meta.get() }
    }
    #[inline(always)]
    pub fn meta_ptr(&self) -> *const Meta {
        self.meta.get()
    }
    #[inline(always)]
    pub fn vtable(&self) -> &'static VTable {
        self.meta().vtable
    }
    /// Calls `visit` on every Value this object owns: its class (unless
    /// immortal), its payload's references and its trailing slots (instance
    /// attributes, `__dict__`).
    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        let c = self.class_header();
        // SAFETY: the header owns a reference to its class (module invariant).
        if !c.is_null() && unsafe { (*c).refcount() } != IMMORTAL {
            // SAFETY: a borrowed view of that owned reference, never dropped.
            let class = ManuallyDrop::new(unsafe { Value::from_header_owned(c) });
            visit(&class);
        }
        // SAFETY: `self` is a live object whose vtable matches its payload.
        unsafe { (self.vtable().traverse)(self as *const Header, visit) };
        for slot in self.trailing() {
            // SAFETY: nothing writes the slot during this read-only visit.
            visit(unsafe { slot.peek() });
        }
    }
    /// Like `traverse`, but visits the payload's items from `start`, about
    /// `budget` of them (the class and trailing slots with the first part);
    /// returns where to resume, or None when done.
    pub fn traverse_from(
        &self,
        start: usize,
        budget: usize,
        visit: &mut dyn FnMut(&Value),
    ) -> Option<usize> {
        if start == 0 {
            let c = self.class_header();
            // SAFETY: as in `traverse`.
            if !c.is_null() && unsafe { (*c).refcount() } != IMMORTAL {
                // SAFETY: a borrowed view of the owned class reference.
                let class = ManuallyDrop::new(unsafe { Value::from_header_owned(c) });
                visit(&class);
            }
            for slot in self.trailing() {
                // SAFETY: nothing writes the slot during this visit.
                visit(unsafe { slot.peek() });
            }
        }
        // SAFETY: `self` is a live object whose vtable matches its payload.
        unsafe { (self.vtable().traverse_from)(self as *const Header, start, budget, visit) }
    }
    /// Drops every reference this object holds in a mutable place (payload
    /// cells and trailing slots); the class reference stays. The cycle
    /// collector's way to break a cycle: the object stays valid and dies
    /// through ordinary reference counting.
    pub fn clear_refs(&self) {
        // SAFETY: `self` is a live object whose vtable matches its payload.
        unsafe { (self.vtable().clear)(self as *const Header) };
        for slot in self.trailing() {
            drop(slot.take());
        }
    }
    /// Whether this object lives in the tracked heap.
    #[inline(always)]
    pub fn is_tracked(&self) -> bool {
        self.flags.get() & FLAG_TRACKED != 0
    }
    /// Whether the cycle collector examines this object: tracked, and not
    /// untracked as atom-only (`FLAG_UNTRACKED`).
    #[inline(always)]
    pub fn is_gc_candidate(&self) -> bool {
        self.flags.get() & (FLAG_TRACKED | FLAG_UNTRACKED) == FLAG_TRACKED
    }
    /// Whether this object must be finalised (`__del__`, generator close)
    /// before it dies, and has not been yet.
    pub fn needs_finalizer(&self) -> bool {
        if self.flags.get() & FLAG_FINALIZED != 0 {
            return false;
        }
        let class = self.class_header();
        // SAFETY: the class is alive while this object holds it.
        let by_class =
            !class.is_null() && unsafe { (*class).flags.get() } & FLAG_HAS_FINALIZER != 0;
        by_class || self.vtable().needs_finalize.is_some_and(|f| f(self))
    }
    /// The payload, if this object's layout is `T`.
    pub fn payload<T: Payload>(&self) -> Option<&T> {
        if self.kind() == T::KIND {
            // SAFETY: the kind byte was set from T::KIND at allocation.
            Some(unsafe { &(*(self as *const Header as *const Obj<T>)).payload })
        } else {
            None
        }
    }
    pub fn set_flag(&self, f: u32) {
        self.flags.set(self.flags.get() | f);
    }
    pub fn clear_flag(&self, f: u32) {
        self.flags.set(self.flags.get() & !f);
    }
    #[inline(always)]
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags.get() & f != 0
    }
    pub fn class_header(&self) -> *const Header {
        self.meta().class.get()
    }
    /// A new reference to this object's class.
    #[inline(always)]
    pub fn class(&self) -> Value {
        let c = self.class_header();
        // SAFETY: the object owns a reference to its class (module
        // invariant), so the class is alive; we add the reference that the
        // returned Value owns.
        unsafe {
            (*c).incref();
            Value::from_header_owned(c)
        }
    }
    /// Bytes of the object's own block: header, payload, trailing slots
    /// and text tail.
    pub fn block_size(&self) -> usize {
        let vt = self.vtable();
        // SAFETY: a live object's payload is in place (`&self` is live).
        let tail = unsafe { (vt.tail_len)(self) };
        vt.base_size + self.trailing_len() * std::mem::size_of::<ValueCell>() + tail
    }
    /// Number of trailing inline slots.
    #[inline(always)]
    pub fn trailing_len(&self) -> usize {
        (self.flags.get() >> TRAILING_SHIFT) as usize
    }
    /// The trailing inline slots (the dict slot, if any, is the last one).
    #[inline(always)]
    pub fn trailing(&self) -> &[ValueCell] {
        let n = self.trailing_len();
        let base = self.vtable().base_size;
        // SAFETY: allocation reserved n ValueCells right after base_size
        // bytes (base_size is a multiple of 8, see `alloc`).
        unsafe {
            let p = (self as *const Header as *const u8).add(base) as *const ValueCell;
            std::slice::from_raw_parts(p, n)
        }
    }
    /// The `__dict__` slot of a builtin-subclass instance.
    pub fn dict_slot(&self) -> Option<&ValueCell> {
        if self.flags.get() & FLAG_DICT_SLOT != 0 {
            self.trailing().last()
        } else {
            None
        }
    }
    /// Switches the object to another class with the same layout
    /// (`obj.__class__ = C`). The caller checked layout compatibility; the
    /// new meta's class gains a reference and the old one loses one.
    ///
    /// # Safety
    /// `meta` must outlive the object (it belongs to its class or a shape of it),
    /// and must have the same vtable as the current meta.
    pub unsafe fn set_meta(&self, meta: *const Meta) {
        // SAFETY: caller guarantees meta is live.
        let new_class = unsafe { (*meta).class.get() };
        let old_class = self.class_header();
        if !new_class.is_null() {
            // SAFETY: classes referenced by metas are live.
            unsafe { (*new_class).incref() };
        }
        self.meta.set(meta);
        if !old_class.is_null() {
            // SAFETY: the header owned this reference.
            unsafe { decref(old_class) };
        }
    }
    /// Like `set_meta` for a meta of the same class (a shape transition):
    /// no reference counts change.
    ///
    /// # Safety
    /// `meta` must belong to the same class as the current meta and outlive the object.
    pub unsafe fn set_meta_same_class(&self, meta: *const Meta) {
        self.meta.set(meta);
    }
}

/// A mutable Value slot inside a heap object. Single-threaded: readers clone,
/// writers replace; no reference into the slot escapes a method call.
#[repr(transparent)]
pub struct ValueCell(UnsafeCell<Value>);

impl ValueCell {
    pub const fn new(v: Value) -> ValueCell {
        ValueCell(UnsafeCell::new(v))
    }
    #[inline(always)]
    pub fn get(&self) -> Value {
        // SAFETY: no &mut to the slot exists outside `replace`, which does not
        // call out while holding it.
        unsafe { (*self.0.get()).clone() }
    }
    /// Identity bits without touching the reference count.
    #[inline(always)]
    pub fn bits(&self) -> u64 {
        // SAFETY: as in `get`.
        unsafe { (*self.0.get()).bits() }
    }
    #[inline(always)]
    pub fn is_null(&self) -> bool {
        self.bits() == Value::NULL.bits()
    }
    #[inline(always)]
    pub fn replace(&self, v: Value) -> Value {
        // SAFETY: the swap completes before any other code runs.
        unsafe { std::mem::replace(&mut *self.0.get(), v) }
    }
    /// Stores `v`; the old value is dropped after the store.
    #[inline(always)]
    pub fn set(&self, v: Value) {
        drop(self.replace(v));
    }
    #[inline(always)]
    pub fn take(&self) -> Value {
        self.replace(Value::NULL)
    }
    /// Borrow without cloning, for short reads that do not call out.
    ///
    /// # Safety
    /// The caller must not let the slot be written while the borrow lives.
    #[inline(always)]
    pub unsafe fn peek(&self) -> &Value {
        // SAFETY: caller contract.
        unsafe { &*self.0.get() }
    }
}

impl Default for ValueCell {
    fn default() -> Self {
        ValueCell::new(Value::NULL)
    }
}

/// Allocates an object of payload `T` with `trailing` extra slots (all NULL),
/// whose header points at `meta`; the class of `meta` gains a reference.
///
/// `meta.vtable` must be `T::vtable()`.
pub fn alloc<T: Payload>(meta: &Meta, payload: T, trailing: usize, extra_flags: u32) -> Value {
    const {
        assert!(
            !T::HAS_TAIL,
            "a tail needs alloc_with_text or alloc_with_bytes"
        )
    };
    let (v, _) = alloc_uninit_tail(meta, payload, trailing, extra_flags, 0);
    v
}

/// The parts of a text tail around the text, which belong to the payload
/// (read them with `tail_at`): `head` bytes copied before the text, and
/// `foot` bytes copied after it. The payload's `text_span()` must then be
/// `(head.len(), text length)` and its `tail_len()` the sum of the three.
/// Without a frame (`NONE`), those two must not read the tail: they are
/// then checked before the payload is placed in its object.
#[derive(Clone, Copy)]
pub struct TextFrame<'a> {
    pub head: &'a [u8],
    pub foot: &'a [u8],
}

impl TextFrame<'_> {
    /// A tail that is all text.
    pub const NONE: TextFrame<'static> = TextFrame {
        head: &[],
        foot: &[],
    };
}

/// Like `alloc`, with `text` stored in the object itself, right after the
/// trailing slots (one allocation instead of two for strings), inside
/// `frame`. `make` builds the payload from the `InHeap` proof it must keep;
/// its `text_span()` and `tail_len()` must agree with `frame` and `text`
/// (checked once the object is built). Read the text back with `text_of`.
pub fn alloc_with_text<T: Payload>(
    meta: &Meta,
    make: impl FnOnce(InHeap) -> T,
    trailing: usize,
    extra_flags: u32,
    frame: TextFrame<'_>,
    text: &str,
) -> Value {
    alloc_with_text_filled(meta, make, trailing, extra_flags, frame, text.len(), |t| {
        t.push_str(text)
    })
}

/// Like `alloc_with_text`, but the text, `len` bytes, is written straight
/// into the new object by `fill` (no intermediate `String`): `fill` must
/// write exactly `len` bytes into the `TextSink` it gets, or this panics.
/// The object exists, its frame written, while `fill` runs (a panic inside
/// drops it without reading its text).
pub fn alloc_with_text_filled<T: Payload>(
    meta: &Meta,
    make: impl FnOnce(InHeap) -> T,
    trailing: usize,
    extra_flags: u32,
    frame: TextFrame<'_>,
    len: usize,
    fill: impl FnOnce(&mut TextSink),
) -> Value {
    let payload = make(InHeap(()));
    let (head, foot) = (frame.head.len(), frame.foot.len());
    let framed = head > 0 || foot > 0;
    if !framed {
        // Without a frame the payload knows its text's length from its
        // fields (see `TextFrame`), so it can be asked before it is placed.
        assert!(
            payload.tail_len() == len && payload.text_span() == (0, len),
            "text tail length"
        );
    }
    let size = head
        .checked_add(len)
        .and_then(|n| n.checked_add(foot))
        .expect("text tail length");
    let (v, at) = alloc_uninit_tail(meta, payload, trailing, extra_flags, size);
    if framed {
        // SAFETY: `at` has `size` writable bytes: the head, `len` bytes of
        // text (written by `fill` through the sink), then the foot.
        unsafe {
            copy_bytes(frame.head.as_ptr(), at, head);
            copy_bytes(frame.foot.as_ptr(), at.add(head + len), foot);
        }
        let h = v.header().expect("a heap object");
        // SAFETY: `h` heads the Obj<T> just made, its frame written.
        let p = unsafe { &(*(h as *const Header as *const Obj<T>)).payload };
        if p.text_span() != (head, len) || p.tail_len() != size {
            // Freeing it would use the wrong size: leak it instead.
            std::mem::forget(v);
            panic!("text tail length");
        }
    }
    // SAFETY: the text starts after the head, within the tail.
    let at = unsafe { at.add(head) };
    let mut sink = TextSink { at, left: len };
    fill(&mut sink);
    assert_eq!(sink.left, 0, "text tail not filled");
    v
}

/// Where `alloc_with_text_filled`'s caller writes the text: an
/// uninitialised tail of known length that accepts only whole UTF-8
/// pieces (so what it holds once full is valid UTF-8).
pub struct TextSink {
    at: *mut u8,
    left: usize,
}

impl TextSink {
    /// Appends `s`; panics if it does not fit.
    #[inline(always)]
    pub fn push_str(&mut self, s: &str) {
        let b = s.as_bytes();
        assert!(b.len() <= self.left, "text tail overflow");
        // SAFETY: `at` has `left` writable bytes; b.len() <= left.
        unsafe {
            copy_bytes(b.as_ptr(), self.at, b.len());
            self.at = self.at.add(b.len());
        }
        self.left -= b.len();
    }
    /// Appends one character.
    #[inline(always)]
    pub fn push_char(&mut self, c: char) {
        if c.is_ascii() {
            self.push_ascii(c as u8);
        } else {
            self.push_str(c.encode_utf8(&mut [0; 4]));
        }
    }
    /// Appends one ASCII byte; panics on a byte >= 0x80.
    #[inline(always)]
    pub fn push_ascii(&mut self, b: u8) {
        assert!(
            b.is_ascii() && self.left > 0,
            "not ASCII, or text tail overflow"
        );
        // SAFETY: one writable byte is left.
        unsafe {
            *self.at = b;
            self.at = self.at.add(1);
        }
        self.left -= 1;
    }
    /// Appends `n` bytes of the ASCII text `s`: those at `start`,
    /// `start + step`, `start + 2 * step`, ... (a stepped slice, `step` may
    /// be negative). Panics if `s` is not ASCII, an index is out of range
    /// or they do not fit.
    pub fn push_ascii_stepped(&mut self, s: &str, start: usize, step: isize, n: usize) {
        let b = s.as_bytes();
        assert!(
            s.is_ascii() && n <= self.left,
            "not ASCII, or text tail overflow"
        );
        if n == 0 {
            return;
        }
        let last = start as isize + (n as isize - 1) * step;
        assert!(start < b.len() && last >= 0 && (last as usize) < b.len());
        // SAFETY: the indices run evenly from `start` to `last`, both in
        // range, so all are; `at` has `n <= left` writable bytes.
        unsafe {
            let mut from = b.as_ptr().add(start);
            for i in 0..n {
                *self.at.add(i) = *from;
                from = from.wrapping_offset(step);
            }
            self.at = self.at.add(n);
        }
        self.left -= n;
    }
    /// Appends `f` of every byte of the ASCII text `s` (an ASCII case
    /// mapping); panics if `s` or a mapped byte is not ASCII, or they do
    /// not fit.
    #[inline(always)]
    pub fn push_ascii_mapped(&mut self, s: &str, f: impl Fn(u8) -> u8) {
        let b = s.as_bytes();
        assert!(
            s.is_ascii() && b.len() <= self.left,
            "not ASCII, or text tail overflow"
        );
        let mut seen = 0u8;
        for (i, &c) in b.iter().enumerate() {
            let m = f(c);
            seen |= m;
            // SAFETY: i < b.len() <= left.
            unsafe { *self.at.add(i) = m };
        }
        // Checked once at the end: a panic here drops the object unread.
        assert!(seen.is_ascii(), "mapped byte not ASCII");
        // SAFETY: b.len() <= left.
        self.at = unsafe { self.at.add(b.len()) };
        self.left -= b.len();
    }
    /// Bytes still to write.
    #[inline(always)]
    pub fn left(&self) -> usize {
        self.left
    }
}

/// Copies `n` bytes, in line for the short copies most strings need (a
/// libc `memcpy` call costs more than the copy below 32 bytes).
///
/// # Safety
/// `src` must be readable and `dst` writable for `n` bytes; they must not
/// overlap.
#[inline(always)]
unsafe fn copy_bytes(src: *const u8, dst: *mut u8, n: usize) {
    // SAFETY: every access below is within the first n bytes of each
    // buffer (the pairs of reads and writes overlap in the middle when n
    // is not a multiple of the width).
    unsafe {
        if n > 16 {
            ptr::copy_nonoverlapping(src, dst, n);
        } else if n >= 8 {
            let (a, b) = (
                ptr::read_unaligned(src as *const u64),
                ptr::read_unaligned(src.add(n - 8) as *const u64),
            );
            ptr::write_unaligned(dst as *mut u64, a);
            ptr::write_unaligned(dst.add(n - 8) as *mut u64, b);
        } else if n >= 4 {
            let (a, b) = (
                ptr::read_unaligned(src as *const u32),
                ptr::read_unaligned(src.add(n - 4) as *const u32),
            );
            ptr::write_unaligned(dst as *mut u32, a);
            ptr::write_unaligned(dst.add(n - 4) as *mut u32, b);
        } else if n > 0 {
            *dst = *src;
            *dst.add(n / 2) = *src.add(n / 2);
            *dst.add(n - 1) = *src.add(n - 1);
        }
    }
}

/// Like `alloc_with_text`, for a tail of raw bytes (read back with
/// `bytes_of`; the payload keeps the `BytesHome` proof).
pub fn alloc_with_bytes<T: Payload>(
    meta: &Meta,
    make: impl FnOnce(BytesHome) -> T,
    trailing: usize,
    extra_flags: u32,
    bytes: &[u8],
) -> Value {
    let payload = make(BytesHome(()));
    assert_eq!(payload.tail_len(), bytes.len(), "byte tail length");
    let (v, at) = alloc_uninit_tail(meta, payload, trailing, extra_flags, bytes.len());
    // SAFETY: `at` has bytes.len() writable bytes, disjoint from `bytes`.
    unsafe { copy_bytes(bytes.as_ptr(), at, bytes.len()) };
    v
}

/// Allocates and initialises the object except for its tail of `tail`
/// bytes, which the caller must fill before anything reads it; returns the
/// object and where its tail starts. The payload is never dropped here: if
/// this panics before placing it, it is forgotten (a payload with a tail
/// may assume, when dropped, that it lives in its object).
fn alloc_uninit_tail<T: Payload>(
    meta: &Meta,
    payload: T,
    trailing: usize,
    extra_flags: u32,
    tail: usize,
) -> (Value, *mut u8) {
    let payload = ManuallyDrop::new(payload);
    assert!(ptr::eq(meta.vtable, T::vtable()), "meta of another layout");
    assert!(trailing < (1 << 16));
    let base = std::mem::size_of::<Obj<T>>();
    debug_assert!(base.is_multiple_of(8) && std::mem::align_of::<Obj<T>>() <= 8);
    let slots_end = base + trailing * std::mem::size_of::<ValueCell>();
    let size = slots_end.checked_add(tail).expect("object size");
    let class = meta.class.get();
    // Instances of classes that can die (heap types) refer to their class,
    // so they can close a cycle through it: the collector must see them.
    // SAFETY: a meta's class outlives the meta's objects (module invariant).
    let mortal_class = !class.is_null() && unsafe { (*class).refcount() } != IMMORTAL;
    let tracked = T::vtable().tracked || trailing > 0 || mortal_class;
    let p = if tracked {
        crate::gcheap::alloc_block(size) as *mut Obj<T>
    } else {
        let layout = Layout::from_size_align(size, 8).expect("object layout");
        // SAFETY: size > 0 (the header alone is 16 bytes).
        let p = unsafe { alloc::alloc(layout) } as *mut Obj<T>;
        if p.is_null() {
            alloc::handle_alloc_error(layout);
        }
        p
    };
    let flags = (T::KIND as u32)
        | ((trailing as u32) << TRAILING_SHIFT)
        | (extra_flags & !(KIND_MASK | FLAG_TRACKED))
        | if tracked { FLAG_TRACKED } else { 0 };
    // SAFETY: p is a fresh allocation of the right size and alignment.
    unsafe {
        ptr::write(
            p,
            Obj {
                header: Header {
                    rc: Cell::new(1),
                    flags: Cell::new(flags),
                    meta: Cell::new(meta),
                },
                payload: ManuallyDrop::into_inner(payload),
            },
        );
        let slots = (p as *mut u8).add(base) as *mut ValueCell;
        for i in 0..trailing {
            ptr::write(slots.add(i), ValueCell::new(Value::NULL));
        }
        if !class.is_null() {
            (*class).incref();
        }
        (
            Value::from_header_owned(p as *const Header),
            (p as *mut u8).add(slots_end),
        )
    }
}

/// Drops one reference; frees the object when none are left.
///
/// # Safety
/// `h` must point to a live object and the caller must own the reference.
#[inline(always)]
pub unsafe fn decref(h: *const Header) {
    // SAFETY: caller contract: h is live.
    let hr = unsafe { &*h };
    let rc = hr.rc.get();
    if rc == IMMORTAL {
        return;
    }
    if rc > 1 {
        hr.rc.set(rc - 1);
        return;
    }
    // SAFETY: that was the last reference.
    unsafe { dealloc(h as *mut Header) }
}

#[cold]
unsafe fn dealloc(h: *mut Header) {
    // SAFETY: h is live with its last reference being dropped now. We keep
    // the count at 1 from here on so a resurrecting clone-and-drop of a
    // reference to ourselves cannot free us twice. Everything that could
    // let anything find the object (the weak table, both ways) is undone
    // here, before the object may wait in the free queue.
    unsafe {
        let hr = &*h;
        hr.rc.set(1);
        if hr.needs_finalizer() {
            // Resurrected: the queue owns the reference rc == 1 stands for.
            crate::weak::queue_finalize(h);
            return;
        }
        if hr.flags.get() & FLAG_WEAKREFD != 0 {
            crate::weak::clear_weakrefs(h);
        }
        if hr.kind() == crate::weak::WEAKREF_KIND {
            crate::weak::unlink(h);
        }
        crate::free_queue::free(h, |h| dealloc_now(h))
    }
}

/// Frees `h` now: the payload and slots, then the block and the class.
///
/// # Safety
/// `h` must be live, detached by `dealloc`, its count held at 1.
unsafe fn dealloc_now(h: *mut Header) {
    unsafe {
        let hr = &*h;
        let vt = hr.vtable();
        let class = hr.class_header();
        debug_assert_eq!(hr.rc.get(), 1);
        let flags = hr.flags.get();
        // Only an untracked block's size is needed (to free it); the
        // tracked heap finds a block's size from its page.
        let tail = if flags & FLAG_TRACKED == 0 {
            (vt.tail_len)(h)
        } else {
            0
        };
        (vt.drop_payload)(h);
        let n = hr.trailing_len();
        let slots = (h as *mut u8).add(vt.base_size) as *mut ValueCell;
        for i in 0..n {
            ptr::drop_in_place(slots.add(i));
        }
        if flags & FLAG_TRACKED != 0 {
            crate::gcheap::free_block(h as *mut u8);
        } else {
            let size = vt.base_size + n * std::mem::size_of::<ValueCell>() + tail;
            alloc::dealloc(h as *mut u8, Layout::from_size_align_unchecked(size, 8));
        }
        if !class.is_null() {
            decref(class);
        }
    }
}

/// Raw helpers used by the VM's downcasts.
impl Value {
    /// Points this object at another meta (a shape transition or a
    /// `__class__` assignment), moving the class reference the header owns.
    /// Panics if the layouts differ or the meta has no class: a meta with a
    /// class is embedded in that class (or a shape it owns), so the reference
    /// taken here keeps it alive for as long as the header points at it.
    pub fn set_meta(&self, meta: &Meta) {
        let h = self.header().expect("set_meta on a heap object");
        assert!(ptr::eq(h.vtable(), meta.vtable), "set_meta across layouts");
        assert!(!meta.class.get().is_null(), "set_meta to a classless meta");
        if h.class_header() == meta.class.get() {
            // SAFETY: same class: the meta is owned by the class we hold.
            unsafe { h.set_meta_same_class(meta) }
        } else {
            // SAFETY: as above, and set_meta moves the class reference.
            unsafe { h.set_meta(meta) }
        }
    }

    /// The payload, if this is a heap object of kind `T::KIND`.
    #[inline(always)]
    pub fn downcast<T: Payload>(&self) -> Option<&T> {
        let h = self.header()?;
        if h.kind() == T::KIND {
            // SAFETY: the kind byte was set from T::KIND at allocation.
            Some(unsafe { &(*(h as *const Header as *const Obj<T>)).payload })
        } else {
            None
        }
    }
    /// A typed owning handle.
    #[inline(always)]
    pub fn downcast_ref<T: Payload>(&self) -> Option<Ref<T>> {
        self.downcast::<T>()?;
        Some(Ref {
            value: self.clone(),
            _t: PhantomData,
        })
    }
    #[inline(always)]
    pub fn into_ref<T: Payload>(self) -> Result<Ref<T>, Value> {
        if self.downcast::<T>().is_some() {
            Ok(Ref {
                value: self,
                _t: PhantomData,
            })
        } else {
            Err(self)
        }
    }
    #[inline(always)]
    pub fn kind(&self) -> Option<u8> {
        self.header().map(|h| h.kind())
    }
}

/// An owning, typed reference to a heap object of payload `T`.
#[repr(transparent)]
pub struct Ref<T: Payload> {
    value: Value,
    _t: PhantomData<*const T>,
}

impl<T: Payload> Ref<T> {
    #[inline(always)]
    pub fn as_value(&self) -> &Value {
        &self.value
    }
    #[inline(always)]
    pub fn into_value(self) -> Value {
        let me = ManuallyDrop::new(self);
        // SAFETY: moving the field out of a ManuallyDrop wrapper once.
        unsafe { ptr::read(&me.value) }
    }
    #[inline(always)]
    pub fn header(&self) -> &Header {
        self.value.header().expect("Ref always holds a heap value")
    }
}

impl<T: Payload> Clone for Ref<T> {
    fn clone(&self) -> Self {
        Ref {
            value: self.value.clone(),
            _t: PhantomData,
        }
    }
}

impl<T: Payload> Deref for Ref<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        // SAFETY: constructed only after a kind check.
        unsafe { &(*(self.value.header_ptr() as *const Obj<T>)).payload }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    #[derive(crate::Trace)]
    struct Probe(Rc<Cell<u32>>, u64);
    payload!(Probe, 250, "probe");
    impl Drop for Probe {
        fn drop(&mut self) {
            self.0.set(self.0.get() + 1);
        }
    }

    #[test]
    fn refcounting_frees_once() {
        let meta = Meta::new(Probe::vtable());
        let drops = Rc::new(Cell::new(0));
        let v = alloc(&meta, Probe(drops.clone(), 7), 3, 0);
        assert_eq!(v.header().unwrap().refcount(), 1);
        let w = v.clone();
        assert_eq!(v.header().unwrap().refcount(), 2);
        assert_eq!(w.downcast::<Probe>().unwrap().1, 7);
        assert_eq!(v.header().unwrap().trailing().len(), 3);
        v.header().unwrap().trailing()[1].set(Value::small_int(5).unwrap());
        drop(v);
        assert_eq!(drops.get(), 0);
        drop(w);
        assert_eq!(drops.get(), 1);
    }

    #[derive(crate::Trace)]
    struct Texty {
        len: usize,
        home: InHeap,
    }
    payload!(Texty, 251, "texty", tail_len = |t: &Texty| t.len);

    #[test]
    fn text_tail_lives_after_the_slots() {
        let meta = Meta::new(Texty::vtable());
        for (trailing, text) in [
            (0, ""),
            (0, "héllo wörld"),
            (2, "abc"),
            (1, &"x".repeat(5000)[..]),
        ] {
            let v = alloc_with_text(
                &meta,
                |home| Texty {
                    len: text.len(),
                    home,
                },
                trailing,
                0,
                TextFrame::NONE,
                text,
            );
            let t = v.downcast::<Texty>().unwrap();
            assert_eq!(text_of(t, &t.home), text);
            let h = v.header().unwrap();
            assert_eq!(h.trailing().len(), trailing);
            h.trailing()
                .iter()
                .for_each(|s| s.set(Value::small_int(1).unwrap()));
            assert_eq!(text_of(t, &t.home), text, "slots do not overlap the text");
            assert_eq!(
                h.block_size(),
                size_of::<Obj<Texty>>() + 8 * trailing + text.len()
            );
        }
    }

    #[derive(crate::Trace)]
    struct Bytey {
        len: usize,
        home: BytesHome,
    }
    payload!(Bytey, 252, "bytey", tail_len = |b: &Bytey| b.len);

    #[test]
    fn byte_tail_is_aligned_and_intact() {
        let meta = Meta::new(Bytey::vtable());
        for (trailing, bytes) in [(0, &[][..]), (0, &[0xff, 0, 7][..]), (3, &[1u8; 17][..])] {
            let v = alloc_with_bytes(
                &meta,
                |home| Bytey {
                    len: bytes.len(),
                    home,
                },
                trailing,
                0,
                bytes,
            );
            let b = v.downcast::<Bytey>().unwrap();
            let tail = bytes_of(b, &b.home);
            assert_eq!(tail, bytes);
            assert_eq!(tail.as_ptr() as usize % 8, 0);
        }
    }

    #[test]
    fn filled_text_tail_matches_pushes() {
        let meta = Meta::new(Texty::vtable());
        for (trailing, parts) in [
            (0, &[][..]),
            (0, &["a", "bc", "héllo", "wörld"][..]),
            (2, &["x"; 40][..]),
            (1, &["0123456789abcdef", "0123456789abcdefg", "1234567"][..]),
        ] {
            let whole: String = parts.concat();
            let v = alloc_with_text_filled(
                &meta,
                |home| Texty {
                    len: whole.len(),
                    home,
                },
                trailing,
                0,
                TextFrame::NONE,
                whole.len(),
                |t| {
                    for p in parts {
                        t.push_str(p);
                    }
                    assert_eq!(t.left(), 0);
                },
            );
            let t = v.downcast::<Texty>().unwrap();
            assert_eq!(text_of(t, &t.home), whole);
        }
        let v = alloc_with_text_filled(
            &meta,
            |home| Texty { len: 4, home },
            0,
            0,
            TextFrame::NONE,
            4,
            |t| {
                t.push_char('é');
                t.push_ascii(b'!');
                t.push_char('z');
            },
        );
        let t = v.downcast::<Texty>().unwrap();
        assert_eq!(text_of(t, &t.home), "é!z");
    }

    #[test]
    #[should_panic(expected = "text tail not filled")]
    fn filled_text_tail_must_be_complete() {
        let meta = Meta::new(Texty::vtable());
        alloc_with_text_filled(
            &meta,
            |home| Texty { len: 3, home },
            0,
            0,
            TextFrame::NONE,
            3,
            |t| t.push_str("ab"),
        );
    }

    #[test]
    #[should_panic(expected = "text tail overflow")]
    fn filled_text_tail_must_not_overflow() {
        let meta = Meta::new(Texty::vtable());
        alloc_with_text_filled(
            &meta,
            |home| Texty { len: 3, home },
            0,
            0,
            TextFrame::NONE,
            3,
            |t| t.push_str("abcd"),
        );
    }

    #[test]
    #[should_panic(expected = "text tail length")]
    fn text_tail_length_must_match() {
        let meta = Meta::new(Texty::vtable());
        alloc_with_text(
            &meta,
            |home| Texty { len: 3, home },
            0,
            0,
            TextFrame::NONE,
            "four",
        );
    }

    /// A text after an 8-byte head (its length) and before an 8-byte
    /// aligned foot word.
    #[derive(crate::Trace)]
    struct Framed {
        home: InHeap,
    }
    impl Framed {
        fn len(&self) -> usize {
            // SAFETY: the head is the text length, written at allocation.
            unsafe { *tail_at::<_, usize>(self, &self.home, 0) }
        }
        fn foot(&self) -> &Cell<usize> {
            let at = (8 + self.len()).next_multiple_of(8);
            // SAFETY: the foot holds a Cell<usize> there (7 at allocation).
            unsafe { tail_at(self, &self.home, at) }
        }
    }
    payload!(
        Framed,
        253,
        "framed",
        tail_len = |f: &Framed| (8 + f.len()).next_multiple_of(8) + 8,
        text_span = |f: &Framed| (8, f.len()),
    );

    #[test]
    fn framed_text_tail_keeps_head_and_foot() {
        let meta = Meta::new(Framed::vtable());
        for (trailing, text) in [(0, ""), (1, "héllo"), (2, "12345678"), (0, "x")] {
            let head = text.len().to_ne_bytes();
            let pad = (8 + text.len()).next_multiple_of(8) - 8 - text.len();
            let mut foot = vec![0u8; pad];
            foot.extend_from_slice(&7usize.to_ne_bytes());
            let frame = TextFrame {
                head: &head,
                foot: &foot,
            };
            let v = alloc_with_text(&meta, |home| Framed { home }, trailing, 0, frame, text);
            let f = v.downcast::<Framed>().unwrap();
            assert_eq!(text_of(f, &f.home), text);
            assert_eq!(f.foot().get(), 7, "the foot is as given");
            f.foot().set(usize::MAX);
            assert_eq!(text_of(f, &f.home), text, "the foot is after the text");
            let h = v.header().unwrap();
            h.trailing()
                .iter()
                .for_each(|s| s.set(Value::small_int(1).unwrap()));
            assert_eq!(text_of(f, &f.home), text, "slots do not overlap the text");
            assert_eq!(h.block_size() % 8, 0);
        }
    }

    #[test]
    #[should_panic(expected = "text tail length")]
    fn framed_text_tail_must_match_the_frame() {
        let meta = Meta::new(Framed::vtable());
        let head = 3usize.to_ne_bytes();
        let frame = TextFrame {
            head: &head,
            foot: &[],
        };
        alloc_with_text(&meta, |home| Framed { home }, 0, 0, frame, "abc");
    }

    #[test]
    fn header_is_16_bytes() {
        assert_eq!(std::mem::size_of::<Header>(), 16);
        assert_eq!(std::mem::size_of::<Obj<()>>(), 16);
    }
}
