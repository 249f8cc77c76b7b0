"""Routine files: every ``*.toml`` of the given folders, checked against the exercise library.

The same spirit as the exercise loader (:mod:`app.library.loader`): folders are read in order,
the bundled ``resources/routines/`` first and the user's ``routines/`` folder second; the first
file to use an id keeps it, and a later one is reported and skipped, so a user's routine can
add to the bundled ones but never silently replace one. Every field is checked and every
mistake reported with its file, line and field; a file with an error is skipped, never the
others. A step naming an exercise the library does not have is an error naming that id.
Format: ``docs/routine-format.md``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.core.exercise import Dose
from app.core.routine import DEFAULT_REST_S, MAX_STEPS, REST_S_RANGE, Routine, RoutineStep
from app.library.positions import KeyPath, key_lines
from app.library.problems import LoadProblem, Severity
from app.library.validate import (
    MAX_NAME_CHARS,
    MAX_SUMMARY_CHARS,
    ProblemCollector,
    did_you_mean,
    shown,
    syntax_problem,
)

MAX_ROUTINE_BYTES = 64 * 1024
"""A routine file is about 1 KiB; anything this large is not one."""
MAX_FILES_PER_FOLDER = 1000
TOP_LEVEL_KEYS = ("schema", "id", "name", "summary", "steps")
STEP_KEYS = ("exercise", "dose", "rest_s")


@dataclass(frozen=True, slots=True)
class RoutineLoad:
    routines: tuple[Routine, ...]
    """Sorted by id."""
    problems: tuple[LoadProblem, ...]
    """In folder and file order; empty when every file was perfect."""

    @property
    def errors(self) -> tuple[LoadProblem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    def get(self, routine_id: str) -> Routine | None:
        return next((r for r in self.routines if r.id == routine_id), None)


@dataclass(frozen=True, slots=True)
class ParsedRoutine:
    routine: Routine | None
    """None when the file had an error."""
    problems: tuple[LoadProblem, ...]
    lines: Mapping[KeyPath, int] = field(default_factory=dict)


def load_routines(dirs: Sequence[Path], exercise_ids: Collection[str]) -> RoutineLoad:
    """Load every routine of ``dirs``; later folders add to earlier ones, never replace.

    ``exercise_ids`` are the ids of the loaded exercise library: a step must name one.
    """
    merged: dict[str, Routine] = {}
    sources: dict[str, Path] = {}
    problems: list[LoadProblem] = []
    for folder in dirs:
        files, folder_problems = _routine_files(folder)
        problems.extend(folder_problems)
        for path in files:
            parsed = load_routine_file(path, exercise_ids)
            problems.extend(parsed.problems)
            routine = parsed.routine
            if routine is None:
                continue
            if (first := sources.get(routine.id)) is not None:
                problems.append(_clash(path, parsed, routine.id, first))
                continue
            merged[routine.id] = routine
            sources[routine.id] = path
    return RoutineLoad(tuple(sorted(merged.values(), key=lambda r: r.id)), tuple(problems))


def load_routine_file(path: Path, exercise_ids: Collection[str]) -> ParsedRoutine:
    """One file, checked on its own against the library's exercise ids."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_ROUTINE_BYTES + 1)
    except IsADirectoryError:
        return _unreadable(path, "is a folder, not a routine file")
    except OSError as error:
        return _unreadable(path, f"cannot be read: {error.strerror or error}")
    if len(data) > MAX_ROUTINE_BYTES:
        return _unreadable(
            path, f"is larger than {MAX_ROUTINE_BYTES // 1024} KiB, too large for a routine file"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the file as UTF-8"
        return ParsedRoutine(None, (LoadProblem(path, line, None, message),))
    return parse_routine(text, path, exercise_ids)


def parse_routine(text: str, source: Path, exercise_ids: Collection[str]) -> ParsedRoutine:
    """Parse and check one routine file's text; ``source`` names it in messages."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return ParsedRoutine(None, (syntax_problem(source, error, text),))
    lines = key_lines(text)
    checker = _Checker(source, lines, exercise_ids)
    routine = checker.routine(document)
    return ParsedRoutine(routine, tuple(checker.problems), lines)


# ------------------------------------------------------------------------------ internals
class _Checker(ProblemCollector):
    """Reads one routine document field by field, collecting a problem for each mistake."""

    KIND = "routine"
    EXAMPLE_ID = "glute-wake-up"

    def __init__(
        self, source: Path, lines: Mapping[KeyPath, int], exercise_ids: Collection[str]
    ) -> None:
        super().__init__(source, lines)
        self.exercise_ids = exercise_ids

    # ------------------------------------------------------------------ the routine
    def routine(self, document: Mapping[str, object]) -> Routine | None:
        if not document:
            self.error((), "the file is empty; docs/routine-format.md shows what goes in it")
            return None
        if not self.schema(document):
            return None
        self.unknown_keys(document, (), TOP_LEVEL_KEYS)
        routine_id = self.identifier(document.get("id"), ("id",))
        name = self.text(document, "name", MAX_NAME_CHARS)
        summary = self.text(document, "summary", MAX_SUMMARY_CHARS)
        steps = self.steps(document)
        if (
            self.error_count
            or routine_id is None
            or name is None
            or summary is None
            or steps is None
        ):
            return None
        return Routine(routine_id, name, summary, steps, source=self.source)

    def steps(self, document: Mapping[str, object]) -> tuple[RoutineStep, ...] | None:
        raw = document.get("steps")
        example = 'a [[steps]] table per exercise, with exercise = "glute-bridge"'
        if raw is None:
            self.error(("steps",), f"missing: {example}")
            return None
        if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
            self.error(("steps",), f"expected {example}; got {shown(raw)}")
            return None
        if not raw:
            self.error(("steps",), f"is empty: {example}")
            return None
        if len(raw) > MAX_STEPS:
            self.error(("steps",), f"has {len(raw)} steps; at most {MAX_STEPS} fit")
            return None
        steps = [self.step(item, ("steps", index)) for index, item in enumerate(raw)]
        checked = tuple(step for step in steps if step is not None)
        return checked if len(checked) == len(steps) else None

    def step(self, table: Mapping[str, object], path: KeyPath) -> RoutineStep | None:
        errors_before = self.error_count
        self.unknown_keys(table, path, STEP_KEYS)
        exercise_id = self.exercise(table.get("exercise"), (*path, "exercise"))
        dose = self.dose(table.get("dose"), (*path, "dose"))
        rest_s = table.get("rest_s", DEFAULT_REST_S)
        if isinstance(rest_s, bool) or not isinstance(rest_s, int) or rest_s not in REST_S_RANGE:
            self.error(
                (*path, "rest_s"),
                f"expected whole seconds {REST_S_RANGE.start}–{REST_S_RANGE.stop - 1}, "
                f"got {shown(rest_s)}",
            )
        if self.error_count > errors_before or exercise_id is None or not isinstance(rest_s, int):
            return None
        return RoutineStep(exercise_id, dose, rest_s)

    def exercise(self, raw: object, path: KeyPath) -> str | None:
        if raw is None:
            self.error(path, 'missing: the id of an exercise, like exercise = "glute-bridge"')
            return None
        if not isinstance(raw, str):
            self.error(path, f"expected the id of an exercise in quotes, got {shown(raw)}")
            return None
        if raw not in self.exercise_ids:
            hint = did_you_mean(raw, sorted(self.exercise_ids))
            self.error(path, f'no exercise has the id "{raw}"{hint}')
            return None
        return raw

    def dose(self, raw: object, path: KeyPath) -> Dose | None:
        """The step's own dose, checked like an exercise's; None when absent or wrong."""
        return None if raw is None else self.dose_table(raw, path)


def _unreadable(path: Path, message: str) -> ParsedRoutine:
    return ParsedRoutine(None, (LoadProblem(path, None, None, message),))


def _clash(path: Path, parsed: ParsedRoutine, routine_id: str, first: Path) -> LoadProblem:
    """A second file with a known id: named with the first, so the user can pick one."""
    first_name = first.name if first.parent == path.parent else str(first)
    message = (
        f'"{routine_id}" is already the id of {first_name}; this file is skipped '
        "(give it an id of its own to add it)"
    )
    return LoadProblem(path, parsed.lines.get(("id",)), "id", message)


def _routine_files(folder: Path) -> tuple[list[Path], list[LoadProblem]]:
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
        return [], [LoadProblem(folder, None, None, "is a file, not a folder of routines")]
    except OSError as error:
        return [], [LoadProblem(folder, None, None, f"cannot be read: {error.strerror}")]
    problems = []
    if len(names) > MAX_FILES_PER_FOLDER:
        message = f"holds {len(names)} files; only the first {MAX_FILES_PER_FOLDER} are read"
        problems.append(LoadProblem(folder, None, None, message))
    return [folder / name for name in names[:MAX_FILES_PER_FOLDER]], problems
