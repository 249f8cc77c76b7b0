"""The composition root: builds every part once and wires them together.

Nothing else in the app creates services or looks them up globally. Start-up shows the
tray icon first and builds the heavier parts (APScheduler, the platform backends, the
control socket) from a zero-delay timer, so the icon appears as early as possible.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from app import APP_ID, APP_NAME, __version__
from app.core.clock import SystemClock
from app.core.engine import DeskEngine
from app.core.schedule import PauseChoice
from app.i18n_qt import install_translator
from app.paths import AppPaths, erase_user_data
from app.settings.model import Settings
from app.settings.state import State, load_state
from app.settings.store import load_settings
from app.ui.shell import TrayShell, make_shell

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QDialog

    from app.coach_flow import CoachFlow
    from app.coach_notices import CoachNotices
    from app.coordinator import DeskCoordinator
    from app.core.exercise import Exercise, Preferences
    from app.core.goals import GoalTargets
    from app.core.schedule import WorkingHours
    from app.core.stats import DayReport, PeriodReport
    from app.ipc import IpcServer
    from app.platform.base import Environment
    from app.platform.notify_base import Notifier
    from app.prompt_flow import PromptFlow
    from app.scheduling.qt_scheduler import SafeQtScheduler
    from app.storage import SittingLog
    from app.storage.stats import StatsReader
    from app.ui.library_controller import LibraryController
    from app.ui.routine_controller import RoutineController
    from app.ui.settings_controller import SettingsController
    from app.ui.stats_controller import StatsController
    from app.ui.stretch_controller import StretchController
    from app.ui.toast import Toast
    from app.ui.today_controller import TodayController

log = logging.getLogger(__name__)

EXIT_STARTUP_FAILED = 1


@dataclass
class _Core:
    """What exists before the event loop runs: enough to paint the tray icon."""

    paths: AppPaths
    basedir: Path | None
    qt_app: QApplication
    clock: SystemClock
    engine: DeskEngine
    state: State
    sitting_log: SittingLog
    shell: TrayShell
    tray_available: bool
    settings: Settings
    notices: list[str]


def run_app(paths: AppPaths, *, basedir: Path | None = None) -> int:
    """Run Sitbreak until quit; returns the process exit code.

    The caller (``cli``) holds the single-instance lock and has set up logging.
    ``basedir`` is the ``--basedir`` the app runs with (start at login keeps it).
    """
    qt_app = QApplication(sys.argv[:1])
    qt_app.setApplicationName(APP_NAME)
    qt_app.setApplicationVersion(__version__)
    qt_app.setDesktopFileName(APP_ID)
    qt_app.setQuitOnLastWindowClosed(False)
    # Before any widget exists: texts are looked up when widgets are built.
    translator = install_translator(qt_app)
    core = _build_core(paths, qt_app, basedir)
    keep_alive: list[object] = [translator]

    def start_services() -> None:
        try:
            keep_alive.extend(_start_services(core))
        except Exception:
            log.exception("Sitbreak could not start")
            print("Sitbreak could not start: see the log file", paths.log_file, file=sys.stderr)
            qt_app.exit(EXIT_STARTUP_FAILED)

    QTimer.singleShot(0, start_services)
    try:
        return qt_app.exec()
    finally:
        core.shell.dispose()
        core.sitting_log.close()


def _build_core(paths: AppPaths, qt_app: QApplication, basedir: Path | None) -> _Core:
    clock = SystemClock()
    now = clock.now().wall
    notices: list[str] = []
    settings_load = load_settings(paths.settings_file, now=now)
    state_load = load_state(paths.state_file, now=now)
    notices += settings_load.problems + state_load.problems
    for notice in notices:
        log.warning("%s", notice)
    engine = DeskEngine(settings_load.settings.engine_config(), pause=state_load.state.pause)
    tray_available = QSystemTrayIcon.isSystemTrayAvailable()
    shell = make_shell(tray_available)
    shell.set_icon_style(settings_load.settings.general.tray_icon_style)
    shell.show_snapshot(engine.snapshot(), now)
    shell.show()
    sitting_log = _open_log(paths, now, notices)  # after the icon: nothing on it needs the log
    return _Core(
        paths=paths,
        basedir=basedir,
        qt_app=qt_app,
        clock=clock,
        engine=engine,
        state=state_load.state,
        sitting_log=sitting_log,
        shell=shell,
        tray_available=tray_available,
        settings=settings_load.settings,
        notices=notices,
    )


def _start_services(core: _Core) -> list[object]:
    """Everything after the icon: platform, coordinator, prompts, scheduler, socket, signals."""
    # Imported here: they cost tens of milliseconds the tray icon need not wait for.
    from app.coordinator import Backends, DeskCoordinator
    from app.ipc import IpcError, IpcServer
    from app.platform.base import Environment
    from app.platform.factory import open_backends
    from app.platform.presence import open_presence_source
    from app.scheduling.desk_scheduler import DeskScheduler
    from app.scheduling.qt_scheduler import SafeQtScheduler
    from app.ui.controller import TrayController
    from app.unix_signals import UnixSignalBridge

    qt_app, clock, shell = core.qt_app, core.clock, core.shell
    env = Environment.from_os(os.environ, sys.platform)
    platform = open_backends(env)
    presence = open_presence_source(env)
    tray = _tray_kind(core.tray_available)
    coordinator = DeskCoordinator(
        clock=clock,
        engine=core.engine,
        idle_source=platform.idle,
        session_watcher=platform.session,
        sitting_log=core.sitting_log,
        presence_source=presence,
        quiet=core.settings.quiet,
        state=core.state,
        state_file=core.paths.state_file,
        backends=Backends(
            idle=platform.idle.name,
            session=tuple(platform.session.name.split("+")),
            tray=tray,
            degraded=platform.degraded,
        ),
    )
    library = _load_library(core)
    flow = _build_prompt_flow(core, coordinator, env, tray, library)
    scheduler = SafeQtScheduler()
    coach = _build_coach(core, env, tray, coordinator, flow, library, scheduler)
    actions = _AppActions(
        core,
        coordinator,
        flow,
        library,
        coach,
        build_library_window=lambda: _build_library_window(core, flow),
        build_settings_dialog=lambda actions: _build_settings_dialog(
            core, env, tray, coordinator, flow, actions, library, coach
        ),
    )
    controller = TrayController(shell, actions)
    shell.set_routines(coach.flow.routines)
    coordinator.snapshot_changed.connect(lambda snap: controller.show(snap, clock.now().wall))
    coordinator.prompt_resolved.connect(lambda _event: controller.clear_prompt())
    coordinator.quit_requested.connect(lambda: _quit(qt_app))
    coordinator.storage_trouble.connect(lambda text: shell.show_notice(APP_NAME, text))
    platform.session.sleep_changed.connect(coach.on_sleep_changed)

    scheduler.start()
    coordinator.start()
    coordinator.attach_scheduler(DeskScheduler(scheduler, coordinator.sample))
    coach.start()

    server = IpcServer(core.paths.socket_path)
    _register_commands(server, coordinator, flow, actions, qt_app)
    try:
        server.listen()
    except IpcError as exc:
        log.error("control socket unavailable: %s", exc)
        core.notices.append(f"`sitbreak status` and `sitbreak quit` will not work: {exc}")

    signals = UnixSignalBridge((signal.SIGTERM, signal.SIGINT, signal.SIGHUP))
    signals.received.connect(lambda _signum: _quit(qt_app))

    def shut_down() -> None:
        # Order matters: the bout is closed (which samples the platform) before the
        # platform closes, and the socket answers until the log is written.
        coach.shutdown()
        flow.shutdown()
        _stop(coordinator)
        scheduler.shutdown(wait=False)
        platform.close()
        presence.close()
        server.close()
        signals.close()

    qt_app.aboutToQuit.connect(shut_down)
    if core.notices:
        shell.show_notice(APP_NAME, "\n".join(core.notices[:3]))
    log.info("Sitbreak %s started (idle: %s, tray: %s)", __version__, platform.idle.name, tray)
    kept: list[object] = []
    if coordinator.first_run:
        from app.ui.about import show_first_run_notice

        kept.append(show_first_run_notice())  # no parent: this list keeps it alive
        coordinator.first_run_noticed()
    return [
        *kept,
        platform,
        presence,
        coordinator,
        flow,
        coach,
        actions,
        controller,
        scheduler,
        server,
        signals,
        shut_down,
    ]


def _load_library(core: _Core) -> tuple[Exercise, ...]:
    """The bundled exercises plus the user's own; problems go to the log and the user."""
    from app.library.loader import load_library
    from app.resources import exercises_dir, illustrations_dir

    user_dir = core.paths.exercises_dir
    library = load_library(
        [exercises_dir(), user_dir], illustration_dirs=[illustrations_dir(), user_dir]
    )
    for problem in library.problems:
        log.warning("exercise library: %s", problem.describe(full_path=True))
    core.notices += [f"Exercise file skipped: {problem}" for problem in library.errors][:2]
    return library.exercises


