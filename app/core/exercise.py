"""Exercises and the choice of the next one: pure data and a seeded, explainable rule.

The library files are read elsewhere (``app/library``); this module only knows the shape of
an exercise and how to pick one. ``suggest`` rotates through the posterior chain: it aims
at the muscle group that has waited longest in the recent history, never shows one of the
last three exercises again while anything else fits, and takes all of its randomness from
the ``random.Random`` it is given, so a seed replays the same choices.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Literal

from app.core.i18n import QT_TRANSLATE_NOOP, Translate, untranslated

CONTEXT = "exercise"
"""The translation context of every string in this module."""

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""Exercise ids are kebab-case: lower-case letters and digits joined by single hyphens."""
MAX_ID_LENGTH = 60


# ------------------------------------------------------------------------------ vocabulary
class Category(StrEnum):
    STRETCH = "stretch"
    ACTIVATION = "activation"
    STRENGTH = "strength"
    MOBILITY = "mobility"
    WALK = "walk"

    def label(self, translate: Translate = untranslated) -> str:
        return translate(CONTEXT, _CATEGORY_LABELS[self])


class Position(StrEnum):
    STANDING = "standing"
    SEATED = "seated"
    FLOOR = "floor"

    def label(self, translate: Translate = untranslated) -> str:
        return translate(CONTEXT, _POSITION_LABELS[self])


class Equipment(StrEnum):
    CHAIR = "chair"
    DESK = "desk"
    WALL = "wall"
    BAND = "band"
    KETTLEBELL = "kettlebell"
    FOAM_ROLLER = "foam-roller"
    TENNIS_BALL = "tennis-ball"
    MAT = "mat"

    def label(self, translate: Translate = untranslated) -> str:
        return translate(CONTEXT, _EQUIPMENT_LABELS[self])


class MuscleGroup(StrEnum):
    """The six groups of the posterior chain that suggestions rotate through."""

    GLUTES = "glutes"
    HAMSTRINGS = "hamstrings"
    CALVES_ANKLES = "calves-ankles"
    ERECTOR_SPINAE = "erector-spinae"
    HIP_FLEXORS = "hip-flexors"
    QUADS = "quads"

    def label(self, translate: Translate = untranslated) -> str:
        return translate(CONTEXT, _GROUP_LABELS[self])


class Muscle(StrEnum):
    GLUTES = "glutes"
    HAMSTRINGS = "hamstrings"
    CALVES = "calves"
    ANKLES = "ankles"
    ERECTOR_SPINAE = "erector-spinae"
    HIP_FLEXORS = "hip-flexors"
    QUADS = "quads"
    ADDUCTORS = "adductors"
    ABDUCTORS = "abductors"
    CORE = "core"

    @property
    def group(self) -> MuscleGroup | None:
        """The rotation group this muscle counts for; None for muscles outside the chain."""
        return _GROUP_OF_MUSCLE.get(self)

    def label(self, translate: Translate = untranslated) -> str:
        return translate(CONTEXT, _MUSCLE_LABELS[self])


_GROUP_OF_MUSCLE = {
    Muscle.GLUTES: MuscleGroup.GLUTES,
    # The hip abductors are mostly gluteus medius and minimus: clamshells are glute work.
    Muscle.ABDUCTORS: MuscleGroup.GLUTES,
    Muscle.HAMSTRINGS: MuscleGroup.HAMSTRINGS,
    Muscle.CALVES: MuscleGroup.CALVES_ANKLES,
    Muscle.ANKLES: MuscleGroup.CALVES_ANKLES,
    Muscle.ERECTOR_SPINAE: MuscleGroup.ERECTOR_SPINAE,
    Muscle.HIP_FLEXORS: MuscleGroup.HIP_FLEXORS,
    Muscle.QUADS: MuscleGroup.QUADS,
}

