"""Unit tests of the ladder runner's own logic (manifest parsing and writing,
result parsing, comparison with the manifest, --update), run by CPython:

    /usr/bin/python3.11 tests/cpython/test_run.py

Invariant: these tests never start an interpreter or touch the manifest; the
runner's end-to-end self-test is `run.py --adder /usr/bin/python3.11
--ignore-expected` (see README.md).
"""

import os
import sys
import unittest

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402

MANIFEST = '''
[cpython]
version = "3.11.2"
debian_version = "3.11.2-6+deb12u9"

[defaults]
timeout = 100
resources = []

[test_a]
run = true
fast = true
timeout = 20

[test_a.expected_failures]
"T.test_two" = "needs frames"

[test_a.skip]
"T.test_crash" = "overflows the stack"

[test_b]
run = false
reason = "hangs"

[test_c]
module_error = "needs _io"
'''


def lines(*rows):
    return ["\t".join(r) + "\n" for r in rows]


class ManifestTests(unittest.TestCase):
    def test_parse(self):
        m = run.parse_manifest(MANIFEST)
        self.assertEqual(m.version, "3.11.2")
        self.assertEqual(m.timeout, 100)
        self.assertEqual(list(m.modules), ["test_a", "test_b", "test_c"])
        a = m.modules["test_a"]
        self.assertTrue(a.fast)
        self.assertEqual(a.timeout, 20)
        self.assertEqual(a.expected_failures, {"T.test_two": "needs frames"})
        self.assertFalse(m.modules["test_b"].run)
        self.assertEqual(m.modules["test_c"].module_error, "needs _io")

    def test_roundtrip(self):
        m = run.parse_manifest(MANIFEST)
        m.modules["test_a"].expected_failures['weird "id"\\x'] = "tab\there"
        text = run.dump_manifest(m)
        again = run.parse_manifest(text)
        self.assertEqual(again, m)
        self.assertEqual(run.dump_manifest(again), text)

    def test_errors(self):
        bad = [
            ("", "version"),
            ('[cpython]\nversion = "3.11.2"\n[foo]\nrun = true\n', "test modules"),
            ('[cpython]\nversion = "3.11.2"\n[test_x]\nrun = false\n', "needs a reason"),
            ('[cpython]\nversion = "3.11.2"\n[test_x]\nspeed = 1\n', "unknown keys"),
            ('[cpython]\nversion = "3.11.2"\n[test_x.expected_failures]\n"a" = ""\n',
             "needs a reason"),
            ('[cpython]\nversion = "3.11.2"\n[test_x]\ntimeout = 0\n', "timeout"),
            ('[cpython]\nversion = "3.11.2"\n[test_x]\nrun = false\nreason = "x"\nfast = true\n',
             "fast"),
            ("[cpython\n", "not valid TOML"),
        ]
        for text, msg in bad:
            with self.subTest(text=text):
                with self.assertRaises(run.ManifestError) as cm:
                    run.parse_manifest(text)
                self.assertIn(msg, str(cm.exception))

    def test_versions(self):
        m = run.parse_manifest(MANIFEST)

        class R:
            def __init__(self, out, rc=0):
                self.stdout, self.returncode = out, rc

        def fake(answers):
            def run_cmd(argv):
                return R(*answers[argv[0] if argv[0] != "dpkg-query" else argv[-1]])
            return run_cmd

        good = {run.CPYTHON: ("3.11.2\n",),
                "libpython3.11-testsuite": ("3.11.2-6+deb12u9",),
                "libpython3.11-stdlib": ("3.11.2-6+deb12u9",)}
        errors, _ = run.check_versions(m, fake(good))
        self.assertEqual(errors, [])
        if run.shutil.which("dpkg-query"):
            newer = dict(good, **{"libpython3.11-testsuite": ("3.11.4-1",)})
            errors, _ = run.check_versions(m, fake(newer))
            self.assertEqual(len(errors), 1)
            self.assertIn("3.11.4-1", errors[0])
            missing = dict(good, **{"libpython3.11-stdlib": ("", 1)})
            errors, _ = run.check_versions(m, fake(missing))
            self.assertIn("not installed", errors[0])
            revision = dict(good, **{"libpython3.11-stdlib": ("3.11.2-6+deb12u10",)})
            errors, warnings = run.check_versions(m, fake(revision))
            self.assertEqual(errors, [])
            self.assertTrue(any("deb12u10" in w for w in warnings))
        other = dict(good, **{run.CPYTHON: ("3.11.7\n",)})
        errors, _ = run.check_versions(m, fake(other))
        self.assertTrue(any("3.11.7" in e for e in errors))


