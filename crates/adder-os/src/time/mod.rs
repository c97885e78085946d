//! The `time` module: clocks, sleeping, `struct_time` conversions
//! (`gmtime` computed here, `localtime`/`mktime` by the host's C library),
//! `strftime` (glibc's C-locale behaviour, in `strftime.rs`), `strptime`
//! (delegated to `_strptime` as CPython does) and the time-zone attributes.
//!
//! Invariant: every clock reading comes from the host; `timezone`,
//! `altzone`, `daylight` and `tzname` are computed as CPython computes them
//! on Linux (local time at the start and middle of the current year), and
//! recomputed by `tzset()`.

mod strftime;

use adder_host::{calendar, consts, Tm};
use adder_object::Value;
use adder_vm::builtins::structseq;
use adder_vm::objects::seq::Tuple;
use adder_vm::objects::string::Str;
use adder_vm::vm::NativeFn;
use adder_vm::{native, Args, PyResult, Vm};
use num_traits::ToPrimitive;

use crate::args::{self, noargs, positional};
use crate::util;

const STRUCT_TIME_FIELDS: &[&str] = &[
    "tm_year",
    "tm_mon",
    "tm_mday",
    "tm_hour",
    "tm_min",
    "tm_sec",
    "tm_wday",
    "tm_yday",
    "tm_isdst",
    "tm_zone",
    "tm_gmtoff",
];

const STRUCT_TIME_DOC: &str =
    "The time value as returned by gmtime(), localtime(), and strptime(), and\n \
accepted by asctime(), mktime() and strftime().  May be considered as a\n \
sequence of 9 integers.\n\n \
Note that several fields' values are not the same as those defined by\n \
the C language standard for struct tm.  For example, the value of the\n \
field tm_year is the actual year, not year - 1900.  See individual\n \
fields' descriptions for details.";

pub fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] = &[
        ("time", time),
        ("time_ns", time_ns),
        ("monotonic", monotonic),
        ("monotonic_ns", monotonic_ns),
        ("perf_counter", monotonic_as_perf),
        ("perf_counter_ns", perf_counter_ns),
        ("process_time", process_time),
        ("process_time_ns", process_time_ns),
        ("thread_time", thread_time),
        ("thread_time_ns", thread_time_ns),
        ("sleep", sleep),
        ("gmtime", gmtime),
        ("localtime", localtime),
        ("mktime", mktime),
        ("asctime", asctime),
        ("ctime", ctime),
        ("strftime", strftime_fn),
        ("strptime", strptime),
        ("tzset", tzset),
        ("get_clock_info", get_clock_info),
        ("clock_gettime", clock_gettime),
        ("clock_gettime_ns", clock_gettime_ns),
        ("clock_getres", clock_getres),
    ];
    native::module_add_fns(vm, m, fns);
    native::module_add_ints(vm, m, consts::CLOCKS);
    native::module_add_ints(vm, m, &[("_STRUCT_TM_ITEMS", 11)]);
    let st = structseq::new_type(vm, "time", "struct_time", STRUCT_TIME_FIELDS, 9);
    let doc = vm.new_str(STRUCT_TIME_DOC);
    vm.add_attr(&st, "__doc__", doc);
    native::module_set(vm, m, "struct_time", st);
    init_timezone(vm, m)
}

fn module(vm: &mut Vm) -> PyResult<Value> {
    native::import(vm, "time")
}

