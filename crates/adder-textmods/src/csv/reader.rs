//! `_csv.reader`: the CSV parsing state machine (CPython 3.11:
//! `parse_process_char` and `Reader_iternext` in Modules/_csv.c), fed one
//! line of the input iterator at a time, each followed by an end-of-line
//! marker; a record may span lines (quoted newlines, escaped newlines).
//!
//! Invariant: the parser's state lives only for one `__next__` call (as
//! CPython resets it at the start of each record), owned by that call, so
//! nothing is borrowed across the calls into Python code (the input
//! iterator, `float()` of numeric fields); `line_num` counts the lines
//! read so far.

use std::cell::Cell;

use adder_object::{Trace, Value};
use adder_vm::objects::string::Str;
use adder_vm::{Args, PyResult, Vm};

use super::dialect::{call_dialect, DialectObj, QUOTE_NONE, QUOTE_NONNUMERIC};
use super::{csv_error, readonly, state, unpack};

#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
enum State {
    #[default]
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

/// One input unit: a character or the end of a line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ch {
    C(char),
    Eol,
}

#[derive(Default)]
struct Parser {
    state: State,
    field: String,
    field_len: i64,
    fields: Vec<Value>,
    numeric_field: bool,
}

#[derive(Trace)]
pub struct Reader {
    input_iter: Value,
    dialect: Value,
    line_num: Cell<i64>,
}
adder_object::payload!(Reader, super::READER_KIND, "_csv.reader");

pub fn register(vm: &mut Vm, t: &Value) {
    vm.add_method(t, "__iter__", |vm, args| {
        this(vm, &args)?;
        Ok(args.pos[0].clone())
    });
    vm.add_method(t, "__next__", reader_next);
    vm.add_getset(
        t,
        "dialect",
        |vm, v| match v.downcast::<Reader>() {
            Some(r) => Ok(r.dialect.clone()),
            None => Err(vm.type_error("descriptor 'dialect' doesn't apply")),
        },
        Some(readonly),
    );
    vm.add_getset(
        t,
        "line_num",
        |vm, v| match v.downcast::<Reader>() {
            Some(r) => Ok(vm.new_int(r.line_num.get())),
            None => Err(vm.type_error("descriptor 'line_num' doesn't apply")),
        },
        Some(readonly),
    );
}

fn this<'a>(vm: &Vm, args: &'a Args) -> PyResult<&'a Reader> {
    args.pos
        .first()
        .and_then(|v| v.downcast::<Reader>())
        .ok_or_else(|| vm.type_error("descriptor requires a '_csv.reader' object"))
}

/// `_csv.reader(iterable, dialect='excel', **fmtparams)`.
pub fn csv_reader(vm: &mut Vm, args: Args) -> PyResult {
    unpack(vm, &args.pos, 1, 2)?;
    let it = vm.iter(&args.pos[0])?;
    let dialect = call_dialect(vm, args.pos.get(1).cloned(), &args.kw)?;
    let m = state::module(vm)?;
    let t = adder_vm::native::module_get(&m, "Reader")
        .ok_or_else(|| vm.system_error("_csv lost its reader type"))?;
    Ok(vm.alloc_builtin(
        &t,
        Reader {
            input_iter: it,
            dialect,
            line_num: Cell::new(0),
        },
    ))
}

/// The dialect parameters the parser needs.
struct Params {
    delimiter: char,
    quotechar: Option<char>,
    escapechar: Option<char>,
    quoting: i32,
    doublequote: bool,
    skipinitialspace: bool,
    strict: bool,
    field_limit: i64,
}

fn is_crlf(c: Ch) -> bool {
    matches!(c, Ch::C('\n') | Ch::C('\r'))
}

impl Parser {
    fn add_char(&mut self, vm: &mut Vm, p: &Params, c: char) -> PyResult<()> {
        if self.field_len >= p.field_limit {
            let msg = format!("field larger than field limit ({})", p.field_limit);
            return Err(csv_error(vm, &msg));
        }
        self.field.push(c);
        self.field_len += 1;
        Ok(())
    }

    fn save_field(&mut self, vm: &mut Vm) -> PyResult<()> {
        let text = std::mem::take(&mut self.field);
        self.field_len = 0;
        let mut field = vm.new_string(text);
        if self.numeric_field {
            self.numeric_field = false;
            let ft = vm.t.float.clone();
            field = vm.call(&ft, vec![field])?;
        }
        self.fields.push(field);
        Ok(())
    }

