//! Node objects to ruff's tree, for `compile(tree, ...)`: reads each node's
//! fields with CPython's rules (`obj2ast`) and checks the tree as CPython's
//! validator does, then hands ruff's tree to Adder's compiler.
//!
//! Invariant: a tree that converts is one the compiler can take without
//! panicking (list lengths agree, contexts are right, identifiers are
//! strings); everything else is a TypeError/ValueError with CPython's
//! message. Positions go through a stand-in text (`lines::Layout`): a first
//! pass notes every `(line, col)` the tree uses, the conversion maps them to
//! offsets. Nesting (or a cycle) deeper than `MAX_DEPTH` is a RecursionError.

mod expr;
mod pattern;
mod stmt;

use adder_object::Value;
use adder_vm::objects::seq::List;
use adder_vm::objects::string::Str;
use adder_vm::{PyResult, Vm};
use ruff_python_ast::{self as ast, AtomicNodeIndex, Expr, Identifier};
use ruff_text_size::TextRange;

use crate::lines::{Layout, Pos};
use crate::node_table::k;
use crate::nodes::Kinds;

const MAX_DEPTH: u32 = 3000;

/// The expression context a node must have where it appears.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

impl Ctx {
    fn name(self) -> &'static str {
        match self {
            Ctx::Load => "Load",
            Ctx::Store => "Store",
            Ctx::Del => "Del",
        }
    }
    fn ruff(self) -> ast::ExprContext {
        match self {
            Ctx::Load => ast::ExprContext::Load,
            Ctx::Store => ast::ExprContext::Store,
            Ctx::Del => ast::ExprContext::Del,
        }
    }
}

pub(crate) struct FromPy<'a> {
    pub vm: &'a mut Vm,
    pub k: &'a Kinds,
    pub layout: Layout,
    /// `from __future__ import annotations` is in effect: annotations
    /// would have to become source text, which a tree does not have.
    pub future_annotations: bool,
    depth: u32,
}

pub(crate) fn node_index() -> AtomicNodeIndex {
    AtomicNodeIndex::NONE
}

