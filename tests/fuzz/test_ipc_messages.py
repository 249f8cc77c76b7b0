"""Whatever a client writes to the control socket, each line gets one JSON reply naming
the problem, the server keeps answering, and no exception escapes into Qt.

A real ``IpcServer`` listens in this process; a real Unix socket talks to it without
blocking, while ``qtbot.waitUntil`` spins the Qt loop the server answers on (pytest-qt
fails the test if a slot raises). The handlers validate their arguments with the command
line's helpers, as the app's do (``bootstrap._register_commands``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from app.cli import (
    SNOOZE_MINUTES,
    no_args_from,
    pause_choice_from,
    routine_id_from,
    snooze_minutes_from,
)
from app.core.schedule import PauseChoice
from app.ipc import MAX_LINE, PROTOCOL_VERSION, IpcServer

STATUS = {"state": "sitting", "desk_seconds": 12.5}
COMMANDS = ("status", "snooze", "pause", "resume", "routine")
REPLY_TIMEOUT_MS = 5000
PAUSE_VALUES = [choice.value for choice in PauseChoice]
ROUTINE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""The ids ``routine_id_from`` accepts (docs/cli.md)."""

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=10)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


@dataclass(frozen=True, slots=True)
class Case:
    line: bytes
    """Without its newline."""
    expected: str | None
    """A fragment the error must contain; None when the request is valid."""


def _request(**fields: Any) -> bytes:
    return json.dumps(fields).encode()


def _arg_case(cmd: str, key: str, value: Any) -> Case:
    """A request of a known command with one argument; what its reply must name."""
    line = _request(v=PROTOCOL_VERSION, cmd=cmd, args={key: value})
    if key != {"snooze": "minutes", "pause": "choice", "routine": "id"}.get(cmd):
        return Case(line, f'"{key}"')
    if cmd == "snooze" and type(value) is int and value in SNOOZE_MINUTES:
        return Case(line, None)
    if cmd == "pause" and value in PAUSE_VALUES:
        return Case(line, None)
    if cmd == "routine" and isinstance(value, str) and ROUTINE_ID.fullmatch(value):
        return Case(line, f"There is no routine {value!r}")
    return Case(line, f'"{key}"')


raw_lines = st.binary(max_size=80).map(lambda data: Case(data.replace(b"\n", b" "), ""))
wrong_shapes = json_values.map(
    lambda value: Case(
        json.dumps(value).encode(),
        "no protocol version" if isinstance(value, dict) else "must be a JSON object",
    )
)
unknown_commands = st.text(min_size=1, max_size=20).filter(lambda cmd: cmd not in COMMANDS)
unknown_command_cases = unknown_commands.map(
    lambda cmd: Case(_request(v=PROTOCOL_VERSION, cmd=cmd), f"Unknown command {cmd!r}")
)
argument_cases = st.one_of(
    st.builds(_arg_case, st.just("snooze"), st.just("minutes"), json_values | st.integers(0, 250)),
    st.builds(
        _arg_case, st.just("pause"), st.just("choice"), json_values | st.sampled_from(PAUSE_VALUES)
    ),
    st.builds(
        _arg_case,
        st.just("routine"),
        st.just("id"),
        json_values | st.from_regex(ROUTINE_ID, fullmatch=True),
    ),
    st.builds(_arg_case, st.sampled_from(COMMANDS[1:]), st.text(max_size=6), json_values),
)
cases = st.one_of(raw_lines, wrong_shapes, unknown_command_cases, argument_cases)


class Client:
    """A non-blocking Unix-socket client; every wait spins the Qt loop with a deadline."""

    def __init__(self, path: Path, qtbot: QtBot) -> None:
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._socket.connect(os.fspath(path))
        self._socket.setblocking(False)
        self._qtbot = qtbot
        self._unsent = b""
        self._received = b""
        self.closed_by_server = False

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._socket.close()

    def exchange(self, payload: bytes, replies: int) -> list[dict[str, Any]]:
        """Send ``payload``; the first ``replies`` reply lines (fewer if the server hung up)."""
        self._unsent += payload
        self._qtbot.waitUntil(
            lambda: self._pump() >= replies or self.closed_by_server, timeout=REPLY_TIMEOUT_MS
        )
        lines = self._received.split(b"\n")
        self._received = b"\n".join(lines[replies:])
        return [json.loads(line) for line in lines[:replies] if line]

    def wait_until_closed(self) -> None:
        self._qtbot.waitUntil(
            lambda: self._pump() >= 0 and self.closed_by_server, timeout=REPLY_TIMEOUT_MS
        )

    def _pump(self) -> int:
        """Move what the socket lets move now; the number of complete reply lines."""
        if self._unsent:
            try:
                sent = self._socket.send(self._unsent)
                self._unsent = self._unsent[sent:]
            except BlockingIOError:
                pass
            except OSError:  # the server hung up; what it said before is still readable
                self._unsent = b""
        try:
            chunk = self._socket.recv(1 << 16)
        except BlockingIOError:
            chunk = None
        except OSError:
            chunk = b""
        if chunk == b"":
            self.closed_by_server = True
        elif chunk:
            self._received += chunk
        return self._received.count(b"\n")


