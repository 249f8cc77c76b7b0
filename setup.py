"""Compiles the translations while building: everything else is in pyproject.toml.

``build_py`` runs for a wheel (``pip install .``) and for an editable install
(``pip install -e .``). A wheel gets the ``.qm`` files in its ``app/translations``; an
editable install imports ``app`` from the checkout, so they are written next to the ``.ts``
sources there (git ignores them).
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup  # type: ignore[import-untyped]
from setuptools.command.build_py import build_py  # type: ignore[import-untyped]

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tools.translations import SOURCES_DIR, compile_translations


class BuildPyWithTranslations(build_py):  # type: ignore[misc]  # setuptools is untyped here
    """``build_py`` that also runs ``lrelease`` over ``app/translations/*.ts``."""

    def run(self) -> None:
        super().run()
        compile_translations(self._translations_dir())

    def _translations_dir(self) -> Path:
        if self.editable_mode:
            return SOURCES_DIR
        return Path(self.build_lib, "app", "translations")


setup(cmdclass={"build_py": BuildPyWithTranslations})
