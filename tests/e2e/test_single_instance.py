"""Starting Sitbreak twice at once (autostart plus a click) leaves exactly one running."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.e2e.sitbreak_driver import Sitbreak, SitbreakProcess, Timings
from tests.helpers.desktop import Desktop, DesktopOptions, TrayHost, holds_for, wait_until

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(90)]


def test_two_instances_started_at_once_leave_exactly_one_running(
    make_desktop: Callable[[DesktopOptions], Desktop],
    make_sitbreak: Callable[[Desktop], Sitbreak],
) -> None:
    desktop = make_desktop(DesktopOptions(tray=TrayHost.XEMBED))
    sitbreak = make_sitbreak(desktop)
    sitbreak.write_settings(Timings())
    pair = (sitbreak.start(), sitbreak.start())

    def one_exited() -> SitbreakProcess | None:
        exited = [process for process in pair if not process.running()]
        if len(exited) == 2:
            raise AssertionError("both instances exited:\n" + sitbreak.logs())
        return exited[0] if exited else None

    loser = wait_until(one_exited, timeout=20, what="one of the two to give way")
    winner = pair[1] if loser is pair[0] else pair[0]
    assert loser.returncode == 0
    said = (loser.stdout_text() + loser.stderr_text()).lower()
    assert "already running" in said

    status = sitbreak.wait_running(winner)
    assert status["pid"] == winner.pid
    holds_for(winner.running, duration=1.0, what="the first instance running")

    assert sitbreak.cli("quit").returncode == 0
    assert winner.wait(timeout=5) == 0
