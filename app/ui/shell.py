"""What the controller talks to: the tray when there is one, the status window otherwise."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import SignalInstance

from app.core.model import Snapshot
from app.ui.tray import TrayView


class TrayShell(Protocol):
    """The face of the app: renders snapshots, emits what the user asked for.

    Implemented by :class:`~app.ui.tray.TrayView` and
    :class:`~app.ui.status_window.StatusWindow`, so the controller never needs to know
    which one is showing.
    """

    @property
    def stand_up_requested(self) -> SignalInstance: ...
    @property
    def pause_requested(self) -> SignalInstance:
        """Carries the :class:`~app.core.schedule.PauseChoice` value (a ``str``)."""
        ...

    @property
    def resume_requested(self) -> SignalInstance: ...
    @property
    def library_requested(self) -> SignalInstance:
        """Open the exercise library window."""
        ...

    @property
    def today_requested(self) -> SignalInstance:
        """Open the Today view (the day's essentials)."""
        ...

    @property
    def statistics_requested(self) -> SignalInstance:
        """Open the statistics window."""
        ...

    @property
    def routine_requested(self) -> SignalInstance:
        """Start a routine; carries its id (a ``str``)."""
        ...

    @property
    def settings_requested(self) -> SignalInstance:
        """Open the settings dialog."""
        ...

    @property
    def about_requested(self) -> SignalInstance:
        """Open the About dialog."""
        ...

    @property
    def quit_requested(self) -> SignalInstance: ...
    @property
    def activated(self) -> SignalInstance:
        """The icon was clicked."""
        ...

    @property
    def refresh_requested(self) -> SignalInstance:
        """The user is about to read the status: a fresh snapshot would be welcome."""
        ...

    def show(self) -> None: ...
    def show_snapshot(self, snapshot: Snapshot, now: datetime) -> None: ...
    def set_routines(self, routines: Sequence[tuple[str, str]]) -> None:
        """The routines the Routines menu offers, as ``(id, name)`` in menu order."""
        ...

    def set_icon_style(self, style: str) -> None:
        """The tray icon style setting ("auto", "light", "dark"), for the panel it sits on."""
        ...

    def show_prompt_message(self, title: str, text: str) -> None: ...
    def show_notice(self, title: str, text: str) -> None:
        """Something the user should know that needs no answer."""
        ...

    def clear_attention(self) -> None:
        """Take back the prompt message, where the shell can."""
        ...

    def present(self) -> None:
        """Answer a click on the icon: open the menu, or bring the window to the front."""
        ...

    def dispose(self) -> None:
        """Leave the screen for good: the app is quitting."""
        ...


def make_shell(tray_available: bool) -> TrayShell:
    """The tray view when a tray exists, else the status window.

    The caller asks ``QSystemTrayIcon.isSystemTrayAvailable()``, so this stays a plain
    decision that tests can take both ways.
    """
    if tray_available:
        return TrayView()
    # Imported only without a tray: most desktops never need it, and start-up is faster.
    from app.ui.status_window import StatusWindow

    return StatusWindow()
