"""The [exercises] section: which exercises may be suggested, favourites and hidden ones."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from app.core.exercise import OFFICE_EQUIPMENT, Equipment, Position, Preferences
from app.settings.model import ExerciseSettings, Settings
from app.settings.store import load_settings, save_settings
from tests.unit.settings.files import NOW, write


def load_exercises(path: Path, body: str) -> tuple[ExerciseSettings, list[str]]:
    load = load_settings(write(path, "[exercises]\n" + body), NOW)
    return load.settings.exercises, load.problems


def test_without_the_section_every_position_and_the_office_equipment_are_allowed(
    settings_path: Path,
) -> None:
    load = load_settings(write(settings_path, "schema = 1\n"), NOW)
    assert load.problems == []
    assert load.settings.preferences() == Preferences(
        allowed_positions=frozenset(Position),
        equipment=OFFICE_EQUIPMENT,
        hidden_ids=frozenset(),
        favourite_ids=frozenset(),
    )


def test_the_documented_defaults_load_as_the_defaults(settings_path: Path) -> None:
    body = (
        'positions = ["standing", "seated", "floor"]\n'
        'equipment = ["chair", "desk", "wall"]\n'
        "favourites = []\n"
        "hidden = []\n"
    )
    assert load_exercises(settings_path, body) == (ExerciseSettings(), [])


def test_preferences_carry_every_key(settings_path: Path) -> None:
    body = (
        'positions = ["Seated"]\n'
        'equipment = ["chair", "band", "chair"]\n'
        'favourites = ["glute-bridge", "my-own-stretch"]\n'
        'hidden = ["standing-march"]\n'
    )
    exercises, problems = load_exercises(settings_path, body)
    assert problems == []
    assert exercises.preferences() == Preferences(
        allowed_positions=frozenset({Position.SEATED}),
        equipment=frozenset({Equipment.CHAIR, Equipment.BAND}),
        hidden_ids=frozenset({"standing-march"}),
        favourite_ids=frozenset({"glute-bridge", "my-own-stretch"}),
    )


def test_preferences_saved_load_back_equal_in_a_stable_order(settings_path: Path) -> None:
    preferences = Preferences(
        allowed_positions=frozenset({Position.FLOOR, Position.STANDING}),
        equipment=frozenset({Equipment.TENNIS_BALL, Equipment.DESK}),
        hidden_ids=frozenset({"b-stretch", "a-stretch"}),
        favourite_ids=frozenset({"wall-sit"}),
    )
    save_settings(settings_path, Settings().with_preferences(preferences))

    load = load_settings(settings_path, NOW)
    assert load.problems == []
    assert load.settings.preferences() == preferences
    table = tomllib.loads(settings_path.read_text(encoding="utf-8"))["exercises"]
    assert table == {
        "positions": ["standing", "floor"],
        "equipment": ["desk", "tennis-ball"],
        "favourites": ["wall-sit"],
        "hidden": ["a-stretch", "b-stretch"],
    }


def test_an_empty_position_list_is_a_choice_not_a_mistake(settings_path: Path) -> None:
    exercises, problems = load_exercises(settings_path, "positions = []\n")
    assert problems == []
    assert exercises.preferences().allowed_positions == frozenset()


def test_an_unknown_word_costs_only_itself(settings_path: Path) -> None:
    exercises, problems = load_exercises(settings_path, 'positions = ["standing", "sitting"]\n')
    assert exercises.positions == {"standing"}
    assert problems == [
        f'{settings_path}: exercises.positions = ["standing", "sitting"]: "sitting" is not one of '
        '"standing", "seated", "floor"; using ["standing"]'
    ]


def test_every_unknown_word_is_named_with_the_allowed_ones(settings_path: Path) -> None:
    exercises, problems = load_exercises(settings_path, 'equipment = ["sofa", "desk", "cat"]\n')
    assert exercises.equipment == {"desk"}
    assert problems == [
        f"{settings_path}: "
        'exercises.equipment = ["sofa", "desk", "cat"]: "cat", "sofa" are not one of "chair", '
        '"desk", "wall", "band", "kettlebell", "foam-roller", "tennis-ball", "mat"; '
        'using ["desk"]'
    ]


def test_a_misspelt_id_is_dropped_and_the_other_favourites_kept(settings_path: Path) -> None:
    exercises, problems = load_exercises(
        settings_path, 'favourites = ["glute-bridge", "Wall Sit", "not-loaded-yet"]\n'
    )
    assert exercises.favourites == {"glute-bridge", "not-loaded-yet"}
    assert problems == [
        f"{settings_path}: "
        'exercises.favourites = ["glute-bridge", "Wall Sit", "not-loaded-yet"]: "wall sit" is '
        'not an id like "glute-bridge"; using ["glute-bridge", "not-loaded-yet"]'
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            'positions = "standing"\n',
            'exercises.positions = "standing": expected a list of words like '
            '["standing", "seated"] (any of "standing", "seated", "floor"); '
            'using the default ["standing", "seated", "floor"]',
        ),
        (
            "hidden = [3]\n",
            'exercises.hidden = [3]: expected a list of ids like ["glute-bridge"] '
            '(ids like "glute-bridge"); using the default []',
        ),
    ],
)
def test_a_value_that_is_not_a_list_of_strings_falls_back_to_its_default(
    settings_path: Path, body: str, message: str
) -> None:
    exercises, problems = load_exercises(settings_path, body)
    assert exercises == ExerciseSettings()
    assert problems == [f"{settings_path}: {message}"]


def test_unknown_keys_of_the_section_survive_a_save(settings_path: Path) -> None:
    write(
        settings_path,
        '[exercises]\nhidden = ["standing-march"]\nmood = "calm"\n[exercises.future]\nx = 1\n',
    )
    load = load_settings(settings_path, NOW)
    changed = load.settings.with_preferences(Preferences(favourite_ids=frozenset({"glute-bridge"})))
    save_settings(settings_path, changed)

    table = tomllib.loads(settings_path.read_text(encoding="utf-8"))["exercises"]
    assert table["mood"] == "calm"
    assert table["future"] == {"x": 1}
    assert table["favourites"] == ["glute-bridge"]
    assert table["hidden"] == []
    assert load_settings(settings_path, NOW).problems == []


def test_changing_preferences_leaves_the_other_sections_alone(settings_path: Path) -> None:
    write(settings_path, '[prompts]\nwindow_start = "50m"\nwindow_end = "70m"\n')
    load = load_settings(settings_path, NOW)
    save_settings(settings_path, load.settings.with_preferences(Preferences()))
    again = load_settings(settings_path, NOW).settings
    assert again.prompts == load.settings.prompts
    assert again.exercises == ExerciseSettings()
