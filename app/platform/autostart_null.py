"""Start at login where Sitbreak cannot arrange it yet (Windows and macOS: a later issue)."""

from __future__ import annotations

from app.platform.autostart_base import AutostartError


class NullAutostart:
    """Always off; turning it on explains why it cannot be done here."""

    name = "none"
    location = None

    def __init__(self, reason: str) -> None:
        self._reason = reason

    @property
    def reason(self) -> str:
        """Why start at login is not available, for the settings dialog."""
        return self._reason

    def is_enabled(self) -> bool:
        return False

    def set_enabled(self, enabled: bool) -> None:
        if enabled:
            raise AutostartError(self._reason)
