"""The pause choices as menu entries, shared by the tray menu and the status window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app.core.schedule import PauseChoice

LABEL_CONTEXT = "PauseChoice"
"""Translation context of the :attr:`PauseChoice.label` texts."""


def fill_pause_menu(menu: QMenu) -> None:
    """Add one entry per :class:`PauseChoice`, in order, each carrying its value as data."""
    for choice in PauseChoice:
        action = menu.addAction(QCoreApplication.translate(LABEL_CONTEXT, choice.label))
        action.setData(choice.value)


def chosen_value(action: QAction) -> str:
    """The :class:`PauseChoice` value an entry made by :func:`fill_pause_menu` carries."""
    return str(action.data())
