"""The charts on their own: words for durations, colours that read on light and dark
windows, a ribbon that follows the clock on a DST change day."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QColor, QImage, QPalette

from app.core.stats import DayReport, DayTotals, Span, SpanKind
from app.ui.charts import (
    MarkerShape,
    SeriesColours,
    TimelineRibbon,
    contrast_ratio,
    describe_duration,
)

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0, "0 min"),
        (20, "under 1 min"),
        (55 * 60, "55 min"),
        (3600, "1 h"),
        (2 * 3600 + 10 * 60 + 20, "2 h 10 min"),
        (59 * 60 + 40, "1 h"),
    ],
)
def test_durations_read_as_people_say_them(seconds, words):
    assert describe_duration(seconds) == words


@pytest.mark.parametrize("window", ["#ffffff", "#efefef", "#2b2b2b", "#1e1e1e", "#353535"])
def test_every_series_colour_stands_out_from_the_window(window):
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    colours = SeriesColours.for_palette(palette)
    for colour in colours.series():
        assert contrast_ratio(colour, QColor(window)) >= 3.0, (colour.name(), window)


def test_the_bout_bands_differ_in_lightness_too():
    """Green, amber and red must not rely on hue alone."""
    for window in ("#ffffff", "#2b2b2b"):
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Window, QColor(window))
        colours = SeriesColours.for_palette(palette)
        lightness = [c.lightness() for c in (colours.short, colours.medium, colours.long)]
        assert len(set(lightness)) == 3


def test_prompt_answers_get_distinct_shapes():
    shapes = {
        MarkerShape.of(response)
        for response in ("done", "natural_break", "snooze", "skip", "no_answer", None)
    }
    assert shapes == {
        MarkerShape.FOLLOWED,
        MarkerShape.SNOOZED,
        MarkerShape.SKIPPED,
        MarkerShape.OTHER,
    }
    assert MarkerShape.of("done") == MarkerShape.of("natural_break")


def spring_forward_day() -> DayReport:
    """29 March 2026 in Berlin: 02:00 becomes 03:00, a 23-hour day."""
    day = date(2026, 3, 29)
    start = datetime.combine(day, time(0), BERLIN)
    end = datetime.combine(day + timedelta(days=1), time(0), BERLIN)
    sitting_start = datetime.combine(day, time(1, 30), BERLIN)
    sitting_end = datetime.combine(day, time(3, 30), BERLIN)  # one real hour later
    return DayReport(
        day=day,
        start=start,
        end=end,
        totals=DayTotals(tracked_s=3600, desk_s=3600, bouts=1, longest_bout_s=3600),
        spans=(
            Span(start, sitting_start, SpanKind.NOT_TRACKED),
            Span(sitting_start, sitting_end, SpanKind.SITTING, 3600, 3600),
        ),
    )


def test_a_bout_across_the_dst_change_is_as_wide_as_its_real_hour(qtbot):
    ribbon = TimelineRibbon()
    qtbot.addWidget(ribbon)
    ribbon.resize(600, ribbon.sizeHint().height())
    ribbon.set_report(spring_forward_day())
    (bout,) = [area for area in ribbon.areas() if "sat" in area.text]
    assert bout.text == "01:30–03:30 · sat 1 h"
    first, last = ribbon.visible_range()
    assert last.timestamp() - first.timestamp() == 6 * 3600
    hour_px = (ribbon.width() - 2 * ribbon.SIDE_PX) / 6
    assert bout.rect.width() == pytest.approx(hour_px, abs=1.5)


def test_the_ribbon_is_drawn_in_logical_pixels_at_any_scale(qtbot):
    """At device pixel ratio 2 the picture has twice the pixels, not a stretched copy: the
    end of a bout goes from its colour to the background within one device pixel."""
    ribbon = TimelineRibbon()
    qtbot.addWidget(ribbon)
    ribbon.resize(600, ribbon.sizeHint().height())
    ribbon.set_report(spring_forward_day())
    image = QImage(1200, ribbon.height() * 2, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(2)
    image.fill(QColor("white"))
    ribbon.render(image)
    (bout,) = [area for area in ribbon.areas() if "sat" in area.text]
    y = round((ribbon._ribbon_top() + ribbon.RIBBON_PX / 2) * 2)
    colour = SeriesColours.for_palette(ribbon.palette()).medium
    assert QColor(image.pixel(round(bout.rect.center().x() * 2), y)) == colour
    edge = round((bout.rect.right() - 1) * 2)
    row = [QColor(image.pixel(x, y)) for x in range(edge - 6, edge + 6)]
    assert row[0] == colour
    background = ribbon.palette().color(QPalette.ColorRole.Window)
    assert row[-1] == background
    between = [pixel for pixel in row if pixel not in (colour, background)]
    assert len(between) <= 1
