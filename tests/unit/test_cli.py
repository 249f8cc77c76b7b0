"""The ``sitbreak`` command line: usage errors, exit codes and the readable status.

Talking to a live instance is covered in tests/ui/test_ipc.py, next to the server.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app import __version__, cli
from app.core.exercise import (
    Animation,
    Category,
    Dose,
    Equipment,
    Exercise,
    Muscle,
    Position,
    Variants,
)
from app.core.schedule import PauseChoice
from app.instance_lock import acquire_instance_lock
from app.ipc import IpcError
from app.library.loader import load_library
from app.paths import AppPaths
from app.resources import exercises_dir, illustrations_dir
from tests.unit.library.exercise_files import exercise_text, line_number, with_line, write

CONTROL_COMMANDS = [["break-now"], ["snooze"], ["snooze", "10"], ["pause"], ["resume"]]


@pytest.fixture
def runtime_dir(monkeypatch) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="sb-") as name:
        monkeypatch.setenv("XDG_RUNTIME_DIR", name)
        yield Path(name)


@pytest.fixture
def basedir(tmp_path: Path, runtime_dir: Path) -> Path:
    return tmp_path / "base"


# ---------------------------------------------------------------- usage errors


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["status", "--colour"], "unrecognized arguments: --colour"),
        (["--basedir"], "expected one argument"),
        (["status", "--basedir"], "expected one argument"),
        (["--basedir", "", "status"], "--basedir: needs a folder name"),
        (["quit", "--json"], "unrecognized arguments: --json"),
        (["break-now", "now"], "unrecognized arguments: now"),
        (["resume", "1h"], "unrecognized arguments: 1h"),
        (["snooze", "10", "20"], "unrecognized arguments: 20"),
        (["library"], "one of the arguments --validate --list is required"),
        (["library", "--validate"], "expected at least one argument"),
        (["library", "--list", "--validate", "x.toml"], "not allowed with argument"),
        (["library", "--validate", "x.toml", "--json"], "--json goes with --list"),
    ],
)
def test_usage_errors_exit_2_with_a_message(argv, message, capsys, runtime_dir):
    assert cli.main(argv) == cli.EXIT_USAGE

    captured = capsys.readouterr()
    assert message in captured.err
    assert "usage: sitbreak" in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["snooze", "0"], "argument MINUTES: 0 minutes is out of range (allowed: 1 to 240)"),
        (["snooze", "241"], "argument MINUTES: 241 minutes is out of range (allowed: 1 to 240)"),
        (["snooze", "abc"], "argument MINUTES: 'abc' is not a whole number of minutes"),
        (["snooze", "-5"], "'-5' is not a whole number of minutes (allowed: 1 to 240;"),
        (["snooze", "1.5"], "'1.5' is not a whole number of minutes"),
        (["snooze", "10m"], "'10m' is not a whole number of minutes"),
        (["snooze", "\uff15"], "'\uff15' is not a whole number"),  # a full-width digit five
        (["snooze", ""], "'' is not a whole number of minutes"),
        (
            ["pause", "3d"],
            "argument HOW_LONG: '3d' is not a pause length"
            " (allowed: 30m, 1h, 2h, tomorrow, indefinitely)",
        ),
        (["pause", "1H"], "'1H' is not a pause length"),
        (["pause", ""], "'' is not a pause length"),
    ],
)
def test_bad_control_values_exit_2_naming_the_value_and_the_allowed_ones(
    argv, message, capsys, basedir
):
    assert cli.main(["--basedir", str(basedir), *argv]) == cli.EXIT_USAGE

    captured = capsys.readouterr()
    assert message in captured.err
    assert f"usage: sitbreak {argv[0]}" in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""


def test_the_control_commands_parse_their_values():
    parse = cli.build_parser().parse_args

    assert parse(["snooze"]).minutes is None  # the app uses the settings' snooze
    assert parse(["snooze", "1"]).minutes == 1
    assert parse(["snooze", "0240"]).minutes == 240
    assert parse(["pause"]).choice is PauseChoice.HOUR_1  # the documented default
    assert [parse(["pause", choice.value]).choice for choice in PauseChoice] == list(PauseChoice)


@pytest.mark.parametrize("command", ["run", "status", "quit"])
def test_a_basedir_that_is_a_file_is_refused(command, tmp_path, capsys, runtime_dir):
    notes = tmp_path / "notes.txt"
    notes.write_text("mine")

    assert cli.main(["--basedir", str(notes), command]) == cli.EXIT_USAGE

    assert f"{notes} is not a folder" in capsys.readouterr().err
    assert notes.read_text() == "mine"


def test_run_refuses_a_basedir_below_a_file(tmp_path, capsys, runtime_dir):
    notes = tmp_path / "notes.txt"
    notes.write_text("mine")

    assert cli.main(["--basedir", str(notes / "sub"), "run"]) == cli.EXIT_USAGE

    err = capsys.readouterr().err
    assert err.startswith("sitbreak: Cannot create")
    assert "a part of that path is a file" in err
    assert notes.read_text() == "mine"


@pytest.mark.parametrize(
    "argv",
    [
        ["--basedir", "/srv/sb", "-v", "run"],
        ["run", "--basedir", "/srv/sb", "-v"],
        ["--basedir", "/srv/sb", "run", "-v"],
        ["-v", "run", "--basedir", "/srv/sb"],
    ],
)
def test_global_options_work_before_and_after_the_command(argv):
    options = cli.build_parser().parse_args(argv)

    assert options.basedir == Path("/srv/sb")
    assert options.verbose is True


def test_without_options_nothing_is_set():
    options = cli.build_parser().parse_args([])

    assert options.command is None  # main() runs the app
    assert options.basedir is None
    assert options.verbose is False


def test_version_and_help_exit_0(capsys):
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"sitbreak {__version__}"

    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    commands = ("run", "status", "quit", "break-now", "snooze", "pause", "resume", "library")
    for command in (*commands, "--basedir"):
        assert command in out


# ---------------------------------------------------------------- not running


@pytest.mark.parametrize("argv", [["status"], ["status", "--json"], ["quit"], *CONTROL_COMMANDS])
def test_not_running_exits_3(argv, basedir, capsys):
    assert cli.main(["--basedir", str(basedir), *argv]) == cli.EXIT_NOT_RUNNING

    captured = capsys.readouterr()
    assert captured.err == "Sitbreak is not running.\n"
    assert captured.out == ""


def test_a_socket_left_by_a_crash_still_means_not_running(basedir, capsys):
    paths = AppPaths.under(basedir)
    paths.ensure()
    with socket.socket(socket.AF_UNIX) as abandoned:
        abandoned.bind(os.fspath(paths.socket_path))

    assert cli.main(["--basedir", str(basedir), "status"]) == cli.EXIT_NOT_RUNNING
    assert capsys.readouterr().err == "Sitbreak is not running.\n"


@pytest.mark.parametrize("argv", [["status"], *CONTROL_COMMANDS])
def test_talking_to_the_instance_does_not_create_the_basedir(argv, basedir):
    cli.main(["--basedir", str(basedir), *argv])

    assert not basedir.exists()


def test_an_instance_that_hangs_up_without_a_reply_exits_4(basedir, capsys):
    paths = AppPaths.under(basedir)
    paths.ensure()
    with socket.socket(socket.AF_UNIX) as fake, ThreadPoolExecutor(max_workers=1) as pool:
        fake.bind(os.fspath(paths.socket_path))
        fake.listen()

        def read_and_hang_up() -> None:
            conn, _ = fake.accept()
            with conn:
                conn.recv(65536)

        hung_up = pool.submit(read_and_hang_up)
        code = cli.main(["--basedir", str(basedir), "status"])
        hung_up.result(timeout=5)

    assert code == cli.EXIT_IPC_ERROR
    assert capsys.readouterr().err == "sitbreak: Sitbreak closed the connection without a reply.\n"


# ---------------------------------------------------------------- run


@pytest.mark.parametrize("argv", [[], ["run"]], ids=["default-command", "run"])
def test_run_while_another_instance_runs_says_so_and_exits_0(argv, basedir, capsys):
    paths = AppPaths.under(basedir)
    paths.ensure()
    lock = acquire_instance_lock(paths)
    assert lock is not None
    with lock:
        code = cli.main(["--basedir", str(basedir), *argv])

    assert code == 0
    assert capsys.readouterr().err == (
        f"Sitbreak is already running (basedir {basedir}, pid {os.getpid()}).\n"
    )


# ---------------------------------------------------------------- the readable status

FULL_STATUS = {
    "state": "sitting",
    "summary": "Sitting 2 min · stand-up in ~43 min",
    "desk_seconds": 123.4,
    "seconds_to_window": 2576.6,
    "window_start_seconds": 2700,
    "window_end_seconds": 3600,
    "bout_start": datetime.now().astimezone().replace(hour=9, minute=12).isoformat(),
    "paused_until": None,
    "paused_indefinitely": False,
    "estimated": False,
    "today": {"desk_seconds": 5400.0, "bouts": 3, "longest_bout_seconds": 2400.0},
    "backends": {"idle": "x11-screensaver", "session": ["logind"], "tray": "xembed"},
    "degraded": [],
    "version": "0.1.0",
    "pid": 1234,
}


def test_status_text_says_what_the_instance_sees():
    text = cli.format_status(FULL_STATUS)

    assert text.splitlines() == [
        "Sitbreak 0.1.0 is running (pid 1234).",
        "Sitting 2 min · stand-up in ~43 min",
        "State:           sitting",
        "This bout:       2 min at the desk since 09:12",
        "Stand-up window: in 43 min (from 45 min to 1 h 00 min of desk time)",
        "Today:           1 h 30 min sitting, 3 bouts, longest 40 min",
        "Backends:        idle x11-screensaver, session logind, tray xembed",
    ]


def test_status_text_shows_pause_estimate_and_every_degraded_note():
    status = dict(
        FULL_STATUS,
        state="paused",
        seconds_to_window=0,
        paused_indefinitely=True,
        estimated=True,
        degraded=["No idle source: desk time is estimated.", "No session bus."],
    )

    lines = cli.format_status(status).splitlines()

    assert "Stand-up window: open now (from 45 min to 1 h 00 min of desk time)" in lines
    assert "Paused:          until resumed" in lines
    assert "Estimated:       yes: no idle source works, so desk time is a guess" in lines
    assert lines[-2:] == [
        "Degraded:        No idle source: desk time is estimated.",
        "                 No session bus.",
    ]


def test_status_text_survives_missing_and_odd_values():
    assert cli.format_status({}) == "Sitbreak is running."

    odd = {"desk_seconds": "soon", "today": [], "degraded": "oops", "pid": True, "state": 3}
    assert cli.format_status(odd) == "Sitbreak is running."


def test_status_text_names_the_waiting_prompt_and_the_suggestion():
    shown = datetime.now().astimezone().replace(hour=10, minute=2, second=0, microsecond=0)
    status = dict(
        FULL_STATUS,
        state="prompting",
        prompt={"shown_at": shown.isoformat(), "reminders": 2, "desk_seconds": 2820.0},
        suggestion={
            "id": "hip-flexor-stretch",
            "name": "Kneeling hip flexor stretch",
            "dose": "30 s each side",
            "muscles": ["hip-flexors", "quads"],
        },
    )

    lines = cli.format_status(status).splitlines()

    assert "Prompt:          waiting since 10:02 (after 47 min at the desk, 2 reminders)" in lines
    assert (
        "Suggestion:      Kneeling hip flexor stretch, 30 s each side (hip flexors, quads)" in lines
    )


def test_status_text_leaves_out_a_prompt_and_suggestion_that_are_null():
    status = dict(FULL_STATUS, prompt=None, suggestion=None)

    assert cli.format_status(status) == cli.format_status(FULL_STATUS)


# ---------------------------------------------------------------- control confirmations

NOW = datetime(2024, 6, 3, 14, 0).astimezone()
"""A fixed "now" in this machine's zone, as the command line reads times."""


