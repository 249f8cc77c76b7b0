"""The library as text for people and as JSON for scripts (``sitbreak library --list``).

The JSON holds every field of every exercise, named as in the exercise files, so a script
can read the merged library without parsing TOML or knowing where the files are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.core.exercise import Exercise

NONE_SHOWN = "-"
"""What an empty cell (no equipment) shows in the table."""
_COLUMN_GAP = "  "


def library_table(exercises: Sequence[Exercise]) -> str:
    """Aligned columns: id, name, position, equipment, dose and main muscle, one row each."""
    header = ("ID", "NAME", "POSITION", "EQUIPMENT", "DOSE", "MAIN MUSCLE")
    rows = [header, *(_row(exercise) for exercise in exercises)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    lines = [
        _COLUMN_GAP.join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines)


def _row(exercise: Exercise) -> tuple[str, str, str, str, str, str]:
    return (
        exercise.id,
        exercise.name,
        exercise.position.value,
        ",".join(item.value for item in exercise.equipment) or NONE_SHOWN,
        exercise.dose.describe(),
        exercise.muscles[0].value,
    )


def library_json(exercises: Sequence[Exercise]) -> list[dict[str, Any]]:
    """One object per exercise, keys as in the exercise files (docs/cli.md lists them)."""
    return [exercise_json(exercise) for exercise in exercises]


def exercise_json(exercise: Exercise) -> dict[str, Any]:
    dose = exercise.dose
    group = exercise.rotation_group
    return {
        "id": exercise.id,
        "name": exercise.name,
        "summary": exercise.summary,
        "category": exercise.category.value,
        "muscles": [muscle.value for muscle in exercise.muscles],
        "group": group.value if group is not None else None,
        "position": exercise.position.value,
        "equipment": [item.value for item in exercise.equipment],
        "dose": {
            "reps": dose.reps,
            "hold_s": dose.hold_s,
            "sets": dose.sets,
            "per_side": dose.per_side,
            "text": dose.describe(),
            "estimated_s": dose.estimated_s,
        },
        "steps": list(exercise.steps),
        "cautions": list(exercise.cautions),
        "variants": {"easier": exercise.variants.easier, "harder": exercise.variants.harder},
        "illustration": str(exercise.illustration) if exercise.illustration else None,
        "animation": (
            {
                "frames": [str(frame) for frame in exercise.animation.frames],
                "rep_s": exercise.animation.rep_s,
            }
            if exercise.animation is not None
            else None
        ),
        "source": str(exercise.source) if exercise.source else None,
    }
