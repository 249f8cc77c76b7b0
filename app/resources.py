"""Where the files that ship with Sitbreak are: the bundled exercises and their pictures.

They live in the repository's top-level ``resources/`` folder, which ``pyproject.toml``
installs as the package ``app.resources_data``: a wheel, an editable install and a plain
checkout (``python -m app`` from the repository) all find them through this module, and
nothing else knows where they are. A frozen build (PyInstaller,
``packaging/pyinstaller/sitbreak.spec``) has no package metadata to ask: its spec copies the
same files to ``resources/`` inside the bundle folder, ``sys._MEIPASS``.

Nothing here checks that the folders exist: the library loader reports a missing folder
like any other problem, so a broken install says what is missing instead of crashing.
"""

from __future__ import annotations

import importlib.resources
import sys
from pathlib import Path

_CHECKOUT_ROOT = Path(__file__).resolve().parent.parent
"""The repository root: ``app/`` is one level below it."""


def resources_dir() -> Path:
    """The folder of shipped resources."""
    bundle = _frozen_bundle_dir()
    if bundle is not None:
        return bundle / "resources"
    try:
        return Path(str(importlib.resources.files("app.resources_data")))
    except ModuleNotFoundError:  # a checkout that was never installed
        return _CHECKOUT_ROOT / "resources"


def _frozen_bundle_dir() -> Path | None:
    """The unpacked bundle of a PyInstaller build; None when not frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and isinstance(bundle, str):
        return Path(bundle)
    return None


def exercises_dir() -> Path:
    """The bundled exercise files, ``*.toml`` (format: ``docs/exercise-format.md``)."""
    return resources_dir() / "exercises"


def illustrations_dir() -> Path:
    """The pictures the exercise files name in their ``illustration`` key."""
    return resources_dir() / "illustrations"


def routines_dir() -> Path:
    """The bundled routines, ``*.toml`` (format: ``docs/routine-format.md``)."""
    return resources_dir() / "routines"


def sounds_dir() -> Path:
    """The soft sounds the routine player marks side switches with."""
    return resources_dir() / "sounds"
