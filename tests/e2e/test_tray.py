"""The tray icon a user sees, with a real XEmbed tray (trayer) and a real
StatusNotifierItem host (status-notifier-watcher), driven by real input."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.sitbreak_driver import REPO_ROOT, Sitbreak, SitbreakProcess, Timings
from tests.helpers.desktop import (
    SNI_WATCHER_NAME,
    SYSTEM_TRAY_SELECTION,
    Desktop,
    DesktopOptions,
    InputGenerator,
    SessionBus,
    TrayHost,
    WindowGeometry,
    colour_count,
    differing_pixel_fraction,
    save_enlarged_crop,
    wait_until,
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(150)]

DOCKED_WITHIN_S = 10.0
"""The acceptance bound: the icon is in the tray this soon after the start."""

VISIBLY_DIFFERENT = 0.02
"""Share of the icon's pixels that must change for a state to count as shown."""

MIN_ICON_COLOURS = 3
"""A painted icon has at least a background, a shape and its edge."""

SNI_ITEM_INTERFACE = "org.kde.StatusNotifierItem"
SNI_DEFAULT_PATH = "/StatusNotifierItem"

XEMBED_TIMINGS = Timings(away_after_s=10)
"""The chair counts as empty only after 10 s, well past a lull (2 s) and the pause while
the tooltip is photographed; everything else is the short default."""


def _docked_icon(desktop: Desktop, app: SitbreakProcess) -> int:
    def docked() -> int | None:
        app.ensure_running()
        windows = desktop.display.tray_windows_of_pid(app.pid)
        return windows[0] if windows else None

    return wait_until(docked, timeout=DOCKED_WITHIN_S, what="the icon docked in trayer")


def _grab_differing_from(desktop: Desktop, icon: int, path: Path, others: dict[str, Path]) -> Path:
    """Grab the icon until it differs visibly from every image in ``others``.

    The icon is repainted when the app next samples, so the first grab may be stale.
    """

    def grab() -> Path | None:
        desktop.display.grab_window_png(icon, path)
        differing = all(
            differing_pixel_fraction(path, other) >= VISIBLY_DIFFERENT for other in others.values()
        )
        return path if differing else None

    return wait_until(
        grab, timeout=8, what=f"{path.name} to differ from {', '.join(others)}", interval=0.25
    )


def _grab_painted(desktop: Desktop, icon: int, path: Path) -> Path:
    """Grab the icon once it shows a picture (a just-docked window may still be blank)."""

    def grab() -> Path | None:
        desktop.display.grab_window_png(icon, path)
        return path if colour_count(path) >= MIN_ICON_COLOURS else None

    return wait_until(grab, timeout=5, what=f"{path.name} to show a painted icon", interval=0.2)


def test_icon_docks_in_xembed_tray_and_shows_desk_time_pause_and_prompt(
    make_desktop: Callable[[DesktopOptions], Desktop],
    make_sitbreak: Callable[[Desktop], Sitbreak],
    artifacts: Path,
) -> None:
    desktop = make_desktop(DesktopOptions(tray=TrayHost.XEMBED))
    sitbreak = make_sitbreak(desktop)
    sitbreak.write_settings(XEMBED_TIMINGS)
    icons = artifacts / "icons"

    # Paused (state left by "Pause ▸ Until resumed" in an earlier run).
    sitbreak.write_indefinite_pause()
    first_run = sitbreak.start()
    icon = _docked_icon(desktop, first_run)
    status = sitbreak.wait_for_status(
        lambda s: s["state"] == "paused", timeout=10, what="state paused", process=first_run
    )
    assert status["backends"]["tray"] == "xembed"
    assert status["paused_indefinitely"] is True
    paused = _grab_painted(desktop, icon, icons / "paused.png")
    desktop.display.screenshot(artifacts / "1-paused.png")
    assert sitbreak.cli("quit").returncode == 0
    assert first_run.wait(timeout=5) == 0

    # Not paused any more: desk time 0 once the chair has been empty for the away time.
    (sitbreak.basedir / "config" / "state.toml").unlink()
    app = sitbreak.start()
    icon = _docked_icon(desktop, app)
    sitbreak.wait_for_status(
        lambda s: s["state"] == "away" and s["desk_seconds"] == 0,
        timeout=XEMBED_TIMINGS.away_after_s + 5,
        what="desk time 0 (away)",
        process=app,
    )
    zero = _grab_differing_from(desktop, icon, icons / "desk-0.png", {"paused": paused})

    with InputGenerator(desktop.display) as typing:
        half = XEMBED_TIMINGS.window_start_s / 2
        sitbreak.wait_for_status(
            lambda s: s["desk_seconds"] >= half, timeout=half + 8, what=f"{half:g} s of desk time"
        )
        half_icon = _grab_differing_from(
            desktop, icon, icons / "desk-half.png", {"desk 0": zero, "paused": paused}
        )
        assert sitbreak.running_status()["state"] == "sitting", "grabbed before the window"
        desktop.display.screenshot(artifacts / "2-half.png")
        typing.stop()  # the pointer rests on the icon (well inside the away time)
        _photograph_tooltip(desktop, app, icon, artifacts)
        typing.start()

        sitbreak.wait_for_status(
            lambda s: s["state"] == "window",
            timeout=XEMBED_TIMINGS.window_start_s + 5,
            what="the prompt window to open",
        )
        # A lull inside the window, then work goes on: the prompt shows and waits.
        typing.rest(XEMBED_TIMINGS.lull_s + 1)
        sitbreak.wait_for_status(
            lambda s: s["state"] == "prompting", timeout=5, what="a prompt after a lull"
        )
        _grab_differing_from(
            desktop,
            icon,
            icons / "prompting.png",
            {"desk 0": zero, "desk half": half_icon, "paused": paused},
        )
        assert sitbreak.running_status()["state"] == "prompting"
        desktop.display.screenshot(artifacts / "3-prompting.png")
    assert sitbreak.cli("quit").returncode == 0
    assert app.wait(timeout=5) == 0