_CATEGORY_LABELS = {
    Category.STRETCH: QT_TRANSLATE_NOOP("exercise", "Stretch"),
    Category.ACTIVATION: QT_TRANSLATE_NOOP("exercise", "Activation"),
    Category.STRENGTH: QT_TRANSLATE_NOOP("exercise", "Strength"),
    Category.MOBILITY: QT_TRANSLATE_NOOP("exercise", "Mobility"),
    Category.WALK: QT_TRANSLATE_NOOP("exercise", "Walk"),
}
_POSITION_LABELS = {
    Position.STANDING: QT_TRANSLATE_NOOP("exercise", "Standing"),
    Position.SEATED: QT_TRANSLATE_NOOP("exercise", "Seated"),
    Position.FLOOR: QT_TRANSLATE_NOOP("exercise", "On the floor"),
}
_EQUIPMENT_LABELS = {
    Equipment.CHAIR: QT_TRANSLATE_NOOP("exercise", "Chair"),
    Equipment.DESK: QT_TRANSLATE_NOOP("exercise", "Desk"),
    Equipment.WALL: QT_TRANSLATE_NOOP("exercise", "Wall"),
    Equipment.BAND: QT_TRANSLATE_NOOP("exercise", "Resistance band"),
    Equipment.KETTLEBELL: QT_TRANSLATE_NOOP("exercise", "Kettlebell"),
    Equipment.FOAM_ROLLER: QT_TRANSLATE_NOOP("exercise", "Foam roller"),
    Equipment.TENNIS_BALL: QT_TRANSLATE_NOOP("exercise", "Tennis ball"),
    Equipment.MAT: QT_TRANSLATE_NOOP("exercise", "Mat"),
}
_GROUP_LABELS = {
    MuscleGroup.GLUTES: QT_TRANSLATE_NOOP("exercise", "Glutes"),
    MuscleGroup.HAMSTRINGS: QT_TRANSLATE_NOOP("exercise", "Hamstrings"),
    MuscleGroup.CALVES_ANKLES: QT_TRANSLATE_NOOP("exercise", "Calves and ankles"),
    MuscleGroup.ERECTOR_SPINAE: QT_TRANSLATE_NOOP("exercise", "Lower back"),
    MuscleGroup.HIP_FLEXORS: QT_TRANSLATE_NOOP("exercise", "Hip flexors"),
    MuscleGroup.QUADS: QT_TRANSLATE_NOOP("exercise", "Quads"),
}
_MUSCLE_LABELS = {
    Muscle.GLUTES: QT_TRANSLATE_NOOP("exercise", "Glutes"),
    Muscle.HAMSTRINGS: QT_TRANSLATE_NOOP("exercise", "Hamstrings"),
    Muscle.CALVES: QT_TRANSLATE_NOOP("exercise", "Calves"),
    Muscle.ANKLES: QT_TRANSLATE_NOOP("exercise", "Ankles"),
    Muscle.ERECTOR_SPINAE: QT_TRANSLATE_NOOP("exercise", "Lower back (erector spinae)"),
    Muscle.HIP_FLEXORS: QT_TRANSLATE_NOOP("exercise", "Hip flexors"),
    Muscle.QUADS: QT_TRANSLATE_NOOP("exercise", "Quads"),
    Muscle.ADDUCTORS: QT_TRANSLATE_NOOP("exercise", "Inner thighs"),
    Muscle.ABDUCTORS: QT_TRANSLATE_NOOP("exercise", "Outer hips"),
    Muscle.CORE: QT_TRANSLATE_NOOP("exercise", "Core"),
}


# ------------------------------------------------------------------------------ the dose
REPS_RANGE = range(1, 101)
HOLD_S_RANGE = range(1, 601)
SETS_RANGE = range(1, 11)

REP_S = 4.0
"""A slow, controlled repetition, there and back."""
SETUP_S = 10.0
"""Getting into position and reading the first step."""
SIDE_SWITCH_S = 5.0
SET_REST_S = 15.0

REPS = QT_TRANSLATE_NOOP("exercise", "{reps} reps")
ONE_REP = QT_TRANSLATE_NOOP("exercise", "1 rep")
REPS_EACH_SIDE = QT_TRANSLATE_NOOP("exercise", "{reps} reps each side")
ONE_REP_EACH_SIDE = QT_TRANSLATE_NOOP("exercise", "1 rep each side")
HOLD = QT_TRANSLATE_NOOP("exercise", "{seconds} s hold")
HOLD_EACH_SIDE = QT_TRANSLATE_NOOP("exercise", "{seconds} s each side")
SETS_TIMES = QT_TRANSLATE_NOOP("exercise", "{sets} × {amount}")


