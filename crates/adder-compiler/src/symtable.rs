//! Symbol tables: which scope every name of every block lives in.
//!
//! Invariant: after `build`, every scope (module, class, function, lambda,
//! comprehension) is in `SymbolTable::scopes`, keyed by the address of its AST
//! node in `by_node`, and every name used or bound in it has resolved to one
//! of `NameScope`'s kinds by CPython 3.11's rules (symtable.c's
//! `analyze_block`): class scopes are invisible to nested functions, a local
//! captured by an inner scope becomes a cell, `__class__` is provided by the
//! class body to methods that use `super` or `__class__`, and a walrus inside
//! a comprehension binds in the nearest enclosing function or module. Names
//! are stored mangled (`__x` in class `C` -> `_C__x`).

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Expr, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::errors::{recursion_error, CompileError, ErrorKind};
use crate::source::Source;
use crate::Mode;

pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_FREE_CLASS: u32 = 32;
pub const DEF_IMPORT: u32 = 64;
pub const DEF_ANNOT: u32 = 128;
pub const DEF_COMP_ITER: u32 = 256;
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/// Maximum depth of the compiler's recursion over the AST.
pub const MAX_DEPTH: u32 = 2900;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Comprehension,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    Local,
    Cell,
    Free,
    GlobalImplicit,
    GlobalExplicit,
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub flags: u32,
    pub scope: NameScope,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub symbols: HashMap<String, Symbol>,
    /// Definition order of the symbols.
    pub order: Vec<String>,
    /// Parameter names in `varnames` order.
    pub params: Vec<String>,
    pub children: Vec<usize>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub needs_class_closure: bool,
    /// Nested in a function-like scope (CO_NESTED).
    pub nested: bool,
    /// The kind of comprehension, for messages.
    pub comp_name: &'static str,
    /// Where each global/nonlocal directive was.
    directives: HashMap<String, TextRange>,
    pub returns_value: bool,
}

impl Scope {
    fn new(kind: ScopeKind) -> Self {
        Scope {
            kind,
            symbols: HashMap::new(),
            order: Vec::new(),
            params: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            needs_class_closure: false,
            nested: false,
            comp_name: "",
            directives: HashMap::new(),
            returns_value: false,
        }
    }

    pub fn flags(&self, name: &str) -> u32 {
        self.symbols.get(name).map_or(0, |s| s.flags)
    }

    pub fn scope_of(&self, name: &str) -> Option<NameScope> {
        self.symbols.get(name).map(|s| s.scope)
    }

    pub fn is_function_like(&self) -> bool {
        matches!(self.kind, ScopeKind::Function | ScopeKind::Comprehension)
    }
}

pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    pub future_annotations: bool,
}

impl SymbolTable {
    /// The scope created for the AST node at `node` (its address).
    pub fn scope_for<T>(&self, node: &T) -> Option<usize> {
        self.by_node.get(&(node as *const T as usize)).copied()
    }

    pub fn scope_by_key(&self, key: usize) -> Option<&usize> {
        self.by_node.get(&key)
    }
}

/// `_Py_Mangle`: `__x` inside class `C` becomes `_C__x`.
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> std::borrow::Cow<'n, str> {
    use std::borrow::Cow;
    let Some(class) = private else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{stripped}{name}"))
}

struct Builder<'s, 'src> {
    src: &'s Source<'src>,
    scopes: Vec<Scope>,
    stack: Vec<usize>,
    by_node: HashMap<usize, usize>,
    private: Vec<Option<String>>,
    depth: u32,
    comp_iter_expr: u32,
    comp_iter_target: bool,
    future_annotations: bool,
}

type R<T = ()> = Result<T, CompileError>;