def _photograph_tooltip(desktop: Desktop, app: SitbreakProcess, icon: int, artifacts: Path) -> None:
    """Hover the icon until its tooltip shows; keep a picture of both.

    With SITBREAK_SCREENSHOTS=1 the picture also replaces the README's screenshot.
    """
    display = desktop.display
    shown_before = {w for w in display.windows_of_pid(app.pid) if display.is_viewable(w)}
    icon_area = display.geometry(icon)
    assert icon_area is not None
    display.move_pointer(icon_area.x + icon_area.width // 2, icon_area.y + icon_area.height // 2)

    def tooltip() -> WindowGeometry | None:
        new = [w for w in display.windows_of_pid(app.pid) if w not in shown_before]
        shown = [w for w in new if display.is_viewable(w)]
        return display.geometry(shown[0]) if shown else None

    tip = wait_until(tooltip, timeout=5, what="the tooltip while hovering the icon")
    screen = display.screenshot(artifacts / "tooltip.png")
    margin = 16
    left = max(0, min(tip.x, icon_area.x) - margin)
    right = max(tip.x + tip.width, icon_area.x + icon_area.width) + margin
    bottom = max(tip.y + tip.height, icon_area.y + icon_area.height) + margin
    area = WindowGeometry(left, 0, right - left, bottom)
    crop = save_enlarged_crop(screen, artifacts / "tray-xembed.png", area, scale=2)
    if os.environ.get("SITBREAK_SCREENSHOTS") == "1":
        target = REPO_ROOT / "docs" / "screenshots" / "tray-xembed.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(crop, target)


# ------------------------------------------------------------------------------ SNI
def _item_address(item: str) -> tuple[str, str]:
    """A registered item is ``service`` or ``service/path`` (watchers differ)."""
    service, slash, path = item.partition("/")
    return service, f"/{path}" if slash else SNI_DEFAULT_PATH


def _tooltip_text(bus: SessionBus, service: str, path: str) -> str:
    value = bus.get_property(service, path, SNI_ITEM_INTERFACE, "ToolTip")
    assert isinstance(value, tuple), f"ToolTip is (icon, pixmaps, title, text), got {value!r}"
    _icon_name, _pixmaps, title, text = value
    return f"{title}\n{text}".strip()


def test_status_notifier_item_registers_and_its_tooltip_follows_desk_time(
    make_desktop: Callable[[DesktopOptions], Desktop],
    make_sitbreak: Callable[[Desktop], Sitbreak],
    artifacts: Path,
) -> None:
    desktop = make_desktop(DesktopOptions(tray=TrayHost.STATUS_NOTIFIER))
    sitbreak = make_sitbreak(desktop)
    timings = Timings()
    sitbreak.write_settings(timings)
    app = sitbreak.start()

    with desktop.bus() as bus:

        def registered() -> list[str]:
            app.ensure_running()
            return bus.registered_status_notifier_items()

        items = wait_until(
            registered, timeout=DOCKED_WITHIN_S, what=f"an item in {SNI_WATCHER_NAME}"
        )
        assert len(items) == 1
        service, path = _item_address(items[0])
        assert bus.owner_pid(service) == app.pid, "the item belongs to the sitbreak process"
        assert desktop.display.selection_owner(SYSTEM_TRAY_SELECTION) == 0

        status = sitbreak.wait_for_status(
            lambda s: s["state"] == "away",
            timeout=timings.away_after_s + 5,
            what="nobody at the desk yet",
            process=app,
        )
        assert status["backends"]["tray"] == "dbus"
        empty_chair = wait_until(
            lambda: _tooltip_text(bus, service, path), timeout=5, what="a tooltip while away"
        )

        with InputGenerator(desktop.display):
            sitbreak.wait_for_status(
                lambda s: s["state"] == "sitting" and s["desk_seconds"] >= 2,
                timeout=10,
                what="two seconds of desk time",
            )
            sitting = wait_until(
                lambda: (text := _tooltip_text(bus, service, path)) != empty_chair and text,
                timeout=8,
                what=f"the tooltip to change from {empty_chair!r}",
            )
        desktop.display.screenshot(artifacts / "sni-sitting.png")
    assert sitting
    assert sitbreak.cli("quit").returncode == 0
    assert app.wait(timeout=5) == 0
