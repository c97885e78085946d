//! Interpreter start-up: creates the builtin types, the exception
//! hierarchy, the singletons, and the `builtins` module.
//!
//! Invariant: after `Vm::new` returns, every field of `Types` is a type
//! object whose MRO ends in `object`, every builtin type and singleton is
//! immortal, and each builtins module has registered its methods exactly once.

use std::collections::HashMap;
use std::rc::Rc;

use adder_host::Host;
use adder_object::{alloc, Payload, VTable, Value};

use crate::kinds;
use crate::objects::cell::Cell;
use crate::objects::dict::Dict;
use crate::objects::exception::{Exception, Traceback};
use crate::objects::function::{
    ClassMethod, Code, Function, GetSet, Method, Native, Property, SlotDescr, StaticMethod, Super,
};
use crate::objects::instance::Instance;
use crate::objects::iter::{CoroWrapper, Generator, Iter};
use crate::objects::misc::{DictView, MappingProxy, Singleton};
use crate::objects::module::Module;
use crate::objects::number::{BigInt, Complex};
use crate::objects::seq::{List, Range, Slice, Tuple};
use crate::objects::set::Set;
use crate::objects::string::{ByteArray, Bytes, Str};
use crate::objects::types::{tflags, TypeObject};
use crate::vm::{make_type, Types, Vm};

/// (field, Python name, base field) for the exception hierarchy, parents first.
const EXCEPTIONS: &[(&str, &str, &str)] = &[
    ("base_exception", "BaseException", "object"),
    ("system_exit", "SystemExit", "base_exception"),
    ("keyboard_interrupt", "KeyboardInterrupt", "base_exception"),
    ("generator_exit", "GeneratorExit", "base_exception"),
    (
        "base_exception_group",
        "BaseExceptionGroup",
        "base_exception",
    ),
    ("exception", "Exception", "base_exception"),
    ("exception_group", "ExceptionGroup", "base_exception_group"),
    ("arithmetic_error", "ArithmeticError", "exception"),
    (
        "floating_point_error",
        "FloatingPointError",
        "arithmetic_error",
    ),
    ("overflow_error", "OverflowError", "arithmetic_error"),
    (
        "zero_division_error",
        "ZeroDivisionError",
        "arithmetic_error",
    ),
    ("assertion_error", "AssertionError", "exception"),
    ("attribute_error", "AttributeError", "exception"),
    ("buffer_error", "BufferError", "exception"),
    ("eof_error", "EOFError", "exception"),
    ("import_error", "ImportError", "exception"),
    (
        "module_not_found_error",
        "ModuleNotFoundError",
        "import_error",
    ),
    ("lookup_error", "LookupError", "exception"),
    ("index_error", "IndexError", "lookup_error"),
    ("key_error", "KeyError", "lookup_error"),
    ("memory_error", "MemoryError", "exception"),
    ("name_error", "NameError", "exception"),
    ("unbound_local_error", "UnboundLocalError", "name_error"),
    ("os_error", "OSError", "exception"),
    ("blocking_io_error", "BlockingIOError", "os_error"),
    ("child_process_error", "ChildProcessError", "os_error"),
    ("connection_error", "ConnectionError", "os_error"),
    ("broken_pipe_error", "BrokenPipeError", "connection_error"),
    (
        "connection_aborted_error",
        "ConnectionAbortedError",
        "connection_error",
    ),
    (
        "connection_refused_error",
        "ConnectionRefusedError",
        "connection_error",
    ),
    (
        "connection_reset_error",
        "ConnectionResetError",
        "connection_error",
    ),
    ("file_exists_error", "FileExistsError", "os_error"),
    ("file_not_found_error", "FileNotFoundError", "os_error"),
    ("interrupted_error", "InterruptedError", "os_error"),
    ("is_a_directory_error", "IsADirectoryError", "os_error"),
    ("not_a_directory_error", "NotADirectoryError", "os_error"),
    ("permission_error", "PermissionError", "os_error"),
    ("process_lookup_error", "ProcessLookupError", "os_error"),
    ("timeout_error", "TimeoutError", "os_error"),
    ("reference_error", "ReferenceError", "exception"),
    ("runtime_error", "RuntimeError", "exception"),
    (
        "not_implemented_error",
        "NotImplementedError",
        "runtime_error",
    ),
    ("recursion_error", "RecursionError", "runtime_error"),
    ("stop_async_iteration", "StopAsyncIteration", "exception"),
    ("stop_iteration", "StopIteration", "exception"),
    ("syntax_error", "SyntaxError", "exception"),
    ("indentation_error", "IndentationError", "syntax_error"),
    ("tab_error", "TabError", "indentation_error"),
    ("system_error", "SystemError", "exception"),
    ("type_error", "TypeError", "exception"),
    ("value_error", "ValueError", "exception"),
    ("unicode_error", "UnicodeError", "value_error"),
    (
        "unicode_decode_error",
        "UnicodeDecodeError",
        "unicode_error",
    ),
    (
        "unicode_encode_error",
        "UnicodeEncodeError",
        "unicode_error",
    ),
    (
        "unicode_translate_error",
        "UnicodeTranslateError",
        "unicode_error",
    ),
    ("warning", "Warning", "exception"),
    ("bytes_warning", "BytesWarning", "warning"),
    ("deprecation_warning", "DeprecationWarning", "warning"),
    ("encoding_warning", "EncodingWarning", "warning"),
    ("future_warning", "FutureWarning", "warning"),
    ("import_warning", "ImportWarning", "warning"),
    (
        "pending_deprecation_warning",
        "PendingDeprecationWarning",
        "warning",
    ),
    ("resource_warning", "ResourceWarning", "warning"),
    ("runtime_warning", "RuntimeWarning", "warning"),
    ("syntax_warning", "SyntaxWarning", "warning"),
    ("unicode_warning", "UnicodeWarning", "warning"),
    ("user_warning", "UserWarning", "warning"),
];