@dataclass(frozen=True, slots=True)
class Dose:
    """How much of an exercise: repetitions or a hold, in sets, on one side or each side."""

    reps: int | None = None
    hold_s: int | None = None
    """Seconds to hold a position; exactly one of ``reps`` and ``hold_s`` is set."""
    sets: int = 1
    per_side: bool = False

    def __post_init__(self) -> None:
        if (self.reps is None) == (self.hold_s is None):
            raise ValueError("a dose has either reps or hold_s, not both and not neither")
        if self.reps is not None and self.reps not in REPS_RANGE:
            raise ValueError(f"reps must be 1–100, got {self.reps}")
        if self.hold_s is not None and self.hold_s not in HOLD_S_RANGE:
            raise ValueError(f"hold_s must be 1–600, got {self.hold_s}")
        if self.sets not in SETS_RANGE:
            raise ValueError(f"sets must be 1–10, got {self.sets}")

    def describe(self, translate: Translate = untranslated) -> str:
        """Short words for the dose: "10 reps", "2 × 10 reps", "30 s each side", "30 s hold"."""
        if self.reps is not None:
            if self.reps == 1:
                amount = translate(CONTEXT, ONE_REP_EACH_SIDE if self.per_side else ONE_REP)
            else:
                template = REPS_EACH_SIDE if self.per_side else REPS
                amount = translate(CONTEXT, template).format(reps=self.reps)
        else:
            template = HOLD_EACH_SIDE if self.per_side else HOLD
            amount = translate(CONTEXT, template).format(seconds=self.hold_s)
        if self.sets == 1:
            return amount
        return translate(CONTEXT, SETS_TIMES).format(sets=self.sets, amount=amount)

    @property
    def sides(self) -> int:
        return 2 if self.per_side else 1

    @property
    def estimated_s(self) -> float:
        """Roughly how long the whole dose takes, with setup, side switches and rests."""
        work = self.reps * REP_S if self.reps is not None else float(self.hold_s or 0)
        switches = self.sets * (self.sides - 1) * SIDE_SWITCH_S
        rests = (self.sets - 1) * SET_REST_S
        return SETUP_S + self.sets * self.sides * work + switches + rests


# ------------------------------------------------------------------------------ animation
ANIMATION_FRAMES_RANGE = range(2, 25)
"""An animation has 2–24 pictures: two keyframes at least, a few in-betweens at most."""
ANIMATION_REP_S_MIN = 2.0
ANIMATION_REP_S_MAX = 20.0
"""A rep of the animation, there and back, takes 2–20 s: calm, never a flicker."""


@dataclass(frozen=True, slots=True)
class Animation:
    """The pictures of one rep's movement, played from the first to the last and back.

    Only movements done in repetitions have one; a hold is shown still.
    """

    frames: tuple[Path, ...]
    """From where a rep starts to where it turns back, in order."""
    rep_s: float = REP_S
    """Seconds for one rep there and back; the dose's pace unless the file says otherwise."""

    def __post_init__(self) -> None:
        if len(self.frames) not in ANIMATION_FRAMES_RANGE:
            low, high = ANIMATION_FRAMES_RANGE.start, ANIMATION_FRAMES_RANGE.stop - 1
            raise ValueError(f"an animation has {low}–{high} frames, got {len(self.frames)}")
        if not ANIMATION_REP_S_MIN <= self.rep_s <= ANIMATION_REP_S_MAX:
            raise ValueError(
                f"rep_s must be {ANIMATION_REP_S_MIN:g}–{ANIMATION_REP_S_MAX:g} s, got {self.rep_s}"
            )

    def mix_at(self, progress: float) -> FrameMix:
        """What to draw a fraction ``progress`` through a rep (wrapped into 0–1).

        The movement goes from the first frame to the last and back once per rep, easing in
        and out at both ends (a sine curve), so it slows where a calm rep turns around.
        """
        turn = 1.0 - abs(2.0 * (progress % 1.0) - 1.0)  # 0 → 1 → 0 over the rep
        eased = (1.0 - math.cos(math.pi * turn)) / 2.0
        position = eased * (len(self.frames) - 1)
        first = min(int(position), len(self.frames) - 2)
        return FrameMix(first, first + 1, position - first)


