"""The coach's log: routine runs, walks, the day's essentials, closed days and retention."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date, datetime, timedelta

import pytest

from app.core.goals import DayActivity, DayGoalResult
from app.core.model import BoutEndReason, PromptResponse
from app.storage.errors import UnknownRecordError
from app.storage.log import SittingLog
from app.storage.records import ExerciseResponse
from tests.unit.storage.conftest import BERLIN

TUESDAY = date(2024, 6, 4)
MIDNIGHT = datetime(2024, 6, 4, 0, 0, tzinfo=BERLIN)
NEXT_MIDNIGHT = MIDNIGHT + timedelta(days=1)


def _at(hour: int, minute: int = 0, day: date = TUESDAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


def _tuesday(log: SittingLog) -> DayActivity:
    return log.day_activity(MIDNIGHT, NEXT_MIDNIGHT)


def _window_exercise(
    log: SittingLog,
    shown: datetime,
    answered: datetime,
    *,
    category: str | None,
    muscles: list[str],
    response: ExerciseResponse = ExerciseResponse.DONE,
    exercise_id: str = "exercise",
) -> int:
    row = log.record_exercise_shown(
        None, shown, exercise_id, exercise_id.title(), muscles, category=category
    )
    log.resolve_exercise_shown(row, response, answered)
    return row


def _routine(
    log: SittingLog,
    routine_id: str,
    steps: list[tuple[str, list[str], float, str]],
    start: datetime,
    outcome: str = "completed",
) -> int:
    run = log.start_routine_run(routine_id, routine_id.title(), start)
    moment = start
    for index, (category, muscles, active_s, step_outcome) in enumerate(steps):
        moment += timedelta(seconds=active_s + 10)
        log.record_routine_step(
            run,
            exercise_id=f"step-{index}",
            name=f"Step {index}",
            category=category,
            muscles=muscles,
            active_s=active_s,
            outcome=step_outcome,
            at=moment,
        )
    log.finish_routine_run(run, moment, outcome, sum(step[2] for step in steps))
    return run


# ---------------------------------------------------------------------- an empty day
def test_a_day_with_nothing_logged_is_empty(log):
    assert _tuesday(log) == DayActivity()
    assert _tuesday(log).is_empty


# ---------------------------------------------------------------------- walks
def test_walks_of_the_day_add_up_whatever_their_source(log):
    log.add_walk(_at(8, 10), 600.0, "manual")
    log.add_walk(_at(12, 30), 900.0, "break")
    log.add_walk(_at(17, 0), 300.0, "routine")
    log.add_walk(_at(23, 59, day=date(2024, 6, 3)), 1200.0, "manual")  # Monday's

    assert _tuesday(log).walk_s == 1800.0


def test_a_walk_belongs_to_the_local_day_it_started_on(log):
    log.add_walk(_at(23, 50), 1200.0, "manual")  # ends after midnight

    assert _tuesday(log).walk_s == 1200.0
    assert log.day_activity(NEXT_MIDNIGHT, NEXT_MIDNIGHT + timedelta(days=1)).walk_s == 0.0


@pytest.mark.parametrize("duration_s", [0.0, -60.0, float("nan"), float("inf")])
def test_a_walk_without_a_positive_length_is_refused(log, duration_s):
    with pytest.raises(ValueError, match="a walk must last more than 0 seconds"):
        log.add_walk(_at(9), duration_s, "manual")
    assert _tuesday(log).walk_s == 0.0


def test_an_unknown_walk_source_is_refused_naming_the_known_ones(log):
    with pytest.raises(ValueError, match=r"'jog'.*manual, break, routine"):
        log.add_walk(_at(9), 60.0, "jog")


# ---------------------------------------------------------------------- stretch minutes
def test_stretch_window_exercises_count_their_time_until_done(log):
    _window_exercise(log, _at(10, 0), _at(10, 2), category="stretch", muscles=["hamstrings"])
    _window_exercise(log, _at(11, 0), _at(11, 3), category="mobility", muscles=["hip-flexors"])

    assert _tuesday(log).stretch_s == 5 * 60.0


def test_a_stretch_window_left_open_counts_at_most_15_minutes(log):
    _window_exercise(log, _at(12, 0), _at(13, 30), category="stretch", muscles=["calves"])

    assert _tuesday(log).stretch_s == 15 * 60.0


def test_only_done_stretches_count_as_stretch_minutes(log):
    for response in (ExerciseResponse.SKIP, ExerciseResponse.ANOTHER, ExerciseResponse.CLOSED):
        _window_exercise(
            log, _at(9), _at(9, 4), category="stretch", muscles=["calves"], response=response
        )
    _window_exercise(log, _at(10), _at(10, 4), category="strength", muscles=["quads"])

    activity = _tuesday(log)
    assert activity.stretch_s == 0.0
    assert activity.exercises_done == 1  # the strength one


def test_done_stretch_steps_of_routines_count_their_active_seconds(log):
    _routine(
        log,
        "daily-posterior-chain-stretch",
        [
            ("stretch", ["hamstrings"], 60.0, "done"),
            ("mobility", ["hip-flexors"], 90.0, "done"),
            ("stretch", ["calves"], 45.0, "skipped"),
            ("activation", ["glutes"], 30.0, "done"),
        ],
        _at(7, 0),
        outcome="stopped",  # steps done before stopping still count
    )

    activity = _tuesday(log)
    assert activity.stretch_s == 150.0
    assert activity.exercises_done == 3


# ---------------------------------------------------------------------- glute activation
@pytest.mark.parametrize(
    ("category", "muscles", "response", "counts"),
    [
        ("activation", ["glutes", "abductors"], ExerciseResponse.DONE, True),
        ("strength", ["quads", "glutes"], ExerciseResponse.DONE, True),
        ("stretch", ["glutes"], ExerciseResponse.DONE, False),  # a glute stretch is a stretch
        ("activation", ["core"], ExerciseResponse.DONE, False),
        ("activation", ["glutes"], ExerciseResponse.SKIP, False),
        (None, ["glutes"], ExerciseResponse.DONE, False),  # unknown category (older rows)
    ],
)
def test_glute_activation_is_a_done_activation_or_strength_exercise_for_the_glutes(
    log, category, muscles, response, counts
):
    _window_exercise(
        log, _at(15), _at(15, 2), category=category, muscles=muscles, response=response
    )

    assert _tuesday(log).glute_done is counts


def test_a_glute_step_done_in_a_routine_is_glute_activation(log):
    _routine(log, "glute-wake-up", [("activation", ["glutes"], 40.0, "done")], _at(8))

    assert _tuesday(log).glute_done is True


# ---------------------------------------------------------------------- strength
def test_a_completed_strength_day_is_the_days_strength_work(log):
    _routine(log, "strength-day", [("strength", ["quads"], 60.0, "done")], _at(18))

    assert _tuesday(log).strength_done is True


def test_a_stopped_strength_day_is_not(log):
    _routine(log, "strength-day", [("strength", ["quads"], 60.0, "done")], _at(18), "stopped")

    assert _tuesday(log).strength_done is False


def test_a_strength_day_played_to_its_end_by_skipping_is_not(log):
    done = ("strength", ["quads"], 60.0, "done")
    skipped = ("strength", ["glutes"], 0.0, "skipped")
    _routine(log, "strength-day", [done, skipped, skipped], _at(18))
    _routine(log, "strength-day", [done, done, skipped], _at(6))

    assert log.day_activity(_at(18), _at(19)).strength_done is False
    assert log.day_activity(_at(6), _at(7)).strength_done is True


def test_a_users_own_routine_of_mostly_strength_steps_counts_as_strength(log):
    strength = ("strength", ["glutes"], 60.0, "done")
    _routine(log, "my-legs", [strength, strength, ("stretch", ["quads"], 30.0, "done")], _at(18))
    _routine(log, "mostly-stretch", [strength, ("stretch", ["quads"], 30.0, "done")], _at(6))

    assert _tuesday(log).strength_done is True
    assert log.day_activity(_at(6), _at(7)).strength_done is False


# ---------------------------------------------------------------------- routine runs
def test_a_routine_run_is_stored_with_its_steps(log, raw):
    run = _routine(
        log,
        "glute-wake-up",
        [("activation", ["glutes", "hamstrings"], 40.0, "done")],
        _at(8),
    )

    assert raw.execute(
        "SELECT routine_id, routine_name, outcome, active_s FROM routine_runs WHERE id = ?", (run,)
    ).fetchone() == ("glute-wake-up", "Glute-Wake-Up", "completed", 40.0)
    assert raw.execute(
        "SELECT exercise_id, category, muscles, active_s, outcome, finished_utc"
        " FROM routine_steps WHERE run_id = ?",
        (run,),
    ).fetchall() == [
        ("step-0", "activation", '["glutes", "hamstrings"]', 40.0, "done", _at(8).timestamp() + 50)
    ]


def test_a_routine_run_ends_once(log):
    run = log.start_routine_run("glute-wake-up", "Glute wake-up", _at(8))
    log.finish_routine_run(run, _at(8, 5), "completed", 280.0)

    with pytest.raises(UnknownRecordError, match=f"no unfinished routine run with id {run}"):
        log.finish_routine_run(run, _at(8, 6), "stopped", 300.0)


def test_a_step_of_a_run_that_does_not_exist_is_refused(log):
    with pytest.raises(UnknownRecordError, match="no routine run with id 42"):
        log.record_routine_step(
            42,
            exercise_id="squat",
            name="Squat",
            category="strength",
            muscles=["quads"],
            active_s=30.0,
            outcome="done",
            at=_at(9),
        )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("category", "yoga", r"unknown exercise category 'yoga' \(known: stretch, activation"),
        ("outcome", "finished", r"unknown outcome of a routine step 'finished'"),
        ("active_s", -1.0, "a routine step's active time must be 0 seconds or more"),
        ("muscles", "glutes", "muscles must be a sequence of names"),
    ],
)
def test_a_bad_routine_step_is_refused_with_a_clear_message(log, field, value, message):
    run = log.start_routine_run("glute-wake-up", "Glute wake-up", _at(8))
    step: dict[str, object] = {
        "exercise_id": "bridge",
        "name": "Glute bridge",
        "category": "activation",
        "muscles": ["glutes"],
        "active_s": 30.0,
        "outcome": "done",
        "at": _at(8, 1),
        field: value,
    }

    with pytest.raises((ValueError, TypeError), match=message):
        log.record_routine_step(run, **step)


def test_the_stretch_window_keeps_the_category_and_refuses_unknown_ones(log, raw):
    row = log.record_exercise_shown(
        None, _at(9), "clamshell", "Clamshell", ["glutes"], category="activation"
    )

    assert raw.execute("SELECT category FROM prompt_exercises WHERE id = ?", (row,)).fetchone() == (
        "activation",
    )
    with pytest.raises(ValueError, match="unknown exercise category 'Activation'"):
        log.record_exercise_shown(None, _at(9), "clamshell", "Clamshell", [], category="Activation")


# ---------------------------------------------------------------------- closed days
def _result(day: date, *, walk_s: float, closed_at: datetime | None) -> DayGoalResult:
    return DayGoalResult(
        day=day,
        walk_s=walk_s,
        walk_goal_s=1800.0,
        stretch_s=700.0,
        stretch_goal_s=600.0,
        glute_done=True,
        strength_planned=True,
        strength_done=False,
        closed_at=closed_at,
    )


def test_a_closed_day_reads_back_as_it_was_stored(log, raw):
    closed_at = _at(0, 0, day=date(2024, 6, 5))
    result = _result(TUESDAY, walk_s=2000.0, closed_at=closed_at)

    log.close_day(result)

    assert log.goal_results(TUESDAY, TUESDAY) == {TUESDAY: result}
    assert raw.execute("SELECT day, met FROM daily_goals").fetchall() == [("2024-06-04", 0)]
    assert log.last_closed_day() == TUESDAY


def test_closing_a_day_again_replaces_its_results(log):
    closed_at = _at(0, 0, day=date(2024, 6, 5))
    log.close_day(_result(TUESDAY, walk_s=100.0, closed_at=closed_at))
    log.close_day(_result(TUESDAY, walk_s=2000.0, closed_at=closed_at))

    assert log.goal_results(TUESDAY, TUESDAY)[TUESDAY].walk_s == 2000.0


def test_goal_results_cover_the_days_asked_for_only(log):
    closed_at = _at(12, 0, day=date(2024, 6, 10))
    for offset in range(5):
        log.close_day(_result(date(2024, 6, 3 + offset), walk_s=offset, closed_at=closed_at))

    assert sorted(log.goal_results(date(2024, 6, 4), date(2024, 6, 6))) == [
        date(2024, 6, 4),
        date(2024, 6, 5),
        date(2024, 6, 6),
    ]
    assert log.goal_results(date(2024, 7, 1), date(2024, 7, 31)) == {}
    assert log.last_closed_day() == date(2024, 6, 7)


def test_a_day_that_did_not_close_cannot_be_stored_as_closed(log):
    with pytest.raises(ValueError, match="say nothing of when it closed"):
        log.close_day(_result(TUESDAY, walk_s=0.0, closed_at=None))
    assert log.last_closed_day() is None


def test_active_days_are_the_local_days_with_something_done(log):
    monday, wednesday = date(2024, 6, 3), date(2024, 6, 5)
    log.add_walk(_at(23, 30, day=monday), 600.0, "manual")
    _window_exercise(
        log, _at(0, 10), _at(0, 12), category="stretch", muscles=["calves"]
    )  # Tuesday 00:12 Berlin is Monday 22:12 UTC: still Tuesday
    _window_exercise(
        log,
        _at(9, day=wednesday),
        _at(9, 1, day=wednesday),
        category="stretch",
        muscles=["calves"],
        response=ExerciseResponse.SKIP,
    )

    assert log.active_days(_at(0, day=monday), _at(0, day=date(2024, 6, 6))) == {monday, TUESDAY}


# ---------------------------------------------------------------------- retention
def test_delete_before_removes_what_ended_before_the_cutoff_and_keeps_the_rest(log, db_path):
    old, recent = date(2024, 1, 10), date(2024, 6, 3)
    session = log.start_session(_at(8, day=old), "x11", "0.2.0")
    bout = log.open_bout(session, _at(8, day=old), False, _at(8, day=old))
    prompt = log.add_prompt(bout, _at(8, 50, day=old), 2800.0)
    log.resolve_prompt(prompt, _at(8, 51, day=old), PromptResponse.DONE)
    _window_exercise(log, _at(8, 50, day=old), _at(8, 52, day=old), category="stretch", muscles=[])
    log.close_bout(bout, _at(8, 50, day=old), BoutEndReason.STAND_UP, 2800.0)
    log.add_walk(_at(9, day=old), 600.0, "manual")
    _routine(log, "strength-day", [("strength", ["quads"], 60.0, "done")], _at(18, day=old))
    log.close_day(_result(old, walk_s=600.0, closed_at=_at(0, day=old + timedelta(days=1))))
    log.end_session(session, _at(19, day=old), "quit")

    # A session that started before the cutoff but whose bout runs past it is kept.
    running = log.start_session(_at(8, day=old), "x11", "0.2.0")
    kept_bout = log.open_bout(running, _at(8, day=recent), False, _at(8, day=recent))
    log.add_walk(_at(9, day=recent), 900.0, "manual")
    log.close_day(_result(recent, walk_s=900.0, closed_at=_at(23, day=recent)))

    removed = log.delete_before(_at(0, day=date(2024, 3, 1)))

    assert removed == 8  # one of each kind of row
    with closing(sqlite3.connect(db_path)) as raw:
        counts = {
            table: raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in (
                "app_sessions",
                "bouts",
                "prompts",
                "prompt_exercises",
                "routine_runs",
                "routine_steps",
                "walks",
                "daily_goals",
            )
        }
    assert counts == {
        "app_sessions": 1,
        "bouts": 1,
        "prompts": 0,
        "prompt_exercises": 0,
        "routine_runs": 0,
        "routine_steps": 0,
        "walks": 1,
        "daily_goals": 1,
    }
    open_bout = log.find_open_bout()
    assert open_bout is not None
    assert open_bout.id == kept_bout
    assert log.goal_results(recent, recent)[recent].walk_s == 900.0


def test_delete_before_keeps_old_rows_that_newer_ones_still_point_at(log, db_path):
    """A prompt answered before the cutoff whose exercise was answered after it stays."""
    day = date(2024, 2, 29)
    session = log.start_session(_at(22, day=day), "x11", "0.2.0")
    bout = log.open_bout(session, _at(22, day=day), False, _at(22, day=day))
    log.close_bout(bout, _at(23, 58, day=day), BoutEndReason.STAND_UP, 6000.0)
    log.end_session(session, _at(23, 58, day=day), "quit")
    prompt = log.add_prompt(bout, _at(23, 57, day=day), 5800.0)
    log.resolve_prompt(prompt, _at(23, 58, day=day), PromptResponse.DONE)
    shown = log.record_exercise_shown(prompt, _at(23, 58, day=day), "squat", "Squat", ["quads"])
    log.resolve_exercise_shown(shown, ExerciseResponse.DONE, _at(0, 3, day=date(2024, 3, 1)))

    assert log.delete_before(_at(0, day=date(2024, 3, 1))) == 0


def test_delete_before_removes_an_exercise_left_unanswered_long_ago(log):
    day = date(2024, 1, 10)
    prompt = log.add_prompt(None, _at(9, day=day), 2800.0)
    log.record_exercise_shown(prompt, _at(9, day=day), "squat", "Squat", ["quads"])

    assert log.delete_before(_at(0, day=date(2024, 3, 1))) == 2  # the app stopped meanwhile
    assert log.recent_exercise_ids() == []
