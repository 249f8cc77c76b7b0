"""A private X11 desktop for end-to-end tests.

Each test gets its own Xvfb, D-Bus session bus, window manager, tray host and notification
server, all children of the test with their own HOME and XDG dirs, so nothing leaks in from
the machine and nothing is left behind: every daemon runs in its own process group, which is
killed whole on the way out.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import re
import select
import shlex
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Self, TypeVar

from jeepney import DBusAddress, HeaderFields, Message, MessageType, Properties, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from jeepney.low_level import Parser
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

T = TypeVar("T")

STARTUP_TIMEOUT_S = 10.0
"""How long a daemon may take to become ready on a slow CI machine."""

DESKTOP_BINARIES = (
    "Xvfb",
    "dbus-daemon",
    "openbox",
    "trayer",
    "status-notifier-watcher",
    "dunst",
    "dunstctl",
    "dbus-monitor",
    "xdotool",
    "xwininfo",
    "xprop",
    "import",
)
"""Every program this module runs; tests check them up front with ``require_binaries``."""

SYSTEM_TRAY_SELECTION = "_NET_SYSTEM_TRAY_S0"
NOTIFICATIONS_NAME = "org.freedesktop.Notifications"
SNI_WATCHER_NAME = "org.kde.StatusNotifierWatcher"
SNI_WATCHER_PATH = "/StatusNotifierWatcher"


class HarnessError(RuntimeError):
    """The test desktop itself misbehaved (a daemon died, a tool failed)."""


# ------------------------------------------------------------------------------ waiting
def wait_until(
    predicate: Callable[[], T | None],
    *,
    timeout: float,
    what: str,
    interval: float = 0.1,
) -> T:
    """Poll ``predicate`` until it returns something truthy and return that.

    The deadline is monotonic; on timeout the error names ``what`` and the last value seen,
    which is usually enough to tell why.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise TimeoutError(f"timed out after {timeout:g} s waiting for {what}; last: {value!r}")
        time.sleep(interval)


def holds_for(
    predicate: Callable[[], bool],
    *,
    duration: float,
    what: str,
    interval: float = 0.2,
) -> None:
    """Check that ``predicate`` stays true for ``duration`` seconds (a negative observation)."""
    deadline = time.monotonic() + duration
    while True:
        if not predicate():
            raise AssertionError(f"{what} stopped holding before {duration:g} s had passed")
        if time.monotonic() >= deadline:
            return
        time.sleep(interval)


# ------------------------------------------------------------------------------ processes
class ManagedProcess:
    """A child in its own process group, its output in log files, always stopped whole."""

    def __init__(
        self,
        name: str,
        argv: Sequence[str],
        *,
        env: Mapping[str, str],
        log_dir: Path,
        cwd: Path | None = None,
        pass_fds: Sequence[int] = (),
    ) -> None:
        self.name = name
        self.argv = list(argv)
        self.stdout_path = log_dir / f"{name}.stdout.log"
        self.stderr_path = log_dir / f"{name}.stderr.log"
        log_dir.mkdir(parents=True, exist_ok=True)
        with self.stdout_path.open("wb") as out, self.stderr_path.open("wb") as err:
            self._popen = subprocess.Popen(
                self.argv,
                env=dict(env),
                cwd=cwd,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                start_new_session=True,
                pass_fds=tuple(pass_fds),
            )

    @property
    def pid(self) -> int:
        return self._popen.pid

    @property
    def returncode(self) -> int | None:
        return self._popen.poll()

    def running(self) -> bool:
        return self._popen.poll() is None

    def wait(self, timeout: float) -> int:
        """The exit code; raises ``subprocess.TimeoutExpired`` if it is still running."""
        return self._popen.wait(timeout)

    def send_signal(self, signum: signal.Signals) -> None:
        self._popen.send_signal(signum)

    def ensure_running(self) -> None:
        """Fail with the process's output when it has died."""
        if not self.running():
            raise HarnessError(f"{self.name} exited with {self.returncode}\n{self.output_tail()}")

    def stdout_text(self) -> str:
        return self.stdout_path.read_text(errors="replace")

    def stderr_text(self) -> str:
        return self.stderr_path.read_text(errors="replace")

    def output_tail(self, max_chars: int = 6000) -> str:
        out = self.stdout_text()[-max_chars:]
        err = self.stderr_text()[-max_chars:]
        return f"--- {self.name} stdout ---\n{out}\n--- {self.name} stderr ---\n{err}"

    def stop(self, grace: float = 3.0) -> None:
        """SIGTERM the whole group, SIGKILL what is left after ``grace`` seconds.

        A process already reaped (it exited and a test waited for it) is left alone: its
        group id is free again and could name someone else's processes.
        """
        if self._popen.returncode is not None:
            return
        self._signal_group(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._popen.wait(grace)
        # Whatever survived (the leader, or children it started) goes now.
        self._signal_group(signal.SIGKILL)
        try:
            self._popen.wait(10)
        except subprocess.TimeoutExpired as error:
            raise HarnessError(f"{self.name} (pid {self.pid}) survived SIGKILL") from error

    def _signal_group(self, signum: signal.Signals) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self._popen.pid, signum)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def _read_line_from_fd(fd: int, timeout: float, what: str, process: ManagedProcess) -> str:
    """Read one line a daemon writes to ``fd`` (its display number, its bus address)."""
    deadline = time.monotonic() + timeout
    data = b""
    while b"\n" not in data:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise HarnessError(f"{process.name} did not print {what} in {timeout:g} s")
        ready, _, _ = select.select([fd], [], [], min(remaining, 0.2))
        if ready:
            chunk = os.read(fd, 4096)
            if not chunk:
                process.ensure_running()
                raise HarnessError(f"{process.name} closed the pipe before printing {what}")
            data += chunk
        else:
            process.ensure_running()
    return data.split(b"\n", 1)[0].decode().strip()


