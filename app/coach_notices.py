"""The coach's own notifications: strength-day reminders and the day and week summaries.

They go through a notifier of their own, so a stand-up prompt on screen is never replaced
by a summary, nor a summary by a prompt. One coach notice shows at a time; a click runs
what that notice offers (open "Strength day", open Today).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from app.platform.notify_base import DeliveryFailed, Notifier, PromptNotice

log = logging.getLogger(__name__)


class CoachNotices:
    """Shows one clickable notice at a time and runs its action when it is clicked."""

    def __init__(self, notifier: Notifier) -> None:
        self._notifier = notifier
        self._on_open: Callable[[], object] | None = None
        self._connect(notifier)

    @property
    def notifier_name(self) -> str:
        return self._notifier.name

    def show(
        self,
        title: str,
        body: str,
        *,
        open_label: str,
        on_open: Callable[[], object],
        waits: bool = False,
    ) -> bool:
        """Show a notice; ``on_open`` runs if the user clicks it. False if it could not show."""
        self._on_open = on_open
        notice = PromptNotice(title, body, None, open_label=open_label, waits=waits)
        try:
            self._notifier.show(notice)
        except DeliveryFailed as exc:
            log.warning("the notice %r could not be shown: %s", title, exc)
            self._on_open = None
            return False
        return True

    def replace_notifier(self, notifier: Notifier) -> None:
        """The delivery setting changed: show later notices the new way."""
        self._notifier.shutdown()
        self._notifier.clicked.disconnect(self._opened)
        self._notifier.dismissed.disconnect(self._forget)
        self._notifier.expired.disconnect(self._forget)
        self._notifier = notifier
        self._connect(notifier)

    def shutdown(self) -> None:
        self._on_open = None
        self._notifier.shutdown()

    def _connect(self, notifier: Notifier) -> None:
        notifier.clicked.connect(self._opened)
        notifier.dismissed.connect(self._forget)
        notifier.expired.connect(self._forget)

    def _opened(self) -> None:
        on_open, self._on_open = self._on_open, None
        if on_open is not None:
            on_open()

    def _forget(self) -> None:
        self._on_open = None
