"""``sitbreak stats``: your sitting history on the command line, or exported to a file.

It reads the log file directly (read-only), so it works whether Sitbreak runs or not.
Without ``--export`` it prints a readable summary: today and this week, or the days asked
for. With ``--export csv|json`` it writes the period (everything logged, unless a period
is given) to ``--output FILE`` or to standard output. An existing FILE is kept unless
``--force`` says to replace it. Exit codes: 0 done, 1 nothing exported (no history, the
file exists, it could not be written), 2 a bad value.

The command line parser is built at every start (``add_stats_arguments``), so the
statistics and export code is imported inside the functions that run ``sitbreak stats``.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

from app.core.describe import format_duration

if TYPE_CHECKING:
    from app.core.schedule import WorkingHours
    from app.core.stats import DayTotals, PeriodReport
    from app.export import ExportFormat
    from app.storage.stats import StatsReader

EXIT_OK: Final = 0
EXIT_FAILED: Final = 1
EXIT_USAGE: Final = 2

DAYS_RANGE: Final = range(1, 3661)
"""``--days N``: from one day to ten years."""

FIRST_DAY: Final = date(1970, 1, 2)
LAST_DAY: Final = date(9999, 12, 30)
"""``--from``/``--to`` bounds: a day's midnights, in any zone, must fit in a ``datetime``
(9999-12-31 has no next midnight) and be a timestamp after 1970 (Windows refuses earlier)."""

NO_HISTORY: Final = "No history yet: Sitbreak has not logged any sitting here."


class StatsUsageError(ValueError):
    """A value given to ``sitbreak stats`` that it cannot use; the message names it."""


@dataclass(frozen=True, slots=True)
class StatsRequest:
    """What ``sitbreak stats`` was asked for, checked."""

    first: date | None = None
    last: date | None = None
    """Both None: today and this week (summary) or everything logged (export)."""
    export: ExportFormat | None = None
    output: Path | None = None
    force: bool = False


def add_stats_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``sitbreak stats``; values are checked by ``run_stats``, which names
    a bad one in its message."""
    parser.add_argument(
        "--days",
        metavar="N",
        help=f"the last N days up to today ({DAYS_RANGE.start} to {DAYS_RANGE.stop - 1})",
    )
    parser.add_argument("--from", dest="first", metavar="DATE", help="the first day, as YYYY-MM-DD")
    parser.add_argument(
        "--to", dest="last", metavar="DATE", help="the last day, as YYYY-MM-DD (default: today)"
    )
    parser.add_argument(
        "--export",
        metavar="FORMAT",
        help="write the days as csv (one row per day) or json (days, bouts, prompts,"
        " activities); without a period, everything logged",
    )
    parser.add_argument(
        "--output",
        metavar="FILE",
        help="with --export: the file to write (default: standard output)",
    )
    parser.add_argument(
        "--force", action="store_true", help="with --output: replace FILE if it exists"
    )


def request_from(options: argparse.Namespace, today: date) -> StatsRequest:
    """Check the parsed options; raises ``StatsUsageError`` naming the bad value."""
    from app.export import ExportFormat

    days: str | None = getattr(options, "days", None)
    first_text: str | None = getattr(options, "first", None)
    last_text: str | None = getattr(options, "last", None)
    export_text: str | None = getattr(options, "export", None)
    output_text: str | None = getattr(options, "output", None)
    force = bool(getattr(options, "force", False))

    first = last = None
    if days is not None:
        if first_text is not None or last_text is not None:
            raise StatsUsageError("give either --days or --from/--to, not both")
        count = _whole_number(days)
        if count is None or count not in DAYS_RANGE:
            raise StatsUsageError(
                f"--days must be a whole number from {DAYS_RANGE.start} to"
                f" {DAYS_RANGE.stop - 1}, got {days!r}"
            )
        first, last = today - timedelta(days=count - 1), today
    elif first_text is not None:
        first = _date("--from", first_text)
        last = today if last_text is None else _date("--to", last_text)
        if last < first:
            raise StatsUsageError(f"--to {last.isoformat()} is before --from {first.isoformat()}")
    elif last_text is not None:
        raise StatsUsageError(f"--to {last_text!r} needs --from: the day the period starts")

    export = None
    if export_text is not None:
        try:
            export = ExportFormat(export_text.lower())
        except ValueError:
            raise StatsUsageError(f"--export must be csv or json, got {export_text!r}") from None
    if output_text is not None and export is None:
        raise StatsUsageError(f"--output {output_text!r} needs --export csv or --export json")
    if force and output_text is None:
        raise StatsUsageError("--force goes with --output FILE")
    if output_text is not None and not output_text.strip():
        raise StatsUsageError("--output needs a file name, got an empty one")
    if output_text is not None and "\0" in output_text:
        raise StatsUsageError(f"--output {output_text!r} holds a NUL character")
    output = None if output_text is None else Path(output_text)
    if output is not None and output.is_dir():
        raise StatsUsageError(f"--output {output_text!r} is a folder; give a file name")
    return StatsRequest(first=first, last=last, export=export, output=output, force=force)


