"""One exercise file's text in, an ``Exercise`` or messages that say what to fix out.

Every field is checked even after an earlier one failed, so one run shows the user every
mistake in the file. Errors keep the exercise out of the library; warnings (an unknown key,
a picture that cannot be used) leave it in with that part ignored. Texts are stored as plain
data: they are checked to be single lines without control characters, never interpreted.
"""

from __future__ import annotations

import difflib
import re
import tomllib
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from app.core.exercise import (
    HOLD_S_RANGE,
    REPS_RANGE,
    SETS_RANGE,
    Animation,
    Category,
    Dose,
    Equipment,
    Exercise,
    Muscle,
    Position,
    Variants,
    is_valid_id,
)
from app.library.animation import ANIMATION_KEYS, read_animation
from app.library.positions import KeyPath, key_lines, line_of
from app.library.problems import IllustrationUnavailable as IllustrationUnavailable
from app.library.problems import LoadProblem, Severity, field_name
from app.library.problems import shown as shown

SCHEMA_VERSION = 1
"""The format version this Sitbreak reads; a file declares its own with ``schema = 1``."""

MAX_NAME_CHARS = 60
MAX_SUMMARY_CHARS = 140
MAX_ITEM_CHARS = 240
"""The longest step or caution."""
MAX_STEPS = 12
MAX_CAUTIONS = 8
ILLUSTRATION_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,95}\.(?:svg|png)")
"""A plain file name, no folders: the loader looks it up in known folders only."""

TOP_LEVEL_KEYS = (
    "schema",
    "id",
    "name",
    "summary",
    "category",
    "muscles",
    "position",
    "equipment",
    "dose",
    "steps",
    "cautions",
    "variants",
    "illustration",
    "animation",
)
DOSE_KEYS = ("reps", "hold_s", "sets", "per_side")
VARIANT_KEYS = ("easier", "harder")

HINT_CUTOFF = 0.75
"""How alike a wrong word must be to a known one before a message suggests it."""

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_AT_END = re.compile(r"\s*\(at end of document\)\s*$")

Choice = TypeVar("Choice", bound=StrEnum)


IllustrationResolver = Callable[[str], Path]
"""Finds a picture by its file name, or raises ``IllustrationUnavailable``."""


@dataclass(frozen=True, slots=True)
class ParsedExercise:
    exercise: Exercise | None
    """None when the file had an error."""
    problems: tuple[LoadProblem, ...]
    lines: Mapping[KeyPath, int] = field(default_factory=dict)
    """Where each key was written, for later messages about this file."""


def parse_exercise(
    text: str, source: Path, resolve_illustration: IllustrationResolver
) -> ParsedExercise:
    """Parse and check one exercise file's text; ``source`` names it in messages."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return ParsedExercise(None, (syntax_problem(source, error, text),))
    lines = key_lines(text)
    checker = _Checker(source, lines)
    exercise = checker.exercise(document, resolve_illustration)
    return ParsedExercise(exercise, tuple(checker.problems), lines)


def syntax_problem(source: Path, error: tomllib.TOMLDecodeError, text: str) -> LoadProblem:
    """``tomllib``'s message, with its "(at line L, column C)" turned into our line."""
    message = str(error)
    line: int | None = None
    if match := _TOML_POSITION.search(message):
        line = int(match.group(1))
        message = f"{message[: match.start()]} (column {match.group(2)})"
    elif match := _TOML_AT_END.search(message):
        line = text.count("\n") + 1
        message = f"{message[: match.start()]} (at the end of the file)"
    return LoadProblem(source, line, None, f"not valid TOML: {message}")


