"""The exercise library: every ``*.toml`` file of the given folders, checked and merged.

Folders are read in order, usually the bundled ``resources/exercises/`` first and the user's
``exercises/`` folder second. A file in a later folder whose id is already known replaces
that exercise, and a notice says so; two files with one id in the same folder are a mistake
(the first by file name stays). A broken file is reported and skipped: it never stops the
others. Variant links are checked once everything is read; a link to an unknown id is
dropped with a warning. Nothing here runs or interprets what the files say.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from app.core.exercise import Exercise, Variants
from app.library.positions import KeyPath, line_of
from app.library.problems import LoadProblem, Severity, field_name
from app.library.validate import IllustrationUnavailable, ParsedExercise, parse_exercise

MAX_EXERCISE_BYTES = 64 * 1024
"""An exercise file is about 1 KiB; anything this large is not one."""
MAX_ILLUSTRATION_BYTES = 512 * 1024
MAX_FILES_PER_FOLDER = 1000


@dataclass(frozen=True, slots=True)
class LibraryLoad:
    exercises: tuple[Exercise, ...]
    """Sorted by id."""
    problems: tuple[LoadProblem, ...]
    """In folder and file order; empty when every file was perfect."""

    @property
    def errors(self) -> tuple[LoadProblem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    def get(self, exercise_id: str) -> Exercise | None:
        return next((e for e in self.exercises if e.id == exercise_id), None)


def load_library(dirs: Sequence[Path], *, illustration_dirs: Sequence[Path] = ()) -> LibraryLoad:
    """Load every exercise of ``dirs``; later folders add to and replace earlier ones.

    An illustration is looked up beside the exercise file first, then in
    ``illustration_dirs`` in order.
    """
    merged: dict[str, _Accepted] = {}
    problems: list[LoadProblem] = []
    for folder in dirs:
        files, folder_problems = _exercise_files(folder)
        problems.extend(folder_problems)
        in_this_folder: dict[str, Path] = {}
        for path in files:
            parsed = load_exercise_file(path, illustration_dirs=[folder, *illustration_dirs])
            problems.extend(parsed.problems)
            exercise = parsed.exercise
            if exercise is None:
                continue
            id_line = parsed.lines.get(("id",))
            if exercise.id in in_this_folder:
                first = in_this_folder[exercise.id].name
                message = f'"{exercise.id}" is already the id of {first}; this file is skipped'
                problems.append(LoadProblem(path, id_line, "id", message))
                continue
            in_this_folder[exercise.id] = path
            if (earlier := merged.get(exercise.id)) is not None:
                message = f'replaces the exercise "{exercise.id}" of {earlier.path}'
                problems.append(LoadProblem(path, id_line, "id", message, Severity.NOTICE))
            merged[exercise.id] = _Accepted(exercise, path, parsed)
    exercises = [_with_known_variants(accepted, merged, problems) for accepted in merged.values()]
    return LibraryLoad(tuple(sorted(exercises, key=lambda e: e.id)), tuple(problems))


def load_exercise_file(path: Path, *, illustration_dirs: Sequence[Path]) -> ParsedExercise:
    """One file, checked on its own (its variant links are not resolved)."""
    text, problem = _read_text(path)
    if text is None:
        return ParsedExercise(None, (problem,) if problem else ())

    def resolve(name: str) -> Path:
        return find_illustration(name, illustration_dirs)

    return parse_exercise(text, path, resolve)


def find_illustration(name: str, dirs: Sequence[Path]) -> Path:
    """The first ``dir / name`` that is a usable file; ``name`` is a plain file name."""
    for folder in dirs:
        candidate = folder / name
        try:
            if not candidate.is_file():
                continue
            size = candidate.stat().st_size
        except OSError:
            continue
        if size > MAX_ILLUSTRATION_BYTES:
            raise IllustrationUnavailable(
                f"{candidate} is {_kib(size)}, more than the {_kib(MAX_ILLUSTRATION_BYTES)} "
                "a picture may have"
            )
        return candidate
    searched = ", ".join(str(folder) for folder in dirs) or "no folder"
    raise IllustrationUnavailable(f'no file "{name}" in {searched}')


# ------------------------------------------------------------------------------ internals
@dataclass(frozen=True, slots=True)
class _Accepted:
    exercise: Exercise
    path: Path
    parsed: ParsedExercise


def _exercise_files(folder: Path) -> tuple[list[Path], list[LoadProblem]]:
    """The folder's ``*.toml`` files by name, hidden ones (editor droppings) left out."""
    try:
        names = sorted(
            entry.name
            for entry in folder.iterdir()
            if entry.name.endswith(".toml") and not entry.name.startswith(".")
        )
    except FileNotFoundError:
        return [], [LoadProblem(folder, None, None, "folder not found")]
    except NotADirectoryError:
        return [], [LoadProblem(folder, None, None, "is a file, not a folder of exercises")]
    except OSError as error:
        return [], [LoadProblem(folder, None, None, f"cannot be read: {_reason(error)}")]
    if len(names) <= MAX_FILES_PER_FOLDER:
        return [folder / name for name in names], []
    message = (
        f"holds {len(names)} exercise files; only the first {MAX_FILES_PER_FOLDER} "
        f"by name are read (up to {names[MAX_FILES_PER_FOLDER - 1]})"
    )
    return [folder / n for n in names[:MAX_FILES_PER_FOLDER]], [
        LoadProblem(folder, None, None, message)
    ]


def _read_text(path: Path) -> tuple[str | None, LoadProblem | None]:
    """The file as text, or why not: too large, not a file, not UTF-8."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_EXERCISE_BYTES + 1)
    except IsADirectoryError:
        return None, LoadProblem(path, None, None, "is a folder, not an exercise file")
    except OSError as error:
        return None, LoadProblem(path, None, None, f"cannot be read: {_reason(error)}")
    if len(data) > MAX_EXERCISE_BYTES:
        message = (
            f"is larger than {_kib(MAX_EXERCISE_BYTES)}, too large for an exercise file "
            "(they are about 1 KiB); it was not read"
        )
        return None, LoadProblem(path, None, None, message)
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        byte = data[error.start]
        message = (
            f"not UTF-8 text: byte 0x{byte:02x} at column {column}; "
            "save the file as UTF-8 in your editor"
        )
        return None, LoadProblem(path, line, None, message)


def _with_known_variants(
    accepted: _Accepted, merged: dict[str, _Accepted], problems: list[LoadProblem]
) -> Exercise:
    """The exercise without variant links that lead nowhere; each dropped link is reported."""
    exercise = accepted.exercise
    links: dict[str, str | None] = {
        "easier": exercise.variants.easier,
        "harder": exercise.variants.harder,
    }
    for key, target in links.items():
        if target is None:
            continue
        if target == exercise.id:
            reason = "points to this exercise itself"
        elif target not in merged:
            reason = f'no exercise has the id "{target}"'
        else:
            continue
        path: KeyPath = ("variants", key)
        line = line_of(accepted.parsed.lines, path)
        message = f"{reason}; the link is left out"
        problems.append(
            LoadProblem(accepted.path, line, field_name(path), message, Severity.WARNING)
        )
        links[key] = None
    variants = Variants(easier=links["easier"], harder=links["harder"])
    return exercise if variants == exercise.variants else replace(exercise, variants=variants)


def _kib(size: int) -> str:
    return f"{size / 1024:.0f} KiB"


def _reason(error: OSError) -> str:
    return error.strerror.lower() if error.strerror else str(error)
