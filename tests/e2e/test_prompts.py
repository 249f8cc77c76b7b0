"""Stand-up prompts as a user meets them: a dunst bubble that names the movement, a click
that opens the stretch window, Done with Enter, Snooze from the bubble, and the control
commands, all with the real ``sitbreak`` process on a test desktop.

What the app sent is read off the bus with dbus-monitor, what it logged with the test's own
SQL, and what the user sees with xdotool and screenshots.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from jeepney import HeaderFields

from tests.e2e.sitbreak_driver import (
    PROMPT_TIMINGS,
    Sitbreak,
    publish_screenshot,
    stretch_window,
)
from tests.helpers.desktop import (
    BusMonitor,
    Desktop,
    DesktopOptions,
    InputGenerator,
    NotificationServer,
    NotifyCall,
    TrayHost,
    X11Display,
    holds_for,
    wait_until,
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(120)]

CLOCK_SLACK_S = 0.25
"""Rounding between the app's wall times and the test's ``time.time()`` on one machine."""


def _wait_gone(display: X11Display, window: int, what: str) -> None:
    wait_until(lambda: not display.is_viewable(window), timeout=5, what=what)


def _bubbles(notifications: NotificationServer, count: int) -> None:
    wait_until(
        lambda: notifications.displayed() == count,
        timeout=5,
        what=f"{count} notification(s) displayed by dunst",
    )


def _notify_calls(monitor: BusMonitor, count: int) -> list[NotifyCall]:
    """The Notify calls on the bus, once there are ``count`` of them."""

    def enough() -> list[NotifyCall] | None:
        calls = monitor.notify_calls()
        return calls if len(calls) >= count else None

    return wait_until(enough, timeout=5, what=f"{count} Notify call(s) on the bus")


# ------------------------------------------------------------------------------ click, Done
def test_bubble_names_the_exercise_and_a_click_then_enter_ends_the_bout_when_the_window_opened(
    make_desktop: Callable[[DesktopOptions], Desktop],
    make_sitbreak: Callable[[Desktop], Sitbreak],
    artifacts: Path,
) -> None:
    desktop = make_desktop(DesktopOptions(tray=TrayHost.XEMBED, record_notifications=True))
    display, dunst, monitor = desktop.display, desktop.notifications, desktop.bus_monitor
    assert dunst is not None
    assert monitor is not None
    sitbreak = make_sitbreak(desktop)
    sitbreak.write_settings(PROMPT_TIMINGS)
    app = sitbreak.start()
    sitbreak.wait_running(app)

    with InputGenerator(desktop.display) as typing:
        suggestion = sitbreak.running_status()["suggestion"]
        assert suggestion is not None, "the bundled library suggests something"
        prompting = sitbreak.prompt_after_lull(typing, PROMPT_TIMINGS, process=app)
        assert prompting["prompt"] is not None
        assert prompting["prompt"]["reminders"] == 0
        assert prompting["suggestion"] == suggestion, "the prompt names what was suggested"

        # What went over the bus: our Notify, naming the movement, clickable, never expiring.
        (notify,) = _notify_calls(monitor, 1)
        with desktop.bus() as bus:
            assert bus.owner_pid(notify.sender) == app.pid, "Notify came from sitbreak"
        assert notify.app_name == "Sitbreak"
        assert notify.summary == f"Time to stand up — {suggestion['name']}, {suggestion['dose']}"
        assert list(notify.actions) == ["default", "snooze"]
        assert notify.actions["snooze"].startswith("Snooze ")
        assert notify.signature.endswith("i"), "expire_timeout is an int32"
        assert notify.expire_timeout == 0, "the bubble waits for the user"
        assert notify.replaces_id == 0
        signature, entry = notify.hints["desktop-entry"]
        assert signature == "s"
        assert entry
        _bubbles(dunst, 1)
        (bubble,) = display.viewable_windows_of_class("dunst")
        publish_screenshot(
            display.photograph(bubble, artifacts / "notification.png"), "notification.png"
        )

        clicked_at = time.time()
        dunst.click(0)
        window = stretch_window(display)
        opened_seen_at = time.time()
        title = display.window_name(window)
        assert title is not None
        assert title.startswith(f"Stretch: {suggestion['name']}")
        stretching = sitbreak.running_status()
        assert stretching["state"] == "stretching"
        _bubbles(dunst, 0)  # answered: the bubble went away
        publish_screenshot(
            display.photograph(window, artifacts / "stretch-window-e2e.png"),
            "stretch-window-e2e.png",
        )
        # Time in the stretch window is never desk time, though the pointer keeps moving.
        holds_for(
            lambda: sitbreak.running_status()["desk_seconds"] == stretching["desk_seconds"],
            duration=1.5,
            what="desk time standing still while the stretch window is open",
        )
        enter_at = time.time()
        display.press_keys(window, "Return")
        _wait_gone(display, window, "Enter (Done) to close the stretch window")

        after = sitbreak.wait_for_status(
            lambda s: s["state"] not in ("stretching", "prompting"),
            timeout=5,
            what="the status to leave the stretch",
        )
    assert after["prompt"] is None
    assert after["suggestion"]["id"] != suggestion["id"], "the next suggestion is another one"

    (prompt,) = sitbreak.prompts()
    assert prompt.response == "done"
    assert prompt.bout_id is not None
    bout = {row.id: row for row in sitbreak.bouts()}[prompt.bout_id]
    assert bout.end_reason == "stand_up"
    assert bout.end_utc is not None
    # The bout ended when the window opened, not when Done was pressed a while later.
    assert abs(bout.end_utc - clicked_at) <= 1.0, f"ended {bout.end_utc - clicked_at:+.2f} s"
    assert clicked_at - CLOCK_SLACK_S <= bout.end_utc <= opened_seen_at + CLOCK_SLACK_S
    assert enter_at - bout.end_utc >= 1.5
    assert bout.desk_s <= bout.end_utc - bout.start_utc + 0.5

    (shown,) = sitbreak.shown_exercises()
    assert shown.prompt_id == prompt.id
    assert (shown.exercise_id, shown.exercise_name) == (suggestion["id"], suggestion["name"])
    assert shown.muscles == suggestion["muscles"]
    assert shown.response == "done"
    assert shown.response_utc is not None
    assert shown.response_utc >= enter_at - CLOCK_SLACK_S
    assert sitbreak.problems() == []


# ------------------------------------------------------------------------------ snooze
def _status_while_snoozed(sitbreak: Sitbreak) -> dict[str, Any] | None:
    """The status once the snoozed prompt is back; fails if it shows anything but snoozed."""
    status = sitbreak.running_status()
    if status["state"] == "prompting":
        return status
    assert status["state"] == "snoozed", f"while snoozed the state was {status['state']}"
    assert status["prompt"] is None
    return None


def _snooze_from_bubble(sitbreak: Sitbreak, dunst: NotificationServer) -> tuple[float, float]:
    """Pick "Snooze" in the bubble's menu; the desk time just before and once snoozed."""
    desk_before = sitbreak.running_status()["desk_seconds"]
    entry = dunst.choose("Snooze")
    assert entry.action == "snooze"
    assert entry.summary.startswith("Time to stand up — ")
    snoozed = sitbreak.wait_for_status(
        lambda s: s["state"] == "snoozed", timeout=5, what="the snooze to be taken"
    )
    assert snoozed["prompt"] is None
    _bubbles(dunst, 0)
    return desk_before, snoozed["desk_seconds"]