class ProblemCollector:
    """Collects a problem, with its file, line and field, for each mistake found while a
    document is read field by field (exercise and routine files alike)."""

    KIND = "document"
    """What the file describes, for "every exercise needs a name"."""
    EXAMPLE_ID = "glute-bridge"
    """An id of that kind, for the messages that show one."""

    def __init__(self, source: Path, lines: Mapping[KeyPath, int]) -> None:
        self.source = source
        self.lines = lines
        self.problems: list[LoadProblem] = []

    def error(self, path: KeyPath, message: str) -> None:
        self._add(path, message, Severity.ERROR)

    def warning(self, path: KeyPath, message: str) -> None:
        self._add(path, message, Severity.WARNING)

    def _add(self, path: KeyPath, message: str, severity: Severity) -> None:
        line = line_of(self.lines, path)
        self.problems.append(LoadProblem(self.source, line, field_name(path), message, severity))

    @property
    def error_count(self) -> int:
        return sum(1 for p in self.problems if p.severity is Severity.ERROR)

    def unknown_keys(
        self, table: Mapping[str, object], path: KeyPath, known: tuple[str, ...]
    ) -> None:
        for key in table:
            if key not in known:
                self.warning((*path, key), f"unknown key, ignored{did_you_mean(key, known)}")

    def schema(self, document: Mapping[str, object]) -> bool:
        """False when the file is for a newer format: its other fields may mean other things."""
        raw = document.get("schema")
        if raw is None:
            self.error(("schema",), f"missing: start the file with schema = {SCHEMA_VERSION}")
        elif isinstance(raw, bool) or not isinstance(raw, int):
            self.error(("schema",), f"expected the whole number {SCHEMA_VERSION}, got {shown(raw)}")
        elif raw > SCHEMA_VERSION:
            self.error(
                ("schema",),
                f"written for a newer Sitbreak (format {raw}); "
                f"this version reads format {SCHEMA_VERSION}",
            )
            return False
        elif raw < 1:
            self.error(("schema",), f"expected {SCHEMA_VERSION}, got {raw}")
        return True

    def line_of_text(self, raw: object, path: KeyPath, max_chars: int) -> str | None:
        if not isinstance(raw, str):
            self.error(path, f"expected text in quotes, got {shown(raw)}")
            return None
        text = raw.strip()
        if not text:
            self.error(path, "is empty")
            return None
        for char in text:
            if char in "\n\r" or unicodedata.category(char) in ("Zl", "Zp"):
                self.error(path, "must be a single line (found a line break)")
                return None
            if unicodedata.category(char) == "Cc":
                self.error(path, f"must be plain text (found control character U+{ord(char):04X})")
                return None
        if len(text) > max_chars:
            self.error(path, f"is {len(text)} characters long; at most {max_chars} fit")
            return None
        return text

    def identifier(self, raw: object, path: KeyPath, *, required: bool = True) -> str | None:
        """A kebab-case id; None when absent (reported if ``required``) or wrong (reported)."""
        if raw is None:
            if required:
                self.error(
                    path, f'missing: every {self.KIND} needs an id, like "{self.EXAMPLE_ID}"'
                )
            return None
        if not isinstance(raw, str) or not is_valid_id(raw):
            self.error(
                path,
                f'expected a kebab-case id like "{self.EXAMPLE_ID}" (lower-case letters, '
                f"digits and single hyphens, at most 60), got {shown(raw)}",
            )
            return None
        return raw

    def text(self, document: Mapping[str, object], key: str, max_chars: int) -> str | None:
        raw = document.get(key)
        if raw is None:
            self.error((key,), f"missing: every {self.KIND} needs a {key}")
            return None
        return self.line_of_text(raw, (key,), max_chars)

    def whole_number(self, table: Mapping[str, object], path: KeyPath, valid: range) -> int | None:
        """The value of an optional key; None when it is absent (or wrong, reported)."""
        key = str(path[-1])
        if key not in table:
            return None
        raw = table[key]
        if isinstance(raw, int) and not isinstance(raw, bool) and raw in valid:
            return raw
        self.error(
            path, f"expected a whole number {valid.start}–{valid.stop - 1}, got {shown(raw)}"
        )
        return None

    def dose_table(self, raw: object, path: KeyPath) -> Dose | None:
        """A dose table (``{ reps = 10, sets = 2 }``), in an exercise or a routine step."""
        if not isinstance(raw, dict):
            self.error(path, f"expected a table like {{ reps = 10, sets = 2 }}, got {shown(raw)}")
            return None
        errors_before = self.error_count
        self.unknown_keys(raw, path, DOSE_KEYS)
        reps = self.whole_number(raw, (*path, "reps"), REPS_RANGE)
        hold_s = self.whole_number(raw, (*path, "hold_s"), HOLD_S_RANGE)
        if "reps" in raw and "hold_s" in raw:
            self.error((*path, "hold_s"), "give reps or hold_s, not both")
        elif "reps" not in raw and "hold_s" not in raw:
            self.error(path, "needs reps (repetitions) or hold_s (seconds to hold)")
        sets = self.whole_number(raw, (*path, "sets"), SETS_RANGE)
        per_side = raw.get("per_side", False)
        if not isinstance(per_side, bool):
            self.error((*path, "per_side"), f"expected true or false, got {shown(per_side)}")
        if self.error_count > errors_before or not isinstance(per_side, bool):
            return None
        return Dose(reps=reps, hold_s=hold_s, sets=sets or 1, per_side=per_side)


