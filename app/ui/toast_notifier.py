"""The toast as a :class:`Notifier`, so it can stand in the notifier chain.

The chain needs its notifier at start, but most prompts never reach the toast (a system
notification shows them); so the toast's window, and its module, are built only when a
prompt is first shown on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect

from app.platform.notify_base import Notifier, NotifierName, PromptNotice

if TYPE_CHECKING:
    from app.ui.toast import Toast


class ToastNotifier(Notifier):
    """Shows prompts in a :class:`~app.ui.toast.Toast` built the first time one is shown."""

    def __init__(
        self,
        toast: Callable[[], Toast],
        *,
        anchor: Callable[[], QRect | None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        """``toast`` builds the window (called once); ``anchor`` tells where the tray icon
        is now (None when unknown)."""
        super().__init__(NotifierName.TOAST, parent=parent)
        self._build_toast = toast
        self._toast: Toast | None = None
        self._anchor = anchor

    @property
    def clickable(self) -> bool:
        return True

    @property
    def toast(self) -> Toast:
        """The window, built now if no prompt has been shown yet."""
        if self._toast is None:
            self._toast = self._build_toast()
            self._toast.clicked.connect(self.clicked)
            self._toast.snooze_requested.connect(self.snooze_requested)
            self._toast.dismissed.connect(self.dismissed)
        return self._toast

    def show(self, notice: PromptNotice) -> None:
        self.toast.show_prompt(notice, self._anchor())

    def close(self) -> None:
        if self._toast is not None:  # never built: nothing on screen to close
            self._toast.close_prompt()
