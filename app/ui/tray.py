"""The tray icon and its menu: shows a snapshot, turns clicks into requests.

A view only: it lays out, renders what it is given and emits what the user asked for.
The :class:`~app.ui.controller.TrayController` decides what a request means.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QCursor
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from app.core.describe import status_line, tooltip_text
from app.core.model import Snapshot
from app.ui.coach_menu import add_coach_entries, chosen_routine, fill_routines
from app.ui.pause_menu import chosen_value, fill_pause_menu
from app.ui.tray_icon import IconSignature, icon_signature, tray_qicon

NOTICE_TIMEOUT_MS = 15_000
"""How long a notice (nothing to answer) stays on screen."""
PROMPT_MESSAGE_TIMEOUT_MS = 60_000
"""How long the tray's own prompt message stays: long enough to be seen, short enough that a
bubble we cannot take back (StatusNotifierItem hosts) does not outlive the prompt by much."""


class TrayView(QObject):
    """Owns the ``QSystemTrayIcon`` and its menu.

    Menu: a disabled status line, Stand up now, Pause ▸ (one entry per
    :class:`~app.core.schedule.PauseChoice`), Resume (enabled only while paused),
    Today…, Routines ▸, Statistics…, Exercise library…, Settings…, About Sitbreak…, Quit.
    """

    stand_up_requested = Signal()
    pause_requested = Signal(str)
    """The :class:`PauseChoice` value the user picked."""
    resume_requested = Signal()
    library_requested = Signal()
    today_requested = Signal()
    statistics_requested = Signal()
    routine_requested = Signal(str)
    """The id of the routine the user picked."""
    settings_requested = Signal()
    about_requested = Signal()
    quit_requested = Signal()
    activated = Signal()
    """The icon was left-clicked."""
    refresh_requested = Signal()
    """The menu is about to open: a fresh snapshot would be welcome."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._signature: IconSignature | None = None
        self._snapshot: Snapshot | None = None
        self._icon_style = "auto"

        self.menu = QMenu()
        self.status_action = self.menu.addAction("")
        self.status_action.setEnabled(False)
        self.menu.addSeparator()
        self.stand_up_action = self.menu.addAction(self.tr("Stand up now"))
        self.pause_menu = self.menu.addMenu(self.tr("Pause"))
        fill_pause_menu(self.pause_menu)
        self.resume_action = self.menu.addAction(self.tr("Resume"))
        self.resume_action.setEnabled(False)
        self.menu.addSeparator()
        self.coach = add_coach_entries(self.menu)
        self.library_action = self.menu.addAction(self.tr("Exercise library…"))
        self.settings_action = self.menu.addAction(self.tr("Settings…"))
        self.about_action = self.menu.addAction(self.tr("About Sitbreak…"))
        self.menu.addSeparator()
        self.quit_action = self.menu.addAction(self.tr("Quit"))

        self.tray_icon = QSystemTrayIcon(self)
        self.tray_icon.setContextMenu(self.menu)

        self.stand_up_action.triggered.connect(self.stand_up_requested)
        self.pause_menu.triggered.connect(self._on_pause_triggered)
        self.resume_action.triggered.connect(self.resume_requested)
        self.library_action.triggered.connect(self.library_requested)
        self.coach.today.triggered.connect(self.today_requested)
        self.coach.statistics.triggered.connect(self.statistics_requested)
        self.coach.routines.triggered.connect(self._on_routine_triggered)
        self.settings_action.triggered.connect(self.settings_requested)
        self.about_action.triggered.connect(self.about_requested)
        self.quit_action.triggered.connect(self.quit_requested)
        self.menu.aboutToShow.connect(self.refresh_requested)
        self.tray_icon.activated.connect(self._on_activated)

    # ------------------------------------------------------------------ TrayShell
    def show(self) -> None:
        """Put the icon in the tray (show a snapshot first, so it never appears blank)."""
        self.tray_icon.show()

    def set_routines(self, routines: Sequence[tuple[str, str]]) -> None:
        fill_routines(self.coach.routines, routines)

    def set_icon_style(self, style: str) -> None:
        """The panel the icon sits on ("auto", "light", "dark"); repaints at once."""
        self._icon_style = style
        if self._snapshot is not None:
            self._paint_icon(self._snapshot)

    def show_snapshot(self, snapshot: Snapshot, now: datetime) -> None:
        """Show ``snapshot``; the icon is repainted only when its picture would change."""
        self._snapshot = snapshot
        self._paint_icon(snapshot)
        tooltip = tooltip_text(snapshot, now, QCoreApplication.translate)
        if tooltip != self.tray_icon.toolTip():
            # Each change is a D-Bus signal on StatusNotifierItem hosts: only send real ones.
            self.tray_icon.setToolTip(tooltip)
        # "&" would turn into a keyboard accelerator in a menu entry.
        line = status_line(snapshot, now, QCoreApplication.translate).replace("&", "&&")
        if line != self.status_action.text():
            self.status_action.setText(line)
        self.resume_action.setEnabled(snapshot.paused)

    def _paint_icon(self, snapshot: Snapshot) -> None:
        signature = icon_signature(snapshot, self._icon_style)
        if signature != self._signature:
            self._signature = signature
            self.tray_icon.setIcon(tray_qicon(snapshot, self._icon_style))

    def show_prompt_message(self, title: str, text: str) -> None:
        """Show a due prompt as the tray's own message (until real notifications arrive).

        ``Warning`` on purpose: Qt sends ``Information`` and custom-icon messages to
        StatusNotifierItem hosts with *low* urgency, and GNOME never shows a banner for those.
        """
        self.tray_icon.showMessage(
            title, text, QSystemTrayIcon.MessageIcon.Warning, PROMPT_MESSAGE_TIMEOUT_MS
        )

    def show_notice(self, title: str, text: str) -> None:
        """Tell the user something that needs no answer (e.g. a settings value was reset)."""
        self.tray_icon.showMessage(
            title, text, QSystemTrayIcon.MessageIcon.Information, NOTICE_TIMEOUT_MS
        )

    def clear_attention(self) -> None:
        """Take back a prompt message that is still on screen, where Qt can.

        Qt draws the bubble itself (a ``QBalloonTip``) only on XEmbed trays; there an empty
        message hides it. On StatusNotifierItem hosts the message is a desktop notification
        Qt gives no handle to, and an empty message would show a blank bubble, so it is left
        to expire (see :data:`PROMPT_MESSAGE_TIMEOUT_MS`).
        """
        if any(
            widget.isVisible() and widget.metaObject().className() == "QBalloonTip"
            for widget in QApplication.topLevelWidgets()
        ):
            self.tray_icon.showMessage("", "")

    def present(self) -> None:
        """Open the menu where the pointer is (a left click on the icon)."""
        self.menu.popup(QCursor.pos())

    def dispose(self) -> None:
        """Remove the icon from the tray now (on Windows a stale icon lingers otherwise)."""
        self.clear_attention()
        self.tray_icon.hide()
        self.menu.close()

    # ------------------------------------------------------------------ internals
    def _on_pause_triggered(self, action: QAction) -> None:
        self.pause_requested.emit(chosen_value(action))

    def _on_routine_triggered(self, action: QAction) -> None:
        self.routine_requested.emit(chosen_routine(action))

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason is QSystemTrayIcon.ActivationReason.Trigger:
            self.activated.emit()