/// CPython's `init_timezone` (the path that reads `tm_gmtoff`/`tm_zone`).
fn init_timezone(vm: &mut Vm, m: &Value) -> PyResult<()> {
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let now = (vm.host.time_ns().div_euclid(1_000_000_000)) as i64;
    let t = now.div_euclid(YEAR) * YEAR;
    let (jan, jul) = match (vm.host.localtime(t), vm.host.localtime(t + YEAR / 2)) {
        (Ok(a), Ok(b)) => (a, b),
        _ => (
            calendar::gmtime(t).unwrap_or_default(),
            calendar::gmtime(t).unwrap_or_default(),
        ),
    };
    let (janzone, julzone) = (-jan.gmtoff, -jul.gmtoff);
    let (tz, alt, names) = if janzone < julzone {
        (julzone, janzone, (jul.zone, jan.zone))
    } else {
        (janzone, julzone, (jan.zone, jul.zone))
    };
    native::module_add_ints(
        vm,
        m,
        &[
            ("timezone", tz),
            ("altzone", alt),
            ("daylight", i64::from(janzone != julzone)),
        ],
    );
    let a = vm.new_string(names.0);
    let b = vm.new_string(names.1);
    let tzname = vm.new_tuple(vec![a, b]);
    native::module_set(vm, m, "tzname", tzname);
    Ok(())
}

fn ns_float(ns: i128) -> f64 {
    if ns % 1_000_000_000 == 0 {
        (ns / 1_000_000_000) as f64
    } else {
        ns as f64 / 1e9
    }
}

macro_rules! clock {
    ($f:ident, $fns:ident, $name:literal, $nsname:literal, $read:expr) => {
        fn $f(vm: &mut Vm, args: Args) -> PyResult {
            noargs(vm, &args, concat!("time.", $name))?;
            let read: fn(&mut Vm) -> PyResult<i128> = $read;
            let ns = read(vm)?;
            Ok(vm.new_float(ns_float(ns)))
        }
        fn $fns(vm: &mut Vm, args: Args) -> PyResult {
            noargs(vm, &args, concat!("time.", $nsname))?;
            let read: fn(&mut Vm) -> PyResult<i128> = $read;
            let ns = read(vm)?;
            Ok(util::int128(vm, ns))
        }
    };
}

fn clock_id(name: &str) -> i32 {
    consts::lookup(consts::CLOCKS, name).unwrap_or(0) as i32
}

fn read_clock(vm: &mut Vm, id: i32) -> PyResult<i128> {
    let r = vm.host.clock_gettime_ns(id);
    util::check(vm, r, None)
}

clock!(time, time_ns, "time", "time_ns", |vm| Ok(vm.host.time_ns()));
clock!(monotonic, monotonic_ns, "monotonic", "monotonic_ns", |vm| {
    Ok(i128::from(vm.host.monotonic_ns()))
});
clock!(
    monotonic_as_perf,
    perf_counter_ns,
    "perf_counter",
    "perf_counter_ns",
    |vm| Ok(i128::from(vm.host.monotonic_ns()))
);
clock!(
    process_time,
    process_time_ns,
    "process_time",
    "process_time_ns",
    |vm| Ok(i128::from(vm.host.process_time_ns()))
);
clock!(
    thread_time,
    thread_time_ns,
    "thread_time",
    "thread_time_ns",
    |vm| { read_clock(vm, clock_id("CLOCK_THREAD_CPUTIME_ID")) }
);

fn sleep(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "time.sleep")?;
    let v = args.pos[0].clone();
    if !adder_vm::num::is_int(&v) && !args::is_float(&v) {
        // Objects with __float__/__index__ are accepted by CPython too.
        if vm.getattr_str(&v, "__float__").is_err() && vm.getattr_str(&v, "__index__").is_err() {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&v)
            )));
        }
    }
    let secs = args::seconds(vm, &v)?;
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    let total = secs * 1e9;
    if total >= 9.2e18 {
        return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t"));
    }
    let total = total.ceil() as u64;
    let deadline = vm.host.monotonic_ns().saturating_add(total);
    let mut left = total;
    loop {
        match vm.host.sleep_ns(left) {
            Ok(()) => return Ok(Value::NONE),
            Err(e) if e.errno == adder_host::EINTR => {
                crate::signal::check(vm)?;
                let now = vm.host.monotonic_ns();
                if now >= deadline {
                    return Ok(Value::NONE);
                }
                left = deadline - now;
            }
            Err(e) => return Err(util::plain_error(vm, &e)),
        }
    }
}

