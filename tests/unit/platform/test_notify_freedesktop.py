"""The desktop-notification prompt against a real dunst on a private bus and X server."""

from __future__ import annotations

import dataclasses
import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import APP_ID, APP_NAME
from app.platform.base import BackendUnavailable
from app.platform.notify_base import PromptNotice
from app.platform.notify_freedesktop import NOTIFICATIONS_NAME, FreedesktopNotifier
from tests.helpers.desktop import Desktop
from tests.unit.platform.notify_servers import (
    Answers,
    Dunst,
    DunstCtl,
    monitoring_notify,
    notification_desktop,
    running_dunst,
)

WAIT_MS = 10_000
NOTICE = PromptNotice("Time to stand up", "Glute bridge, 10 reps", snooze_minutes=5)
DUNST_SERVICE_FILE = Path("/usr/share/dbus-1/services/org.knopwob.dunst.service")

OpenNotifier = Callable[[], FreedesktopNotifier]


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[Desktop]:
    """Xvfb and a bus that starts nothing by itself: no notification server yet."""
    with notification_desktop(tmp_path / "desktop") as session:
        yield session


@pytest.fixture
def dunst(desktop: Desktop) -> Iterator[Dunst]:
    with running_dunst(desktop) as server:
        yield server


@pytest.fixture
def open_notifier(desktop: Desktop, qapp: object) -> Iterator[OpenNotifier]:
    opened: list[FreedesktopNotifier] = []

    def open_notifier() -> FreedesktopNotifier:
        notifier = FreedesktopNotifier(desktop.bus_address, app_name=APP_NAME, desktop_entry=APP_ID)
        opened.append(notifier)
        return notifier

    yield open_notifier
    for notifier in opened:
        notifier.shutdown()


def _show(
    qtbot: QtBot, dunst: DunstCtl, notifier: FreedesktopNotifier, notice: PromptNotice
) -> None:
    notifier.show(notice)
    qtbot.waitUntil(lambda: dunst.displayed() == 1, timeout=WAIT_MS)


def test_the_prompt_arrives_with_a_click_and_a_snooze_action_and_waits(
    dunst: Dunst, open_notifier: OpenNotifier, qtbot: QtBot
) -> None:
    with monitoring_notify(dunst.desktop) as monitor:
        notifier = open_notifier()
        _show(qtbot, dunst, notifier, NOTICE)
        qtbot.waitUntil(lambda: len(monitor.calls()) == 1, timeout=WAIT_MS)

    (call,) = monitor.calls()
    assert call.actions == ["default", "Show the stretch", "snooze", "Snooze 5 min"]
    assert call.expire_timeout == 0
    assert call.hints == {"urgency": 1, "desktop-entry": APP_ID}
    assert (call.app_name, call.summary, call.body) == (APP_NAME, NOTICE.title, NOTICE.body)
    assert call.replaces_id == 0
    assert notifier.clickable
    assert notifier.name == "freedesktop"


def test_a_coach_notice_offers_its_own_action_no_snooze_and_expires_by_itself(
    dunst: Dunst, open_notifier: OpenNotifier, qtbot: QtBot
) -> None:
    notice = PromptNotice(
        "Strength day", "20 minutes", snooze_minutes=None, open_label="Start", waits=False
    )
    with monitoring_notify(dunst.desktop) as monitor:
        notifier = open_notifier()
        _show(qtbot, dunst, notifier, notice)
        qtbot.waitUntil(lambda: len(monitor.calls()) == 1, timeout=WAIT_MS)

    (call,) = monitor.calls()
    assert call.actions == ["default", "Start"]
    assert call.expire_timeout == -1
    with qtbot.waitSignal(notifier.clicked, timeout=WAIT_MS):
        dunst.ctl("action", "0")


