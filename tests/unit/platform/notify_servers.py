"""Notification servers for the notifier tests: a real dunst, dbus-monitor, a spec-only fake.

dunst runs on a private bus and X server (``tests.helpers.desktop``) with a config of our
own: bubbles never expire unless their summary starts with "Short-lived", and its context
menu (``dunstctl context``) runs a script that picks the action the test asked for, so a
test can press any action of any bubble, as a user would from dunst's menu.
"""

from __future__ import annotations

import contextlib
import re
import subprocess
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from app.platform.notify_base import Notifier
from app.platform.notify_freedesktop import (
    NOTIFICATIONS_INTERFACE,
    NOTIFICATIONS_NAME,
    NOTIFICATIONS_PATH,
)
from tests.helpers.desktop import (
    Desktop,
    DesktopOptions,
    ManagedProcess,
    TrayHost,
    desktop_session,
    wait_until,
)
from tests.helpers.require import require_binaries
from tests.unit.platform.fake_services import FakeService, Reply

TIMEOUT_S = 10.0

_DUNSTRC = """[global]
    monitor = 0
    follow = none
    width = 380
    origin = top-right
    offset = 16x16
    font = DejaVu Sans 10
    format = "<b>%s</b>\\n%b"
    show_indicators = no
    idle_threshold = 0
    markup = full
    frame_width = 1
    corner_radius = 6
    padding = 12
    horizontal_padding = 14
    dmenu = {dmenu}
    mouse_left_click = do_action, close_current

[urgency_normal]
    background = "#f4f4f2"
    foreground = "#202020"
    frame_color = "#9a9a96"
    timeout = 0

[short_lived]
    summary = "Short-lived*"
    override_dbus_timeout = 1
"""

# dunst writes one menu line per action, "#<label> (<summary>) [<id>,<action>]", to the
# dmenu command and invokes the line it prints back.
_PICK_ACTION = """#!/bin/sh
grep -F -- "$(sed -n 1p '{choice}')" | grep -F -m 1 -- "$(sed -n 2p '{choice}')"
"""


@contextlib.contextmanager
def notification_desktop(root: Path, *, bus_activation: bool = False) -> Iterator[Desktop]:
    """Xvfb and a session bus; without ``bus_activation`` the bus starts no server itself."""
    require_binaries("Xvfb", "dbus-daemon", "dunst", "dunstctl", "dbus-monitor", "gdbus")
    options = DesktopOptions(
        tray=TrayHost.NONE,
        notification_server=False,
        window_manager=False,
        bus_activation=bus_activation,
    )
    with desktop_session(root, options) as desktop:
        yield desktop


class DunstCtl:
    """``dunstctl`` and other clients, pointed at whichever dunst owns the bus name."""

    def __init__(self, desktop: Desktop) -> None:
        self.desktop = desktop

    def ctl(self, *args: str) -> str:
        result = subprocess.run(
            ["dunstctl", *args],
            env=self.desktop.env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=True,
        )
        return result.stdout

    def displayed(self) -> int:
        """How many bubbles are on screen (``dunstctl count displayed``)."""
        return int(self.ctl("count", "displayed"))

    def send_foreign(self, summary: str) -> int:
        """Another program's bubble, with a default action, sent from its own connection."""
        result = subprocess.run(
            [
                "gdbus",
                "call",
                "--session",
                "--dest",
                NOTIFICATIONS_NAME,
                "--object-path",
                NOTIFICATIONS_PATH,
                "--method",
                f"{NOTIFICATIONS_INTERFACE}.Notify",
                "other-app",
                "0",
                "",
                summary,
                "not ours",
                '["default", "Open"]',
                "{}",
                "0",
            ],
            env=self.desktop.env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=True,
        )
        match = re.search(r"uint32 (\d+)", result.stdout)
        assert match, f"gdbus printed no notification id: {result.stdout!r}"
        return int(match.group(1))


class Dunst(DunstCtl):
    """The dunst a test started, with its context menu under the test's control."""

    def __init__(self, desktop: Desktop, process: ManagedProcess, choice_file: Path) -> None:
        super().__init__(desktop)
        self.process = process
        self._choice_file = choice_file

    def choose_from_menu(self, summary: str, action: str) -> None:
        """Pick ``action`` of the bubble titled ``summary`` from dunst's context menu."""
        self._choice_file.write_text(f"({summary}) [\n,{action}]\n", encoding="utf-8")
        self.ctl("context")

    def stop(self) -> None:
        self.process.stop()