def _build_prompt_flow(
    core: _Core,
    coordinator: DeskCoordinator,
    env: Environment,
    tray: str,
    library: tuple[Exercise, ...],
) -> PromptFlow:
    """The notifier chain, the toast and the stretch window around the suggestions."""
    from app.prompt_flow import PromptFlow

    def build_stretch_window() -> StretchController:
        from app.ui.stretch_controller import StretchController
        from app.ui.stretch_window import StretchWindow

        return StretchController(StretchWindow(), core.clock)

    notifier = _build_notifier(core, env, tray)
    engine = core.engine
    return PromptFlow(
        coordinator=coordinator,
        notifier=notifier,
        stretch=build_stretch_window,
        library=library,
        sitting_log=core.sitting_log,
        snooze_minutes=lambda: max(1, round(engine.config.snooze_s / 60)),
        preferences=core.settings.preferences(),
    )


def _build_notifier(core: _Core, env: Environment, tray: str) -> Notifier:
    """The notifier chain for the ``prompts.delivery`` setting, the toast by the tray."""
    from app.platform.notify_chain import DeliveryMode, build_notifier
    from app.ui.toast_notifier import ToastNotifier
    from app.ui.tray import TrayView

    def build_toast() -> Toast:
        from app.ui.toast import Toast

        return Toast()

    tray_icon = core.shell.tray_icon if isinstance(core.shell, TrayView) else None
    toast = ToastNotifier(
        build_toast, anchor=lambda: tray_icon.geometry() if tray_icon is not None else None
    )
    return build_notifier(
        DeliveryMode(core.settings.prompts.delivery),
        env=env,
        toast=toast,
        tray_icon=tray_icon,
        tray_kind=tray,
        app_name=APP_NAME,
        desktop_entry=APP_ID,
    )


