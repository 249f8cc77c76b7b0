"""The control socket and the instance lock, with a real QLocalServer in this process.

Also the command line's control commands and the status-bar script of docs/examples
against such a server. Clients are blocking, so they run in a worker thread (the bar script
in a subprocess started from one) while ``qtbot.waitUntil`` spins the Qt loop that the
server answers on.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QTimer

import app
from app import cli
from app.core.schedule import PauseChoice, WorkingHours, pause_for
from app.instance_lock import acquire_instance_lock, lock_holder_pid
from app.ipc import (
    MAX_LINE,
    PROTOCOL_VERSION,
    IpcError,
    IpcServer,
    NoInstanceError,
    instance_answers,
    send_request,
)
from app.paths import AppPaths

STATUS = {"state": "sitting", "desk_seconds": 123.4, "version": "0.1.0", "pid": 4242}
SETTINGS_SNOOZE_S = 600.0
BAR_SCRIPT = Path(app.__file__).resolve().parent.parent / "docs" / "examples" / "sitbreak-bar.sh"


@pytest.fixture
def runtime_dir(monkeypatch) -> Iterator[Path]:
    """A short XDG_RUNTIME_DIR: socket paths must stay under ~100 bytes."""
    with tempfile.TemporaryDirectory(prefix="sb-") as name:
        monkeypatch.setenv("XDG_RUNTIME_DIR", name)
        yield Path(name)


@pytest.fixture
def paths(tmp_path, runtime_dir) -> AppPaths:
    paths = AppPaths.under(tmp_path / "base", {"XDG_RUNTIME_DIR": str(runtime_dir)})
    paths.ensure()
    return paths


Calls = list[tuple[str, dict[str, Any]]]


@pytest.fixture
def calls() -> Calls:
    return []


@pytest.fixture
def new_server() -> Iterator[Callable[..., IpcServer]]:
    """Build servers and destroy them on this thread at teardown.

    Left to the garbage collector, a QObject could be destroyed from the worker thread
    that happens to trigger a collection, which Qt does not survive.
    """
    created: list[IpcServer] = []

    def build(path: Path, calls: Calls | None = None) -> IpcServer:
        server = IpcServer(path)
        if calls is not None:
            register_test_commands(server, calls)
        created.append(server)
        return server

    yield build
    for server in created:
        server.close()
        shiboken6.delete(server)


@pytest.fixture
def server(paths, calls, new_server) -> IpcServer:
    server: IpcServer = new_server(paths.socket_path, calls)
    server.listen()
    return server


def register_test_commands(server: IpcServer, calls: Calls) -> None:
    def status(args: dict[str, Any]) -> dict[str, Any]:
        calls.append(("status", args))
        return dict(STATUS)

    def quit_soon(args: dict[str, Any]) -> dict[str, Any]:
        calls.append(("quit", args))
        QTimer.singleShot(0, server.close)  # like the app: reply first, then go
        return {"quitting": True}

    def refuse(args: dict[str, Any]) -> dict[str, Any]:
        raise IpcError("Refusing needs a reason.")

    def crash(args: dict[str, Any]) -> dict[str, Any]:
        raise RuntimeError("boom")

    server.register("status", status)
    server.register("quit", quit_soon)
    server.register("refuse", refuse)
    server.register("crash", crash)
    register_control_commands(server, calls)


def register_control_commands(server: IpcServer, calls: Calls) -> None:
    """Handlers as the app must write them: validate with the cli helpers, reply a status.

    Each records its arguments only once they were accepted, so ``calls`` shows what
    reached the app.
    """
    sitting = dict(STATUS, summary="Sitting 2 min", paused_until=None, paused_indefinitely=False)

    def break_now(args: dict[str, Any]) -> dict[str, Any]:
        cli.no_args_from("break-now", args)
        calls.append(("break-now", args))
        return dict(sitting, state="away", summary="Stretch break: the sitting clock waits")

    def snooze(args: dict[str, Any]) -> dict[str, Any]:
        minutes = cli.snooze_minutes_from(args)
        calls.append(("snooze", args))
        length = SETTINGS_SNOOZE_S if minutes is None else minutes * 60.0
        return dict(sitting, state="snoozed", summary="Snoozed", snooze_seconds=length)

    def pause(args: dict[str, Any]) -> dict[str, Any]:
        choice = cli.pause_choice_from(args)
        calls.append(("pause", args))
        chosen = pause_for(choice, datetime.now().astimezone(), WorkingHours())
        until = chosen.until.isoformat(timespec="seconds") if chosen.until else None
        return dict(
            sitting,
            state="paused",
            paused_until=until,
            paused_indefinitely=chosen.indefinite,
            summary="Paused",
        )

    def resume(args: dict[str, Any]) -> dict[str, Any]:
        cli.no_args_from("resume", args)
        calls.append(("resume", args))
        return sitting

    def settings(args: dict[str, Any]) -> dict[str, Any]:
        cli.no_args_from("settings", args)
        calls.append(("settings", args))
        return sitting

    server.register("break-now", break_now)
    server.register("snooze", snooze)
    server.register("pause", pause)
    server.register("resume", resume)
    server.register("settings", settings)


@pytest.fixture
def in_thread(qtbot) -> Iterator[Callable[..., Any]]:
    """Run a blocking call in a worker thread while the Qt loop keeps answering."""
    with ThreadPoolExecutor(max_workers=1) as pool:

        def run(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
            future: Future[Any] = pool.submit(function, *args, **kwargs)
            qtbot.waitUntil(future.done, timeout=10_000)
            return future.result()

        yield run


def exchange(path: Path, payload: bytes, *, end_ours: bool = True) -> list[dict[str, Any]]:
    """Send raw bytes and return every reply line until the server hangs up.

    With ``end_ours`` we close our sending side first, which makes the server hang up after
    answering; without it only the server's own decision ends the conversation.
    """
    with socket.socket(socket.AF_UNIX) as sock:
        sock.settimeout(5)
        sock.connect(os.fspath(path))
        try:
            sock.sendall(payload)
        except BrokenPipeError:
            # The server may refuse and hang up before it has read everything we send; its
            # reply is already waiting in our receive buffer.
            pass
        else:
            if end_ours:
                sock.shutdown(socket.SHUT_WR)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    return [json.loads(line) for line in received.splitlines()]


def request(**fields: Any) -> bytes:
    return json.dumps(fields).encode() + b"\n"


# ---------------------------------------------------------------- commands


def test_status_returns_the_handlers_result(server, paths, calls, in_thread):
    result = in_thread(send_request, paths.socket_path, "status")

    assert result == STATUS
    assert calls == [("status", {})]


def test_quit_passes_its_arguments_and_the_reply_arrives_before_the_socket_goes(
    server, paths, calls, in_thread, qtbot
):
    result = in_thread(send_request, paths.socket_path, "quit", {"reason": "test"})

    assert result == {"quitting": True}
    assert calls == [("quit", {"reason": "test"})]
    qtbot.waitUntil(lambda: not instance_answers(paths.socket_path))
    assert not paths.socket_path.exists()


def test_several_requests_on_one_connection_get_one_reply_each(server, paths, in_thread):
    line = request(v=PROTOCOL_VERSION, cmd="status")

    replies = in_thread(exchange, paths.socket_path, line * 3)

    assert replies == [{"v": 1, "ok": True, "result": STATUS}] * 3


def test_handler_refusal_is_an_error_reply(server, paths, in_thread):
    with pytest.raises(IpcError, match="Refusing needs a reason"):
        in_thread(send_request, paths.socket_path, "refuse")


def test_handler_crash_is_logged_and_the_server_keeps_answering(server, paths, in_thread, caplog):
    with (
        caplog.at_level(logging.ERROR, logger="app.ipc"),
        pytest.raises(IpcError, match="failed to run 'crash'"),
    ):
        in_thread(send_request, paths.socket_path, "crash")

    assert "boom" in caplog.text
    assert in_thread(send_request, paths.socket_path, "status") == STATUS


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("payload", "error"),
    [
        (b"{not json\n", "not valid JSON"),
        (b"\xff\xfe{}\n", "not valid UTF-8"),
        (b"[1, 2]\n", "must be a JSON object, not an array"),
        (b'"status"\n', "must be a JSON object, not a string"),
        (b"\n", "empty"),
        (b"[" * 30000 + b"\n", "nested too deeply"),
        (request(cmd="status"), "no protocol version"),
        (request(v=2, cmd="status"), "Unsupported protocol version 2"),
        (request(v="1", cmd="status"), 'Unsupported protocol version "1"'),
        (request(v=True, cmd="status"), "Unsupported protocol version true"),
        (request(v=1), "no command"),
        (request(v=1, cmd=7), "no command"),
        (request(v=1, cmd="frobnicate"), "Unknown command 'frobnicate'"),
        (request(v=1, cmd="status", args=[1]), "must be a JSON object, not an array"),
    ],
)
def test_bad_requests_get_an_error_reply_and_the_connection_goes_on(
    server, paths, calls, in_thread, payload, error
):
    follow_up = request(v=PROTOCOL_VERSION, cmd="status")

    replies = in_thread(exchange, paths.socket_path, payload + follow_up)

    assert replies[0]["v"] == PROTOCOL_VERSION
    assert replies[0]["ok"] is False
    assert error in replies[0]["error"]
    assert replies[1] == {"v": 1, "ok": True, "result": STATUS}
    assert calls == [("status", {})]


def test_a_line_of_exactly_the_limit_is_accepted(server, paths, calls, in_thread):
    empty = request(v=1, cmd="status", args={"pad": ""})
    line = request(v=1, cmd="status", args={"pad": "x" * (MAX_LINE + 1 - len(empty))})
    assert len(line) == MAX_LINE + 1  # the newline is not counted

    replies = in_thread(exchange, paths.socket_path, line)

    assert replies == [{"v": 1, "ok": True, "result": STATUS}]


def test_an_over_long_line_is_refused_and_the_connection_closed(server, paths, calls, in_thread):
    too_long = request(v=1, cmd="status", args={"pad": "x" * MAX_LINE})
    follow_up = request(v=1, cmd="status")

    replies = in_thread(exchange, paths.socket_path, too_long + follow_up, end_ours=False)

    assert len(replies) == 1
    assert replies[0]["ok"] is False
    assert f"longer than {MAX_LINE} bytes" in replies[0]["error"]
    assert calls == []


def test_an_endless_line_without_newline_is_refused_early(server, paths, calls, in_thread):
    replies = in_thread(exchange, paths.socket_path, b"x" * (3 * MAX_LINE), end_ours=False)

    assert [reply["ok"] for reply in replies] == [False]
    assert in_thread(send_request, paths.socket_path, "status") == STATUS


def test_the_client_refuses_to_send_an_over_long_request(paths):
    with pytest.raises(IpcError, match="longer than"):
        send_request(paths.socket_path, "status", {"pad": "x" * MAX_LINE})


def test_the_client_rejects_a_reply_that_breaks_the_protocol(paths):
    with socket.socket(socket.AF_UNIX) as fake:
        fake.bind(os.fspath(paths.socket_path))
        fake.listen()

        def answer_garbage() -> None:
            conn, _ = fake.accept()
            with conn:
                conn.recv(65536)
                conn.sendall(b'{"v": 9, "ok": true, "result": {}}\n')

        with ThreadPoolExecutor(max_workers=1) as pool:
            answered = pool.submit(answer_garbage)
            with pytest.raises(IpcError, match="Unsupported protocol version 9"):
                send_request(paths.socket_path, "status")
            answered.result(timeout=5)


# ---------------------------------------------------------------- no server, stale, taken


def test_no_socket_file_means_no_instance(paths):
    with pytest.raises(NoInstanceError):
        send_request(paths.socket_path, "status")
    assert not instance_answers(paths.socket_path)


def abandon_socket(path: Path) -> None:
    """What a crashed instance leaves behind: a socket file nobody listens on."""
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(os.fspath(path))
    assert path.exists()


def test_a_stale_socket_means_no_instance(paths):
    abandon_socket(paths.socket_path)

    with pytest.raises(NoInstanceError):
        send_request(paths.socket_path, "status")


def test_a_stale_socket_is_replaced(paths, calls, in_thread, new_server):
    abandon_socket(paths.socket_path)
    server = new_server(paths.socket_path, calls)

    server.listen()

    assert in_thread(send_request, paths.socket_path, "status") == STATUS
    assert paths.socket_path.stat().st_mode & 0o077 == 0


def test_a_second_server_does_not_steal_the_socket_of_a_live_one(paths, in_thread, new_server):
    first_calls: Calls = []
    second_calls: Calls = []
    first = new_server(paths.socket_path, first_calls)
    first.listen()
    second = new_server(paths.socket_path, second_calls)

    with pytest.raises(IpcError, match="already answers"):
        second.listen()

    assert not second.is_listening()
    assert in_thread(send_request, paths.socket_path, "status") == STATUS
    assert first_calls == [("status", {})]
    assert second_calls == []


def test_a_file_that_is_not_a_socket_is_never_replaced(paths, calls, new_server):
    paths.socket_path.write_text("not ours")
    server = new_server(paths.socket_path, calls)

    with pytest.raises(IpcError, match="not a socket"):
        server.listen()
    assert paths.socket_path.read_text() == "not ours"


def test_a_command_can_have_only_one_handler(paths, calls, new_server):
    server = new_server(paths.socket_path, calls)

    with pytest.raises(ValueError, match="already registered"):
        server.register("status", lambda args: {})


# ---------------------------------------------------------------- the instance lock


def test_only_one_instance_holds_the_lock(paths):
    first = acquire_instance_lock(paths)
    assert first is not None

    assert acquire_instance_lock(paths) is None
    assert lock_holder_pid(paths) == os.getpid()

    first.release()
    again = acquire_instance_lock(paths)
    assert again is not None
    again.release()


def test_a_lock_left_by_a_dead_process_is_taken_over(paths):
    take_and_die = (
        "import os, sys\n"
        "from PySide6.QtCore import QLockFile\n"
        "lock = QLockFile(sys.argv[1])\n"
        "assert lock.tryLock(0)\n"
        "os._exit(0)\n"  # like kill -9: the lock file stays behind
    )
    subprocess.run([sys.executable, "-c", take_and_die, str(paths.lock_file)], check=True)
    assert paths.lock_file.exists()

    lock = acquire_instance_lock(paths)

    assert lock is not None
    with lock:
        assert lock_holder_pid(paths) == os.getpid()


@contextlib.contextmanager
def lock_held_by_another_process(lock_file: Path, *, backdate: bool = False) -> Iterator[int]:
    """Another live process holds the lock until the block ends; yields its pid."""
    hold = (
        "import os, sys\n"
        "from PySide6.QtCore import QLockFile\n"
        "lock = QLockFile(sys.argv[1])\n"
        "assert lock.tryLock(0)\n"
        "if sys.argv[2] == 'backdate':\n"
        "    os.utime(sys.argv[1], (0, 0))\n"  # as if taken in 1970: weeks of running
        "print('locked', flush=True)\n"
        "sys.stdin.read()\n"
    )
    argv = [sys.executable, "-c", hold, str(lock_file), "backdate" if backdate else "-"]
    holder = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        yield holder.pid
    finally:
        holder.communicate("", timeout=10)


def test_a_lock_held_by_another_live_process_is_respected(paths):
    with lock_held_by_another_process(paths.lock_file) as pid:
        assert acquire_instance_lock(paths) is None
        assert lock_holder_pid(paths) == pid


def test_a_lock_never_goes_stale_by_age_while_its_process_lives(paths):
    with lock_held_by_another_process(paths.lock_file, backdate=True):
        assert acquire_instance_lock(paths) is None


# ---------------------------------------------------------------- the command line, live


@pytest.mark.parametrize(
    "argv",
    [["--basedir", "{base}", "status"], ["status", "--basedir", "{base}"]],
    ids=["basedir-first", "basedir-after"],
)
def test_cli_status_talks_to_the_instance_of_its_basedir(server, paths, in_thread, capsys, argv):
    base = str(paths.config_dir.parent)

    code = in_thread(cli.main, [arg.format(base=base) for arg in argv])

    assert code == 0
    out = capsys.readouterr().out
    assert "Sitbreak 0.1.0 is running (pid 4242)." in out
    assert "sitting" in out


def test_cli_status_json_prints_the_result_unchanged(server, paths, in_thread, capsys):
    code = in_thread(cli.main, ["--basedir", str(paths.config_dir.parent), "status", "--json"])

    assert code == 0
    assert json.loads(capsys.readouterr().out) == STATUS


def test_cli_quit_waits_until_the_instance_is_gone(server, paths, calls, in_thread, capsys):
    code = in_thread(cli.main, ["--basedir", str(paths.config_dir.parent), "quit"])

    assert code == 0
    assert calls == [("quit", {})]
    assert not instance_answers(paths.socket_path)
    assert capsys.readouterr().err == ""


def test_cli_quit_gives_up_when_the_instance_stays(
    paths, in_thread, capsys, monkeypatch, new_server
):
    stubborn = new_server(paths.socket_path)
    stubborn.register("quit", lambda args: {"quitting": True})
    stubborn.listen()
    monkeypatch.setattr(cli, "QUIT_DEADLINE_S", 0.3)

    code = in_thread(cli.main, ["--basedir", str(paths.config_dir.parent), "quit"])

    assert code == cli.EXIT_IPC_ERROR
    assert "did not quit within 0.3 s" in capsys.readouterr().err


def test_cli_reports_an_error_reply_with_exit_code_4(paths, in_thread, capsys, new_server):
    broken = new_server(paths.socket_path)
    broken.listen()  # no handlers: every command is unknown

    code = in_thread(cli.main, ["--basedir", str(paths.config_dir.parent), "status"])

    assert code == cli.EXIT_IPC_ERROR
    assert "Unknown command 'status'" in capsys.readouterr().err


# ---------------------------------------------------------------- control commands, live


def run_cli(in_thread: Callable[..., Any], paths: AppPaths, *argv: str) -> int:
    code: int = in_thread(cli.main, ["--basedir", str(paths.config_dir.parent), *argv])
    return code


@pytest.mark.parametrize(
    ("argv", "call", "out"),
    [
        (
            ["break-now"],
            ("break-now", {}),
            "Opening the stretch window.\nStretch break: the sitting clock waits\n",
        ),
        (["snooze"], ("snooze", {}), "Snoozed for 10 min.\nSnoozed\n"),
        (["snooze", "25"], ("snooze", {"minutes": 25}), "Snoozed for 25 min.\nSnoozed\n"),
        (["snooze", "240"], ("snooze", {"minutes": 240}), "Snoozed for 4 h 00 min.\nSnoozed\n"),
        (
            ["pause", "indefinitely"],
            ("pause", {"choice": "indefinitely"}),
            "Paused until resumed.\n",
        ),
        (["resume"], ("resume", {}), "Resumed.\nSitting 2 min\n"),
    ],
)
def test_control_commands_reach_the_app_with_their_arguments(
    server, paths, calls, in_thread, capsys, argv, call, out
):
    assert run_cli(in_thread, paths, *argv) == cli.EXIT_OK

    assert calls == [call]
    captured = capsys.readouterr()
    assert captured.out == out
    assert captured.err == ""


@pytest.mark.parametrize(
    ("argv", "choice"),
    [(["pause"], "1h"), (["pause", "30m"], "30m"), (["pause", "2h"], "2h")],
)
def test_a_timed_pause_says_until_when(server, paths, calls, in_thread, capsys, argv, choice):
    """Without a value, ``pause`` asks for one hour."""
    before = datetime.now().astimezone()

    assert run_cli(in_thread, paths, *argv) == cli.EXIT_OK

    after = datetime.now().astimezone()
    assert calls == [("pause", {"choice": choice})]
    ends = {pause_for(PauseChoice(choice), now, WorkingHours()).until for now in (before, after)}
    out = capsys.readouterr().out
    assert out.startswith("Paused until ")  # "tomorrow HH:MM" late in the evening
    assert any(end is not None and out.endswith(f"{end:%H:%M}.\n") for end in ends)


def test_pause_until_tomorrow_says_tomorrow(server, paths, calls, in_thread, capsys):
    assert run_cli(in_thread, paths, "pause", "tomorrow") == cli.EXIT_OK

    assert calls == [("pause", {"choice": "tomorrow"})]
    assert capsys.readouterr().out == "Paused until tomorrow 04:00.\n"  # no working hours set


@pytest.mark.parametrize(
    "argv", [["snooze", "0"], ["snooze", "abc"], ["snooze", "-5"], ["pause", "3d"]]
)
def test_bad_values_are_refused_before_anything_is_sent(
    server, paths, calls, in_thread, capsys, argv
):
    assert run_cli(in_thread, paths, *argv) == cli.EXIT_USAGE

    assert calls == []
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("cmd", "args", "message"),
    [
        ("snooze", {"minutes": 0}, '"minutes" must be a whole number from 1 to 240, not 0.'),
        ("snooze", {"minutes": 241}, "not 241"),
        ("snooze", {"minutes": "10"}, 'not "10"'),
        ("snooze", {"minutes": 10.0}, "not 10.0"),
        ("snooze", {"minutes": True}, "not true"),
        ("snooze", {"minutes": None}, "not null"),
        ("snooze", {"minute": 5}, """'snooze' does not take "minute" (it takes "minutes")."""),
        ("pause", {}, '"choice" must be one of 30m, 1h, 2h, tomorrow, indefinitely, not null.'),
        ("pause", {"choice": "3d"}, 'not "3d"'),
        ("pause", {"choice": 60}, "not 60"),
        ("pause", {"choice": "1h", "until": "5pm"}, 'does not take "until"'),
        ("break-now", {"exercise": "glute-bridge"}, 'does not take "exercise" (it takes no arg'),
        ("resume", {"now": True}, """'resume' does not take "now" (it takes no arguments)."""),
    ],
)
def test_the_app_refuses_bad_arguments_from_other_clients(
    server, paths, calls, in_thread, cmd, args, message
):
    """What the handlers check with ``cli.*_from``, for clients that bypass the command line."""
    with pytest.raises(IpcError) as refused:
        in_thread(send_request, paths.socket_path, cmd, args)

    assert message in str(refused.value)
    assert calls == []


@pytest.mark.parametrize("argv", [["break-now"], ["snooze", "5"], ["pause"], ["resume"]])
def test_an_error_reply_is_printed_and_exits_4(paths, in_thread, capsys, new_server, argv):
    refusing = new_server(paths.socket_path)

    def refuse(args: dict[str, Any]) -> dict[str, Any]:
        raise IpcError("Sitbreak is shutting down.")

    for cmd in ("break-now", "snooze", "pause", "resume"):
        refusing.register(cmd, refuse)
    refusing.listen()

    assert run_cli(in_thread, paths, *argv) == cli.EXIT_IPC_ERROR

    captured = capsys.readouterr()
    assert captured.err == "sitbreak: Sitbreak is shutting down.\n"
    assert captured.out == ""


def test_a_pause_reply_without_a_pause_is_not_confirmed(paths, in_thread, capsys, new_server):
    forgetful = new_server(paths.socket_path)
    forgetful.register("pause", lambda args: dict(STATUS, paused_until=None))
    forgetful.listen()

    assert run_cli(in_thread, paths, "pause") == cli.EXIT_IPC_ERROR

    captured = capsys.readouterr()
    assert captured.err == "sitbreak: Sitbreak replied, but its status shows no pause.\n"
    assert captured.out == ""


def test_snooze_with_nobody_at_the_desk_says_so_and_exits_0(paths, in_thread, capsys, new_server):
    away = new_server(paths.socket_path)
    away.register("snooze", lambda args: dict(STATUS, state="away", snooze_seconds=None))
    away.listen()

    assert run_cli(in_thread, paths, "snooze") == cli.EXIT_OK

    assert capsys.readouterr().out == "Nothing to snooze: Sitbreak sees nobody at the desk.\n"


# ---------------------------------------------------------------- the status bar example

PROMPTING = dict(
    STATUS,
    state="prompting",
    desk_seconds=2830.4,
    summary="Time to stand up · sitting 47 min",
    paused_until=None,
    paused_indefinitely=False,
    prompt={"shown_at": "2024-06-03T14:30:02+02:00", "reminders": 0, "desk_seconds": 2790.0},
    suggestion={
        "id": "hip-hinge-reach",
        "name": "Hip hinge & <reach>",  # user files may hold markup characters
        "dose": "2 × 10 reps",
        "muscles": ["hamstrings", "glutes"],
    },
)


@pytest.fixture
def bar_env(tmp_path, runtime_dir) -> dict[str, str]:
    """An environment where ``sitbreak`` and ``python3`` are this checkout and this Python."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "sitbreak"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m app "$@"\n')
    shim.chmod(0o755)
    (bin_dir / "python3").symlink_to(sys.executable)
    return dict(
        os.environ,
        PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        PYTHONPATH=str(BAR_SCRIPT.parent.parent.parent),
        XDG_RUNTIME_DIR=str(runtime_dir),
    )


