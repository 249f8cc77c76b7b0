"""Whatever a settings file holds, loading gives valid settings and never raises."""

from __future__ import annotations

import tempfile
from datetime import UTC
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from app.core.exercise import Equipment, Position, is_valid_id
from app.settings.durations import format_duration
from app.settings.fields import FIELDS
from app.settings.kinds import DAY_NAMES
from app.settings.model import TRAY_ICON_STYLES, Settings
from app.settings.store import load_settings, save_settings
from app.settings.upgrades import SCHEMA_VERSION
from tests.unit.settings.files import NOW

toml_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    toml_text,
    st.dates(),
    st.times(),
    st.datetimes(timezones=st.none() | st.just(UTC)),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(toml_text, inner, max_size=4),
    max_leaves=12,
)
plausible = st.one_of(
    st.integers(min_value=-5, max_value=100_000),
    st.integers(min_value=0, max_value=100_000).map(format_duration),
    st.booleans(),
    st.lists(st.sampled_from([*DAY_NAMES, "Sun", "xyz"]), max_size=8),
    st.lists(st.sampled_from([*Position, *Equipment, "Floor ", "sofa", "glute-bridge"])),
    st.sampled_from(["09:00", "7:30", "23:59", "24:00", "9am", "1h 5m", "5 minutes"]),
    st.times(),
    st.lists(st.sampled_from(["09:00-17:00", "22:00-06:00", "0:00-0:00", "9-5", "08:00-"])),
    st.sampled_from([*TRAY_ICON_STYLES, "Dark ", "blue"]),
)
"""Values close to what the known keys accept, so that many are valid and many nearly so."""


SCHEMA_1_KEYS = {"working_hours": ["days", "start", "end"]}
"""Keys an older layout had, so that the upgrade meets them too."""


def section(name: str) -> st.SearchStrategy[dict[str, Any]]:
    known = st.sampled_from([spec.key for spec in FIELDS[name]] + SCHEMA_1_KEYS.get(name, []))
    return st.dictionaries(known | toml_text, plausible | values, max_size=8)


known_parts = st.fixed_dictionaries(
    {},
    optional={
        "schema": st.sampled_from([1, 2]) | st.integers(min_value=-1, max_value=3) | values,
        **{name: section(name) | values for name in FIELDS},
    },
)
documents = st.builds(
    lambda known, unknown: {**unknown, **known},
    known_parts,
    st.dictionaries(toml_text, values, max_size=3),
)


def assert_valid(settings: Settings) -> None:
    prompts, hours = settings.prompts, settings.working_hours
    durations = [prompts.window_start_s, prompts.window_end_s, prompts.lull_s, prompts.snooze_s]
    durations += [prompts.remind_after_s, settings.presence.away_s]
    assert all(1 <= d <= 24 * 3600 for d in durations)
    assert prompts.window_end_s >= prompts.window_start_s
    assert type(prompts.max_reminders) is int
    assert 0 <= prompts.max_reminders <= 10
    assert type(hours.enabled) is bool
    assert set(hours.ranges) <= set(range(7))
    assert all(hours.ranges.values())  # a day off has no entry, not an empty one
    goals = settings.goals
    assert list(goals.strength_days) == sorted(set(goals.strength_days))
    assert 0 <= goals.walk_minutes <= 1440
    assert 0 <= goals.stretch_minutes <= 1440
    assert settings.general.tray_icon_style in TRAY_ICON_STYLES
    assert type(settings.quiet.when_fullscreen) is bool
    settings.engine_config()
    preferences = settings.preferences()
    assert preferences.allowed_positions <= set(Position)
    assert preferences.equipment <= set(Equipment)
    assert all(is_valid_id(i) for i in preferences.favourite_ids | preferences.hidden_ids)


@given(documents)
def test_any_toml_document_loads_as_valid_settings_that_save_and_load_back(
    document: dict[str, Any],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.toml"
        path.write_text(tomli_w.dumps(document), encoding="utf-8")

        load = load_settings(path, NOW)

        assert_valid(load.settings)
        assert load.broken_copy is None
        if load.settings.schema > SCHEMA_VERSION:
            return  # a newer Sitbreak's file is never overwritten
        save_settings(path, load.settings)
        again = load_settings(path, NOW)
        assert again.problems == []
        assert again.settings == load.settings


@given(st.binary(max_size=200) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "replace")))
def test_any_bytes_load_without_raising(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.toml"
        path.write_bytes(content)

        load = load_settings(path, NOW)

        assert_valid(load.settings)
        if load.broken_copy is not None:
            assert load.settings == Settings()
            assert load.broken_copy.read_bytes() == content
            assert len(load.problems) == 1
