"""Whatever values the command line gets, ``sitbreak`` answers with an exit code and a
message naming the argument, never a traceback, and never replaces a file it was not
allowed to.

Run in-process through ``app.cli.main`` (no Sitbreak runs for these folders, so the control
commands that pass their checks end in "not running", exit 3); a few runs go through a
real ``python -m app`` to prove nothing reaches stderr as a traceback, with argv bytes that
are not UTF-8. Every run works in a fresh temporary folder: fuzzed paths are relative and
never climb out of it.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from app.cli import EXIT_NOT_RUNNING, EXIT_USAGE, NOT_RUNNING_MESSAGE, SNOOZE_MINUTES, main
from app.core.schedule import PauseChoice
from app.paths import AppPaths
from app.stats_command import DAYS_RANGE, EXIT_FAILED, EXIT_OK
from app.storage.log import SittingLog
from tests.unit.storage.test_stats import build_week

ROUTINE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
values = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
"""What a shell can pass: any text (a NUL cannot reach argv; the in-process runs try it)."""
names = values.filter(lambda name: "/" not in name and name not in {"", ".", ".."})
"""File names that stay inside the run's folder."""
dates = st.dates().map(date.isoformat) | values
stats_options = st.sampled_from(["--days", "--from", "--to", "--export", "--output", "--force"])


@contextlib.contextmanager
def in_fresh_folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
        yield Path(folder)


