"""Where the files that ship with Sitbreak are: the bundled exercises and their pictures.

They live in the repository's top-level ``resources/`` folder, which ``pyproject.toml``
installs as the package ``app.resources_data``: a wheel, an editable install and a plain
checkout (``python -m app`` from the repository) all find them through this module, and
nothing else knows where they are. A frozen build (PyInstaller) will add its own case here.

Nothing here checks that the folders exist: the library loader reports a missing folder
like any other problem, so a broken install says what is missing instead of crashing.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

_CHECKOUT_ROOT = Path(__file__).resolve().parent.parent
"""The repository root: ``app/`` is one level below it."""


def resources_dir() -> Path:
    """The folder of shipped resources."""
    try:
        return Path(str(importlib.resources.files("app.resources_data")))
    except ModuleNotFoundError:  # a checkout that was never installed
        return _CHECKOUT_ROOT / "resources"


def exercises_dir() -> Path:
    """The bundled exercise files, ``*.toml`` (format: ``docs/exercise-format.md``)."""
    return resources_dir() / "exercises"


def illustrations_dir() -> Path:
    """The pictures the exercise files name in their ``illustration`` key."""
    return resources_dir() / "illustrations"
