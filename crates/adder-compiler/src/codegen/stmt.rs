//! Statement code generation: assignments, control flow, definitions, imports.
//!
//! Invariant: every statement leaves the value stack as it found it, and
//! every jump out of a frame block (break/continue/return) first runs the
//! unwinding code of each block it leaves (finally bodies, `__exit__`,
//! handler cleanup), exactly as CPython 3.11's `compiler_unwind_fblock`.

use std::rc::Rc;

use adder_bytecode::opcode::{intrinsic, make_function};
use adder_bytecode::{flags, BinOp, Constant, Opcode};
use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::{docstring, line_of, Compiler, FBlock, FBlockKind, R};
use crate::symtable::ScopeKind;
use crate::Mode;

/// Whether a body contains annotated assignments that need `__annotations__`
/// (CPython's `find_ann`, which looks into nested blocks but not scopes).
pub(crate) fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || i.elif_else_clauses.iter().any(|c| find_ann(&c.body)),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    find_ann(&h.body)
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

pub(crate) fn binop_kind(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

impl<'a, 's> Compiler<'a, 's> {
    pub fn body(&mut self, body: &'a [Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub fn stmt(&mut self, s: &'a Stmt) -> R {
        self.deeper(s.range())?;
        self.set_loc(s.range());
        let r = self.stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => self.return_stmt(r),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
                Ok(())
            }
            Stmt::Assign(a) => {
                if let Some(values) = swap_assign_values(a) {
                    // `a, b = x, y`: no tuple, just the values reversed in
                    // place (CPython 3.11 turns BUILD_TUPLE + UNPACK_SEQUENCE
                    // into SWAP the same way; same evaluation order).
                    for e in values {
                        self.expr(e)?;
                    }
                    if values.len() > 1 {
                        self.set_loc(a.targets[0].range());
                        self.emit(Opcode::Swap, values.len() as u32);
                    }
                    for e in target_elts(&a.targets[0]) {
                        self.store_target(e)?;
                    }
                    return Ok(());
                }
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Opcode::Copy, 1);
                    }
                    self.store_target(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => self.ann_assign(a),
            Stmt::For(f) => {
                if f.is_async {
                    self.async_for(f)
                } else {
                    self.for_stmt(f)
                }
            }
            Stmt::While(w) => self.while_stmt(w),
            Stmt::If(i) => self.if_stmt(i),
            Stmt::With(w) => self.with_stmt(w, 0),
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_loc(s.range());
                self.emit(Opcode::Raise, n);
                Ok(())
            }
            Stmt::Try(t) => {
                if t.is_star {
                    if !t.finalbody.is_empty() {
                        self.try_finally(t)
                    } else {
                        self.try_star_except(t)
                    }
                } else if !t.finalbody.is_empty() {
                    self.try_finally(t)
                } else {
                    self.try_except(t)
                }
            }
            Stmt::Assert(a) => {
                if self.opts.optimize > 0 {
                    return Ok(());
                }
                self.check_assert(a);
                let end = self.new_label();
                self.jump_if(&a.test, end, true)?;
                self.set_loc(s.range());
                self.emit(Opcode::LoadAssertionError, 0);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(Opcode::Call, 1);
                }
                self.emit(Opcode::Raise, 1);
                self.bind(end);
                Ok(())
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    self.set_loc(alias.range());
                    self.load_const(Constant::Int(0.into()));
                    self.load_const(Constant::None);
                    let ni = self.name_index(alias.name.as_str());
                    self.emit(Opcode::ImportName, ni);
                    let name = alias.name.as_str();
                    if let Some(asname) = &alias.asname {
                        let parts: Vec<&str> = name.split('.').collect();
                        if parts.len() > 1 {
                            for (k, attr) in parts[1..].iter().enumerate() {
                                let ai = self.name_index(attr);
                                self.emit(Opcode::ImportFrom, ai);
                                if k + 2 < parts.len() {
                                    self.emit(Opcode::Swap, 2);
                                    self.emit(Opcode::PopTop, 0);
                                }
                            }
                            self.nameop(asname, ExprContext::Store, asname.range)?;
                            self.emit(Opcode::PopTop, 0);
                        } else {
                            self.nameop(asname, ExprContext::Store, asname.range)?;
                        }
                    } else {
                        let first = name.split('.').next().unwrap_or(name);
                        self.nameop(first, ExprContext::Store, alias.range)?;
                    }
                }
                Ok(())
            }
            Stmt::ImportFrom(i) => {
                self.load_const(Constant::Int(i.level.into()));
                let names: Vec<Constant> = i
                    .names
                    .iter()
                    .map(|a| Constant::Str(Rc::from(a.name.as_str())))
                    .collect();
                self.load_const(Constant::Tuple(names.into()));
                let module = i.module.as_ref().map_or("", |m| m.as_str());
                let mi = self.name_index(module);
                self.emit(Opcode::ImportName, mi);
                for alias in &i.names {
                    if alias.name.as_str() == "*" {
                        self.emit(Opcode::ImportStar, 0);
                        return Ok(());
                    }
                    let ai = self.name_index(alias.name.as_str());
                    self.emit(Opcode::ImportFrom, ai);
                    let store = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.nameop(store, ExprContext::Store, alias.range)?;
                }
                self.emit(Opcode::PopTop, 0);
                Ok(())
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => Ok(()),
            Stmt::Expr(e) => {
                if self.mode == Mode::Single && self.units.len() == 1 {
                    self.expr(&e.value)?;
                    self.emit(Opcode::Intrinsic, intrinsic::PRINT);
                    return Ok(());
                }
                if is_constant_expr(&e.value) {
                    return Ok(());
                }
                self.expr(&e.value)?;
                self.emit(Opcode::PopTop, 0);
                Ok(())
            }
            Stmt::Break(b) => self.break_stmt(b.range),
            Stmt::Continue(c) => self.continue_stmt(c.range),
            Stmt::TypeAlias(t) => Err(self.error("invalid syntax", t.range)),
            Stmt::IpyEscapeCommand(c) => Err(self.error("invalid syntax", c.range)),
        }
    }

    // ---- assignment ----

    pub fn store_target(&mut self, t: &'a Expr) -> R {
        self.deeper(t.range())?;
        let r = self.store_target_inner(t);
        self.depth -= 1;
        r
    }

    fn store_target_inner(&mut self, t: &'a Expr) -> R {
        match t {
            Expr::Name(n) => self.nameop(&n.id, ExprContext::Store, n.range),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit_name(Opcode::StoreAttr, &a.attr);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_loc(s.range);
                self.emit(Opcode::StoreSubscr, 0);
                Ok(())
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                self.unpack_helper(elts, t.range())?;
                for e in elts {
                    match e {
                        Expr::Starred(s) => self.store_target(&s.value)?,
                        _ => self.store_target(e)?,
                    }
                }
                Ok(())
            }
            Expr::Starred(s) => Err(self.error(
                "starred assignment target must be in a list or tuple",
                s.range,
            )),
            _ => Err(self.error("cannot assign to expression", t.range())),
        }
    }

    fn unpack_helper(&mut self, elts: &[Expr], range: TextRange) -> R {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(_) = e {
                if seen_star {
                    return Err(self.error("multiple starred expressions in assignment", range));
                }
                if i >= 256 || n - i > (1 << 16) {
                    return Err(self.error(
                        "too many expressions in star-unpacking assignment",
                        e.range(),
                    ));
                }
                seen_star = true;
                self.set_loc(range);
                self.emit(Opcode::UnpackEx, (i | ((n - i - 1) << 8)) as u32);
            }
        }
        if !seen_star {
            self.set_loc(range);
            self.emit(Opcode::UnpackSequence, n as u32);
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> R {
        self.deeper(t.range())?;
        self.set_loc(t.range());
        let r = match t {
            Expr::Name(n) => self.nameop(&n.id, ExprContext::Del, n.range),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.emit_name(Opcode::DeleteAttr, &a.attr);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Opcode::DeleteSubscr, 0);
                Ok(())
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete_target(e)?;
                }
                Ok(())
            }
            _ => Err(self.error("cannot delete expression", t.range())),
        };
        self.depth -= 1;
        r
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> R {
        let op = binop_kind(a.op) as u32 + BinOp::COUNT;
        match &*a.target {
            Expr::Name(n) => {
                self.nameop(&n.id, ExprContext::Load, n.range)?;
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Opcode::BinaryOp, op);
                self.nameop(&n.id, ExprContext::Store, n.range)
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Opcode::Copy, 1);
                self.emit_name(Opcode::LoadAttr, &at.attr);
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Opcode::BinaryOp, op);
                self.emit(Opcode::Swap, 2);
                self.emit_name(Opcode::StoreAttr, &at.attr);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Opcode::Copy, 2);
                self.emit(Opcode::Copy, 2);
                self.emit(Opcode::BinarySubscr, 0);
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Opcode::BinaryOp, op);
                self.emit(Opcode::Swap, 3);
                self.emit(Opcode::Swap, 2);
                self.emit(Opcode::StoreSubscr, 0);
                Ok(())
            }
            t => Err(self.error(
                "'expression' is an illegal expression for augmented assignment",
                t.range(),
            )),
        }
    }

    /// Pushes an annotation's value: the expression, or its source text
    /// under `from __future__ import annotations`.
    pub fn annotation_value(&mut self, ann: &'a Expr) -> R {
        if self.future_annotations {
            let text = self
                .src
                .text
                .get(ann.range().start().to_usize()..ann.range().end().to_usize())
                .unwrap_or("");
            let text = normalize_annotation(text);
            self.load_const(Constant::Str(Rc::from(text)));
            Ok(())
        } else if let Expr::Starred(s) = ann {
            self.expr(&s.value)?;
            self.emit(Opcode::UnpackSequence, 1);
            Ok(())
        } else {
            self.expr(ann)
        }
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> R {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store_target(&a.target)?;
        }
        let module_or_class = matches!(self.ste().kind, ScopeKind::Module | ScopeKind::Class);
        match &*a.target {
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    return Err(self.error("cannot assign to __debug__", n.range));
                }
                if a.simple && module_or_class {
                    self.annotation_value(&a.annotation)?;
                    self.emit_name(Opcode::LoadName, "__annotations__");
                    let m = self.mangle(&n.id).into_owned();
                    self.load_const(Constant::Str(Rc::from(m)));
                    self.emit(Opcode::StoreSubscr, 0);
                    return Ok(());
                }
            }
            Expr::Attribute(at) if a.value.is_none() => {
                self.expr(&at.value)?;
                self.emit(Opcode::PopTop, 0);
            }
            Expr::Subscript(s) if a.value.is_none() => {
                self.expr(&s.value)?;
                self.emit(Opcode::PopTop, 0);
                self.expr(&s.slice)?;
                self.emit(Opcode::PopTop, 0);
            }
            _ => {}
        }
        if !self.future_annotations
            && module_or_class
            && !(a.simple && matches!(&*a.target, Expr::Name(_)))
        {
            self.expr(&a.annotation)?;
            self.emit(Opcode::PopTop, 0);
        }
        Ok(())
    }

    // ---- control flow ----

    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> R {
        let end = self.new_label();
        let mut next = self.new_label();
        self.jump_if(&i.test, next, false)?;
        self.body(&i.body)?;
        for clause in &i.elif_else_clauses {
            self.emit_jump(Opcode::Jump, end);
            self.bind(next);
            next = self.new_label();
            self.set_loc(clause.range);
            if let Some(test) = &clause.test {
                self.jump_if(test, next, false)?;
            }
            self.body(&clause.body)?;
        }
        self.bind(next);
        self.bind(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> R {
        let start = self.new_label();
        let anchor = self.new_label();
        let end = self.new_label();
        self.bind(start);
        self.jump_if(&w.test, anchor, false)?;
        self.push_fblock(FBlockKind::WhileLoop, start, end)?;
        self.body(&w.body)?;
        self.pop_fblock();
        self.set_loc(w.range);
        self.emit_jump(Opcode::Jump, start);
        self.bind(anchor);
        self.body(&w.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> R {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.expr(&f.iter)?;
        self.set_loc(f.iter.range());
        self.emit(Opcode::GetIter, 0);
        self.bind(start);
        self.push_fblock(FBlockKind::ForLoop, start, end)?;
        self.emit_jump(Opcode::ForIter, cleanup);
        self.store_target(&f.target)?;
        self.body(&f.body)?;
        self.set_loc(f.range);
        self.emit_jump(Opcode::Jump, start);
        self.pop_fblock();
        self.bind(cleanup);
        self.body(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn async_for(&mut self, f: &'a ast::StmtFor) -> R {
        if !self.ur().is_async_function && !self.top_level_await() {
            return Err(self.error("'async for' outside async function", f.range));
        }
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.expr(&f.iter)?;
        self.emit(Opcode::GetAiter, 0);
        self.bind(start);
        self.push_fblock(FBlockKind::ForLoop, start, end)?;
        self.push_handler(except, false, 0);
        self.emit(Opcode::GetAnext, 0);
        self.load_const(Constant::None);
        self.add_yield_from();
        self.pop_handler();
        self.store_target(&f.target)?;
        self.body(&f.body)?;
        self.set_loc(f.range);
        self.emit_jump(Opcode::Jump, start);
        self.pop_fblock();
        self.bind(except);
        self.emit(Opcode::EndAsyncFor, 0);
        self.body(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    pub fn top_level_await(&self) -> bool {
        false
    }

    pub fn push_fblock(&mut self, kind: FBlockKind, start: u32, exit: u32) -> R {
        self.push_fblock_full(FBlock {
            kind,
            start,
            exit,
            finalbody: None,
            name: None,
        })
    }

    pub fn push_fblock_full(&mut self, fb: FBlock<'a>) -> R {
        if self.ur().fblocks.len() >= 20 {
            return Err(self.error("too many statically nested blocks", self.cur_range));
        }
        self.u().fblocks.push(fb);
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    /// Emits the code that leaves frame block `fb` (CPython's `compiler_unwind_fblock`).
    fn unwind_fblock(&mut self, fb: FBlock<'a>, preserve_tos: bool) -> R {
        match fb.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
            }
            FBlockKind::TryExcept => self.pop_handler(),
            FBlockKind::FinallyTry => {
                self.pop_handler();
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, 0, 0)?;
                }
                if let Some(fin) = fb.finalbody {
                    self.body(fin)?;
                }
                if preserve_tos {
                    self.pop_fblock();
                }
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.pop_handler();
                self.emit(Opcode::PopExcept, 0);
            }
            FBlockKind::With | FBlockKind::AsyncWith => {
                self.pop_handler();
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.call_exit_with_nones();
                if fb.kind == FBlockKind::AsyncWith {
                    self.emit(Opcode::GetAwaitable, 2);
                    self.load_const(Constant::None);
                    self.add_yield_from();
                }
                self.emit(Opcode::PopTop, 0);
            }
            FBlockKind::HandlerCleanup => {
                if fb.name.is_some() {
                    self.pop_handler();
                }
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.pop_handler();
                self.emit(Opcode::PopExcept, 0);
                if let Some(name) = fb.name {
                    self.load_const(Constant::None);
                    self.nameop(name, ExprContext::Store, TextRange::default())?;
                    self.nameop(name, ExprContext::Del, TextRange::default())?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
            }
        }
        Ok(())
    }

    /// Unwinds the frame blocks down to (not including) the innermost loop
    /// when `want_loop`, else all of them; returns the loop block.
    fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        want_loop: bool,
        range: TextRange,
    ) -> R<Option<FBlock<'a>>> {
        let Some(&top) = self.ur().fblocks.last() else {
            return Ok(None);
        };
        if top.kind == FBlockKind::ExceptionGroupHandler {
            return Err(self.error(
                "'break', 'continue' and 'return' cannot appear in an except* block",
                range,
            ));
        }
        if want_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        let r = self.unwind_fblock(top, preserve_tos);
        let r = r.and_then(|_| self.unwind_fblock_stack(preserve_tos, want_loop, range));
        self.u().fblocks.push(top);
        r
    }

    fn return_stmt(&mut self, r: &'a ast::StmtReturn) -> R {
        if !self.ste().is_function_like() {
            return Err(self.error("'return' outside function", r.range));
        }
        let ste = self.ste();
        if r.value.is_some() && ste.is_coroutine && ste.is_generator {
            return Err(self.error("'return' with value in async generator", r.range));
        }
        let value = r.value.as_deref();
        let preserve = value.is_some_and(|v| !is_constant_expr(v));
        if let (Some(v), true) = (value, preserve) {
            self.expr(v)?;
        }
        let saved = self.ur().handler_stack.clone();
        self.unwind_fblock_stack(preserve, false, r.range)?;
        self.set_loc(r.range);
        match value {
            None => self.load_const(Constant::None),
            Some(v) if !preserve => {
                let c = self.constant_of(v).unwrap_or(Constant::None);
                self.load_const(c);
            }
            _ => {}
        }
        self.emit(Opcode::ReturnValue, 0);
        self.u().handler_stack = saved;
        Ok(())
    }

    fn break_stmt(&mut self, range: TextRange) -> R {
        let saved = self.ur().handler_stack.clone();
        let Some(lp) = self.unwind_fblock_stack(false, true, range)? else {
            return Err(self.error("'break' outside loop", range));
        };
        self.set_loc(range);
        self.unwind_fblock(lp, false)?;
        self.emit_jump(Opcode::Jump, lp.exit);
        self.u().handler_stack = saved;
        Ok(())
    }

    fn continue_stmt(&mut self, range: TextRange) -> R {
        let saved = self.ur().handler_stack.clone();
        let Some(lp) = self.unwind_fblock_stack(false, true, range)? else {
            return Err(self.error("'continue' not properly in loop", range));
        };
        self.set_loc(range);
        self.emit_jump(Opcode::Jump, lp.start);
        self.u().handler_stack = saved;
        Ok(())
    }

    // ---- definitions ----

    /// Pushes defaults / kw-defaults; returns the MakeFunction flags.
    fn default_arguments(&mut self, p: &'a ast::Parameters) -> R<u32> {
        let mut fl = 0;
        let defaults: Vec<&'a Expr> = p
            .posonlyargs
            .iter()
            .chain(&p.args)
            .filter_map(|a| a.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            if let Some(c) = defaults
                .iter()
                .map(|d| self.constant_of(d))
                .collect::<Option<Vec<_>>>()
            {
                self.load_const(Constant::Tuple(c.into()));
            } else {
                for d in &defaults {
                    self.expr(d)?;
                }
                self.emit(Opcode::BuildTuple, defaults.len() as u32);
            }
            fl |= make_function::DEFAULTS;
        }
        let mut nkw = 0;
        for a in &p.kwonlyargs {
            if let Some(d) = &a.default {
                let m = self.mangle(&a.parameter.name).into_owned();
                self.load_const(Constant::Str(Rc::from(m)));
                self.expr(d)?;
                nkw += 1;
            }
        }
        if nkw > 0 {
            self.emit(Opcode::BuildMap, nkw);
            fl |= make_function::KWDEFAULTS;
        }
        Ok(fl)
    }

    fn annotations(&mut self, p: &'a ast::Parameters, returns: Option<&'a Expr>) -> R<u32> {
        let mut n = 0;
        let mut one = |c: &mut Self, name: &str, ann: Option<&'a Expr>| -> R {
            if let Some(ann) = ann {
                let m = c.mangle(name).into_owned();
                c.load_const(Constant::Str(Rc::from(m)));
                c.annotation_value(ann)?;
                n += 1;
            }
            Ok(())
        };
        for a in p.args.iter().chain(&p.posonlyargs) {
            one(self, &a.parameter.name, a.parameter.annotation.as_deref())?;
        }
        if let Some(v) = &p.vararg {
            one(self, &v.name, v.annotation.as_deref())?;
        }
        for a in &p.kwonlyargs {
            one(self, &a.parameter.name, a.parameter.annotation.as_deref())?;
        }
        if let Some(v) = &p.kwarg {
            one(self, &v.name, v.annotation.as_deref())?;
        }
        one(self, "return", returns)?;
        if n > 0 {
            self.emit(Opcode::BuildTuple, 2 * n);
            Ok(make_function::ANNOTATIONS)
        } else {
            Ok(0)
        }
    }

    fn set_arg_counts(&mut self, p: Option<&ast::Parameters>) {
        let Some(p) = p else { return };
        let u = self.u();
        u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        u.posonlyargcount = p.posonlyargs.len() as u32;
        u.kwonlyargcount = p.kwonlyargs.len() as u32;
        if p.vararg.is_some() {
            u.flags |= flags::VARARGS;
        }
        if p.kwarg.is_some() {
            u.flags |= flags::VARKEYWORDS;
        }
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> R {
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        let firstlineno = match f.decorator_list.first() {
            Some(d) => line_of(self.src, d.range),
            None => line_of(self.src, f.range),
        };
        self.set_loc(f.range);
        let mut fl = self.default_arguments(&f.parameters)?;
        fl |= self.annotations(&f.parameters, f.returns.as_deref())?;
        let Some(scope) = self.table.scope_for(f) else {
            return Err(self.error("internal compiler error: no scope", f.range));
        };
        self.enter_scope(&f.name, scope, firstlineno, f.range)?;
        self.u().is_async_function = f.is_async;
        self.set_arg_counts(Some(&f.parameters));
        let doc = docstring(self.src.text, &f.body);
        match &doc {
            Some(d) => self.add_const(Constant::Str(Rc::from(&**d))),
            None => self.add_const(Constant::None),
        };
        let body = if doc.is_some() {
            &f.body[1..]
        } else {
            &f.body[..]
        };
        self.body(body)?;
        self.return_none();
        let code = self.leave_scope()?;
        self.set_loc(f.range);
        self.make_closure(code, fl);
        for _ in &f.decorator_list {
            self.emit(Opcode::Call, 1);
        }
        self.nameop(&f.name, ExprContext::Store, f.name.range)
    }

    pub fn lambda(&mut self, l: &'a ast::ExprLambda) -> R {
        let mut fl = 0;
        if let Some(p) = &l.parameters {
            fl |= self.default_arguments(p)?;
        }
        let Some(scope) = self.table.scope_for(l) else {
            return Err(self.error("internal compiler error: no scope", l.range));
        };
        let line = line_of(self.src, l.range);
        self.enter_scope("<lambda>", scope, line, l.range)?;
        self.set_arg_counts(l.parameters.as_deref());
        self.add_const(Constant::None);
        self.expr(&l.body)?;
        // Generator lambdas too return their body's value (CPython 3.11:
        // `lambda: (yield 1)` stops with the value sent to the yield).
        self.emit(Opcode::ReturnValue, 0);
        let code = self.leave_scope()?;
        self.set_loc(l.range);
        self.make_closure(code, fl);
        Ok(())
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> R {
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        let firstlineno = match c.decorator_list.first() {
            Some(d) => line_of(self.src, d.range),
            None => line_of(self.src, c.range),
        };
        let Some(scope) = self.table.scope_for(c) else {
            return Err(self.error("internal compiler error: no scope", c.range));
        };
        self.enter_scope(&c.name, scope, firstlineno, c.range)?;
        self.set_loc(c.range);
        self.emit_name(Opcode::LoadName, "__name__");
        self.emit_name(Opcode::StoreName, "__module__");
        let q = self.ur().qualname.clone();
        self.load_const(Constant::Str(q));
        self.emit_name(Opcode::StoreName, "__qualname__");
        if find_ann(&c.body) {
            self.emit(Opcode::SetupAnnotations, 0);
        }
        self.body_with_docstring(&c.body, false)?;
        if self.ste().needs_class_closure {
            let i = self.deref_index("__class__").unwrap_or(0);
            self.emit(Opcode::LoadClosure, i);
            self.emit(Opcode::Copy, 1);
            self.emit_name(Opcode::StoreName, "__classcell__");
            self.emit(Opcode::ReturnValue, 0);
        } else {
            self.return_none();
        }
        let code = self.leave_scope()?;
        self.set_loc(c.range);
        self.emit(Opcode::LoadBuildClass, 0);
        self.make_closure(code, 0);
        self.load_const(Constant::Str(Rc::from(c.name.as_str())));
        let (args, keywords): (&'a [Expr], &'a [ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        self.call_helper(2, args, keywords)?;
        for _ in &c.decorator_list {
            self.emit(Opcode::Call, 1);
        }
        self.nameop(&c.name, ExprContext::Store, c.name.range)
    }
}

/// Whether an expression is a compile-time constant (statement-level
/// constants are dropped, returns of constants need no preserved TOS).
pub(crate) fn is_constant_expr(e: &Expr) -> bool {
    matches!(
        e,
        Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
    )
}

/// CPython unparses annotations under `from __future__ import annotations`;
/// we keep the source text, with line breaks and runs of blanks collapsed.
fn normalize_annotation(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for ch in text.chars() {
        if ch == '\n' || ch == '\r' || ch == '\\' || ch == ' ' || ch == '\t' {
            space = true;
            continue;
        }
        if space
            && !out.is_empty()
            && !out.ends_with(['(', '[', '{'])
            && !matches!(ch, ')' | ']' | '}' | ',')
        {
            out.push(' ');
        }
        space = false;
        out.push(ch);
    }
    if out.starts_with('(') && out.ends_with(')') && balanced_outer(&out) {
        out = out[1..out.len() - 1].to_string();
    }
    out
}

fn balanced_outer(s: &str) -> bool {
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 && i != s.len() - 1 {
                    return false;
                }
            }
            _ => {}
        }
    }
    true
}

/// The values of `t1, t2 = v1, v2`-style assignments (one target, a tuple
/// value, no starred items, 1 to 3 elements on both sides), which compile
/// to stack swaps instead of building and unpacking a tuple.
fn swap_assign_values(a: &ast::StmtAssign) -> Option<&[Expr]> {
    if a.targets.len() != 1 {
        return None;
    }
    let Expr::Tuple(v) = &*a.value else {
        return None;
    };
    let t = target_elts(&a.targets[0]);
    let n = v.elts.len();
    let starred = |e: &Expr| matches!(e, Expr::Starred(_));
    let plain = (1..=3).contains(&n)
        && t.len() == n
        && matches!(a.targets[0], Expr::Tuple(_) | Expr::List(_))
        && !v.elts.iter().any(starred)
        && !t.iter().any(starred);
    plain.then_some(&v.elts[..])
}

/// The elements of a tuple or list target (empty for any other target).
fn target_elts(t: &Expr) -> &[Expr] {
    match t {
        Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => elts,
        _ => &[],
    }
}
