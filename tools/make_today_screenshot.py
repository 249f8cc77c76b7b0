"""Render the Today window with a realistic afternoon, for the docs and for review.

Run from the repository root (offscreen, no display needed)::

    python -m tools.make_today_screenshot

It writes ``docs/screenshots/today.png``. The data goes through the real path: a
temporary sitting log gets a morning walk, a walking break, two stretches in the stretch
window, a "Glute wake-up" routine and three closed days meeting the goals; the real
controller reads it with a fixed clock.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from app.core.clock import Instant
from app.core.goals import DayActivity, GoalTargets, evaluate_day
from app.storage.log import SittingLog
from app.storage.records import ExerciseResponse
from app.ui.today_controller import TodayController, routine_buttons
from app.ui.today_window import TodayWindow

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots" / "today.png"
TZ = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 3, 5)  # a Thursday
NOW = datetime.combine(TODAY, time(15, 40), TZ)
TARGETS = GoalTargets.from_minutes(walk_minutes=30, stretch_minutes=10, strength_days=(0, 3))


class _FixedClock:
    boot_id = None

    def now(self) -> Instant:
        return Instant(mono=0.0, wall=NOW)


def _at(hour: int, minute: int) -> datetime:
    return datetime.combine(TODAY, time(hour, minute), TZ)


def _fill(log: SittingLog) -> None:
    log.add_walk(_at(8, 5), 12 * 60.0, "manual")
    log.add_walk(_at(12, 40), 6 * 60.0, "break")
    for hour, exercise_id, name, muscles in (
        (10, "seated-hamstring-stretch", "Seated hamstring stretch", ["hamstrings"]),
        (14, "wall-calf-stretch", "Wall calf stretch", ["calves"]),
    ):
        shown = log.record_exercise_shown(
            None, _at(hour, 5), exercise_id, name, muscles, category="stretch"
        )
        log.resolve_exercise_shown(shown, ExerciseResponse.DONE, _at(hour, 7))
    run = log.start_routine_run("glute-wake-up", "Glute wake-up", _at(11, 0))
    for minute, (exercise_id, name) in enumerate(
        (("glute-bridge", "Glute bridge"), ("clamshell", "Clamshell")), start=2
    ):
        log.record_routine_step(
            run,
            exercise_id=exercise_id,
            name=name,
            category="activation",
            muscles=["glutes"],
            active_s=100.0,
            outcome="done",
            at=_at(11, minute * 2),
        )
    log.finish_routine_run(run, _at(11, 5), "completed", 200.0)
    good_day = DayActivity(walk_s=2100.0, stretch_s=720.0, glute_done=True, strength_done=True)
    for days_ago in (1, 2, 3):
        day = TODAY - timedelta(days=days_ago)
        closed_at = datetime.combine(day + timedelta(days=1), time(0, 0, 5), TZ)
        log.close_day(evaluate_day(day, good_day, TARGETS, closed_at=closed_at))


def main() -> int:
    app = QApplication(sys.argv)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    with tempfile.TemporaryDirectory() as folder, SittingLog.open(Path(folder) / "s.db") as log:
        _fill(log)
        window = TodayWindow(routine_buttons())
        controller = TodayController(window, log, lambda: TARGETS, _FixedClock())
        controller.show_today()
        app.processEvents()
        OUT.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(OUT)):
            print(f"could not write {OUT}", file=sys.stderr)
            return 1
        window.close()
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