class ParseResultsTests(unittest.TestCase):
    def test_complete_run(self):
        out = lines(
            ("info", "test-package", "/usr/lib/python3.11/test/support/__init__.py"),
            ("plan", "test.test_a.T.test_one"), ("plan", "test.test_a.T.test_two"),
            ("plan", "test.test_a.T.test_three"),
            ("start", "test.test_a.T.test_one"), ("ok", "test.test_a.T.test_one", ""),
            ("stop", "test.test_a.T.test_one"),
            ("start", "test.test_a.T.test_two"),
            ("fail", "test.test_a.T.test_two", "AssertionError: 1 != 2"),
            ("ok", "test.test_a.T.test_two", ""),
            ("stop", "test.test_a.T.test_two"),
            ("start", "test.test_a.T.test_three"), ("skip", "test.test_a.T.test_three", "no"),
            ("stop", "test.test_a.T.test_three"),
            ("error", "setUpClass (test.test_a.U)", "ValueError: x"),
            ("done",))
        r = run.parse_results("test_a", out, 0, False, 10)
        self.assertEqual(r.status, "ran")
        self.assertEqual(r.warnings, [])
        self.assertEqual(r.tests, {
            "T.test_one": ("ok", ""),
            "T.test_two": ("fail", "AssertionError: 1 != 2"),  # a failing subtest wins
            "T.test_three": ("skip", "no"),
            "setUpClass (test.test_a.U)": ("error", "ValueError: x"),
        })

    def test_crash_mid_module(self):
        out = lines(("plan", "test.test_a.T.test_one"), ("plan", "test.test_a.T.test_two"),
                    ("plan", "test.test_a.T.test_three"),
                    ("start", "test.test_a.T.test_one"), ("ok", "test.test_a.T.test_one", ""),
                    ("stop", "test.test_a.T.test_one"), ("start", "test.test_a.T.test_two"))
        r = run.parse_results("test_a", out, -11, False, 10)
        self.assertEqual(r.tests["T.test_one"], ("ok", ""))
        self.assertEqual(r.tests["T.test_two"], ("crash", "killed by SIGSEGV"))
        self.assertEqual(r.tests["T.test_three"][0], "notrun")
        self.assertEqual(r.tests["T.test_three"][1],
                         "the run ended early (killed by SIGSEGV) in T.test_two")

    def test_timeout(self):
        out = lines(("plan", "test.test_a.T.test_one"), ("start", "test.test_a.T.test_one"))
        r = run.parse_results("test_a", out, -9, True, 10)
        self.assertEqual(r.tests["T.test_one"], ("timeout", "timed out after 10s"))

    def test_hang_after_done(self):
        out = lines(("plan", "test.test_a.T.test_one"), ("start", "test.test_a.T.test_one"),
                    ("ok", "test.test_a.T.test_one", ""), ("stop", "test.test_a.T.test_one"),
                    ("done",))
        r = run.parse_results("test_a", out, -9, True, 10)
        self.assertEqual(r.tests["T.test_one"], ("ok", ""))
        self.assertEqual(len(r.warnings), 1)

    def test_module_errors(self):
        r = run.parse_results("test_a", lines(("module-error", "test.test_a", "ImportError: x")),
                              1, False, 10)
        self.assertEqual((r.status, r.reason), ("module-error", "ImportError: x"))
        r = run.parse_results("test_a", [], 1, False, 10, "Traceback\nNameError: open\n")
        self.assertEqual(r.status, "module-error")
        self.assertEqual(r.reason, "exit status 1 before any test ran: NameError: open")
        r = run.parse_results("test_a", [], None, True, 10, "")
        self.assertEqual(r.reason, "timed out after 10s before any test ran: no output")
        r = run.parse_results("test_a", lines(("module-skip", "test.test_a", "no _tkinter")),
                              0, False, 10)
        self.assertEqual((r.status, r.reason), ("module-skip", "no _tkinter"))

    def test_foreign_test_package(self):
        out = lines(("info", "test-package", "/opt/py/lib/test/support/__init__.py"), ("done",))
        r = run.parse_results("test_a", out, 0, False, 10)
        self.assertEqual(len(r.warnings), 1)


