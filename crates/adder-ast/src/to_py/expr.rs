//! Expressions, f-strings and patterns to node objects.
//!
//! Invariant: as in CPython 3.11, an f-string becomes a `JoinedStr` whose
//! literal pieces are merged into single `Constant`s, and every piece
//! (`Constant`, `FormattedValue`, a format spec's `JoinedStr`) carries the
//! position of the whole f-string expression; only the interpolated
//! expressions keep their own positions.

use adder_object::Value;
use adder_vm::PyResult;
use num_bigint::BigInt;
use ruff_python_ast::{self as ast, Expr, Pattern};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::ToPy;
use crate::lines::Pos;
use crate::node_table::k;

/// Parses an integer literal token (`0x_ff`, `1_000`, ...).
pub(crate) fn parse_int_token(tok: &str) -> Option<BigInt> {
    let t: String = tok.chars().filter(|&c| c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d, 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d, 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d, 2)
    } else {
        (lower.as_str(), 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

impl ToPy<'_> {
    pub fn expr(&mut self, e: &Expr) -> PyResult {
        self.enter()?;
        let r = self.expr_at(e, e.range());
        self.leave();
        r
    }

    pub fn opt_expr(&mut self, e: Option<&Expr>) -> PyResult {
        match e {
            Some(e) => self.expr(e),
            None => Ok(Value::NONE),
        }
    }

    pub fn exprs(&mut self, es: &[Expr]) -> PyResult {
        let mut v = Vec::with_capacity(es.len());
        for e in es {
            v.push(self.expr(e)?);
        }
        Ok(self.list(v))
    }

    fn ctx(&self, c: ast::ExprContext) -> Value {
        self.singleton(match c {
            ast::ExprContext::Store => k::Store,
            ast::ExprContext::Del => k::Del,
            _ => k::Load,
        })
    }

    pub fn operator(&self, op: ast::Operator) -> Value {
        use ast::Operator as O;
        self.singleton(match op {
            O::Add => k::Add,
            O::Sub => k::Sub,
            O::Mult => k::Mult,
            O::MatMult => k::MatMult,
            O::Div => k::Div,
            O::Mod => k::Mod,
            O::Pow => k::Pow,
            O::LShift => k::LShift,
            O::RShift => k::RShift,
            O::BitOr => k::BitOr,
            O::BitXor => k::BitXor,
            O::BitAnd => k::BitAnd,
            O::FloorDiv => k::FloorDiv,
        })
    }

    fn cmpop(&self, op: ast::CmpOp) -> Value {
        use ast::CmpOp as C;
        self.singleton(match op {
            C::Eq => k::Eq,
            C::NotEq => k::NotEq,
            C::Lt => k::Lt,
            C::LtE => k::LtE,
            C::Gt => k::Gt,
            C::GtE => k::GtE,
            C::Is => k::Is,
            C::IsNot => k::IsNot,
            C::In => k::In,
            C::NotIn => k::NotIn,
        })
    }

    fn constant(&mut self, v: Value, kind: Value, r: TextRange) -> PyResult {
        self.node_at(k::Constant, vec![v, kind], r)
    }

    fn number(&mut self, n: &ast::Number) -> PyResult {
        Ok(match n {
            ast::Number::Int(i) => match i.as_u64() {
                Some(v) if v <= i64::MAX as u64 => self.vm.new_int(v as i64),
                Some(v) => self.vm.new_bigint(BigInt::from(v)),
                None => match parse_int_token(&i.to_string()) {
                    Some(b) => self.vm.new_bigint(b),
                    None => return Err(self.vm.value_error("invalid integer literal")),
                },
            },
            ast::Number::Float(f) => self.vm.new_float(*f),
            ast::Number::Complex { real, imag } => self.vm.new_complex(*real, *imag),
        })
    }

    fn comprehensions(&mut self, gens: &[ast::Comprehension]) -> PyResult {
        let mut v = Vec::with_capacity(gens.len());
        for g in gens {
            let t = self.expr(&g.target)?;
            let it = self.expr(&g.iter)?;
            let ifs = self.exprs(&g.ifs)?;
            let a = self.vm.new_int(i64::from(g.is_async));
            v.push(self.node(k::comprehension, vec![t, it, ifs, a], None)?);
        }
        Ok(self.list(v))
    }

    /// Converts `e`, positioned at `r` (which differs from `e`'s own range
    /// only for a generator expression that is a call's sole argument).
    fn expr_at(&mut self, e: &Expr, r: TextRange) -> PyResult {
        match e {
            Expr::BoolOp(x) => {
                let op = self.singleton(match x.op {
                    ast::BoolOp::And => k::And,
                    ast::BoolOp::Or => k::Or,
                });
                let vals = self.exprs(&x.values)?;
                self.node_at(k::BoolOp, vec![op, vals], r)
            }
            Expr::Named(x) => {
                let t = self.expr(&x.target)?;
                let v = self.expr(&x.value)?;
                self.node_at(k::NamedExpr, vec![t, v], r)
            }
            Expr::BinOp(x) => {
                let l = self.expr(&x.left)?;
                let op = self.operator(x.op);
                let rt = self.expr(&x.right)?;
                self.node_at(k::BinOp, vec![l, op, rt], r)
            }
            Expr::UnaryOp(x) => {
                let op = self.singleton(match x.op {
                    ast::UnaryOp::Invert => k::Invert,
                    ast::UnaryOp::Not => k::Not,
                    ast::UnaryOp::UAdd => k::UAdd,
                    ast::UnaryOp::USub => k::USub,
                });
                let v = self.expr(&x.operand)?;
                self.node_at(k::UnaryOp, vec![op, v], r)
            }
            Expr::Lambda(x) => {
                let a = self.arguments(x.parameters.as_deref())?;
                let b = self.expr(&x.body)?;
                self.node_at(k::Lambda, vec![a, b], r)
            }
            Expr::If(x) => {
                let t = self.expr(&x.test)?;
                let b = self.expr(&x.body)?;
                let o = self.expr(&x.orelse)?;
                self.node_at(k::IfExp, vec![t, b, o], r)
            }
            Expr::Dict(x) => {
                let mut keys = Vec::with_capacity(x.items.len());
                let mut vals = Vec::with_capacity(x.items.len());
                for it in &x.items {
                    keys.push(self.opt_expr(it.key.as_ref())?);
                    vals.push(self.expr(&it.value)?);
                }
                let keys = self.list(keys);
                let vals = self.list(vals);
                self.node_at(k::Dict, vec![keys, vals], r)
            }
            Expr::Set(x) => {
                let elts = self.exprs(&x.elts)?;
                self.node_at(k::Set, vec![elts], r)
            }
            Expr::ListComp(x) => {
                let elt = self.expr(&x.elt)?;
                let g = self.comprehensions(&x.generators)?;
                self.node_at(k::ListComp, vec![elt, g], r)
            }
            Expr::SetComp(x) => {
                let elt = self.expr(&x.elt)?;
                let g = self.comprehensions(&x.generators)?;
                self.node_at(k::SetComp, vec![elt, g], r)
            }
            Expr::DictComp(x) => {
                let key = self.opt_expr(x.key.as_deref())?;
                let v = self.expr(&x.value)?;
                let g = self.comprehensions(&x.generators)?;
                self.node_at(k::DictComp, vec![key, v, g], r)
            }
            Expr::Generator(x) => {
                let elt = self.expr(&x.elt)?;
                let g = self.comprehensions(&x.generators)?;
                self.node_at(k::GeneratorExp, vec![elt, g], r)
            }
            Expr::Await(x) => {
                let v = self.expr(&x.value)?;
                self.node_at(k::Await, vec![v], r)
            }
            Expr::Yield(x) => {
                let v = self.opt_expr(x.value.as_deref())?;
                self.node_at(k::Yield, vec![v], r)
            }
            Expr::YieldFrom(x) => {
                let v = self.expr(&x.value)?;
                self.node_at(k::YieldFrom, vec![v], r)
            }
            Expr::Compare(x) => {
                let l = self.expr(&x.left)?;
                let ops = x.ops.iter().map(|&o| self.cmpop(o)).collect();
                let ops = self.list(ops);
                let cs = self.exprs(&x.comparators)?;
                self.node_at(k::Compare, vec![l, ops, cs], r)
            }
            Expr::Call(x) => {
                let f = self.expr(&x.func)?;
                let a = &x.arguments;
                // `f(x for x in y)`: the generator expression spans the
                // call's parentheses.
                let args = match &a.args[..] {
                    [g @ Expr::Generator(gx)] if a.keywords.is_empty() && !gx.parenthesized => {
                        self.enter()?;
                        let v = self.expr_at(g, a.range);
                        self.leave();
                        let v = v?;
                        self.list(vec![v])
                    }
                    _ => self.exprs(&a.args)?,
                };
                let kws = self.keywords(&a.keywords)?;
                self.node_at(k::Call, vec![f, args, kws], r)
            }
            Expr::FString(x) => self.fstring(x, r),
            Expr::StringLiteral(x) => {
                let v = self
                    .vm
                    .new_str(&adder_compiler::literal::string_value(self.src, x));
                let kind = if x.value.is_unicode() {
                    self.str("u")
                } else {
                    Value::NONE
                };
                self.constant(v, kind, r)
            }
            Expr::BytesLiteral(x) => {
                let b: Vec<u8> = x.value.bytes().collect();
                let v = self.vm.new_bytes(b);
                self.constant(v, Value::NONE, r)
            }
            Expr::NumberLiteral(x) => {
                let v = self.number(&x.value)?;
                self.constant(v, Value::NONE, r)
            }
            Expr::BooleanLiteral(x) => self.constant(Value::from_bool(x.value), Value::NONE, r),
            Expr::NoneLiteral(_) => self.constant(Value::NONE, Value::NONE, r),
            Expr::EllipsisLiteral(_) => {
                let v = self.vm.ellipsis.clone();
                self.constant(v, Value::NONE, r)
            }
            Expr::Attribute(x) => {
                let v = self.expr(&x.value)?;
                let a = self.ident(&x.attr);
                let c = self.ctx(x.ctx);
                self.node_at(k::Attribute, vec![v, a, c], r)
            }
            Expr::Subscript(x) => {
                let v = self.expr(&x.value)?;
                let s = self.expr(&x.slice)?;
                let c = self.ctx(x.ctx);
                self.node_at(k::Subscript, vec![v, s, c], r)
            }
            Expr::Starred(x) => {
                let v = self.expr(&x.value)?;
                let c = self.ctx(x.ctx);
                self.node_at(k::Starred, vec![v, c], r)
            }
            Expr::Name(x) => {
                let id = self.vm.new_str(x.id.as_str());
                let c = self.ctx(x.ctx);
                self.node_at(k::Name, vec![id, c], r)
            }
            Expr::List(x) => {
                let elts = self.exprs(&x.elts)?;
                let c = self.ctx(x.ctx);
                self.node_at(k::List, vec![elts, c], r)
            }
            Expr::Tuple(x) => {
                let elts = self.exprs(&x.elts)?;
                let c = self.ctx(x.ctx);
                self.node_at(k::Tuple, vec![elts, c], r)
            }
            Expr::Slice(x) => {
                let lo = self.opt_expr(x.lower.as_deref())?;
                let up = self.opt_expr(x.upper.as_deref())?;
                let st = self.opt_expr(x.step.as_deref())?;
                self.node_at(k::Slice, vec![lo, up, st], r)
            }
            Expr::TString(_) | Expr::IpyEscapeCommand(_) => {
                Err(self.vm.system_error("_ast: expression not in Python 3.11"))
            }
        }
    }

    // ---- f-strings ----

    fn fstring(&mut self, x: &ast::ExprFString, r: TextRange) -> PyResult {
        let pos = self.pos(r);
        let mut b = Pieces::default();
        for part in x.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => {
                    let v = adder_compiler::literal::part_value(self.src, s);
                    b.text(&v, s.flags.prefix().is_unicode());
                }
                ast::FStringPart::FString(f) => {
                    let part = self.pos(f.range);
                    self.fstring_elements(&f.elements, &mut b, pos, part)?
                }
            }
        }
        let vals = self.finish_pieces(b, pos)?;
        self.node(k::JoinedStr, vec![vals], Some(pos))
    }

    fn finish_pieces(&mut self, mut b: Pieces, pos: Pos) -> PyResult {
        self.flush(&mut b, pos)?;
        Ok(self.list(b.values))
    }

    fn flush(&mut self, b: &mut Pieces, pos: Pos) -> PyResult<()> {
        if !b.pending.is_empty() {
            let s = self.vm.new_str(&b.pending);
            let kind = if b.pending_u {
                self.str("u")
            } else {
                Value::NONE
            };
            b.pending.clear();
            b.pending_u = false;
            let c = self.node(k::Constant, vec![s, kind], Some(pos))?;
            b.values.push(c);
        }
        Ok(())
    }

    fn fstring_elements(
        &mut self,
        elements: &ast::InterpolatedStringElements,
        b: &mut Pieces,
        pos: Pos,
        part: Pos,
    ) -> PyResult<()> {
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => b.text(
                    &adder_compiler::literal::fstring_piece(self.src, l, false),
                    false,
                ),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conv: i64 = match i.conversion {
                        ast::ConversionFlag::None => -1,
                        ast::ConversionFlag::Str => 115,
                        ast::ConversionFlag::Repr => 114,
                        ast::ConversionFlag::Ascii => 97,
                    };
                    if let Some(dbg) = &i.debug_text {
                        let t = format!("{}{}{}", dbg.leading(), dbg.expression(), dbg.trailing());
                        b.text(&t, false);
                        if conv == -1 && i.format_spec.is_none() {
                            conv = 114;
                        }
                    }
                    self.flush(b, pos)?;
                    let v = match &*i.expression {
                        // 3.11 parses `{a, b}` as `(a, b)` with the
                        // parentheses over the `{` and the character that
                        // ends the expression.
                        Expr::Tuple(t) if !t.parenthesized => {
                            let bytes = self.src.as_bytes();
                            let mut e = t.range.end().to_usize();
                            while e < bytes.len()
                                && matches!(bytes[e], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
                            {
                                e += 1;
                            }
                            let end = TextSize::new((e + 1).min(bytes.len()) as u32);
                            let start = i.range.start().min(t.range.start());
                            self.enter()?;
                            let v =
                                self.expr_at(&i.expression, TextRange::new(start, end.max(start)));
                            self.leave();
                            v?
                        }
                        e => self.expr(e)?,
                    };
                    let spec = match &i.format_spec {
                        Some(spec) => {
                            let mut sb = Pieces::default();
                            // 3.11 positions a format spec at the f-string
                            // token that holds it, and its pieces there too
                            // when it is plain text, else at the whole
                            // expression.
                            let plain = spec
                                .elements
                                .iter()
                                .all(|e| matches!(e, ast::InterpolatedStringElement::Literal(_)));
                            let at = if plain { part } else { pos };
                            self.fstring_elements(&spec.elements, &mut sb, at, part)?;
                            let vals = self.finish_pieces(sb, at)?;
                            self.node(k::JoinedStr, vec![vals], Some(part))?
                        }
                        None => Value::NONE,
                    };
                    let conv = self.vm.new_int(conv);
                    let fv = self.node(k::FormattedValue, vec![v, conv, spec], Some(pos))?;
                    b.values.push(fv);
                }
            }
        }
        Ok(())
    }

    // ---- patterns ----

    pub fn pattern(&mut self, p: &Pattern) -> PyResult {
        self.enter()?;
        let r = self.pattern_inner(p);
        self.leave();
        r
    }

    fn patterns(&mut self, ps: &[Pattern]) -> PyResult {
        let mut v = Vec::with_capacity(ps.len());
        for p in ps {
            v.push(self.pattern(p)?);
        }
        Ok(self.list(v))
    }

    fn pattern_inner(&mut self, p: &Pattern) -> PyResult {
        let r = p.range();
        match p {
            Pattern::MatchValue(x) => {
                let v = self.expr(&x.value)?;
                self.node_at(k::MatchValue, vec![v], r)
            }
            Pattern::MatchSingleton(x) => {
                let v = match x.value {
                    ast::Singleton::None => Value::NONE,
                    ast::Singleton::True => Value::TRUE,
                    ast::Singleton::False => Value::FALSE,
                };
                self.node_at(k::MatchSingleton, vec![v], r)
            }
            Pattern::MatchSequence(x) => {
                let ps = self.patterns(&x.patterns)?;
                self.node_at(k::MatchSequence, vec![ps], r)
            }
            Pattern::MatchMapping(x) => {
                let keys = self.exprs(&x.keys)?;
                let ps = self.patterns(&x.patterns)?;
                let rest = self.opt_ident(x.rest.as_ref());
                self.node_at(k::MatchMapping, vec![keys, ps, rest], r)
            }
            Pattern::MatchClass(x) => {
                let cls = self.expr(&x.cls)?;
                let ps = self.patterns(&x.arguments.patterns)?;
                let mut attrs = Vec::with_capacity(x.arguments.keywords.len());
                let mut kps = Vec::with_capacity(x.arguments.keywords.len());
                for kw in &x.arguments.keywords {
                    attrs.push(self.ident(&kw.attr));
                    kps.push(self.pattern(&kw.pattern)?);
                }
                let attrs = self.list(attrs);
                let kps = self.list(kps);
                self.node_at(k::MatchClass, vec![cls, ps, attrs, kps], r)
            }
            Pattern::MatchStar(x) => {
                let n = self.opt_ident(x.name.as_ref());
                self.node_at(k::MatchStar, vec![n], r)
            }
            Pattern::MatchAs(x) => {
                let p = match &x.pattern {
                    Some(p) => self.pattern(p)?,
                    None => Value::NONE,
                };
                let n = self.opt_ident(x.name.as_ref());
                self.node_at(k::MatchAs, vec![p, n], r)
            }
            Pattern::MatchOr(x) => {
                let ps = self.patterns(&x.patterns)?;
                self.node_at(k::MatchOr, vec![ps], r)
            }
        }
    }
}

/// The pieces of a `JoinedStr` being built: finished values, and literal
/// text not yet emitted (adjacent literals merge into one `Constant`).
#[derive(Default)]
struct Pieces {
    values: Vec<Value>,
    pending: String,
    /// The pending text starts with a `u"..."` literal (`kind='u'`).
    pending_u: bool,
}

impl Pieces {
    fn text(&mut self, s: &str, unicode: bool) {
        if s.is_empty() {
            return;
        }
        if self.pending.is_empty() && self.values.is_empty() {
            self.pending_u = unicode;
        }
        self.pending.push_str(s);
    }
}
