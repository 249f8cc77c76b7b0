"""Durations as people write them in settings.toml."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.settings.durations import format_duration, parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("45m", 2700),
        ("15s", 15),
        ("1h", 3600),
        ("1h30m", 5400),
        ("90s", 90),
        ("1h 30m", 5400),
        ("2H", 7200),
        ("1h0m5s", 3605),
        ("0s", 0),
        (2700, 2700),
        (0, 0),
    ],
)
def test_parses_strings_and_toml_integers(text: str | int, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    "value", ["", "45", "m", "45x", "1.5h", "m45", "30m1h", "4 5m", True, 1.5, None, ["45m"]]
)
def test_rejects_what_is_not_a_duration(value: object) -> None:
    with pytest.raises(ValueError, match='expected a duration like "45m"'):
        parse_duration(value)


def test_rejects_negative_seconds() -> None:
    with pytest.raises(ValueError, match="cannot be negative"):
        parse_duration(-5)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(2700, "45m"), (3600, "1h"), (5400, "1h30m"), (15, "15s"), (3661, "1h1m1s"), (0, "0s")],
)
def test_formats_the_shortest_clean_spelling(seconds: int, text: str) -> None:
    assert format_duration(seconds) == text


def test_a_day_formats_in_hours() -> None:
    assert format_duration(24 * 3600) == "24h"


@given(st.integers(min_value=0, max_value=10**9))
def test_format_then_parse_gives_the_same_seconds(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds
