"""The desktop-notification prompt against servers that differ where the spec lets them.

Each server here does only what the notification specification says (see
``notify_servers.SpecServer``); it broadcasts its signals, as GNOME Shell does, so every
program on the bus sees every other program's clicks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import pytest
from jeepney import DBusAddress, message_bus, new_signal
from jeepney.io.blocking import open_dbus_connection
from pytestqt.qtbot import QtBot

from app import APP_ID, APP_NAME
from app.platform.notify_base import PromptNotice
from app.platform.notify_freedesktop import (
    NOTIFICATIONS_INTERFACE,
    NOTIFICATIONS_PATH,
    CloseReason,
    FreedesktopNotifier,
)
from tests.unit.platform.notify_servers import Answers, SpecServer

WAIT_MS = 5_000
NOTICE = PromptNotice("Time to stand up", "Glute bridge, 10 reps", snooze_minutes=10)

StartServer = Callable[[Sequence[str]], SpecServer]


@pytest.fixture
def start_server(bus_address: str) -> Iterator[StartServer]:
    started: list[SpecServer] = []

    def start(capabilities: Sequence[str]) -> SpecServer:
        server = SpecServer(bus_address, capabilities)
        started.append(server)
        return server

    yield start
    for server in started:
        server.close()


@pytest.fixture
def open_notifier(bus_address: str, qapp: object) -> Iterator[Callable[[], FreedesktopNotifier]]:
    opened: list[FreedesktopNotifier] = []

    def open_notifier() -> FreedesktopNotifier:
        notifier = FreedesktopNotifier(bus_address, app_name=APP_NAME, desktop_entry=APP_ID)
        opened.append(notifier)
        return notifier

    yield open_notifier
    for notifier in opened:
        notifier.shutdown()


def _notify_args(server: SpecServer) -> dict[str, object]:
    names = ("app_name", "replaces_id", "app_icon", "summary", "body", "actions", "hints", "ms")
    return dict(zip(names, server.calls[-1], strict=True))


def test_a_server_without_actions_gets_a_plain_bubble_and_no_click_is_promised(
    start_server: StartServer, open_notifier: Callable[[], FreedesktopNotifier]
) -> None:
    server = start_server(["body"])
    notifier = open_notifier()

    notifier.show(NOTICE)

    assert not notifier.clickable
    assert _notify_args(server)["actions"] == []
    assert _notify_args(server)["ms"] == 0


def test_a_server_that_reads_markup_gets_the_text_escaped(
    start_server: StartServer, open_notifier: Callable[[], FreedesktopNotifier]
) -> None:
    server = start_server(["actions", "body", "body-markup"])
    notifier = open_notifier()

    notifier.show(PromptNotice("Time to stand up", "Squat & reach <slowly>", snooze_minutes=5))

    assert _notify_args(server)["body"] == "Squat &amp; reach &lt;slowly&gt;"


def test_a_server_that_shows_no_body_gets_the_movement_in_the_summary(
    start_server: StartServer, open_notifier: Callable[[], FreedesktopNotifier]
) -> None:
    server = start_server(["actions"])
    notifier = open_notifier()

    notifier.show(NOTICE)

    args = _notify_args(server)
    assert args["summary"] == "Time to stand up — Glute bridge, 10 reps"
    assert args["body"] == ""


def test_broadcast_answers_to_other_programs_bubbles_are_ignored(
    start_server: StartServer, open_notifier: Callable[[], FreedesktopNotifier], qtbot: QtBot
) -> None:
    server = start_server(["actions", "body"])
    notifier = open_notifier()
    answers = Answers(notifier)
    notifier.show(NOTICE)
    ours = server.ids[-1]

    server.invoke(ours + 100, "default")
    server.notification_closed(ours + 100, CloseReason.DISMISSED)
    # Signals from one sender arrive in order: once ours is seen, the others were too.
    with qtbot.waitSignal(notifier.snooze_requested, timeout=WAIT_MS):
        server.invoke(ours, "snooze")

    assert answers.names == ["snooze_requested"]
    assert server.closed == [ours]  # answered: we take our bubble off screen


def test_a_program_posing_as_the_server_cannot_answer_our_prompt(
    start_server: StartServer,
    open_notifier: Callable[[], FreedesktopNotifier],
    bus_address: str,
    qtbot: QtBot,
) -> None:
    server = start_server(["actions", "body"])
    notifier = open_notifier()
    answers = Answers(notifier)
    notifier.show(NOTICE)
    ours = server.ids[-1]

    with open_dbus_connection(bus=bus_address) as impostor:
        fake_click = new_signal(
            DBusAddress(NOTIFICATIONS_PATH, interface=NOTIFICATIONS_INTERFACE),
            "ActionInvoked",
            "us",
            (ours, "default"),
        )
        impostor.send(fake_click)
        # A round trip: the bus has routed the impostor's signal before this returns.
        impostor.send_and_get_reply(message_bus.GetId(), timeout=WAIT_MS / 1000)
        with qtbot.waitSignal(notifier.dismissed, timeout=WAIT_MS):
            server.notification_closed(ours, CloseReason.DISMISSED)

    assert answers.names == ["dismissed"]


@pytest.mark.parametrize(
    ("reason", "answer"),
    [
        (CloseReason.EXPIRED, ["expired"]),
        (CloseReason.DISMISSED, ["dismissed"]),
        (CloseReason.UNDEFINED, ["expired"]),
    ],
)
def test_close_reasons_map_to_answers(
    start_server: StartServer,
    open_notifier: Callable[[], FreedesktopNotifier],
    qtbot: QtBot,
    reason: int,
    answer: list[str],
) -> None:
    server = start_server(["actions", "body"])
    notifier = open_notifier()
    answers = Answers(notifier)
    notifier.show(NOTICE)

    with qtbot.waitSignal(getattr(notifier, answer[0]), timeout=WAIT_MS):
        server.notification_closed(server.ids[-1], reason)

    assert answers.names == answer


def test_a_bubble_closed_by_another_program_is_no_answer_at_all(
    start_server: StartServer, open_notifier: Callable[[], FreedesktopNotifier], qtbot: QtBot
) -> None:
    server = start_server(["actions", "body"])
    notifier = open_notifier()
    answers = Answers(notifier)
    notifier.show(NOTICE)

    server.notification_closed(server.ids[-1], CloseReason.CLOSED_BY_CALL)

    qtbot.waitUntil(lambda: notifier.shown_id is None, timeout=WAIT_MS)
    assert answers.names == []
