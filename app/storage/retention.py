"""How long history is kept (``[general] keep_days``): where the log is cut.

Apart from the statistics so that the daily retention check, which runs while Sitbreak
waits, does not load the statistics queries.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from typing import Final

__all__ = ["KEEP_DAYS_RANGE", "local_midnight", "retention_cutoff"]


def local_midnight(day: date, tz: tzinfo) -> datetime:
    """The moment ``day`` starts in ``tz`` (DST aware with a ``zoneinfo`` zone)."""
    return datetime.combine(day, time(0), tzinfo=tz)


KEEP_DAYS_RANGE: Final = range(30, 3651)
"""``[general] keep_days``: 0 keeps everything, else this many days (30 days to 10 years)."""


def retention_cutoff(keep_days: int, today: date, tz: tzinfo) -> datetime | None:
    """What ``SittingLog.delete_before`` gets for ``keep_days``: the local midnight that
    starts the oldest day kept (today counts as one); None keeps everything."""
    if keep_days == 0:
        return None
    if keep_days not in KEEP_DAYS_RANGE:
        raise ValueError(
            f"keep_days must be 0 (keep everything) or {KEEP_DAYS_RANGE.start} to"
            f" {KEEP_DAYS_RANGE.stop - 1}, got {keep_days!r}"
        )
    return local_midnight(today - timedelta(days=keep_days - 1), tz)