def run_stats(
    options: argparse.Namespace | StatsRequest,
    *,
    db_path: Path,
    out: TextIO,
    err: TextIO,
    now: datetime,
    tz: tzinfo,
    working_hours: WorkingHours | None = None,
) -> int:
    """Run ``sitbreak stats``; returns the exit code. ``now`` is aware, ``tz`` the local
    zone (days are cut at its midnights)."""
    from app.storage.errors import StorageError
    from app.storage.stats import NoHistoryError, StatsReader

    today = now.astimezone(tz).date()
    try:
        request = options if isinstance(options, StatsRequest) else request_from(options, today)
    except StatsUsageError as error:
        print(f"sitbreak stats: {error}", file=err)
        return EXIT_USAGE
    try:
        with StatsReader.open(db_path) as reader:
            if request.export is not None:
                return _export(reader, request, request.export, now, tz, working_hours, out, err)
            out.write(_summary(reader, request, now, tz, working_hours))
            return EXIT_OK
    except NoHistoryError:
        print(NO_HISTORY, file=out if request.export is None else err)
        return EXIT_OK if request.export is None else EXIT_FAILED
    except StorageError as error:
        print(f"sitbreak stats: {error}", file=err)
        return EXIT_FAILED


def _export(
    reader: StatsReader,
    request: StatsRequest,
    fmt: ExportFormat,
    now: datetime,
    tz: tzinfo,
    working_hours: WorkingHours | None,
    out: TextIO,
    err: TextIO,
) -> int:
    from app.export import ExportExistsError, ExportFormat, csv_text, export_history, json_text

    today = now.astimezone(tz).date()
    first = request.first or reader.first_day(tz)
    if first is None:
        print(NO_HISTORY, file=err)
        return EXIT_FAILED
    last = request.last or today
    if request.output is None:
        report = reader.period_report(first, last, tz, now, working_hours)
        text = csv_text(report) if fmt is ExportFormat.CSV else json_text(reader, report, tz, now)
        out.write(text)
        return EXIT_OK
    try:
        result = export_history(
            reader,
            request.output,
            fmt,
            first,
            last,
            tz=tz,
            now=now,
            working_hours=working_hours,
            overwrite=request.force,
        )
    except ExportExistsError:
        print(
            f"sitbreak stats: {request.output} already exists; nothing was written"
            " (add --force to replace it)",
            file=err,
        )
        return EXIT_FAILED
    except OSError as error:
        print(f"sitbreak stats: cannot write {request.output}: {error.strerror or error}", file=err)
        return EXIT_FAILED
    print(
        f"Exported {result.days} days ({first.isoformat()} to {last.isoformat()})"
        f" to {result.path}.",
        file=err,
    )
    return EXIT_OK


# ---------------------------------------------------------------- the readable summary


def _summary(
    reader: StatsReader,
    request: StatsRequest,
    now: datetime,
    tz: tzinfo,
    working_hours: WorkingHours | None,
) -> str:
    today = now.astimezone(tz).date()
    if request.first is not None and request.last is not None:
        report = reader.period_report(request.first, request.last, tz, now, working_hours)
        title = f"{_day_name(request.first)} to {_day_name(request.last)}"
        return _period_block(title, report) + "\n" + _day_table(report)
    day = reader.day_report(today, tz, now, working_hours)
    monday = today - timedelta(days=today.weekday())
    week = reader.period_report(monday, today, tz, now, working_hours)
    blocks = [
        _day_block(f"Today, {_day_name(today)}", day.totals, day.is_empty, day.goals_met),
        _period_block(f"This week, {_day_name(monday)} to {_day_name(today)}", week),
    ]
    return "\n".join(blocks)


def _day_block(title: str, totals: DayTotals, empty: bool, goals_met: bool | None) -> str:
    if empty:
        return f"{title}\n  Nothing tracked.\n"
    rows = _rows(totals)
    if goals_met is not None:
        rows.append(("Daily goals", "met" if goals_met else "not met"))
    return _block(title, rows)


