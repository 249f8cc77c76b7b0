"""Sitbreak's translations: ``sitbreak_<language>.ts`` sources, compiled ``.qm`` files.

The build compiles the sources (docs/translations.md); ``app/i18n_qt.py`` loads the result.
"""