def run(argv: list[str]) -> tuple[int, str, str]:
    """``main(argv)`` in this process: its exit code, standard output and error."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    assert "Traceback" not in out.getvalue() + err.getvalue()
    return code, out.getvalue(), err.getvalue()


def with_history(folder: Path) -> list[str]:
    """``--basedir`` of a folder whose log holds a week of sitting (March 2026)."""
    paths = AppPaths.under(folder / "base")
    paths.ensure()
    with SittingLog.open(paths.database) as log:
        build_week(log)
    return ["--basedir", str(folder / "base")]


@given(value=values)
@example("0").via("below the range")
@example("+5").via("int() takes it; the command line does not")
@example("٣").via("a digit int() takes, but not ASCII")
def test_snooze_minutes(value: str) -> None:
    with in_fresh_folder() as folder:
        code, _out, err = run(["--basedir", str(folder), "snooze", "--", value])
    if value.isascii() and value.isdigit() and int(value) in SNOOZE_MINUTES:
        assert (code, err.strip()) == (EXIT_NOT_RUNNING, NOT_RUNNING_MESSAGE)
    else:
        assert code == EXIT_USAGE
        assert "argument MINUTES" in err


@given(value=values | st.sampled_from([choice.value for choice in PauseChoice]))
def test_pause_length(value: str) -> None:
    with in_fresh_folder() as folder:
        code, _out, err = run(["--basedir", str(folder), "pause", "--", value])
    if value in {choice.value for choice in PauseChoice}:
        assert (code, err.strip()) == (EXIT_NOT_RUNNING, NOT_RUNNING_MESSAGE)
    else:
        assert code == EXIT_USAGE
        assert "argument HOW_LONG" in err


@given(value=values | st.from_regex(ROUTINE_ID, fullmatch=True))
@example("Glute Wake-Up").via("was sent to the app instead of refused here")
def test_routine_id(value: str) -> None:
    with in_fresh_folder() as folder:
        code, _out, err = run(["--basedir", str(folder), "routine", "--", value])
    if ROUTINE_ID.fullmatch(value):
        assert (code, err.strip()) == (EXIT_NOT_RUNNING, NOT_RUNNING_MESSAGE)
    else:
        assert code == EXIT_USAGE
        assert "argument ROUTINE" in err


@given(value=values | st.sampled_from(["~", "~/x", "~root/x", "a/b"]))
@example("~nosuchuser/sitbreak").via("was a RuntimeError traceback from expanduser()")
@example("a\0b").via("was a ValueError traceback")
@example("file").via("an existing file, not a folder")
def test_basedir(value: str) -> None:
    with in_fresh_folder() as folder:
        (folder / "file").write_text("mine")
        code, _out, err = run([f"--basedir={value}", "status"])
        assert (folder / "file").read_text() == "mine"
    if code == EXIT_NOT_RUNNING:
        assert err.strip() == NOT_RUNNING_MESSAGE
    else:
        assert code == EXIT_USAGE
        assert "argument --basedir" in err


@given(option=stats_options, value=values)
@example("--days", "3661")
@example("--from", "9999-12-31").via("was an OverflowError: no midnight after it")
@example("--from", "0001-01-01").via("a midnight before year 1 in zones east of UTC")
def test_each_stats_value_on_its_own(option: str, value: str) -> None:
    with in_fresh_folder() as folder:
        argv = [*with_history(folder), "stats", f"{option}={value}"]
        if option == "--force":
            argv[-1] = option  # a flag: it takes no value
        code, _out, err = run(argv)
    if option == "--days":
        try:
            valid = int(value.strip()) in DAYS_RANGE
        except ValueError:
            valid = False
        assert code == (EXIT_OK if valid else EXIT_USAGE)
    if code == EXIT_USAGE:
        assert option in err


@given(
    days=st.none() | values,
    first=st.none() | dates,
    last=st.none() | dates,
    export=st.none() | st.sampled_from(["csv", "json", "CSV"]) | values,
    output=st.none() | names,
    force=st.booleans(),
)
@example(None, "9999-12-31", "9999-12-31", None, None, False).via("was an OverflowError")
@example(None, None, None, "csv", "out\0.csv", False).via("was a ValueError traceback")
def test_stats_values_together(
    days: str | None,
    first: str | None,
    last: str | None,
    export: str | None,
    output: str | None,
    force: bool,
) -> None:
    given_values = {"--days": days, "--from": first, "--to": last, "--export": export}
    given_values["--output"] = output
    with in_fresh_folder() as folder:
        argv = [*with_history(folder), "stats"]
        argv += [f"{option}={value}" for option, value in given_values.items() if value is not None]
        argv += ["--force"] * force
        code, _out, err = run(argv)
    assert code in {EXIT_OK, EXIT_FAILED, EXIT_USAGE}
    if code == EXIT_USAGE:
        named = [option for option, value in given_values.items() if value is not None]
        assert any(option in err for option in [*named, "--force"]), err


@given(export=st.sampled_from(["csv", "json"]), mine=st.binary(max_size=50), period=st.booleans())
def test_an_export_never_replaces_an_existing_file_without_force(
    export: str, mine: bytes, period: bool
) -> None:
    with in_fresh_folder() as folder:
        existing = folder / "history.out"
        existing.write_bytes(mine)
        argv = [*with_history(folder), "stats", f"--export={export}", f"--output={existing}"]
        argv += ["--from=2026-03-23", "--to=2026-03-29"] * period
        code, _out, err = run(argv)
        assert existing.read_bytes() == mine
        assert sorted(path.name for path in folder.iterdir()) == ["base", "history.out"]
    assert code == EXIT_FAILED
    assert f"{existing} already exists" in err


SUBPROCESS_CASES = [
    ([b"snooze", b"--", b"\xff"], EXIT_USAGE, b"argument MINUTES"),
    ([b"pause", b"--", b"\xffsoon"], EXIT_USAGE, b"argument HOW_LONG"),
    ([b"routine", b"--", b"caf\xe9"], EXIT_USAGE, b"argument ROUTINE"),
    ([b"--basedir=~nosuchuser/x", b"status"], EXIT_USAGE, b"argument --basedir"),
    ([b"status"], EXIT_NOT_RUNNING, NOT_RUNNING_MESSAGE.encode()),
    ([b"stats", b"--from=9999-12-31"], EXIT_USAGE, b"--from"),
    ([b"stats", b"--days=\xff"], EXIT_USAGE, b"--days"),
    ([b"library", b"--validate", b"\xff.toml"], 1, b".toml:1: id:"),
]


@pytest.mark.parametrize(("argv", "exit_code", "said"), SUBPROCESS_CASES)
def test_a_real_process_prints_a_message_and_no_traceback(
    argv: list[bytes], exit_code: int, said: bytes, tmp_path: Path
) -> None:
    """Bytes that are not UTF-8 reach Python as surrogates; printing them must not fail."""
    (tmp_path / "\udcff.toml").write_bytes(b"id = 5\n")
    command = [os.fsencode(sys.executable), b"-m", b"app", b"--basedir", os.fsencode(tmp_path)]
    done = subprocess.run(
        [*command, *argv], cwd=tmp_path, capture_output=True, timeout=60, check=False
    )
    assert b"Traceback" not in done.stderr + done.stdout
    assert done.returncode == exit_code
    assert said in done.stderr + done.stdout