def test_break_now_confirms_and_shows_the_new_status_line():
    result = {"summary": "Stretch break: the sitting clock waits"}

    assert cli.confirm_break_now(result) == [
        "Opening the stretch window.",
        "Stretch break: the sitting clock waits",
    ]


@pytest.mark.parametrize(
    ("result", "requested", "first_line"),
    [
        ({"snooze_seconds": 600.0}, None, "Snoozed for 10 min."),
        ({"snooze_seconds": 5400}, 90, "Snoozed for 1 h 30 min."),
        ({"snooze_seconds": None}, 10, "Nothing to snooze: Sitbreak sees nobody at the desk."),
        ({}, 25, "Snoozed for 25 min."),  # an app that does not say: what was asked
        ({}, None, "Snoozed."),
    ],
)
def test_snooze_says_for_how_long_from_the_reply(result, requested, first_line):
    lines = cli.confirm_snooze(dict(result, summary="Snoozed · sitting 47 min"), requested)

    assert lines == [first_line, "Snoozed · sitting 47 min"]


@pytest.mark.parametrize(
    ("result", "line"),
    [
        ({"paused_until": (NOW + timedelta(minutes=30)).isoformat()}, "Paused until 14:30."),
        (
            {"paused_until": (NOW + timedelta(hours=19)).isoformat()},
            "Paused until tomorrow 09:00.",
        ),
        (
            {"paused_until": (NOW + timedelta(days=3, hours=-5)).isoformat()},
            "Paused until 2024-06-06 09:00.",
        ),
        ({"paused_until": None, "paused_indefinitely": True}, "Paused until resumed."),
    ],
)
def test_pause_says_until_when_in_local_time(result, line):
    assert cli.confirm_pause(dict(result, summary="Paused until 14:30"), now=NOW) == [line]


