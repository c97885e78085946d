//! Source to node objects: ruff's tree, as parsed, becomes a tree of `_ast`
//! instances with CPython 3.11's shapes and positions.
//!
//! Invariant: every node gets its fields in `_fields` order and then its
//! attributes, as CPython's `ast2obj` sets them (so `vars(node)` and
//! `ast.dump` agree); positions are 1-based lines and UTF-8 byte columns
//! of the source text; nesting deeper than `MAX_DEPTH` raises RecursionError
//! instead of exhausting the Rust stack.

mod expr;

use adder_object::Value;
use adder_vm::{PyResult, Vm};
use ruff_python_ast::{self as ast, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::lines::{LineIndex, Pos};
use crate::node_table::k;
use crate::nodes::{def, Kinds};

/// Deepest node nesting converted before RecursionError.
const MAX_DEPTH: u32 = 3000;

pub(crate) struct ToPy<'a> {
    pub vm: &'a mut Vm,
    pub k: &'a Kinds,
    pub lines: LineIndex,
    pub src: &'a str,
    depth: u32,
}

impl<'a> ToPy<'a> {
    pub fn new(vm: &'a mut Vm, k: &'a Kinds, src: &'a str) -> ToPy<'a> {
        ToPy {
            vm,
            k,
            lines: LineIndex::new(src),
            src,
            depth: 0,
        }
    }

    pub fn pos(&self, r: TextRange) -> Pos {
        let (l, c) = self.lines.at(r.start());
        let (el, ec) = self.lines.at(r.end());
        Pos(l, c, el, ec)
    }

    fn enter(&mut self) -> PyResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.vm.new_exception_msg(
                &self.vm.t.recursion_error,
                "maximum recursion depth exceeded during ast construction",
            ));
        }
        self.vm.check_stack()
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// A node of class `kind` with field values `vals` (in `_fields` order)
    /// and, when given, its position attributes.
    pub fn node(&mut self, kind: usize, vals: Vec<Value>, pos: Option<Pos>) -> PyResult {
        let obj = self.vm.alloc_instance(&self.k.classes[kind]);
        for ((name, _), v) in def(kind).fields.iter().zip(vals) {
            let n = self.vm.intern(name);
            self.vm.setattr(&obj, &n, v)?;
        }
        if let Some(Pos(l, c, el, ec)) = pos {
            for (name, v) in [
                ("lineno", l),
                ("col_offset", c),
                ("end_lineno", el),
                ("end_col_offset", ec),
            ] {
                let n = self.vm.intern(name);
                let v = self.vm.new_int(v);
                self.vm.setattr(&obj, &n, v)?;
            }
        }
        Ok(obj)
    }

    /// A node positioned at `r`.
    pub fn node_at(&mut self, kind: usize, vals: Vec<Value>, r: TextRange) -> PyResult {
        let p = self.pos(r);
        self.node(kind, vals, Some(p))
    }

    pub fn singleton(&self, kind: usize) -> Value {
        self.k.singletons[kind].clone()
    }

    pub fn str(&mut self, s: &str) -> Value {
        self.vm.new_str(s)
    }

    pub fn ident(&mut self, id: &ast::Identifier) -> Value {
        self.vm.new_str(id.as_str())
    }

    pub fn opt_ident(&mut self, id: Option<&ast::Identifier>) -> Value {
        match id {
            Some(i) => self.ident(i),
            None => Value::NONE,
        }
    }

    pub fn list(&self, items: Vec<Value>) -> Value {
        self.vm.new_list(items)
    }

    pub fn empty_list(&self) -> Value {
        self.vm.new_list(Vec::new())
    }

    // ---- modules ----

    pub fn module(&mut self, m: &ast::Mod, interactive: bool) -> PyResult {
        match m {
            ast::Mod::Module(m) => {
                let body = self.stmts(&m.body)?;
                if interactive {
                    self.node(k::Interactive, vec![body], None)
                } else {
                    let ti = self.empty_list();
                    self.node(k::Module, vec![body, ti], None)
                }
            }
            ast::Mod::Expression(e) => {
                let body = self.expr(&e.body)?;
                self.node(k::Expression, vec![body], None)
            }
        }
    }

    // ---- statements ----

    pub fn stmts(&mut self, body: &[Stmt]) -> PyResult {
        let mut v = Vec::with_capacity(body.len());
        for s in body {
            v.push(self.stmt(s)?);
        }
        Ok(self.list(v))
    }

    fn stmt(&mut self, s: &Stmt) -> PyResult {
        self.enter()?;
        let r = self.stmt_inner(s);
        self.leave();
        r
    }

    /// Where a decorated definition's keyword (`def`, `async`, `class`)
    /// starts: CPython positions the statement there, not at the first `@`.
    fn def_start(&self, range: TextRange, decorators: &[ast::Decorator]) -> TextRange {
        let Some(last) = decorators.last() else {
            return range;
        };
        let b = self.src.as_bytes();
        let mut i = last.range.end().to_usize();
        while i < b.len() {
            match b[i] {
                b' ' | b'\t' | b'\x0c' | b'\r' | b'\n' => i += 1,
                b'\\' => i += 1,
                b'#' => {
                    while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                        i += 1;
                    }
                }
                _ => break,
            }
        }
        let start = TextSize::new(i as u32).min(range.end());
        TextRange::new(start, range.end())
    }

    /// The end of a compound statement (or handler) whose block ends at
    /// `end`: CPython's includes a `;` that ends the block's last line.
    fn block_end(&self, end: TextSize) -> TextSize {
        let b = self.src.as_bytes();
        let mut i = end.to_usize();
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\x0c') {
            i += 1;
        }
        if b.get(i) == Some(&b';') {
            TextSize::new(i as u32 + 1)
        } else {
            end
        }
    }

    fn stmt_inner(&mut self, s: &Stmt) -> PyResult {
        let mut r = s.range();
        if matches!(
            s,
            Stmt::FunctionDef(_)
                | Stmt::ClassDef(_)
                | Stmt::For(_)
                | Stmt::While(_)
                | Stmt::If(_)
                | Stmt::With(_)
                | Stmt::Match(_)
                | Stmt::Try(_)
        ) {
            r = TextRange::new(r.start(), self.block_end(r.end()));
        }
        match s {
            Stmt::FunctionDef(f) => {
                let name = self.ident(&f.name);
                let args = self.arguments(Some(&f.parameters))?;
                let body = self.stmts(&f.body)?;
                let decos = self.decorators(&f.decorator_list)?;
                let returns = self.opt_expr(f.returns.as_deref())?;
                let kind = if f.is_async {
                    k::AsyncFunctionDef
                } else {
                    k::FunctionDef
                };
                let at = self.def_start(r, &f.decorator_list);
                self.node_at(
                    kind,
                    vec![name, args, body, decos, returns, Value::NONE],
                    at,
                )
            }
            Stmt::ClassDef(c) => {
                let name = self.ident(&c.name);
                let (bases, keywords) = match &c.arguments {
                    Some(a) => (self.exprs(&a.args)?, self.keywords(&a.keywords)?),
                    None => (self.empty_list(), self.empty_list()),
                };
                let body = self.stmts(&c.body)?;
                let decos = self.decorators(&c.decorator_list)?;
                let at = self.def_start(r, &c.decorator_list);
                self.node_at(k::ClassDef, vec![name, bases, keywords, body, decos], at)
            }
            Stmt::Return(x) => {
                let v = self.opt_expr(x.value.as_deref())?;
                self.node_at(k::Return, vec![v], r)
            }
            Stmt::Delete(x) => {
                let t = self.exprs(&x.targets)?;
                self.node_at(k::Delete, vec![t], r)
            }
            Stmt::Assign(x) => {
                let t = self.exprs(&x.targets)?;
                let v = self.expr(&x.value)?;
                self.node_at(k::Assign, vec![t, v, Value::NONE], r)
            }
            Stmt::AugAssign(x) => {
                let t = self.expr(&x.target)?;
                let op = self.operator(x.op);
                let v = self.expr(&x.value)?;
                self.node_at(k::AugAssign, vec![t, op, v], r)
            }
            Stmt::AnnAssign(x) => {
                let t = self.expr(&x.target)?;
                let a = self.expr(&x.annotation)?;
                let v = self.opt_expr(x.value.as_deref())?;
                let simple = self.vm.new_int(i64::from(x.simple));
                self.node_at(k::AnnAssign, vec![t, a, v, simple], r)
            }
            Stmt::For(x) => {
                let t = self.expr(&x.target)?;
                let it = self.expr(&x.iter)?;
                let body = self.stmts(&x.body)?;
                let orelse = self.stmts(&x.orelse)?;
                let kind = if x.is_async { k::AsyncFor } else { k::For };
                self.node_at(kind, vec![t, it, body, orelse, Value::NONE], r)
            }
            Stmt::While(x) => {
                let t = self.expr(&x.test)?;
                let body = self.stmts(&x.body)?;
                let orelse = self.stmts(&x.orelse)?;
                self.node_at(k::While, vec![t, body, orelse], r)
            }
            Stmt::If(x) => self.if_stmt(x, r),
            Stmt::With(x) => {
                let mut items = Vec::with_capacity(x.items.len());
                for it in &x.items {
                    let c = self.expr(&it.context_expr)?;
                    let v = self.opt_expr(it.optional_vars.as_deref())?;
                    items.push(self.node(k::withitem, vec![c, v], None)?);
                }
                let items = self.list(items);
                let body = self.stmts(&x.body)?;
                let kind = if x.is_async { k::AsyncWith } else { k::With };
                self.node_at(kind, vec![items, body, Value::NONE], r)
            }
            Stmt::Match(x) => {
                let subject = self.expr(&x.subject)?;
                let mut cases = Vec::with_capacity(x.cases.len());
                for c in &x.cases {
                    let p = self.pattern(&c.pattern)?;
                    let g = self.opt_expr(c.guard.as_deref())?;
                    let body = self.stmts(&c.body)?;
                    cases.push(self.node(k::match_case, vec![p, g, body], None)?);
                }
                let cases = self.list(cases);
                self.node_at(k::Match, vec![subject, cases], r)
            }
            Stmt::Raise(x) => {
                let e = self.opt_expr(x.exc.as_deref())?;
                let c = self.opt_expr(x.cause.as_deref())?;
                self.node_at(k::Raise, vec![e, c], r)
            }
            Stmt::Try(x) => {
                let body = self.stmts(&x.body)?;
                let mut hs = Vec::with_capacity(x.handlers.len());
                for h in &x.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    let t = self.opt_expr(h.type_.as_deref())?;
                    let n = self.opt_ident(h.name.as_ref());
                    let b = self.stmts(&h.body)?;
                    let hr = TextRange::new(h.range.start(), self.block_end(h.range.end()));
                    hs.push(self.node_at(k::ExceptHandler, vec![t, n, b], hr)?);
                }
                let hs = self.list(hs);
                let orelse = self.stmts(&x.orelse)?;
                let fin = self.stmts(&x.finalbody)?;
                let kind = if x.is_star { k::TryStar } else { k::Try };
                self.node_at(kind, vec![body, hs, orelse, fin], r)
            }
            Stmt::Assert(x) => {
                let t = self.expr(&x.test)?;
                let m = self.opt_expr(x.msg.as_deref())?;
                self.node_at(k::Assert, vec![t, m], r)
            }
            Stmt::Import(x) => {
                let names = self.aliases(&x.names)?;
                self.node_at(k::Import, vec![names], r)
            }
            Stmt::ImportFrom(x) => {
                let m = self.opt_ident(x.module.as_ref());
                let names = self.aliases(&x.names)?;
                let level = self.vm.new_int(i64::from(x.level));
                self.node_at(k::ImportFrom, vec![m, names, level], r)
            }
            Stmt::Global(x) => {
                let names = x
                    .names
                    .iter()
                    .map(|n| self.vm.new_str(n.as_str()))
                    .collect();
                let names = self.list(names);
                self.node_at(k::Global, vec![names], r)
            }
            Stmt::Nonlocal(x) => {
                let names = x
                    .names
                    .iter()
                    .map(|n| self.vm.new_str(n.as_str()))
                    .collect();
                let names = self.list(names);
                self.node_at(k::Nonlocal, vec![names], r)
            }
            Stmt::Expr(x) => {
                let v = self.expr(&x.value)?;
                self.node_at(k::Expr, vec![v], r)
            }
            Stmt::Pass(_) => self.node_at(k::Pass, vec![], r),
            Stmt::Break(_) => self.node_at(k::Break, vec![], r),
            Stmt::Continue(_) => self.node_at(k::Continue, vec![], r),
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => {
                Err(self.vm.system_error("_ast: statement not in Python 3.11"))
            }
        }
    }

    /// `if`/`elif`/`else`: each `elif` is an `If` nested in the previous
    /// one's `orelse`, starting at its `elif` and ending where the chain does.
    fn if_stmt(&mut self, x: &ast::StmtIf, r: TextRange) -> PyResult {
        let end = r.end();
        let mut orelse = self.empty_list();
        for clause in x.elif_else_clauses.iter().rev() {
            match &clause.test {
                None => orelse = self.stmts(&clause.body)?,
                Some(t) => {
                    let test = self.expr(t)?;
                    let body = self.stmts(&clause.body)?;
                    let at = TextRange::new(clause.range.start(), end.max(clause.range.start()));
                    let node = self.node_at(k::If, vec![test, body, orelse], at)?;
                    orelse = self.list(vec![node]);
                }
            }
        }
        let test = self.expr(&x.test)?;
        let body = self.stmts(&x.body)?;
        self.node_at(k::If, vec![test, body, orelse], r)
    }

    fn aliases(&mut self, names: &[ast::Alias]) -> PyResult {
        let mut v = Vec::with_capacity(names.len());
        for a in names {
            let n = self.ident(&a.name);
            let asn = self.opt_ident(a.asname.as_ref());
            v.push(self.node_at(k::alias, vec![n, asn], a.range)?);
        }
        Ok(self.list(v))
    }

    fn decorators(&mut self, ds: &[ast::Decorator]) -> PyResult {
        let mut v = Vec::with_capacity(ds.len());
        for d in ds {
            v.push(self.expr(&d.expression)?);
        }
        Ok(self.list(v))
    }

    fn arg(&mut self, p: &ast::Parameter) -> PyResult {
        let name = self.ident(&p.name);
        let ann = self.opt_expr(p.annotation.as_deref())?;
        let r = TextRange::new(
            p.name.range.start(),
            p.range.end().max(p.name.range.start()),
        );
        self.node_at(k::arg, vec![name, ann, Value::NONE], r)
    }

    pub fn arguments(&mut self, p: Option<&ast::Parameters>) -> PyResult {
        let empty = ast::Parameters::default();
        let p = p.unwrap_or(&empty);
        let mut defaults = Vec::new();
        let mut posonly = Vec::with_capacity(p.posonlyargs.len());
        for a in &p.posonlyargs {
            posonly.push(self.arg(&a.parameter)?);
            if let Some(d) = &a.default {
                defaults.push(self.expr(d)?);
            }
        }
        let mut args = Vec::with_capacity(p.args.len());
        for a in &p.args {
            args.push(self.arg(&a.parameter)?);
            if let Some(d) = &a.default {
                defaults.push(self.expr(d)?);
            }
        }
        let vararg = match &p.vararg {
            Some(a) => self.arg(a)?,
            None => Value::NONE,
        };
        let mut kwonly = Vec::with_capacity(p.kwonlyargs.len());
        let mut kw_defaults = Vec::with_capacity(p.kwonlyargs.len());
        for a in &p.kwonlyargs {
            kwonly.push(self.arg(&a.parameter)?);
            kw_defaults.push(self.opt_expr(a.default.as_deref())?);
        }
        let kwarg = match &p.kwarg {
            Some(a) => self.arg(a)?,
            None => Value::NONE,
        };
        let vals = vec![
            self.list(posonly),
            self.list(args),
            vararg,
            self.list(kwonly),
            self.list(kw_defaults),
            kwarg,
            self.list(defaults),
        ];
        self.node(k::arguments, vals, None)
    }

    pub fn keywords(&mut self, kws: &[ast::Keyword]) -> PyResult {
        let mut v = Vec::with_capacity(kws.len());
        for kw in kws {
            let a = self.opt_ident(kw.arg.as_ref());
            let val = self.expr(&kw.value)?;
            v.push(self.node_at(k::keyword, vec![a, val], kw.range)?);
        }
        Ok(self.list(v))
    }
}
