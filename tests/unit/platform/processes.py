"""Real X and D-Bus servers for the platform tests, started on demand and always stopped."""

from __future__ import annotations

import os
import select
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tests.helpers.require import require_binaries

STARTUP_TIMEOUT_S = 10.0

# A bus of our own: no service directories (nothing is auto-started) and no rules beyond
# "anyone may do anything", like a session bus.
PRIVATE_BUS_CONFIG = """<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@dataclass(frozen=True, slots=True)
class XServer:
    display: str

    def move_pointer(self, x: int, y: int) -> None:
        """Real input, as the X server sees it from a user."""
        subprocess.run(
            ["xdotool", "mousemove", str(x), str(y)],
            env={**os.environ, "DISPLAY": self.display},
            check=True,
            timeout=STARTUP_TIMEOUT_S,
        )


@contextmanager
def running_xvfb(*extra_args: str) -> Iterator[tuple[XServer, subprocess.Popen[bytes]]]:
    """An Xvfb on a display number it picks itself (``-displayfd``), so tests never collide."""
    require_binaries("Xvfb", "xdotool")
    read_fd, write_fd = os.pipe()
    command = ["Xvfb", "-displayfd", str(write_fd), "-nolisten", "tcp", *extra_args]
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(
            command,
            pass_fds=(write_fd,),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        os.close(write_fd)
        try:
            number = _read_line("Xvfb", read_fd, process, stderr)
            yield XServer(f":{number}"), process
        finally:
            os.close(read_fd)
            _stop(process)


@contextmanager
def running_private_bus(config_dir: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A dbus-daemon of our own; yields its address."""
    require_binaries("dbus-daemon")
    config = config_dir / "bus.conf"
    config.write_text(PRIVATE_BUS_CONFIG, encoding="utf-8")
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(
            ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=stderr,
        )
        assert process.stdout is not None
        try:
            yield _read_line("dbus-daemon", process.stdout.fileno(), process, stderr), process
        finally:
            process.stdout.close()
            _stop(process)


def _read_line(name: str, fd: int, process: subprocess.Popen[bytes], stderr: IO[bytes]) -> str:
    """The first line a starting server writes to ``fd``, or a failure that shows its stderr."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    data = b""
    while b"\n" not in data:
        remaining = deadline - time.monotonic()
        readable, _, _ = select.select([fd], [], [], max(remaining, 0))
        chunk = os.read(fd, 256) if readable else b""
        if not chunk:
            stderr.seek(0)
            reason = "timed out" if not readable else f"exited with {process.poll()}"
            raise RuntimeError(f"{name} {reason}: {stderr.read().decode(errors='replace')}")
        data += chunk
    return data.split(b"\n", 1)[0].decode().strip()


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=STARTUP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
