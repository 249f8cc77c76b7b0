"""The library Sitbreak ships: loads cleanly and covers the posterior chain at the desk."""

from __future__ import annotations

import pytest

from app.core.exercise import MuscleGroup, fits_context, fits_time
from app.library.loader import LibraryLoad, load_library
from app.resources import exercises_dir, illustrations_dir


@pytest.fixture(scope="module")
def bundled() -> LibraryLoad:
    return load_library([exercises_dir()], illustration_dirs=[illustrations_dir()])


def test_the_bundled_library_loads_without_a_single_problem(bundled):
    assert [str(p) for p in bundled.problems] == []
    assert len(bundled.exercises) >= 8


def test_every_exercise_file_is_named_after_its_id(bundled):
    for exercise in bundled.exercises:
        assert exercise.source is not None
        assert exercise.source.name == f"{exercise.id}.toml"


def test_every_exercise_has_a_bundled_picture_and_cautions(bundled):
    for exercise in bundled.exercises:
        assert exercise.illustration is not None, exercise.id
        assert exercise.illustration.parent == illustrations_dir()
        assert exercise.cautions, exercise.id


def test_each_group_of_the_chain_has_a_desk_exercise_aimed_at_it(bundled):
    desk_ready = [e for e in bundled.exercises if fits_context(e, "desk") and fits_time(e, "desk")]
    assert {e.rotation_group for e in desk_ready} >= set(MuscleGroup)


def test_every_exercise_fits_a_desk_prompt(bundled):
    for exercise in bundled.exercises:
        assert fits_context(exercise, "desk"), exercise.id
        assert 60 <= exercise.dose.estimated_s <= 180, (exercise.id, exercise.dose)


def test_variant_links_go_both_ways(bundled):
    by_id = {e.id: e for e in bundled.exercises}
    for exercise in bundled.exercises:
        if exercise.variants.harder is not None:
            assert by_id[exercise.variants.harder].variants.easier == exercise.id
        if exercise.variants.easier is not None:
            assert by_id[exercise.variants.easier].variants.harder == exercise.id


def test_every_picture_is_used(bundled):
    used = {e.illustration.name for e in bundled.exercises if e.illustration is not None}
    assert used == {path.name for path in illustrations_dir().iterdir()}
