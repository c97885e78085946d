//! Weak references and deferred finalisation: the parts of object death that
//! need Python code to run (weakref callbacks, `__del__`, closing suspended
//! generators) but cannot run it inside `decref`.
//!
//! Invariants:
//! - An object whose header has `FLAG_WEAKREFD` may have an entry in this
//!   thread's weak table, mapping its address to the newest live weakref
//!   object that points at it; each `WeakRef`'s `next` links to the next
//!   older one (null at the end). A `WeakRef`'s `target` is either null (dead,
//!   and then it is on no list) or an object whose list holds that `WeakRef`;
//!   both sides remove the link when they die (the target in `dealloc`, the
//!   weakref in its `Drop`), so no raw pointer here ever dangles.
//! - Dying objects never run Python code: `dealloc` queues the work (a strong
//!   reference to the object to finalise, or a weakref and its callback) on
//!   this thread's pending queue, and the interpreter drains the queue at its
//!   next safe point (`take_pending`). An object is queued for finalisation at
//!   most once (`FLAG_FINALIZED`), so resurrection is safe (PEP 442).
//! - Objects are bound to the thread that made them (reference counts are not
//!   atomic), so thread-local tables are per heap, not per interpreter: two
//!   interpreters on one thread share them; each drains what it finds.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasherDefault, Hasher};

use crate::heap::{Header, Obj, ValueCell, FLAG_FINALIZED, FLAG_WEAKREFD};
use crate::value::Value;
use crate::Trace;

/// The payload kind of weakref objects (the VM's kind table reserves it).
pub const WEAKREF_KIND: u8 = 38;

/// Layout of `weakref.ref`, `weakref.ProxyType` and `CallableProxyType`
/// objects (their classes tell them apart).
#[derive(Trace)]
pub struct WeakRef {
    /// Not an owning pointer (see the module invariants).
    target: Cell<*const Header>,
    /// The next older weakref to the same target (module invariants).
    next: Cell<*const Header>,
    /// The callback (None when there is none or after it was queued).
    #[trace(clear = "none")]
    callback: ValueCell,
    /// The referent's hash once computed (Python semantics), else `NO_HASH`
    /// (-1 is never a Python hash).
    hash: Cell<i64>,
}

const NO_HASH: i64 = -1;

/// Hashes the weak table's keys, object addresses: a multiply and a shift
/// (addresses are 8-aligned, so the low bits carry nothing).
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64 >> 3)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(26);
    }
}

type Table = HashMap<usize, *const Header, BuildHasherDefault<AddressHasher>>;

/// Work that dying objects left for the interpreter.
pub enum Pending {
    /// Run the object's finaliser (`__del__`, generator close), then drop it.
    Finalize(Value),
    /// Call `callback(weakref)`: the weakref's referent died.
    Callback { weakref: Value, callback: Value },
}

thread_local! {
    static TABLE: RefCell<Table> = RefCell::new(Table::default());
    static QUEUE: RefCell<VecDeque<Pending>> = const { RefCell::new(VecDeque::new()) };
    static HAS_PENDING: Cell<bool> = const { Cell::new(false) };
    static COLLECT_WANTED: Cell<bool> = const { Cell::new(false) };
}

crate::payload!(WeakRef, WEAKREF_KIND, "weakref");

impl WeakRef {
    /// A weak reference payload to `target` (link it with `register` once
    /// the weakref object is allocated).
    pub fn new(callback: Value) -> WeakRef {
        WeakRef {
            target: Cell::new(std::ptr::null()),
            next: Cell::new(std::ptr::null()),
            callback: ValueCell::new(callback),
            hash: Cell::new(NO_HASH),
        }
    }

    /// The callback (None when there is none or after it was queued).
    pub fn callback(&self) -> Value {
        self.callback.get()
    }

    /// The referent's hash if it was computed.
    pub fn cached_hash(&self) -> Option<i64> {
        let h = self.hash.get();
        (h != NO_HASH).then_some(h)
    }

    /// Remembers the referent's hash (a Python hash, never -1).
    pub fn cache_hash(&self, h: i64) {
        debug_assert!(h != NO_HASH);
        self.hash.set(h);
    }

    /// A new reference to the referent, or None when it died.
    pub fn get(&self) -> Option<Value> {
        let t = self.target.get();
        if t.is_null() {
            return None;
        }
        // SAFETY: a non-null target is live (module invariant); the
        // returned Value owns the reference added here.
        unsafe {
            (*t).incref();
            Some(Value::from_header_owned(t))
        }
    }

    /// Whether the referent is still alive.
    pub fn alive(&self) -> bool {
        !self.target.get().is_null()
    }

    /// The referent's address (for reprs), 0 when dead.
    pub fn target_addr(&self) -> usize {
        self.target.get() as usize
    }
}

/// Takes the dying weakref object `w` off its target's list (its target
/// set to null), so that nothing finds it while it waits to be freed.
///
/// # Safety
/// `w` must head a live object whose payload is a `WeakRef`.
pub(crate) unsafe fn unlink(w: *const Header) {
    // SAFETY: per contract.
    unsafe { payload_of(w) }.unlink();
}

impl Drop for WeakRef {
    fn drop(&mut self) {
        self.unlink();
    }
}

impl WeakRef {
    fn unlink(&self) {
        let t = self.target.replace(std::ptr::null());
        if t.is_null() {
            return;
        }
        let me = self as *const WeakRef;
        let after = self.next.replace(std::ptr::null());
        let _ = TABLE.try_with(|tab| {
            let mut tab = tab.borrow_mut();
            let Some(&head) = tab.get(&(t as usize)) else {
                return;
            };
            // SAFETY: listed weakrefs are live (module invariant); `me`
            // is on the list because its target is set.
            unsafe {
                if std::ptr::eq(payload_of(head), me) {
                    if after.is_null() {
                        tab.remove(&(t as usize));
                    } else {
                        tab.insert(t as usize, after);
                    }
                    return;
                }
                let mut w = head;
                loop {
                    let next = payload_of(w).next.get();
                    if next.is_null() {
                        return;
                    }
                    if std::ptr::eq(payload_of(next), me) {
                        payload_of(w).next.set(after);
                        return;
                    }
                    w = next;
                }
            }
        });
    }
}

