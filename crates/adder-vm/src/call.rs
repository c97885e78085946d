//! Calling: argument binding for Python functions, frames for them, and
//! dispatch over every callable kind.
//!
//! Invariant: a call from native code into a Python function runs its frame
//! in a nested loop (`run_frame`) and returns its result; a call from Python
//! code never gets here for Python functions — the loop pushes the frame
//! built by `make_frame` itself, so Python recursion never grows the Rust
//! stack.

use adder_bytecode::flags as coflags;
use adder_object::Value;

use crate::frame::Frame;
use crate::kinds;
use crate::objects::cell::Cell;
use crate::objects::dict::Dict;
use crate::objects::function::{ClassMethod, Function, Method, Native, StaticMethod};
use crate::objects::iter::{GenKind, GenState, Generator};
use crate::objects::seq::Tuple;
use crate::objects::string::Str;
use crate::objects::types::TypeObject;
use crate::ops::{dict_set_strkey, type_lookup};
use crate::slots::Slots;
use crate::vm::{Args, PyResult, Vm};

impl Vm {
    pub fn new_method(&self, func: Value, self_: Value) -> Value {
        self.alloc_builtin(&self.t.method, Method { func, self_ })
    }

    pub fn bind_native(&self, native: &Value, self_: Value) -> Value {
        let n = native.downcast::<Native>().unwrap();
        self.alloc_builtin(
            &self.t.native,
            Native {
                name: n.name,
                f: n.f,
                self_,
                kind: n.kind,
                owner: n.owner.clone(),
                doc: n.doc,
                needs_frame: false,
            },
        )
    }

    pub fn new_cell(&self, v: Value) -> Value {
        self.alloc_builtin(
            &self.t.cell,
            Cell {
                value: adder_object::ValueCell::new(v),
            },
        )
    }

    /// `f(*args)`.
    pub fn call(&mut self, f: &Value, args: Vec<Value>) -> PyResult {
        self.call_args(f, Args::new(args))
    }

    /// Calls `f`, a function found on a type, as a method of `obj`.
    pub fn call_method_value(&mut self, f: &Value, obj: &Value, mut args: Vec<Value>) -> PyResult {
        match f.kind() {
            Some(kinds::FUNCTION) => {
                args.insert(0, obj.clone());
                self.call(f, args)
            }
            Some(kinds::NATIVE) => {
                let n = f.downcast::<Native>().unwrap();
                if n.self_.is_null() && n.kind == crate::objects::function::NativeKind::Method {
                    args.insert(0, obj.clone());
                }
                self.call(f, args)
            }
            _ => {
                let t = self.type_of(obj);
                let bound = self.descr_get(f, obj, &t)?;
                self.call(&bound, args)
            }
        }
    }