/// `_PyTime_ObjectToTime_t(ROUND_FLOOR)`; None means "now".
fn time_t_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    let v = match v {
        Some(v) if !v.is_none() => v.clone(),
        _ => return Ok(vm.host.time_ns().div_euclid(1_000_000_000) as i64),
    };
    if args::is_float(&v) {
        let f = adder_vm::num::as_float(&v).unwrap_or(0.0);
        if f.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let f = f.floor();
        if !(-9.223_372_036_854_775e18..9.223_372_036_854_775e18).contains(&f) {
            return Err(vm.overflow_error("timestamp out of range for platform time_t"));
        }
        return Ok(f as i64);
    }
    let i = vm.index(&v)?;
    i.to_i64()
        .ok_or_else(|| vm.overflow_error("timestamp out of range for platform time_t"))
}

/// A `time.struct_time` for a broken-down time.
fn struct_time(vm: &mut Vm, tm: &Tm) -> PyResult {
    let m = module(vm)?;
    let ty = vm.getattr_str(&m, "struct_time")?;
    let vals = vec![
        vm.new_int(tm.year),
        vm.new_int(i64::from(tm.mon) + 1),
        vm.new_int(i64::from(tm.mday)),
        vm.new_int(i64::from(tm.hour)),
        vm.new_int(i64::from(tm.min)),
        vm.new_int(i64::from(tm.sec)),
        vm.new_int(i64::from((tm.wday + 6).rem_euclid(7))),
        vm.new_int(i64::from(tm.yday) + 1),
        vm.new_int(i64::from(tm.isdst)),
        vm.new_str(&tm.zone),
        vm.new_int(tm.gmtoff),
    ];
    Ok(structseq::new(vm, &ty, vals))
}

fn out_of_range(vm: &mut Vm) -> Value {
    vm.overflow_error("timestamp out of range for platform time_t")
}

fn gmtime(vm: &mut Vm, args: Args) -> PyResult {
    args::tuple_count(vm, &args, "gmtime", 0, 1)?;
    let t = time_t_arg(vm, args.pos.first())?;
    let Some(mut tm) = calendar::gmtime(t) else {
        return Err(out_of_range(vm));
    };
    tm.zone = "GMT".to_string();
    struct_time(vm, &tm)
}

fn local(vm: &mut Vm, t: i64) -> PyResult<Tm> {
    match vm.host.localtime(t) {
        Ok(tm) => Ok(tm),
        Err(e) if e.errno == adder_host::EOVERFLOW => Err(out_of_range(vm)),
        Err(e) => Err(util::plain_error(vm, &e)),
    }
}

fn localtime(vm: &mut Vm, args: Args) -> PyResult {
    args::tuple_count(vm, &args, "localtime", 0, 1)?;
    let t = time_t_arg(vm, args.pos.first())?;
    let tm = local(vm, t)?;
    struct_time(vm, &tm)
}

/// CPython's `gettmarg`: a 9-tuple or a struct_time, to C conventions.
fn tm_arg(vm: &mut Vm, v: &Value, func: &str) -> PyResult<Tm> {
    let Some(t) = v.downcast::<Tuple>() else {
        return Err(vm.type_error("Tuple or struct_time argument required"));
    };
    let items = t.items.to_vec();
    let illegal = |vm: &Vm| vm.type_error(format!("{func}(): illegal time tuple argument"));
    if items.len() != 9 {
        return Err(illegal(vm));
    }
    let mut f = [0i32; 9];
    for (slot, it) in f.iter_mut().zip(&items) {
        if !adder_vm::num::is_int(it) {
            return Err(illegal(vm));
        }
        *slot = args::c_int(vm, it)?;
    }
    let year = i64::from(f[0]);
    if year < i64::from(i32::MIN) + 1900 {
        return Err(vm.overflow_error("year out of range"));
    }
    let mut tm = Tm {
        year,
        mon: f[1] - 1,
        mday: f[2],
        hour: f[3],
        min: f[4],
        sec: f[5],
        wday: (f[6] + 1) % 7,
        yday: f[7] - 1,
        isdst: f[8],
        gmtoff: 0,
        zone: String::new(),
    };
    let m = module(vm)?;
    let st = vm.getattr_str(&m, "struct_time")?;
    if vm.type_of(v).is(&st) {
        if let Some(z) = structseq::field(v, 9).filter(|z| !z.is_none()) {
            if let Some(s) = z.downcast::<Str>() {
                tm.zone = s.as_str().to_string();
            }
        }
        if let Some(g) = structseq::field(v, 10).filter(|g| !g.is_none()) {
            tm.gmtoff = args::c_long(vm, &g)?;
        }
    }
    Ok(tm)
}