def _build_library_window(core: _Core, flow: PromptFlow) -> LibraryController:
    """Browse, favourite, hide, start now; preferences are saved to settings.toml."""
    from app.settings.store import save_settings
    from app.ui.library_controller import LibraryController
    from app.ui.library_window import LibraryWindow

    def save_preferences(preferences: Preferences) -> None:
        # Re-read the file first so edits made by hand while Sitbreak runs are kept.
        path = core.paths.settings_file
        current = load_settings(path, now=core.clock.now().wall).settings
        save_settings(path, current.with_preferences(preferences))
        core.settings = core.settings.with_preferences(preferences)
        flow.set_preferences(preferences)

    controller = LibraryController(LibraryWindow(), save_preferences)
    controller.start_requested.connect(flow.open_exercise)
    return controller


class _Coach:
    """The coach's parts, built once: routines, Today, the strength plan and day rollover."""

    TIME_ZONE_CHECK_MS = 15 * 60 * 1000
    """How often to look for a new time zone besides at resume (travel moves it rarely)."""

    def __init__(
        self, core: _Core, flow: CoachFlow, notices: CoachNotices, scheduler: SafeQtScheduler
    ) -> None:
        from app.scheduling.coach_jobs import CoachJobs, DayRollover, TimeZoneWatcher

        self._core = core
        self.flow = flow
        self.notices = notices
        self.statistics = _Statistics(core, notices, scheduler)
        self._rollover = DayRollover(core.sitting_log, self._targets, core.clock)
        self._jobs = CoachJobs(
            scheduler, on_strength_day=flow.strength_day_reached, on_rollover=self._roll_over
        )
        self._zone = TimeZoneWatcher(core.clock.zone)
        self._zone_timer = QTimer()
        self._zone_timer.setInterval(self.TIME_ZONE_CHECK_MS)
        self._zone_timer.timeout.connect(self.check_time_zone)

    def start(self) -> None:
        self._roll_over()  # days that ended while Sitbreak was not running
        self._jobs.rebuild(self._core.settings.goals, self._core.clock.zone)
        self.statistics.start()
        self._zone_timer.start()

    def apply_settings(self, settings: Settings) -> None:
        self._jobs.rebuild(settings.goals, self._core.clock.zone)
        self.statistics.apply_settings(settings)
        self.flow.refresh()

    def on_sleep_changed(self, sleeping: bool) -> None:
        if not sleeping:  # a laptop wakes up where it travelled to
            self.check_time_zone()

    def check_time_zone(self) -> None:
        """A new local time zone: wall times follow it and the cron jobs are rebuilt."""
        zone = self._zone.changed(self._core.clock.now().wall)
        if zone is None:
            return
        self._core.clock.set_zone(zone)
        self._jobs.rebuild(self._core.settings.goals, zone)
        self.statistics.apply_settings(self._core.settings)
        self.flow.refresh()

    def shutdown(self) -> None:
        self._zone_timer.stop()
        self._jobs.stop()
        self.statistics.close()
        self.flow.shutdown()
        self.notices.shutdown()

    def _targets(self) -> GoalTargets:
        from app.scheduling.coach_jobs import goal_targets

        return goal_targets(self._core.settings.goals)

    def _roll_over(self) -> None:
        try:
            self._rollover.close_due_days()
        except Exception:  # a failed close is retried at the next rollover
            log.exception("could not close the finished days")
        self.statistics.forget_old_history()
        self.flow.refresh()