def test_clicking_the_bubble_reports_a_click_on_the_gui_thread_and_takes_the_bubble_away(
    dunst: Dunst, open_notifier: OpenNotifier, qtbot: QtBot
) -> None:
    notifier = open_notifier()
    answers = Answers(notifier)
    _show(qtbot, dunst, notifier, NOTICE)

    with qtbot.waitSignal(notifier.clicked, timeout=WAIT_MS):
        dunst.ctl("action", "0")

    assert answers.names == ["clicked"]
    assert answers.off_gui_thread == []
    qtbot.waitUntil(lambda: dunst.displayed() == 0, timeout=WAIT_MS)


def test_snooze_chosen_from_the_bubble_asks_for_a_snooze(
    dunst: Dunst, open_notifier: OpenNotifier, qtbot: QtBot
) -> None:
    notifier = open_notifier()
    answers = Answers(notifier)
    _show(qtbot, dunst, notifier, NOTICE)

    with qtbot.waitSignal(notifier.snooze_requested, timeout=WAIT_MS):
        dunst.choose_from_menu(NOTICE.title, "snooze")

    assert answers.names == ["snooze_requested"]
    qtbot.waitUntil(lambda: dunst.displayed() == 0, timeout=WAIT_MS)


def test_closing_the_bubble_counts_as_dismissed(
    dunst: Dunst, open_notifier: OpenNotifier, qtbot: QtBot
) -> None:
    notifier = open_notifier()
    answers = Answers(notifier)
    _show(qtbot, dunst, notifier, NOTICE)

    with qtbot.waitSignal(notifier.dismissed, timeout=WAIT_MS):
        dunst.ctl("close")  # dunst reports reason 2: dismissed by the user

    assert answers.names == ["dismissed"]


def test_a_bubble_the_server_lets_expire_counts_as_no_answer(
    dunst: Dunst, open_notifier: OpenNotifier, qtbot: QtBot
) -> None:
    notifier = open_notifier()
    answers = Answers(notifier)

    # The test dunstrc overrides our "never expire" for summaries starting "Short-lived".
    with qtbot.waitSignal(notifier.expired, timeout=WAIT_MS):
        notifier.show(dataclasses.replace(NOTICE, title="Short-lived: time to stand up"))

    assert answers.names == ["expired"]


def test_a_re_reminder_replaces_the_bubble_and_can_still_be_clicked(
    dunst: Dunst, open_notifier: OpenNotifier, qtbot: QtBot
) -> None:
    notifier = open_notifier()
    answers = Answers(notifier)
    with monitoring_notify(dunst.desktop) as monitor:
        _show(qtbot, dunst, notifier, NOTICE)
        reminder = dataclasses.replace(
            NOTICE, body="Still sitting: Glute bridge, 10 reps", replaces_previous=True
        )
        notifier.show(reminder)
        qtbot.waitUntil(lambda: len(monitor.calls()) == 2, timeout=WAIT_MS)

    first, second = monitor.calls()
    assert first.replaces_id == 0
    assert second.replaces_id != 0
    assert dunst.displayed() == 1
    with qtbot.waitSignal(notifier.clicked, timeout=WAIT_MS):
        dunst.ctl("action", "0")
    assert answers.names == ["clicked"]


def test_a_new_prompt_takes_the_place_of_an_unanswered_one(
    dunst: Dunst, open_notifier: OpenNotifier, qtbot: QtBot
) -> None:
    notifier = open_notifier()
    answers = Answers(notifier)
    _show(qtbot, dunst, notifier, NOTICE)

    notifier.show(dataclasses.replace(NOTICE, body="Calf raises, 15 reps"))

    assert dunst.displayed() == 1
    with qtbot.waitSignal(notifier.clicked, timeout=WAIT_MS):
        dunst.ctl("action", "0")
    # The first bubble was closed by us, which is no answer from the user.
    assert answers.names == ["clicked"]


