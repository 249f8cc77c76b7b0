"""``sitbreak stats``: the summary, exports and the messages for bad values, driven through
``run_stats`` with a real log file (no running Sitbreak)."""

from __future__ import annotations

import argparse
import io
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.stats_command import EXIT_FAILED, EXIT_OK, EXIT_USAGE, add_stats_arguments, run_stats
from app.storage.log import SittingLog
from tests.unit.storage.test_stats import BERLIN, MONDAY, OFFICE, build_week

THURSDAY_NOON = datetime(2026, 3, 26, 12, 0, tzinfo=BERLIN)


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="sitbreak stats")
    add_stats_arguments(parser)
    return parser.parse_args(argv)


class Run:
    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.out = io.StringIO()
        self.err = io.StringIO()

    def __call__(self, *argv: str, now: datetime = THURSDAY_NOON) -> int:
        return run_stats(
            _parse(list(argv)),
            db_path=self.db_path,
            out=self.out,
            err=self.err,
            now=now,
            tz=BERLIN,
            working_hours=OFFICE,
        )


@pytest.fixture
def run(tmp_path: Path) -> Run:
    path = tmp_path / "data" / "sitbreak.db"
    with SittingLog.open(path) as log:
        build_week(log)
    return Run(path)


def test_without_options_it_prints_today_and_this_week(run: Run) -> None:
    assert run() == EXIT_OK

    text = run.out.getvalue()
    today, week = text.split("\n\n")
    assert today.startswith("Today, Thu 2026-03-26")
    assert "Desk time         50 min in 1 bout (longest 50 min" in today
    assert "Daily goals       not met" in today
    assert week.startswith("This week, Mon 2026-03-23 to Thu 2026-03-26")
    assert "Days tracked      3 of 4" in week
    assert "4 h 15 min in 5 bouts (longest 1 h 30 min" in week
    assert "Daily goals       met on 1 of 2 days" in week
    assert "walked 20 min, stretched 3 min, 3 exercises done" in week
    assert run.err.getvalue() == ""


def test_a_period_gets_a_line_per_day(run: Run) -> None:
    after = datetime(2026, 4, 1, tzinfo=BERLIN)
    assert run("--from", "2026-03-23", "--to", "2026-03-29", now=after) == EXIT_OK

    lines = run.out.getvalue().splitlines()
    assert lines[0] == "Mon 2026-03-23 to Sun 2026-03-29"
    table = [line for line in lines if line.startswith(("  Mon ", "  Thu "))]
    assert table == [
        "  Mon 2026-03-23    2 h 35 min      3  1 h 30 min          3       ",
        "  Thu 2026-03-26        50 min      1      50 min          1     no",
    ]


def test_days_counts_back_from_today(run: Run) -> None:
    assert run("--days", "2") == EXIT_OK
    assert run.out.getvalue().startswith("Wed 2026-03-25 to Thu 2026-03-26")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--days", "0"], "--days must be a whole number from 1 to 3660, got '0'"),
        (["--days", "1.5"], "--days must be a whole number from 1 to 3660, got '1.5'"),
        (["--from", "2026-13-01"], "--from must be a date as YYYY-MM-DD, got '2026-13-01'"),
        (["--from", "2026-03-25", "--to", "2026-03-20"], "--to 2026-03-20 is before --from"),
        (["--to", "2026-03-20"], "--to '2026-03-20' needs --from"),
        (["--days", "3", "--from", "2026-03-20"], "either --days or --from/--to"),
        (["--export", "xlsx"], "--export must be csv or json, got 'xlsx'"),
        (["--output", "a.csv"], "--output 'a.csv' needs --export"),
        (["--export", "csv", "--force"], "--force goes with --output"),
    ],
)
def test_a_bad_value_is_named_and_exits_2(run: Run, argv: list[str], message: str) -> None:
    assert run(*argv) == EXIT_USAGE
    assert message in run.err.getvalue()
    assert run.out.getvalue() == ""


def test_export_to_standard_output_covers_everything_logged(run: Run) -> None:
    now = MONDAY + timedelta(days=9)
    assert run("--export", "json", now=datetime(now.year, now.month, now.day, tzinfo=BERLIN)) == 0

    document = json.loads(run.out.getvalue())
    assert document["first_day"] == "2026-03-23"
    assert document["last_day"] == "2026-04-01"
    assert sum(day["desk_s"] for day in document["days"]) == pytest.approx((155 + 100 + 55) * 60)


def test_export_to_a_file_refuses_to_replace_it_without_force(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "stats.csv"
    target.write_text("keep me\n", encoding="utf-8")

    assert run("--export", "csv", "--days", "7", "--output", str(target)) == EXIT_FAILED
    assert "already exists; nothing was written (add --force" in run.err.getvalue()
    assert target.read_text(encoding="utf-8") == "keep me\n"

    assert run("--export", "csv", "--days", "7", "--output", str(target), "--force") == EXIT_OK
    assert target.read_text(encoding="utf-8").startswith("date,tracked_s,desk_s,")
    assert "Exported 7 days (2026-03-20 to 2026-03-26)" in run.err.getvalue()


def test_a_missing_log_means_no_history_yet_and_creates_nothing(tmp_path: Path) -> None:
    run = Run(tmp_path / "nowhere" / "sitbreak.db")

    assert run() == EXIT_OK
    assert run.out.getvalue().startswith("No history yet")
    assert run("--export", "csv", "--output", str(tmp_path / "x.csv")) == EXIT_FAILED
    assert "No history yet" in run.err.getvalue()
    assert not (tmp_path / "nowhere").exists()
    assert not (tmp_path / "x.csv").exists()


def test_a_damaged_log_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "sitbreak.db"
    path.write_bytes(b"this is not a database" * 100)
    run = Run(path)

    assert run() == EXIT_FAILED
    assert f"sitbreak stats: cannot read the sitting log {path}" in run.err.getvalue()
