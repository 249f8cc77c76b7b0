"""The statistics window: Today, Week and Month, with navigation and Export….

A view only: it lays out the charts, shows the reports it is given and reports what the
user pressed. :class:`~app.ui.stats_controller.StatsController` decides which day or
period to show, loads it and exports. Colours come from the palette; the charts pick
their series colours for light or dark themes themselves.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.core.stats import (
    UP_AND_ABOUT_FIRST_GOAL_S,
    UP_AND_ABOUT_FULL_GOAL_S,
    DayReport,
    DayTotals,
    PeriodReport,
)
from app.ui.charts import (
    BoutTrend,
    DailyBars,
    Legend,
    MuscleAttention,
    SeriesColours,
    TimelineRibbon,
    day_legend,
    describe_duration,
    period_legend,
)
from app.ui.stretch_window import plain_label, scaled_font

translate = QCoreApplication.translate


class View(StrEnum):
    """The three tabs, in order."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"


def _hint(text: str = "") -> QLabel:
    label = plain_label(text)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def _heading(text: str) -> QLabel:
    label = plain_label(text, wrap=False)
    label.setFont(scaled_font(label.font(), 1.1, bold=True))
    return label


def _empty_label() -> QLabel:
    label = plain_label()
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setFont(scaled_font(label.font(), 1.15))
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setMinimumHeight(160)
    return label


