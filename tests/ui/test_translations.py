"""German: the sources are complete, the build compiles them, and the windows speak it.

The catalogue is compiled by the build's own function (``tools/translations.py``) into a
temporary folder, so these tests see what a wheel or a frozen build ships.
"""

from __future__ import annotations

import errno
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.core.model import Phase
from app.i18n_qt import (
    LANGUAGE_VARIABLE,
    install_translator,
    preferred_locale,
    uninstall_translator,
)
from app.storage.health import describe_storage_trouble
from app.ui.settings_dialog import SettingsDialog
from app.ui.stretch_window import StretchWindow
from app.ui.tray import TrayView
from tests.ui.snapshots import NOW, snapshot
from tools.translations import (
    SOURCES_DIR,
    compile_translations,
    untranslated,
    update_translations,
)

GERMAN_SOURCE = SOURCES_DIR / "sitbreak_de.ts"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d")
"""``str.format`` fields and Qt's ``%1``: a translation that drops or renames one breaks."""


@pytest.fixture(scope="module")
def catalogue_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("catalogues")
    assert [path.name for path in compile_translations(output)] == ["sitbreak_de.qm"]
    return output


@pytest.fixture
def german(qapp: QApplication, catalogue_dir: Path) -> Iterator[QTranslator]:
    translator = install_translator(qapp, QLocale("de_DE"), catalogue_dir=catalogue_dir)
    assert translator is not None
    yield translator
    uninstall_translator(qapp, translator)


def menu_texts(view: TrayView) -> list[str]:
    return [action.text() for action in view.menu.actions() if not action.isSeparator()]


def current_messages(ts_file: Path) -> Iterator[tuple[str, str, str]]:
    """(context, source, translation) of each message the code still has."""
    for context in ET.parse(ts_file).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") not in {"vanished", "obsolete"}:
                yield (
                    context.findtext("name", ""),
                    message.findtext("source", ""),
                    translation.text or "",
                )


# ----------------------------------------------------------------- the sources
def test_every_string_in_the_german_source_is_translated() -> None:
    assert untranslated(GERMAN_SOURCE) == []


def test_the_german_source_has_no_string_the_code_lacks_or_misses_one_it_has(
    tmp_path: Path,
) -> None:
    """A new English string without German fails here: run tools/update_translations.py."""
    refreshed = tmp_path / GERMAN_SOURCE.name
    shutil.copyfile(GERMAN_SOURCE, refreshed)
    update_translations([refreshed])
    assert untranslated(refreshed) == []
    assert sorted(current_messages(refreshed)) == sorted(current_messages(GERMAN_SOURCE))


def test_every_translation_keeps_the_placeholders_of_its_source() -> None:
    broken = [
        f"{context}: {source!r} -> {translation!r}"
        for context, source, translation in current_messages(GERMAN_SOURCE)
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation))
    ]
    assert broken == []


# ----------------------------------------------------------------- on screen
def test_the_tray_menu_speaks_german(german: QTranslator) -> None:
    view = TrayView()
    view.show_snapshot(snapshot(Phase.SITTING, 32 * 60), NOW)
    assert menu_texts(view) == [
        "Seit 32 Min. sitzend · aufstehen in ~13 Min.",
        "Jetzt aufstehen",
        "Pausieren",
        "Fortsetzen",
        "Heute…",
        "Programme",
        "Statistik…",
        "Übungsbibliothek…",
        "Einstellungen…",
        "Über Sitbreak…",
        "Beenden",
    ]
    assert [action.text() for action in view.pause_menu.actions()] == [
        "30 Minuten",
        "1 Stunde",
        "2 Stunden",
        "Bis morgen",
        "Bis zur Fortsetzung",
    ]
    assert view.tray_icon.toolTip() == "Seit 32 Min. sitzend · aufstehen in ~13 Min."
    view.dispose()