def did_you_mean(word: str, known: Sequence[str]) -> str:
    """' (did you mean "x"?)' for the closest of ``known``, or nothing when none is close."""
    close = difflib.get_close_matches(word, known, n=1, cutoff=HINT_CUTOFF)
    return f' (did you mean "{close[0]}"?)' if close else ""


class _Checker(ProblemCollector):
    KIND = "exercise"
    """Reads one exercise document field by field, collecting a problem for each mistake."""

    # ------------------------------------------------------------------ the exercise
    def exercise(
        self, document: Mapping[str, object], resolve_illustration: IllustrationResolver
    ) -> Exercise | None:
        if not document:
            self.error((), "the file is empty; docs/exercise-format.md shows what goes in it")
            return None
        if not self.schema(document):
            return None
        self.unknown_keys(document, (), TOP_LEVEL_KEYS)
        exercise_id = self.identifier(document.get("id"), ("id",))
        name = self.text(document, "name", MAX_NAME_CHARS)
        summary = self.text(document, "summary", MAX_SUMMARY_CHARS)
        category = self.choice(document, "category", Category)
        muscles = self.choices(document, "muscles", Muscle, required=True)
        position = self.choice(document, "position", Position)
        equipment = self.choices(document, "equipment", Equipment, required=False)
        dose = self.dose(document)
        steps = self.texts(document, "steps", MAX_STEPS, required=True)
        cautions = self.texts(document, "cautions", MAX_CAUTIONS, required=False)
        variants = self.variants(document)
        illustration = self.illustration(document, resolve_illustration)
        animation = self.animation(document, dose, resolve_illustration)
        if (
            self.error_count
            or exercise_id is None
            or name is None
            or summary is None
            or category is None
            or muscles is None
            or position is None
            or equipment is None
            or dose is None
            or steps is None
            or cautions is None
            or variants is None
        ):
            return None
        return Exercise(
            id=exercise_id,
            name=name,
            summary=summary,
            category=category,
            muscles=muscles,
            position=position,
            equipment=equipment,
            dose=dose,
            steps=steps,
            cautions=cautions,
            variants=variants,
            illustration=illustration,
            animation=animation,
            source=self.source,
        )

    # ------------------------------------------------------------------ field kinds
    def choice(self, document: Mapping[str, object], key: str, kind: type[Choice]) -> Choice | None:
        raw = document.get(key)
        if raw is None:
            self.error((key,), f"missing: one of {_listing(kind)}")
            return None
        return self.member(raw, (key,), kind)

    def member(self, raw: object, path: KeyPath, kind: type[Choice]) -> Choice | None:
        values = [member.value for member in kind]
        if isinstance(raw, str) and raw in values:
            return kind(raw)
        hint = ""
        if isinstance(raw, str) and (
            close := difflib.get_close_matches(raw, values, n=1, cutoff=HINT_CUTOFF)
        ):
            hint = f' (did you mean "{close[0]}"?)'
        self.error(path, f"expected one of {_listing(kind)}; got {shown(raw)}{hint}")
        return None

    def choices(
        self, document: Mapping[str, object], key: str, kind: type[Choice], *, required: bool
    ) -> tuple[Choice, ...] | None:
        raw = document.get(key)
        if raw is None:
            if required:
                self.error((key,), f"missing: a list of {_listing(kind)}")
                return None
            return ()
        if not isinstance(raw, list):
            self.error(
                (key,), f'expected a list like ["{next(iter(kind)).value}"], got {shown(raw)}'
            )
            return None
        if required and not raw:
            self.error((key,), f"is empty: name at least one of {_listing(kind)}")
            return None
        chosen: list[Choice] = []
        valid = True
        for index, item in enumerate(raw):
            member = self.member(item, (key, index), kind)
            if member is None:
                valid = False
            elif member in chosen:
                self.error((key, index), f'"{member.value}" is listed twice')
                valid = False
            else:
                chosen.append(member)
        return tuple(chosen) if valid else None

    def texts(
        self, document: Mapping[str, object], key: str, max_items: int, *, required: bool
    ) -> tuple[str, ...] | None:
        raw = document.get(key)
        if raw is None:
            if required:
                self.error((key,), 'missing: a list of short sentences, like ["Stand tall."]')
                return None
            return ()
        if not isinstance(raw, list):
            self.error((key,), f'expected a list of texts like ["Stand tall."], got {shown(raw)}')
            return None
        if required and not raw:
            self.error((key,), "is empty: write at least one")
            return None
        if len(raw) > max_items:
            self.error((key,), f"has {len(raw)} items; at most {max_items} fit")
            return None
        items = [self.line_of_text(item, (key, i), MAX_ITEM_CHARS) for i, item in enumerate(raw)]
        texts = [item for item in items if item is not None]
        return tuple(texts) if len(texts) == len(items) else None

    # ------------------------------------------------------------------ tables
    def dose(self, document: Mapping[str, object]) -> Dose | None:
        raw = document.get("dose")
        if raw is None:
            self.error(
                ("dose",),
                "missing: say how much, like dose = { reps = 10 } or dose = { hold_s = 30 }",
            )
            return None
        return self.dose_table(raw, ("dose",))

    def variants(self, document: Mapping[str, object]) -> Variants | None:
        raw = document.get("variants")
        if raw is None:
            return Variants()
        if not isinstance(raw, dict):
            self.error(
                ("variants",),
                'expected a table like { easier = "seated-march", harder = "single-leg-bridge" }, '
                f"got {shown(raw)}",
            )
            return None
        errors_before = self.error_count
        self.unknown_keys(raw, ("variants",), VARIANT_KEYS)
        easier = self.identifier(raw.get("easier"), ("variants", "easier"), required=False)
        harder = self.identifier(raw.get("harder"), ("variants", "harder"), required=False)
        if self.error_count > errors_before:
            return None
        return Variants(easier=easier, harder=harder)

    def illustration(
        self, document: Mapping[str, object], resolve: IllustrationResolver
    ) -> Path | None:
        """The picture's path; any trouble with it is a warning, the exercise still loads."""
        raw = document.get("illustration")
        if raw is None:
            return None
        path: KeyPath = ("illustration",)
        if not isinstance(raw, str) or not ILLUSTRATION_NAME.fullmatch(raw):
            self.warning(
                path,
                'expected the file name of an .svg or .png picture, like "glute-bridge.svg" '
                f"(no folders), got {shown(raw)}; the exercise shows no picture",
            )
            return None
        try:
            return resolve(raw)
        except IllustrationUnavailable as error:
            self.warning(path, f"{error}; the exercise shows no picture")
            return None

    def animation(
        self, document: Mapping[str, object], dose: Dose | None, resolve: IllustrationResolver
    ) -> Animation | None:
        """The movement's frames; like the picture, any trouble is a warning."""
        raw = document.get("animation")
        if raw is None:
            return None
        if isinstance(raw, dict):
            self.unknown_keys(raw, ("animation",), ANIMATION_KEYS)
        return read_animation(raw, dose, resolve, self.warning)


def _listing(kind: type[StrEnum]) -> str:
    return ", ".join(member.value for member in kind)