def test_close_takes_the_bubble_back_without_an_answer(
    dunst: Dunst, open_notifier: OpenNotifier, qtbot: QtBot
) -> None:
    notifier = open_notifier()
    answers = Answers(notifier)
    _show(qtbot, dunst, notifier, NOTICE)

    notifier.close()

    qtbot.waitUntil(lambda: dunst.displayed() == 0, timeout=WAIT_MS)
    # dunst's NotificationClosed for it precedes anything about the next bubble: once the
    # next one is clicked, a stray answer to the first would have shown up.
    _show(qtbot, dunst, notifier, NOTICE)
    with qtbot.waitSignal(notifier.clicked, timeout=WAIT_MS):
        dunst.ctl("action", "0")
    assert answers.names == ["clicked"]


def test_clicks_on_other_programs_bubbles_do_not_answer_our_prompt(
    dunst: Dunst, open_notifier: OpenNotifier, qtbot: QtBot
) -> None:
    notifier = open_notifier()
    answers = Answers(notifier)
    _show(qtbot, dunst, notifier, NOTICE)
    foreign = dunst.send_foreign("Someone else")
    qtbot.waitUntil(lambda: dunst.displayed() == 2, timeout=WAIT_MS)

    with monitoring_notify(dunst.desktop) as monitor:
        dunst.choose_from_menu("Someone else", "default")
        # dunst runs one menu at a time: wait until this one has done its work.
        qtbot.waitUntil(lambda: (foreign, "default") in monitor.actions_invoked(), timeout=WAIT_MS)
    with qtbot.waitSignal(notifier.snooze_requested, timeout=WAIT_MS):
        dunst.choose_from_menu(NOTICE.title, "snooze")

    assert answers.names == ["snooze_requested"]
    assert dunst.displayed() == 1  # the other program's bubble is left alone


def test_no_notification_server_means_the_backend_is_unavailable(
    desktop: Desktop, open_notifier: OpenNotifier
) -> None:
    with pytest.raises(BackendUnavailable, match="no notification server"):
        open_notifier()


def test_an_unreachable_bus_means_the_backend_is_unavailable(tmp_path: Path, qapp: object) -> None:
    with pytest.raises(BackendUnavailable, match="cannot connect"):
        FreedesktopNotifier(f"unix:path={tmp_path}/no-bus", app_name=APP_NAME, desktop_entry=APP_ID)


@pytest.fixture
def activating_desktop(tmp_path: Path) -> Iterator[Desktop]:
    """A bus that starts dunst from its service file when someone calls it."""
    if not DUNST_SERVICE_FILE.exists():
        pytest.skip(f"needs dunst's D-Bus service file {DUNST_SERVICE_FILE}")
    with notification_desktop(tmp_path / "desktop", bus_activation=True) as session:
        yield session


def test_a_server_started_on_demand_and_restarted_still_delivers_clicks(
    activating_desktop: Desktop, qapp: object, qtbot: QtBot
) -> None:
    desktop = activating_desktop
    with desktop.bus() as bus:
        assert not bus.name_has_owner(NOTIFICATIONS_NAME)
    notifier = FreedesktopNotifier(desktop.bus_address, app_name=APP_NAME, desktop_entry=APP_ID)
    try:
        answers = Answers(notifier)
        dunst = DunstCtl(desktop)
        _show(qtbot, dunst, notifier, NOTICE)
        with desktop.bus() as bus:
            first_server = bus.owner_pid(NOTIFICATIONS_NAME)

        # The server goes away with our bubble: nobody answered it.
        with qtbot.waitSignal(notifier.expired, timeout=WAIT_MS):
            os.kill(first_server, signal.SIGTERM)

        # The next prompt starts a new server, whose answers reach us too.
        _show(qtbot, dunst, notifier, NOTICE)
        with desktop.bus() as bus:
            assert bus.owner_pid(NOTIFICATIONS_NAME) != first_server
        with qtbot.waitSignal(notifier.clicked, timeout=WAIT_MS):
            dunst.ctl("action", "0")
        assert answers.names == ["expired", "clicked"]
    finally:
        notifier.shutdown()