@pytest.mark.parametrize(
    "result", [{}, {"paused_until": None, "paused_indefinitely": False}], ids=["missing", "none"]
)
def test_a_pause_reply_without_a_pause_is_an_error_not_a_confirmation(result):
    with pytest.raises(IpcError, match="its status shows no pause"):
        cli.confirm_pause(result)


def test_resume_confirms_and_shows_the_new_status_line():
    result = {"paused_until": None, "paused_indefinitely": False, "summary": "Sitting 12 min"}

    assert cli.confirm_resume(result) == ["Resumed.", "Sitting 12 min"]


@pytest.mark.parametrize(
    "result",
    [{"paused_indefinitely": True}, {"paused_until": NOW.isoformat()}],
    ids=["indefinitely", "until"],
)
def test_a_resume_reply_that_is_still_paused_is_an_error(result):
    with pytest.raises(IpcError, match="still shows a pause"):
        cli.confirm_resume(result)


# ---------------------------------------------------------------- library


def test_validate_names_file_line_and_field_of_each_mistake_and_exits_1(tmp_path, capsys):
    bad_field = exercise_text("bad-field", position='position = "lying"')
    bad_toml = with_line(exercise_text("bad-toml"), "name =", 'name = "Unclosed')
    drafts = tmp_path / "drafts"
    write(drafts, "bad-field.toml", bad_field)
    write(drafts, "bad-toml.toml", bad_toml)
    write(drafts, "my-own.toml", exercise_text("my-own"))

    assert cli.main(["library", "--validate", str(drafts)]) == cli.EXIT_INVALID

    loaded = load_library([drafts])  # what the app would say about the same files
    assert [e.id for e in loaded.exercises] == ["my-own"]
    assert capsys.readouterr().out.splitlines() == [
        *(problem.describe(full_path=True) for problem in loaded.problems),
        "2 errors, 0 warnings; 1 exercise would load.",
    ]
    assert loaded.problems[0].describe(full_path=True) == (
        f"{drafts / 'bad-field.toml'}:{line_number(bad_field, 'position =')}: position: "
        'expected one of standing, seated, floor; got "lying"'
    )
    assert (
        loaded.problems[1]
        .describe(full_path=True)
        .startswith(
            f"{drafts / 'bad-toml.toml'}:{line_number(bad_toml, 'name =')}: not valid TOML: "
        )
    )


