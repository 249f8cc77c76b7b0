"""What the statistics window shows: which day, week or month, loaded on demand, exported.

The window (:class:`~app.ui.stats_window.StatsWindow`) only lays out. This controller
keeps the view and the day it is anchored on, loads reports through the injected
``load_day`` / ``load_period`` (the composition root binds them to the statistics reader,
the time zone and the working hours) and never moves past today. Weeks run Monday to
Sunday; months are calendar months.
"""

from __future__ import annotations

import calendar
import logging
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from app.core.stats import DayReport, PeriodReport
from app.ui.stats_window import StatsWindow, View

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

LoadDay = Callable[[date], DayReport]
LoadPeriod = Callable[[date, date], PeriodReport]
"""``load_period(first, last)``: both days included."""
Export = Callable[[Path, str, date, date], None]
"""``export(path, fmt, first, last)``: ``fmt`` is "csv" or "json"; raises OSError & co."""
ChooseExportFile = Callable[[QWidget, str], tuple[Path, str] | None]
"""Asks where to export: ``(parent, suggested file name)`` → ``(path, fmt)``, or None when
the user cancels. The default is a save dialog; tests pass a plain function."""

EXPORT_FORMATS = ("csv", "json")


def period_of(view: View, day: date) -> tuple[date, date]:
    """The first and last day of the day, week (Monday to Sunday) or month around ``day``."""
    if view is View.DAY:
        return day, day
    if view is View.WEEK:
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


def step(view: View, day: date, direction: int) -> date:
    """The day one view earlier (-1) or later (+1); months keep the day where they can."""
    if view is View.DAY:
        return day + timedelta(days=direction)
    if view is View.WEEK:
        return day + timedelta(weeks=direction)
    month = day.month - 1 + direction
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def choose_export_file(parent: QWidget, suggested: str) -> tuple[Path, str] | None:
    """A save dialog offering CSV and JSON; the suffix typed wins over the filter chosen."""
    csv_filter = translate("StatsController", "CSV, for spreadsheets (*.csv)")
    json_filter = translate("StatsController", "JSON (*.json)")
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        translate("StatsController", "Export statistics"),
        str(Path.home() / suggested),
        f"{csv_filter};;{json_filter}",
    )
    if not name:
        return None
    path = Path(name)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in EXPORT_FORMATS:
        fmt = "json" if chosen == json_filter else "csv"
        path = path.with_name(f"{path.name}.{fmt}")
    return path, fmt


