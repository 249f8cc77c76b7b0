"""A real Wayland compositor for tests: KWin, headless, with a way to send it input.

Debian 12's KWin 5.27 offers ``ext_idle_notifier_v1`` (its sway 1.7 and wlroots 0.15 are
older than the protocol, and sway refuses to run as root). ``kwin_wayland --virtual``
renders into memory and needs no GPU, no seat and no logind; it gets a private runtime
directory, HOME and (absent) session bus, so it can neither see nor disturb the desktop
of whoever runs the tests.

Input comes from KWin's ``org_kde_kwin_fake_input``, the protocol KDE Connect and the
KWin tests use: a virtual pointer whose motion KWin treats as user activity. KWin hides
that global unless ``KWIN_WAYLAND_NO_PERMISSION_CHECKS`` is set, as it is here.
pywayland ships no binding for this KDE protocol, so the two requests used are declared
below, in the order (and so with the opcodes) of plasma-wayland-protocols' fake-input.xml.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pywayland.client.display import Display
from pywayland.protocol_core.argument import Argument
from pywayland.protocol_core.globals import Global
from pywayland.protocol_core.interface import Interface
from pywayland.protocol_core.proxy import Proxy
from pywayland.protocol_core.resource import Resource
from pywayland.scanner.argument import ArgumentType

KWIN_BINARY = "kwin_wayland"
IDLE_NOTIFIER = "ext_idle_notifier_v1"
FAKE_INPUT = "org_kde_kwin_fake_input"
STARTUP_TIMEOUT_S = 10.0
STOP_TIMEOUT_S = 5.0


@dataclass(frozen=True, slots=True)
class Compositor:
    """A running compositor: ``display`` is its socket's absolute path (a WAYLAND_DISPLAY)."""

    display: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """End the compositor (and anything it started), as a crash or a logout would."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


@contextmanager
def running_kwin(*, socket_name: str = "wayland-sitbreak-test") -> Iterator[Compositor]:
    """A headless KWin with fake input allowed, ready for clients; always stopped after.

    The packaged binary carries a file capability (``cap_sys_resource``) that a container
    without it in its bounding set refuses to execute ("Operation not permitted"); a copy
    carries none, and KWin runs the same without it. The copy keeps the name
    ``kwin_wayland``: KWin loads its own Qt platform plugin only under that name.
    """
    installed = shutil.which(KWIN_BINARY)
    if installed is None:
        raise RuntimeError(f"{KWIN_BINARY} is not on PATH")
    # Short paths: a Unix socket's path must fit in 108 bytes.
    with tempfile.TemporaryDirectory(prefix="sb-kwin-") as root_name:
        root = Path(root_name)
        runtime_dir = root / "run"
        runtime_dir.mkdir(mode=0o700)
        home = root / "home"
        home.mkdir()
        binary = root / KWIN_BINARY
        shutil.copyfile(installed, binary)
        binary.chmod(0o755)
        log_path = root / "kwin.log"
        environment = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_RUNTIME_DIR": str(runtime_dir),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "LANG": "C.UTF-8",
            # No session bus: KWin must not register on (or start services of) a real one.
            "DBUS_SESSION_BUS_ADDRESS": f"unix:path={root / 'no-bus'}",
            "KWIN_COMPOSE": "Q",  # QPainter: no OpenGL work on a machine without a GPU
            "KWIN_WAYLAND_NO_PERMISSION_CHECKS": "1",
        }
        with log_path.open("wb") as log_file:
            process = subprocess.Popen(
                [str(binary), "--virtual", "--no-lockscreen", "--socket", socket_name],
                env=environment,
                cwd=root,
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        compositor = Compositor(str(runtime_dir / socket_name), process, log_path)
        try:
            _wait_until_serving(compositor)
            yield compositor
        finally:
            compositor.stop()


def advertised_globals(display_name: str) -> set[str]:
    """The interface names the compositor at ``display_name`` offers a new client."""
    display = Display(display_name)
    display.connect()
    try:
        offered: set[str] = set()

        def on_global(_registry: object, _name: int, interface: str, _version: int) -> None:
            offered.add(interface)

        registry = display.get_registry()
        registry.dispatcher["global"] = on_global
        if display.roundtrip() < 0:
            raise ConnectionError(f"{display_name} closed the connection")
        return offered
    finally:
        display.disconnect()


def _wait_until_serving(compositor: Compositor) -> None:
    """Until a client sees the compositor's seat: then the globals are all announced."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while True:
        if compositor.process.poll() is not None:
            raise RuntimeError(
                f"{KWIN_BINARY} exited with {compositor.process.returncode}:\n{compositor.log()}"
            )
        if Path(compositor.display).is_socket():
            try:
                if "wl_seat" in advertised_globals(compositor.display):
                    return
            except (ValueError, ConnectionError):
                pass  # the socket is there, the event loop not yet
        if time.monotonic() > deadline:
            raise RuntimeError(f"{KWIN_BINARY} did not start serving:\n{compositor.log()}")
        time.sleep(0.05)


# ---------------------------------------------------------------- KWin's fake input


class KwinFakeInput(Interface):
    """``org_kde_kwin_fake_input``: input events from a client, for tests and remote control."""

    name = FAKE_INPUT
    version = 1


class KwinFakeInputProxy(Proxy[KwinFakeInput]):
    interface = KwinFakeInput

    @KwinFakeInput.request(Argument(ArgumentType.String), Argument(ArgumentType.String))
    def authenticate(self, application: str, reason: str) -> None:
        self._marshal(0, application, reason)

    @KwinFakeInput.request(Argument(ArgumentType.Fixed), Argument(ArgumentType.Fixed))
    def pointer_motion(self, delta_x: float, delta_y: float) -> None:
        self._marshal(1, delta_x, delta_y)


class KwinFakeInputResource(Resource[KwinFakeInput]):
    interface = KwinFakeInput


class KwinFakeInputGlobal(Global[KwinFakeInput]):
    interface = KwinFakeInput


KwinFakeInput._gen_c()
KwinFakeInput.proxy_class = KwinFakeInputProxy
KwinFakeInput.resource_class = KwinFakeInputResource
KwinFakeInput.global_class = KwinFakeInputGlobal


class FakeUser:
    """A person at the compositor's seat, as far as moving the pointer goes."""

    def __init__(self, display_name: str) -> None:
        self._display = Display(display_name)
        self._display.connect()
        names: dict[str, int] = {}

        def on_global(_registry: object, name: int, interface: str, _version: int) -> None:
            names.setdefault(interface, name)

        registry = self._display.get_registry()
        registry.dispatcher["global"] = on_global
        self._display.roundtrip()
        if FAKE_INPUT not in names:
            self._display.disconnect()
            raise RuntimeError(f"the compositor at {display_name} offers no {FAKE_INPUT}")
        self._input: KwinFakeInputProxy = registry.bind(names[FAKE_INPUT], KwinFakeInput, 1)
        self._input.authenticate("Sitbreak tests", "act as the user at the desk")
        self._display.roundtrip()

    def move_pointer(self) -> None:
        """Nudge the pointer one pixel; the compositor has it before this returns."""
        self._input.pointer_motion(1.0, 1.0)
        self._display.roundtrip()

    def close(self) -> None:
        # Explicitly, before the interpreter's teardown frees the display under its proxies.
        self._display.disconnect()
