"""Human durations in the settings file: ``"45m"``, ``"1h30m"``, ``"15s"`` or plain seconds.

The file stores durations the way people say them; the rest of the app works in seconds.
"""

from __future__ import annotations

import re

_DURATION = re.compile(
    r"\s*(?:(?P<h>[0-9]{1,18})\s*h)?\s*(?:(?P<m>[0-9]{1,18})\s*m)?\s*(?:(?P<s>[0-9]{1,18})\s*s)?\s*",
    re.IGNORECASE,
)
EXAMPLE = '"45m"'
"""Shown in messages about values that are not durations."""


def parse_duration(value: object) -> int:
    """Seconds from a TOML integer (seconds) or a string such as ``"1h30m"``.

    Raises ValueError with a readable message for anything else, including negative numbers.
    """
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"expected a duration like {EXAMPLE}")
    if isinstance(value, int):
        if value < 0:
            raise ValueError("a duration cannot be negative")
        return value
    match = _DURATION.fullmatch(value)
    if match is None or not any(match.groups()):
        raise ValueError(f"expected a duration like {EXAMPLE}")
    hours, minutes, seconds = (int(part or 0) for part in match.group("h", "m", "s"))
    return hours * 3600 + minutes * 60 + seconds


def format_duration(seconds: int) -> str:
    """The shortest clean spelling: 2700 → ``"45m"``, 5400 → ``"1h30m"``, 0 → ``"0s"``."""
    if seconds < 0:
        raise ValueError(f"a duration cannot be negative: {seconds}")
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{n}{unit}" for n, unit in ((hours, "h"), (minutes, "m"), (secs, "s")) if n]
    return "".join(parts) or "0s"
