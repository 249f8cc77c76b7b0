"""Loading and saving settings.toml as a user would meet it."""

from __future__ import annotations

import json
import os
import stat
import tomllib
from dataclasses import replace
from datetime import time
from pathlib import Path
from typing import Any

import pytest

from app.core.schedule import TimeRange
from app.settings.fields import FIELDS
from app.settings.model import (
    GeneralSettings,
    GoalSettings,
    PresenceSettings,
    PromptSettings,
    QuietSettings,
    Settings,
    SummarySettings,
    WorkingHoursSettings,
)
from app.settings.store import NewerSchemaError, load_settings, save_settings
from tests.helpers.faults import give_to_plain_user, plain_user_folder, run_as_plain_user
from tests.unit.settings.files import NOW, STAMP, write

DOCUMENTED_EXAMPLE = """\
schema = 2
[prompts]
window_start = "45m"   # the prompt window opens after this much desk time
window_end = "60m"     # ... and the prompt is forced at this point
lull = "15s"
snooze = "10m"
remind_after = "5m"
max_reminders = 2
delivery = "notification"  # or "toast", or "both"
sound = false
[presence]
away_after = "3m"
[working_hours]
enabled = false
mon = ["09:00-17:00"]
tue = ["09:00-17:00"]
wed = ["09:00-17:00"]
thu = ["09:00-17:00"]
fri = ["09:00-17:00"]
sat = []
sun = []
[quiet]
when_fullscreen = true
when_do_not_disturb = true
[exercises]
positions = ["standing", "seated", "floor"]
equipment = ["chair", "desk", "wall"]
favourites = []
hidden = []
[goals]
walk_minutes = 30
stretch_minutes = 10
strength_days = ["mon", "wed", "fri"]
strength_time = "18:00"
[summary]
daily = true
weekly = true
[general]
tray_icon_style = "auto"
keep_days = 0
"""
NIGHT = TimeRange(time(22, 0), time(6, 30))

CUSTOM = Settings(
    prompts=PromptSettings(
        window_start_s=50 * 60,
        window_end_s=90 * 60,
        lull_s=20,
        snooze_s=15 * 60,
        remind_after_s=2 * 60,
        max_reminders=0,
        delivery="both",
        sound=True,
    ),
    presence=PresenceSettings(away_s=7 * 60 + 30),
    working_hours=WorkingHoursSettings(
        enabled=True,
        ranges={
            0: (TimeRange(time(8, 0), time(12, 0)), TimeRange(time(13, 0), time(17, 30))),
            2: (NIGHT,),
            6: (NIGHT,),
        },
    ),
    quiet=QuietSettings(when_fullscreen=False, when_do_not_disturb=False),
    goals=GoalSettings(
        walk_minutes=45, stretch_minutes=0, strength_days=(1, 3), strength_time=time(7, 15)
    ),
    summary=SummarySettings(daily=False, weekly=True),
    general=GeneralSettings(tray_icon_style="dark", keep_days=365),
)


# ---------------------------------------------------------------- defaults and round trip
def test_a_missing_file_gives_the_defaults_and_is_not_created(settings_path: Path) -> None:
    load = load_settings(settings_path, NOW)
    assert load.settings == Settings()
    assert load.problems == []
    assert load.broken_copy is None
    assert not settings_path.exists()


def test_the_documented_example_is_exactly_the_defaults(settings_path: Path) -> None:
    load = load_settings(write(settings_path, DOCUMENTED_EXAMPLE), NOW)
    assert load.problems == []
    assert load.settings == Settings()
    assert load.settings.prompts.window_start_s == 45 * 60
    assert load.settings.engine_config().working_hours.ranges == {
        day: (TimeRange(time(9), time(17)),) for day in range(5)
    }


def test_an_empty_file_gives_the_defaults(settings_path: Path) -> None:
    load = load_settings(write(settings_path, ""), NOW)
    assert (load.settings, load.problems) == (Settings(), [])


def test_saved_settings_load_back_equal(settings_path: Path) -> None:
    save_settings(settings_path, CUSTOM)
    load = load_settings(settings_path, NOW)
    assert load.problems == []
    assert load.settings == CUSTOM


