//! The `_ast` node classes: `AST` and its subclasses, built at import time
//! from the data in `node_table` as ordinary heap classes (so instances are
//! plain objects with attributes, and `copy`, `pickle` and `NodeVisitor`
//! work unchanged), plus `AST.__init__` and `AST.__reduce__`.
//!
//! Invariant: `Kinds::classes[i]` is the class of `NODES[i]` for the whole
//! life of the interpreter (module attributes may be rebound by user code,
//! the conversions never look them up by name); `Kinds::singletons[i]` is
//! the one shared instance of a field-less operator or context class (`Load`,
//! `Add`, ...) that parsing hands out, or None for other classes.

use adder_object::Value;
use adder_vm::native::{module_get, module_set};
use adder_vm::objects::seq::Tuple;
use adder_vm::objects::string::Str;
use adder_vm::ops::is_subtype;
use adder_vm::{Args, PyResult, Vm};

use crate::node_table::{NodeDef, NODES};

/// Module attributes holding the classes and singletons, in `NODES` order.
const CLASSES_ATTR: &str = "_classes";
const SINGLETONS_ATTR: &str = "_singletons";
const BASE_ATTR: &str = "_AST";

/// The node classes of one interpreter, indexed like `NODES`.
pub(crate) struct Kinds {
    pub ast: Value,
    pub classes: Vec<Value>,
    pub singletons: Vec<Value>,
}

impl Kinds {
    /// Reads the tables stored in the `_ast` module by `create_classes`.
    pub fn of_module(vm: &mut Vm, m: &Value) -> PyResult<Kinds> {
        let get = |vm: &mut Vm, name: &str| -> PyResult<Vec<Value>> {
            match module_get(m, name) {
                Some(t) => match t.downcast::<Tuple>() {
                    Some(t) if t.items.len() == NODES.len() => Ok(t.items.to_vec()),
                    _ => Err(vm.system_error("_ast: node class table is corrupted")),
                },
                None => Err(vm.system_error("_ast: node class table is missing")),
            }
        };
        let Some(ast) = module_get(m, BASE_ATTR) else {
            return Err(vm.system_error("_ast: AST class is missing"));
        };
        Ok(Kinds {
            ast,
            classes: get(vm, CLASSES_ATTR)?,
            singletons: get(vm, SINGLETONS_ATTR)?,
        })
    }

    /// Whether `obj` is an instance of node class `k` (or a subclass).
    pub fn is(&self, vm: &Vm, obj: &Value, k: usize) -> bool {
        let t = vm.type_of(obj);
        is_subtype(&t, &self.classes[k])
    }

    /// The definition of the first concrete class of `obj` among `ks`.
    pub fn which(
        &self,
        vm: &Vm,
        obj: &Value,
        ks: std::ops::RangeInclusive<usize>,
    ) -> Option<usize> {
        ks.into_iter().find(|&k| self.is(vm, obj, k))
    }
}

/// Whether `obj` is an `AST` instance.
pub(crate) fn is_ast(vm: &Vm, k: &Kinds, obj: &Value) -> bool {
    obj.kind() == Some(adder_vm::kinds::INSTANCE) && is_subtype(&vm.type_of(obj), &k.ast)
}

pub(crate) fn def(k: usize) -> &'static NodeDef {
    &NODES[k]
}

fn str_tuple(vm: &mut Vm, items: &[&str]) -> Value {
    let v = items.iter().map(|s| vm.intern(s)).collect();
    vm.new_tuple(v)
}

/// Creates `AST` and every node class in module `m` (and the private tables).
pub(crate) fn create_classes(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let object = vm.t.object.clone();
    let ast = make_class(vm, "AST", &object, &[], Some(&[]), &[], None)?;
    vm.add_method(&ast, "__init__", ast_init);
    vm.add_method(&ast, "__reduce__", ast_reduce);
    module_set(vm, m, "AST", ast.clone());
    module_set(vm, m, BASE_ATTR, ast.clone());
    let mut classes: Vec<Value> = Vec::with_capacity(NODES.len());
    let mut singletons: Vec<Value> = Vec::with_capacity(NODES.len());
    for d in NODES {
        let base = if d.base == "AST" {
            ast.clone()
        } else {
            let i = NODES
                .iter()
                .position(|n| n.name == d.base)
                .ok_or_else(|| vm.system_error("_ast: unknown base class"))?;
            classes[i].clone()
        };
        let fields: Vec<&str> = d.fields.iter().map(|f| f.0).collect();
        let cls = make_class(
            vm,
            d.name,
            &base,
            &fields,
            d.attributes,
            d.none_defaults,
            Some(d.doc),
        )?;
        module_set(vm, m, d.name, cls.clone());
        // Field-less concrete classes under a sum of constants (operators,
        // contexts) are shared singletons when produced by the parser.
        let singleton = matches!(
            d.base,
            "expr_context" | "boolop" | "operator" | "unaryop" | "cmpop"
        );
        singletons.push(if singleton {
            vm.alloc_instance(&cls)
        } else {
            Value::NONE
        });
        classes.push(cls);
    }
    let t = vm.new_tuple(classes);
    module_set(vm, m, CLASSES_ATTR, t);
    let t = vm.new_tuple(singletons);
    module_set(vm, m, SINGLETONS_ATTR, t);
    Ok(())
}

