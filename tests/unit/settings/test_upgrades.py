"""Schema 1 → 2: a file the foundation release wrote keeps every value after an update."""

from __future__ import annotations

import tomllib
from datetime import time
from pathlib import Path

import pytest

from app.core.schedule import TimeRange
from app.settings.model import GeneralSettings, GoalSettings, QuietSettings, Settings
from app.settings.store import load_settings, save_settings
from tests.unit.settings.files import NOW, write

SCHEMA_1_FILE = """\
# Sitbreak settings. Durations: "45m", "1h30m", "15s". See docs/settings.md.
schema = 1
theme = "dark"

[prompts]
window_start = "30m"
window_end = "50m"
lull = "20s"
snooze = "15m"
remind_after = "3m"
max_reminders = 4
delivery = "both"
volume = 0.5

[presence]
away_after = "4m"

[working_hours]
enabled = true
days = [
    "mon",
    "tue",
    "wed",
    "thu",
]
start = "08:00"
end = "16:00"
holidays = [
    "12-25",
]

[exercises]
positions = [
    "standing",
    "seated",
]
equipment = [
    "chair",
    "band",
]
favourites = [
    "glute-bridge",
]
hidden = [
    "wall-sit",
]

[plugins.pomodoro]
length = "25m"
"""
"""Written by hand the way the foundation's ``save_settings`` wrote it, with non-default
values everywhere and unknown keys at the top, in known sections and as a whole table."""

EIGHT_TO_FOUR = (TimeRange(time(8, 0), time(16, 0)),)


def test_every_value_of_a_schema_1_file_survives_the_upgrade(settings_path: Path) -> None:
    load = load_settings(write(settings_path, SCHEMA_1_FILE), NOW)

    assert load.problems == []
    settings = load.settings
    assert settings.schema == 2
    prompts = settings.prompts
    assert (prompts.window_start_s, prompts.window_end_s) == (30 * 60, 50 * 60)
    assert (prompts.lull_s, prompts.snooze_s, prompts.remind_after_s) == (20, 15 * 60, 3 * 60)
    assert (prompts.max_reminders, prompts.delivery) == (4, "both")
    assert settings.presence.away_s == 4 * 60
    assert settings.working_hours.enabled
    assert settings.working_hours.ranges == dict.fromkeys(range(4), EIGHT_TO_FOUR)
    assert settings.exercises.positions == {"standing", "seated"}
    assert settings.exercises.equipment == {"chair", "band"}
    assert settings.exercises.favourites == {"glute-bridge"}
    assert settings.exercises.hidden == {"wall-sit"}
    assert settings.extra == {
        "theme": "dark",
        "prompts": {"volume": 0.5},
        "working_hours": {"holidays": ["12-25"]},
        "plugins": {"pomodoro": {"length": "25m"}},
    }
    # What schema 1 did not have starts at its default.
    assert (settings.quiet, settings.goals, settings.general) == (
        QuietSettings(),
        GoalSettings(),
        GeneralSettings(),
    )
    assert not prompts.sound


def test_the_upgraded_hours_keep_prompts_quiet_on_the_same_days(settings_path: Path) -> None:
    config = load_settings(write(settings_path, SCHEMA_1_FILE), NOW).settings.engine_config()
    assert config.working_hours.enabled
    assert config.working_hours.ranges == dict.fromkeys(range(4), EIGHT_TO_FOUR)


def test_loading_a_schema_1_file_does_not_rewrite_it(settings_path: Path) -> None:
    write(settings_path, SCHEMA_1_FILE)
    before = settings_path.stat().st_mtime_ns

    load_settings(settings_path, NOW)

    assert settings_path.read_text(encoding="utf-8") == SCHEMA_1_FILE
    assert settings_path.stat().st_mtime_ns == before
    assert list(settings_path.parent.iterdir()) == [settings_path]


def test_saving_writes_schema_2_with_the_values_and_unknown_keys(settings_path: Path) -> None:
    load = load_settings(write(settings_path, SCHEMA_1_FILE), NOW)

    save_settings(settings_path, load.settings)

    saved = tomllib.loads(settings_path.read_text(encoding="utf-8"))
    assert saved["schema"] == 2
    assert saved["theme"] == "dark"
    assert saved["plugins"] == {"pomodoro": {"length": "25m"}}
    assert saved["prompts"]["window_start"] == "30m"
    assert saved["prompts"]["window_end"] == "50m"
    assert saved["prompts"]["volume"] == 0.5
    assert saved["working_hours"] == {
        "enabled": True,
        "mon": ["08:00-16:00"],
        "tue": ["08:00-16:00"],
        "wed": ["08:00-16:00"],
        "thu": ["08:00-16:00"],
        "fri": [],
        "sat": [],
        "sun": [],
        "holidays": ["12-25"],
    }
    assert saved["exercises"]["hidden"] == ["wall-sit"]
    again = load_settings(settings_path, NOW)
    assert again.problems == []
    assert again.settings == load.settings


@pytest.mark.parametrize(
    ("table", "ranges"),
    [
        pytest.param('days = ["sat"]\n', {5: (TimeRange(time(9), time(17)),)}, id="days only"),
        pytest.param(
            'start = 22:00:00\nend = "6:30"\n',
            dict.fromkeys(range(5), (TimeRange(time(22), time(6, 30)),)),
            id="overnight TOML time",
        ),
        pytest.param("days = []\n", {}, id="no working days"),
        pytest.param(
            'days = ["Mon", "funday"]\n',
            dict.fromkeys(range(5), (TimeRange(time(9), time(17)),)),
            id="days schema 1 rejected: its default, as it used",
        ),
        pytest.param("enabled = true\n", Settings().working_hours.ranges, id="nothing to move"),
    ],
)
def test_missing_or_odd_schema_1_hours_mean_what_they_meant_there(
    settings_path: Path, table: str, ranges: object
) -> None:
    load = load_settings(write(settings_path, f"schema = 1\n[working_hours]\n{table}"), NOW)
    assert load.problems == []
    assert load.settings.working_hours.ranges == ranges


def test_a_start_schema_1_rejected_is_named_after_the_upgrade(settings_path: Path) -> None:
    text = 'schema = 1\n[working_hours]\ndays = ["tue"]\nstart = "9am"\n'
    load = load_settings(write(settings_path, text), NOW)
    assert load.problems == [
        f"{settings_path}: "
        'working_hours.tue = ["9am-17:00"]: expected a list of ranges like ["09:00-17:00"] '
        '(each "HH:MM-HH:MM"; an end at or before the start runs past midnight); '
        'using the default ["09:00-17:00"]'
    ]


def test_a_schema_1_working_hours_that_is_not_a_table_is_reported(settings_path: Path) -> None:
    load = load_settings(write(settings_path, "schema = 1\nworking_hours = 5\n"), NOW)
    assert load.problems == [
        f"{settings_path}: working_hours = 5: expected a table [working_hours]; using its defaults"
    ]
