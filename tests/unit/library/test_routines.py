"""Routine files: the bundled ones fit their time bands, and mistakes name file, line, field."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.exercise import Dose
from app.core.routine import RoutinePlan, RoutineStep
from app.library.loader import load_library
from app.library.routines import load_routines, parse_routine
from app.resources import exercises_dir, illustrations_dir, resources_dir

ROUTINES_DIR = resources_dir() / "routines"
LIBRARY = load_library([exercises_dir()], illustration_dirs=[illustrations_dir()])
EXERCISES = {exercise.id: exercise for exercise in LIBRARY.exercises}

GOOD = """\
schema = 1
id = "my-routine"
name = "My routine"
summary = "Two moves."

[[steps]]
exercise = "glute-bridge"
dose = { reps = 8, sets = 3 }
rest_s = 30

[[steps]]
exercise = "clamshell"
"""


def problems_of(text: str) -> list[str]:
    parsed = parse_routine(text, Path("mine.toml"), EXERCISES)
    return [str(problem) for problem in parsed.problems]


# ------------------------------------------------------------------------------ bundled
BANDS_MIN = {
    "daily-posterior-chain-stretch": (10, 15),
    "glute-wake-up": (4, 6),
    "strength-day": (20, 30),
}


def test_the_bundled_routines_load_without_a_problem():
    loaded = load_routines([ROUTINES_DIR], EXERCISES)
    assert loaded.problems == ()
    assert {routine.id for routine in loaded.routines} == set(BANDS_MIN)


@pytest.mark.parametrize(("routine_id", "band"), BANDS_MIN.items())
def test_each_bundled_routine_takes_the_time_it_promises(routine_id, band):
    routine = load_routines([ROUTINES_DIR], EXERCISES).get(routine_id)
    assert routine is not None
    assert all(step.exercise_id in EXERCISES for step in routine.steps)
    minutes = RoutinePlan(routine, EXERCISES).total_ms / 60_000
    low, high = band
    assert low <= minutes <= high, f"{routine_id} takes {minutes:.1f} min"


def test_the_file_name_is_the_id():
    for path in ROUTINES_DIR.glob("*.toml"):
        routine = load_routines([ROUTINES_DIR], EXERCISES).get(path.stem)
        assert routine is not None, path


# ------------------------------------------------------------------------------ parsing
def test_a_good_file_reads_into_steps_with_their_doses_and_rests():
    parsed = parse_routine(GOOD, Path("mine.toml"), EXERCISES)
    assert parsed.problems == ()
    assert parsed.routine is not None
    assert parsed.routine.steps == (
        RoutineStep("glute-bridge", Dose(reps=8, sets=3), 30),
        RoutineStep("clamshell", None, 15),
    )


def test_an_unknown_exercise_is_an_error_naming_it_with_a_hint():
    text = GOOD.replace('"clamshell"', '"clamshel"')
    assert problems_of(text) == [
        'mine.toml:12: steps[2].exercise: no exercise has the id "clamshel" '
        '(did you mean "clamshell"?)'
    ]
    assert parse_routine(text, Path("mine.toml"), EXERCISES).routine is None


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("rest_s = 30", "rest_s = -1", "mine.toml:9: steps[1].rest_s: expected whole seconds"),
        ("sets = 3", "sets = 30", "mine.toml:8: steps[1].dose.sets: expected a whole number 1–10"),
        ("reps = 8,", "reps = 8, hold_s = 3,", "mine.toml:8: steps[1].dose.hold_s: give reps or"),
        ('id = "my-routine"', 'id = "My Routine"', "mine.toml:2: id: expected a kebab-case id"),
        ('name = "My routine"\n', "", "mine.toml: name: missing"),
        ("schema = 1", "schema = 2", "mine.toml:1: schema: written for a newer Sitbreak"),
        ('exercise = "clamshell"', "exercise = 3", "mine.toml:12: steps[2].exercise: expected"),
    ],
)
def test_each_mistake_names_file_line_and_field(old, new, expected):
    problems = problems_of(GOOD.replace(old, new))
    assert len(problems) == 1
    assert problems[0].startswith(expected)


def test_an_unknown_key_is_a_warning_and_the_routine_loads():
    parsed = parse_routine(GOOD.replace("rest_s = 30", "rest = 30"), Path("m.toml"), EXERCISES)
    assert parsed.routine is not None
    assert [str(p) for p in parsed.problems] == [
        'm.toml:9: steps[1].rest: unknown key, ignored (did you mean "rest_s"?)'
    ]


def test_broken_toml_says_where():
    assert problems_of("schema = 1\nid = \n") == [
        "mine.toml:2: not valid TOML: Invalid value (column 6)"
    ]


# ------------------------------------------------------------------------------ folders
def test_a_user_routine_with_a_bundled_id_is_skipped_and_reported(tmp_path):
    clash = GOOD.replace('"my-routine"', '"glute-wake-up"').replace("My routine", "Mine")
    (tmp_path / "glute.toml").write_text(clash, encoding="utf-8")
    (tmp_path / "mine.toml").write_text(GOOD, encoding="utf-8")
    loaded = load_routines([ROUTINES_DIR, tmp_path], EXERCISES)
    wake_up = loaded.get("glute-wake-up")
    assert wake_up is not None
    assert wake_up.name == "Glute wake-up"
    assert loaded.get("my-routine") is not None
    bundled = ROUTINES_DIR / "glute-wake-up.toml"
    assert [str(p) for p in loaded.problems] == [
        f'glute.toml:2: id: "glute-wake-up" is already the id of {bundled}; '
        "this file is skipped (give it an id of its own to add it)"
    ]


def test_a_broken_file_never_stops_the_others(tmp_path):
    (tmp_path / "a.toml").write_bytes(b'schema = 1\nname = "\xff"\n')
    (tmp_path / "b.toml").write_text(GOOD, encoding="utf-8")
    loaded = load_routines([tmp_path, tmp_path / "missing"], EXERCISES)
    assert [r.id for r in loaded.routines] == ["my-routine"]
    assert [str(p) for p in loaded.problems] == [
        "a.toml:2: not UTF-8 text (byte 0xff); save the file as UTF-8",
        "missing: folder not found",
    ]
