//! `_io` and `_codecs`: the layered I/O stack (raw file descriptors through
//! the host, buffering, text decoding) and the codec registry.
//!
//! Invariant: every byte that reaches or leaves the outside world goes through
//! `vm.host`; nothing here touches the OS directly. Module state (classes,
//! registries) lives in the module objects, never in globals.

mod args;
mod buffered;
mod bytesio;
pub mod codecs;
mod fileio;
mod iobase;
mod newline;
mod open;
mod rwpair;
mod state;
mod stdio;
mod stringio;
mod textio;

use adder_object::{Payload, Value};
use adder_vm::kinds::IO_FIRST;
use adder_vm::native::{module_add_fns, module_add_ints, module_set, new_type};
use adder_vm::objects::types::tflags;
use adder_vm::{NativeModule, PyResult, StartupHook, Vm};

pub(crate) const KIND_IOBASE: u8 = IO_FIRST;
pub(crate) const KIND_FILEIO: u8 = IO_FIRST + 1;
pub(crate) const KIND_BYTESIO: u8 = IO_FIRST + 2;
pub(crate) const KIND_STRINGIO: u8 = IO_FIRST + 3;
pub(crate) const KIND_BUFFERED: u8 = IO_FIRST + 4;
pub(crate) const KIND_RWPAIR: u8 = IO_FIRST + 5;
pub(crate) const KIND_TEXTIO: u8 = IO_FIRST + 6;
pub(crate) const KIND_NLDECODER: u8 = IO_FIRST + 7;

/// The block size reported for files (`FileIO._blksize`); the host does not
/// report `st_blksize`, and 4096 is what Linux gives for files and pipes.
pub(crate) const DEFAULT_BLKSIZE: i64 = 4096;

/// The modules this crate provides.
pub fn modules() -> Vec<NativeModule> {
    vec![
        NativeModule {
            name: "_io",
            init: init_io,
        },
        NativeModule {
            name: "_codecs",
            init: codecs::init_module,
        },
    ]
}

/// Start-up hooks (the real `sys.stdin`/`stdout`/`stderr`, `builtins.open`).
pub fn startup() -> Vec<StartupHook> {
    vec![stdio::startup]
}

