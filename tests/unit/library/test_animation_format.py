"""The ``animation`` field of an exercise file: frames that exist, a calm pace, reps only.

Trouble with an animation is a warning naming file, line and field; the exercise still
loads and shows its still picture. Also the pure model: the movement there and back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.exercise import (
    REP_S,
    Animation,
    Category,
    Dose,
    Exercise,
    Muscle,
    Position,
)
from app.library.loader import load_library
from app.library.problems import LoadProblem, Severity
from app.resources import exercises_dir, illustrations_dir
from tests.unit.library.exercise_files import PICTURE, VALID, line_number, with_line, write

FRAMES = ("bridge.down.svg", "bridge.up.svg")


def with_animation(animation_lines: str, *, text: str = VALID) -> str:
    """The valid exercise with ``animation_lines`` written after its picture."""
    picture = 'illustration = "glute-bridge.svg"'
    return with_line(text, picture, f"{picture}\n{animation_lines}")


def load(folder: Path, text: str, frames: tuple[str, ...] = FRAMES):
    write(folder, "glute-bridge.toml", text)
    for name in frames:
        (folder / name).write_text(PICTURE, encoding="utf-8")
    return load_library([folder])


def only_problem(problems: tuple[LoadProblem, ...]) -> LoadProblem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_an_inline_animation_becomes_frames_at_the_dose_pace(tmp_path):
    text = with_animation('animation = { frames = ["bridge.down.svg", "bridge.up.svg"] }')
    result = load(tmp_path, text)
    assert result.problems == ()
    (bridge,) = result.exercises
    assert bridge.animation == Animation(
        frames=(tmp_path / "bridge.down.svg", tmp_path / "bridge.up.svg"), rep_s=REP_S
    )
    assert bridge.illustration == tmp_path / "glute-bridge.svg"  # the still stays


def test_an_animation_table_over_several_lines_with_its_own_pace(tmp_path):
    text = with_animation(
        'animation.frames = [\n    "bridge.down.svg",\n    "bridge.up.svg",\n]\nanimation.rep_s = 6'
    )
    (bridge,) = load(tmp_path, text).exercises
    assert bridge.animation is not None
    assert bridge.animation.rep_s == 6.0
    assert [frame.name for frame in bridge.animation.frames] == list(FRAMES)


def test_frames_are_found_among_the_bundled_pictures_too(tmp_path):
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    for name in FRAMES:
        (pictures / name).write_text(PICTURE, encoding="utf-8")
    write(
        tmp_path / "mine", "glute-bridge.toml", with_animation(f"animation.frames = {list(FRAMES)}")
    )
    result = load_library([tmp_path / "mine"], illustration_dirs=[pictures])
    assert result.problems == ()
    assert result.exercises[0].animation is not None
    assert result.exercises[0].animation.frames == tuple(pictures / n for n in FRAMES)


@pytest.mark.parametrize(
    ("animation", "field", "words"),
    [
        (
            'animation = { frames = ["bridge.down.svg", "bridge.gone.svg"] }',
            "animation.frames[2]",
            'no file "bridge.gone.svg"',
        ),
        ('animation = { frames = ["bridge.down.svg"] }', "animation.frames", "has 1 picture"),
        ("animation = { frames = [] }", "animation.frames", "has 0 pictures"),
        ('animation = { frames = "bridge.down.svg" }', "animation.frames", "expected a list"),
        (
            'animation = { frames = ["bridge.down.svg", "../bridge.up.svg"] }',
            "animation.frames[2]",
            "no folders",
        ),
        (
            'animation = { frames = ["bridge.down.svg", "bridge.up.png"] }',
            "animation.frames[2]",
            ".svg picture",
        ),
        (f"animation = {{ frames = {list(FRAMES)}, rep_s = 0 }}", "animation.rep_s", "2–20"),
        (f"animation = {{ frames = {list(FRAMES)}, rep_s = -4 }}", "animation.rep_s", "-4"),
        (f"animation = {{ frames = {list(FRAMES)}, rep_s = 600 }}", "animation.rep_s", "600"),
        (f"animation = {{ frames = {list(FRAMES)}, rep_s = nan }}", "animation.rep_s", "nan"),
        (f'animation = {{ frames = {list(FRAMES)}, rep_s = "slow" }}', "animation.rep_s", "slow"),
        (f"animation = {{ frames = {list(FRAMES)}, rep_s = true }}", "animation.rep_s", "true"),
        ('animation = "bridge.down.svg"', "animation", "expected a table"),
        ("animation = {}", "animation", "missing frames"),
    ],
)
def test_a_bad_animation_is_a_warning_naming_file_line_and_field(tmp_path, animation, field, words):
    text = with_animation(animation)
    result = load(tmp_path, text)
    problem = only_problem(result.problems)
    assert problem.severity is Severity.WARNING
    assert problem.file == tmp_path / "glute-bridge.toml"
    assert problem.line == line_number(text, "animation")
    assert problem.field == field
    assert words in problem.message
    assert "shown still" in problem.message
    (bridge,) = result.exercises  # the exercise still loads, with its still picture
    assert bridge.animation is None
    assert bridge.illustration is not None


def test_a_missing_frame_in_a_list_over_several_lines_points_at_its_own_line(tmp_path):
    text = with_animation('animation.frames = [\n    "bridge.down.svg",\n    "bridge.gone.svg",\n]')
    problem = only_problem(load(tmp_path, text).problems)
    assert problem.line == line_number(text, '    "bridge.gone.svg"')
    assert problem.field == "animation.frames[2]"
    assert str(problem).startswith(f"glute-bridge.toml:{problem.line}: animation.frames[2]: ")


def test_a_hold_is_shown_still_even_when_the_file_animates_it(tmp_path):
    text = with_line(VALID, "dose =", "dose = { hold_s = 30 }")
    text = with_animation(f"animation = {{ frames = {list(FRAMES)} }}", text=text)
    result = load(tmp_path, text)
    problem = only_problem(result.problems)
    assert problem.field == "animation"
    assert "a hold is shown still" in problem.message
    assert result.exercises[0].animation is None


def test_an_unknown_key_in_the_animation_gets_a_hint(tmp_path):
    text = with_animation(f"animation = {{ frames = {list(FRAMES)}, reps_s = 5 }}")
    result = load(tmp_path, text)
    problem = only_problem(result.problems)
    assert problem.field == "animation.reps_s"
    assert 'did you mean "rep_s"' in problem.message
    assert result.exercises[0].animation is not None


# ------------------------------------------------------------------------------ the model
def test_an_animation_needs_two_frames_and_a_calm_pace():
    with pytest.raises(ValueError, match="2–24 frames"):
        Animation(frames=(Path("one.svg"),))
    with pytest.raises(ValueError, match="rep_s"):
        Animation(frames=(Path("a.svg"), Path("b.svg")), rep_s=0.5)


def test_an_exercise_held_still_cannot_have_an_animation():
    with pytest.raises(ValueError, match="hold"):
        Exercise(
            id="wall-sit",
            name="Wall sit",
            summary="",
            category=Category.STRENGTH,
            muscles=(Muscle.QUADS,),
            position=Position.STANDING,
            equipment=(),
            dose=Dose(hold_s=30),
            steps=("Sit against the wall.",),
            animation=Animation(frames=(Path("a.svg"), Path("b.svg"))),
        )


def test_a_rep_goes_from_the_first_frame_to_the_last_and_back():
    animation = Animation(frames=tuple(Path(f"{n}.svg") for n in range(6)))
    assert animation.mix_at(0.0).nearest == 0
    assert animation.mix_at(0.5).nearest == 5
    assert animation.mix_at(0.999).nearest == 0
    assert animation.mix_at(1.5).nearest == 5  # a second rep repeats the first
    quarter_down, quarter_up = animation.mix_at(0.25), animation.mix_at(0.75)
    assert 1 <= quarter_down.nearest <= 4
    assert quarter_down == quarter_up or abs(quarter_down.weight - quarter_up.weight) < 1e-9


@given(st.integers(2, 24), st.floats(0, 1, exclude_max=True))
def test_every_moment_mixes_two_neighbouring_frames(frame_count, progress):
    animation = Animation(frames=tuple(Path(f"{n}.svg") for n in range(frame_count)))
    mix = animation.mix_at(progress)
    assert 0 <= mix.first < frame_count - 1
    assert mix.second == mix.first + 1
    assert 0.0 <= mix.weight <= 1.0 + 1e-9
    mirrored = animation.mix_at(1.0 - progress) if progress > 0 else mix
    assert abs((mix.first + mix.weight) - (mirrored.first + mirrored.weight)) < 1e-6


@given(st.floats(0, 0.5, exclude_min=True, exclude_max=True))
def test_the_movement_eases_in_and_out(progress):
    """Slow at both turning points: the first and last 10 % of a half-rep move less than the
    middle 10 %."""
    animation = Animation(frames=tuple(Path(f"{n}.svg") for n in range(6)))

    def at(p: float) -> float:
        mix = animation.mix_at(p)
        return mix.first + mix.weight

    edge = at(0.05) - at(0.0)
    middle = at(0.275) - at(0.225)
    assert edge < middle / 3
    assert at(progress) >= at(progress / 2)  # it never goes back on the way there


# ------------------------------------------------------------------------------ bundled
PHASED = {
    "glute-bridge",
    "single-leg-glute-bridge",
    "bodyweight-squat",
    "chair-sit-to-stand",
    "reverse-lunge",
    "kettlebell-deadlift",
    "clamshell",
    "standing-march",
}


def test_the_phased_movements_of_the_library_are_animated_and_holds_are_not():
    library = load_library([exercises_dir()], illustration_dirs=[illustrations_dir()])
    assert library.problems == ()
    animated = {e.id: e for e in library.exercises if e.animation is not None}
    assert set(animated) >= PHASED
    for exercise in animated.values():
        assert exercise.dose.reps is not None, exercise.id
        assert exercise.animation is not None
        frames = exercise.animation.frames
        assert len(frames) >= 2
        assert all(frame.parent == illustrations_dir() for frame in frames)
        assert all(frame.name.startswith(f"{exercise.id}.move-") for frame in frames)
        assert len(set(frames)) == len(frames)
