"""The painted tray icon: each state looks different, and it repaints only on visible change."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QColor, QImage, QPainter

from app.core.model import Phase
from app.ui.tray_icon import (
    FILL_STEPS,
    ICON_SIZES,
    icon_signature,
    paint_signature,
    paint_tray_icon,
    tray_qicon,
)
from tests.ui.snapshots import WINDOW_START_S, paused, snapshot

STATES = {
    "desk 0": snapshot(Phase.SITTING, 0),
    "half the window start": snapshot(Phase.SITTING, WINDOW_START_S / 2),
    "in the window": snapshot(Phase.WINDOW, 46 * 60),
    "prompt waiting": snapshot(Phase.PROMPTING, 47 * 60),
    "snoozed": snapshot(Phase.SNOOZED, 50 * 60),
    "paused": paused(),
    "quiet": snapshot(Phase.QUIET, 20 * 60),
    "away": snapshot(Phase.AWAY),
}


def rgba(image: QImage, x: int, y: int) -> tuple[int, int, int, int]:
    color = image.pixelColor(x, y)
    return color.red(), color.green(), color.blue(), color.alpha()


def differing_pixels(a: QImage, b: QImage, tolerance: int = 48) -> int:
    """Pixels whose colour or opacity differ by more than ``tolerance`` in some channel."""
    assert a.size() == b.size()
    count = 0
    for y in range(a.height()):
        for x in range(a.width()):
            if (
                max(abs(u - v) for u, v in zip(rgba(a, x, y), rgba(b, x, y), strict=True))
                > tolerance
            ):
                count += 1
    return count


def on_background(icon: QImage, background: str) -> QImage:
    canvas = QImage(icon.size(), QImage.Format.Format_ARGB32_Premultiplied)
    canvas.fill(QColor(background))
    painter = QPainter(canvas)
    painter.drawImage(QPoint(0, 0), icon)
    painter.end()
    return canvas


@pytest.mark.parametrize("size", [16, 22, 32])
@pytest.mark.parametrize(("first", "second"), list(itertools.combinations(STATES, 2)))
def test_every_state_looks_clearly_different(qapp, size, first, second):
    a = paint_tray_icon(STATES[first], size)
    b = paint_tray_icon(STATES[second], size)
    if {first, second} == {"desk 0", "away"}:
        # A running clock shows its first step; an empty chair shows none.
        assert differing_pixels(a, b) >= 1
    else:
        assert differing_pixels(a, b) > 0.10 * size * size


def test_the_ring_fills_as_desk_time_grows(qapp):
    quarter = paint_tray_icon(snapshot(Phase.SITTING, WINDOW_START_S / 4), 32)
    half = paint_tray_icon(snapshot(Phase.SITTING, WINDOW_START_S / 2), 32)
    three_quarters = paint_tray_icon(snapshot(Phase.SITTING, WINDOW_START_S * 3 / 4), 32)
    empty = paint_tray_icon(snapshot(Phase.SITTING, 0), 32)
    assert (
        differing_pixels(empty, quarter)
        < differing_pixels(empty, half)
        < differing_pixels(empty, three_quarters)
    )


@pytest.mark.parametrize("name", list(STATES))
@pytest.mark.parametrize("background", ["#ffffff", "#eeeeee", "#2b2b2b", "#000000"])
def test_readable_on_light_and_dark_panels(qapp, name, background):
    icon = paint_tray_icon(STATES[name], 22)
    blank = on_background(QImage(icon), background)
    blank.fill(QColor(background))
    visible = differing_pixels(on_background(icon, background), blank, tolerance=60)
    assert visible > 0.25 * 22 * 22


def test_high_dpi_icons_are_painted_sharp_not_scaled_up(qapp):
    hidpi = paint_tray_icon(STATES["half the window start"], 22, device_pixel_ratio=2.0)
    assert hidpi.size() == QSize(44, 44)
    assert hidpi.devicePixelRatio() == 2.0
    native = paint_tray_icon(STATES["half the window start"], 44)
    upscaled = paint_tray_icon(STATES["half the window start"], 22).scaled(44, 44)
    assert differing_pixels(hidpi, native) < differing_pixels(upscaled, native)


def test_the_tray_gets_every_size(qapp):
    icon = tray_qicon(STATES["paused"])
    assert {s.width() for s in icon.availableSizes()} == set(ICON_SIZES)


@pytest.mark.parametrize(("size", "ratio"), [(4, 1.0), (22, 0.0), (22, float("nan"))])
def test_impossible_sizes_are_refused_with_the_reason(qapp, size, ratio):
    with pytest.raises(ValueError, match=r"size|device_pixel_ratio"):
        paint_tray_icon(STATES["away"], size, ratio)


# --------------------------------------------------------------------- signatures
def test_one_second_at_twenty_minutes_changes_nothing():
    at_20 = snapshot(Phase.SITTING, 20 * 60)
    assert icon_signature(at_20) == icon_signature(snapshot(Phase.SITTING, 20 * 60 + 1))


@pytest.mark.parametrize("step", [2, 10, 24, 47])
def test_the_signature_changes_at_each_visible_step(step):
    boundary = WINDOW_START_S * step / FILL_STEPS
    before = icon_signature(snapshot(Phase.SITTING, boundary - 1))
    after = icon_signature(snapshot(Phase.SITTING, boundary + 1))
    assert before != after


def test_a_whole_window_of_sitting_repaints_about_once_a_minute_not_every_sample():
    signatures = {icon_signature(snapshot(Phase.SITTING, s)) for s in range(WINDOW_START_S)}
    # Steps 1..47: the first step shows from the first second (a running clock), and the
    # full ring belongs to the window.
    assert len(signatures) == FILL_STEPS - 1


def test_a_running_clock_shows_its_first_step_at_once():
    assert icon_signature(snapshot(Phase.SITTING, 0)).fill_steps == 1
    assert icon_signature(snapshot(Phase.SITTING, 0)) == icon_signature(
        snapshot(Phase.SITTING, WINDOW_START_S / FILL_STEPS * 1.5)
    )


def test_equal_signatures_paint_identical_pictures(qapp):
    a = snapshot(Phase.SITTING, 20 * 60, estimated=True)
    b = snapshot(Phase.SITTING, 20 * 60 + 30)
    assert icon_signature(a) == icon_signature(b)
    assert paint_tray_icon(a, 32) == paint_tray_icon(b, 32)


def test_the_fill_stops_at_full_when_sitting_runs_past_the_window():
    long_pause = paused(desk_s=3 * WINDOW_START_S)
    assert icon_signature(long_pause).fill_steps == FILL_STEPS


def test_states_without_a_fill_ignore_desk_time():
    assert icon_signature(snapshot(Phase.WINDOW, 46 * 60)) == icon_signature(
        snapshot(Phase.WINDOW, 58 * 60)
    )


def test_the_icon_style_changes_the_edge_for_light_and_dark_panels():
    """The tray icon style setting: a dark edge for light panels, a light one for dark."""
    sitting = snapshot(Phase.SITTING, desk_s=20 * 60)
    images = {
        style: paint_signature(icon_signature(sitting, style), 32)
        for style in ("auto", "light", "dark")
    }
    assert len({bytes(image.bits()) for image in images.values()}) == 3
    # The left edge of the ring, on the outline, halfway down.
    column = next(x for x in range(16) if images["dark"].pixelColor(x, 16).alpha() > 128)
    on_dark = images["dark"].pixelColor(column, 16).lightness()
    on_light = images["light"].pixelColor(column, 16).lightness()
    assert on_dark > on_light + 100


def test_an_unknown_icon_style_is_refused_by_name():
    with pytest.raises(ValueError, match="'neon'"):
        icon_signature(snapshot(Phase.SITTING, desk_s=60), "neon")