def test_validate_reports_a_clash_with_a_bundled_id(tmp_path, capsys):
    taken = load_library([exercises_dir()]).exercises[0].id
    mine = write(tmp_path, "mine.toml", exercise_text(taken))

    assert cli.main(["library", "--validate", str(mine)]) == cli.EXIT_INVALID

    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f'{mine}:2: id: "{taken}" is already the id of {exercises_dir()}')


def test_validate_prints_warnings_but_exits_0(tmp_path, capsys):
    text = exercise_text("my-own") + 'mood = "calm"\n'
    mine = write(tmp_path, "my-own.toml", text)

    assert cli.main(["library", "--validate", str(mine)]) == cli.EXIT_OK

    assert capsys.readouterr().out.splitlines() == [
        f"{mine}:{line_number(text, 'mood')}: mood: unknown key, ignored (warning)",
        "0 errors, 1 warning; 1 exercise would load.",
    ]


def test_validate_a_path_that_does_not_exist_exits_1(tmp_path, capsys):
    assert cli.main(["library", "--validate", str(tmp_path / "nope.toml")]) == cli.EXIT_INVALID
    assert capsys.readouterr().out.startswith(f"{tmp_path / 'nope.toml'}: not found\n")


def test_validate_the_bundled_library_finds_nothing_wrong(capsys):
    assert cli.main(["library", "--validate", str(exercises_dir())]) == cli.EXIT_OK
    assert capsys.readouterr().out.startswith("0 errors, 0 warnings;")


