"""What Sitbreak costs while it waits, next to a bare PySide6 tray app and the peers.

Each run starts a private desktop (Xvfb, D-Bus, openbox, trayer, dunst: the end-to-end
tests' ``tests/helpers/desktop.py``), launches one program in it and measures:

* **startup**: from launch until a viewable window of the program sits inside the tray, the
  owner of ``_NET_SYSTEM_TRAY_S0`` (trayer reparents docked icons into its panel, a window
  of the same X client as the selection owner, so "inside" means below any window of
  that client);
* **memory**: RSS, PSS and USS from ``/proc/PID/smaps_rollup``, ``--settle-seconds`` after
  that, summed over every process of the program's session (it runs in its own);
* **idle cost** over the next ``--idle-seconds`` without input: CPU seconds (utime + stime
  of all threads and of reaped children, ``/proc/PID/stat``; also the nanosecond run time
  of the live threads, ``/proc/PID/task/*/schedstat``) and context switches (voluntary and
  involuntary, summed over ``/proc/PID/task/*/status``), both given per minute.

Runs are interleaved (bare, Sitbreak, peers, bare, ...), so a load change on the machine
spreads over every program; the table shows medians and ratios to the bare app. This is a
benchmark that prints figures, not a test: nothing here passes or fails.

Run from the repository root: ``python -m benchmarks.footprint`` (see benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.helpers.desktop import (
    SYSTEM_TRAY_SELECTION,
    Desktop,
    DesktopOptions,
    ManagedProcess,
    TrayHost,
    desktop_session,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
BARE_TRAY = REPO_ROOT / "benchmarks" / "bare_tray.py"

STARTUP_TIMEOUT_S = 30.0
"""A program whose icon has not docked by then gets no startup figure (it may use only the
StatusNotifierItem protocol, which trayer does not host)."""
STARTUP_POLL_S = 0.005

XVFB_CLIENT_ID_MASK = 0x1FFFFF
"""Xvfb's resource-id mask (the default 256 clients): windows of one X client share the
bits above it, which is how a docked icon without ``_NET_WM_PID`` is told apart."""

MB = 1024 * 1024
CLOCK_TICKS_PER_S = os.sysconf("SC_CLK_TCK")


# ------------------------------------------------------------------------------ targets
PSS_TARGET_RATIO = 1.3
STARTUP_TARGET_RATIO = 1.5
IDLE_CPU_TARGET_S_PER_MIN = 0.01
SWITCHES_TARGET_PER_MIN = 30.0

ISSUE_PEER_FIGURES = {
    # Issue 10's figures "on this kind of machine": startup s, PSS MB, CPU s/min, switches/min.
    "bare": (0.17, 46.0, 0.00, 2.0),
    "workrave": (0.13, 63.0, 0.06, 700.0),
    "rsibreak": (0.07, 68.0, 0.03, 220.0),
    "safeeyes": (0.52, 98.0, 0.09, 260.0),
}


# ------------------------------------------------------------------------------ programs
@dataclass(frozen=True)
class Program:
    """One program to measure: its name in the table and how to launch it in a run folder."""

    name: str
    command: Callable[[Path], list[str]]
    """The argv, given a fresh folder the program may keep its files in."""
    needs: str | None = None
    """An executable that must be on PATH (a peer's Debian package), or None."""
    extra_env: Callable[[Desktop], dict[str, str]] = lambda _desktop: {}
    """Variables the program needs beyond the desktop's environment."""

    def missing(self) -> str | None:
        """Why this program cannot run here, or None."""
        if self.needs is not None and shutil.which(self.needs) is None:
            return f"{self.needs} is not installed (apt-get install {self.needs})"
        return None


def _sitbreak_command(folder: Path) -> list[str]:
    """``python -m app --basedir``: a returning user, so no first-run notice is on screen."""
    basedir = folder / "sitbreak"
    config = basedir / "config"
    config.mkdir(parents=True)
    (config / "state.toml").write_text("schema = 1\nfirst_run_done = true\n")
    return [sys.executable, "-m", "app", "--basedir", str(basedir)]


def _system_bus_is_the_session_bus(desktop: Desktop) -> dict[str, str]:
    """Safe Eyes exits without a system bus (it listens for logind's sleep signal there);
    the test desktop has none, so it gets the session bus, where that signal never comes."""
    return {"DBUS_SYSTEM_BUS_ADDRESS": desktop.bus_address}


PROGRAMS: tuple[Program, ...] = (
    Program("bare", lambda _folder: [sys.executable, str(BARE_TRAY)]),
    Program("sitbreak", _sitbreak_command),
    Program("workrave", lambda _folder: ["workrave"], needs="workrave"),
    Program("rsibreak", lambda _folder: ["rsibreak"], needs="rsibreak"),
    Program(
        "safeeyes",
        lambda _folder: ["safeeyes"],
        needs="safeeyes",
        extra_env=_system_bus_is_the_session_bus,
    ),
)


# ------------------------------------------------------------------------------ /proc
def session_pids(leader: int) -> list[int]:
    """Every live process of ``leader``'s session (the program and whatever it started)."""
    pids: list[int] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        fields = _stat_fields(entry / "stat")
        if fields is not None and int(fields[3]) == leader:  # field 6: session id
            pids.append(int(entry.name))
    return sorted(pids)


def _stat_fields(path: Path) -> list[str] | None:
    """The fields of a ``stat`` file after the command name (field 3 onwards), or None."""
    try:
        text = path.read_text()
    except OSError:  # the process or thread is gone
        return None
    return text[text.rindex(")") + 2 :].split()


@dataclass(frozen=True)
class Memory:
    rss: float
    pss: float
    uss: float
    """Bytes, summed over the processes."""


def memory_of(pids: Sequence[int]) -> Memory:
    totals = {"Rss": 0, "Pss": 0, "Private_Clean": 0, "Private_Dirty": 0}
    for pid in pids:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                key, _, rest = line.partition(":")
                if key in totals:
                    totals[key] += int(rest.split()[0]) * 1024  # kB
    return Memory(
        rss=totals["Rss"],
        pss=totals["Pss"],
        uss=totals["Private_Clean"] + totals["Private_Dirty"],
    )


@dataclass(frozen=True)
class ThreadCounters:
    run_ns: int
    """Nanoseconds on a CPU (``schedstat``): finer than the 10 ms ticks of ``stat``."""
    switches: int
    """Voluntary and involuntary context switches."""


@dataclass(frozen=True)
class Activity:
    """Cumulative CPU use and context switches of a set of processes at one moment."""

    cpu_ticks: int
    """utime + stime of every thread (live or exited) and of reaped children."""
    threads: dict[tuple[int, int], ThreadCounters]
    """(pid, tid) -> the counters of each live thread."""

    def since(self, before: Activity) -> tuple[int, int, int]:
        """Run nanoseconds and switches since ``before``, and how many threads started.

        Per thread, so a thread that started in between counts from zero instead of
        cancelling out another one that ended (whose last counts are lost with it).
        """
        run_ns = switches = 0
        for key, now in self.threads.items():
            then = before.threads.get(key, ThreadCounters(0, 0))
            run_ns += now.run_ns - then.run_ns
            switches += now.switches - then.switches
        started = len(self.threads.keys() - before.threads.keys())
        return run_ns, switches, started


def activity_of(pids: Sequence[int]) -> Activity:
    ticks = 0
    threads: dict[tuple[int, int], ThreadCounters] = {}
    for pid in pids:
        fields = _stat_fields(Path(f"/proc/{pid}/stat"))
        if fields is None:
            continue
        # utime, stime, cutime, cstime are fields 14-17, i.e. 11-14 after the name.
        ticks += sum(int(value) for value in fields[11:15])
        for task in Path(f"/proc/{pid}/task").glob("*"):
            try:
                run_ns = int((task / "schedstat").read_text().split()[0])
                status = (task / "status").read_text().splitlines()
            except (OSError, ValueError):  # the thread ended meanwhile
                continue
            switches = sum(
                int(line.split()[1])
                for line in status
                if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches"))
            )
            threads[(pid, int(task.name))] = ThreadCounters(run_ns, switches)
    return Activity(cpu_ticks=ticks, threads=threads)


# ------------------------------------------------------------------------------ X11
class _XWindowAttributes(ctypes.Structure):
    _fields_ = [
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("border_width", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p),
        ("root", ctypes.c_ulong),
        ("c_class", ctypes.c_int),
        ("bit_gravity", ctypes.c_int),
        ("win_gravity", ctypes.c_int),
        ("backing_store", ctypes.c_int),
        ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong),
        ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong),
        ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int),
        ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long),
        ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int),
        ("screen", ctypes.c_void_p),
    ]