@contextlib.contextmanager
def running_dunst(desktop: Desktop) -> Iterator[Dunst]:
    """Start dunst on ``desktop``'s display and bus; stop it afterwards."""
    config_dir = desktop.root / "dunst"
    config_dir.mkdir(parents=True, exist_ok=True)
    choice = config_dir / "choice"
    choice.write_text("\n\n", encoding="utf-8")
    picker = config_dir / "pick-action"
    picker.write_text(_PICK_ACTION.format(choice=choice), encoding="utf-8")
    picker.chmod(0o755)
    dunstrc = config_dir / "dunstrc"
    dunstrc.write_text(_DUNSTRC.format(dmenu=picker), encoding="utf-8")
    with ManagedProcess(
        "dunst", ["dunst", "-config", str(dunstrc)], env=desktop.env, log_dir=desktop.log_dir
    ) as process:

        def owned() -> bool:
            process.ensure_running()
            with desktop.bus() as bus:
                return bus.name_has_owner(NOTIFICATIONS_NAME)

        wait_until(owned, timeout=TIMEOUT_S, what="dunst to own the notifications name")
        yield Dunst(desktop, process, choice)


# ------------------------------------------------------------------------------ dbus-monitor
@dataclass(frozen=True)
class NotifyCall:
    """One ``Notify`` call as dbus-monitor saw it on the bus."""

    app_name: str
    replaces_id: int
    app_icon: str
    summary: str
    body: str
    actions: list[str]
    hints: dict[str, object]
    expire_timeout: int


class NotifyMonitor:
    """``dbus-monitor`` watching ``Notify`` calls and ``ActionInvoked`` signals on a bus."""

    def __init__(self, process: ManagedProcess) -> None:
        self._process = process

    def calls(self) -> list[NotifyCall]:
        text = self._process.stdout_text()
        return [_notify_call(block) for block in _messages(text, "method call", "Notify")]

    def actions_invoked(self) -> list[tuple[object, ...]]:
        """(notification id, action key) of each ``ActionInvoked``, whoever it was sent to."""
        text = self._process.stdout_text()
        return [tuple(_parse_values(block)) for block in _messages(text, "signal", "ActionInvoked")]


@contextlib.contextmanager
def monitoring_notify(desktop: Desktop) -> Iterator[NotifyMonitor]:
    rules = [
        f"type='method_call',interface='{NOTIFICATIONS_INTERFACE}',member='Notify'",
        f"type='signal',interface='{NOTIFICATIONS_INTERFACE}',member='ActionInvoked'",
    ]
    with ManagedProcess(
        "dbus-monitor",
        ["dbus-monitor", "--address", desktop.bus_address, *rules],
        env=desktop.env,
        log_dir=desktop.log_dir,
    ) as process:

        def listening() -> bool:
            # As a monitor it first loses the unique name the bus gave it.
            process.ensure_running()
            return "NameLost" in process.stdout_text()

        wait_until(listening, timeout=TIMEOUT_S, what="dbus-monitor to start monitoring")
        yield NotifyMonitor(process)


def _messages(text: str, kind: str, member: str) -> Iterator[list[str]]:
    """The argument lines of each ``kind`` ("signal", "method call") message ``member``."""
    block: list[str] | None = None
    for line in text.splitlines():
        if not line.startswith(" "):
            if block is not None:
                yield block
            wanted = line.startswith(f"{kind} ") and line.endswith(f"member={member}")
            block = [] if wanted else None
        elif block is not None:
            block.append(line.strip())
    if block is not None:
        yield block


_INTEGERS = ("byte", "int16", "uint16", "int32", "uint32", "int64", "uint64")
_SCALAR = re.compile(
    rf"^(?:variant\s+)?(string|object path|signature|boolean|double|{'|'.join(_INTEGERS)}) (.*)$"
)


