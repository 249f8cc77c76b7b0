"""The one contract every way of putting a prompt in front of the user fulfils.

A notifier shows one prompt at a time and reports what the user did with it, as Qt
signals on the thread that owns it. The desktop's notification server, the tray's own
message, plyer and the in-app toast all fulfil it, so the app never needs to know which
one is showing, and ``sitbreak status`` can still name it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject, Signal


class NotifierName(StrEnum):
    """The stable names reported by ``sitbreak status`` (part of its documented JSON)."""

    FREEDESKTOP = "freedesktop"
    """``org.freedesktop.Notifications`` on the session bus (Linux and BSD desktops)."""
    TRAY_MESSAGE = "tray-message"
    """``QSystemTrayIcon.showMessage``."""
    PLYER = "plyer"
    """plyer's notification facade: shows, but cannot report a click."""
    TOAST = "toast"
    """Sitbreak's own small window near the tray."""


@dataclass(frozen=True, slots=True)
class PromptNotice:
    """What a prompt (or a coach notice) says, and how it relates to the one on screen."""

    title: str
    body: str
    snooze_minutes: int | None
    """Offered as "Snooze N min" (from the settings); None offers no snooze (a notice)."""
    replaces_previous: bool = False
    """A re-reminder: take the place of the earlier prompt rather than add another one."""
    open_label: str | None = None
    """The label of the click action; None means "Show the stretch"."""
    waits: bool = True
    """Stay on screen until answered (a prompt); False lets the server expire it (a summary)."""

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise ValueError("a prompt needs a title: got an empty one")
        if self.snooze_minutes is not None and self.snooze_minutes < 1:
            raise ValueError(
                f"snooze_minutes must be at least 1 to offer a snooze, got {self.snooze_minutes}"
            )


class DeliveryFailed(Exception):
    """``show()`` could not put the prompt on screen; the message says why, for the log."""


class Notifier(QObject):
    """Shows prompts and reports the answer; a base class, one subclass per backend.

    After ``show()`` at most one of the four signals fires for that prompt, once; the
    notifier then considers it gone (and takes it off screen where it can). ``close()``
    and a newer ``show()`` end a prompt without any signal.
    """

    clicked = Signal()
    """The user chose the prompt itself ("Show the stretch"): open the stretch window."""
    snooze_requested = Signal()
    """The user chose "Snooze N min"."""
    dismissed = Signal()
    """The user closed the prompt without choosing (logged as Dismissed)."""
    expired = Signal()
    """The prompt went away by itself: the user gave no answer."""

    def __init__(self, name: NotifierName | str, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = str(name)

    @property
    def name(self) -> str:
        """Short, stable name for the log and ``sitbreak status`` (see :class:`NotifierName`)."""
        return self._name

    @property
    def clickable(self) -> bool:
        """Whether a click on the prompt can reach the app here (else ``clicked`` never fires)."""
        raise NotImplementedError

    def show(self, notice: PromptNotice) -> None:
        """Show ``notice``; raise :class:`DeliveryFailed` when it cannot be shown."""
        raise NotImplementedError

    def close(self) -> None:
        """Take the prompt off screen, where the backend allows it; no signal fires."""
        raise NotImplementedError

    def shutdown(self) -> None:
        """The app is quitting: close the prompt and release what is held. Safe twice."""
        self.close()