_IS_VIEWABLE = 2
_XErrorHandler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
_IGNORE_X_ERRORS = _XErrorHandler(lambda _display, _event: 0)
"""Windows come and go while the tree is walked; Xlib's default handler would exit."""


class TrayProbe:
    """Finds a program's icon docked in the tray, with libX11 calls (no tool per poll)."""

    def __init__(self, display_name: str) -> None:
        x11 = ctypes.CDLL("libX11.so.6")
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x11.XDefaultRootWindow.restype = ctypes.c_ulong
        x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        x11.XInternAtom.restype = ctypes.c_ulong
        x11.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        x11.XGetSelectionOwner.restype = ctypes.c_ulong
        x11.XQueryTree.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
            ctypes.POINTER(ctypes.c_uint),
        ]
        x11.XGetWindowAttributes.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(_XWindowAttributes),
        ]
        x11.XGetWindowProperty.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_ulong,
            ctypes.c_long,
            ctypes.c_long,
            ctypes.c_int,
            ctypes.c_ulong,
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.POINTER(ctypes.c_ubyte)),
        ]
        x11.XFree.argtypes = [ctypes.c_void_p]
        x11.XSetErrorHandler.argtypes = [_XErrorHandler]
        x11.XSetErrorHandler.restype = ctypes.c_void_p
        x11.XSetErrorHandler(_IGNORE_X_ERRORS)
        handle = x11.XOpenDisplay(display_name.encode())
        if not handle:
            raise RuntimeError(f"cannot open the X display {display_name}")
        self._x11 = x11
        self._display: int = handle
        self._root: int = x11.XDefaultRootWindow(handle)
        self._tray_atom = x11.XInternAtom(handle, SYSTEM_TRAY_SELECTION.encode(), 0)
        self._pid_atom = x11.XInternAtom(handle, b"_NET_WM_PID", 0)
        self._pid_cache: dict[int, int | None] = {}

    def close(self) -> None:
        self._x11.XCloseDisplay(self._display)

    def docked_window(self, pids: Sequence[int]) -> int | None:
        """A viewable window of ``pids`` below a window of the tray's X client, or None."""
        owner = self._x11.XGetSelectionOwner(self._display, self._tray_atom)
        if owner == 0:
            return None
        tray_client = owner & ~XVFB_CLIENT_ID_MASK
        parents = self._tree()
        wanted = set(pids)
        own_clients = {
            window & ~XVFB_CLIENT_ID_MASK
            for window in parents
            if self._window_pid(window) in wanted
        }
        for window in parents:
            if window & ~XVFB_CLIENT_ID_MASK not in own_clients or not self._viewable(window):
                continue
            ancestor = parents[window]
            while ancestor is not None:
                if ancestor & ~XVFB_CLIENT_ID_MASK == tray_client:
                    return window
                ancestor = parents.get(ancestor)
        return None

    def _tree(self) -> dict[int, int | None]:
        """Every window below the root, mapped to its parent."""
        parents: dict[int, int | None] = {}
        pending = [self._root]
        while pending:
            window = pending.pop()
            root, parent = ctypes.c_ulong(), ctypes.c_ulong()
            children = ctypes.POINTER(ctypes.c_ulong)()
            count = ctypes.c_uint()
            if not self._x11.XQueryTree(
                self._display,
                window,
                ctypes.byref(root),
                ctypes.byref(parent),
                ctypes.byref(children),
                ctypes.byref(count),
            ):
                continue
            for index in range(count.value):
                parents[children[index]] = window
                pending.append(children[index])
            if count.value:
                self._x11.XFree(children)
        return parents

    def _viewable(self, window: int) -> bool:
        attributes = _XWindowAttributes()
        if not self._x11.XGetWindowAttributes(self._display, window, ctypes.byref(attributes)):
            return False
        return int(attributes.map_state) == _IS_VIEWABLE

    def _window_pid(self, window: int) -> int | None:
        if window in self._pid_cache:
            return self._pid_cache[window]
        actual_type, actual_format = ctypes.c_ulong(), ctypes.c_int()
        items, after = ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.POINTER(ctypes.c_ubyte)()
        status = self._x11.XGetWindowProperty(
            self._display,
            window,
            self._pid_atom,
            0,
            1,
            0,
            0,  # AnyPropertyType
            ctypes.byref(actual_type),
            ctypes.byref(actual_format),
            ctypes.byref(items),
            ctypes.byref(after),
            ctypes.byref(data),
        )
        pid: int | None = None
        if status == 0 and actual_type.value != 0:  # None (0): no such property, no data
            if items.value == 1 and actual_format.value == 32:
                pid = int(ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))[0])
            self._x11.XFree(data)
        if pid is not None:  # a window without the property may get it later
            self._pid_cache[window] = pid
        return pid


