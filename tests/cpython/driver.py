"""Runs one CPython test module under the interpreter executing this file and
writes one machine-readable line per event to a result file.

Invariant: every line is flushed as soon as it is written, so a crash or a
timeout mid-module still leaves the finished tests on disk; the last line is
`done` only when the whole suite ran. The driver never edits or skips a test:
it builds the suite the way CPython's libregrtest does (the module's
`test_main()` if it has one, else `unittest.TestLoader().loadTestsFromModule`,
which honours the `load_tests` protocol) and reports what unittest reports.

Usage (run by tests/cpython/run.py, rarely by hand):

    adder tests/cpython/driver.py RESULT_FILE test.test_x [--use=res1,res2]
                                  [--skip-file=PATH]

`--skip-file` names a file of test ids (one per line) that the manifest says
must not be started at all (they crash or hang the interpreter); they are
taken out of the suite before it runs, as libregrtest's `--ignorefile` does,
and reported as `mskip`.

Result lines are TAB-separated, with tabs and newlines inside fields replaced
by spaces:

    info    <key>   <value>       facts about the run (test package path)
    module-error    <module>  <reason>   the module could not be imported/loaded
    module-skip     <module>  <reason>   the module raised SkipTest on import
    plan    <id>                  a test the suite contains (before running)
    start   <id>                  a test began
    <outcome>   <id>    <reason>  ok / fail / error / skip / xfail / xpass
    mskip   <id>                  taken out of the suite (--skip-file)
    unmatched   <id>              a --skip-file id the suite does not have
    stop    <id>                  a test ended
    done                          the suite ran to the end

Outcomes of subtests are reported against their parent test's id; errors of
class and module fixtures (setUpClass, setUpModule, ...) carry unittest's
description (e.g. `setUpClass (test.test_x.Foo)`) as their id.

Only `sys`, `unittest` and the module under test (with the `test.support` it
imports anyway) are used, so that the driver needs as little of the
interpreter as possible.
"""

import sys

MAX_REASON = 300


def clean(text):
    """One line of text, safe to put in a TAB-separated field."""
    text = str(text)
    for ch in "\t\r\n\x0b\x0c":
        text = text.replace(ch, " ")
    if len(text) > MAX_REASON:
        text = text[: MAX_REASON - 3] + "..."
    return text


def describe_exception(exc_type, exc_value):
    """`Type: first line of the message`, never raising."""
    try:
        name = exc_type.__name__
    except Exception:
        name = "<unknown exception>"
    try:
        message = str(exc_value)
    except Exception:
        message = "<str() of the exception failed>"
    message = message.strip().split("\n")[0] if message else ""
    return name + ": " + message if message else name


class Reporter:
    """Writes result lines to the result file, flushing after each."""

    def __init__(self, path):
        self.file = open(path, "w", encoding="utf-8", errors="backslashreplace")

    def line(self, *fields):
        self.file.write("\t".join(clean(f) for f in fields) + "\n")
        self.file.flush()

    def close(self):
        self.file.close()


def test_id(test):
    """The id an event is reported under: a subtest reports as its parent."""
    parent = getattr(test, "test_case", None)
    if parent is not None:
        test = parent
    try:
        return test.id()
    except Exception:
        return repr(test)


def log_traceback(kind, test, text):
    """The full traceback goes to stderr, which run.py keeps as the log."""
    try:
        sys.stderr.write("=" * 70 + "\n%s: %s\n%s\n" % (kind, test_id(test), text))
        sys.stderr.flush()
    except Exception:
        pass


def plain_traceback(err):
    """A traceback written without the `traceback` module (which may not work
    on the interpreter under test): file, line and function of each entry."""
    out = []
    try:
        tb = err[2]
        while tb is not None and len(out) < 100:
            code = tb.tb_frame.f_code
            out.append('  File "%s", line %s, in %s' % (code.co_filename, tb.tb_lineno,
                                                         code.co_name))
            tb = tb.tb_next
    except Exception as e:
        out.append("  <walking the traceback failed: %s>" % describe_exception(type(e), e))
    out.append(describe_exception(err[0], err[1]))
    return "\n".join(out)