def test_the_saved_file_uses_human_durations(settings_path: Path) -> None:
    save_settings(settings_path, CUSTOM)
    document = tomllib.loads(settings_path.read_text(encoding="utf-8"))
    assert document["schema"] == 2
    assert document["prompts"]["window_start"] == "50m"
    assert document["prompts"]["window_end"] == "1h30m"
    assert document["presence"]["away_after"] == "7m30s"
    assert document["working_hours"] == {
        "enabled": True,
        "mon": ["08:00-12:00", "13:00-17:30"],
        "tue": [],
        "wed": ["22:00-06:30"],
        "thu": [],
        "fri": [],
        "sat": [],
        "sun": ["22:00-06:30"],
    }
    assert document["goals"] == {
        "walk_minutes": 45,
        "stretch_minutes": 0,
        "strength_days": ["tue", "thu"],
        "strength_time": "07:15",
    }
    assert document["quiet"] == {"when_fullscreen": False, "when_do_not_disturb": False}
    assert document["summary"] == {"daily": False, "weekly": True}
    assert document["general"] == {"tray_icon_style": "dark", "keep_days": 365}


@pytest.mark.parametrize("days", [0, 30, 3650])
def test_every_retention_the_file_allows_loads_back(settings_path: Path, days: int) -> None:
    settings = replace(Settings(), general=GeneralSettings(keep_days=days))
    save_settings(settings_path, settings)
    load = load_settings(settings_path, NOW)
    assert (load.settings.general.keep_days, load.problems) == (days, [])
    assert load.settings.general.keeps_forever == (days == 0)


def test_a_file_without_the_new_sections_sums_up_and_keeps_everything(
    settings_path: Path,
) -> None:
    load = load_settings(
        write(settings_path, 'schema = 2\n[general]\ntray_icon_style = "dark"\n'), NOW
    )
    assert load.problems == []
    assert load.settings.summary == SummarySettings(daily=True, weekly=True)
    assert load.settings.general.keeps_forever


def test_saved_files_and_new_folders_are_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "settings.toml"
    save_settings(path, Settings())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_friendly_spellings_are_accepted(settings_path: Path) -> None:
    write(
        settings_path,
        'schema = 2\n[prompts]\nwindow_start = 3000\nlull = "1h 0m 5s"\n[working_hours]\n'
        'mon = ["13:00-17:00", " 8:15 - 12:00", "13:00-17:00"]\ntue = []\n'
        '[goals]\nstrength_days = ["Mon", " sat", "mon"]\nstrength_time = 08:15:00\n'
        '[general]\ntray_icon_style = " Light"\n',
    )
    load = load_settings(settings_path, NOW)
    assert load.problems == []
    assert load.settings.prompts.window_start_s == 3000
    assert load.settings.prompts.lull_s == 3605
    hours = load.settings.working_hours
    assert hours.on(0) == (TimeRange(time(8, 15), time(12)), TimeRange(time(13), time(17)))
    assert hours.on(1) == ()
    assert hours.on(2) == (TimeRange(time(9), time(17)),)  # not in the file: the default
    assert load.settings.goals.strength_days == (0, 5)
    assert load.settings.goals.strength_time == time(8, 15)
    assert load.settings.general.tray_icon_style == "light"


# ---------------------------------------------------------------- invalid values
BASE = {
    "prompts": {"window_start": '"50m"', "snooze": '"20m"', "max_reminders": "4"},
    "presence": {"away_after": '"7m"'},
    "working_hours": {"enabled": "true", "mon": "[]", "tue": '["08:00-12:00", "22:00-02:00"]'},
    "quiet": {"when_fullscreen": "false"},
    "goals": {"walk_minutes": "60", "strength_days": '["sat"]', "strength_time": '"07:00"'},
    "summary": {"daily": "false", "weekly": "true"},
    "general": {"tray_icon_style": '"light"', "keep_days": "90"},
}


def toml_text(tables: dict[str, dict[str, str]]) -> str:
    return "".join(
        f"[{name}]\n" + "".join(f"{key} = {value}\n" for key, value in table.items())
        for name, table in tables.items()
    )