struct Builder {
    m: HashMap<&'static str, Value>,
    type_: Value,
}

impl Builder {
    fn add(
        &mut self,
        field: &'static str,
        name: &str,
        base: &str,
        vt: &'static VTable,
        kind: u8,
        flags: u32,
    ) -> Value {
        let b = self
            .m
            .get(base)
            .cloned()
            .unwrap_or_else(|| panic!("boot: base {base} before {field}"));
        let tail = b.downcast::<TypeObject>().unwrap().mro.borrow().clone();
        let t = make_type(
            Some(&self.type_),
            name,
            Value::NONE,
            tail,
            None,
            vt,
            kind,
            flags,
        );
        t.header().unwrap().make_immortal();
        *t.downcast::<TypeObject>().unwrap().bases.borrow_mut() = b;
        self.m.insert(field, t.clone());
        t
    }
}

impl Vm {
    pub fn new(host: Rc<dyn Host>, flags: crate::Config) -> Vm {
        // `type` is its own class: create it with the boot meta, then repoint.
        let type_ = make_type(
            None,
            "type",
            Value::NONE,
            vec![],
            None,
            TypeObject::vtable(),
            kinds::TYPE,
            tflags::BASETYPE,
        );
        let tmeta: &adder_object::Meta = &type_.downcast::<TypeObject>().unwrap().meta;
        type_.set_meta(tmeta);
        type_.header().unwrap().make_immortal();
        let object = make_type(
            Some(&type_),
            "object",
            Value::NONE,
            vec![],
            None,
            Instance::vtable(),
            kinds::INSTANCE,
            tflags::BASETYPE | tflags::NO_DICT,
        );
        object.header().unwrap().make_immortal();
        type_
            .downcast::<TypeObject>()
            .unwrap()
            .mro
            .borrow_mut()
            .push(object.clone());
        // type's base is object (made after type, so set here).
        *type_.downcast::<TypeObject>().unwrap().bases.borrow_mut() = object.clone();
        let mut b = Builder {
            m: HashMap::new(),
            type_: type_.clone(),
        };
        b.m.insert("object", object.clone());
        b.m.insert("type_", type_.clone());
        let bt = tflags::BASETYPE;
        b.add("int", "int", "object", BigInt::vtable(), kinds::BIGINT, bt);
        b.add("bool_", "bool", "int", BigInt::vtable(), kinds::BIGINT, 0);
        b.add(
            "float",
            "float",
            "object",
            crate::objects::number::BoxedFloat::vtable(),
            kinds::FLOAT,
            bt,
        );
        b.add(
            "complex",
            "complex",
            "object",
            Complex::vtable(),
            kinds::COMPLEX,
            bt,
        );
        b.add(
            "str",
            "str",
            "object",
            Str::vtable(),
            kinds::STR,
            bt | tflags::SEQUENCE,
        );
        b.add(
            "bytes",
            "bytes",
            "object",
            Bytes::vtable(),
            kinds::BYTES,
            bt | tflags::SEQUENCE,
        );
        b.add(
            "bytearray",
            "bytearray",
            "object",
            ByteArray::vtable(),
            kinds::BYTEARRAY,
            bt | tflags::SEQUENCE,
        );
        b.add(
            "list",
            "list",
            "object",
            List::vtable(),
            kinds::LIST,
            bt | tflags::SEQUENCE,
        );
        b.add(
            "tuple",
            "tuple",
            "object",
            Tuple::vtable(),
            kinds::TUPLE,
            bt | tflags::SEQUENCE,
        );
        b.add(
            "dict",
            "dict",
            "object",
            Dict::vtable(),
            kinds::DICT,
            bt | tflags::MAPPING,
        );
        b.add("set", "set", "object", Set::vtable(), kinds::SET, bt);
        b.add(
            "frozenset",
            "frozenset",
            "object",
            Set::vtable(),
            kinds::SET,
            bt,
        );
        b.add(
            "range",
            "range",
            "object",
            Range::vtable(),
            kinds::RANGE,
            tflags::SEQUENCE,
        );
        b.add("slice", "slice", "object", Slice::vtable(), kinds::SLICE, 0);
        b.add(
            "none",
            "NoneType",
            "object",
            Singleton::vtable(),
            kinds::SINGLETON,
            0,
        );
        b.add(
            "notimpl",
            "NotImplementedType",
            "object",
            Singleton::vtable(),
            kinds::SINGLETON,
            0,
        );
        b.add(
            "ellipsis",
            "ellipsis",
            "object",
            Singleton::vtable(),
            kinds::SINGLETON,
            0,
        );
        b.add(
            "function",
            "function",
            "object",
            Function::vtable(),
            kinds::FUNCTION,
            0,
        );
        b.add(
            "native",
            "builtin_function_or_method",
            "object",
            Native::vtable(),
            kinds::NATIVE,
            0,
        );
        b.add(
            "method",
            "method",
            "object",
            Method::vtable(),
            kinds::METHOD,
            0,
        );
        b.add("cell", "cell", "object", Cell::vtable(), kinds::CELL, 0);
        b.add("code", "code", "object", Code::vtable(), kinds::CODE, 0);
        b.add(
            "module",
            "module",
            "object",
            Module::vtable(),
            kinds::MODULE,
            bt,
        );
        b.add(
            "generator",
            "generator",
            "object",
            Generator::vtable(),
            kinds::GENERATOR,
            0,
        );
        b.add(
            "coroutine",
            "coroutine",
            "object",
            Generator::vtable(),
            kinds::GENERATOR,
            0,
        );
        b.add(
            "async_generator",
            "async_generator",
            "object",
            Generator::vtable(),
            kinds::GENERATOR,
            0,
        );
        b.add(
            "property",
            "property",
            "object",
            Property::vtable(),
            kinds::PROPERTY,
            bt,
        );
        b.add(
            "classmethod",
            "classmethod",
            "object",
            ClassMethod::vtable(),
            kinds::CLASSMETHOD,
            bt,
        );
        b.add(
            "staticmethod",
            "staticmethod",
            "object",
            StaticMethod::vtable(),
            kinds::STATICMETHOD,
            bt,
        );
        b.add(
            "super_",
            "super",
            "object",
            Super::vtable(),
            kinds::SUPER,
            bt,
        );
        b.add(
            "traceback",
            "traceback",
            "object",
            Traceback::vtable(),
            kinds::TRACEBACK,
            0,
        );
        b.add(
            "frame",
            "frame",
            "object",
            crate::objects::frameobj::FrameObject::vtable(),
            kinds::FRAME,
            0,
        );
        for (field, name) in [
            ("iterator", "iterator"),
            ("list_iterator", "list_iterator"),
            ("tuple_iterator", "tuple_iterator"),
            ("str_iterator", "str_ascii_iterator"),
            ("range_iterator", "range_iterator"),
            ("dict_keyiterator", "dict_keyiterator"),
            ("dict_valueiterator", "dict_valueiterator"),
            ("dict_itemiterator", "dict_itemiterator"),
            ("set_iterator", "set_iterator"),
            ("callable_iterator", "callable_iterator"),
            ("list_reverseiterator", "list_reverseiterator"),
            ("longrange_iterator", "longrange_iterator"),
            ("str_uiterator", "str_iterator"),
            ("bytes_iterator", "bytes_iterator"),
            ("bytearray_iterator", "bytearray_iterator"),
            ("dict_reversekeyiterator", "dict_reversekeyiterator"),
            ("dict_reversevalueiterator", "dict_reversevalueiterator"),
            ("dict_reverseitemiterator", "dict_reverseitemiterator"),
        ] {
            b.add(field, name, "object", Iter::vtable(), kinds::ITERATOR, 0);
        }
        for (field, name) in [
            ("map", "map"),
            ("filter", "filter"),
            ("zip", "zip"),
            ("enumerate", "enumerate"),
            ("reversed", "reversed"),
        ] {
            b.add(field, name, "object", Iter::vtable(), kinds::ITERATOR, bt);
        }
        b.add(
            "dict_keys",
            "dict_keys",
            "object",
            DictView::vtable(),
            kinds::DICTVIEW,
            0,
        );
        b.add(
            "dict_values",
            "dict_values",
            "object",
            DictView::vtable(),
            kinds::DICTVIEW,
            0,
        );
        b.add(
            "dict_items",
            "dict_items",
            "object",
            DictView::vtable(),
            kinds::DICTVIEW,
            0,
        );
        b.add(
            "mappingproxy",
            "mappingproxy",
            "object",
            MappingProxy::vtable(),
            kinds::MAPPINGPROXY,
            0,
        );
        b.add(
            "member_descr",
            "member_descriptor",
            "object",
            SlotDescr::vtable(),
            kinds::SLOTDESCR,
            0,
        );
        b.add(
            "getset_descr",
            "getset_descriptor",
            "object",
            GetSet::vtable(),
            kinds::GETSET,
            0,
        );
        b.add(
            "coro_wrapper",
            "coroutine_wrapper",
            "object",
            CoroWrapper::vtable(),
            kinds::CORO_WRAPPER,
            0,
        );
        b.add(
            "std_stream",
            "TextIOWrapper",
            "object",
            crate::builtins::sys::StdStream::vtable(),
            kinds::STREAM,
            0,
        );
        for (field, name, flags) in [
            ("weakref", "ReferenceType", tflags::BASETYPE),
            ("weakproxy", "ProxyType", 0),
            ("weakcallableproxy", "CallableProxyType", 0),
        ] {
            b.add(
                field,
                name,
                "object",
                adder_object::weak::WeakRef::vtable(),
                kinds::WEAKREF,
                flags,
            );
        }
        b.add(
            "memoryview",
            "memoryview",
            "object",
            crate::builtins::memview::MemoryView::vtable(),
            kinds::MEMORYVIEW,
            0,
        );
        for (field, name, base) in EXCEPTIONS {
            b.add(
                field,
                name,
                base,
                Exception::vtable(),
                kinds::EXCEPTION,
                bt | tflags::EXCEPTION | tflags::DICT_SLOT,
            );
        }

        // Now dicts and tuples can be made: give every type its namespace and bases tuple.
        let dict_t = b.m["dict"].clone();
        let tuple_t = b.m["tuple"].clone();
        let dict_meta = &dict_t.downcast::<TypeObject>().unwrap().meta;
        let tuple_meta = &tuple_t.downcast::<TypeObject>().unwrap().meta;
        let empty_tuple = alloc(
            tuple_meta,
            Tuple {
                items: Box::new([]),
            },
            0,
            0,
        );
        empty_tuple.header().unwrap().make_immortal();
        for t in b.m.values() {
            let to = t.downcast::<TypeObject>().unwrap();
            let d = alloc(dict_meta, Dict::new(), 0, 0);
            d.header().unwrap().make_immortal();
            let _ = to.dict_cell.set(d);
            let base = to.bases.borrow().clone();
            let bases = if base.is_none() {
                empty_tuple.clone()
            } else {
                alloc(
                    tuple_meta,
                    Tuple {
                        items: Box::new([base]),
                    },
                    0,
                    0,
                )
            };
            *to.bases.borrow_mut() = bases;
        }
        // ExceptionGroup derives from both BaseExceptionGroup and Exception.
        {
            let eg = b.m["exception_group"].clone();
            let ex = b.m["exception"].clone();
            let beg = b.m["base_exception_group"].clone();
            let to = eg.downcast::<TypeObject>().unwrap();
            let mut mro = vec![eg.clone(), beg.clone()];
            mro.extend(
                ex.downcast::<TypeObject>()
                    .unwrap()
                    .mro
                    .borrow()
                    .iter()
                    .cloned(),
            );
            *to.mro.borrow_mut() = mro;
            let bases = alloc(
                tuple_meta,
                Tuple {
                    items: Box::new([beg, ex]),
                },
                0,
                0,
            );
            *to.bases.borrow_mut() = bases;
        }
        let mut m = b.m;
        let t = Types::from_map(&mut m);

        let none_t = t.notimpl.clone();
        let singleton = |ty: &Value, name: &'static str| {
            let to = ty.downcast::<TypeObject>().unwrap();
            let v = alloc(&to.meta, Singleton { name }, 0, 0);
            v.header().unwrap().make_immortal();
            v
        };
        let not_implemented = singleton(&none_t, "NotImplemented");
        let ellipsis = singleton(&t.ellipsis, "Ellipsis");
        let builtins = alloc(dict_meta, Dict::new(), 0, 0);
        let builtins_module = {
            let to = t.module.downcast::<TypeObject>().unwrap();
            alloc(
                &to.meta,
                Module {
                    dict: builtins.clone(),
                },
                0,
                0,
            )
        };
        let modules = alloc(dict_meta, Dict::new(), 0, 0);
        let mut interned: crate::fasthash::FastMap<Box<str>, Value> =
            crate::fasthash::FastMap::default();
        let str_meta = &t.str.downcast::<TypeObject>().unwrap().meta;
        let mut intern = |s: &str| -> Value {
            if let Some(v) = interned.get(s) {
                return v.clone();
            }
            let v = Str::alloc(str_meta, 0, 0, s);
            v.header().unwrap().make_immortal();
            interned.insert(s.into(), v.clone());
            v
        };
        let names = crate::names::Names::new(&mut intern);
        // The CLI validated the name (`collector::STRATEGIES`); embedders
        // passing an unknown one get the default.
        let gc = crate::collector::GcState::new(flags.gc_strategy.as_deref(), flags.gc_stress)
            .or_else(|_| crate::collector::GcState::new(None, flags.gc_stress))
            .expect("the default collector exists");
        let mut vm = Vm {
            t,
            not_implemented,
            ellipsis,
            empty_tuple,
            interned,
            builtins,
            builtins_module,
            sys_module: Value::NONE,
            modules,
            frames: Vec::new(),
            exc_info: Value::NONE,
            exc_outer: Vec::new(),
            recursion_limit: 1000,
            depth: 0,
            native_depth: 0,
            initializing: Vec::new(),
            max_alloc: host.memory_total().map_or(1 << 34, |m| m as usize),
            frame_pool: Vec::new(),
            fuel: if flags.fuel == 0 {
                u64::MAX
            } else {
                flags.fuel
            },
            reraising: false,
            unwind_from: None,
            unraisable_args_type: Value::NULL,
            repr_stack: Vec::new(),
            source_cache: HashMap::new(),
            signal_flag: host.signal_flag(),
            signal_hook: None,
            host,
            stack_base: crate::call::stack_address(),
            stack_limit: 200 << 20,
            int_max_str_digits: 4300,
            flags,
            names,
            draining_pending: false,
            gc,
            context: Value::NULL,
            len_fn: Value::NULL,
        };
        crate::builtins::init(&mut vm);
        vm.len_fn = crate::ops::dict_get_str(&vm.builtins, "len").unwrap_or(Value::NULL);
        crate::modules::weakref::init_types(&mut vm);
        vm
    }
}
