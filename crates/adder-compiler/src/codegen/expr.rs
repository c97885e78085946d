//! Expression code generation.
//!
//! Invariant: compiling an expression pushes exactly one value (its result)
//! and evaluates sub-expressions left to right, as CPython 3.11 does; calls
//! use LoadMethod/CallMethod for `obj.meth(positional...)`, CallKw with a
//! constant tuple of keyword names, and CallEx whenever `*`/`**` appears.

use std::rc::Rc;

use adder_bytecode::opcode::{format_value, intrinsic};
use adder_bytecode::{CmpOp, Constant, Opcode, UnOp};
use num_bigint::BigInt;
use ruff_python_ast::{self as ast, Expr, ExprContext};
use ruff_text_size::{Ranged, TextRange};

use super::stmt::binop_kind;
use super::{Compiler, FBlockKind, R};
use crate::symtable::ScopeKind;

/// Displays longer than this are built incrementally to bound stack use.
const STACK_USE_GUIDELINE: usize = 30;

fn parse_big_int(token: &str) -> Option<BigInt> {
    let t: String = token.chars().filter(|&c| c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(r) = lower.strip_prefix("0x") {
        (r.to_string(), 16)
    } else if let Some(r) = lower.strip_prefix("0o") {
        (r.to_string(), 8)
    } else if let Some(r) = lower.strip_prefix("0b") {
        (r.to_string(), 2)
    } else {
        (lower, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

pub(crate) fn int_constant(i: &ast::Int) -> Option<BigInt> {
    if let Some(v) = i.as_i64() {
        return Some(BigInt::from(v));
    }
    parse_big_int(&i.to_string())
}

enum CompareKind {
    Cmp(CmpOp),
    Is(u32),
    In(u32),
}

fn compare_kind(op: ast::CmpOp) -> CompareKind {
    use ast::CmpOp as C;
    match op {
        C::Eq => CompareKind::Cmp(CmpOp::Eq),
        C::NotEq => CompareKind::Cmp(CmpOp::Ne),
        C::Lt => CompareKind::Cmp(CmpOp::Lt),
        C::LtE => CompareKind::Cmp(CmpOp::Le),
        C::Gt => CompareKind::Cmp(CmpOp::Gt),
        C::GtE => CompareKind::Cmp(CmpOp::Ge),
        C::Is => CompareKind::Is(0),
        C::IsNot => CompareKind::Is(1),
        C::In => CompareKind::In(0),
        C::NotIn => CompareKind::In(1),
    }
}

impl<'a, 's> Compiler<'a, 's> {
    pub fn expr(&mut self, e: &'a Expr) -> R {
        self.deeper(e.range())?;
        let saved = self.ur().loc;
        self.set_loc(e.range());
        let r = self.expr_inner(e);
        self.u().loc = saved;
        self.depth -= 1;
        r
    }

    /// The value of a constant expression (literals, tuples of constants,
    /// negated numbers), if it is one.
    pub fn constant_of(&self, e: &Expr) -> Option<Constant> {
        Some(match e {
            Expr::NoneLiteral(_) => Constant::None,
            Expr::BooleanLiteral(b) => {
                if b.value {
                    Constant::True
                } else {
                    Constant::False
                }
            }
            Expr::EllipsisLiteral(_) => Constant::Ellipsis,
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => Constant::Int(int_constant(i)?),
                ast::Number::Float(f) => Constant::Float(*f),
                ast::Number::Complex { real, imag } => Constant::Complex {
                    re: *real,
                    im: *imag,
                },
            },
            Expr::StringLiteral(s) => {
                Constant::Str(Rc::from(&*super::strlit::string_value(self.src.text, s)))
            }
            Expr::BytesLiteral(b) => {
                let mut v: Vec<u8> = Vec::new();
                for part in b.value.iter() {
                    v.extend_from_slice(&part.value);
                }
                Constant::Bytes(v.into())
            }
            Expr::Name(n) if n.id.as_str() == "__debug__" && n.ctx == ExprContext::Load => {
                if self.opts.optimize == 0 {
                    Constant::True
                } else {
                    Constant::False
                }
            }
            Expr::Tuple(t) if t.ctx == ExprContext::Load => {
                let items = t
                    .elts
                    .iter()
                    .map(|x| self.constant_of(x))
                    .collect::<Option<Vec<_>>>()?;
                Constant::Tuple(items.into())
            }
            Expr::BinOp(b) if matches!(b.op, ast::Operator::Add | ast::Operator::Sub) => {
                // `1+2j` / `-0-0j` (complex literals in patterns).
                let Expr::NumberLiteral(ast::ExprNumberLiteral {
                    value: ast::Number::Complex { real, imag },
                    ..
                }) = &*b.right
                else {
                    return None;
                };
                if *real != 0.0 {
                    return None;
                }
                let re = match self.constant_of(&b.left)? {
                    Constant::Int(i) => i.to_string().parse::<f64>().ok()?,
                    Constant::Float(f) => f,
                    _ => return None,
                };
                let im = if b.op == ast::Operator::Sub {
                    -*imag
                } else {
                    *imag
                };
                Constant::Complex { re, im }
            }
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match &*u.operand {
                Expr::NumberLiteral(n) => match &n.value {
                    ast::Number::Int(i) => Constant::Int(-int_constant(i)?),
                    ast::Number::Float(f) => Constant::Float(-*f),
                    ast::Number::Complex { real, imag } => Constant::Complex {
                        re: -*real,
                        im: -*imag,
                    },
                },
                _ => return None,
            },
            _ => return None,
        })
    }

    fn expr_inner(&mut self, e: &'a Expr) -> R {
        if let Some(c) = self.constant_of(e) {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let op = match b.op {
                    ast::BoolOp::And => Opcode::JumpIfFalseOrPop,
                    ast::BoolOp::Or => Opcode::JumpIfTrueOrPop,
                };
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        self.emit_jump(op, end);
                    }
                }
                self.bind(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Opcode::Copy, 1);
                self.store_target(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.set_loc(b.range);
                self.emit(Opcode::BinaryOp, binop_kind(b.op) as u32);
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                let k = match u.op {
                    ast::UnaryOp::Invert => UnOp::Invert,
                    ast::UnaryOp::Not => UnOp::Not,
                    ast::UnaryOp::UAdd => UnOp::Positive,
                    ast::UnaryOp::USub => UnOp::Negative,
                };
                self.emit(Opcode::UnaryOp, k as u32);
            }
            Expr::Lambda(l) => self.lambda(l)?,
            Expr::If(i) => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(&i.test, next, false)?;
                self.expr(&i.body)?;
                self.emit_jump(Opcode::Jump, end);
                self.bind(next);
                self.expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Dict(d) => self.dict(d)?,
            Expr::Set(s) => self.starunpack(
                &s.elts,
                Opcode::BuildSet,
                Opcode::SetAdd,
                Opcode::SetUpdate,
                false,
            )?,
            Expr::List(l) => match l.ctx {
                ExprContext::Load => self.starunpack(
                    &l.elts,
                    Opcode::BuildList,
                    Opcode::ListAppend,
                    Opcode::ListExtend,
                    false,
                )?,
                _ => return Err(self.error("invalid list context", l.range)),
            },
            Expr::Tuple(t) => match t.ctx {
                ExprContext::Load => self.starunpack(
                    &t.elts,
                    Opcode::BuildList,
                    Opcode::ListAppend,
                    Opcode::ListExtend,
                    true,
                )?,
                _ => return Err(self.error("invalid tuple context", t.range)),
            },
            Expr::ListComp(c) => self.comprehension(
                c as *const _ as usize,
                c.range,
                "<listcomp>",
                &c.generators,
                &c.elt,
                None,
                CompKind::List,
            )?,
            Expr::SetComp(c) => self.comprehension(
                c as *const _ as usize,
                c.range,
                "<setcomp>",
                &c.generators,
                &c.elt,
                None,
                CompKind::Set,
            )?,
            Expr::DictComp(c) => match c.key.as_deref() {
                Some(k) => self.comprehension(
                    c as *const _ as usize,
                    c.range,
                    "<dictcomp>",
                    &c.generators,
                    k,
                    Some(&c.value),
                    CompKind::Dict,
                )?,
                None => return Err(self.error("invalid syntax", c.range)),
            },
            Expr::Generator(c) => self.comprehension(
                c as *const _ as usize,
                c.range,
                "<genexpr>",
                &c.generators,
                &c.elt,
                None,
                CompKind::Gen,
            )?,
            Expr::Await(a) => {
                let ste = self.ste();
                if !ste.is_function_like() {
                    return Err(self.error("'await' outside function", a.range));
                }
                if !self.ur().is_async_function && ste.kind != ScopeKind::Comprehension {
                    return Err(self.error("'await' outside async function", a.range));
                }
                self.expr(&a.value)?;
                self.emit(Opcode::GetAwaitable, 0);
                self.load_const(Constant::None);
                self.add_yield_from();
            }
            Expr::Yield(y) => {
                if !self.ste().is_function_like() {
                    return Err(self.error("'yield' outside function", y.range));
                }
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                let ste = self.ste();
                if ste.is_coroutine && ste.is_generator {
                    self.emit(Opcode::AsyncGenWrap, 0);
                }
                self.emit(Opcode::YieldValue, 0);
            }
            Expr::YieldFrom(y) => {
                if !self.ste().is_function_like() {
                    return Err(self.error("'yield' outside function", y.range));
                }
                if self.ur().is_async_function {
                    return Err(self.error("'yield from' inside async function", y.range));
                }
                self.expr(&y.value)?;
                self.emit(Opcode::GetYieldFromIter, 0);
                self.load_const(Constant::None);
                self.add_yield_from();
            }
            Expr::Compare(c) => {
                self.check_compare(c);
                self.compare(c)?
            }
            Expr::Call(c) => {
                self.check_caller(c);
                self.call(c)?
            }
            Expr::FString(f) => self.fstring(f)?,
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit_name(Opcode::LoadAttr, &a.attr);
            }
            Expr::Subscript(s) => {
                self.check_subscript(s)?;
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_loc(s.range);
                self.emit(Opcode::BinarySubscr, 0);
            }
            Expr::Slice(s) => {
                let mut n = 2;
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(x) => self.expr(x)?,
                        None => self.load_const(Constant::None),
                    }
                }
                if let Some(step) = &s.step {
                    self.expr(step)?;
                    n = 3;
                }
                self.emit(Opcode::BuildSlice, n);
            }
            Expr::Starred(s) => {
                return Err(self.error("can't use starred expression here", s.range))
            }
            Expr::Name(n) => self.nameop(&n.id, n.ctx, n.range)?,
            Expr::TString(t) => return Err(self.error("invalid syntax", t.range)),
            Expr::IpyEscapeCommand(c) => return Err(self.error("invalid syntax", c.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                return Err(self.error("invalid literal", e.range()));
            }
        }
        Ok(())
    }

    /// Jumps to `label` if the truth of `e` equals `cond` (CPython's `compiler_jump_if`).
    pub fn jump_if(&mut self, e: &'a Expr, label: u32, cond: bool) -> R {
        self.deeper(e.range())?;
        let r = self.jump_if_inner(e, label, cond);
        self.depth -= 1;
        r
    }

    fn jump_if_inner(&mut self, e: &'a Expr, label: u32, cond: bool) -> R {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                return self.jump_if(&u.operand, label, !cond)
            }
            Expr::BoolOp(b) => {
                let is_or = b.op == ast::BoolOp::Or;
                let next2 = if is_or == cond {
                    label
                } else {
                    self.new_label()
                };
                let n = b.values.len();
                for v in &b.values[..n - 1] {
                    self.jump_if(v, next2, is_or)?;
                }
                self.jump_if(&b.values[n - 1], label, cond)?;
                if next2 != label {
                    self.bind(next2);
                }
                return Ok(());
            }
            Expr::If(i) => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(&i.test, next2, false)?;
                self.jump_if(&i.body, label, cond)?;
                self.emit_jump(Opcode::Jump, end);
                self.bind(next2);
                self.jump_if(&i.orelse, label, cond)?;
                self.bind(end);
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        self.set_loc(e.range());
        self.emit_jump(
            if cond {
                Opcode::PopJumpIfTrue
            } else {
                Opcode::PopJumpIfFalse
            },
            label,
        );
        Ok(())
    }

    fn emit_compare(&mut self, op: ast::CmpOp) {
        match compare_kind(op) {
            CompareKind::Cmp(c) => self.emit(Opcode::CompareOp, c as u32),
            CompareKind::Is(i) => self.emit(Opcode::IsOp, i),
            CompareKind::In(i) => self.emit(Opcode::ContainsOp, i),
        }
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> R {
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.expr(&c.comparators[0])?;
            self.set_loc(c.range);
            self.emit_compare(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n - 1 {
            self.expr(&c.comparators[i])?;
            self.set_loc(c.range);
            self.emit(Opcode::Swap, 2);
            self.emit(Opcode::Copy, 2);
            self.emit_compare(c.ops[i]);
            self.emit_jump(Opcode::JumpIfFalseOrPop, cleanup);
        }
        self.expr(&c.comparators[n - 1])?;
        self.set_loc(c.range);
        self.emit_compare(c.ops[n - 1]);
        let end = self.new_label();
        self.emit_jump(Opcode::Jump, end);
        self.bind(cleanup);
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::PopTop, 0);
        self.bind(end);
        Ok(())
    }

    /// Builds a list/tuple/set display, with `*x` items unpacked.
    fn starunpack(
        &mut self,
        elts: &'a [Expr],
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> R {
        let n = elts.len();
        let has_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !has_star && n <= STACK_USE_GUIDELINE {
            for e in elts {
                self.expr(e)?;
            }
            self.emit(if tuple { Opcode::BuildTuple } else { build }, n as u32);
            return Ok(());
        }
        // Build incrementally.
        let mut seen = 0;
        let mut built = false;
        for e in elts {
            match e {
                Expr::Starred(s) => {
                    if !built {
                        self.emit(build, seen);
                        built = true;
                    }
                    self.expr(&s.value)?;
                    self.emit(extend, 1);
                }
                _ => {
                    self.expr(e)?;
                    if built {
                        self.emit(add, 1);
                    } else {
                        seen += 1;
                        if seen as usize >= STACK_USE_GUIDELINE {
                            self.emit(build, seen);
                            built = true;
                        }
                    }
                }
            }
        }
        if !built {
            self.emit(build, seen);
        }
        if tuple {
            self.emit(Opcode::Intrinsic, intrinsic::LIST_TO_TUPLE);
        }
        Ok(())
    }

    fn dict(&mut self, d: &'a ast::ExprDict) -> R {
        let mut pending = 0u32;
        let mut have_dict = false;
        for item in &d.items {
            match &item.key {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(&item.value)?;
                    if have_dict {
                        self.emit(Opcode::MapAdd, 1);
                    } else {
                        pending += 1;
                        if pending as usize >= STACK_USE_GUIDELINE / 2 {
                            self.emit(Opcode::BuildMap, pending);
                            pending = 0;
                            have_dict = true;
                        }
                    }
                }
                None => {
                    if !have_dict {
                        self.emit(Opcode::BuildMap, pending);
                        pending = 0;
                        have_dict = true;
                    }
                    self.expr(&item.value)?;
                    self.emit(Opcode::DictUpdate, 1);
                }
            }
        }
        if !have_dict {
            self.emit(Opcode::BuildMap, pending);
        }
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> R {
        let args = &c.arguments;
        let simple = !args.args.iter().any(|a| matches!(a, Expr::Starred(_)))
            && args.keywords.is_empty()
            && args.args.len() < STACK_USE_GUIDELINE;
        if simple {
            if let Expr::Attribute(at) = &*c.func {
                if at.ctx == ExprContext::Load {
                    self.expr(&at.value)?;
                    self.set_loc(at.range);
                    self.emit_name(Opcode::LoadMethod, &at.attr);
                    for a in args.args.iter() {
                        self.expr(a)?;
                    }
                    self.set_loc(c.range());
                    self.emit(Opcode::CallMethod, args.args.len() as u32);
                    return Ok(());
                }
            }
        }
        self.expr(&c.func)?;
        self.set_loc(c.range());
        self.call_helper(0, &args.args, &args.keywords)
    }

    /// Emits the arguments and the call; `n` arguments are already on the
    /// stack above the callable (class definitions push the body function and name).
    pub fn call_helper(&mut self, n: u32, args: &'a [Expr], keywords: &'a [ast::Keyword]) -> R {
        let range = self.ur().loc;
        let needs_ex = args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none())
            || args.len() + keywords.len() + n as usize > STACK_USE_GUIDELINE * 8;
        if !needs_ex {
            for a in args {
                self.expr(a)?;
            }
            if keywords.is_empty() {
                self.u().loc = range;
                self.emit(Opcode::Call, n + args.len() as u32);
                return Ok(());
            }
            let mut names: Vec<Constant> = Vec::with_capacity(keywords.len());
            for k in keywords {
                self.expr(&k.value)?;
                if let Some(arg) = &k.arg {
                    names.push(Constant::Str(Rc::from(arg.as_str())));
                }
            }
            self.check_duplicate_keywords(keywords)?;
            self.load_const(Constant::Tuple(names.into()));
            self.u().loc = range;
            self.emit(Opcode::CallKw, n + (args.len() + keywords.len()) as u32);
            return Ok(());
        }
        self.check_duplicate_keywords(keywords)?;
        // Positional arguments as a tuple.
        if n > 0 || !args.is_empty() {
            if args.len() == 1 && n == 0 {
                if let Expr::Starred(s) = &args[0] {
                    self.expr(&s.value)?;
                    self.emit(Opcode::BuildList, 0);
                    self.emit(Opcode::Swap, 2);
                    self.emit(Opcode::ListExtend, 1);
                    self.emit(Opcode::Intrinsic, intrinsic::LIST_TO_TUPLE);
                } else {
                    self.expr(&args[0])?;
                    self.emit(Opcode::BuildTuple, 1);
                }
            } else {
                self.emit(Opcode::BuildList, n);
                for a in args {
                    match a {
                        Expr::Starred(s) => {
                            self.expr(&s.value)?;
                            self.emit(Opcode::ListExtend, 1);
                        }
                        _ => {
                            self.expr(a)?;
                            self.emit(Opcode::ListAppend, 1);
                        }
                    }
                }
                self.emit(Opcode::Intrinsic, intrinsic::LIST_TO_TUPLE);
            }
        } else {
            self.load_const(Constant::Tuple(Rc::from(Vec::new())));
        }
        // Keyword arguments as a dict.
        let mut have_dict = false;
        let mut nseen = 0u32;
        for k in keywords {
            match &k.arg {
                None => {
                    if nseen > 0 {
                        self.emit(Opcode::BuildMap, nseen);
                        if have_dict {
                            self.emit(Opcode::DictMerge, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BuildMap, 0);
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit(Opcode::DictMerge, 1);
                }
                Some(name) => {
                    if have_dict {
                        self.load_const(Constant::Str(Rc::from(name.as_str())));
                        self.expr(&k.value)?;
                        // A fresh one-item dict merged in keeps the duplicate check.
                        self.emit(Opcode::BuildMap, 1);
                        self.emit(Opcode::DictMerge, 1);
                    } else {
                        self.load_const(Constant::Str(Rc::from(name.as_str())));
                        self.expr(&k.value)?;
                        nseen += 1;
                    }
                }
            }
        }
        if nseen > 0 {
            self.emit(Opcode::BuildMap, nseen);
            if have_dict {
                self.emit(Opcode::DictMerge, 1);
            }
            have_dict = true;
        }
        self.u().loc = range;
        self.emit(Opcode::CallEx, have_dict as u32);
        Ok(())
    }

    fn check_duplicate_keywords(&self, keywords: &[ast::Keyword]) -> R {
        for (i, k) in keywords.iter().enumerate() {
            let Some(a) = &k.arg else { continue };
            if keywords[i + 1..]
                .iter()
                .any(|o| o.arg.as_ref().is_some_and(|b| b.as_str() == a.as_str()))
            {
                let dup = keywords[i + 1..]
                    .iter()
                    .find(|o| o.arg.as_ref().is_some_and(|b| b.as_str() == a.as_str()))
                    .map_or(k.range, |o| o.range);
                return Err(self.error(format!("keyword argument repeated: {}", a.as_str()), dup));
            }
        }
        Ok(())
    }

    // ---- f-strings ----

    fn fstring(&mut self, f: &'a ast::ExprFString) -> R {
        let mut n = 0u32;
        let mut pending = String::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => {
                    pending.push_str(&super::strlit::part_value(self.src.text, s))
                }
                ast::FStringPart::FString(fs) => {
                    let raw = fs.flags.prefix().is_raw();
                    self.fstring_elements(&fs.elements, raw, &mut pending, &mut n)?
                }
            }
        }
        if !pending.is_empty() || n == 0 {
            self.load_const(Constant::Str(Rc::from(pending.as_str())));
            n += 1;
        }
        if n > 1 {
            self.emit(Opcode::BuildString, n);
        }
        Ok(())
    }

    fn flush_pending(&mut self, pending: &mut String, n: &mut u32) {
        if !pending.is_empty() {
            self.load_const(Constant::Str(Rc::from(pending.as_str())));
            pending.clear();
            *n += 1;
        }
    }

    fn fstring_elements(
        &mut self,
        elements: &'a ast::InterpolatedStringElements,
        raw: bool,
        pending: &mut String,
        n: &mut u32,
    ) -> R {
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    pending.push_str(&super::strlit::fstring_piece(self.src.text, l, raw))
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => format_value::CONV_NONE,
                        ast::ConversionFlag::Str => format_value::CONV_STR,
                        ast::ConversionFlag::Repr => format_value::CONV_REPR,
                        ast::ConversionFlag::Ascii => format_value::CONV_ASCII,
                    };
                    if let Some(dbg) = &i.debug_text {
                        pending.push_str(dbg.leading());
                        pending.push_str(dbg.expression());
                        pending.push_str(dbg.trailing());
                        if conv == format_value::CONV_NONE && i.format_spec.is_none() {
                            conv = format_value::CONV_REPR;
                        }
                    }
                    self.flush_pending(pending, n);
                    if let Expr::Starred(st) = &*i.expression {
                        // CPython 3.11 parses the expression as `(*x)`.
                        return Err(
                            self.error("f-string: cannot use starred expression here", st.range)
                        );
                    }
                    self.expr(&i.expression)?;
                    if let Some(spec) = &i.format_spec {
                        let mut sp = String::new();
                        let mut sn = 0u32;
                        self.fstring_elements(&spec.elements, raw, &mut sp, &mut sn)?;
                        if !sp.is_empty() || sn == 0 {
                            self.load_const(Constant::Str(Rc::from(sp.as_str())));
                            sn += 1;
                        }
                        if sn > 1 {
                            self.emit(Opcode::BuildString, sn);
                        }
                        conv |= format_value::HAS_SPEC;
                    }
                    self.emit(Opcode::FormatValue, conv);
                    *n += 1;
                }
            }
        }
        Ok(())
    }

    // ---- comprehensions ----

    #[allow(clippy::too_many_arguments)]
    fn comprehension(
        &mut self,
        key: usize,
        range: TextRange,
        name: &str,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> R {
        let Some(&scope) = self.table_scope(key) else {
            return Err(self.error("internal compiler error: no comprehension scope", range));
        };
        let Some(outermost) = generators.first() else {
            return Err(self.error("invalid syntax", range));
        };
        let parent_async = self.ur().is_async_function;
        let parent_is_comp = self.ste().kind == ScopeKind::Comprehension;
        let line = super::line_of(self.src, range);
        self.enter_scope(name, scope, line, range)?;
        self.u().argcount = 1;
        let is_async_gen = self.ste().is_coroutine;
        if is_async_gen && kind != CompKind::Gen && !parent_async && !parent_is_comp {
            self.units.pop();
            return Err(self.error(
                "asynchronous comprehension outside of an asynchronous function",
                range,
            ));
        }
        self.u().is_async_function = is_async_gen;
        match kind {
            CompKind::List => self.emit(Opcode::BuildList, 0),
            CompKind::Set => self.emit(Opcode::BuildSet, 0),
            CompKind::Dict => self.emit(Opcode::BuildMap, 0),
            CompKind::Gen => {}
        }
        self.comprehension_generator(generators, 0, 0, elt, value, kind)?;
        if kind != CompKind::Gen {
            self.emit(Opcode::ReturnValue, 0);
        } else {
            self.return_none();
        }
        let code = self.leave_scope()?;
        self.set_loc(range);
        self.make_closure(code, 0);
        self.expr(&outermost.iter)?;
        if outermost.is_async {
            self.emit(Opcode::GetAiter, 0);
        } else {
            self.emit(Opcode::GetIter, 0);
        }
        self.emit(Opcode::Call, 1);
        if is_async_gen && kind != CompKind::Gen {
            self.emit(Opcode::GetAwaitable, 0);
            self.load_const(Constant::None);
            self.add_yield_from();
        }
        Ok(())
    }

    fn table_scope(&self, key: usize) -> Option<&usize> {
        self.table.scope_by_key(key)
    }

    fn comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> R {
        let gen = &generators[index];
        if gen.is_async {
            return self.async_comprehension_generator(generators, index, depth, elt, value, kind);
        }
        let start = self.new_label();
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        if index == 0 {
            self.emit(Opcode::LoadFast, 0);
        } else {
            self.expr(&gen.iter)?;
            self.emit(Opcode::GetIter, 0);
        }
        let depth = depth + 1;
        self.bind(start);
        self.emit_jump(Opcode::ForIter, anchor);
        self.store_target(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        self.comprehension_body(generators, index, depth, elt, value, kind)?;
        self.bind(if_cleanup);
        self.emit_jump(Opcode::Jump, start);
        self.bind(anchor);
        Ok(())
    }

    fn comprehension_body(
        &mut self,
        generators: &'a [ast::Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> R {
        if index + 1 < generators.len() {
            return self.comprehension_generator(generators, index + 1, depth, elt, value, kind);
        }
        match kind {
            CompKind::Gen => {
                self.expr(elt)?;
                if self.ste().is_coroutine {
                    self.emit(Opcode::AsyncGenWrap, 0);
                }
                self.emit(Opcode::YieldValue, 0);
                self.emit(Opcode::PopTop, 0);
            }
            CompKind::List => {
                self.expr(elt)?;
                self.emit(Opcode::ListAppend, depth + 1);
            }
            CompKind::Set => {
                self.expr(elt)?;
                self.emit(Opcode::SetAdd, depth + 1);
            }
            CompKind::Dict => {
                self.expr(elt)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
                self.emit(Opcode::MapAdd, depth + 1);
            }
        }
        Ok(())
    }

    fn async_comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> R {
        let gen = &generators[index];
        let start = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        if index == 0 {
            self.emit(Opcode::LoadFast, 0);
        } else {
            self.expr(&gen.iter)?;
            self.emit(Opcode::GetAiter, 0);
        }
        let outer = self.ur().handler_stack.clone();
        self.bind(start);
        self.push_fblock(FBlockKind::AsyncComprehensionGenerator, start, 0)?;
        self.push_handler(except, false, 0);
        self.emit(Opcode::GetAnext, 0);
        self.load_const(Constant::None);
        self.add_yield_from();
        self.pop_handler();
        self.store_target(&gen.target)?;
        let depth = depth + 1;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        self.comprehension_body(generators, index, depth, elt, value, kind)?;
        self.bind(if_cleanup);
        self.emit_jump(Opcode::Jump, start);
        self.pop_fblock();
        self.u().handler_stack = outer;
        self.bind(except);
        self.emit(Opcode::EndAsyncFor, 0);
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}
