"""Exports re-read give the same totals, and never replace a file without consent."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import fields
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.core.stats import DayTotals
from app.export import CSV_COLUMNS, ExportExistsError, export_history
from app.storage.log import SittingLog
from app.storage.stats import StatsReader
from benchmarks.history import build_history
from tests.unit.storage.test_stats import AFTER_THE_WEEK, BERLIN, MONDAY, OFFICE, build_week

SUNDAY = MONDAY + timedelta(days=6)


@pytest.fixture
def week(tmp_path: Path) -> Iterator[StatsReader]:
    path = tmp_path / "data" / "sitbreak.db"
    with SittingLog.open(path) as log:
        build_week(log)
    with StatsReader.open(path) as reader:
        yield reader


def _totals_from(row: dict[str, Any]) -> DayTotals:
    """A ``DayTotals`` from an exported day (CSV strings or JSON values)."""
    values: dict[str, Any] = {}
    for field in fields(DayTotals):
        raw = row[field.name]
        if field.type == "bool":
            values[field.name] = raw if isinstance(raw, bool) else raw == "true"
        elif field.type == "int":
            values[field.name] = int(raw)
        else:
            values[field.name] = float(raw)
    return DayTotals(**values)


def _assert_same(got: DayTotals, expected: DayTotals) -> None:
    for field in fields(DayTotals):
        assert getattr(got, field.name) == pytest.approx(
            getattr(expected, field.name), abs=0.001
        ), field.name


def test_the_csv_has_one_row_per_day_and_re_reads_to_the_same_totals(
    week: StatsReader, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "week.csv"
    result = export_history(
        week, target, "csv", MONDAY, SUNDAY, tz=BERLIN, now=AFTER_THE_WEEK, working_hours=OFFICE
    )
    expected = week.period_report(MONDAY, SUNDAY, BERLIN, AFTER_THE_WEEK, OFFICE)

    with target.open(newline="", encoding="utf-8") as file:
        reader = csv.DictReader(file)
        assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
        rows = list(reader)
    assert result.days == 7
    assert [row["date"] for row in rows] == [day.isoformat() for day, _ in expected.days]
    for row, (_, totals) in zip(rows, expected.days, strict=True):
        _assert_same(_totals_from(row), totals)
    assert [row["goals_met"] for row in rows] == ["", "", "true", "false", "", "", ""]
    assert target.stat().st_mode & 0o777 == 0o600


def test_the_json_re_reads_to_the_same_totals_bouts_prompts_and_walks(tmp_path: Path) -> None:
    path = tmp_path / "sitbreak.db"
    last = date(2026, 3, 1)
    build_history(path, years=0.25, seed=7, last_day=last)
    first = last - timedelta(days=60)
    now = datetime(2026, 3, 2, 9, tzinfo=BERLIN)
    target = tmp_path / "history.json"
    with StatsReader.open(path) as reader:
        export_history(
            reader, target, "json", first, last, tz=BERLIN, now=now, working_hours=OFFICE
        )
        expected = reader.period_report(first, last, BERLIN, now, OFFICE)

    document = json.loads(target.read_text(encoding="utf-8"))
    assert (document["format"], document["version"]) == ("sitbreak-statistics", 1)
    assert document["time_zone"] == "Europe/Berlin"
    days = {date.fromisoformat(day["date"]): day for day in document["days"]}
    assert list(days) == [day for day, _ in expected.days]
    for day, totals in expected.days:
        _assert_same(_totals_from(days[day]), totals)
        assert days[day]["goals_met"] == expected.goals_met.get(day)
    walks = [a for a in document["activities"] if a["kind"] == "walk"]
    assert sum(a["seconds"] for a in walks) == pytest.approx(
        sum(t.walk_s for _, t in expected.days), abs=0.01
    )
    assert len(document["prompts"]) == sum(t.prompts for _, t in expected.days)
    assert sum(1 for bout in document["bouts"] if bout["end_reason"]) > 100
    assert document["muscle_attention"] == dict(sorted(expected.muscle_attention.items()))


def test_an_existing_file_is_kept_unless_the_caller_agrees_to_replace_it(
    week: StatsReader, tmp_path: Path
) -> None:
    target = tmp_path / "mine.csv"
    target.write_text("precious\n", encoding="utf-8")

    with pytest.raises(ExportExistsError, match="already exists"):
        export_history(
            week, target, "csv", MONDAY, SUNDAY, tz=BERLIN, now=AFTER_THE_WEEK, working_hours=None
        )
    assert target.read_text(encoding="utf-8") == "precious\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []

    export_history(
        week,
        target,
        "json",
        MONDAY,
        SUNDAY,
        tz=BERLIN,
        now=AFTER_THE_WEEK,
        working_hours=None,
        overwrite=True,
    )
    assert json.loads(target.read_text(encoding="utf-8"))["first_day"] == MONDAY.isoformat()


def test_an_unknown_format_is_refused_by_name(week: StatsReader, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        export_history(
            week,
            tmp_path / "x.xml",
            "xml",
            MONDAY,
            SUNDAY,
            tz=BERLIN,
            now=AFTER_THE_WEEK,
            working_hours=None,
        )
    assert not (tmp_path / "x.xml").exists()