class _Statistics:
    """The statistics window (built the first time it is asked for), the day and week
    summaries, and the retention of old history."""

    def __init__(self, core: _Core, notices: CoachNotices, scheduler: SafeQtScheduler) -> None:
        from app.scheduling.summary_jobs import SummaryJobs

        self._core = core
        self._notices = notices
        self._jobs = SummaryJobs(
            scheduler, on_day_end=self._day_ended, on_week_end=self._week_ended
        )
        self._reader: StatsReader | None = None
        self._window: StatsController | None = None

    def start(self) -> None:
        self.forget_old_history()
        self.apply_settings(self._core.settings)

    def apply_settings(self, settings: Settings) -> None:
        summary = settings.summary
        self._jobs.rebuild(
            settings.working_hours.working_hours(),
            self._core.clock.zone,
            daily=summary.daily,
            weekly=summary.weekly,
        )

    def open(self, view: str = "day", day: date | None = None) -> None:
        from app.ui.stats_window import View

        self._controller().open(View(view), day)

    def forget_old_history(self) -> None:
        """Retention (``general.keep_days``): history older than that leaves the log."""
        from app.storage.retention import retention_cutoff

        clock, settings = self._core.clock, self._core.settings
        now = clock.now().wall
        cutoff = retention_cutoff(settings.general.keep_days, now.date(), clock.zone)
        if cutoff is None:
            return
        try:
            removed = self._core.sitting_log.delete_before(cutoff)
        except Exception:  # tried again at the next rollover
            log.exception("could not remove history older than %s", cutoff)
            return
        if removed:
            log.info("retention: removed %d rows older than %s", removed, cutoff)

    def close(self) -> None:
        """Before the log file goes away (quit, "Delete all data")."""
        self._jobs.stop()
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    # ------------------------------------------------------------------ internals
    def _open_reader(self) -> StatsReader:
        from app.storage.stats import StatsReader

        if self._reader is None:
            self._reader = StatsReader.open(self._core.paths.database)
        return self._reader

    def _controller(self) -> StatsController:
        if self._window is None:
            from app.export import export_history
            from app.ui.stats_controller import StatsController
            from app.ui.stats_window import StatsWindow

            def export(path: Path, fmt: str, first: date, last: date) -> None:
                # The file dialog has asked before replacing a file.
                export_history(
                    self._open_reader(),
                    path,
                    fmt,
                    first,
                    last,
                    tz=self._core.clock.zone,
                    now=self._core.clock.now().wall,
                    working_hours=self._working_hours(),
                    overwrite=True,
                )

            self._window = StatsController(
                StatsWindow(),
                load_day=self._day_report,
                load_period=self._period_report,
                today=lambda: self._core.clock.now().wall.date(),
                export=export,
            )
        return self._window

    def _working_hours(self) -> WorkingHours:
        return self._core.settings.working_hours.working_hours()

    def _day_report(self, day: date) -> DayReport:
        clock = self._core.clock
        return self._open_reader().day_report(
            day, clock.zone, clock.now().wall, self._working_hours()
        )

    def _period_report(self, first: date, last: date) -> PeriodReport:
        clock = self._core.clock
        return self._open_reader().period_report(
            first, last, clock.zone, clock.now().wall, self._working_hours()
        )

    def _day_ended(self, day: date) -> None:
        from app.core.summary import day_summary_text

        text = day_summary_text(self._day_report(day), QCoreApplication.translate)
        if text is not None:
            self._notices.show(
                text.title,
                text.body,
                open_label=QCoreApplication.translate("Statistics", "Open Today"),
                on_open=lambda: self.open("day", day),
            )

    def _week_ended(self, first: date, last: date) -> None:
        from app.core.summary import week_summary_text

        text = week_summary_text(self._period_report(first, last), QCoreApplication.translate)
        if text is not None:
            self._notices.show(
                text.title,
                text.body,
                open_label=QCoreApplication.translate("Statistics", "Open the week"),
                on_open=lambda: self.open("week", last),
            )


