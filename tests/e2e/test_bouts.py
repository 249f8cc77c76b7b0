"""Bouts as the sitting log records them, from real input on a real X server."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from tests.e2e.sitbreak_driver import Bout, Sitbreak, Timings
from tests.helpers.desktop import (
    Desktop,
    DesktopOptions,
    InputGenerator,
    TrayHost,
    holds_for,
    wait_until,
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(120)]

TIMINGS = Timings()
END_TOLERANCE_S = 2.0
"""How far a logged bout end may be from the test's own record of the last input."""


def test_bout_ends_away_at_last_input_and_quit_closes_the_next(
    make_desktop: Callable[[DesktopOptions], Desktop],
    make_sitbreak: Callable[[Desktop], Sitbreak],
) -> None:
    desktop = make_desktop(DesktopOptions(tray=TrayHost.XEMBED))
    sitbreak = make_sitbreak(desktop)
    sitbreak.write_settings(TIMINGS)
    app = sitbreak.start()
    sitbreak.wait_running(app)
    # Start from an empty chair, so bout 1 is the test's own typing and nothing else. (A
    # bout may have been logged between the X server's start and the app's: skip it.)
    sitbreak.wait_for_status(
        lambda s: s["state"] == "away",
        timeout=TIMINGS.away_after_s + 5,
        what="nobody at the desk",
        process=app,
    )
    assert all(not bout.is_open for bout in sitbreak.bouts())
    earlier = len(sitbreak.bouts())

    def new_bouts() -> list[Bout]:
        return sitbreak.bouts()[earlier:]

    with InputGenerator(desktop.display) as typing:
        assert typing.first_input_wall is not None
        first_input = typing.first_input_wall
        first = sitbreak.wait_for_status(
            lambda s: s["state"] == "sitting" and s["desk_seconds"] >= 2,
            timeout=10,
            what="desk time to start counting",
        )
        later = sitbreak.wait_for_status(
            lambda s: s["desk_seconds"] >= first["desk_seconds"] + 2,
            timeout=8,
            what="desk time to rise while typing",
        )
        assert later["today"]["desk_seconds"] > first["today"]["desk_seconds"]
        last_input = typing.stop()

        bout_one = wait_until(
            lambda: next((b for b in new_bouts()[:1] if not b.is_open), None),
            timeout=TIMINGS.away_after_s + 8,
            what="bout 1 to end in the log",
        )
        assert bout_one.end_reason == "away"
        assert bout_one.end_utc is not None
        assert abs(bout_one.end_utc - last_input) <= END_TOLERANCE_S, (
            f"bout 1 ended {bout_one.end_utc - last_input:+.2f} s from the last input"
        )
        assert abs(bout_one.start_utc - first_input) <= END_TOLERANCE_S
        span = bout_one.end_utc - bout_one.start_utc
        assert span - 1.0 <= bout_one.desk_s <= span + 0.5, "desk time fits inside the bout"

        # The chair is empty: desk time stops rising and today's total holds still.
        away = sitbreak.wait_for_status(
            lambda s: s["state"] == "away", timeout=5, what="the status to say away"
        )
        assert away["desk_seconds"] == 0
        logged_today = sum(bout.desk_s for bout in sitbreak.bouts())
        assert away["today"]["desk_seconds"] == pytest.approx(logged_today, abs=0.5)
        holds_for(
            lambda: (
                sitbreak.running_status()["today"]["desk_seconds"] == away["today"]["desk_seconds"]
            ),
            duration=1.5,
            what="today's desk time standing still while away",
        )

        typing.start()
        # Away, the app looks only once a minute by itself; asking for the status (as the
        # tray's tooltip and menu do) makes it look now.
        sitbreak.wait_for_status(
            lambda s: s["state"] == "sitting", timeout=10, what="the return to be noticed"
        )
        bout_two = wait_until(
            lambda: next((b for b in new_bouts()[1:] if b.is_open), None),
            timeout=5,
            what="bout 2 to start in the log",
        )
        assert len(new_bouts()) == 2
        assert bout_two.start_utc >= bout_one.end_utc
        sitbreak.wait_for_status(
            lambda s: s["state"] == "sitting" and s["desk_seconds"] >= 1,
            timeout=10,
            what="desk time of bout 2",
        )
        asked = time.time()
        started = time.monotonic()
        quit_command = sitbreak.cli("quit")
        assert quit_command.returncode == 0, quit_command.stderr
        assert app.wait(timeout=max(0.1, 5 - (time.monotonic() - started))) == 0

    closed = {bout.id: bout for bout in sitbreak.bouts()}[bout_two.id]
    assert closed.end_reason == "quit"
    assert closed.end_utc is not None
    assert bout_two.start_utc <= closed.end_utc <= asked + 1
    assert sitbreak.query("SELECT count(*) AS open FROM bouts WHERE end_utc IS NULL") == [
        {"open": 0}
    ]
