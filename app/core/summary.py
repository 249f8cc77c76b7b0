"""The end-of-day and end-of-week summaries: a few quiet lines, from the statistics.

Pure text, no Qt: the notification that shows it, and the job that decides when, live
elsewhere (``app/scheduling/summary_jobs.py``). What the user sees is what matters for a
back: desk time, the longest stretch without getting up, how often they got up, and the
minutes walked and stretched.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.describe import format_duration
from app.core.exercise import MuscleGroup
from app.core.i18n import QT_TRANSLATE_NOOP, Translate, untranslated
from app.core.stats import DayReport, DayTotals, PeriodReport

CONTEXT = "summary"

DAY_TITLE = QT_TRANSLATE_NOOP("summary", "Your day: {duration} at the desk")
WEEK_TITLE = QT_TRANSLATE_NOOP("summary", "Your week: {duration} at the desk")
LONGEST = QT_TRANSLATE_NOOP("summary", "Longest sitting stretch: {duration}")
LONGEST_AND_AVERAGE = QT_TRANSLATE_NOOP(
    "summary", "Longest sitting stretch: {longest} (on average {average})"
)
STOOD_UP_NEVER = QT_TRANSLATE_NOOP("summary", "You did not stand up from the desk")
STOOD_UP_ONCE = QT_TRANSLATE_NOOP("summary", "Stood up once")
STOOD_UP_TIMES = QT_TRANSLATE_NOOP("summary", "Stood up {count} times")
MOVED = QT_TRANSLATE_NOOP("summary", "Walked {walked}, stretched {stretched}")
GOALS_MET = QT_TRANSLATE_NOOP("summary", "Daily goals met on {met} of {closed} days")
NOT_WORKED = QT_TRANSLATE_NOOP("summary", "Not worked this week: {groups}")
NOTHING_YET = QT_TRANSLATE_NOOP("summary", "0 min")


@dataclass(frozen=True, slots=True)
class SummaryText:
    """A notification's title and body (lines joined by newlines)."""

    title: str
    body: str


def day_summary_text(report: DayReport, translate: Translate = untranslated) -> SummaryText | None:
    """The end-of-day summary; None for a day with nothing tracked (no notification)."""
    if report.is_empty:
        return None
    totals = report.totals
    lines = [
        translate(CONTEXT, LONGEST).format(duration=_duration(totals.longest_bout_s, translate)),
        _stood_up(totals.stand_ups, translate),
        _moved(totals, translate),
    ]
    title = translate(CONTEXT, DAY_TITLE).format(duration=_duration(totals.desk_s, translate))
    return SummaryText(title=title, body="\n".join(lines))


def week_summary_text(
    report: PeriodReport, translate: Translate = untranslated
) -> SummaryText | None:
    """The end-of-week summary; None for a week with nothing tracked."""
    if report.is_empty:
        return None
    totals = [day_totals for _, day_totals in report.days]
    bouts = sum(day.bouts for day in totals)
    average = report.desk_s / bouts if bouts else 0.0
    week = DayTotals(
        walk_s=sum(day.walk_s for day in totals),
        stretch_s=sum(day.stretch_s for day in totals),
    )
    lines = [
        translate(CONTEXT, LONGEST_AND_AVERAGE).format(
            longest=_duration(report.longest_bout_s, translate),
            average=_duration(average, translate),
        ),
        _stood_up(sum(day.stand_ups for day in totals), translate),
        _moved(week, translate),
    ]
    if report.goals_met:
        lines.append(
            translate(CONTEXT, GOALS_MET).format(
                met=report.days_meeting_goals, closed=len(report.goals_met)
            )
        )
    missed = [group for group in MuscleGroup if report.muscle_attention.get(group.value, 0) == 0]
    if missed and len(missed) < len(MuscleGroup):
        groups = ", ".join(group.label(translate) for group in missed)
        lines.append(translate(CONTEXT, NOT_WORKED).format(groups=groups))
    title = translate(CONTEXT, WEEK_TITLE).format(duration=_duration(report.desk_s, translate))
    return SummaryText(title=title, body="\n".join(lines))


def _stood_up(count: int, translate: Translate) -> str:
    if count <= 0:
        return translate(CONTEXT, STOOD_UP_NEVER)
    if count == 1:
        return translate(CONTEXT, STOOD_UP_ONCE)
    return translate(CONTEXT, STOOD_UP_TIMES).format(count=count)


def _moved(totals: DayTotals, translate: Translate) -> str:
    return translate(CONTEXT, MOVED).format(
        walked=_duration(totals.walk_s, translate),
        stretched=_duration(totals.stretch_s, translate),
    )


def _duration(seconds: float, translate: Translate) -> str:
    """Like the tray's durations, but "0 min" rather than "<1 min" for nothing at all."""
    if seconds <= 0:
        return translate(CONTEXT, NOTHING_YET)
    return format_duration(seconds, translate)
