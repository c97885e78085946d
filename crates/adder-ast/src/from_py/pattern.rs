//! `match` cases and pattern nodes to ruff's tree, with CPython's pattern
//! checks (literal values, capture names, where `MatchStar` may appear).
//!
//! Invariant: see `from_py`.

use adder_object::Value;
use adder_vm::PyResult;
use ruff_python_ast::{self as ast, Expr, Pattern};
use ruff_text_size::{Ranged, TextRange};

use super::{node_index, Ctx, FromPy};
use crate::node_table::k;

impl FromPy<'_> {
    pub fn match_case(&mut self, obj: &Value, r: TextRange) -> PyResult<ast::MatchCase> {
        let p = self.req(obj, "pattern", "match_case")?;
        if p.is_none() {
            return Err(self.required("pattern", "match_case"));
        }
        let pattern = self.pattern(&p, false)?;
        let guard = self.opt_expr(obj, "guard")?;
        let body = self.body(obj, "body", "match_case", Some("match_case"))?;
        let start = pattern.range().start();
        let end = body.last().map_or(r.end(), |s| s.range().end());
        Ok(ast::MatchCase {
            range: TextRange::new(start, end.max(start)),
            node_index: node_index(),
            pattern,
            guard: guard.map(Box::new),
            body: body.into(),
        })
    }

    fn patterns(
        &mut self,
        obj: &Value,
        name: &str,
        owner: &str,
        star_ok: bool,
    ) -> PyResult<Vec<Pattern>> {
        let items = self.seq(obj, name, owner)?;
        let mut v = Vec::with_capacity(items.len());
        for it in &items {
            if it.is_none() {
                return Err(self.required(name, owner));
            }
            v.push(self.pattern(it, star_ok)?);
        }
        Ok(v)
    }

    fn pattern(&mut self, obj: &Value, star_ok: bool) -> PyResult<Pattern> {
        self.enter("pattern")?;
        let r = self.pattern_inner(obj, star_ok);
        self.leave();
        r
    }

    /// A capture name: not `_`, and not `None`/`True`/`False`.
    fn capture(&mut self, id: &Option<ast::Identifier>) -> PyResult<()> {
        if let Some(id) = id {
            if id.as_str() == "_" {
                return Err(self.vm.value_error("can't capture name '_' in patterns"));
            }
            self.check_name(id.as_str())?;
        }
        Ok(())
    }

    fn check_name(&mut self, s: &str) -> PyResult<()> {
        if matches!(s, "None" | "True" | "False") {
            return Err(self
                .vm
                .value_error(format!("identifier field can't represent '{s}' constant")));
        }
        Ok(())
    }

    /// The value of a `MatchValue` (or a mapping key): a literal number,
    /// string or bytes, a negated or complex number, or an attribute.
    fn match_value(&mut self, v: &Value) -> PyResult<Expr> {
        let e = self.expr(v, Ctx::Load)?;
        let ok = match &e {
            Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::BytesLiteral(_) => true,
            Expr::NoneLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::Tuple(_)
                if self.k.is(self.vm, v, k::Constant) =>
            {
                return Err(self
                    .vm
                    .value_error("unexpected constant inside of a literal pattern"));
            }
            Expr::Attribute(_) | Expr::FString(_) => true,
            Expr::UnaryOp(u) => {
                u.op == ast::UnaryOp::USub && matches!(*u.operand, Expr::NumberLiteral(_))
            }
            Expr::BinOp(b) => {
                matches!(b.op, ast::Operator::Add | ast::Operator::Sub)
                    && matches!(
                        &*b.right,
                        Expr::NumberLiteral(ast::ExprNumberLiteral {
                            value: ast::Number::Complex { .. },
                            ..
                        })
                    )
                    && match &*b.left {
                        Expr::NumberLiteral(n) => !matches!(n.value, ast::Number::Complex { .. }),
                        Expr::UnaryOp(u) => {
                            u.op == ast::UnaryOp::USub
                                && matches!(
                                    &*u.operand,
                                    Expr::NumberLiteral(n)
                                        if !matches!(n.value, ast::Number::Complex { .. })
                                )
                        }
                        _ => false,
                    }
            }
            _ => false,
        };
        if !ok {
            return Err(self
                .vm
                .value_error("patterns may only match literals and attribute lookups"));
        }
        Ok(e)
    }

    fn pattern_inner(&mut self, obj: &Value, star_ok: bool) -> PyResult<Pattern> {
        let pos = self.position(obj, "pattern")?;
        let Some(kind) = self.which(obj, k::MatchValue..=k::MatchOr) else {
            return Err(self.expected("pattern", obj));
        };
        self.check_position(pos)?;
        let r = self.range(pos);
        let name = crate::nodes::def(kind).name;
        let ni = node_index;
        Ok(match kind {
            k::MatchValue => {
                let v = self.req(obj, "value", name)?;
                if v.is_none() {
                    return Err(self.required("value", name));
                }
                let value = self.match_value(&v)?;
                Pattern::MatchValue(ast::PatternMatchValue {
                    node_index: ni(),
                    range: r,
                    value: Box::new(value),
                })
            }
            k::MatchSingleton => {
                let v = self.req(obj, "value", name)?;
                let value = if v.is_none() {
                    ast::Singleton::None
                } else if v.is(&Value::TRUE) {
                    ast::Singleton::True
                } else if v.is(&Value::FALSE) {
                    ast::Singleton::False
                } else {
                    return Err(self
                        .vm
                        .value_error("MatchSingleton can only contain True, False and None"));
                };
                Pattern::MatchSingleton(ast::PatternMatchSingleton {
                    node_index: ni(),
                    range: r,
                    value,
                })
            }
            k::MatchSequence => {
                let patterns = self.patterns(obj, "patterns", name, true)?;
                Pattern::MatchSequence(ast::PatternMatchSequence {
                    node_index: ni(),
                    range: r,
                    patterns,
                })
            }
            k::MatchMapping => {
                let keys = self.seq(obj, "keys", name)?;
                let pats = self.seq(obj, "patterns", name)?;
                let rest = self.opt_ident(obj, "rest", r)?;
                if keys.len() != pats.len() {
                    return Err(self.vm.value_error(
                        "MatchMapping doesn't have the same number of keys as patterns",
                    ));
                }
                self.capture(&rest)?;
                let mut ks = Vec::with_capacity(keys.len());
                for key in &keys {
                    if key.is_none() {
                        return Err(self.vm.value_error("None disallowed in expression list"));
                    }
                    let is_singleton_const = self.k.is(self.vm, key, k::Constant) && {
                        let c = self.req(key, "value", "Constant")?;
                        c.is_none() || c.is(&Value::TRUE) || c.is(&Value::FALSE)
                    };
                    ks.push(if is_singleton_const {
                        self.expr(key, Ctx::Load)?
                    } else {
                        self.match_value(key)?
                    });
                }
                let mut ps = Vec::with_capacity(pats.len());
                for p in &pats {
                    if p.is_none() {
                        return Err(self.required("patterns", name));
                    }
                    ps.push(self.pattern(p, false)?);
                }
                Pattern::MatchMapping(ast::PatternMatchMapping {
                    node_index: ni(),
                    range: r,
                    keys: ks.into(),
                    patterns: ps.into(),
                    rest,
                })
            }
            k::MatchClass => {
                let cls = self.req_expr(obj, "cls", name, Ctx::Load)?;
                let patterns = self.seq(obj, "patterns", name)?;
                let attrs = self.seq(obj, "kwd_attrs", name)?;
                let kwd = self.seq(obj, "kwd_patterns", name)?;
                if attrs.len() != kwd.len() {
                    return Err(self.vm.value_error(
                        "MatchClass doesn't have the same number of keyword attributes as patterns",
                    ));
                }
                let mut c = &cls;
                loop {
                    match c {
                        Expr::Name(_) => break,
                        Expr::Attribute(a) => c = &a.value,
                        _ => {
                            return Err(self.vm.value_error(
                                "MatchClass cls field can only contain Name or Attribute nodes.",
                            ))
                        }
                    }
                }
                let mut names = Vec::with_capacity(attrs.len());
                for a in &attrs {
                    match self.ident_value(a)? {
                        Some(s) => {
                            self.check_name(&s)?;
                            names.push(s);
                        }
                        None => return Err(self.required("kwd_attrs", name)),
                    }
                }
                let mut ps = Vec::with_capacity(patterns.len());
                for p in &patterns {
                    if p.is_none() {
                        return Err(self.required("patterns", name));
                    }
                    ps.push(self.pattern(p, false)?);
                }
                let mut keywords = Vec::with_capacity(kwd.len());
                for (n, p) in names.iter().zip(&kwd) {
                    if p.is_none() {
                        return Err(self.required("kwd_patterns", name));
                    }
                    let pattern = self.pattern(p, false)?;
                    keywords.push(ast::PatternKeyword {
                        range: pattern.range(),
                        node_index: ni(),
                        attr: ast::Identifier::new(n.as_str(), r),
                        pattern,
                    });
                }
                Pattern::MatchClass(ast::PatternMatchClass {
                    node_index: ni(),
                    range: r,
                    cls: Box::new(cls),
                    arguments: ast::PatternArguments {
                        range: r,
                        node_index: ni(),
                        patterns: ps.into(),
                        keywords,
                    },
                })
            }
            k::MatchStar => {
                if !star_ok {
                    return Err(self.vm.value_error("can't use MatchStar here"));
                }
                let n = self.opt_ident(obj, "name", r)?;
                self.capture(&n)?;
                Pattern::MatchStar(ast::PatternMatchStar {
                    node_index: ni(),
                    range: r,
                    name: n,
                })
            }
            k::MatchAs => {
                let n = self.opt_ident(obj, "name", r)?;
                self.capture(&n)?;
                let pattern = match self.opt(obj, "pattern")? {
                    Some(p) => {
                        if n.is_none() {
                            return Err(self.vm.value_error(
                                "MatchAs must specify a target name if a pattern is given",
                            ));
                        }
                        Some(Box::new(self.pattern(&p, false)?))
                    }
                    None => None,
                };
                Pattern::MatchAs(ast::PatternMatchAs {
                    node_index: ni(),
                    range: r,
                    pattern,
                    name: n,
                })
            }
            _ => {
                let patterns = self.patterns(obj, "patterns", name, false)?;
                if patterns.len() < 2 {
                    return Err(self.vm.value_error("MatchOr requires at least 2 patterns"));
                }
                Pattern::MatchOr(ast::PatternMatchOr {
                    node_index: ni(),
                    range: r,
                    patterns,
                })
            }
        })
    }
}
