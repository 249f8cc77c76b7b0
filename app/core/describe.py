"""The words for a snapshot: the tray tooltip, the menu's status line, the status window.

Pure text, no Qt. Every user-visible string is a literal in the catalogue below, wrapped in
``QT_TRANSLATE_NOOP("describe", ...)``: a no-op here, but ``pyside6-lupdate`` recognises the
name and extracts each literal into the ``describe`` context of the ``.ts`` files. The functions
look every template up through a ``translate(context, text)`` callable; the UI passes
``QCoreApplication.translate``, which has exactly that shape, and tests and the command line
keep the default, which returns the English text.
"""

from __future__ import annotations

import math
from datetime import datetime

from app.core.i18n import QT_TRANSLATE_NOOP, Translate, untranslated
from app.core.model import Phase, Snapshot

CONTEXT = "describe"
"""The translation context of every string in this module."""

SEPARATOR = " · "


# --------------------------------------------------------------------------- the catalogue
# Templates use str.format fields so translators can move the numbers around.
LESS_THAN_A_MINUTE = QT_TRANSLATE_NOOP("describe", "<1 min")
MINUTES = QT_TRANSLATE_NOOP("describe", "{minutes} min")
HOURS_MINUTES = QT_TRANSLATE_NOOP("describe", "{hours} h {minutes:02d} min")

SITTING = QT_TRANSLATE_NOOP("describe", "Sitting {duration}")
SITTING_DETAIL = QT_TRANSLATE_NOOP("describe", "sitting {duration}")
STAND_UP_IN = QT_TRANSLATE_NOOP("describe", "stand-up in ~{duration}")
STAND_UP_WITHIN_A_MINUTE = QT_TRANSLATE_NOOP("describe", "stand-up in <1 min")
TIME_TO_STAND_UP = QT_TRANSLATE_NOOP("describe", "Time to stand up")
SNOOZED = QT_TRANSLATE_NOOP("describe", "Snoozed")
STRETCHING = QT_TRANSLATE_NOOP("describe", "Stretch break: the sitting clock waits")
AWAY = QT_TRANSLATE_NOOP("describe", "Away — the sitting clock restarts when you're back")
PAUSED_UNTIL = QT_TRANSLATE_NOOP("describe", "Paused until {time}")
PAUSED_UNTIL_TOMORROW = QT_TRANSLATE_NOOP("describe", "Paused until tomorrow {time}")
PAUSED_UNTIL_DAY = QT_TRANSLATE_NOOP("describe", "Paused until {day} {time}")
PAUSED_UNTIL_RESUMED = QT_TRANSLATE_NOOP("describe", "Paused until resumed")
QUIET = QT_TRANSLATE_NOOP("describe", "Outside working hours")
ESTIMATED = QT_TRANSLATE_NOOP("describe", "estimated")
ESTIMATED_EXPLAINED = QT_TRANSLATE_NOOP("describe", "estimated (no idle detection)")

WEEKDAYS = (
    QT_TRANSLATE_NOOP("describe", "Mon"),
    QT_TRANSLATE_NOOP("describe", "Tue"),
    QT_TRANSLATE_NOOP("describe", "Wed"),
    QT_TRANSLATE_NOOP("describe", "Thu"),
    QT_TRANSLATE_NOOP("describe", "Fri"),
    QT_TRANSLATE_NOOP("describe", "Sat"),
    QT_TRANSLATE_NOOP("describe", "Sun"),
)
"""Indexed by ``datetime.weekday()`` (0 = Monday)."""


# --------------------------------------------------------------------------- public API
def tooltip_text(snapshot: Snapshot, now: datetime, translate: Translate = untranslated) -> str:
    """The tray tooltip, e.g. "Sitting 32 min · stand-up in ~13 min".

    When no idle source works it says so in full, because a user who sees the clock run
    through lunch deserves the reason.
    """
    return _describe(snapshot, now, translate, ESTIMATED_EXPLAINED)


def status_line(snapshot: Snapshot, now: datetime, translate: Translate = untranslated) -> str:
    """The menu's first (disabled) line: the same facts as the tooltip, estimate note short.

    It repeats the tooltip on purpose: several tray hosts (GNOME's AppIndicator extension
    among them) never show tooltips, so the menu is the only place the words appear.
    """
    return _describe(snapshot, now, translate, ESTIMATED)


