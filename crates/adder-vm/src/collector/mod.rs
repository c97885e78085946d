//! The cycle collector, as the interpreter runs it: the state behind the
//! `gc` module, the `Collector` trait that strategies implement, and one
//! collection from analysis to freeing.
//!
//! Invariants:
//! - Collections run only at the interpreter's safe points (through
//!   `Vm::run_pending`) or from `gc.collect()`: never inside an allocation
//!   and never while Rust code holds a borrow it relies on. The tracked
//!   heap only raises a flag when its young count passes the threshold.
//! - A collection follows CPython's order: weak references to the garbage
//!   die first (their callbacks run unless the weakref is garbage too),
//!   then finalisers run once per object (PEP 442), then whatever is still
//!   referenced only from inside the garbage is cleared
//!   (`Header::clear_refs`) and dies through reference counting. Objects a
//!   finaliser resurrected survive, with everything they reach.
//! - `collecting` is set for the whole collection; a collection requested
//!   meanwhile (a finaliser allocating) waits for the next safe point.

mod generational;
mod incremental;
pub mod leaks;

use adder_object::cycles;
use adder_object::heap::FLAG_FINALIZED;
use adder_object::weak::take_pending;
use adder_object::Value;

use crate::vm::Vm;

pub use generational::Generational;
pub use incremental::Incremental;

/// A collection strategy: decides when and how much to collect. The
/// mechanism (`collect`) is shared.
pub trait Collector {
    fn name(&self) -> &'static str;
    /// The tracked heap's young count passed `threshold[0]`: do the
    /// automatic work.
    fn on_trigger(&mut self, vm: &mut Vm);
    /// Drops any work in progress (a full collection is about to run).
    fn abort(&mut self) {}
}

/// Per-generation statistics (`gc.get_stats()`).
#[derive(Clone, Copy, Default)]
pub struct GenStats {
    pub collections: usize,
    pub collected: usize,
    pub uncollectable: usize,
}

pub const DEBUG_STATS: i64 = 1;
pub const DEBUG_SAVEALL: i64 = 32;

/// The collector's interpreter-wide state.
pub struct GcState {
    pub enabled: bool,
    pub threshold: [usize; 3],
    /// Collections of generation 0 since the last of generation 1, and of
    /// generation 1 since the last of generation 2 (`get_count()[1:]`).
    pub count: [usize; 2],
    /// Objects that survived the last full collection, and objects promoted
    /// into the oldest generation since (CPython's long-lived counts).
    pub long_lived_total: usize,
    pub long_lived_pending: usize,
    /// Objects the last collection examined and left alive.
    pub last_survivors: usize,
    pub stats: [GenStats; 3],
    pub debug: i64,
    pub collecting: bool,
    /// `gc.garbage` and `gc.callbacks` (NULL until `gc` is imported).
    pub garbage: Value,
    pub callbacks: Value,
    /// Taken out while it runs (it gets `&mut Vm`).
    pub strategy: Option<Box<dyn Collector>>,
    pub strategy_name: &'static str,
    /// The leak check is tearing the interpreter down: finalisers and
    /// weakref callbacks are dropped unrun (module globals are gone).
    pub tearing_down: bool,
    /// Stress mode: collect after every `stress` tracked allocations,
    /// whatever the thresholds say (invisible to Python code; `gc.disable()`
    /// still stops it).
    pub stress: usize,
}

/// Strategy names `-X gc=NAME` / `ADDER_GC=NAME` accept.
pub const STRATEGIES: &[&str] = &["generational", "incremental"];

impl GcState {
    /// The state for strategy `name` (None: the default). `stress` > 0
    /// collects after every `stress` tracked allocations.
    pub fn new(name: Option<&str>, stress: usize) -> Result<GcState, String> {
        let strategy: Box<dyn Collector> = match name.unwrap_or("generational") {
            "generational" => Box::new(Generational),
            "incremental" => Box::new(Incremental::default()),
            other => {
                return Err(format!(
                    "unknown garbage collector '{other}' (available: {})",
                    STRATEGIES.join(", ")
                ))
            }
        };
        let st = GcState {
            enabled: true,
            threshold: [700, 10, 10],
            count: [0, 0],
            long_lived_total: 0,
            long_lived_pending: 0,
            last_survivors: 0,
            stats: [GenStats::default(); 3],
            debug: 0,
            collecting: false,
            garbage: Value::NULL,
            callbacks: Value::NULL,
            strategy_name: strategy.name(),
            strategy: Some(strategy),
            stress,
            tearing_down: false,
        };
        st.arm();
        Ok(st)
    }

    /// Points the tracked heap's trigger at the current threshold.
    pub fn arm(&self) {
        let t = match (self.enabled, self.stress) {
            (false, _) => 0,
            (true, 0) => self.threshold[0],
            (true, s) => s,
        };
        cycles::set_trigger(
            t,
            (t > 0).then_some(adder_object::weak::request_collection as fn()),
        );
    }
}

impl Vm {
    /// The automatic collection a safe point found requested.
    pub fn collect_automatic(&mut self) {
        if self.gc.collecting || !self.gc.enabled {
            return;
        }
        let Some(mut s) = self.gc.strategy.take() else {
            return;
        };
        s.on_trigger(self);
        self.gc.strategy = Some(s);
    }