def _build_coach(
    core: _Core,
    env: Environment,
    tray: str,
    coordinator: DeskCoordinator,
    flow: PromptFlow,
    library: tuple[Exercise, ...],
    scheduler: SafeQtScheduler,
) -> _Coach:
    """Routines and their player, the Today view, coach notices, the cron jobs."""
    from app.coach_flow import CoachFlow
    from app.coach_notices import CoachNotices
    from app.library.routines import load_routines
    from app.resources import routines_dir

    routines = load_routines(
        [routines_dir(), core.paths.routines_dir], {exercise.id for exercise in library}
    )
    for problem in routines.problems:
        log.warning("routines: %s", problem.describe(full_path=True))
    core.notices += [f"Routine file skipped: {problem}" for problem in routines.errors][:2]

    def build_player() -> RoutineController:
        from app.platform.sound import open_sound_player
        from app.resources import sounds_dir
        from app.ui.routine_controller import RoutineController
        from app.ui.routine_window import RoutineWindow

        return RoutineController(
            RoutineWindow(),
            core.clock,
            open_sound_player(),
            sounds_dir() / "chime.wav",
            core.sitting_log,
            write_later=coordinator.write_later,
        )

    def build_today() -> TodayController:
        from app.scheduling.coach_jobs import goal_targets
        from app.ui.today_controller import TodayController, routine_buttons
        from app.ui.today_window import TodayWindow

        return TodayController(
            TodayWindow(routine_buttons()),
            core.sitting_log,
            lambda: goal_targets(core.settings.goals),
            core.clock,
        )

    notices = CoachNotices(_build_notifier(core, env, tray))
    coach_flow = CoachFlow(
        coordinator=coordinator,
        prompt_flow=flow,
        player=build_player,
        routines={routine.id: routine for routine in routines.routines},
        library={exercise.id: exercise for exercise in library},
        sitting_log=core.sitting_log,
        today=build_today,
        notices=notices,
        tell_user=core.shell.show_notice,
    )
    return _Coach(core, coach_flow, notices, scheduler)


