"""The coach with the real ``sitbreak`` process, driven from outside: a routine started by
command plays in its own window and is never desk time, Escape stops it and the log says
so; Today and Statistics open from the command line; ``sitbreak stats`` reads the log
without a running instance and exports it."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.sitbreak_driver import Sitbreak, publish_screenshot
from tests.helpers.desktop import (
    Desktop,
    DesktopOptions,
    InputGenerator,
    TrayHost,
    holds_for,
    wait_until,
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(120)]


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def _one_window(desktop: Desktop, title: str, what: str) -> int:
    windows = wait_until(
        lambda: desktop.display.viewable_windows_named(title), timeout=10, what=what
    )
    assert len(windows) == 1, f"one {what} expected, found {windows}"
    return windows[0]


def test_a_routine_by_command_is_never_desk_time_and_escape_logs_it_as_stopped(
    make_desktop: Callable[[DesktopOptions], Desktop],
    make_sitbreak: Callable[[Desktop], Sitbreak],
    artifacts: Path,
) -> None:
    desktop = make_desktop(DesktopOptions(tray=TrayHost.XEMBED))
    sitbreak = make_sitbreak(desktop)
    app = sitbreak.start()
    sitbreak.wait_running(app)

    unknown = sitbreak.cli("routine", "no-such-routine")
    assert unknown.returncode != 0
    assert "no-such-routine" in unknown.stderr

    with InputGenerator(desktop.display):
        sitbreak.wait_for_status(
            lambda s: s["state"] == "sitting", timeout=10, what="the typing to start a bout"
        )
        started = sitbreak.cli("routine", "glute-wake-up")
        assert started.returncode == 0, started.stderr
        assert "Glute wake-up" in started.stdout
        window = _one_window(desktop, "^Glute wake-up — Sitbreak$", "routine player")
        playing = sitbreak.wait_for_status(
            lambda s: s["state"] == "stretching", timeout=5, what="the routine to hold desk time"
        )
        holds_for(
            lambda: sitbreak.running_status()["desk_seconds"] == playing["desk_seconds"],
            duration=1.5,
            what="desk time standing still while the routine plays, typing or not",
        )
        publish_screenshot(
            desktop.display.photograph(window, artifacts / "routine-e2e.png"), "routine-e2e.png"
        )
        desktop.display.press_keys(window, "Escape")
        wait_until(
            lambda: not desktop.display.is_viewable(window), timeout=5, what="Escape to stop"
        )
        sitbreak.wait_for_status(
            lambda s: s["state"] != "stretching", timeout=5, what="the desk to count again"
        )

    (run,) = sitbreak.query("SELECT routine_id, outcome, ended_utc FROM routine_runs")
    assert run["routine_id"] == "glute-wake-up"
    assert run["outcome"] == "stopped"
    assert run["ended_utc"] is not None
    assert sitbreak.problems() == []


def test_today_and_statistics_open_by_command_and_stats_reads_the_log_without_the_app(
    make_desktop: Callable[[DesktopOptions], Desktop],
    make_sitbreak: Callable[[Desktop], Sitbreak],
    artifacts: Path,
) -> None:
    desktop = make_desktop(DesktopOptions(tray=TrayHost.XEMBED))
    sitbreak = make_sitbreak(desktop)
    app = sitbreak.start()
    sitbreak.wait_running(app)

    with InputGenerator(desktop.display):
        sitbreak.wait_for_status(
            lambda s: s["state"] == "sitting", timeout=10, what="the typing to start a bout"
        )
        assert sitbreak.cli("today").returncode == 0
        today = _one_window(desktop, "^Today — Sitbreak$", "Today window")
        assert sitbreak.cli("statistics").returncode == 0
        statistics = _one_window(desktop, "^Sitbreak Statistics$", "statistics window")
        publish_screenshot(
            desktop.display.photograph(today, artifacts / "today-e2e.png"), "today-e2e.png"
        )
        publish_screenshot(
            desktop.display.photograph(statistics, artifacts / "stats-e2e.png"), "stats-e2e.png"
        )
    assert sitbreak.cli("quit").returncode == 0
    assert app.wait(timeout=10) == 0

    summary = sitbreak.cli("stats")
    assert summary.returncode == 0, summary.stderr
    assert "Today" in summary.stdout
    assert "1 bout" in summary.stdout or "bouts" in summary.stdout

    exported = artifacts / "history.csv"
    export = sitbreak.cli("stats", "--days", "1", "--export", "csv", "--output", str(exported))
    assert export.returncode == 0, export.stderr
    (row,) = _csv_rows(exported)
    (bout,) = sitbreak.query("SELECT desk_s FROM bouts")
    assert float(row["desk_s"]) == pytest.approx(bout["desk_s"], abs=1.0)

    refused = sitbreak.cli("stats", "--export", "json", "--output", str(exported))
    assert refused.returncode != 0
    assert str(exported) in refused.stderr
    assert _csv_rows(exported) == [row], "never overwritten"
    json_file = artifacts / "history.json"
    assert sitbreak.cli("stats", "--export", "json", "--output", str(json_file)).returncode == 0
    assert json.loads(json_file.read_text(encoding="utf-8"))["days"]
    assert sitbreak.problems() == []
