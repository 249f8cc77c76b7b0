"""Export the statistics as CSV (one row per day) or JSON (days, bouts, prompts, activities).

The formats are documented in ``docs/statistics.md``. A file is written whole or not at
all (a temporary file in the same folder, fsynced, then moved into place), and an existing
file is only replaced when the caller says so: an export never costs the user a file.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import tempfile
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

from app.core.schedule import WorkingHours
from app.core.stats import DayTotals, PeriodReport
from app.settings.atomic import PRIVATE_FILE, atomic_write_text, make_private_dirs
from app.storage.retention import local_midnight
from app.storage.stats import StatsReader

JSON_FORMAT_NAME: Final = "sitbreak-statistics"
JSON_FORMAT_VERSION: Final = 1

TOTALS_FIELDS: Final = tuple(field.name for field in fields(DayTotals))
"""Every ``DayTotals`` figure, in declaration order: the CSV columns after the date."""
CSV_COLUMNS: Final = ("date", *TOTALS_FIELDS, "goals_met")


class ExportFormat(StrEnum):
    CSV = "csv"
    JSON = "json"


class ExportExistsError(FileExistsError):
    """The output file exists and the caller did not agree to replace it."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} already exists; choose another file or allow replacing it")
        self.path = path


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    days: int
    """Days in the file (every day of the period, tracked or not)."""


def export_history(
    reader: StatsReader,
    path: Path,
    fmt: ExportFormat | str,
    first: date,
    last: date,
    *,
    tz: tzinfo,
    now: datetime,
    working_hours: WorkingHours | None,
    overwrite: bool = False,
) -> ExportResult:
    """Write the days ``first`` to ``last`` (inclusive, local days in ``tz``) to ``path``.

    Raises ``ExportExistsError`` when ``path`` exists and ``overwrite`` is false (checked
    when the file is moved into place, so a file made meanwhile is not replaced either),
    ``ValueError`` for an unknown format or a backwards period, ``OSError`` when the file
    cannot be written (nothing is left behind).
    """
    try:
        kind = ExportFormat(fmt)
    except ValueError:
        known = ", ".join(value.value for value in ExportFormat)
        raise ValueError(f"unknown export format {fmt!r} (known: {known})") from None
    if not overwrite and path.exists():
        raise ExportExistsError(path)
    report = reader.period_report(first, last, tz, now, working_hours)
    text = csv_text(report) if kind is ExportFormat.CSV else json_text(reader, report, tz, now)
    if overwrite:
        atomic_write_text(path, text)
    else:
        _write_new(path, text)
    return ExportResult(path=path, days=len(report.days))


def csv_text(report: PeriodReport) -> str:
    """One header row, then one row per day: the date, every ``DayTotals`` figure and
    whether the day met its goals (empty when the day was not closed)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for day, totals in report.days:
        met = report.goals_met.get(day)
        writer.writerow(
            [
                day.isoformat(),
                *(_csv_value(getattr(totals, name)) for name in TOTALS_FIELDS),
                "" if met is None else str(met).lower(),
            ]
        )
    return buffer.getvalue()


def json_text(reader: StatsReader, report: PeriodReport, tz: tzinfo, now: datetime) -> str:
    """The period's days with their totals, and every bout, prompt and activity in it."""
    lo = local_midnight(report.first_day, tz).timestamp()
    hi = local_midnight(report.last_day + timedelta(days=1), tz).timestamp()
    document: dict[str, Any] = {
        "format": JSON_FORMAT_NAME,
        "version": JSON_FORMAT_VERSION,
        "exported_at": now.isoformat(),
        "time_zone": str(tz),
        "first_day": report.first_day.isoformat(),
        "last_day": report.last_day.isoformat(),
        "days": [
            {
                "date": day.isoformat(),
                **{name: _json_value(getattr(totals, name)) for name in TOTALS_FIELDS},
                "goals_met": report.goals_met.get(day),
            }
            for day, totals in report.days
        ],
        "muscle_attention": dict(sorted(report.muscle_attention.items())),
        "bouts": [
            {
                "start": bout.start.isoformat(),
                "end": None if bout.end is None else bout.end.isoformat(),
                "desk_s": round(bout.desk_s, 3),
                "end_reason": bout.end_reason,
                "estimated": bout.estimated,
            }
            for bout in reader.bouts_between(lo, hi, tz)
        ],
        "prompts": [
            {
                "at": prompt.at.isoformat(),
                "desk_s": round(prompt.desk_s, 3),
                "response": prompt.response,
                "answered_at": None
                if prompt.answered_at is None
                else prompt.answered_at.isoformat(),
                "reminders": prompt.reminders,
            }
            for prompt in reader.prompts_between(lo, hi, tz)
        ],
        "activities": [
            {
                "start": activity.start.isoformat(),
                "end": activity.end.isoformat(),
                "kind": activity.kind,
                "name": activity.name,
                "category": activity.category,
                "muscles": list(activity.muscles),
                "seconds": round(activity.seconds, 3),
            }
            for activity in reader.activities_between(lo, hi, tz)
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _csv_value(value: float | int | bool) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}".rstrip("0").rstrip(".")


def _json_value(value: float | int | bool) -> float | int | bool:
    if isinstance(value, float):
        return round(value, 3)
    return value


def _write_new(path: Path, text: str) -> None:
    """Write ``path`` whole, refusing to replace a file, even one made while writing.

    The text goes to a temporary file first, then is hard-linked to ``path``: a link fails
    when the name exists, where a rename would silently replace it.
    """
    make_private_dirs(path.parent)
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as temp:
            os.chmod(temp_name, PRIVATE_FILE)
            temp.write(text.encode("utf-8"))
            temp.flush()
            os.fsync(temp.fileno())
        try:
            os.link(temp_name, path)
        except FileExistsError:
            raise ExportExistsError(path) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