def _build_settings_dialog(
    core: _Core,
    env: Environment,
    tray: str,
    coordinator: DeskCoordinator,
    flow: PromptFlow,
    actions: _AppActions,
    library: tuple[Exercise, ...],
    coach: _Coach,
) -> SettingsController:
    """The settings dialog: applied live, saved atomically, start at login on disk."""
    from app.platform.autostart_factory import open_autostart, this_launch_command
    from app.settings.store import save_settings
    from app.ui.settings_controller import SettingsController
    from app.ui.settings_dialog import SettingsDialog

    extra_args = ("--basedir", str(core.basedir)) if core.basedir is not None else ()
    autostart = open_autostart(env, os.environ, this_launch_command(extra_args))

    def apply(new: Settings) -> None:
        # Favourites are the library window's: keep what it saved while the dialog was open.
        favourites = core.settings.exercises.favourites
        new = replace(new, exercises=replace(new.exercises, favourites=favourites))
        save_settings(core.paths.settings_file, new)  # raises: the dialog shows why
        delivery_changed = new.prompts.delivery != core.settings.prompts.delivery
        core.settings = new
        if delivery_changed:
            flow.replace_notifier(_build_notifier(core, env, tray))
            coach.notices.replace_notifier(_build_notifier(core, env, tray))
        core.shell.set_icon_style(new.general.tray_icon_style)
        coordinator.apply_settings(new)
        flow.set_preferences(new.preferences())
        coach.apply_settings(new)

    def delete_all_data() -> None:
        coordinator.forget()
        coach.statistics.close()
        core.sitting_log.close()
        erase_user_data(core.paths)
        log.warning("all data deleted at the user's request; quitting")
        _quit(core.qt_app)

    controller = SettingsController(
        SettingsDialog(),
        apply=apply,
        autostart=autostart,
        data_folder=core.paths.data_dir,
        delete_all_data=delete_all_data,
        exercise_names={exercise.id: exercise.name for exercise in library},
    )
    controller.library_requested.connect(actions.open_library)
    return controller


class _AppActions:
    """What the tray menu and the status window can ask for (``ui.controller.AppActions``).

    The settings dialog and the library window are built the first time they are opened:
    most days nobody opens them, and built at start they would hold a few megabytes of
    widgets (and their modules) for the whole run.
    """

    def __init__(
        self,
        core: _Core,
        coordinator: DeskCoordinator,
        flow: PromptFlow,
        library: tuple[Exercise, ...],
        coach: _Coach,
        *,
        build_library_window: Callable[[], LibraryController],
        build_settings_dialog: Callable[[_AppActions], SettingsController],
    ) -> None:
        """``build_settings_dialog`` gets these actions for the dialog's library link."""
        self._core = core
        self._coach = coach
        self._coordinator = coordinator
        self._flow = flow
        self._library = library
        self._build_library_window = build_library_window
        self._build_settings_dialog = build_settings_dialog
        self._library_window: LibraryController | None = None
        self._settings: SettingsController | None = None
        self._about: QDialog | None = None

    def open_settings(self) -> None:
        if self._settings is None:
            self._settings = self._build_settings_dialog(self)
        self._settings.open(self._core.settings)

    def open_today(self) -> None:
        self._coach.flow.open_today()

    def open_statistics(self) -> None:
        self._coach.statistics.open()

    def start_routine(self, routine_id: str) -> str | None:
        """The name of the routine now playing; None if it cannot start (the user is told)."""
        return self._coach.flow.start_routine(routine_id)

    def open_library(self) -> None:
        if self._library_window is None:
            self._library_window = self._build_library_window()
        self._library_window.show_library(self._library, self._core.settings.preferences())

    def about(self) -> None:
        from app.ui.about import AboutDialog, FileLocations

        if self._about is None:
            paths = self._core.paths
            locations = FileLocations(
                settings=paths.settings_file,
                exercises=paths.exercises_dir,
                database=paths.database,
                log=paths.log_file,
            )
            self._about = AboutDialog(__version__, locations)
        self._about.show()
        self._about.raise_()

    def stand_up_now(self) -> None:
        self._flow.stand_up_now()

    def pause(self, choice: PauseChoice) -> None:
        self._coordinator.pause(choice)

    def resume(self) -> None:
        self._coordinator.resume()

    def quit(self) -> None:
        self._coordinator.quit()

    def refresh(self) -> None:
        self._coordinator.refresh()