def test_snooze_from_the_bubble_waits_its_desk_time_and_a_natural_break_cancels_it(
    make_desktop: Callable[[DesktopOptions], Desktop],
    make_sitbreak: Callable[[Desktop], Sitbreak],
) -> None:
    desktop = make_desktop(DesktopOptions(tray=TrayHost.XEMBED, record_notifications=True))
    dunst, monitor = desktop.notifications, desktop.bus_monitor
    assert dunst is not None
    assert monitor is not None
    sitbreak = make_sitbreak(desktop)
    sitbreak.write_settings(PROMPT_TIMINGS)
    app = sitbreak.start()
    sitbreak.wait_running(app)
    snooze_s = PROMPT_TIMINGS.snooze_s

    with InputGenerator(desktop.display) as typing:
        sitbreak.prompt_after_lull(typing, PROMPT_TIMINGS, process=app)
        _bubbles(dunst, 1)
        desk_before, desk_snoozed = _snooze_from_bubble(sitbreak, dunst)
        (first,) = sitbreak.prompts()
        assert first.response == "snooze"
        assert first.response_utc is not None

        # Typing on: the prompt comes back after the snooze's desk time, and not before.
        back = wait_until(
            lambda: _status_while_snoozed(sitbreak),
            timeout=snooze_s + 8,
            what="the snoozed prompt to come back",
        )
        assert back["prompt"] is not None
        second = sitbreak.prompts()[1]
        assert second.desk_s >= desk_before + snooze_s, "not before the snooze's desk time"
        assert second.desk_s <= desk_snoozed + snooze_s + 2.0, "soon after it"
        assert second.shown_utc - first.response_utc >= snooze_s - CLOCK_SLACK_S
        assert _notify_calls(monitor, 2)[1].summary.startswith("Time to stand up — ")
        _bubbles(dunst, 1)

        # Snoozed again, then a natural break: the snooze is cancelled.
        _snooze_from_bubble(sitbreak, dunst)
        last_input = typing.stop()
        sitbreak.wait_for_status(
            lambda s: s["state"] == "away",
            timeout=PROMPT_TIMINGS.away_after_s + 6,
            what="a natural break",
        )
        first_bout = sitbreak.bouts()[-1]
        assert first_bout.end_reason == "away"
        assert first_bout.end_utc == pytest.approx(last_input, abs=2.0)
        assert [row.response for row in sitbreak.prompts()] == ["snooze", "snooze"]
        assert dunst.displayed() == 0

        typing.start()
        back_at_desk = sitbreak.wait_for_status(
            lambda s: s["state"] != "away", timeout=6, what="typing to be noticed"
        )
        assert back_at_desk["state"] == "sitting", "a new bout, with no snooze in it"

        def desk_time_without_prompt() -> dict[str, Any] | None:
            status = sitbreak.running_status()
            assert status["state"] in ("sitting", "window"), (
                f"after the break the state was {status['state']}: the snooze lived on"
            )
            assert status["prompt"] is None
            return status if status["desk_seconds"] >= snooze_s + 1.5 else None

        wait_until(
            desk_time_without_prompt,
            timeout=snooze_s + 8,
            what="desk time past the old snooze, without a prompt",
        )
        assert len(sitbreak.prompts()) == 2

        # The new bout's own prompt, unanswered; walking away closes its bubble.
        typing.rest(PROMPT_TIMINGS.lull_s + 1)
        sitbreak.wait_for_status(
            lambda s: s["state"] == "prompting", timeout=8, what="the new bout's prompt"
        )
        third = sitbreak.prompts()[2]
        assert third.desk_s >= PROMPT_TIMINGS.window_start_s
        _bubbles(dunst, 1)
        typing.stop()
    sitbreak.wait_for_status(
        lambda s: s["state"] == "away",
        timeout=PROMPT_TIMINGS.away_after_s + 6,
        what="another break",
    )
    _bubbles(dunst, 0)
    assert sitbreak.prompts()[2].response == "natural_break"
    app_bus_name = monitor.notify_calls()[-1].sender
    closes = [
        message.body
        for message in monitor.method_calls("CloseNotification")
        if message.header.fields.get(HeaderFields.sender) == app_bus_name
    ]
    assert closes, "the app took its bubble back with CloseNotification"
    assert sitbreak.problems() == []


