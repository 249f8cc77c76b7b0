"""The skip-or-fail guard for tests that need outside programs."""

from __future__ import annotations

import pytest

from tests.helpers.require import require_binaries

MISSING = "sitbreak-no-such-program"


def test_present_programs_let_the_test_run() -> None:
    require_binaries("sh")


def test_a_missing_program_skips_and_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITBREAK_REQUIRE_E2E", raising=False)
    with pytest.raises(pytest.skip.Exception, match=MISSING):
        require_binaries("sh", MISSING)


def test_a_missing_program_fails_where_tests_must_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITBREAK_REQUIRE_E2E", "1")
    with pytest.raises(pytest.fail.Exception, match=MISSING):
        require_binaries(MISSING)