    /// Collects generations `0..=generation`; returns the number of
    /// unreachable objects freed (`gc.collect()`'s result; resurrected
    /// objects are not counted, as in CPython).
    pub fn collect_garbage(&mut self, generation: usize) -> usize {
        if self.gc.collecting {
            return 0;
        }
        if generation == 2 {
            // A full collection supersedes a strategy's cycle in progress.
            if let Some(s) = self.gc.strategy.as_mut() {
                s.abort();
            }
        }
        self.collection(generation, |_| {
            let found = cycles::find_unreachable(generation);
            (found.examined, found.garbage)
        })
    }

    /// Frees what an incremental step proposed, once checked exactly (a
    /// group of objects referenced only from inside it). Returns how many
    /// objects were freed.
    pub fn dispose_proposed(&mut self, proposed: Vec<Value>) -> usize {
        if self.gc.collecting || proposed.is_empty() {
            // Dropped proposals are still garbage: a later cycle finds them.
            return 0;
        }
        self.gc.collecting = true;
        let saved = self.exc_info.clone();
        let garbage = cycles::still_unreachable(proposed);
        let n = if garbage.is_empty() {
            0
        } else {
            self.dispose(garbage)
        };
        self.exc_info = saved;
        self.gc.collecting = false;
        n
    }

    /// One collection: callbacks, `find` (which returns how many objects it
    /// examined and the garbage), disposal, statistics and counts.
    fn collection(
        &mut self,
        generation: usize,
        find: impl FnOnce(&mut Vm) -> (usize, Vec<Value>),
    ) -> usize {
        self.gc.collecting = true;
        let saved = self.exc_info.clone();
        self.gc_callbacks("start", generation, 0, 0);
        let (examined, garbage) = find(self);
        let n = if garbage.is_empty() {
            0
        } else {
            self.dispose(garbage)
        };
        self.record_collection(generation, examined, n);
        self.gc_callbacks("stop", generation, n, 0);
        self.exc_info = saved;
        self.gc.collecting = false;
        n
    }

    /// Statistics and counts after a collection of `generation` that
    /// examined `examined` objects and freed `n`.
    pub fn record_collection(&mut self, generation: usize, examined: usize, n: usize) {
        let st = &mut self.gc.stats[generation];
        st.collections += 1;
        st.collected += n;
        if generation < 2 {
            self.gc.count[generation] += 1;
        }
        for c in self.gc.count.iter_mut().take(generation) {
            *c = 0;
        }
        let survivors = examined.saturating_sub(n);
        self.gc.last_survivors = survivors;
        match generation {
            2 => {
                self.gc.long_lived_total = survivors;
                self.gc.long_lived_pending = 0;
            }
            1 => self.gc.long_lived_pending += survivors,
            _ => {}
        }
        if self.gc.debug & DEBUG_STATS != 0 {
            let text = format!(
                "gc: collecting generation {generation}...\ngc: objects examined: {examined}\ngc: done, {n} unreachable, 0 uncollectable.\n"
            );
            crate::builtins::sys::write_stderr(self, &text);
        }
    }

    /// Weakrefs, finalisers, then clearing (see the module invariants).
    /// Returns how many objects were freed (or saved in `gc.garbage`): not
    /// those a finaliser resurrected.
    fn dispose(&mut self, garbage: Vec<Value>) -> usize {
        cycles::clear_weakrefs(&garbage);
        self.drain_queue();
        let mut finalised = false;
        for v in &garbage {
            let h = v.header().expect("garbage is heap objects");
            if h.needs_finalizer() && !self.gc.tearing_down {
                h.set_flag(FLAG_FINALIZED);
                self.finalize_object(v);
                finalised = true;
            }
        }
        self.drain_queue();
        let garbage = if finalised {
            cycles::still_unreachable(garbage)
        } else {
            garbage
        };
        let n = garbage.len();
        if self.gc.debug & DEBUG_SAVEALL != 0 {
            if let Some(l) = self.gc.garbage.downcast::<crate::objects::seq::List>() {
                l.items.borrow_mut().extend(garbage);
                return n;
            }
        }
        for v in &garbage {
            v.header().expect("garbage is heap objects").clear_refs();
        }
        drop(garbage);
        self.drain_queue();
        n
    }

    /// Runs queued weakref callbacks and finalisers now (collections may
    /// be inside `run_pending`, whose own drain is then suspended).
    fn drain_queue(&mut self) {
        while let Some(p) = take_pending() {
            self.run_one_pending(p);
        }
    }

    pub(crate) fn gc_callbacks(
        &mut self,
        phase: &str,
        generation: usize,
        collected: usize,
        uncollectable: usize,
    ) {
        let Some(list) = self.gc.callbacks.downcast::<crate::objects::seq::List>() else {
            return;
        };
        let cbs: Vec<Value> = list.items.borrow().clone();
        if cbs.is_empty() {
            return;
        }
        let phase = self.new_str(phase);
        let info = self.new_dict();
        for (k, v) in [
            ("generation", generation),
            ("collected", collected),
            ("uncollectable", uncollectable),
        ] {
            let v = self.new_int(v as i64);
            let _ = crate::ops::dict_set_str(self, &info, k, v);
        }
        for cb in cbs {
            if let Err(e) = self.call(&cb, vec![phase.clone(), info.clone()]) {
                self.report_unraisable(&e, Some(&cb));
            }
        }
    }
}
