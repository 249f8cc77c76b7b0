"""Without a notification server the prompt still reaches the user: Sitbreak's own toast
and the tray's attention state, and nothing fails on the way.

The test bus has no service directories, so nothing can start a notification server on
demand: the name ``org.freedesktop.Notifications`` stays unowned for the whole test.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.sitbreak_driver import (
    PROMPT_TIMINGS,
    Sitbreak,
    SitbreakProcess,
    publish_screenshot,
    stretch_window,
)
from tests.helpers.desktop import (
    NOTIFICATIONS_NAME,
    Desktop,
    DesktopOptions,
    InputGenerator,
    TrayHost,
    X11Display,
    wait_until,
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(90)]

TOAST_TITLE = "Sitbreak: time to stand up"
NEAR_THE_TRAY_PX = 48
"""The toast shows beside the tray icon (12 px from it), not in some far corner."""


def _toast(display: X11Display, app: SitbreakProcess) -> int:
    """The sitbreak window that shows the prompt: on screen, not docked in the tray."""
    docked = set(display.tray_windows_of_pid(app.pid))

    def shown() -> list[int]:
        app.ensure_running()
        return [
            window
            for window in display.windows_of_pid(app.pid)
            if window not in docked
            and display.is_viewable(window)
            and display.window_name(window) == TOAST_TITLE
        ]

    (toast,) = wait_until(shown, timeout=5, what="the toast on screen")
    return toast


def test_without_a_notification_server_the_toast_and_the_tray_show_the_prompt(
    make_desktop: Callable[[DesktopOptions], Desktop],
    make_sitbreak: Callable[[Desktop], Sitbreak],
    artifacts: Path,
) -> None:
    desktop = make_desktop(DesktopOptions(tray=TrayHost.XEMBED, notification_server=False))
    display = desktop.display
    with desktop.bus() as bus:
        assert not bus.name_has_owner(NOTIFICATIONS_NAME)
    sitbreak = make_sitbreak(desktop)
    sitbreak.write_settings(PROMPT_TIMINGS)
    app = sitbreak.start()
    sitbreak.wait_running(app)

    with InputGenerator(display) as typing:
        suggestion = sitbreak.running_status()["suggestion"]
        prompting = sitbreak.prompt_after_lull(typing, PROMPT_TIMINGS, process=app)
        assert prompting["prompt"] is not None  # the tray shows its attention state
        toast = _toast(display, app)
        publish_screenshot(display.photograph(toast, artifacts / "toast.png"), "toast.png")
        area = display.geometry(toast)
        assert area is not None
        assert display.screen_geometry().contains(area), "the toast is on the screen"
        (icon,) = display.tray_windows_of_pid(app.pid)
        icon_area = display.geometry(icon)
        assert icon_area is not None
        assert area.distance_to(icon_area) <= NEAR_THE_TRAY_PX, (
            f"the toast at {area} is far from the tray icon at {icon_area}"
        )

        # It is Sitbreak's prompt: a click on it opens the stretch window it names.
        display.click(area.x + area.width // 2, area.y + area.height // 3)
        window = stretch_window(display)
        title = display.window_name(window)
        assert title is not None
        assert title.startswith(f"Stretch: {suggestion['name']}")
        wait_until(lambda: not display.is_viewable(toast), timeout=5, what="the toast to go")
        assert sitbreak.running_status()["state"] == "stretching"
        display.press_keys(window, "Escape")
        wait_until(lambda: not display.is_viewable(window), timeout=5, what="Esc to close it")
    with desktop.bus() as bus:
        assert not bus.name_has_owner(NOTIFICATIONS_NAME), "no server was started meanwhile"
    assert sitbreak.problems() == []
