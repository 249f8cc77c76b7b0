"""Turns what the user asked for in the tray (or the status window) into app actions."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Protocol

from app.core.model import Snapshot
from app.core.schedule import PauseChoice
from app.ui.shell import TrayShell

log = logging.getLogger(__name__)


class AppActions(Protocol):
    """What the tray can ask the app to do; the composition root implements it."""

    def stand_up_now(self) -> None: ...
    def pause(self, choice: PauseChoice) -> None: ...
    def resume(self) -> None: ...
    def quit(self) -> None: ...
    def open_library(self) -> None:
        """Show the exercise library window (or bring it to the front)."""
        ...

    def open_today(self) -> None:
        """Show the Today view (or bring it to the front)."""
        ...

    def open_statistics(self) -> None:
        """Show the statistics window (or bring it to the front)."""
        ...

    def start_routine(self, routine_id: str) -> object:
        """Open the guided player on the routine with this id (the result is not used)."""
        ...

    def open_settings(self) -> None:
        """Show the settings dialog (or bring it to the front)."""
        ...

    def about(self) -> None:
        """Show the About dialog (version, the not-medical-advice notice, licences)."""
        ...

    def refresh(self) -> None:
        """Sample now and show the result: the user is about to read the status."""
        ...


class TrayController:
    """Connects a :class:`~app.ui.shell.TrayShell` to :class:`AppActions`.

    The shell's signals hold only weak references to these bound methods, so whoever
    builds the controller keeps it alive as long as the shell.
    """

    def __init__(self, shell: TrayShell, actions: AppActions) -> None:
        self._shell = shell
        self._actions = actions
        shell.stand_up_requested.connect(self._on_stand_up)
        shell.pause_requested.connect(self._on_pause)
        shell.resume_requested.connect(self._on_resume)
        shell.library_requested.connect(self._on_library)
        shell.today_requested.connect(self._on_today)
        shell.statistics_requested.connect(self._on_statistics)
        shell.routine_requested.connect(self._on_routine)
        shell.settings_requested.connect(self._on_settings)
        shell.about_requested.connect(self._on_about)
        shell.quit_requested.connect(self._on_quit)
        shell.activated.connect(self._on_activated)
        shell.refresh_requested.connect(self._on_refresh)

    @property
    def shell(self) -> TrayShell:
        return self._shell

    def show(self, snapshot: Snapshot, now: datetime) -> None:
        """Show the app's state (call on every new snapshot; unchanged pictures are free)."""
        self._shell.show_snapshot(snapshot, now)

    def clear_prompt(self) -> None:
        self._shell.clear_attention()

    # ------------------------------------------------------------------ slots
    def _on_stand_up(self) -> None:
        self._actions.stand_up_now()

    def _on_pause(self, value: str) -> None:
        try:
            choice = PauseChoice(value)
        except ValueError:
            allowed = ", ".join(c.value for c in PauseChoice)
            log.error("ignored a pause request for %r: not one of %s", value, allowed)
            return
        self._actions.pause(choice)

    def _on_resume(self) -> None:
        self._actions.resume()

    def _on_library(self) -> None:
        self._actions.open_library()

    def _on_today(self) -> None:
        self._actions.open_today()

    def _on_statistics(self) -> None:
        self._actions.open_statistics()

    def _on_routine(self, routine_id: str) -> None:
        self._actions.start_routine(routine_id)

    def _on_settings(self) -> None:
        self._actions.open_settings()

    def _on_about(self) -> None:
        self._actions.about()

    def _on_quit(self) -> None:
        self._actions.quit()

    def _on_activated(self) -> None:
        self._shell.present()

    def _on_refresh(self) -> None:
        self._actions.refresh()