@dataclass(frozen=True, slots=True)
class FrameMix:
    """Two neighbouring frames and how far the movement is from the first to the second."""

    first: int
    second: int
    weight: float
    """0 shows ``first`` alone, 1 ``second`` alone; in between they cross-fade."""

    @property
    def nearest(self) -> int:
        """The frame closest to the pose of this moment."""
        return self.second if self.weight >= 0.5 else self.first


# ------------------------------------------------------------------------------ the exercise
@dataclass(frozen=True, slots=True)
class Variants:
    """Links to an easier and a harder version of the same movement, by exercise id."""

    easier: str | None = None
    harder: str | None = None

    def ids(self) -> tuple[str, ...]:
        return tuple(link for link in (self.easier, self.harder) if link is not None)


@dataclass(frozen=True, slots=True)
class Exercise:
    """One movement of the library. Every text is plain data, never markup or a template."""

    id: str
    name: str
    summary: str
    category: Category
    muscles: tuple[Muscle, ...]
    """The first muscle is the main target: it decides the exercise's rotation group."""
    position: Position
    equipment: tuple[Equipment, ...]
    dose: Dose
    steps: tuple[str, ...]
    cautions: tuple[str, ...] = ()
    variants: Variants = field(default_factory=Variants)
    illustration: Path | None = None
    """The picture's file, found by the loader; None when the exercise has none."""
    animation: Animation | None = None
    """The movement's frames, for exercises done in repetitions; None shows the still."""
    source: Path | None = None
    """The file the exercise was read from, for messages and the library window."""

    def __post_init__(self) -> None:
        if not is_valid_id(self.id):
            raise ValueError(f"exercise id must be kebab-case, got {self.id!r}")
        if not self.muscles:
            raise ValueError(f"exercise {self.id} names no muscle")
        if not self.steps:
            raise ValueError(f"exercise {self.id} has no steps")
        if self.animation is not None and self.dose.hold_s is not None:
            raise ValueError(f"exercise {self.id} is a hold: it is shown still, not animated")

    @property
    def rotation_group(self) -> MuscleGroup | None:
        """The group of the first muscle that belongs to one; None if none does."""
        return next((m.group for m in self.muscles if m.group is not None), None)

    @property
    def groups(self) -> frozenset[MuscleGroup]:
        """Every rotation group the exercise works, main target or not."""
        return frozenset(m.group for m in self.muscles if m.group is not None)


def is_valid_id(text: str) -> bool:
    return len(text) <= MAX_ID_LENGTH and ID_PATTERN.fullmatch(text) is not None


# ------------------------------------------------------------------------------ preferences
OFFICE_EQUIPMENT = frozenset({Equipment.CHAIR, Equipment.DESK, Equipment.WALL})


@dataclass(frozen=True, slots=True)
class Preferences:
    """What the user allows: positions, the equipment at hand, hidden and favourite ids."""

    allowed_positions: frozenset[Position] = frozenset(Position)
    equipment: frozenset[Equipment] = OFFICE_EQUIPMENT
    """What the user has; an exercise needing anything else is never suggested."""
    hidden_ids: frozenset[str] = frozenset()
    favourite_ids: frozenset[str] = frozenset()

    def allows(self, exercise: Exercise) -> bool:
        return (
            exercise.id not in self.hidden_ids
            and exercise.position in self.allowed_positions
            and self.equipment.issuperset(exercise.equipment)
        )


# ------------------------------------------------------------------------------ suggestion
SuggestionContext = Literal["desk", "any"]
"""Where the suggestion is for: a prompt at the desk, or anywhere (browsing, workouts)."""