# ------------------------------------------------------------------------------ control
def test_break_now_opens_the_stretch_window_escape_closes_it_and_pause_resume_work(
    make_desktop: Callable[[DesktopOptions], Desktop],
    make_sitbreak: Callable[[Desktop], Sitbreak],
) -> None:
    desktop = make_desktop(DesktopOptions(tray=TrayHost.XEMBED))
    display, dunst = desktop.display, desktop.notifications
    assert dunst is not None
    sitbreak = make_sitbreak(desktop)
    sitbreak.write_settings(PROMPT_TIMINGS)
    app = sitbreak.start()
    sitbreak.wait_running(app)

    with InputGenerator(display):
        sitbreak.wait_for_status(
            lambda s: s["state"] == "sitting" and s["desk_seconds"] >= 1,
            timeout=8,
            what="a bout",
            process=app,
        )
        opened = sitbreak.cli("break-now")
        assert opened.returncode == 0, opened.stderr
        assert "stretch window" in opened.stdout.lower()
        window = stretch_window(display)
        status = sitbreak.running_status()
        assert status["state"] == "stretching"
        assert status["prompt"] is None
        assert dunst.displayed() == 0, "break-now shows no prompt"
        holds_for(
            lambda: sitbreak.running_status()["desk_seconds"] == status["desk_seconds"],
            duration=1.0,
            what="desk time standing still in the stretch window",
        )
        (shown,) = sitbreak.shown_exercises()
        assert shown.prompt_id is None
        assert shown.response is None
        title = display.window_name(window)
        assert title is not None
        assert shown.exercise_name in title

        display.press_keys(window, "Escape")
        _wait_gone(display, window, "Esc to close the stretch window")
        sitbreak.wait_for_status(
            lambda s: s["state"] != "stretching", timeout=5, what="the stretch to end"
        )
    (closed,) = sitbreak.shown_exercises()
    assert closed.response == "closed", "Esc closes without an answer"
    assert sitbreak.prompts() == []

    refused = sitbreak.cli("snooze", "abc")
    assert refused.returncode == 2
    assert "abc" in refused.stderr

    asked = time.time()
    paused = sitbreak.cli("pause", "30m")
    assert paused.returncode == 0, paused.stderr
    status = sitbreak.running_status()
    assert status["state"] == "paused"
    assert status["paused_until"] is not None
    until = datetime.fromisoformat(status["paused_until"]).timestamp()
    assert asked + 30 * 60 - 2 <= until <= time.time() + 30 * 60 + 2

    resumed = sitbreak.cli("resume")
    assert resumed.returncode == 0, resumed.stderr
    status = sitbreak.running_status()
    assert status["paused_until"] is None
    assert status["state"] != "paused"
    assert sitbreak.problems() == []
