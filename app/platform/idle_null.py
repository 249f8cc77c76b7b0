"""The idle source of last resort: it never knows.

``None`` tells the engine that idle time is unknown, so bouts are flagged as estimated
and the status says so; lunch is never silently counted as sitting.
"""

from __future__ import annotations


class NullIdleSource:
    """Always answers "unknown"."""

    name = "none"

    def idle_seconds(self) -> float | None:
        return None

    def close(self) -> None:
        pass