def test_the_stretch_window_answers_in_german(german: QTranslator) -> None:
    window = StretchWindow()
    assert [
        (button.text(), button.toolTip())
        for button in (window.skip_button, window.another_button, window.done_button)
    ] == [
        ("Überspringen", "Diesmal nicht"),
        ("Eine andere", "Eine andere Übung vorschlagen"),
        ("Fertig", "Geschafft (Eingabetaste)"),
    ]
    assert window.cautions_title.text() == "Bitte beachten"


def test_the_settings_dialog_speaks_german_with_qt_own_buttons(german: QTranslator) -> None:
    dialog = SettingsDialog()
    assert dialog.windowTitle() == "Sitbreak-Einstellungen"
    pages = [dialog.page_list.item(row).text() for row in range(dialog.page_list.count())]
    assert pages == ["Erinnerungen", "Zeitplan", "Übungen", "Ziele", "Allgemein"]
    assert dialog.delete_button.text() == "Alle Daten löschen…"
    # Qt's standard buttons come from Qt's own German catalogue, installed alongside.
    assert dialog.cancel_button.text() == "Abbrechen"


def test_taking_the_translator_back_leaves_new_windows_english(
    qapp: QApplication, catalogue_dir: Path
) -> None:
    translator = install_translator(qapp, QLocale("de_AT"), catalogue_dir=catalogue_dir)
    assert translator is not None
    uninstall_translator(qapp, translator)
    dialog = SettingsDialog()
    assert "Stand up now" in menu_texts(TrayView())
    assert dialog.cancel_button.text() == "Cancel"


# ----------------------------------------------------------------- which language
@pytest.mark.parametrize("name", ["en_GB", "C", "fr_FR"])
def test_english_and_languages_without_a_catalogue_install_nothing(
    qapp: QApplication, catalogue_dir: Path, name: str
) -> None:
    assert install_translator(qapp, QLocale(name), catalogue_dir=catalogue_dir) is None
    assert "Stand up now" in menu_texts(TrayView())


def test_the_environment_forces_a_language() -> None:
    assert preferred_locale({LANGUAGE_VARIABLE: "de"}).language() is QLocale.Language.German
    assert preferred_locale({LANGUAGE_VARIABLE: " "}) == QLocale.system()
    assert preferred_locale({}) == QLocale.system()


def test_a_language_qt_does_not_know_is_named_and_ignored(
    caplog: pytest.LogCaptureFixture,
) -> None:
    assert preferred_locale({LANGUAGE_VARIABLE: "klingon!"}) == QLocale.system()
    assert f"{LANGUAGE_VARIABLE}='klingon!' is not a language Qt knows" in caplog.text


def test_install_translator_follows_the_environment_by_default(
    qapp: QApplication, catalogue_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(LANGUAGE_VARIABLE, "de")
    translator = install_translator(qapp, catalogue_dir=catalogue_dir)
    assert translator is not None
    try:
        assert "Jetzt aufstehen" in menu_texts(TrayView())
    finally:
        uninstall_translator(qapp, translator)


def test_range_messages_from_the_settings_layer_speak_german(german: QTranslator) -> None:
    """The pure settings layer marks its messages; the dialog translates them."""
    from dataclasses import replace

    from PySide6.QtCore import QCoreApplication

    from app.settings.human import below_recommended, check_human
    from app.settings.model import Settings

    short = replace(Settings().prompts, window_start_s=5 * 60, window_end_s=4 * 60)
    settings = replace(Settings(), prompts=short)
    problems = check_human(settings, QCoreApplication.translate)
    assert problems["prompts.window_start"] == "Zwischen 10 und 180 Minuten"
    warning = below_recommended(settings, QCoreApplication.translate)
    assert warning is not None
    assert warning.startswith("45–60 Min. werden empfohlen")


def test_the_storage_trouble_notice_speaks_german(german: QTranslator) -> None:
    notice = describe_storage_trouble(OSError(errno.ENOSPC, "No space"), QCoreApplication.translate)

    assert notice.startswith("Sitbreak kann sein Sitzprotokoll nicht schreiben: der Datenträger")
    assert "Die Erinnerungen gehen weiter" in notice
