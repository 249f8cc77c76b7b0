"""The exercises the stretch window showed: written, answered, read back as history."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta

import pytest

from app.storage.errors import UnknownRecordError
from app.storage.log import SittingLog
from app.storage.records import ExerciseResponse
from app.ui.stretch_controller import StretchResponse
from tests.unit.storage.conftest import BERLIN

MORNING = datetime(2024, 6, 3, 9, 0, tzinfo=BERLIN)
INSERT_ROW = (
    "INSERT INTO prompt_exercises (shown_utc, shown_offset_s, exercise_id, exercise_name,"
    " muscles) VALUES (1e9, 0, ?, 'Glute bridge', ?)"
)


def _show(log: SittingLog, exercise_id: str, minutes: float = 0, prompt: int | None = None) -> int:
    return log.record_exercise_shown(
        prompt, MORNING + timedelta(minutes=minutes), exercise_id, exercise_id.title(), ["glutes"]
    )


# ---------------------------------------------------------------------- round trips
def test_an_exercise_shown_for_a_prompt_is_stored_with_copies_of_its_name_and_muscles(log, raw):
    prompt = log.add_prompt(None, MORNING, 2820.0)
    shown_at = MORNING + timedelta(seconds=3)

    row_id = log.record_exercise_shown(
        prompt, shown_at, "hip-flexor-stretch", "Hüftbeuger-Dehnung", ["hip-flexors", "quads"]
    )

    row = raw.execute(
        "SELECT prompt_id, shown_utc, shown_offset_s, exercise_id, exercise_name, muscles,"
        " response, response_utc, response_offset_s FROM prompt_exercises WHERE id = ?",
        (row_id,),
    ).fetchone()
    assert row[:5] == (
        prompt,
        shown_at.timestamp(),
        7200,
        "hip-flexor-stretch",
        "Hüftbeuger-Dehnung",
    )
    assert json.loads(row[5]) == ["hip-flexors", "quads"]
    assert row[6:] == (None, None, None)  # waiting for an answer


def test_stand_up_now_shows_an_exercise_without_a_prompt(log, raw):
    row_id = log.record_exercise_shown(None, MORNING, "standing-march", "Standing march", [])

    assert raw.execute(
        "SELECT prompt_id, muscles FROM prompt_exercises WHERE id = ?", (row_id,)
    ).fetchone() == (None, "[]")


def test_another_one_adds_a_row_per_exercise_and_each_keeps_its_own_answer(log, raw):
    prompt = log.add_prompt(None, MORNING, 2820.0)
    first = _show(log, "glute-bridge", 0, prompt)
    log.resolve_exercise_shown(first, ExerciseResponse.ANOTHER, MORNING + timedelta(seconds=20))
    second = _show(log, "standing-march", 0.5, prompt)
    log.resolve_exercise_shown(second, "done", MORNING + timedelta(minutes=2))

    rows = raw.execute(
        "SELECT exercise_id, response, response_utc - shown_utc, response_offset_s"
        " FROM prompt_exercises WHERE prompt_id = ? ORDER BY id",
        (prompt,),
    ).fetchall()
    assert rows == [("glute-bridge", "another", 20.0, 7200), ("standing-march", "done", 90.0, 7200)]


def test_a_response_is_never_dated_before_the_exercise_was_shown(log, raw):
    row_id = _show(log, "glute-bridge")

    log.resolve_exercise_shown(row_id, ExerciseResponse.SKIP, MORNING - timedelta(minutes=5))

    shown, answered = raw.execute(
        "SELECT shown_utc, response_utc FROM prompt_exercises WHERE id = ?", (row_id,)
    ).fetchone()
    assert answered == shown


def test_an_answer_is_kept_and_a_second_one_refused(log, raw):
    row_id = _show(log, "glute-bridge")
    log.resolve_exercise_shown(row_id, ExerciseResponse.CLOSED, MORNING + timedelta(seconds=9))

    with pytest.raises(UnknownRecordError, match=f"no unanswered exercise shown with id {row_id}"):
        log.resolve_exercise_shown(row_id, ExerciseResponse.DONE, MORNING + timedelta(minutes=1))
    with pytest.raises(UnknownRecordError, match="with id 99"):
        log.resolve_exercise_shown(99, ExerciseResponse.DONE, MORNING)
    assert raw.execute("SELECT response FROM prompt_exercises").fetchall() == [("closed",)]


def test_every_answer_the_stretch_window_gives_is_accepted(log):
    """Fails when the window learns an answer the log cannot store without a migration."""
    assert {value.value for value in StretchResponse} == {value.value for value in ExerciseResponse}
    for minute, response in enumerate(StretchResponse):
        row_id = _show(log, "glute-bridge", minute)
        log.resolve_exercise_shown(row_id, response, MORNING + timedelta(minutes=minute, seconds=5))


# ---------------------------------------------------------------------- the history
def test_recent_ids_come_oldest_first_and_newest_last(log):
    for minute, exercise_id in enumerate(["glute-bridge", "calf-raise", "glute-bridge", "march"]):
        _show(log, exercise_id, minute)

    assert log.recent_exercise_ids() == ["glute-bridge", "calf-raise", "glute-bridge", "march"]
    assert log.recent_exercise_ids(limit=2) == ["glute-bridge", "march"]
    assert log.recent_exercise_ids(limit=0) == []


def test_the_history_keeps_only_the_last_twenty_by_default(log):
    for number in range(25):
        _show(log, f"exercise-{number}", number)

    assert log.recent_exercise_ids() == [f"exercise-{number}" for number in range(5, 25)]


def test_the_history_follows_the_order_shown_even_when_the_clock_was_set_back(log):
    _show(log, "glute-bridge", minutes=60)
    _show(log, "calf-raise", minutes=0)  # the wall clock went back an hour meanwhile

    assert log.recent_exercise_ids() == ["glute-bridge", "calf-raise"]


def test_an_empty_log_has_no_history(log):
    assert log.recent_exercise_ids() == []


# ---------------------------------------------------------------------- a caller's mistakes
def test_a_shown_exercise_must_belong_to_an_existing_prompt(log, raw):
    with pytest.raises(UnknownRecordError, match="no prompt with id 7"):
        _show(log, "glute-bridge", prompt=7)

    assert raw.execute("SELECT count(*) FROM prompt_exercises").fetchone() == (0,)


@pytest.mark.parametrize(
    ("exercise_id", "muscles", "error", "message"),
    [
        ("", ["glutes"], ValueError, "needs its id"),
        ("glute-bridge", "glutes", TypeError, "not the string 'glutes'"),
        ("glute-bridge", ["glutes", 3], TypeError, "must be names"),
    ],
)
def test_bad_exercise_data_is_refused_before_writing(
    log, raw, exercise_id, muscles, error, message
):
    with pytest.raises(error, match=message):
        log.record_exercise_shown(None, MORNING, exercise_id, "Glute bridge", muscles)

    assert raw.execute("SELECT count(*) FROM prompt_exercises").fetchone() == (0,)


def test_an_unknown_answer_is_refused_with_the_known_ones(log):
    row_id = _show(log, "glute-bridge")

    with pytest.raises(ValueError, match=r"'later'.*known: done, another, snooze, skip, closed"):
        log.resolve_exercise_shown(row_id, "later", MORNING)


def test_times_without_a_zone_are_refused(log):
    with pytest.raises(ValueError, match="must be an aware datetime"):
        log.record_exercise_shown(None, datetime(2024, 6, 3, 9), "glute-bridge", "Glute", [])
    row_id = _show(log, "glute-bridge")
    with pytest.raises(ValueError, match="must be an aware datetime"):
        log.resolve_exercise_shown(row_id, ExerciseResponse.DONE, datetime(2024, 6, 3, 9))


# ---------------------------------------------------------------------- the schema's own guard
@pytest.mark.parametrize("muscles", ['"glutes"', "glutes", '{"glutes": 1}', "3", ""], ids=repr)
def test_the_schema_takes_muscles_only_as_a_json_array(raw, muscles):
    with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
        raw.execute(INSERT_ROW, ("glute-bridge", muscles))


def test_the_schema_refuses_an_empty_exercise_id(raw):
    with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed: exercise_id"):
        raw.execute(INSERT_ROW, ("", "[]"))


def test_the_schema_refuses_an_unknown_response(log, raw):
    row_id = _show(log, "glute-bridge")

    with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed: response IN"):
        raw.execute(
            "UPDATE prompt_exercises SET response = 'maybe', response_utc = shown_utc,"
            " response_offset_s = 0 WHERE id = ?",
            (row_id,),
        )


@pytest.mark.parametrize(
    "assignments",
    [
        pytest.param("response = 'done'", id="an answer without its time"),
        pytest.param("response_utc = shown_utc, response_offset_s = 0", id="a time alone"),
        pytest.param("response = 'done', response_utc = shown_utc", id="no UTC offset"),
        pytest.param(
            "response = 'done', response_utc = shown_utc - 1, response_offset_s = 0",
            id="an answer before the exercise was shown",
        ),
    ],
)
def test_the_schema_keeps_an_answer_whole_and_after_the_showing(log, raw, assignments):
    row_id = _show(log, "glute-bridge")

    with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
        raw.execute(f"UPDATE prompt_exercises SET {assignments} WHERE id = ?", (row_id,))


def test_the_schema_refuses_a_prompt_that_does_not_exist(raw):
    raw.execute("PRAGMA foreign_keys = ON")

    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY constraint failed"):
        raw.execute(
            "INSERT INTO prompt_exercises (prompt_id, shown_utc, shown_offset_s, exercise_id,"
            " exercise_name, muscles) VALUES (42, 1e9, 0, 'glute-bridge', 'Glute bridge', '[]')"
        )