def run_bar(
    in_thread: Callable[..., Any], env: dict[str, str], paths: AppPaths, *options: str
) -> subprocess.CompletedProcess[str]:
    base = str(paths.config_dir.parent)
    argv = ["sh", str(BAR_SCRIPT), *options, "--basedir", base]
    done: subprocess.CompletedProcess[str] = in_thread(
        subprocess.run, argv, env=env, capture_output=True, text=True, timeout=30, check=False
    )
    return done


def serve_status(new_server: Callable[..., IpcServer], paths: AppPaths, status: dict[str, Any]):
    fake = new_server(paths.socket_path)
    fake.register("status", lambda args: dict(status))
    fake.listen()
    return fake


def test_the_bar_says_not_running_and_exits_0(paths, in_thread, bar_env):
    waybar = run_bar(in_thread, bar_env, paths)
    polybar = run_bar(in_thread, bar_env, paths, "--plain")

    assert (waybar.returncode, polybar.returncode) == (0, 0)
    assert json.loads(waybar.stdout) == {
        "text": "not running",
        "tooltip": "Sitbreak is not running.",
        "class": "not-running",
    }
    assert polybar.stdout == "not running\n"


def test_the_bar_shows_the_prompt_and_the_suggestion(paths, in_thread, bar_env, new_server):
    serve_status(new_server, paths, PROMPTING)

    waybar = run_bar(in_thread, bar_env, paths)
    polybar = run_bar(in_thread, bar_env, paths, "--plain")

    assert waybar.returncode == 0, waybar.stderr
    assert json.loads(waybar.stdout) == {
        "text": "47 min · stand up",
        "tooltip": (
            "Time to stand up · sitting 47 min\nNext: Hip hinge &amp; &lt;reach&gt;, 2 × 10 reps"
        ),
        "class": "prompting",
    }
    assert polybar.stdout == "47 min · stand up\n"