# ------------------------------------------------------------------------------ X11
class _Xlib:
    """The few libX11 calls no installed command-line tool offers (selection owners, the
    desktop colour)."""

    def __init__(self) -> None:
        name = ctypes.util.find_library("X11") or "libX11.so.6"
        lib = ctypes.CDLL(name)
        lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        lib.XOpenDisplay.restype = ctypes.c_void_p
        lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.XInternAtom.restype = ctypes.c_ulong
        lib.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        lib.XGetSelectionOwner.restype = ctypes.c_ulong
        lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        lib.XCloseDisplay.restype = ctypes.c_int
        lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        lib.XDefaultRootWindow.restype = ctypes.c_ulong
        lib.XSetWindowBackground.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong]
        lib.XSetWindowBackground.restype = ctypes.c_int
        lib.XClearWindow.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        lib.XClearWindow.restype = ctypes.c_int
        self._lib = lib

    @contextlib.contextmanager
    def _connection(self, display: str) -> Iterator[int]:
        handle = self._lib.XOpenDisplay(display.encode())
        if not handle:
            raise HarnessError(f"cannot open X display {display}")
        try:
            yield handle
        finally:
            self._lib.XCloseDisplay(handle)  # flushes what was sent

    def paint_root(self, display: str, rgb: int) -> None:
        """Give the desktop a plain colour (on a 24-bit TrueColor screen, pixel = 0xRRGGBB)."""
        with self._connection(display) as handle:
            root = self._lib.XDefaultRootWindow(handle)
            self._lib.XSetWindowBackground(handle, root, rgb)
            self._lib.XClearWindow(handle, root)

    def selection_owner(self, display: str, selection: str) -> int:
        with self._connection(display) as handle:
            atom = self._lib.XInternAtom(handle, selection.encode(), 0)
            return int(self._lib.XGetSelectionOwner(handle, atom))


@dataclass(frozen=True)
class WindowGeometry:
    x: int
    y: int
    width: int
    height: int

    def contains(self, other: WindowGeometry) -> bool:
        return (
            self.x <= other.x
            and self.y <= other.y
            and other.x + other.width <= self.x + self.width
            and other.y + other.height <= self.y + self.height
        )

    def distance_to(self, other: WindowGeometry) -> int:
        """Pixels between the nearest edges of two areas (0 when they touch or overlap)."""
        dx = max(0, other.x - (self.x + self.width), self.x - (other.x + other.width))
        dy = max(0, other.y - (self.y + self.height), self.y - (other.y + other.height))
        return max(dx, dy)

    def expanded(self, margin: int) -> WindowGeometry:
        """The same area with ``margin`` pixels more on every side (for a screenshot crop)."""
        return WindowGeometry(
            self.x - margin, self.y - margin, self.width + 2 * margin, self.height + 2 * margin
        )


_PARENT_RE = re.compile(r"Parent window id: (0x[0-9a-fA-F]+)")
_ROOT_RE = re.compile(r"Root window id: (0x[0-9a-fA-F]+)")
_GEOMETRY_FIELDS = {
    "x": "Absolute upper-left X",
    "y": "Absolute upper-left Y",
    "width": "Width",
    "height": "Height",
}