DURATION = ': expected a duration like "45m" (1s–24h)'
TIME = ': expected a time like "09:00" (00:00–23:59)'
RANGES = (
    ': expected a list of ranges like ["09:00-17:00"] '
    '(each "HH:MM-HH:MM"; an end at or before the start runs past midnight)'
)
OFFICE = '["09:00-17:00"]'
KEEP = "0 (forever) or 30–3650"
INVALID_VALUES = [  # key, bad value as written, the rest of the message after "key = value"
    ("prompts.lull", '"0s"', " is out of range (1s–24h); using the default 15s"),
    ("prompts.snooze", '"25h"', " is out of range (1s–24h); using the default 10m"),
    ("prompts.window_start", "true", f"{DURATION}; using the default 45m"),
    ("prompts.remind_after", '"5 minutes"', f"{DURATION}; using the default 5m"),
    ("prompts.max_reminders", "11", " is out of range (0–10); using the default 2"),
    ("prompts.max_reminders", '"3"', ": expected a whole number (0–10); using the default 2"),
    ("presence.away_after", "-5", f"{DURATION}; using the default 3m"),
    ("presence.away_after", "90000", " is out of range (1s–24h); using the default 3m"),
    ("working_hours.enabled", '"yes"', ": expected true or false; using the default false"),
    ("prompts.sound", '"chime"', ": expected true or false; using the default false"),
    ("working_hours.tue", '["9am-5pm"]', f"{RANGES}; using the default {OFFICE}"),
    ("working_hours.tue", '["08:00-24:00"]', f"{RANGES}; using the default {OFFICE}"),
    ("working_hours.mon", '["08:00-12:00", "13-17"]', f"{RANGES}; using the default {OFFICE}"),
    ("working_hours.sat", '"09:00-17:00"', f"{RANGES}; using the default []"),
    ("quiet.when_fullscreen", "0", ": expected true or false; using the default true"),
    ("goals.walk_minutes", "1441", " is out of range (0–1440); using the default 30"),
    ("goals.stretch_minutes", '"10m"', ": expected a whole number (0–1440); using the default 10"),
    (
        "goals.strength_days",
        '["mon", "funday"]',
        ': expected a list of days like ["mon", "tue"] (mon–sun); '
        'using the default ["mon", "wed", "fri"]',
    ),
    ("goals.strength_time", '"6pm"', f"{TIME}; using the default 18:00"),
    (
        "general.tray_icon_style",
        '"blue"',
        ' is out of range (one of "auto", "light", "dark"); using the default "auto"',
    ),
    ("summary.daily", '"yes"', ": expected true or false; using the default true"),
    ("summary.weekly", "1", ": expected true or false; using the default true"),
    ("general.keep_days", "29", f" is out of range ({KEEP}); using the default 0"),
    ("general.keep_days", "3651", f" is out of range ({KEEP}); using the default 0"),
    ("general.keep_days", "-1", f" is out of range ({KEEP}); using the default 0"),
    (
        "general.keep_days",
        '"1y"',
        f": expected a whole number of days ({KEEP}); using the default 0",
    ),
]


@pytest.mark.parametrize(("name", "bad", "rest"), INVALID_VALUES)
def test_an_invalid_value_falls_back_to_its_default_and_keeps_the_rest(
    tmp_path: Path, name: str, bad: str, rest: str
) -> None:
    good = load_settings(write(tmp_path / "good.toml", toml_text(BASE)), NOW)
    assert good.problems == []
    section, key = name.split(".")
    tables = {section_name: dict(table) for section_name, table in BASE.items()}
    tables[section][key] = bad

    load = load_settings(write(tmp_path / "settings.toml", toml_text(tables)), NOW)

    assert load.problems == [f"{tmp_path / 'settings.toml'}: {name} = {bad}{rest}"]
    assert load.settings == _with_default(good.settings, section, key)


def _with_default(settings: Settings, section: str, key: str) -> Settings:
    (spec,) = [spec for spec in FIELDS[section] if spec.key == key]
    default: Any = spec.value_of(getattr(Settings(), section))
    values = getattr(settings, section)
    if spec.day is not None:  # one weekday of working_hours.ranges
        default = {**getattr(values, spec.attr), spec.day: default}
    return replace(settings, **{section: replace(values, **{spec.attr: default})})