    /// `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: Vec<Value>) -> PyResult {
        let m = self.getattr_str(obj, name)?;
        self.call(&m, args)
    }

    /// Looks up a special method on the type and calls it; None if absent.
    pub fn call_special(
        &mut self,
        obj: &Value,
        name: &Value,
        args: Vec<Value>,
    ) -> PyResult<Option<Value>> {
        let t = self.type_of(obj);
        match type_lookup(&t, name) {
            Some(f) => self.call_method_value(&f, obj, args).map(Some),
            None => Ok(None),
        }
    }

    /// The general call entry for native callers.
    pub fn call_args(&mut self, f: &Value, args: Args) -> PyResult {
        self.native_depth += 1;
        let r = self.call_args_inner(f, args);
        self.native_depth -= 1;
        r
    }

    fn call_args_inner(&mut self, f: &Value, mut args: Args) -> PyResult {
        match f.kind() {
            Some(kinds::FUNCTION) => {
                if args.kw.is_empty() {
                    if let Some(frame) = self.simple_args_frame(f, &mut args.pos) {
                        return self.run_frame(frame);
                    }
                }
                let frame = self.make_frame(f, args)?;
                if let Some(g) = self.maybe_generator(f, &frame) {
                    let gen = g;
                    gen.downcast::<Generator>().unwrap().store_frame(frame);
                    return Ok(gen);
                }
                self.run_frame(frame)
            }
            Some(kinds::NATIVE) => {
                let n = f.downcast::<Native>().unwrap();
                self.check_stack()?;
                n.call(self, args)
            }
            Some(kinds::METHOD) => {
                let m = f.downcast::<Method>().unwrap();
                args.pos.insert(0, m.self_.clone());
                let func = m.func.clone();
                self.call_args_inner(&func, args)
            }
            Some(kinds::TYPE) => crate::builtins::types::type_call(self, f, args),
            Some(kinds::CLASSMETHOD) | Some(kinds::STATICMETHOD) if false => unreachable!(),
            _ => {
                let t = self.type_of(f);
                let cn = self.names.__call__.clone();
                match type_lookup(&t, &cn) {
                    Some(c) => {
                        // Bound like any attribute: a plain callable that is
                        // not a descriptor gets no `self`.
                        let c = if c.kind() == Some(kinds::FUNCTION) {
                            args.pos.insert(0, f.clone());
                            c
                        } else {
                            self.descr_get(&c, f, &t)?
                        };
                        // `__call__` may itself be a callable instance:
                        // each hop counts against the recursion limit.
                        self.check_stack()?;
                        if self.depth + self.native_depth >= self.recursion_limit {
                            return Err(self.new_exception_msg(
                                &self.t.recursion_error,
                                "maximum recursion depth exceeded while calling a Python object",
                            ));
                        }
                        self.depth += 1;
                        let r = self.call_args_inner(&c, args);
                        self.depth -= 1;
                        r
                    }
                    None => {
                        Err(self
                            .type_error(format!("'{}' object is not callable", self.type_name(f))))
                    }
                }
            }
        }
    }

    /// Guards native recursion (Python → native → Python ...) against the
    /// real Rust stack: raises RecursionError well before it runs out.
    pub fn check_stack(&mut self) -> PyResult<()> {
        let here = stack_address();
        if self.stack_base != 0 && self.stack_base.saturating_sub(here) > self.stack_limit {
            return Err(
                self.new_exception_msg(&self.t.recursion_error, "maximum recursion depth exceeded")
            );
        }
        Ok(())
    }

    /// A generator/coroutine object for a generator-like function, else None.
    fn maybe_generator(&mut self, f: &Value, _frame: &Frame) -> Option<Value> {
        let func = f.downcast::<Function>().unwrap();
        let code = func.code();
        if !code.code.is_generator_like() {
            return None;
        }
        let flags = code.code.flags;
        let (kind, ty) = if flags & coflags::COROUTINE != 0 {
            (GenKind::Coroutine, self.t.coroutine.clone())
        } else if flags & coflags::ASYNC_GENERATOR != 0 {
            (GenKind::AsyncGenerator, self.t.async_generator.clone())
        } else {
            (GenKind::Generator, self.t.generator.clone())
        };
        let (name, qualname) = (func.name.get(), func.qualname.get());
        let names = if name.is(&code.name) && qualname.is(&code.qualname) {
            Value::NULL
        } else {
            self.new_tuple(vec![name, qualname])
        };
        Some(self.alloc_builtin(
            &ty,
            Generator {
                kind,
                frame: Default::default(),
                state: std::cell::Cell::new(GenState::Created),
                names: adder_object::ValueCell::new(names),
                exc_state: adder_object::ValueCell::new(Value::NONE),
                code: func.code.get(),
            },
        ))
    }

    /// Wraps a frame built by `make_frame` in a generator if its code is generator-like.
    pub fn frame_or_generator(
        &mut self,
        f: &Value,
        frame: Box<Frame>,
    ) -> Result<Box<Frame>, Value> {
        match self.maybe_generator(f, &frame) {
            Some(g) => {
                g.downcast::<Generator>().unwrap().store_frame(frame);
                Err(g)
            }
            None => Ok(frame),
        }
    }

    /// Builds the frame for calling Python function `f` with `args`.
    pub fn make_frame(&mut self, f: &Value, args: Args) -> PyResult<Box<Frame>> {
        let func = f.downcast::<Function>().unwrap();
        let codev = func.code.get();
        let code = func.code();
        let co = &code.code;
        let nlocals = co.varnames.len();
        // A pooled frame (its vectors keep their capacity), except for a
        // generator, which keeps its frame while suspended.
        let mut frame = if co.is_generator_like() {
            Vm::fresh_frame()
        } else {
            self.alloc_frame()
        };
        // Built as stack items from index 0, then sealed as the fast slots.
        let mut fast = std::mem::take(&mut frame.stack);
        fast.start(nlocals + co.ncells() + co.stacksize as usize);
        fast.push_nulls(nlocals);
        let argcount = co.argcount as usize;
        let kwonly = co.kwonlyargcount as usize;
        let posonly = co.posonlyargcount as usize;
        let has_varargs = co.flags & coflags::VARARGS != 0;
        let has_varkw = co.flags & coflags::VARKEYWORDS != 0;
        let Args { pos, kw } = args;
        let npos = pos.len();

        // Fast path: exact positional arity, no keywords.
        if kw.is_empty() && npos == argcount && !has_varargs && !has_varkw && kwonly == 0 {
            for (i, v) in pos.into_iter().enumerate() {
                fast[i] = v;
            }
        } else {
            // Formatted only into error messages.
            let fname = QualName(func);
            let mut extra = Vec::new();
            for (i, v) in pos.into_iter().enumerate() {
                if i < argcount {
                    fast[i] = v;
                } else {
                    extra.push(v);
                }
            }
            let mut varargs_slot = None;
            let mut idx = argcount + kwonly;
            if has_varargs {
                varargs_slot = Some(idx);
                idx += 1;
            } else if !extra.is_empty() {
                let defaults = func.defaults.get();
                let ndef = defaults.downcast::<Tuple>().map_or(0, |t| t.items.len());
                let kw_given = kw.len();
                let takes = if ndef > 0 {
                    format!("from {} to {}", argcount - ndef, argcount)
                } else {
                    format!("{argcount}")
                };
                let _ = kw_given;
                let msg = if ndef == 0 {
                    format!(
                        "{}() takes {} positional argument{} but {} {} given",
                        fname,
                        takes,
                        if argcount == 1 { "" } else { "s" },
                        npos,
                        if npos == 1 { "was" } else { "were" }
                    )
                } else {
                    format!(
                        "{}() takes {} positional arguments but {} {} given",
                        fname,
                        takes,
                        npos,
                        if npos == 1 { "was" } else { "were" }
                    )
                };
                return Err(self.type_error(msg));
            }
            let varkw_slot = if has_varkw { Some(idx) } else { None };
            let kwdict = if has_varkw {
                Some(self.new_dict())
            } else {
                None
            };
            let mut posonly_as_kw = Vec::new();
            for (k, v) in kw {
                let kname = k
                    .downcast::<Str>()
                    .map(|s| s.as_str().to_string())
                    .unwrap_or_default();
                let mut found = None;
                for (i, vn) in co.varnames.iter().enumerate().take(argcount + kwonly) {
                    if **vn == *kname {
                        found = Some(i);
                        break;
                    }
                }
                match found {
                    Some(i) if i < posonly => {
                        if let Some(d) = &kwdict {
                            self.dict_set(d, k, v)?;
                        } else {
                            posonly_as_kw.push(kname);
                        }
                    }
                    Some(i) => {
                        if !fast[i].is_null() {
                            return Err(self.type_error(format!(
                                "{fname}() got multiple values for argument '{kname}'"
                            )));
                        }
                        fast[i] = v;
                    }
                    None => match &kwdict {
                        Some(d) => {
                            if self.dict_get(d, &k)?.is_some() {
                                return Err(self.type_error(format!(
                                    "{fname}() got multiple values for argument '{kname}'"
                                )));
                            }
                            self.dict_set(d, k, v)?
                        }
                        None => {
                            return Err(self.type_error(format!(
                                "{fname}() got an unexpected keyword argument '{kname}'"
                            )))
                        }
                    },
                }
            }
            if !posonly_as_kw.is_empty() {
                return Err(self.type_error(format!(
                    "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                    fname,
                    posonly_as_kw.join(", ")
                )));
            }
            // Defaults for missing positionals.
            let defaults = func.defaults.get();
            let defs: &[Value] = defaults.downcast::<Tuple>().map_or(&[], |t| &t.items);
            // Defaults cover the last parameters; `__defaults__` may be
            // longer than the parameter list (its first items then go unused).
            let first_def = argcount.saturating_sub(defs.len());
            let skip = defs.len().saturating_sub(argcount);
            let mut missing = Vec::new();
            for (i, slot) in fast.items_mut().iter_mut().enumerate().take(argcount) {
                if slot.is_null() {
                    if i >= first_def {
                        *slot = defs[skip + i - first_def].clone();
                    } else {
                        missing.push(co.varnames[i].to_string());
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.type_error(missing_msg(
                    &fname.to_string(),
                    "positional",
                    &missing,
                )));
            }
            let kwdefaults = func.kwdefaults.get();
            let mut missing = Vec::new();
            for (i, slot) in fast
                .items_mut()
                .iter_mut()
                .enumerate()
                .skip(argcount)
                .take(kwonly)
            {
                if slot.is_null() {
                    let name = &co.varnames[i];
                    let d = if kwdefaults.is_null() || kwdefaults.is_none() {
                        None
                    } else {
                        crate::ops::dict_get_str(&kwdefaults, name)
                    };
                    match d {
                        Some(v) => *slot = v,
                        None => missing.push(name.to_string()),
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.type_error(missing_msg(
                    &fname.to_string(),
                    "keyword-only",
                    &missing,
                )));
            }
            if let Some(s) = varargs_slot {
                fast[s] = self.new_tuple(extra);
            }
            if let (Some(s), Some(d)) = (varkw_slot, kwdict) {
                fast[s] = d;
            }
        }
        // Cells and free variables.
        if co.ncells() > 0 {
            for (i, _) in co.cellvars.iter().enumerate() {
                let init = match co.cell2arg.get(i).copied().flatten() {
                    Some(a) => fast[a as usize].clone(),
                    None => Value::NULL,
                };
                let c = self.new_cell(init);
                fast.push(c);
            }
            if let Some(cl) = func.closure.downcast::<Tuple>() {
                for c in cl.items.iter() {
                    fast.push(c.clone());
                }
            }
        }
        fast.seal();
        frame.code = codev;
        frame.func = f.clone();
        frame.stack = fast;
        frame.globals = func.globals.clone();
        frame.builtins = func.builtins.clone();
        Ok(frame)
    }

    /// A frame for module-level or `exec` code with a locals mapping.
    pub fn make_module_frame(&mut self, code: Value, globals: Value, locals: Value) -> Box<Frame> {
        let c = code.downcast::<crate::objects::function::Code>().unwrap();
        let nlocals = c.code.varnames.len();
        // Free variables get empty cells too, so no path can index past
        // `fast` (eval/exec reject such code before getting here).
        let ncells = c.code.cellvars.len() + c.code.freevars.len();
        let stacksize = c.code.stacksize as usize;
        let mut fast = Slots::new();
        fast.start(nlocals + ncells + stacksize);
        fast.push_nulls(nlocals);
        for _ in 0..ncells {
            let cell = self.new_cell(Value::NULL);
            fast.push(cell);
        }
        let builtins = match crate::ops::dict_get_str(&globals, "__builtins__") {
            Some(b) if b.kind() == Some(kinds::DICT) => b,
            Some(b) if b.kind() == Some(kinds::MODULE) => b
                .downcast::<crate::objects::module::Module>()
                .unwrap()
                .dict
                .clone(),
            // Any other object is used as the builtins mapping (CPython's
            // _PyEval_BuiltinsFromGlobals); lookups subscript it.
            Some(b) if !b.is_none() => b,
            _ => {
                if globals.downcast::<Dict>().is_some() {
                    let bn = self.names.__builtins__.clone();
                    dict_set_strkey(&globals, bn, self.builtins_module.clone());
                }
                self.builtins.clone()
            }
        };
        let mut frame = Vm::fresh_frame();
        fast.seal();
        frame.code = code;
        frame.stack = fast;
        frame.globals = globals;
        frame.builtins = builtins;
        frame.locals = locals;
        frame
    }

    /// Type of class methods/static methods accessed raw (for `__get__` of wrappers).
    pub fn unwrap_method_descriptor(&self, v: &Value) -> Value {
        if let Some(c) = v.downcast::<ClassMethod>() {
            return c.func.get();
        }
        if let Some(s) = v.downcast::<StaticMethod>() {
            return s.func.get();
        }
        v.clone()
    }

    pub fn type_obj<'a>(&self, v: &'a Value) -> &'a TypeObject {
        v.downcast::<TypeObject>().expect("a type")
    }
}

/// A function's `__qualname__` for argument errors, rendered on demand.
struct QualName<'a>(&'a Function);

impl std::fmt::Display for QualName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let q = self.0.qualname.get();
        f.write_str(q.downcast::<Str>().map_or("?", |s| s.as_str()))
    }
}

fn missing_msg(fname: &str, what: &str, missing: &[String]) -> String {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    format!(
        "{}() missing {} required {} argument{}: {}",
        fname,
        missing.len(),
        what,
        if missing.len() == 1 { "" } else { "s" },
        list
    )
}

/// Approximate current stack pointer (address of a local).
#[inline(never)]
pub fn stack_address() -> usize {
    let x = 0u8;
    std::hint::black_box(&x) as *const u8 as usize
}
