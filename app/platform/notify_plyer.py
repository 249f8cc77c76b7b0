"""Prompts through plyer's notification facade: the last system notifier before the toast.

plyer reports no clicks, so the prompt is only seen here: the caller also sets the tray's
attention state, and the user answers from the tray. Each notifier builds its own plyer
backend (plyer's module-level proxy would cache the first one for the whole process) and
turns plyer's warnings and errors into log lines and :class:`DeliveryFailed`.
"""

from __future__ import annotations

import importlib
import logging
import warnings
from typing import Any

from PySide6.QtCore import QObject

from app.platform.base import BackendUnavailable
from app.platform.notify_base import DeliveryFailed, Notifier, NotifierName, PromptNotice

log = logging.getLogger(__name__)


class PlyerNotifier(Notifier):
    """Shows the prompt with plyer; ``clickable`` is always False."""

    def __init__(
        self,
        *,
        app_name: str,
        icon_path: str = "",
        display_s: int = 60,
        parent: QObject | None = None,
    ) -> None:
        """Raise BackendUnavailable when plyer has no way to notify on this system.

        ``icon_path`` is an icon file ("" for none; Windows wants an ``.ico``);
        ``display_s`` how long plyer keeps its balloon where it decides (Windows).
        """
        super().__init__(NotifierName.PLYER, parent=parent)
        self._app_name = app_name
        self._icon_path = icon_path
        self._display_s = display_s
        self._backend = _load_backend()

    @property
    def clickable(self) -> bool:
        return False

    def show(self, notice: PromptNotice) -> None:
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                self._backend.notify(
                    title=notice.title,
                    message=notice.body,
                    app_name=self._app_name,
                    app_icon=self._icon_path,
                    timeout=self._display_s,
                )
        except Exception as exc:  # plyer backends raise whatever their platform raises
            raise DeliveryFailed(f"plyer could not show the notification: {exc!r}") from exc
        for warning in caught:
            log.info("plyer: %s", warning.message)

    def close(self) -> None:
        """plyer cannot take a notification back; it stays until the system hides it."""


def _load_backend() -> Any:
    """plyer's notification backend for this platform, or BackendUnavailable saying why."""
    try:
        from plyer import facades
        from plyer.utils import platform as plyer_platform

        module = importlib.import_module(f"plyer.platforms.{plyer_platform}.notification")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            backend = module.instance()
    except Exception as exc:  # a missing platform module or its missing dependencies
        raise BackendUnavailable(f"plyer cannot notify here: {exc!r}") from exc
    reasons = [str(warning.message).splitlines()[0] for warning in caught]
    if type(backend) is facades.Notification:  # the facade itself: "not implemented"
        raise BackendUnavailable(
            "plyer has no notification backend here: " + ("; ".join(reasons) or "unknown reason")
        )
    for reason in reasons:
        log.info("plyer: %s", reason)
    log.info("plyer notifies with %s", type(backend).__name__)
    return backend
