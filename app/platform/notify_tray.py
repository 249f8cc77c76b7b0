"""Prompts as the tray icon's own message: ``QSystemTrayIcon.showMessage``.

Whether a click comes back (``messageClicked``) depends on who draws the message: Windows
and a bundled macOS app show a system notification and report clicks; on XEmbed trays Qt
draws the balloon itself and reports clicks; on StatusNotifierItem (D-Bus) trays Qt hands
the message to the notification server and hears of clicks only for Critical messages.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QSystemTrayIcon

from app.platform.notify_base import DeliveryFailed, Notifier, NotifierName, PromptNotice

TRAY_KINDS = ("xembed", "dbus", "none")
"""How the app's tray icon reaches the desktop: an XEmbed tray, a StatusNotifierItem host
(D-Bus), or no tray at all. On Windows and macOS Qt's own tray counts as "xembed"."""


class TrayMessageSupport(StrEnum):
    """What a tray message can do on this desktop."""

    NONE = "none"
    """No tray: no message at all."""
    UNCLICKABLE = "unclickable"
    """Shown, but a click never reaches the app (StatusNotifierItem hosts, unbundled macOS)."""
    QT_BALLOON = "qt-balloon"
    """Qt draws the balloon next to an XEmbed tray icon; clicks arrive."""
    NATIVE = "native"
    """The system's own notification (Windows, bundled macOS); clicks arrive."""

    @property
    def clickable(self) -> bool:
        return self in (TrayMessageSupport.QT_BALLOON, TrayMessageSupport.NATIVE)


def tray_message_support(
    tray_kind: str, platform: str, *, app_bundle: bool = False
) -> TrayMessageSupport:
    """Decide from the tray kind (see :data:`TRAY_KINDS`) and ``sys.platform``.

    ``app_bundle``: on macOS, whether Sitbreak runs from an ``.app`` bundle (only then can
    Qt post notifications that report clicks).
    """
    if tray_kind not in TRAY_KINDS:
        raise ValueError(
            f"unknown tray kind {tray_kind!r}: expected one of {', '.join(TRAY_KINDS)}"
        )
    if tray_kind == "none":
        return TrayMessageSupport.NONE
    if platform == "win32":
        return TrayMessageSupport.NATIVE
    if platform == "darwin":
        return TrayMessageSupport.NATIVE if app_bundle else TrayMessageSupport.UNCLICKABLE
    if tray_kind == "dbus":
        return TrayMessageSupport.UNCLICKABLE
    return TrayMessageSupport.QT_BALLOON


class TrayMessageNotifier(Notifier):
    """Shows the prompt as the tray icon's message; never offers Snooze (no buttons there)."""

    def __init__(
        self,
        tray_icon: QSystemTrayIcon,
        support: TrayMessageSupport,
        *,
        timeout_ms: int = 0,
        parent: QObject | None = None,
    ) -> None:
        """``tray_icon`` is the app's one icon (``TrayView.tray_icon``).

        ``timeout_ms`` 0 keeps Qt's own balloon until it is clicked and lets the system
        decide elsewhere; a positive value hides it after that long and reports ``expired``.
        """
        super().__init__(NotifierName.TRAY_MESSAGE, parent=parent)
        if timeout_ms < 0:
            raise ValueError(f"timeout_ms must be 0 (wait) or positive, got {timeout_ms}")
        self._tray_icon = tray_icon
        self._support = support
        self._timeout_ms = timeout_ms
        self._showing = False
        self._expiry = QTimer(self)
        self._expiry.setSingleShot(True)
        self._expiry.timeout.connect(self._on_expired)
        tray_icon.messageClicked.connect(self._on_message_clicked)
        self._listening = True

    @property
    def clickable(self) -> bool:
        return self._support.clickable

    @property
    def support(self) -> TrayMessageSupport:
        return self._support

    def show(self, notice: PromptNotice) -> None:
        if self._support is TrayMessageSupport.NONE:
            raise DeliveryFailed("there is no tray to show the message next to")
        if not self._tray_icon.isVisible():
            raise DeliveryFailed("the tray icon is not shown, so it has no message to show")
        if self._support is TrayMessageSupport.UNCLICKABLE:
            # Qt sends messages with a custom icon to StatusNotifierItem hosts with low
            # urgency, and GNOME shows no banner for those: Warning gets a banner.
            self._tray_icon.showMessage(
                notice.title, notice.body, QSystemTrayIcon.MessageIcon.Warning, self._timeout_ms
            )
        else:
            # The app's own icon: calmer than Qt's warning triangle.
            self._tray_icon.showMessage(
                notice.title, notice.body, self._tray_icon.icon(), self._timeout_ms
            )
        self._showing = True
        if self._timeout_ms > 0:
            self._expiry.start(self._timeout_ms)

    def close(self) -> None:
        if not self._showing:
            return
        self._showing = False
        self._expiry.stop()
        if self._support is TrayMessageSupport.QT_BALLOON:
            # Only Qt's own balloon can be taken back: an empty message hides it.
            self._tray_icon.showMessage("", "")

    def shutdown(self) -> None:
        self.close()
        if self._listening:
            self._listening = False
            self._tray_icon.messageClicked.disconnect(self._on_message_clicked)

    def _on_message_clicked(self) -> None:
        # Qt has one message slot per icon: a click while our prompt is up is on it.
        if self._showing:
            self._showing = False
            self._expiry.stop()
            self.clicked.emit()

    def _on_expired(self) -> None:
        if self._showing:
            self._showing = False
            self.expired.emit()
