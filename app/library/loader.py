"""The exercise library: every ``*.toml`` file of the given folders, checked and merged.

Folders are read in order, usually the bundled ``resources/exercises/`` first and the user's
``exercises/`` folder second. The first file to use an id keeps it: a later file with the
same id, in the same folder or another, is reported naming both files and skipped. So a
user's file can add exercises but never silently replace a bundled one. A broken file is
reported and skipped: it never stops the others. Variant links are checked once everything
is read; a link to an unknown id is dropped with a warning. Nothing here runs or interprets
what the files say.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
    """Load every exercise of ``dirs``; later folders add to earlier ones, never replace.

    An illustration is looked up beside the exercise file first, then in
    ``illustration_dirs`` in order.
    """
    batches = [_folder_batch(folder) for folder in dirs]
    merged, problems = _merge(batches, illustration_dirs)
    return LibraryLoad(_sorted(merged.values()), tuple(problems))


def check_exercise_paths(
    paths: Sequence[Path],
    *,
    library_dirs: Sequence[Path] = (),
    illustration_dirs: Sequence[Path] = (),
) -> LibraryLoad:
    """Check files and folders of exercises as the app would load them after ``library_dirs``.

    For ``sitbreak library --validate``: each path is an exercise file (read whatever its
    name) or a folder of them. They are merged on top of the library in ``library_dirs``
    (usually the bundled one), so a variant link to a bundled exercise resolves and an id
    that clashes with one is reported. The answer holds only the exercises read from
    ``paths`` and only the problems of their files; a file named both in ``paths`` and in
    ``library_dirs`` is checked once, as one of ``paths``.
    """
    checked = [_path_batch(path) for path in paths]
    checked_files = {_identity(file) for batch in checked for file in batch.files}
    base = [_folder_batch(folder).without(checked_files) for folder in library_dirs]
    merged, problems = _merge([*base, *checked], illustration_dirs)
    reported = {file for batch in checked for file in batch.files} | set(paths)
    return LibraryLoad(
        _sorted(accepted for accepted in merged.values() if accepted.path in reported),
        tuple(problem for problem in problems if problem.file in reported),
    )


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


@dataclass(frozen=True, slots=True)
class _Batch:
    """Files read together (one folder, or one file named on the command line)."""

    files: tuple[Path, ...]
    problems: tuple[LoadProblem, ...] = ()

    def without(self, identities: set[Path]) -> _Batch:
        kept = tuple(file for file in self.files if _identity(file) not in identities)
        return _Batch(kept, self.problems)


def _merge(
    batches: Sequence[_Batch], illustration_dirs: Sequence[Path]
) -> tuple[dict[str, _Accepted], list[LoadProblem]]:
    """Read the batches in order; the first file with an id keeps it."""
    merged: dict[str, _Accepted] = {}
    problems: list[LoadProblem] = []
    for batch in batches:
        problems.extend(batch.problems)
        for path in batch.files:
            parsed = load_exercise_file(path, illustration_dirs=[path.parent, *illustration_dirs])
            problems.extend(parsed.problems)
            exercise = parsed.exercise
            if exercise is None:
                continue
            if (first := merged.get(exercise.id)) is not None:
                problems.append(_clash(path, parsed, exercise.id, first.path))
                continue
            merged[exercise.id] = _Accepted(exercise, path, parsed)
    accepted = {
        exercise_id: replace(entry, exercise=_with_known_variants(entry, merged, problems))
        for exercise_id, entry in merged.items()
    }
    return accepted, problems


def _clash(path: Path, parsed: ParsedExercise, exercise_id: str, first: Path) -> LoadProblem:
    """A second file with a known id: named with the first, so the user can pick one."""
    first_name = first.name if first.parent == path.parent else str(first)
    message = (
        f'"{exercise_id}" is already the id of {first_name}; this file is skipped '
        "(give it an id of its own to add it to the library)"
    )
    return LoadProblem(path, parsed.lines.get(("id",)), "id", message)


def _sorted(accepted: Iterable[_Accepted]) -> tuple[Exercise, ...]:
    return tuple(sorted((entry.exercise for entry in accepted), key=lambda e: e.id))


def _identity(path: Path) -> Path:
    """The same file under any spelling of its path."""
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _path_batch(path: Path) -> _Batch:
    """A folder's exercise files, or one file as it is."""
    if path.is_dir():
        return _folder_batch(path)
    if not path.exists():
        return _Batch((), (LoadProblem(path, None, None, "not found"),))
    return _Batch((path,))


def _folder_batch(folder: Path) -> _Batch:
    """The folder's ``*.toml`` files by name, hidden ones (editor droppings) left out."""
    try:
        names = sorted(
            entry.name
            for entry in folder.iterdir()
            if entry.name.endswith(".toml") and not entry.name.startswith(".")
        )
    except FileNotFoundError:
        return _Batch((), (LoadProblem(folder, None, None, "folder not found"),))
    except NotADirectoryError:
        return _Batch(
            (), (LoadProblem(folder, None, None, "is a file, not a folder of exercises"),)
        )
    except OSError as error:
        return _Batch((), (LoadProblem(folder, None, None, f"cannot be read: {_reason(error)}"),))
    if len(names) <= MAX_FILES_PER_FOLDER:
        return _Batch(tuple(folder / name for name in names))
    message = (
        f"holds {len(names)} exercise files; only the first {MAX_FILES_PER_FOLDER} "
        f"by name are read (up to {names[MAX_FILES_PER_FOLDER - 1]})"
    )
    return _Batch(
        tuple(folder / n for n in names[:MAX_FILES_PER_FOLDER]),
        (LoadProblem(folder, None, None, message),),
    )


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
