//! The `generational` strategy (the default): CPython 3.11's schedule.
//! Generation 0 is collected when the young count passes threshold 0;
//! generation k+1 when k has been collected more than threshold k+1 times
//! since; the full collection additionally waits until the objects promoted
//! into the old generation since the last full collection exceed a quarter
//! of those that survived it (so a growing heap is not rescanned
//! quadratically).
//!
//! Invariant: it only decides which generation; `Vm::collect_garbage` does
//! the work and keeps the counts.

use super::Collector;
use crate::vm::Vm;

pub struct Generational;

impl Collector for Generational {
    fn name(&self) -> &'static str {
        "generational"
    }

    fn on_trigger(&mut self, vm: &mut Vm) {
        let st = &vm.gc;
        let mut generation = 0;
        if st.threshold[2] > 0
            && st.count[1] > st.threshold[2]
            && st.long_lived_pending >= st.long_lived_total / 4
        {
            generation = 2;
        } else if st.threshold[1] > 0 && st.count[0] > st.threshold[1] {
            generation = 1;
        }
        vm.collect_garbage(generation);
    }
}
