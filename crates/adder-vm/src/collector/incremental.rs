//! The `incremental` strategy: young collections as in `generational`
//! (their cost is bounded by threshold 0), while the old generations —
//! where a full stop-the-world collection would pause in proportion to the
//! whole heap — are analysed a bounded step at a time
//! (`adder_object::incremental`), one step after each young collection.
//!
//! Invariants:
//! - Every object that survives a young collection counts as promoted; a
//!   new old cycle starts when the promoted objects since the last one
//!   reach a quarter of those that survived it (the generational rule, so
//!   a steady heap is not rescanned for nothing).
//! - What a cycle proposes (a few groups per step) is freed only after
//!   `Vm::dispose_proposed` has checked it exactly; a full `gc.collect()`
//!   aborts the cycle. A cycle counts as one generation-2 collection:
//!   `gc.callbacks` get "start" when it begins and "stop" (with what it
//!   freed) when it ends, and `gc.get_stats()` counts it then.

use adder_object::cycles;
use adder_object::incremental::OldCycle;

use super::Collector;
use crate::vm::Vm;

/// While a cycle runs, a step is taken every this many tracked
/// allocations (besides the young collections at threshold 0)...
const STEP_INTERVAL: usize = 25;
/// ...doing this many units of work (objects and references visited) per
/// allocation. A cycle costs 10-15 units per old object, so at 80 it ends
/// before the program has allocated a sixth of the old generation again
/// (the garbage it can leave behind meanwhile), and a step is about 2,000
/// units: 0.3-0.5 ms measured on a 1,000,000-object heap, where cache
/// misses dominate (bench/mem/gc_pauses.py).
const PACE: usize = 80;

#[derive(Default)]
pub struct Incremental {
    cycle: Option<OldCycle>,
    /// Objects the running cycle has freed so far.
    freed: usize,
}

impl Collector for Incremental {
    fn name(&self) -> &'static str {
        "incremental"
    }

    fn on_trigger(&mut self, vm: &mut Vm) {
        let allocated = cycles::take_allocations_since_step();
        let young = cycles::young_count();
        if young > vm.gc.threshold[0] || vm.gc.stress > 0 {
            vm.collect_garbage(0);
            vm.gc.long_lived_pending += vm.gc.last_survivors;
        }
        if self.cycle.is_none() {
            if vm.gc.long_lived_pending < vm.gc.long_lived_total / 4 {
                return;
            }
            self.cycle = Some(OldCycle::start());
            cycles::set_step_interval(STEP_INTERVAL);
            vm.gc_callbacks("start", 2, 0, 0);
        }
        let Some(cycle) = self.cycle.as_mut() else {
            return;
        };
        let step = cycle.step(allocated.clamp(1, STEP_INTERVAL * 2) * PACE);
        let members = cycle.members;
        self.freed += vm.dispose_proposed(step.proposed);
        if step.done {
            self.cycle = None;
            cycles::set_step_interval(0);
            let freed = std::mem::take(&mut self.freed);
            vm.record_collection(2, members, freed);
            vm.gc_callbacks("stop", 2, freed, 0);
        }
    }

    fn abort(&mut self) {
        self.cycle = None;
        self.freed = 0;
        cycles::set_step_interval(0);
    }
}
