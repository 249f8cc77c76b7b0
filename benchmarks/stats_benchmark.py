"""How fast the statistics are with 10 years of history: queries, the CLI summary, exports.

    python -m benchmarks.stats_benchmark [--years 10] [--seed 1] [--db FILE] [--repeat 5]

Writes the history through ``SittingLog`` (``benchmarks/history.py``) into a temporary
folder, or reads ``--db FILE`` if it exists (it is written there first if not). Each view
is timed as the window pays for it: a fresh read-only connection plus the query. Targets
(issue 6): each view well under 200 ms, a full export under 5 s. The statistics window's
first paint of each view is timed too: a new window, its controller loading the view from a
fresh reader, and the window painted once (``grab()``, on Qt's offscreen platform unless
``QT_QPA_PLATFORM`` says otherwise).
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time as clock
from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Final

from app.core.schedule import TimeRange, WorkingHours
from app.export import export_history
from app.stats_command import StatsRequest, run_stats
from app.storage.stats import StatsReader
from benchmarks.history import BERLIN, build_history

VIEW_TARGET_S: Final = 0.200
EXPORT_TARGET_S: Final = 5.0
OFFICE: Final = WorkingHours(
    enabled=True, ranges={day: (TimeRange(time(9), time(17)),) for day in range(5)}
)


def timed(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(median, worst) seconds of ``repeat`` runs of ``action``."""
    runs: list[float] = []
    for _ in range(repeat):
        started = clock.perf_counter()
        action()
        runs.append(clock.perf_counter() - started)
    return statistics.median(runs), max(runs)


def run(db: Path, repeat: int, out_dir: Path) -> list[tuple[str, float, float, float]]:
    """Every measurement as (what, median s, worst s, target s)."""
    now = datetime.now(BERLIN)
    today = now.date()
    monday = today - timedelta(days=today.weekday())
    month_start = today.replace(day=1)

    def view(load: Callable[[StatsReader], object]) -> Callable[[], object]:
        def open_and_load() -> object:
            with StatsReader.open(db) as reader:
                return load(reader)

        return open_and_load

    views: list[tuple[str, Callable[[], object]]] = [
        (
            "Today view (day_report, today)",
            view(lambda r: r.day_report(today, BERLIN, now, OFFICE)),
        ),
        (
            "Day view, 5 years ago",
            view(lambda r: r.day_report(today - timedelta(days=1826), BERLIN, now, OFFICE)),
        ),
        (
            "Week view (period_report, 7 days)",
            view(
                lambda r: r.period_report(monday, monday + timedelta(days=6), BERLIN, now, OFFICE)
            ),
        ),
        (
            "Month view (period_report, month)",
            view(
                lambda r: r.period_report(
                    month_start, month_start + timedelta(days=30), BERLIN, now, OFFICE
                )
            ),
        ),
    ]
    results = [(label, *timed(action, repeat), VIEW_TARGET_S) for label, action in views]

    def cli_summary() -> None:
        run_stats(
            StatsRequest(),
            db_path=db,
            out=io.StringIO(),
            err=io.StringIO(),
            now=now,
            tz=BERLIN,
            working_hours=OFFICE,
        )

    results.append(("CLI summary (sitbreak stats)", *timed(cli_summary, repeat), VIEW_TARGET_S))
    for fmt in ("csv", "json"):
        target = out_dir / f"export.{fmt}"

        def export(fmt: str = fmt, target: Path = target) -> None:
            with StatsReader.open(db) as reader:
                first = reader.first_day(BERLIN) or today
                export_history(
                    reader,
                    target,
                    fmt,
                    first,
                    today,
                    tz=BERLIN,
                    now=now,
                    working_hours=OFFICE,
                    overwrite=True,
                )

        median, worst = timed(export, max(1, repeat // 2))
        size = target.stat().st_size / 1e6
        results.append((f"Full export, {fmt} ({size:.1f} MB)", median, worst, EXPORT_TARGET_S))
    return results


def window_first_paints(db: Path, repeat: int) -> list[tuple[str, float, float, float]]:
    """Each statistics view's first paint in a new window, as the tray's "Statistics" opens it."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.ui.stats_controller import StatsController
    from app.ui.stats_window import StatsWindow, View

    qt_app = QApplication.instance() or QApplication([])
    now = datetime.now(BERLIN)
    results = []
    for view in View:

        def first_paint(view: View = view) -> None:
            with StatsReader.open(db) as reader:
                window = StatsWindow()
                controller = StatsController(
                    window,
                    load_day=lambda day: reader.day_report(day, BERLIN, now, OFFICE),
                    load_period=lambda a, b: reader.period_report(a, b, BERLIN, now, OFFICE),
                    today=lambda: now.date(),
                    export=lambda *_args: None,
                )
                controller.open(view)
                window.grab()
                window.close()
                window.deleteLater()
                qt_app.processEvents()

        label = f"Statistics window, {view.value} view: first paint"
        results.append((label, *timed(first_paint, repeat), VIEW_TARGET_S))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the statistics over years of history.")
    parser.add_argument("--years", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", type=Path, help="reuse (or create) this history file")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sitbreak-bench-") as folder:
        db = options.db or Path(folder) / "sitbreak.db"
        if not db.exists():
            stats = build_history(db, options.years, options.seed)
            print(
                f"History {stats.first_day} .. {stats.last_day}: {stats.sessions} sessions,"
                f" {stats.bouts} bouts, {stats.prompts} prompts;"
                f" written through SittingLog in {stats.seconds:.1f} s"
            )
        results = run(db, options.repeat, Path(folder))
        results += window_first_paints(db, options.repeat)
    width = max(len(label) for label, *_ in results)
    print(f"{'what':<{width}}  {'median':>9}  {'worst':>9}  {'target':>8}")
    failed = False
    for label, median, worst, target in results:
        verdict = "ok" if worst < target else "SLOW"
        failed = failed or worst >= target
        print(
            f"{label:<{width}}  {median * 1000:7.1f}ms  {worst * 1000:7.1f}ms"
            f"  {target * 1000:6.0f}ms  {verdict}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
