"""The routine player on a hand-moved clock: segments, switches, pause, skips, active time."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.exercise import Category, Dose, Exercise, Muscle, Position
from app.core.routine import (
    ExerciseFinished,
    PlayerState,
    Routine,
    RoutineFinished,
    RoutinePlan,
    RoutinePlayer,
    RoutineStep,
    SegmentKind,
    SideSwitched,
    StepOutcome,
    UnknownExerciseError,
)
from app.core.timeline import ExerciseTimeline, Side, Timing

TIMING = Timing(get_ready_s=5, side_switch_s=3, set_rest_s=10, rep_s=2)


def exercise(exercise_id: str, dose: Dose) -> Exercise:
    return Exercise(
        id=exercise_id,
        name=exercise_id.replace("-", " ").capitalize(),
        summary="",
        category=Category.STRETCH,
        muscles=(Muscle.HAMSTRINGS,),
        position=Position.STANDING,
        equipment=(),
        dose=dose,
        steps=("Move.",),
    )


LIBRARY = {
    e.id: e
    for e in (
        exercise("hold-each-side", Dose(hold_s=20, per_side=True)),  # 5 + 20 + 3 + 20 = 48 s
        exercise("reps", Dose(reps=5, sets=2)),  # 5 + 10 + 10 + 10 = 35 s
        exercise("short-hold", Dose(hold_s=10)),  # 5 + 10 = 15 s
    )
}


def routine(*steps: RoutineStep) -> Routine:
    return Routine(id="test", name="Test", summary="A test.", steps=steps)


THREE = routine(
    RoutineStep("hold-each-side", rest_s=12),
    RoutineStep("reps", rest_s=0),
    RoutineStep("short-hold"),
)
"""48 + 12 rest + 35 + 0 + 15 = 110 s."""


def player(plan_routine: Routine = THREE) -> RoutinePlayer:
    return RoutinePlayer(RoutinePlan(plan_routine, LIBRARY, TIMING), now=100.0)


def test_the_plan_lays_the_exercises_end_to_end_with_the_rests_between():
    plan = RoutinePlan(THREE, LIBRARY, TIMING)
    kinds = [(s.kind, s.exercise_index, s.side, s.length_ms) for s in plan.segments]
    assert kinds == [
        (SegmentKind.GET_READY, 0, Side.LEFT, 5000),
        (SegmentKind.WORK, 0, Side.LEFT, 20000),
        (SegmentKind.SWITCH_SIDES, 0, Side.RIGHT, 3000),
        (SegmentKind.WORK, 0, Side.RIGHT, 20000),
        (SegmentKind.REST, 1, None, 12000),
        (SegmentKind.GET_READY, 1, None, 5000),
        (SegmentKind.WORK, 1, None, 10000),
        (SegmentKind.SET_REST, 1, None, 10000),
        (SegmentKind.WORK, 1, None, 10000),
        (SegmentKind.GET_READY, 2, None, 5000),
        (SegmentKind.WORK, 2, None, 10000),
    ]
    assert plan.total_ms == 110_000
    assert all(
        a.end_ms == b.start_ms for a, b in zip(plan.segments, plan.segments[1:], strict=False)
    )


def test_a_step_dose_replaces_the_exercise_dose():
    plan = RoutinePlan(routine(RoutineStep("reps", dose=Dose(reps=3))), LIBRARY, TIMING)
    assert plan.exercises[0].dose == Dose(reps=3)
    assert plan.total_ms == 5000 + 3 * 2000


def test_an_unknown_exercise_is_named():
    with pytest.raises(UnknownExerciseError, match='"no-such-move"'):
        RoutinePlan(routine(RoutineStep("no-such-move")), LIBRARY, TIMING)


@given(
    dose=st.builds(Dose, hold_s=st.integers(1, 90), sets=st.integers(1, 4), per_side=st.booleans())
)
def test_an_exercise_timeline_takes_as_long_as_its_estimate(dose):
    assert ExerciseTimeline(dose, Timing()).total_ms == round(dose.estimated_s * 1000)


def test_it_runs_through_with_a_switch_and_every_exercise_done():
    p = player()
    first = p.state
    assert first.segment is not None
    assert first.segment.kind is SegmentKind.GET_READY
    assert first.routine_remaining_ms == 110_000
    events = p.update(100.0 + 25.5)  # get ready 5 + left 20: the switch has begun
    assert events == [SideSwitched(0, Side.RIGHT)]
    assert p.state.segment_remaining_ms == 2500
    assert p.state.routine_remaining_ms == 110_000 - 25_500
    events = p.update(100.0 + 110)
    assert [type(e) for e in events] == [ExerciseFinished] * 3 + [RoutineFinished]
    done = [e for e in events if isinstance(e, ExerciseFinished)]
    assert [(e.exercise.id, e.outcome, e.active_s) for e in done] == [
        ("hold-each-side", StepOutcome.DONE, 48.0),
        ("reps", StepOutcome.DONE, 35.0),
        ("short-hold", StepOutcome.DONE, 15.0),
    ]
    assert events[-1] == RoutineFinished(completed=True, active_s=110.0)
    assert p.finished
    assert p.state == PlayerState(None, 2, 110_000, 0, 0, paused=False, finished=True)
    assert p.ms_to_next_change() is None
    assert p.update(500.0) == []


def test_pause_stops_the_countdown_and_is_not_active_time():
    p = player()
    p.update(110.0)
    p.pause(110.0)
    assert p.paused
    before = p.state
    assert p.update(400.0) == []
    assert p.state == before
    assert p.ms_to_next_change() is None
    p.resume(400.0)
    p.update(405.0)
    assert p.state.routine_remaining_ms == 110_000 - 15_000
    assert p.stop(405.0)[-1] == RoutineFinished(completed=False, active_s=15.0)


def test_next_skips_the_exercise_under_way_and_previous_goes_back():
    p = player()
    events = p.next(108.0)  # 8 s into the first exercise
    assert events == [ExerciseFinished(0, LIBRARY["hold-each-side"], StepOutcome.SKIPPED, 8.0)]
    segment = p.state.segment
    assert segment is not None
    assert (segment.kind, segment.exercise_index) == (SegmentKind.GET_READY, 1)
    p.previous(110.0)
    segment = p.state.segment
    assert segment is not None
    assert (segment.kind, segment.exercise_index, p.state.elapsed_ms) == (
        SegmentKind.GET_READY,
        0,
        0,
    )


def test_next_during_the_rest_starts_the_coming_exercise_without_skipping_it():
    p = player()
    p.update(100.0 + 50)  # 2 s into the rest before "reps"
    assert p.next(150.0) == []
    segment = p.state.segment
    assert segment is not None
    assert (segment.kind, segment.exercise_index) == (SegmentKind.GET_READY, 1)


def test_next_on_the_last_exercise_completes_the_routine():
    p = player()
    p.next(100.0)
    p.next(100.0)
    events = p.next(101.0)
    assert [type(e) for e in events] == [ExerciseFinished, RoutineFinished]
    assert events[-1] == RoutineFinished(completed=True, active_s=1.0)


def test_stop_counts_the_exercise_under_way_as_skipped_but_not_one_not_begun():
    p = player()
    p.update(130.0)
    events = p.stop(130.0)
    assert events == [
        ExerciseFinished(0, LIBRARY["hold-each-side"], StepOutcome.SKIPPED, 30.0),
        RoutineFinished(completed=False, active_s=30.0),
    ]
    resting = player()
    resting.update(150.0)  # in the rest before "reps": the first is done, "reps" not begun
    assert [type(e) for e in resting.stop(150.0)] == [RoutineFinished]


@given(
    actions=st.lists(
        st.tuples(
            st.sampled_from(["wait", "pause", "resume", "next", "previous"]), st.integers(0, 40_000)
        ),
        max_size=25,
    )
)
def test_remaining_time_is_always_known_and_active_time_adds_up(actions):
    p = player()
    now = 100.0
    credited = 0.0
    for action, wait_ms in actions:
        now += wait_ms / 1000
        events = getattr(p, action if action != "wait" else "update")(now)
        credited += sum(e.active_s for e in events if isinstance(e, ExerciseFinished))
        state = p.state
        assert state.routine_remaining_ms == (
            0 if state.finished else p.plan.total_ms - state.elapsed_ms
        )
        assert 0 <= state.segment_remaining_ms <= state.routine_remaining_ms
        if p.finished:
            break
    # Exercise time never exceeds the routine's time (rests count only for the routine).
    assert credited <= p.active_s + 1e-9


def test_the_timer_wakes_when_a_shown_second_changes():
    p = player()
    p.update(100.4)
    assert p.ms_to_next_change() == 600