def test_a_section_that_is_not_a_table_uses_its_defaults(settings_path: Path) -> None:
    write(settings_path, 'prompts = 5\n[presence]\naway_after = "4m"\n')
    load = load_settings(settings_path, NOW)
    assert load.problems == [
        f"{settings_path}: prompts = 5: expected a table [prompts]; using its defaults"
    ]
    assert load.settings.prompts == PromptSettings()
    assert load.settings.presence.away_s == 240


def test_window_end_before_window_start_is_moved_up_to_it(settings_path: Path) -> None:
    write(settings_path, '[prompts]\nwindow_start = "50m"\nwindow_end = "40m"\n')
    load = load_settings(settings_path, NOW)
    assert load.problems == [
        f"{settings_path}: "
        "prompts.window_end = 40m is before prompts.window_start = 50m; using 50m for both"
    ]
    assert load.settings.prompts.window_start_s == load.settings.prompts.window_end_s == 3000


def test_window_start_past_the_default_end_pulls_the_end_along(settings_path: Path) -> None:
    write(settings_path, '[prompts]\nwindow_start = "70m"\n')
    load = load_settings(settings_path, NOW)
    assert load.problems == [
        f"{settings_path}: "
        "prompts.window_end = 1h is before prompts.window_start = 1h10m; using 1h10m for both"
    ]
    assert load.settings.prompts.window_end_s == 70 * 60


def test_equal_window_bounds_mean_every_n_minutes_and_are_fine(settings_path: Path) -> None:
    write(settings_path, '[prompts]\nwindow_start = "30m"\nwindow_end = "30m"\n')
    load = load_settings(settings_path, NOW)
    assert load.problems == []
    assert load.settings.prompts.window_end_s == 1800


# ---------------------------------------------------------------- unknown keys
UNKNOWN_KEYS = """\
schema = 2
theme = "dark"
launched = 2024-05-01T08:00:00+02:00
[prompts]
window_start = "45m"
window_end = "1h"
lull = "15s"
snooze = "10m"
remind_after = "5m"
max_reminders = 2
delivery = "notification"
sound = false
chime = "bell"          # a newer version's key
ratios = [1, 2.5, "x", [true]]
[prompts.experimental]
adaptive = true
[presence]
away_after = "3m"
[working_hours]
enabled = false
mon = ["09:00-17:00"]
tue = ["09:00-17:00"]
wed = ["09:00-17:00"]
thu = ["09:00-17:00"]
fri = ["09:00-17:00"]
sat = []
sun = []
holidays = ["12-25"]
[quiet]
when_fullscreen = true
when_do_not_disturb = true
[exercises]
positions = ["standing", "seated", "floor"]
equipment = ["chair", "desk", "wall"]
favourites = []
hidden = []
mood = "calm"
[goals]
walk_minutes = 30
stretch_minutes = 10
strength_days = ["mon", "wed", "fri"]
strength_time = "18:00"
[summary]
daily = true
weekly = true
[general]
tray_icon_style = "auto"
keep_days = 0
[[routines]]
name = "Glute bridge"
reps = 10
[[routines]]
name = "Calf raise"
[routines.details]
note = "slow"
[plugins."odd key"]
list = []
"""


def test_unknown_keys_survive_a_save(settings_path: Path) -> None:
    load = load_settings(write(settings_path, UNKNOWN_KEYS), NOW)
    assert load.problems == []
    assert load.settings.extra["theme"] == "dark"
    assert load.settings.extra["prompts"]["chime"] == "bell"
    assert load.settings.extra["working_hours"] == {"holidays": ["12-25"]}

    save_settings(settings_path, load.settings)

    saved = tomllib.loads(settings_path.read_text(encoding="utf-8"))
    assert saved == tomllib.loads(UNKNOWN_KEYS)


def test_unknown_keys_survive_a_change_of_known_settings(settings_path: Path) -> None:
    load = load_settings(write(settings_path, UNKNOWN_KEYS), NOW)
    changed = replace(load.settings, presence=PresenceSettings(away_s=300))

    save_settings(settings_path, changed)

    expected: dict[str, Any] = tomllib.loads(UNKNOWN_KEYS)
    expected["presence"]["away_after"] = "5m"
    assert tomllib.loads(settings_path.read_text(encoding="utf-8")) == expected
    assert load_settings(settings_path, NOW).settings == changed


