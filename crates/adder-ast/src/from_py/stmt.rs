//! Statement nodes (and their helpers: arguments, handlers, aliases) to
//! ruff's tree, with CPython's statement checks.
//!
//! Invariant: see `from_py` — field reads follow `obj2ast`, checks follow
//! CPython's validator, and each statement's range covers its position
//! attributes (a decorated definition's starts at its first decorator, as
//! ruff's parser would have it).

use adder_object::Value;
use adder_vm::PyResult;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::{node_index, Ctx, FromPy};
use crate::node_table::k;

impl FromPy<'_> {
    /// A statement list field; `nonempty` names the owner for
    /// `empty body on T`.
    pub fn body(
        &mut self,
        obj: &Value,
        name: &str,
        owner: &str,
        nonempty: Option<&str>,
    ) -> PyResult<Vec<Stmt>> {
        let items = self.seq(obj, name, owner)?;
        if let Some(o) = nonempty {
            if items.is_empty() {
                return Err(self.vm.value_error(format!("empty {name} on {o}")));
            }
        }
        let mut v = Vec::with_capacity(items.len());
        for it in &items {
            if it.is_none() {
                return Err(self.vm.value_error("None disallowed in statement list"));
            }
            v.push(self.stmt(it)?);
        }
        Ok(v)
    }

    fn stmt(&mut self, obj: &Value) -> PyResult<Stmt> {
        self.enter("stmt")?;
        let r = self.stmt_inner(obj);
        self.leave();
        r
    }

    fn stmt_inner(&mut self, obj: &Value) -> PyResult<Stmt> {
        let pos = self.position(obj, "stmt")?;
        let Some(kind) = self.which(obj, k::FunctionDef..=k::Continue) else {
            return Err(self.expected("stmt", obj));
        };
        self.check_position(pos)?;
        let r = self.range(pos);
        let name = crate::nodes::def(kind).name;
        Ok(match kind {
            k::FunctionDef | k::AsyncFunctionDef => {
                let id = self.ident(obj, "name", name, r)?;
                let args = self.req(obj, "args", name)?;
                if args.is_none() {
                    return Err(self.required("args", name));
                }
                let body = self.body(obj, "body", name, Some(name))?;
                let parameters = self.arguments(&args, r)?;
                let decorators = self.decorators(obj, name)?;
                let returns = match self.opt(obj, "returns")? {
                    Some(v) => {
                        let e = self.expr(&v, Ctx::Load)?;
                        Some(self.annotation(&v, e)?)
                    }
                    None => None,
                };
                self.opt_string(obj, "type_comment")?;
                let range = with_decorators(r, &decorators);
                Stmt::FunctionDef(ast::StmtFunctionDef {
                    node_index: node_index(),
                    range,
                    is_async: kind == k::AsyncFunctionDef,
                    decorator_list: decorators.into(),
                    name: id,
                    type_params: None,
                    parameters: Box::new(parameters),
                    returns: returns.map(Box::new),
                    body: body.into(),
                })
            }
            k::ClassDef => {
                let id = self.ident(obj, "name", name, r)?;
                let bases = self.exprs(obj, "bases", name, Ctx::Load)?;
                let keywords = self.keywords(obj, "keywords", name)?;
                let body = self.body(obj, "body", name, Some(name))?;
                let decorators = self.decorators(obj, name)?;
                let range = with_decorators(r, &decorators);
                let arguments = if bases.is_empty() && keywords.is_empty() {
                    None
                } else {
                    Some(Box::new(ast::Arguments {
                        range: TextRange::new(id.range.end(), r.end().max(id.range.end())),
                        node_index: node_index(),
                        args: bases.into(),
                        keywords: keywords.into(),
                    }))
                };
                Stmt::ClassDef(ast::StmtClassDef {
                    node_index: node_index(),
                    range,
                    decorator_list: decorators.into(),
                    name: id,
                    type_params: None,
                    arguments,
                    body: body.into(),
                })
            }
            k::Return => {
                let value = self.opt_expr(obj, "value")?;
                Stmt::Return(ast::StmtReturn {
                    node_index: node_index(),
                    range: r,
                    value: value.map(Box::new),
                })
            }
            k::Delete => {
                let targets = self.targets(obj, name, Ctx::Del, "Delete")?;
                Stmt::Delete(ast::StmtDelete {
                    node_index: node_index(),
                    range: r,
                    targets,
                })
            }
            k::Assign => {
                let targets = self.targets(obj, name, Ctx::Store, "Assign")?;
                let value = self.req_expr(obj, "value", name, Ctx::Load)?;
                self.opt_string(obj, "type_comment")?;
                Stmt::Assign(ast::StmtAssign {
                    node_index: node_index(),
                    range: r,
                    targets,
                    value: Box::new(value),
                })
            }
            k::AugAssign => {
                let target = self.req_expr(obj, "target", name, Ctx::Store)?;
                let op = self.operator(obj, name)?;
                let value = self.req_expr(obj, "value", name, Ctx::Load)?;
                Stmt::AugAssign(ast::StmtAugAssign {
                    node_index: node_index(),
                    range: r,
                    target: Box::new(target),
                    op,
                    value: Box::new(value),
                })
            }
            k::AnnAssign => {
                let target = self.req_expr(obj, "target", name, Ctx::Store)?;
                let annotation = self.req_expr(obj, "annotation", name, Ctx::Load)?;
                let ann_obj = self.req(obj, "annotation", name)?;
                let annotation = self.annotation(&ann_obj, annotation)?;
                let value = self.opt_expr(obj, "value")?;
                let simple = self.req(obj, "simple", name)?;
                let simple = self.int(&simple)? != 0;
                if simple && !matches!(target, Expr::Name(_)) {
                    return Err(self.vm.type_error("AnnAssign with simple non-Name target"));
                }
                Stmt::AnnAssign(ast::StmtAnnAssign {
                    node_index: node_index(),
                    range: r,
                    target: Box::new(target),
                    annotation: Box::new(annotation),
                    value: value.map(Box::new),
                    simple,
                })
            }
            k::For | k::AsyncFor => {
                let target = self.req_expr(obj, "target", name, Ctx::Store)?;
                let iter = self.req_expr(obj, "iter", name, Ctx::Load)?;
                let body = self.body(obj, "body", name, Some(name))?;
                let orelse = self.body(obj, "orelse", name, None)?;
                self.opt_string(obj, "type_comment")?;
                Stmt::For(ast::StmtFor {
                    node_index: node_index(),
                    range: r,
                    is_async: kind == k::AsyncFor,
                    target: Box::new(target),
                    iter: Box::new(iter),
                    body: body.into(),
                    orelse: orelse.into(),
                })
            }
            k::While => {
                let test = self.req_expr(obj, "test", name, Ctx::Load)?;
                let body = self.body(obj, "body", name, Some(name))?;
                let orelse = self.body(obj, "orelse", name, None)?;
                Stmt::While(ast::StmtWhile {
                    node_index: node_index(),
                    range: r,
                    test: Box::new(test),
                    body: body.into(),
                    orelse: orelse.into(),
                })
            }
            k::If => {
                let test = self.req_expr(obj, "test", name, Ctx::Load)?;
                let body = self.body(obj, "body", name, Some(name))?;
                let orelse = self.body(obj, "orelse", name, None)?;
                let clauses = if orelse.is_empty() {
                    Vec::new()
                } else {
                    let start = orelse.first().map_or(r.end(), |s| s.range().start());
                    let end = orelse.last().map_or(r.end(), |s| s.range().end());
                    vec![ast::ElifElseClause {
                        range: TextRange::new(start, end.max(start)),
                        node_index: node_index(),
                        test: None,
                        body: orelse.into(),
                    }]
                };
                Stmt::If(ast::StmtIf {
                    node_index: node_index(),
                    range: r,
                    test: Box::new(test),
                    body: body.into(),
                    elif_else_clauses: clauses,
                })
            }
            k::With | k::AsyncWith => {
                let items = self.seq(obj, "items", name)?;
                if items.is_empty() {
                    return Err(self.vm.value_error(format!("empty items on {name}")));
                }
                let mut v = Vec::with_capacity(items.len());
                for it in &items {
                    v.push(self.withitem(it, r)?);
                }
                let body = self.body(obj, "body", name, Some(name))?;
                self.opt_string(obj, "type_comment")?;
                Stmt::With(ast::StmtWith {
                    node_index: node_index(),
                    range: r,
                    is_async: kind == k::AsyncWith,
                    items: v,
                    body: body.into(),
                })
            }
            k::Match => {
                let subject = self.req_expr(obj, "subject", name, Ctx::Load)?;
                let cases = self.seq(obj, "cases", name)?;
                if cases.is_empty() {
                    return Err(self.vm.value_error("empty cases on Match"));
                }
                let mut v = Vec::with_capacity(cases.len());
                for c in &cases {
                    v.push(self.match_case(c, r)?);
                }
                Stmt::Match(ast::StmtMatch {
                    node_index: node_index(),
                    range: r,
                    subject: Box::new(subject),
                    cases: v,
                })
            }
            k::Raise => {
                let exc = self.opt_expr(obj, "exc")?;
                let cause = self.opt_expr(obj, "cause")?;
                if exc.is_none() && cause.is_some() {
                    return Err(self.vm.value_error("Raise with cause but no exception"));
                }
                Stmt::Raise(ast::StmtRaise {
                    node_index: node_index(),
                    range: r,
                    exc: exc.map(Box::new),
                    cause: cause.map(Box::new),
                })
            }
            k::Try | k::TryStar => {
                let body = self.body(obj, "body", name, Some(name))?;
                let hs = self.seq(obj, "handlers", name)?;
                let orelse = self.body(obj, "orelse", name, None)?;
                let finalbody = self.body(obj, "finalbody", name, None)?;
                if hs.is_empty() && finalbody.is_empty() {
                    return Err(self
                        .vm
                        .value_error(format!("{name} has neither except handlers nor finalbody")));
                }
                if hs.is_empty() && !orelse.is_empty() {
                    return Err(self
                        .vm
                        .value_error(format!("{name} has orelse but no except handlers")));
                }
                let mut handlers = Vec::with_capacity(hs.len());
                for h in &hs {
                    handlers.push(self.handler(h)?);
                }
                Stmt::Try(ast::StmtTry {
                    node_index: node_index(),
                    range: r,
                    body: body.into(),
                    handlers,
                    orelse: orelse.into(),
                    finalbody: finalbody.into(),
                    is_star: kind == k::TryStar,
                })
            }
            k::Assert => {
                let test = self.req_expr(obj, "test", name, Ctx::Load)?;
                let msg = self.opt_expr(obj, "msg")?;
                Stmt::Assert(ast::StmtAssert {
                    node_index: node_index(),
                    range: r,
                    test: Box::new(test),
                    msg: msg.map(Box::new),
                })
            }
            k::Import => {
                let names = self.aliases(obj, name)?;
                if names.is_empty() {
                    return Err(self.vm.value_error("empty names on Import"));
                }
                Stmt::Import(ast::StmtImport {
                    node_index: node_index(),
                    range: r,
                    names,
                    is_lazy: false,
                })
            }
            k::ImportFrom => {
                let module = self.opt_ident(obj, "module", r)?;
                let names = self.aliases(obj, name)?;
                let level = match self.opt(obj, "level")? {
                    Some(v) => self.int(&v)?,
                    None => 0,
                };
                if level < 0 {
                    return Err(self.vm.value_error("Negative ImportFrom level"));
                }
                if names.is_empty() {
                    return Err(self.vm.value_error("empty names on ImportFrom"));
                }
                if module.as_ref().is_some_and(|m| m.as_str() == "__future__")
                    && names.iter().any(|a| a.name.as_str() == "annotations")
                {
                    self.future_annotations = true;
                }
                Stmt::ImportFrom(ast::StmtImportFrom {
                    node_index: node_index(),
                    range: r,
                    module,
                    names,
                    level: level as u32,
                    is_lazy: false,
                })
            }
            k::Global | k::Nonlocal => {
                let items = self.seq(obj, "names", name)?;
                if items.is_empty() {
                    return Err(self.vm.value_error(format!("empty names on {name}")));
                }
                let mut names = Vec::with_capacity(items.len());
                for it in &items {
                    match self.ident_value(it)? {
                        Some(s) => names.push(ast::Identifier::new(s.as_str(), r)),
                        None => return Err(self.required("names", name)),
                    }
                }
                if kind == k::Global {
                    Stmt::Global(ast::StmtGlobal {
                        node_index: node_index(),
                        range: r,
                        names,
                    })
                } else {
                    Stmt::Nonlocal(ast::StmtNonlocal {
                        node_index: node_index(),
                        range: r,
                        names,
                    })
                }
            }
            k::Expr => {
                let value = self.req_expr(obj, "value", name, Ctx::Load)?;
                Stmt::Expr(ast::StmtExpr {
                    node_index: node_index(),
                    range: r,
                    value: Box::new(value),
                })
            }
            k::Pass => Stmt::Pass(ast::StmtPass {
                node_index: node_index(),
                range: r,
            }),
            k::Break => Stmt::Break(ast::StmtBreak {
                node_index: node_index(),
                range: r,
            }),
            _ => Stmt::Continue(ast::StmtContinue {
                node_index: node_index(),
                range: r,
            }),
        })
    }

    fn targets(&mut self, obj: &Value, owner: &str, ctx: Ctx, what: &str) -> PyResult<Vec<Expr>> {
        let t = self.exprs(obj, "targets", owner, ctx)?;
        if t.is_empty() {
            return Err(self.vm.value_error(format!("empty targets on {what}")));
        }
        Ok(t)
    }

    fn decorators(&mut self, obj: &Value, owner: &str) -> PyResult<Vec<ast::Decorator>> {
        let ds = self.exprs(obj, "decorator_list", owner, Ctx::Load)?;
        // A parsed decorator's range starts at its `@`, just before the
        // expression (the compiler positions the definition there).
        Ok(ds
            .into_iter()
            .map(|e| {
                let r = e.range();
                let start = r.start().checked_sub(TextSize::new(1)).unwrap_or(r.start());
                let start = if self.layout.same_line(start, r.start()) {
                    start
                } else {
                    r.start()
                };
                ast::Decorator {
                    range: TextRange::new(start, r.end()),
                    node_index: node_index(),
                    expression: e,
                }
            })
            .collect())
    }

    fn withitem(&mut self, obj: &Value, r: TextRange) -> PyResult<ast::WithItem> {
        let ce = self.req(obj, "context_expr", "withitem")?;
        if ce.is_none() {
            return Err(self.required("context_expr", "withitem"));
        }
        let context_expr = self.expr(&ce, Ctx::Load)?;
        let optional_vars = match self.opt(obj, "optional_vars")? {
            Some(v) => Some(Box::new(self.expr(&v, Ctx::Store)?)),
            None => None,
        };
        let start = context_expr.range().start();
        let end = optional_vars
            .as_ref()
            .map_or(context_expr.range().end(), |v| v.range().end());
        let _ = r;
        Ok(ast::WithItem {
            range: TextRange::new(start, end.max(start)),
            node_index: node_index(),
            context_expr,
            optional_vars,
        })
    }

    fn handler(&mut self, obj: &Value) -> PyResult<ast::ExceptHandler> {
        let pos = self.position(obj, "excepthandler")?;
        if self
            .which(obj, k::ExceptHandler..=k::ExceptHandler)
            .is_none()
        {
            return Err(self.expected("excepthandler", obj));
        }
        self.check_position(pos)?;
        let r = self.range(pos);
        let type_ = self.opt_expr(obj, "type")?;
        let name = self.opt_ident(obj, "name", r)?;
        let body = self.body(obj, "body", "ExceptHandler", Some("ExceptHandler"))?;
        Ok(ast::ExceptHandler::ExceptHandler(
            ast::ExceptHandlerExceptHandler {
                range: r,
                node_index: node_index(),
                type_: type_.map(Box::new),
                name,
                body: body.into(),
            },
        ))
    }

    fn aliases(&mut self, obj: &Value, owner: &str) -> PyResult<Vec<ast::Alias>> {
        let items = self.seq(obj, "names", owner)?;
        let mut v = Vec::with_capacity(items.len());
        for a in &items {
            let pos = self.position(a, "alias")?;
            let r = self.range(pos);
            let name = self.ident(a, "name", "alias", r)?;
            let asname = self.opt_ident(a, "asname", r)?;
            v.push(ast::Alias {
                range: r,
                node_index: node_index(),
                name,
                asname,
            });
        }
        Ok(v)
    }

    fn arg(&mut self, obj: &Value) -> PyResult<ast::Parameter> {
        let pos = self.position(obj, "arg")?;
        self.check_position(pos)?;
        let r = self.range(pos);
        let name = self.ident(obj, "arg", "arg", r)?;
        let annotation = match self.opt(obj, "annotation")? {
            Some(v) => {
                let e = self.expr(&v, Ctx::Load)?;
                Some(self.annotation(&v, e)?)
            }
            None => None,
        };
        self.opt_string(obj, "type_comment")?;
        Ok(ast::Parameter {
            range: r,
            node_index: node_index(),
            name,
            annotation: annotation.map(Box::new),
        })
    }

    fn args(&mut self, obj: &Value, name: &str) -> PyResult<Vec<ast::Parameter>> {
        let items = self.seq(obj, name, "arguments")?;
        let mut v = Vec::with_capacity(items.len());
        for it in &items {
            if it.is_none() {
                return Err(self.required("arg", "arguments"));
            }
            v.push(self.arg(it)?);
        }
        Ok(v)
    }

    fn opt_arg(&mut self, obj: &Value, name: &str) -> PyResult<Option<Box<ast::Parameter>>> {
        match self.opt(obj, name)? {
            Some(a) => Ok(Some(Box::new(self.arg(&a)?))),
            None => Ok(None),
        }
    }

    /// An `arguments` node: defaults are right-aligned over the positional
    /// parameters, `kw_defaults` pair up with `kwonlyargs` (None = no default).
    pub fn arguments(&mut self, obj: &Value, r: TextRange) -> PyResult<ast::Parameters> {
        let posonly = self.args(obj, "posonlyargs")?;
        let args = self.args(obj, "args")?;
        let vararg = self.opt_arg(obj, "vararg")?;
        let kwonly = self.args(obj, "kwonlyargs")?;
        let kw_defaults = self.seq(obj, "kw_defaults", "arguments")?;
        let kwarg = self.opt_arg(obj, "kwarg")?;
        let defaults = self.exprs(obj, "defaults", "arguments", Ctx::Load)?;
        if defaults.len() > posonly.len() + args.len() {
            return Err(self
                .vm
                .value_error("more positional defaults than args on arguments"));
        }
        if kw_defaults.len() != kwonly.len() {
            return Err(self
                .vm
                .value_error("length of kwonlyargs is not the same as kw_defaults on arguments"));
        }
        let mut kwd = Vec::with_capacity(kw_defaults.len());
        for d in &kw_defaults {
            kwd.push(if d.is_none() {
                None
            } else {
                Some(self.expr(d, Ctx::Load)?)
            });
        }
        let npos = posonly.len() + args.len();
        let first_default = npos - defaults.len();
        let mut defaults = defaults.into_iter();
        let mut with_defaults = |i: usize, p: ast::Parameter| ast::ParameterWithDefault {
            range: p.range,
            node_index: node_index(),
            parameter: p,
            default: if i >= first_default {
                defaults.next().map(Box::new)
            } else {
                None
            },
        };
        let nposonly = posonly.len();
        let posonlyargs = posonly
            .into_iter()
            .enumerate()
            .map(|(i, p)| with_defaults(i, p))
            .collect::<Vec<_>>();
        let args = args
            .into_iter()
            .enumerate()
            .map(|(i, p)| with_defaults(nposonly + i, p))
            .collect::<Vec<_>>();
        let kwonlyargs = kwonly
            .into_iter()
            .zip(kwd)
            .map(|(p, d)| ast::ParameterWithDefault {
                range: p.range,
                node_index: node_index(),
                parameter: p,
                default: d.map(Box::new),
            })
            .collect::<Vec<_>>();
        Ok(ast::Parameters {
            range: r,
            node_index: node_index(),
            posonlyargs: posonlyargs.into(),
            args: args.into(),
            vararg,
            kwonlyargs: kwonlyargs.into(),
            kwarg,
        })
    }

    pub fn keywords(
        &mut self,
        obj: &Value,
        name: &str,
        owner: &str,
    ) -> PyResult<Vec<ast::Keyword>> {
        let items = self.seq(obj, name, owner)?;
        let mut v = Vec::with_capacity(items.len());
        for kw in &items {
            let pos = self.position(kw, "keyword")?;
            let r = self.range(pos);
            let arg = self.opt_ident(kw, "arg", r)?;
            let value = self.req_expr(kw, "value", "keyword", Ctx::Load)?;
            v.push(ast::Keyword {
                range: r,
                node_index: node_index(),
                arg,
                value,
            });
        }
        Ok(v)
    }
}

/// A decorated definition's range starts at its first decorator.
fn with_decorators(r: TextRange, decorators: &[ast::Decorator]) -> TextRange {
    match decorators.first() {
        Some(d) if d.range.start() < r.start() => TextRange::new(d.range.start(), r.end()),
        _ => r,
    }
}