class X11Display:
    """Queries and input on one X display, through the standard X11 command-line tools."""

    def __init__(self, name: str, env: Mapping[str, str]) -> None:
        self.name = name
        self._env = {**env, "DISPLAY": name}
        self._xlib = _Xlib()

    def run_tool(self, *argv: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            argv,
            env=self._env,
            capture_output=True,
            text=True,
            timeout=15,
            check=check,
        )

    def xdotool(self, *args: str) -> str:
        return self.run_tool("xdotool", *args).stdout

    def selection_owner(self, selection: str) -> int:
        """The window owning ``selection`` (e.g. ``_NET_SYSTEM_TRAY_S0``), 0 when none."""
        return self._xlib.selection_owner(self.name, selection)

    def paint_desktop(self, rgb: int) -> None:
        self._xlib.paint_root(self.name, rgb)

    def windows_of_pid(self, pid: int) -> list[int]:
        """Windows whose ``_NET_WM_PID`` is ``pid`` (mapped or not)."""
        result = self.run_tool("xdotool", "search", "--pid", str(pid), check=False)
        return [int(line) for line in result.stdout.split() if line.strip()]

    def window_info(self, window: int, *options: str) -> str | None:
        """``xwininfo`` output for ``window``; None when the window is already gone."""
        result = self.run_tool("xwininfo", *options, "-id", hex(window), check=False)
        return result.stdout if result.returncode == 0 else None

    def parent(self, window: int) -> int | None:
        """The parent window, or None for the root window or a window that is gone."""
        info = self.window_info(window, "-children")
        if info is None:
            return None
        root = _ROOT_RE.search(info)
        parent = _PARENT_RE.search(info)
        if parent is None or (root is not None and int(root.group(1), 16) == window):
            return None
        return int(parent.group(1), 16)

    def ancestors(self, window: int) -> list[int]:
        """The parents of ``window``, nearest first, up to and including the root window."""
        chain: list[int] = []
        current = self.parent(window)
        while current is not None and len(chain) < 64:
            chain.append(current)
            current = self.parent(current)
        return chain

    def is_descendant(self, window: int, ancestor: int) -> bool:
        return ancestor in self.ancestors(window)

    def is_viewable(self, window: int) -> bool:
        info = self.window_info(window)
        return info is not None and "Map State: IsViewable" in info

    def geometry(self, window: int) -> WindowGeometry | None:
        info = self.window_info(window)
        if info is None:
            return None
        values: dict[str, int] = {}
        for key, label in _GEOMETRY_FIELDS.items():
            match = re.search(rf"{label}:\s+(-?\d+)", info)
            if match is None:
                return None
            values[key] = int(match.group(1))
        return WindowGeometry(**values)

    def has_window_manager(self) -> bool:
        result = self.run_tool("xprop", "-root", "_NET_SUPPORTING_WM_CHECK", check=False)
        return result.returncode == 0 and "window id" in result.stdout

    def window_pid(self, window: int) -> int | None:
        """The ``_NET_WM_PID`` of ``window``; None when unset (only top-levels carry it)."""
        result = self.run_tool("xdotool", "getwindowpid", str(window), check=False)
        text = result.stdout.strip()
        return int(text) if result.returncode == 0 and text.isdigit() else None

    def tray_windows_of_pid(self, pid: int) -> list[int]:
        """Viewable windows of ``pid`` docked in the XEmbed tray that owns the selection.

        Docked means inside the selection owner or inside another window of the same
        program: trayer owns ``_NET_SYSTEM_TRAY_S0`` with an unmapped helper window and
        reparents icons into its panel, so the owner's ``_NET_WM_PID`` names the tray.
        """
        owner = self.selection_owner(SYSTEM_TRAY_SELECTION)
        if owner == 0:
            return []
        tray_pid = self.window_pid(owner)
        docked: list[int] = []
        for window in self.windows_of_pid(pid):
            if not self.is_viewable(window):
                continue
            for ancestor in self.ancestors(window):
                if ancestor == owner or (
                    tray_pid is not None and self.window_pid(ancestor) == tray_pid
                ):
                    docked.append(window)
                    break
        return docked

    def grab_window_png(self, window: int, path: Path) -> Path:
        """The window's pixels as they are on screen (ImageMagick ``import``)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        self.run_tool("import", "-window", hex(window), str(path))
        return path

    def screenshot(self, path: Path) -> Path:
        """The whole screen."""
        path.parent.mkdir(parents=True, exist_ok=True)
        self.run_tool("import", "-window", "root", str(path))
        return path

    def photograph(self, window: int, path: Path, *, margin: int = 16) -> Path:
        """``window`` with its frame and ``margin`` pixels of what is around it, as shown.

        Cut from a picture of the whole screen (kept beside ``path``), so a shaped or
        override-redirect window looks exactly as it does on screen.
        """
        area = self.frame_geometry(window)
        if area is None:
            raise HarnessError(f"window {window:#x} vanished before its picture was taken")
        screen = self.screenshot(path.with_name(f"{path.stem}-screen.png"))
        return save_enlarged_crop(screen, path, area.expanded(margin), scale=1)

    def move_pointer(self, x: int, y: int) -> None:
        self.run_tool("xdotool", "mousemove", str(x), str(y))

    def click(self, x: int, y: int) -> None:
        """A left click at ``(x, y)``, through XTEST like a real mouse."""
        self.run_tool("xdotool", "mousemove", "--sync", str(x), str(y), "click", "1")

    def press_keys(self, window: int, *keys: str) -> None:
        """Activate ``window`` (as a click on it would), then type ``keys`` through XTEST.

        Real key events rather than ``key --window``, which sends synthetic events that
        toolkits may ignore and that never reach the idle counter.
        """
        self.run_tool("xdotool", "windowactivate", "--sync", str(window), "key", *keys)

    def window_name(self, window: int) -> str | None:
        """The title of ``window``; None when it is gone."""
        result = self.run_tool("xdotool", "getwindowname", str(window), check=False)
        return result.stdout.rstrip("\n") if result.returncode == 0 else None

    def viewable_windows_named(self, pattern: str) -> list[int]:
        """Viewable windows whose title matches the regular expression ``pattern``."""
        result = self.run_tool("xdotool", "search", "--onlyvisible", "--name", pattern, check=False)
        return [int(line) for line in result.stdout.split() if line.strip()]

    def viewable_windows_of_class(self, name: str) -> list[int]:
        """Viewable windows whose ``WM_CLASS`` matches ``name`` (dunst's bubbles carry no pid)."""
        result = self.run_tool("xdotool", "search", "--onlyvisible", "--class", name, check=False)
        return [int(line) for line in result.stdout.split() if line.strip()]

    def screen_geometry(self) -> WindowGeometry:
        width, height = self.xdotool("getdisplaygeometry").split()
        return WindowGeometry(0, 0, int(width), int(height))

    def frame_geometry(self, window: int) -> WindowGeometry | None:
        """The window with its decorations: its outermost ancestor below the root window."""
        chain = [window, *self.ancestors(window)]
        outermost = chain[-2] if len(chain) >= 2 else window
        return self.geometry(outermost)


class InputGenerator:
    """A person at the keyboard: the pointer moves every ``interval`` seconds while running.

    ``last_input_wall`` is the wall time (``time.time()``) just after the last move reached
    the X server, which is what the tests compare the logged bout ends against.
    """

    def __init__(self, display: X11Display, interval: float = 0.5) -> None:
        self._display = display
        self._interval = interval
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._moves = 0
        self.first_input_wall: float | None = None
        self.last_input_wall: float | None = None

    def _move_once(self) -> float:
        with self._lock:
            self._moves += 1
            offset = self._moves % 2
        self._display.move_pointer(200 + 40 * offset, 300 + 30 * offset)
        now = time.time()
        with self._lock:
            if self.first_input_wall is None:
                self.first_input_wall = now
            self.last_input_wall = now
        return now

    def _run(self) -> None:
        try:
            while not self._stop.wait(self._interval):
                self._move_once()
        except BaseException as error:  # reported by stop(); a thread cannot raise to the test
            self._error = error

    def start(self) -> float:
        """Start moving (the first move happens before this returns); its wall time."""
        if self._thread is not None:
            raise HarnessError("input generator already running")
        with self._lock:
            self.first_input_wall = None
        self._stop.clear()
        first = self._move_once()
        self._thread = threading.Thread(target=self._run, name="xdotool-input", daemon=True)
        self._thread.start()
        return first

    def stop(self) -> float:
        """Stop moving; the wall time of the last input that was delivered."""
        if self._thread is None:
            raise HarnessError("input generator is not running")
        self._stop.set()
        self._thread.join(timeout=20)
        self._thread = None
        if self._error is not None:
            raise HarnessError("the input thread failed") from self._error
        assert self.last_input_wall is not None
        return self.last_input_wall

    def rest(self, seconds: float) -> float:
        """Take the hands off the keys for ``seconds`` (a lull), then go on typing.

        This is input pacing, the one place a test waits for time itself to pass: a lull
        *is* a stretch of time without input. Returns the wall time input resumed.
        """
        last_input = self.stop()
        remaining = last_input + seconds - time.time()
        if remaining > 0:
            time.sleep(remaining)
        return self.start()

    @property
    def running(self) -> bool:
        return self._thread is not None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.running:
            self.stop()


# ------------------------------------------------------------------------------ images
def load_image(path: Path) -> QImage:
    image = QImage(str(path))
    if image.isNull():
        raise HarnessError(f"cannot read image {path}")
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def _pixels(image: QImage) -> list[bytes]:
    data = bytes(image.constBits())  # ARGB32: 4 bytes a pixel, rows without padding
    return [data[offset : offset + 4] for offset in range(0, image.width() * image.height() * 4, 4)]


def differing_pixel_fraction(first: Path, second: Path) -> float:
    """Share of pixels that differ between two images of the same size."""
    a, b = load_image(first), load_image(second)
    if a.size() != b.size():
        raise HarnessError(f"{first.name} and {second.name} differ in size: not comparable")
    differing = sum(1 for pa, pb in zip(_pixels(a), _pixels(b), strict=True) if pa != pb)
    return differing / (a.width() * a.height())


def colour_count(path: Path) -> int:
    """How many distinct colours an image has (1 for a blank, unpainted window)."""
    return len(set(_pixels(load_image(path))))


def save_enlarged_crop(source: Path, target: Path, area: WindowGeometry, scale: int) -> Path:
    """Cut ``area`` (clipped to the screen) out of a screenshot and enlarge it, unsmoothed."""
    screen = load_image(source)
    rect = QRect(area.x, area.y, area.width, area.height).intersected(screen.rect())
    enlarged = screen.copy(rect).scaled(rect.width() * scale, rect.height() * scale)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not enlarged.save(str(target)):
        raise HarnessError(f"cannot write {target}")
    return target


# ------------------------------------------------------------------------------ D-Bus
_BUS_DRIVER = DBusAddress(
    "/org/freedesktop/DBus", bus_name="org.freedesktop.DBus", interface="org.freedesktop.DBus"
)


class SessionBus:
    """A blocking jeepney connection to the test's bus, for names and properties."""

    def __init__(self, address: str) -> None:
        self._connection: DBusConnection = open_dbus_connection(bus=address)

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def call(
        self,
        address: DBusAddress,
        method: str,
        signature: str = "",
        body: tuple[object, ...] = (),
    ) -> tuple[object, ...]:
        message = new_method_call(address, method, signature, body)
        reply = self._connection.send_and_get_reply(message, timeout=5)
        if reply.header.message_type is MessageType.error:
            raise HarnessError(f"D-Bus {method} on {address.bus_name} failed: {reply.body!r}")
        return tuple(reply.body)

    def name_has_owner(self, name: str) -> bool:
        (has_owner,) = self.call(_BUS_DRIVER, "NameHasOwner", "s", (name,))
        return bool(has_owner)

    def owner_pid(self, name: str) -> int:
        """The process id behind a bus name (well-known or unique)."""
        (pid,) = self.call(_BUS_DRIVER, "GetConnectionUnixProcessID", "s", (name,))
        assert isinstance(pid, int)
        return pid

    def get_property(self, bus_name: str, path: str, interface: str, name: str) -> object:
        """A property's value with its D-Bus variant unwrapped."""
        address = DBusAddress(path, bus_name=bus_name, interface=interface)
        message = Properties(address).get(name)
        reply = self._connection.send_and_get_reply(message, timeout=5)
        if reply.header.message_type is MessageType.error:
            raise HarnessError(f"reading {interface}.{name} from {bus_name} failed: {reply.body!r}")
        (variant,) = reply.body
        _signature, value = variant
        return value

    def registered_status_notifier_items(self) -> list[str]:
        value = self.get_property(
            SNI_WATCHER_NAME, SNI_WATCHER_PATH, SNI_WATCHER_NAME, "RegisteredStatusNotifierItems"
        )
        assert isinstance(value, list)
        return [str(item) for item in value]


class BusMonitor(ManagedProcess):
    """``dbus-monitor --binary`` on the test bus, parsed with jeepney.

    The binary capture keeps every message as it was sent, D-Bus types included, so a test
    can tell an ``int32`` 0 from a ``uint32`` 0, which the text output only spells out.
    """

    def __init__(
        self,
        name: str,
        bus_address: str,
        rules: Sequence[str],
        *,
        env: Mapping[str, str],
        log_dir: Path,
    ) -> None:
        super().__init__(
            name,
            ["dbus-monitor", "--binary", "--address", bus_address, *rules],
            env=env,
            log_dir=log_dir,
        )

    def messages(self) -> list[Message]:
        """Everything captured so far (a message still being written is left out)."""
        parser = Parser()
        parser.add_data(self.stdout_path.read_bytes())
        captured: list[Message] = []
        while (message := parser.get_next_message()) is not None:
            captured.append(message)
        return captured

    def is_monitoring(self) -> bool:
        """True once the bus has made it a monitor: it then drops its own name."""
        return any(
            message.header.fields.get(HeaderFields.member) == "NameLost"
            for message in self.messages()
        )

    def method_calls(self, member: str) -> list[Message]:
        return [
            message
            for message in self.messages()
            if message.header.message_type is MessageType.method_call
            and message.header.fields.get(HeaderFields.member) == member
        ]

    def notify_calls(self) -> list[NotifyCall]:
        return [NotifyCall.from_message(message) for message in self.method_calls("Notify")]

    def output_tail(self, max_chars: int = 6000) -> str:
        lines = [_describe_message(message) for message in self.messages()]
        text = "\n".join(lines)[-max_chars:]
        err = self.stderr_text()[-max_chars:]
        return f"--- {self.name} messages ---\n{text}\n--- {self.name} stderr ---\n{err}"


def _describe_message(message: Message) -> str:
    fields = message.header.fields
    return (
        f"{message.header.message_type.name} {fields.get(HeaderFields.sender, '?')}"
        f" -> {fields.get(HeaderFields.destination, '*')}"
        f" {fields.get(HeaderFields.member, '')}({fields.get(HeaderFields.signature, '')})"
        f" {message.body!r}"
    )


NOTIFY_SIGNATURE = "susssasa{sv}i"
"""``Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout)``."""


@dataclass(frozen=True)
class NotifyCall:
    """One ``org.freedesktop.Notifications.Notify`` call as it crossed the bus."""

    sender: str
    """The caller's unique bus name."""
    signature: str
    app_name: str
    replaces_id: int
    app_icon: str
    summary: str
    body: str
    actions: dict[str, str]
    """Action key → label, in the order sent."""
    hints: dict[str, tuple[str, object]]
    """Hint name → (D-Bus signature, value)."""
    expire_timeout: int

    @classmethod
    def from_message(cls, message: Message) -> NotifyCall:
        fields = message.header.fields
        signature = str(fields.get(HeaderFields.signature, ""))
        if signature != NOTIFY_SIGNATURE:
            raise HarnessError(f"Notify with signature {signature!r}: {message.body!r}")
        app_name, replaces_id, app_icon, summary, body, actions, hints, timeout = message.body
        pairs = list(actions)
        if len(pairs) % 2:
            raise HarnessError(f"Notify actions are not key/label pairs: {pairs!r}")
        return cls(
            sender=str(fields.get(HeaderFields.sender, "")),
            signature=signature,
            app_name=app_name,
            replaces_id=replaces_id,
            app_icon=app_icon,
            summary=summary,
            body=body,
            actions=dict(zip(pairs[0::2], pairs[1::2], strict=True)),
            hints=dict(hints),
            expire_timeout=timeout,
        )


_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:dir={socket_dir}</listen>
  <auth>EXTERNAL</auth>
  {service_dirs}
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def _bus_config(socket_dir: Path, *, activation: bool) -> str:
    """A session bus config; without ``activation`` no service is ever started on demand.

    The test bus has no service dirs by default, so a missing daemon (a notification server,
    a tray watcher) stays missing instead of being auto-started from the machine's files.
    """
    service_dirs = "<standard_session_servicedirs/>" if activation else ""
    return _BUS_CONFIG.format(socket_dir=socket_dir, service_dirs=service_dirs)


# ------------------------------------------------------------------------------ dunst
_DUNSTRC = """[global]
    dmenu = {menu_command}
    monitor = 0
    follow = none
    width = 360
    height = 140
    origin = top-right
    offset = 12x48
    font = DejaVu Sans 10
    format = "<b>%s</b>\\n%b"
    show_indicators = no
    mouse_left_click = do_action, close_current
    mouse_middle_click = close_current
    mouse_right_click = close_all

# Bubbles stay until the sender's own timeout or until closed: the tests decide.
[urgency_low]
    timeout = 0
[urgency_normal]
    timeout = 0
[urgency_critical]
    timeout = 0
"""

_MENU_SCRIPT = """#!/bin/sh
# dunst's context menu (its "dmenu" setting), played by the test: it records the entries
# offered and picks the first one that contains the label the test chose.
offered=$(cat)
printf '%s\\n---\\n' "$offered" >>{offered}
[ -s {choice} ] || exit 1
printf '%s\\n' "$offered" | grep -F -m 1 -e "$(cat {choice})"
"""

_MENU_ENTRY_RE = re.compile(r"^#(?P<label>.*) \((?P<summary>.*)\) \[(?P<id>\d+),(?P<action>.*)\]$")
"""dunst 1.9's context menu entry for an action: ``#Snooze 1 min (summary) [2,snooze]``."""


@dataclass(frozen=True)
class MenuEntry:
    label: str
    summary: str
    notification_id: int
    action: str


class NotificationServer:
    """The test desktop's dunst, used as a person would: read, click, pick from its menu.

    ``dunstctl action 0`` clicks the bubble (its default action). The other actions are
    only reachable through dunst's context menu, which runs a dmenu-like program: the test
    desktop's is a script that picks the entry containing the label given to ``choose``.
    """

    def __init__(self, env: Mapping[str, str], folder: Path) -> None:
        self._env = dict(env)
        self._choice = folder / "menu-choice"
        self._offered = folder / "menu-offered.log"
        self.menu_script = folder / "dunst-menu"
        self.menu_script.write_text(
            _MENU_SCRIPT.format(
                offered=shlex.quote(str(self._offered)), choice=shlex.quote(str(self._choice))
            )
        )
        self.menu_script.chmod(0o755)

    def dunstctl(self, *args: str) -> str:
        result = subprocess.run(
            ["dunstctl", *args], env=self._env, capture_output=True, text=True, timeout=10
        )
        if result.returncode != 0:
            raise HarnessError(f"dunstctl {' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout

    def displayed(self) -> int:
        """How many bubbles are on screen."""
        return int(self.dunstctl("count", "displayed").strip())

    def click(self, position: int = 0) -> None:
        """Invoke the default action of the displayed bubble at ``position`` (a click)."""
        self.dunstctl("action", str(position))

    def choose(self, label: str, *, timeout: float = 5.0) -> MenuEntry:
        """Open the context menu and pick the entry whose label contains ``label``.

        Returns the entry picked; fails when the menu did not offer one.
        """
        self._choice.write_text(label)
        shown_before = len(self._menus_offered())
        self.dunstctl("context")

        def new_menu() -> list[str] | None:
            menus = self._menus_offered()
            return menus[-1] if len(menus) > shown_before else None

        menu = wait_until(new_menu, timeout=timeout, what="dunst to open its context menu")
        for entry in map(_parse_menu_entry, menu):
            if entry is not None and label in entry.label:
                return entry
        raise HarnessError(f"dunst's menu offered no {label!r}: {menu!r}")

    def _menus_offered(self) -> list[list[str]]:
        if not self._offered.exists():
            return []
        text = self._offered.read_text()
        return [block.strip("\n").splitlines() for block in text.split("---\n")[:-1]]


def _parse_menu_entry(line: str) -> MenuEntry | None:
    match = _MENU_ENTRY_RE.match(line)
    if match is None:
        return None  # a URL or something else than an action
    return MenuEntry(
        label=match["label"],
        summary=match["summary"],
        notification_id=int(match["id"]),
        action=match["action"],
    )


# ------------------------------------------------------------------------------ the desktop
class TrayHost(Enum):
    NONE = "none"
    XEMBED = "xembed"
    """trayer owns ``_NET_SYSTEM_TRAY_S0``; Qt docks a window into it."""
    STATUS_NOTIFIER = "sni"
    """status-notifier-watcher on the bus; Qt registers a StatusNotifierItem."""


@dataclass(frozen=True)
class DesktopOptions:
    tray: TrayHost = TrayHost.XEMBED
    notification_server: bool = True
    window_manager: bool = True
    bus_activation: bool = False
    record_notifications: bool = False
    """Capture ``org.freedesktop.Notifications`` traffic with dbus-monitor from the start."""
    screen: str = "1280x800x24"
    desktop_rgb: int = 0x56718C
    """A calm blue-grey rather than X's black, so screenshots read like a desktop."""


@dataclass
class Desktop:
    """A running test desktop: what a child process needs to live in it."""

    root: Path
    display: X11Display
    bus_address: str
    env: dict[str, str]
    """The environment for programs run inside the desktop (the app, its CLI, the tools)."""
    log_dir: Path
    processes: list[ManagedProcess] = field(default_factory=list)
    notifications: NotificationServer | None = None
    """dunst, when the desktop has a notification server."""
    bus_monitor: BusMonitor | None = None
    """The notification traffic, with ``DesktopOptions.record_notifications``."""

    def ensure_daemons_running(self) -> None:
        for process in self.processes:
            process.ensure_running()

    def bus(self) -> SessionBus:
        return SessionBus(self.bus_address)

    def logs(self) -> str:
        return "\n".join(process.output_tail() for process in self.processes)


def base_environment(home: Path, runtime_dir: Path) -> dict[str, str]:
    """A clean environment: nothing from the developer's session except PATH and the clock."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(runtime_dir),
        "XDG_SESSION_TYPE": "x11",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "NO_AT_BRIDGE": "1",
        "QT_QPA_PLATFORM": "xcb",
        "PYTHONUNBUFFERED": "1",
        "PYTHONFAULTHANDLER": "1",
    }
    for passthrough in ("TZ", "PYTHONPATH"):
        if passthrough in os.environ:
            env[passthrough] = os.environ[passthrough]
    for directory in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        Path(env[directory]).mkdir(parents=True, exist_ok=True)
    return env


@contextlib.contextmanager
def _runtime_dir() -> Iterator[Path]:
    """A short 0700 dir: socket paths under it stay far below the 108-byte limit."""
    path = Path(tempfile.mkdtemp(prefix="sbrt-", dir="/tmp"))
    path.chmod(0o700)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _start_xvfb(
    stack: contextlib.ExitStack, env: Mapping[str, str], log_dir: Path, screen: str
) -> tuple[ManagedProcess, str]:
    read_fd, write_fd = os.pipe()
    try:
        xvfb = stack.enter_context(
            ManagedProcess(
                "Xvfb",
                [
                    "Xvfb",
                    "-displayfd",
                    str(write_fd),
                    "-screen",
                    "0",
                    screen,
                    "-nolisten",
                    "tcp",
                    "-noreset",
                ],
                env=env,
                log_dir=log_dir,
                pass_fds=[write_fd],
            )
        )
        os.close(write_fd)
        write_fd = -1
        number = _read_line_from_fd(read_fd, STARTUP_TIMEOUT_S, "its display number", xvfb)
    finally:
        os.close(read_fd)
        if write_fd >= 0:
            os.close(write_fd)
    return xvfb, f":{number}"


def _start_bus(
    stack: contextlib.ExitStack,
    env: Mapping[str, str],
    log_dir: Path,
    config: Path,
    runtime_dir: Path,
    activation: bool,
) -> tuple[ManagedProcess, str]:
    config.write_text(_bus_config(runtime_dir, activation=activation))
    read_fd, write_fd = os.pipe()
    try:
        bus = stack.enter_context(
            ManagedProcess(
                "dbus-daemon",
                [
                    "dbus-daemon",
                    f"--config-file={config}",
                    "--nofork",
                    "--nopidfile",
                    f"--print-address={write_fd}",
                ],
                env=env,
                log_dir=log_dir,
                pass_fds=[write_fd],
            )
        )
        os.close(write_fd)
        write_fd = -1
        return bus, _read_line_from_fd(read_fd, STARTUP_TIMEOUT_S, "its address", bus)
    finally:
        os.close(read_fd)
        if write_fd >= 0:
            os.close(write_fd)


def _start_daemon(
    stack: contextlib.ExitStack,
    desktop: Desktop,
    name: str,
    argv: Sequence[str],
    ready: Callable[[], bool],
    what: str,
) -> ManagedProcess:
    process = stack.enter_context(
        ManagedProcess(name, argv, env=desktop.env, log_dir=desktop.log_dir)
    )
    desktop.processes.append(process)

    def is_ready() -> bool:
        process.ensure_running()
        return ready()

    wait_until(is_ready, timeout=STARTUP_TIMEOUT_S, what=what, interval=0.05)
    return process


def _bus_name_owned(desktop: Desktop, name: str) -> Callable[[], bool]:
    def owned() -> bool:
        with desktop.bus() as bus:
            return bus.name_has_owner(name)

    return owned


@contextlib.contextmanager
def desktop_session(root: Path, options: DesktopOptions = DesktopOptions()) -> Iterator[Desktop]:
    """Start the desktop described by ``options`` under ``root``; tear all of it down after."""
    root.mkdir(parents=True, exist_ok=True)
    log_dir = root / "logs"
    with contextlib.ExitStack() as stack:
        runtime_dir = stack.enter_context(_runtime_dir())
        env = base_environment(root / "home", runtime_dir)
        xvfb, display_name = _start_xvfb(stack, env, log_dir, options.screen)
        env["DISPLAY"] = display_name
        bus, bus_address = _start_bus(
            stack, env, log_dir, root / "session-bus.conf", runtime_dir, options.bus_activation
        )
        env["DBUS_SESSION_BUS_ADDRESS"] = bus_address
        desktop = Desktop(
            root, X11Display(display_name, env), bus_address, env, log_dir, [xvfb, bus]
        )
        desktop.display.paint_desktop(options.desktop_rgb)

        if options.window_manager:
            _start_daemon(
                stack,
                desktop,
                "openbox",
                ["openbox", "--sm-disable"],
                desktop.display.has_window_manager,
                "openbox to manage the screen",
            )
        if options.tray is TrayHost.XEMBED:
            _start_daemon(
                stack,
                desktop,
                "trayer",
                [
                    "trayer",
                    "--edge",
                    "top",
                    "--align",
                    "right",
                    "--widthtype",
                    "request",
                    "--height",
                    "32",
                    "--transparent",
                    "true",
                    "--alpha",
                    "0",
                    "--tint",
                    "0xffffff",
                    "--SetDockType",
                    "true",
                    "--expand",
                    "true",
                ],
                lambda: desktop.display.selection_owner(SYSTEM_TRAY_SELECTION) != 0,
                f"trayer to own {SYSTEM_TRAY_SELECTION}",
            )
        elif options.tray is TrayHost.STATUS_NOTIFIER:
            _start_daemon(
                stack,
                desktop,
                "status-notifier-watcher",
                ["status-notifier-watcher"],
                _bus_name_owned(desktop, SNI_WATCHER_NAME),
                f"{SNI_WATCHER_NAME} on the bus",
            )
        if options.record_notifications:
            monitor = stack.enter_context(
                BusMonitor(
                    "dbus-monitor",
                    bus_address,
                    [f"interface='{NOTIFICATIONS_NAME}'"],
                    env=env,
                    log_dir=log_dir,
                )
            )
            desktop.processes.append(monitor)
            desktop.bus_monitor = monitor

            def monitoring() -> bool:
                monitor.ensure_running()
                return monitor.is_monitoring()

            wait_until(monitoring, timeout=STARTUP_TIMEOUT_S, what="dbus-monitor to listen")
        if options.notification_server:
            desktop.notifications = NotificationServer(env, root)
            dunstrc = root / "dunstrc"
            menu_command = shlex.quote(str(desktop.notifications.menu_script))
            dunstrc.write_text(_DUNSTRC.format(menu_command=menu_command))
            _start_daemon(
                stack,
                desktop,
                "dunst",
                ["dunst", "-config", str(dunstrc)],
                _bus_name_owned(desktop, NOTIFICATIONS_NAME),
                f"{NOTIFICATIONS_NAME} on the bus",
            )
        yield desktop