impl<'a> FromPy<'a> {
    pub fn new(vm: &'a mut Vm, k: &'a Kinds) -> FromPy<'a> {
        FromPy {
            vm,
            k,
            layout: Layout::default(),
            future_annotations: false,
            depth: 0,
        }
    }

    /// One level deeper into a node of sum type `what` (`expr`, `stmt`...).
    fn enter(&mut self, what: &str) -> PyResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.vm.new_exception_msg(
                &self.vm.t.recursion_error,
                format!("maximum recursion depth exceeded while traversing '{what}' node"),
            ));
        }
        self.vm.check_stack()
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    // ---- the first pass: which positions the tree uses ----

    /// Notes the positions of `obj` and everything below it.
    pub fn survey(&mut self, obj: &Value) -> PyResult<()> {
        if self.depth >= MAX_DEPTH {
            // Name the node's sum type, as the conversion would.
            // Only nodes that nest report it; the conversion reaches the rest.
            let what = [k::mod_, k::stmt, k::expr, k::excepthandler, k::pattern]
                .into_iter()
                .find(|&c| self.k.is(self.vm, obj, c));
            return match what {
                Some(c) => self.enter(crate::nodes::def(c).name),
                None => Ok(()),
            };
        }
        self.enter("AST")?;
        let r = self.survey_inner(obj);
        self.leave();
        r
    }

    fn survey_inner(&mut self, obj: &Value) -> PyResult<()> {
        if let Some(l) = obj.downcast::<List>() {
            let items = l.items.borrow().clone();
            for it in &items {
                self.survey(it)?;
            }
            return Ok(());
        }
        if !crate::nodes::is_ast(self.vm, self.k, obj) {
            return Ok(());
        }
        let mut nums = [None; 4];
        for (i, name) in ["lineno", "col_offset", "end_lineno", "end_col_offset"]
            .iter()
            .enumerate()
        {
            let n = self.vm.intern(name);
            if let Some(v) = self.vm.getattr_opt(obj, &n)? {
                nums[i] = adder_vm::num::as_i64(&v);
            }
        }
        if let [Some(l), Some(c), el, ec] = nums {
            self.layout.note(l, c);
            self.layout.note(el.unwrap_or(l), ec.unwrap_or(c));
        }
        let cls = self.vm.type_of(obj);
        let fname = self.vm.intern("_fields");
        let Some(fields) = self.vm.getattr_opt(&cls, &fname)? else {
            return Ok(());
        };
        let Ok(fields) = self.vm.iterate(&fields) else {
            return Ok(());
        };
        for f in fields {
            if f.downcast::<Str>().is_none() {
                continue;
            }
            if let Some(v) = self.vm.getattr_opt(obj, &f)? {
                self.survey(&v)?;
            }
        }
        Ok(())
    }

    // ---- reading fields (CPython's obj2ast rules) ----

    /// A field that must be present: `required field "x" missing from T`.
    pub fn req(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult {
        let n = self.vm.intern(name);
        match self.vm.getattr_opt(obj, &n)? {
            Some(v) => Ok(v),
            None => Err(self
                .vm
                .type_error(format!("required field \"{name}\" missing from {owner}"))),
        }
    }

    /// An optional field: absent or None gives None.
    pub fn opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let n = self.vm.intern(name);
        Ok(self.vm.getattr_opt(obj, &n)?.filter(|v| !v.is_none()))
    }

    /// A list field (`stmt*`, `expr*`, ...), as a snapshot of its items.
    pub fn seq(&mut self, obj: &Value, name: &str, owner: &str) -> PyResult<Vec<Value>> {
        let v = self.req(obj, name, owner)?;
        match v.downcast::<List>() {
            Some(l) => Ok(l.items.borrow().clone()),
            None => {
                let t = self.vm.type_name(&v);
                Err(self.vm.type_error(format!(
                    "{owner} field \"{name}\" must be a list, not a {t}"
                )))
            }
        }
    }

    /// `ValueError: field 'x' is required for T` (a required field that is None).
    pub fn required(&mut self, name: &str, owner: &str) -> Value {
        self.vm
            .value_error(format!("field '{name}' is required for {owner}"))
    }

    /// An `int` field.
    pub fn int(&mut self, v: &Value) -> PyResult<i64> {
        if !adder_vm::num::is_int(v) {
            let r = self.vm.repr_string(v)?;
            return Err(self.vm.value_error(format!("invalid integer value: {r}")));
        }
        match adder_vm::num::as_i64(v) {
            Some(i) if i32::try_from(i).is_ok() => Ok(i),
            _ => Err(self
                .vm
                .overflow_error("Python int too large to convert to C int")),
        }
    }

    /// An `identifier` value (None allowed: the caller decides).
    pub fn ident_value(&mut self, v: &Value) -> PyResult<Option<String>> {
        if v.is_none() {
            return Ok(None);
        }
        let t = self.vm.type_of(v);
        if !t.is(&self.vm.t.str) {
            return Err(self.vm.type_error("AST identifier must be of type str"));
        }
        Ok(v.downcast::<Str>().map(|s| s.as_str().to_string()))
    }

    /// A required identifier field.
    pub fn ident(
        &mut self,
        obj: &Value,
        name: &str,
        owner: &str,
        r: TextRange,
    ) -> PyResult<Identifier> {
        let v = self.req(obj, name, owner)?;
        match self.ident_value(&v)? {
            Some(s) => Ok(Identifier::new(s.as_str(), r)),
            None => Err(self.required(name, owner)),
        }
    }

    /// An optional identifier field.
    pub fn opt_ident(
        &mut self,
        obj: &Value,
        name: &str,
        r: TextRange,
    ) -> PyResult<Option<Identifier>> {
        match self.opt(obj, name)? {
            Some(v) => Ok(self
                .ident_value(&v)?
                .map(|s| Identifier::new(s.as_str(), r))),
            None => Ok(None),
        }
    }

    /// An optional `string` field (`type_comment`, `kind`).
    pub fn opt_string(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let v = self.opt(obj, name)?;
        if let Some(v) = &v {
            let t = self.vm.type_of(v);
            if !t.is(&self.vm.t.str) && !t.is(&self.vm.t.bytes) {
                return Err(self.vm.type_error("AST string must be of type str"));
            }
        }
        Ok(v)
    }

    /// `lineno`, `col_offset` (required) and the end position (defaulting
    /// to the start) of a node whose attributes are declared on `owner`.
    pub fn position(&mut self, obj: &Value, owner: &str) -> PyResult<Pos> {
        let l = self.req(obj, "lineno", owner)?;
        let l = self.int(&l)?;
        let c = self.req(obj, "col_offset", owner)?;
        let c = self.int(&c)?;
        let el = match self.opt(obj, "end_lineno")? {
            Some(v) => self.int(&v)?,
            None => l,
        };
        let ec = match self.opt(obj, "end_col_offset")? {
            Some(v) => self.int(&v)?,
            None => c,
        };
        Ok(Pos(l, c, el, ec))
    }

    /// CPython's position checks for validated nodes.
    pub fn check_position(&mut self, p: Pos) -> PyResult<()> {
        let Pos(l, c, el, ec) = p;
        if l > el {
            return Err(self
                .vm
                .value_error(format!("AST node line range ({l}, {el}) is not valid")));
        }
        if (l < 0 && el != l) || (c < 0 && c != ec) {
            return Err(self.vm.value_error(format!(
                "AST node column range ({c}, {ec}) for line range ({l}, {el}) is not valid"
            )));
        }
        if l == el && c > ec {
            return Err(self
                .vm
                .value_error(format!("line {l}, column {c}-{ec} is not a valid range")));
        }
        Ok(())
    }

    /// An annotation. Under `from __future__ import annotations` the
    /// compiler reads its source text, which a tree does not have: it
    /// becomes `ast.unparse(node)` (CPython's own rendering), appended to
    /// the stand-in text, and the annotation a literal spanning it.
    pub fn annotation(&mut self, obj: &Value, e: Expr) -> PyResult<Expr> {
        if !self.future_annotations {
            return Ok(e);
        }
        let text = adder_vm::native::import(self.vm, "ast")
            .and_then(|m| self.vm.getattr_str(&m, "unparse"))
            .and_then(|f| self.vm.call(&f, vec![obj.clone()]));
        let text = match text {
            Ok(t) => match t.downcast::<Str>() {
                Some(s) => s.as_str().to_string(),
                None => return Err(self.vm.type_error("ast.unparse() did not return a str")),
            },
            Err(_) => {
                return Err(self.vm.not_implemented_error(
                    "compile() of an AST with annotations under 'from __future__ import annotations' needs the ast module",
                ))
            }
        };
        let range = self.layout.append(&text);
        Ok(Expr::EllipsisLiteral(ast::ExprEllipsisLiteral {
            node_index: node_index(),
            range,
        }))
    }

    pub fn range(&self, p: Pos) -> TextRange {
        self.layout.range(p)
    }

    /// `expected some sort of T, but got <repr>`.
    pub fn expected(&mut self, what: &str, obj: &Value) -> Value {
        match self.vm.repr_string(obj) {
            Ok(r) => self
                .vm
                .type_error(format!("expected some sort of {what}, but got {r}")),
            Err(e) => e,
        }
    }

    /// Which concrete class among `ks` `obj` is an instance of.
    pub fn which(&self, obj: &Value, ks: std::ops::RangeInclusive<usize>) -> Option<usize> {
        self.k.which(self.vm, obj, ks)
    }

    // ---- modules ----

    /// Converts a module node, checking it is the kind `mode` wants.
    pub fn module(&mut self, obj: &Value, want: usize) -> PyResult<ast::Mod> {
        match want {
            k::Module => {
                let body = self.body(obj, "body", "Module", None)?;
                self.seq(obj, "type_ignores", "Module")?;
                Ok(ast::Mod::Module(ast::ModModule {
                    node_index: node_index(),
                    range: TextRange::default(),
                    body: body.into(),
                }))
            }
            k::Interactive => {
                let body = self.body(obj, "body", "Interactive", None)?;
                Ok(ast::Mod::Module(ast::ModModule {
                    node_index: node_index(),
                    range: TextRange::default(),
                    body: body.into(),
                }))
            }
            _ => {
                let body = self.req(obj, "body", "Expression")?;
                if body.is_none() {
                    return Err(self.required("body", "Expression"));
                }
                let e = self.expr(&body, Ctx::Load)?;
                Ok(ast::Mod::Expression(ast::ModExpression {
                    node_index: node_index(),
                    range: TextRange::default(),
                    body: Box::new(e),
                }))
            }
        }
    }
}
