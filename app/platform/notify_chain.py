"""Chooses how prompts reach the user, and delivers them with a fallback.

``choose_route`` is a pure table from what this desktop offers to the notifiers to use.
``build_notifier`` probes the desktop, builds them, and wraps them in a
:class:`NotifierChain`, which shows a prompt on each and falls back to the in-app toast
when none of them can.

The order (delivery mode "notification"): the desktop's notification server when it
offers actions; the tray's message where the *system* draws it and reports clicks
(Windows, bundled macOS); a notification server without actions; plyer; the toast. Qt's
own balloon on XEmbed trays reports clicks too, but the toast is that same in-app window
done better (a Snooze button, a dismiss that is reported, no time limit), so it wins.
Whatever shows, the caller also sets the tray's attention state.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from enum import StrEnum
from functools import partial

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QSystemTrayIcon

from app.platform.base import BackendUnavailable, Environment
from app.platform.notify_base import DeliveryFailed, Notifier, NotifierName, PromptNotice
from app.platform.notify_tray import (
    TrayMessageNotifier,
    TrayMessageSupport,
    tray_message_support,
)

log = logging.getLogger(__name__)


class DeliveryMode(StrEnum):
    """How the user wants prompts (a setting)."""

    NOTIFICATION = "notification"
    """A system notification; the toast only when none can be shown."""
    TOAST = "toast"
    """Only Sitbreak's own toast."""
    BOTH = "both"
    """A system notification and the toast; answering either answers both."""


def choose_route(
    mode: DeliveryMode,
    *,
    freedesktop: bool | None,
    tray_message: TrayMessageSupport,
    plyer: bool,
) -> tuple[NotifierName, ...]:
    """The notifiers to show each prompt on, in order.

    ``freedesktop``: None when no notification server answers, else whether it offers
    actions (clicks). ``plyer``: whether plyer can notify here without that server.
    """
    if mode is DeliveryMode.TOAST:
        return (NotifierName.TOAST,)
    system = _best_system_notifier(freedesktop, tray_message, plyer)
    if system is None:
        return (NotifierName.TOAST,)
    if mode is DeliveryMode.BOTH:
        return (system, NotifierName.TOAST)
    return (system,)


def _best_system_notifier(
    freedesktop: bool | None, tray_message: TrayMessageSupport, plyer: bool
) -> NotifierName | None:
    if freedesktop is True:
        return NotifierName.FREEDESKTOP
    if tray_message is TrayMessageSupport.NATIVE:
        return NotifierName.TRAY_MESSAGE
    if freedesktop is False:
        return NotifierName.FREEDESKTOP  # seen, not clickable; still replaceable and closable
    if plyer:
        return NotifierName.PLYER
    return None


class NotifierChain(Notifier):
    """Shows each prompt on all its members; the first answer answers all of them.

    When no member can show a prompt, ``fallback`` (the toast) shows it instead. A prompt
    counts as expired only when every notifier showing it let it expire.
    """

    def __init__(
        self,
        members: Sequence[Notifier],
        *,
        fallback: Notifier | None = None,
        parent: QObject | None = None,
    ) -> None:
        names = [member.name for member in members]
        if not names:
            if fallback is None:
                raise ValueError("a notifier chain needs at least one member or a fallback")
            names = [fallback.name]
        super().__init__("+".join(names), parent=parent)
        self._members = tuple(members)
        self._fallback = fallback if fallback not in self._members else None
        self._showing: list[Notifier] = []
        for notifier in self._everyone():
            self._relay(notifier, notifier.clicked, self.clicked)
            self._relay(notifier, notifier.snooze_requested, self.snooze_requested)
            self._relay(notifier, notifier.dismissed, self.dismissed)
            notifier.expired.connect(partial(self._on_expired, notifier))

    @property
    def members(self) -> tuple[Notifier, ...]:
        return self._members

    @property
    def clickable(self) -> bool:
        notifiers = self._members or (self._fallback,)
        return any(notifier is not None and notifier.clickable for notifier in notifiers)

    @property
    def showing(self) -> tuple[str, ...]:
        """Names of the notifiers the current prompt is on (empty when none is)."""
        return tuple(notifier.name for notifier in self._showing)

    def show(self, notice: PromptNotice) -> None:
        shown: list[Notifier] = []
        failures: list[str] = []
        for member in self._members:
            try:
                member.show(notice)
            except DeliveryFailed as exc:
                log.warning("The %s notifier could not show the prompt: %s", member.name, exc)
                failures.append(f"{member.name}: {exc}")
            else:
                shown.append(member)
        if not shown and self._fallback is not None:
            log.warning("Showing the prompt with the %s instead", self._fallback.name)
            self._fallback.show(notice)
            shown.append(self._fallback)
        # A previous prompt on a notifier that failed now must not linger there.
        for stale in self._showing:
            if stale not in shown:
                stale.close()
        self._showing = shown
        if not shown:
            raise DeliveryFailed("no notifier could show the prompt: " + "; ".join(failures))

    def close(self) -> None:
        showing, self._showing = self._showing, []
        for notifier in showing:
            notifier.close()

    def shutdown(self) -> None:
        self.close()
        for notifier in self._everyone():
            notifier.shutdown()

    def _everyone(self) -> tuple[Notifier, ...]:
        fallback = () if self._fallback is None else (self._fallback,)
        return (*self._members, *fallback)

    def _relay(self, source: Notifier, signal: SignalInstance, relayed: SignalInstance) -> None:
        signal.connect(partial(self._on_answer, source, relayed.emit))

    def _on_answer(self, source: Notifier, emit: Callable[[], None]) -> None:
        if source not in self._showing:
            return  # an answer to a prompt this chain already closed
        others = [notifier for notifier in self._showing if notifier is not source]
        self._showing = []
        for other in others:
            other.close()
        emit()

    def _on_expired(self, source: Notifier) -> None:
        if source not in self._showing:
            return
        self._showing.remove(source)
        if not self._showing:
            self.expired.emit()


