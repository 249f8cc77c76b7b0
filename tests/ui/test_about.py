"""The About box and the first-run notice: what they say, and that their buttons close them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app import __version__
from app.ui.about import AboutDialog, FileLocations, show_first_run_notice

SAFETY = (
    "This is general fitness advice, not medical advice. Stop if a movement hurts, "
    "and ask a professional about pain that stays."
)


@pytest.fixture
def locations(tmp_path: Path) -> FileLocations:
    config = tmp_path / "config"
    return FileLocations(
        settings=config / "settings.toml",
        exercises=config / "exercises",
        database=tmp_path / "data" / "sitbreak.db",
        log=tmp_path / "log" / "sitbreak.log",
    )


@pytest.fixture
def about(qtbot: QtBot, locations: FileLocations) -> AboutDialog:
    dialog = AboutDialog(__version__, locations)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_about_names_sitbreak_its_version_and_what_it_does(about):
    text = about.text()
    assert f"Sitbreak {__version__}" in text
    assert "asks you to stand up" in text
    assert about.windowTitle() == "About Sitbreak"


def test_about_carries_the_safety_privacy_and_licence_lines(about):
    text = about.text()
    assert SAFETY in text
    assert "Nothing leaves your computer" in text
    assert "GPL-3.0-or-later" in text


def test_about_shows_the_paths_it_was_given(about, locations):
    shown = {key: label.text() for key, label in about.location_labels.items()}
    assert shown == {
        "settings": str(locations.settings),
        "exercises": str(locations.exercises),
        "database": str(locations.database),
        "log": str(locations.log),
    }


def test_a_path_is_shown_as_written_never_as_markup(qtbot, tmp_path):
    odd = tmp_path / "<b>me</b>"
    dialog = AboutDialog("1.0", FileLocations(odd, odd, odd, odd))
    qtbot.addWidget(dialog)
    assert dialog.location_labels["log"].text() == str(odd)
    assert dialog.location_labels["log"].textFormat() is Qt.TextFormat.PlainText


def test_the_close_button_closes_about(qtbot, about):
    close = about.buttons.button(QDialogButtonBox.StandardButton.Close)
    with qtbot.waitSignal(about.rejected, timeout=2000):
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not about.isVisible(), timeout=2000)


def test_escape_closes_about(qtbot, about):
    with qtbot.waitSignal(about.finished, timeout=2000):
        qtbot.keyClick(about, Qt.Key.Key_Escape)
    assert not about.isVisible()


@pytest.fixture
def owner(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_first_run_notice_says_it_is_not_medical_advice_and_does_not_block(qtbot, owner):
    notice = show_first_run_notice(owner)
    qtbot.waitExposed(notice)
    assert notice.isVisible()
    assert notice.windowModality() is Qt.WindowModality.NonModal
    assert notice.informativeText() == SAFETY
    assert "stand up" in notice.text()
    assert notice.windowTitle() == "Welcome to Sitbreak"
    notice.close()


def test_ok_closes_the_first_run_notice(qtbot, owner):
    notice = show_first_run_notice(owner)
    qtbot.waitExposed(notice)
    ok = notice.button(QMessageBox.StandardButton.Ok)
    with qtbot.waitSignal(notice.finished, timeout=2000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=2000)
