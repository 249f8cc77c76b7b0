"""A bout in progress survives the app being killed, and a polite stop closes it."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from datetime import datetime

import pytest

from tests.e2e.sitbreak_driver import Bout, Sitbreak, SitbreakProcess, Timings
from tests.helpers.desktop import Desktop, DesktopOptions, InputGenerator, TrayHost, wait_until

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(120)]


def _open_bout(sitbreak: Sitbreak) -> Bout | None:
    open_bouts = [bout for bout in sitbreak.bouts() if bout.is_open]
    assert len(open_bouts) <= 1, f"more than one open bout: {open_bouts}"
    return open_bouts[0] if open_bouts else None


def _sit_for(sitbreak: Sitbreak, app: SitbreakProcess, seconds: float) -> Bout:
    """Wait (while the test types) until the open bout has ``seconds`` of desk time."""
    sitbreak.wait_for_status(
        lambda s: s["state"] == "sitting" and s["desk_seconds"] >= seconds,
        timeout=seconds + 10,
        what=f"{seconds:g} s of desk time",
        process=app,
    )
    return wait_until(lambda: _open_bout(sitbreak), timeout=5, what="the open bout in the log")


def _kill_hard(app: SitbreakProcess) -> None:
    app.send_signal(signal.SIGKILL)
    assert app.wait(timeout=5) == -signal.SIGKILL


def test_restart_within_away_time_resumes_the_open_bout(
    make_desktop: Callable[[DesktopOptions], Desktop],
    make_sitbreak: Callable[[Desktop], Sitbreak],
) -> None:
    timings = Timings(away_after_s=10)  # room for a restart well inside the away time
    desktop = make_desktop(DesktopOptions(tray=TrayHost.XEMBED))
    sitbreak = make_sitbreak(desktop)
    sitbreak.write_settings(timings)
    app = sitbreak.start()
    sitbreak.wait_running(app)

    with InputGenerator(desktop.display):
        before = _sit_for(sitbreak, app, 3)
        _kill_hard(app)
        killed_at = time.time()
        restarted = sitbreak.start()
        status = sitbreak.wait_running(restarted)
        assert time.time() - killed_at < timings.away_after_s, "restarted within the away time"

        def resumed_and_growing() -> Bout | None:
            bout = _open_bout(sitbreak)
            return bout if bout is not None and bout.desk_s >= before.desk_s + 2 else None

        resumed = wait_until(
            resumed_and_growing, timeout=15, what=f"bout {before.id} to go on after the restart"
        )
        status = sitbreak.running_status()
    assert resumed.id == before.id
    assert resumed.start_utc == pytest.approx(before.start_utc, abs=0.001)
    assert [bout.id for bout in sitbreak.bouts()] == [before.id]
    assert status["state"] == "sitting"
    assert datetime.fromisoformat(status["bout_start"]).timestamp() == pytest.approx(
        before.start_utc, abs=1.0
    )
    assert status["desk_seconds"] >= before.desk_s


def test_restart_after_away_time_closes_the_bout_at_its_last_activity(
    make_desktop: Callable[[DesktopOptions], Desktop],
    make_sitbreak: Callable[[Desktop], Sitbreak],
) -> None:
    timings = Timings()
    desktop = make_desktop(DesktopOptions(tray=TrayHost.XEMBED))
    sitbreak = make_sitbreak(desktop)
    sitbreak.write_settings(timings)
    app = sitbreak.start()
    sitbreak.wait_running(app)

    with InputGenerator(desktop.display) as typing:
        _sit_for(sitbreak, app, 3)
        last_input = typing.stop()
        # Ask once more so the app records its latest sample, then die before the away time.
        sitbreak.running_status()
        _kill_hard(app)
    crashed = _open_bout(sitbreak)
    assert crashed is not None, "the bout in progress survived kill -9"
    assert crashed.last_activity_utc == pytest.approx(last_input, abs=1.5)

    wait_until(
        lambda: time.time() > crashed.last_activity_utc + timings.away_after_s + 1,
        timeout=timings.away_after_s + 5,
        what="the away time to pass while the app is dead",
    )
    restarted = sitbreak.start()
    sitbreak.wait_running(restarted)

    def closed() -> Bout | None:
        bout = {bout.id: bout for bout in sitbreak.bouts()}[crashed.id]
        return None if bout.is_open else bout

    ended = wait_until(closed, timeout=10, what=f"bout {crashed.id} to be closed")
    assert ended.end_reason == "crash"
    assert ended.end_utc is not None
    assert ended.end_utc == pytest.approx(crashed.last_activity_utc, abs=0.5)
    assert ended.end_utc == pytest.approx(last_input, abs=2.0)
    assert _open_bout(sitbreak) is None, "no bout while nobody types"

    with InputGenerator(desktop.display):
        # Away, the app looks only once a minute by itself; asking for the status (as the
        # tray's tooltip and menu do) makes it look now.
        sitbreak.wait_for_status(
            lambda s: s["state"] == "sitting", timeout=10, what="the return to be noticed"
        )
        fresh = wait_until(lambda: _open_bout(sitbreak), timeout=5, what="a new bout on input")
    assert fresh.id != crashed.id
    assert fresh.start_utc >= ended.end_utc


def test_sigterm_closes_the_open_bout_as_quit_within_a_second(
    make_desktop: Callable[[DesktopOptions], Desktop],
    make_sitbreak: Callable[[Desktop], Sitbreak],
) -> None:
    desktop = make_desktop(DesktopOptions(tray=TrayHost.XEMBED))
    sitbreak = make_sitbreak(desktop)
    sitbreak.write_settings(Timings())
    app = sitbreak.start()
    sitbreak.wait_running(app)

    with InputGenerator(desktop.display):
        bout = _sit_for(sitbreak, app, 2)
        app.send_signal(signal.SIGTERM)
        signalled = time.time()

        def closed() -> Bout | None:
            current = {row.id: row for row in sitbreak.bouts()}[bout.id]
            return None if current.is_open else current

        ended = wait_until(closed, timeout=1.0, what="SIGTERM to close the bout", interval=0.05)
    assert ended.end_reason == "quit"
    assert ended.end_utc is not None
    assert ended.end_utc <= signalled + 1.0
    assert app.wait(timeout=5) == 0