def format_duration(seconds: float, translate: Translate = untranslated) -> str:
    """Whole minutes, rounded down like a clock: "<1 min", "32 min", "1 h 05 min"."""
    return _format_minutes(math.floor(_checked_seconds(seconds) / 60), translate)


def format_remaining(seconds: float, translate: Translate = untranslated) -> str:
    """Whole minutes, rounded up, so elapsed plus remaining adds up to the target."""
    return _format_minutes(math.ceil(_checked_seconds(seconds) / 60), translate)


# --------------------------------------------------------------------------- internals
def _describe(snapshot: Snapshot, now: datetime, translate: Translate, estimated: str) -> str:
    parts = _phase_parts(snapshot, now, translate)
    if snapshot.estimated and snapshot.phase is not Phase.AWAY:
        parts.append(translate(CONTEXT, estimated))
    return SEPARATOR.join(parts)


def _phase_parts(snapshot: Snapshot, now: datetime, translate: Translate) -> list[str]:
    sitting = format_duration(snapshot.desk_s, translate)
    sitting_detail = translate(CONTEXT, SITTING_DETAIL).format(duration=sitting)
    match snapshot.phase:
        case Phase.AWAY:
            return [translate(CONTEXT, AWAY)]
        case Phase.SITTING:
            headline = translate(CONTEXT, SITTING).format(duration=sitting)
            return [headline, _stand_up_in(snapshot, translate)]
        case Phase.WINDOW | Phase.PROMPTING:
            return [translate(CONTEXT, TIME_TO_STAND_UP), sitting_detail]
        case Phase.SNOOZED:
            return [translate(CONTEXT, SNOOZED), sitting_detail]
        case Phase.STRETCHING:
            return [translate(CONTEXT, STRETCHING)]
        case Phase.PAUSED:
            return [_paused(snapshot, now, translate), *_if_sitting(snapshot, sitting_detail)]
        case Phase.QUIET:
            return [translate(CONTEXT, QUIET), *_if_sitting(snapshot, sitting_detail)]


def _stand_up_in(snapshot: Snapshot, translate: Translate) -> str:
    remaining = max(0.0, snapshot.window_start_s - snapshot.desk_s)
    if remaining < 60:
        return translate(CONTEXT, STAND_UP_WITHIN_A_MINUTE)
    duration = format_remaining(remaining, translate)
    return translate(CONTEXT, STAND_UP_IN).format(duration=duration)


def _if_sitting(snapshot: Snapshot, sitting_detail: str) -> list[str]:
    """Paused and quiet times still log sitting: say how long once a bout is open."""
    return [sitting_detail] if snapshot.desk_s > 0 else []


def _paused(snapshot: Snapshot, now: datetime, translate: Translate) -> str:
    until = snapshot.paused_until
    if snapshot.paused_indefinitely or until is None:
        return translate(CONTEXT, PAUSED_UNTIL_RESUMED)
    if until.tzinfo is not None and now.tzinfo is not None:
        until = until.astimezone(now.tzinfo)
    clock = until.strftime("%H:%M")
    days_ahead = (until.date() - now.date()).days
    if days_ahead <= 0:
        return translate(CONTEXT, PAUSED_UNTIL).format(time=clock)
    if days_ahead == 1:
        return translate(CONTEXT, PAUSED_UNTIL_TOMORROW).format(time=clock)
    if days_ahead < 7:
        day = translate(CONTEXT, WEEKDAYS[until.weekday()])
    else:
        day = until.date().isoformat()
    return translate(CONTEXT, PAUSED_UNTIL_DAY).format(day=day, time=clock)


def _format_minutes(minutes: int, translate: Translate) -> str:
    if minutes < 1:
        return translate(CONTEXT, LESS_THAN_A_MINUTE)
    if minutes < 60:
        return translate(CONTEXT, MINUTES).format(minutes=minutes)
    hours, rest = divmod(minutes, 60)
    return translate(CONTEXT, HOURS_MINUTES).format(hours=hours, minutes=rest)


def _checked_seconds(seconds: float) -> float:
    if not math.isfinite(seconds):
        raise ValueError(f"a duration must be a finite number of seconds, got {seconds!r}")
    return max(0.0, seconds)