/// The `WeakRef` payload of a weakref object's header.
///
/// # Safety
/// `w` must head a live object whose payload is a `WeakRef`.
unsafe fn payload_of<'a>(w: *const Header) -> &'a WeakRef {
    // SAFETY: per contract the object is an Obj<WeakRef>.
    unsafe { &(*(w as *const Obj<WeakRef>)).payload }
}

/// Links the weakref object `weakref` (whose payload is a `WeakRef`) to
/// `target`. Returns false (and links nothing) if `target` is not a heap
/// object.
pub fn register(target: &Value, weakref: &Value) -> bool {
    let (Some(th), Some(wh)) = (target.header(), weakref.header()) else {
        return false;
    };
    let Some(wr) = weakref.downcast::<WeakRef>() else {
        return false;
    };
    wr.target.set(th as *const Header);
    th.set_flag(FLAG_WEAKREFD);
    TABLE.with(|tab| {
        let older = tab
            .borrow_mut()
            .insert(th as *const Header as usize, wh as *const Header);
        wr.next.set(older.unwrap_or(std::ptr::null()));
    });
    true
}

/// New references to the live weakref objects pointing at `target`, oldest
/// first.
pub fn refs_of(target: &Value) -> Vec<Value> {
    let Some(th) = target.header() else {
        return Vec::new();
    };
    if !th.has_flag(FLAG_WEAKREFD) {
        return Vec::new();
    }
    let mut w = TABLE.with(|tab| {
        tab.borrow()
            .get(&(th as *const Header as usize))
            .copied()
            .unwrap_or(std::ptr::null())
    });
    let mut out = Vec::new();
    while !w.is_null() {
        // SAFETY: listed weakrefs are live (module invariant); the Value
        // owns the reference added here.
        unsafe {
            (*w).incref();
            out.push(Value::from_header_owned(w));
            w = payload_of(w).next.get();
        }
    }
    out.reverse();
    out
}

/// Called by `dealloc` for an object with `FLAG_WEAKREFD` before its payload
/// is dropped: kills every weakref to it and queues their callbacks (newest
/// first, as CPython calls them).
pub(crate) fn clear_weakrefs(h: *const Header) {
    clear_weakrefs_except(h, &|_| false);
}

/// Kills every weakref to `h` and queues the callbacks of those for which
/// `skip_callback` is false (newest first).
pub(crate) fn clear_weakrefs_except(
    h: *const Header,
    skip_callback: &dyn Fn(*const Header) -> bool,
) {
    let head = TABLE.with(|tab| tab.borrow_mut().remove(&(h as usize)));
    let Some(head) = head else { return };
    // Unlink every weakref first (newest first), so that no callback or
    // drop below sees a half-cleared list.
    let mut list = Vec::new();
    let mut w = head;
    while !w.is_null() {
        // SAFETY: listed weakrefs are live (module invariant).
        let wr = unsafe { payload_of(w) };
        wr.target.set(std::ptr::null());
        list.push(w);
        w = wr.next.replace(std::ptr::null());
    }
    for &w in list.iter() {
        if skip_callback(w) {
            continue;
        }
        // SAFETY: as above; we take a reference for the queue.
        let wr = unsafe { payload_of(w) };
        let cb = wr.callback.replace(Value::NONE);
        if !cb.is_none() && !cb.is_null() {
            // SAFETY: w is live; the Value owns the reference added here.
            let weakref = unsafe {
                (*w).incref();
                Value::from_header_owned(w)
            };
            push(Pending::Callback {
                weakref,
                callback: cb,
            });
        }
    }
}

/// Called by `dealloc` for an object that needs finalising: marks it and
/// queues it (the queue's Value is the resurrected reference).
pub(crate) fn queue_finalize(h: *const Header) {
    // SAFETY: h is live with rc held at 1 by dealloc; the Value adopts it.
    unsafe {
        (*h).set_flag(FLAG_FINALIZED);
        push(Pending::Finalize(Value::from_header_owned(h)));
    }
}

fn push(p: Pending) {
    QUEUE.with(|q| q.borrow_mut().push_back(p));
    HAS_PENDING.with(|f| f.set(true));
}

/// Whether dying objects left work for the interpreter (cheap; checked by
/// the interpreter loop at safe points).
#[inline(always)]
pub fn has_pending() -> bool {
    HAS_PENDING.with(|f| f.get())
}

/// Takes the oldest pending item.
pub fn take_pending() -> Option<Pending> {
    QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        let p = q.pop_front();
        if q.is_empty() {
            HAS_PENDING.with(|f| f.set(COLLECT_WANTED.with(|c| c.get())));
        }
        p
    })
}

/// Asks the interpreter to run the cycle collector at its next safe point
/// (called from inside an allocation, so it only sets flags).
pub fn request_collection() {
    COLLECT_WANTED.with(|c| c.set(true));
    HAS_PENDING.with(|f| f.set(true));
}

/// Takes a pending collection request.
pub fn take_collection_request() -> bool {
    let wanted = COLLECT_WANTED.with(|c| c.replace(false));
    if wanted {
        let empty = QUEUE.with(|q| q.borrow().is_empty());
        if empty {
            HAS_PENDING.with(|f| f.set(false));
        }
    }
    wanted
}