# ------------------------------------------------------------------------------ one run
@dataclass(frozen=True)
class RunFigures:
    startup_s: float | None
    memory: Memory
    cpu_s_per_min: float
    run_s_per_min: float
    switches_per_min: float
    threads_started: int
    """Threads that began during the idle time (each one a wake-up of its own)."""


class ProgramExited(RuntimeError):
    """The measured program ended by itself: its figures would mean nothing."""


def measure_once(program: Program, folder: Path, *, settle_s: float, idle_s: float) -> RunFigures:
    """One launch in a fresh desktop: startup, memory after ``settle_s``, idle over ``idle_s``."""
    options = DesktopOptions(tray=TrayHost.XEMBED, notification_server=True)
    with desktop_session(folder / "desktop", options) as desktop:
        argv = program.command(folder)
        probe = TrayProbe(desktop.display.name)
        try:
            launched = time.monotonic()
            process = ManagedProcess(
                program.name,
                argv,
                env=desktop.env | program.extra_env(desktop),
                log_dir=folder / "logs",
                cwd=REPO_ROOT,
            )
            with process:
                startup_s = _wait_docked(probe, process, launched)
                docked_at = launched + (startup_s if startup_s is not None else STARTUP_TIMEOUT_S)
                _sleep_until(docked_at + settle_s, process)
                pids = session_pids(process.pid)
                memory = memory_of(pids)
                before = activity_of(pids)
                started = time.monotonic()
                _sleep_until(started + idle_s, process)
                after = activity_of(session_pids(process.pid))
                elapsed = time.monotonic() - started
        finally:
            probe.close()
    per_min = 60.0 / elapsed
    run_ns, switches, threads_started = after.since(before)
    return RunFigures(
        startup_s=startup_s,
        memory=memory,
        cpu_s_per_min=(after.cpu_ticks - before.cpu_ticks) / CLOCK_TICKS_PER_S * per_min,
        run_s_per_min=run_ns / 1e9 * per_min,
        switches_per_min=switches * per_min,
        threads_started=threads_started,
    )


