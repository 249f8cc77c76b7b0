"""Write ``foundation-v1.sqlite``: a sitting log as the foundation release (schema 1) left it.

The upgrade test (``test_migration_2.py``) opens a copy of that file with today's code. It
must come from the *foundation's* code, not from today's, so run this script against an
export of the foundation commit, never against the working tree::

    mkdir /tmp/foundation
    git archive 4e3ff842822c4915ecc56c26ce7a745182149412 app | tar -x -C /tmp/foundation
    PYTHONPATH=/tmp/foundation python tests/unit/storage/data/make_foundation_v1.py \\
        tests/unit/storage/data/foundation-v1.sqlite

The day it records: a session that crashed, one that quit, and one still running (the app
was killed, then upgraded) with its bout open and a prompt waiting for an answer.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from app.core.model import BoutEndReason, PromptResponse
from app.storage.log import SittingLog
from app.storage.migrations import SCHEMA_VERSION
from app.storage.records import SessionEndReason

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = datetime(2024, 6, 3, 8, 0, tzinfo=BERLIN)


def write(path: Path) -> None:
    if SCHEMA_VERSION != 1:
        raise SystemExit(f"run this against the foundation's code (schema 1), not {SCHEMA_VERSION}")
    if path.exists():
        raise SystemExit(f"{path} exists; remove it first")

    def at(minutes: float) -> datetime:
        return MONDAY + timedelta(minutes=minutes)

    with SittingLog.open(path) as log:
        crashed = log.start_session(at(0), "x11-screensaver", "0.1.0")
        bout = log.open_bout(crashed, at(5), estimated=False, last_activity=at(5))
        prompt = log.add_prompt(bout, at(52), 2820.0)
        log.resolve_prompt(prompt, at(53), PromptResponse.DONE)
        log.close_bout(bout, at(52), BoutEndReason.STAND_UP, 2820.0)
        log.touch_session(crashed, at(70))

        assert log.close_stale_sessions() == (crashed,)
        quit_cleanly = log.start_session(at(90), "none", "0.1.0")
        bout = log.open_bout(quit_cleanly, at(91), estimated=True, last_activity=at(91))
        prompt = log.add_prompt(bout, at(140), 2940.0)
        log.resolve_prompt(prompt, at(141), PromptResponse.SNOOZE)
        prompt = log.add_prompt(bout, at(151), 3540.0)
        log.remind_prompt(prompt, 1)
        log.remind_prompt(prompt, 2)
        log.resolve_prompt(prompt, at(160), PromptResponse.NO_ANSWER)
        log.close_bout(bout, at(175), BoutEndReason.AWAY, 4980.0)
        unprompted = log.add_prompt(None, at(176), 0.0)
        log.resolve_prompt(unprompted, at(177), PromptResponse.DISMISSED)
        log.end_session(quit_cleanly, at(180), SessionEndReason.QUIT)

        killed = log.start_session(at(240), "x11-screensaver", "0.1.0")
        bout = log.open_bout(killed, at(241), estimated=False, last_activity=at(241))
        log.update_bout(
            bout,
            start=at(241),
            desk_s=2880.0,
            estimated=False,
            last_activity=at(289),
            last_activity_mono=12_345.5,
            last_activity_boot=23_456.25,
            boot_id="0d9c6a4e-foundation",
        )
        log.add_prompt(bout, at(288), 2820.0)
        log.touch_session(killed, at(289))


if __name__ == "__main__":
    write(Path(sys.argv[1]))
