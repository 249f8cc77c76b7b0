"""Sitbreak never opens a network socket: only Unix sockets (the X connection, the D-Bus
session bus, its control socket), through a prompt, its bubble and the stretch window.

What the kernel says is read from ``/proc``: every open descriptor of the running process
that is a socket (``/proc/PID/fd`` → ``socket:[INODE]``) must be listed in the Unix socket
table of its network namespace (``/proc/PID/net/unix``) and in none of the IP tables
(``tcp``, ``tcp6``, ``udp``, ``udp6``, ``udplite``, ``udplite6``, ``raw``, ``raw6``). The
first rule also catches an IP socket that was never bound or connected, which the IP tables
do not list.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.sitbreak_driver import PROMPT_TIMINGS, Sitbreak, stretch_window
from tests.helpers.desktop import Desktop, DesktopOptions, InputGenerator, TrayHost, wait_until

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(90)]

IP_TABLES = ("tcp", "tcp6", "udp", "udp6", "udplite", "udplite6", "raw", "raw6")
_UNIX_LISTENING_FLAG = 0x00010000
"""``__SO_ACCEPTCON`` in the Flags column of ``/proc/net/unix``: a listening socket."""


@dataclass(frozen=True)
class UnixSocket:
    inode: int
    path: str
    """The bound path; empty for an unnamed socket (a client end, a socketpair)."""
    listening: bool


@dataclass(frozen=True)
class SocketInventory:
    """The sockets one process holds, sorted by family as its network namespace lists them."""

    pid: int
    unix: list[UnixSocket]
    ip: dict[int, str]
    """Inode → the IP table that lists it."""
    unlisted: list[int]
    """Socket inodes in no Unix table: another family (an unbound IP socket, netlink, ...)."""

    def describe(self) -> str:
        return (
            f"pid {self.pid}: {len(self.unix)} unix socket(s), IP sockets {self.ip}, "
            f"sockets of another family (inodes) {self.unlisted}"
        )


def socket_inodes(pid: int) -> set[int]:
    """Inodes of the sockets among ``pid``'s open file descriptors (threads share them)."""
    inodes: set[int] = set()
    fd_dir = Path(f"/proc/{pid}/fd")
    for fd in fd_dir.iterdir():
        try:
            target = os.readlink(fd)
        except FileNotFoundError:  # closed while we looked
            continue
        if target.startswith("socket:["):
            inodes.add(int(target[len("socket:[") : -1]))
    return inodes


def _table_rows(pid: int, table: str) -> list[list[str]]:
    path = Path(f"/proc/{pid}/net/{table}")
    if not path.exists():  # e.g. no IPv6 in this kernel
        return []
    return [line.split() for line in path.read_text().splitlines()[1:] if line.strip()]


def inventory(pid: int) -> SocketInventory:
    inodes = socket_inodes(pid)
    unix: dict[int, UnixSocket] = {}
    for row in _table_rows(pid, "unix"):
        # Num RefCount Protocol Flags Type St Inode [Path]
        inode = int(row[6])
        if inode in inodes:
            listening = bool(int(row[3], 16) & _UNIX_LISTENING_FLAG)
            unix[inode] = UnixSocket(inode, row[7] if len(row) > 7 else "", listening)
    ip: dict[int, str] = {}
    for table in IP_TABLES:
        for row in _table_rows(pid, table):
            # sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
            inode = int(row[9])
            if inode in inodes:
                ip[inode] = table
    unlisted = sorted(inodes - unix.keys() - ip.keys())
    return SocketInventory(pid, sorted(unix.values(), key=lambda s: s.inode), ip, unlisted)


def assert_unix_sockets_only(found: SocketInventory, runtime_dir: str) -> None:
    assert found.ip == {}, f"IP sockets open: {found.describe()}"
    assert found.unlisted == [], f"sockets that are not Unix sockets: {found.describe()}"
    # The inventory sees what it should: the control socket, listening in the runtime folder.
    control = [s for s in found.unix if s.listening and s.path.startswith(runtime_dir)]
    assert control, f"no listening control socket under {runtime_dir}: {found.describe()}"


def test_the_inventory_tells_an_ip_socket_from_unix_sockets() -> None:
    """The check itself can fail: an IP socket, even one never bound, is noticed."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as unbound_ip:
        found = inventory(os.getpid())
        assert unbound_ip.fileno() >= 0
        assert found.unlisted or found.ip, found.describe()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as local:
        inode = os.fstat(local.fileno()).st_ino
        assert inode in {s.inode for s in inventory(os.getpid()).unix}


def test_through_a_prompt_and_the_stretch_window_sitbreak_holds_unix_sockets_only(
    make_desktop: Callable[[DesktopOptions], Desktop],
    make_sitbreak: Callable[[Desktop], Sitbreak],
) -> None:
    desktop = make_desktop(DesktopOptions(tray=TrayHost.XEMBED))
    dunst = desktop.notifications
    assert dunst is not None
    runtime_dir = desktop.env["XDG_RUNTIME_DIR"]
    sitbreak = make_sitbreak(desktop)
    sitbreak.write_settings(PROMPT_TIMINGS)
    app = sitbreak.start()
    sitbreak.wait_running(app)
    assert_unix_sockets_only(inventory(app.pid), runtime_dir)

    with InputGenerator(desktop.display) as typing:
        sitbreak.prompt_after_lull(typing, PROMPT_TIMINGS, process=app)
        wait_until(lambda: dunst.displayed() == 1, timeout=5, what="the prompt's bubble")
        prompting = inventory(app.pid)
        assert_unix_sockets_only(prompting, runtime_dir)

        opened = sitbreak.cli("break-now")
        assert opened.returncode == 0, opened.stderr
        window = stretch_window(desktop.display)
        assert sitbreak.running_status()["state"] == "stretching"
        stretching = inventory(app.pid)
        assert_unix_sockets_only(stretching, runtime_dir)

        desktop.display.press_keys(window, "Escape")
        wait_until(
            lambda: not desktop.display.is_viewable(window),
            timeout=5,
            what="Esc to close the stretch window",
        )
    assert_unix_sockets_only(inventory(app.pid), runtime_dir)
    assert [row.response for row in sitbreak.shown_exercises()] == ["closed"]
    assert sitbreak.problems() == []