/// CPython's `checktm` (after normalising the 0 placeholders).
fn check_tm(vm: &mut Vm, tm: &mut Tm) -> PyResult<()> {
    if tm.mon == -1 {
        tm.mon = 0;
    } else if !(0..=11).contains(&tm.mon) {
        return Err(vm.value_error("month out of range"));
    }
    if tm.mday == 0 {
        tm.mday = 1;
    } else if !(0..=31).contains(&tm.mday) {
        return Err(vm.value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.hour) {
        return Err(vm.value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.min) {
        return Err(vm.value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.sec) {
        return Err(vm.value_error("seconds out of range"));
    }
    if tm.wday < 0 {
        return Err(vm.value_error("day of week out of range"));
    }
    if tm.yday == -1 {
        tm.yday = 0;
    } else if !(0..=365).contains(&tm.yday) {
        return Err(vm.value_error("day of year out of range"));
    }
    Ok(())
}

/// The `t` argument of strftime/asctime: given, or local time now.
fn tm_or_now(vm: &mut Vm, v: Option<&Value>, func: &str) -> PyResult<Tm> {
    match v {
        Some(v) => {
            let mut tm = tm_arg(vm, v, func)?;
            check_tm(vm, &mut tm)?;
            Ok(tm)
        }
        None => {
            let now = vm.host.time_ns().div_euclid(1_000_000_000) as i64;
            local(vm, now)
        }
    }
}

fn mktime(vm: &mut Vm, args: Args) -> PyResult {
    args::onearg(vm, &args, "time.mktime")?;
    let tm = tm_arg(vm, &args.pos[0], "mktime")?;
    match vm.host.mktime(&tm) {
        Ok(t) => Ok(vm.new_float(t as f64)),
        Err(_) => Err(vm.overflow_error("mktime argument out of range")),
    }
}

fn asctime_text(tm: &Tm) -> String {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        DAYS[tm.wday.rem_euclid(7) as usize],
        MONS[tm.mon.clamp(0, 11) as usize],
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year
    )
}

fn asctime(vm: &mut Vm, args: Args) -> PyResult {
    positional(vm, &args, "time.asctime", 0, 1)?;
    let tm = tm_or_now(vm, args.pos.first(), "asctime")?;
    Ok(vm.new_string(asctime_text(&tm)))
}

fn ctime(vm: &mut Vm, args: Args) -> PyResult {
    args::tuple_count(vm, &args, "ctime", 0, 1)?;
    let t = time_t_arg(vm, args.pos.first())?;
    let tm = local(vm, t)?;
    Ok(vm.new_string(asctime_text(&tm)))
}

fn strftime_fn(vm: &mut Vm, args: Args) -> PyResult {
    args::tuple_count(vm, &args, "strftime", 1, 2)?;
    let Some(fmt) = args.pos[0]
        .downcast::<Str>()
        .map(|s| s.as_str().to_string())
    else {
        return Err(vm.type_error(format!(
            "strftime() argument 1 must be str, not {}",
            vm.type_name(&args.pos[0])
        )));
    };
    if fmt.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    let mut tm = tm_or_now(vm, args.pos.get(1), "strftime")?;
    tm.isdst = tm.isdst.clamp(-1, 1);
    let zone = if !tm.zone.is_empty() {
        tm.zone.clone()
    } else {
        let m = module(vm)?;
        let names = vm.getattr_str(&m, "tzname")?;
        let idx = vm.new_int(i64::from(tm.isdst > 0));
        let z = vm.getitem(&names, &idx)?;
        z.downcast::<Str>()
            .map_or_else(String::new, |s| s.as_str().to_string())
    };
    let epoch = if fmt.contains('s') {
        vm.host.mktime(&tm).unwrap_or(-1)
    } else {
        0
    };
    let out = strftime::strftime(&fmt, &tm, &strftime::Extra { zone: &zone, epoch });
    Ok(vm.new_string(out))
}

fn strptime(vm: &mut Vm, args: Args) -> PyResult {
    let m = native::import(vm, "_strptime")?;
    let f = vm.getattr_str(&m, "_strptime_time")?;
    vm.call_args(&f, args)
}

fn tzset(vm: &mut Vm, args: Args) -> PyResult {
    noargs(vm, &args, "time.tzset")?;
    vm.host.tzset();
    let m = module(vm)?;
    init_timezone(vm, &m)?;
    Ok(Value::NONE)
}

fn get_clock_info(vm: &mut Vm, args: Args) -> PyResult {
    args::tuple_count(vm, &args, "get_clock_info", 1, 1)?;
    let name = args.pos[0]
        .downcast::<Str>()
        .map(|s| s.as_str().to_string());
    let Some(name) = name else {
        return Err(vm.type_error(format!(
            "get_clock_info() argument 1 must be str, not {}",
            vm.type_name(&args.pos[0])
        )));
    };
    let (clock, monotonic, adjustable) = match name.as_str() {
        "time" => ("CLOCK_REALTIME", false, true),
        "monotonic" | "perf_counter" => ("CLOCK_MONOTONIC", true, false),
        "process_time" => ("CLOCK_PROCESS_CPUTIME_ID", true, false),
        "thread_time" => ("CLOCK_THREAD_CPUTIME_ID", true, false),
        _ => return Err(vm.value_error("unknown clock")),
    };
    let res = vm.host.clock_getres_ns(clock_id(clock)).unwrap_or(1);
    let sys = vm.sys_module.clone();
    let imp = vm.getattr_str(&sys, "implementation")?;
    let ns_type = vm.type_of(&imp);
    let ns = vm.call(&ns_type, vec![])?;
    let imp_text = vm.new_string(format!("clock_gettime({clock})"));
    let resolution = vm.new_float(res as f64 / 1e9);
    let fields = [
        ("implementation", imp_text),
        ("monotonic", Value::from_bool(monotonic)),
        ("adjustable", Value::from_bool(adjustable)),
        ("resolution", resolution),
    ];
    for (k, v) in fields {
        let k = vm.new_str(k);
        vm.setattr(&ns, &k, v)?;
    }
    Ok(ns)
}

fn clk_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<i32> {
    args::tuple_count(vm, args, name, 1, 1)?;
    args::c_int(vm, &args.pos[0])
}

fn clock_gettime(vm: &mut Vm, args: Args) -> PyResult {
    let id = clk_arg(vm, &args, "clock_gettime")?;
    let ns = read_clock(vm, id)?;
    Ok(vm.new_float(ns_float(ns)))
}

fn clock_gettime_ns(vm: &mut Vm, args: Args) -> PyResult {
    let id = clk_arg(vm, &args, "clock_gettime_ns")?;
    let ns = read_clock(vm, id)?;
    Ok(util::int128(vm, ns))
}

fn clock_getres(vm: &mut Vm, args: Args) -> PyResult {
    let id = clk_arg(vm, &args, "clock_getres")?;
    let r = vm.host.clock_getres_ns(id);
    let ns = util::check(vm, r, None)?;
    Ok(vm.new_float(ns as f64 / 1e9))
}
