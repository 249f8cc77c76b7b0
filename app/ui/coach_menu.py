"""The coach's menu entries (Today, Routines ▸, Statistics), shared by the tray and the window."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu


@dataclass(frozen=True, slots=True)
class CoachEntries:
    """The entries :func:`add_coach_entries` made; the view connects them to its signals."""

    today: QAction
    routines: QMenu
    statistics: QAction


def add_coach_entries(menu: QMenu) -> CoachEntries:
    """Add "Today…", a "Routines" submenu (filled by :func:`fill_routines`) and "Statistics…"."""
    translate = QCoreApplication.translate
    today = menu.addAction(translate("CoachMenu", "Today…"))
    routines = menu.addMenu(translate("CoachMenu", "Routines"))
    routines.setEnabled(False)  # until the library says which routines exist
    statistics = menu.addAction(translate("CoachMenu", "Statistics…"))
    return CoachEntries(today=today, routines=routines, statistics=statistics)


def fill_routines(menu: QMenu, routines: Sequence[tuple[str, str]]) -> None:
    """One entry per ``(routine id, name)``, each carrying its id as data."""
    menu.clear()
    for routine_id, name in routines:
        action = menu.addAction(name.replace("&", "&&"))
        action.setData(routine_id)
    menu.setEnabled(bool(routines))


def chosen_routine(action: QAction) -> str:
    """The routine id an entry made by :func:`fill_routines` carries."""
    return str(action.data())
