//! Code generation: the compiler state shared by the statement, expression,
//! pattern and exception-handling generators.
//!
//! Invariant: the compiler keeps one `Unit` per scope being compiled (a
//! stack: module, then nested classes/functions). A unit's instructions are
//! emitted linearly; jumps name labels, and every instruction records the
//! innermost exception handler active when it was emitted (`handler_stack`,
//! the analogue of CPython's SETUP_*/POP_BLOCK pseudo-instructions). A
//! handler's target code is always emitted with the handler stack as it was
//! when the handler was pushed, minus the handler itself. `assemble` turns a
//! finished unit into a `CodeObject`.

mod exceptions;
mod expr;
mod lint;
mod pattern;
mod stmt;
pub(crate) mod strlit;

use std::collections::HashMap;
use std::rc::Rc;

use adder_bytecode::{flags, CodeObject, Constant, Location, Opcode};
use num_bigint::BigInt;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::assemble;
use crate::errors::{recursion_error, CompileError, ErrorKind};
use crate::source::Source;
use crate::symtable::{
    mangle, NameScope, Scope, ScopeKind, SymbolTable, DEF_FREE_CLASS, MAX_DEPTH,
};
use crate::{CompileOptions, Mode};

pub(crate) type R<T = ()> = Result<T, CompileError>;

pub(crate) const NO_LABEL: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
pub(crate) struct Instr {
    pub op: Opcode,
    pub arg: u32,
    /// Jump target label, or `NO_LABEL`.
    pub target: u32,
    /// Index + 1 of the innermost exception handler, or 0.
    pub handler: u32,
    pub loc: Location,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Handler {
    pub label: u32,
    /// Index of the first instruction emitted after the handler was pushed:
    /// the stack depth there is the handler's base depth.
    pub setup_at: u32,
    /// Items to drop from the base depth (1 for `with`: the `__enter__` result).
    pub pop: u32,
    pub lasti: bool,
}

/// Kinds of frame blocks (CPython's fblocks), used to unwind on
/// break/continue/return.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FBlockKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

#[derive(Clone, Copy)]
pub(crate) struct FBlock<'a> {
    pub kind: FBlockKind,
    /// Loop start (continue target).
    pub start: u32,
    /// Loop exit (break target).
    pub exit: u32,
    /// Finally body for FinallyTry.
    pub finalbody: Option<&'a [Stmt]>,
    /// Bound exception name for HandlerCleanup.
    pub name: Option<&'a str>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    True,
    False,
    Ellipsis,
    Int(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
}

fn const_key(c: &Constant) -> Option<ConstKey> {
    Some(match c {
        Constant::None => ConstKey::None,
        Constant::True => ConstKey::True,
        Constant::False => ConstKey::False,
        Constant::Ellipsis => ConstKey::Ellipsis,
        Constant::Int(i) => ConstKey::Int(i.clone()),
        Constant::Float(f) => ConstKey::Float(f.to_bits()),
        Constant::Complex { re, im } => ConstKey::Complex(re.to_bits(), im.to_bits()),
        Constant::Str(s) => ConstKey::Str(s.clone()),
        Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
        Constant::Tuple(t) => ConstKey::Tuple(t.iter().map(const_key).collect::<Option<_>>()?),
        Constant::FrozenSet(t) => {
            ConstKey::FrozenSet(t.iter().map(const_key).collect::<Option<_>>()?)
        }
        Constant::Code(_) => return None,
    })
}

pub(crate) struct Unit<'a> {
    pub scope: usize,
    pub kind: ScopeKind,
    pub instrs: Vec<Instr>,
    pub labels: Vec<u32>,
    pub handlers: Vec<Handler>,
    pub handler_stack: Vec<u32>,
    pub consts: Vec<Constant>,
    const_index: HashMap<ConstKey, u32>,
    pub names: Vec<Rc<str>>,
    name_index: HashMap<Rc<str>, u32>,
    pub varnames: Vec<Rc<str>>,
    var_index: HashMap<Rc<str>, u32>,
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    pub fblocks: Vec<FBlock<'a>>,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub firstlineno: u32,
    pub private: Option<Rc<str>>,
    pub loc: Location,
    /// An `async def` (await allowed).
    pub is_async_function: bool,
}

