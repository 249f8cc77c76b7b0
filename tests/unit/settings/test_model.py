"""From settings to the engine's configuration, and the layer's purity."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.core.schedule import TimeRange
from app.settings.fields import FIELDS
from app.settings.model import PresenceSettings, PromptSettings, Settings, WorkingHoursSettings

BERLIN = ZoneInfo("Europe/Berlin")
REPO = Path(__file__).resolve().parents[3]


def test_the_default_engine_config_matches_the_documented_defaults() -> None:
    config = Settings().engine_config()
    assert (config.window_start_s, config.window_end_s) == (2700, 3600)
    assert (config.lull_s, config.snooze_s, config.remind_after_s) == (15, 600, 300)
    assert (config.max_reminders, config.away_s) == (2, 180)
    assert not config.working_hours.enabled


def test_every_setting_reaches_the_engine() -> None:
    settings = Settings(
        prompts=PromptSettings(
            window_start_s=60,
            window_end_s=120,
            lull_s=3,
            snooze_s=30,
            remind_after_s=20,
            max_reminders=5,
        ),
        presence=PresenceSettings(away_s=10),
    )
    config = settings.engine_config()
    assert (config.window_start_s, config.window_end_s, config.lull_s) == (60, 120, 3)
    assert (config.snooze_s, config.remind_after_s, config.max_reminders) == (30, 20, 5)
    assert config.away_s == 10


MORNING = TimeRange(time(8, 0), time(12, 0))
AFTERNOON = TimeRange(time(13, 0), time(16, 0))
NIGHT = TimeRange(time(22, 0), time(2, 0))


def test_working_hours_reach_the_engine_day_by_day() -> None:
    hours = WorkingHoursSettings(enabled=True, ranges={0: (MORNING, AFTERNOON), 2: (NIGHT,)})
    working = Settings(working_hours=hours).engine_config().working_hours

    assert working.enabled
    assert working.ranges == {0: (MORNING, AFTERNOON), 2: (NIGHT,)}
    monday = datetime(2024, 4, 29, 10, tzinfo=BERLIN)
    assert not working.is_quiet(monday)
    assert working.is_quiet(monday.replace(hour=12, minute=30))  # the lunch gap
    assert not working.is_quiet(monday.replace(hour=15))
    assert working.is_quiet(monday.replace(day=30))  # Tuesday: no ranges
    assert not working.is_quiet(datetime(2024, 5, 1, 23, tzinfo=BERLIN))  # Wednesday night
    assert not working.is_quiet(datetime(2024, 5, 2, 1, 30, tzinfo=BERLIN))  # ... past midnight
    assert working.is_quiet(datetime(2024, 5, 2, 2, 0, tzinfo=BERLIN))


def test_the_default_working_hours_are_nine_to_five_on_weekdays() -> None:
    hours = WorkingHoursSettings()
    office = (TimeRange(time(9), time(17)),)
    assert [hours.on(day) for day in range(7)] == [office] * 5 + [(), ()]


def test_equal_working_hours_compare_equal_however_they_were_spelt() -> None:
    spelt = WorkingHoursSettings(ranges={0: (AFTERNOON, MORNING, AFTERNOON), 3: (), 6: ()})
    assert spelt == WorkingHoursSettings(ranges={0: (MORNING, AFTERNOON)})
    assert spelt.ranges == {0: (MORNING, AFTERNOON)}


def test_a_weekday_outside_monday_to_sunday_is_refused() -> None:
    with pytest.raises(ValueError, match=r"not \[7\]"):
        WorkingHoursSettings(ranges={7: (MORNING,)})


def test_disabled_working_hours_are_never_quiet() -> None:
    working = Settings().engine_config().working_hours
    assert not working.is_quiet(datetime(2024, 5, 4, 23, tzinfo=BERLIN))  # a Saturday night


def test_the_settings_layer_loads_without_qt_or_the_scheduler() -> None:
    script = (
        "import sys, app.settings\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'apscheduler'))\n"
        "print(bad)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
        timeout=60,
    )
    assert result.stdout.strip() == "[]"


def test_the_docs_list_every_key_with_its_default_and_range() -> None:
    rows = {
        line.split("|")[1].strip(): line
        for line in (REPO / "docs" / "settings.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("| `")
    }
    for section, fields in FIELDS.items():
        defaults = getattr(Settings(), section)
        for spec in fields:
            row = rows[f"`{section}.{spec.key}`"]
            assert spec.kind.allowed in row
            assert spec.kind.show(spec.value_of(defaults)) in row
