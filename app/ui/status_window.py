"""A small window that stands in for the tray when the desktop has none.

GNOME without the AppIndicator extension, some Wayland compositors and bare window managers
have no system tray, and Sitbreak must still be usable there: this window shows the same
icon (large), the same words and the same commands as the tray menu, with the same signals.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.core.describe import status_line, tooltip_text
from app.core.model import Snapshot
from app.ui.coach_menu import add_coach_entries, chosen_routine, fill_routines
from app.ui.pause_menu import chosen_value, fill_pause_menu
from app.ui.tray_icon import IconSignature, icon_signature, paint_tray_icon, tray_qicon

ICON_SIZE = 64


class StatusWindow(QWidget):
    """The tray's stand-in: big icon, status text, Stand up now / Pause / Resume / Quit, and
    a "More" menu with the exercise library, Settings and About.

    Closing the window minimizes it instead of quitting. This is the only window of an app
    that lives in the background: a user who closes it expects the sitting clock to keep
    running (as it would with a tray icon), not the app to stop. Minimized, it stays
    reachable from the taskbar, where its title carries the status line; quitting is one
    visible click on the Quit button, which closes the bout properly. Hiding instead of
    minimizing would leave no way back at all, since there is no tray icon to click.
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
    """The big icon was clicked: the same gesture as clicking the tray icon."""
    refresh_requested = Signal()
    """The window came back from the taskbar or to the front: fresh numbers are welcome."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._signature: IconSignature | None = None
        self._disposing = False
        self.setWindowTitle(APP_NAME)

        self.icon_button = QToolButton()
        self.icon_button.setAutoRaise(True)
        self.icon_button.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.icon_button.setToolTip(self.tr("Sitting clock"))

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        bigger = QFont(self.status_label.font())
        bigger.setPointSizeF(bigger.pointSizeF() * 1.15)
        self.status_label.setFont(bigger)

        self.prompt_banner = Banner()
        self.notice_banner = Banner(dismissable=True)

        self.stand_up_button = QPushButton(self.tr("Stand up now"))
        self.pause_menu = QMenu(self)
        fill_pause_menu(self.pause_menu)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setMenu(self.pause_menu)
        self.resume_button = QPushButton(self.tr("Resume"))
        self.resume_button.setEnabled(False)
        self.more_menu = QMenu(self)
        self.coach = add_coach_entries(self.more_menu)
        self.library_action = self.more_menu.addAction(self.tr("Exercise library…"))
        self.settings_action = self.more_menu.addAction(self.tr("Settings…"))
        self.about_action = self.more_menu.addAction(self.tr("About Sitbreak…"))
        self.more_button = QPushButton(self.tr("More"))
        self.more_button.setMenu(self.more_menu)
        self.quit_button = QPushButton(self.tr("Quit"))

        top = QHBoxLayout()
        top.addWidget(self.icon_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.status_label, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.stand_up_button)
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.resume_button)
        buttons.addStretch(1)
        buttons.addWidget(self.more_button)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.prompt_banner)
        layout.addWidget(self.notice_banner)
        layout.addLayout(buttons)
        self.setMinimumWidth(420)

        self.icon_button.clicked.connect(self.activated)
        self.stand_up_button.clicked.connect(self.stand_up_requested)
        self.pause_menu.triggered.connect(self._on_pause_triggered)
        self.resume_button.clicked.connect(self.resume_requested)
        self.library_action.triggered.connect(self.library_requested)
        self.coach.today.triggered.connect(self.today_requested)
        self.coach.statistics.triggered.connect(self.statistics_requested)
        self.coach.routines.triggered.connect(self._on_routine_triggered)
        self.settings_action.triggered.connect(self.settings_requested)
        self.about_action.triggered.connect(self.about_requested)
        self.quit_button.clicked.connect(self.quit_requested)

    # ------------------------------------------------------------------ TrayShell
    def set_routines(self, routines: Sequence[tuple[str, str]]) -> None:
        fill_routines(self.coach.routines, routines)

    def set_icon_style(self, style: str) -> None:
        """No panel here: the window's own icon keeps the style that reads on any background."""
        del style

    def show_snapshot(self, snapshot: Snapshot, now: datetime) -> None:
        """Show ``snapshot``; the icons are repainted only when the picture would change."""
        signature = icon_signature(snapshot)
        if signature != self._signature:
            self._signature = signature
            image = paint_tray_icon(snapshot, ICON_SIZE, self.devicePixelRatioF())
            self.icon_button.setIcon(QIcon(QPixmap.fromImage(image)))
            self.setWindowIcon(tray_qicon(snapshot))
        self.status_label.setText(tooltip_text(snapshot, now, QCoreApplication.translate))
        # The title is what a minimized window shows in the taskbar.
        title = f"{status_line(snapshot, now, QCoreApplication.translate)} — {APP_NAME}"
        if title != self.windowTitle():
            self.setWindowTitle(title)
        self.resume_button.setEnabled(snapshot.paused)

    def show_prompt_message(self, title: str, text: str) -> None:
        """Show the prompt inside the window and ask the taskbar to flag it."""
        self.prompt_banner.show_message(title, text)
        QApplication.alert(self)

    def show_notice(self, title: str, text: str) -> None:
        """Tell the user something that needs no answer (e.g. a settings value was reset)."""
        self.notice_banner.show_message(title, text)

    def clear_attention(self) -> None:
        self.prompt_banner.hide()

    def present(self) -> None:
        """Bring the window back from the taskbar and to the front."""
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def dispose(self) -> None:
        """Close for real (the app is quitting); a user's close only minimizes."""
        self._disposing = True
        self.close()

    # ------------------------------------------------------------------ internals
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        kind = event.type()
        restored = kind is QEvent.Type.WindowStateChange and not self.isMinimized()
        activated = kind is QEvent.Type.ActivationChange and self.isActiveWindow()
        if restored or activated:
            self.refresh_requested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._disposing:
            event.accept()
            return
        event.ignore()
        self.showMinimized()

    def _on_pause_triggered(self, action: QAction) -> None:
        self.pause_requested.emit(chosen_value(action))

    def _on_routine_triggered(self, action: QAction) -> None:
        self.routine_requested.emit(chosen_routine(action))


class Banner(QFrame):
    """A framed title and text inside the window, hidden until there is something to say."""

    def __init__(self, *, dismissable: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title_label = QLabel()
        bold = QFont(self.title_label.font())
        bold.setBold(True)
        self.title_label.setFont(bold)
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        self.dismiss_button: QToolButton | None = None
        if dismissable:
            self.dismiss_button = QToolButton()
            self.dismiss_button.setText("×")
            self.dismiss_button.setAutoRaise(True)
            self.dismiss_button.setToolTip(self.tr("Dismiss"))
            self.dismiss_button.clicked.connect(self.hide)
            header.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.text_label)
        self.hide()

    def show_message(self, title: str, text: str) -> None:
        self.title_label.setText(title)
        self.text_label.setText(text)
        self.show()
