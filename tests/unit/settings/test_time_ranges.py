"""Working-time ranges as written in settings.toml (and typed in the settings dialog)."""

from __future__ import annotations

from datetime import time

import pytest

from app.core.schedule import TimeRange
from app.settings.kinds import format_time_range, parse_time_range


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("09:00-17:00", time(9), time(17)),
        ("8:15 - 12:00", time(8, 15), time(12)),
        ("22:00-06:00", time(22), time(6)),
        ("00:00-00:00", time(0), time(0)),
    ],
)
def test_parses_ranges(text: str, start: time, end: time) -> None:
    assert parse_time_range(text) == TimeRange(start, end)


def test_an_end_at_or_before_the_start_runs_past_midnight() -> None:
    assert parse_time_range("22:00-06:00").overnight
    assert parse_time_range("00:00-00:00").overnight  # the whole day
    assert not parse_time_range("09:00-17:00").overnight


@pytest.mark.parametrize(
    "value", ["", "9-5", "09:00", "09:00-", "09:00-24:00", "9am-5pm", "09:00-17:00-18:00", 9]
)
def test_rejects_what_is_not_a_range(value: object) -> None:
    with pytest.raises(ValueError, match="not a range like 09:00-17:00"):
        parse_time_range(value)


def test_formats_as_saved() -> None:
    assert format_time_range(TimeRange(time(8, 5), time(0))) == "08:05-00:00"
    assert parse_time_range(format_time_range(TimeRange(time(23, 59), time(1)))) == TimeRange(
        time(23, 59), time(1)
    )