def test_list_shows_the_bundled_and_the_users_exercises_as_a_table(basedir, capsys):
    user_dir = AppPaths.under(basedir).exercises_dir
    write(user_dir, "my-own.toml", exercise_text("my-own", name='name = "My own bridge"'))

    assert cli.main(["library", "--list", "--basedir", str(basedir)]) == cli.EXIT_OK

    captured = capsys.readouterr()
    assert captured.err == ""
    header, *rows = captured.out.splitlines()
    assert header.split() == ["ID", "NAME", "POSITION", "EQUIPMENT", "DOSE", "MAIN", "MUSCLE"]
    bundled = load_library([exercises_dir()]).exercises
    assert [row.split()[0] for row in rows] == sorted([e.id for e in bundled] + ["my-own"])
    mine = next(row for row in rows if row.startswith("my-own "))
    columns = [header.index(title) for title in ("NAME", "POSITION", "EQUIPMENT", "DOSE", "MAIN")]
    cells = [
        mine[start:end].strip() for start, end in zip([0, *columns], [*columns, None], strict=True)
    ]
    assert cells == ["my-own", "My own bridge", "floor", "mat", "2 × 10 reps", "glutes"]
    for row in rows:  # every column starts where its title does
        assert all(row[start - 2 : start] == "  " and row[start] != " " for start in columns)


def test_list_reports_a_broken_user_file_on_stderr_and_lists_the_rest(basedir, capsys):
    user_dir = AppPaths.under(basedir).exercises_dir
    broken = write(user_dir, "broken.toml", "this is not toml")

    assert cli.main(["library", "--list", "--basedir", str(basedir)]) == cli.EXIT_OK

    captured = capsys.readouterr()
    assert captured.err.startswith(f"sitbreak: {broken}:1: not valid TOML: ")
    assert len(captured.out.splitlines()) == 1 + len(load_library([exercises_dir()]).exercises)


def test_list_json_round_trips_to_the_library(basedir, capsys):
    user_dir = AppPaths.under(basedir).exercises_dir
    write(user_dir, "my-own.toml", exercise_text("my-own"))

    assert cli.main(["--basedir", str(basedir), "library", "--list", "--json"]) == cli.EXIT_OK

    listed = json.loads(capsys.readouterr().out)
    expected = load_library([exercises_dir(), user_dir], illustration_dirs=[illustrations_dir()])
    assert [exercise_from_json(item) for item in listed] == list(expected.exercises)
    mine = next(item for item in listed if item["id"] == "my-own")
    assert mine["group"] == "glutes"
    assert mine["dose"]["text"] == "2 × 10 reps"


def test_list_without_a_basedir_of_its_own_creates_nothing(basedir, capsys):
    assert cli.main(["library", "--list", "--basedir", str(basedir)]) == cli.EXIT_OK
    assert not basedir.exists()
    assert capsys.readouterr().err == ""


def test_the_library_command_needs_no_gui(tmp_path):
    """It runs where no display is (a script, a CI job): no Qt GUI module is even imported."""
    code = (
        "import sys\n"
        "from app import cli\n"
        f"code = cli.main(['library', '--list', '--basedir', {str(tmp_path)!r}])\n"
        "gui = sorted(m for m in sys.modules if m.startswith(('PySide6.QtGui', "
        "'PySide6.QtWidgets', 'app.ui', 'app.bootstrap')))\n"
        "print(code, gui, file=sys.stderr)\n"
    )
    env = {key: value for key, value in os.environ.items() if key not in {"DISPLAY"}}
    env["QT_QPA_PLATFORM"] = "minimal"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.stderr.strip().splitlines()[-1] == "0 []"


def exercise_from_json(item: dict[str, Any]) -> Exercise:
    """The inverse of ``--list --json``: every field of the exercise comes back."""
    dose = item["dose"]
    return Exercise(
        id=item["id"],
        name=item["name"],
        summary=item["summary"],
        category=Category(item["category"]),
        muscles=tuple(Muscle(m) for m in item["muscles"]),
        position=Position(item["position"]),
        equipment=tuple(Equipment(e) for e in item["equipment"]),
        dose=Dose(
            reps=dose["reps"], hold_s=dose["hold_s"], sets=dose["sets"], per_side=dose["per_side"]
        ),
        steps=tuple(item["steps"]),
        cautions=tuple(item["cautions"]),
        variants=Variants(**item["variants"]),
        illustration=Path(item["illustration"]) if item["illustration"] else None,
        animation=(
            Animation(
                frames=tuple(Path(frame) for frame in item["animation"]["frames"]),
                rep_s=item["animation"]["rep_s"],
            )
            if item["animation"]
            else None
        ),
        source=Path(item["source"]) if item["source"] else None,
    )