class StatsController(QObject):
    """Connects a :class:`StatsWindow` to the reports and the export.

    The window's signals hold weak references to these bound methods: whoever builds the
    controller keeps it alive as long as the window.
    """

    def __init__(
        self,
        window: StatsWindow,
        *,
        load_day: LoadDay,
        load_period: LoadPeriod,
        today: Callable[[], date],
        export: Export,
        choose_file: ChooseExportFile = choose_export_file,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._load_day = load_day
        self._load_period = load_period
        self._today = today
        self._export = export
        self._choose_file = choose_file
        self._view = View.DAY
        self._day = today()
        window.previous_requested.connect(self.show_previous)
        window.next_requested.connect(self.show_next)
        window.today_requested.connect(self.show_today)
        window.view_changed.connect(self._on_view_changed)
        window.export_requested.connect(self.export)

    @property
    def window(self) -> StatsWindow:
        return self._window

    @property
    def view(self) -> View:
        return self._view

    @property
    def day(self) -> date:
        """The day the view is anchored on (any day of the week or month shown)."""
        return self._day

    def shown_period(self) -> tuple[date, date]:
        return period_of(self._view, self._day)

    def open(self, view: View = View.DAY, day: date | None = None) -> None:
        """Show the window on ``view`` around ``day`` (today by default), loaded afresh.

        The tray's "Statistics" and a click on the end-of-day summary call this.
        """
        self._view = view
        self._day = min(day or self._today(), self._today())
        self._window.select_view(view)
        self._window.show_message("")
        self.refresh()
        self._window.present()

    def refresh(self) -> None:
        """Load and show what the view and day say (the log may have grown meanwhile)."""
        today = self._today()
        self._day = min(self._day, today)
        first, last = self.shown_period()
        self._window.show_navigation(
            self._title(first, last, today),
            can_go_next=last < today,
            showing_today=first <= today <= last,
        )
        try:
            if self._view is View.DAY:
                self._show_day(self._load_day(first), today)
            else:
                self._show_period(self._load_period(first, last), today)
        except Exception as exc:  # a locked or damaged log must not take the window down
            log.exception("could not read the statistics")
            self._window.show_empty(
                self._view,
                translate("StatsController", "The statistics could not be read: %1").replace(
                    "%1", str(exc)
                ),
            )

    def show_previous(self) -> None:
        self._day = step(self._view, self._day, -1)
        self.refresh()

    def show_next(self) -> None:
        following = step(self._view, self._day, +1)
        if period_of(self._view, following)[0] > self._today():
            return  # the future has no statistics
        self._day = following
        self.refresh()

    def show_today(self) -> None:
        self._day = self._today()
        self.refresh()

    def export(self) -> None:
        """Ask for a file and export the day, week or month shown."""
        first, last = self.shown_period()
        last = min(last, self._today())
        suggested = (
            f"sitbreak-{first.isoformat()}"
            if first == last
            else f"sitbreak-{first.isoformat()}-to-{last.isoformat()}"
        )
        chosen = self._choose_file(self._window, suggested)
        if chosen is None:
            return
        path, fmt = chosen
        try:
            self._export(path, fmt, first, last)
        except Exception as exc:  # the user must hear why; nothing of theirs is touched
            log.exception("could not export the statistics")
            self._window.show_message(
                translate("StatsController", "Not exported: %1").replace("%1", str(exc))
            )
            return
        self._window.show_message(
            translate("StatsController", "Exported to %1").replace("%1", str(path))
        )

    # ------------------------------------------------------------------ internals
    def _on_view_changed(self, view: str) -> None:
        self._view = View(view)
        self.refresh()

    def _show_day(self, report: DayReport, today: date) -> None:
        if not report.is_empty:
            self._window.show_day(report)
        elif report.day == today:
            self._window.show_empty(
                View.DAY,
                translate(
                    "StatsController",
                    "Nothing tracked yet today: statistics fill in as you work.",
                ),
            )
        else:
            self._window.show_empty(
                View.DAY, translate("StatsController", "Sitbreak was not running on this day.")
            )

    def _show_period(self, report: PeriodReport, today: date) -> None:
        if not report.is_empty:
            self._window.show_period(self._view, report)
        elif report.first_day <= today <= report.last_day:
            self._window.show_empty(
                self._view,
                translate("StatsController", "No history yet: statistics fill in as you work."),
            )
        else:
            text = (
                translate("StatsController", "Sitbreak was not running in this week.")
                if self._view is View.WEEK
                else translate("StatsController", "Sitbreak was not running in this month.")
            )
            self._window.show_empty(self._view, text)

    def _title(self, first: date, last: date, today: date) -> str:
        locale = QLocale()

        def qdate(day: date) -> QDate:
            return QDate(day.year, day.month, day.day)

        if self._view is View.DAY:
            text = locale.toString(qdate(first), "dddd d MMMM yyyy")
            if first == today:
                return translate("StatsController", "Today, %1").replace("%1", text)
            if first == today - timedelta(days=1):
                return translate("StatsController", "Yesterday, %1").replace("%1", text)
            return text
        if self._view is View.WEEK:
            return (
                translate("StatsController", "Week of %1 – %2")
                .replace("%1", locale.toString(qdate(first), "d MMM"))
                .replace("%2", locale.toString(qdate(last), "d MMM yyyy"))
            )
        return locale.toString(qdate(first), "MMMM yyyy")