@pytest.fixture
def socket_path() -> Iterator[Path]:
    folder = tempfile.mkdtemp(dir="/tmp", prefix="sbz-")  # a Unix socket path is ≤ 108 bytes
    yield Path(folder) / "ipc"
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def server(socket_path: Path, qtbot: QtBot) -> Iterator[IpcServer]:
    server = IpcServer(socket_path)

    def status(_args: dict[str, Any]) -> dict[str, Any]:
        return dict(STATUS)

    def snooze(args: dict[str, Any]) -> dict[str, Any]:
        snooze_minutes_from(args)
        return status(args)

    def pause(args: dict[str, Any]) -> dict[str, Any]:
        pause_choice_from(args)
        return status(args)

    def resume(args: dict[str, Any]) -> dict[str, Any]:
        no_args_from("resume", args)
        return status(args)

    def routine(args: dict[str, Any]) -> dict[str, Any]:
        from app.ipc import IpcError

        raise IpcError(f"There is no routine {routine_id_from(args)!r} that can start.")

    for name, handler in zip(COMMANDS, (status, snooze, pause, resume, routine), strict=True):
        server.register(name, handler)
    server.listen()
    yield server
    server.close()
    shiboken6.delete(server)


def assert_names_the_problem(reply: dict[str, Any], expected: str | None) -> None:
    if expected is None:
        assert reply == {"v": PROTOCOL_VERSION, "ok": True, "result": STATUS}
        return
    assert reply["v"] == PROTOCOL_VERSION
    assert reply["ok"] is False
    error = reply["error"]
    assert isinstance(error, str)
    assert error.strip()
    assert "failed to run" not in error  # that is the reply to a handler's crash
    assert expected in error


FOLLOW_UP = _request(v=PROTOCOL_VERSION, cmd="status") + b"\n"


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=cases)
@example(Case(b'{"v":1,"cmd":"status","args":{"n":' + b"1" * 5000 + b"}}", "number")).via(
    "an integer too long for int(): was a handler crash reply and a logged traceback"
)
@example(Case(b"[" * 30000, "nested too deeply"))
@example(Case(_request(v=1, cmd="snooze", args={"minutes": 1e400}), '"minutes"'))
def test_every_bad_line_gets_one_error_naming_it_and_the_next_request_is_answered(
    server: IpcServer, qtbot: QtBot, case: Case
) -> None:
    with Client(server.socket_path, qtbot) as client:
        bad, follow_up = client.exchange(case.line + b"\n" + FOLLOW_UP, replies=2)

    assert_names_the_problem(bad, case.expected)
    assert_names_the_problem(follow_up, None)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=20)
@given(extra=st.integers(min_value=1, max_value=3 * MAX_LINE), newline=st.booleans())
def test_a_line_over_the_limit_is_refused_and_the_server_answers_the_next_client(
    server: IpcServer, qtbot: QtBot, extra: int, newline: bool
) -> None:
    """Cut at the limit, with or without its newline: one reply, then the connection ends.

    20 examples: each moves up to 256 KiB through the socket, and the sizes that matter
    (just over the limit, several times it) are few.
    """
    with Client(server.socket_path, qtbot) as client:
        (refused,) = client.exchange(b"x" * (MAX_LINE + extra) + b"\n" * newline, replies=1)
        client.wait_until_closed()
    assert_names_the_problem(refused, f"longer than {MAX_LINE} bytes")

    with Client(server.socket_path, qtbot) as next_client:
        (answer,) = next_client.exchange(FOLLOW_UP, replies=1)
    assert_names_the_problem(answer, None)
