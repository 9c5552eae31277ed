"""Combine the results of Odoo's test run and of pytest into one line.

    python scripts/test_totals.py --odoo-log artifacts/odoo-tests.log --odoo-rc 0 \
        --junit artifacts/pytest.xml --pytest-rc 0

Prints details on stderr and exactly one line on stdout:

    N passed, N failed, N skipped

Exit status: 1 when anything failed or when no test ran at all, else 0.

Rules:
- Odoo's final line `odoo.tests.result: F failed, E error(s) of T tests when
  loading database ...` gives F + E failures out of T tests run. Skipped tests are
  not in that line; each one logs `skipped Class.test : reason`. The project has no
  intentional skips and Odoo silently skips browser tours when Chromium or
  websocket-client is missing, so every Odoo skip counts as FAILED.
- A broken Odoo run (no summary line, 'Failed to initialize database', exit status
  255, or a non-zero exit status with no failed test) counts as at least one failure
  and none of its tests as passed.
- pytest's numbers come from its JUnit XML report; pytest skips are reported as
  skipped. A pytest run that wrote no report while exiting with an error (other
  than 5, "no tests collected") counts as one failure.
"""

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

RESULT_RE = re.compile(r"odoo\.tests\.result: (\d+) failed, (\d+) error\(s\) of (\d+) tests")
SKIP_RE = re.compile(r" (?:INFO|WARNING) \S+ [\w.]+: skipped (\S+) : (.*)$")
BROKEN_MARKERS = ("Failed to initialize database",)


def odoo_totals(log_path, rc):
    """Return (passed, failed, notes) for Odoo's test run."""
    notes = []
    try:
        lines = Path(log_path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        return 0, 1, [f"odoo: no log ({exc})"]

    summary = None
    skipped = []
    broken = False
    for line in lines:
        m = RESULT_RE.search(line)
        if m:
            summary = tuple(int(x) for x in m.groups())
        m = SKIP_RE.search(line)
        if m:
            skipped.append(f"{m.group(1)} ({m.group(2).strip()})")
        if any(marker in line for marker in BROKEN_MARKERS):
            broken = True

    for s in skipped:
        notes.append(f"odoo: skipped test counted as failed: {s}")

    if broken or summary is None or rc == 255:
        why = "'Failed to initialize database'" if broken else (
            "no 'odoo.tests.result' summary line" if summary is None else f"exit status {rc}")
        notes.append(f"odoo: broken run ({why}), counted as failed")
        failed = (summary[0] + summary[1] if summary else 0) + len(skipped)
        return 0, max(1, failed), notes

    failures, errors, total = summary
    failed = failures + errors + len(skipped)
    passed = max(0, total - failures - errors - len(skipped))
    if rc != 0 and failed == 0:
        notes.append(f"odoo: exit status {rc} although no test failed, counted as 1 failure")
        failed = 1
    notes.append(f"odoo: {total} tests run, {failures} failed, {errors} error(s), {len(skipped)} skipped")
    return passed, failed, notes


def pytest_totals(junit_path, rc):
    """Return (passed, failed, skipped, notes) for pytest."""
    path = Path(junit_path) if junit_path else None
    if path is None or not path.is_file():
        if rc in (0, 5):
            return 0, 0, 0, ["pytest: no tests collected"]
        return 0, 1, 0, [f"pytest: exit status {rc} and no report, counted as 1 failure"]
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        return 0, 1, 0, [f"pytest: unreadable report ({exc}), counted as 1 failure"]
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    tests = failures = errors = skipped = 0
    for suite in suites:
        tests += int(suite.get("tests", 0))
        failures += int(suite.get("failures", 0))
        errors += int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
    failed = failures + errors
    passed = max(0, tests - failures - errors - skipped)
    notes = [f"pytest: {tests} tests, {failures} failed, {errors} error(s), {skipped} skipped"]
    if rc not in (0, 5) and failed == 0:
        notes.append(f"pytest: exit status {rc} although no test failed, counted as 1 failure")
        failed = 1
    return passed, failed, skipped, notes


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--odoo-log")
    parser.add_argument("--odoo-rc", type=int, default=0)
    parser.add_argument("--junit")
    parser.add_argument("--pytest-rc", type=int, default=0)
    args = parser.parse_args(argv)

    passed = failed = skipped = 0
    notes = []
    if args.odoo_log:
        p, f, n = odoo_totals(args.odoo_log, args.odoo_rc)
        passed, failed = passed + p, failed + f
        notes += n
    if args.junit is not None:
        p, f, s, n = pytest_totals(args.junit, args.pytest_rc)
        passed, failed, skipped = passed + p, failed + f, skipped + s
        notes += n
    for note in notes:
        print(f"[saraban] {note}", file=sys.stderr)
    if passed + failed == 0:
        print("[saraban] no test ran at all", file=sys.stderr)
    sys.stderr.flush()
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed or passed + failed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