def _wait_docked(probe: TrayProbe, process: ManagedProcess, launched: float) -> float | None:
    """Seconds from launch until the icon docked; None if it did not within the timeout."""
    while True:
        _check_alive(process)
        if probe.docked_window(session_pids(process.pid)) is not None:
            return time.monotonic() - launched
        if time.monotonic() - launched >= STARTUP_TIMEOUT_S:
            return None
        time.sleep(STARTUP_POLL_S)


def _sleep_until(deadline: float, process: ManagedProcess) -> None:
    """Wait without touching the program (a benchmark may wait on the clock)."""
    while (remaining := deadline - time.monotonic()) > 0:
        time.sleep(min(remaining, 1.0))
        _check_alive(process)


def _check_alive(process: ManagedProcess) -> None:
    if not process.running():
        raise ProgramExited(
            f"{process.name} exited with {process.returncode}\n{process.output_tail(2000)}"
        )


# ------------------------------------------------------------------------------ the table
@dataclass(frozen=True)
class Medians:
    startup_s: float | None
    rss_mb: float
    pss_mb: float
    uss_mb: float
    cpu_s_per_min: float
    run_s_per_min: float
    switches_per_min: float

    @classmethod
    def of(cls, runs: Sequence[RunFigures]) -> Medians:
        startups = [run.startup_s for run in runs if run.startup_s is not None]
        return cls(
            startup_s=statistics.median(startups) if startups else None,
            rss_mb=statistics.median(run.memory.rss for run in runs) / MB,
            pss_mb=statistics.median(run.memory.pss for run in runs) / MB,
            uss_mb=statistics.median(run.memory.uss for run in runs) / MB,
            cpu_s_per_min=statistics.median(run.cpu_s_per_min for run in runs),
            run_s_per_min=statistics.median(run.run_s_per_min for run in runs),
            switches_per_min=statistics.median(run.switches_per_min for run in runs),
        )