# ---------------------------------------------------------------- broken files
BROKEN_CONTENTS = [
    pytest.param(b'schema = 1\n[prompts]\nlull = "15s\n', "not valid TOML", id="bad-toml"),
    pytest.param(b"schema = 1\nname = '\xff\xfe'\n", "not UTF-8 text", id="not-utf8"),
]


@pytest.mark.parametrize(("content", "reason"), BROKEN_CONTENTS)
def test_an_unreadable_file_is_kept_aside_and_the_defaults_used(
    settings_path: Path, content: bytes, reason: str
) -> None:
    settings_path.parent.mkdir()
    settings_path.write_bytes(content)

    load = load_settings(settings_path, NOW)

    copy = settings_path.with_name(f"settings.toml.broken-{STAMP}")
    assert load.settings == Settings()
    assert load.broken_copy == copy
    assert copy.read_bytes() == content
    assert not settings_path.exists()
    assert len(load.problems) == 1
    problem = load.problems[0]
    assert str(settings_path) in problem
    assert reason in problem
    assert copy.name in problem


def test_the_message_names_the_line_and_column_toml_gave(settings_path: Path) -> None:
    write(settings_path, 'schema = 1\n[prompts]\nlull = = "15s"\n')
    (problem,) = load_settings(settings_path, NOW).problems
    assert "line 3, column 8" in problem


def test_a_folder_in_place_of_the_file_is_moved_aside_with_its_contents(
    settings_path: Path,
) -> None:
    settings_path.mkdir(parents=True)
    (settings_path / "inside.txt").write_text("keep me")

    load = load_settings(settings_path, NOW)

    assert load.broken_copy is not None
    assert (load.broken_copy / "inside.txt").read_text() == "keep me"
    assert "folder" in load.problems[0]
    assert load.settings == Settings()


_LOAD_AS_PLAIN_USER = """
import json, sys
from datetime import datetime
from pathlib import Path
from app.settings.store import load_settings
load = load_settings(Path(sys.argv[1]), datetime(2026, 3, 2, 9, 30))
print(json.dumps({"copy": str(load.broken_copy), "problems": load.problems}))
"""


def test_a_file_without_read_permission_is_moved_aside(settings_path: Path) -> None:
    if os.geteuid() != 0:
        write(settings_path, DOCUMENTED_EXAMPLE).chmod(0)
        load = load_settings(settings_path, NOW)
        assert load.broken_copy is not None
        assert "permission denied" in load.problems[0]
        return
    # Root reads anything: the same load runs as the plain user CI creates.
    with plain_user_folder() as folder:
        unreadable = write(folder / "settings.toml", DOCUMENTED_EXAMPLE)
        give_to_plain_user(folder)
        unreadable.chmod(0)
        ran = run_as_plain_user(_LOAD_AS_PLAIN_USER, str(unreadable))
        assert ran.returncode == 0, ran.stderr
        result = json.loads(ran.stdout)
        assert "permission denied" in result["problems"][0]
        assert Path(result["copy"]).read_text() == DOCUMENTED_EXAMPLE
        assert not unreadable.exists()


def test_an_existing_copy_of_the_same_second_is_never_overwritten(settings_path: Path) -> None:
    earlier = write(settings_path.with_name(f"settings.toml.broken-{STAMP}"), "earlier")
    write(settings_path, "this is = = not toml")

    load = load_settings(settings_path, NOW)

    assert earlier.read_text() == "earlier"
    assert load.broken_copy == settings_path.with_name(f"settings.toml.broken-{STAMP}-1")
    assert load.broken_copy.read_text() == "this is = = not toml"


def test_saving_after_a_broken_load_leaves_the_copy_alone(settings_path: Path) -> None:
    write(settings_path, "[prompts\n")
    first = load_settings(settings_path, NOW)
    assert first.broken_copy is not None
    copy_stat = first.broken_copy.stat()

    save_settings(settings_path, replace(first.settings, presence=PresenceSettings(away_s=60)))
    second = load_settings(settings_path, NOW)

    assert second.problems == []
    assert second.broken_copy is None
    assert second.settings.presence.away_s == 60
    assert first.broken_copy.read_text() == "[prompts\n"
    assert first.broken_copy.stat().st_mtime_ns == copy_stat.st_mtime_ns
    assert sorted(p.name for p in settings_path.parent.iterdir()) == [
        "settings.toml",
        f"settings.toml.broken-{STAMP}",
    ]


