"""Read pytest's JUnit report: print a summary, fail when end-to-end tests were skipped.

A machine that lacks a program the end-to-end tests need would otherwise pass CI by
skipping exactly what it was meant to check, so CI counts them: every test under the
end-to-end package must have run (none skipped, none xfailed), and at least as many as
``.ci/expected-e2e`` says, so a test that silently stops being collected is noticed too.

Usage: python3 .ci/check_junit.py REPORT.xml --e2e-prefix tests.e2e. --expected-e2e N
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ElementTree
from collections import Counter
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Case:
    name: str
    outcome: str
    """passed, failed, error or skipped (pytest reports xfail as skipped too)."""


def read_cases(report: Path) -> list[Case]:
    root = ElementTree.parse(report).getroot()
    cases = []
    for element in root.iter("testcase"):
        name = f"{element.get('classname', '')}::{element.get('name', '')}"
        outcome = "passed"
        for child, label in (("error", "error"), ("failure", "failed"), ("skipped", "skipped")):
            if element.find(child) is not None:
                outcome = label
                break
        cases.append(Case(name, outcome))
    return cases


def summarize(cases: list[Case]) -> str:
    """Counts as "passed 3 · skipped 1": not the "3 passed, 0 failed" form, so the line
    cannot be mistaken for the test runner's own closing line by whoever reads the log."""
    counts = Counter(case.outcome for case in cases)
    return " · ".join(
        f"{outcome} {counts[outcome]}" for outcome in ("passed", "failed", "error", "skipped")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("report", type=Path)
    parser.add_argument("--e2e-prefix", required=True, help="classname prefix, e.g. tests.e2e.")
    parser.add_argument("--expected-e2e", type=int, required=True)
    options = parser.parse_args(argv)

    if not options.report.is_file():
        print(f"no JUnit report at {options.report}: the tests did not run", file=sys.stderr)
        return 1
    try:
        cases = read_cases(options.report)
    except ElementTree.ParseError as error:
        print(f"cannot read {options.report}: {error}", file=sys.stderr)
        return 1

    e2e = [case for case in cases if case.name.startswith(options.e2e_prefix)]
    print(f"JUnit report, all tests: {len(cases)} ({summarize(cases)})")
    print(f"JUnit report, end-to-end tests: {len(e2e)} ({summarize(e2e)})")
    print(f"Required: at least {options.expected_e2e} end-to-end tests, none skipped")

    problems = []
    skipped = [case.name for case in e2e if case.outcome == "skipped"]
    if skipped:
        problems.append("skipped end-to-end tests: " + ", ".join(skipped))
    if len(e2e) < options.expected_e2e:
        problems.append(
            f"only {len(e2e)} end-to-end tests ran, expected at least {options.expected_e2e}"
        )
    for problem in problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