pub(crate) struct Compiler<'a, 's> {
    pub src: &'a Source<'s>,
    pub table: &'a SymbolTable,
    pub opts: &'a CompileOptions,
    pub mode: Mode,
    pub units: Vec<Unit<'a>>,
    pub depth: u32,
    pub future_annotations: bool,
    pub filename: Rc<str>,
    /// Range of the node being compiled (for errors without a node at hand).
    pub cur_range: TextRange,
    /// SyntaxWarnings found so far (see `lint.rs`).
    pub warnings: Vec<crate::warnings::CompileWarning>,
    /// One `Rc<str>` per distinct identifier of the module: the name tables
    /// of its code objects share them (`self` in every method, a global in
    /// every function that reads it).
    identifiers: std::collections::HashSet<Rc<str>>,
}

pub(crate) fn compile_module(
    src: &Source,
    module: &ast::Mod,
    table: &SymbolTable,
    mode: Mode,
    opts: &CompileOptions,
) -> R<(Rc<CodeObject>, Vec<crate::warnings::CompileWarning>)> {
    let mut c = Compiler {
        src,
        table,
        opts,
        mode,
        units: Vec::new(),
        depth: 0,
        future_annotations: opts.future_annotations || table.future_annotations,
        filename: Rc::from(src.filename),
        cur_range: TextRange::default(),
        warnings: Vec::new(),
        identifiers: std::collections::HashSet::new(),
    };
    c.enter_scope("<module>", 0, 1, TextRange::default())?;
    match (module, mode) {
        (ast::Mod::Expression(e), _) => {
            c.set_loc(e.body.range());
            c.expr(&e.body)?;
            c.emit(Opcode::ReturnValue, 0);
        }
        (ast::Mod::Module(m), Mode::Single) => {
            if stmt::find_ann(&m.body) {
                c.emit(Opcode::SetupAnnotations, 0);
            }
            for s in &m.body {
                c.stmt(s)?;
            }
            c.return_none();
        }
        (ast::Mod::Module(m), _) => {
            c.body_with_docstring(&m.body, true)?;
            c.return_none();
        }
    }
    let code = c.leave_scope()?;
    Ok((code, c.warnings))
}

