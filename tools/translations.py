"""Qt's Linguist tools for Sitbreak: refresh the ``.ts`` sources, compile them to ``.qm``.

Used by the build (``setup.py`` compiles while building the wheel or an editable install;
``packaging/pyinstaller/sitbreak.spec`` for the frozen app), by
``tools/update_translations.py`` and by the tests, so all of them run the same commands.
The tools are the ``lupdate`` and ``lrelease`` binaries inside the PySide6-Essentials wheel,
found without importing Qt, so a build environment needs nothing but that wheel.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
APP_DIR = REPO_ROOT / "app"
"""The code ``lupdate`` reads."""
SOURCES_DIR = APP_DIR / "translations"
"""The ``sitbreak_<language>.ts`` files, and the package ``app.translations`` the ``.qm``
files ship in."""
CATALOGUE_GLOB = "sitbreak_*.ts"

LUPDATE_OPTIONS = (
    "-extensions",
    "py",
    "-source-language",
    "en",
    # Line numbers relative to the previous message: an edit shifts one entry, not the file.
    "-locations",
    "relative",
    # app/ui/library_controller.py keeps QCoreApplication.translate as `self._translate`.
    "-tr-function-alias",
    "translate+=_translate",
)


class TranslationToolError(RuntimeError):
    """A Linguist tool is missing or failed; the message says which and why."""


def qt_tool(name: str) -> Path:
    """The path of PySide6's ``lupdate`` or ``lrelease`` (``.exe`` on Windows)."""
    spec = importlib.util.find_spec("PySide6")
    folders = spec.submodule_search_locations if spec is not None else None
    if not folders:
        raise TranslationToolError(
            f"{name} comes with PySide6-Essentials, which is not installed for "
            f"{sys.executable} (pyproject.toml lists it in [build-system] requires)"
        )
    for folder in folders:
        for candidate in (Path(folder) / name, Path(folder) / f"{name}.exe"):
            if candidate.is_file():
                return candidate
    raise TranslationToolError(f"PySide6 in {', '.join(folders)} has no {name} binary")


def translation_sources(sources_dir: Path = SOURCES_DIR) -> list[Path]:
    """The ``sitbreak_<language>.ts`` files, sorted; an error when there are none."""
    found = sorted(sources_dir.glob(CATALOGUE_GLOB))
    if not found:
        raise TranslationToolError(f"no translation sources ({CATALOGUE_GLOB}) in {sources_dir}")
    return found


def compile_translations(output_dir: Path, sources_dir: Path = SOURCES_DIR) -> list[Path]:
    """Compile every ``.ts`` in ``sources_dir`` to a ``.qm`` of the same name in ``output_dir``.

    Returns the ``.qm`` files written.
    """
    lrelease = qt_tool("lrelease")
    output_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for source in translation_sources(sources_dir):
        compiled = output_dir / source.with_suffix(".qm").name
        _run([str(lrelease), "-silent", str(source), "-qm", str(compiled)])
        if not compiled.is_file():
            raise TranslationToolError(f"lrelease wrote no {compiled.name} for {source}")
        written.append(compiled)
    return written


def update_translations(
    ts_files: Sequence[Path], scanned_dir: Path = APP_DIR, *, drop_obsolete: bool = False
) -> str:
    """Merge the strings ``lupdate`` finds in ``scanned_dir`` into ``ts_files``.

    New strings arrive as ``type="unfinished"``; strings no longer in the code stay as
    ``vanished``/``obsolete`` (so a reworded string keeps its old translation to start
    from) unless ``drop_obsolete``. Returns lupdate's summary.
    """
    command = [str(qt_tool("lupdate")), *LUPDATE_OPTIONS]
    if drop_obsolete:
        command.append("-no-obsolete")
    command += [str(scanned_dir), "-ts", *(str(path) for path in ts_files)]
    return _run(command)


def untranslated(ts_file: Path) -> list[str]:
    """``context: source`` of each current message that lacks a finished translation.

    Strings the code no longer has (``vanished``, ``obsolete``) do not count.
    """
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = "unfinished" if translation is None else translation.get("type", "")
            if kind in {"vanished", "obsolete"}:
                continue
            if kind == "unfinished" or translation is None or not translation.text:
                missing.append(f"{name}: {message.findtext('source', '')}")
    return missing


def _run(command: list[str]) -> str:
    try:
        result = subprocess.run(command, check=True, capture_output=True, text=True)
    except OSError as error:
        raise TranslationToolError(f"could not run {command[0]}: {error}") from error
    except subprocess.CalledProcessError as error:
        output = (error.stderr or error.stdout or "").strip()
        raise TranslationToolError(
            f"{Path(command[0]).name} failed (exit {error.returncode}): {output}"
        ) from error
    return result.stdout + result.stderr