pub fn build(src: &Source, module: &ast::Mod, mode: Mode) -> R<SymbolTable> {
    let _ = mode;
    let mut b = Builder {
        src,
        scopes: vec![Scope::new(ScopeKind::Module)],
        stack: vec![0],
        by_node: HashMap::new(),
        private: vec![None],
        depth: 0,
        comp_iter_expr: 0,
        comp_iter_target: false,
        future_annotations: false,
    };
    match module {
        ast::Mod::Module(m) => {
            b.check_future(&m.body)?;
            for s in &m.body {
                b.stmt(s)?;
            }
        }
        ast::Mod::Expression(e) => b.expr(&e.body)?,
    }
    let mut t = SymbolTable {
        scopes: b.scopes,
        by_node: b.by_node,
        future_annotations: b.future_annotations,
    };
    analyze(src, &mut t)?;
    Ok(t)
}

const FUTURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

impl<'s, 'src> Builder<'s, 'src> {
    fn err(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        self.src.error(
            ErrorKind::SyntaxError,
            msg,
            range.start().to_u32(),
            range.end().to_u32(),
        )
    }

    fn cur(&mut self) -> &mut Scope {
        let i = *self.stack.last().unwrap_or(&0);
        &mut self.scopes[i]
    }

    fn cur_idx(&self) -> usize {
        *self.stack.last().unwrap_or(&0)
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.private.last().and_then(|p| p.as_deref()), name).into_owned()
    }

    fn check_future(&mut self, body: &[Stmt]) -> R {
        let mut allowed = true;
        for (i, s) in body.iter().enumerate() {
            match s {
                Stmt::ImportFrom(imp)
                    if imp.module.as_deref() == Some("__future__") && imp.level == 0 =>
                {
                    if !allowed {
                        return Err(self.err(
                            "from __future__ imports must occur at the beginning of the file",
                            s.range(),
                        ));
                    }
                    for a in &imp.names {
                        let n = a.name.as_str();
                        if n == "braces" {
                            return Err(self.err("not a chance", s.range()));
                        }
                        if !FUTURES.contains(&n) {
                            return Err(
                                self.err(format!("future feature {n} is not defined"), s.range())
                            );
                        }
                        if n == "annotations" {
                            self.future_annotations = true;
                        }
                    }
                }
                Stmt::Expr(e) if i == 0 && matches!(*e.value, Expr::StringLiteral(_)) => {}
                _ => allowed = false,
            }
        }
        Ok(())
    }

    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> R {
        let name = self.mangled(name);
        self.add_def_raw(name, flag, range, self.cur_idx())
    }

    fn add_def_raw(&mut self, name: String, flag: u32, range: TextRange, scope: usize) -> R {
        let sc = &mut self.scopes[scope];
        if let Some(sym) = sc.symbols.get_mut(&name) {
            if flag & DEF_PARAM != 0 && sym.flags & DEF_PARAM != 0 {
                return Err(self.err(
                    format!("duplicate argument '{name}' in function definition"),
                    range,
                ));
            }
            sym.flags |= flag;
        } else {
            if flag & DEF_PARAM != 0 {
                sc.params.push(name.clone());
            }
            sc.order.push(name.clone());
            sc.symbols.insert(
                name,
                Symbol {
                    flags: flag,
                    scope: NameScope::GlobalImplicit,
                },
            );
        }
        Ok(())
    }

    fn enter(&mut self, kind: ScopeKind, key: usize) -> usize {
        let parent = self.cur_idx();
        let idx = self.scopes.len();
        let mut s = Scope::new(kind);
        let pk = self.scopes[parent].kind;
        s.nested = matches!(pk, ScopeKind::Function | ScopeKind::Comprehension)
            || self.scopes[parent].nested;
        self.scopes.push(s);
        self.scopes[parent].children.push(idx);
        self.by_node.insert(key, idx);
        self.stack.push(idx);
        idx
    }

    fn leave(&mut self) {
        self.stack.pop();
    }

    fn deeper(&mut self, at: TextRange) -> R {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(recursion_error(self.src, at.start().to_u32()));
        }
        Ok(())
    }

    fn body(&mut self, body: &[Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn annotation(&mut self, e: &Expr) -> R {
        if self.future_annotations {
            return Ok(());
        }
        self.expr(e)
    }

    fn params(&mut self, p: &ast::Parameters) -> R {
        for a in p.posonlyargs.iter().chain(&p.args) {
            self.add_def(&a.parameter.name, DEF_PARAM, a.parameter.name.range)?;
        }
        for a in &p.kwonlyargs {
            self.add_def(&a.parameter.name, DEF_PARAM, a.parameter.name.range)?;
        }
        if let Some(v) = &p.vararg {
            self.add_def(&v.name, DEF_PARAM, v.name.range)?;
        }
        if let Some(v) = &p.kwarg {
            self.add_def(&v.name, DEF_PARAM, v.name.range)?;
        }
        Ok(())
    }

    fn param_defaults_and_annotations(&mut self, p: &ast::Parameters, annotations: bool) -> R {
        for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        if annotations {
            for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
                if let Some(an) = &a.parameter.annotation {
                    self.annotation(an)?;
                }
            }
            for v in p.vararg.iter().chain(&p.kwarg) {
                if let Some(an) = &v.annotation {
                    self.annotation(an)?;
                }
            }
        }
        Ok(())
    }

    fn directive(&mut self, name: &str, range: TextRange) {
        let n = self.mangled(name);
        self.cur().directives.entry(n).or_insert(range);
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        self.deeper(s.range())?;
        let r = self.stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, s: &Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => {
                self.add_def(&f.name, DEF_LOCAL, f.name.range)?;
                self.param_defaults_and_annotations(&f.parameters, true)?;
                if let Some(r) = &f.returns {
                    self.annotation(r)?;
                }
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.enter(ScopeKind::Function, f as *const _ as usize);
                if f.is_async {
                    self.cur().is_coroutine = true;
                }
                self.params(&f.parameters)?;
                self.body(&f.body)?;
                self.leave();
            }
            Stmt::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, c.name.range)?;
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.expr(&k.value)?;
                    }
                }
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.enter(ScopeKind::Class, c as *const _ as usize);
                self.private.push(Some(c.name.to_string()));
                self.body(&c.body)?;
                self.private.pop();
                self.leave();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                    self.cur().returns_value = true;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.expr(t)?;
                }
            }
            Stmt::TypeAlias(t) => return Err(self.err("invalid syntax", t.range)),
            Stmt::Assign(a) => {
                for t in &a.targets {
                    self.expr(t)?;
                }
                self.expr(&a.value)?;
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.target)?;
                self.expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let cur = self.cur_idx();
                    let flags = self.scopes[cur].flags(&self.mangled(&n.id));
                    if flags & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && a.simple && cur != 0 {
                        let which = if flags & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(self.err(
                            format!("annotated name '{}' can't be {which}", n.id),
                            n.range,
                        ));
                    }
                    if a.simple {
                        self.add_def(&n.id, DEF_ANNOT | DEF_LOCAL, n.range)?;
                    } else if a.value.is_some() {
                        self.add_def(&n.id, DEF_LOCAL, n.range)?;
                    }
                } else {
                    self.expr(&a.target)?;
                }
                self.annotation(&a.annotation)?;
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
            }
            Stmt::For(f) => {
                self.expr(&f.target)?;
                self.expr(&f.iter)?;
                self.body(&f.body)?;
                self.body(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.body(&w.body)?;
                self.body(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.body(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t)?;
                    }
                    self.body(&c.body)?;
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.body(&w.body)?;
            }
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for c in &m.cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.body(&c.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.body(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, n.range)?;
                    }
                    self.body(&h.body)?;
                }
                self.body(&t.orelse)?;
                self.body(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let bind = match &a.asname {
                        Some(n) => n.as_str(),
                        None => a.name.split('.').next().unwrap_or(""),
                    };
                    self.add_def(bind, DEF_IMPORT, a.range)?;
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        if self.cur_idx() != 0 {
                            return Err(
                                self.err("import * only allowed at module level", a.range())
                            );
                        }
                        continue;
                    }
                    let bind = a.asname.as_ref().unwrap_or(&a.name);
                    self.add_def(bind, DEF_IMPORT, a.range)?;
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let m = self.mangled(n);
                    let cur = self.cur_idx();
                    let flags = self.scopes[cur].flags(&m);
                    if flags & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if flags & DEF_PARAM != 0 {
                            format!("name '{n}' is parameter and global")
                        } else if flags & USE != 0 {
                            format!("name '{n}' is used prior to global declaration")
                        } else if flags & DEF_ANNOT != 0 {
                            format!("annotated name '{n}' can't be global")
                        } else {
                            format!("name '{n}' is assigned to before global declaration")
                        };
                        return Err(self.err(msg, s.range()));
                    }
                    self.add_def(n, DEF_GLOBAL, n.range)?;
                    self.directive(n, s.range());
                }
            }
            Stmt::Nonlocal(g) => {
                for n in &g.names {
                    let m = self.mangled(n);
                    let cur = self.cur_idx();
                    let flags = self.scopes[cur].flags(&m);
                    if flags & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if flags & DEF_PARAM != 0 {
                            format!("name '{n}' is parameter and nonlocal")
                        } else if flags & USE != 0 {
                            format!("name '{n}' is used prior to nonlocal declaration")
                        } else if flags & DEF_ANNOT != 0 {
                            format!("annotated name '{n}' can't be nonlocal")
                        } else {
                            format!("name '{n}' is assigned to before nonlocal declaration")
                        };
                        return Err(self.err(msg, s.range()));
                    }
                    self.add_def(n, DEF_NONLOCAL, n.range)?;
                    self.directive(n, s.range());
                }
            }
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::IpyEscapeCommand(c) => return Err(self.err("invalid syntax", c.range)),
        }
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern) -> R {
        self.deeper(p.range())?;
        match p {
            Pattern::MatchValue(v) => self.expr(&v.value)?,
            Pattern::MatchSingleton(_) => {}
            Pattern::MatchSequence(s) => {
                for q in &s.patterns {
                    self.pattern(q)?;
                }
            }
            Pattern::MatchMapping(m) => {
                for k in &m.keys {
                    self.expr(k)?;
                }
                for q in &m.patterns {
                    self.pattern(q)?;
                }
                if let Some(r) = &m.rest {
                    self.add_def(r, DEF_LOCAL, r.range)?;
                }
            }
            Pattern::MatchClass(c) => {
                self.expr(&c.cls)?;
                for q in &c.arguments.patterns {
                    self.pattern(q)?;
                }
                for k in &c.arguments.keywords {
                    self.pattern(&k.pattern)?;
                }
            }
            Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.add_def(n, DEF_LOCAL, n.range)?;
                }
            }
            Pattern::MatchAs(a) => {
                if let Some(q) = &a.pattern {
                    self.pattern(q)?;
                }
                if let Some(n) = &a.name {
                    self.add_def(n, DEF_LOCAL, n.range)?;
                }
            }
            Pattern::MatchOr(o) => {
                for q in &o.patterns {
                    self.pattern(q)?;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> R {
        self.deeper(e.range())?;
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> R {
        match e {
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.expr(v)?;
                }
            }
            Expr::Named(n) => {
                if self.comp_iter_expr > 0 {
                    return Err(self.err("assignment expression cannot be used in a comprehension iterable expression", n.range));
                }
                if let Expr::Name(t) = &*n.target {
                    if self.scopes[self.cur_idx()].kind == ScopeKind::Comprehension {
                        self.extend_namedexpr_scope(t)?;
                    } else {
                        self.expr(&n.target)?;
                    }
                } else {
                    self.expr(&n.target)?;
                }
                self.expr(&n.value)?;
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.param_defaults_and_annotations(p, false)?;
                }
                self.enter(ScopeKind::Function, l as *const _ as usize);
                if let Some(p) = &l.parameters {
                    self.params(p)?;
                }
                self.expr(&l.body)?;
                self.leave();
            }
            Expr::If(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.expr(k)?;
                    }
                    self.expr(&item.value)?;
                }
            }
            Expr::Set(s) => {
                for x in &s.elts {
                    self.expr(x)?;
                }
            }
            Expr::ListComp(c) => self.comprehension(
                c as *const _ as usize,
                &c.generators,
                &c.elt,
                None,
                "list comprehension",
            )?,
            Expr::SetComp(c) => self.comprehension(
                c as *const _ as usize,
                &c.generators,
                &c.elt,
                None,
                "set comprehension",
            )?,
            Expr::DictComp(c) => {
                let key = c.key.as_deref();
                match key {
                    Some(k) => self.comprehension(
                        c as *const _ as usize,
                        &c.generators,
                        k,
                        Some(&c.value),
                        "dict comprehension",
                    )?,
                    None => return Err(self.err("invalid syntax", c.range)),
                }
            }
            Expr::Generator(c) => self.comprehension(
                c as *const _ as usize,
                &c.generators,
                &c.elt,
                None,
                "generator expression",
            )?,
            Expr::Await(a) => {
                let cur = self.cur_idx();
                if self.scopes[cur].kind == ScopeKind::Comprehension {
                    self.scopes[cur].is_coroutine = true;
                }
                self.expr(&a.value)?;
            }
            Expr::Yield(y) => {
                self.yield_check(y.range)?;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                self.yield_check(y.range)?;
                self.expr(&y.value)?;
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                for x in c.comparators.iter() {
                    self.expr(x)?;
                }
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                for a in c.arguments.args.iter() {
                    self.expr(a)?;
                }
                for k in c.arguments.keywords.iter() {
                    self.expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.fstring_elements(&fs.elements)?;
                    }
                }
            }
            Expr::TString(t) => return Err(self.err("invalid syntax", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
            Expr::Attribute(a) => self.expr(&a.value)?,
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Expr::Starred(s) => self.expr(&s.value)?,
            Expr::Name(n) => {
                let flag = match n.ctx {
                    ast::ExprContext::Load => USE,
                    _ => DEF_LOCAL,
                };
                let mut flag = flag;
                if self.comp_iter_target && flag == DEF_LOCAL {
                    // An iteration variable may not rebind a name that an
                    // assignment expression in this comprehension targets.
                    let name = self.mangled(&n.id);
                    if self.scopes[self.cur_idx()].flags(&name) & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                        return Err(self.err(
                            format!(
                                "comprehension inner loop cannot rebind assignment expression target '{}'",
                                n.id
                            ),
                            n.range,
                        ));
                    }
                    flag |= DEF_COMP_ITER;
                }
                self.add_def(&n.id, flag, n.range)?;
                let cur = self.cur_idx();
                if n.ctx == ast::ExprContext::Load
                    && self.scopes[cur].is_function_like()
                    && n.id.as_str() == "super"
                {
                    self.add_def_raw("__class__".to_string(), USE, n.range, cur)?;
                }
            }
            Expr::List(l) => {
                for x in &l.elts {
                    self.expr(x)?;
                }
            }
            Expr::Tuple(t) => {
                for x in &t.elts {
                    self.expr(x)?;
                }
            }
            Expr::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
            Expr::IpyEscapeCommand(c) => return Err(self.err("invalid syntax", c.range)),
        }
        Ok(())
    }

    fn fstring_elements(&mut self, elements: &ast::InterpolatedStringElements) -> R {
        for el in elements.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.fstring_elements(&spec.elements)?;
                }
            }
        }
        Ok(())
    }

    fn yield_check(&mut self, range: TextRange) -> R {
        let cur = self.cur_idx();
        let sc = &self.scopes[cur];
        match sc.kind {
            ScopeKind::Module | ScopeKind::Class => {
                Err(self.err("'yield' outside function", range))
            }
            ScopeKind::Comprehension => {
                Err(self.err(format!("'yield' inside {}", sc.comp_name), range))
            }
            ScopeKind::Function => {
                self.scopes[cur].is_generator = true;
                Ok(())
            }
        }
    }

    fn extend_namedexpr_scope(&mut self, target: &ast::ExprName) -> R {
        let name = self.mangled(&target.id);
        for i in (0..self.stack.len()).rev() {
            let si = self.stack[i];
            let kind = self.scopes[si].kind;
            match kind {
                ScopeKind::Comprehension => {
                    if self.scopes[si].flags(&name) & DEF_COMP_ITER != 0 {
                        return Err(self.err(
                            format!("assignment expression cannot rebind comprehension iteration variable '{}'", target.id),
                            target.range,
                        ));
                    }
                }
                ScopeKind::Function => {
                    let flags = self.scopes[si].flags(&name);
                    let cur = self.cur_idx();
                    let f = if flags & DEF_GLOBAL != 0 {
                        DEF_GLOBAL
                    } else {
                        DEF_NONLOCAL
                    };
                    self.add_def_raw(name.clone(), f, target.range, cur)?;
                    self.scopes[cur]
                        .directives
                        .entry(name.clone())
                        .or_insert(target.range);
                    return self.add_def_raw(name, DEF_LOCAL, target.range, si);
                }
                ScopeKind::Module => {
                    let cur = self.cur_idx();
                    self.add_def_raw(name.clone(), DEF_GLOBAL, target.range, cur)?;
                    self.scopes[cur]
                        .directives
                        .entry(name.clone())
                        .or_insert(target.range);
                    return self.add_def_raw(name, DEF_GLOBAL, target.range, si);
                }
                ScopeKind::Class => {
                    return Err(self.err("assignment expression within a comprehension cannot be used in a class body", target.range));
                }
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        key: usize,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
        comp_name: &'static str,
    ) -> R {
        let Some(first) = generators.first() else {
            return Ok(());
        };
        self.comp_iter_expr += 1;
        self.expr(&first.iter)?;
        self.comp_iter_expr -= 1;
        let idx = self.enter(ScopeKind::Comprehension, key);
        self.scopes[idx].comp_name = comp_name;
        if comp_name == "generator expression" {
            self.scopes[idx].is_generator = true;
        }
        if generators.iter().any(|g| g.is_async) {
            self.scopes[idx].is_coroutine = true;
        }
        self.add_def_raw(".0".to_string(), DEF_PARAM, first.range, idx)?;
        // The comprehension's scope inherits the iterable-expression count:
        // inside `[x for x in [(y := 1) for y in z]]` the walrus is still
        // in an iterable expression (CPython's `ste_comp_iter_expr`).
        for (i, g) in generators.iter().enumerate() {
            self.comp_iter_target = true;
            let r = self.expr(&g.target);
            self.comp_iter_target = false;
            r?;
            if i > 0 {
                self.comp_iter_expr += 1;
                self.expr(&g.iter)?;
                self.comp_iter_expr -= 1;
            }
            for c in &g.ifs {
                self.expr(c)?;
            }
        }
        if let Some(v) = value {
            self.expr(elt)?;
            self.expr(v)?;
        } else {
            self.expr(elt)?;
        }
        self.leave();
        Ok(())
    }
}

/// Resolves every scope's names (CPython's `analyze_block`).
fn analyze(src: &Source, t: &mut SymbolTable) -> R {
    let mut free = HashSet::new();
    analyze_block(src, t, 0, None, &mut free, &HashSet::new())
}

fn analyze_block(
    src: &Source,
    t: &mut SymbolTable,
    idx: usize,
    bound: Option<&HashSet<String>>,
    free: &mut HashSet<String>,
    global: &HashSet<String>,
) -> R {
    let kind = t.scopes[idx].kind;
    let mut local: HashSet<String> = HashSet::new();
    let mut newglobal: HashSet<String> = HashSet::new();
    let mut newbound: HashSet<String> = HashSet::new();
    let mut newfree: HashSet<String> = HashSet::new();
    let mut global = global.clone();
    if kind == ScopeKind::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
    }
    let order = std::mem::take(&mut t.scopes[idx].order);
    for name in &order {
        let flags = t.scopes[idx].flags(name);
        let scope = if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                let r = t.scopes[idx]
                    .directives
                    .get(name)
                    .copied()
                    .unwrap_or_default();
                return Err(src.error(
                    ErrorKind::SyntaxError,
                    format!("name '{name}' is nonlocal and global"),
                    r.start().to_u32(),
                    r.end().to_u32(),
                ));
            }
            global.insert(name.clone());
            NameScope::GlobalExplicit
        } else if flags & DEF_NONLOCAL != 0 {
            let r = t.scopes[idx]
                .directives
                .get(name)
                .copied()
                .unwrap_or_default();
            let Some(b) = bound else {
                return Err(src.error(
                    ErrorKind::SyntaxError,
                    "nonlocal declaration not allowed at module level",
                    r.start().to_u32(),
                    r.end().to_u32(),
                ));
            };
            if !b.contains(name) {
                return Err(src.error(
                    ErrorKind::SyntaxError,
                    format!("no binding for nonlocal '{name}' found"),
                    r.start().to_u32(),
                    r.end().to_u32(),
                ));
            }
            free.insert(name.clone());
            NameScope::Free
        } else if flags & DEF_BOUND != 0 {
            local.insert(name.clone());
            global.remove(name);
            NameScope::Local
        } else if bound.is_some_and(|b| b.contains(name)) {
            free.insert(name.clone());
            NameScope::Free
        } else {
            NameScope::GlobalImplicit
        };
        if let Some(s) = t.scopes[idx].symbols.get_mut(name) {
            s.scope = scope;
        }
    }
    t.scopes[idx].order = order;
    if kind != ScopeKind::Class {
        if kind != ScopeKind::Module {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".to_string());
    }
    let children = t.scopes[idx].children.clone();
    for c in children {
        let mut child_free = HashSet::new();
        analyze_block(src, t, c, Some(&newbound), &mut child_free, &newglobal)?;
        newfree.extend(child_free);
    }
    if kind != ScopeKind::Class && kind != ScopeKind::Module {
        // Locals captured by children become cells.
        let sc = &mut t.scopes[idx];
        for name in sc.order.iter() {
            if let Some(s) = sc.symbols.get_mut(name) {
                if s.scope == NameScope::Local && newfree.remove(name) {
                    s.scope = NameScope::Cell;
                }
            }
        }
    } else if kind == ScopeKind::Class && newfree.remove("__class__") {
        t.scopes[idx].needs_class_closure = true;
    }
    // Free variables of children that pass through this scope.
    let is_class = kind == ScopeKind::Class;
    let sc = &mut t.scopes[idx];
    let mut passing: Vec<&String> = newfree.iter().collect();
    passing.sort();
    for name in passing {
        if let Some(s) = sc.symbols.get_mut(name) {
            if is_class && s.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                s.flags |= DEF_FREE_CLASS;
            }
            continue;
        }
        if !bound.is_some_and(|b| b.contains(name)) {
            continue;
        }
        sc.order.push(name.clone());
        sc.symbols.insert(
            name.clone(),
            Symbol {
                flags: DEF_FREE_CLASS,
                scope: NameScope::Free,
            },
        );
    }
    free.extend(newfree);
    Ok(())
}
