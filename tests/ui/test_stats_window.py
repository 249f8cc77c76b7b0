"""The statistics window: navigation, tooltips with exact values, empty states, export."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from app.core.model import PromptResponse
from app.core.stats import (
    ActivityMark,
    DayReport,
    DayTotals,
    PeriodReport,
    PromptMark,
    Span,
    SpanKind,
)
from app.ui.charts import Chart
from app.ui.stats_controller import StatsController, period_of, step
from app.ui.stats_window import StatsWindow, View

TZ = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 3, 5)  # a Thursday


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), TZ)


def worked_day(day: date) -> DayReport:
    """08:00 on: a 55-minute bout from 10:12, a prompt snoozed, a walk."""
    midnight = at(day, 0)
    spans = (
        Span(midnight, at(day, 8), SpanKind.NOT_TRACKED),
        Span(at(day, 8), at(day, 8, 20), SpanKind.SITTING, 20 * 60, 20 * 60),
        Span(at(day, 8, 20), at(day, 10, 12), SpanKind.BREAK),
        Span(at(day, 10, 12), at(day, 11, 7), SpanKind.SITTING, 55 * 60, 55 * 60),
        Span(at(day, 11, 7), at(day, 12), SpanKind.BREAK),
    )
    totals = DayTotals(
        tracked_s=4 * 3600,
        desk_s=75 * 60,
        bouts=2,
        longest_bout_s=55 * 60,
        short_s=20 * 60,
        medium_s=55 * 60,
        stand_ups=2,
        prompts=1,
        prompts_followed=0,
        working_tracked_s=3 * 3600,
        up_and_about_s=2 * 3600 + 45 * 60,
        walk_s=20 * 60,
    )
    return DayReport(
        day=day,
        start=midnight,
        end=midnight + timedelta(days=1),
        totals=totals,
        spans=spans,
        prompts=(PromptMark(at(day, 10, 57), 45 * 60, PromptResponse.SNOOZE, reminders=1),),
        activities=(ActivityMark(at(day, 11, 10), at(day, 11, 30), "walk", "Walk"),),
    )


def empty_day(day: date) -> DayReport:
    midnight = at(day, 0)
    return DayReport(day, midnight, midnight + timedelta(days=1), DayTotals())


def week_report(first: date, last: date) -> PeriodReport:
    """Tuesday 3 March has known values; every other day is empty."""
    days = []
    day = first
    while day <= last:
        totals = DayTotals()
        if day == date(2026, 3, 3):
            totals = DayTotals(
                tracked_s=6 * 3600,
                desk_s=4 * 3600 + 10 * 60,
                bouts=7,
                longest_bout_s=72 * 60,
                short_s=2 * 3600 + 10 * 60,
                medium_s=65 * 60,
                long_s=55 * 60,
            )
        days.append((day, totals))
        day += timedelta(days=1)
    return PeriodReport(
        first, last, tuple(days), {date(2026, 3, 3): True}, {"glutes": 4, "hamstrings": 1}
    )


class Harness:
    """A window with its controller; what was loaded and exported is recorded."""

    def __init__(self, *, history: bool = True) -> None:
        self.history = history
        self.loaded_days: list[date] = []
        self.loaded_periods: list[tuple[date, date]] = []
        self.exports: list[tuple[Path, str, date, date]] = []
        self.chosen: tuple[Path, str] | None = None
        self.export_error: Exception | None = None
        self.window = StatsWindow()
        self.controller = StatsController(
            self.window,
            load_day=self._load_day,
            load_period=self._load_period,
            today=lambda: TODAY,
            export=self._export,
            choose_file=lambda _parent, _name: self.chosen,
        )

    def _load_day(self, day: date) -> DayReport:
        self.loaded_days.append(day)
        return worked_day(day) if self.history else empty_day(day)

    def _load_period(self, first: date, last: date) -> PeriodReport:
        self.loaded_periods.append((first, last))
        report = week_report(first, last)
        if not self.history:
            report = PeriodReport(first, last, tuple((d, DayTotals()) for d, _ in report.days))
        return report

    def _export(self, path: Path, fmt: str, first: date, last: date) -> None:
        if self.export_error is not None:
            raise self.export_error
        self.exports.append((path, fmt, first, last))


@pytest.fixture
def harness(qtbot):
    made = Harness()
    qtbot.addWidget(made.window)
    made.controller.open()
    qtbot.waitExposed(made.window)
    return made


def tooltip_at(qtbot, chart: Chart, pos: QPointF) -> str:
    """Move the mouse there and ask for the tooltip, as Qt does after the hover delay."""
    point = pos.toPoint()
    qtbot.mouseMove(chart, point)
    event = QHelpEvent(QEvent.Type.ToolTip, point, chart.mapToGlobal(point))
    QApplication.sendEvent(chart, event)
    qtbot.waitUntil(QToolTip.isVisible)
    return QToolTip.text()


def centre_of(chart: Chart, starting: str) -> QPointF:
    (area,) = [area for area in chart.areas() if area.text.startswith(starting)]
    return area.rect.center()


# --------------------------------------------------------------------------- navigation
def test_it_opens_on_today_and_cannot_go_further(qtbot, harness):
    w = harness.window
    assert harness.loaded_days == [TODAY]
    assert w.date_label.text() == "Today, Thursday 5 March 2026"
    assert not w.next_button.isEnabled()
    assert not w.today_button.isEnabled()
    harness.controller.show_next()
    assert harness.loaded_days == [TODAY]


def test_previous_and_next_change_the_label_and_the_day_loaded(qtbot, harness):
    w = harness.window
    qtbot.mouseClick(w.previous_button, Qt.MouseButton.LeftButton)
    assert w.date_label.text() == "Yesterday, Wednesday 4 March 2026"
    qtbot.mouseClick(w.previous_button, Qt.MouseButton.LeftButton)
    assert w.date_label.text() == "Tuesday 3 March 2026"
    assert w.next_button.isEnabled()
    assert w.today_button.isEnabled()
    qtbot.mouseClick(w.next_button, Qt.MouseButton.LeftButton)
    assert harness.loaded_days == [TODAY, date(2026, 3, 4), date(2026, 3, 3), date(2026, 3, 4)]
    qtbot.mouseClick(w.today_button, Qt.MouseButton.LeftButton)
    assert harness.loaded_days[-1] == TODAY
    assert w.date_label.text().startswith("Today")


def test_alt_left_and_alt_right_move_between_days(qtbot, harness):
    w = harness.window
    w.activateWindow()
    w.setFocus()
    qtbot.keyClick(w, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert harness.loaded_days[-1] == date(2026, 3, 4)
    qtbot.keyClick(w, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert harness.loaded_days[-1] == TODAY


def test_the_week_tab_loads_monday_to_sunday_and_steps_by_weeks(qtbot, harness):
    w = harness.window
    w.tabs.setCurrentIndex(1)
    assert harness.loaded_periods == [(date(2026, 3, 2), date(2026, 3, 8))]
    assert w.date_label.text() == "Week of 2 Mar – 8 Mar 2026"
    assert not w.next_button.isEnabled()  # this week holds today
    qtbot.mouseClick(w.previous_button, Qt.MouseButton.LeftButton)
    assert harness.loaded_periods[-1] == (date(2026, 2, 23), date(2026, 3, 1))
    assert w.next_button.isEnabled()


def test_the_month_tab_steps_by_calendar_months(qtbot, harness):
    w = harness.window
    w.tabs.setCurrentIndex(2)
    assert harness.loaded_periods == [(date(2026, 3, 1), date(2026, 3, 31))]
    assert w.date_label.text() == "March 2026"
    qtbot.mouseClick(w.previous_button, Qt.MouseButton.LeftButton)
    assert harness.loaded_periods[-1] == (date(2026, 2, 1), date(2026, 2, 28))
    assert w.date_label.text() == "February 2026"


@pytest.mark.parametrize(
    ("view", "day", "direction", "expected"),
    [
        (View.MONTH, date(2026, 3, 31), -1, date(2026, 2, 28)),
        (View.MONTH, date(2026, 1, 15), -1, date(2025, 12, 15)),
        (View.MONTH, date(2025, 12, 15), +1, date(2026, 1, 15)),
        (View.WEEK, date(2026, 3, 5), -1, date(2026, 2, 26)),
        (View.DAY, date(2026, 3, 1), -1, date(2026, 2, 28)),
    ],
)
def test_steps_land_on_the_right_day(view, day, direction, expected):
    assert step(view, day, direction) == expected


def test_a_week_runs_monday_to_sunday_even_across_a_year():
    assert period_of(View.WEEK, date(2026, 1, 1)) == (date(2025, 12, 29), date(2026, 1, 4))


# --------------------------------------------------------------------------- tooltips
def test_hovering_a_bout_tells_its_exact_times_and_length(qtbot, harness):
    ribbon = harness.window.day_page.ribbon
    text = tooltip_at(qtbot, ribbon, centre_of(ribbon, "10:12"))
    assert text == "10:12–11:07 · sat 55 min"


def test_hovering_a_prompt_tells_what_became_of_it(qtbot, harness):
    ribbon = harness.window.day_page.ribbon
    text = tooltip_at(qtbot, ribbon, centre_of(ribbon, "10:57"))
    assert text == "10:57 · prompt after 45 min sitting · snoozed, reminded once"


def test_time_before_sitbreak_ran_is_not_tracked_never_a_break(qtbot, harness):
    ribbon = harness.window.day_page.ribbon
    texts = [area.text for area in ribbon.areas()]
    assert "00:00–08:00 · not tracked: Sitbreak was not running" not in texts  # off-screen
    assert "08:20–10:12 · away from the desk 1 h 52 min" in texts
    assert "11:10–11:30 · Walk, 20 min" in texts


def test_hovering_a_bar_tells_the_exact_hours_per_band(qtbot, harness):
    harness.window.tabs.setCurrentIndex(1)
    bars = harness.window.week_page.bars
    qtbot.waitExposed(bars)
    text = tooltip_at(qtbot, bars, centre_of(bars, "Tue 3 Mar: desk"))
    assert text.splitlines() == [
        "Tue 3 Mar: desk 4 h 10 min",
        "2 h 10 min under 30 min",
        "1 h 5 min 30–60 min",
        "55 min over 60 min",
        "7 bouts, longest 1 h 12 min",
    ]


def test_the_goals_row_and_the_muscle_list_explain_themselves(qtbot, harness):
    harness.window.tabs.setCurrentIndex(1)
    page = harness.window.week_page
    qtbot.waitExposed(page.bars)
    goals = [area.text for area in page.bars.areas() if "goals" in area.text]
    assert goals[:3] == [
        "Mon 2 Mar: daily goals not recorded",
        "Tue 3 Mar: daily goals met",
        "Wed 4 Mar: daily goals not recorded",
    ]
    muscles = [area.text for area in page.muscles.areas()]
    assert muscles[:3] == [
        "Glutes: 4 exercises",
        "Hamstrings: 1 exercise",
        "Calves and ankles: no exercise",
    ]


def test_moving_off_every_item_hides_the_tooltip(qtbot, harness):
    ribbon = harness.window.day_page.ribbon
    tooltip_at(qtbot, ribbon, centre_of(ribbon, "10:12"))
    nowhere = QPoint(2, ribbon.height() - 1)
    QApplication.sendEvent(
        ribbon, QHelpEvent(QEvent.Type.ToolTip, nowhere, ribbon.mapToGlobal(nowhere))
    )
    qtbot.waitUntil(lambda: not QToolTip.isVisible())


def test_the_keyboard_walks_through_the_items_of_a_chart(qtbot, harness):
    ribbon = harness.window.day_page.ribbon
    ribbon.setFocus()
    qtbot.keyClick(ribbon, Qt.Key.Key_Right)
    first = ribbon.areas()[0].text
    assert ribbon.accessibleDescription() == first
    qtbot.keyClick(ribbon, Qt.Key.Key_End)
    assert ribbon.accessibleDescription() == ribbon.areas()[-1].text


# --------------------------------------------------------------------------- the figures
def test_the_day_figures_and_the_guideline(harness):
    page = harness.window.day_page
    assert page.values["desk"].text() == "1 h 15 min"
    assert page.values["bouts"].text() == "2"
    assert page.values["longest"].text() == "55 min"
    assert page.values["stand_ups"].text() == "1.6"
    assert page.values["prompts"].text() == "0 of 1"
    assert page.up_value.text().startswith("2 h 45 min: past 2 h, on the way to 4 h")
    assert "Buckley et al." in page.up_hint.text()
    assert (page.up_bar.value(), page.up_bar.maximum()) == (165, 240)


# --------------------------------------------------------------------------- empty states
@pytest.fixture
def no_history(qtbot):
    made = Harness(history=False)
    qtbot.addWidget(made.window)
    made.controller.open()
    return made


def test_an_empty_today_says_statistics_fill_in_as_you_work(no_history):
    page = no_history.window.day_page
    assert page.is_showing_empty()
    assert page.empty_label.text() == "Nothing tracked yet today: statistics fill in as you work."


def test_an_empty_past_day_says_sitbreak_was_not_running(qtbot, no_history):
    qtbot.mouseClick(no_history.window.previous_button, Qt.MouseButton.LeftButton)
    assert no_history.window.day_page.empty_label.text() == "Sitbreak was not running on this day."


def test_an_empty_week_says_there_is_no_history_yet(qtbot, no_history):
    w = no_history.window
    w.tabs.setCurrentIndex(1)
    assert w.week_page.is_showing_empty()
    assert w.week_page.empty_label.text() == "No history yet: statistics fill in as you work."
    qtbot.mouseClick(w.previous_button, Qt.MouseButton.LeftButton)
    assert w.week_page.empty_label.text() == "Sitbreak was not running in this week."


def test_a_log_that_cannot_be_read_is_explained_not_raised(qtbot):
    def broken(_day: date) -> DayReport:
        raise OSError("database is locked")

    window = StatsWindow()
    qtbot.addWidget(window)
    controller = StatsController(
        window,
        load_day=broken,
        load_period=week_report,
        today=lambda: TODAY,
        export=lambda *_: None,
    )
    controller.open()
    assert window.day_page.empty_label.text() == (
        "The statistics could not be read: database is locked"
    )


# --------------------------------------------------------------------------- export
def test_export_hands_the_chosen_file_and_format_with_the_days_shown(qtbot, harness, tmp_path):
    w = harness.window
    w.tabs.setCurrentIndex(1)
    qtbot.mouseClick(w.previous_button, Qt.MouseButton.LeftButton)
    harness.chosen = (tmp_path / "week.json", "json")
    qtbot.mouseClick(w.export_button, Qt.MouseButton.LeftButton)
    assert harness.exports == [
        (tmp_path / "week.json", "json", date(2026, 2, 23), date(2026, 3, 1))
    ]
    assert w.message.text() == f"Exported to {tmp_path / 'week.json'}"


def test_export_of_the_current_week_stops_at_today(qtbot, harness, tmp_path):
    harness.window.tabs.setCurrentIndex(1)
    harness.chosen = (tmp_path / "week.csv", "csv")
    qtbot.mouseClick(harness.window.export_button, Qt.MouseButton.LeftButton)
    assert harness.exports == [(tmp_path / "week.csv", "csv", date(2026, 3, 2), TODAY)]


def test_cancelling_the_file_chooser_exports_nothing(qtbot, harness):
    harness.chosen = None
    qtbot.mouseClick(harness.window.export_button, Qt.MouseButton.LeftButton)
    assert harness.exports == []
    assert harness.window.message.isHidden()


def test_a_failed_export_says_why(qtbot, harness, tmp_path):
    harness.chosen = (tmp_path / "day.csv", "csv")
    harness.export_error = PermissionError("Permission denied: 'day.csv'")
    qtbot.mouseClick(harness.window.export_button, Qt.MouseButton.LeftButton)
    assert harness.window.message.text() == "Not exported: Permission denied: 'day.csv'"