fn make_class(
    vm: &mut Vm,
    name: &str,
    base: &Value,
    fields: &[&str],
    attributes: Option<&[&str]>,
    none_defaults: &[&str],
    doc: Option<&str>,
) -> PyResult {
    let ns = vm.new_dict();
    let k = vm.intern("__module__");
    let v = vm.intern("ast");
    vm.dict_set(&ns, k, v)?;
    let f = str_tuple(vm, fields);
    let k = vm.intern("_fields");
    vm.dict_set(&ns, k, f.clone())?;
    let k = vm.intern("__match_args__");
    vm.dict_set(&ns, k, f)?;
    if let Some(a) = attributes {
        let t = str_tuple(vm, a);
        let k = vm.intern("_attributes");
        vm.dict_set(&ns, k, t)?;
    }
    for n in none_defaults {
        let k = vm.intern(n);
        vm.dict_set(&ns, k, Value::NONE)?;
    }
    let k = vm.intern("__doc__");
    let v = match doc {
        Some(d) => vm.new_str(d),
        None => Value::NONE,
    };
    vm.dict_set(&ns, k, v)?;
    let name = vm.new_str(name);
    let bases = vm.new_tuple(vec![base.clone()]);
    let ty = vm.t.type_.clone();
    vm.call(&ty, vec![name, bases, ns])
}

fn type_name(vm: &Vm, obj: &Value) -> String {
    vm.type_name(obj)
}

/// `AST.__init__(self, *args, **kwargs)`: positional arguments fill
/// `_fields` in order, keywords set any attribute.
fn ast_init(vm: &mut Vm, args: Args) -> PyResult {
    let Some(this) = args.pos.first().cloned() else {
        return Err(vm.type_error("descriptor '__init__' of 'AST' object needs an argument"));
    };
    let cls = vm.type_of(&this);
    let fields_name = vm.intern("_fields");
    let fields = match vm.getattr_opt(&cls, &fields_name)? {
        Some(f) => vm.iterate(&f)?,
        None => Vec::new(),
    };
    let npos = args.pos.len() - 1;
    if npos > fields.len() {
        let n = fields.len();
        return Err(vm.type_error(format!(
            "{} constructor takes at most {} positional argument{}",
            type_name(vm, &this),
            n,
            if n == 1 { "" } else { "s" }
        )));
    }
    for (i, v) in args.pos[1..].iter().enumerate() {
        vm.setattr(&this, &fields[i], v.clone())?;
    }
    for (k, v) in &args.kw {
        let mut dup = false;
        for (i, f) in fields.iter().enumerate() {
            if vm.eq(f, k)? {
                dup = i < npos;
                break;
            }
        }
        if dup {
            let kn = k.downcast::<Str>().map_or("?", |s| s.as_str()).to_string();
            return Err(vm.type_error(format!(
                "{} got multiple values for argument '{}'",
                type_name(vm, &this),
                kn
            )));
        }
        vm.setattr(&this, k, v.clone())?;
    }
    Ok(Value::NONE)
}

/// `AST.__reduce__(self)`: `(type(self), (), self.__dict__)`.
fn ast_reduce(vm: &mut Vm, args: Args) -> PyResult {
    let Some(this) = args.pos.first().cloned() else {
        return Err(vm.type_error("descriptor '__reduce__' of 'AST' object needs an argument"));
    };
    let cls = vm.type_of(&this);
    let empty = vm.new_tuple(Vec::new());
    let dict_name = vm.intern("__dict__");
    let d = match vm.getattr_opt(&this, &dict_name)? {
        Some(d) => d,
        None => return Ok(vm.new_tuple(vec![cls, empty])),
    };
    Ok(vm.new_tuple(vec![cls, empty, d]))
}
