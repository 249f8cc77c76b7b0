"""SittingLog writes what happened and reads it back, in local time, against a real file."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from app.core.model import BoutEndReason, PromptResponse
from app.storage.errors import BoutAlreadyOpenError, UnknownRecordError
from app.storage.log import SittingLog
from app.storage.records import OpenBout, SessionEndReason
from tests.unit.storage.conftest import BERLIN

MORNING = datetime(2024, 6, 3, 9, 0, tzinfo=BERLIN)


def _session(log: SittingLog, at: datetime = MORNING) -> int:
    return log.start_session(at, idle_backend="x11-screensaver", app_version="0.1.0")


# ---------------------------------------------------------------------- app sessions
def test_a_session_is_recorded_with_its_backend_version_and_heartbeat(log, raw):
    session = _session(log)
    log.touch_session(session, MORNING + timedelta(minutes=5))

    row = raw.execute(
        "SELECT started_utc, started_offset_s, last_seen_utc, ended_utc, idle_backend,"
        " app_version FROM app_sessions WHERE id = ?",
        (session,),
    ).fetchone()
    assert row == (
        MORNING.timestamp(),
        7200,
        (MORNING + timedelta(minutes=5)).timestamp(),
        None,
        "x11-screensaver",
        "0.1.0",
    )


def test_quitting_ends_the_session_and_a_second_end_is_refused(log, raw):
    session = _session(log)
    log.end_session(session, MORNING + timedelta(hours=1), SessionEndReason.QUIT)

    ended, reason = raw.execute(
        "SELECT ended_utc, end_reason FROM app_sessions WHERE id = ?", (session,)
    ).fetchone()
    assert (ended, reason) == ((MORNING + timedelta(hours=1)).timestamp(), "quit")
    with pytest.raises(UnknownRecordError, match=f"no running app session with id {session}"):
        log.end_session(session, MORNING + timedelta(hours=2), SessionEndReason.QUIT)
    with pytest.raises(UnknownRecordError):
        log.touch_session(session, MORNING + timedelta(hours=2))


def test_a_session_left_open_is_closed_as_crash_at_its_last_heartbeat(log, raw):
    crashed = _session(log)
    log.touch_session(crashed, MORNING + timedelta(minutes=42))
    quit_cleanly = _session(log, MORNING + timedelta(hours=1))
    log.end_session(quit_cleanly, MORNING + timedelta(hours=2), SessionEndReason.QUIT)

    assert log.close_stale_sessions() == (crashed,)

    rows = raw.execute(
        "SELECT id, ended_utc, ended_offset_s, end_reason FROM app_sessions ORDER BY id"
    ).fetchall()
    assert rows == [
        (crashed, (MORNING + timedelta(minutes=42)).timestamp(), 7200, "crash"),
        (quit_cleanly, (MORNING + timedelta(hours=2)).timestamp(), 7200, "quit"),
    ]
    assert log.close_stale_sessions() == ()


def test_a_session_never_ends_before_it_started_even_if_the_clock_went_back(log, raw):
    session = _session(log)
    log.end_session(session, MORNING - timedelta(hours=1), SessionEndReason.QUIT)

    started, ended = raw.execute(
        "SELECT started_utc, ended_utc FROM app_sessions WHERE id = ?", (session,)
    ).fetchone()
    assert ended == started


# ---------------------------------------------------------------------- bouts
def test_the_open_bout_reads_back_with_every_field(log):
    session = _session(log)
    bout = log.open_bout(session, MORNING, estimated=True, last_activity=MORNING)
    later = MORNING + timedelta(minutes=20, seconds=5.5)
    log.update_bout(
        bout,
        start=MORNING,
        desk_s=1205.5,
        estimated=True,
        last_activity=later,
        last_activity_mono=5000.25,
        last_activity_boot=6000.75,
        boot_id="boot-a",
    )

    assert log.find_open_bout() == OpenBout(
        id=bout,
        session_id=session,
        start=MORNING,
        estimated=True,
        desk_s=1205.5,
        last_activity=later,
        last_activity_mono=5000.25,
        last_activity_boot=6000.75,
        boot_id="boot-a",
    )


def test_a_new_bout_has_no_monotonic_reading_until_its_first_update(log):
    bout = log.open_bout(_session(log), MORNING, estimated=False, last_activity=MORNING)

    open_bout = log.find_open_bout()
    assert open_bout is not None
    assert (open_bout.id, open_bout.desk_s, open_bout.estimated) == (bout, 0.0, False)
    assert (open_bout.last_activity_mono, open_bout.last_activity_boot) == (None, None)
    assert open_bout.boot_id is None


def test_a_closed_bout_is_no_longer_open_and_keeps_its_end(log, raw):
    bout = log.open_bout(_session(log), MORNING, estimated=False, last_activity=MORNING)
    log.close_bout(bout, MORNING + timedelta(minutes=50), BoutEndReason.AWAY, 2950.0)

    assert log.find_open_bout() is None
    row = raw.execute(
        "SELECT end_utc, end_offset_s, end_reason, desk_s FROM bouts WHERE id = ?", (bout,)
    ).fetchone()
    assert row == ((MORNING + timedelta(minutes=50)).timestamp(), 7200, "away", 2950.0)
    with pytest.raises(UnknownRecordError, match=f"no open bout with id {bout}"):
        log.close_bout(bout, MORNING + timedelta(hours=1), BoutEndReason.QUIT, 2950.0)
    with pytest.raises(UnknownRecordError):
        log.update_bout(
            bout,
            start=MORNING,
            desk_s=3000.0,
            estimated=False,
            last_activity=MORNING + timedelta(hours=1),
            last_activity_mono=None,
            last_activity_boot=None,
            boot_id=None,
        )


def test_a_bout_end_before_its_start_is_clamped_to_the_start(log, raw):
    bout = log.open_bout(_session(log), MORNING, estimated=False, last_activity=MORNING)
    log.close_bout(bout, MORNING - timedelta(minutes=30), BoutEndReason.QUIT, 0.0)

    start, end = raw.execute(
        "SELECT start_utc, end_utc FROM bouts WHERE id = ?", (bout,)
    ).fetchone()
    assert end == start


def test_only_one_bout_can_be_open(log):
    session = _session(log)
    first = log.open_bout(session, MORNING, estimated=False, last_activity=MORNING)

    with pytest.raises(BoutAlreadyOpenError, match=f"bout {first}"):
        log.open_bout(session, MORNING + timedelta(minutes=1), False, MORNING)

    log.close_bout(first, MORNING + timedelta(minutes=5), BoutEndReason.AWAY, 300.0)
    second = log.open_bout(session, MORNING + timedelta(minutes=10), False, MORNING)
    open_bout = log.find_open_bout()
    assert open_bout is not None
    assert open_bout.id == second


def test_the_schema_itself_refuses_a_second_open_bout(log, raw):
    session = _session(log)
    log.open_bout(session, MORNING, estimated=False, last_activity=MORNING)

    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        raw.execute(
            "INSERT INTO bouts (session_id, start_utc, start_offset_s, estimated,"
            " last_activity_utc, last_activity_offset_s) VALUES (?, 1e9, 0, 0, 1e9, 0)",
            (session,),
        )


@pytest.mark.parametrize(
    ("column_values", "broken_rule"),
    [
        pytest.param(
            "end_utc = start_utc - 1, end_offset_s = 0, end_reason = 'away'",
            "end_utc >= start_utc",
            id="end-before-start",
        ),
        pytest.param(
            "end_utc = start_utc + 1, end_offset_s = 0, end_reason = 'lunch'",
            "end_reason IN",
            id="unknown-reason",
        ),
        pytest.param(
            "end_utc = start_utc + 1, end_offset_s = 0, end_reason = NULL",
            "end_reason IS NULL",
            id="end-without-reason",
        ),
        pytest.param("desk_s = -1", "desk_s >= 0", id="negative-desk-time"),
        pytest.param("estimated = 2", "estimated IN", id="estimated-not-a-flag"),
    ],
)
def test_the_schema_rejects_an_impossible_bout(log, raw, column_values, broken_rule):
    bout = log.open_bout(_session(log), MORNING, estimated=False, last_activity=MORNING)

    with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed") as info:
        raw.execute(f"UPDATE bouts SET {column_values} WHERE id = ?", (bout,))
    assert broken_rule in str(info.value)


def test_the_schema_accepts_every_bout_end_reason_the_engine_knows(log):
    """Fails when BoutEndReason grows without a migration that widens the CHECK."""
    session = _session(log)
    for minute, reason in enumerate(BoutEndReason):
        start = MORNING + timedelta(minutes=minute)
        bout = log.open_bout(session, start, estimated=False, last_activity=start)
        log.close_bout(bout, start + timedelta(seconds=30), reason, 30.0)


def test_a_resumed_bout_moves_to_the_new_session(log):
    old_session = _session(log)
    bout = log.open_bout(old_session, MORNING, estimated=False, last_activity=MORNING)
    log.close_stale_sessions()
    new_session = _session(log, MORNING + timedelta(minutes=1))

    log.reassign_bout(bout, new_session)

    open_bout = log.find_open_bout()
    assert open_bout is not None
    assert open_bout.session_id == new_session
    with pytest.raises(UnknownRecordError, match="no app session with id 999"):
        log.reassign_bout(bout, 999)


def test_a_bout_needs_an_existing_session(log):
    with pytest.raises(UnknownRecordError, match="no app session with id 42"):
        log.open_bout(42, MORNING, estimated=False, last_activity=MORNING)


def test_naive_times_and_negative_desk_time_are_refused_with_a_clear_message(log):
    session = _session(log)
    with pytest.raises(ValueError, match="bout start must be an aware datetime"):
        log.open_bout(session, datetime(2024, 6, 3, 9, 0), False, MORNING)
    bout = log.open_bout(session, MORNING, estimated=False, last_activity=MORNING)
    with pytest.raises(ValueError, match="desk time must be 0 seconds or more, got -5"):
        log.update_bout(
            bout,
            start=MORNING,
            desk_s=-5.0,
            estimated=False,
            last_activity=MORNING,
            last_activity_mono=None,
            last_activity_boot=None,
            boot_id=None,
        )
    with pytest.raises(ValueError, match="got nan"):
        log.close_bout(bout, MORNING, BoutEndReason.QUIT, float("nan"))


# ---------------------------------------------------------------------- times
@pytest.mark.parametrize(
    ("start", "last_activity"),
    [
        pytest.param(
            datetime(2024, 1, 15, 12, 0, 0, 250_000, tzinfo=BERLIN),
            datetime(2024, 7, 15, 12, 0, 0, 123_457, tzinfo=BERLIN),
            id="winter-to-summer",
        ),
        pytest.param(
            # The hour repeated when Berlin leaves summer time: same wall time, an hour apart.
            datetime(2024, 10, 27, 2, 30, fold=0, tzinfo=BERLIN),
            datetime(2024, 10, 27, 2, 30, fold=1, tzinfo=BERLIN),
            id="repeated-hour",
        ),
        pytest.param(
            datetime(2024, 3, 31, 1, 59, 59, tzinfo=BERLIN),
            datetime(2024, 3, 31, 3, 0, 1, tzinfo=BERLIN),
            id="skipped-hour",
        ),
        pytest.param(
            datetime(2024, 5, 1, 8, 0, tzinfo=ZoneInfo("Asia/Kathmandu")),
            datetime(2024, 5, 1, 8, 0, tzinfo=ZoneInfo("America/St_Johns")),
            id="odd-offsets",
        ),
    ],
)
def test_times_come_back_as_the_same_instant_with_their_own_offset(log, start, last_activity):
    bout = log.open_bout(_session(log, start), start, estimated=False, last_activity=start)
    log.update_bout(
        bout,
        start=start,
        desk_s=1.0,
        estimated=False,
        last_activity=last_activity,
        last_activity_mono=None,
        last_activity_boot=None,
        boot_id=None,
    )

    open_bout = log.find_open_bout()
    assert open_bout is not None
    for stored, original in ((open_bout.start, start), (open_bout.last_activity, last_activity)):
        # timestamp(): datetimes in a repeated hour never compare equal across zones (PEP 495)
        assert stored.timestamp() == original.timestamp()  # the same instant
        assert stored.utcoffset() == original.utcoffset()
        assert stored.replace(tzinfo=None) == original.replace(tzinfo=None)  # the same wall time


def test_the_repeated_hour_keeps_its_order_in_the_database(log, raw):
    first = datetime(2024, 10, 27, 2, 30, fold=0, tzinfo=BERLIN)
    second = datetime(2024, 10, 27, 2, 30, fold=1, tzinfo=BERLIN)
    session = _session(log, first)
    bout = log.open_bout(session, first, estimated=False, last_activity=first)
    log.close_bout(bout, second, BoutEndReason.AWAY, 3600.0)

    row = raw.execute(
        "SELECT end_utc - start_utc, start_offset_s, end_offset_s FROM bouts WHERE id = ?",
        (bout,),
    ).fetchone()
    assert row == (3600.0, 7200, 3600)


# ---------------------------------------------------------------------- prompts
def test_a_prompt_records_its_reminders_and_its_answer(log, raw):
    bout = log.open_bout(_session(log), MORNING, estimated=False, last_activity=MORNING)
    shown = MORNING + timedelta(minutes=47)
    prompt = log.add_prompt(bout, shown, 2820.0)
    log.remind_prompt(prompt, 1)
    log.remind_prompt(prompt, 2)
    log.resolve_prompt(prompt, shown + timedelta(minutes=11), PromptResponse.NO_ANSWER)

    row = raw.execute(
        "SELECT bout_id, shown_utc, shown_offset_s, desk_s, reminders, response,"
        " response_utc, response_offset_s FROM prompts WHERE id = ?",
        (prompt,),
    ).fetchone()
    assert row == (
        bout,
        shown.timestamp(),
        7200,
        2820.0,
        2,
        "no_answer",
        (shown + timedelta(minutes=11)).timestamp(),
        7200,
    )


def test_an_answered_prompt_cannot_be_answered_or_reminded_again(log):
    prompt = log.add_prompt(None, MORNING, 2700.0)
    log.resolve_prompt(prompt, MORNING + timedelta(seconds=20), PromptResponse.DONE)

    with pytest.raises(UnknownRecordError, match=f"no unanswered prompt with id {prompt}"):
        log.resolve_prompt(prompt, MORNING + timedelta(seconds=30), PromptResponse.SKIP)
    with pytest.raises(UnknownRecordError):
        log.remind_prompt(prompt, 1)


def test_a_response_is_never_dated_before_its_prompt(log, raw):
    prompt = log.add_prompt(None, MORNING, 2700.0)
    log.resolve_prompt(prompt, MORNING - timedelta(minutes=3), PromptResponse.SKIP)

    shown, answered = raw.execute(
        "SELECT shown_utc, response_utc FROM prompts WHERE id = ?", (prompt,)
    ).fetchone()
    assert answered == shown


def test_a_prompt_must_belong_to_an_existing_bout(log):
    with pytest.raises(UnknownRecordError, match="no bout with id 7"):
        log.add_prompt(7, MORNING, 2700.0)


def test_the_schema_accepts_every_prompt_response_the_engine_knows(log):
    """Fails when PromptResponse grows without a migration that widens the CHECK."""
    for minute, response in enumerate(PromptResponse):
        shown = MORNING + timedelta(minutes=minute)
        prompt = log.add_prompt(None, shown, 2700.0)
        log.resolve_prompt(prompt, shown + timedelta(seconds=5), response)


def test_the_schema_rejects_an_unknown_prompt_response(log, raw):
    prompt = log.add_prompt(None, MORNING, 2700.0)

    with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed: response IN"):
        raw.execute(
            "UPDATE prompts SET response = 'maybe_later', response_utc = shown_utc,"
            " response_offset_s = 0 WHERE id = ?",
            (prompt,),
        )


def test_times_in_a_fixed_offset_zone_round_trip_too(log):
    tokyo = timezone(timedelta(hours=9))
    start = datetime(2024, 6, 3, 23, 59, 59, 999_999, tzinfo=tokyo)
    log.open_bout(_session(log, start), start, estimated=False, last_activity=start)

    open_bout = log.find_open_bout()
    assert open_bout is not None
    assert open_bout.start == start
    assert open_bout.start.utcoffset() == timedelta(hours=9)
