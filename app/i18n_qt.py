"""Puts the user's language on screen: installs Sitbreak's translation and Qt's own.

The compiled catalogues (``sitbreak_<language>.qm``) are built from the ``.ts`` sources by
the build (``setup.py``, the PyInstaller spec; docs/translations.md) into the package
``app.translations``. A checkout that was never installed has none and stays English.

English is the source language: the first English (or ``C``) entry in the user's language
list ends the search, so somebody who prefers English and also lists German gets English.
"""

from __future__ import annotations

import importlib.resources
import logging
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

LANGUAGE_VARIABLE = "SITBREAK_LANG"
"""Forces a language (``de``, ``de_AT``) over the system's: for tests and for users."""
CATALOGUE_PACKAGE = "app.translations"
CATALOGUE_PREFIX = "sitbreak_"
QT_CATALOGUE_PREFIX = "qtbase_"
_SOURCE_LANGUAGES = frozenset({QLocale.Language.English, QLocale.Language.C})


def preferred_locale(environ: Mapping[str, str]) -> QLocale:
    """``SITBREAK_LANG`` when it names a language, else the system's."""
    forced = environ.get(LANGUAGE_VARIABLE, "").strip()
    if not forced:
        return QLocale.system()
    locale = QLocale(forced)
    if locale.language() is QLocale.Language.C and forced.upper() not in {"C", "POSIX"}:
        log.warning(
            "%s=%r is not a language Qt knows (try 'de' or 'en'); using the system language",
            LANGUAGE_VARIABLE,
            forced,
        )
        return QLocale.system()
    return locale


def install_translator(
    app: QCoreApplication,
    locale: QLocale | None = None,
    *,
    catalogue_dir: Path | None = None,
) -> QTranslator | None:
    """Install the translation for ``locale`` (default: :func:`preferred_locale`).

    Call it before any window or menu exists: texts are looked up when a widget is built.
    Returns Sitbreak's translator, or None when the language is English or has no
    catalogue. Qt's own translation of its standard texts (button boxes, context menus),
    when the Qt install has one, becomes the returned translator's child, so
    :func:`uninstall_translator` removes both. ``catalogue_dir`` replaces the package's
    folder (tests compile into a temporary one).
    """
    if locale is None:
        locale = preferred_locale(os.environ)
    folder = catalogue_dir if catalogue_dir is not None else _package_catalogue_dir()
    for language in _candidate_languages(locale):
        catalogue = folder / f"{CATALOGUE_PREFIX}{language}.qm"
        if not catalogue.is_file():
            continue
        translator = QTranslator(app)
        if not translator.load(str(catalogue)):
            log.warning("could not load the translation %s; the text stays English", catalogue)
            translator.setParent(None)
            return None
        app.installTranslator(translator)
        _install_qt_translation(app, language, parent=translator)
        log.info("user interface language: %s (%s)", language, catalogue)
        return translator
    log.info("user interface language: English (asked for %s)", locale.name())
    return None


def uninstall_translator(app: QCoreApplication, translator: QTranslator) -> None:
    """Take back what :func:`install_translator` installed: texts built later are English."""
    for qt_translator in translator.findChildren(QTranslator):
        app.removeTranslator(qt_translator)
    app.removeTranslator(translator)
    translator.setParent(None)


def _candidate_languages(locale: QLocale) -> Iterator[str]:
    """``de_Latn_DE``, ``de_DE``, ``de_Latn``, ``de``…, up to the first English entry."""
    for name in locale.uiLanguages():
        if QLocale(name).language() in _SOURCE_LANGUAGES:
            return
        yield name.replace("-", "_")


def _install_qt_translation(app: QCoreApplication, language: str, parent: QTranslator) -> None:
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(parent)
    # load() tries qtbase_de_DE.qm, then qtbase_de.qm: Qt ships one file per language.
    if qt_translator.load(f"{QT_CATALOGUE_PREFIX}{language}", qt_dir):
        app.installTranslator(qt_translator)
    else:  # frozen builds leave Qt's translations out (docs/packaging.md)
        qt_translator.setParent(None)


def _package_catalogue_dir() -> Path:
    return Path(str(importlib.resources.files(CATALOGUE_PACKAGE)))
