//! Exception-handling code generation: try/except/else/finally, except*,
//! with / async with, and the `yield from`/`await` send loop.
//!
//! Invariant: the shapes mirror CPython 3.11's compile.c exactly
//! (SETUP_FINALLY = handler without lasti, SETUP_CLEANUP and SETUP_WITH =
//! handler with lasti; SETUP_WITH drops the `__enter__` result), so the VM
//! can rely on 3.11's stack layout at every handler: `try` handlers see
//! `[.. exc]`, cleanup handlers `[.. lasti exc]`, with-handlers
//! `[.. exit lasti exc]`. Every path out of a handler runs PopExcept.

use adder_bytecode::{Constant, Opcode};
use ruff_python_ast::{self as ast, ExprContext};
use ruff_text_size::Ranged;

use super::{Compiler, FBlock, FBlockKind, R};

impl<'a, 's> Compiler<'a, 's> {
    /// `Send`/`YieldValue` loop (CPython's ADD_YIELD_FROM): `subiter value -> result`.
    pub fn add_yield_from(&mut self) {
        let start = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        self.emit_jump(Opcode::Send, exit);
        self.emit(Opcode::YieldValue, 0);
        self.emit_jump(Opcode::Jump, start);
        self.bind(exit);
    }

    /// `exit -> result`: calls `exit(None, None, None)`.
    pub fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Opcode::Call, 3);
    }

    /// `COPY 3; POP_EXCEPT; RERAISE 1` for `[prev lasti exc]`.
    fn pop_except_and_reraise(&mut self) {
        self.emit(Opcode::Copy, 3);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::Reraise, 1);
    }

    fn fblock(
        &mut self,
        kind: FBlockKind,
        finalbody: Option<&'a [ast::Stmt]>,
        name: Option<&'a str>,
    ) -> R {
        self.push_fblock_full(FBlock {
            kind,
            start: 0,
            exit: 0,
            finalbody,
            name,
        })
    }

    pub fn try_finally(&mut self, t: &'a ast::StmtTry) -> R {
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        let outer = self.ur().handler_stack.clone();
        // try body
        self.push_handler(end, false, 0);
        self.fblock(FBlockKind::FinallyTry, Some(&t.finalbody), None)?;
        if !t.handlers.is_empty() {
            if t.is_star {
                self.try_star_except(t)?;
            } else {
                self.try_except(t)?;
            }
        } else {
            self.body(&t.body)?;
        }
        self.pop_fblock();
        self.pop_handler();
        self.body(&t.finalbody)?;
        self.emit_jump(Opcode::Jump, exit);
        // finally block (exceptional path)
        self.u().handler_stack = outer.clone();
        self.bind(end);
        self.push_handler(cleanup, true, 0);
        self.emit(Opcode::PushExcInfo, 0);
        self.fblock(FBlockKind::FinallyEnd, None, None)?;
        self.body(&t.finalbody)?;
        self.pop_fblock();
        self.emit(Opcode::Reraise, 0);
        self.u().handler_stack = outer.clone();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        self.u().handler_stack = outer;
        Ok(())
    }

    pub fn try_except(&mut self, t: &'a ast::StmtTry) -> R {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let outer = self.ur().handler_stack.clone();
        self.push_handler(except, false, 0);
        self.fblock(FBlockKind::TryExcept, None, None)?;
        self.body(&t.body)?;
        self.pop_fblock();
        self.pop_handler();
        self.body(&t.orelse)?;
        self.emit_jump(Opcode::Jump, end);
        self.u().handler_stack = outer.clone();
        self.bind(except);
        self.push_handler(cleanup, true, 0);
        let in_cleanup = self.ur().handler_stack.clone();
        self.emit(Opcode::PushExcInfo, 0);
        self.fblock(FBlockKind::ExceptionHandler, None, None)?;
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last", h.range));
            }
            let next = self.new_label();
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.emit(Opcode::CheckExcMatch, 0);
                self.emit_jump(Opcode::PopJumpIfFalse, next);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_label();
                self.nameop(name, ExprContext::Store, name.range)?;
                self.push_handler(cleanup_end, true, 0);
                self.fblock(FBlockKind::HandlerCleanup, None, Some(name.as_str()))?;
                self.body(&h.body)?;
                self.pop_fblock();
                self.pop_handler();
                self.pop_handler();
                self.emit(Opcode::PopExcept, 0);
                self.load_const(Constant::None);
                self.nameop(name, ExprContext::Store, name.range)?;
                self.nameop(name, ExprContext::Del, name.range)?;
                self.emit_jump(Opcode::Jump, end);
                self.u().handler_stack = in_cleanup.clone();
                self.bind(cleanup_end);
                self.load_const(Constant::None);
                self.nameop(name, ExprContext::Store, name.range)?;
                self.nameop(name, ExprContext::Del, name.range)?;
                self.emit(Opcode::Reraise, 1);
            } else {
                self.emit(Opcode::PopTop, 0);
                self.fblock(FBlockKind::HandlerCleanup, None, None)?;
                self.body(&h.body)?;
                self.pop_fblock();
                self.pop_handler();
                self.emit(Opcode::PopExcept, 0);
                self.emit_jump(Opcode::Jump, end);
            }
            self.u().handler_stack = in_cleanup.clone();
            self.bind(next);
        }
        self.pop_fblock();
        // No handler matched: the re-raise belongs to the last `except`
        // line, whose failed match jumps here (CPython's line numbers).
        if let Some(ast::ExceptHandler::ExceptHandler(h)) = t.handlers.last() {
            self.set_loc(h.range);
        }
        self.emit(Opcode::Reraise, 0);
        self.u().handler_stack = outer.clone();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    pub fn try_star_except(&mut self, t: &'a ast::StmtTry) -> R {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        let outer = self.ur().handler_stack.clone();
        self.push_handler(except, false, 0);
        self.fblock(FBlockKind::TryExcept, None, None)?;
        self.body(&t.body)?;
        self.pop_fblock();
        self.pop_handler();
        self.body(&t.orelse)?;
        self.emit_jump(Opcode::Jump, end);
        self.u().handler_stack = outer.clone();
        self.bind(except);
        self.push_handler(cleanup, true, 0);
        let in_cleanup = self.ur().handler_stack.clone();
        self.emit(Opcode::PushExcInfo, 0);
        self.fblock(FBlockKind::ExceptionGroupHandler, None, None)?;
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            let next_except = self.new_label();
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                self.emit(Opcode::Copy, 1);
                self.emit(Opcode::BuildList, 0);
                self.emit(Opcode::Swap, 2);
            }
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.emit(Opcode::CheckEgMatch, 0);
                self.emit(Opcode::Copy, 1);
                self.emit_jump(Opcode::PopJumpIfNone, no_match);
            } else {
                return Err(self.error("expected one or more exception types", h.range));
            }
            let cleanup_end = self.new_label();
            match &h.name {
                Some(name) => self.nameop(name, ExprContext::Store, name.range)?,
                None => self.emit(Opcode::PopTop, 0),
            }
            self.push_handler(cleanup_end, true, 0);
            self.fblock(
                FBlockKind::HandlerCleanup,
                None,
                h.name.as_ref().map(|n| n.as_str()),
            )?;
            self.body(&h.body)?;
            self.pop_fblock();
            self.pop_handler();
            if let Some(name) = &h.name {
                self.load_const(Constant::None);
                self.nameop(name, ExprContext::Store, name.range)?;
                self.nameop(name, ExprContext::Del, name.range)?;
            }
            self.emit_jump(Opcode::Jump, next_except);
            // Exception raised in the handler body.
            self.u().handler_stack = in_cleanup.clone();
            self.bind(cleanup_end);
            if let Some(name) = &h.name {
                self.load_const(Constant::None);
                self.nameop(name, ExprContext::Store, name.range)?;
                self.nameop(name, ExprContext::Del, name.range)?;
            }
            self.emit(Opcode::ListAppend, 3);
            self.emit(Opcode::PopTop, 0);
            self.emit_jump(Opcode::Jump, except_with_error);
            self.bind(next_except);
            self.emit(Opcode::Nop, 0);
            self.emit_jump(Opcode::Jump, except_with_error);
            self.bind(no_match);
            self.emit(Opcode::PopTop, 0);
            self.bind(except_with_error);
            if i + 1 == n {
                self.emit(Opcode::ListAppend, 1);
                self.emit_jump(Opcode::Jump, reraise_star);
            }
        }
        self.pop_fblock();
        let reraise = self.new_label();
        self.bind(reraise_star);
        self.emit(Opcode::PrepReraiseStar, 0);
        self.emit(Opcode::Copy, 1);
        self.emit_jump(Opcode::PopJumpIfNotNone, reraise);
        self.emit(Opcode::PopTop, 0);
        self.pop_handler();
        self.emit(Opcode::PopExcept, 0);
        self.emit_jump(Opcode::Jump, end);
        self.u().handler_stack = in_cleanup;
        self.bind(reraise);
        self.pop_handler();
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::Reraise, 0);
        self.u().handler_stack = outer.clone();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    /// `with` / `async with`, one item at a time (items after `pos` nest).
    pub fn with_stmt(&mut self, w: &'a ast::StmtWith, pos: usize) -> R {
        let Some(item) = w.items.get(pos) else {
            return self.body(&w.body);
        };
        let is_async = w.is_async;
        if is_async && !self.ur().is_async_function {
            return Err(self.error("'async with' outside async function", w.range));
        }
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        let outer = self.ur().handler_stack.clone();
        self.expr(&item.context_expr)?;
        self.set_loc(item.range());
        if is_async {
            self.emit(Opcode::BeforeAsyncWith, 0);
            self.emit(Opcode::GetAwaitable, 1);
            self.load_const(Constant::None);
            self.add_yield_from();
        } else {
            self.emit(Opcode::BeforeWith, 0);
        }
        self.push_handler(final_, true, 1);
        let kind = if is_async {
            FBlockKind::AsyncWith
        } else {
            FBlockKind::With
        };
        self.fblock(kind, None, None)?;
        match &item.optional_vars {
            Some(v) => self.store_target(v)?,
            None => self.emit(Opcode::PopTop, 0),
        }
        if pos + 1 == w.items.len() {
            self.body(&w.body)?;
        } else {
            self.with_stmt(w, pos + 1)?;
        }
        self.pop_fblock();
        self.pop_handler();
        self.set_loc(w.range);
        self.call_exit_with_nones();
        if is_async {
            self.emit(Opcode::GetAwaitable, 2);
            self.load_const(Constant::None);
            self.add_yield_from();
        }
        self.emit(Opcode::PopTop, 0);
        self.emit_jump(Opcode::Jump, exit);
        // Exceptional exit: [exit lasti exc].
        self.u().handler_stack = outer.clone();
        self.bind(final_);
        self.push_handler(cleanup, true, 0);
        self.emit(Opcode::PushExcInfo, 0);
        self.emit(Opcode::WithExceptStart, 0);
        if is_async {
            self.emit(Opcode::GetAwaitable, 2);
            self.load_const(Constant::None);
            self.add_yield_from();
        }
        let suppress = self.new_label();
        self.emit_jump(Opcode::PopJumpIfTrue, suppress);
        self.emit(Opcode::Reraise, 2);
        self.bind(suppress);
        self.emit(Opcode::PopTop, 0);
        self.pop_handler();
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::PopTop, 0);
        self.emit(Opcode::PopTop, 0);
        self.emit_jump(Opcode::Jump, exit);
        self.u().handler_stack = outer.clone();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }
}