def _register_commands(
    server: IpcServer,
    coordinator: DeskCoordinator,
    flow: PromptFlow,
    actions: _AppActions,
    qt_app: QApplication,
) -> None:
    """The control socket's commands (documented in docs/cli.md)."""
    from app.cli import no_args_from, pause_choice_from, routine_id_from, snooze_minutes_from
    from app.ipc import IpcError

    def status(_args: dict[str, Any]) -> dict[str, Any]:
        result = coordinator.status() | flow.status_extras()
        result["backends"]["notifier"] = flow.notifier_name
        return result

    def break_now(args: dict[str, Any]) -> dict[str, Any]:
        no_args_from("break-now", args)
        flow.stand_up_now()
        return status(args)

    def snooze(args: dict[str, Any]) -> dict[str, Any]:
        minutes = snooze_minutes_from(args)
        remaining = coordinator.snooze(None if minutes is None else minutes * 60.0)
        return status(args) | {"snooze_seconds": remaining}

    def pause(args: dict[str, Any]) -> dict[str, Any]:
        coordinator.pause(pause_choice_from(args))
        return status(args)

    def resume(args: dict[str, Any]) -> dict[str, Any]:
        no_args_from("resume", args)
        coordinator.resume()
        return status(args)

    server.register("status", status)
    server.register("break-now", break_now)
    server.register("snooze", snooze)
    server.register("pause", pause)
    server.register("resume", resume)

    def settings(args: dict[str, Any]) -> dict[str, Any]:
        no_args_from("settings", args)
        actions.open_settings()
        return status(args)

    server.register("settings", settings)

    def today(args: dict[str, Any]) -> dict[str, Any]:
        no_args_from("today", args)
        actions.open_today()
        return status(args)

    def statistics(args: dict[str, Any]) -> dict[str, Any]:
        no_args_from("statistics", args)
        actions.open_statistics()
        return status(args)

    def routine(args: dict[str, Any]) -> dict[str, Any]:
        routine_id = routine_id_from(args)
        name = actions.start_routine(routine_id)
        if name is None:
            raise IpcError(f"There is no routine {routine_id!r} that can start.")
        return status(args) | {"routine": name}

    server.register("today", today)
    server.register("statistics", statistics)
    server.register("routine", routine)
    server.register("quit", lambda _args: _quit_soon(qt_app))


def _stop(coordinator: DeskCoordinator) -> None:
    try:
        coordinator.stop()
    except Exception:  # quitting must never hang on a failed last write
        log.exception("could not close the bout on quit")


def _open_log(paths: AppPaths, now: datetime, notices: list[str]) -> SittingLog:
    """Open the sitting log; a corrupt one is moved aside (never deleted) and started anew.

    A log that cannot be opened for now (a read-only or full folder, a lock) does not stop
    the reminders: the coordinator warns once and writes what happened once it can.
    """
    from app.storage import CorruptDatabaseError, SittingLog, StorageError, move_aside
    from app.storage.health import is_storage_trouble

    try:
        return SittingLog.open(paths.database)
    except CorruptDatabaseError as exc:
        moved = move_aside(paths.database, now)
        notices.append(f"{exc} It was moved to {moved.name}; a new log was started.")
        return SittingLog.open(paths.database)
    except StorageError as exc:
        if not is_storage_trouble(exc):
            raise
        log.warning("%s; trying again at every write", exc)
        return SittingLog.opened_when_possible(paths.database)


def _quit_soon(qt_app: QApplication) -> dict[str, object]:
    """Reply first, then quit from the event loop."""
    QTimer.singleShot(0, lambda: _quit(qt_app))
    return {"quitting": True}


def _quit(qt_app: QApplication) -> None:
    """Leave the event loop for good.

    Not ``quit()``: in Qt 6 that first asks every window to close, and the status window
    refuses (closing it only minimises it), which would cancel the quit.
    """
    qt_app.exit(0)


def _tray_kind(tray_available: bool) -> str:
    """Which tray protocol Qt uses: the StatusNotifierItem one whenever a watcher exists."""
    if not tray_available:
        return "none"
    from PySide6.QtDBus import QDBusConnection

    bus = QDBusConnection.sessionBus()
    if bus.isConnected():
        registered = bus.interface().isServiceRegistered("org.kde.StatusNotifierWatcher")
        if registered.isValid() and registered.value():
            return "dbus"
    return "xembed"
