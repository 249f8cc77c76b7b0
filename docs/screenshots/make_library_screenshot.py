"""Render the exercise library window to a PNG, for the docs and for a person to look at.

Run from the repository root (offscreen, no display needed)::

    python -m docs.screenshots.make_library_screenshot [--all DIR]

It writes ``library-window.png`` next to this file: the bundled library in a light theme
(two favourites, one hidden exercise) beside the same window in a dark theme filtered to one
muscle group. With ``--all DIR`` it also writes each theme on its own, a search and the
"nothing matches" state, to check alignment, clipping and contrast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication

from app.core.exercise import Exercise, MuscleGroup, Preferences
from app.library.loader import load_library
from app.resources import exercises_dir, illustrations_dir
from app.ui.library_controller import LibraryController
from app.ui.library_window import LibraryWindow
from docs.screenshots.make_stretch_screenshot import dark_palette, side_by_side

OUT_DIR = Path(__file__).resolve().parent
SIZE = QSize(860, 760)


def bundled() -> tuple[Exercise, ...]:
    library = load_library([exercises_dir()], illustration_dirs=[illustrations_dir()])
    return library.exercises


def sample_preferences(exercises: tuple[Exercise, ...]) -> Preferences:
    """Two favourites and one hidden exercise, so every state of a card is in the picture."""
    ids = [exercise.id for exercise in exercises]
    wished = [i for i in ("clamshell", "glute-bridge") if i in ids]
    hidden = "foam-roll-hamstrings" if "foam-roll-hamstrings" in ids else ids[-1]
    return Preferences(favourite_ids=frozenset(wished or ids[:2]), hidden_ids=frozenset({hidden}))


def shot(
    exercises: tuple[Exercise, ...],
    palette: QPalette,
    *,
    search: str = "",
    group: MuscleGroup | None = None,
) -> QImage:
    window = LibraryWindow()
    window.setPalette(palette)
    window.resize(SIZE)
    controller = LibraryController(window, save_preferences=lambda _p: None)
    try:
        controller.show_library(exercises, sample_preferences(exercises))
        window.search_edit.setText(search)
        if group is not None:
            window.group_combo.setCurrentIndex(window.group_combo.findData(group))
        QApplication.processEvents()
        return window.grab().toImage()
    finally:
        window.hide()
        window.deleteLater()


def main(argv: list[str]) -> int:
    app = QApplication(argv[:1])
    app.setStyle("Fusion")
    light, dark = QApplication.style().standardPalette(), dark_palette()
    exercises = bundled()
    outputs = {
        OUT_DIR / "library-window.png": side_by_side(
            [shot(exercises, light), shot(exercises, dark, group=MuscleGroup.HAMSTRINGS)]
        )
    }
    if len(argv) == 3 and argv[1] == "--all":
        extra = Path(argv[2])
        extra.mkdir(parents=True, exist_ok=True)
        outputs[extra / "library-light.png"] = shot(exercises, light)
        outputs[extra / "library-dark.png"] = shot(exercises, dark)
        outputs[extra / "library-search.png"] = shot(exercises, light, search="calf")
        outputs[extra / "library-empty.png"] = shot(exercises, dark, search="trampoline")
    for path, image in outputs.items():
        if not image.save(str(path)):
            print(f"could not write {path}", file=sys.stderr)
            return 1
        print(path)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
