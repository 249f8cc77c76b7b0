"""Kinds of setting values: how each is read from TOML, range-checked, shown and written.

A kind carries its allowed range, so a field's range is declared once, where the field is
listed (``fields.FIELDS``), and the same words appear in every message about it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, time
from typing import Generic, TypeVar

from app.core.schedule import TimeRange
from app.settings.durations import EXAMPLE, format_duration, parse_duration

T = TypeVar("T")

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CLOCK = re.compile(r"([0-9]{1,2}):([0-9]{2})")
_RANGE = re.compile(r"([^-]*)-([^-]*)")
RANGE_EXAMPLE = "09:00-17:00"


@dataclass(frozen=True, slots=True)
class Kind(Generic[T]):
    expected: str
    """What a value must look like, for messages: ``a duration like "45m"``."""
    allowed: str
    """The allowed range in words, for messages; empty when there is nothing to add."""
    read: Callable[[object], T]
    """Raises ValueError when the TOML value is not this kind of value at all."""
    in_range: Callable[[T], bool]
    write: Callable[[T], object]
    """The TOML value saved to the file."""
    show: Callable[[T], str]
    """How a good value reads in messages ("using the default 15s")."""
    sift: Callable[[T], tuple[T, str]] | None = None
    """For lists: the value without its unfit items, and why they are unfit ("" if none
    are). One mistyped entry then costs only itself, never the rest of the list."""


def duration(low: int, high: int) -> Kind[int]:
    return Kind(
        expected=f"a duration like {EXAMPLE}",
        allowed=f"{format_duration(low)}–{format_duration(high)}",
        read=parse_duration,
        in_range=lambda seconds: low <= seconds <= high,
        write=format_duration,
        show=format_duration,
    )


def choice(*values: str) -> Kind[str]:
    """One word out of a fixed set (``delivery = "toast"``)."""
    return Kind(
        expected="a word in quotes",
        allowed="one of " + ", ".join(f'"{value}"' for value in values),
        read=_read_word,
        in_range=lambda word: word in values,
        write=str,
        show=lambda word: f'"{word}"',
    )


def _read_word(raw: object) -> str:
    if not isinstance(raw, str):
        raise ValueError(raw)
    return raw.strip().lower()


def count(low: int, high: int) -> Kind[int]:
    return Kind(
        expected="a whole number",
        allowed=f"{low}–{high}",
        read=_read_int,
        in_range=lambda n: low <= n <= high,
        write=int,
        show=str,
    )


def _read_int(raw: object) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise ValueError("not a whole number")
    return raw


def _read_bool(raw: object) -> bool:
    if not isinstance(raw, bool):
        raise ValueError("not true or false")
    return raw


def _read_days(raw: object) -> tuple[int, ...]:
    if not isinstance(raw, list):
        raise ValueError("not a list")
    names = [name.strip().lower() if isinstance(name, str) else name for name in raw]
    if not all(name in DAY_NAMES for name in names):
        raise ValueError("not a day name")
    return tuple(sorted({DAY_NAMES.index(name) for name in names}))


def read_clock_time(raw: object) -> time:
    """``"09:00"``; a TOML local time (``09:00:00``) on a whole minute is accepted too.

    Raises ValueError for anything else, "24:00" included.
    """
    if isinstance(raw, time) and raw.tzinfo is None and raw.second == raw.microsecond == 0:
        return raw
    match = _CLOCK.fullmatch(raw.strip()) if isinstance(raw, str) else None
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValueError("not a time of day")
    return time(int(match[1]), int(match[2]))


def parse_time_range(raw: object) -> TimeRange:
    """``"09:00-17:00"`` (spaces around the parts are fine); raises ValueError otherwise.

    An end at or before the start runs past midnight: ``"22:00-06:00"`` is a night shift,
    ``"00:00-00:00"`` the whole day.
    """
    match = _RANGE.fullmatch(raw) if isinstance(raw, str) else None
    try:
        if match is None:
            raise ValueError(raw)
        return TimeRange(read_clock_time(match[1]), read_clock_time(match[2]))
    except ValueError:
        raise ValueError(f"not a range like {RANGE_EXAMPLE}: {show_raw(raw)}") from None


def format_time_range(time_range: TimeRange) -> str:
    """``"09:00-17:00"``: how a range is saved and shown."""
    return f"{time_range.start:%H:%M}-{time_range.end:%H:%M}"


def _read_ranges(raw: object) -> tuple[TimeRange, ...]:
    if not isinstance(raw, list):
        raise ValueError("not a list")
    unique = {parse_time_range(item) for item in raw}
    return tuple(sorted(unique, key=lambda r: (r.start, r.end)))


def _write_ranges(ranges: tuple[TimeRange, ...]) -> list[str]:
    return [format_time_range(time_range) for time_range in ranges]


def _write_days(days: tuple[int, ...]) -> list[str]:
    return [DAY_NAMES[day] for day in days]


FLAG: Kind[bool] = Kind(
    expected="true or false",
    allowed="",
    read=_read_bool,
    in_range=lambda _: True,
    write=bool,
    show=lambda flag: show_raw(flag),
)
WEEKDAYS: Kind[tuple[int, ...]] = Kind(
    expected='a list of days like ["mon", "tue"]',
    allowed=f"{DAY_NAMES[0]}–{DAY_NAMES[-1]}",
    read=_read_days,
    in_range=lambda _: True,
    write=_write_days,
    show=lambda days: show_raw(_write_days(days)),
)
CLOCK_TIME: Kind[time] = Kind(
    expected='a time like "09:00"',
    allowed="00:00–23:59",
    read=read_clock_time,
    in_range=lambda _: True,
    write=lambda t: t.strftime("%H:%M"),
    show=lambda t: t.strftime("%H:%M"),
)

TIME_RANGES: Kind[tuple[TimeRange, ...]] = Kind(
    expected=f'a list of ranges like ["{RANGE_EXAMPLE}"]',
    allowed='each "HH:MM-HH:MM"; an end at or before the start runs past midnight',
    read=_read_ranges,
    in_range=lambda _: True,
    write=_write_ranges,
    show=lambda ranges: show_raw(_write_ranges(ranges)),
)


def word_set(*values: str) -> Kind[frozenset[str]]:
    """A set of words out of a fixed list (``positions = ["standing", "seated"]``).

    Saved in the order of ``values``; unknown words are reported and left out.
    """
    known = ", ".join(f'"{value}"' for value in values)

    def sift(words: frozenset[str]) -> tuple[frozenset[str], str]:
        unknown = sorted(word for word in words if word not in values)
        if not unknown:
            return words, ""
        return words - set(unknown), f"{_listed(unknown)} not one of {known}"

    def write(words: frozenset[str]) -> list[str]:
        return [value for value in values if value in words]

    return Kind(
        expected=f"a list of words like {show_raw(list(values[:2]))}",
        allowed=f"any of {known}",
        read=_read_strings,
        in_range=lambda words: words.issubset(values),
        write=write,
        show=lambda words: show_raw(write(words)),
        sift=sift,
    )


def id_set(is_valid: Callable[[str], bool], example: str) -> Kind[frozenset[str]]:
    """A set of ids (``favourites = ["glute-bridge"]``), saved sorted.

    Only the spelling is checked: an id nothing has yet may belong to a file that is not
    loaded (yet), so it is kept.
    """

    def sift(ids: frozenset[str]) -> tuple[frozenset[str], str]:
        malformed = sorted(text for text in ids if not is_valid(text))
        if not malformed:
            return ids, ""
        return ids - set(malformed), f"{_listed(malformed)} not an id like {show_raw(example)}"

    return Kind(
        expected=f"a list of ids like {show_raw([example])}",
        allowed=f'ids like "{example}"',
        read=_read_strings,
        in_range=lambda ids: all(is_valid(text) for text in ids),
        write=lambda ids: sorted(ids),
        show=lambda ids: show_raw(sorted(ids)),
        sift=sift,
    )


def _read_strings(raw: object) -> frozenset[str]:
    """A TOML list of strings as a set of trimmed lower-case strings."""
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise ValueError("not a list of strings")
    return frozenset(item.strip().lower() for item in raw)


def _listed(items: Iterable[str]) -> str:
    shown = [show_raw(item) for item in items]
    return f"{', '.join(shown)} {'is' if len(shown) == 1 else 'are'}"


def show_raw(value: object, limit: int = 60) -> str:
    """A TOML-like rendering of any value read from the file, cut short for messages."""
    text = _render(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _render(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_render(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key} = {_render(item)}" for key, item in value.items()) + "}"
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)
