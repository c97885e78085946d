//! Superinstructions: pairs of instructions the assembler fuses into one
//! so the loop dispatches once instead of twice.
//!
//! Invariant: a fusion never changes behaviour or what tracebacks show:
//! the second instruction of a fused pair is no jump target, no handler's
//! set-up point, under the same handler and on the same line as the
//! first; instruction indices held by labels and handlers are remapped.
//! Today's pairs (both operands below 2^12): `LoadFast a; LoadFast b` ->
//! `LoadFastPair`, `LoadFast a; LoadConst c` -> `LoadFastConst`,
//! `LoadFast a; LoadAttr n` -> `LoadFastAttr`, `LoadFast a; LoadMethod n`
//! -> `LoadFastMethod`, `StoreFast a; StoreFast b` -> `StoreFastPair`.

use adder_bytecode::opcode::{join_pair, PAIR_SHIFT};
use adder_bytecode::Opcode;

use crate::codegen::{Unit, NO_LABEL};

pub(crate) fn fuse(u: &mut Unit) {
    let n = u.instrs.len();
    // Instructions something points at (jump targets, handler set-ups).
    let mut pinned = vec![false; n + 1];
    for &l in &u.labels {
        if l != NO_LABEL && (l as usize) <= n {
            pinned[l as usize] = true;
        }
    }
    for h in &u.handlers {
        if (h.setup_at as usize) <= n {
            pinned[h.setup_at as usize] = true;
        }
    }
    let small = |i: u32| i < (1 << PAIR_SHIFT);
    let mut out = Vec::with_capacity(n);
    // new_index[i]: where old instruction i (or the pair it joined) went.
    let mut new_index = vec![0u32; n + 1];
    let mut i = 0;
    while i < n {
        new_index[i] = out.len() as u32;
        let a = u.instrs[i];
        if i + 1 < n {
            let b = u.instrs[i + 1];
            let fused_op = match (a.op, b.op) {
                (Opcode::LoadFast, Opcode::LoadFast) => Some(Opcode::LoadFastPair),
                (Opcode::LoadFast, Opcode::LoadConst) => Some(Opcode::LoadFastConst),
                (Opcode::LoadFast, Opcode::LoadAttr) => Some(Opcode::LoadFastAttr),
                (Opcode::LoadFast, Opcode::LoadMethod) => Some(Opcode::LoadFastMethod),
                (Opcode::StoreFast, Opcode::StoreFast) => Some(Opcode::StoreFastPair),
                _ => None,
            };
            if let Some(op) = fused_op.filter(|_| {
                !pinned[i + 1]
                    && a.handler == b.handler
                    && a.loc.line == b.loc.line
                    && small(a.arg)
                    && small(b.arg)
            }) {
                let mut fused = a;
                fused.op = op;
                fused.arg = join_pair(a.arg, b.arg);
                new_index[i + 1] = out.len() as u32;
                out.push(fused);
                i += 2;
                continue;
            }
        }
        out.push(a);
        i += 1;
    }
    new_index[n] = out.len() as u32;
    if out.len() == n {
        return;
    }
    for l in &mut u.labels {
        if *l != NO_LABEL && (*l as usize) <= n {
            *l = new_index[*l as usize];
        }
    }
    for h in &mut u.handlers {
        if (h.setup_at as usize) <= n {
            h.setup_at = new_index[h.setup_at as usize];
        }
    }
    u.instrs = out;
}
