"""The contract of "start at login": one switch whose state is what the system holds.

There is no remembered flag anywhere: ``is_enabled()`` reads the system (a file on disk,
a registry value) every time, so the settings checkbox shows what the next login will do.
"""

from __future__ import annotations

from typing import Protocol


class AutostartError(Exception):
    """Start at login could not be changed; the message names the file and the reason."""


class Autostart(Protocol):
    """Starts this install of Sitbreak when the user logs in, or stops doing so."""

    @property
    def name(self) -> str:
        """Short backend name for the log and the status output, e.g. ``"xdg-autostart"``."""
        ...

    @property
    def location(self) -> str | None:
        """Where the switch lives (a file path), for the settings dialog; None if nowhere."""
        ...

    def is_enabled(self) -> bool:
        """Whether the next login starts Sitbreak, read from the system now."""
        ...

    def set_enabled(self, enabled: bool) -> None:
        """Turn start at login on or off; raise AutostartError saying why it failed."""
        ...
