//! The assembler: from a finished compilation unit to a `CodeObject`.
//!
//! Invariant: the produced code has every jump operand equal to the word
//! index of an instruction (operands >= 2^24 get `ExtendedArg` prefixes), one
//! location per word, an exception table that is sorted, non-overlapping and
//! names the innermost handler of each instruction, and a `stacksize` equal to
//! the maximum depth found by a flow analysis over all reachable paths
//! (including exception edges). A negative or inconsistent depth is reported
//! as an internal error, never a panic.

use std::rc::Rc;

use adder_bytecode::{encode, flags, CodeObject, ExceptionEntry, Location, Opcode};

use crate::codegen::{Unit, NO_LABEL};

fn has_fallthrough(op: Opcode) -> bool {
    !matches!(
        op,
        Opcode::Jump | Opcode::ReturnValue | Opcode::Raise | Opcode::Reraise
    )
}

/// Stack effect along the jump edge of a jump instruction.
pub(crate) fn jump_effect(op: Opcode) -> i32 {
    match op {
        Opcode::Jump | Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop => 0,
        Opcode::ForIter | Opcode::Send => -1,
        _ => -1,
    }
}

fn ext_words(arg: u32) -> usize {
    if arg < (1 << 24) {
        0
    } else {
        1
    }
}

pub(crate) fn assemble(
    mut u: Unit,
    filename: &Rc<str>,
    future_annotations: bool,
) -> Result<CodeObject, String> {
    crate::superinstr::fuse(&mut u);
    let n = u.instrs.len();
    // Resolve labels to instruction indices.
    let mut targets = vec![u32::MAX; n];
    for (i, ins) in u.instrs.iter().enumerate() {
        if ins.target != NO_LABEL {
            let t = *u.labels.get(ins.target as usize).ok_or("bad label")?;
            if t == NO_LABEL || t as usize > n {
                return Err(format!("unbound label in {}", u.qualname));
            }
            targets[i] = t;
        }
    }
    // A jump to the very end (no instruction there) is invalid.
    if targets.iter().any(|&t| t != u32::MAX && t as usize >= n) {
        return Err(format!("jump past the end in {}", u.qualname));
    }

    // Stack depth analysis.
    let mut depth: Vec<i32> = vec![-1; n];
    let mut max_depth: i32 = 0;
    let mut work: Vec<usize> = Vec::new();
    let mut handler_depth: Vec<i32> = vec![-1; u.handlers.len()];
    let reach =
        |i: usize, d: i32, depth: &mut Vec<i32>, work: &mut Vec<usize>| -> Result<(), String> {
            if i >= n {
                return Ok(());
            }
            if d < 0 {
                return Err(format!("negative stack depth at {i} in {}", u.qualname));
            }
            if depth[i] < 0 {
                depth[i] = d;
                work.push(i);
            } else if depth[i] != d {
                return Err(format!(
                    "inconsistent stack depth at {i} ({} vs {d}) in {}",
                    depth[i], u.qualname
                ));
            }
            Ok(())
        };
    if n > 0 {
        reach(0, 0, &mut depth, &mut work)?;
    }
    while let Some(i) = work.pop() {
        let ins = u.instrs[i];
        let d = depth[i];
        max_depth = max_depth.max(d);
        if ins.handler != 0 {
            let hi = (ins.handler - 1) as usize;
            let h = u.handlers[hi];
            if handler_depth[hi] < 0 {
                let base = depth.get(h.setup_at as usize).copied().unwrap_or(-1);
                if base < 0 {
                    return Err(format!("handler without a setup depth in {}", u.qualname));
                }
                handler_depth[hi] = base - h.pop as i32;
            }
            let hd = handler_depth[hi] + 1 + h.lasti as i32;
            max_depth = max_depth.max(hd);
            let t = u.labels[h.label as usize] as usize;
            reach(t, hd, &mut depth, &mut work)?;
        }
        let fall = d + ins.op.stack_effect(ins.arg);
        if fall < 0 {
            return Err(format!(
                "stack underflow at {i} ({}) in {}",
                ins.op.name(),
                u.qualname
            ));
        }
        max_depth = max_depth.max(fall);
        if targets[i] != u32::MAX {
            let jd = d + jump_effect(ins.op);
            reach(targets[i] as usize, jd, &mut depth, &mut work)?;
            max_depth = max_depth.max(jd);
        }
        if has_fallthrough(ins.op) {
            reach(i + 1, fall, &mut depth, &mut work)?;
        }
    }

    // Word offsets (iterate until ExtendedArg sizes are stable).
    let mut offsets: Vec<u32> = vec![0; n + 1];
    let mut sizes: Vec<u8> = vec![1; n];
    loop {
        let mut pos = 0u32;
        for i in 0..n {
            offsets[i] = pos;
            pos += sizes[i] as u32;
        }
        offsets[n] = pos;
        let mut changed = false;
        for i in 0..n {
            let arg = if targets[i] != u32::MAX {
                offsets[targets[i] as usize]
            } else {
                u.instrs[i].arg
            };
            let s = 1 + ext_words(arg) as u8;
            if s != sizes[i] {
                sizes[i] = s;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let total = offsets[n] as usize;
    let mut code: Vec<u32> = Vec::with_capacity(total);
    let mut locations: Vec<Location> = Vec::with_capacity(total);
    for (i, ins) in u.instrs.iter().enumerate() {
        let arg = if targets[i] != u32::MAX {
            offsets[targets[i] as usize]
        } else {
            ins.arg
        };
        let extra = sizes[i] - 1;
        for k in (1..=extra).rev() {
            let high = arg >> (24 * k as u32);
            code.push(encode(Opcode::ExtendedArg, high & 0xFF_FFFF));
            locations.push(ins.loc);
        }
        code.push(encode(ins.op, arg & 0xFF_FFFF));
        locations.push(ins.loc);
    }

    // Exception table.
    let mut table: Vec<ExceptionEntry> = Vec::new();
    let mut i = 0;
    while i < n {
        let h = u.instrs[i].handler;
        if h == 0 || depth[i] < 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && u.instrs[i].handler == h {
            i += 1;
        }
        let hi = (h - 1) as usize;
        let hd = handler_depth[hi];
        if hd < 0 {
            continue;
        }
        let hdl = u.handlers[hi];
        let target = offsets[u.labels[hdl.label as usize] as usize];
        let entry = ExceptionEntry {
            start: offsets[start],
            end: offsets[i],
            target,
            depth: hd as u32,
            push_lasti: hdl.lasti,
        };
        if let Some(last) = table.last_mut() {
            if last.end == entry.start
                && last.target == entry.target
                && last.depth == entry.depth
                && last.push_lasti == entry.push_lasti
            {
                last.end = entry.end;
                continue;
            }
        }
        table.push(entry);
    }

    let mut flags_v = u.flags;
    if future_annotations {
        flags_v |= flags::FUTURE_ANNOTATIONS;
    }
    let total_args = {
        let mut t = (u.argcount + u.kwonlyargcount) as usize;
        if flags_v & flags::VARARGS != 0 {
            t += 1;
        }
        if flags_v & flags::VARKEYWORDS != 0 {
            t += 1;
        }
        t
    };
    let cell2arg = u
        .cellvars
        .iter()
        .map(|c| {
            u.varnames[..total_args.min(u.varnames.len())]
                .iter()
                .position(|v| v == c)
                .map(|p| p as u32)
        })
        .collect();
    Ok(CodeObject {
        code,
        locations: adder_bytecode::LineTable::new(&locations),
        exception_table: table,
        consts: u.consts,
        names: u.names,
        varnames: u.varnames,
        cellvars: u.cellvars,
        freevars: u.freevars,
        cell2arg,
        argcount: u.argcount,
        posonlyargcount: u.posonlyargcount,
        kwonlyargcount: u.kwonlyargcount,
        flags: flags_v,
        stacksize: max_depth as u32,
        name: u.name,
        qualname: u.qualname,
        filename: filename.clone(),
        firstlineno: u.firstlineno,
    })
}
