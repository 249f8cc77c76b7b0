"""From settings to the engine's configuration, and the layer's purity."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

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


def test_working_hours_become_one_range_per_working_day() -> None:
    hours = WorkingHoursSettings(enabled=True, days=(0, 2), start=time(8, 0), end=time(16, 0))
    working = Settings(working_hours=hours).engine_config().working_hours

    assert working.ranges == {
        0: (TimeRange(time(8, 0), time(16, 0)),),
        2: (TimeRange(time(8, 0), time(16, 0)),),
    }
    monday, tuesday = (
        datetime(2024, 4, 29, 10, tzinfo=BERLIN),
        datetime(2024, 4, 30, 10, tzinfo=BERLIN),
    )
    assert not working.is_quiet(monday)
    assert working.is_quiet(tuesday)
    assert working.is_quiet(monday.replace(hour=17))


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
            assert spec.kind.show(getattr(defaults, spec.attr)) in row
