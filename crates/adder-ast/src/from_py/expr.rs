//! Expression nodes to ruff's tree, with CPython's expression checks
//! (contexts, list lengths, constant types).
//!
//! Invariant: see `from_py`. `Constant` values map to ruff's literal nodes
//! (a negative number becomes a negated literal, a tuple a tuple display,
//! which the compiler folds back into the same constant); a `JoinedStr` or
//! a lone `FormattedValue` becomes an f-string whose interpolations are its
//! values.

use adder_object::Value;
use adder_vm::objects::number::Complex;
use adder_vm::objects::seq::Tuple;
use adder_vm::objects::string::{Bytes, Str};
use adder_vm::PyResult;
use num_traits::{Signed, ToPrimitive};
use ruff_python_ast::{self as ast, Expr, Identifier};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::{node_index, Ctx, FromPy};
use crate::node_table::k;

impl FromPy<'_> {
    /// A required expression field (`expr`): None is `field 'x' is required`.
    pub fn req_expr(&mut self, obj: &Value, name: &str, owner: &str, ctx: Ctx) -> PyResult<Expr> {
        let v = self.req(obj, name, owner)?;
        if v.is_none() {
            return Err(self.required(name, owner));
        }
        self.expr(&v, ctx)
    }

    /// An optional expression field (`expr?`), always in Load context.
    pub fn opt_expr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Expr>> {
        match self.opt(obj, name)? {
            Some(v) => Ok(Some(self.expr(&v, Ctx::Load)?)),
            None => Ok(None),
        }
    }

    /// An expression list field (`expr*`); None items are refused.
    pub fn exprs(&mut self, obj: &Value, name: &str, owner: &str, ctx: Ctx) -> PyResult<Vec<Expr>> {
        let items = self.seq(obj, name, owner)?;
        self.expr_items(&items, ctx)
    }

    fn expr_items(&mut self, items: &[Value], ctx: Ctx) -> PyResult<Vec<Expr>> {
        let mut v = Vec::with_capacity(items.len());
        for it in items {
            if it.is_none() {
                return Err(self.vm.value_error("None disallowed in expression list"));
            }
            v.push(self.expr(it, ctx)?);
        }
        Ok(v)
    }

    pub fn expr(&mut self, obj: &Value, ctx: Ctx) -> PyResult<Expr> {
        self.enter("expr")?;
        let r = self.expr_inner(obj, ctx);
        self.leave();
        r
    }

    fn ctx_of(&mut self, obj: &Value, owner: &str) -> PyResult<Ctx> {
        let c = self.req(obj, "ctx", owner)?;
        match self.which(&c, k::Load..=k::Del) {
            Some(k::Load) => Ok(Ctx::Load),
            Some(k::Store) => Ok(Ctx::Store),
            Some(_) => Ok(Ctx::Del),
            None => Err(self.expected("expr_context", &c)),
        }
    }

    pub fn operator(&mut self, obj: &Value, owner: &str) -> PyResult<ast::Operator> {
        use ast::Operator as O;
        let op = self.req(obj, "op", owner)?;
        const OPS: [ast::Operator; 13] = [
            O::Add,
            O::Sub,
            O::Mult,
            O::MatMult,
            O::Div,
            O::Mod,
            O::Pow,
            O::LShift,
            O::RShift,
            O::BitOr,
            O::BitXor,
            O::BitAnd,
            O::FloorDiv,
        ];
        match self.which(&op, k::Add..=k::FloorDiv) {
            Some(i) => Ok(OPS[i - k::Add]),
            None => Err(self.expected("operator", &op)),
        }
    }

    fn comprehensions(&mut self, obj: &Value, owner: &str) -> PyResult<Vec<ast::Comprehension>> {
        let gens = self.seq(obj, "generators", owner)?;
        if gens.is_empty() {
            return Err(self.vm.value_error("comprehension with no generators"));
        }
        let mut v = Vec::with_capacity(gens.len());
        for g in &gens {
            let target = self.req_expr(g, "target", "comprehension", Ctx::Store)?;
            let iter = self.req_expr(g, "iter", "comprehension", Ctx::Load)?;
            let ifs = self.exprs(g, "ifs", "comprehension", Ctx::Load)?;
            let a = self.req(g, "is_async", "comprehension")?;
            let is_async = self.int(&a)? != 0;
            let start = target.range().start();
            let end = ifs.last().map_or(iter.range().end(), |e| e.range().end());
            v.push(ast::Comprehension {
                range: TextRange::new(start, end.max(start)),
                node_index: node_index(),
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(v)
    }

    fn expr_inner(&mut self, obj: &Value, ctx: Ctx) -> PyResult<Expr> {
        let pos = self.position(obj, "expr")?;
        let Some(kind) = self.which(obj, k::BoolOp..=k::Slice) else {
            return Err(self.expected("expr", obj));
        };
        self.check_position(pos)?;
        let r = self.range(pos);
        let name = crate::nodes::def(kind).name;
        // Context first, as CPython's validator checks it.
        let has_ctx = matches!(
            kind,
            k::Attribute | k::Subscript | k::Starred | k::Name | k::List | k::Tuple
        );
        let mut own_ctx = Ctx::Load;
        if has_ctx {
            own_ctx = self.ctx_of(obj, name)?;
            if kind == k::Name {
                let id = self.req(obj, "id", name)?;
                if let Some(s) = self.ident_value(&id)? {
                    if matches!(s.as_str(), "None" | "True" | "False") {
                        return Err(self.vm.value_error(format!(
                            "identifier field can't represent '{s}' constant"
                        )));
                    }
                }
            }
            if own_ctx != ctx {
                return Err(self.vm.value_error(format!(
                    "expression must have {} context but has {} instead",
                    ctx.name(),
                    own_ctx.name()
                )));
            }
        } else if ctx != Ctx::Load {
            return Err(self.vm.value_error(format!(
                "expression which can't be assigned to in {} context",
                ctx.name()
            )));
        }
        let ni = node_index;
        Ok(match kind {
            k::BoolOp => {
                let op = self.req(obj, "op", name)?;
                let op = match self.which(&op, k::And..=k::Or) {
                    Some(k::And) => ast::BoolOp::And,
                    Some(_) => ast::BoolOp::Or,
                    None => return Err(self.expected("boolop", &op)),
                };
                let values = self.exprs(obj, "values", name, Ctx::Load)?;
                if values.len() < 2 {
                    return Err(self.vm.value_error("BoolOp with less than 2 values"));
                }
                Expr::BoolOp(ast::ExprBoolOp {
                    node_index: ni(),
                    range: r,
                    op,
                    values,
                })
            }
            k::NamedExpr => {
                let target = self.req_expr(obj, "target", name, Ctx::Store)?;
                let value = self.req_expr(obj, "value", name, Ctx::Load)?;
                Expr::Named(ast::ExprNamed {
                    node_index: ni(),
                    range: r,
                    target: Box::new(target),
                    value: Box::new(value),
                })
            }
            k::BinOp => {
                let left = self.req_expr(obj, "left", name, Ctx::Load)?;
                let op = self.operator(obj, name)?;
                let right = self.req_expr(obj, "right", name, Ctx::Load)?;
                Expr::BinOp(ast::ExprBinOp {
                    node_index: ni(),
                    range: r,
                    left: Box::new(left),
                    op,
                    right: Box::new(right),
                })
            }
            k::UnaryOp => {
                let op = self.req(obj, "op", name)?;
                let op = match self.which(&op, k::Invert..=k::USub) {
                    Some(k::Invert) => ast::UnaryOp::Invert,
                    Some(k::Not) => ast::UnaryOp::Not,
                    Some(k::UAdd) => ast::UnaryOp::UAdd,
                    Some(_) => ast::UnaryOp::USub,
                    None => return Err(self.expected("unaryop", &op)),
                };
                let operand = self.req_expr(obj, "operand", name, Ctx::Load)?;
                Expr::UnaryOp(ast::ExprUnaryOp {
                    node_index: ni(),
                    range: r,
                    op,
                    operand: Box::new(operand),
                })
            }
            k::Lambda => {
                let args = self.req(obj, "args", name)?;
                if args.is_none() {
                    return Err(self.required("args", name));
                }
                let parameters = self.arguments(&args, r)?;
                let body = self.req_expr(obj, "body", name, Ctx::Load)?;
                Expr::Lambda(ast::ExprLambda {
                    node_index: ni(),
                    range: r,
                    parameters: Some(Box::new(parameters)),
                    body: Box::new(body),
                })
            }
            k::IfExp => {
                let test = self.req_expr(obj, "test", name, Ctx::Load)?;
                let body = self.req_expr(obj, "body", name, Ctx::Load)?;
                let orelse = self.req_expr(obj, "orelse", name, Ctx::Load)?;
                Expr::If(ast::ExprIf {
                    node_index: ni(),
                    range: r,
                    test: Box::new(test),
                    body: Box::new(body),
                    orelse: Box::new(orelse),
                })
            }
            k::Dict => {
                let keys = self.seq(obj, "keys", name)?;
                let values = self.seq(obj, "values", name)?;
                if keys.len() != values.len() {
                    return Err(self
                        .vm
                        .value_error("Dict doesn't have the same number of keys as values"));
                }
                let mut items = Vec::with_capacity(keys.len());
                for (kk, vv) in keys.iter().zip(&values) {
                    let key = if kk.is_none() {
                        None
                    } else {
                        Some(self.expr(kk, Ctx::Load)?)
                    };
                    if vv.is_none() {
                        return Err(self.vm.value_error("None disallowed in expression list"));
                    }
                    let value = self.expr(vv, Ctx::Load)?;
                    items.push(ast::DictItem { key, value });
                }
                Expr::Dict(ast::ExprDict {
                    node_index: ni(),
                    range: r,
                    items,
                })
            }
            k::Set => {
                let elts = self.exprs(obj, "elts", name, Ctx::Load)?;
                Expr::Set(ast::ExprSet {
                    node_index: ni(),
                    range: r,
                    elts,
                })
            }
            k::ListComp | k::SetComp | k::GeneratorExp => {
                let generators = self.comprehensions(obj, name)?;
                let elt = Box::new(self.req_expr(obj, "elt", name, Ctx::Load)?);
                match kind {
                    k::ListComp => Expr::ListComp(ast::ExprListComp {
                        node_index: ni(),
                        range: r,
                        elt,
                        generators,
                    }),
                    k::SetComp => Expr::SetComp(ast::ExprSetComp {
                        node_index: ni(),
                        range: r,
                        elt,
                        generators,
                    }),
                    _ => Expr::Generator(ast::ExprGenerator {
                        node_index: ni(),
                        range: r,
                        elt,
                        generators,
                        parenthesized: true,
                    }),
                }
            }
            k::DictComp => {
                let generators = self.comprehensions(obj, name)?;
                let key = self.req_expr(obj, "key", name, Ctx::Load)?;
                let value = self.req_expr(obj, "value", name, Ctx::Load)?;
                Expr::DictComp(ast::ExprDictComp {
                    node_index: ni(),
                    range: r,
                    key: Some(Box::new(key)),
                    value: Box::new(value),
                    generators,
                })
            }
            k::Await => {
                let value = self.req_expr(obj, "value", name, Ctx::Load)?;
                Expr::Await(ast::ExprAwait {
                    node_index: ni(),
                    range: r,
                    value: Box::new(value),
                })
            }
            k::Yield => {
                let value = self.opt_expr(obj, "value")?;
                Expr::Yield(ast::ExprYield {
                    node_index: ni(),
                    range: r,
                    value: value.map(Box::new),
                })
            }
            k::YieldFrom => {
                let value = self.req_expr(obj, "value", name, Ctx::Load)?;
                Expr::YieldFrom(ast::ExprYieldFrom {
                    node_index: ni(),
                    range: r,
                    value: Box::new(value),
                })
            }
            k::Compare => {
                let left = self.req_expr(obj, "left", name, Ctx::Load)?;
                let ops = self.seq(obj, "ops", name)?;
                let comparators = self.seq(obj, "comparators", name)?;
                if comparators.is_empty() {
                    return Err(self.vm.value_error("Compare with no comparators"));
                }
                if comparators.len() != ops.len() {
                    return Err(self.vm.value_error(
                        "Compare has a different number of comparators and operands",
                    ));
                }
                use ast::CmpOp as C;
                const CMPS: [ast::CmpOp; 10] = [
                    C::Eq,
                    C::NotEq,
                    C::Lt,
                    C::LtE,
                    C::Gt,
                    C::GtE,
                    C::Is,
                    C::IsNot,
                    C::In,
                    C::NotIn,
                ];
                let mut o = Vec::with_capacity(ops.len());
                for op in &ops {
                    match self.which(op, k::Eq..=k::NotIn) {
                        Some(i) => o.push(CMPS[i - k::Eq]),
                        None => return Err(self.expected("cmpop", op)),
                    }
                }
                let comparators = self.expr_items(&comparators, Ctx::Load)?;
                Expr::Compare(ast::ExprCompare {
                    node_index: ni(),
                    range: r,
                    left: Box::new(left),
                    ops: o.into(),
                    comparators: comparators.into(),
                })
            }
            k::Call => {
                let func = self.req_expr(obj, "func", name, Ctx::Load)?;
                let mut args = self.exprs(obj, "args", name, Ctx::Load)?;
                let keywords = self.keywords(obj, "keywords", name)?;
                let fe = func.range().end().min(r.end());
                // `f(x for x in y)`: the generator spans the call's
                // parentheses; as parsed, it lies inside them.
                if let [Expr::Generator(g)] = &mut args[..] {
                    if keywords.is_empty() && g.range.end() == r.end() {
                        // Just inside the parentheses when the generator
                        // shares their lines, else from its first to its
                        // last part.
                        let (gs, ge) = (g.range.start(), g.range.end());
                        let one = TextSize::new(1);
                        let mut start = g.elt.range().start();
                        if gs + one <= start && self.layout.same_line(gs, start) {
                            start = gs + one;
                        }
                        let mut end = g.generators.last().map_or(ge, |c| {
                            c.ifs
                                .last()
                                .map_or(c.iter.range().end(), |e| e.range().end())
                        });
                        if ge >= one && end <= ge - one && self.layout.same_line(end, ge - one) {
                            end = ge - one;
                        }
                        g.range = TextRange::new(start, end.max(start));
                        g.parenthesized = false;
                    }
                }
                Expr::Call(ast::ExprCall {
                    node_index: ni(),
                    range_start: r.start(),
                    func: Box::new(func),
                    arguments: ast::Arguments {
                        range: TextRange::new(fe.min(r.end()), r.end()),
                        node_index: ni(),
                        args: args.into(),
                        keywords: keywords.into(),
                    },
                })
            }
            k::FormattedValue => {
                let el = self.interpolation(obj, r)?;
                fstring_expr(vec![el], r)
            }
            k::JoinedStr => {
                let values = self.seq(obj, "values", name)?;
                let els = self.joined_elements(&values, r)?;
                fstring_expr(els, r)
            }
            k::Constant => {
                let value = self.req(obj, "value", name)?;
                let kind_v = self.opt_string(obj, "kind")?;
                let unicode = kind_v
                    .as_ref()
                    .and_then(|v| v.downcast::<Str>())
                    .is_some_and(|s| s.as_str() == "u");
                self.constant(&value, r, unicode)?
            }
            k::Attribute => {
                let value = self.req_expr(obj, "value", name, Ctx::Load)?;
                let attr = self.ident(obj, "attr", name, r)?;
                Expr::Attribute(ast::ExprAttribute {
                    node_index: ni(),
                    range: r,
                    value: Box::new(value),
                    attr,
                    ctx: own_ctx.ruff(),
                })
            }
            k::Subscript => {
                let value = self.req_expr(obj, "value", name, Ctx::Load)?;
                let slice = self.req_expr(obj, "slice", name, Ctx::Load)?;
                Expr::Subscript(ast::ExprSubscript {
                    node_index: ni(),
                    range: r,
                    value: Box::new(value),
                    slice: Box::new(slice),
                    ctx: own_ctx.ruff(),
                })
            }
            k::Starred => {
                let value = self.req_expr(obj, "value", name, ctx)?;
                Expr::Starred(ast::ExprStarred {
                    node_index: ni(),
                    range: r,
                    value: Box::new(value),
                    ctx: own_ctx.ruff(),
                })
            }
            k::Name => {
                let id: Identifier = self.ident(obj, "id", name, r)?;
                Expr::Name(ast::ExprName {
                    node_index: ni(),
                    range: r,
                    id: id.id,
                    ctx: own_ctx.ruff(),
                })
            }
            k::List => {
                let elts = self.exprs(obj, "elts", name, ctx)?;
                Expr::List(ast::ExprList {
                    node_index: ni(),
                    range: r,
                    elts,
                    ctx: own_ctx.ruff(),
                })
            }
            k::Tuple => {
                let elts = self.exprs(obj, "elts", name, ctx)?;
                Expr::Tuple(ast::ExprTuple {
                    node_index: ni(),
                    range: r,
                    elts,
                    ctx: own_ctx.ruff(),
                    parenthesized: true,
                })
            }
            _ => {
                let lower = self.opt_expr(obj, "lower")?;
                let upper = self.opt_expr(obj, "upper")?;
                let step = self.opt_expr(obj, "step")?;
                Expr::Slice(ast::ExprSlice {
                    node_index: ni(),
                    range: r,
                    lower: lower.map(Box::new),
                    upper: upper.map(Box::new),
                    step: step.map(Box::new),
                })
            }
        })
    }

    /// A `Constant` value as a literal expression.
    pub fn constant(&mut self, v: &Value, r: TextRange, unicode: bool) -> PyResult<Expr> {
        self.enter("expr")?;
        let e = self.constant_inner(v, r, unicode);
        self.leave();
        e
    }

    fn constant_inner(&mut self, v: &Value, r: TextRange, unicode: bool) -> PyResult<Expr> {
        let ni = node_index;
        if v.is_none() {
            return Ok(Expr::NoneLiteral(ast::ExprNoneLiteral {
                node_index: ni(),
                range: r,
            }));
        }
        if v.is(&self.vm.ellipsis) {
            return Ok(Expr::EllipsisLiteral(ast::ExprEllipsisLiteral {
                node_index: ni(),
                range: r,
            }));
        }
        if let Some(b) = v.as_bool() {
            if v.is(&Value::TRUE) || v.is(&Value::FALSE) {
                return Ok(Expr::BooleanLiteral(ast::ExprBooleanLiteral {
                    node_index: ni(),
                    range: r,
                    value: b,
                }));
            }
        }
        let t = self.vm.type_of(v);
        let number = |value: ast::Number| {
            Expr::NumberLiteral(ast::ExprNumberLiteral {
                node_index: ni(),
                range: r,
                value,
            })
        };
        let negate = |e: Expr| {
            Expr::UnaryOp(ast::ExprUnaryOp {
                node_index: ni(),
                range: r,
                op: ast::UnaryOp::USub,
                operand: Box::new(e),
            })
        };
        if t.is(&self.vm.t.int) {
            let b = adder_vm::num::as_bigint(v).unwrap_or_default();
            let neg = b.is_negative();
            let mag = b.abs();
            let int = match mag.to_u64() {
                Some(u) => ast::Int::from(u),
                None => match mag.to_string().parse::<ast::Int>() {
                    Ok(i) => i,
                    Err(_) => return Err(self.vm.system_error("_ast: bad integer constant")),
                },
            };
            let e = number(ast::Number::Int(int));
            return Ok(if neg { negate(e) } else { e });
        }
        if t.is(&self.vm.t.float) {
            let f = adder_vm::num::as_float(v).unwrap_or(0.0);
            if f.is_sign_negative() && !f.is_nan() {
                return Ok(negate(number(ast::Number::Float(-f))));
            }
            return Ok(number(ast::Number::Float(f)));
        }
        if t.is(&self.vm.t.complex) {
            let (re, im) = v.downcast::<Complex>().map_or((0.0, 0.0), |c| (c.re, c.im));
            return Ok(number(ast::Number::Complex { real: re, imag: im }));
        }
        if t.is(&self.vm.t.str) {
            let s = v.downcast::<Str>().map_or("", |s| s.as_str());
            let flags = if unicode {
                ast::StringLiteralFlags::empty()
                    .with_prefix(ast::str_prefix::StringLiteralPrefix::Unicode)
            } else {
                ast::StringLiteralFlags::empty()
            };
            return Ok(Expr::StringLiteral(ast::ExprStringLiteral {
                node_index: ni(),
                range: r,
                value: ast::StringLiteralValue::single(ast::StringLiteral {
                    range: r,
                    node_index: ni(),
                    value: s.into(),
                    flags,
                }),
            }));
        }
        if t.is(&self.vm.t.bytes) {
            let b: Box<[u8]> = v
                .downcast::<Bytes>()
                .map_or(Box::default(), |b| b.b.clone());
            return Ok(Expr::BytesLiteral(ast::ExprBytesLiteral {
                node_index: ni(),
                range: r,
                value: ast::BytesLiteralValue::single(ast::BytesLiteral {
                    range: r,
                    node_index: ni(),
                    value: b,
                    flags: ast::BytesLiteralFlags::empty(),
                }),
            }));
        }
        if t.is(&self.vm.t.tuple) {
            let items = v
                .downcast::<Tuple>()
                .map_or(Vec::new(), |t| t.items.to_vec());
            let mut elts = Vec::with_capacity(items.len());
            for it in &items {
                elts.push(self.constant(it, r, false)?);
            }
            return Ok(Expr::Tuple(ast::ExprTuple {
                node_index: ni(),
                range: r,
                elts,
                ctx: ast::ExprContext::Load,
                parenthesized: true,
            }));
        }
        if t.is(&self.vm.t.frozenset) {
            // No literal for it: `frozenset((items...))`.
            let items = self.vm.iterate(v)?;
            let mut elts = Vec::with_capacity(items.len());
            for it in &items {
                elts.push(self.constant(it, r, false)?);
            }
            let tuple = Expr::Tuple(ast::ExprTuple {
                node_index: ni(),
                range: r,
                elts,
                ctx: ast::ExprContext::Load,
                parenthesized: true,
            });
            return Ok(Expr::Call(ast::ExprCall {
                node_index: ni(),
                range_start: r.start(),
                func: Box::new(Expr::Name(ast::ExprName {
                    node_index: ni(),
                    range: r,
                    id: "frozenset".into(),
                    ctx: ast::ExprContext::Load,
                })),
                arguments: ast::Arguments {
                    range: r,
                    node_index: ni(),
                    args: vec![tuple].into(),
                    keywords: Default::default(),
                },
            }));
        }
        let tn = self.vm.type_name(v);
        Err(self
            .vm
            .type_error(format!("got an invalid type in Constant: {tn}")))
    }

    // ---- f-strings ----

    fn joined_elements(
        &mut self,
        values: &[Value],
        r: TextRange,
    ) -> PyResult<Vec<ast::InterpolatedStringElement>> {
        let mut els = Vec::with_capacity(values.len());
        for v in values {
            if v.is_none() {
                return Err(self.vm.value_error("None disallowed in expression list"));
            }
            if self.k.is(self.vm, v, k::Constant) {
                let c = self.req(v, "value", "Constant")?;
                if let Some(s) = c.downcast::<Str>() {
                    if self.vm.type_of(&c).is(&self.vm.t.str) {
                        let p = self.position(v, "expr")?;
                        self.check_position(p)?;
                        els.push(ast::InterpolatedStringElement::Literal(
                            ast::InterpolatedStringLiteralElement {
                                range: r,
                                node_index: node_index(),
                                value: s.as_str().into(),
                            },
                        ));
                        continue;
                    }
                }
            }
            if self.k.is(self.vm, v, k::FormattedValue) {
                let p = self.position(v, "expr")?;
                self.check_position(p)?;
                let rr = self.range(p);
                els.push(self.interpolation(v, rr)?);
                continue;
            }
            // Any other expression: formatted as is.
            let e = self.expr(v, Ctx::Load)?;
            els.push(ast::InterpolatedStringElement::Interpolation(
                ast::InterpolatedElement {
                    range: e.range(),
                    node_index: node_index(),
                    expression: Box::new(e),
                    debug_text: None,
                    conversion: ast::ConversionFlag::None,
                    format_spec: None,
                },
            ));
        }
        Ok(els)
    }

    fn interpolation(
        &mut self,
        obj: &Value,
        r: TextRange,
    ) -> PyResult<ast::InterpolatedStringElement> {
        let value = self.req_expr(obj, "value", "FormattedValue", Ctx::Load)?;
        let conv = self.req(obj, "conversion", "FormattedValue")?;
        let conversion = match self.int(&conv)? {
            115 => ast::ConversionFlag::Str,
            114 => ast::ConversionFlag::Repr,
            97 => ast::ConversionFlag::Ascii,
            -1 => ast::ConversionFlag::None,
            c => {
                return Err(self
                    .vm
                    .system_error(format!("Unrecognized conversion character {c}")))
            }
        };
        let format_spec = match self.opt(obj, "format_spec")? {
            Some(spec) => {
                let els = if self.k.is(self.vm, &spec, k::JoinedStr) {
                    let p = self.position(&spec, "expr")?;
                    self.check_position(p)?;
                    let values = self.seq(&spec, "values", "JoinedStr")?;
                    self.joined_elements(&values, r)?
                } else {
                    self.joined_elements(std::slice::from_ref(&spec), r)?
                };
                Some(Box::new(ast::InterpolatedStringFormatSpec {
                    range: r,
                    node_index: node_index(),
                    elements: els.into(),
                }))
            }
            None => None,
        };
        Ok(ast::InterpolatedStringElement::Interpolation(
            ast::InterpolatedElement {
                range: r,
                node_index: node_index(),
                expression: Box::new(value),
                debug_text: None,
                conversion,
                format_spec,
            },
        ))
    }
}

fn fstring_expr(elements: Vec<ast::InterpolatedStringElement>, r: TextRange) -> Expr {
    Expr::FString(ast::ExprFString {
        node_index: node_index(),
        range: r,
        value: ast::FStringValue::single(ast::FString {
            range: r,
            node_index: node_index(),
            elements: elements.into(),
            flags: ast::FStringFlags::empty(),
        }),
    })
}
