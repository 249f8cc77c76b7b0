"""Render the statistics window with realistic data, for the docs and for review.

Run from the repository root (offscreen, no display needed)::

    python -m tools.make_stats_screenshots

It writes into ``docs/screenshots/``: ``stats-today.png`` (at device pixel ratio 2, to
check that the charts stay sharp), ``stats-week.png``, ``stats-month.png`` and
``stats-today-dark.png`` (a dark palette). The reports are built from values here, not
read from a log: a working day with three long bouts, several short ones, prompts
snoozed, skipped and followed, a lunch walk and a routine; a week and a month with
ordinary variety (a long-meeting day, a day off, a lazy Friday).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app.core.exercise import MuscleGroup
from app.core.model import PromptResponse
from app.core.stats import (
    ActivityMark,
    BoutLength,
    DayReport,
    DayTotals,
    PeriodReport,
    PromptMark,
    Span,
    SpanKind,
)
from app.ui.stats_controller import StatsController, period_of
from app.ui.stats_window import StatsWindow, View

OUT_DIR = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
TZ = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 3, 5)
NOW = datetime.combine(TODAY, time(17, 35), TZ)

# The day, as (what, minutes): sitting or away, from 08:12 on.
DAY_PLAN = (
    ("sit", 72),
    ("away", 6),
    ("sit", 24),
    ("away", 4),
    ("sit", 48),
    ("away", 12),
    ("sit", 18),
    ("away", 3),
    ("sit", 21),
    ("away", 44),
    ("sit", 65),
    ("away", 5),
    ("sit", 28),
    ("away", 9),
    ("sit", 84),
    ("away", 6),
    ("sit", 22),
    ("away", 3),
)
"""Ends at 17:35 with a bout still running (added up to NOW)."""
START = datetime.combine(TODAY, time(8, 12), TZ)


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1f1f1f",
        QPalette.ColorRole.AlternateBase: "#303030",
        QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.Button: "#3a3a3a",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.Highlight: "#3d8ee0",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Mid: "#4a4a4a",
        QPalette.ColorRole.Light: "#505050",
        QPalette.ColorRole.Midlight: "#444444",
        QPalette.ColorRole.Dark: "#1a1a1a",
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
    }.items():
        palette.setColor(role, QColor(colour))
    return palette


def day_report() -> DayReport:
    """Today until 17:35: three long bouts, a lunch walk, a routine, prompts answered
    every way."""
    midnight = datetime.combine(TODAY, time(0), TZ)
    spans = [Span(midnight, START, SpanKind.NOT_TRACKED)]
    at = START
    sitting: list[float] = []
    for what, minutes in DAY_PLAN:
        end = at + timedelta(minutes=minutes)
        if what == "sit":
            desk = minutes * 60.0
            spans.append(Span(at, end, SpanKind.SITTING, desk, desk))
            sitting.append(desk)
        else:
            spans.append(Span(at, end, SpanKind.BREAK))
        at = end
    last = (NOW - at).total_seconds()
    spans.append(Span(at, NOW, SpanKind.SITTING, last, last))
    sitting.append(last)

    def clock(hour: int, minute: int) -> datetime:
        return datetime.combine(TODAY, time(hour, minute), TZ)

    prompts = (
        PromptMark(clock(9, 9), 57 * 60, PromptResponse.SNOOZE),
        PromptMark(clock(9, 20), 68 * 60, PromptResponse.DONE, reminders=1),
        PromptMark(clock(11, 0), 45 * 60, PromptResponse.DONE),
        PromptMark(clock(13, 45), 46 * 60, PromptResponse.SNOOZE),
        PromptMark(clock(13, 57), 58 * 60, PromptResponse.NATURAL_BREAK),
        PromptMark(clock(15, 11), 47 * 60, PromptResponse.SKIP),
        PromptMark(clock(15, 40), 76 * 60, PromptResponse.DONE, reminders=2),
    )
    activities = (
        ActivityMark(clock(9, 21), clock(9, 24), "exercise", "Standing hip flexor stretch"),
        ActivityMark(clock(11, 2), clock(11, 12), "walk", "Walk"),
        ActivityMark(clock(12, 30), clock(12, 52), "walk", "Walk"),
        ActivityMark(clock(14, 31), clock(14, 38), "routine", "Desk reset"),
        ActivityMark(clock(15, 46), clock(15, 49), "exercise", "Glute bridge"),
    )
    desk = sum(sitting)
    away = sum(minutes * 60.0 for what, minutes in DAY_PLAN if what == "away")
    totals = DayTotals(
        tracked_s=(NOW - START).total_seconds(),
        desk_s=desk,
        bouts=len(sitting),
        longest_bout_s=max(sitting),
        short_s=sum(s for s in sitting if BoutLength.of(s) is BoutLength.SHORT),
        medium_s=sum(s for s in sitting if BoutLength.of(s) is BoutLength.MEDIUM),
        long_s=sum(s for s in sitting if BoutLength.of(s) is BoutLength.LONG),
        stand_ups=len(sitting) - 1,
        prompts=len(prompts),
        prompts_followed=4,
        working_tracked_s=(clock(17, 0) - START).total_seconds(),
        up_and_about_s=away - 3 * 60 + 35 * 60,  # breaks in hours, walks & routines on top
        walk_s=32 * 60,
        stretch_s=9 * 60,
        exercises_done=4,
        glute_activation_done=True,
    )
    return DayReport(
        day=TODAY,
        start=midnight,
        end=midnight + timedelta(days=1),
        totals=totals,
        spans=tuple(spans),
        prompts=prompts,
        activities=activities,
    )


def day_totals(day: date, rng: random.Random) -> DayTotals:
    """An ordinary day: more sitting on meeting days, little at weekends."""
    if day > TODAY:
        return DayTotals()
    if day.weekday() == 6 or (day.weekday() == 5 and rng.random() < 0.6):
        return DayTotals()
    weekend = day.weekday() == 5
    busy = rng.random()
    hours = rng.uniform(0.8, 2.2) if weekend else rng.uniform(4.5, 7.8)
    long_share = 0.05 + 0.45 * busy
    medium_share = rng.uniform(0.25, 0.4)
    desk = hours * 3600
    long_s = desk * long_share
    medium_s = desk * medium_share
    short_s = desk - long_s - medium_s
    bouts = max(2, round(short_s / 1000 + medium_s / 2600 + long_s / 4800))
    return DayTotals(
        tracked_s=desk * 1.3,
        desk_s=desk,
        bouts=bouts,
        longest_bout_s=(65 + 60 * busy) * 60 if long_s > 0 else 50 * 60,
        short_s=short_s,
        medium_s=medium_s,
        long_s=long_s,
        stand_ups=bouts - 1,
        prompts=rng.randint(3, 8),
        prompts_followed=rng.randint(2, 5),
        working_tracked_s=desk * 1.2,
        up_and_about_s=desk * 0.2,
        walk_s=rng.uniform(10, 45) * 60,
        stretch_s=rng.uniform(3, 15) * 60,
    )


def period_report(first: date, last: date) -> PeriodReport:
    rng = random.Random(first.toordinal())
    days = []
    day = first
    while day <= last:
        days.append((day, day_totals(day, rng)))
        day += timedelta(days=1)
    goals = {
        day: rng.random() < 0.6 for day, totals in days if totals.tracked_s > 0 and day < TODAY
    }
    weeks = max(1, len(days) // 7)
    attention = {
        MuscleGroup.GLUTES.value: 9 * weeks,
        MuscleGroup.HIP_FLEXORS.value: 7 * weeks,
        MuscleGroup.HAMSTRINGS.value: 5 * weeks,
        MuscleGroup.ERECTOR_SPINAE.value: 3 * weeks,
        MuscleGroup.CALVES_ANKLES.value: 2 * weeks,
    }
    return PeriodReport(first, last, tuple(days), goals, attention)


def load_day(day: date) -> DayReport:
    if day == TODAY:
        return day_report()
    midnight = datetime.combine(day, time(0), TZ)
    return DayReport(day, midnight, midnight + timedelta(days=1), DayTotals())


def render(view: View, anchor: date, name: str, *, dark: bool = False) -> None:
    window = StatsWindow()
    if dark:
        window.setPalette(dark_palette())
    controller = StatsController(
        window,
        load_day=load_day,
        load_period=period_report,
        today=lambda: TODAY,
        export=lambda *_: None,
    )
    window.resize(860, 500 if view is View.DAY else 790)
    controller.open(view, anchor)
    QApplication.processEvents()
    image = window.grab().toImage()
    image.save(str(OUT_DIR / name))
    print(f"{name}: {image.width()}x{image.height()} px at ratio {image.devicePixelRatio()}")
    window.close()


def main() -> None:
    if "--today-hidpi" in sys.argv:
        app = QApplication([])
        app.setStyle("Fusion")
        render(View.DAY, TODAY, "stats-today.png")
        del app
        return
    # Device pixel ratio 2 needs its own process: the scale factor is read at start-up.
    subprocess.run(
        [sys.executable, "-m", "tools.make_stats_screenshots", "--today-hidpi"],
        env={**os.environ, "QT_SCALE_FACTOR": "2"},
        check=True,
    )
    app = QApplication([])
    app.setStyle("Fusion")
    week_before = TODAY - timedelta(days=7)
    render(View.WEEK, week_before, "stats-week.png")
    render(View.MONTH, period_of(View.MONTH, TODAY)[0] - timedelta(days=1), "stats-month.png")
    render(View.DAY, TODAY, "stats-today-dark.png", dark=True)
    del app


if __name__ == "__main__":
    main()
