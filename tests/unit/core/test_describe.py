"""The words the tray shows for each state of the sitting clock."""

from __future__ import annotations

import math
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.core import describe
from app.core.describe import format_duration, format_remaining, status_line, tooltip_text
from app.core.model import Phase, Snapshot

BERLIN_SUMMER = timezone(timedelta(hours=2))
NOW = datetime(2025, 6, 13, 11, 0, tzinfo=BERLIN_SUMMER)  # a Friday morning


def snapshot(phase: Phase, desk_min: float = 0.0, **changes: object) -> Snapshot:
    base = Snapshot(
        phase=phase,
        desk_s=desk_min * 60,
        window_start_s=45 * 60,
        window_end_s=60 * 60,
        bout_start=NOW - timedelta(minutes=desk_min) if desk_min else None,
        paused_until=None,
        paused_indefinitely=False,
        estimated=False,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


# ------------------------------------------------------------------------ durations
@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "<1 min"),
        (59.9, "<1 min"),
        (60, "1 min"),
        (32 * 60 + 59, "32 min"),
        (59 * 60 + 59, "59 min"),
        (60 * 60, "1 h 00 min"),
        (65 * 60, "1 h 05 min"),
        (125 * 60 + 30, "2 h 05 min"),
        (-5, "<1 min"),
    ],
)
def test_elapsed_time_is_whole_minutes_rounded_down(seconds, text):
    assert format_duration(seconds) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(30, "1 min"), (12 * 60 + 1, "13 min"), (13 * 60, "13 min"), (59 * 60 + 1, "1 h 00 min")],
)
def test_remaining_time_is_whole_minutes_rounded_up(seconds, text):
    assert format_remaining(seconds) == text


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_a_duration_that_is_not_a_number_is_refused_by_name(bad):
    with pytest.raises(ValueError, match="finite number of seconds"):
        format_duration(bad)


# ------------------------------------------------------------------------ each phase
def test_sitting_says_how_long_and_when_the_stand_up_comes():
    assert tooltip_text(snapshot(Phase.SITTING, 32), NOW) == "Sitting 32 min · stand-up in ~13 min"


def test_elapsed_and_remaining_add_up_to_the_window_start_between_whole_minutes():
    text = tooltip_text(snapshot(Phase.SITTING, 32.5), NOW)
    assert text == "Sitting 32 min · stand-up in ~13 min"


def test_the_last_minute_before_the_window_is_not_shown_as_approximately_zero():
    text = tooltip_text(snapshot(Phase.SITTING, 44.5), NOW)
    assert text == "Sitting 44 min · stand-up in <1 min"


def test_a_fresh_bout_reads_less_than_a_minute():
    text = tooltip_text(snapshot(Phase.SITTING, 0.2), NOW)
    assert text == "Sitting <1 min · stand-up in ~45 min"


def test_long_sitting_uses_hours():
    text = tooltip_text(snapshot(Phase.SITTING, 65, window_start_s=90 * 60), NOW)
    assert text == "Sitting 1 h 05 min · stand-up in ~25 min"


@pytest.mark.parametrize("phase", [Phase.WINDOW, Phase.PROMPTING])
def test_inside_the_window_it_is_time_to_stand_up(phase):
    assert tooltip_text(snapshot(phase, 47), NOW) == "Time to stand up · sitting 47 min"


def test_snoozed():
    assert tooltip_text(snapshot(Phase.SNOOZED, 52), NOW) == "Snoozed · sitting 52 min"


def test_away_explains_that_the_clock_restarts():
    text = tooltip_text(snapshot(Phase.AWAY), NOW)
    assert text == "Away — the sitting clock restarts when you're back"


def test_paused_until_later_today():
    snap = snapshot(Phase.PAUSED, paused_until=NOW.replace(hour=14, minute=30))
    assert tooltip_text(snap, NOW) == "Paused until 14:30"


def test_paused_time_is_shown_in_the_users_zone_even_if_stored_in_utc():
    until = datetime(2025, 6, 13, 12, 30, tzinfo=UTC)  # 14:30 in Berlin summer time
    assert tooltip_text(snapshot(Phase.PAUSED, paused_until=until), NOW) == "Paused until 14:30"


def test_paused_while_sitting_still_shows_the_sitting_time():
    snap = snapshot(Phase.PAUSED, 12, paused_until=NOW + timedelta(minutes=30))
    assert tooltip_text(snap, NOW) == "Paused until 11:30 · sitting 12 min"