def _ratio(value: float | None, base: float | None) -> str:
    if value is None or base is None or base == 0:
        return "–"
    return f"{value / base:.2f}x"


def format_table(results: dict[str, Medians]) -> str:
    header = (
        f"{'program':<10} {'startup s':>9} {'×bare':>6} {'RSS MB':>7} {'PSS MB':>7}"
        f" {'×bare':>6} {'USS MB':>7} {'CPU s/min':>9} {'run s/min':>9} {'switch/min':>10}"
    )
    lines = [header, "-" * len(header)]
    bare = results.get("bare")
    for name, figures in results.items():
        startup = f"{figures.startup_s:.3f}" if figures.startup_s is not None else "n/a"
        lines.append(
            f"{name:<10} {startup:>9}"
            f" {_ratio(figures.startup_s, bare.startup_s if bare else None):>6}"
            f" {figures.rss_mb:>7.1f} {figures.pss_mb:>7.1f}"
            f" {_ratio(figures.pss_mb, bare.pss_mb if bare else None):>6}"
            f" {figures.uss_mb:>7.1f} {figures.cpu_s_per_min:>9.2f}"
            f" {figures.run_s_per_min:>9.4f} {figures.switches_per_min:>10.1f}"
        )
    return "\n".join(lines)


def format_targets(results: dict[str, Medians]) -> str:
    sitbreak, bare = results.get("sitbreak"), results.get("bare")
    if sitbreak is None:
        return ""

    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    lines = ["Targets for Sitbreak (issue 10):"]
    if bare is not None:
        pss_ratio = sitbreak.pss_mb / bare.pss_mb
        lines.append(
            f"  PSS within {PSS_TARGET_RATIO}x of bare: {pss_ratio:.2f}x"
            f" -> {verdict(pss_ratio <= PSS_TARGET_RATIO)}"
        )
        if sitbreak.startup_s is not None and bare.startup_s is not None:
            startup_ratio = sitbreak.startup_s / bare.startup_s
            lines.append(
                f"  startup within {STARTUP_TARGET_RATIO}x of bare: {startup_ratio:.2f}x"
                f" -> {verdict(startup_ratio <= STARTUP_TARGET_RATIO)}"
            )
    peers = [name for name in ("workrave", "rsibreak", "safeeyes") if name in results]
    if peers:
        below = all(sitbreak.pss_mb < results[name].pss_mb for name in peers)
        lines.append(f"  PSS below every peer measured ({', '.join(peers)}): {verdict(below)}")
    lines.append(
        f"  idle CPU under {IDLE_CPU_TARGET_S_PER_MIN} s/min: {sitbreak.cpu_s_per_min:.2f} s"
        f" (run time {sitbreak.run_s_per_min:.4f} s)"
        f" -> {verdict(sitbreak.run_s_per_min < IDLE_CPU_TARGET_S_PER_MIN)}"
    )
    lines.append(
        f"  under {SWITCHES_TARGET_PER_MIN:g} context switches/min:"
        f" {sitbreak.switches_per_min:.1f} -> "
        f"{verdict(sitbreak.switches_per_min < SWITCHES_TARGET_PER_MIN)}"
    )
    return "\n".join(lines)