def _period_block(title: str, report: PeriodReport) -> str:
    from app.core.stats import DayTotals

    if report.is_empty:
        return f"{title}\n  Nothing tracked.\n"
    days = [totals for _, totals in report.days]
    week = DayTotals(
        tracked_s=sum(d.tracked_s for d in days),
        desk_s=report.desk_s,
        bouts=sum(d.bouts for d in days),
        longest_bout_s=report.longest_bout_s,
        short_s=sum(d.short_s for d in days),
        medium_s=sum(d.medium_s for d in days),
        long_s=sum(d.long_s for d in days),
        stand_ups=sum(d.stand_ups for d in days),
        prompts=sum(d.prompts for d in days),
        prompts_followed=sum(d.prompts_followed for d in days),
        working_tracked_s=sum(d.working_tracked_s for d in days),
        up_and_about_s=sum(d.up_and_about_s for d in days),
        walk_s=sum(d.walk_s for d in days),
        stretch_s=sum(d.stretch_s for d in days),
        exercises_done=sum(d.exercises_done for d in days),
    )
    tracked_days = sum(1 for d in days if d.tracked_s > 0)
    rows = _rows(week, per_day=tracked_days)
    rows.insert(0, ("Days tracked", f"{tracked_days} of {len(days)}"))
    if report.goals_met:
        rows.append(
            ("Daily goals", f"met on {report.days_meeting_goals} of {len(report.goals_met)} days")
        )
    return _block(title, rows)


def _rows(totals: DayTotals, per_day: int = 1) -> list[tuple[str, str]]:
    from app.core.stats import UP_AND_ABOUT_FIRST_GOAL_S, UP_AND_ABOUT_FULL_GOAL_S

    rows = [
        (
            "Desk time",
            f"{_duration(totals.desk_s)} in {_count(totals.bouts, 'bout')}"
            f" (longest {_duration(totals.longest_bout_s)},"
            f" average {_duration(totals.average_bout_s)})",
        ),
        (
            "By bout length",
            f"under 30 min {_duration(totals.short_s)}, 30-60 min {_duration(totals.medium_s)},"
            f" over 60 min {_duration(totals.long_s)}",
        ),
        (
            "Stand-ups",
            f"{totals.stand_ups} ({totals.stand_ups_per_hour:.1f} per hour at the desk)",
        ),
        ("Prompts followed", f"{totals.prompts_followed} of {totals.prompts}"),
    ]
    if totals.working_tracked_s > 0:
        daily = totals.up_and_about_s / max(per_day, 1)
        rows.append(
            (
                "Up and about",
                f"{_duration(totals.up_and_about_s)} of {_duration(totals.working_tracked_s)}"
                " working time"
                + (f", {_duration(daily)} a day" if per_day > 1 else "")
                + f" (aim for {UP_AND_ABOUT_FIRST_GOAL_S // 3600} h a day,"
                f" then {UP_AND_ABOUT_FULL_GOAL_S // 3600} h)",
            )
        )
    rows.append(
        (
            "Moved",
            f"walked {_duration(totals.walk_s)}, stretched {_duration(totals.stretch_s)},"
            f" {_count(totals.exercises_done, 'exercise')} done",
        )
    )
    return rows


def _day_table(report: PeriodReport) -> str:
    header = f"  {'day':<16}{'desk':>12}{'bouts':>7}{'longest':>12}{'stand-ups':>11}{'goals':>7}"
    lines = [header]
    for day, totals in report.days:
        met = report.goals_met.get(day)
        lines.append(
            f"  {_day_name(day):<16}"
            f"{(_duration(totals.desk_s) if totals.tracked_s > 0 else '-'):>12}"
            f"{totals.bouts:>7}{_duration(totals.longest_bout_s):>12}{totals.stand_ups:>11}"
            f"{('' if met is None else 'met' if met else 'no'):>7}"
        )
    return "\n".join(lines) + "\n"


def _block(title: str, rows: Sequence[tuple[str, str]]) -> str:
    width = max(len(label) for label, _ in rows)
    return title + "\n" + "".join(f"  {label:<{width}}  {value}\n" for label, value in rows)


def _duration(seconds: float) -> str:
    return "0 min" if seconds <= 0 else format_duration(seconds)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _day_name(day: date) -> str:
    return f"{day:%a} {day.isoformat()}"


def _whole_number(text: str) -> int | None:
    try:
        return int(text.strip())
    except ValueError:
        return None


def _date(option: str, text: str) -> date:
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise StatsUsageError(f"{option} must be a date as YYYY-MM-DD, got {text!r}") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise StatsUsageError(
            f"{option} must be a day from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()},"
            f" got {text!r}"
        )
    return day