def test_paused_until_tomorrow():
    snap = snapshot(Phase.PAUSED, paused_until=NOW.replace(day=14, hour=4, minute=0))
    assert tooltip_text(snap, NOW) == "Paused until tomorrow 04:00"


def test_paused_over_the_weekend_names_the_day():
    monday = NOW.replace(day=16, hour=9, minute=0)
    assert tooltip_text(snapshot(Phase.PAUSED, paused_until=monday), NOW) == (
        "Paused until Mon 09:00"
    )


def test_paused_more_than_a_week_ahead_gives_the_date():
    later = NOW.replace(day=25, hour=9, minute=0)
    assert tooltip_text(snapshot(Phase.PAUSED, paused_until=later), NOW) == (
        "Paused until 2025-06-25 09:00"
    )


def test_paused_until_resumed():
    snap = snapshot(Phase.PAUSED, paused_indefinitely=True)
    assert tooltip_text(snap, NOW) == "Paused until resumed"


def test_quiet_outside_working_hours():
    assert tooltip_text(snapshot(Phase.QUIET), NOW) == "Outside working hours"
    assert tooltip_text(snapshot(Phase.QUIET, 8), NOW) == "Outside working hours · sitting 8 min"


# ------------------------------------------------------------------------ estimated
def test_the_tooltip_explains_an_estimate():
    snap = snapshot(Phase.SITTING, 32, estimated=True)
    assert tooltip_text(snap, NOW) == (
        "Sitting 32 min · stand-up in ~13 min · estimated (no idle detection)"
    )


def test_the_status_line_flags_an_estimate_briefly():
    snap = snapshot(Phase.SITTING, 32, estimated=True)
    assert status_line(snap, NOW) == "Sitting 32 min · stand-up in ~13 min · estimated"


def test_the_status_line_carries_the_same_facts_as_the_tooltip():
    # Some tray hosts never show tooltips: the menu line is all the user gets there.
    for phase in Phase:
        snap = snapshot(phase, 20, paused_until=NOW + timedelta(hours=1))
        assert status_line(snap, NOW) == tooltip_text(snap, NOW)


def test_nothing_is_estimated_about_being_away():
    snap = snapshot(Phase.AWAY, estimated=True)
    assert "estimated" not in tooltip_text(snap, NOW)


# ------------------------------------------------------------------------ translation
def every_snapshot() -> list[Snapshot]:
    variants = [
        snapshot(phase, minutes, estimated=estimated, paused_until=until)
        for phase in Phase
        for minutes in (0, 0.5, 32, 44.5, 65)
        for estimated in (False, True)
        for until in (
            NOW + timedelta(minutes=30),
            NOW + timedelta(days=1),
            NOW + timedelta(days=3),
            NOW + timedelta(days=10),
        )
    ]
    return [*variants, snapshot(Phase.PAUSED, paused_indefinitely=True)]


def test_every_word_goes_through_the_translator():
    """A pseudo-translation brackets every template: nothing may be left outside brackets."""
    seen: set[tuple[str, str]] = set()

    def pseudo(context: str, text: str) -> str:
        seen.add((context, text))
        return "[" + text + "]"

    for snap in every_snapshot():
        for text in (tooltip_text(snap, NOW, pseudo), status_line(snap, NOW, pseudo)):
            outside = re.sub(r"\[[^\[\]]*\]", "", re.sub(r"\[[^\[\]]*\]", "", text))
            leftover = outside.replace(describe.SEPARATOR, "").strip()
            # Only numbers and the time of day may stay untranslated.
            assert re.fullmatch(r"[\d: -]*", leftover), (text, leftover)
    assert {context for context, _ in seen} == {describe.CONTEXT}


def test_lupdate_extracts_every_catalogue_string(tmp_path):
    """The no-op marker really is what pyside6-lupdate picks up, in the right context."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    ts_file = tmp_path / "describe.ts"
    subprocess.run(
        [str(lupdate), describe.__file__, "-ts", str(ts_file)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    contexts = ET.parse(ts_file).getroot().findall("context")
    extracted = {
        (c.findtext("name"), m.findtext("source")) for c in contexts for m in c.findall("message")
    }
    catalogue = {
        value
        for name, value in vars(describe).items()
        if name.isupper() and isinstance(value, str) and name not in ("CONTEXT", "SEPARATOR")
    } | set(describe.WEEKDAYS)
    assert extracted == {(describe.CONTEXT, text) for text in catalogue}