@pytest.mark.parametrize(
    ("state", "text"),
    [
        ("away", "away"),
        ("sitting", "47 min"),
        ("snoozed", "47 min · snoozed"),
        ("paused", "paused"),
    ],
)
def test_the_bar_text_follows_the_state(paths, in_thread, bar_env, new_server, state, text):
    serve_status(new_server, paths, dict(PROMPTING, state=state, suggestion=None))

    shown = json.loads(run_bar(in_thread, bar_env, paths).stdout)

    assert (shown["text"], shown["class"]) == (text, state)
    assert shown["tooltip"] == "Time to stand up · sitting 47 min"  # no suggestion, no "Next"


def test_the_bar_shows_an_error_reply_as_an_error(paths, in_thread, bar_env, new_server):
    new_server(paths.socket_path).listen()  # answers, but knows no command

    shown = run_bar(in_thread, bar_env, paths)

    assert shown.returncode == 0
    assert json.loads(shown.stdout) == {
        "text": "error",
        "tooltip": "`sitbreak status --json` failed (exit 4).",
        "class": "error",
    }


@pytest.mark.parametrize(
    ("paused", "sent"),
    [
        ({"paused_until": None, "paused_indefinitely": False}, ("pause", {"choice": "1h"})),
        ({"paused_until": None, "paused_indefinitely": True}, ("resume", {})),
        (
            {"paused_until": "2024-06-03T15:00:00+02:00", "paused_indefinitely": False},
            ("resume", {}),
        ),
    ],
    ids=["not paused", "paused indefinitely", "paused for a while"],
)
def test_the_bar_click_toggles_the_pause(paths, in_thread, bar_env, new_server, paused, sent):
    calls: Calls = []
    fake = serve_status(new_server, paths, dict(STATUS, **paused))
    register_control_commands(fake, calls)

    clicked = run_bar(in_thread, bar_env, paths, "--toggle-pause")

    assert clicked.returncode == 0, clicked.stderr
    assert calls == [sent]


def test_the_settings_command_reaches_the_running_app(server, paths, calls, in_thread, capsys):
    from app.cli import main

    code = in_thread(main, ["--basedir", str(paths.config_dir.parent), "settings"])

    assert code == 0
    assert calls[-1] == ("settings", {})
    assert "Opening the settings." in capsys.readouterr().out