def make_result_class(unittest, reporter):
    class LadderResult(unittest.TestResult):
        """A TestResult that reports every event as it happens. The event is
        written before unittest's own bookkeeping, which formats tracebacks
        with the `traceback` module: if that fails on the interpreter under
        test, the outcome is still reported and the run goes on."""

        def keep(self, kind, test, call, err):
            """Runs unittest's bookkeeping `call`; logs the traceback."""
            lst = {"FAIL": self.failures, "ERROR": self.errors}.get(kind)
            before = len(lst) if lst is not None else 0
            try:
                call()
            except Exception as e:
                text = "<formatting the traceback failed: %s>\n%s" % (
                    describe_exception(type(e), e), plain_traceback(err))
                if lst is not None and len(lst) == before:
                    lst.append((test, text))
                log_traceback(kind, test, text)
                return
            if lst is not None and len(lst) > before:
                log_traceback(kind, test, lst[-1][1])

        def startTest(self, test):
            reporter.line("start", test_id(test))
            super().startTest(test)

        def stopTest(self, test):
            super().stopTest(test)
            reporter.line("stop", test_id(test))

        def addSuccess(self, test):
            reporter.line("ok", test_id(test), "")
            super().addSuccess(test)

        def addFailure(self, test, err):
            reporter.line("fail", test_id(test), describe_exception(err[0], err[1]))
            self.keep("FAIL", test, lambda: super(LadderResult, self).addFailure(test, err), err)

        def addError(self, test, err):
            reporter.line("error", test_id(test), describe_exception(err[0], err[1]))
            self.keep("ERROR", test, lambda: super(LadderResult, self).addError(test, err), err)

        def addSubTest(self, test, subtest, err):
            if err is None:
                super().addSubTest(test, subtest, err)
                return
            kind = "fail" if issubclass(err[0], test.failureException) else "error"
            reporter.line(kind, test_id(test), describe_exception(err[0], err[1]))
            self.keep(kind.upper(), subtest,
                      lambda: super(LadderResult, self).addSubTest(test, subtest, err), err)

        def addSkip(self, test, reason):
            reporter.line("skip", test_id(test), reason)
            super().addSkip(test, reason)

        def addExpectedFailure(self, test, err):
            reporter.line("xfail", test_id(test), describe_exception(err[0], err[1]))
            self.keep("XFAIL", test,
                      lambda: super(LadderResult, self).addExpectedFailure(test, err), err)

        def addUnexpectedSuccess(self, test):
            reporter.line("xpass", test_id(test), "unexpected success")
            super().addUnexpectedSuccess(test)

    return LadderResult


def remove_skipped(suite, skip_ids, reporter):
    """Takes the tests whose id is in skip_ids out of the suite (in place)."""
    if not skip_ids:
        return
    wanted = set(skip_ids)
    found = set()
    stack = [suite]
    while stack:
        item = stack.pop()
        tests = getattr(item, "_tests", None)
        if tests is None:
            continue
        kept = []
        for test in tests:
            if getattr(test, "_tests", None) is not None:
                stack.append(test)
                kept.append(test)
                continue
            tid = test_id(test)
            if tid in wanted:
                found.add(tid)
            else:
                kept.append(test)
        item._tests = kept
    for tid in skip_ids:
        reporter.line("mskip" if tid in found else "unmatched", tid)


def plan(suite, reporter):
    """Reports the ids of every test in the suite, in order."""
    stack = [suite]
    ordered = []
    while stack:
        item = stack.pop()
        try:
            children = list(item)
        except TypeError:
            ordered.append(item)
            continue
        stack.extend(reversed(children))
    for test in ordered:
        reporter.line("plan", test_id(test))


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: driver.py RESULT_FILE test.test_x [--use=res,...]\n")
        return 2
    result_path, module_name = argv[1], argv[2]
    resources = []
    skip_ids = []
    for arg in argv[3:]:
        if arg.startswith("--use="):
            resources = [r for r in arg[len("--use="):].split(",") if r]
        elif arg.startswith("--skip-file="):
            with open(arg[len("--skip-file="):], encoding="utf-8") as f:
                skip_ids = [line.strip() for line in f if line.strip()]
    reporter = Reporter(result_path)

    try:
        import unittest
    except BaseException as e:
        reporter.line("module-error", module_name,
                      "driver: import unittest: " + describe_exception(type(e), e))
        raise

    # What libregrtest sets up before importing a test module.
    try:
        from test import support
    except unittest.SkipTest as e:
        reporter.line("module-skip", module_name, str(e))
        return 0
    except BaseException as e:
        reporter.line("module-error", module_name,
                      "driver: from test import support: " + describe_exception(type(e), e))
        raise
    reporter.line("info", "test-package", support.__file__)
    support.verbose = 0
    support.use_resources = resources

    try:
        __import__(module_name)
        module = sys.modules[module_name]
    except unittest.SkipTest as e:
        reporter.line("module-skip", module_name, str(e))
        return 0
    except BaseException as e:
        reporter.line("module-error", module_name, describe_exception(type(e), e))
        raise

    result_class = make_result_class(unittest, reporter)
    test_main = getattr(module, "test_main", None)
    if test_main is not None:
        # libregrtest calls test_main(), which hands its suite to
        # support.run_unittest -> support._run_suite; run that suite here.
        def run_suite(suite):
            remove_skipped(suite, skip_ids, reporter)
            plan(suite, reporter)
            suite.run(result_class())

        support._run_suite = run_suite
        try:
            test_main()
        except BaseException as e:
            reporter.line("module-error", module_name,
                          "test_main(): " + describe_exception(type(e), e))
            raise
    else:
        try:
            loader = unittest.TestLoader()
            suite = loader.loadTestsFromModule(module)
        except BaseException as e:
            reporter.line("module-error", module_name,
                          "loading tests: " + describe_exception(type(e), e))
            raise
        for error in loader.errors:
            log_traceback("LOADER ERROR", module, error)
        remove_skipped(suite, skip_ids, reporter)
        plan(suite, reporter)
        result = result_class()
        result.startTestRun()
        try:
            suite.run(result)
        finally:
            result.stopTestRun()
    reporter.line("done")
    reporter.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