def format_issue_figures() -> str:
    lines = ["Issue 10's figures for comparison (startup s, PSS MB, CPU s/min, switches/min):"]
    for name, (startup, pss, cpu, switches) in ISSUE_PEER_FIGURES.items():
        lines.append(f"  {name:<10} {startup:.2f}  {pss:.0f}  {cpu:.2f}  {switches:.0f}")
    return "\n".join(lines)


# ------------------------------------------------------------------------------ main
def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.footprint",
        description="Startup, memory and idle cost of Sitbreak next to a bare PySide6 tray app.",
    )
    parser.add_argument("--runs", type=_positive_int, default=3, help="launches per program")
    parser.add_argument(
        "--settle-seconds",
        type=_non_negative_float,
        default=20.0,
        help="wait after the icon docked before reading memory (default 20)",
    )
    parser.add_argument(
        "--idle-seconds",
        type=_positive_float,
        default=60.0,
        help="idle time over which CPU and context switches are counted (default 60)",
    )
    names = [program.name for program in PROGRAMS]
    parser.add_argument(
        "--only",
        type=lambda text: _program_names(text, names),
        default=names,
        help=f"comma-separated programs to measure (default all: {','.join(names)})",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="keep each run's desktop and program logs under this folder",
    )
    return parser.parse_args(argv)


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive whole number")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number of seconds")
    return value


def _non_negative_float(text: str) -> float:
    value = float(text)
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"{text} is not zero or more seconds")
    return value


def _program_names(text: str, known: Sequence[str]) -> list[str]:
    chosen = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in known]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"unknown program(s) {', '.join(unknown) or '(none given)'}; known: {', '.join(known)}"
        )
    return chosen


@contextlib.contextmanager
def _work_folder(keep: Path | None) -> Iterator[Path]:
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep
        return
    with tempfile.TemporaryDirectory(prefix="sitbreak-footprint-") as folder:
        yield Path(folder)


def _exit_on_sigterm(signum: int, _frame: object) -> None:
    """SIGTERM unwinds like Ctrl+C, so every desktop and program started is stopped."""
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    programs: list[Program] = []
    for program in PROGRAMS:
        if program.name not in options.only:
            continue
        reason = program.missing()
        if reason is not None:
            print(f"note: skipping {program.name}: {reason}", file=sys.stderr)
            continue
        programs.append(program)
    runs: dict[str, list[RunFigures]] = {program.name: [] for program in programs}
    with _work_folder(options.keep) as work:
        for run in range(1, options.runs + 1):
            for program in programs:  # interleaved: load drift hits every program alike
                folder = work / f"{program.name}-{run}"
                figures = measure_once(
                    program,
                    folder,
                    settle_s=options.settle_seconds,
                    idle_s=options.idle_seconds,
                )
                runs[program.name].append(figures)
                startup = "n/a" if figures.startup_s is None else f"{figures.startup_s:.3f} s"
                print(
                    f"run {run}/{options.runs} {program.name}: startup {startup},"
                    f" PSS {figures.memory.pss / MB:.1f} MB,"
                    f" CPU {figures.cpu_s_per_min:.2f} s/min"
                    f" (run time {figures.run_s_per_min:.4f} s/min),"
                    f" {figures.switches_per_min:.1f} switches/min,"
                    f" {figures.threads_started} thread(s) started",
                    file=sys.stderr,
                    flush=True,
                )
    results = {name: Medians.of(figures) for name, figures in runs.items() if figures}
    print(
        f"\nMedians of {options.runs} run(s); memory {options.settle_seconds:g} s after the"
        f" icon docked; CPU and switches over {options.idle_seconds:g} s idle, per minute."
    )
    print(format_table(results))
    print()
    print(format_targets(results))
    print()
    print(format_issue_figures())
    return 0


if __name__ == "__main__":
    sys.exit(main())