fn init_io(vm: &mut Vm, m: &Value) -> PyResult<()> {
    use state::T;
    let flags = tflags::BASETYPE | tflags::DICT_SLOT;
    let object = vm.t.object.clone();
    let iobase = new_type(
        vm,
        "_io",
        "_IOBase",
        &object,
        iobase::IoBase::vtable(),
        KIND_IOBASE,
        flags,
    );
    let raw = new_type(
        vm,
        "_io",
        "_RawIOBase",
        &iobase,
        iobase::IoBase::vtable(),
        KIND_IOBASE,
        flags,
    );
    let bufbase = new_type(
        vm,
        "_io",
        "_BufferedIOBase",
        &iobase,
        iobase::IoBase::vtable(),
        KIND_IOBASE,
        flags,
    );
    let textbase = new_type(
        vm,
        "_io",
        "_TextIOBase",
        &iobase,
        iobase::IoBase::vtable(),
        KIND_IOBASE,
        flags,
    );
    iobase::init_types(vm, &iobase, &raw, &bufbase, &textbase);

    let fileio = new_type(
        vm,
        "_io",
        "FileIO",
        &raw,
        fileio::FileIo::vtable(),
        KIND_FILEIO,
        flags,
    );
    fileio::init_type(vm, &fileio);
    let bytesio = new_type(
        vm,
        "_io",
        "BytesIO",
        &bufbase,
        bytesio::BytesIo::vtable(),
        KIND_BYTESIO,
        flags,
    );
    bytesio::init_type(vm, &bytesio);
    let stringio = new_type(
        vm,
        "_io",
        "StringIO",
        &textbase,
        stringio::StringIo::vtable(),
        KIND_STRINGIO,
        flags,
    );
    stringio::init_type(vm, &stringio);
    let bvt = buffered::Buffered::vtable();
    let reader = new_type(
        vm,
        "_io",
        "BufferedReader",
        &bufbase,
        bvt,
        KIND_BUFFERED,
        flags,
    );
    let writer = new_type(
        vm,
        "_io",
        "BufferedWriter",
        &bufbase,
        bvt,
        KIND_BUFFERED,
        flags,
    );
    let random = new_type(
        vm,
        "_io",
        "BufferedRandom",
        &bufbase,
        bvt,
        KIND_BUFFERED,
        flags,
    );
    buffered::init_types(vm, &reader, &writer, &random);
    let rwpair = new_type(
        vm,
        "_io",
        "BufferedRWPair",
        &bufbase,
        rwpair::RwPair::vtable(),
        KIND_RWPAIR,
        flags,
    );
    rwpair::init_type(vm, &rwpair);
    let text = new_type(
        vm,
        "_io",
        "TextIOWrapper",
        &textbase,
        textio::TextIo::vtable(),
        KIND_TEXTIO,
        flags,
    );
    textio::init_type(vm, &text);
    let nldec = new_type(
        vm,
        "_io",
        "IncrementalNewlineDecoder",
        &object,
        newline::NlDecoder::vtable(),
        KIND_NLDECODER,
        flags,
    );
    newline::init_type(vm, &nldec);

    // UnsupportedOperation(OSError, ValueError), created like CPython does.
    let ns = vm.new_dict();
    let modname = vm.new_str("io");
    adder_vm::ops::dict_set_str(vm, &ns, "__module__", modname)?;
    let bases = vm.new_tuple(vec![vm.t.os_error.clone(), vm.t.value_error.clone()]);
    let tname = vm.new_str("UnsupportedOperation");
    let type_t = vm.t.type_.clone();
    let unsupported = vm.call(&type_t, vec![tname, bases, ns])?;

    let mut items = vec![Value::NONE; T::Count as usize];
    items[T::IoBase as usize] = iobase.clone();
    items[T::RawIoBase as usize] = raw.clone();
    items[T::BufferedIoBase as usize] = bufbase.clone();
    items[T::TextIoBase as usize] = textbase.clone();
    items[T::FileIo as usize] = fileio.clone();
    items[T::BytesIo as usize] = bytesio.clone();
    items[T::StringIo as usize] = stringio.clone();
    items[T::BufferedReader as usize] = reader.clone();
    items[T::BufferedWriter as usize] = writer.clone();
    items[T::BufferedRandom as usize] = random.clone();
    items[T::BufferedRwPair as usize] = rwpair.clone();
    items[T::TextIoWrapper as usize] = text.clone();
    items[T::NlDecoder as usize] = nldec.clone();
    items[T::Unsupported as usize] = unsupported.clone();
    let st = vm.new_tuple(items);
    module_set(vm, m, state::STATE_NAME, st);

    for (n, v) in [
        ("_IOBase", iobase),
        ("_RawIOBase", raw),
        ("_BufferedIOBase", bufbase),
        ("_TextIOBase", textbase),
        ("FileIO", fileio),
        ("BytesIO", bytesio),
        ("StringIO", stringio),
        ("BufferedReader", reader),
        ("BufferedWriter", writer),
        ("BufferedRandom", random),
        ("BufferedRWPair", rwpair),
        ("TextIOWrapper", text),
        ("IncrementalNewlineDecoder", nldec),
        ("UnsupportedOperation", unsupported),
    ] {
        module_set(vm, m, n, v);
    }
    let bio = vm.t.blocking_io_error.clone();
    module_set(vm, m, "BlockingIOError", bio);
    module_add_ints(
        vm,
        m,
        &[("DEFAULT_BUFFER_SIZE", iobase::DEFAULT_BUFFER_SIZE as i64)],
    );
    module_add_fns(
        vm,
        m,
        &[
            ("open", open::open),
            ("open_code", open::open_code),
            ("text_encoding", open::text_encoding),
        ],
    );
    Ok(())
}