    fn process(&mut self, vm: &mut Vm, p: &Params, c: Ch) -> PyResult<()> {
        let is = |x: Option<char>| matches!((c, x), (Ch::C(a), Some(b)) if a == b);
        let is_delim = c == Ch::C(p.delimiter);
        let quote = is(p.quotechar);
        let escape = is(p.escapechar);
        match self.state {
            State::StartRecord => {
                if c == Ch::Eol {
                    return Ok(());
                }
                if is_crlf(c) {
                    self.state = State::EatCrnl;
                    return Ok(());
                }
                self.state = State::StartField;
                self.start_field(vm, p, c, is_delim, quote, escape)
            }
            State::StartField => self.start_field(vm, p, c, is_delim, quote, escape),
            State::EscapedChar => {
                if let Ch::C(ch @ ('\n' | '\r')) = c {
                    self.add_char(vm, p, ch)?;
                    self.state = State::AfterEscapedCrnl;
                    return Ok(());
                }
                let ch = match c {
                    Ch::C(ch) => ch,
                    Ch::Eol => '\n',
                };
                self.add_char(vm, p, ch)?;
                self.state = State::InField;
                Ok(())
            }
            State::AfterEscapedCrnl => {
                if c == Ch::Eol {
                    return Ok(());
                }
                self.in_field(vm, p, c, is_delim, escape)
            }
            State::InField => self.in_field(vm, p, c, is_delim, escape),
            State::InQuotedField => {
                match c {
                    Ch::Eol => {}
                    _ if escape => self.state = State::EscapeInQuotedField,
                    _ if quote && p.quoting != QUOTE_NONE => {
                        self.state = if p.doublequote {
                            State::QuoteInQuotedField
                        } else {
                            State::InField
                        };
                    }
                    Ch::C(ch) => self.add_char(vm, p, ch)?,
                }
                Ok(())
            }
            State::EscapeInQuotedField => {
                let ch = match c {
                    Ch::C(ch) => ch,
                    Ch::Eol => '\n',
                };
                self.add_char(vm, p, ch)?;
                self.state = State::InQuotedField;
                Ok(())
            }
            State::QuoteInQuotedField => {
                if p.quoting != QUOTE_NONE && quote {
                    if let Ch::C(ch) = c {
                        self.add_char(vm, p, ch)?;
                    }
                    self.state = State::InQuotedField;
                } else if is_delim {
                    self.save_field(vm)?;
                    self.state = State::StartField;
                } else if is_crlf(c) || c == Ch::Eol {
                    self.save_field(vm)?;
                    self.state = if c == Ch::Eol {
                        State::StartRecord
                    } else {
                        State::EatCrnl
                    };
                } else if !p.strict {
                    if let Ch::C(ch) = c {
                        self.add_char(vm, p, ch)?;
                    }
                    self.state = State::InField;
                } else {
                    let msg = format!(
                        "'{}' expected after '{}'",
                        p.delimiter,
                        p.quotechar.unwrap_or('"')
                    );
                    return Err(csv_error(vm, &msg));
                }
                Ok(())
            }
            State::EatCrnl => {
                if is_crlf(c) {
                    return Ok(());
                }
                if c == Ch::Eol {
                    self.state = State::StartRecord;
                    return Ok(());
                }
                Err(csv_error(
                    vm,
                    "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?",
                ))
            }
        }
    }

    fn start_field(
        &mut self,
        vm: &mut Vm,
        p: &Params,
        c: Ch,
        is_delim: bool,
        quote: bool,
        escape: bool,
    ) -> PyResult<()> {
        if is_crlf(c) || c == Ch::Eol {
            self.save_field(vm)?;
            self.state = if c == Ch::Eol {
                State::StartRecord
            } else {
                State::EatCrnl
            };
        } else if quote && p.quoting != QUOTE_NONE {
            self.state = State::InQuotedField;
        } else if escape {
            self.state = State::EscapedChar;
        } else if c == Ch::C(' ') && p.skipinitialspace {
        } else if is_delim {
            self.save_field(vm)?;
        } else {
            if p.quoting == QUOTE_NONNUMERIC {
                self.numeric_field = true;
            }
            if let Ch::C(ch) = c {
                self.add_char(vm, p, ch)?;
            }
            self.state = State::InField;
        }
        Ok(())
    }

    fn in_field(
        &mut self,
        vm: &mut Vm,
        p: &Params,
        c: Ch,
        is_delim: bool,
        escape: bool,
    ) -> PyResult<()> {
        if is_crlf(c) || c == Ch::Eol {
            self.save_field(vm)?;
            self.state = if c == Ch::Eol {
                State::StartRecord
            } else {
                State::EatCrnl
            };
        } else if escape {
            self.state = State::EscapedChar;
        } else if is_delim {
            self.save_field(vm)?;
            self.state = State::StartField;
        } else if let Ch::C(ch) = c {
            self.add_char(vm, p, ch)?;
        }
        Ok(())
    }
}

fn params(vm: &mut Vm, d: &Value) -> PyResult<Params> {
    let Some(d) = d.downcast::<DialectObj>() else {
        return Err(vm.system_error("reader has no dialect"));
    };
    let (delimiter, quotechar, escapechar) = (d.delimiter, d.quotechar, d.escapechar);
    let (quoting, doublequote, skipinitialspace, strict) =
        (d.quoting, d.doublequote, d.skipinitialspace, d.strict);
    let field_limit = state::field_limit(vm)?;
    Ok(Params {
        delimiter,
        quotechar,
        escapechar,
        quoting,
        doublequote,
        skipinitialspace,
        strict,
        field_limit,
    })
}

fn reader_next(vm: &mut Vm, args: Args) -> PyResult {
    let r = this(vm, &args)?;
    let p = params(vm, &r.dialect)?;
    // parse_reset: each record starts from a fresh parser.
    let mut parser = Parser::default();
    read_record(vm, r, &p, &mut parser)
}

fn read_record(vm: &mut Vm, r: &Reader, p: &Params, parser: &mut Parser) -> PyResult {
    loop {
        let line = match vm.next(&r.input_iter)? {
            Some(l) => l,
            None => {
                if parser.field_len != 0 || parser.state == State::InQuotedField {
                    if p.strict {
                        return Err(csv_error(vm, "unexpected end of data"));
                    }
                    parser.save_field(vm)?;
                    break;
                }
                return Err(vm.stop_iteration(Value::NONE));
            }
        };
        let Some(s) = line.downcast::<Str>() else {
            let msg = format!(
                "iterator should return strings, not {} (the file should be opened in text mode)",
                vm.type_name(&line)
            );
            return Err(csv_error(vm, &msg));
        };
        r.line_num.set(r.line_num.get() + 1);
        for ch in s.as_str().chars() {
            parser.process(vm, p, Ch::C(ch))?;
        }
        parser.process(vm, p, Ch::Eol)?;
        if parser.state == State::StartRecord {
            break;
        }
    }
    let fields = std::mem::take(&mut parser.fields);
    Ok(vm.new_list(fields))
}