impl<'a, 's> Compiler<'a, 's> {
    pub fn u(&mut self) -> &mut Unit<'a> {
        let i = self.units.len() - 1;
        &mut self.units[i]
    }

    pub fn ur(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    pub fn ste(&self) -> &'a Scope {
        let table: &'a SymbolTable = self.table;
        &table.scopes[self.ur().scope]
    }

    pub fn error(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        self.src.error(
            ErrorKind::SyntaxError,
            msg,
            range.start().to_u32(),
            range.end().to_u32(),
        )
    }

    pub fn deeper(&mut self, range: TextRange) -> R {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(recursion_error(self.src, range.start().to_u32()));
        }
        Ok(())
    }

    pub fn set_loc(&mut self, range: TextRange) {
        self.cur_range = range;
        let (line, col) = self.src.line_col(range.start().to_u32());
        let (end_line, end_col) = self.src.line_col(range.end().to_u32());
        self.u().loc = Location {
            line,
            end_line,
            col,
            end_col,
        };
    }

    // ---- emission ----

    pub fn emit(&mut self, op: Opcode, arg: u32) {
        let u = self.u();
        let handler = u.handler_stack.last().map_or(0, |h| h + 1);
        let loc = u.loc;
        u.instrs.push(Instr {
            op,
            arg,
            target: NO_LABEL,
            handler,
            loc,
        });
    }

    pub fn emit_jump(&mut self, op: Opcode, label: u32) {
        let u = self.u();
        let handler = u.handler_stack.last().map_or(0, |h| h + 1);
        let loc = u.loc;
        u.instrs.push(Instr {
            op,
            arg: 0,
            target: label,
            handler,
            loc,
        });
    }

    pub fn new_label(&mut self) -> u32 {
        let u = self.u();
        u.labels.push(NO_LABEL);
        (u.labels.len() - 1) as u32
    }

    pub fn bind(&mut self, label: u32) {
        let u = self.u();
        let at = u.instrs.len() as u32;
        u.labels[label as usize] = at;
    }

    /// Pushes an exception handler (SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH).
    pub fn push_handler(&mut self, label: u32, lasti: bool, pop: u32) {
        let u = self.u();
        let setup_at = u.instrs.len() as u32;
        u.handlers.push(Handler {
            label,
            setup_at,
            pop,
            lasti,
        });
        let id = (u.handlers.len() - 1) as u32;
        u.handler_stack.push(id);
    }

    /// POP_BLOCK.
    pub fn pop_handler(&mut self) {
        self.u().handler_stack.pop();
    }

    pub fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Opcode::LoadConst, i);
    }

    pub fn add_const(&mut self, c: Constant) -> u32 {
        let u = self.u();
        let key = const_key(&c);
        if let Some(k) = &key {
            if let Some(&i) = u.const_index.get(k) {
                return i;
            }
        }
        let i = u.consts.len() as u32;
        u.consts.push(c);
        if let Some(k) = key {
            u.const_index.insert(k, i);
        }
        i
    }

    /// The module's shared `Rc<str>` for an identifier.
    pub fn identifier(&mut self, name: &str) -> Rc<str> {
        if let Some(rc) = self.identifiers.get(name) {
            return rc.clone();
        }
        let rc: Rc<str> = Rc::from(name);
        self.identifiers.insert(rc.clone());
        rc
    }

    pub fn name_index(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.u().name_index.get(name) {
            return i;
        }
        let rc = self.identifier(name);
        let u = self.u();
        let i = u.names.len() as u32;
        u.names.push(rc.clone());
        u.name_index.insert(rc, i);
        i
    }

    /// An instruction whose operand is a (mangled) name.
    pub fn emit_name(&mut self, op: Opcode, name: &str) {
        let m = self.mangle(name).into_owned();
        let i = self.name_index(&m);
        self.emit(op, i);
    }

    pub fn mangle<'n>(&self, name: &'n str) -> std::borrow::Cow<'n, str> {
        mangle(self.ur().private.as_deref(), name)
    }

    pub fn varname_index(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.u().var_index.get(name) {
            return i;
        }
        let rc = self.identifier(name);
        let u = self.u();
        let i = u.varnames.len() as u32;
        u.varnames.push(rc.clone());
        u.var_index.insert(rc, i);
        i
    }

    /// Index of a cell or free variable in `cellvars ++ freevars`.
    pub fn deref_index(&self, name: &str) -> Option<u32> {
        let u = self.ur();
        if let Some(i) = u.cellvars.iter().position(|c| &**c == name) {
            return Some(i as u32);
        }
        u.freevars
            .iter()
            .position(|c| &**c == name)
            .map(|i| (i + u.cellvars.len()) as u32)
    }

    pub fn return_none(&mut self) {
        self.load_const(Constant::None);
        self.emit(Opcode::ReturnValue, 0);
    }

    // ---- scopes ----

    /// Starts compiling a new scope; `scope` is its symbol-table index.
    pub fn enter_scope(
        &mut self,
        name: &str,
        scope: usize,
        firstlineno: u32,
        range: TextRange,
    ) -> R {
        let ste = &self.table.scopes[scope];
        let kind = ste.kind;
        let private = match kind {
            ScopeKind::Class => Some(Rc::from(name)),
            _ => self.units.last().and_then(|u| u.private.clone()),
        };
        let mut cellvars: Vec<Rc<str>> = Vec::new();
        let mut freevars: Vec<Rc<str>> = Vec::new();
        for (n, sym) in &ste.symbols {
            match sym.scope {
                NameScope::Cell => cellvars.push(self.identifier(n)),
                NameScope::Free => freevars.push(self.identifier(n)),
                _ if sym.flags & DEF_FREE_CLASS != 0 => freevars.push(self.identifier(n)),
                _ => {}
            }
        }
        if ste.needs_class_closure {
            cellvars.push(Rc::from("__class__"));
        }
        cellvars.sort();
        freevars.sort();
        let qualname = self.qualname_for(name, kind);
        let mut u = Unit {
            scope,
            kind,
            instrs: Vec::new(),
            labels: Vec::new(),
            handlers: Vec::new(),
            handler_stack: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames: Vec::new(),
            var_index: HashMap::new(),
            cellvars,
            freevars,
            fblocks: Vec::new(),
            name: Rc::from(name),
            qualname,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
            firstlineno,
            private,
            loc: Location {
                line: firstlineno,
                end_line: firstlineno,
                col: 0,
                end_col: 0,
            },
            is_async_function: false,
        };
        for p in &ste.params {
            let rc: Rc<str> = Rc::from(p.as_str());
            let i = u.varnames.len() as u32;
            u.varnames.push(rc.clone());
            u.var_index.insert(rc, i);
        }
        if ste.is_function_like() {
            u.flags |= flags::OPTIMIZED | flags::NEWLOCALS;
        }
        if ste.nested {
            u.flags |= flags::NESTED;
        }
        match (ste.is_generator, ste.is_coroutine) {
            (true, true) => u.flags |= flags::ASYNC_GENERATOR,
            (true, false) => u.flags |= flags::GENERATOR,
            (false, true) => u.flags |= flags::COROUTINE,
            _ => {}
        }
        self.units.push(u);
        if range != TextRange::default() {
            self.set_loc(range);
        }
        Ok(())
    }

    fn qualname_for(&self, name: &str, kind: ScopeKind) -> Rc<str> {
        let Some(parent) = self.units.last() else {
            return Rc::from(name);
        };
        if self.units.len() == 1 {
            return Rc::from(name);
        }
        if matches!(kind, ScopeKind::Function | ScopeKind::Class) && !name.starts_with('<') {
            let m = mangle(parent.private.as_deref(), name);
            let pste = &self.table.scopes[parent.scope];
            if pste.scope_of(&m) == Some(NameScope::GlobalExplicit) {
                return Rc::from(name);
            }
        }
        let pkind = parent.kind;
        if pkind == ScopeKind::Function {
            Rc::from(format!("{}.<locals>.{name}", parent.qualname))
        } else {
            Rc::from(format!("{}.{name}", parent.qualname))
        }
    }

    /// Finishes the current scope and assembles its code object.
    pub fn leave_scope(&mut self) -> R<Rc<CodeObject>> {
        let Some(u) = self.units.pop() else {
            return Err(self.error("internal compiler error: no scope", TextRange::default()));
        };
        let code =
            assemble::assemble(u, &self.filename, self.future_annotations).map_err(|msg| {
                self.error(
                    format!("internal compiler error: {msg}"),
                    TextRange::default(),
                )
            })?;
        Ok(Rc::new(code))
    }

    /// Pushes the closure tuple (if any) and the code object, then MakeFunction.
    pub fn make_closure(&mut self, code: Rc<CodeObject>, mut flags: u32) {
        if !code.freevars.is_empty() {
            let n = code.freevars.len() as u32;
            for fv in code.freevars.iter() {
                let idx = self.deref_index(fv).unwrap_or(0);
                self.emit(Opcode::LoadClosure, idx);
            }
            self.emit(Opcode::BuildTuple, n);
            flags |= adder_bytecode::opcode::make_function::CLOSURE;
        }
        self.load_const(Constant::Code(code));
        self.emit(Opcode::MakeFunction, flags);
    }

    // ---- names ----

    pub fn nameop(&mut self, name: &str, ctx: ast::ExprContext, range: TextRange) -> R {
        if name == "__debug__" {
            match ctx {
                ast::ExprContext::Load => {
                    self.load_const(if self.opts.optimize == 0 {
                        Constant::True
                    } else {
                        Constant::False
                    });
                    return Ok(());
                }
                ast::ExprContext::Del => return Err(self.error("cannot delete __debug__", range)),
                _ => return Err(self.error("cannot assign to __debug__", range)),
            }
        }
        let mangled = self.mangle(name).into_owned();
        let ste = self.ste();
        let function_like = ste.is_function_like();
        let scope = ste.scope_of(&mangled);
        enum Kind {
            Fast,
            Deref,
            Global,
            Name,
        }
        let kind = match scope {
            Some(NameScope::Free) | Some(NameScope::Cell) => Kind::Deref,
            Some(NameScope::Local) if function_like => Kind::Fast,
            Some(NameScope::GlobalImplicit) if function_like => Kind::Global,
            Some(NameScope::GlobalExplicit) => Kind::Global,
            _ => Kind::Name,
        };
        use ast::ExprContext as C;
        match kind {
            Kind::Fast => {
                let i = self.varname_index(&mangled);
                let op = match ctx {
                    C::Load => Opcode::LoadFast,
                    C::Del => Opcode::DeleteFast,
                    _ => Opcode::StoreFast,
                };
                self.emit(op, i);
            }
            Kind::Deref => {
                let Some(i) = self.deref_index(&mangled) else {
                    return Err(self.error(
                        format!("internal compiler error: no cell for '{mangled}'"),
                        range,
                    ));
                };
                let op = match ctx {
                    C::Load if self.ste().kind == ScopeKind::Class => Opcode::LoadClassDeref,
                    C::Load => Opcode::LoadDeref,
                    C::Del => Opcode::DeleteDeref,
                    _ => Opcode::StoreDeref,
                };
                self.emit(op, i);
            }
            Kind::Global => {
                let i = self.name_index(&mangled);
                let op = match ctx {
                    C::Load => Opcode::LoadGlobal,
                    C::Del => Opcode::DeleteGlobal,
                    _ => Opcode::StoreGlobal,
                };
                self.emit(op, i);
            }
            Kind::Name => {
                let i = self.name_index(&mangled);
                let op = match ctx {
                    C::Load => Opcode::LoadName,
                    C::Del => Opcode::DeleteName,
                    _ => Opcode::StoreName,
                };
                self.emit(op, i);
            }
        }
        Ok(())
    }

    /// A body whose first statement may be a docstring (module / class).
    pub fn body_with_docstring(&mut self, body: &'a [Stmt], module: bool) -> R {
        if module && stmt::find_ann(body) {
            self.emit(Opcode::SetupAnnotations, 0);
        }
        let mut rest = body;
        if let Some(doc) = docstring(self.src.text, body) {
            if let Some(first) = body.first() {
                self.set_loc(first.range());
            }
            self.load_const(Constant::Str(Rc::from(&*doc)));
            self.emit_name(Opcode::StoreName, "__doc__");
            rest = &body[1..];
        }
        for s in rest {
            self.stmt(s)?;
        }
        Ok(())
    }
}

/// The docstring of a body, if its first statement is a string literal.
pub(crate) fn docstring<'b>(src: &str, body: &'b [Stmt]) -> Option<std::borrow::Cow<'b, str>> {
    match body.first()? {
        Stmt::Expr(e) => match &*e.value {
            Expr::StringLiteral(s) => Some(strlit::string_value(src, s)),
            _ => None,
        },
        _ => None,
    }
}

pub(crate) fn line_of(src: &Source, range: TextRange) -> u32 {
    src.line_col(range.start().to_u32()).0
}
