//! `match` statement code generation (PEP 634), mirroring CPython 3.11's
//! `compiler_pattern_*` functions.
//!
//! Invariant: while a pattern is being matched, the stack holds (from the
//! bottom) the subject copy, the values captured so far (`stores`, in order)
//! and `on_top` working items. A failing check jumps to `fail_pop[k]`, where
//! `k` is the number of items to pop so that the stack is back at the
//! subject; the fail_pop labels are chained POP_TOPs emitted after the case.

use std::rc::Rc;

use adder_bytecode::{BinOp, CmpOp, Constant, Opcode};
use ruff_python_ast::{self as ast, Expr, ExprContext, Pattern};
use ruff_text_size::{Ranged, TextRange};

use super::{Compiler, R};

#[derive(Default)]
struct PatternContext {
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<u32>,
    on_top: u32,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

impl<'a, 's> Compiler<'a, 's> {
    pub fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> R {
        self.expr(&m.subject)?;
        let end = self.new_label();
        let cases = m.cases.len();
        let Some(last) = m.cases.last() else {
            return Err(self.error("invalid syntax", m.range));
        };
        let has_default = is_wildcard(&last.pattern) && cases > 1;
        let mut pc = PatternContext::default();
        for i in 0..cases - has_default as usize {
            let case = &m.cases[i];
            self.set_loc(case.pattern.range());
            if i != cases - has_default as usize - 1 {
                self.emit(Opcode::Copy, 1);
            }
            pc.stores.clear();
            pc.allow_irrefutable = case.guard.is_some() || i == cases - 1;
            pc.fail_pop.clear();
            pc.on_top = 0;
            self.pattern(&case.pattern, &mut pc)?;
            let stores = std::mem::take(&mut pc.stores);
            for name in &stores {
                self.nameop(name, ExprContext::Store, case.pattern.range())?;
            }
            if let Some(g) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(g, target, false)?;
            }
            if i != cases - has_default as usize - 1 {
                self.emit(Opcode::PopTop, 0);
            }
            self.body(&case.body)?;
            self.emit_jump(Opcode::Jump, end);
            self.set_loc(case.pattern.range());
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            self.set_loc(last.pattern.range());
            if cases == 1 {
                self.emit(Opcode::PopTop, 0);
            } else {
                self.emit(Opcode::Nop, 0);
            }
            if let Some(g) = &last.guard {
                self.jump_if(g, end, false)?;
            }
            self.body(&last.body)?;
        }
        self.bind(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: u32) {
        while pc.fail_pop.len() <= n as usize {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: Opcode) {
        let pops = pc.on_top + pc.stores.len() as u32;
        self.ensure_fail_pop(pc, pops);
        self.emit_jump(op, pc.fail_pop[pops as usize]);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for k in (1..pc.fail_pop.len()).rev() {
            self.bind(pc.fail_pop[k]);
            self.emit(Opcode::PopTop, 0);
        }
        self.bind(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn rotate(&mut self, mut count: u32) {
        while count > 1 {
            self.emit(Opcode::Swap, count);
            count -= 1;
        }
    }

    fn store_name(&mut self, name: Option<&ast::Identifier>, pc: &mut PatternContext) -> R {
        let Some(n) = name else {
            self.emit(Opcode::PopTop, 0);
            return Ok(());
        };
        if n.as_str() == "__debug__" {
            return Err(self.error("cannot assign to __debug__", n.range));
        }
        if pc.stores.iter().any(|s| s == n.as_str()) {
            return Err(self.error(
                format!("multiple assignments to name '{}' in pattern", n.as_str()),
                n.range,
            ));
        }
        let rotations = pc.on_top + pc.stores.len() as u32 + 1;
        self.rotate(rotations);
        pc.stores.push(n.to_string());
        Ok(())
    }

    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> R {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = saved;
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> R {
        self.deeper(p.range())?;
        self.set_loc(p.range());
        let r = self.pattern_inner(p, pc);
        self.depth -= 1;
        r
    }

    fn pattern_inner(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> R {
        match p {
            Pattern::MatchValue(v) => {
                self.expr(&v.value)?;
                self.emit(Opcode::CompareOp, CmpOp::Eq as u32);
                self.jump_to_fail_pop(pc, Opcode::PopJumpIfFalse);
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::True,
                    ast::Singleton::False => Constant::False,
                });
                self.emit(Opcode::IsOp, 0);
                self.jump_to_fail_pop(pc, Opcode::PopJumpIfFalse);
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(&s.patterns, s.range, pc)?,
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc)?,
            Pattern::MatchClass(c) => self.pattern_class(c, pc)?,
            Pattern::MatchStar(s) => self.store_name(s.name.as_ref(), pc)?,
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return Err(match &a.name {
                            Some(n) => self.error(
                                format!(
                                    "name capture '{}' makes remaining patterns unreachable",
                                    n.as_str()
                                ),
                                a.range,
                            ),
                            None => {
                                self.error("wildcard makes remaining patterns unreachable", a.range)
                            }
                        });
                    }
                    self.store_name(a.name.as_ref(), pc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Opcode::Copy, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_name(a.name.as_ref(), pc)?;
                }
            },
            Pattern::MatchOr(o) => self.pattern_or(o, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(
        &mut self,
        patterns: &'a [Pattern],
        range: TextRange,
        pc: &mut PatternContext,
    ) -> R {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, q) in patterns.iter().enumerate() {
            if let Pattern::MatchStar(_) = q {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern", q.range()));
                }
                star_wildcard = is_star_wildcard(q);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(q);
        }
        let _ = range;
        pc.on_top += 1;
        self.emit(Opcode::MatchSequence, 0);
        self.jump_to_fail_pop(pc, Opcode::PopJumpIfFalse);
        match star {
            None => {
                self.emit(Opcode::GetLen, 0);
                self.load_const(Constant::Int(size.into()));
                self.emit(Opcode::CompareOp, CmpOp::Eq as u32);
                self.jump_to_fail_pop(pc, Opcode::PopJumpIfFalse);
            }
            Some(_) if size > 1 => {
                self.emit(Opcode::GetLen, 0);
                self.load_const(Constant::Int((size - 1).into()));
                self.emit(Opcode::CompareOp, CmpOp::Ge as u32);
                self.jump_to_fail_pop(pc, Opcode::PopJumpIfFalse);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Opcode::PopTop, 0);
        } else if star_wildcard {
            let star = star.unwrap_or(0);
            pc.on_top += 1;
            for (i, q) in patterns.iter().enumerate() {
                if is_wildcard(q) || i == star {
                    continue;
                }
                self.emit(Opcode::Copy, 1);
                if i < star {
                    self.load_const(Constant::Int(i.into()));
                } else {
                    self.emit(Opcode::GetLen, 0);
                    self.load_const(Constant::Int((size - i).into()));
                    self.emit(Opcode::BinaryOp, BinOp::Sub as u32);
                }
                self.emit(Opcode::BinarySubscr, 0);
                self.subpattern(q, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Opcode::PopTop, 0);
        } else {
            match star {
                Some(i) => {
                    if i >= 256 || size - i > (1 << 16) {
                        return Err(self.error(
                            "too many expressions in star-unpacking sequence pattern",
                            range,
                        ));
                    }
                    self.emit(Opcode::UnpackEx, (i | ((size - i - 1) << 8)) as u32);
                }
                None => self.emit(Opcode::UnpackSequence, size as u32),
            }
            pc.on_top += size as u32;
            for q in patterns {
                pc.on_top -= 1;
                self.subpattern(q, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_mapping(&mut self, m: &'a ast::PatternMatchMapping, pc: &mut PatternContext) -> R {
        let size = m.keys.len();
        pc.on_top += 1;
        self.emit(Opcode::MatchMapping, 0);
        self.jump_to_fail_pop(pc, Opcode::PopJumpIfFalse);
        if size == 0 && m.rest.is_none() {
            pc.on_top -= 1;
            self.emit(Opcode::PopTop, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Opcode::GetLen, 0);
            self.load_const(Constant::Int(size.into()));
            self.emit(Opcode::CompareOp, CmpOp::Ge as u32);
            self.jump_to_fail_pop(pc, Opcode::PopJumpIfFalse);
        }
        let mut seen: Vec<Constant> = Vec::new();
        for k in &m.keys {
            if let Some(c) = self.constant_of(k) {
                if seen.contains(&c) {
                    let text = self
                        .src
                        .text
                        .get(k.range().start().to_usize()..k.range().end().to_usize())
                        .unwrap_or("");
                    return Err(self.error(
                        format!("mapping pattern checks duplicate key ({text})"),
                        k.range(),
                    ));
                }
                seen.push(c);
            } else if !matches!(k, Expr::Attribute(_)) {
                return Err(self.error(
                    "mapping pattern keys may only match literals and attribute lookups",
                    k.range(),
                ));
            }
            self.expr(k)?;
        }
        self.emit(Opcode::BuildTuple, size as u32);
        self.emit(Opcode::MatchKeys, 0);
        pc.on_top += 2;
        self.emit(Opcode::Copy, 1);
        self.load_const(Constant::None);
        self.emit(Opcode::IsOp, 1);
        self.jump_to_fail_pop(pc, Opcode::PopJumpIfFalse);
        self.emit(Opcode::UnpackSequence, size as u32);
        pc.on_top += size as u32;
        pc.on_top -= 1;
        for q in &m.patterns {
            pc.on_top -= 1;
            self.subpattern(q, pc)?;
        }
        pc.on_top -= 2;
        match &m.rest {
            Some(rest) => {
                self.emit(Opcode::CopyDictWithoutKeys, 0);
                self.emit(Opcode::Swap, 2);
                self.emit(Opcode::PopTop, 0);
                self.store_name(Some(rest), pc)?;
            }
            None => {
                self.emit(Opcode::PopTop, 0);
                self.emit(Opcode::PopTop, 0);
            }
        }
        Ok(())
    }

    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatternContext) -> R {
        let patterns = &c.arguments.patterns;
        let kwds = &c.arguments.keywords;
        let nargs = patterns.len();
        let nattrs = kwds.len();
        for (i, k) in kwds.iter().enumerate() {
            if kwds[i + 1..]
                .iter()
                .any(|o| o.attr.as_str() == k.attr.as_str())
            {
                let dup = kwds[i + 1..]
                    .iter()
                    .find(|o| o.attr.as_str() == k.attr.as_str())
                    .map_or(k.range, |o| o.range);
                return Err(self.error(
                    format!(
                        "attribute name repeated in class pattern: {}",
                        k.attr.as_str()
                    ),
                    dup,
                ));
            }
        }
        self.expr(&c.cls)?;
        let names: Vec<Constant> = kwds
            .iter()
            .map(|k| Constant::Str(Rc::from(k.attr.as_str())))
            .collect();
        self.load_const(Constant::Tuple(names.into()));
        self.emit(Opcode::MatchClass, nargs as u32);
        self.emit(Opcode::Copy, 1);
        self.load_const(Constant::None);
        self.emit(Opcode::IsOp, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Opcode::PopJumpIfFalse);
        self.emit(Opcode::UnpackSequence, (nargs + nattrs) as u32);
        pc.on_top += (nargs + nattrs) as u32;
        pc.on_top -= 1;
        for q in patterns.iter().chain(kwds.iter().map(|k| &k.pattern)) {
            pc.on_top -= 1;
            if is_wildcard(q) {
                self.emit(Opcode::PopTop, 0);
                continue;
            }
            self.subpattern(q, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatternContext) -> R {
        let end = self.new_label();
        let size = o.patterns.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_allow = pc.allow_irrefutable;
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            self.set_loc(alt.range());
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Opcode::Copy, 1);
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) => {
                    if ctl.len() != pc.stores.len() {
                        return Err(
                            self.error("alternative patterns bind different names", self.cur_range)
                        );
                    }
                    let nstores = ctl.len();
                    for icontrol in (0..nstores).rev() {
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(self.error(
                                "alternative patterns bind different names",
                                self.cur_range,
                            ));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(0..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.rotate(icontrol as u32 + 1);
                            }
                        }
                    }
                }
            }
            self.emit_jump(Opcode::Jump, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        self.emit(Opcode::PopTop, 0);
        self.jump_to_fail_pop(pc, Opcode::Jump);
        self.bind(end);
        let control = control.unwrap_or_default();
        let nstores = control.len() as u32;
        let nrots = nstores + 1 + pc.on_top + pc.stores.len() as u32;
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.error(
                    format!("multiple assignments to name '{name}' in pattern"),
                    o.range,
                ));
            }
            pc.stores.push(name);
        }
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }
}