def _scrolled(widget: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(widget)
    return scroll


class EmptyOrContent(QStackedWidget):
    """A page that either explains why there is nothing to show, or shows it."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.empty_label = _empty_label()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.addStretch(1)
        column.addWidget(self.empty_label)
        column.addStretch(2)
        self.addWidget(holder)
        self.addWidget(_scrolled(content))

    def show_empty(self, text: str) -> None:
        self.empty_label.setText(text)
        self.setCurrentIndex(0)

    def show_content(self) -> None:
        self.setCurrentIndex(1)

    def is_showing_empty(self) -> bool:
        return self.currentIndex() == 0


class DayPage(EmptyOrContent):
    """The ribbon, its legend, and the day's figures under it."""

    def __init__(self) -> None:
        content = QWidget()
        super().__init__(content)
        self.ribbon = TimelineRibbon()
        self.legend = Legend()
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        rows = (
            ("desk", translate("StatsWindow", "Desk time")),
            ("bouts", translate("StatsWindow", "Sitting bouts")),
            ("longest", translate("StatsWindow", "Longest bout")),
            ("stand_ups", translate("StatsWindow", "Stand-ups per hour")),
            ("prompts", translate("StatsWindow", "Prompts followed")),
            ("moved", translate("StatsWindow", "Walked and stretched")),
        )
        for index, (key, title) in enumerate(rows):
            caption = _hint(title)
            value = plain_label(wrap=False)
            value.setFont(scaled_font(value.font(), 1.2, bold=True))
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            cell = QVBoxLayout()
            cell.setSpacing(0)
            cell.addWidget(caption)
            cell.addWidget(value)
            grid.addLayout(cell, index // 3, index % 3)
        for grid_column in range(3):
            grid.setColumnStretch(grid_column, 1)

        self.up_title = _heading(translate("StatsWindow", "Up and about during working hours"))
        self.up_value = plain_label()
        self.up_bar = QProgressBar()
        self.up_bar.setTextVisible(False)
        self.up_bar.setMaximumHeight(10)
        self.up_hint = _hint(
            translate(
                "StatsWindow",
                "Guideline for desk workers: build up to 2 h a day of standing and light "
                "activity during working hours, then 4 h (Buckley et al., “The sedentary "
                "office”, Br J Sports Med 2015). Breaks, walks and exercises count.",
            )
        )

        column = QVBoxLayout(content)
        column.addWidget(self.ribbon)
        column.addWidget(self.legend)
        column.addSpacing(10)
        column.addLayout(grid)
        column.addSpacing(12)
        column.addWidget(self.up_title)
        column.addWidget(self.up_value)
        column.addWidget(self.up_bar)
        column.addWidget(self.up_hint)
        column.addStretch(1)

    def show_report(self, report: DayReport) -> None:
        self.ribbon.set_report(report)
        self.legend.set_entries(day_legend(SeriesColours.for_palette(self.palette())))
        totals = report.totals
        self.values["desk"].setText(describe_duration(totals.desk_s))
        self.values["bouts"].setText(str(totals.bouts))
        self.values["longest"].setText(describe_duration(totals.longest_bout_s))
        self.values["stand_ups"].setText(f"{totals.stand_ups_per_hour:.1f}")
        self.values["prompts"].setText(
            translate("StatsWindow", "%1 of %2")
            .replace("%1", str(totals.prompts_followed))
            .replace("%2", str(totals.prompts))
            if totals.prompts
            else translate("StatsWindow", "no prompt")
        )
        self.values["moved"].setText(
            translate("StatsWindow", "%1 · %2")
            .replace("%1", describe_duration(totals.walk_s))
            .replace("%2", describe_duration(totals.stretch_s))
        )
        self._show_up_and_about(totals)
        self.show_content()

    def _show_up_and_about(self, totals: DayTotals) -> None:
        if totals.working_tracked_s <= 0:
            self.up_value.setText(translate("StatsWindow", "No tracked working hours on this day."))
            self.up_bar.setRange(0, 1)
            self.up_bar.setValue(0)
            return
        up = totals.up_and_about_s
        goal = (
            UP_AND_ABOUT_FIRST_GOAL_S
            if up < UP_AND_ABOUT_FIRST_GOAL_S
            else (UP_AND_ABOUT_FULL_GOAL_S)
        )
        if up < UP_AND_ABOUT_FIRST_GOAL_S:
            text = translate("StatsWindow", "%1 of the first 2 h")
        elif up < UP_AND_ABOUT_FULL_GOAL_S:
            text = translate("StatsWindow", "%1: past 2 h, on the way to 4 h")
        else:
            text = translate("StatsWindow", "%1: the full 4 h")
        share = translate("StatsWindow", " (%1% of %2 tracked working time)")
        percent = round(100 * up / totals.working_tracked_s)
        self.up_value.setText(
            text.replace("%1", describe_duration(up))
            + share.replace("%1", str(percent)).replace(
                "%2", describe_duration(totals.working_tracked_s)
            )
        )
        self.up_bar.setRange(0, goal // 60)
        self.up_bar.setValue(min(round(up / 60), goal // 60))


class PeriodPage(EmptyOrContent):
    """A week or a month: stacked bars with the goals row, the bout trend, muscles."""

    def __init__(self, view: View) -> None:
        content = QWidget()
        super().__init__(content)
        self.view = view
        self.summary = plain_label()
        self.summary.setFont(scaled_font(self.summary.font(), 1.05))
        self.bars = DailyBars()
        self.trend = BoutTrend()
        self.legend = Legend()
        self.goals_hint = _hint(
            translate(
                "StatsWindow",
                "Under the days: ● daily goals met, ○ not met, – not recorded.",
            )
        )
        self.muscles = MuscleAttention()
        self.muscles_title = _heading(
            translate("StatsWindow", "Muscle groups worked this week")
            if view is View.WEEK
            else translate("StatsWindow", "Muscle groups worked this month")
        )
        column = QVBoxLayout(content)
        column.addWidget(self.summary)
        column.addSpacing(4)
        column.addWidget(_heading(translate("StatsWindow", "Desk time per day")))
        column.addWidget(self.bars)
        column.addWidget(self.goals_hint)
        column.addSpacing(8)
        column.addWidget(_heading(translate("StatsWindow", "Bout length")))
        column.addWidget(self.trend)
        column.addWidget(self.legend)
        column.addSpacing(8)
        column.addWidget(self.muscles_title)
        column.addWidget(self.muscles)
        column.addStretch(1)

    def show_report(self, report: PeriodReport) -> None:
        self.bars.set_report(report)
        self.trend.set_report(report)
        self.legend.set_entries(period_legend(SeriesColours.for_palette(self.palette())))
        self.muscles.set_counts(dict(report.muscle_attention))
        tracked_days = sum(1 for _, totals in report.days if totals.tracked_s > 0)
        parts = [
            translate("StatsWindow", "Desk time %1 over %2 tracked days")
            .replace("%1", describe_duration(report.desk_s))
            .replace("%2", str(tracked_days)),
            translate("StatsWindow", "longest bout %1").replace(
                "%1", describe_duration(report.longest_bout_s)
            ),
        ]
        if report.goals_met:
            parts.append(
                translate("StatsWindow", "daily goals met on %1 of %2 days")
                .replace("%1", str(report.days_meeting_goals))
                .replace("%2", str(len(report.goals_met)))
            )
        self.summary.setText(" · ".join(parts))
        self.show_content()


class StatsWindow(QWidget):
    """Tabs Today / Week / Month under a row of navigation buttons and the date shown."""

    previous_requested = Signal()
    next_requested = Signal()
    today_requested = Signal()
    view_changed = Signal(str)
    """A ``View`` value: the user picked another tab."""
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("StatsWindow", "%1 Statistics").replace("%1", APP_NAME))
        self.previous_button = QPushButton(translate("StatsWindow", "◀ Previous"))
        self.today_button = QPushButton(translate("StatsWindow", "Today"))
        self.next_button = QPushButton(translate("StatsWindow", "Next ▶"))
        self.previous_button.setToolTip(translate("StatsWindow", "Alt+Left"))
        self.next_button.setToolTip(translate("StatsWindow", "Alt+Right"))
        self.date_label = plain_label(wrap=False)
        self.date_label.setFont(scaled_font(self.date_label.font(), 1.2, bold=True))
        self.export_button = QPushButton(translate("StatsWindow", "Export…"))
        self.message = _hint()
        self.message.hide()

        self.day_page = DayPage()
        self.week_page = PeriodPage(View.WEEK)
        self.month_page = PeriodPage(View.MONTH)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.day_page, translate("StatsWindow", "Day"))
        self.tabs.addTab(self.week_page, translate("StatsWindow", "Week"))
        self.tabs.addTab(self.month_page, translate("StatsWindow", "Month"))

        header = QHBoxLayout()
        header.addWidget(self.previous_button)
        header.addWidget(self.today_button)
        header.addWidget(self.next_button)
        header.addSpacing(12)
        header.addWidget(self.date_label, 1)
        header.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.today_button.clicked.connect(self.today_requested)
        self.export_button.clicked.connect(self.export_requested)
        self.tabs.currentChanged.connect(lambda index: self.view_changed.emit(self._view_at(index)))
        for keys, signal in (
            (QKeySequence("Alt+Left"), self.previous_requested),
            (QKeySequence("Alt+Right"), self.next_requested),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(signal)
        self.resize(820, 640)

    # ------------------------------------------------------------------ what the controller calls
    def current_view(self) -> View:
        return self._view_at(self.tabs.currentIndex())

    def select_view(self, view: View) -> None:
        """Show that tab without announcing it (the controller chose it)."""
        blocked = self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(list(View).index(view))
        self.tabs.blockSignals(blocked)

    def show_navigation(self, title: str, *, can_go_next: bool, showing_today: bool) -> None:
        self.date_label.setText(title)
        self.next_button.setEnabled(can_go_next)
        self.today_button.setEnabled(not showing_today)

    def show_day(self, report: DayReport) -> None:
        self.day_page.show_report(report)

    def show_period(self, view: View, report: PeriodReport) -> None:
        page = self.week_page if view is View.WEEK else self.month_page
        page.show_report(report)

    def show_empty(self, view: View, text: str) -> None:
        self.page(view).show_empty(text)

    def show_message(self, text: str) -> None:
        """A line under the tabs (export result, a read error); "" hides it."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def present(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()

    # ------------------------------------------------------------------ internals
    def page(self, view: View) -> EmptyOrContent:
        return {View.DAY: self.day_page, View.WEEK: self.week_page, View.MONTH: self.month_page}[
            view
        ]

    @staticmethod
    def _view_at(index: int) -> View:
        return list(View)[index]