def build_notifier(
    mode: DeliveryMode,
    *,
    env: Environment,
    toast: Notifier,
    tray_icon: QSystemTrayIcon | None,
    tray_kind: str,
    app_name: str,
    desktop_entry: str,
    icon_name: str = "",
    icon_path: str = "",
    app_bundle: bool = False,
    parent: QObject | None = None,
) -> NotifierChain:
    """Probe the desktop, pick the notifiers for ``mode`` and build the chain.

    A backend that cannot run is logged and skipped, never raised: the toast always works.

    ``toast`` is the in-app toast (its notifier adapter), also the fallback. ``tray_icon``
    is the app's tray icon, None without a tray; ``tray_kind`` one of "xembed", "dbus",
    "none". ``icon_name`` names the app icon in the icon theme (notification servers),
    ``icon_path`` is an icon file (plyer).
    """
    tray_support = (
        tray_message_support(tray_kind, env.platform, app_bundle=app_bundle)
        if tray_icon is not None
        else TrayMessageSupport.NONE
    )
    freedesktop: Notifier | None = None
    if mode is not DeliveryMode.TOAST:
        freedesktop = _try(
            NotifierName.FREEDESKTOP,
            lambda: _open_freedesktop(env, app_name, desktop_entry, icon_name),
        )

    def route(plyer_works: bool) -> tuple[NotifierName, ...]:
        return choose_route(
            mode,
            freedesktop=None if freedesktop is None else freedesktop.clickable,
            tray_message=tray_support,
            plyer=plyer_works,
        )

    plyer: Notifier | None = None
    chosen = route(plyer_works=True)  # plyer is only loaded when it would be used
    if NotifierName.PLYER in chosen:
        plyer = _try(NotifierName.PLYER, lambda: _open_plyer(env, app_name, icon_path))
        chosen = route(plyer_works=plyer is not None)

    built: dict[NotifierName, Notifier] = {NotifierName.TOAST: toast}
    if freedesktop is not None:
        built[NotifierName.FREEDESKTOP] = freedesktop
    if plyer is not None:
        built[NotifierName.PLYER] = plyer
    if NotifierName.TRAY_MESSAGE in chosen and tray_icon is not None:
        built[NotifierName.TRAY_MESSAGE] = TrayMessageNotifier(tray_icon, tray_support)
    for name, notifier in built.items():
        if name not in chosen and name is not NotifierName.TOAST:
            notifier.shutdown()  # probed, not used: release its bus connection
    chain = NotifierChain([built[name] for name in chosen], fallback=toast, parent=parent)
    log.info("Prompts are shown with: %s (mode %s)", chain.name, mode.value)
    return chain


def _try(name: NotifierName, open_notifier: Callable[[], Notifier]) -> Notifier | None:
    try:
        return open_notifier()
    except (BackendUnavailable, ImportError) as exc:
        log.info("No %s notifications: %s", name.value, exc)
        return None


def _open_freedesktop(
    env: Environment, app_name: str, desktop_entry: str, icon_name: str
) -> Notifier:
    if env.session_bus_address is None or not env.has_session_bus:
        raise BackendUnavailable("no session bus")
    from app.platform.notify_freedesktop import FreedesktopNotifier

    return FreedesktopNotifier(
        env.session_bus_address, app_name=app_name, desktop_entry=desktop_entry, icon=icon_name
    )


def _open_plyer(env: Environment, app_name: str, icon_path: str) -> Notifier:
    if env.platform.startswith("linux"):
        # plyer's Linux backends talk to the same notification server that just failed.
        raise BackendUnavailable("on Linux plyer needs the notification server too")
    from app.platform.notify_plyer import PlyerNotifier

    return PlyerNotifier(app_name=app_name, icon_path=icon_path)