DESK_POSITIONS = frozenset({Position.STANDING, Position.SEATED})
DESK_EQUIPMENT = OFFICE_EQUIPMENT
DESK_MIN_S = 60.0
DESK_MAX_S = 180.0

RECENT_TO_AVOID = 3
"""Never suggest one of this many most recent exercises while anything else fits."""
FAVOURITE_WEIGHT = 3
"""A favourite is this many times as likely as another exercise of the same group."""


def fits_context(exercise: Exercise, context: SuggestionContext) -> bool:
    """Whether the exercise can be done at all in the context (position and equipment)."""
    if context == "any":
        return True
    return exercise.position in DESK_POSITIONS and DESK_EQUIPMENT.issuperset(exercise.equipment)


def fits_time(exercise: Exercise, context: SuggestionContext) -> bool:
    """Whether the exercise takes the time the context likes (1–3 min at the desk)."""
    if context == "any":
        return True
    return DESK_MIN_S <= exercise.dose.estimated_s <= DESK_MAX_S


def suggest(
    library: Sequence[Exercise],
    history: Sequence[str],
    preferences: Preferences,
    rng: random.Random,
    context: SuggestionContext = "desk",
) -> Exercise | None:
    """The next exercise to offer, or None when nothing in the library fits.

    ``history`` holds the ids of recently shown exercises, newest last (ids no longer in the
    library still count as time passing). Preferences and the context's position and
    equipment are never relaxed. Among what fits: exercises outside the last three, then
    those that take the context's time, are preferred, each rule giving way only when
    nothing would be left; then the rotation group that waited longest wins (ties drawn by
    ``rng``), and within it a favourite is ``FAVOURITE_WEIGHT`` times as likely.
    """
    fitting = [e for e in library if preferences.allows(e) and fits_context(e, context)]
    if not fitting:
        return None
    candidates = _least_recent_exercises(fitting, history)
    candidates = [e for e in candidates if fits_time(e, context)] or candidates
    by_id = {exercise.id: exercise for exercise in library}
    target = _longest_waiting_group(candidates, history, by_id, rng)
    in_group = [e for e in candidates if e.rotation_group == target]
    weights = [FAVOURITE_WEIGHT if e.id in preferences.favourite_ids else 1 for e in in_group]
    return rng.choices(in_group, weights=weights)[0]


def _least_recent_exercises(fitting: list[Exercise], history: Sequence[str]) -> list[Exercise]:
    """Those outside the last three; if none, those shown longest ago (never shown first)."""
    recent = set(history[-RECENT_TO_AVOID:])
    fresh = [e for e in fitting if e.id not in recent]
    if fresh:
        return fresh
    last_seen = {exercise_id: index for index, exercise_id in enumerate(history)}
    oldest = min(last_seen.get(e.id, -1) for e in fitting)
    return [e for e in fitting if last_seen.get(e.id, -1) == oldest]


def _longest_waiting_group(
    candidates: Iterable[Exercise],
    history: Sequence[str],
    by_id: dict[str, Exercise],
    rng: random.Random,
) -> MuscleGroup | None:
    """The candidates' rotation group that was worked longest ago (None: outside the chain)."""
    groups = {e.rotation_group for e in candidates}
    waited = {group: _entries_since(group, history, by_id) for group in groups}
    longest = max(waited.values())
    tied = sorted((g for g in groups if waited[g] == longest), key=_group_order)
    return tied[0] if len(tied) == 1 else rng.choice(tied)


def _entries_since(
    group: MuscleGroup | None, history: Sequence[str], by_id: dict[str, Exercise]
) -> int:
    """How many exercises were shown since ``group`` was last worked (all of them: never)."""
    for age, exercise_id in enumerate(reversed(history)):
        shown = by_id.get(exercise_id)
        if shown is None:
            continue
        worked = shown.groups if group is not None else {shown.rotation_group}
        if group in worked:
            return age
    return len(history)


def _group_order(group: MuscleGroup | None) -> int:
    members = list(MuscleGroup)
    return members.index(group) if group is not None else len(members)