def test_the_user_is_told_about_a_broken_file_once(settings_path: Path) -> None:
    write(settings_path, "[prompts\n")
    assert len(load_settings(settings_path, NOW).problems) == 1
    assert load_settings(settings_path, NOW).problems == []


# ---------------------------------------------------------------- schema and upgrades
def test_a_missing_schema_is_read_as_schema_1(settings_path: Path) -> None:
    text = '[prompts]\nlull = "20s"\n[working_hours]\ndays = ["sat"]\n'
    load = load_settings(write(settings_path, text), NOW)
    assert load.problems == []
    assert load.settings.schema == 2
    assert load.settings.prompts.lull_s == 20
    assert load.settings.working_hours.ranges == {5: (TimeRange(time(9), time(17)),)}


def test_a_schema_that_is_not_a_number_is_read_as_1(settings_path: Path) -> None:
    load = load_settings(write(settings_path, 'schema = "one"\n[prompts]\nlull = "20s"\n'), NOW)
    assert load.problems == [
        f'{settings_path}: schema = "one": expected a whole number from 1; reading it as 1'
    ]
    assert load.settings.prompts.lull_s == 20


def test_a_newer_schema_is_read_as_far_as_understood_and_left_untouched(
    settings_path: Path,
) -> None:
    text = 'schema = 3\n[prompts]\nlull = "20s"\nmood = "calm"\n'
    write(settings_path, text)

    load = load_settings(settings_path, NOW)

    assert len(load.problems) == 1
    assert "written by a newer Sitbreak" in load.problems[0]
    assert load.settings.prompts.lull_s == 20
    with pytest.raises(NewerSchemaError, match="newer Sitbreak"):
        save_settings(settings_path, load.settings)
    assert settings_path.read_text(encoding="utf-8") == text
    assert list(settings_path.parent.iterdir()) == [settings_path]


def _rename_interval(document: dict[str, Any]) -> dict[str, Any]:
    """What a real step looks like: schema 1 called the window start 'interval'."""
    prompts = document.get("prompts", {})
    if "interval" in prompts:
        prompts["window_start"] = prompts.pop("interval")
    return document


def test_an_upgrade_step_turns_an_old_file_into_the_current_layout(settings_path: Path) -> None:
    write(settings_path, 'schema = 1\n[prompts]\ninterval = "50m"\nwindow_end = "55m"\n')
    load = load_settings(settings_path, NOW, upgrades={1: _rename_interval})
    assert load.problems == []
    assert load.settings.schema == 2
    assert load.settings.prompts.window_start_s == 50 * 60
    assert "prompts" not in load.settings.extra


def test_a_file_already_at_the_newest_schema_is_not_upgraded(settings_path: Path) -> None:
    write(settings_path, 'schema = 2\n[prompts]\ninterval = "50m"\n')
    load = load_settings(settings_path, NOW, upgrades={1: _rename_interval})
    assert load.problems == []
    assert load.settings.prompts.window_start_s == 45 * 60
    assert load.settings.extra == {"prompts": {"interval": "50m"}}


def test_upgrade_steps_run_in_order_from_the_file_schema(tmp_path: Path) -> None:
    ran: list[int] = []

    def step(number: int) -> Any:
        def run(document: dict[str, Any]) -> dict[str, Any]:
            ran.append(number)
            return document

        return run

    upgrades = {1: step(1), 2: step(2), 3: step(3)}
    load_settings(write(tmp_path / "a.toml", "schema = 1\n"), NOW, upgrades=upgrades)
    assert ran == [1, 2, 3]
    ran.clear()
    load_settings(write(tmp_path / "b.toml", "schema = 3\n"), NOW, upgrades=upgrades)
    assert ran == [3]


def test_a_delivery_mode_that_does_not_exist_falls_back_with_a_message(settings_path: Path) -> None:
    load = load_settings(write(settings_path, '[prompts]\ndelivery = "popup"\n'), NOW)

    assert load.settings.prompts.delivery == "notification"
    assert load.problems == [
        f"{settings_path}: "
        'prompts.delivery = "popup" is out of range (one of "notification", "toast", "both");'
        ' using the default "notification"'
    ]
