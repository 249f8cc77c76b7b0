"""The dialog's human ranges: stricter than the file, with a recommended prompt window."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from app.settings.fields import FIELDS
from app.settings.human import HUMAN_LIMITS, below_recommended, check_human, human_value
from app.settings.model import (
    GeneralSettings,
    GoalSettings,
    PresenceSettings,
    PromptSettings,
    Settings,
)

MINUTE = 60


def with_prompts(**values: Any) -> Settings:
    return replace(Settings(), prompts=replace(PromptSettings(), **values))


def test_the_defaults_are_within_every_human_range_and_not_warned_about() -> None:
    assert check_human(Settings()) == {}
    assert below_recommended(Settings()) is None


def test_every_limited_key_is_a_key_of_the_file() -> None:
    keys = {f"{section}.{spec.key}" for section, fields in FIELDS.items() for spec in fields}
    assert set(HUMAN_LIMITS) <= keys


@pytest.mark.parametrize(
    ("settings", "key", "message"),
    [
        (with_prompts(window_start_s=9 * MINUTE), "prompts.window_start", "10 and 180 minutes"),
        (with_prompts(window_end_s=181 * MINUTE), "prompts.window_end", "10 and 180 minutes"),
        (with_prompts(lull_s=4), "prompts.lull", "Between 5 and 60 seconds"),
        (with_prompts(lull_s=61), "prompts.lull", "Between 5 and 60 seconds"),
        (with_prompts(snooze_s=30), "prompts.snooze", "Between 1 and 60 minutes"),
        (with_prompts(remind_after_s=31 * MINUTE), "prompts.remind_after", "1 and 30 minutes"),
        (with_prompts(max_reminders=6), "prompts.max_reminders", "Between 0 and 5"),
        (
            replace(Settings(), presence=PresenceSettings(away_s=45 * MINUTE)),
            "presence.away_after",
            "Between 1 and 30 minutes",
        ),
        (
            replace(Settings(), goals=GoalSettings(walk_minutes=181)),
            "goals.walk_minutes",
            "Between 0 and 180 minutes",
        ),
        (
            replace(Settings(), goals=GoalSettings(stretch_minutes=61)),
            "goals.stretch_minutes",
            "Between 0 and 60 minutes",
        ),
        (
            replace(Settings(), general=GeneralSettings(keep_days=29)),
            "general.keep_days",
            "Between 30 and 3650 days",
        ),
    ],
)
def test_a_value_the_file_accepts_but_a_person_should_not_set_is_named(
    settings: Settings, key: str, message: str
) -> None:
    problems = check_human(settings)
    assert set(problems) == {key}
    assert message in problems[key]


@pytest.mark.parametrize(
    "values",
    [
        {"window_start_s": 10 * MINUTE, "window_end_s": 180 * MINUTE},
        {"lull_s": 5, "snooze_s": MINUTE, "remind_after_s": MINUTE, "max_reminders": 0},
        {"lull_s": 60, "snooze_s": 60 * MINUTE, "remind_after_s": 30 * MINUTE},
        {"max_reminders": 5},
    ],
)
def test_the_bounds_themselves_are_allowed(values: dict[str, Any]) -> None:
    assert check_human(with_prompts(**values)) == {}


def test_a_window_that_closes_before_it_opens_is_refused() -> None:
    problems = check_human(with_prompts(window_start_s=60 * MINUTE, window_end_s=50 * MINUTE))
    assert problems == {"prompts.window_end": "Not before the start of the prompt window"}


def test_below_45_minutes_is_warned_about_but_allowed() -> None:
    settings = with_prompts(window_start_s=30 * MINUTE, window_end_s=40 * MINUTE)
    assert check_human(settings) == {}
    warning = below_recommended(settings)
    assert warning is not None
    assert warning.startswith("45–60 min is recommended")


def test_from_45_minutes_on_there_is_no_warning() -> None:
    assert below_recommended(with_prompts(window_start_s=45 * MINUTE)) is None
    assert below_recommended(with_prompts(window_start_s=44 * MINUTE + 59)) is not None


def test_values_are_given_in_the_unit_of_their_limit() -> None:
    settings = with_prompts(window_start_s=45 * MINUTE + 30, lull_s=15)
    assert human_value(settings, "prompts.window_start") == 45.5
    assert human_value(settings, "prompts.lull") == 15
    assert HUMAN_LIMITS["prompts.window_start"].recommended == (45, 60)
    assert HUMAN_LIMITS["prompts.lull"].recommended is None


@pytest.mark.parametrize("days", [0, 30, 3650])
def test_keeping_history_forever_or_a_month_to_ten_years_is_allowed(days: int) -> None:
    assert check_human(replace(Settings(), general=GeneralSettings(keep_days=days))) == {}