class SkipTableTests(unittest.TestCase):
    def test_parse_and_ids(self):
        m = run.parse_manifest(MANIFEST)
        self.assertEqual(m.modules["test_a"].skip, {"T.test_crash": "overflows the stack"})
        self.assertEqual(run.full_id("test_a", "T.test_crash"), "test.test_a.T.test_crash")
        self.assertEqual(run.full_id("test_a", "setUpClass (test.test_a.T)"),
                         "setUpClass (test.test_a.T)")
        with self.assertRaises(run.ManifestError):
            run.parse_manifest(MANIFEST + '\n[test_d.skip]\n"x" = "a"\n'
                               '[test_d.expected_failures]\n"x" = "b"\n')

    def test_results(self):
        m = run.parse_manifest(MANIFEST)
        out = lines(("mskip", "test.test_a.T.test_crash"), ("unmatched", "test.test_a.T.gone"),
                    ("plan", "test.test_a.T.test_one"), ("start", "test.test_a.T.test_one"),
                    ("ok", "test.test_a.T.test_one", ""), ("stop", "test.test_a.T.test_one"),
                    ("done",))
        r = run.parse_results("test_a", out, 0, False, 10)
        self.assertEqual(r.tests["T.test_crash"], ("mskip", ""))
        self.assertEqual(r.unmatched, ["T.gone"])
        entry = m.modules["test_a"]
        entry.expected_failures = {}
        entry.skip["T.gone"] = "old"
        c = run.compare(entry, r)
        self.assertEqual((c.passed, c.skipped, c.mskipped), (1, 1, 1))
        self.assertEqual(c.stale, [("T.gone", "old")])
        run.update_entry(entry, r)
        self.assertEqual(entry.skip, {"T.test_crash": "overflows the stack"})


class CompareTests(unittest.TestCase):
    def setUp(self):
        self.m = run.parse_manifest(MANIFEST)

    def result(self, **tests):
        r = run.ModuleResult("test_a", planned=True)
        r.tests = {k.replace("__", "."): v for k, v in tests.items()}
        return r

    def test_as_expected(self):
        r = self.result(T__test_one=("ok", ""), T__test_two=("error", "E"),
                        T__test_three=("skip", "s"))
        c = run.compare(self.m.modules["test_a"], r)
        self.assertTrue(c.ok)
        self.assertEqual((c.passed, c.failed, c.skipped, c.expected), (1, 1, 1, 1))

    def test_regression_and_unexpected_pass(self):
        r = self.result(T__test_one=("fail", "F"), T__test_two=("ok", ""))
        c = run.compare(self.m.modules["test_a"], r)
        self.assertFalse(c.ok)
        self.assertEqual(c.regressions, [("T.test_one", "fail", "F")])
        self.assertEqual(c.unexpected, [("T.test_two", "ok", "needs frames")])
        c = run.compare(self.m.modules["test_a"], r, ignore_expected=True)
        self.assertEqual(len(c.regressions), 1)
        self.assertEqual(c.unexpected, [])

    def test_xpass_and_xfail(self):
        r = self.result(T__test_one=("xfail", "E"), T__test_two=("xpass", ""))
        c = run.compare(self.m.modules["test_a"], r)
        self.assertTrue(c.ok)
        self.assertEqual((c.passed, c.failed, c.expected), (1, 1, 1))

    def test_stale_entry(self):
        r = self.result(T__test_one=("ok", ""))
        c = run.compare(self.m.modules["test_a"], r)
        self.assertEqual(c.stale, [("T.test_two", "needs frames")])
        self.assertFalse(c.ok)

    def test_module_error(self):
        err = run.ModuleResult("test_c", status="module-error", reason="No module named '_io'")
        c = run.compare(self.m.modules["test_c"], err)
        self.assertTrue(c.ok)
        self.assertEqual((c.module_error, c.failed), ("expected", 1))
        c = run.compare(self.m.modules["test_a"], err)
        self.assertFalse(c.ok)
        fixed = self.result(T__test_one=("ok", ""))
        c = run.compare(self.m.modules["test_c"], fixed)
        self.assertEqual(c.module_error, "fixed")
        self.assertFalse(c.ok)

    def test_not_run(self):
        r = run.ModuleResult("test_b", status="not-run", reason="hangs")
        self.assertTrue(run.compare(self.m.modules["test_b"], r).ok)

    def test_update(self):
        a = self.m.modules["test_a"]
        r = self.result(T__test_one=("fail", "AssertionError: x"), T__test_two=("crash", "c"),
                        T__test_three=("ok", ""))
        run.update_entry(a, r)
        self.assertEqual(a.expected_failures, {
            "T.test_one": "TODO: triage: fail: AssertionError: x",
            "T.test_two": "needs frames",
        })
        self.assertEqual(run.compare(a, r).untriaged, 1)
        c = self.m.modules["test_c"]
        run.update_entry(c, self.result(T__test_one=("ok", "")))
        self.assertEqual((c.module_error, c.expected_failures), ("", {}))
        run.update_entry(c, run.ModuleResult("test_c", status="module-error", reason="boom"))
        self.assertEqual(c.module_error, "TODO: triage: boom")
        run.update_entry(c, run.ModuleResult("test_c", status="module-error", reason="other"))
        self.assertEqual(c.module_error, "TODO: triage: boom")  # reasons are kept


if __name__ == "__main__":
    unittest.main()