def _parse_values(lines: Sequence[str]) -> list[object]:
    """dbus-monitor's nested printout as Python values (arrays as lists, dicts as dicts)."""
    stack: list[list[object]] = [[]]
    for line in lines:
        if line in ("array [", "dict entry("):
            stack.append([])
        elif line in ("]", ")"):
            items = stack.pop()
            closing_dict_entry = line == ")"
            stack[-1].append(tuple(items) if closing_dict_entry else items)
        else:
            match = _SCALAR.match(line)
            assert match, f"unexpected dbus-monitor line {line!r}"
            kind, raw = match.groups()
            value: object = raw
            if kind in ("string", "object path", "signature"):
                value = raw[1:-1]
            elif kind in _INTEGERS:
                value = int(raw)
            stack[-1].append(value)
    return stack[0]


def _notify_call(lines: list[str]) -> NotifyCall:
    values = _parse_values(lines)
    app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout = values
    assert isinstance(actions, list)
    assert isinstance(hints, list)
    return NotifyCall(
        app_name=str(app_name),
        replaces_id=int(str(replaces_id)),
        app_icon=str(app_icon),
        summary=str(summary),
        body=str(body),
        actions=[str(action) for action in actions],
        hints={str(key): value for key, value in hints},
        expire_timeout=int(str(expire_timeout)),
    )


# ------------------------------------------------------------------------------ a fake server
class SpecServer:
    """A notification server that does only what the spec says, on a real private bus.

    Its signals are broadcast, as GNOME Shell sends them, so every connection sees every
    application's clicks; ``capabilities`` decides what it offers.
    """

    def __init__(self, address: str, capabilities: Sequence[str]) -> None:
        self.capabilities = list(capabilities)
        self.calls: list[tuple[object, ...]] = []
        """The arguments of each Notify call."""
        self.ids: list[int] = []
        """The id returned for each Notify call."""
        self.closed: list[int] = []
        self._lock = threading.Lock()
        self._next_id = 40
        self._service = FakeService(address, [NOTIFICATIONS_NAME])
        self._service.serve(
            {
                (NOTIFICATIONS_INTERFACE, "GetCapabilities"): self._get_capabilities,
                (NOTIFICATIONS_INTERFACE, "GetServerInformation"): self._get_information,
                (NOTIFICATIONS_INTERFACE, "Notify"): self._notify,
                (NOTIFICATIONS_INTERFACE, "CloseNotification"): self._close,
            }
        )

    def invoke(self, notification_id: int, action: str) -> None:
        self._emit("ActionInvoked", "us", (notification_id, action))

    def notification_closed(self, notification_id: int, reason: int) -> None:
        self._emit("NotificationClosed", "uu", (notification_id, reason))

    def close(self) -> None:
        self._service.close()

    def _emit(self, member: str, signature: str, body: tuple[object, ...]) -> None:
        self._service.emit(NOTIFICATIONS_PATH, NOTIFICATIONS_INTERFACE, member, signature, body)

    def _get_capabilities(self, _args: tuple[object, ...]) -> Reply:
        return "as", (self.capabilities,)

    def _get_information(self, _args: tuple[object, ...]) -> Reply:
        return "ssss", ("spec-server", "sitbreak tests", "1", "1.2")

    def _notify(self, args: tuple[object, ...]) -> Reply:
        with self._lock:
            self.calls.append(args)
            replaces_id = args[1]
            if isinstance(replaces_id, int) and replaces_id > 0:
                notification_id = replaces_id
            else:
                self._next_id += 1
                notification_id = self._next_id
            self.ids.append(notification_id)
            return "u", (notification_id,)

    def _close(self, args: tuple[object, ...]) -> Reply:
        with self._lock:
            self.closed.extend(arg for arg in args if isinstance(arg, int))
        return "", ()


# ------------------------------------------------------------------------------ answers
class Answers:
    """Which answer signals a notifier emitted, in order, and whether on the GUI thread."""

    SIGNALS = ("clicked", "snooze_requested", "dismissed", "expired")

    def __init__(self, notifier: Notifier) -> None:
        self.names: list[str] = []
        self.off_gui_thread: list[str] = []
        for name in self.SIGNALS:
            getattr(notifier, name).connect(partial(self._record, name))

    def _record(self, name: str) -> None:
        self.names.append(name)
        if threading.current_thread() is not threading.main_thread():
            self.off_gui_thread.append(name)
