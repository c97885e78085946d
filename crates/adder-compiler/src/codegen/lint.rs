//! The code generator's SyntaxWarnings (CPython 3.11's `compiler_warn`
//! checks): an assert on a non-empty tuple, `is`/`is not` with a literal,
//! and calls or subscripts of literals that look like a missing comma.
//!
//! Invariant: checks only look at the AST and record warnings in
//! `Compiler::warnings` at the node's location; they never change the code
//! that is generated.

use adder_bytecode::Constant;
use ruff_python_ast::{self as ast, Expr, ExprContext};
use ruff_text_size::{Ranged, TextRange};

use super::{Compiler, R};
use crate::warnings::{CompileWarning, WarningCategory};

/// The type a literal-like expression evaluates to (CPython's `infer_type`).
fn constant_type(c: &Constant) -> &'static str {
    match c {
        Constant::None => "NoneType",
        Constant::True | Constant::False => "bool",
        Constant::Ellipsis => "ellipsis",
        Constant::Int(_) => "int",
        Constant::Float(_) => "float",
        Constant::Complex { .. } => "complex",
        Constant::Str(_) => "str",
        Constant::Bytes(_) => "bytes",
        Constant::Tuple(_) => "tuple",
        Constant::FrozenSet(_) => "frozenset",
        Constant::Code(_) => "code",
    }
}

impl<'a, 's> Compiler<'a, 's> {
    fn warn(&mut self, msg: String, range: TextRange) {
        let error = self.error(msg, range);
        self.warnings.push(CompileWarning {
            category: WarningCategory::SyntaxWarning,
            error,
        });
    }

    fn infer_type(&self, e: &Expr) -> Option<&'static str> {
        if let Some(c) = self.constant_of(e) {
            return Some(constant_type(&c));
        }
        Some(match e {
            Expr::Tuple(_) => "tuple",
            Expr::List(_) | Expr::ListComp(_) => "list",
            Expr::Dict(_) | Expr::DictComp(_) => "dict",
            Expr::Set(_) | Expr::SetComp(_) => "set",
            Expr::Generator(_) => "generator",
            Expr::Lambda(_) => "function",
            Expr::FString(_) => "str",
            _ => return None,
        })
    }

    /// `assert (x, "msg")`: the test is a non-empty tuple, always true.
    pub(super) fn check_assert(&mut self, a: &ast::StmtAssert) {
        if let Expr::Tuple(t) = &*a.test {
            if !t.elts.is_empty() {
                self.warn(
                    "assertion is always true, perhaps remove parentheses?".into(),
                    a.range(),
                );
            }
        }
    }

    /// `x is 1`: identity with a literal other than None/True/False/`...`.
    pub(super) fn check_compare(&mut self, c: &ast::ExprCompare) {
        let is_literal = |this: &Self, e: &Expr| {
            this.constant_of(e).is_some_and(|k| {
                !matches!(
                    k,
                    Constant::None | Constant::True | Constant::False | Constant::Ellipsis
                )
            }) && !matches!(e, Expr::Name(_))
        };
        let mut left = is_literal(self, &c.left);
        for (op, right) in c.ops.iter().zip(c.comparators.iter()) {
            let r = is_literal(self, right);
            let msg = match op {
                ast::CmpOp::Is => "\"is\" with a literal. Did you mean \"==\"?",
                ast::CmpOp::IsNot => "\"is not\" with a literal. Did you mean \"!=\"?",
                _ => {
                    left = r;
                    continue;
                }
            };
            if left || r {
                self.warn(msg.into(), c.range());
                return;
            }
            left = r;
        }
    }

    /// `(1, 2) (3, 4)`: calling something that cannot be callable.
    pub(super) fn check_caller(&mut self, c: &ast::ExprCall) {
        let f = &*c.func;
        let literal = self.constant_of(f).is_some()
            || matches!(
                f,
                Expr::Tuple(_)
                    | Expr::List(_)
                    | Expr::ListComp(_)
                    | Expr::Dict(_)
                    | Expr::DictComp(_)
                    | Expr::Set(_)
                    | Expr::SetComp(_)
                    | Expr::Generator(_)
                    | Expr::FString(_)
            );
        if !literal || matches!(f, Expr::Name(_)) {
            return;
        }
        if let Some(t) = self.infer_type(f) {
            self.warn(
                format!("'{t}' object is not callable; perhaps you missed a comma?"),
                c.range(),
            );
        }
    }

    /// `{1, 2} [i]` / `[1, 2] [i, j]`: a subscript that cannot work.
    pub(super) fn check_subscript(&mut self, s: &ast::ExprSubscript) -> R {
        if s.ctx != ExprContext::Load {
            return Ok(());
        }
        let v = &*s.value;
        let constant = self.constant_of(v).filter(|_| !matches!(v, Expr::Name(_)));
        let unsubscriptable = match &constant {
            Some(c) => matches!(
                c,
                Constant::None
                    | Constant::Ellipsis
                    | Constant::True
                    | Constant::False
                    | Constant::Int(_)
                    | Constant::Float(_)
                    | Constant::Complex { .. }
                    | Constant::FrozenSet(_)
            ),
            None => matches!(
                v,
                Expr::Set(_) | Expr::SetComp(_) | Expr::Generator(_) | Expr::Lambda(_)
            ),
        };
        if unsubscriptable {
            if let Some(t) = self.infer_type(v) {
                self.warn(
                    format!("'{t}' object is not subscriptable; perhaps you missed a comma?"),
                    s.range(),
                );
            }
            return Ok(());
        }
        // The index: an int (bool included) or a slice is fine, as is
        // anything whose type is not known.
        let Some(index) = self.infer_type(&s.slice) else {
            return Ok(());
        };
        if matches!(index, "int" | "bool") || matches!(&*s.slice, Expr::Slice(_)) {
            return Ok(());
        }
        let sequence = match &constant {
            Some(c) => matches!(
                c,
                Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)
            ),
            None => matches!(
                v,
                Expr::Tuple(_) | Expr::List(_) | Expr::ListComp(_) | Expr::FString(_)
            ),
        };
        if sequence {
            if let Some(t) = self.infer_type(v) {
                self.warn(
                    format!(
                        "{t} indices must be integers or slices, not {index}; perhaps you missed a comma?"
                    ),
                    s.range(),
                );
            }
        }
        Ok(())
    }
}
